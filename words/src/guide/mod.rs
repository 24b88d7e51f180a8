//! The reset guide: for a PIN that cannot simply be changed, which routes are open (home,
//! kiosk, city-office counter), why the others are not, the steps, and the city's checklist of
//! documents — the same words in every front end (`mynapin guide`, the app's guide screen and
//! its printed handout).
//!
//! A front end describes what the guide is for in an [`Input`] (the language, one procedure
//! [`Case`] per PIN, the chosen city [`Profile`] or none, the documents the holder has, the
//! visit, what the card said), makes a [`Guide`] of it (the procedure layer's decision for each
//! PIN, [`PinGuide`]), and takes its [`Guide::blocks`]: a small document of [`Block`]s that an
//! app draws as widgets, or that [`render_text`], [`render_markdown`] and [`render_html`] print.
//! Every rendering says the same thing. The decisions are the core's
//! ([`mynapin_core::procedure::guide::options`], [`check_documents`]); this module words them.

mod render;
mod text;

pub use render::{render_html, render_markdown, render_text};
pub use text::{blocked_summary, rule_text, summary, summary_for, why_list, why_text};

use crate::date::date_text;
use crate::outcome::pin_short;
use crate::sanitize::sanitize;
use crate::{msg, Lang};
use mynapin_core::layout::PinId;
use mynapin_core::procedure::documents::{Document, DOCUMENTS};
use mynapin_core::procedure::guide::{
    check_documents, options, Case, DocCheck, HaveDoc, Purpose, RouteOption, Situation,
};
use mynapin_core::procedure::national::{Reference, Rule, KIOSK, KIOSK_CERTIFICATES};
use mynapin_core::procedure::profile::{
    Applicant, Citation, Fee, Names, Owner, Profile, Requirement, Text, Tri, BUILTIN,
};
use mynapin_core::procedure::Route;
use std::sync::OnceLock;
use text::{kiosk_fee, purpose_text};

/// What the card said, for the head of the guide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardRead {
    /// The counters (and the certificate's expiry) were read from a card.
    pub read: bool,
    /// No card could be read: what happened, worded (the guide goes on without a card).
    pub unreadable: Option<String>,
    /// No PIN was named and no card read: the guide covers every PIN (at a terminal, briefly).
    pub every_pin: bool,
}

/// What a guide is for: everything the builder needs, and nothing of a front end's own.
#[derive(Debug, Clone)]
pub struct Input<'p> {
    /// The guide's language.
    pub lang: Lang,
    /// Adds the rules' ids and technical details (the command line's `-v`).
    pub verbose: bool,
    /// A terminal or a handout.
    pub medium: Medium,
    /// The city whose rules apply, or none (the national baseline's checklist).
    pub profile: Option<&'p Profile>,
    /// Who applies, for the head of the page and the offices' notes about agents (each case
    /// carries it too, for the decision).
    pub applicant: Applicant,
    /// One case per PIN to guide, in the order they are shown (none: "no PIN is blocked").
    pub cases: Vec<Case>,
    /// The documents the resident has (empty: nothing is checked, nothing ticked).
    pub have: Vec<HaveDoc>,
    /// Which visit of a two-visit procedure the documents are for (none: every visit).
    pub visit: Option<u8>,
    /// What the card said.
    pub card: CardRead,
}

/// One PIN's guide: its case and the procedure layer's decision for it.
#[derive(Debug, Clone)]
pub struct PinGuide<'p> {
    /// The PIN and its situation.
    pub case: Case,
    /// Every route, open or closed, with its reasons, rule and checklist.
    pub options: Vec<RouteOption<'p>>,
    /// The documents the resident has, checked against the counter's rule (only when some
    /// were named).
    pub check: Option<DocCheck<'p>>,
}

/// A guide: its input and each PIN's decision. [`Guide::blocks`] words it.
#[derive(Debug, Clone)]
pub struct Guide<'p> {
    lang: Lang,
    verbose: bool,
    medium: Medium,
    profile: Option<&'p Profile>,
    applicant: Applicant,
    have: Vec<HaveDoc>,
    card: CardRead,
    pins: Vec<PinGuide<'p>>,
}

/// The national baseline, parsed once: a counter's checklist when no city is chosen or the
/// city states none.
fn national() -> &'static Profile {
    static NATIONAL: OnceLock<Profile> = OnceLock::new();
    NATIONAL.get_or_init(Profile::national)
}

