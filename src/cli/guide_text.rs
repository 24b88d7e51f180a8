//! The words of the route decisions, shared by `guide` and by the short guide that `status`,
//! `verify` and `change` print for a blocked PIN. Both come from the one decision,
//! [`mynapin_core::procedure::guide::options`], so they cannot contradict each other; the national
//! kiosk facts come from [`mynapin_core::procedure::national::KIOSK`].

use super::lang::{msg, Lang};
use super::text::pin_short;
use mynapin_core::card::{PinState, PinStatus};
use mynapin_core::layout::PinId;
use mynapin_core::procedure::guide::{options, Case, Purpose, RouteOption, Situation, Why};
use mynapin_core::procedure::national::{Rule, KIOSK};
use mynapin_core::procedure::Route;

/// Why a route is closed, in words.
pub fn why_text(lang: Lang, w: Why) -> String {
    let p = |x: PinId| pin_short(lang, x);
    match w {
        Why::NeedsCurrentPin => msg::guide_why_needs_current_pin(lang),
        Why::Blocked => msg::guide_why_blocked(lang),
        Why::CertificateExpired => msg::guide_why_certificate_expired(lang),
        Why::CertificateRevoked => msg::guide_why_certificate_revoked(lang),
        Why::KioskNotForThisPin => msg::guide_why_kiosk_not_for_this_pin(lang),
        Why::NotNeeded => msg::guide_why_not_needed(lang),
        Why::PartnerUnknown(x) => msg::guide_why_partner_unknown(lang, p(x)),
        Why::PartnerBlocked(x) => msg::guide_why_partner_blocked(lang, p(x)),
        Why::PartnerAbsent(_) => msg::guide_why_partner_absent(lang),
        Why::HolderOnly => msg::guide_why_holder_only(lang),
        Why::NeedsLegalRepresentative => msg::guide_why_needs_legal_representative(lang),
        Why::ApplicantNotAllowed => msg::guide_why_applicant_not_allowed(lang),
        Why::FaceAuthCard => msg::guide_why_face_auth_card(lang),
        Why::SignatureCertificateNotIssued => msg::guide_why_signature_certificate_not_issued(lang),
    }
}

/// Several reasons in one line.
pub fn why_list(lang: Lang, why: &[Why]) -> String {
    why.iter()
        .map(|w| why_text(lang, *w))
        .collect::<Vec<_>>()
        .join(&msg::guide_why_separator(lang))
}

/// What a national rule says: its message `rule-…` (every rule has one in every language; a
/// test checks it).
pub fn rule_text(lang: Lang, r: &Rule) -> String {
    let id = r.message_id();
    msg::rule(&id).map_or(id, |say| say(lang))
}

/// The kiosk's fee, in words.
pub fn kiosk_fee(lang: Lang) -> String {
    const { assert!(KIOSK.free, "kiosk-fee says free") };
    msg::kiosk_fee(lang)
}

/// The short name of a route (`kiosk`, `city office counter`).
pub fn route_short(lang: Lang, r: Route) -> String {
    match r {
        Route::Home => msg::route_home(lang),
        Route::Kiosk => msg::route_kiosk(lang),
        Route::Counter => msg::route_counter(lang),
    }
}

/// What the counter does, in words.
pub fn purpose_text(lang: Lang, p: Purpose) -> String {
    match p {
        Purpose::Change => msg::guide_purpose_change(lang),
        Purpose::Reset => msg::guide_purpose_reset(lang),
        Purpose::RenewCertificates => msg::guide_purpose_renew_certificates(lang),
        Purpose::IssueSignatureCertificate => msg::guide_purpose_issue_signature_certificate(lang),
        Purpose::SwitchToNormalCard => msg::guide_purpose_switch_to_normal_card(lang),
    }
}

