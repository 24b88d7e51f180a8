//! Where the card's facts meet the reset rules: the card layer's certificate state as the
//! procedure's, which PINs a guide for this card speaks of, and the [`Case`] of a PIN built
//! from what the card reported — once, for the full guide and for the short guide that
//! `status` prints alike.

use super::guide::{Case, CertState, Situation};
use crate::card::cert::CertificateState;
use crate::card::status::CardStatus;
use crate::card::{PinState, PinStatus};
use crate::layout::PinId;
use std::collections::BTreeSet;

/// The procedure's view of the user-authentication certificate: only an expiry changes the
/// routes (a new certificate is issued at the counter); absent, unreadable or not read is
/// not known.
pub fn cert_state(c: Option<&CertificateState>) -> CertState {
    match c {
        Some(CertificateState::Expired { .. }) => CertState::Expired,
        Some(CertificateState::Valid { .. } | CertificateState::ExpiresSoon { .. }) => {
            CertState::Valid
        }
        Some(CertificateState::Absent | CertificateState::Unreadable) | None => CertState::Unknown,
    }
}

/// What the reset rules need of a card: each PIN's state and the certificate's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFacts {
    /// Each PIN the card reported, with its state.
    pub states: Vec<(PinId, PinState)>,
    /// The user-authentication certificate, as the procedure sees it.
    pub cert: CertState,
}

impl CardFacts {
    /// The facts of `pins` (as read) and the certificate (`None`: not read or unreadable).
    pub fn new(pins: &[PinStatus], cert: Option<&CertificateState>) -> CardFacts {
        CardFacts {
            states: pins.iter().map(|p| (p.pin, p.state())).collect(),
            cert: cert_state(cert),
        }
    }

    /// The facts of a status read.
    pub fn of_status(status: &CardStatus) -> CardFacts {
        CardFacts::new(&status.pins, status.cert.as_ref())
    }

    /// The state the card reported for `pin`.
    pub fn state_of(&self, pin: PinId) -> Option<PinState> {
        self.states.iter().find(|(p, _)| *p == pin).map(|(_, s)| *s)
    }

    /// The PINs the card reported in `state`.
    pub fn pins_in(&self, state: PinState) -> BTreeSet<PinId> {
        self.states
            .iter()
            .filter(|(_, s)| *s == state)
            .map(|(p, _)| *p)
            .collect()
    }

    /// The PINs a guide for this card speaks of: the blocked ones; when none is blocked but
    /// the certificate has expired, the two JPKI PINs the card has (a new certificate sets
    /// them again at the counter); else none.
    pub fn pins_to_guide(&self) -> Vec<PinId> {
        let blocked: Vec<PinId> = self
            .states
            .iter()
            .filter(|(_, s)| *s == PinState::Blocked)
            .map(|(p, _)| *p)
            .collect();
        if blocked.is_empty() && self.cert == CertState::Expired {
            [PinId::Auth, PinId::Sign]
                .into_iter()
                .filter(|p| {
                    self.states
                        .iter()
                        .any(|(x, s)| x == p && *s != PinState::Absent)
                })
                .collect()
        } else {
            blocked
        }
    }

    /// The situation of `pin` as the card tells it: blocked, or else forgotten (the guide's
    /// reason to be asked).
    pub fn situation_of(&self, pin: PinId) -> Situation {
        if self.state_of(pin) == Some(PinState::Blocked) {
            Situation::Blocked
        } else {
            Situation::Forgotten
        }
    }

    /// The case of `pin` in `situation`, with what the card says filled in: the PINs it
    /// reports blocked and absent, and the certificate. Everything the card cannot tell
    /// (who applies, age, the PINs the resident knows) is as [`Case::new`] has it.
    pub fn case(&self, pin: PinId, situation: Situation) -> Case {
        let mut case = Case::new(pin, situation);
        case.blocked = self.pins_in(PinState::Blocked);
        case.absent = self.pins_in(PinState::Absent);
        case.cert = self.cert;
        case
    }
}

