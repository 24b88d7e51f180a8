//! No English in the Japanese catalogue: one lint over `words/i18n/ja.ftl` that reports every
//! run of two or more Latin letters in a Japanese message, except the tokens of the commented
//! allow-list below (commands and flags a resident types, file names, the card's technical
//! abbreviations, names of products and services).
//!
//! With the pseudo-locale proof (`tests/pseudo_locale.rs`: every text the CLI prints comes from
//! the catalogue), this is what keeps English out of Japanese output: the catalogue holds no
//! English and nothing is printed from outside it. What a message looks like once its values
//! are filled in is in the snapshot cases (`tests/cmd/ja/`), for a reviewer to read.

use fluent_syntax::ast;
use std::collections::BTreeMap;
use std::path::Path;

/// Latin words a Japanese message may contain, each as a whole word. Keep it small and say why:
/// each is a name a resident meets as it is (on the card's box, the reader, the keyboard, a
/// manual, a government page) or a token they type or read in a technical record.
const ALLOWED: &[&str] = &[
    // The program.
    "mynapin",
    // The standard and the bodies named on the card's box and in the government's pages.
    "JPKI",
    "J-LIS",
    "FAQ",
    // The PC/SC stack and the programs around it.
    "PC/SC",
    "pcscd",
    "vpcd",
    "vsmartcard",
    "OpenSC",
    "libccid",
    "CCID",
    // vpcd's reader name ("Virtual PCD 00 00").
    "Virtual",
    "PCD",
    // The card's technical abbreviations, shown next to hex (SW 6A 80, EF 001C, APDU) and the
    // standard the juki change command comes from.
    "SW",
    "EF",
    "AP",
    "DF",
    "APDU",
    "ATR",
    "JICSAP",
    "ISO",
    "PIN",
    // File formats and encodings.
    "TOML",
    "JSON",
    "HTML",
    "Markdown",
    "UTF-8",
    // Read or typed as they are: the confirmation word, OK, ID, IC (ICカード), QR (QRコード),
    // the keys and the signals.
    "YES",
    "OK",
    "ID",
    "IC",
    "QR",
    "Ctrl-C",
    "Ctrl-D",
    "Ctrl-Break",
    "SIGINT",
    "SIGTERM",
    "SIGHUP",
    "SIGQUIT",
    "SIGPIPE",
    "SIGKILL",
    // Readers and systems by their product names.
    "Sony",
    "RC-S300",
    "RC-S380",
    "NFC",
    "Linux",
    "macOS",
    "Windows",
    "Wine",
    // Windows' smart-card service as services.msc names it ("Smart Card", SCardSvr).
    "Smart",
    "Card",
    "SCardSvr",
    "services.msc",
    // The token names a card answers with.
    "JPKIAPICCTOKEN2",
    "JPKIAPGPSETOKEN",
    // Environment variables, named as they are set.
    "LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "COLUMNS",
    "MYNAPIN_CITY",
    "MYNAPIN_CATALOG_DIR",
    "PCSCLITE_CSOCK_NAME",
    // The shells `mynapin completions` writes for, and the programs a message names.
    "bash",
    "zsh",
    "fish",
    "powershell",
    "elvish",
    "man",
    "pcsc-lite",
    "CryptoTokenKit",
    "Ctrl-\\",
    // The placeholder of the date pattern (`YYYY年M月D日`), replaced by the year.
    "YYYY",
    // Words a resident types as they are, named in prose ("watch は…", "juki のときだけ"):
    // the subcommands, the PIN names, the option values, the built-in cities and profiles.
    "status",
    "watch",
    "readers",
    "verify",
    "change",
    "guide",
    "doctor",
    "profile",
    "check",
    "sim",
    "serve",
    "fixtures",
    "completions",
    "auth",
    "sign",
    "kenhojo",
    "juki",
    "juki-ap",
    "juki-common",
    "known",
    "forgotten",
    "blocked",
    "expired",
    "unknown",
    "holder",
    "takatsuki",
    "toyokawa",
    "national",
    // Keys of the files a user writes, named as in the file (a fixture's `atr`, `token`,
    // `description`, a fault rule's `sw`/`answer`/`nth`/`when`/`instead`/`after`, a profile's
    // `source`/`stated`/`count`/`owner`/`applicants`/`change`/`reset`, the config's `city`),
    // and the values and schemes they take (`ja`, `http`, `https`). Keys with `_` or `.` pass
    // as identifiers (`hold_ms`, `person.my_number`).
    "atr",
    "token",
    "description",
    "ja",
    "sw",
    "answer",
    "nth",
    "when",
    "instead",
    "after",
    "source",
    "stated",
    "count",
    "owner",
    "applicants",
    "reset",
    "city",
    "http",
    "https",
];

