//! The status word (SW1 SW2) as a total type.
//!
//! Every `u16` maps to exactly one variant by [`StatusWord::from_u16`], and back by
//! [`StatusWord::to_u16`]. Words with a meaning in ISO 7816-4 (and the My Number card's public sources) get
//! a name; ranges that carry a number carry it as data; everything else is `Other(sw)`.

/// A status word. Construct with [`StatusWord::from_u16`] or [`StatusWord::new`] so that a word
/// with a name is never held as `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusWord {
    /// `90 00` — normal processing.
    Success,
    /// `61 xx` — more response bytes available; `xx` of them (`00` = 256 or more). Fetch them
    /// with GET RESPONSE.
    BytesAvailable(u8),
    /// `62 82` — end of file reached before reading Le bytes.
    EndOfFile,
    /// `63 00` — verification failed, no counter reported. Not "zero tries left".
    VerificationFailedNoCounter,
    /// `63 Cx` — `x` tries left (query), or a wrong PIN with `x` tries left; `63 C0` = blocked.
    RetriesLeft(u8),
    /// `65 81` — memory failure.
    MemoryFailure,
    /// `67 00` — wrong length (Lc or Le).
    WrongLength,
    /// `68 81` — logical channel not supported.
    LogicalChannelNotSupported,
    /// `68 82` — secure messaging not supported.
    SecureMessagingNotSupported,
    /// `69 81` — command incompatible with the file structure.
    IncompatibleFileStructure,
    /// `69 82` — security status not satisfied (e.g. CHANGE without a prior VERIFY).
    SecurityStatusNotSatisfied,
    /// `69 83` — authentication method blocked.
    AuthenticationMethodBlocked,
    /// `69 84` — reference data not usable (a blocked PIN, on the My Number card).
    ReferenceDataNotUsable,
    /// `69 85` — conditions of use not satisfied.
    ConditionsNotSatisfied,
    /// `69 86` — command not allowed (no current EF).
    CommandNotAllowed,
    /// `6A 80` — incorrect parameters in the data field.
    IncorrectData,
    /// `6A 81` — function not supported.
    FunctionNotSupported,
    /// `6A 82` — file or application not found.
    FileNotFound,
    /// `6A 86` — incorrect parameters P1-P2.
    IncorrectP1P2,
    /// `6A 88` — referenced data (e.g. a key reference) not found.
    ReferencedDataNotFound,
    /// `6B 00` — wrong parameters P1-P2 (for READ BINARY: offset past the end).
    WrongP1P2,
    /// `6C xx` — wrong Le; resend with Le = `xx` (`00` = 256).
    WrongLe(u8),
    /// `6D 00` — instruction not supported.
    InsNotSupported,
    /// `6E 00` — class not supported.
    ClaNotSupported,
    /// `6F 00` — no precise diagnosis.
    NoPreciseDiagnosis,
    /// Any other word, held as is. Never holds a word that has a variant of its own.
    Other(u16),
}

impl StatusWord {
    /// From SW1 and SW2.
    pub fn new(sw1: u8, sw2: u8) -> Self {
        Self::from_u16(u16::from_be_bytes([sw1, sw2]))
    }

    /// The one variant for `sw`.
    pub fn from_u16(sw: u16) -> Self {
        use StatusWord::*;
        let [sw1, sw2] = sw.to_be_bytes();
        match (sw1, sw2) {
            (0x90, 0x00) => Success,
            (0x61, n) => BytesAvailable(n),
            (0x62, 0x82) => EndOfFile,
            (0x63, 0x00) => VerificationFailedNoCounter,
            (0x63, n) if n & 0xF0 == 0xC0 => RetriesLeft(n & 0x0F),
            (0x65, 0x81) => MemoryFailure,
            (0x67, 0x00) => WrongLength,
            (0x68, 0x81) => LogicalChannelNotSupported,
            (0x68, 0x82) => SecureMessagingNotSupported,
            (0x69, 0x81) => IncompatibleFileStructure,
            (0x69, 0x82) => SecurityStatusNotSatisfied,
            (0x69, 0x83) => AuthenticationMethodBlocked,
            (0x69, 0x84) => ReferenceDataNotUsable,
            (0x69, 0x85) => ConditionsNotSatisfied,
            (0x69, 0x86) => CommandNotAllowed,
            (0x6A, 0x80) => IncorrectData,
            (0x6A, 0x81) => FunctionNotSupported,
            (0x6A, 0x82) => FileNotFound,
            (0x6A, 0x86) => IncorrectP1P2,
            (0x6A, 0x88) => ReferencedDataNotFound,
            (0x6B, 0x00) => WrongP1P2,
            (0x6C, n) => WrongLe(n),
            (0x6D, 0x00) => InsNotSupported,
            (0x6E, 0x00) => ClaNotSupported,
            (0x6F, 0x00) => NoPreciseDiagnosis,
            _ => Other(sw),
        }
    }