/// The case the short guide of a blocked `pin` speaks of: the other PINs as the card reported
/// them (`pins`, when read); nothing else known (the certificate counts for the full guide
/// only).
pub fn blocked_case(pin: PinId, pins: Option<&[PinStatus]>) -> Case {
    let mut case = Case::new(pin, Situation::Blocked);
    if let Some(pins) = pins {
        let facts = CardFacts::new(pins, None);
        case.blocked = facts.pins_in(PinState::Blocked);
        case.absent = facts.pins_in(PinState::Absent);
    }
    case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::cert::Date;
    use crate::card::MyNumberCard;
    use crate::transport::in_process::InProcess;
    use mynapin_sim::{Fixture, SimCard};

    fn status_of(fixture: &str) -> CardStatus {
        let mut sim = SimCard::new(Fixture::load(fixture).unwrap());
        let mut t = InProcess::new(&mut sim, "R");
        let mut card = MyNumberCard::open(&mut t).unwrap();
        card.read_status(true, Date::parse_iso("2026-12-01").unwrap())
            .unwrap()
    }

    /// The case of each PIN of a card, built from its status.
    #[test]
    fn the_case_from_a_card_status() {
        let facts = CardFacts::of_status(&status_of("sign-blocked"));
        assert_eq!(facts.pins_to_guide(), [PinId::Sign]);
        assert_eq!(facts.cert, CertState::Valid);
        let case = facts.case(PinId::Sign, facts.situation_of(PinId::Sign));
        assert_eq!(case.state, Situation::Blocked);
        assert_eq!(case.blocked, BTreeSet::from([PinId::Sign]));
        assert!(case.absent.is_empty());
        assert_eq!(case.cert, CertState::Valid);
        assert_eq!(facts.situation_of(PinId::Auth), Situation::Forgotten);

        // No PIN blocked, the certificate expired: both JPKI PINs are guided.
        let facts = CardFacts::of_status(&status_of("auth-expired"));
        assert_eq!(facts.cert, CertState::Expired);
        assert_eq!(facts.pins_to_guide(), [PinId::Auth, PinId::Sign]);
        assert_eq!(
            facts.case(PinId::Auth, Situation::Forgotten).cert,
            CertState::Expired
        );

        // Under 15: no signature certificate, so no signature PIN.
        let facts = CardFacts::of_status(&status_of("under-15"));
        assert!(facts.pins_in(PinState::Absent).contains(&PinId::Sign));
        assert!(facts
            .case(PinId::Auth, Situation::Forgotten)
            .no_signature_certificate());

        let facts = CardFacts::of_status(&status_of("all-blocked"));
        assert_eq!(facts.pins_to_guide(), PinId::ALL);

        let facts = CardFacts::of_status(&status_of("fresh"));
        assert!(facts.pins_to_guide().is_empty());
    }

    /// The short guide's case takes the other PINs from the card, never its certificate.
    #[test]
    fn the_blocked_case_knows_the_other_pins() {
        let status = status_of("all-blocked");
        let case = blocked_case(PinId::Auth, Some(&status.pins));
        assert_eq!(case.blocked.len(), PinId::ALL.len());
        assert_eq!(case.cert, CertState::Unknown);
        let case = blocked_case(PinId::Auth, None);
        assert!(case.blocked.is_empty());
    }

    /// Each certificate state maps to the one the rules know.
    #[test]
    fn certificate_states_map() {
        let d = Date::parse_iso("2026-01-01").unwrap();
        assert_eq!(
            cert_state(Some(&CertificateState::Expired { not_after: d })),
            CertState::Expired
        );
        assert_eq!(
            cert_state(Some(&CertificateState::Valid { not_after: d })),
            CertState::Valid
        );
        assert_eq!(
            cert_state(Some(&CertificateState::ExpiresSoon {
                not_after: d,
                days_left: 3
            })),
            CertState::Valid
        );
        assert_eq!(
            cert_state(Some(&CertificateState::Absent)),
            CertState::Unknown
        );
        assert_eq!(
            cert_state(Some(&CertificateState::Unreadable)),
            CertState::Unknown
        );
        assert_eq!(cert_state(None), CertState::Unknown);
    }
}
