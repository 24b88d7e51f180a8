//! PC/SC v2 part 10: secure PIN entry on a reader's own keypad.
//!
//! A reader with a PIN pad lets the holder type the PIN on the reader, so the PIN never
//! reaches the host. The host talks to the reader with `SCardControl`:
//!
//! 1. `CM_IOCTL_GET_FEATURE_REQUEST` (the control function [`GET_FEATURE_REQUEST_FUNCTION`],
//!    turned into a control code by the platform: `SCARD_CTL_CODE(3400)`, which pcsc-lite on
//!    Linux defines as `0x42000000 + 3400`) answers a list of features, each with the control
//!    code to use for it: parsed by [`Features::parse`]. The codes are the reader's: a client
//!    uses the code the reader returned, never one it computed.
//! 2. `FEATURE_IFD_PIN_PROPERTIES` ([`PinProperties`]) and `FEATURE_GET_TLV_PROPERTIES`
//!    ([`TlvProperties`]) say whether the reader has a display, how long a PIN it accepts,
//!    which vendor/product it is.
//! 3. `FEATURE_VERIFY_PIN_DIRECT` takes a [`PinVerifyStructure`], `FEATURE_MODIFY_PIN_DIRECT` a
//!    [`PinModifyStructure`]: entry parameters, then an APDU template into which the reader
//!    writes the digits typed on its keypad before sending the APDU to the card. The reader
//!    answers the card's response, or a status word of its own ([`PinPadOutcome`]).
//!
//! What this module does not do: any I/O. The transport layer sends the bytes.
//!
//! ## Layouts (PC/SC v2.02 part 10; pcsc-lite's `reader.h` declares them packed)
//!
//! Every multi-byte field of the two structures and of the property answers is
//! little-endian; only the control code inside the feature list is big-endian.
//!
//! `PIN_VERIFY_STRUCTURE` (19 bytes, then the APDU):
//!
//! | offset | field | |
//! | --- | --- | --- |
//! | 0 | `bTimerOut` | seconds for the whole entry, 0 = the reader's default |
//! | 1 | `bTimerOut2` | seconds after the first key |
//! | 2 | `bmFormatString` | bit 7 units (1 = bytes), bits 6–3 PIN position in units, bit 2 right justify, bits 1–0 format (00 binary, 01 BCD, 10 ASCII) |
//! | 3 | `bmPINBlockString` | bits 7–4 size in bits of a PIN length field, bits 3–0 PIN block size in bytes |
//! | 4 | `bmPINLengthFormat` | bit 4 units (1 = bytes), bits 3–0 position of the PIN length field |
//! | 5–6 | `wPINMaxExtraDigit` | high byte minimum digits, low byte maximum digits |
//! | 7 | `bEntryValidationCondition` | bit 0 max size reached, bit 1 OK key, bit 2 timeout |
//! | 8 | `bNumberMessage` | messages to display (0 none, 0xFF the reader's default) |
//! | 9–10 | `wLangId` | message language (a Windows LANGID) |
//! | 11 | `bMsgIndex` | message index |
//! | 12–14 | `bTeoPrologue` | T=1 prologue, zero (a TPDU reader's driver fills it) |
//! | 15–18 | `ulDataLength` | number of APDU bytes that follow |
//! | 19… | `abData` | the APDU template |
//!
//! `PIN_MODIFY_STRUCTURE` (24 bytes, then the APDU): offsets 0–4 as above, then 5
//! `bInsertionOffsetOld`, 6 `bInsertionOffsetNew` (bytes), 7–8 `wPINMaxExtraDigit`, 9
//! `bConfirmPIN` (bit 0 new PIN entered twice, bit 1 current PIN entered too), 10
//! `bEntryValidationCondition`, 11 `bNumberMessage`, 12–13 `wLangId`, 14–16 `bMsgIndex1..3`,
//! 17–19 `bTeoPrologue`, 20–23 `ulDataLength`, 24… `abData`.
//!
//! libccid (the Linux CCID driver) refuses a structure whose `ulDataLength` does not match
//! the bytes sent or whose APDU is shorter than 4 bytes, and a modify structure with a
//! `bNumberMessage` other than 0–3 or 0xFF; it replaces a `bEntryValidationCondition` of 0 or
//! above 7 with 0x02. The builders here never produce any of those.
//!
//! ## The My Number card's 4-digit PINs
//!
//! [`PinVerifyStructure::ascii4`] and [`PinModifyStructure::ascii4_new_pin`] build the
//! structures for the card's three 4-digit PINs: ASCII digits, exactly 4, no padding, no
//! length field, written from the first data byte of the template. The template always
//! carries `Lc` = 04 and four filler bytes (`FF`) that the reader overwrites: some readers
//! mishandle a template that ends after the header (libccid carries a special case for the
//! SPR532 with a 4-byte, case-1 template; the SPR332 is reported to need the same). The
//! card's change commands take the new PIN only, so a change is a VERIFY of the current PIN
//! (itself a PIN-pad entry) then a modify with `bConfirmPIN` = 01: the new PIN typed twice,
//! compared by the reader, written at offset 0.

use crate::response::{Response, ResponseError};
use crate::status::StatusWord;

/// The control function number of `CM_IOCTL_GET_FEATURE_REQUEST`: the argument of
/// `SCARD_CTL_CODE`. The code itself is platform-specific (pcsc-lite on Linux: `0x42000000 +
/// 3400` = `0x42000D48`; Windows: another formula) and is the transport's business.
pub const GET_FEATURE_REQUEST_FUNCTION: u32 = 3400;

/// pcsc-lite's control code of `CM_IOCTL_GET_FEATURE_REQUEST` (`SCARD_CTL_CODE(3400)` as
/// `reader.h` defines it: `0x42000000 + code`). For tests and for documentation; a client
/// computes it with its platform's `SCARD_CTL_CODE`.
pub const PCSCLITE_GET_FEATURE_REQUEST: u32 = 0x4200_0000 + GET_FEATURE_REQUEST_FUNCTION;

