//! `mynapin guide`: for a PIN that cannot simply be changed, which routes are open (home,
//! kiosk, counter), why not, the steps, and the city's checklist of documents.
//!
//! The guide is built once as a small document ([`Block`]s) from the procedure decision and
//! rendered as plain text, CommonMark or one self-contained HTML page: every format says the
//! same thing.

use super::change::PinArg;
use super::error::{CliError, Exit, Message};
use super::guide_text::{
    kiosk_fee, purpose_text, rule_text, summary, summary_for, why_list, why_text,
};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json};
use super::text::{date_text, pin_short, sanitize};
use super::Ctx;
use mynapin_core::card::cert;
use mynapin_core::layout::PinId;
use mynapin_core::procedure::documents::{Document, DOCUMENTS};
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::procedure::guide::{
    check_documents, options, CardType, Case, CertState, DocCheck, HaveDoc, Purpose, RouteOption,
    Situation,
};
use mynapin_core::procedure::national::{Reference, Rule, KIOSK, KIOSK_CERTIFICATES};
use mynapin_core::procedure::profile::{
    Applicant, Citation, Fee, Names, Owner, Profile, Requirement, Source, Text, Tri,
};
use mynapin_core::procedure::Route;
#[cfg(feature = "sim")]
use mynapin_sim::StateError;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// `--format` (help: `help-value-<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// CommonMark.
    Markdown,
    /// One printable page, no network.
    Html,
}

/// `--city`: the built-in profiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum City {
    /// core/profiles/takatsuki.toml.
    Takatsuki,
    /// core/profiles/toyokawa.toml.
    Toyokawa,
}

/// `--state`: the CLI's mirror of [`Situation`] (no clap in the procedure layer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SituationArg {
    /// [`Situation::Known`].
    Known,
    /// [`Situation::Forgotten`].
    Forgotten,
    /// [`Situation::Blocked`].
    Blocked,
}

impl From<SituationArg> for Situation {
    fn from(a: SituationArg) -> Situation {
        match a {
            SituationArg::Known => Situation::Known,
            SituationArg::Forgotten => Situation::Forgotten,
            SituationArg::Blocked => Situation::Blocked,
        }
    }
}

/// `--cert`: the CLI's mirror of [`CertState`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CertArg {
    /// [`CertState::Valid`].
    Valid,
    /// [`CertState::Expired`].
    Expired,
    /// [`CertState::Revoked`].
    Revoked,
    /// [`CertState::Unknown`].
    Unknown,
}

impl From<CertArg> for CertState {
    fn from(a: CertArg) -> CertState {
        match a {
            CertArg::Valid => CertState::Valid,
            CertArg::Expired => CertState::Expired,
            CertArg::Revoked => CertState::Revoked,
            CertArg::Unknown => CertState::Unknown,
        }
    }
}

/// `--applicant`: the CLI's mirror of [`Applicant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ApplicantArg {
    /// [`Applicant::Holder`], named `self` on the command line.
    #[value(name = "self")]
    Holder,
    /// [`Applicant::Legal`].
    Legal,
    /// [`Applicant::Agent`].
    Agent,
}

impl From<ApplicantArg> for Applicant {
    fn from(a: ApplicantArg) -> Applicant {
        match a {
            ApplicantArg::Holder => Applicant::Holder,
            ApplicantArg::Legal => Applicant::Legal,
            ApplicantArg::Agent => Applicant::Agent,
        }
    }
}

/// Arguments of `mynapin guide` (help: `help-guide-…`).
#[derive(Debug, clap::Args)]
pub struct GuideArgs {
    /// The PIN's name (default: every blocked PIN on the card).
    #[arg(value_enum, value_name = "PIN")]
    pub which: Option<PinArg>,
    /// `--pin`: the same as `which`.
    #[arg(long, value_enum, conflicts_with = "which")]
    pub pin: Option<PinArg>,
    /// `--state` (default: from the counters, else forgotten).
    #[arg(long, value_enum)]
    pub state: Option<SituationArg>,
    /// `--know a,b`: other PINs the resident knows.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub know: Vec<PinArg>,
    /// `--applicant`.
    #[arg(long, value_enum, default_value = "self")]
    pub applicant: ApplicantArg,
    /// `--under-15`.
    #[arg(long)]
    pub under_15: bool,
    /// `--adult-ward`.
    #[arg(long)]
    pub adult_ward: bool,
    /// `--same-household`: the parent-child relation is in the resident register.
    #[arg(long)]
    pub same_household: bool,
    /// `--face-auth`: a card without PINs.
    #[arg(long)]
    pub face_auth: bool,
    /// `--no-sign-cert`.
    #[arg(long)]
    pub no_sign_cert: bool,
    /// `--cert` (default: from the card's certificate expiry, else unknown).
    #[arg(long, value_enum)]
    pub cert: Option<CertArg>,
    /// `--city`: a built-in profile.
    #[arg(long, value_enum, conflicts_with = "profile")]
    pub city: Option<City>,
    /// `--profile FILE`: any profile.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<String>,
    /// `--have a,b`: document ids (`holder:ID` for the holder's own).
    #[arg(long, value_delimiter = ',', value_name = "DOC,…")]
    pub have: Vec<String>,
    /// `--visit N` of a two-visit procedure.
    #[arg(long, value_name = "N")]
    pub visit: Option<u8>,
    /// `--format`.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// `--list-documents`: the ids for `--have`.
    #[arg(long)]
    pub list_documents: bool,
}

impl GuideArgs {
    /// `--applicant` as the procedure layer's type.
    pub fn applicant(&self) -> Applicant {
        self.applicant.into()
    }

    /// `--state` as the procedure layer's type.
    pub fn state(&self) -> Option<Situation> {
        self.state.map(Situation::from)
    }

    /// `--cert` as the procedure layer's type.
    pub fn cert(&self) -> Option<CertState> {
        self.cert.map(CertState::from)
    }
}