    /// The two bytes as one big-endian number.
    pub fn to_u16(self) -> u16 {
        use StatusWord::*;
        match self {
            Success => 0x9000,
            BytesAvailable(n) => 0x6100 | u16::from(n),
            EndOfFile => 0x6282,
            VerificationFailedNoCounter => 0x6300,
            RetriesLeft(n) => 0x63C0 | u16::from(n & 0x0F),
            MemoryFailure => 0x6581,
            WrongLength => 0x6700,
            LogicalChannelNotSupported => 0x6881,
            SecureMessagingNotSupported => 0x6882,
            IncompatibleFileStructure => 0x6981,
            SecurityStatusNotSatisfied => 0x6982,
            AuthenticationMethodBlocked => 0x6983,
            ReferenceDataNotUsable => 0x6984,
            ConditionsNotSatisfied => 0x6985,
            CommandNotAllowed => 0x6986,
            IncorrectData => 0x6A80,
            FunctionNotSupported => 0x6A81,
            FileNotFound => 0x6A82,
            IncorrectP1P2 => 0x6A86,
            ReferencedDataNotFound => 0x6A88,
            WrongP1P2 => 0x6B00,
            WrongLe(n) => 0x6C00 | u16::from(n),
            InsNotSupported => 0x6D00,
            ClaNotSupported => 0x6E00,
            NoPreciseDiagnosis => 0x6F00,
            Other(sw) => sw,
        }
    }

    /// SW1 and SW2.
    pub fn to_bytes(self) -> [u8; 2] {
        self.to_u16().to_be_bytes()
    }

    /// `90 00`.
    pub fn is_success(self) -> bool {
        self == StatusWord::Success
    }

    /// A stable, kebab-case identifier of what the word means: one per meaning of
    /// [`StatusWord::meaning`] (`63 C0` and the other `63 Cx` differ; `Other` by its range).
    /// Message catalogues key the word's meaning in each language by it.
    pub fn name(self) -> &'static str {
        use StatusWord::*;
        match self {
            Success => "success",
            BytesAvailable(_) => "bytes-available",
            EndOfFile => "end-of-file",
            VerificationFailedNoCounter => "verification-failed-no-counter",
            RetriesLeft(0) => "retries-left-none",
            RetriesLeft(_) => "retries-left",
            MemoryFailure => "memory-failure",
            WrongLength => "wrong-length",
            LogicalChannelNotSupported => "logical-channel-not-supported",
            SecureMessagingNotSupported => "secure-messaging-not-supported",
            IncompatibleFileStructure => "incompatible-file-structure",
            SecurityStatusNotSatisfied => "security-status-not-satisfied",
            AuthenticationMethodBlocked => "authentication-method-blocked",
            ReferenceDataNotUsable => "reference-data-not-usable",
            ConditionsNotSatisfied => "conditions-not-satisfied",
            CommandNotAllowed => "command-not-allowed",
            IncorrectData => "incorrect-data",
            FunctionNotSupported => "function-not-supported",
            FileNotFound => "file-not-found",
            IncorrectP1P2 => "incorrect-p1-p2",
            ReferencedDataNotFound => "referenced-data-not-found",
            WrongP1P2 => "wrong-p1-p2",
            WrongLe(_) => "wrong-le",
            InsNotSupported => "ins-not-supported",
            ClaNotSupported => "cla-not-supported",
            NoPreciseDiagnosis => "no-precise-diagnosis",
            Other(sw) => match sw >> 8 {
                0x62 | 0x63 => "other-warning",
                0x64..=0x66 => "other-execution-error",
                0x67..=0x6F => "other-checking-error",
                _ => "other-unknown",
            },
        }
    }

    /// The ISO 7816-4 meaning in English, for error messages next to the hex.
    pub fn meaning(self) -> &'static str {
        use StatusWord::*;
        match self {
            Success => "normal processing",
            BytesAvailable(_) => "more response bytes available",
            EndOfFile => "end of file reached before reading Le bytes",
            VerificationFailedNoCounter => "verification failed, no counter reported",
            RetriesLeft(0) => "verification failed, no tries left (blocked)",
            RetriesLeft(_) => "verification failed or counter query: tries left",
            MemoryFailure => "memory failure",
            WrongLength => "wrong length",
            LogicalChannelNotSupported => "logical channel not supported",
            SecureMessagingNotSupported => "secure messaging not supported",
            IncompatibleFileStructure => "command incompatible with file structure",
            SecurityStatusNotSatisfied => "security status not satisfied",
            AuthenticationMethodBlocked => "authentication method blocked",
            ReferenceDataNotUsable => "reference data not usable (blocked)",
            ConditionsNotSatisfied => "conditions of use not satisfied",
            CommandNotAllowed => "command not allowed (no current EF)",
            IncorrectData => "incorrect parameters in the data field",
            FunctionNotSupported => "function not supported",
            FileNotFound => "file or application not found",
            IncorrectP1P2 => "incorrect parameters P1-P2",
            ReferencedDataNotFound => "referenced data not found",
            WrongP1P2 => "wrong parameters P1-P2 (offset outside the file)",
            WrongLe(_) => "wrong Le field",
            InsNotSupported => "instruction not supported",
            ClaNotSupported => "class not supported",
            NoPreciseDiagnosis => "no precise diagnosis",
            Other(sw) => match sw >> 8 {
                0x62 | 0x63 => "warning",
                0x64..=0x66 => "execution error",
                0x67..=0x6F => "checking error",
                _ => "unknown status word",
            },
        }
    }
}

