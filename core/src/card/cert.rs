//! Just enough X.509 to tell whether a certificate on the card has expired: walk the DER with
//! `iso7816-tlv` (BER-TLV) to `tbsCertificate.validity.notAfter`.

use iso7816_tlv::ber::{Tlv, Value};

/// A calendar date (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2035.
    pub year: u16,
    /// 1..=12.
    pub month: u8,
    /// 1..=31.
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (the inverse of [`Date::from_days_since_epoch`]).
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut it = text.splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }
}

/// How many days before expiry the tool starts warning (issue: within 90 days).
pub const WARN_DAYS: i64 = 90;

/// The state of the user-authentication certificate, decided from its `notAfter` and today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateState {
    /// Valid for more than [`WARN_DAYS`] days.
    Valid {
        /// Last day of validity.
        not_after: Date,
    },
    /// Valid, but expires within [`WARN_DAYS`] days.
    ExpiresSoon {
        /// Last day of validity.
        not_after: Date,
        /// Days from today to `not_after`.
        days_left: i64,
    },
    /// Expired: a new certificate is issued at the counter (the PIN is set again there).
    Expired {
        /// Last day of validity.
        not_after: Date,
    },
    /// The card has no such certificate.
    Absent,
    /// It could not be read or parsed.
    Unreadable,
}

impl CertificateState {
    /// Decides the state of a certificate valid until `not_after`, as of `today`.
    pub fn of(not_after: Date, today: Date) -> CertificateState {
        let days_left = not_after.days_since_epoch() - today.days_since_epoch();
        if days_left < 0 {
            CertificateState::Expired { not_after }
        } else if days_left <= WARN_DAYS {
            CertificateState::ExpiresSoon {
                not_after,
                days_left,
            }
        } else {
            CertificateState::Valid { not_after }
        }
    }

    /// The last day of validity, when known.
    pub fn not_after(self) -> Option<Date> {
        match self {
            CertificateState::Valid { not_after }
            | CertificateState::ExpiresSoon { not_after, .. }
            | CertificateState::Expired { not_after } => Some(not_after),
            CertificateState::Absent | CertificateState::Unreadable => None,
        }
    }
}

/// Total length of a DER object from its first 4 bytes `30 82 LL LL` (or a short/`81` form).
pub fn der_total_len(head: &[u8]) -> Option<usize> {
    match head {
        [0x30, 0x82, hi, lo, ..] => Some(4 + usize::from(u16::from_be_bytes([*hi, *lo]))),
        [0x30, 0x81, n, ..] => Some(3 + usize::from(*n)),
        [0x30, n, ..] if *n < 0x80 => Some(2 + usize::from(*n)),
        _ => None,
    }
}

/// `notAfter` of a DER X.509 certificate, or `None` if the bytes are not one.
pub fn not_after(der: &[u8]) -> Option<Date> {
    let cert = Tlv::from_bytes(der).ok()?;
    let Value::Constructed(parts) = cert.value() else {
        return None;
    };
    let Value::Constructed(tbs) = parts.first()?.value() else {
        return None;
    };
    // validity is the first SEQUENCE in tbsCertificate holding exactly two times.
    tbs.iter().find_map(|field| {
        let Value::Constructed(times) = field.value() else {
            return None;
        };
        match &times[..] {
            [a, b] if is_time(a) && is_time(b) => parse_time(b),
            _ => None,
        }
    })
}

/// One DER header at `at`: (tag, offset of the contents, length of the contents).
fn der_header(b: &[u8], at: usize) -> Option<(u8, usize, usize)> {
    let tag = *b.get(at)?;
    let first = *b.get(at + 1)?;
    match first {
        n if n < 0x80 => Some((tag, at + 2, usize::from(n))),
        0x81 => Some((tag, at + 3, usize::from(*b.get(at + 2)?))),
        0x82 => Some((
            tag,
            at + 4,
            usize::from(u16::from_be_bytes([*b.get(at + 2)?, *b.get(at + 3)?])),
        )),
        _ => None,
    }
}

