//! `mynapin guide`: for a PIN that cannot simply be changed, which routes are open (home,
//! kiosk, counter), why not, the steps, and the city's checklist of documents.
//!
//! The guide is built once as a small document ([`Block`]s) from the procedure decision and
//! rendered as plain text, CommonMark or one self-contained HTML page: every format says the
//! same thing.

use super::change::PinArg;
use super::error::{CliError, Exit, Message};
use super::guide_text::{purpose_text, summary, why_text};
use super::lang::{Lang, Pair};
use super::output::{emit, emit_json};
use super::text::{pin_short, sanitize};
use super::Ctx;
use crate::card::{cert, PinState};
use crate::layout::PinId;
use crate::procedure::documents::DOCUMENTS;
use crate::procedure::guide::{
    check_documents, options, CardType, Case, CertState, DocCheck, HaveDoc, Purpose, RouteOption,
    Situation,
};
use crate::procedure::national::{Reference, Rule, KIOSK, KIOSK_CERTIFICATES};
use crate::procedure::profile::{
    Applicant, Citation, Fee, Names, Owner, Profile, Requirement, Source, Tri,
};
use crate::procedure::Route;
use crate::sim::StateError;
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
    /// profiles/takatsuki.toml.
    Takatsuki,
    /// profiles/toyokawa.toml.
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

fn pick(lang: Lang, n: &Names) -> &str {
    lang.t(&n.en, &n.ja)
}

fn tri(lang: Lang, t: Tri) -> &'static str {
    match t {
        Tri::Yes => lang.t("yes", "はい"),
        Tri::No => lang.t("no", "いいえ"),
        Tri::NotStated => lang.t("not stated", "記載なし"),
    }
}

fn route_name(lang: Lang, o: &RouteOption<'_>) -> String {
    match (o.route, lang.pair()) {
        (Route::Home, Pair::En) => "Change it yourself (at home, with a card reader)".into(),
        (Route::Home, Pair::Ja) => "自分で変更（自宅でカードリーダーを使用）".into(),
        (Route::Kiosk, Pair::En) => "Convenience-store kiosk (multi-copy machine)".into(),
        (Route::Kiosk, Pair::Ja) => "コンビニのキオスク端末（マルチコピー機）".into(),
        (Route::Counter, Pair::En) => {
            format!("City office counter ({})", purpose_text(lang, o.purpose))
        }
        (Route::Counter, Pair::Ja) => {
            format!("市区町村の窓口（{}）", purpose_text(lang, o.purpose))
        }
    }
}

