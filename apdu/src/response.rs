//! Response APDUs: data followed by SW1 SW2.

use crate::hexfmt::spaced_hex;
use crate::status::StatusWord;

/// A response APDU: the data field (possibly empty) and the status word.
#[derive(Clone, PartialEq, Eq)]
pub struct Response {
    data: Vec<u8>,
    sw: StatusWord,
}

/// Bytes that are not a response APDU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseError {
    /// Fewer than the two status bytes: a transport failure (e.g. the card left the field
    /// mid-command), never a success.
    TooShort(usize),
}

impl std::fmt::Display for ResponseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResponseError::TooShort(n) => {
                write!(
                    f,
                    "response of {n} bytes: a response has at least the 2 status bytes"
                )
            }
        }
    }
}

impl std::error::Error for ResponseError {}

impl Response {
    /// A response with `data` and `sw`.
    pub fn new(data: Vec<u8>, sw: StatusWord) -> Self {
        Response { data, sw }
    }

    /// A response with only a status word.
    pub fn status(sw: StatusWord) -> Self {
        Response {
            data: Vec::new(),
            sw,
        }
    }

    /// Parses raw bytes from the card. Fewer than 2 bytes is an error.
    pub fn parse(bytes: &[u8]) -> Result<Self, ResponseError> {
        match bytes.len() {
            n if n < 2 => Err(ResponseError::TooShort(n)),
            n => Ok(Response {
                data: bytes[..n - 2].to_vec(),
                sw: StatusWord::new(bytes[n - 2], bytes[n - 1]),
            }),
        }
    }

    /// The data field.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Consumes the response, giving its data field.
    pub fn into_data(self) -> Vec<u8> {
        self.data
    }

    /// The status word.
    pub fn sw(&self) -> StatusWord {
        self.sw
    }

    /// Data then SW1 SW2.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.data.len() + 2);
        out.extend_from_slice(&self.data);
        out.extend_from_slice(&self.sw.to_bytes());
        out
    }

    /// Spaced hex of the whole response, for traces.
    pub fn trace(&self) -> String {
        spaced_hex(&self.to_bytes())
    }
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Response({})", self.trace())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_responses_are_errors() {
        assert_eq!(Response::parse(&[]), Err(ResponseError::TooShort(0)));
        assert_eq!(Response::parse(&[0x90]), Err(ResponseError::TooShort(1)));
        let r = Response::parse(&[1, 2, 0x90, 0x00]).unwrap();
        assert_eq!(r.data(), &[1, 2]);
        assert!(r.sw().is_success());
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            match Response::parse(&bytes) {
                Ok(r) => prop_assert_eq!(r.to_bytes(), bytes),
                Err(ResponseError::TooShort(n)) => prop_assert!(n < 2),
            }
        }
    }
}