/// `FEATURE_VERIFY_PIN_START` (`0x01`).
pub const FEATURE_VERIFY_PIN_START: u8 = 0x01;
/// `FEATURE_VERIFY_PIN_FINISH` (`0x02`).
pub const FEATURE_VERIFY_PIN_FINISH: u8 = 0x02;
/// `FEATURE_MODIFY_PIN_START` (`0x03`).
pub const FEATURE_MODIFY_PIN_START: u8 = 0x03;
/// `FEATURE_MODIFY_PIN_FINISH` (`0x04`).
pub const FEATURE_MODIFY_PIN_FINISH: u8 = 0x04;
/// `FEATURE_GET_KEY_PRESSED` (`0x05`).
pub const FEATURE_GET_KEY_PRESSED: u8 = 0x05;
/// `FEATURE_VERIFY_PIN_DIRECT` (`0x06`): verify a PIN typed on the reader, one call.
pub const FEATURE_VERIFY_PIN_DIRECT: u8 = 0x06;
/// `FEATURE_MODIFY_PIN_DIRECT` (`0x07`): change a PIN typed on the reader, one call.
pub const FEATURE_MODIFY_PIN_DIRECT: u8 = 0x07;
/// `FEATURE_MCT_READER_DIRECT` (`0x08`).
pub const FEATURE_MCT_READER_DIRECT: u8 = 0x08;
/// `FEATURE_MCT_UNIVERSAL` (`0x09`).
pub const FEATURE_MCT_UNIVERSAL: u8 = 0x09;
/// `FEATURE_IFD_PIN_PROPERTIES` (`0x0A`): display layout and entry conditions.
pub const FEATURE_IFD_PIN_PROPERTIES: u8 = 0x0A;
/// `FEATURE_ABORT` (`0x0B`).
pub const FEATURE_ABORT: u8 = 0x0B;
/// `FEATURE_SET_SPE_MESSAGE` (`0x0C`).
pub const FEATURE_SET_SPE_MESSAGE: u8 = 0x0C;
/// `FEATURE_VERIFY_PIN_DIRECT_APP_ID` (`0x0D`).
pub const FEATURE_VERIFY_PIN_DIRECT_APP_ID: u8 = 0x0D;
/// `FEATURE_MODIFY_PIN_DIRECT_APP_ID` (`0x0E`).
pub const FEATURE_MODIFY_PIN_DIRECT_APP_ID: u8 = 0x0E;
/// `FEATURE_WRITE_DISPLAY` (`0x0F`).
pub const FEATURE_WRITE_DISPLAY: u8 = 0x0F;
/// `FEATURE_GET_KEY` (`0x10`).
pub const FEATURE_GET_KEY: u8 = 0x10;
/// `FEATURE_IFD_DISPLAY_PROPERTIES` (`0x11`).
pub const FEATURE_IFD_DISPLAY_PROPERTIES: u8 = 0x11;
/// `FEATURE_GET_TLV_PROPERTIES` (`0x12`): reader properties as a TLV list.
pub const FEATURE_GET_TLV_PROPERTIES: u8 = 0x12;
/// `FEATURE_CCID_ESC_COMMAND` (`0x13`).
pub const FEATURE_CCID_ESC_COMMAND: u8 = 0x13;
/// `FEATURE_EXECUTE_PACE` (`0x20`).
pub const FEATURE_EXECUTE_PACE: u8 = 0x20;

/// The name of a feature tag, for `doctor`/`readers` output; `None` for a tag part 10 does not
/// name.
pub fn feature_name(tag: u8) -> Option<&'static str> {
    Some(match tag {
        FEATURE_VERIFY_PIN_START => "VERIFY_PIN_START",
        FEATURE_VERIFY_PIN_FINISH => "VERIFY_PIN_FINISH",
        FEATURE_MODIFY_PIN_START => "MODIFY_PIN_START",
        FEATURE_MODIFY_PIN_FINISH => "MODIFY_PIN_FINISH",
        FEATURE_GET_KEY_PRESSED => "GET_KEY_PRESSED",
        FEATURE_VERIFY_PIN_DIRECT => "VERIFY_PIN_DIRECT",
        FEATURE_MODIFY_PIN_DIRECT => "MODIFY_PIN_DIRECT",
        FEATURE_MCT_READER_DIRECT => "MCT_READER_DIRECT",
        FEATURE_MCT_UNIVERSAL => "MCT_UNIVERSAL",
        FEATURE_IFD_PIN_PROPERTIES => "IFD_PIN_PROPERTIES",
        FEATURE_ABORT => "ABORT",
        FEATURE_SET_SPE_MESSAGE => "SET_SPE_MESSAGE",
        FEATURE_VERIFY_PIN_DIRECT_APP_ID => "VERIFY_PIN_DIRECT_APP_ID",
        FEATURE_MODIFY_PIN_DIRECT_APP_ID => "MODIFY_PIN_DIRECT_APP_ID",
        FEATURE_WRITE_DISPLAY => "WRITE_DISPLAY",
        FEATURE_GET_KEY => "GET_KEY",
        FEATURE_IFD_DISPLAY_PROPERTIES => "IFD_DISPLAY_PROPERTIES",
        FEATURE_GET_TLV_PROPERTIES => "GET_TLV_PROPERTIES",
        FEATURE_CCID_ESC_COMMAND => "CCID_ESC_COMMAND",
        FEATURE_EXECUTE_PACE => "EXECUTE_PACE",
        _ => return None,
    })
}

/// Property tags of the `FEATURE_GET_TLV_PROPERTIES` answer (`PCSCv2_PART10_PROPERTY_*`).
pub mod property {
    /// `wLcdLayout` (2 bytes): `0xLLCC`, lines and characters per line; 0 = no display.
    pub const LCD_LAYOUT: u8 = 1;
    /// `bEntryValidationCondition` (1 byte).
    pub const ENTRY_VALIDATION_CONDITION: u8 = 2;
    /// `bTimeOut2` (1 byte).
    pub const TIMEOUT2: u8 = 3;
    /// `wLcdMaxCharacters` (2 bytes).
    pub const LCD_MAX_CHARACTERS: u8 = 4;
    /// `wLcdMaxLines` (2 bytes).
    pub const LCD_MAX_LINES: u8 = 5;
    /// `bMinPINSize` (1 byte).
    pub const MIN_PIN_SIZE: u8 = 6;
    /// `bMaxPINSize` (1 byte).
    pub const MAX_PIN_SIZE: u8 = 7;
    /// `sFirmwareID` (any length): the firmware's own text, untrusted.
    pub const FIRMWARE_ID: u8 = 8;
    /// `bPPDUSupport` (1 byte).
    pub const PPDU_SUPPORT: u8 = 9;
    /// `dwMaxAPDUDataSize` (4 bytes).
    pub const MAX_APDU_DATA_SIZE: u8 = 10;
    /// `wIdVendor` (2 bytes): the USB vendor id.
    pub const ID_VENDOR: u8 = 11;
    /// `wIdProduct` (2 bytes): the USB product id.
    pub const ID_PRODUCT: u8 = 12;
}

/// `wLangId` for Japanese (`0x0411`).
pub const LANG_JAPANESE: u16 = 0x0411;
/// `wLangId` for English, United States (`0x0409`).
pub const LANG_ENGLISH_US: u16 = 0x0409;

/// Bytes from a reader that are not what part 10 says they are, or a structure that cannot
/// be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part10Error {
    /// The feature list ends inside a record (`len` bytes; each record is 6 bytes).
    FeatureListTruncated {
        /// Bytes received.
        len: usize,
    },
    /// A feature record whose length byte is not 4.
    FeatureLength {
        /// The feature tag.
        tag: u8,
        /// Its length byte.
        length: u8,
    },
    /// A feature listed twice.
    DuplicateFeature(u8),
    /// The PIN properties answer is not exactly 4 bytes.
    PinPropertiesLength(usize),
    /// The TLV properties answer ends inside an entry.
    PropertiesTruncated {
        /// Offset of the entry that is cut short.
        offset: usize,
    },
    /// A property with a length its tag does not allow.
    PropertyLength {
        /// The property tag.
        tag: u8,
        /// Its length byte.
        length: u8,
    },
    /// A property listed twice.
    DuplicateProperty(u8),
    /// A PIN structure shorter than its fixed part plus a 4-byte APDU header.
    StructureTooShort(usize),
    /// `ulDataLength` does not match the bytes that follow it.
    DataLengthMismatch {
        /// `ulDataLength` as received.
        declared: u32,
        /// Bytes actually after the fixed part.
        actual: usize,
    },
    /// An APDU template that does not fit `ulDataLength` (more than 4 GiB).
    TemplateTooLong(usize),
}