/// Other programs whose command lines a message gives (`sudo systemctl start pcscd.socket`):
/// the rest of such a command line is the command's.
const COMMANDS: &[&str] = &[
    "mynapin",
    "sudo",
    "systemctl",
    "apt",
    "apt-get",
    "dnf",
    "brew",
    "echo",
];

/// File name endings: a word ending so is a file name (`card.toml`, `pcscd.socket`).
const FILE_ENDINGS: &[&str] = &[
    ".toml", ".md", ".ftl", ".example", ".socket", ".comm", ".msc", ".1",
];

/// The text of a pattern: its text elements and string literals; a placeable (a variable, a
/// message reference) stands as a space, and every variant of a selection is included.
fn text_of(p: &ast::Pattern<&str>, out: &mut String) {
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => expr_text(expression, out),
        }
    }
}

fn expr_text(e: &ast::Expression<&str>, out: &mut String) {
    match e {
        ast::Expression::Select { variants, .. } => {
            for v in variants {
                out.push('\n');
                text_of(&v.value, out);
            }
            out.push('\n');
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            out.push_str(value)
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expr_text(expression, out)
        }
        ast::Expression::Inline(_) => out.push(' '),
    }
}

/// Every message and term of `source`, with the text of its value and attributes.
fn messages(source: &str) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut text = String::new();
        if let Some(v) = value {
            text_of(v, &mut text);
        }
        for a in attributes {
            text.push('\n');
            text_of(&a.value, &mut text);
        }
        out.push((id, text));
    }
    out
}

fn has_letter_run(w: &str) -> bool {
    w.split(|c: char| !c.is_ascii_alphabetic())
        .any(|r| r.len() >= 2)
}

/// Upper-case hex that a card or the PC/SC stack gave: a byte (`6A`, `FF`), an EF or an AID
/// (with a digit: `001C`), a PC/SC code (`0x80100069`).
fn is_hex(w: &str) -> bool {
    let w = w.strip_prefix("0x").unwrap_or(w);
    !w.is_empty()
        && w.bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
        && (w.len() == 2 || w.bytes().any(|b| b.is_ascii_digit()))
}

/// A flag as typed: `--use-last-try`, `--sim=fresh`, `-v`, `-vv`.
fn is_flag(w: &str) -> bool {
    let Some(rest) = w.strip_prefix('-') else {
        return false;
    };
    let name = rest.strip_prefix('-').unwrap_or(rest);
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-=,[]<>|".contains(&b))
}

/// A placeholder in a usage line or a command: `FILE`, `<WHICH>`, `N|NAME`, `HOST:PORT`.
fn is_placeholder(w: &str) -> bool {
    let core = w.trim_matches(|c: char| "<>[]=.…".contains(c));
    !core.is_empty()
        && core.split(['|', ':', '_', '-']).all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
}