fn steps(lang: Lang, case: &Case, o: &RouteOption<'_>, profile: Option<&Profile>) -> Vec<String> {
    let pin = case.pin;
    let mut s = Vec::new();
    match o.route {
        Route::Home => {
            s.push(match lang.pair() {
                Pair::En => format!("Run `mynapin change {}` with the card on the reader (current PIN, then the new one twice).", pin.id()),
                Pair::Ja => format!("カードをリーダーに置いて `mynapin change {}` を実行します（現在の暗証番号、新しい暗証番号を2回）。", pin.id()),
            });
            if pin == PinId::Juki {
                s.push(lang.t(
                    "mynapin changes both copies of this PIN on the card; the card command for it (CHANGE KEY) is known from a single public source. Mynaportal cannot change this PIN; the JPKI client software can.",
                    "mynapin はカード内の2か所の登録を両方変更します（このカードコマンドの公開情報は1件だけです）。マイナポータルではこの暗証番号は変更できません。JPKI利用者クライアントソフトでは変更できます。",
                ).into());
            }
            if let Some(p) = profile.filter(|p| !p.is_national()) {
                s.extend(
                    p.home_change
                        .iter()
                        .map(|t| lang.t(&t.en, &t.ja).to_string()),
                );
            }
        }
        Route::Kiosk => {
            let partner = crate::procedure::kiosk_partner(pin).unwrap_or(PinId::Auth);
            let k = &KIOSK;
            let stores = if pin == PinId::Sign {
                &k.sign_stores
            } else {
                &k.auth_stores
            };
            match lang.pair() {
                Pair::En => {
                    s.push(format!("Reserve in the smartphone app \"{}\" (it photographs the card face, reads the chip and checks your face).", k.app));
                    s.push(format!("Within {} hours, go to a convenience-store multi-copy machine ({}-{}, {}).", k.window_hours, k.opens, k.closes, k.fee.en));
                    s.push(format!(
                        "Enter your {} there, then set the new {}.",
                        pin_short(lang, partner),
                        pin_short(lang, pin)
                    ));
                    s.push(format!("Conditions: {}", KIOSK_CERTIFICATES.says.en));
                    s.push(format!(
                        "Stores that reset the {}: {}. {}",
                        pin_short(lang, pin),
                        stores.en,
                        k.check.en
                    ));
                }
                Pair::Ja => {
                    s.push(format!("スマートフォンアプリ「{}」で予約します（券面の撮影、ICチップの読み取り、顔照合）。", k.app));
                    s.push(format!(
                        "予約から{}時間以内に、コンビニのマルチコピー機へ行きます（{}〜{}、{}）。",
                        k.window_hours, k.opens, k.closes, k.fee.ja
                    ));
                    s.push(format!(
                        "{}を入力し、新しい{}を設定します。",
                        pin_short(lang, partner),
                        pin_short(lang, pin)
                    ));
                    s.push(format!("条件：{}", KIOSK_CERTIFICATES.says.ja));
                    s.push(format!(
                        "{}を再設定できる店舗：{}。{}",
                        pin_short(lang, pin),
                        stores.ja,
                        k.check.ja
                    ));
                }
            }
        }
        Route::Counter => {
            if let Some(rule) = o.rule.filter(|_| !o.checklist_is_national()) {
                if rule.advance_contact == Tri::Yes {
                    s.push(
                        lang.t(
                            "Contact the city before coming (required).",
                            "来庁前に市へ連絡してください（必須）。",
                        )
                        .into(),
                    );
                }
                if let Some(n) = &rule.note {
                    s.push(pick(lang, n).to_string());
                }
            }
            if let Some(n) = o.not_stated {
                s.push(pick(lang, n).to_string());
            }
            s.push(match o.purpose {
                Purpose::Change => lang.t("At the counter you enter the current PIN and set a new one.", "窓口で現在の暗証番号を入力し、新しい暗証番号を設定します。"),
                Purpose::Reset => lang.t("At the counter the PIN is reset and you set a new one.", "窓口で暗証番号を初期化し、新しい暗証番号を設定します。"),
                Purpose::RenewCertificates => lang.t("At the counter the certificates are issued anew (renewal) and their PINs are set again; a kiosk cannot do this.", "窓口で電子証明書を新しく発行（更新）し、暗証番号を設定し直します。キオスク端末ではできません。"),
                Purpose::IssueSignatureCertificate => lang.t("At the counter a new signature certificate is issued and you set its password (6-16 upper-case letters and digits).", "窓口で署名用電子証明書を新しく発行し、署名用パスワード（英大文字と数字の6〜16文字）を設定します。"),
                Purpose::SwitchToNormalCard => lang.t("At the counter the face-authentication card is switched back to a normal card and you set the PINs. Until then the card works as an identity document and a health insurance card (face check), but not for services that need a PIN.", "窓口で顔認証マイナンバーカードを通常のカードに切り替え、暗証番号を設定します。それまでは本人確認書類と健康保険証（顔認証）としては使えますが、暗証番号が必要なサービスは使えません。"),
            }.to_string());
        }
    }
    s
}

