//! Command APDUs: ISO/IEC 7816-4 §5.1, cases 1–4, short and extended.
//!
//! Encoding follows the ISO rules exactly: no data → no Lc; no expected answer → no Le. Short
//! form is used when it fits (Lc ≤ 255, Le ≤ 256) unless the command was parsed from, or
//! asked for, the extended form.

use crate::hexfmt::spaced_hex;
use crate::secret::SecretData;
use zeroize::Zeroizing;

/// A command APDU. The data field is kept in a zeroizing buffer; when it carries a secret
/// (VERIFY, CHANGE REFERENCE DATA, CHANGE KEY…) `Debug` and [`Command::trace`] hide it.
#[derive(Clone, PartialEq, Eq)]
pub struct Command {
    cla: u8,
    ins: u8,
    p1: u8,
    p2: u8,
    data: Zeroizing<Vec<u8>>,
    sensitive: bool,
    le: Option<u32>,
    extended: bool,
}

/// A command that cannot be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    /// More than 65 535 data bytes.
    DataTooLong(usize),
    /// Le must be 1..=65 536.
    InvalidLe(u32),
    /// A secret command with no data would turn into a different command (for VERIFY: the
    /// retry-counter query).
    EmptySecret,
    /// A parameter outside its range (e.g. a short EF identifier above 30).
    ParameterOutOfRange(&'static str),
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::DataTooLong(n) => write!(f, "{n} data bytes: at most 65535 fit an APDU"),
            EncodeError::InvalidLe(n) => write!(f, "Le {n} is outside 1..=65536"),
            EncodeError::EmptySecret => write!(f, "a secret command needs data"),
            EncodeError::ParameterOutOfRange(what) => write!(f, "{what} is out of range"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Bytes that are not a command APDU.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Fewer than the 4 header bytes.
    TooShort(usize),
    /// The length fields do not agree with the number of bytes.
    LengthMismatch,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::TooShort(n) => write!(f, "{n} bytes: a command APDU has at least 4"),
            ParseError::LengthMismatch => write!(f, "Lc/Le do not match the APDU length"),
        }
    }
}

impl std::error::Error for ParseError {}

/// True for the instructions whose data is a PIN: VERIFY (`20`), CHANGE REFERENCE DATA (`24`),
/// RESET RETRY COUNTER (`2C`) in the ISO class, and JICSAP CHANGE KEY (`80 32`).
pub fn carries_secret(cla: u8, ins: u8) -> bool {
    let iso = cla & 0x80 == 0;
    (iso && matches!(ins, 0x20 | 0x24 | 0x2C)) || (cla == 0x80 && ins == 0x32)
}

impl Command {
    /// A case-1 command (header only).
    pub fn new(cla: u8, ins: u8, p1: u8, p2: u8) -> Self {
        Command {
            cla,
            ins,
            p1,
            p2,
            data: Zeroizing::new(Vec::new()),
            sensitive: carries_secret(cla, ins),
            le: None,
            extended: false,
        }
    }

    /// Adds a (non-secret) data field. Empty data means "no data field".
    pub fn with_data(mut self, data: &[u8]) -> Result<Self, EncodeError> {
        if data.len() > 0xFFFF {
            return Err(EncodeError::DataTooLong(data.len()));
        }
        self.data = Zeroizing::new(data.to_vec());
        Ok(self)
    }

    /// Adds a secret data field; the command is then sensitive whatever its instruction.
    pub fn with_secret(mut self, secret: &SecretData) -> Result<Self, EncodeError> {
        if secret.is_empty() {
            return Err(EncodeError::EmptySecret);
        }
        self = self.with_data(secret.expose())?;
        self.sensitive = true;
        Ok(self)
    }

    /// Sets the expected response length Ne (1..=65536; 256 is `00` in short form).
    pub fn with_le(mut self, le: u32) -> Result<Self, EncodeError> {
        if le == 0 || le > 0x1_0000 {
            return Err(EncodeError::InvalidLe(le));
        }
        self.le = Some(le);
        Ok(self)
    }

    /// Forces the extended length encoding.
    pub fn extended(mut self) -> Self {
        self.extended = true;
        self
    }