fn is_path(w: &str) -> bool {
    w.starts_with(['/', '~'])
        || w.contains('/') && !w.starts_with("PC/")
        || FILE_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// A key or a key path of a file a user writes, or a schema id: lower case with a joint
/// (`hold_ms`, `person.my_number`, `[[faults.rules]]`, `.visits`, `mynapin.*.v1`), or a rule as
/// typed (`match=00200098,nth=1`).
fn is_identifier(w: &str) -> bool {
    let w = w.trim_matches(|c: char| "[]".contains(c));
    // `{ $path }.visits`: a key after a placeable.
    let (suffix, w) = match w.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, w),
    };
    let key = |k: &str| {
        !k.is_empty()
            && k.starts_with(|c: char| c.is_ascii_lowercase())
            && k.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.*".contains(&b))
    };
    let spec = w.contains('=')
        && w.split(',')
            .all(|kv| kv.split_once('=').is_some_and(|(k, _)| key(k)));
    spec || (key(w) && (suffix || w.contains(['_', '.'])))
}

fn is_url(w: &str) -> bool {
    w.starts_with("http://") || w.starts_with("https://")
}

/// Punctuation around a word that is not part of it.
fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| "\"'`,;!?(){}<>*".contains(c))
        .trim_end_matches(['.', ':'])
}

/// A word inside a command line (after `mynapin`, `sudo`…): a subcommand, a PIN name, a value.
fn is_command_word(w: &str) -> bool {
    w.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_=,.:|[]<>/~".contains(&b))
        || is_placeholder(w)
        || is_flag(w)
}

/// The Latin words of a Japanese `text` that the allow-list does not cover, in order.
fn latin_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        // A command stands in backticks or runs to the next Japanese character.
        for (i, span) in line.split('`').enumerate() {
            let quoted = i % 2 == 1;
            for stretch in span.split(|c: char| !c.is_ascii()) {
                let mut in_command = false;
                let mut after_flag = false;
                for raw in stretch.split_ascii_whitespace() {
                    let w = clean(raw);
                    if w.is_empty() || !has_letter_run(w) {
                        continue;
                    }
                    // The value of a flag (`--pinpad auto`, `--state forgotten`).
                    if std::mem::take(&mut after_flag) && is_command_word(w) {
                        continue;
                    }
                    if COMMANDS.contains(&w) {
                        in_command = true;
                        continue;
                    }
                    if (in_command || quoted) && is_command_word(w) {
                        continue;
                    }
                    if is_flag(w) {
                        after_flag = !w.contains('=');
                        continue;
                    }
                    if ALLOWED.contains(&w)
                        || is_identifier(w)
                        || is_hex(w)
                        || is_path(w)
                        || is_url(w)
                    {
                        continue;
                    }
                    in_command = false;
                    out.push(w.to_string());
                }
            }
        }
    }
    out
}

/// Half-width sentence punctuation in Japanese prose, where Japanese writes the full-width
/// forms (（）、。：): `(` or `)` next to a Japanese character; `.`, `,` or `:` after one and
/// before a space, a digit or the end. Not `.toml` (a file ending), `ホスト名:ポート番号` or
/// `書類,…` (value names shaped as typed).
fn ascii_punctuation(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let japanese = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
            let bad = match c {
                '(' | ')' => japanese(before) || japanese(after),
                '.' | ',' | ':' => {
                    japanese(before)
                        && after.is_none_or(|a| a.is_ascii_whitespace() || a.is_ascii_digit())
                }
                _ => false,
            };
            if bad {
                let from = i.saturating_sub(3);
                let to = (i + 4).min(chars.len());
                out.push(chars[from..to].iter().collect());
            }
        }
    }
    out
}

/// The messages of a Japanese catalogue with Latin words outside the allow-list, or with
/// half-width sentence punctuation.
fn findings(source: &str) -> BTreeMap<String, Vec<String>> {
    messages(source)
        .into_iter()
        .filter_map(|(id, text)| {
            let mut bad = latin_words(&text);
            bad.extend(ascii_punctuation(&text));
            (!bad.is_empty()).then_some((id, bad))
        })
        .collect()
}

