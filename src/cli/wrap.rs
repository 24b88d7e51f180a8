//! Prose wrapped to the terminal's width, in terminal columns (East Asian wide characters
//! count 2, by `unicode-width`), never inside a word or a Japanese word.
//!
//! A line may break only where a reader expects it: at spaces; in Japanese after 「、」「。」
//! 「）」「」」「：」 and before 「（」「「」 (never so that a closing mark starts a line or an
//! opening one ends it), where a particle or a verb's ending meets the next word (a kanji or
//! katakana after の, を, に, は, が, で, と, も, へ, や, て, る, す, た, く, ず, ば — not after
//! okurigana inside a word: 引き継ぐ, 読み取り, 受け付け); and at a zero-width space (U+200B),
//! which the catalogue may put between two Japanese phrases to mark a boundary. Zero-width spaces never reach the
//! output. A piece wider than the line overflows rather than being cut. Continuation lines
//! keep the indent of the first.
//!
//! How wide: results and messages wrap to a terminal's own width and not at all into a
//! pipe or a file ([`terminal_width`]); `--help` also takes `COLUMNS` ([`columns`]).

use unicode_width::UnicodeWidthStr;

/// The zero-width space: a phrase boundary the catalogue may mark; never printed.
pub const ZWSP: char = '\u{200B}';

/// Marks after which a Japanese line may break.
const BREAK_AFTER: [char; 5] = ['、', '。', '）', '」', '：'];
/// Marks before which a Japanese line may break.
const BREAK_BEFORE: [char; 2] = ['（', '「'];

/// Terminal columns of `s`.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `text` without its zero-width spaces.
pub fn strip_zwsp(text: &str) -> String {
    text.replace(ZWSP, "")
}

/// One unbreakable piece of a line and what separates it from the piece before.
struct Piece<'a> {
    /// The spaces before it (empty: a break without a space, or the first piece).
    gap: &'a str,
    text: String,
}

/// Ends the pending piece (if any), with the gap before it.
fn push<'a>(out: &mut Vec<Piece<'a>>, current: &mut String, gap: &mut &'a str) {
    if !current.is_empty() {
        out.push(Piece {
            gap: std::mem::take(gap),
            text: std::mem::take(current),
        });
    }
}

/// Whether a line may break between `before` and `after` (neither a space): after a
/// closing mark or before an opening one, but never so that a closing mark starts a line
/// or an opening one ends it (「。」」 and 「（「」 stay together).
fn may_break(before: char, after: char) -> bool {
    let particle = "のをにはがでともへやてるすたくずば".contains(before);
    let word_start =
        ('\u{4E00}'..='\u{9FFF}').contains(&after) || ('\u{30A1}'..='\u{30FA}').contains(&after);
    (BREAK_AFTER.contains(&before) || BREAK_BEFORE.contains(&after) || (particle && word_start))
        && !BREAK_AFTER.contains(&after)
        && !BREAK_BEFORE.contains(&before)
}

/// Splits one line (no newline, no indent) into unbreakable pieces.
fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut gap = "";
    let mut current = String::new();
    let mut prev: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' ' {
            let mut end = i + 1;
            while let Some(&(j, ' ')) = chars.peek() {
                chars.next();
                end = j + 1;
            }
            push(&mut out, &mut current, &mut gap);
            gap = &line[i..end];
            prev = None;
        } else if c == ZWSP {
            push(&mut out, &mut current, &mut gap);
        } else {
            if prev.is_some_and(|p| may_break(p, c)) {
                push(&mut out, &mut current, &mut gap);
            }
            current.push(c);
            prev = Some(c);
        }
    }
    // Trailing spaces are dropped.
    push(&mut out, &mut current, &mut gap);
    out
}

/// `text` wrapped to `columns` terminal columns: one string per output line, without
/// newlines. Each line of `text` is wrapped on its own; its leading spaces are the indent
/// of all its lines. `columns == 0` means no wrapping (zero-width spaces are still removed).
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    wrap_hanging(text, columns, None)
}

/// Like [`wrap`], with the continuation lines indented by `hang` columns instead of the
/// first line's indent (the help column of `--json  Print…`, the text after a list mark).
pub fn wrap_hanging(text: &str, columns: usize, hang: Option<usize>) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        let indent = &line[..line.len() - body.len()];
        let next = hang
            .map(|h| " ".repeat(h))
            .unwrap_or_else(|| indent.to_string());
        if columns == 0 {
            lines.push(strip_zwsp(line).trim_end_matches(' ').to_string());
            continue;
        }
        let mut current = String::new();
        let mut used = 0;
        for piece in pieces(body) {
            let w = width(&piece.text);
            if current.is_empty() {
                current = format!("{indent}{}", piece.text);
                used = width(indent) + w;
            } else if used + width(piece.gap) + w <= columns {
                current.push_str(piece.gap);
                current.push_str(&piece.text);
                used += width(piece.gap) + w;
            } else {
                lines.push(std::mem::take(&mut current));
                current = format!("{next}{}", piece.text);
                used = width(&next) + w;
            }
        }
        lines.push(current);
    }
    lines
}