impl std::fmt::Display for Part10Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Part10Error::FeatureListTruncated { len } => write!(
                f,
                "feature list of {len} bytes ends inside a record (records are 6 bytes)"
            ),
            Part10Error::FeatureLength { tag, length } => write!(
                f,
                "feature 0x{tag:02X} has length {length}; a control code is 4 bytes"
            ),
            Part10Error::DuplicateFeature(tag) => write!(f, "feature 0x{tag:02X} listed twice"),
            Part10Error::PinPropertiesLength(n) => {
                write!(f, "PIN properties of {n} bytes; part 10 defines 4")
            }
            Part10Error::PropertiesTruncated { offset } => {
                write!(
                    f,
                    "reader properties end inside the entry at offset {offset}"
                )
            }
            Part10Error::PropertyLength { tag, length } => {
                write!(f, "reader property {tag} has the wrong length {length}")
            }
            Part10Error::DuplicateProperty(tag) => write!(f, "reader property {tag} listed twice"),
            Part10Error::StructureTooShort(n) => {
                write!(f, "PIN structure of {n} bytes is too short")
            }
            Part10Error::DataLengthMismatch { declared, actual } => write!(
                f,
                "PIN structure declares {declared} APDU bytes but carries {actual}"
            ),
            Part10Error::TemplateTooLong(n) => write!(f, "APDU template of {n} bytes is too long"),
        }
    }
}

impl std::error::Error for Part10Error {}

// ---------------------------------------------------------------------------------------------
// Feature list

/// The answer to `CM_IOCTL_GET_FEATURE_REQUEST`: which features the reader has, each with the
/// control code to use for it. Kept in the reader's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    entries: Vec<(u8, u32)>,
}

impl Features {
    /// Parses the TLV list: records of tag (1 byte), length (1 byte, always 4), control code
    /// (4 bytes, big-endian). An empty answer is a reader with no feature. A record cut short,
    /// a length other than 4 or a feature listed twice is refused.
    pub fn parse(bytes: &[u8]) -> Result<Self, Part10Error> {
        let mut entries: Vec<(u8, u32)> = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let (tag, length) = match rest {
                [tag, length, ..] => (*tag, *length),
                _ => return Err(Part10Error::FeatureListTruncated { len: bytes.len() }),
            };
            if length != 4 {
                return Err(Part10Error::FeatureLength { tag, length });
            }
            let Some([a, b, c, d]) = rest.get(2..6).and_then(|v| <[u8; 4]>::try_from(v).ok())
            else {
                return Err(Part10Error::FeatureListTruncated { len: bytes.len() });
            };
            if entries.iter().any(|(t, _)| *t == tag) {
                return Err(Part10Error::DuplicateFeature(tag));
            }
            entries.push((tag, u32::from_be_bytes([a, b, c, d])));
            rest = &rest[6..];
        }
        Ok(Features { entries })
    }

    /// A list from (tag, control code) pairs, in that order (tests, simulators).
    pub fn from_entries(entries: Vec<(u8, u32)>) -> Self {
        Features { entries }
    }

    /// The TLV encoding (the inverse of [`Features::parse`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.entries.len() * 6);
        for (tag, code) in &self.entries {
            out.push(*tag);
            out.push(4);
            out.extend_from_slice(&code.to_be_bytes());
        }
        out
    }

    /// The control code of feature `tag`, if the reader has it.
    pub fn get(&self, tag: u8) -> Option<u32> {
        self.entries
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, c)| *c)
    }

    /// Every (tag, control code), in the reader's order.
    pub fn iter(&self) -> impl Iterator<Item = (u8, u32)> + '_ {
        self.entries.iter().copied()
    }

    /// True when the reader listed no feature.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The code of `FEATURE_VERIFY_PIN_DIRECT`.
    pub fn verify_pin_direct(&self) -> Option<u32> {
        self.get(FEATURE_VERIFY_PIN_DIRECT)
    }

    /// The code of `FEATURE_MODIFY_PIN_DIRECT`.
    pub fn modify_pin_direct(&self) -> Option<u32> {
        self.get(FEATURE_MODIFY_PIN_DIRECT)
    }

    /// The code of `FEATURE_IFD_PIN_PROPERTIES`.
    pub fn ifd_pin_properties(&self) -> Option<u32> {
        self.get(FEATURE_IFD_PIN_PROPERTIES)
    }

    /// The code of `FEATURE_GET_TLV_PROPERTIES`.
    pub fn get_tlv_properties(&self) -> Option<u32> {
        self.get(FEATURE_GET_TLV_PROPERTIES)
    }

    /// A PIN pad as mynapin uses it: both direct verify and direct modify.
    pub fn has_pin_pad(&self) -> bool {
        self.verify_pin_direct().is_some() && self.modify_pin_direct().is_some()
    }
}

// ---------------------------------------------------------------------------------------------
// Reader properties

/// The answer to `FEATURE_IFD_PIN_PROPERTIES` (`PIN_PROPERTIES_STRUCTURE`, 4 bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinProperties {
    /// `wLcdLayout`: `0xLLCC` (lines, characters per line); 0 = no display.
    pub lcd_layout: u16,
    /// `bEntryValidationCondition`: the conditions the reader supports.
    pub entry_validation_condition: u8,
    /// `bTimeOut2`: 0 when the reader does not distinguish the two timeouts.
    pub timeout2: u8,
}

impl PinProperties {
    /// Parses exactly 4 bytes: `wLcdLayout` (little-endian), `bEntryValidationCondition`,
    /// `bTimeOut2`.
    pub fn parse(bytes: &[u8]) -> Result<Self, Part10Error> {
        match bytes {
            [lo, hi, evc, t2] => Ok(PinProperties {
                lcd_layout: u16::from_le_bytes([*lo, *hi]),
                entry_validation_condition: *evc,
                timeout2: *t2,
            }),
            _ => Err(Part10Error::PinPropertiesLength(bytes.len())),
        }
    }

    /// The 4-byte encoding.
    pub fn to_bytes(&self) -> [u8; 4] {
        let [lo, hi] = self.lcd_layout.to_le_bytes();
        [lo, hi, self.entry_validation_condition, self.timeout2]
    }

    /// True when the reader has a display (`wLcdLayout` ≠ 0).
    pub fn has_display(&self) -> bool {
        self.lcd_layout != 0
    }
}

/// The answer to `FEATURE_GET_TLV_PROPERTIES`: a list of tag (1 byte), length (1 byte), value
/// (little-endian numbers). Properties the reader leaves out are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlvProperties {
    /// `wLcdLayout`.
    pub lcd_layout: Option<u16>,
    /// `bEntryValidationCondition`.
    pub entry_validation_condition: Option<u8>,
    /// `bTimeOut2`.
    pub timeout2: Option<u8>,
    /// `wLcdMaxCharacters`.
    pub lcd_max_characters: Option<u16>,
    /// `wLcdMaxLines`.
    pub lcd_max_lines: Option<u16>,
    /// `bMinPINSize`: fewest digits the reader accepts.
    pub min_pin_size: Option<u8>,
    /// `bMaxPINSize`: most digits the reader accepts.
    pub max_pin_size: Option<u8>,
    /// `sFirmwareID`: raw bytes from the reader; sanitize before printing.
    pub firmware_id: Option<Vec<u8>>,
    /// `bPPDUSupport`.
    pub ppdu_support: Option<u8>,
    /// `dwMaxAPDUDataSize`: 0 = short APDUs only.
    pub max_apdu_data_size: Option<u32>,
    /// `wIdVendor`: USB vendor id.
    pub id_vendor: Option<u16>,
    /// `wIdProduct`: USB product id.
    pub id_product: Option<u16>,
    /// Tags this module does not know, in order (their values are skipped).
    pub unknown_tags: Vec<u8>,
}

