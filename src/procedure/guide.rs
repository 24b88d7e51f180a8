//! Which routes are open for a PIN, and why not; and whether the documents presented satisfy
//! a city's rule. Decisions only: the CLI words them.

use super::profile::{Applicant, ApplicantRule, Names, Omission, Owner, Profile, Requirement, Tri};
use super::{kiosk_partner, kiosk_rule, KioskRule, Route};
use crate::layout::PinId;
use std::collections::BTreeSet;

/// What the resident says about the PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// Known and not blocked: it can be changed.
    Known,
    /// Not remembered (not blocked yet).
    Forgotten,
    /// Blocked after too many wrong tries.
    Blocked,
}

/// The JPKI certificates' state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum CertState {
    /// Valid.
    Valid,
    /// Expired (the card's user-authentication certificate `notAfter` has passed).
    Expired,
    /// Revoked (e.g. the signature certificate after a move or a change of name).
    Revoked,
    /// Not known.
    Unknown,
}

/// Everything the decision depends on.
#[derive(Debug, Clone)]
pub struct Case {
    /// The PIN.
    pub pin: PinId,
    /// Its situation.
    pub state: Situation,
    /// Other PINs the resident knows.
    pub known: BTreeSet<PinId>,
    /// PINs the card reports blocked.
    pub blocked: BTreeSet<PinId>,
    /// PINs the card does not have (no signature certificate).
    pub absent: BTreeSet<PinId>,
    /// Certificates.
    pub cert: CertState,
    /// Who applies at the counter.
    pub applicant: Applicant,
    /// The holder is under 15.
    pub under_15: bool,
    /// The holder is an adult ward.
    pub adult_ward: bool,
    /// The parent-child relation is confirmed in the same household (for omissions).
    pub same_household: bool,
}

/// Why a route is not open (or what limits it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "pin")]
pub enum Why {
    /// Changing needs the current PIN.
    NeedsCurrentPin,
    /// A blocked PIN cannot be changed, only reset.
    Blocked,
    /// The certificate expired: a new one is issued at the counter.
    CertificateExpired,
    /// The signature certificate was revoked (move, change of name): counter.
    CertificateRevoked,
    /// The kiosk resets only the two JPKI PINs.
    KioskNotForThisPin,
    /// The PIN is known: nothing to reset.
    NotNeeded,
    /// The kiosk needs the other JPKI PIN, which the resident does not know.
    PartnerUnknown(PinId),
    /// The other JPKI PIN is blocked too.
    PartnerBlocked(PinId),
    /// The card has no signature certificate (usual under 15).
    PartnerAbsent(PinId),
    /// The kiosk is used by the holder, with the holder's smartphone.
    HolderOnly,
    /// Under 15 or an adult ward: a legal representative must apply.
    NeedsLegalRepresentative,
    /// The city does not accept this applicant.
    ApplicantNotAllowed,
}

/// One route for one PIN.
#[derive(Debug, Clone)]
pub struct RouteOption<'p> {
    /// Which route.
    pub route: Route,
    /// Whether it is open.
    pub available: bool,
    /// Why not (or limits).
    pub why: Vec<Why>,
    /// For the counter: reset (true) or change (false).
    pub reset: bool,
    /// For the counter: the city's rule for this applicant, when stated.
    pub rule: Option<&'p ApplicantRule>,
    /// For the counter: what the city page says instead of a rule.
    pub not_stated: Option<&'p Names>,
    /// Visits needed.
    pub visits: Option<u8>,
}

fn is_jpki(pin: PinId) -> bool {
    matches!(pin, PinId::Auth | PinId::Sign)
}

/// The routes for `case`, open ones first (home, kiosk, counter), then the closed ones.
pub fn options<'p>(case: &Case, profile: Option<&'p Profile>) -> Vec<RouteOption<'p>> {
    let mut out = vec![home(case), kiosk(case), counter(case, profile)];
    out.sort_by_key(|o| !o.available);
    out
}

fn closed(route: Route, why: Vec<Why>) -> RouteOption<'static> {
    RouteOption {
        route,
        available: false,
        why,
        reset: false,
        rule: None,
        not_stated: None,
        visits: None,
    }
}

fn home(case: &Case) -> RouteOption<'static> {
    let mut why = Vec::new();
    match case.state {
        Situation::Known => {}
        Situation::Forgotten => why.push(Why::NeedsCurrentPin),
        Situation::Blocked => why.push(Why::Blocked),
    }
    if is_jpki(case.pin) {
        match case.cert {
            CertState::Expired => why.push(Why::CertificateExpired),
            CertState::Revoked if case.pin == PinId::Sign => why.push(Why::CertificateRevoked),
            _ => {}
        }
    }
    let available = why.is_empty();
    RouteOption {
        available,
        visits: available.then_some(0),
        ..closed(Route::Home, why)
    }
}

