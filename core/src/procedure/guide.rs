//! Which routes are open for a PIN, and why not; and whether the documents presented satisfy
//! a city's rule. Decisions only: the CLI words them.

use super::national::{self, Rule};
use super::profile::{Applicant, ApplicantRule, Names, Omission, Owner, Profile, Requirement, Tri};
use super::{kiosk_partner, kiosk_rule, KioskRule, Route};
use crate::layout::PinId;
use std::collections::BTreeSet;

/// What the resident says about the PIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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

/// What kind of card it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CardType {
    /// A card with PINs.
    Normal,
    /// 顔認証マイナンバーカード: no PINs, no signature certificate.
    FaceAuth,
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
    /// PINs the card does not have (no signature certificate, by choice or as read).
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
    /// The kind of card.
    pub card: CardType,
}

impl Case {
    /// The holder applying for `pin` in `state`, nothing else known.
    pub fn new(pin: PinId, state: Situation) -> Case {
        Case {
            pin,
            state,
            known: BTreeSet::new(),
            blocked: BTreeSet::new(),
            absent: BTreeSet::new(),
            cert: CertState::Unknown,
            applicant: Applicant::Holder,
            under_15: false,
            adult_ward: false,
            same_household: false,
            card: CardType::Normal,
        }
    }

    /// The card carries no signature certificate: read as absent, or implied by the holder's
    /// age, guardianship or a face-authentication card (national rule).
    pub fn no_signature_certificate(&self) -> bool {
        self.absent.contains(&PinId::Sign)
            || self.under_15
            || self.adult_ward
            || self.card == CardType::FaceAuth
    }
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
    /// The card has no signature certificate (under 15, adult ward, face-authentication
    /// card, or declined), so there is no signature password to enter or to reset.
    PartnerAbsent(PinId),
    /// The kiosk is used by the holder, with the holder's smartphone.
    HolderOnly,
    /// Under 15 or an adult ward: a legal representative must apply.
    NeedsLegalRepresentative,
    /// The city does not accept this applicant.
    ApplicantNotAllowed,
    /// A face-authentication card has no PINs.
    FaceAuthCard,
    /// No signature certificate can be issued to this holder (under 15, adult ward).
    SignatureCertificateNotIssued,
}

impl Why {
    /// The national rule behind this reason.
    pub fn rule(self) -> &'static Rule {
        match self {
            Why::NeedsCurrentPin | Why::Blocked => &national::CHANGE_NEEDS_CURRENT,
            Why::CertificateExpired => &national::EXPIRED,
            Why::CertificateRevoked => &national::SIGN_REVOKED,
            Why::KioskNotForThisPin => &national::KIOSK_JPKI_ONLY,
            Why::NotNeeded => &national::KIOSK_NOT_NEEDED,
            Why::PartnerUnknown(_) | Why::PartnerBlocked(_) => &national::KIOSK_PARTNER,
            Why::PartnerAbsent(_) | Why::SignatureCertificateNotIssued => &national::NO_SIGN_CERT,
            Why::HolderOnly => &national::KIOSK_HOLDER,
            Why::NeedsLegalRepresentative => &national::LEGAL_REPRESENTATIVE,
            Why::ApplicantNotAllowed => &national::CITY_RULES,
            Why::FaceAuthCard => &national::FACE_AUTH,
        }
    }
}

/// What the counter does for this case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Change a known PIN.
    Change,
    /// Reset a forgotten or blocked PIN.
    Reset,
    /// Issue the certificates anew (expired); their PINs are set there.
    RenewCertificates,
    /// Issue a new signature certificate (revoked, or none by choice), with a new password.
    IssueSignatureCertificate,
    /// Switch a face-authentication card back to a normal card; the PINs are set there.
    SwitchToNormalCard,
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
    /// For the counter: what is done there.
    pub purpose: Purpose,
    /// The national rules this decision rests on (each with its sources).
    pub basis: Vec<&'static Rule>,
    /// For the counter: the profile whose checklist applies (the city's, or the national
    /// baseline when no city is chosen or the city's page does not state the procedure).
    pub checklist: Option<&'p Profile>,
    /// For the counter: the rule for this applicant in `checklist`, when stated.
    pub rule: Option<&'p ApplicantRule>,
    /// For the counter: what the city page says instead of a rule.
    pub not_stated: Option<&'p Names>,
    /// Visits needed.
    pub visits: Option<u8>,
}

