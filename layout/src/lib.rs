//! What is where on a My Number card: applets (AIDs), key references (internal EFs), data EFs,
//! PIN formats and retry limits, token labels.
//!
//! These are facts about the card, shared by the client (`mynapin-core`) and the simulated
//! card (`mynapin-sim`), so that neither depends on the other. Every value is from
//! `docs/card-facts.md`; the strength of evidence is given in brackets.
//!
//! [`bounded`] reads the data files both sides are given (fixtures, state files, city
//! profiles, catalogues) with a size limit.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bounded;

use serde::{Deserialize, Serialize};

/// A DF (application) on the card, selected by its full 10-byte AID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applet {
    /// 公的個人認証AP (JPKI) [2+].
    Jpki,
    /// 券面事項入力補助AP (card-info input support) [2+].
    Kenhojo,
    /// 住基AP (residence registry) [2+].
    Juki,
    /// 共通AP (common DF; holds the second Juki PIN reference) [2+ exists, role 1].
    Common,
    /// 券面事項確認AP (card face) [2+].
    Kenmen,
}

impl Applet {
    /// Every applet, in the order docs/card-facts.md lists them.
    pub const ALL: [Applet; 5] = [
        Applet::Jpki,
        Applet::Kenhojo,
        Applet::Juki,
        Applet::Common,
        Applet::Kenmen,
    ];

    /// The full AID (always select with all 10 bytes: a prefix can match another DF).
    pub const fn aid(self) -> [u8; 10] {
        match self {
            Applet::Jpki => [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01],
            Applet::Kenhojo => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08],
            Applet::Juki => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x01],
            Applet::Common => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x01, 0x00],
            Applet::Kenmen => [0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02],
        }
    }

    /// Stable id for JSON and fixtures.
    pub const fn id(self) -> &'static str {
        match self {
            Applet::Jpki => "jpki",
            Applet::Kenhojo => "kenhojo",
            Applet::Juki => "juki",
            Applet::Common => "common",
            Applet::Kenmen => "kenmen",
        }
    }
}

/// How a PIN must look before it may be sent to the card (§2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinFormat {
    /// Exactly 4 ASCII digits (auth, kenhojo, juki) [2+].
    FourDigits,
    /// 6–16 of `A–Z 0–9` with at least one letter and one digit, upper case (sign) [2+].
    SignPassword,
    /// A derived verification code of fixed length, digits only (照合番号A/B, birth date).
    DigitsExact(usize),
}

/// One key reference: an internal EF under one applet, with its own retry counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyRef {
    /// JPKI `0018`: user-authentication PIN.
    Auth,
    /// JPKI `001B`: signature password.
    Sign,
    /// Kenhojo `0011`: card-info input support PIN.
    Kenhojo,
    /// Juki AP `001C`: residence-registry PIN, first copy.
    JukiAp,
    /// Common DF `001C`: residence-registry PIN, second copy \[1\].
    JukiCommon,
    /// Kenhojo `0014`: 照合番号A (the 12-digit My Number).
    KenhojoA,
    /// Kenhojo `0015`: 照合番号B (birth date + expiry year + security code, 14 digits).
    KenhojoB,
    /// Kenmen `0013`: 照合番号A.
    KenmenA,
    /// Kenmen `0012`: 照合番号B.
    KenmenB,
    /// Kenmen `0011`: birth date (6 digits).
    KenmenBirth,
}

impl KeyRef {
    /// Every key reference the simulated card holds.
    pub const ALL: [KeyRef; 10] = [
        KeyRef::Auth,
        KeyRef::Sign,
        KeyRef::Kenhojo,
        KeyRef::JukiAp,
        KeyRef::JukiCommon,
        KeyRef::KenhojoA,
        KeyRef::KenhojoB,
        KeyRef::KenmenA,
        KeyRef::KenmenB,
        KeyRef::KenmenBirth,
    ];

    /// The applet that holds it.
    pub const fn applet(self) -> Applet {
        match self {
            KeyRef::Auth | KeyRef::Sign => Applet::Jpki,
            KeyRef::Kenhojo | KeyRef::KenhojoA | KeyRef::KenhojoB => Applet::Kenhojo,
            KeyRef::JukiAp => Applet::Juki,
            KeyRef::JukiCommon => Applet::Common,
            KeyRef::KenmenA | KeyRef::KenmenB | KeyRef::KenmenBirth => Applet::Kenmen,
        }
    }

    /// The internal EF identifier.
    pub const fn ef(self) -> [u8; 2] {
        match self {
            KeyRef::Auth => [0x00, 0x18],
            KeyRef::Sign => [0x00, 0x1B],
            KeyRef::Kenhojo => [0x00, 0x11],
            KeyRef::JukiAp | KeyRef::JukiCommon => [0x00, 0x1C],
            KeyRef::KenhojoA => [0x00, 0x14],
            KeyRef::KenhojoB => [0x00, 0x15],
            KeyRef::KenmenA => [0x00, 0x13],
            KeyRef::KenmenB => [0x00, 0x12],
            KeyRef::KenmenBirth => [0x00, 0x11],
        }
    }

    /// The short EF identifier used by the query `00 20 00 (80|sfi)`: the EF's low byte.
    pub const fn short_id(self) -> u8 {
        self.ef()[1]
    }

    /// The number of tries a fresh reference has. The derived codes' limits are unknown (3 or
    /// 10) [?]; the simulator uses 10 for them and the tool never VERIFYs them.
    pub const fn max_tries(self) -> u8 {
        match self {
            KeyRef::Sign => 5,
            KeyRef::Auth | KeyRef::Kenhojo | KeyRef::JukiAp | KeyRef::JukiCommon => 3,
            _ => 10,
        }
    }