/// `notAfter` from the first bytes of a DER X.509 certificate (the validity comes early:
/// version, serial number, signature algorithm, issuer, then validity), so that one READ
/// BINARY of 256 bytes is enough. `None` when the prefix is too short or not a certificate.
pub fn not_after_from_prefix(prefix: &[u8]) -> Option<Date> {
    let (t, cert_body, _) = der_header(prefix, 0)?;
    let (t2, mut at, _) = der_header(prefix, cert_body)?;
    if t != 0x30 || t2 != 0x30 {
        return None;
    }
    // [0] version (optional), serial, signature algorithm, issuer.
    let mut skipped = 0;
    while skipped < 3 {
        let (tag, body, len) = der_header(prefix, at)?;
        at = body.checked_add(len)?;
        if tag != 0xA0 {
            skipped += 1;
        }
    }
    let (tag, body, len) = der_header(prefix, at)?;
    if tag != 0x30 {
        return None;
    }
    let validity = prefix.get(at..body.checked_add(len)?)?;
    let v = Tlv::from_bytes(validity).ok()?;
    let Value::Constructed(times) = v.value() else {
        return None;
    };
    match &times[..] {
        [a, b] if is_time(a) && is_time(b) => parse_time(b),
        _ => None,
    }
}

fn is_time(t: &Tlv) -> bool {
    matches!(t.tag().to_bytes(), [0x17] | [0x18])
}

fn parse_time(t: &Tlv) -> Option<Date> {
    let Value::Primitive(bytes) = t.value() else {
        return None;
    };
    let s = std::str::from_utf8(bytes).ok()?;
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
    let (year, rest) = match t.tag().to_bytes() {
        [0x17] => {
            let yy = num(0..2)?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, 2)
        }
        _ => (num(0..4)?, 4),
    };
    Some(Date {
        year,
        month: num(rest..rest + 2)? as u8,
        day: num(rest + 2..rest + 4)? as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_not_after_of_the_test_certificates() {
        let valid = include_bytes!("../../../sim/fixtures/certs/auth-valid.der");
        let expired = include_bytes!("../../../sim/fixtures/certs/auth-expired.der");
        assert_eq!(
            not_after(valid),
            Some(Date {
                year: 2035,
                month: 3,
                day: 31
            })
        );
        assert_eq!(
            not_after(expired),
            Some(Date {
                year: 2025,
                month: 3,
                day: 31
            })
        );
        assert_eq!(der_total_len(valid), Some(valid.len()));
        // The first 256 bytes carry the validity.
        assert_eq!(not_after_from_prefix(&valid[..256]), not_after(valid));
        assert_eq!(not_after_from_prefix(&expired[..256]), not_after(expired));
        assert_eq!(not_after_from_prefix(&valid[..40]), None);
        assert_eq!(not_after_from_prefix(&[0x30, 0x82]), None);
        assert_eq!(not_after(&[0x30, 0x00]), None);
        assert_eq!(not_after(&[]), None);
    }

    #[test]
    fn certificate_states() {
        let d = |s| Date::parse_iso(s).unwrap();
        let na = d("2026-03-31");
        assert_eq!(
            CertificateState::of(na, d("2025-01-01")),
            CertificateState::Valid { not_after: na }
        );
        assert_eq!(
            CertificateState::of(na, d("2026-01-01")),
            CertificateState::ExpiresSoon {
                not_after: na,
                days_left: 89
            }
        );
        assert_eq!(
            CertificateState::of(na, d("2026-04-01")),
            CertificateState::Expired { not_after: na }
        );
        for days in [0, 20_414, 730_000, -1000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_days_since_epoch(20_414),
            Date {
                year: 2025,
                month: 11,
                day: 22
            }
        );
        assert_eq!(
            Date::parse_iso("2026-11-22"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 22
            })
        );
    }
}