impl TlvProperties {
    /// Parses the TLV list. A known tag with the wrong length, a tag listed twice or an entry
    /// cut short is refused; unknown tags are skipped and listed in `unknown_tags`.
    pub fn parse(bytes: &[u8]) -> Result<Self, Part10Error> {
        let mut props = TlvProperties::default();
        let mut seen: Vec<u8> = Vec::new();
        let mut offset = 0usize;
        while offset < bytes.len() {
            let (tag, length) = match bytes.get(offset..offset + 2) {
                Some([t, l]) => (*t, *l),
                _ => return Err(Part10Error::PropertiesTruncated { offset }),
            };
            let start = offset + 2;
            let end = start + usize::from(length);
            let Some(value) = bytes.get(start..end) else {
                return Err(Part10Error::PropertiesTruncated { offset });
            };
            if seen.contains(&tag) {
                return Err(Part10Error::DuplicateProperty(tag));
            }
            seen.push(tag);
            let wrong = || Part10Error::PropertyLength { tag, length };
            let byte = || match value {
                [b] => Ok(*b),
                _ => Err(wrong()),
            };
            let word = || match value {
                [lo, hi] => Ok(u16::from_le_bytes([*lo, *hi])),
                _ => Err(wrong()),
            };
            match tag {
                property::LCD_LAYOUT => props.lcd_layout = Some(word()?),
                property::ENTRY_VALIDATION_CONDITION => {
                    props.entry_validation_condition = Some(byte()?)
                }
                property::TIMEOUT2 => props.timeout2 = Some(byte()?),
                property::LCD_MAX_CHARACTERS => props.lcd_max_characters = Some(word()?),
                property::LCD_MAX_LINES => props.lcd_max_lines = Some(word()?),
                property::MIN_PIN_SIZE => props.min_pin_size = Some(byte()?),
                property::MAX_PIN_SIZE => props.max_pin_size = Some(byte()?),
                property::FIRMWARE_ID => props.firmware_id = Some(value.to_vec()),
                property::PPDU_SUPPORT => props.ppdu_support = Some(byte()?),
                property::MAX_APDU_DATA_SIZE => match value {
                    [a, b, c, d] => {
                        props.max_apdu_data_size = Some(u32::from_le_bytes([*a, *b, *c, *d]))
                    }
                    _ => return Err(wrong()),
                },
                property::ID_VENDOR => props.id_vendor = Some(word()?),
                property::ID_PRODUCT => props.id_product = Some(word()?),
                other => props.unknown_tags.push(other),
            }
            offset = end;
        }
        Ok(props)
    }

    /// True when the reader says it has a display (`wLcdLayout` present and ≠ 0).
    pub fn has_display(&self) -> bool {
        self.lcd_layout.is_some_and(|l| l != 0)
    }
}

// ---------------------------------------------------------------------------------------------
// PIN structures

/// The card command a PIN-pad entry goes into, with the key reference of the current EF
/// (P2 = 80, as every My Number PIN command uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinCommand {
    /// VERIFY, `00 20 00 80`.
    Verify,
    /// CHANGE REFERENCE DATA with the new value only, `00 24 01 80` (auth, sign, kenhojo).
    ChangeReferenceData,
    /// JICSAP CHANGE KEY, `80 32 00 80` (both juki references).
    ChangeKey,
}

impl PinCommand {
    /// CLA INS P1 P2.
    pub fn header(self) -> [u8; 4] {
        match self {
            PinCommand::Verify => [0x00, 0x20, 0x00, 0x80],
            PinCommand::ChangeReferenceData => [0x00, 0x24, 0x01, 0x80],
            PinCommand::ChangeKey => [0x80, 0x32, 0x00, 0x80],
        }
    }

    /// The template for a 4-digit ASCII PIN: the header, `Lc` = 04 and four `FF` filler bytes
    /// that the reader overwrites with the digits.
    pub fn ascii4_template(self) -> [u8; 9] {
        let [cla, ins, p1, p2] = self.header();
        [cla, ins, p1, p2, 0x04, 0xFF, 0xFF, 0xFF, 0xFF]
    }
}

/// How the holder's entry is taken, common to verify and modify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryOptions {
    /// `bTimerOut`: seconds for the whole entry; 0 = the reader's default.
    pub timeout: u8,
    /// `bTimerOut2`: seconds after the first key; 0 = the reader's default.
    pub timeout2: u8,
    /// Whether the reader has a display (then it shows its default messages: `bNumberMessage`
    /// 0xFF; without one, 0x00).
    pub display: bool,
    /// `wLangId` of the messages ([`LANG_JAPANESE`] or [`LANG_ENGLISH_US`]).
    pub lang_id: u16,
}

impl Default for EntryOptions {
    /// 30 s for the entry and after the first key, no display, Japanese messages.
    fn default() -> Self {
        EntryOptions {
            timeout: 30,
            timeout2: 30,
            display: false,
            lang_id: LANG_JAPANESE,
        }
    }
}

impl EntryOptions {
    fn number_message(&self) -> u8 {
        if self.display {
            0xFF
        } else {
            0x00
        }
    }
}

/// `bmFormatString` for the My Number PINs: bit 7 = 1 (positions in bytes), PIN position 0,
/// left justified, ASCII (`10`).
pub const ASCII_BYTES_FORMAT: u8 = 0x82;
/// `bmPINBlockString` for the My Number PINs: no PIN length field (bits 7–4 = 0), a 4-byte PIN
/// block.
pub const ASCII4_BLOCK: u8 = 0x04;
/// `bmPINLengthFormat` for the My Number PINs: no length field, so 0.
pub const NO_LENGTH_FORMAT: u8 = 0x00;
/// `bEntryValidationCondition`: the holder presses the OK key.
pub const VALIDATE_ON_OK_KEY: u8 = 0x02;
/// `bConfirmPIN` bit 0: the new PIN is typed twice and the reader compares the two.
pub const CONFIRM_NEW_PIN: u8 = 0x01;
/// `bConfirmPIN` bit 1: the current PIN is typed too (into the same APDU).
pub const ENTER_CURRENT_PIN: u8 = 0x02;

fn data_length(template: &[u8]) -> Result<[u8; 4], Part10Error> {
    u32::try_from(template.len())
        .map(u32::to_le_bytes)
        .map_err(|_| Part10Error::TemplateTooLong(template.len()))
}

fn split_data(bytes: &[u8], fixed: usize) -> Result<(&[u8], Vec<u8>), Part10Error> {
    if bytes.len() < fixed + 4 {
        return Err(Part10Error::StructureTooShort(bytes.len()));
    }
    let (head, data) = bytes.split_at(fixed);
    let declared = u32::from_le_bytes([
        head[fixed - 4],
        head[fixed - 3],
        head[fixed - 2],
        head[fixed - 1],
    ]);
    if u32::try_from(data.len()).ok() != Some(declared) {
        return Err(Part10Error::DataLengthMismatch {
            declared,
            actual: data.len(),
        });
    }
    Ok((head, data.to_vec()))
}

