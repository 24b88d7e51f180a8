//! `mynapin guide`: for a PIN that cannot simply be changed, which routes are open (home,
//! kiosk, counter), why not, the steps, and the city's checklist of documents.
//!
//! The command line's part: its arguments, the profile file, the card, JSON and
//! `--list-documents`. The guide itself (its document of blocks and the three renderings, the
//! same in every front end) is `mynapin_words::guide`.

use super::change::PinArg;
use super::error::{CliError, Exit};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json};
use super::text::sanitize;
use super::Ctx;
use mynapin_core::card::cert;
use mynapin_core::layout::PinId;
use mynapin_core::procedure::documents::DOCUMENTS;
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::procedure::guide::{CardType, Case, CertState, DocCheck, Situation};
use mynapin_core::procedure::national::Rule;
use mynapin_core::procedure::profile::{Applicant, Fee, Owner, Profile, Requirement, Source};
use mynapin_core::procedure::Route;
#[cfg(feature = "sim")]
use mynapin_sim::StateError;
use mynapin_words::guide::{
    alternatives, doc_name, pick, pick_text, render_html, render_markdown, render_text,
    resolve_have, rule_text, steps, summary, why_list, CardRead, Guide, Input, Medium, PinGuide,
};
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
    let cases: Vec<Case> = pins
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
            case
        })
        .collect();
    let guide = Guide::new(Input {
        lang,
        verbose,
        medium: if args.format == Format::Text {
            Medium::Terminal
        } else {
            Medium::Handout
        },
        profile: profile.as_ref(),
        applicant: args.applicant(),
        cases,
        have,
        visit: args.visit,
        card: CardRead {
            read: facts.is_some(),
            unreadable: unreadable.as_ref().map(|m| m.what.clone()),
            every_pin: named.is_none() && facts.is_none(),
        },
    });
    if ctx.json {
        let mut v = to_json(lang, verbose, profile.as_ref(), args, guide.pins());
        v["card"] = json!({
            "read": facts.is_some(),
            "error": unreadable.as_ref().map(|m| json!({"kind": m.kind, "what": m.what})),
            "every_pin": named.is_none() && facts.is_none(),
        });
        emit_json(&v);
    } else {
        let doc = guide.blocks();
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

fn list_documents(ctx: &Ctx) -> Result<Exit, CliError> {
    let profiles = Profile::builtins();
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