/// A profile's text in `lang`, else its fallbacks (English, then Japanese).
fn pick(lang: Lang, n: &Names) -> String {
    n.pick(&lang.fallbacks()).to_string()
}

/// A sourced profile text in `lang`, else its fallbacks.
fn pick_text(lang: Lang, t: &Text) -> String {
    t.pick(&lang.fallbacks()).to_string()
}

/// A document's name (message `doc-…`).
fn doc_name(lang: Lang, d: &Document) -> String {
    let id = d.message_id();
    msg::doc(&id).map_or(id, |say| say(lang))
}

/// Whether an office takes agents, in words.
fn agents_word(lang: Lang, t: Tri) -> String {
    match t {
        Tri::Yes => msg::guide_agents_yes(lang),
        Tri::No => msg::guide_agents_no(lang),
        Tri::NotStated => msg::guide_not_stated(lang),
    }
}

fn route_name(lang: Lang, o: &RouteOption<'_>) -> String {
    match o.route {
        Route::Home => msg::route_heading_home(lang),
        Route::Kiosk => msg::route_heading_kiosk(lang),
        Route::Counter => msg::route_heading_counter(lang, purpose_text(lang, o.purpose)),
    }
}

fn steps(
    lang: Lang,
    verbose: bool,
    commands: bool,
    case: &Case,
    o: &RouteOption<'_>,
    profile: Option<&Profile>,
) -> Vec<String> {
    let pin = case.pin;
    let mut s = Vec::new();
    match o.route {
        Route::Home => {
            s.push(if commands {
                msg::guide_step_home(lang, pin.id())
            } else {
                msg::guide_step_home_plain(lang)
            });
            if pin == PinId::Juki {
                s.push(msg::guide_step_home_juki(lang));
                if verbose {
                    s.push(msg::guide_step_home_juki_verbose(lang));
                }
            }
            if let Some(p) = profile.filter(|p| !p.is_national()) {
                s.extend(p.home_change.iter().map(|t| pick_text(lang, t)));
            }
        }
        Route::Kiosk => {
            let partner = mynapin_core::procedure::kiosk_partner(pin).unwrap_or(PinId::Auth);
            let k = &KIOSK;
            let stores = if pin == PinId::Sign {
                msg::kiosk_sign_stores(lang)
            } else {
                msg::kiosk_auth_stores(lang)
            };
            s.push(msg::guide_step_kiosk_reserve(lang, k.app));
            s.push(msg::guide_step_kiosk_go(
                lang,
                msg::GuideStepKioskGo {
                    closes: k.closes,
                    fee: kiosk_fee(lang),
                    hours: k.window_hours,
                    opens: k.opens,
                },
            ));
            s.push(msg::guide_step_kiosk_enter(
                lang,
                msg::GuideStepKioskEnter {
                    partner: pin_short(lang, partner),
                    pin: pin_short(lang, pin),
                },
            ));
            s.push(msg::guide_step_kiosk_conditions(
                lang,
                rule_text(lang, &KIOSK_CERTIFICATES),
            ));
            s.push(msg::guide_step_kiosk_stores(
                lang,
                msg::GuideStepKioskStores {
                    check: msg::kiosk_check(lang),
                    pin: pin_short(lang, pin),
                    stores,
                },
            ));
        }
        Route::Counter => {
            if let Some(rule) = o.rule.filter(|_| !o.checklist_is_national()) {
                if rule.advance_contact == Tri::Yes {
                    s.push(msg::guide_step_contact_first(lang));
                }
                if let Some(n) = &rule.note {
                    s.push(pick(lang, n));
                }
            }
            if let Some(n) = o.not_stated {
                s.push(pick(lang, n));
            }
            s.push(match o.purpose {
                Purpose::Change => msg::guide_step_counter_change(lang),
                Purpose::Reset => msg::guide_step_counter_reset(lang),
                Purpose::RenewCertificates => msg::guide_step_counter_renew_certificates(lang),
                Purpose::IssueSignatureCertificate => {
                    msg::guide_step_counter_issue_signature_certificate(lang)
                }
                Purpose::SwitchToNormalCard => msg::guide_step_counter_switch_to_normal_card(lang),
            });
        }
    }
    s
}

/// The name of category `id` in `profile` (the id itself when the profile has no such
/// category, which validation rules out).
fn category_name(lang: Lang, profile: &Profile, id: &str) -> String {
    profile
        .id_categories
        .iter()
        .find(|c| c.id == id)
        .map(|c| pick(lang, &c.name))
        .unwrap_or_else(|| id.to_string())
}

/// `n` documents of each category, joined: "Identity document, list A ×1 + … ×1".
fn counts<'a>(
    lang: Lang,
    profile: &Profile,
    items: impl Iterator<Item = (&'a str, usize)>,
) -> String {
    items
        .map(|(c, n)| {
            msg::guide_count(
                lang,
                msg::GuideCount {
                    n,
                    name: category_name(lang, profile, c),
                },
            )
        })
        .collect::<Vec<_>>()
        .join(&msg::guide_count_and(lang))
}

fn alternatives(lang: Lang, profile: &Profile, r: &Requirement) -> String {
    r.count
        .iter()
        .map(|alt| {
            counts(
                lang,
                profile,
                alt.iter().map(|c| (c.category.as_str(), usize::from(c.n))),
            )
        })
        .collect::<Vec<_>>()
        .join(&msg::guide_count_or(lang))
}

fn requirement_json(lang: Lang, profile: &Profile, r: &Requirement, case: &Case) -> Value {
    let kind = if !r.all_of.is_empty() {
        "all_of"
    } else if !r.any_of.is_empty() {
        "any_of"
    } else {
        "count"
    };
    json!({
        "id": r.id,
        "name": pick(lang, &r.name),
        "visit": r.visit,
        "kind": kind,
        "documents": r.all_of.iter().chain(&r.any_of).collect::<Vec<_>>(),
        "owner": r.owner.map(|o| match o { Owner::Holder => "holder", Owner::Representative => "representative" }),
        "alternatives": r.count,
        "categories": r.count.iter().flatten().map(|c| c.category.clone()).collect::<BTreeSet<_>>().iter()
            .filter_map(|c| profile.id_categories.iter().find(|x| &x.id == c))
            .map(|c| json!({"id": c.id, "name": pick(lang, &c.name), "documents": c.documents}))
            .collect::<Vec<_>>(),
        "omitted": r.omissible_when.is_some() && case.under_15 && case.same_household,
        "omissible": r.omissible_note.as_ref().map(|n| pick(lang, n)),
        "source": r.source,
    })
}