/// `PIN_VERIFY_STRUCTURE`: the parameters of `FEATURE_VERIFY_PIN_DIRECT` and the APDU template.
/// The template carries no secret (its PIN bytes are filler), so it is a plain `Vec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinVerifyStructure {
    /// `bTimerOut`.
    pub timeout: u8,
    /// `bTimerOut2`.
    pub timeout2: u8,
    /// `bmFormatString`.
    pub format_string: u8,
    /// `bmPINBlockString`.
    pub pin_block_string: u8,
    /// `bmPINLengthFormat`.
    pub pin_length_format: u8,
    /// Minimum digits (high byte of `wPINMaxExtraDigit`).
    pub min_digits: u8,
    /// Maximum digits (low byte of `wPINMaxExtraDigit`).
    pub max_digits: u8,
    /// `bEntryValidationCondition`.
    pub entry_validation_condition: u8,
    /// `bNumberMessage`.
    pub number_message: u8,
    /// `wLangId`.
    pub lang_id: u16,
    /// `bMsgIndex`.
    pub msg_index: u8,
    /// `bTeoPrologue`.
    pub teo_prologue: [u8; 3],
    /// `abData`: the APDU template (`ulDataLength` is its length).
    pub template: Vec<u8>,
}

impl PinVerifyStructure {
    /// Size of the fixed part, before `abData`.
    pub const FIXED_LEN: usize = 19;

    /// A 4-digit ASCII PIN of the My Number card typed on the reader into `command`
    /// (normally [`PinCommand::Verify`]).
    pub fn ascii4(command: PinCommand, opts: &EntryOptions) -> Self {
        PinVerifyStructure {
            timeout: opts.timeout,
            timeout2: opts.timeout2,
            format_string: ASCII_BYTES_FORMAT,
            pin_block_string: ASCII4_BLOCK,
            pin_length_format: NO_LENGTH_FORMAT,
            min_digits: 4,
            max_digits: 4,
            entry_validation_condition: VALIDATE_ON_OK_KEY,
            number_message: opts.number_message(),
            lang_id: opts.lang_id,
            msg_index: 0x00,
            teo_prologue: [0; 3],
            template: command.ascii4_template().to_vec(),
        }
    }

    /// The packed encoding sent with `SCardControl`.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Part10Error> {
        let ul = data_length(&self.template)?;
        let mut out = Vec::with_capacity(Self::FIXED_LEN + self.template.len());
        out.extend_from_slice(&[
            self.timeout,
            self.timeout2,
            self.format_string,
            self.pin_block_string,
            self.pin_length_format,
        ]);
        // wPINMaxExtraDigit = 0xXXYY (min, max), little-endian on the wire: max first.
        out.extend_from_slice(
            &u16::from_be_bytes([self.min_digits, self.max_digits]).to_le_bytes(),
        );
        out.push(self.entry_validation_condition);
        out.push(self.number_message);
        out.extend_from_slice(&self.lang_id.to_le_bytes());
        out.push(self.msg_index);
        out.extend_from_slice(&self.teo_prologue);
        out.extend_from_slice(&ul);
        out.extend_from_slice(&self.template);
        Ok(out)
    }

    /// Parses the packed encoding; refuses a structure shorter than 19 + 4 bytes or whose
    /// `ulDataLength` disagrees with its length (libccid's checks). Field values are not
    /// judged: that is the reader's business.
    pub fn parse(bytes: &[u8]) -> Result<Self, Part10Error> {
        let (h, template) = split_data(bytes, Self::FIXED_LEN)?;
        let extra = u16::from_le_bytes([h[5], h[6]]).to_be_bytes();
        Ok(PinVerifyStructure {
            timeout: h[0],
            timeout2: h[1],
            format_string: h[2],
            pin_block_string: h[3],
            pin_length_format: h[4],
            min_digits: extra[0],
            max_digits: extra[1],
            entry_validation_condition: h[7],
            number_message: h[8],
            lang_id: u16::from_le_bytes([h[9], h[10]]),
            msg_index: h[11],
            teo_prologue: [h[12], h[13], h[14]],
            template,
        })
    }
}

/// `PIN_MODIFY_STRUCTURE`: the parameters of `FEATURE_MODIFY_PIN_DIRECT` and the APDU template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinModifyStructure {
    /// `bTimerOut`.
    pub timeout: u8,
    /// `bTimerOut2`.
    pub timeout2: u8,
    /// `bmFormatString`.
    pub format_string: u8,
    /// `bmPINBlockString`.
    pub pin_block_string: u8,
    /// `bmPINLengthFormat`.
    pub pin_length_format: u8,
    /// `bInsertionOffsetOld`: where the current PIN goes, in bytes.
    pub insertion_offset_old: u8,
    /// `bInsertionOffsetNew`: where the new PIN goes, in bytes.
    pub insertion_offset_new: u8,
    /// Minimum digits.
    pub min_digits: u8,
    /// Maximum digits.
    pub max_digits: u8,
    /// `bConfirmPIN` ([`CONFIRM_NEW_PIN`], [`ENTER_CURRENT_PIN`]).
    pub confirm_pin: u8,
    /// `bEntryValidationCondition`.
    pub entry_validation_condition: u8,
    /// `bNumberMessage`.
    pub number_message: u8,
    /// `wLangId`.
    pub lang_id: u16,
    /// `bMsgIndex1`, `bMsgIndex2`, `bMsgIndex3`.
    pub msg_index: [u8; 3],
    /// `bTeoPrologue`.
    pub teo_prologue: [u8; 3],
    /// `abData`: the APDU template.
    pub template: Vec<u8>,
}

impl PinModifyStructure {
    /// Size of the fixed part, before `abData`.
    pub const FIXED_LEN: usize = 24;

    /// A new 4-digit ASCII PIN typed twice on the reader (`bConfirmPIN` = 01) into `command`
    /// ([`PinCommand::ChangeReferenceData`] or [`PinCommand::ChangeKey`]), which carries the new
    /// PIN only: written at offset 0, no current PIN in the APDU (the caller VERIFYs first).
    /// Message indexes (the reader's default table: 00 "enter PIN", 01 "enter new PIN", 02
    /// "confirm new PIN"): the first entry is the new PIN (01), the second its confirmation
    /// (02); the third index is unused (02), as OpenSC sets them for a change without the
    /// current PIN.
    pub fn ascii4_new_pin(command: PinCommand, opts: &EntryOptions) -> Self {
        PinModifyStructure {
            timeout: opts.timeout,
            timeout2: opts.timeout2,
            format_string: ASCII_BYTES_FORMAT,
            pin_block_string: ASCII4_BLOCK,
            pin_length_format: NO_LENGTH_FORMAT,
            insertion_offset_old: 0,
            insertion_offset_new: 0,
            min_digits: 4,
            max_digits: 4,
            confirm_pin: CONFIRM_NEW_PIN,
            entry_validation_condition: VALIDATE_ON_OK_KEY,
            number_message: opts.number_message(),
            lang_id: opts.lang_id,
            msg_index: [0x01, 0x02, 0x02],
            teo_prologue: [0; 3],
            template: command.ascii4_template().to_vec(),
        }
    }