fn alternatives(lang: Lang, r: &Requirement) -> String {
    r.count
        .iter()
        .map(|alt| {
            alt.iter()
                .map(|c| format!("{}×{}", c.category, c.n))
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join(lang.t(" or ", " または "))
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

fn check_json(lang: Lang, c: &DocCheck<'_>) -> Value {
    json!({
        "satisfied": c.satisfied,
        "missing": c.missing.iter().map(|(r, counted)| json!({
            "id": r.id,
            "name": pick(lang, &r.name),
            "need": if r.count.is_empty() { Value::Null } else { Value::String(alternatives(lang, r)) },
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
            what: e.to_string(),
            todo: lang
                .t(
                    "Fix the profile; profiles/takatsuki.toml shows the schema.",
                    "プロファイルを修正してください。形式は profiles/takatsuki.toml を参照。",
                )
                .into(),
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

/// What the card says, when one is there.
struct CardFacts {
    states: Vec<(PinId, PinState)>,
    cert: CertState,
}

fn read_card(ctx: &Ctx) -> Result<CardFacts, CliError> {
    ctx.with_card(|card| {
        let pins = card.read_all()?;
        // The card layer decides the certificate's state; the procedure needs only whether
        // it expired.
        let cert = match card.auth_certificate_state(cert::Date::today()) {
            Ok(cert::CertificateState::Expired { .. }) => CertState::Expired,
            Ok(
                cert::CertificateState::Valid { .. } | cert::CertificateState::ExpiresSoon { .. },
            ) => CertState::Valid,
            _ => CertState::Unknown,
        };
        Ok(CardFacts {
            states: pins.iter().map(|p| (p.pin, p.state())).collect(),
            cert,
        })
    })
}

/// Whether `e` means "no card could be read" (the guide goes on without one) rather than a
/// mistake on the command line (which stops it).
fn card_unreadable(e: &CliError) -> bool {
    matches!(
        e,
        CliError::Card(_) | CliError::State(StateError::Busy { .. })
    )
}

pub fn run(ctx: &Ctx, args: &GuideArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    if args.list_documents {
        return list_documents(ctx);
    }
    let profile = load_profile(lang, args)?;
    let mut have = Vec::new();
    for h in &args.have {
        have.push(HaveDoc::parse(h).ok_or_else(|| {
            CliError::Usage {
                what: match lang.pair() {
                    Pair::En => format!("Unknown document {h:?}."),
                    Pair::Ja => format!("不明な書類 {h:?} です。"),
                },
                todo: lang
                    .t(
                        "See the ids with: mynapin guide --list-documents",
                        "書類の一覧：mynapin guide --list-documents",
                    )
                    .into(),
            }
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
        (None, Some(f)) => {
            let blocked: Vec<PinId> = f
                .states
                .iter()
                .filter(|(_, s)| *s == PinState::Blocked)
                .map(|(p, _)| *p)
                .collect();
            // An expired certificate needs the counter even when no PIN is blocked.
            if blocked.is_empty() && f.cert == CertState::Expired {
                vec![PinId::Auth, PinId::Sign]
                    .into_iter()
                    .filter(|p| {
                        f.states
                            .iter()
                            .any(|(x, s)| x == p && *s != PinState::Absent)
                    })
                    .collect()
            } else {
                blocked
            }
        }
        // No card read and no PIN named: every PIN's routes, for a PIN that is forgotten or
        // blocked (the routes are the same for both).
        (None, None) => PinId::ALL.to_vec(),
    };
    let state_of = |p: PinId| {
        facts
            .as_ref()
            .and_then(|f| f.states.iter().find(|(x, _)| *x == p).map(|(_, s)| *s))
    };
    let set_of = |s: PinState| -> BTreeSet<PinId> {
        facts
            .as_ref()
            .map(|f| {
                f.states
                    .iter()
                    .filter(|(_, st)| *st == s)
                    .map(|(p, _)| *p)
                    .collect()
            })
            .unwrap_or_default()
    };
    let baseline = Profile::national();
    let guides: Vec<PinGuide<'_>> = pins
        .iter()
        .map(|&pin| {
            let state = args
                .state()
                .unwrap_or(if state_of(pin) == Some(PinState::Blocked) {
                    Situation::Blocked
                } else {
                    Situation::Forgotten
                });
            let mut absent = set_of(PinState::Absent);
            if args.no_sign_cert {
                absent.insert(PinId::Sign);
            }
            let case = Case {
                pin,
                state,
                known: args.know.iter().map(|k| PinId::from(*k)).collect(),
                blocked: set_of(PinState::Blocked),
                absent,
                cert: args
                    .cert()
                    .or(facts.as_ref().map(|f| f.cert))
                    .unwrap_or(CertState::Unknown),
                applicant: args.applicant(),
                under_15: args.under_15,
                adult_ward: args.adult_ward,
                same_household: args.same_household,
                card: if args.face_auth {
                    CardType::FaceAuth
                } else {
                    CardType::Normal
                },
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
        let mut v = to_json(lang, profile.as_ref(), args, &guides);
        v["card"] = json!({
            "read": read.read,
            "error": read.error.map(|m| json!({"kind": m.kind, "what": m.what})),
            "every_pin": read.every_pin,
        });
        emit_json(&v);
    } else {
        let doc = build_doc(lang, profile.as_ref(), args, &guides, &read);
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
            "says": lang.t(r.says.en, r.says.ja),
            "sources": r.sources,
        }))
        .collect::<Vec<_>>())
}

fn to_json(
    lang: Lang,
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
                        Value::String(o.why.iter().map(|w| why_text(lang, *w)).collect::<Vec<_>>().join("; "))
                    },
                    "reasons": o.why,
                    "basis": basis_json(lang, &o.basis),
                    "steps": steps(lang, &g.case, o, profile),
                    "documents": Value::Null,
                    "visits": o.visits,
                });
                if o.route == Route::Counter {
                    if let (Some(p), Some(rule)) = (o.checklist, o.rule) {
                        v["documents"] = json!({
                            "from": if p.is_national() { "national" } else { "city" },
                            "rule": rule.requirements.iter().map(|r| pick(lang, &r.name)).collect::<Vec<_>>().join(lang.t("; ", "、")),
                            "source": cite_json(p, &rule.source),
                            "items": rule.requirements.iter().map(|r| requirement_json(lang, p, r, &g.case)).collect::<Vec<_>>(),
                        });
                    }
                    v["procedure"] = json!(if o.reset { "reset" } else { "change" });
                    v["purpose"] = json!(o.purpose);
                    if let Some(p) = profile {
                        v["city"] = city_json(lang, p);
                    }
                    if let Some(c) = &g.check {
                        v["documents_check"] = check_json(lang, c);
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
        "hours": p.hours.iter().map(|t| lang.t(&t.en, &t.ja)).collect::<Vec<_>>(),
        "holiday_openings": p.holiday_openings.iter().map(|t| lang.t(&t.en, &t.ja)).collect::<Vec<_>>(),
        "reservation": {
            "required": p.reservation.required, "gives_priority": p.reservation.gives_priority,
            "note": p.reservation.note.as_ref().map(|n| pick(lang, n)),
            "phones": p.reservation.phones.iter().map(|ph| json!({"name": pick(lang, &ph.name), "number": ph.number, "hours": pick(lang, &ph.hours)})).collect::<Vec<_>>(),
        },
        "fee": match &p.fee { Fee::Stated(t) => Value::String(lang.t(&t.en, &t.ja).to_string()), Fee::Word(_) => Value::Null },
        "notes": p.notes.iter().map(|t| lang.t(&t.en, &t.ja)).collect::<Vec<_>>(),
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
}

/// `text (more)` in English, `text（more）` in Japanese.
fn paren(lang: Lang, text: &str, more: &str) -> String {
    match lang.pair() {
        Pair::En => format!("{text} ({more})"),
        Pair::Ja => format!("{text}（{more}）"),
    }
}

fn citation_text(lang: Lang, c: &Citation) -> String {
    let mut parts = vec![format!("「{}」", c.title), c.issuer.clone()];
    if let Some(d) = &c.date {
        parts.push(format!("{}{d}", lang.t("updated ", "更新日 ")));
    }
    parts.push(match &c.address {
        Some(a) => a.clone(),
        None => lang.t("address not recorded", "アドレス未記録").to_string(),
    });
    parts.join(lang.t(", ", "、"))
}

fn reference_text(lang: Lang, r: &Reference) -> String {
    citation_text(
        lang,
        &Citation {
            title: r.title.into(),
            issuer: r.issuer.into(),
            date: r.date.map(Into::into),
            address: r.address.map(Into::into),
            heading: String::new(),
        },
    )
}

/// The rules behind `opts`, each with the numbers of its sources, then the numbered sources.
fn rules_and_sources(lang: Lang, opts: &[RouteOption<'_>]) -> Vec<(String, Vec<String>)> {
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
            format!(
                "{} ({}) {}",
                lang.t(r.says.en, r.says.ja),
                r.id,
                nums.join("")
            ),
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

fn build_doc(
    lang: Lang,
    profile: Option<&Profile>,
    args: &GuideArgs,
    guides: &[PinGuide<'_>],
    card: &CardRead<'_>,
) -> Vec<Block> {
    let mut out = Vec::new();
    out.push(Block::Title(match profile {
        Some(p) => format!(
            "{} — {}",
            lang.t(
                "My Number card PINs: what to do",
                "マイナンバーカードの暗証番号：手続きの案内"
            ),
            pick(lang, &p.name)
        ),
        None => lang
            .t(
                "My Number card PINs: what to do",
                "マイナンバーカードの暗証番号：手続きの案内",
            )
            .to_string(),
    }));
    let mut head = Vec::new();
    match profile {
        Some(p) => head.push(paren(
            lang,
            &format!("{}{}", lang.t("City: ", "市区町村："), pick(lang, &p.name)),
            &format!(
                "{}{}",
                lang.t("source: ", "出典："),
                citation_text(lang, &p.page_citation())
            ),
        )),
        None => head.push(lang.t(
            "City: none chosen. The counter checklist below is the national baseline (what counters generally ask for), not a city's rule; for a city's own rules use --city takatsuki|toyokawa or --profile FILE.",
            "市区町村：未指定。下の窓口の持ち物は全国共通の基準（窓口で一般に求められるもの）で、市区町村の決まりではありません。市区町村の決まりは --city takatsuki|toyokawa または --profile FILE で表示します。",
        ).to_string()),
    }
    head.push(format!(
        "{}{}",
        lang.t("Applicant: ", "申請者："),
        match (args.applicant(), lang.pair()) {
            (Applicant::Holder, Pair::En) => "the holder",
            (Applicant::Holder, Pair::Ja) => "本人",
            (Applicant::Legal, Pair::En) => "a legal representative",
            (Applicant::Legal, Pair::Ja) => "法定代理人",
            (Applicant::Agent, Pair::En) => "a voluntary agent",
            (Applicant::Agent, Pair::Ja) => "任意代理人",
        }
    ));
    if let Some(m) = card.error {
        head.push(format!(
            "{}{}",
            lang.t(
                "The card could not be read: ",
                "カードを読み取れませんでした："
            ),
            m.what
        ));
    }
    if card.every_pin {
        head.push(lang.t(
            "No PIN was named, so the routes for every PIN are shown, for a PIN that is forgotten or blocked. For your case: mynapin guide PIN --state forgotten|blocked|known",
            "暗証番号の種類が指定されていないため、忘れた・ロックされた場合の手続きをすべての暗証番号について示します。ご自身の場合：mynapin guide PIN --state forgotten|blocked|known",
        ).into());
    }
    if card.read {
        head.push(
            lang.t(
                "(PIN states and certificate expiry read from the card)",
                "（暗証番号の状態と証明書の有効期限はカードから読み取りました）",
            )
            .into(),
        );
    }
    out.extend(head.into_iter().map(Block::Para));
    if guides.is_empty() {
        out.push(Block::Para(lang.t("No PIN on this card is blocked. For a PIN you have forgotten: mynapin guide PIN --state forgotten", "このカードにロックされた暗証番号はありません。忘れた暗証番号については：mynapin guide PIN --state forgotten").into()));
        return out;
    }
    for g in guides {
        let state = match (g.case.state, lang.pair()) {
            (Situation::Blocked, Pair::En) => "BLOCKED",
            (Situation::Blocked, Pair::Ja) => "ロック中",
            (Situation::Forgotten, Pair::En) => "forgotten",
            (Situation::Forgotten, Pair::Ja) => "忘れた",
            (Situation::Known, Pair::En) => "known",
            (Situation::Known, Pair::Ja) => "分かっている",
        };
        out.push(Block::Heading(
            2,
            format!("{} — {state}", pin_short(lang, g.case.pin)),
        ));
        out.extend(
            summary(lang, &g.case, &g.options)
                .into_iter()
                .map(Block::Para),
        );
        for (i, o) in g.options.iter().enumerate() {
            let mark = if o.available {
                lang.t("available", "利用可")
            } else {
                lang.t("not available", "利用不可")
            };
            out.push(Block::Heading(
                3,
                format!("{}. [{mark}] {}", i + 1, route_name(lang, o)),
            ));
            if !o.available {
                out.push(Block::List(
                    o.why
                        .iter()
                        .map(|w| (why_text(lang, *w), Vec::new()))
                        .collect(),
                ));
                continue;
            }
            let mut items: Vec<(String, Vec<String>)> = Vec::new();
            if let Some(v) = o.visits.filter(|v| *v > 0) {
                items.push((
                    format!("{}{v}", lang.t("Visits: ", "来庁回数：")),
                    Vec::new(),
                ));
            }
            for s in steps(lang, &g.case, o, profile) {
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
                        .map(|t| (lang.t(&t.en, &t.ja).to_string(), Vec::new()))
                        .collect();
                    if !notes.is_empty() {
                        out.push(Block::Heading(4, lang.t("Notes", "注意").into()));
                        out.push(Block::List(notes));
                    }
                }
            }
        }
        // Each decision names its rule and where the rule is stated.
        out.push(Block::Heading(
            4,
            lang.t("Why: the rules and their sources", "根拠：ルールと出典")
                .into(),
        ));
        out.push(Block::Sources(rules_and_sources(lang, &g.options)));
    }
    out
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
                " [{}{}]",
                lang.t("agents: ", "代理人："),
                tri(lang, of.accepts_agents)
            )
        };
        let note = of
            .note
            .as_ref()
            .map(|n| format!(" — {}", pick(lang, n)))
            .unwrap_or_default();
        items.push((
            format!(
                "{}{}{agents}{note}",
                lang.t("Office: ", "窓口："),
                pick(lang, &of.name)
            ),
            Vec::new(),
        ));
    }
    for t in &p.hours {
        items.push((
            format!(
                "{}{}",
                lang.t("Hours: ", "受付時間："),
                lang.t(&t.en, &t.ja)
            ),
            Vec::new(),
        ));
    }
    for t in &p.holiday_openings {
        items.push((
            format!(
                "{}{}",
                lang.t("Holidays: ", "休日開庁："),
                lang.t(&t.en, &t.ja)
            ),
            Vec::new(),
        ));
    }
    if let Some(n) = &p.reservation.note {
        items.push((
            format!("{}{}", lang.t("Reservation: ", "予約："), pick(lang, n)),
            Vec::new(),
        ));
    }
    for ph in &p.reservation.phones {
        items.push((
            paren(
                lang,
                &format!(
                    "{}{} {}",
                    lang.t("Phone: ", "電話："),
                    pick(lang, &ph.name),
                    ph.number
                ),
                pick(lang, &ph.hours),
            ),
            Vec::new(),
        ));
    }
    items.push((
        format!(
            "{}{}",
            lang.t("Fee: ", "手数料："),
            match &p.fee {
                Fee::Stated(t)
                    if o.not_stated.is_none()
                        && matches!(o.purpose, Purpose::Change | Purpose::Reset) =>
                    lang.t(&t.en, &t.ja).to_string(),
                _ => lang
                    .t(
                        "not stated for this procedure",
                        "この手続きについては記載なし"
                    )
                    .into(),
            }
        ),
        Vec::new(),
    ));
}

fn checklist(lang: Lang, g: &PinGuide<'_>, o: &RouteOption<'_>, out: &mut Vec<Block>) {
    let (Some(p), Some(rule)) = (o.checklist, o.rule) else {
        out.push(Block::Para(match o.not_stated {
            Some(_) => lang
                .t(
                    "Documents: not stated in this profile — ask the city.",
                    "必要書類：このプロファイルには記載なし。市に確認してください。",
                )
                .into(),
            None => lang
                .t(
                    "This page states no rule for this applicant: ask the city.",
                    "このページにはこの申請者の決まりが記載されていません。市に確認してください。",
                )
                .into(),
        }));
        return;
    };
    out.push(Block::Heading(4, if p.is_national() {
        lang.t("Bring (national baseline — not the city's own rule; ask the city)", "持ち物（全国共通の基準。市区町村の決まりではありません。市区町村に確認してください）").to_string()
    } else {
        match lang.pair() {
            Pair::En => format!("Bring ({})", pick(lang, &p.name)),
            Pair::Ja => format!("持ち物（{}）", pick(lang, &p.name)),
        }
    }));
    if p.is_national() && o.not_stated.is_some() {
        out.push(Block::Para(lang.t("Documents: not stated by the city's page — ask the city. What counters generally ask for:", "必要書類：市のページには記載がありません。市に確認してください。窓口で一般に求められるもの：").into()));
    }
    if let Some(n) = rule.note.as_ref().filter(|_| p.is_national()) {
        out.push(Block::Para(pick(lang, n).to_string()));
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
        let mut text = pick(lang, &r.name).to_string();
        if omitted {
            text.push_str(lang.t(
                " — not needed (same household confirmed)",
                " — 不要（同一世帯を確認済み）",
            ));
        }
        let mut sub = Vec::new();
        // The categories in the order the rule names them.
        let mut cats: Vec<String> = Vec::new();
        for c in r.count.iter().flatten() {
            if !cats.contains(&c.category) {
                cats.push(c.category.clone());
            }
        }
        for c in cats {
            if let Some(cat) = p.id_categories.iter().find(|x| x.id == c) {
                let names: Vec<&str> = cat
                    .documents
                    .iter()
                    .filter_map(|d| crate::procedure::documents::find(d))
                    .map(|d| lang.t(d.en, d.ja))
                    .collect();
                sub.push(format!(
                    "{}{}",
                    paren(lang, pick(lang, &cat.name), &c),
                    format_args!("{}{}", lang.t(": ", "："), names.join(lang.t(", ", "、")))
                ));
            }
        }
        if let (Some(n), false) = (&r.omissible_note, omitted) {
            sub.push(pick(lang, n).to_string());
        }
        checks.push((ticked, text, sub));
    }
    out.push(Block::Checks(checks));
    if let Some(c) = &g.check {
        if c.satisfied {
            out.push(Block::Para(
                lang.t(
                    "Documents presented: all there (SATISFIED).",
                    "提示書類：そろっています。",
                )
                .into(),
            ));
        } else {
            out.push(Block::Para(
                lang.t(
                    "Documents presented: NOT satisfied. Missing:",
                    "提示書類：不足があります。不足しているもの：",
                )
                .into(),
            ));
            out.push(Block::List(
                c.missing
                    .iter()
                    .map(|(r, counted)| {
                        let mut sub = Vec::new();
                        if !r.count.is_empty() {
                            let have: Vec<String> =
                                counted.iter().map(|(k, n)| format!("{k}×{n}")).collect();
                            sub.push(format!(
                                "{} {}; {} {}",
                                lang.t("need", "必要："),
                                alternatives(lang, r),
                                lang.t("have", "提示："),
                                have.join(" ")
                            ));
                        }
                        (pick(lang, &r.name).to_string(), sub)
                    })
                    .collect(),
            ));
        }
    }
    out.push(Block::Para(format!(
        "{}{}",
        lang.t("Checklist source: ", "持ち物の出典："),
        p.cite(&rule.source)
            .map(|c| paren(lang, &citation_text(lang, &c), &c.heading))
            .unwrap_or_default()
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
@page { size: A4; margin: 12mm 13mm 12mm 13mm; }
html { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic', 'Hiragino Sans', 'Yu Gothic', sans-serif; font-size: 12pt; line-height: 1.4; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 48em; padding: 1em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; border-bottom: 3px solid #000; }
h2 { font-size: 1.35em; margin: 1em 0 .3em; border-bottom: 1px solid #444; }
h3 { font-size: 1.15em; margin: .8em 0 .2em; }
h4 { font-size: 1.05em; margin: .6em 0 .2em; }
p { margin: .25em 0; }
ul { margin: .2em 0 .4em 1.2em; padding: 0; }
ul.checks { list-style: none; margin-left: 0; }
ul.checks ul { list-style: disc; margin-left: 2.2em; font-size: 10pt; line-height: 1.3; }
ul.sources { font-size: 9pt; line-height: 1.25; color: #222; }
ul.checks > li { margin: .25em 0; }
.box { display: inline-block; width: 1.1em; height: 1.1em; border: 2px solid #000; margin-right: .5em; vertical-align: -.2em; text-align: center; line-height: 1em; font-weight: bold; }
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
        lang.t("en", "ja"),
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
            Block::Checks(items) => {
                out.push_str("<ul class=\"checks\">\n");
                for (done, t, sub) in items {
                    out.push_str(&format!(
                        "<li><span class=\"box\" role=\"img\" aria-label=\"{}\">{}</span>{}{}</li>\n",
                        if *done { lang.t("presented", "提示済み") } else { lang.t("to bring", "未確認") },
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
            "documents": DOCUMENTS.iter().map(|d| json!({"id": d.id, "ja": d.ja, "en": d.en, "categories": cats(d.id)})).collect::<Vec<_>>(),
        }));
    } else {
        for d in DOCUMENTS {
            let c = cats(d.id);
            emit(&format!(
                "{:<40} {}{}",
                d.id,
                ctx.lang.t(d.en, d.ja),
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
