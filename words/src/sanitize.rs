//! Untrusted text made safe to print: reader names, card labels, profile, fixture and
//! catalogue strings, `--trace` lines.
//!
//! What is replaced is decided by the character's Unicode general category (UAX #44), looked
//! up in the generated tables of the `unicode-properties` crate, never by a hand-kept list:
//! every character of the categories
//! * Cc (controls: ESC, BEL, newline, NEL U+0085, …),
//! * Cf (format: bidirectional overrides and isolates, zero-width spaces and joiners, the
//!   byte-order mark U+FEFF, invisible operators, tag characters, …),
//! * Zl and Zp (the line and paragraph separators U+2028, U+2029)
//!
//! becomes `?`: each of them can move the cursor, start a new line, reorder what follows or
//! hide text on a terminal (or in a program that shows the JSON).

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// The most characters of an untrusted string that are printed.
const MAX_SHOWN: usize = 4000;

/// The most characters of a reader name that are shown (as a card's label is cut to its 32
/// bytes): pcsc-lite's own limit for a name is 128 bytes (`MAX_READERNAME`), so a longer name
/// is not one a real reader gives.
pub const MAX_READER_NAME: usize = 128;

/// True for a character that must not reach the terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// Makes untrusted text (reader names, card labels, profile and fixture strings) safe to
/// print on a terminal: every character of the categories Cc, Cf, Zl and Zp (escape
/// sequences, newlines, bidirectional and zero-width formatting) becomes `?`, and long text is
/// cut with `…`.
pub fn sanitize(text: &str) -> String {
    cut(text, MAX_SHOWN)
}

/// A reader's name, safe to print and to put in JSON: as [`sanitize`], cut at
/// [`MAX_READER_NAME`] characters.
pub fn reader_name(name: &str) -> String {
    cut(name, MAX_READER_NAME)
}

fn cut(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if is_unsafe(c) { '?' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// A writer that sanitizes each line written through it (the line's end is kept): for
/// `--trace`, whose lines quote the transport's errors (reader names among them).
pub struct Lines<W: std::io::Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: std::io::Write> Lines<W> {
    /// Sanitizes what is written to `inner`, line by line.
    pub fn new(inner: W) -> Self {
        Lines {
            inner,
            line: Vec::new(),
        }
    }

    fn write_line(&mut self) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.line).into_owned();
        self.line.clear();
        let (body, end) = match text.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (text.as_str(), ""),
        };
        self.inner
            .write_all(format!("{}{end}", sanitize(body)).as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            self.line.push(b);
            if b == b'\n' {
                self.write_line()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.write_line()?;
        }
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for Lines<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes_bidi_and_length() {
        assert_eq!(sanitize("Reader\u{1b}[31m\n"), "Reader?[31m?");
        assert_eq!(sanitize("a\u{202E}b\u{2066}c"), "a?b?c");
        let long = "x".repeat(3_000_000);
        assert_eq!(sanitize(&long).chars().count(), MAX_SHOWN + 1);
    }

    /// Every code point of the categories Cc, Cf, Zl and Zp, as the tables say.
    fn every_unsafe_char() -> Vec<char> {
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| {
                use GeneralCategory as G;
                matches!(
                    c.general_category(),
                    G::Control | G::Format | G::LineSeparator | G::ParagraphSeparator
                )
            })
            .collect()
    }

    #[test]
    fn no_character_of_cc_cf_zl_zp_reaches_the_output() {
        let all = every_unsafe_char();
        // Cc is 65 code points, Zl and Zp one each; Cf about 170 (Unicode 15–17).
        assert!(all.len() > 200, "{} code points", all.len());
        // The ones issue 18 found coming through, and the ones the old list caught: the
        // tables must hold each.
        let named = [
            '\u{0}',
            '\u{7}',
            '\u{1B}',
            '\u{7F}',
            '\u{85}',
            '\u{AD}',
            '\u{61C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{2028}',
            '\u{2029}',
            '\u{202A}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206A}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{FFF9}',
            '\u{E0001}',
            '\u{E007F}',
        ];
        for c in named {
            assert!(all.contains(&c), "U+{:04X} is not in Cc/Cf/Zl/Zp", c as u32);
        }
        // Each alone, between safe text, and all of them in one string; through both cuts.
        for &c in &all {
            let text = format!("a{c}b");
            assert_eq!(sanitize(&text), "a?b", "U+{:04X}", c as u32);
            assert_eq!(reader_name(&text), "a?b", "U+{:04X}", c as u32);
        }
        let joined: String = all.iter().collect();
        let out = sanitize(&joined);
        assert!(out.chars().all(|c| c == '?'), "{out:?}");
        let out = reader_name(&joined);
        assert!(out.chars().all(|c| c == '?' || c == '…'), "{out:?}");
    }

    #[test]
    fn text_that_is_safe_is_kept() {
        // Japanese, full-width forms, spaces (Zs) and combining marks are not touched.
        let ok = "ＳＯＮＹ　FeliCa Port/PaSoRi 4.0 (カードリーダー) e\u{301}";
        assert_eq!(sanitize(ok), ok);
        assert_eq!(reader_name(ok), ok);
    }

    #[test]
    fn a_reader_name_is_cut_like_a_card_label() {
        let long = "R".repeat(10_000);
        let out = reader_name(&long);
        assert_eq!(out.chars().count(), MAX_READER_NAME + 1);
        assert!(out.ends_with('…'));
        let exact = "R".repeat(MAX_READER_NAME);
        assert_eq!(reader_name(&exact), exact);
    }

    #[test]
    fn trace_lines_are_sanitized_and_keep_their_ends() {
        use std::io::Write;
        let mut out = Vec::new();
        {
            let mut w = Lines::new(&mut out);
            writeln!(w, "trace: ! no card in reader \"A\u{2028}B\u{200B}\"").unwrap();
            write!(w, "trace: > 00 A4").unwrap();
            writeln!(w, " 04 0C").unwrap();
            write!(w, "tail\u{1b}").unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "trace: ! no card in reader \"A?B?\"\ntrace: > 00 A4 04 0C\ntail?"
        );
    }
}