fn ja_ftl() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("words/i18n/ja.ftl");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_japanese_catalogue_has_no_latin_words_outside_the_allow_list() {
    let found = findings(&ja_ftl());
    let report: Vec<String> = found
        .iter()
        .map(|(id, words)| format!("  {id}: {}", words.join(" ")))
        .collect();
    assert!(
        found.is_empty(),
        "Latin words or half-width punctuation in ja.ftl (translate them, or add a name a \
         resident meets as it is to ALLOWED in tests/ja_latin.rs with a comment):\n{}",
        report.join("\n")
    );
}

/// Every `ja = "…"` text of a TOML value: the Japanese that the city profiles and the fixture
/// descriptions hold, shown by the guide and `sim fixtures` as they are.
fn ja_texts(v: &toml::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                match (k.as_str(), v) {
                    ("ja", toml::Value::String(s)) => out.push((path.to_string(), s.clone())),
                    _ => ja_texts(v, &format!("{path}.{k}"), out),
                }
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                ja_texts(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_japanese_texts_of_profiles_and_fixtures_have_no_latin_words_either() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["core/profiles", "sim/fixtures/cards"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                let name = p.strip_prefix(root).unwrap().display().to_string();
                ja_texts(&v, &name, &mut texts);
            }
        }
    }
    assert!(texts.len() >= 50, "{}", texts.len());
    let bad: Vec<String> = texts
        .iter()
        .filter_map(|(at, text)| {
            let w = latin_words(text);
            (!w.is_empty()).then(|| format!("  {at}: {}", w.join(" ")))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "Latin words in Japanese texts:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_lint_fails_on_a_planted_english_sentence() {
    let mut planted = ja_ftl();
    planted.push_str("\nplanted-message = カードの応答：the reader did not respond in time\n");
    planted.push_str("planted-select = { $n ->\n    [one] 1枚\n   *[other] please try again\n}\n");
    let found = findings(&planted);
    assert_eq!(
        found.get("planted-message").map(Vec::as_slice),
        Some(&["the", "reader", "did", "not", "respond", "in", "time"].map(String::from)[..])
    );
    assert_eq!(
        found.get("planted-select").map(Vec::as_slice),
        Some(&["please", "try", "again"].map(String::from)[..])
    );
}

#[test]
fn commands_flags_files_hex_and_names_pass_and_english_does_not() {
    for japanese in [
        "詳しい手順と持ち物は、mynapin guide auth --state forgotten で確認できます。",
        "`mynapin verify juki --only-ref juki-common` を実行してください。",
        "PC/SC サービス（pcscd）を起動してください（コマンド：sudo systemctl start pcscd.socket）。",
        "想定外の応答 SW 6A 80、EF 001C、0x80100069",
        "sim/fixtures/cards/fresh.toml と見比べてください。",
        "--use-last-try を付けて再実行してください。",
        "ソニー Sony RC-S300 の JPKIAPICCTOKEN2",
    ] {
        assert_eq!(latin_words(japanese), Vec::<String>::new(), "{japanese}");
    }
    assert_eq!(latin_words("応答（memory failure）"), ["memory", "failure"]);
    assert_eq!(latin_words("CHANGE KEY を送りました"), ["CHANGE", "KEY"]);
    assert_eq!(ascii_punctuation("形式:4桁."), ["形式:4桁.", ":4桁."]);
    assert_eq!(ascii_punctuation("応答(6A 80)"), ["応答(6A "]);
    for fine in [
        "（.toml ファイル）",
        "「ホスト名:ポート番号」",
        "書類,…",
        "SW 6A 80、EF 001C。",
    ] {
        assert_eq!(ascii_punctuation(fine), Vec::<String>::new(), "{fine}");
    }
    // A command ends at the next Japanese character: English after it is caught.
    assert_eq!(
        latin_words("mynapin status で確認 and more"),
        ["and", "more"]
    );
}
