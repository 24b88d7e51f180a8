//! One constructor per command mynapin sends to a My Number card.
//!
//! Byte values are from `docs/card-facts.md` §3 (strength in brackets there); each
//! constructor cites the line it implements. Nothing here knows which applet holds which PIN:
//! that is the card layer's business.

use crate::command::{Command, EncodeError};
use crate::secret::SecretData;

/// SELECT DF by name, no FCI: `00 A4 04 0C Lc <AID>` ([2+]). Always send the full 10-byte AID:
/// a prefix can match another DF.
pub fn select_df_by_name(aid: &[u8]) -> Result<Command, EncodeError> {
    if aid.is_empty() || aid.len() > 16 {
        return Err(EncodeError::ParameterOutOfRange("AID length (1..=16)"));
    }
    Command::new(0x00, 0xA4, 0x04, 0x0C).with_data(aid)
}

/// SELECT EF under the current DF, no FCI: `00 A4 02 0C 02 <FID>` ([2+]).
pub fn select_ef(fid: [u8; 2]) -> Command {
    Command::new(0x00, 0xA4, 0x02, 0x0C)
        .with_data(&fid)
        .expect("two bytes always fit")
}

/// The retry-counter query on the current EF: exactly `00 20 00 80` — ISO case 1, no Lc, no
/// data, no Le ([2+]; `00 20 00 80 00` is a different command). Never consumes a try.
pub fn retry_counter_query() -> Command {
    Command::new(0x00, 0x20, 0x00, 0x80)
}

/// The retry-counter query by short EF identifier, without SELECT EF: `00 20 00 (80|sfi)`
/// ([2+]: jsapdu, myna-card). `sfi` is 1..=30. Only ever for the query, never with data.
pub fn retry_counter_query_short(sfi: u8) -> Result<Command, EncodeError> {
    if !(1..=30).contains(&sfi) {
        return Err(EncodeError::ParameterOutOfRange(
            "short EF identifier (1..=30)",
        ));
    }
    Ok(Command::new(0x00, 0x20, 0x00, 0x80 | sfi))
}

/// VERIFY the current EF's key with the PIN: `00 20 00 80 Lc <PIN>` ([2+]). An empty PIN is
/// refused: it would be the counter query.
pub fn verify(pin: &SecretData) -> Result<Command, EncodeError> {
    Command::new(0x00, 0x20, 0x00, 0x80).with_secret(pin)
}

/// CHANGE REFERENCE DATA with the new value only (P1 = 01): `00 24 01 80 Lc <new PIN>`, right
/// after a successful VERIFY of the same EF with no SELECT between ([2+ implementations]).
pub fn change_reference_data(new_pin: &SecretData) -> Result<Command, EncodeError> {
    Command::new(0x00, 0x24, 0x01, 0x80).with_secret(new_pin)
}

/// JICSAP CHANGE KEY, for the residence-registry (Juki) PIN references: `80 32 00 80 Lc <new
/// PIN>` after a successful VERIFY (\[1\]: one public source).
pub fn change_key(new_pin: &SecretData) -> Result<Command, EncodeError> {
    Command::new(0x80, 0x32, 0x00, 0x80).with_secret(new_pin)
}

/// READ BINARY of the current EF: `00 B0 <offset hi> <offset lo> <Le>`, offset ≤ 0x7FFF
/// (bit 8 of P1 set would mean a short EF id), Le 1..=256 ([2+]).
pub fn read_binary(offset: u16, le: u16) -> Result<Command, EncodeError> {
    if offset > 0x7FFF {
        return Err(EncodeError::ParameterOutOfRange(
            "READ BINARY offset (0..=32767)",
        ));
    }
    if !(1..=256).contains(&le) {
        return Err(EncodeError::InvalidLe(u32::from(le)));
    }
    let [p1, p2] = offset.to_be_bytes();
    Command::new(0x00, 0xB0, p1, p2).with_le(u32::from(le))
}

/// READ BINARY by short EF identifier, without SELECT EF: `00 B0 (80|sfi) <offset> <Le>`
/// (card facts §8 [2+]: jsapdu, myna-card; e.g. `00 B0 86 00 20` reads 32 bytes of the token EF
/// `0006`). `sfi` is 1..=30, the offset one byte (0..=255), Le 1..=256. The EF it names becomes
/// the current EF.
pub fn read_binary_sfi(sfi: u8, offset: u8, le: u16) -> Result<Command, EncodeError> {
    if !(1..=30).contains(&sfi) {
        return Err(EncodeError::ParameterOutOfRange(
            "short EF identifier (1..=30)",
        ));
    }
    if !(1..=256).contains(&le) {
        return Err(EncodeError::InvalidLe(u32::from(le)));
    }
    Command::new(0x00, 0xB0, 0x80 | sfi, offset).with_le(u32::from(le))
}

/// GET RESPONSE after `61 xx`: `00 C0 00 00 xx` (`xx` = 00 means 256).
pub fn get_response(available: u8) -> Command {
    let le = if available == 0 {
        256
    } else {
        u32::from(available)
    };
    Command::new(0x00, 0xC0, 0x00, 0x00)
        .with_le(le)
        .expect("1..=256 is a valid Le")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hexfmt::spaced_hex;

    fn enc(c: &Command) -> String {
        spaced_hex(&c.to_bytes())
    }

    #[test]
    fn bytes_of_the_card_doc() {
        let jpki = [0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01];
        assert_eq!(
            enc(&select_df_by_name(&jpki).unwrap()),
            "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
        );
        assert_eq!(enc(&select_ef([0x00, 0x18])), "00 A4 02 0C 02 00 18");
        assert_eq!(enc(&retry_counter_query()), "00 20 00 80");
        assert_eq!(
            enc(&retry_counter_query_short(0x18).unwrap()),
            "00 20 00 98"
        );
        assert!(retry_counter_query_short(0).is_err());
        assert!(retry_counter_query_short(31).is_err());
        let pin = SecretData::from_slice(b"1234");
        assert_eq!(enc(&verify(&pin).unwrap()), "00 20 00 80 04 31 32 33 34");
        assert_eq!(
            enc(&change_reference_data(&pin).unwrap()),
            "00 24 01 80 04 31 32 33 34"
        );
        assert_eq!(
            enc(&change_key(&pin).unwrap()),
            "80 32 00 80 04 31 32 33 34"
        );
        assert!(change_key(&pin).unwrap().is_sensitive());
        assert_eq!(enc(&read_binary(0, 0x20).unwrap()), "00 B0 00 00 20");
        assert_eq!(enc(&read_binary(0x0104, 256).unwrap()), "00 B0 01 04 00");
        assert!(read_binary(0x8000, 1).is_err());
        assert!(read_binary(0, 0).is_err());
        assert_eq!(
            enc(&read_binary_sfi(0x06, 0, 0x20).unwrap()),
            "00 B0 86 00 20"
        );
        assert!(read_binary_sfi(0, 0, 1).is_err());
        assert!(read_binary_sfi(31, 0, 1).is_err());
        assert!(read_binary_sfi(6, 0, 0).is_err());
        assert_eq!(enc(&get_response(0x10)), "00 C0 00 00 10");
        assert_eq!(enc(&get_response(0)), "00 C0 00 00 00");
        assert!(verify(&SecretData::default()).is_err());
    }
}