/// Stands for a space of a prefix while wrapping (a private-use character: never in text).
const GLUE: char = '\u{E000}';

/// Like [`wrap`], with `prefix` (e.g. `mynapin: error: `) glued to the first piece of
/// `text`: the line never breaks inside the prefix or right after it.
pub fn wrap_prefixed(prefix: &str, text: &str, columns: usize) -> Vec<String> {
    let glued = format!("{}{text}", prefix.replace(' ', &GLUE.to_string()));
    wrap(&glued, columns)
        .into_iter()
        .map(|l| l.replace(GLUE, " "))
        .collect()
}

/// Which stream a text goes to: its width is that stream's terminal's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Stdout,
    /// Standard error.
    Stderr,
}

/// The width to wrap `stream`'s help to: its terminal's, else `COLUMNS`; None: no wrapping.
pub fn columns(stream: Stream) -> Option<usize> {
    terminal_width(stream).or_else(|| columns_from_env(std::env::var("COLUMNS").ok()))
}

/// `COLUMNS` as a width: a positive number, else no wrapping.
fn columns_from_env(value: Option<String>) -> Option<usize> {
    value?.trim().parse::<usize>().ok().filter(|n| *n > 0)
}

/// The width of `stream`'s terminal; None when it is not a terminal (or its width is not
/// known, or the OS has no termios).
#[cfg(unix)]
pub fn terminal_width(stream: Stream) -> Option<usize> {
    let fd = match stream {
        Stream::Stdout => rustix::stdio::stdout(),
        Stream::Stderr => rustix::stdio::stderr(),
    };
    if !rustix::termios::isatty(fd) {
        return None;
    }
    let size = rustix::termios::tcgetwinsize(fd).ok()?;
    Some(usize::from(size.ws_col)).filter(|n| *n > 0)
}

