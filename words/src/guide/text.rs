//! The words of the route decisions, shared by the guide's document and by the short lines a
//! front end shows for a blocked PIN (the command line's short guide after `status`, `verify`
//! and `change`; the app's status screen). Both come from the one decision,
//! [`mynapin_core::procedure::guide::options`], so they cannot contradict each other; the
//! national kiosk facts come from [`mynapin_core::procedure::national::KIOSK`].

use crate::outcome::{pin_short, route_short};
use crate::{msg, Lang};
use mynapin_core::card::PinStatus;
use mynapin_core::layout::PinId;
use mynapin_core::procedure::first_step::{first_step, routes_to_name, CounterVisit, FirstStep};
use mynapin_core::procedure::from_card;
use mynapin_core::procedure::guide::{options, Case, Purpose, RouteOption, Why};
use mynapin_core::procedure::national::{Rule, KIOSK};
use mynapin_core::procedure::profile::Profile;

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
pub(crate) fn kiosk_fee(lang: Lang) -> String {
    const { assert!(KIOSK.free, "kiosk-fee says free") };
    msg::kiosk_fee(lang)
}

/// What the counter does, in words.
pub(crate) fn purpose_text(lang: Lang, p: Purpose) -> String {
    match p {
        Purpose::Change => msg::guide_purpose_change(lang),
        Purpose::Reset => msg::guide_purpose_reset(lang),
        Purpose::RenewCertificates => msg::guide_purpose_renew_certificates(lang),
        Purpose::IssueSignatureCertificate => msg::guide_purpose_issue_signature_certificate(lang),
        Purpose::SwitchToNormalCard => msg::guide_purpose_switch_to_normal_card(lang),
    }
}

/// The two-line summary of `opts` (the decision for `case`): the routes, and the first step.
/// The guide prints it at the head of each PIN; the command line's short guide is made of it.
/// The first step may name a command of the command line (for a terminal).
pub fn summary(lang: Lang, case: &Case, opts: &[RouteOption<'_>]) -> Vec<String> {
    summary_for(lang, case, opts, true)
}

/// [`summary`]; without `commands`, in words only (for a printed handout). The routes and the
/// first step are the procedure layer's ([`routes_to_name`], [`first_step`]); this words them.
pub fn summary_for(
    lang: Lang,
    case: &Case,
    opts: &[RouteOption<'_>],
    commands: bool,
) -> Vec<String> {
    let routes: Vec<String> = routes_to_name(opts)
        .into_iter()
        .map(|r| route_short(lang, r))
        .collect();
    let mut lines = vec![match routes.as_slice() {
        [] => msg::guide_routes_none(lang),
        [one] => msg::guide_routes_one(lang, one),
        _ => msg::guide_routes_many(lang, routes.join(&msg::guide_routes_or(lang))),
    }];
    match first_step(case, opts) {
        FirstStep::Home => lines.push(if commands {
            msg::guide_first_home(lang, case.pin.id())
        } else {
            msg::guide_first_home_plain(lang)
        }),
        FirstStep::Kiosk => lines.push(msg::guide_first_kiosk(
            lang,
            msg::GuideFirstKiosk {
                app: KIOSK.app,
                closes: KIOSK.closes,
                fee: kiosk_fee(lang),
                hours: KIOSK.window_hours,
                opens: KIOSK.opens,
            },
        )),
        FirstStep::KioskIfPartner { partner } => lines.push(msg::guide_first_kiosk_if_partner(
            lang,
            msg::GuideFirstKioskIfPartner {
                app: KIOSK.app,
                closes: KIOSK.closes,
                fee: kiosk_fee(lang),
                hours: KIOSK.window_hours,
                opens: KIOSK.opens,
                partner: pin_short(lang, partner),
            },
        )),
        FirstStep::Counter {
            visit,
            kiosk_closed_by,
        } => {
            let first = match visit {
                CounterVisit::Agent { visits } => msg::guide_first_counter_agent(lang, visits),
                CounterVisit::ContactFirst => msg::guide_first_counter_contact(lang),
                CounterVisit::Visit { purpose } => {
                    msg::guide_first_counter(lang, purpose_text(lang, purpose))
                }
            };
            lines.push(match kiosk_closed_by {
                Some(w) => msg::guide_kiosk_cannot(
                    lang,
                    msg::GuideKioskCannot {
                        first,
                        why: why_text(lang, w),
                    },
                ),
                None => first,
            });
        }
        FirstStep::Closed { why } => lines.push(why_list(lang, &why)),
        FirstStep::None => {}
    }
    lines
}

/// The summary ([`summary`]) for a blocked `pin`: which routes can reset it and the first
/// step, with a terminal's commands when `commands`. `card` gives the other PINs' counters
/// when they were read (the kiosk needs the other JPKI PIN); `city` applies a city's rules.
pub fn blocked_summary(
    lang: Lang,
    pin: PinId,
    card: Option<&[PinStatus]>,
    city: Option<&Profile>,
    commands: bool,
) -> Vec<String> {
    let case = from_card::blocked_case(pin, card);
    let opts = options(&case, city, None);
    summary_for(lang, &case, &opts, commands)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mynapin_core::card::PinState;
    use mynapin_core::procedure::Route;

    /// The short guide and the phrase for error messages agree with the decision for every
    /// PIN and every card state the short guide is printed for.
    #[test]
    fn short_guide_agrees_with_the_decision() {
        for lang in [Lang::EN, Lang::JA] {
            for pin in PinId::ALL {
                let phrase = crate::outcome::reset_routes(lang, pin);
                let kiosk_ever = matches!(pin, PinId::Auth | PinId::Sign);
                assert_eq!(
                    phrase.contains(&route_short(lang, Route::Kiosk)),
                    kiosk_ever,
                    "{pin:?}: {phrase}"
                );
                for partner_state in [None, Some(PinState::Blocked), Some(PinState::Absent)] {
                    let case = {
                        let mut c =
                            Case::new(pin, mynapin_core::procedure::guide::Situation::Blocked);
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
