//! The reader's own reading of `PIN_VERIFY_STRUCTURE` / `PIN_MODIFY_STRUCTURE` (PC/SC v2
//! part 10), written independently of `mynapin_apdu::part10` so that a mistake in the client's
//! builder shows up as a refusal here rather than cancelling out.
//!
//! Framing is checked as libccid checks it (what a client meets on Linux with a real CCID
//! reader), and the answer is the same: `IFD_NOT_SUPPORTED` (the client sees
//! `SCARD_E_NOT_TRANSACTED`) for
//! * a verify structure shorter than 19 + 4 bytes, a modify structure shorter than 24 + 4;
//! * `ulDataLength` (offset 15 / 20, little-endian) other than the bytes that follow;
//! * a `bNumberMessage` other than 0–3 or 0xFF.
//!
//! libccid does not reverse a big-endian `ulDataLength` here as it does for callers on a
//! big-endian host: on this little-endian simulator that can only be a client bug, so it is
//! refused. Content a reader's firmware would refuse is answered `6B 80` (no key is read, no
//! APDU reaches the card); this simulator is stricter than libccid, which quietly replaces a
//! bad `bEntryValidationCondition` with 0x02:
//! * `bmFormatString`: only ASCII (bits 1–0 = `10`) is implemented (the My Number card's
//!   format); positions in bits (bit 7 = 0) with a non-zero position are refused;
//! * `bmPINBlockString`: no PIN length field (bits 7–4 = 0); a block of 1–15 bytes that holds
//!   the longest PIN allowed;
//! * `wPINMaxExtraDigit`: 1 ≤ min ≤ max, and the range meets this reader's 4–8 digits;
//! * `bEntryValidationCondition` 1–7; `bConfirmPIN` only bits 0–1;
//! * the APDU template: header, a short `Lc` (≠ 0) and exactly `Lc` data bytes (optionally one
//!   `Le` byte) — a template without `Lc` is refused, since readers such as the SPR532
//!   mishandle it; each PIN block (position + insertion offset + block size) inside the data
//!   field; the current and the new PIN blocks of a modify not overlapping.
//!
//! `bTimerOut2` is ignored, as libccid ignores it.

use zeroize::Zeroizing;

/// This reader's PIN size limits (also announced in its TLV properties).
pub const READER_MIN_PIN: u8 = 4;
pub const READER_MAX_PIN: u8 = 8;