/// The routes the resident can take, in the order home, kiosk, counter: the open ones, and
/// the kiosk when only the other JPKI PIN is missing (the first step says on what condition).
fn route_list(lang: Lang, opts: &[RouteOption<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for r in [Route::Home, Route::Kiosk, Route::Counter] {
        if let Some(o) = opts.iter().find(|o| o.route == r) {
            if o.available || o.needs_only_partner().is_some() {
                out.push(route_short(lang, r));
            }
        }
    }
    out
}

/// The two-line summary of `opts` (the decision for `case`): the routes, and the first step.
/// `guide` prints it at the head of each PIN; the short guide is made of it. The first step
/// may name a command (for a terminal).
pub fn summary(lang: Lang, case: &Case, opts: &[RouteOption<'_>]) -> Vec<String> {
    summary_for(lang, case, opts, true)
}

/// [`summary`]; without `commands`, in words only (for a printed handout).
pub fn summary_for(
    lang: Lang,
    case: &Case,
    opts: &[RouteOption<'_>],
    commands: bool,
) -> Vec<String> {
    let routes = route_list(lang, opts);
    let mut lines = vec![match routes.as_slice() {
        [] => msg::guide_routes_none(lang),
        [one] => msg::guide_routes_one(lang, one),
        _ => msg::guide_routes_many(lang, routes.join(&msg::guide_routes_or(lang))),
    }];
    let find = |r: Route| opts.iter().find(|o| o.route == r);
    let home = find(Route::Home).filter(|o| o.available);
    let kiosk = find(Route::Kiosk);
    let counter = find(Route::Counter);
    let kiosk_open = kiosk.is_some_and(|o| o.available);
    let kiosk_partner = kiosk.and_then(|o| o.needs_only_partner());
    if home.is_some() {
        lines.push(if commands {
            msg::guide_first_home(lang, case.pin.id())
        } else {
            msg::guide_first_home_plain(lang)
        });
    } else if kiosk_open {
        lines.push(msg::guide_first_kiosk(
            lang,
            msg::GuideFirstKiosk {
                app: KIOSK.app,
                closes: KIOSK.closes,
                fee: kiosk_fee(lang),
                hours: KIOSK.window_hours,
                opens: KIOSK.opens,
            },
        ));
    } else if kiosk_partner.is_some() {
        let partner = mynapin_core::procedure::kiosk_partner(case.pin).unwrap_or(PinId::Auth);
        lines.push(msg::guide_first_kiosk_if_partner(
            lang,
            msg::GuideFirstKioskIfPartner {
                app: KIOSK.app,
                closes: KIOSK.closes,
                fee: kiosk_fee(lang),
                hours: KIOSK.window_hours,
                opens: KIOSK.opens,
                partner: pin_short(lang, partner),
            },
        ));
    } else if let Some(c) = counter.filter(|o| o.available) {
        // The reason that closes the kiosk: "the other PIN is not known" only makes it
        // conditional, so another reason (an agent applies, the other PIN is blocked, …) is
        // the one to say when there is one.
        let why = kiosk
            .filter(|k| !k.why.is_empty() && k.why[0] != Why::NotNeeded)
            .map(|k| {
                let decisive = k
                    .why
                    .iter()
                    .find(|w| !matches!(w, Why::PartnerUnknown(_)))
                    .unwrap_or(&k.why[0]);
                why_text(lang, *decisive)
            });
        // A representative's route with more than one visit (a voluntary agent: the inquiry is
        // mailed to the holder between the two) is said as it is, never as "go to the office".
        // Where the city mails the forms before the only visit, that is said instead.
        let representative = case.applicant != mynapin_core::procedure::profile::Applicant::Holder;
        let contact_first = c
            .rule
            .is_some_and(|r| r.advance_contact == mynapin_core::procedure::profile::Tri::Yes);
        let first = match c.visits.filter(|v| *v >= 2) {
            Some(n) if representative => msg::guide_first_counter_agent(lang, n),
            _ if representative && contact_first => msg::guide_first_counter_contact(lang),
            _ => msg::guide_first_counter(lang, purpose_text(lang, c.purpose)),
        };
        lines.push(match why {
            Some(w) => msg::guide_kiosk_cannot(lang, msg::GuideKioskCannot { first, why: w }),
            None => first,
        });
    } else if let Some(c) = counter {
        lines.push(why_list(lang, &c.why));
    }
    lines
}

/// The case the short guide speaks of: `pin` blocked, the other PINs as the card reported
/// them (when read), nothing else known.
fn blocked_case(pin: PinId, card: Option<&[PinStatus]>) -> Case {
    let mut case = Case::new(pin, Situation::Blocked);
    for s in card.unwrap_or_default() {
        match s.state() {
            PinState::Blocked => {
                case.blocked.insert(s.pin);
            }
            PinState::Absent => {
                case.absent.insert(s.pin);
            }
            _ => {}
        }
    }
    case
}

/// Lines for a blocked `pin`; `card` gives the other PINs' counters when they were read.
pub fn short_guide(lang: Lang, pin: PinId, card: Option<&[PinStatus]>) -> Vec<String> {
    short_guide_in(lang, pin, card, None)
}

/// [`short_guide`] with a city's rules (`watch --city`).
pub fn short_guide_in(
    lang: Lang,
    pin: PinId,
    card: Option<&[PinStatus]>,
    city: Option<&mynapin_core::procedure::profile::Profile>,
) -> Vec<String> {
    let case = blocked_case(pin, card);
    let opts = options(&case, city, None);
    let mut lines = summary(lang, &case, &opts);
    lines.push(msg::guide_full_checklist(lang, pin.id()));
    lines
}

/// Who can reset `pin` once it is blocked, as a phrase for the wrong-PIN and last-try
/// messages ("… and then {phrase}."), from the same decision as `guide`.
pub fn reset_routes_phrase(lang: Lang, pin: PinId) -> String {
    let case = Case::new(pin, Situation::Blocked);
    let opts = options(&case, None, None);
    let kiosk = opts
        .iter()
        .find(|o| o.route == Route::Kiosk)
        .and_then(|o| o.needs_only_partner());
    match kiosk {
        Some(p) => msg::guide_reset_kiosk_or_counter(lang, pin_short(lang, p)),
        None => msg::guide_reset_counter_only(lang),
    }
}

/// The line for a PIN with one try left.
pub fn low_line(lang: Lang, pin: PinId) -> String {
    msg::guide_low_line(
        lang,
        msg::GuideLowLine {
            pin: pin.id(),
            routes: reset_routes_phrase(lang, pin),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short guide and the phrase for error messages agree with the decision for every
    /// PIN and every card state the short guide is printed for.
    #[test]
    fn short_guide_agrees_with_the_decision() {
        for lang in [Lang::EN, Lang::JA] {
            for pin in PinId::ALL {
                let phrase = reset_routes_phrase(lang, pin);
                let kiosk_ever = matches!(pin, PinId::Auth | PinId::Sign);
                assert_eq!(
                    phrase.contains(&msg::route_kiosk(lang)),
                    kiosk_ever,
                    "{pin:?}: {phrase}"
                );
                for partner_state in [None, Some(PinState::Blocked), Some(PinState::Absent)] {
                    let case = {
                        let mut c = Case::new(pin, Situation::Blocked);
                        if let (Some(p), Some(s)) =
                            (mynapin_core::procedure::kiosk_partner(pin), partner_state)
                        {
                            if s == PinState::Blocked {
                                c.blocked.insert(p);
                            } else {
                                c.absent.insert(p);
                            }
                        }
                        c
                    };
                    let opts = options(&case, None, None);
                    let lines = summary(lang, &case, &opts);
                    let kiosk = opts.iter().find(|o| o.route == Route::Kiosk).unwrap();
                    let kiosk_named = lines[0].contains(&route_short(lang, Route::Kiosk));
                    assert_eq!(
                        kiosk_named,
                        kiosk.available || kiosk.needs_only_partner().is_some(),
                        "{pin:?} {partner_state:?}: {lines:?}"
                    );
                    assert!(
                        lines[0].contains(&route_short(lang, Route::Counter)),
                        "{lines:?}"
                    );
                    if lang == Lang::JA {
                        assert!(lines.iter().all(|l| l.ends_with('。')), "{lines:?}");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;
    use mynapin_core::procedure::documents::DOCUMENTS;
    use mynapin_core::procedure::national::RULES;

    /// Every national rule and every document has its message in every language, and the
    /// Japanese ones are sentences.
    #[test]
    fn every_rule_and_document_has_its_words_in_every_language() {
        for lang in Lang::all() {
            for r in RULES {
                let id = r.message_id();
                assert!(msg::rule(&id).is_some(), "{id}");
                assert!(lang.has(&id), "{}: {}", lang.tag(), r.id);
            }
            for d in DOCUMENTS {
                let id = d.message_id();
                assert!(msg::doc(&id).is_some(), "{id}");
                assert!(lang.has(&id), "{}: {}", lang.tag(), d.id);
            }
        }
        for r in RULES {
            assert!(rule_text(Lang::JA, r).ends_with('。'), "{}", r.id);
        }
    }
}