fn kiosk(case: &Case) -> RouteOption<'static> {
    let partner_blocked = kiosk_partner(case.pin).map(|p| case.blocked.contains(&p));
    let partner = match kiosk_rule(case.pin, partner_blocked) {
        KioskRule::NotForThisPin => return closed(Route::Kiosk, vec![Why::KioskNotForThisPin]),
        KioskRule::PartnerBlocked { partner } | KioskRule::NeedsPartner { partner } => partner,
    };
    if case.state == Situation::Known {
        return closed(Route::Kiosk, vec![Why::NotNeeded]);
    }
    let mut why = Vec::new();
    if case.absent.contains(&partner) || case.absent.contains(&case.pin) {
        why.push(Why::PartnerAbsent(PinId::Sign));
    } else if partner_blocked == Some(true) {
        why.push(Why::PartnerBlocked(partner));
    } else if !case.known.contains(&partner) {
        why.push(Why::PartnerUnknown(partner));
    }
    match case.cert {
        CertState::Expired => why.push(Why::CertificateExpired),
        CertState::Revoked => why.push(Why::CertificateRevoked),
        _ => {}
    }
    if case.applicant != Applicant::Holder {
        why.push(Why::HolderOnly);
    }
    if case.under_15 && !why.contains(&Why::PartnerAbsent(PinId::Sign)) {
        why.push(Why::PartnerAbsent(PinId::Sign));
    }
    let available = why.is_empty();
    RouteOption {
        available,
        visits: available.then_some(0),
        ..closed(Route::Kiosk, why)
    }
}

fn counter<'p>(case: &Case, profile: Option<&'p Profile>) -> RouteOption<'p> {
    // Known and changeable → change; otherwise (or with an expired certificate) → reset.
    let reset = case.state != Situation::Known
        || (is_jpki(case.pin) && matches!(case.cert, CertState::Expired | CertState::Revoked));
    let mut why = Vec::new();
    if (case.under_15 || case.adult_ward) && case.applicant == Applicant::Holder {
        why.push(Why::NeedsLegalRepresentative);
    }
    let mut opt = RouteOption {
        route: Route::Counter,
        available: true,
        why: Vec::new(),
        reset,
        rule: None,
        not_stated: None,
        visits: None,
    };
    if let Some(p) = profile {
        let proc_ = p.procedure(reset);
        if proc_.stated == Some(false) {
            opt.not_stated = proc_.not_stated.as_ref();
        }
        opt.rule = proc_
            .applicants
            .iter()
            .find(|a| a.applicant == case.applicant);
        if let Some(rule) = opt.rule {
            if rule.allowed == Tri::No {
                why.push(Why::ApplicantNotAllowed);
            }
            opt.visits = rule.visits;
        }
    }
    if matches!(case.cert, CertState::Expired) && is_jpki(case.pin) {
        why.push(Why::CertificateExpired);
    }
    opt.available = !why
        .iter()
        .any(|w| matches!(w, Why::NeedsLegalRepresentative | Why::ApplicantNotAllowed));
    opt.why = why;
    opt
}

/// A document presented at the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HaveDoc {
    /// Whose, when said (`holder:passport`); otherwise the person at the window.
    pub owner: Option<Owner>,
    /// Document id.
    pub id: String,
}

impl HaveDoc {
    /// `passport`, `holder:passport`, `rep:drivers_license`.
    pub fn parse(text: &str) -> Option<HaveDoc> {
        let text = text.trim();
        let (owner, id) = match text.split_once(':') {
            Some(("holder", id)) => (Some(Owner::Holder), id),
            Some(("rep" | "representative" | "agent", id)) => (Some(Owner::Representative), id),
            Some(_) => return None,
            None => (None, text),
        };
        super::documents::find(id).map(|d| HaveDoc {
            owner,
            id: d.id.to_string(),
        })
    }
}

/// The answer of the document checker.
#[derive(Debug, Clone)]
pub struct DocCheck<'p> {
    /// Every requirement (of the visit asked) is met.
    pub satisfied: bool,
    /// Requirements not met, with what was counted for a counting rule.
    pub missing: Vec<(&'p Requirement, Vec<(String, usize)>)>,
    /// Requirements left out by their omission rule.
    pub omitted: Vec<&'p Requirement>,
}

/// Checks `have` against `rule` of `profile` (only the requirements of `visit`, if given).
pub fn check_documents<'p>(
    profile: &'p Profile,
    rule: &'p ApplicantRule,
    case: &Case,
    have: &[HaveDoc],
    visit: Option<u8>,
) -> DocCheck<'p> {
    let at_window = if case.applicant == Applicant::Holder {
        Owner::Holder
    } else {
        Owner::Representative
    };
    let has = |id: &str| have.iter().any(|h| h.id == id);
    let mut missing = Vec::new();
    let mut omitted = Vec::new();
    for r in &rule.requirements {
        if visit.is_some() && r.visit.is_some() && r.visit != visit {
            continue;
        }
        if r.omissible_when == Some(Omission::Under15SameHousehold)
            && case.under_15
            && case.same_household
        {
            omitted.push(r);
            continue;
        }
        let ok = if !r.all_of.is_empty() {
            r.all_of.iter().all(|d| has(d))
        } else if !r.any_of.is_empty() {
            r.any_of.iter().any(|d| has(d))
        } else {
            let owner = r.owner.unwrap_or(at_window);
            let mine: Vec<&HaveDoc> = have
                .iter()
                .filter(|h| h.owner.unwrap_or(at_window) == owner)
                .collect();
            let count = |cat: &str| {
                mine.iter()
                    .filter(|h| profile.category_of(&h.id).is_some_and(|c| c.id == cat))
                    .count()
            };
            let ok = r.count.iter().any(|alt| {
                alt.iter()
                    .all(|cc| count(&cc.category) >= usize::from(cc.n))
            });
            if !ok {
                let counted = profile
                    .id_categories
                    .iter()
                    .map(|c| (c.id.clone(), count(&c.id)))
                    .collect();
                missing.push((r, counted));
                continue;
            }
            true
        };
        if !ok {
            missing.push((r, Vec::new()));
        }
    }
    DocCheck {
        satisfied: missing.is_empty(),
        missing,
        omitted,
    }
}