fn check_json(lang: Lang, profile: &Profile, c: &DocCheck<'_>) -> Value {
    json!({
        "satisfied": c.satisfied,
        "missing": c.missing.iter().map(|(r, counted)| json!({
            "id": r.id,
            "name": pick(lang, &r.name),
            "need": if r.count.is_empty() { Value::Null } else { Value::String(alternatives(lang, profile, r)) },
            "have": counted.iter().map(|(k, n)| json!({"category": k, "n": n})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "omitted": c.omitted.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
        "skipped": c.skipped.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
    })
}

/// Whether the card was read, and if not, why.
struct CardRead<'m> {
    read: bool,
    error: Option<&'m Message>,
    every_pin: bool,
}

struct PinGuide<'p> {
    case: Case,
    options: Vec<RouteOption<'p>>,
    check: Option<DocCheck<'p>>,
}

fn load_profile(lang: Lang, args: &GuideArgs) -> Result<Option<Profile>, CliError> {
    if let Some(path) = &args.profile {
        return Profile::load(path).map(Some).map_err(|e| CliError::Usage {
            what: sanitize(&super::profile_cmd::error_text(lang, &e)),
            todo: msg::guide_profile_fix(lang),
        });
    }
    Ok(args.city.map(|c| {
        Profile::builtin(match c {
            City::Takatsuki => "takatsuki",
            City::Toyokawa => "toyokawa",
        })
        .expect("built in")
    }))
}

/// What the card says, when one is there (the counters first, then the certificate).
fn read_card(ctx: &Ctx) -> Result<CardFacts, CliError> {
    ctx.with_card(|card| {
        let pins = card.read_all()?;
        let cert = card.auth_certificate_state(cert::Date::today()).ok();
        Ok(CardFacts::new(&pins, cert.as_ref()))
    })
}

/// Whether `e` means "no card could be read" (the guide goes on without one) rather than a
/// mistake on the command line (which stops it).
fn card_unreadable(e: &CliError) -> bool {
    match e {
        CliError::Card(_) => true,
        #[cfg(feature = "sim")]
        CliError::State(StateError::Busy { .. }) => true,
        _ => false,
    }
}

pub fn run(ctx: &Ctx, args: &GuideArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let verbose = ctx.verbose > 0;
    if args.list_documents {
        return list_documents(ctx);
    }
    let profile = load_profile(lang, args)?;
    let mut have = Vec::new();
    for h in &args.have {
        have.push(resolve_have(h).ok_or_else(|| CliError::Usage {
            what: msg::guide_unknown_document(lang, sanitize(h)),
            todo: msg::guide_unknown_document_todo(lang),
        })?);
    }
    // With a PIN and its state named, the guide needs no card: it is not read at all (the
    // card may be held by another program, be an old 住基カード, or there may be no reader).
    let named = args.which.or(args.pin).map(PinId::from);
    let (facts, unreadable) = if named.is_some() && args.state().is_some() {
        (None, None)
    } else {
        match read_card(ctx) {
            Ok(f) => (Some(f), None),
            Err(e) if card_unreadable(&e) => (None, Some(e.message(lang))),
            Err(e) => return Err(e),
        }
    };
    let pins: Vec<PinId> = match (named, &facts) {
        (Some(p), _) => vec![p],
        (None, Some(f)) => f.pins_to_guide(),
        // No card read and no PIN named: every PIN's routes, for a PIN that is forgotten or
        // blocked (the routes are the same for both).
        (None, None) => PinId::ALL.to_vec(),
    };
    let baseline = Profile::national();
    let guides: Vec<PinGuide<'_>> = pins
        .iter()
        .map(|&pin| {
            // What the card says (nothing without one), then what the command line adds.
            let state = args.state().unwrap_or_else(|| {
                facts
                    .as_ref()
                    .map_or(Situation::Forgotten, |f| f.situation_of(pin))
            });
            let mut case = match &facts {
                Some(f) => f.case(pin, state),
                None => Case::new(pin, state),
            };
            if args.no_sign_cert {
                case.absent.insert(PinId::Sign);
            }
            if let Some(c) = args.cert() {
                case.cert = c;
            }
            case.known = args.know.iter().map(|k| PinId::from(*k)).collect();
            case.applicant = args.applicant();
            case.under_15 = args.under_15;
            case.adult_ward = args.adult_ward;
            case.same_household = args.same_household;
            case.card = if args.face_auth {
                CardType::FaceAuth
            } else {
                CardType::Normal
            };
            let options = options(&case, profile.as_ref(), Some(&baseline));
            let check = options
                .iter()
                .find(|o| o.route == Route::Counter)
                .and_then(|o| o.checklist.zip(o.rule))
                .filter(|_| !args.have.is_empty())
                .map(|(p, rule)| check_documents(p, rule, &case, &have, args.visit));
            PinGuide {
                case,
                options,
                check,
            }
        })
        .collect();

    let read = CardRead {
        read: facts.is_some(),
        error: unreadable.as_ref(),
        every_pin: named.is_none() && facts.is_none(),
    };
    if ctx.json {
        let mut v = to_json(lang, verbose, profile.as_ref(), args, &guides);
        v["card"] = json!({
            "read": read.read,
            "error": read.error.map(|m| json!({"kind": m.kind, "what": m.what})),
            "every_pin": read.every_pin,
        });
        emit_json(&v);
    } else {
        let medium = if args.format == Format::Text {
            Medium::Terminal
        } else {
            Medium::Handout
        };
        let doc = build_doc(
            lang,
            verbose,
            profile.as_ref(),
            args,
            &guides,
            &read,
            medium,
        );
        let text = match args.format {
            Format::Text => render_text(&doc),
            Format::Markdown => render_markdown(&doc),
            Format::Html => render_html(lang, &doc),
        };
        // Profile texts may come from a user's file (--profile): no control characters reach
        // the terminal.
        for line in text.lines() {
            emit(&sanitize(line));
        }
    }
    Ok(Exit::Success)
}

fn cite_json(p: &Profile, s: &Source) -> Value {
    json!(p.cite(s))
}

fn basis_json(lang: Lang, basis: &[&Rule]) -> Value {
    json!(basis
        .iter()
        .map(|r| json!({
            "rule": r.id,
            "says": rule_text(lang, r),
            "sources": r.sources,
        }))
        .collect::<Vec<_>>())
}

fn to_json(
    lang: Lang,
    verbose: bool,
    profile: Option<&Profile>,
    args: &GuideArgs,
    guides: &[PinGuide<'_>],
) -> Value {
    json!({
        "schema": "mynapin.guide.v1",
        "city": profile.map(|p| json!({"id": p.id, "name": pick(lang, &p.name), "page": p.page})),
        "applicant": args.applicant().id(),
        "pins": guides.iter().map(|g| json!({
            "pin": g.case.pin.id(),
            "state": g.case.state,
            "certificate": g.case.cert,
            "card_type": g.case.card,
            "summary": summary(lang, &g.case, &g.options),
            "options": g.options.iter().map(|o| {
                let mut v = json!({
                    "route": o.route,
                    "available": o.available,
                    "reason": if o.available { Value::Null } else {
                        Value::String(why_list(lang, &o.why))
                    },
                    "reasons": o.why,
                    "basis": basis_json(lang, &o.basis),
                    "steps": steps(lang, verbose, true, &g.case, o, profile),
                    "documents": Value::Null,
                    "visits": o.visits,
                });
                if o.route == Route::Counter {
                    if let (Some(p), Some(rule)) = (o.checklist, o.rule) {
                        v["documents"] = json!({
                            "from": if p.is_national() { "national" } else { "city" },
                            "rule": rule.requirements.iter().map(|r| pick(lang, &r.name)).collect::<Vec<_>>().join(&msg::guide_rule_separator(lang)),
                            "source": cite_json(p, &rule.source),
                            "items": rule.requirements.iter().map(|r| requirement_json(lang, p, r, &g.case)).collect::<Vec<_>>(),
                        });
                    }
                    v["procedure"] = json!(if o.reset { "reset" } else { "change" });
                    v["purpose"] = json!(o.purpose);
                    if let Some(p) = profile {
                        v["city"] = city_json(lang, p);
                    }
                    if let (Some(c), Some(p)) = (&g.check, o.checklist) {
                        v["documents_check"] = check_json(lang, p, c);
                    }
                }
                v
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn city_json(lang: Lang, p: &Profile) -> Value {
    json!({
        "offices": p.offices.iter().map(|o| json!({
            "name": pick(lang, &o.name), "accepts_agents": o.accepts_agents,
            "note": o.note.as_ref().map(|n| pick(lang, n)), "source": o.source,
        })).collect::<Vec<_>>(),
        "hours": p.hours.iter().map(|t| pick_text(lang, t)).collect::<Vec<_>>(),
        "holiday_openings": p.holiday_openings.iter().map(|t| pick_text(lang, t)).collect::<Vec<_>>(),
        "reservation": {
            "required": p.reservation.required, "gives_priority": p.reservation.gives_priority,
            "note": p.reservation.note.as_ref().map(|n| pick(lang, n)),
            "phones": p.reservation.phones.iter().map(|ph| json!({"name": pick(lang, &ph.name), "number": ph.number, "hours": pick(lang, &ph.hours)})).collect::<Vec<_>>(),
        },
        "fee": match &p.fee { Fee::Stated(t) => Value::String(pick_text(lang, t)), Fee::Word(_) => Value::Null },
        "notes": p.notes.iter().map(|t| pick_text(lang, t)).collect::<Vec<_>>(),
        "source": json!(p.page_citation()),
    })
}

/// One piece of the printable guide.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    /// The page's title.
    Title(String),
    /// A heading (2: a PIN, 3: a route, 4: a part of a route).
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A bullet list; each item may have sub-items.
    List(Vec<(String, Vec<String>)>),
    /// A checklist: (ticked, text, sub-items).
    Checks(Vec<(bool, String, Vec<String>)>),
    /// A bullet list of sources (printed small).
    Sources(Vec<(String, Vec<String>)>),
    /// Fields the office fills in by hand: (label, value; empty: a blank line to write on).
    Record(Vec<(String, String)>),
}

fn citation_text(lang: Lang, c: &Citation) -> String {
    let mut parts = vec![format!("「{}」", c.title), c.issuer.clone()];
    if let Some(d) = &c.date {
        parts.push(msg::guide_updated(lang, date_text(lang, d)));
    }
    parts.push(match &c.address {
        Some(a) => a.clone(),
        None => msg::guide_address_not_recorded(lang),
    });
    lang.join(&parts)
}

fn reference_text(lang: Lang, r: &Reference) -> String {
    let cited = citation_text(
        lang,
        &Citation {
            title: r.title.into(),
            issuer: r.issuer.into(),
            date: r.date.map(Into::into),
            address: r.address.map(Into::into),
            heading: String::new(),
        },
    );
    lang.join(&[
        cited,
        msg::guide_source_checked(lang, date_text(lang, r.checked)),
    ])
}

/// The rules behind `opts`, each with the numbers of its sources, then the numbered sources.
/// With `verbose`, each rule with its stable id.
fn rules_and_sources(
    lang: Lang,
    verbose: bool,
    opts: &[RouteOption<'_>],
) -> Vec<(String, Vec<String>)> {
    let mut rules: Vec<&Rule> = Vec::new();
    for o in opts {
        for r in &o.basis {
            if !rules.contains(r) {
                rules.push(r);
            }
        }
    }
    let mut refs: Vec<&Reference> = Vec::new();
    let mut out = Vec::new();
    for r in rules {
        let mut nums = Vec::new();
        for s in r.sources {
            let n = match refs.iter().position(|x| x.id == s.id) {
                Some(i) => i + 1,
                None => {
                    refs.push(s);
                    refs.len()
                }
            };
            nums.push(format!("[{n}]"));
        }
        out.push((
            if verbose {
                msg::guide_rule_line_verbose(
                    lang,
                    msg::GuideRuleLineVerbose {
                        id: r.id,
                        refs: nums.join(""),
                        says: rule_text(lang, r),
                    },
                )
            } else {
                msg::guide_rule_line(
                    lang,
                    msg::GuideRuleLine {
                        refs: nums.join(""),
                        says: rule_text(lang, r),
                    },
                )
            },
            Vec::new(),
        ));
    }
    for (i, r) in refs.iter().enumerate() {
        out.push((
            format!("[{}] {}", i + 1, reference_text(lang, r)),
            Vec::new(),
        ));
    }
    out
}

/// How the guide is printed: for a terminal (commands may be named) or as a handout (HTML,
/// Markdown: words only, and the office's record fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Medium {
    Terminal,
    Handout,
}

fn build_doc(
    lang: Lang,
    verbose: bool,
    profile: Option<&Profile>,
    args: &GuideArgs,
    guides: &[PinGuide<'_>],
    card: &CardRead<'_>,
    medium: Medium,
) -> Vec<Block> {
    let commands = medium == Medium::Terminal;
    // No PIN named and no card read, at a terminal: the gist of each PIN on one screen; the
    // routes in full, the rules and the sources with -v (or for one PIN).
    let brief = card.every_pin && !verbose && commands;
    let mut out = Vec::new();
    out.push(Block::Title(match profile {
        Some(p) => msg::guide_title_city(
            lang,
            msg::GuideTitleCity {
                city: pick(lang, &p.name),
                title: msg::guide_title(lang),
            },
        ),
        None => msg::guide_title(lang),
    }));
    let mut head = Vec::new();
    match profile {
        Some(p) => {
            head.push(msg::guide_city(
                lang,
                msg::GuideCity {
                    city: pick(lang, &p.name),
                    source: citation_text(lang, &p.page_citation()),
                },
            ));
            head.push(msg::guide_where_city(lang, pick(lang, &p.name)));
            head.push(msg::guide_where(lang));
        }
        None => {
            head.push(msg::guide_city_none(lang));
            head.push(msg::guide_where(lang));
            head.push(msg::guide_where_find(lang));
        }
    }
    head.push(msg::guide_applicant(
        lang,
        match args.applicant() {
            Applicant::Holder => msg::guide_applicant_self(lang),
            Applicant::Legal => msg::guide_applicant_legal(lang),
            Applicant::Agent => msg::guide_applicant_agent(lang),
        },
    ));
    if let Some(m) = card.error {
        head.push(msg::guide_card_unreadable(lang, &m.what));
    }
    if card.every_pin {
        head.push(msg::guide_every_pin(lang));
    }
    if card.read {
        head.push(msg::guide_read_from_card(lang));
    }
    out.extend(head.into_iter().map(Block::Para));
    // A handout carries the office's record at the top: what was presented (from --have)
    // and blank fields for the date, the applicant and the clerk.
    if medium == Medium::Handout {
        out.push(Block::Heading(4, msg::guide_record_heading(lang)));
        let presented = presented_names(lang, args);
        out.push(Block::Record(vec![
            (
                msg::guide_record_presented(lang),
                if presented.is_empty() {
                    String::new()
                } else {
                    lang.join(&presented)
                },
            ),
            (msg::guide_record_date(lang), String::new()),
            (msg::guide_record_applicant(lang), String::new()),
            (msg::guide_record_clerk(lang), String::new()),
        ]));
    }
    if guides.is_empty() {
        out.push(Block::Para(if commands {
            msg::guide_none_blocked(lang)
        } else {
            msg::guide_none_blocked_plain(lang)
        }));
        return out;
    }
    for g in guides {
        let state = match g.case.state {
            Situation::Blocked => msg::guide_state_blocked(lang),
            Situation::Forgotten => msg::guide_state_forgotten(lang),
            Situation::Known => msg::guide_state_known(lang),
        };
        out.push(Block::Heading(
            2,
            msg::guide_pin_heading(
                lang,
                msg::GuidePinHeading {
                    pin: pin_short(lang, g.case.pin),
                    state,
                },
            ),
        ));
        out.extend(
            summary_for(lang, &g.case, &g.options, commands)
                .into_iter()
                .map(Block::Para),
        );
        if g.case.pin == PinId::Juki {
            out.push(Block::Para(msg::guide_juki_two_places(lang)));
        }
        if brief {
            out.push(Block::Para(msg::guide_every_pin_more(
                lang,
                g.case.pin.id(),
            )));
            continue;
        }
        // Open routes first, then the kiosk when it depends only on the other JPKI PIN
        // (conditional: shown in full, with its condition), then the closed ones.
        let mut order: Vec<&RouteOption<'_>> = g.options.iter().filter(|o| o.available).collect();
        order.extend(
            g.options
                .iter()
                .filter(|o| !o.available && o.needs_only_partner().is_some()),
        );
        order.extend(
            g.options
                .iter()
                .filter(|o| !o.available && o.needs_only_partner().is_none()),
        );
        for (i, o) in order.into_iter().enumerate() {
            let conditional = o.needs_only_partner();
            let mark = if o.available {
                msg::guide_available(lang)
            } else if conditional.is_some() {
                msg::guide_conditional(lang)
            } else {
                msg::guide_not_available(lang)
            };
            out.push(Block::Heading(
                3,
                msg::guide_route_heading(
                    lang,
                    msg::GuideRouteHeading {
                        mark,
                        n: i + 1,
                        route: route_name(lang, o),
                    },
                ),
            ));
            if !o.available && conditional.is_none() {
                out.push(Block::List(
                    o.why
                        .iter()
                        .map(|w| (why_text(lang, *w), Vec::new()))
                        .collect(),
                ));
                continue;
            }
            let mut items: Vec<(String, Vec<String>)> = Vec::new();
            if let Some(p) = conditional {
                items.push((
                    msg::guide_kiosk_condition(lang, pin_short(lang, p)),
                    Vec::new(),
                ));
            }
            if let Some(v) = o.visits.filter(|v| *v > 0) {
                items.push((msg::guide_visits(lang, v), Vec::new()));
            }
            for s in steps(lang, verbose, commands, &g.case, o, profile) {
                items.push((s, Vec::new()));
            }
            if o.route == Route::Counter {
                if let Some(p) = profile {
                    counter_items(lang, args, p, o, &mut items);
                }
            }
            out.push(Block::List(items));
            if o.route == Route::Counter {
                checklist(lang, g, o, &mut out);
                if let Some(p) = profile {
                    let notes: Vec<(String, Vec<String>)> = p
                        .notes
                        .iter()
                        .map(|t| (pick_text(lang, t), Vec::new()))
                        .collect();
                    if !notes.is_empty() {
                        out.push(Block::Heading(4, msg::guide_notes(lang)));
                        out.push(Block::List(notes));
                    }
                }
            }
        }
        // Each decision names its rule and where the rule is stated.
        out.push(Block::Heading(4, msg::guide_why_heading(lang)));
        out.push(Block::Sources(rules_and_sources(lang, verbose, &g.options)));
    }
    if brief {
        out.push(Block::Para(msg::guide_every_pin_verbose(lang)));
    }
    out
}

/// The documents named with `--have`, by name (the holder's marked), for the record.
fn presented_names(lang: Lang, args: &GuideArgs) -> Vec<String> {
    args.have
        .iter()
        .filter_map(|h| resolve_have(h))
        .filter_map(|h| {
            mynapin_core::procedure::documents::find(&h.id).map(|d| match h.owner {
                Some(Owner::Holder) => format!(
                    "{}（{}）",
                    doc_name(lang, d),
                    msg::guide_applicant_self(lang)
                ),
                _ => doc_name(lang, d),
            })
        })
        .collect()
}

/// A `--have` entry: an id (`passport`, `holder:passport`), the number `--list-documents`
/// shows (`3`, `holder:3`), or the document's name in any language of the catalogue
/// (「パスポート（旅券）」, `本人:運転免許証`).
pub fn resolve_have(text: &str) -> Option<HaveDoc> {
    let text = text.trim();
    if let Some(h) = HaveDoc::parse(text) {
        return Some(h);
    }
    let (owner, rest) = match text.split_once([':', '：']) {
        Some((o, rest)) => {
            let o = o.trim();
            let owner = if o == "holder"
                || Lang::all()
                    .any(|l| o == msg::guide_applicant_self(l) || o == msg::have_holder_word(l))
            {
                Owner::Holder
            } else if ["rep", "representative", "agent"].contains(&o)
                || Lang::all().any(|l| o == msg::have_representative_word(l))
            {
                Owner::Representative
            } else {
                return None;
            };
            (Some(owner), rest.trim())
        }
        None => (None, text),
    };
    let doc = if let Ok(n) = rest.parse::<usize>() {
        n.checked_sub(1).and_then(|i| DOCUMENTS.get(i))
    } else {
        DOCUMENTS
            .iter()
            .find(|d| d.id == rest || Lang::all().any(|l| doc_name(l, d) == rest))
    }?;
    Some(HaveDoc {
        owner,
        id: doc.id.to_string(),
    })
}

fn counter_items(
    lang: Lang,
    args: &GuideArgs,
    p: &Profile,
    o: &RouteOption<'_>,
    items: &mut Vec<(String, Vec<String>)>,
) {
    for of in &p.offices {
        let agents = if args.applicant() == Applicant::Holder {
            String::new()
        } else {
            format!(
                " [{}]",
                msg::guide_agents(lang, agents_word(lang, of.accepts_agents))
            )
        };
        let note = of
            .note
            .as_ref()
            .map(|n| format!(" — {}", pick(lang, n)))
            .unwrap_or_default();
        items.push((
            format!(
                "{}{agents}{note}",
                msg::guide_office(lang, pick(lang, &of.name))
            ),
            Vec::new(),
        ));
    }
    for t in &p.hours {
        items.push((msg::guide_hours(lang, pick_text(lang, t)), Vec::new()));
    }
    for t in &p.holiday_openings {
        items.push((msg::guide_holidays(lang, pick_text(lang, t)), Vec::new()));
    }
    if let Some(n) = &p.reservation.note {
        items.push((msg::guide_reservation(lang, pick(lang, n)), Vec::new()));
    }
    for ph in &p.reservation.phones {
        items.push((
            msg::guide_phone(
                lang,
                msg::GuidePhone {
                    hours: pick(lang, &ph.hours),
                    name: pick(lang, &ph.name),
                    number: &ph.number,
                },
            ),
            Vec::new(),
        ));
    }
    items.push((
        msg::guide_fee(
            lang,
            match &p.fee {
                Fee::Stated(t)
                    if o.not_stated.is_none()
                        && matches!(o.purpose, Purpose::Change | Purpose::Reset) =>
                {
                    pick_text(lang, t)
                }
                _ => msg::guide_fee_not_stated(lang),
            },
        ),
        Vec::new(),
    ));
}

fn checklist(lang: Lang, g: &PinGuide<'_>, o: &RouteOption<'_>, out: &mut Vec<Block>) {
    let (Some(p), Some(rule)) = (o.checklist, o.rule) else {
        out.push(Block::Para(match o.not_stated {
            Some(_) => msg::guide_documents_not_stated(lang),
            None => msg::guide_no_rule_for_applicant(lang),
        }));
        return;
    };
    out.push(Block::Heading(
        4,
        if p.is_national() {
            msg::guide_bring_national(lang)
        } else {
            msg::guide_bring_city(lang, pick(lang, &p.name))
        },
    ));
    if p.is_national() {
        // What the baseline is: drawn from which pages, checked when.
        out.push(Block::Para(pick(lang, &p.name)));
    }
    if p.is_national() && o.not_stated.is_some() {
        out.push(Block::Para(msg::guide_documents_national_instead(lang)));
    }
    if let Some(n) = rule.note.as_ref().filter(|_| p.is_national()) {
        out.push(Block::Para(pick(lang, n)));
    }
    let mut checks = Vec::new();
    for r in &rule.requirements {
        let omitted = r.omissible_when.is_some() && g.case.under_15 && g.case.same_household;
        let ticked = match &g.check {
            Some(c) => {
                !c.missing.iter().any(|(m, _)| m.id == r.id)
                    && !c.skipped.iter().any(|m| m.id == r.id)
            }
            None => false,
        } && !omitted;
        let mut text = pick(lang, &r.name);
        if omitted {
            text.push_str(&msg::guide_not_needed_same_household(lang));
        }
        let mut sub = Vec::new();
        // The categories in the order the rule names them.
        let mut cats: Vec<String> = Vec::new();
        for c in r.count.iter().flatten() {
            if !cats.contains(&c.category) {
                cats.push(c.category.clone());
            }
        }
        // Whose documents these are: a holder's list never offers what only a representative
        // can present (the representative's own My Number card).
        let owner = r.owner.unwrap_or(if g.case.applicant == Applicant::Holder {
            Owner::Holder
        } else {
            Owner::Representative
        });
        for c in cats {
            if let Some(cat) = p.id_categories.iter().find(|x| x.id == c) {
                let names: Vec<String> = cat
                    .documents
                    .iter()
                    .filter_map(|d| mynapin_core::procedure::documents::find(d))
                    .filter(|d| d.presentable_by(owner))
                    .map(|d| doc_name(lang, d))
                    .collect();
                sub.push(msg::guide_category(
                    lang,
                    msg::GuideCategory {
                        docs: lang.join(&names),
                        name: pick(lang, &cat.name),
                    },
                ));
            }
        }
        if let (Some(n), false) = (&r.omissible_note, omitted) {
            sub.push(pick(lang, n));
        }
        checks.push((ticked, text, sub));
    }
    out.push(Block::Checks(checks));
    if let Some(c) = &g.check {
        if c.satisfied {
            out.push(Block::Para(msg::guide_documents_satisfied(lang)));
        } else {
            out.push(Block::Para(msg::guide_documents_missing(lang)));
            out.push(Block::List(
                c.missing
                    .iter()
                    .map(|(r, counted)| {
                        let mut sub = Vec::new();
                        if !r.count.is_empty() {
                            let have = if counted.is_empty() {
                                msg::guide_have_none(lang)
                            } else {
                                counts(lang, p, counted.iter().map(|(k, n)| (k.as_str(), *n)))
                            };
                            sub.push(msg::guide_need_have(
                                lang,
                                msg::GuideNeedHave {
                                    have,
                                    need: alternatives(lang, p, r),
                                },
                            ));
                        }
                        (pick(lang, &r.name), sub)
                    })
                    .collect(),
            ));
        }
    }
    out.push(Block::Para(msg::guide_checklist_source(
        lang,
        p.cite(&rule.source)
            .map(|c| {
                let cited = citation_text(lang, &c);
                if c.heading.is_empty() {
                    cited
                } else {
                    msg::guide_source_section(
                        lang,
                        msg::GuideSourceSection {
                            section: &c.heading,
                            source: cited,
                        },
                    )
                }
            })
            .unwrap_or_default(),
    )));
}

fn render_text(doc: &[Block]) -> String {
    let mut out = String::new();
    for b in doc {
        match b {
            Block::Title(t) => {
                out.push_str(&format!("{t}\n{}\n", "=".repeat(super::output::width(t))))
            }
            Block::Heading(2, t) => out.push_str(&format!("\n== {t} ==\n")),
            Block::Heading(3, t) => out.push_str(&format!("\n-- {t}\n")),
            Block::Heading(_, t) => out.push_str(&format!("\n  {t}\n")),
            Block::Para(t) => out.push_str(&format!("{t}\n")),
            Block::List(items) | Block::Sources(items) => {
                for (t, sub) in items {
                    out.push_str(&format!("  - {t}\n"));
                    for s in sub {
                        out.push_str(&format!("      {s}\n"));
                    }
                }
            }
            Block::Record(fields) => {
                for (label, value) in fields {
                    out.push_str(&format!("  {label}：{value}\n"));
                }
            }
            Block::Checks(items) => {
                for (done, t, sub) in items {
                    out.push_str(&format!("  [{}] {t}\n", if *done { "x" } else { " " }));
                    for s in sub {
                        out.push_str(&format!("        {s}\n"));
                    }
                }
            }
        }
    }
    out
}

/// Escapes what CommonMark would read as markup (the texts are prose, commands in backticks
/// are kept as code).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn render_markdown(doc: &[Block]) -> String {
    let mut out = String::new();
    for b in doc {
        match b {
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_escape(t))),
            Block::Heading(l, t) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(usize::from(*l)),
                md_escape(t)
            )),
            Block::Para(t) => out.push_str(&format!("{}\n\n", md_escape(t))),
            Block::List(items) | Block::Sources(items) => {
                for (t, sub) in items {
                    out.push_str(&format!("- {}\n", md_escape(t)));
                    for s in sub {
                        out.push_str(&format!("  - {}\n", md_escape(s)));
                    }
                }
                out.push('\n');
            }
            Block::Record(fields) => {
                for (label, value) in fields {
                    let v = if value.is_empty() {
                        "\\_".repeat(24)
                    } else {
                        md_escape(value)
                    };
                    out.push_str(&format!("{}: {v}  \n", md_escape(label)));
                }
                out.push('\n');
            }
            Block::Checks(items) => {
                for (done, t, sub) in items {
                    out.push_str(&format!(
                        "- [{}] {}\n",
                        if *done { "x" } else { " " },
                        md_escape(t)
                    ));
                    for s in sub {
                        out.push_str(&format!("  - {}\n", md_escape(s)));
                    }
                }
                out.push('\n');
            }
        }
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

const HTML_STYLE: &str = "
@page { size: A4; margin: 10mm 12mm 10mm 12mm; }
html { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic', 'Hiragino Sans', 'Yu Gothic', sans-serif; font-size: 11pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48em; padding: 1em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; border-bottom: 3px solid #000; }
h2 { font-size: 1.35em; margin: .7em 0 .25em; border-bottom: 1px solid #444; }
h3 { font-size: 1.15em; margin: .6em 0 .2em; }
h4 { font-size: 1.05em; margin: .6em 0 .2em; }
p { margin: .25em 0; }
ul { margin: .2em 0 .4em 1.2em; padding: 0; }
ul.checks { list-style: none; margin-left: 0; }
ul.checks ul { list-style: disc; margin-left: 2.2em; font-size: 10pt; line-height: 1.3; }
ul.sources { font-size: 9pt; line-height: 1.25; color: #222; }
ul.checks > li { margin: .25em 0; }
.box { display: inline-block; width: 1.1em; height: 1.1em; border: 2px solid #000; margin-right: .5em; vertical-align: -.2em; text-align: center; line-height: 1em; font-weight: bold; }
table.record { border-collapse: collapse; width: 100%; margin: .4em 0; break-inside: avoid; }
table.record { border: 2px solid #000; }
table.record th { text-align: left; font-weight: normal; white-space: nowrap; padding: .4em .4em; vertical-align: bottom; }
table.record td { border-bottom: 1px solid #000; padding: .4em .4em; height: 1.5em; min-width: 6em; }
@media print { body { max-width: none; padding: 0; } h2, h3, h4 { break-after: avoid; } li { break-inside: avoid; } }
";

fn render_html(lang: Lang, doc: &[Block]) -> String {
    let title = doc
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n",
        lang.tag(),
        html_escape(&title)
    );
    let sub_list = |sub: &[String]| -> String {
        if sub.is_empty() {
            return String::new();
        }
        format!(
            "<ul>{}</ul>",
            sub.iter()
                .map(|s| format!("<li>{}</li>", html_escape(s)))
                .collect::<String>()
        )
    };
    for b in doc {
        match b {
            Block::Title(t) => out.push_str(&format!("<h1>{}</h1>\n", html_escape(t))),
            Block::Heading(l, t) => out.push_str(&format!("<h{l}>{}</h{l}>\n", html_escape(t))),
            Block::Para(t) => out.push_str(&format!("<p>{}</p>\n", html_escape(t))),
            Block::List(items) | Block::Sources(items) => {
                out.push_str(if matches!(b, Block::Sources(_)) {
                    "<ul class=\"sources\">\n"
                } else {
                    "<ul>\n"
                });
                for (t, sub) in items {
                    out.push_str(&format!("<li>{}{}</li>\n", html_escape(t), sub_list(sub)));
                }
                out.push_str("</ul>\n");
            }
            Block::Record(fields) => {
                // The first field (what was presented) on its own row; the blank fields side
                // by side below it, each a line to write on.
                out.push_str("<table class=\"record\">\n");
                if let Some((label, value)) = fields.first() {
                    out.push_str(&format!(
                        "<tr><th>{}</th><td colspan=\"5\">{}</td></tr>\n",
                        html_escape(label),
                        html_escape(value)
                    ));
                }
                out.push_str("<tr>");
                for (label, value) in fields.iter().skip(1) {
                    out.push_str(&format!(
                        "<th>{}</th><td>{}</td>",
                        html_escape(label),
                        html_escape(value)
                    ));
                }
                out.push_str("</tr>\n</table>\n");
            }
            Block::Checks(items) => {
                out.push_str("<ul class=\"checks\">\n");
                for (done, t, sub) in items {
                    out.push_str(&format!(
                        "<li><span class=\"box\" role=\"img\" aria-label=\"{}\">{}</span>{}{}</li>\n",
                        if *done { msg::guide_box_presented(lang) } else { msg::guide_box_to_bring(lang) },
                        if *done { "✓" } else { "" },
                        html_escape(t),
                        sub_list(sub)
                    ));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn list_documents(ctx: &Ctx) -> Result<Exit, CliError> {
    let profiles: Vec<Profile> = ["takatsuki", "toyokawa"]
        .iter()
        .filter_map(|c| Profile::builtin(c))
        .collect();
    let cats = |id: &str| -> Vec<String> {
        profiles
            .iter()
            .filter_map(|p| p.category_of(id).map(|c| format!("{}:{}", p.id, c.id)))
            .collect()
    };
    if ctx.json {
        emit_json(&json!({
            "schema": "mynapin.documents.v1",
            "documents": DOCUMENTS.iter().enumerate().map(|(n, d)| json!({
                "number": n + 1,
                "id": d.id,
                "ja": doc_name(Lang::JA, d),
                "en": doc_name(Lang::EN, d),
                "categories": cats(d.id),
            })).collect::<Vec<_>>(),
        }));
    } else {
        // The number, the name and the id: `--have` takes any of them.
        for (n, d) in DOCUMENTS.iter().enumerate() {
            let c = cats(d.id);
            emit(&format!(
                "{:>2}  {:<40} {}{}",
                n + 1,
                d.id,
                doc_name(ctx.lang, d),
                if c.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", c.join(" "))
                }
            ));
        }
    }
    Ok(Exit::Success)
}
