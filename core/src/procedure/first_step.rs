//! The head of a guide: which routes are worth naming, and the first thing to do, decided
//! from the routes of one [`Case`] ([`super::guide::options`]). A front end words the typed
//! value; the full guide and the short guide (printed with a blocked PIN) share it, so they
//! cannot contradict each other.

use super::guide::{Case, Purpose, RouteOption, Why};
use super::profile::{Applicant, Tri};
use super::{kiosk_partner, Route};
use crate::layout::PinId;

/// The routes worth naming, in the order home, kiosk, counter: the open ones, and the kiosk
/// when only the other JPKI PIN is missing (the first step says on what condition).
pub fn routes_to_name(opts: &[RouteOption<'_>]) -> Vec<Route> {
    [Route::Home, Route::Kiosk, Route::Counter]
        .into_iter()
        .filter(|r| {
            opts.iter()
                .find(|o| o.route == *r)
                .is_some_and(|o| o.available || o.needs_only_partner().is_some())
        })
        .collect()
}

/// The first thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstStep {
    /// Change the PIN at home with this tool (the current PIN is known and works).
    Home,
    /// Reserve in the JPKI PIN-reset app and go to a kiosk (the national kiosk facts:
    /// [`super::national::KIOSK`]).
    Kiosk,
    /// The same, on the condition that the resident knows `partner`, the other JPKI PIN.
    KioskIfPartner {
        /// The PIN to enter at the kiosk.
        partner: PinId,
    },
    /// Go to the city office counter.
    Counter {
        /// How the visit goes.
        visit: CounterVisit,
        /// What closes the kiosk, when it was a candidate: the reason to give with the
        /// counter (not the conditional "the other PIN is not known" when another applies).
        kiosk_closed_by: Option<Why>,
    },
    /// No route is open: why the counter is closed too.
    Closed {
        /// The counter's reasons.
        why: Vec<Why>,
    },
    /// No route at all was decided (nothing to say).
    None,
}

/// How the counter visit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterVisit {
    /// A representative whose route takes `visits` visits (a voluntary agent: the inquiry is
    /// mailed to the holder between them). Said as it is, never as "go to the office".
    Agent {
        /// Visits needed (two or more).
        visits: u8,
    },
    /// A representative, in a city that mails the forms before the only visit.
    ContactFirst,
    /// One visit, for `purpose`.
    Visit {
        /// What is done there.
        purpose: Purpose,
    },
}

/// The first step for `case`, given its routes `opts`: home when open, else the kiosk when
/// open (or only waiting for the other JPKI PIN), else the counter when open, else why not.
pub fn first_step(case: &Case, opts: &[RouteOption<'_>]) -> FirstStep {
    let find = |r: Route| opts.iter().find(|o| o.route == r);
    let kiosk = find(Route::Kiosk);
    let counter = find(Route::Counter);
    if find(Route::Home).is_some_and(|o| o.available) {
        return FirstStep::Home;
    }
    if kiosk.is_some_and(|o| o.available) {
        return FirstStep::Kiosk;
    }
    if kiosk.and_then(|o| o.needs_only_partner()).is_some() {
        return FirstStep::KioskIfPartner {
            partner: kiosk_partner(case.pin).unwrap_or(PinId::Auth),
        };
    }
    match counter {
        Some(c) if c.available => {
            // "The other PIN is not known" only makes the kiosk conditional: another reason
            // (an agent applies, the other PIN is blocked, …) is the one to say when there is
            // one.
            let kiosk_closed_by = kiosk
                .filter(|k| !k.why.is_empty() && k.why[0] != Why::NotNeeded)
                .map(|k| {
                    *k.why
                        .iter()
                        .find(|w| !matches!(w, Why::PartnerUnknown(_)))
                        .unwrap_or(&k.why[0])
                });
            let representative = case.applicant != Applicant::Holder;
            let contact_first = c.rule.is_some_and(|r| r.advance_contact == Tri::Yes);
            let visit = match c.visits.filter(|v| *v >= 2) {
                Some(visits) if representative => CounterVisit::Agent { visits },
                _ if representative && contact_first => CounterVisit::ContactFirst,
                _ => CounterVisit::Visit { purpose: c.purpose },
            };
            FirstStep::Counter {
                visit,
                kiosk_closed_by,
            }
        }
        Some(c) => FirstStep::Closed { why: c.why.clone() },
        None => FirstStep::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::guide::{options, Situation};

    /// A blocked PIN: never home; the JPKI PINs' kiosk waits for the other PIN, the other
    /// PINs go to the counter.
    #[test]
    fn the_first_step_of_a_blocked_pin() {
        for pin in PinId::ALL {
            let case = Case::new(pin, Situation::Blocked);
            let opts = options(&case, None, None);
            let step = first_step(&case, &opts);
            let routes = routes_to_name(&opts);
            assert!(!routes.contains(&Route::Home), "{pin:?}");
            assert!(routes.contains(&Route::Counter), "{pin:?}");
            match pin {
                PinId::Auth | PinId::Sign => {
                    assert_eq!(
                        step,
                        FirstStep::KioskIfPartner {
                            partner: kiosk_partner(pin).unwrap()
                        }
                    );
                    assert!(routes.contains(&Route::Kiosk));
                }
                _ => {
                    assert!(
                        matches!(step, FirstStep::Counter { .. }),
                        "{pin:?}: {step:?}"
                    );
                    assert!(!routes.contains(&Route::Kiosk));
                }
            }
        }
        // The other JPKI PIN blocked too: the counter, and the kiosk is closed for that.
        let mut case = Case::new(PinId::Sign, Situation::Blocked);
        case.blocked.insert(PinId::Auth);
        let opts = options(&case, None, None);
        assert!(matches!(
            first_step(&case, &opts),
            FirstStep::Counter {
                kiosk_closed_by: Some(Why::PartnerBlocked(PinId::Auth)),
                ..
            }
        ));
    }
}