    /// What the value must look like.
    pub const fn format(self) -> PinFormat {
        match self {
            KeyRef::Sign => PinFormat::SignPassword,
            KeyRef::Auth | KeyRef::Kenhojo | KeyRef::JukiAp | KeyRef::JukiCommon => {
                PinFormat::FourDigits
            }
            KeyRef::KenhojoA | KeyRef::KenmenA => PinFormat::DigitsExact(12),
            KeyRef::KenhojoB | KeyRef::KenmenB => PinFormat::DigitsExact(14),
            KeyRef::KenmenBirth => PinFormat::DigitsExact(6),
        }
    }

    /// The user PIN this reference holds (`None` for the derived verification codes).
    pub const fn pin(self) -> Option<PinId> {
        match self {
            KeyRef::Auth => Some(PinId::Auth),
            KeyRef::Sign => Some(PinId::Sign),
            KeyRef::Kenhojo => Some(PinId::Kenhojo),
            KeyRef::JukiAp | KeyRef::JukiCommon => Some(PinId::Juki),
            _ => None,
        }
    }

    /// True for the two copies of the residence-registry PIN, changed with CHANGE KEY \[1\].
    pub const fn is_juki(self) -> bool {
        matches!(self, KeyRef::JukiAp | KeyRef::JukiCommon)
    }

    /// Stable id for JSON, fixtures and traces.
    pub const fn id(self) -> &'static str {
        match self {
            KeyRef::Auth => "auth",
            KeyRef::Sign => "sign",
            KeyRef::Kenhojo => "kenhojo",
            KeyRef::JukiAp => "juki_ap",
            KeyRef::JukiCommon => "juki_common",
            KeyRef::KenhojoA => "kenhojo_a",
            KeyRef::KenhojoB => "kenhojo_b",
            KeyRef::KenmenA => "kenmen_a",
            KeyRef::KenmenB => "kenmen_b",
            KeyRef::KenmenBirth => "kenmen_birth",
        }
    }
}

/// The four user PINs as residents and city pages name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PinId {
    /// 利用者証明用電子証明書の暗証番号.
    Auth,
    /// 署名用電子証明書の暗証番号 (password).
    Sign,
    /// 券面事項入力補助用暗証番号.
    Kenhojo,
    /// 住民基本台帳用暗証番号: two key references.
    Juki,
}

impl PinId {
    /// The four, in the order the tool shows them.
    pub const ALL: [PinId; 4] = [PinId::Auth, PinId::Sign, PinId::Kenhojo, PinId::Juki];

    /// The key references that hold this PIN (two for juki).
    pub const fn refs(self) -> &'static [KeyRef] {
        match self {
            PinId::Auth => &[KeyRef::Auth],
            PinId::Sign => &[KeyRef::Sign],
            PinId::Kenhojo => &[KeyRef::Kenhojo],
            PinId::Juki => &[KeyRef::JukiAp, KeyRef::JukiCommon],
        }
    }

    /// Format of the value.
    pub const fn format(self) -> PinFormat {
        self.refs()[0].format()
    }

    /// Tries of a fresh PIN.
    pub const fn max_tries(self) -> u8 {
        self.refs()[0].max_tries()
    }

    /// Stable id (`auth`, `sign`, `kenhojo`, `juki`).
    pub const fn id(self) -> &'static str {
        match self {
            PinId::Auth => "auth",
            PinId::Sign => "sign",
            PinId::Kenhojo => "kenhojo",
            PinId::Juki => "juki",
        }
    }

    /// Parses a stable id.
    pub fn from_id(id: &str) -> Option<PinId> {
        PinId::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// Data EFs of the JPKI applet (§1, §5).
pub mod jpki_ef {
    /// Token information: 32 bytes of padded ASCII label [2+].
    pub const TOKEN: [u8; 2] = [0x00, 0x06];
    /// Certificate presence flags: `8F 8F 00` when both certificates are present \[1\].
    pub const CERT_FLAGS: [u8; 2] = [0x00, 0x08];
    /// User-authentication certificate (DER), readable without a PIN [2+].
    pub const AUTH_CERT: [u8; 2] = [0x00, 0x0A];
    /// CA certificate of the user-authentication certificate [2+].
    pub const AUTH_CA_CERT: [u8; 2] = [0x00, 0x0B];
    /// Signature certificate: needs the signature PIN (`69 82` otherwise) [2+].
    pub const SIGN_CERT: [u8; 2] = [0x00, 0x01];
    /// CA certificate of the signature certificate [2+].
    pub const SIGN_CA_CERT: [u8; 2] = [0x00, 0x02];
}

/// The token label's length in EF `0006`.
pub const TOKEN_LEN: u16 = 32;

/// Token labels in JPKI EF `0006` (§4).
pub mod token {
    /// My Number card.
    pub const MY_NUMBER_CARD: &str = "JPKIAPICCTOKEN2";
    /// The old Basic Resident Registry card (住基カード).
    pub const JUKI_CARD: &str = "JPKIAPICCTOKEN";
    /// Smartphone JPKI (Android, GP SE).
    pub const SMARTPHONE_GP: &str = "JPKIAPGPSETOKEN";
    /// Smartphone JPKI (iOS).
    pub const SMARTPHONE_IOS: &str = "JPKIAPIOSTOKEN";
}
