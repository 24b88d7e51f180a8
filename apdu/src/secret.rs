//! Secret command data (PIN bytes).

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Bytes that must never be shown: zeroized on drop, `Debug` prints `REDACTED`, no `Display`.
#[derive(Clone, Default, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct SecretData(Vec<u8>);

impl SecretData {
    /// Takes ownership of `bytes`; the caller's buffer is moved, not copied.
    pub fn new(bytes: Zeroizing<Vec<u8>>) -> Self {
        let mut bytes = bytes;
        SecretData(std::mem::take(&mut *bytes))
    }

    /// Copies `bytes` into a new secret (the caller keeps responsibility for its own copy).
    pub fn from_slice(bytes: &[u8]) -> Self {
        SecretData(bytes.to_vec())
    }

    /// The secret bytes, for sending to the card or comparing in constant time.
    pub fn expose(&self) -> &[u8] {
        &self.0
    }

    /// Number of bytes (not secret: it is the APDU's Lc).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for SecretData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("REDACTED")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let s = SecretData::from_slice(b"1234");
        assert_eq!(format!("{s:?}"), "REDACTED");
        assert_eq!(s.expose(), b"1234");
    }
}
