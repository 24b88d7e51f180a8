//! One simulated PIN-pad reader: its card slot, its keypad, and its answers to
//! `SCardControl` (PC/SC v2 part 10), the way a CCID PIN-pad reader driven by libccid answers.
//!
//! Feature list (`CM_IOCTL_GET_FEATURE_REQUEST`): `VERIFY_PIN_DIRECT`, `MODIFY_PIN_DIRECT`,
//! `IFD_PIN_PROPERTIES`, `GET_TLV_PROPERTIES`, each with the code libccid would give it
//! (`SCARD_CTL_CODE(0x330000 + feature)`). The reader has no display, takes 4–8 digits and
//! finishes an entry on the OK key (a script line is "digits then OK").
//!
//! Its USB ids in the TLV properties, vendor `0xFFFE` product `0x0001`, are made up: no such
//! device exists, and the ids are not assigned by the USB-IF to anyone.
//!
//! Logging: one line per PIN-pad command on stderr (pcscd's log), with the APDU header, the
//! number of digits and the card's status word — never the digits.

use crate::card::CardSlot;
use crate::consts::*;
use crate::keypad::{Entry, Keypad};
use crate::pinblock::{self, Refusal};
use std::time::Duration;
use zeroize::Zeroizing;

/// The made-up USB ids (see the module docs).
pub const VENDOR_ID: u16 = 0xFFFE;
pub const PRODUCT_ID: u16 = 0x0001;
pub const FIRMWARE_ID: &[u8] = b"mynapin simulated pinpad 0.1";
/// `bTimerOut` 0 means the reader's default: this long.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

const FEATURES: [u8; 4] = [
    FEATURE_VERIFY_PIN_DIRECT,
    FEATURE_MODIFY_PIN_DIRECT,
    FEATURE_IFD_PIN_PROPERTIES,
    FEATURE_GET_TLV_PROPERTIES,
];

pub struct Reader {
    pub slot: CardSlot,
    keypad: Keypad,
}

const SW_TIMEOUT: [u8; 2] = [0x64, 0x00];
const SW_CANCELLED: [u8; 2] = [0x64, 0x01];
const SW_ENTRIES_DIFFER: [u8; 2] = [0x64, 0x02];
const SW_WRONG_LENGTH: [u8; 2] = [0x64, 0x03];
const SW_REJECTED: [u8; 2] = [0x6B, 0x80];

fn log(msg: std::fmt::Arguments<'_>) {
    eprintln!("mynapin-pinpad-ifd: {msg}");
}