impl From<u16> for StatusWord {
    fn from(sw: u16) -> Self {
        Self::from_u16(sw)
    }
}

impl std::fmt::Display for StatusWord {
    /// `63 C2`, the notation of the card's public sources.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [a, b] = self.to_bytes();
        write!(f, "{a:02X} {b:02X}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_word_round_trips() {
        for sw in 0..=u16::MAX {
            let s = StatusWord::from_u16(sw);
            assert_eq!(s.to_u16(), sw, "{sw:04X}");
            if let StatusWord::Other(inner) = s {
                assert_eq!(inner, sw);
            }
        }
    }

    #[test]
    fn named_words_of_the_card_doc() {
        assert_eq!(StatusWord::new(0x63, 0xC2), StatusWord::RetriesLeft(2));
        assert_eq!(StatusWord::new(0x63, 0xC0), StatusWord::RetriesLeft(0));
        assert_eq!(
            StatusWord::new(0x63, 0x00),
            StatusWord::VerificationFailedNoCounter
        );
        assert_eq!(
            StatusWord::new(0x69, 0x84),
            StatusWord::ReferenceDataNotUsable
        );
        assert_eq!(
            StatusWord::new(0x61, 0x10),
            StatusWord::BytesAvailable(0x10)
        );
        assert_eq!(StatusWord::new(0x6C, 0x20), StatusWord::WrongLe(0x20));
        assert_eq!(StatusWord::new(0x63, 0xD1), StatusWord::Other(0x63D1));
        assert_eq!(StatusWord::RetriesLeft(3).to_string(), "63 C3");
    }

    #[test]
    fn one_name_per_meaning() {
        let mut seen = std::collections::HashMap::new();
        for sw in 0..=u16::MAX {
            let s = StatusWord::from_u16(sw);
            let meaning = *seen.entry(s.name()).or_insert(s.meaning());
            assert_eq!(meaning, s.meaning(), "{sw:04X} {}", s.name());
        }
        let mut meanings: Vec<_> = seen.values().collect();
        meanings.sort();
        meanings.dedup();
        assert_eq!(meanings.len(), seen.len(), "two names share a meaning");
    }

    proptest! {
        #[test]
        fn canonical_variants_round_trip(sw in any::<u16>()) {
            let s = StatusWord::from_u16(sw);
            prop_assert_eq!(StatusWord::from_u16(s.to_u16()), s);
            prop_assert!(!s.meaning().is_empty());
            prop_assert!(s.name().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }
}