    /// How many entries the holder types on the keypad: the current PIN if asked, the new PIN,
    /// its confirmation if asked.
    pub fn entries(&self) -> u8 {
        1 + u8::from(self.confirm_pin & ENTER_CURRENT_PIN != 0)
            + u8::from(self.confirm_pin & CONFIRM_NEW_PIN != 0)
    }

    /// The packed encoding sent with `SCardControl`.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Part10Error> {
        let ul = data_length(&self.template)?;
        let mut out = Vec::with_capacity(Self::FIXED_LEN + self.template.len());
        out.extend_from_slice(&[
            self.timeout,
            self.timeout2,
            self.format_string,
            self.pin_block_string,
            self.pin_length_format,
            self.insertion_offset_old,
            self.insertion_offset_new,
        ]);
        out.extend_from_slice(
            &u16::from_be_bytes([self.min_digits, self.max_digits]).to_le_bytes(),
        );
        out.push(self.confirm_pin);
        out.push(self.entry_validation_condition);
        out.push(self.number_message);
        out.extend_from_slice(&self.lang_id.to_le_bytes());
        out.extend_from_slice(&self.msg_index);
        out.extend_from_slice(&self.teo_prologue);
        out.extend_from_slice(&ul);
        out.extend_from_slice(&self.template);
        Ok(out)
    }

    /// Parses the packed encoding; refuses a structure shorter than 24 + 4 bytes or whose
    /// `ulDataLength` disagrees with its length.
    pub fn parse(bytes: &[u8]) -> Result<Self, Part10Error> {
        let (h, template) = split_data(bytes, Self::FIXED_LEN)?;
        let extra = u16::from_le_bytes([h[7], h[8]]).to_be_bytes();
        Ok(PinModifyStructure {
            timeout: h[0],
            timeout2: h[1],
            format_string: h[2],
            pin_block_string: h[3],
            pin_length_format: h[4],
            insertion_offset_old: h[5],
            insertion_offset_new: h[6],
            min_digits: extra[0],
            max_digits: extra[1],
            confirm_pin: h[9],
            entry_validation_condition: h[10],
            number_message: h[11],
            lang_id: u16::from_le_bytes([h[12], h[13]]),
            msg_index: [h[14], h[15], h[16]],
            teo_prologue: [h[17], h[18], h[19]],
            template,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The reader's answer

/// What a PIN-pad reader answered to `VERIFY_PIN_DIRECT` / `MODIFY_PIN_DIRECT`. Part 10 gives
/// the reader five status words of its own, each answered alone (2 bytes); anything else is
/// the card's response to the APDU the reader built, passed through.
///
/// Only the card's answer can have cost a PIN try: when the reader answers on its own, no APDU
/// reached the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinPadOutcome {
    /// `64 00`: the holder typed nothing in time.
    Timeout,
    /// `64 01`: the holder pressed Cancel.
    Cancelled,
    /// `64 02`: the new PIN and its confirmation differ.
    EntriesDiffer,
    /// `64 03`: the PIN typed was too short or too long.
    WrongLength,
    /// `6B 80`: the reader rejected the structure (a parameter it does not support).
    BlockRejected,
    /// The card's response (its status word, data if any).
    Card(Response),
}

impl PinPadOutcome {
    /// Classifies the bytes the control call returned. Fewer than 2 bytes is an error, as for
    /// any response.
    pub fn from_answer(bytes: &[u8]) -> Result<Self, ResponseError> {
        let response = Response::parse(bytes)?;
        if !response.data().is_empty() {
            return Ok(PinPadOutcome::Card(response));
        }
        Ok(match response.sw().to_u16() {
            0x6400 => PinPadOutcome::Timeout,
            0x6401 => PinPadOutcome::Cancelled,
            0x6402 => PinPadOutcome::EntriesDiffer,
            0x6403 => PinPadOutcome::WrongLength,
            0x6B80 => PinPadOutcome::BlockRejected,
            _ => PinPadOutcome::Card(response),
        })
    }

    /// The status word of the answer (the reader's own, or the card's).
    pub fn sw(&self) -> StatusWord {
        match self {
            PinPadOutcome::Timeout => StatusWord::from_u16(0x6400),
            PinPadOutcome::Cancelled => StatusWord::from_u16(0x6401),
            PinPadOutcome::EntriesDiffer => StatusWord::from_u16(0x6402),
            PinPadOutcome::WrongLength => StatusWord::from_u16(0x6403),
            PinPadOutcome::BlockRejected => StatusWord::from_u16(0x6B80),
            PinPadOutcome::Card(r) => r.sw(),
        }
    }

    /// True when the reader answered on its own: no APDU reached the card, no try was spent.
    pub fn is_reader_answer(&self) -> bool {
        !matches!(self, PinPadOutcome::Card(_))
    }

    /// What happened, in a sentence (for the reader's own answers).
    pub fn meaning(&self) -> &'static str {
        match self {
            PinPadOutcome::Timeout => "no PIN was typed on the reader in time",
            PinPadOutcome::Cancelled => "the PIN entry was cancelled on the reader",
            PinPadOutcome::EntriesDiffer => {
                "the new PIN and its confirmation typed on the reader differ"
            }
            PinPadOutcome::WrongLength => {
                "the PIN typed on the reader has the wrong number of digits"
            }
            PinPadOutcome::BlockRejected => "the reader rejected the PIN entry parameters",
            PinPadOutcome::Card(_) => "the card answered",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hexfmt::parse_spaced_hex;
    use proptest::prelude::*;

    fn hex(s: &str) -> Vec<u8> {
        parse_spaced_hex(s).unwrap()
    }

    #[test]
    fn feature_list_parses_libccid_style_answer() {
        // 06 04 42 33 00 06   VERIFY_PIN_DIRECT  → 0x42330006 = SCARD_CTL_CODE(0x330006)
        // 07 04 42 33 00 07   MODIFY_PIN_DIRECT  → 0x42330007
        // 0A 04 42 33 00 0A   IFD_PIN_PROPERTIES → 0x4233000A
        // 12 04 42 33 00 12   GET_TLV_PROPERTIES → 0x42330012
        let bytes = hex("06 04 42 33 00 06 07 04 42 33 00 07 0A 04 42 33 00 0A 12 04 42 33 00 12");
        let f = Features::parse(&bytes).unwrap();
        assert_eq!(f.verify_pin_direct(), Some(0x4233_0006));
        assert_eq!(f.modify_pin_direct(), Some(0x4233_0007));
        assert_eq!(f.ifd_pin_properties(), Some(0x4233_000A));
        assert_eq!(f.get_tlv_properties(), Some(0x4233_0012));
        assert!(f.has_pin_pad());
        assert_eq!(f.to_bytes(), bytes);
        assert_eq!(f.iter().count(), 4);
    }

    #[test]
    fn feature_list_of_a_reader_without_pad() {
        // vpcd answers only GET_TLV_PROPERTIES.
        let f = Features::parse(&hex("12 04 42 33 00 12")).unwrap();
        assert!(!f.has_pin_pad());
        assert!(Features::parse(&[]).unwrap().is_empty());
    }

    #[test]
    fn malformed_feature_lists_are_refused() {
        assert_eq!(
            Features::parse(&hex("06 04 42 33 00")),
            Err(Part10Error::FeatureListTruncated { len: 5 })
        );
        assert_eq!(
            Features::parse(&hex("06")),
            Err(Part10Error::FeatureListTruncated { len: 1 })
        );
        assert_eq!(
            Features::parse(&hex("06 02 42 33")),
            Err(Part10Error::FeatureLength { tag: 6, length: 2 })
        );
        assert_eq!(
            Features::parse(&hex("06 04 42 33 00 06 06 04 42 33 00 07")),
            Err(Part10Error::DuplicateFeature(6))
        );
    }

    #[test]
    fn get_feature_request_code_is_pcsclite_linux() {
        assert_eq!(PCSCLITE_GET_FEATURE_REQUEST, 0x4200_0D48);
    }

    #[test]
    fn pin_properties() {
        // 00 00  wLcdLayout: no display
        // 07     bEntryValidationCondition
        // 00     bTimeOut2
        let p = PinProperties::parse(&hex("00 00 07 00")).unwrap();
        assert!(!p.has_display());
        assert_eq!(p.entry_validation_condition, 7);
        // 10 02: 0x0210 = 2 lines of 16 characters, little-endian.
        let d = PinProperties::parse(&hex("10 02 02 05")).unwrap();
        assert_eq!(d.lcd_layout, 0x0210);
        assert!(d.has_display());
        assert_eq!(d.timeout2, 5);
        assert_eq!(d.to_bytes().to_vec(), hex("10 02 02 05"));
        assert_eq!(
            PinProperties::parse(&hex("00 00 07")),
            Err(Part10Error::PinPropertiesLength(3))
        );
        assert_eq!(
            PinProperties::parse(&hex("00 00 07 00 00")),
            Err(Part10Error::PinPropertiesLength(5))
        );
    }

    #[test]
    fn tlv_properties_like_libccid() {
        // 01 02 00 00         wLcdLayout 0
        // 03 01 00            bTimeOut2 0
        // 06 01 04            bMinPINSize 4
        // 07 01 08            bMaxPINSize 8
        // 02 01 02            bEntryValidationCondition OK key
        // 08 03 41 42 43      sFirmwareID "ABC"
        // 09 01 00            bPPDUSupport 0
        // 0B 02 6B 0C         wIdVendor 0x0C6B (little-endian)
        // 0C 02 27 05         wIdProduct 0x0527
        // 0A 04 00 00 01 00   dwMaxAPDUDataSize 0x10000
        // 7F 01 AA            unknown tag, skipped
        let bytes = hex(
            "01 02 00 00 03 01 00 06 01 04 07 01 08 02 01 02 08 03 41 42 43 09 01 00 \
             0B 02 6B 0C 0C 02 27 05 0A 04 00 00 01 00 7F 01 AA",
        );
        let p = TlvProperties::parse(&bytes).unwrap();
        assert_eq!(p.lcd_layout, Some(0));
        assert!(!p.has_display());
        assert_eq!(p.timeout2, Some(0));
        assert_eq!(p.min_pin_size, Some(4));
        assert_eq!(p.max_pin_size, Some(8));
        assert_eq!(p.entry_validation_condition, Some(2));
        assert_eq!(p.firmware_id.as_deref(), Some(&b"ABC"[..]));
        assert_eq!(p.ppdu_support, Some(0));
        assert_eq!(p.id_vendor, Some(0x0C6B));
        assert_eq!(p.id_product, Some(0x0527));
        assert_eq!(p.max_apdu_data_size, Some(0x1_0000));
        assert_eq!(p.unknown_tags, vec![0x7F]);
        assert_eq!(p.lcd_max_lines, None);
    }

    #[test]
    fn malformed_tlv_properties_are_refused() {
        assert_eq!(
            TlvProperties::parse(&hex("06 02 04 00")),
            Err(Part10Error::PropertyLength { tag: 6, length: 2 })
        );
        assert_eq!(
            TlvProperties::parse(&hex("0B 01 6B")),
            Err(Part10Error::PropertyLength { tag: 11, length: 1 })
        );
        assert_eq!(
            TlvProperties::parse(&hex("06 01 04 0B 02 6B")),
            Err(Part10Error::PropertiesTruncated { offset: 3 })
        );
        assert_eq!(
            TlvProperties::parse(&hex("06 01 04 06")),
            Err(Part10Error::PropertiesTruncated { offset: 3 })
        );
        assert_eq!(
            TlvProperties::parse(&hex("06 01 04 06 01 04")),
            Err(Part10Error::DuplicateProperty(6))
        );
        assert_eq!(TlvProperties::parse(&[]).unwrap(), TlvProperties::default());
    }

    #[test]
    fn verify_structure_byte_exact() {
        let opts = EntryOptions {
            timeout: 30,
            timeout2: 15,
            display: false,
            lang_id: LANG_JAPANESE,
        };
        let bytes = PinVerifyStructure::ascii4(PinCommand::Verify, &opts)
            .to_bytes()
            .unwrap();
        // By hand, from PC/SC v2 part 10 (offsets in the module docs):
        //  0  1E           bTimerOut 30 s
        //  1  0F           bTimerOut2 15 s
        //  2  82           bmFormatString: bytes, position 0, left, ASCII
        //  3  04           bmPINBlockString: no length field, 4-byte block
        //  4  00           bmPINLengthFormat
        //  5  04 04        wPINMaxExtraDigit 0x0404 (min 4, max 4), little-endian
        //  7  02           bEntryValidationCondition: OK key
        //  8  00           bNumberMessage: no display
        //  9  11 04        wLangId 0x0411 Japanese, little-endian
        // 11  00           bMsgIndex
        // 12  00 00 00     bTeoPrologue
        // 15  09 00 00 00  ulDataLength 9, little-endian
        // 19  00 20 00 80 04 FF FF FF FF   VERIFY, Lc 04, four filler bytes
        let expected = hex("1E 0F 82 04 00 04 04 02 00 11 04 00 00 00 00 09 00 00 00 \
             00 20 00 80 04 FF FF FF FF");
        assert_eq!(bytes, expected);
        assert_eq!(bytes.len(), 28);
    }

    #[test]
    fn verify_structure_with_display_in_english() {
        let opts = EntryOptions {
            timeout: 0,
            timeout2: 0,
            display: true,
            lang_id: LANG_ENGLISH_US,
        };
        let bytes = PinVerifyStructure::ascii4(PinCommand::Verify, &opts)
            .to_bytes()
            .unwrap();
        //  00 00           timeouts: the reader's default
        //  82 04 00        format, block, length format
        //  04 04           min 4 / max 4
        //  02              OK key
        //  FF              bNumberMessage: the reader's default message
        //  09 04           wLangId 0x0409
        //  00 00 00 00     bMsgIndex, bTeoPrologue
        //  09 00 00 00     ulDataLength
        let expected = hex("00 00 82 04 00 04 04 02 FF 09 04 00 00 00 00 09 00 00 00 \
             00 20 00 80 04 FF FF FF FF");
        assert_eq!(bytes, expected);
    }

    #[test]
    fn modify_structure_change_reference_data_byte_exact() {
        let bytes = PinModifyStructure::ascii4_new_pin(
            PinCommand::ChangeReferenceData,
            &EntryOptions::default(),
        )
        .to_bytes()
        .unwrap();
        //  0  1E           bTimerOut 30 s
        //  1  1E           bTimerOut2 30 s
        //  2  82           bmFormatString
        //  3  04           bmPINBlockString
        //  4  00           bmPINLengthFormat
        //  5  00           bInsertionOffsetOld (no current PIN in this APDU)
        //  6  00           bInsertionOffsetNew: the new PIN is the whole data field
        //  7  04 04        wPINMaxExtraDigit min 4 / max 4
        //  9  01           bConfirmPIN: new PIN twice, no current PIN
        // 10  02           bEntryValidationCondition: OK key
        // 11  00           bNumberMessage: no display
        // 12  11 04        wLangId Japanese
        // 14  01 02 02     bMsgIndex1..3: "new PIN", "confirm new PIN", (unused)
        // 17  00 00 00     bTeoPrologue
        // 20  09 00 00 00  ulDataLength 9
        // 24  00 24 01 80 04 FF FF FF FF   CHANGE REFERENCE DATA (new value only)
        let expected = hex(
            "1E 1E 82 04 00 00 00 04 04 01 02 00 11 04 01 02 02 00 00 00 09 00 00 00 \
             00 24 01 80 04 FF FF FF FF",
        );
        assert_eq!(bytes, expected);
        assert_eq!(bytes.len(), 33);
    }

    #[test]
    fn modify_structure_change_key_byte_exact() {
        let opts = EntryOptions {
            display: true,
            ..EntryOptions::default()
        };
        let s = PinModifyStructure::ascii4_new_pin(PinCommand::ChangeKey, &opts);
        assert_eq!(s.entries(), 2);
        // As above with bNumberMessage FF (display) and the JICSAP CHANGE KEY template.
        let expected = hex(
            "1E 1E 82 04 00 00 00 04 04 01 02 FF 11 04 01 02 02 00 00 00 09 00 00 00 \
             80 32 00 80 04 FF FF FF FF",
        );
        assert_eq!(s.to_bytes().unwrap(), expected);
    }

    #[test]
    fn templates_always_carry_lc_and_filler() {
        assert_eq!(
            PinCommand::Verify.ascii4_template().to_vec(),
            hex("00 20 00 80 04 FF FF FF FF")
        );
        assert_eq!(
            PinCommand::ChangeReferenceData.ascii4_template().to_vec(),
            hex("00 24 01 80 04 FF FF FF FF")
        );
        assert_eq!(
            PinCommand::ChangeKey.ascii4_template().to_vec(),
            hex("80 32 00 80 04 FF FF FF FF")
        );
    }

    #[test]
    fn structures_round_trip() {
        for cmd in [
            PinCommand::Verify,
            PinCommand::ChangeReferenceData,
            PinCommand::ChangeKey,
        ] {
            for display in [false, true] {
                let opts = EntryOptions {
                    display,
                    ..EntryOptions::default()
                };
                let v = PinVerifyStructure::ascii4(cmd, &opts);
                assert_eq!(
                    PinVerifyStructure::parse(&v.to_bytes().unwrap()).unwrap(),
                    v
                );
                let m = PinModifyStructure::ascii4_new_pin(cmd, &opts);
                assert_eq!(
                    PinModifyStructure::parse(&m.to_bytes().unwrap()).unwrap(),
                    m
                );
            }
        }
    }

    #[test]
    fn structures_with_wrong_lengths_are_refused() {
        let v = PinVerifyStructure::ascii4(PinCommand::Verify, &EntryOptions::default())
            .to_bytes()
            .unwrap();
        assert_eq!(
            PinVerifyStructure::parse(&v[..22]),
            Err(Part10Error::StructureTooShort(22))
        );
        assert_eq!(
            PinVerifyStructure::parse(&v[..27]),
            Err(Part10Error::DataLengthMismatch {
                declared: 9,
                actual: 8
            })
        );
        // ulDataLength big-endian (a host-order bug on a big-endian machine): refused here.
        let mut be = v.clone();
        be[15..19].copy_from_slice(&[0, 0, 0, 9]);
        assert!(PinVerifyStructure::parse(&be).is_err());
        let m = PinModifyStructure::ascii4_new_pin(PinCommand::ChangeKey, &EntryOptions::default())
            .to_bytes()
            .unwrap();
        assert_eq!(
            PinModifyStructure::parse(&m[..27]),
            Err(Part10Error::StructureTooShort(27))
        );
        let mut longer = m.clone();
        longer.push(0);
        assert_eq!(
            PinModifyStructure::parse(&longer),
            Err(Part10Error::DataLengthMismatch {
                declared: 9,
                actual: 10
            })
        );
    }

    #[test]
    fn reader_answers() {
        use PinPadOutcome::*;
        assert_eq!(PinPadOutcome::from_answer(&[0x64, 0x00]).unwrap(), Timeout);
        assert_eq!(
            PinPadOutcome::from_answer(&[0x64, 0x01]).unwrap(),
            Cancelled
        );
        assert_eq!(
            PinPadOutcome::from_answer(&[0x64, 0x02]).unwrap(),
            EntriesDiffer
        );
        assert_eq!(
            PinPadOutcome::from_answer(&[0x64, 0x03]).unwrap(),
            WrongLength
        );
        assert_eq!(
            PinPadOutcome::from_answer(&[0x6B, 0x80]).unwrap(),
            BlockRejected
        );
        assert!(BlockRejected.is_reader_answer());
        assert_eq!(Cancelled.sw().to_u16(), 0x6401);
        let ok = PinPadOutcome::from_answer(&[0x90, 0x00]).unwrap();
        assert_eq!(ok, Card(Response::status(StatusWord::Success)));
        assert!(!ok.is_reader_answer());
        assert_eq!(
            PinPadOutcome::from_answer(&[0x63, 0xC2]).unwrap().sw(),
            StatusWord::RetriesLeft(2)
        );
        // A card answer with data is the card's even if it ends 64 00.
        assert!(matches!(
            PinPadOutcome::from_answer(&[0x01, 0x64, 0x00]).unwrap(),
            Card(_)
        ));
        assert!(PinPadOutcome::from_answer(&[0x64]).is_err());
        assert!(PinPadOutcome::from_answer(&[]).is_err());
    }

    #[test]
    fn feature_names() {
        assert_eq!(
            feature_name(FEATURE_VERIFY_PIN_DIRECT),
            Some("VERIFY_PIN_DIRECT")
        );
        assert_eq!(feature_name(0x7E), None);
    }

    proptest! {
        #[test]
        fn parsers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let _ = Features::parse(&bytes);
            let _ = PinProperties::parse(&bytes);
            let _ = TlvProperties::parse(&bytes);
            let _ = PinPadOutcome::from_answer(&bytes);
            if let Ok(v) = PinVerifyStructure::parse(&bytes) {
                prop_assert_eq!(v.to_bytes().unwrap(), bytes.clone());
            }
            if let Ok(m) = PinModifyStructure::parse(&bytes) {
                prop_assert_eq!(m.to_bytes().unwrap(), bytes.clone());
            }
        }

        #[test]
        fn feature_lists_round_trip(entries in proptest::collection::btree_map(any::<u8>(), any::<u32>(), 0..8)) {
            let f = Features::from_entries(entries.into_iter().collect());
            prop_assert_eq!(Features::parse(&f.to_bytes()).unwrap(), f);
        }
    }
}
