//! The one PIN type: normalized, validated locally, zeroized on drop, never printable.
//!
//! Rules (card facts §2): full-width digits and letters from Japanese IMEs become ASCII; the
//! signature password is upper-cased (the card stores upper case); then 4 ASCII digits, or
//! 6–16 of `A–Z 0–9` with at least one letter and one digit. Anything else is refused before
//! a single byte reaches the card. Error values never contain the PIN or its characters.

use crate::layout::PinFormat;
use mynapin_apdu::SecretData;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// A validated PIN. No `Display`; `Debug` prints `REDACTED`.
#[derive(Clone)]
pub struct Pin {
    format: PinFormat,
    secret: SecretData,
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(REDACTED)")
    }
}

/// What normalization did, so the tool can say so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Full-width characters were converted to ASCII.
    pub fullwidth_converted: bool,
    /// Lower-case letters were upper-cased (signature password).
    pub uppercased: bool,
}

/// Why an entry is not a valid PIN. Carries no character of the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinError {
    /// Nothing was entered.
    #[error("empty")]
    Empty,
    /// A character outside the allowed set (space, control, symbol, other script, emoji…);
    /// `position` is 1-based.
    #[error("character {position} is not allowed")]
    BadCharacter {
        /// 1-based position of the first bad character.
        position: usize,
    },
    /// A letter where only digits are allowed.
    #[error("only digits are allowed")]
    NotDigits,
    /// Wrong number of characters.
    #[error("{got} characters")]
    Length {
        /// How many characters were entered.
        got: usize,
    },
    /// Signature password without a letter or without a digit.
    #[error("needs at least one letter and one digit")]
    NeedsLetterAndDigit,
}

/// Why a valid new PIN is easy to guess (the city offices and J-LIS advise against these).
/// A warning, not a refusal; carries no character of the PIN. (A new PIN equal to the current
/// one is refused by the session: `Stop::SameAsCurrent`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    /// Every character is the same (`1111`).
    AllSame,
    /// Each character is the one after, or before, the previous one (`1234`, `9876`,
    /// `ABCDEFG`).
    Run,
}

impl Pin {
    /// Whether this PIN is easy to guess: all characters the same, or a run up or down.
    pub fn weakness(&self) -> Option<Weakness> {
        let b = self.secret.expose();
        let first = *b.first()?;
        if b.iter().all(|&c| c == first) {
            return Some(Weakness::AllSame);
        }
        let steps = |d: i16| {
            b.windows(2).all(|w| {
                i16::from(w[1]) - i16::from(w[0]) == d
                    && w[0].is_ascii_digit() == w[1].is_ascii_digit()
            })
        };
        if b.len() > 1 && (steps(1) || steps(-1)) {
            return Some(Weakness::Run);
        }
        None
    }