impl RouteOption<'_> {
    /// Open once the resident knows the other JPKI PIN: closed for that reason only.
    pub fn needs_only_partner(&self) -> Option<PinId> {
        match self.why.as_slice() {
            [Why::PartnerUnknown(p)] => Some(*p),
            _ => None,
        }
    }

    /// The checklist is the national baseline, not the city's.
    pub fn checklist_is_national(&self) -> bool {
        self.checklist.is_some_and(Profile::is_national)
    }
}

fn is_jpki(pin: PinId) -> bool {
    matches!(pin, PinId::Auth | PinId::Sign)
}

/// The routes for `case`, open ones first (home, kiosk, counter), then the closed ones.
/// `profile` is the chosen city; `baseline` the national baseline used where the city is
/// silent (or no city is chosen).
pub fn options<'p>(
    case: &Case,
    profile: Option<&'p Profile>,
    baseline: Option<&'p Profile>,
) -> Vec<RouteOption<'p>> {
    let mut out = vec![home(case), kiosk(case), counter(case, profile, baseline)];
    out.sort_by_key(|o| !o.available);
    out
}

fn closed(route: Route, why: Vec<Why>) -> RouteOption<'static> {
    let mut basis: Vec<&'static Rule> = Vec::new();
    for w in &why {
        if !basis.contains(&w.rule()) {
            basis.push(w.rule());
        }
    }
    RouteOption {
        route,
        available: false,
        why,
        reset: false,
        purpose: Purpose::Change,
        basis,
        checklist: None,
        rule: None,
        not_stated: None,
        visits: None,
    }
}

fn open(route: Route, rule: &'static Rule) -> RouteOption<'static> {
    RouteOption {
        available: true,
        visits: Some(0),
        basis: vec![rule],
        ..closed(route, Vec::new())
    }
}

/// The certificate-PIN reasons that no route but the counter fixes, for a JPKI PIN.
fn certificate_blocks(case: &Case) -> Option<Why> {
    if case.card == CardType::FaceAuth {
        return Some(Why::FaceAuthCard);
    }
    if case.pin == PinId::Sign && case.no_signature_certificate() {
        return Some(Why::PartnerAbsent(PinId::Sign));
    }
    if !is_jpki(case.pin) {
        return None;
    }
    match case.cert {
        CertState::Expired => Some(Why::CertificateExpired),
        CertState::Revoked if case.pin == PinId::Sign => Some(Why::CertificateRevoked),
        _ => None,
    }
}

fn home(case: &Case) -> RouteOption<'static> {
    if let Some(w) = certificate_blocks(case) {
        return closed(Route::Home, vec![w]);
    }
    match case.state {
        Situation::Known => open(Route::Home, &national::HOME_CHANGE),
        Situation::Forgotten => closed(Route::Home, vec![Why::NeedsCurrentPin]),
        Situation::Blocked => closed(Route::Home, vec![Why::Blocked]),
    }
}

fn kiosk(case: &Case) -> RouteOption<'static> {
    if case.card == CardType::FaceAuth {
        return closed(Route::Kiosk, vec![Why::FaceAuthCard]);
    }
    let partner_blocked = kiosk_partner(case.pin).map(|p| case.blocked.contains(&p));
    let partner = match kiosk_rule(case.pin, partner_blocked) {
        KioskRule::NotForThisPin => return closed(Route::Kiosk, vec![Why::KioskNotForThisPin]),
        KioskRule::PartnerBlocked { partner } | KioskRule::NeedsPartner { partner } => partner,
    };
    if let Some(w) = certificate_blocks(case) {
        return closed(Route::Kiosk, vec![w]);
    }
    if case.state == Situation::Known {
        return closed(Route::Kiosk, vec![Why::NotNeeded]);
    }
    let mut why = Vec::new();
    // One reason about the partner PIN, the first that applies: a card without a signature
    // certificate has no signature password to enter (never also "add --know sign").
    if case.no_signature_certificate() {
        why.push(Why::PartnerAbsent(PinId::Sign));
    } else if partner_blocked == Some(true) {
        why.push(Why::PartnerBlocked(partner));
    } else if !case.known.contains(&partner) {
        why.push(Why::PartnerUnknown(partner));
    }
    if case.cert == CertState::Revoked {
        why.push(Why::CertificateRevoked);
    }
    if case.applicant != Applicant::Holder {
        why.push(Why::HolderOnly);
    }
    if why.is_empty() {
        let mut o = open(Route::Kiosk, &national::KIOSK_PARTNER);
        o.basis.push(&national::KIOSK_CERTIFICATES);
        o.basis.push(&national::KIOSK_HOLDER);
        o
    } else {
        closed(Route::Kiosk, why)
    }
}