#[cfg(not(unix))]
pub fn terminal_width(_stream: Stream) -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wraps `text` (no indent) and checks the result: every line fits or is one piece too
    /// wide to break; the lines are the text itself, in order, minus zero-width spaces and
    /// the spaces at the breaks; and every break is at a space, a zero-width space, or
    /// after/before one of the marks.
    fn check(text: &str, columns: usize) -> Vec<String> {
        let lines = wrap(text, columns);
        let chars: Vec<char> = text.chars().collect();
        let mut p = 0;
        for (n, line) in lines.iter().enumerate() {
            assert!(!line.contains(ZWSP), "{lines:#?}");
            if n > 0 {
                let mut legal = false;
                while p < chars.len() && (chars[p] == ' ' || chars[p] == ZWSP) {
                    p += 1;
                    legal = true;
                }
                legal = legal || may_break(chars[p - 1], chars[p]);
                assert!(
                    legal,
                    "{columns}: a break inside a word before line {n}: {lines:#?}"
                );
            }
            for c in line.chars() {
                while chars.get(p) == Some(&ZWSP) {
                    p += 1;
                }
                assert_eq!(chars.get(p), Some(&c), "{columns}: line {n} of {lines:#?}");
                p += 1;
            }
            assert!(
                width(line) <= columns || wrap(line, 1).len() == 1,
                "{columns}: line {n} is too wide: {lines:#?}"
            );
        }
        assert_eq!(p, chars.len(), "{columns}: text lost: {lines:#?}");
        lines
    }

    const EN: &str = "The card refused the PIN: wrong user-authentication PIN. 2 tries left. \
                      Check the PIN before you try again: mynapin guide auth --state forgotten";

    #[test]
    fn english_breaks_at_spaces_only() {
        for cols in [20, 40, 80] {
            let lines = check(EN, cols);
            assert!(lines.len() > 1, "{cols}");
        }
        assert_eq!(wrap(EN, 80).len(), 2);
        assert_eq!(
            wrap("one two three", 7),
            ["one two", "three"],
            "a line is filled as far as it goes"
        );
        assert_eq!(
            wrap("user-authentication PIN", 10),
            ["user-authentication", "PIN"]
        );
    }

    const JA: &str = "利用者証明用暗証番号が違います。残り2回です。\
                      0回になるとロックされ、市区町村の窓口（本人確認書類が必要）でしか\
                      再設定できません。「JPKI暗証番号リセット」を使う場合は、先に予約します。";

    #[test]
    fn japanese_breaks_after_and_before_its_marks_only() {
        for cols in [20, 40, 80] {
            let lines = check(JA, cols);
            for l in &lines[1..] {
                assert!(!l.starts_with(BREAK_AFTER), "{cols}: {lines:#?}");
            }
        }
        let lines = wrap(JA, 40);
        assert_eq!(lines[0], "利用者証明用暗証番号が違います。");
        assert!(lines.iter().any(|l| l.starts_with('「')), "{lines:#?}");
        let lines = wrap(JA, 20);
        assert!(lines.iter().any(|l| l.starts_with('（')), "{lines:#?}");
        assert!(lines.iter().any(|l| l.ends_with('）')), "{lines:#?}");
        assert_eq!(wrap(JA, 200), [JA], "fits: one line");
    }

    #[test]
    fn closing_marks_stay_together() {
        let lines = check("とても長い説明です。」次の文（「引用」）です。", 12);
        for l in &lines {
            assert!(!l.starts_with('」') && !l.starts_with('）'), "{lines:#?}");
            assert!(!l.ends_with('（') && !l.ends_with('「'), "{lines:#?}");
        }
    }

    #[test]
    fn zero_width_spaces_are_phrase_boundaries_and_never_printed() {
        let text = "住民基本台帳用暗証番号は\u{200B}市区町村の窓口で\u{200B}再設定します";
        for cols in [20, 40, 80] {
            check(text, cols);
        }
        assert_eq!(
            wrap(text, 28),
            ["住民基本台帳用暗証番号は", "市区町村の窓口で再設定します"]
        );
        assert_eq!(
            wrap("a\u{200B}b", 0),
            ["ab"],
            "removed without wrapping too"
        );
        assert_eq!(wrap("a\u{200B}b", 80), ["ab"]);
    }

    #[test]
    fn mixed_text_keeps_commands_and_hex_whole() {
        let text = "カードが想定外の応答 6A 80 を返しました。確信がなければ入力せず、\
                    mynapin guide juki --state forgotten を見てください。";
        for cols in [20, 40, 80] {
            let lines = check(text, cols);
            assert!(lines.iter().all(|l| !l.ends_with(' ')), "{lines:#?}");
        }
        assert_eq!(
            wrap(text, 40),
            [
                "カードが想定外の応答 6A 80 を",
                "返しました。確信がなければ入力せず、",
                "mynapin guide juki --state forgotten を",
                "見てください。"
            ]
        );
    }

    #[test]
    fn a_piece_wider_than_the_line_overflows_on_its_own_line() {
        let lines = check(
            "see https://www.jpki.go.jp/jpkiidreset/howto/faq_index.html now",
            20,
        );
        assert_eq!(
            lines,
            [
                "see",
                "https://www.jpki.go.jp/jpkiidreset/howto/faq_index.html",
                "now"
            ]
        );
        assert_eq!(
            wrap("署名用電子証明書のパスワードが違います", 20),
            ["署名用電子証明書の", "パスワードが違います"],
            "a particle ends a word"
        );
        let long = "利用者証明用電子証明書暗証番号再設定申請書";
        assert_eq!(wrap(long, 20), [long], "no break point: never cut");
    }

    #[test]
    fn continuation_lines_keep_the_indent_and_lines_wrap_one_by_one() {
        let text =
            "    → 詳しい手順と持ち物は、mynapin guide sign で表示します。\n  second line here";
        let lines = wrap(text, 30);
        assert_eq!(
            lines,
            [
                "    → 詳しい手順と持ち物は、",
                "    mynapin guide sign で",
                "    表示します。",
                "  second line here"
            ]
        );
        assert_eq!(wrap("", 20), [""]);
        assert_eq!(wrap("a\n\nb", 20), ["a", "", "b"]);
        assert_eq!(wrap("a  b", 80), ["a  b"], "spaces kept where no break");
        assert_eq!(wrap("a b   ", 80), ["a b"], "trailing spaces dropped");
    }

    #[test]
    fn a_prefix_stays_on_the_first_line_with_the_first_piece() {
        let lines = wrap_prefixed(
            "mynapin: エラー：",
            "このカードには公的個人認証の機能がありません。マイナンバーカードではありません。\n  マイナンバーカードをリーダーに置いてください。",
            40,
        );
        assert_eq!(
            lines,
            [
                "mynapin: エラー：このカードには",
                "公的個人認証の機能がありません。",
                "マイナンバーカードではありません。",
                "  マイナンバーカードをリーダーに",
                "  置いてください。"
            ]
        );
        assert_eq!(wrap_prefixed("mynapin: ", "a b", 0), ["mynapin: a b"]);
    }

    #[test]
    fn width_counts_east_asian_wide_characters_twice() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("暗証番号"), 8);
        assert_eq!(width("（、。）"), 8);
        assert_eq!(width("ｱｲｳ"), 3, "half-width katakana");
        assert_eq!(width("\u{200B}"), 0);
    }

    #[test]
    fn columns_from_the_environment() {
        assert_eq!(columns_from_env(Some("80".into())), Some(80));
        assert_eq!(columns_from_env(Some(" 100 ".into())), Some(100));
        assert_eq!(columns_from_env(Some("0".into())), None);
        assert_eq!(columns_from_env(Some("wide".into())), None);
        assert_eq!(columns_from_env(None), None);
    }
}