    /// Normalizes and validates `entry` for `format`.
    pub fn parse(format: PinFormat, entry: &str) -> Result<(Pin, Normalized), PinError> {
        let mut norm = Normalized::default();
        let mut bytes = Zeroizing::new(Vec::with_capacity(entry.len()));
        for (i, c) in entry.chars().enumerate() {
            let c = match c {
                '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                    norm.fullwidth_converted = true;
                    char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or('\0')
                }
                c => c,
            };
            let c = if format == PinFormat::SignPassword && c.is_ascii_lowercase() {
                norm.uppercased = true;
                c.to_ascii_uppercase()
            } else {
                c
            };
            if !c.is_ascii_alphanumeric() {
                return Err(PinError::BadCharacter { position: i + 1 });
            }
            bytes.push(c as u8);
        }
        if bytes.is_empty() {
            return Err(PinError::Empty);
        }
        match format {
            PinFormat::FourDigits | PinFormat::DigitsExact(_) => {
                if !bytes.iter().all(u8::is_ascii_digit) {
                    return Err(PinError::NotDigits);
                }
                let want = if let PinFormat::DigitsExact(n) = format {
                    n
                } else {
                    4
                };
                if bytes.len() != want {
                    return Err(PinError::Length { got: bytes.len() });
                }
            }
            PinFormat::SignPassword => {
                if !(6..=16).contains(&bytes.len()) {
                    return Err(PinError::Length { got: bytes.len() });
                }
                let letter = bytes.iter().any(u8::is_ascii_uppercase);
                let digit = bytes.iter().any(u8::is_ascii_digit);
                if !(letter && digit) {
                    return Err(PinError::NeedsLetterAndDigit);
                }
            }
        }
        Ok((
            Pin {
                format,
                secret: SecretData::new(bytes),
            },
            norm,
        ))
    }

    /// The bytes to send (for the APDU constructors only).
    pub fn secret(&self) -> &SecretData {
        &self.secret
    }

    /// The format it was validated against.
    pub fn format(&self) -> PinFormat {
        self.format
    }

    /// Constant-time equality (confirmation entry, new = current check).
    pub fn ct_eq(&self, other: &Pin) -> bool {
        bool::from(self.secret.expose().ct_eq(other.secret.expose()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PinFormat::*;

    fn ok(format: PinFormat, s: &str) -> (Vec<u8>, Normalized) {
        let (p, n) = Pin::parse(format, s).unwrap();
        (p.secret().expose().to_vec(), n)
    }

    #[test]
    fn four_digits() {
        assert_eq!(ok(FourDigits, "0123").0, b"0123");
        let (b, n) = ok(FourDigits, "１２３４");
        assert_eq!(b, b"1234");
        assert!(n.fullwidth_converted);
        assert_eq!(Pin::parse(FourDigits, "").unwrap_err(), PinError::Empty);
        assert_eq!(
            Pin::parse(FourDigits, "123").unwrap_err(),
            PinError::Length { got: 3 }
        );
        assert_eq!(
            Pin::parse(FourDigits, "12345").unwrap_err(),
            PinError::Length { got: 5 }
        );
        assert_eq!(
            Pin::parse(FourDigits, "12a4").unwrap_err(),
            PinError::NotDigits
        );
        assert_eq!(
            Pin::parse(FourDigits, "12 4").unwrap_err(),
            PinError::BadCharacter { position: 3 }
        );
        assert_eq!(
            Pin::parse(FourDigits, "١٢٣٤").unwrap_err(),
            PinError::BadCharacter { position: 1 }
        );
    }

    #[test]
    fn sign_password() {
        let (b, n) = ok(SignPassword, "abc123");
        assert_eq!(b, b"ABC123");
        assert!(n.uppercased);
        let (b, n) = ok(SignPassword, "ａｂｃ１２３");
        assert_eq!(b, b"ABC123");
        assert!(n.uppercased && n.fullwidth_converted);
        assert_eq!(
            Pin::parse(SignPassword, "AB123").unwrap_err(),
            PinError::Length { got: 5 }
        );
        assert_eq!(
            Pin::parse(SignPassword, "ABCDEFGH123456789").unwrap_err(),
            PinError::Length { got: 17 }
        );
        assert_eq!(
            Pin::parse(SignPassword, "123456").unwrap_err(),
            PinError::NeedsLetterAndDigit
        );
        assert_eq!(
            Pin::parse(SignPassword, "ABCDEF").unwrap_err(),
            PinError::NeedsLetterAndDigit
        );
        assert_eq!(
            Pin::parse(SignPassword, "ABC-123").unwrap_err(),
            PinError::BadCharacter { position: 4 }
        );
    }

    #[test]
    fn easy_pins_are_named_without_their_digits() {
        let w = |f, s| Pin::parse(f, s).unwrap().0.weakness();
        for s in ["0000", "1111", "9999"] {
            assert_eq!(w(FourDigits, s), Some(Weakness::AllSame), "{s}");
        }
        for s in ["0123", "1234", "6789", "9876", "3210", "4321"] {
            assert_eq!(w(FourDigits, s), Some(Weakness::Run), "{s}");
        }
        for s in ["1235", "1212", "9753", "0987", "8901", "1243", "2468"] {
            assert_eq!(w(FourDigits, s), None, "{s}");
        }
        assert_eq!(w(SignPassword, "ABC123"), None);
        assert_eq!(w(SignPassword, "K7R2M9"), None);
    }

    #[test]
    fn debug_never_shows_the_pin() {
        let (p, _) = Pin::parse(FourDigits, "9876").unwrap();
        assert_eq!(format!("{p:?}"), "Pin(REDACTED)");
        let (q, _) = Pin::parse(FourDigits, "9876").unwrap();
        assert!(p.ct_eq(&q));
    }
}
