//! Spaced upper-case hex, the notation of the card's public sources and fixtures (`00 A4 04 0C`).

/// `[0x00, 0xA4]` → `"00 A4"`.
pub fn spaced_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0F)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// A hex string that is not an even number of hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HexError {
    /// Byte offset of the first bad character, or the length when the digit count is odd.
    pub position: usize,
}

impl std::fmt::Display for HexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not hex at character {}", self.position)
    }
}

impl std::error::Error for HexError {}

/// Parses hex with optional spaces (`"00 a4 04"`, `"00A404"`).
pub fn parse_spaced_hex(text: &str) -> Result<Vec<u8>, HexError> {
    let mut out = Vec::new();
    let mut high: Option<u8> = None;
    for (pos, c) in text.char_indices() {
        if c.is_ascii_whitespace() {
            continue;
        }
        let nibble = c.to_digit(16).ok_or(HexError { position: pos })? as u8;
        match high.take() {
            None => high = Some(nibble),
            Some(h) => out.push((h << 4) | nibble),
        }
    }
    if high.is_some() {
        return Err(HexError {
            position: text.len(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        assert_eq!(spaced_hex(&[0x00, 0xA4, 0x0C]), "00 A4 0C");
        assert_eq!(
            parse_spaced_hex("00 a4 0C").unwrap(),
            vec![0x00, 0xA4, 0x0C]
        );
        assert_eq!(parse_spaced_hex("0").unwrap_err().position, 1);
        assert_eq!(parse_spaced_hex("zz").unwrap_err().position, 0);
        assert_eq!(spaced_hex(&[]), "");
    }
}