    /// CLA.
    pub fn cla(&self) -> u8 {
        self.cla
    }
    /// INS.
    pub fn ins(&self) -> u8 {
        self.ins
    }
    /// P1.
    pub fn p1(&self) -> u8 {
        self.p1
    }
    /// P2.
    pub fn p2(&self) -> u8 {
        self.p2
    }
    /// The data field (empty when absent). Secret for sensitive commands: do not print it.
    pub fn data(&self) -> &[u8] {
        &self.data
    }
    /// Ne, the expected response length, when the command has an Le field.
    pub fn le(&self) -> Option<u32> {
        self.le
    }
    /// True when the data field carries a secret.
    pub fn is_sensitive(&self) -> bool {
        self.sensitive
    }
    /// True when the command may be sent again with another Le after `6C xx`: a command that
    /// expects response data and changes nothing on the card — READ BINARY (`B0`/`B1`), GET
    /// RESPONSE (`C0`), GET DATA (`CA`/`CB`), READ RECORD (`B2`/`B3`), and SELECT (`A4`) asking
    /// for control information (P2 ≠ `0C`), all in the ISO class. Never a command that carries a
    /// secret, and never the retry-counter query: resent with an Le it becomes `00 20 00 80 xx`,
    /// which some cards take as a VERIFY with an empty PIN (card facts §3).
    pub fn may_resend_with_le(&self) -> bool {
        if self.sensitive || self.cla & 0x80 != 0 {
            return false;
        }
        match self.ins {
            0xB0 | 0xB1 | 0xB2 | 0xB3 | 0xC0 | 0xCA | 0xCB => true,
            0xA4 => self.p2 & 0x0C != 0x0C,
            _ => false,
        }
    }

    /// True when the command is encoded in extended length form.
    pub fn is_extended(&self) -> bool {
        self.extended || self.data.len() > 255 || self.le.is_some_and(|le| le > 256)
    }

    /// The same command with another Le (used to resend after `6C xx`).
    pub fn resent_with_le(&self, le: u32) -> Result<Self, EncodeError> {
        self.clone().with_le(le)
    }

