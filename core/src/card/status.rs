//! The card's status, read in one order for every front end, and the verdict on it (what
//! `status --check` turns into an exit code).

use super::cert::{CertificateState, Date};
use super::{CardError, MyNumberCard, PinState, PinStatus};

/// Everything a status read learns about a card, without spending a try.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardStatus {
    /// The reader's name (untrusted: sanitize before showing it).
    pub reader: String,
    /// The token label (untrusted).
    pub token: String,
    /// Every PIN's counters, in [`crate::layout::PinId::ALL`] order.
    pub pins: Vec<PinStatus>,
    /// The user-authentication certificate: `None` when it was not read ([`Self::cert_read`]
    /// false) or could not be read (the card failed the read).
    pub cert: Option<CertificateState>,
    /// Whether the certificate was asked for.
    pub cert_read: bool,
}

/// A step of [`MyNumberCard::read_status_noting`], for a front end that shows progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StatusStep {
    /// The retry counters are read next.
    Counters,
}

/// What the status says overall, the most urgent finding first: a front end that gives one
/// answer (the command line's `status --check` exit code) takes it from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing below applies.
    Fine,
    /// At least one PIN is blocked: a reset is required.
    Blocked,
    /// None blocked, at least one at its last try.
    LastTry,
    /// None blocked or at its last try, but the card did not report the count of at least
    /// one (a VERIFY would be refused as with one try left).
    CountUnknown,
    /// The counts are fine, but the user-authentication certificate has expired.
    CertificateExpired,
}

impl CardStatus {
    /// The verdict: blocked, then last try, then an unknown count, then an expired
    /// certificate; else fine. An absent PIN (no signature certificate) is fine.
    pub fn verdict(&self) -> Verdict {
        let states: Vec<PinState> = self.pins.iter().map(PinStatus::state).collect();
        if states.contains(&PinState::Blocked) {
            Verdict::Blocked
        } else if states.contains(&PinState::Low) {
            Verdict::LastTry
        } else if states.contains(&PinState::Unknown) {
            Verdict::CountUnknown
        } else if matches!(self.cert, Some(CertificateState::Expired { .. })) {
            Verdict::CertificateExpired
        } else {
            Verdict::Fine
        }
    }
}

impl MyNumberCard<'_> {
    /// Reads the status (nothing that costs a try): with `with_cert`, first the
    /// user-authentication certificate's expiry as of `today` (while the JPKI application is
    /// still selected: one READ BINARY), then every PIN's counter (10 APDUs; 12 on a card
    /// without READ BINARY by short EF id). A certificate that cannot be read leaves
    /// [`CardStatus::cert`] `None`; a counter that cannot be read is an error.
    pub fn read_status(&mut self, with_cert: bool, today: Date) -> Result<CardStatus, CardError> {
        self.read_status_noting(with_cert, today, &mut |_| {})
    }

    /// [`Self::read_status`], telling `note` each step before it starts.
    pub fn read_status_noting(
        &mut self,
        with_cert: bool,
        today: Date,
        note: &mut dyn FnMut(StatusStep),
    ) -> Result<CardStatus, CardError> {
        let cert = if with_cert {
            self.auth_certificate_state(today).ok()
        } else {
            None
        };
        note(StatusStep::Counters);
        let pins = self.read_all()?;
        Ok(CardStatus {
            reader: self.reader_name(),
            token: self.token().to_string(),
            pins,
            cert,
            cert_read: with_cert,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::in_process::InProcess;
    use mynapin_sim::{Fixture, SimCard};

    fn status_of(fixture: &str, with_cert: bool, today: Date) -> CardStatus {
        let mut sim = SimCard::new(Fixture::load(fixture).unwrap());
        let mut t = InProcess::new(&mut sim, "R");
        let mut card = MyNumberCard::open(&mut t).unwrap();
        card.read_status(with_cert, today).unwrap()
    }

    /// The verdict of every built-in fixture that is a My Number card, read as `status`
    /// reads it, on a fixed day.
    #[test]
    fn the_verdict_of_each_fixture() {
        let today = Date::parse_iso("2026-12-01").unwrap();
        let cases = [
            ("all-blocked", Verdict::Blocked),
            ("auth-expired", Verdict::CertificateExpired),
            ("auth-last-try", Verdict::LastTry),
            ("change-acts-then-6c", Verdict::Fine),
            ("change-fails-juki-common", Verdict::Fine),
            ("count-above-max", Verdict::CountUnknown),
            ("count-rises", Verdict::LastTry),
            ("fresh", Verdict::Fine),
            ("juki-mismatch", Verdict::LastTry),
            ("no-sfi-read", Verdict::Fine),
            ("no-short-query", Verdict::Fine),
            ("quirky-counters", Verdict::CountUnknown),
            ("sign-blocked", Verdict::Blocked),
            ("under-15", Verdict::Fine),
        ];
        for (name, want) in cases {
            let s = status_of(name, true, today);
            assert_eq!(s.verdict(), want, "{name}: {:?}", s.pins);
            assert!(s.cert_read);
            assert_eq!(s.reader, "R");
        }
        // The other fixtures are not My Number cards: no status, so no verdict.
        for name in ["juki-card", "not-mynumber", "smartphone"] {
            let mut sim = SimCard::new(Fixture::load(name).unwrap());
            let mut t = InProcess::new(&mut sim, "R");
            let r = MyNumberCard::open(&mut t);
            assert!(matches!(r, Err(CardError::NotMyNumberCard(_))), "{name}");
        }
        // Every fixture of sim/fixtures/cards is one of the above.
        let listed = std::fs::read_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../sim/fixtures/cards"
        ))
        .unwrap()
        .count();
        assert_eq!(listed, cases.len() + 3);
    }

    /// Without the certificate, an expired one is not known, so not the verdict.
    #[test]
    fn without_the_certificate_its_expiry_is_not_judged() {
        let today = Date::parse_iso("2026-12-01").unwrap();
        let s = status_of("auth-expired", false, today);
        assert_eq!(s.cert, None);
        assert!(!s.cert_read);
        assert_eq!(s.verdict(), Verdict::Fine);
    }
}