fn header(apdu: &[u8]) -> String {
    apdu.iter()
        .take(4)
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Reader {
    pub fn new(slot: CardSlot, keypad: Keypad) -> Reader {
        Reader { slot, keypad }
    }

    /// Answers `SCardControl(code, tx)`; `rx_cap` is the caller's buffer size. `Err` is the
    /// IFD handler response code.
    pub fn control(
        &mut self,
        code: u32,
        tx: &[u8],
        rx_cap: usize,
    ) -> Result<Zeroizing<Vec<u8>>, ResponseCode> {
        let out: Zeroizing<Vec<u8>> = if code == CM_IOCTL_GET_FEATURE_REQUEST {
            let mut v = Vec::with_capacity(FEATURES.len() * 6);
            for f in FEATURES {
                v.push(f);
                v.push(4);
                v.extend_from_slice(&feature_control_code(f).to_be_bytes());
            }
            Zeroizing::new(v)
        } else if code == feature_control_code(FEATURE_IFD_PIN_PROPERTIES) {
            // wLcdLayout 0 (no display, little-endian), bEntryValidationCondition 02 (OK
            // key), bTimeOut2 0 (not distinguished from bTimeOut).
            Zeroizing::new(vec![0x00, 0x00, 0x02, 0x00])
        } else if code == feature_control_code(FEATURE_GET_TLV_PROPERTIES) {
            Zeroizing::new(tlv_properties())
        } else if code == feature_control_code(FEATURE_VERIFY_PIN_DIRECT) {
            self.verify(tx)?
        } else if code == feature_control_code(FEATURE_MODIFY_PIN_DIRECT) {
            self.modify(tx)?
        } else {
            return Err(IFD_ERROR_NOT_SUPPORTED);
        };
        if out.len() > rx_cap {
            return Err(IFD_ERROR_INSUFFICIENT_BUFFER);
        }
        Ok(out)
    }

    fn refused(what: &str, r: Refusal) -> Result<Zeroizing<Vec<u8>>, ResponseCode> {
        match r {
            Refusal::NotSupported(why) => {
                log(format_args!("{what}: structure refused ({why})"));
                Err(IFD_NOT_SUPPORTED)
            }
            Refusal::Rejected(why) => {
                log(format_args!("{what}: structure rejected, 6B 80 ({why})"));
                Ok(Zeroizing::new(SW_REJECTED.to_vec()))
            }
        }
    }

    fn card_present(&mut self) -> bool {
        self.slot.atr().is_some()
    }

    /// One keypad entry checked for length; `Err` is the reader's own status word.
    fn take(&self, entry: &pinblock::Entry, what: &str) -> Result<Zeroizing<Vec<u8>>, [u8; 2]> {
        let wait = match entry.timeout {
            0 => DEFAULT_TIMEOUT,
            s => Duration::from_secs(u64::from(s)),
        };
        match self.keypad.next(wait) {
            Entry::Timeout => {
                log(format_args!("{what}: no entry in time, 64 00"));
                Err(SW_TIMEOUT)
            }
            Entry::Cancel => {
                log(format_args!("{what}: cancelled, 64 01"));
                Err(SW_CANCELLED)
            }
            Entry::Digits(d) if !entry.length_ok(&d) => {
                log(format_args!(
                    "{what}: {} digits outside {}-{}, 64 03",
                    d.len(),
                    entry.min,
                    entry.max
                ));
                Err(SW_WRONG_LENGTH)
            }
            Entry::Digits(d) => Ok(d),
        }
    }

    fn send(
        &mut self,
        what: &str,
        apdu: &[u8],
        digits: usize,
    ) -> Result<Zeroizing<Vec<u8>>, ResponseCode> {
        match self.slot.transmit(apdu) {
            Some(resp) if resp.len() >= 2 => {
                let sw = &resp[resp.len() - 2..];
                log(format_args!(
                    "{what}: sent {} with {digits} PIN digits (not shown), card answered {:02X} {:02X}",
                    header(apdu),
                    sw[0],
                    sw[1]
                ));
                Ok(resp)
            }
            _ => {
                log(format_args!("{what}: the card did not answer"));
                Err(IFD_COMMUNICATION_ERROR)
            }
        }
    }

    fn verify(&mut self, tx: &[u8]) -> Result<Zeroizing<Vec<u8>>, ResponseCode> {
        const WHAT: &str = "VERIFY_PIN_DIRECT";
        let v = match pinblock::parse_verify(tx) {
            Ok(v) => v,
            Err(r) => return Self::refused(WHAT, r),
        };
        if !self.card_present() {
            log(format_args!("{WHAT}: no card"));
            return Err(IFD_COMMUNICATION_ERROR);
        }
        let pin = match self.take(&v.entry, WHAT) {
            Ok(d) => d,
            Err(sw) => return Ok(Zeroizing::new(sw.to_vec())),
        };
        let apdu = pinblock::build_verify(&v, &pin);
        self.send(WHAT, &apdu, pin.len())
    }

    fn modify(&mut self, tx: &[u8]) -> Result<Zeroizing<Vec<u8>>, ResponseCode> {
        const WHAT: &str = "MODIFY_PIN_DIRECT";
        let m = match pinblock::parse_modify(tx) {
            Ok(m) => m,
            Err(r) => return Self::refused(WHAT, r),
        };
        if !self.card_present() {
            log(format_args!("{WHAT}: no card"));
            return Err(IFD_COMMUNICATION_ERROR);
        }
        let reply = |sw: [u8; 2]| Ok(Zeroizing::new(sw.to_vec()));
        let old = match m.old_at {
            None => None,
            Some(_) => match self.take(&m.entry, WHAT) {
                Ok(d) => Some(d),
                Err(sw) => return reply(sw),
            },
        };
        let new = match self.take(&m.entry, WHAT) {
            Ok(d) => d,
            Err(sw) => return reply(sw),
        };
        if m.confirm {
            let again = match self.take(&m.entry, WHAT) {
                Ok(d) => d,
                Err(sw) => return reply(sw),
            };
            if !same(&new, &again) {
                log(format_args!(
                    "{WHAT}: new PIN and confirmation differ, 64 02"
                ));
                return reply(SW_ENTRIES_DIFFER);
            }
        }
        let apdu = pinblock::build_modify(&m, old.as_deref().map(|v| v.as_slice()), &new);
        let digits = new.len() + old.as_ref().map_or(0, |o| o.len());
        self.send(WHAT, &apdu, digits)
    }
}

/// Compares two entries without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `FEATURE_GET_TLV_PROPERTIES` answer: tag, length, value (little-endian).
fn tlv_properties() -> Vec<u8> {
    let mut v = vec![
        PROPERTY_W_LCD_LAYOUT,
        2,
        0x00,
        0x00, // no display
        PROPERTY_B_TIMEOUT2,
        1,
        0x00,
        PROPERTY_B_MIN_PIN_SIZE,
        1,
        pinblock::READER_MIN_PIN,
        PROPERTY_B_MAX_PIN_SIZE,
        1,
        pinblock::READER_MAX_PIN,
        PROPERTY_B_ENTRY_VALIDATION_CONDITION,
        1,
        0x02, // OK key
        PROPERTY_B_PPDU_SUPPORT,
        1,
        0x00,
    ];
    v.push(PROPERTY_S_FIRMWARE_ID);
    v.push(FIRMWARE_ID.len() as u8);
    v.extend_from_slice(FIRMWARE_ID);
    v.push(PROPERTY_W_ID_VENDOR);
    v.push(2);
    v.extend_from_slice(&VENDOR_ID.to_le_bytes());
    v.push(PROPERTY_W_ID_PRODUCT);
    v.push(2);
    v.extend_from_slice(&PRODUCT_ID.to_le_bytes());
    // dwMaxAPDUDataSize 0: short APDUs only.
    v.extend_from_slice(&[PROPERTY_DW_MAX_APDU_DATA_SIZE, 4, 0, 0, 0, 0]);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::fake;
    use mynapin_apdu::part10;
    use std::io::Write;

    /// 90 00 for the PIN 1234 in a VERIFY or change, 63 C2 for any other VERIFY.
    fn card(apdu: &[u8]) -> Vec<u8> {
        match apdu {
            b"\x00\x20\x00\x80\x041234" => vec![0x90, 0x00],
            [0x00, 0x20, 0x00, 0x80, ..] => vec![0x63, 0xC2],
            _ => vec![0x90, 0x00],
        }
    }

    struct Rig {
        reader: Reader,
        script: std::fs::File,
        seen: fake::Seen,
        _dir: tempfile::TempDir,
    }

    fn rig() -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keypad");
        std::fs::write(&path, "").unwrap();
        let keypad = Keypad::open(&path).unwrap();
        let slot = CardSlot::listen(0).unwrap();
        let seen = fake::connect(slot.port(), card);
        let mut reader = Reader::new(slot, keypad);
        assert!(reader.card_present());
        let script = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        Rig {
            reader,
            script,
            seen,
            _dir: dir,
        }
    }

    impl Rig {
        fn keys(&mut self, lines: &str) {
            self.script.write_all(lines.as_bytes()).unwrap();
        }
        fn control(&mut self, feature: u8, tx: &[u8]) -> Result<Vec<u8>, ResponseCode> {
            let features = part10::Features::parse(
                &self
                    .reader
                    .control(CM_IOCTL_GET_FEATURE_REQUEST, &[], 256)
                    .unwrap(),
            )
            .unwrap();
            let code = features.get(feature).unwrap();
            self.reader.control(code, tx, 258).map(|v| v.to_vec())
        }
    }

    fn verify_block() -> Vec<u8> {
        part10::PinVerifyStructure::ascii4(part10::PinCommand::Verify, &Default::default())
            .to_bytes()
            .unwrap()
    }

    fn modify_block(cmd: part10::PinCommand) -> Vec<u8> {
        part10::PinModifyStructure::ascii4_new_pin(cmd, &Default::default())
            .to_bytes()
            .unwrap()
    }

    #[test]
    fn features_and_properties_parse_with_the_client_parsers() {
        let mut r = rig();
        let f = part10::Features::parse(
            &r.reader
                .control(CM_IOCTL_GET_FEATURE_REQUEST, &[], 256)
                .unwrap(),
        )
        .unwrap();
        assert!(f.has_pin_pad());
        assert_eq!(f.verify_pin_direct(), Some(0x4233_0006));
        let p = part10::PinProperties::parse(&r.control(FEATURE_IFD_PIN_PROPERTIES, &[]).unwrap())
            .unwrap();
        assert!(!p.has_display());
        let t = part10::TlvProperties::parse(&r.control(FEATURE_GET_TLV_PROPERTIES, &[]).unwrap())
            .unwrap();
        assert_eq!((t.min_pin_size, t.max_pin_size), (Some(4), Some(8)));
        assert_eq!(
            (t.id_vendor, t.id_product),
            (Some(VENDOR_ID), Some(PRODUCT_ID))
        );
        assert!(t.unknown_tags.is_empty());
        assert_eq!(
            r.reader
                .control(CM_IOCTL_GET_FEATURE_REQUEST, &[], 10)
                .unwrap_err(),
            IFD_ERROR_INSUFFICIENT_BUFFER
        );
        assert_eq!(
            r.reader.control(0x4200_0001, &[], 256).unwrap_err(),
            IFD_ERROR_NOT_SUPPORTED
        );
    }

    #[test]
    fn verify_right_wrong_cancel_timeout_length() {
        let mut r = rig();
        let block = verify_block();
        r.keys("1234\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x90, 0x00]
        );
        r.keys("1111\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x63, 0xC2]
        );
        r.keys("cancel\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x01]
        );
        r.keys("timeout\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x00]
        );
        r.keys("123\n12345\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x03]
        );
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x03]
        );
        // Only the two real entries reached the card, each carrying the digits typed.
        let seen = r.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            vec![
                b"\x00\x20\x00\x80\x041234".to_vec(),
                b"\x00\x20\x00\x80\x041111".to_vec()
            ]
        );
    }

    #[test]
    fn rejected_structures_consume_no_entry() {
        let mut r = rig();
        let mut bad = verify_block();
        bad[2] = 0x81; // BCD
        r.keys("1234\n");
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &bad).unwrap(),
            [0x6B, 0x80]
        );
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &bad[..20])
                .unwrap_err(),
            IFD_NOT_SUPPORTED
        );
        // The entry is still there for a good structure.
        assert_eq!(
            r.control(FEATURE_VERIFY_PIN_DIRECT, &verify_block())
                .unwrap(),
            [0x90, 0x00]
        );
        assert!(r.seen.lock().unwrap().len() == 1);
    }

    #[test]
    fn modify_twice_and_mismatch() {
        let mut r = rig();
        let block = modify_block(part10::PinCommand::ChangeKey);
        r.keys("5678\n5678\n");
        assert_eq!(
            r.control(FEATURE_MODIFY_PIN_DIRECT, &block).unwrap(),
            [0x90, 0x00]
        );
        r.keys("5678\n5679\n");
        assert_eq!(
            r.control(FEATURE_MODIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x02]
        );
        r.keys("5678\ncancel\n");
        assert_eq!(
            r.control(FEATURE_MODIFY_PIN_DIRECT, &block).unwrap(),
            [0x64, 0x01]
        );
        let block = modify_block(part10::PinCommand::ChangeReferenceData);
        r.keys("0000\n0000\n");
        assert_eq!(
            r.control(FEATURE_MODIFY_PIN_DIRECT, &block).unwrap(),
            [0x90, 0x00]
        );
        let seen = r.seen.lock().unwrap().clone();
        assert_eq!(
            seen,
            vec![
                b"\x80\x32\x00\x80\x045678".to_vec(),
                b"\x00\x24\x01\x80\x040000".to_vec()
            ]
        );
    }

    #[test]
    fn a_verify_structure_sent_as_modify_is_refused() {
        let mut r = rig();
        r.keys("1234\n");
        assert!(r
            .control(FEATURE_MODIFY_PIN_DIRECT, &verify_block())
            .is_err());
    }
}