fn purpose(case: &Case) -> Purpose {
    if case.card == CardType::FaceAuth {
        return Purpose::SwitchToNormalCard;
    }
    if is_jpki(case.pin) && case.cert == CertState::Expired {
        return Purpose::RenewCertificates;
    }
    if case.pin == PinId::Sign
        && (case.no_signature_certificate() || case.cert == CertState::Revoked)
    {
        return Purpose::IssueSignatureCertificate;
    }
    if case.state == Situation::Known {
        Purpose::Change
    } else {
        Purpose::Reset
    }
}

fn counter<'p>(
    case: &Case,
    profile: Option<&'p Profile>,
    baseline: Option<&'p Profile>,
) -> RouteOption<'p> {
    let purpose = purpose(case);
    let reset = purpose != Purpose::Change;
    let mut why = Vec::new();
    let mut basis: Vec<&'static Rule> = vec![&national::COUNTER_ANY];
    match purpose {
        Purpose::RenewCertificates => basis.push(&national::EXPIRED),
        Purpose::SwitchToNormalCard => basis.push(&national::FACE_AUTH),
        Purpose::IssueSignatureCertificate if case.cert == CertState::Revoked => {
            basis.push(&national::SIGN_REVOKED)
        }
        Purpose::IssueSignatureCertificate => basis.push(&national::NO_SIGN_CERT),
        _ => {}
    }
    if purpose == Purpose::IssueSignatureCertificate && (case.under_15 || case.adult_ward) {
        why.push(Why::SignatureCertificateNotIssued);
    }
    if (case.under_15 || case.adult_ward) && case.applicant == Applicant::Holder {
        why.push(Why::NeedsLegalRepresentative);
    }
    let mut opt = RouteOption {
        route: Route::Counter,
        available: true,
        why: Vec::new(),
        reset,
        purpose,
        basis,
        checklist: None,
        rule: None,
        not_stated: None,
        visits: None,
    };
    // The city's rules apply to its change and reset procedures; where its page does not
    // state the procedure (or for procedures a PIN page never covers), the national
    // baseline's checklist is offered, marked as national.
    let city_procedure = profile
        .filter(|_| matches!(purpose, Purpose::Change | Purpose::Reset))
        .map(|p| (p, p.procedure(reset)))
        .filter(|(_, proc_)| proc_.stated != Some(false));
    if let Some(p) = profile.filter(|_| matches!(purpose, Purpose::Change | Purpose::Reset)) {
        let proc_ = p.procedure(reset);
        if proc_.stated == Some(false) {
            opt.not_stated = proc_.not_stated.as_ref();
        }
    }
    let chosen = match city_procedure {
        Some((p, proc_)) => Some((p, proc_)),
        None => baseline.map(|b| (b, b.procedure(true))),
    };
    if let Some((p, proc_)) = chosen {
        opt.checklist = Some(p);
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
        opt.basis.push(if p.is_national() {
            &national::COUNTER_CHECKLIST
        } else {
            &national::CITY_RULES
        });
    }
    for w in &why {
        if !opt.basis.contains(&w.rule()) {
            opt.basis.push(w.rule());
        }
    }
    opt.available = !why.iter().any(|w| {
        matches!(
            w,
            Why::NeedsLegalRepresentative
                | Why::ApplicantNotAllowed
                | Why::SignatureCertificateNotIssued
        )
    });
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
    /// Requirements of another visit, not checked.
    pub skipped: Vec<&'p Requirement>,
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
    let mut skipped = Vec::new();
    for r in &rule.requirements {
        if visit.is_some() && r.visit.is_some() && r.visit != visit {
            skipped.push(r);
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
                .filter(|h| super::documents::find(&h.id).is_some_and(|d| d.presentable_by(owner)))
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
        skipped,
    }
}