impl<'p> Guide<'p> {
    /// Decides every PIN of `input` (the routes with `input.profile` and the national
    /// baseline; the documents against the counter's rule when `input.have` names some).
    pub fn new(input: Input<'p>) -> Guide<'p> {
        let pins = input
            .cases
            .into_iter()
            .map(|case| {
                let options = options(&case, input.profile, Some(national()));
                let check = options
                    .iter()
                    .find(|o| o.route == Route::Counter)
                    .and_then(|o| o.checklist.zip(o.rule))
                    .filter(|_| !input.have.is_empty())
                    .map(|(p, rule)| check_documents(p, rule, &case, &input.have, input.visit));
                PinGuide {
                    case,
                    options,
                    check,
                }
            })
            .collect();
        Guide {
            lang: input.lang,
            verbose: input.verbose,
            medium: input.medium,
            profile: input.profile,
            applicant: input.applicant,
            have: input.have,
            card: input.card,
            pins,
        }
    }

    /// Each PIN's decision, in the order of the input's cases.
    pub fn pins(&self) -> &[PinGuide<'p>] {
        &self.pins
    }
}

/// The built-in city profiles as a front end offers them: each one's id (for
/// [`Profile::builtin`]) and its name in `lang`.
pub fn builtin_profiles(lang: Lang) -> Vec<(&'static str, String)> {
    BUILTIN
        .iter()
        .filter_map(|(id, _)| Profile::builtin(id).map(|p| (*id, pick(lang, &p.name))))
        .collect()
}

/// What a profile says of a fact it does not state ("not stated"), as the guide words it.
pub fn not_stated(lang: Lang) -> String {
    msg::guide_not_stated(lang)
}

/// What a citation says in place of its page's address when the profile recorded none.
pub fn address_not_recorded(lang: Lang) -> String {
    msg::guide_address_not_recorded(lang)
}

/// Every text of `doc` made safe to show ([`sanitize`]): a profile from a file may hold
/// control characters. The command line sanitizes each rendered line instead.
pub fn sanitize_blocks(doc: &mut [Block]) {
    let each = |items: &mut Vec<(String, Vec<String>)>| {
        for (t, sub) in items {
            *t = sanitize(t);
            for s in sub {
                *s = sanitize(s);
            }
        }
    };
    for b in doc {
        match b {
            Block::Title(t) | Block::Heading(_, t) | Block::Para(t) => *t = sanitize(t),
            Block::List(items) | Block::Sources(items) => each(items),
            Block::Checks(items) => {
                for (_, t, sub) in items {
                    *t = sanitize(t);
                    for s in sub {
                        *s = sanitize(s);
                    }
                }
            }
            Block::Record(fields) => {
                for (l, v) in fields {
                    *l = sanitize(l);
                    *v = sanitize(v);
                }
            }
        }
    }
}

/// A profile's text in `lang`, else its fallbacks (English, then Japanese).
pub fn pick(lang: Lang, n: &Names) -> String {
    n.pick(&lang.fallbacks()).to_string()
}

/// A sourced profile text in `lang`, else its fallbacks.
pub fn pick_text(lang: Lang, t: &Text) -> String {
    t.pick(&lang.fallbacks()).to_string()
}

/// A document's name (message `doc-…`), as the checklist and the record name it.
pub fn doc_name(lang: Lang, d: &Document) -> String {
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

/// The steps of route `o` for `case`, one line each: a city's own steps from `profile` when
/// it has them. With `commands`, a step may name a command of the command line (for a
/// terminal); without, it is said in words only (a handout, an app). `verbose` adds the
/// details a technical reader wants.
pub fn steps(
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

/// What requirement `r` of `profile` counts, in words: each alternative's categories with
/// their numbers ("Identity document, list A ×2 or … ×1").
pub fn alternatives(lang: Lang, profile: &Profile, r: &Requirement) -> String {
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

/// One piece of the printable guide.
///
/// Every text is final: worded in the guide's language, with nothing left to format. Texts
/// from a profile file (`--profile`, an app's "open profile") are as the file has them: run
/// [`sanitize_blocks`] before drawing the blocks, or sanitize each rendered line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
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
pub enum Medium {
    /// A terminal: the command line's commands may be named; no record fields.
    Terminal,
    /// A handout or a screen that is not a terminal: words only, and the office's record
    /// fields at the top.
    Handout,
}

impl Guide<'_> {
    /// The guide as a document, in the order it is read.
    pub fn blocks(&self) -> Vec<Block> {
        build_doc(self)
    }
}

fn build_doc(guide: &Guide<'_>) -> Vec<Block> {
    let (lang, verbose, profile, card, medium) = (
        guide.lang,
        guide.verbose,
        guide.profile,
        &guide.card,
        guide.medium,
    );
    let guides = &guide.pins;
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
        match guide.applicant {
            Applicant::Holder => msg::guide_applicant_self(lang),
            Applicant::Legal => msg::guide_applicant_legal(lang),
            Applicant::Agent => msg::guide_applicant_agent(lang),
        },
    ));
    if let Some(what) = &card.unreadable {
        head.push(msg::guide_card_unreadable(lang, what));
    }
    if card.every_pin {
        head.push(msg::guide_every_pin(lang));
    }
    if card.read {
        head.push(msg::guide_read_from_card(lang));
    }
    out.extend(head.into_iter().map(Block::Para));
    // A handout carries the office's record at the top: what was presented (the documents
    // the resident has) and blank fields for the date, the applicant and the clerk.
    if medium == Medium::Handout {
        out.push(Block::Heading(4, msg::guide_record_heading(lang)));
        let presented = presented_names(lang, &guide.have);
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
                    counter_items(lang, guide.applicant, p, o, &mut items);
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

/// The documents presented, by name (the holder's marked), for the record.
fn presented_names(lang: Lang, have: &[HaveDoc]) -> Vec<String> {
    have.iter()
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

/// A document the resident has, as typed (the command line's `--have`): its id (`passport`,
/// `holder:passport`), its number in [`DOCUMENTS`] counted from 1 (`3`, `holder:3`, as
/// `mynapin guide --list-documents` shows it), or its name in any language of the catalogue
/// (「パスポート（旅券）」, `本人:運転免許証`). None when it names no document.
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
    applicant: Applicant,
    p: &Profile,
    o: &RouteOption<'_>,
    items: &mut Vec<(String, Vec<String>)>,
) {
    for of in &p.offices {
        let agents = if applicant == Applicant::Holder {
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