    /// The encoded APDU, in a zeroizing buffer (it may hold a PIN).
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(9 + self.data.len()));
        out.extend_from_slice(&[self.cla, self.ins, self.p1, self.p2]);
        let n = self.data.len();
        if self.is_extended() {
            if n > 0 {
                out.push(0);
                out.extend_from_slice(&(n as u16).to_be_bytes());
                out.extend_from_slice(&self.data);
            }
            if let Some(le) = self.le {
                if n == 0 {
                    out.push(0);
                }
                out.extend_from_slice(&((le & 0xFFFF) as u16).to_be_bytes());
            }
        } else {
            if n > 0 {
                out.push(n as u8);
                out.extend_from_slice(&self.data);
            }
            if let Some(le) = self.le {
                out.push((le & 0xFF) as u8);
            }
        }
        out
    }

    /// Parses a command APDU (any case, short or extended).
    pub fn parse(bytes: &[u8]) -> Result<Self, ParseError> {
        if bytes.len() < 4 {
            return Err(ParseError::TooShort(bytes.len()));
        }
        let mut cmd = Command::new(bytes[0], bytes[1], bytes[2], bytes[3]);
        let body = &bytes[4..];
        let short_le = |b: u8| if b == 0 { 256 } else { u32::from(b) };
        let ext_le = |hi: u8, lo: u8| match u16::from_be_bytes([hi, lo]) {
            0 => 0x1_0000,
            n => u32::from(n),
        };
        match body {
            [] => {}
            [le] => cmd.le = Some(short_le(*le)),
            [0, rest @ ..] if rest.len() >= 2 => {
                cmd.extended = true;
                if rest.len() == 2 {
                    cmd.le = Some(ext_le(rest[0], rest[1]));
                } else {
                    let lc = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
                    let after = &rest[2..];
                    if lc == 0 {
                        return Err(ParseError::LengthMismatch);
                    }
                    if after.len() == lc {
                        cmd.data = Zeroizing::new(after.to_vec());
                    } else if after.len() == lc + 2 {
                        cmd.data = Zeroizing::new(after[..lc].to_vec());
                        cmd.le = Some(ext_le(after[lc], after[lc + 1]));
                    } else {
                        return Err(ParseError::LengthMismatch);
                    }
                }
            }
            [lc, rest @ ..] if *lc != 0 => {
                let lc = usize::from(*lc);
                if rest.len() == lc {
                    cmd.data = Zeroizing::new(rest.to_vec());
                } else if rest.len() == lc + 1 {
                    cmd.data = Zeroizing::new(rest[..lc].to_vec());
                    cmd.le = Some(short_le(rest[lc]));
                } else {
                    return Err(ParseError::LengthMismatch);
                }
            }
            _ => return Err(ParseError::LengthMismatch),
        }
        Ok(cmd)
    }

    /// The APDU in spaced hex for a trace, with secret data replaced by
    /// `** redacted (N bytes) **`. Safe to print.
    pub fn trace(&self) -> String {
        if !self.sensitive || self.data.is_empty() {
            return spaced_hex(&self.to_bytes());
        }
        let header = spaced_hex(&[self.cla, self.ins, self.p1, self.p2]);
        let n = self.data.len();
        let lc = if self.is_extended() {
            spaced_hex(&[0, (n >> 8) as u8, n as u8])
        } else {
            spaced_hex(&[n as u8])
        };
        let mut out = format!("{header} {lc} ** redacted ({n} bytes) **");
        if let Some(le) = self.le {
            let le_bytes = if self.is_extended() {
                spaced_hex(&((le & 0xFFFF) as u16).to_be_bytes())
            } else {
                spaced_hex(&[(le & 0xFF) as u8])
            };
            out.push(' ');
            out.push_str(&le_bytes);
        }
        out
    }
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("Command");
        d.field("cla", &format_args!("{:02X}", self.cla))
            .field("ins", &format_args!("{:02X}", self.ins))
            .field("p1", &format_args!("{:02X}", self.p1))
            .field("p2", &format_args!("{:02X}", self.p2));
        if self.sensitive {
            d.field(
                "data",
                &format_args!("REDACTED ({} bytes)", self.data.len()),
            );
        } else {
            d.field("data", &format_args!("{}", spaced_hex(&self.data)));
        }
        d.field("le", &self.le).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(s: &str) -> Vec<u8> {
        crate::hexfmt::parse_spaced_hex(s).unwrap()
    }

    #[test]
    fn cases_short() {
        assert_eq!(
            *Command::new(0, 0x20, 0, 0x80).to_bytes(),
            hex("00 20 00 80")
        );
        let c2 = Command::new(0, 0xB0, 0, 0).with_le(256).unwrap();
        assert_eq!(*c2.to_bytes(), hex("00 B0 00 00 00"));
        let c3 = Command::new(0, 0xA4, 2, 0x0C).with_data(&[0, 6]).unwrap();
        assert_eq!(*c3.to_bytes(), hex("00 A4 02 0C 02 00 06"));
        let c4 = c3.clone().with_le(0x20).unwrap();
        assert_eq!(*c4.to_bytes(), hex("00 A4 02 0C 02 00 06 20"));
    }

    #[test]
    fn cases_extended() {
        let c2 = Command::new(0, 0xB0, 0, 0).with_le(0x1_0000).unwrap();
        assert_eq!(*c2.to_bytes(), hex("00 B0 00 00 00 00 00"));
        let c3 = Command::new(0, 0xD6, 0, 0).with_data(&[7; 300]).unwrap();
        let b = c3.to_bytes();
        assert_eq!(&b[..7], &hex("00 D6 00 00 00 01 2C")[..]);
        assert_eq!(b.len(), 7 + 300);
        let c4 = Command::new(0, 0xB0, 0, 0)
            .with_data(&[1])
            .unwrap()
            .with_le(300)
            .unwrap();
        assert_eq!(*c4.to_bytes(), hex("00 B0 00 00 00 00 01 01 01 2C"));
    }

    #[test]
    fn empty_data_is_no_lc_and_no_le_is_no_le() {
        let c = Command::new(0, 0x20, 0, 0x80).with_data(&[]).unwrap();
        assert_eq!(c.to_bytes().len(), 4);
    }

    #[test]
    fn parse_rejects_garbage() {
        assert_eq!(Command::parse(&[0, 1, 2]), Err(ParseError::TooShort(3)));
        assert_eq!(
            Command::parse(&hex("00 A4 04 0C 05 01")),
            Err(ParseError::LengthMismatch)
        );
        assert_eq!(
            Command::parse(&hex("00 A4 04 0C 00 00")),
            Err(ParseError::LengthMismatch)
        );
        assert_eq!(
            Command::parse(&hex("00 A4 04 0C 00 00 00 01")),
            Err(ParseError::LengthMismatch)
        );
    }

    #[test]
    fn secret_commands_are_redacted() {
        let pin = SecretData::from_slice(b"1234");
        let c = Command::new(0, 0x20, 0, 0x80).with_secret(&pin).unwrap();
        assert_eq!(c.trace(), "00 20 00 80 04 ** redacted (4 bytes) **");
        assert!(!format!("{c:?}").contains("31 32"));
        assert!(format!("{c:?}").contains("REDACTED"));
        // Parsed VERIFY data is sensitive too (the simulated card parses PINs).
        let parsed = Command::parse(&c.to_bytes()).unwrap();
        assert!(parsed.is_sensitive());
        assert_eq!(parsed.trace(), c.trace());
        assert_eq!(
            Command::new(0, 0x20, 0, 0x80).with_secret(&SecretData::default()),
            Err(EncodeError::EmptySecret)
        );
    }

    #[test]
    fn only_reads_may_be_resent_with_another_le() {
        let pin = SecretData::from_slice(b"1234");
        let no = [
            Command::new(0, 0x20, 0, 0x80),
            Command::new(0, 0x20, 0, 0x98),
            Command::new(0, 0x20, 0, 0x80).with_secret(&pin).unwrap(),
            Command::new(0, 0x24, 1, 0x80).with_secret(&pin).unwrap(),
            Command::new(0x80, 0x32, 0, 0x80).with_secret(&pin).unwrap(),
            Command::new(0, 0xA4, 4, 0x0C).with_data(&[1, 2]).unwrap(),
            Command::new(0x80, 0x2A, 0, 0x80).with_data(&[1]).unwrap(),
            Command::new(0, 0xD6, 0, 0).with_data(&[1]).unwrap(),
        ];
        for c in &no {
            assert!(!c.may_resend_with_le(), "{c:?}");
        }
        let yes = [
            Command::new(0, 0xB0, 0, 0).with_le(4).unwrap(),
            Command::new(0, 0xC0, 0, 0).with_le(4).unwrap(),
            Command::new(0, 0xCA, 0x5F, 0x51).with_le(4).unwrap(),
            Command::new(0, 0xA4, 4, 0x00).with_data(&[1, 2]).unwrap(),
        ];
        for c in &yes {
            assert!(c.may_resend_with_le(), "{c:?}");
        }
    }

    prop_compose! {
        fn any_command()(cla in any::<u8>(), ins in any::<u8>(), p1 in any::<u8>(), p2 in any::<u8>(),
                         data in proptest::collection::vec(any::<u8>(), 0..400),
                         le in proptest::option::of(1u32..=0x1_0000), ext in any::<bool>()) -> Command {
            let mut c = Command::new(cla, ins, p1, p2).with_data(&data).unwrap();
            if let Some(le) = le { c = c.with_le(le).unwrap(); }
            if ext { c = c.extended(); }
            c
        }
    }

    proptest! {
        #[test]
        fn encode_parse_round_trip(c in any_command()) {
            let bytes = c.to_bytes();
            let back = Command::parse(&bytes).unwrap();
            prop_assert_eq!(back.cla(), c.cla());
            prop_assert_eq!(back.ins(), c.ins());
            prop_assert_eq!(back.p1(), c.p1());
            prop_assert_eq!(back.p2(), c.p2());
            prop_assert_eq!(back.data(), c.data());
            prop_assert_eq!(back.le(), c.le());
            prop_assert_eq!(back.is_sensitive(), c.is_sensitive());
            prop_assert_eq!(&*back.to_bytes(), &*bytes);
        }

        #[test]
        fn parse_never_panics_and_reencodes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Ok(c) = Command::parse(&bytes) {
                prop_assert_eq!(&*c.to_bytes(), &bytes[..]);
                let _ = c.trace();
            }
        }
    }
}