/// Why a structure is not carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Framing error: `IFD_NOT_SUPPORTED`.
    NotSupported(&'static str),
    /// Content error: the reader answers `6B 80`.
    Rejected(&'static str),
}

/// The entry parameters both structures share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub timeout: u8,
    /// The digit counts accepted: the structure's range narrowed to the reader's.
    pub min: u8,
    pub max: u8,
    pub right_justify: bool,
    pub block_size: usize,
    /// Byte offset of the PIN position within the data field.
    pub position: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verify {
    pub entry: Entry,
    pub template: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modify {
    pub entry: Entry,
    /// Data-field offsets of the current PIN (when typed) and of the new PIN.
    pub old_at: Option<usize>,
    pub new_at: usize,
    pub confirm: bool,
    pub template: Vec<u8>,
}

fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn check_number_message(n: u8) -> Result<(), Refusal> {
    if n > 3 && n != 0xFF {
        return Err(Refusal::NotSupported(
            "bNumberMessage other than 0-3 or 0xFF",
        ));
    }
    Ok(())
}

/// Bytes 2..=4 and the digit range, common to both structures.
fn entry(
    timeout: u8,
    format: u8,
    block: u8,
    extra: [u8; 2],
    validation: u8,
) -> Result<Entry, Refusal> {
    if format & 0x03 != 0x02 {
        return Err(Refusal::Rejected(
            "bmFormatString: only ASCII is implemented",
        ));
    }
    let units_bytes = format & 0x80 != 0;
    let position = usize::from((format >> 3) & 0x0F);
    if !units_bytes && position != 0 {
        return Err(Refusal::Rejected(
            "bmFormatString: positions in bits are not implemented",
        ));
    }
    if block >> 4 != 0 {
        return Err(Refusal::Rejected(
            "bmPINBlockString: a PIN length field is not implemented",
        ));
    }
    let block_size = usize::from(block & 0x0F);
    // wPINMaxExtraDigit is 0xXXYY: XX minimum, YY maximum; little-endian on the wire.
    let (min, max) = (extra[1], extra[0]);
    if min == 0 || min > max {
        return Err(Refusal::Rejected(
            "wPINMaxExtraDigit: minimum 0 or above the maximum",
        ));
    }
    let (lo, hi) = (min.max(READER_MIN_PIN), max.min(READER_MAX_PIN));
    if lo > hi {
        return Err(Refusal::Rejected(
            "wPINMaxExtraDigit outside this reader's 4-8 digits",
        ));
    }
    if block_size == 0 || usize::from(hi) > block_size {
        return Err(Refusal::Rejected(
            "bmPINBlockString: the block cannot hold the PIN",
        ));
    }
    if validation == 0 || validation > 0x07 {
        return Err(Refusal::Rejected("bEntryValidationCondition outside 1-7"));
    }
    Ok(Entry {
        timeout,
        min: lo,
        max: hi,
        right_justify: format & 0x04 != 0,
        block_size,
        position,
    })
}

/// The template's data field length; refuses a template without a short Lc.
fn template_lc(t: &[u8]) -> Result<usize, Refusal> {
    let Some(&lc) = t.get(4) else {
        return Err(Refusal::Rejected("APDU template without Lc"));
    };
    let lc = usize::from(lc);
    if lc == 0 {
        return Err(Refusal::Rejected(
            "APDU template with Lc 0 (or extended length)",
        ));
    }
    if t.len() != 5 + lc && t.len() != 6 + lc {
        return Err(Refusal::Rejected(
            "APDU template length disagrees with its Lc",
        ));
    }
    Ok(lc)
}

fn block_fits(at: usize, size: usize, lc: usize) -> Result<(), Refusal> {
    if at + size > lc {
        return Err(Refusal::Rejected(
            "PIN block beyond the template's data field",
        ));
    }
    Ok(())
}

pub fn parse_verify(b: &[u8]) -> Result<Verify, Refusal> {
    if b.len() < 19 + 4 {
        return Err(Refusal::NotSupported(
            "verify structure shorter than 19 + 4 bytes",
        ));
    }
    if usize::try_from(le32(&b[15..19])).ok() != Some(b.len() - 19) {
        return Err(Refusal::NotSupported(
            "ulDataLength disagrees with the structure",
        ));
    }
    check_number_message(b[8])?;
    let entry = entry(b[0], b[2], b[3], [b[5], b[6]], b[7])?;
    let template = b[19..].to_vec();
    let lc = template_lc(&template)?;
    block_fits(entry.position, entry.block_size, lc)?;
    Ok(Verify { entry, template })
}

pub fn parse_modify(b: &[u8]) -> Result<Modify, Refusal> {
    if b.len() < 24 + 4 {
        return Err(Refusal::NotSupported(
            "modify structure shorter than 24 + 4 bytes",
        ));
    }
    if usize::try_from(le32(&b[20..24])).ok() != Some(b.len() - 24) {
        return Err(Refusal::NotSupported(
            "ulDataLength disagrees with the structure",
        ));
    }
    check_number_message(b[11])?;
    let entry = entry(b[0], b[2], b[3], [b[7], b[8]], b[10])?;
    let confirm_pin = b[9];
    if confirm_pin & !0x03 != 0 {
        return Err(Refusal::Rejected("bConfirmPIN: reserved bits set"));
    }
    let template = b[24..].to_vec();
    let lc = template_lc(&template)?;
    let new_at = entry.position + usize::from(b[6]);
    block_fits(new_at, entry.block_size, lc)?;
    let old_at = if confirm_pin & 0x02 != 0 {
        let old_at = entry.position + usize::from(b[5]);
        block_fits(old_at, entry.block_size, lc)?;
        if old_at < new_at + entry.block_size && new_at < old_at + entry.block_size {
            return Err(Refusal::Rejected("current and new PIN blocks overlap"));
        }
        Some(old_at)
    } else {
        None
    };
    Ok(Modify {
        entry,
        old_at,
        new_at,
        confirm: confirm_pin & 0x01 != 0,
        template,
    })
}

impl Entry {
    pub fn length_ok(&self, digits: &[u8]) -> bool {
        (usize::from(self.min)..=usize::from(self.max)).contains(&digits.len())
    }

    /// Writes `digits` (ASCII) into the block at data offset `at` of `apdu`: left or right
    /// justified; the block's other bytes keep the template's filler.
    pub fn place(&self, apdu: &mut [u8], at: usize, digits: &[u8]) {
        let start = 5 + at;
        let offset = if self.right_justify {
            self.block_size - digits.len()
        } else {
            0
        };
        apdu[start + offset..start + offset + digits.len()].copy_from_slice(digits);
    }
}

/// The APDU of a verify: the template with the digits in place.
pub fn build_verify(v: &Verify, digits: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut apdu = Zeroizing::new(v.template.clone());
    v.entry.place(&mut apdu, v.entry.position, digits);
    apdu
}

/// The APDU of a modify: the template with the current PIN (if typed) and the new PIN.
pub fn build_modify(m: &Modify, old: Option<&[u8]>, new: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut apdu = Zeroizing::new(m.template.clone());
    if let (Some(at), Some(old)) = (m.old_at, old) {
        m.entry.place(&mut apdu, at, old);
    }
    m.entry.place(&mut apdu, m.new_at, new);
    apdu
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        s.split_whitespace()
            .map(|b| u8::from_str_radix(b, 16).unwrap())
            .collect()
    }

    // The verify structure for a 4-digit ASCII PIN, by hand:
    //  1E 0F            bTimerOut 30, bTimerOut2 15
    //  82 04 00         ASCII bytes pos 0 left; 4-byte block, no length; length format 0
    //  04 04            wPINMaxExtraDigit min 4 max 4
    //  02 00            OK key; no message
    //  11 04 00         Japanese; bMsgIndex
    //  00 00 00         bTeoPrologue
    //  09 00 00 00      ulDataLength 9
    //  00 20 00 80 04 FF FF FF FF
    const VERIFY: &str = "1E 0F 82 04 00 04 04 02 00 11 04 00 00 00 00 09 00 00 00 \
                          00 20 00 80 04 FF FF FF FF";
    // The modify structure (new PIN twice, CHANGE REFERENCE DATA):
    //  1E 1E 82 04 00   timeouts, format, block, length format
    //  00 00            bInsertionOffsetOld, bInsertionOffsetNew
    //  04 04 01 02 00   min/max, bConfirmPIN 01, OK key, no message
    //  11 04 01 02 02   Japanese, bMsgIndex1..3
    //  00 00 00         bTeoPrologue
    //  09 00 00 00      ulDataLength
    //  00 24 01 80 04 FF FF FF FF
    const MODIFY: &str = "1E 1E 82 04 00 00 00 04 04 01 02 00 11 04 01 02 02 00 00 00 \
                          09 00 00 00 00 24 01 80 04 FF FF FF FF";

    #[test]
    fn verify_structure_and_apdu() {
        let v = parse_verify(&hex(VERIFY)).unwrap();
        assert_eq!(v.entry.timeout, 30);
        assert_eq!((v.entry.min, v.entry.max, v.entry.block_size), (4, 4, 4));
        assert!(v.entry.length_ok(b"1234"));
        assert!(!v.entry.length_ok(b"123"));
        assert!(!v.entry.length_ok(b"12345"));
        assert_eq!(
            build_verify(&v, b"1234").to_vec(),
            hex("00 20 00 80 04 31 32 33 34")
        );
    }

    #[test]
    fn modify_structure_and_apdu() {
        let m = parse_modify(&hex(MODIFY)).unwrap();
        assert!(m.confirm);
        assert_eq!((m.old_at, m.new_at), (None, 0));
        assert_eq!(
            build_modify(&m, None, b"9876").to_vec(),
            hex("00 24 01 80 04 39 38 37 36")
        );
    }

    #[test]
    fn the_client_builder_is_accepted() {
        use mynapin_apdu::part10::*;
        for display in [false, true] {
            let opts = EntryOptions {
                display,
                ..EntryOptions::default()
            };
            let v = PinVerifyStructure::ascii4(PinCommand::Verify, &opts);
            assert!(parse_verify(&v.to_bytes().unwrap()).is_ok());
            for cmd in [PinCommand::ChangeReferenceData, PinCommand::ChangeKey] {
                let m = PinModifyStructure::ascii4_new_pin(cmd, &opts);
                let parsed = parse_modify(&m.to_bytes().unwrap()).unwrap();
                let apdu = build_modify(&parsed, None, b"0000");
                assert_eq!(apdu[..5], cmd.ascii4_template()[..5]);
                assert_eq!(apdu[5..], *b"0000");
            }
        }
    }

    #[test]
    fn framing_errors_are_not_supported() {
        let v = hex(VERIFY);
        assert!(matches!(
            parse_verify(&v[..22]),
            Err(Refusal::NotSupported(_))
        ));
        assert!(matches!(
            parse_verify(&v[..27]),
            Err(Refusal::NotSupported(_))
        ));
        let mut be = v.clone();
        be[15..19].copy_from_slice(&[0, 0, 0, 9]);
        assert!(matches!(parse_verify(&be), Err(Refusal::NotSupported(_))));
        let mut msgs = v.clone();
        msgs[8] = 4;
        assert!(matches!(parse_verify(&msgs), Err(Refusal::NotSupported(_))));
        let m = hex(MODIFY);
        assert!(matches!(
            parse_modify(&m[..27]),
            Err(Refusal::NotSupported(_))
        ));
        let mut msgs = m.clone();
        msgs[11] = 0x10;
        assert!(matches!(parse_modify(&msgs), Err(Refusal::NotSupported(_))));
        msgs[11] = 0xFF;
        assert!(parse_modify(&msgs).is_ok());
        // The verify layout sent as a modify (a client mixing the two) does not frame.
        assert!(parse_modify(&v).is_err());
    }

    fn rejected_verify(offset: usize, value: u8) {
        let mut v = hex(VERIFY);
        v[offset] = value;
        assert!(
            matches!(parse_verify(&v), Err(Refusal::Rejected(_))),
            "byte {offset} = {value:02X} should be rejected"
        );
    }

    #[test]
    fn content_errors_are_rejected() {
        rejected_verify(2, 0x81); // BCD
        rejected_verify(2, 0x80); // binary
        rejected_verify(2, 0x83); // RFU format
        rejected_verify(2, 0x0A); // bit units, position 1
        rejected_verify(2, 0x8A); // byte position 1: block 1..5 beyond Lc 4
        rejected_verify(3, 0x44); // a PIN length field
        rejected_verify(3, 0x03); // block of 3 bytes for 4 digits
        rejected_verify(5, 0x03); // max 3 < min 4
        rejected_verify(6, 0x00); // min 0
        rejected_verify(6, 0x09); // min 9 > the reader's 8 (and > max)
        rejected_verify(7, 0x00); // bEntryValidationCondition 0
        rejected_verify(7, 0x08);
        // A template without Lc (header only), and one whose Lc disagrees.
        let mut v = hex(VERIFY);
        v.truncate(19 + 4);
        v[15] = 4;
        assert!(matches!(parse_verify(&v), Err(Refusal::Rejected(_))));
        let mut v = hex(VERIFY);
        v[19 + 4] = 5;
        assert!(matches!(parse_verify(&v), Err(Refusal::Rejected(_))));
        // With an Le byte it is fine.
        let mut v = hex(VERIFY);
        v.push(0x00);
        v[15] = 10;
        assert!(parse_verify(&v).is_ok());
        // Modify: reserved bConfirmPIN bits, overlapping blocks.
        let mut m = hex(MODIFY);
        m[9] = 0x05;
        assert!(matches!(parse_modify(&m), Err(Refusal::Rejected(_))));
        let mut m = hex(MODIFY);
        m[9] = 0x03; // current PIN too, but both at offset 0
        assert!(matches!(parse_modify(&m), Err(Refusal::Rejected(_))));
        let mut m = hex(MODIFY);
        m[6] = 1; // new PIN at offset 1: beyond the 4 data bytes
        assert!(matches!(parse_modify(&m), Err(Refusal::Rejected(_))));
    }

    #[test]
    fn modify_with_current_pin_and_right_justify() {
        // Current PIN at 0, new at 8, 8-byte blocks, right justified, min 4 max 8:
        // 1E 1E 86 08 00 00 08 08 04 03 02 00 09 04 00 01 02 00 00 00 15 00 00 00
        // 00 24 00 80 10 FF*16
        let mut s = hex("1E 1E 86 08 00 00 08 08 04 03 02 00 09 04 00 01 02 00 00 00 15 00 00 00");
        s.extend_from_slice(&hex("00 24 00 80 10"));
        s.extend_from_slice(&[0xFF; 16]);
        let m = parse_modify(&s).unwrap();
        assert_eq!((m.old_at, m.new_at), (Some(0), 8));
        let apdu = build_modify(&m, Some(b"1234"), b"567890");
        let mut want = hex("00 24 00 80 10 FF FF FF FF 31 32 33 34 FF FF 35 36 37 38 39 30");
        assert_eq!(apdu.len(), want.len());
        assert_eq!(apdu.to_vec(), std::mem::take(&mut want));
    }
}
