//! Untrusted text made safe to print: reader names, card labels, profile, fixture and
//! catalogue strings.

/// The most characters of an untrusted string that are printed.
const MAX_SHOWN: usize = 4000;

/// Makes untrusted text (reader names, card labels, profile and fixture strings) safe to
/// print on a terminal: control characters (escape sequences, newlines) and bidirectional
/// formatting characters (which can make text read backwards) become `?`, and long text is cut
/// with `…`.
pub fn sanitize(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_SHOWN)
        .map(|c| {
            let bidi = matches!(
                c,
                '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            );
            if c.is_control() || bidi {
                '?'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX_SHOWN).is_some() {
        out.push('…');
    }
    out
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
}
