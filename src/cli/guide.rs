//! `mynapin guide`: for a PIN that cannot simply be changed, which routes are open (home,
//! kiosk, counter), why not, the steps, and the city's checklist of documents.

use super::change::PinArg;
use super::error::{CliError, Exit, Message};
use super::lang::Lang;
use super::output::{emit, emit_json};
use super::text::pin_short;
use super::Ctx;
use crate::card::{cert, PinState};
use crate::layout::{jpki_ef, PinId};
use crate::procedure::documents::DOCUMENTS;
use crate::procedure::guide::{
    check_documents, options, Case, CertState, DocCheck, HaveDoc, RouteOption, Situation, Why,
};
use crate::procedure::profile::{Applicant, Fee, Names, Owner, Profile, Requirement, Tri};
use crate::procedure::Route;
use crate::sim::StateError;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown with tick boxes, for printing.
    Markdown,
}

/// City.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum City {
    /// 高槻市.
    Takatsuki,
    /// 豊川市.
    Toyokawa,
}

/// Arguments of `mynapin guide`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  mynapin --sim=sign-blocked guide                         # reads the card, covers every blocked PIN
  mynapin guide sign --state blocked --know auth --city takatsuki
  mynapin guide juki --state forgotten --applicant agent --city toyokawa --format markdown
  mynapin guide auth --city takatsuki --applicant legal --under-15 --have mynumber_card,holder:medical_certificate,rep:drivers_license,rep:pension_book
  mynapin guide --list-documents")]
pub struct GuideArgs {
    /// The PIN (default: every blocked PIN on the card); it names the PIN, it is never the
    /// PIN's value. / 対象の暗証番号（種類。暗証番号そのものではありません）
    #[arg(value_enum, value_name = "PIN")]
    pub which: Option<PinArg>,
    /// The same as the positional PIN. / 位置引数 PIN と同じ
    #[arg(long, value_enum, conflicts_with = "which")]
    pub pin: Option<PinArg>,
    /// Its situation (default: from the card's counters; else forgotten). / 状態
    #[arg(long, value_enum)]
    pub state: Option<Situation>,
    /// Other PINs the resident knows (comma-separated). / 覚えている他の暗証番号
    #[arg(long, value_enum, value_delimiter = ',')]
    pub know: Vec<PinArg>,
    /// Who comes to the counter. / 申請する人
    #[arg(long, value_enum, default_value = "self")]
    pub applicant: Applicant,
    /// The holder is under 15. / 15歳未満
    #[arg(long)]
    pub under_15: bool,
    /// The holder is an adult ward (成年被後見人 etc.). / 成年被後見人等
    #[arg(long)]
    pub adult_ward: bool,
    /// The parent-child relation is confirmed in the same household (resident register).
    /// / 同一世帯で親子関係を確認できる
    #[arg(long)]
    pub same_household: bool,
    /// The JPKI certificates (default: the card's user-authentication certificate expiry if a
    /// card is read; else unknown). / 電子証明書の状態
    #[arg(long, value_enum)]
    pub cert: Option<CertState>,
    /// The city whose counter rules to use. / 市区町村
    #[arg(long, value_enum, conflicts_with = "profile")]
    pub city: Option<City>,
    /// Another city's profile (same TOML schema as profiles/*.toml). / 市区町村のプロファイル
    #[arg(long, value_name = "FILE")]
    pub profile: Option<String>,
    /// Documents presented (ids from --list-documents; `holder:ID` for the holder's own when
    /// someone else applies). / 持参した書類
    #[arg(long, value_delimiter = ',', value_name = "DOC,…")]
    pub have: Vec<String>,
    /// Check only the documents of this visit (procedures with two visits). / 何回目の来庁か
    #[arg(long, value_name = "N")]
    pub visit: Option<u8>,
    /// Output format. / 出力形式
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// List the document ids for --have. / 書類の一覧
    #[arg(long)]
    pub list_documents: bool,
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

fn why_text(lang: Lang, w: Why) -> String {
    let p = |x: PinId| pin_short(lang, x);
    match (w, lang) {
        (Why::NeedsCurrentPin, Lang::En) => "changing needs the current PIN".into(),
        (Why::NeedsCurrentPin, Lang::Ja) => "変更には現在の暗証番号が必要です".into(),
        (Why::Blocked, Lang::En) => "a blocked PIN cannot be changed, only reset".into(),
        (Why::Blocked, Lang::Ja) => "ロックされた暗証番号は変更できず、再設定が必要です".into(),
        (Why::CertificateExpired, Lang::En) => "the certificate has expired: a new one is issued at the counter, and its PIN is set there".into(),
        (Why::CertificateExpired, Lang::Ja) => "電子証明書の有効期限が切れています。窓口で新しい証明書を発行し、その際に暗証番号を設定します".into(),
        (Why::CertificateRevoked, Lang::En) => "the signature certificate is revoked (e.g. after a move or a change of name): a new one is issued at the counter".into(),
        (Why::CertificateRevoked, Lang::Ja) => "署名用電子証明書が失効しています（転居・氏名変更など）。窓口で新しい証明書の発行が必要です".into(),
        (Why::KioskNotForThisPin, Lang::En) => "kiosks reset only the two certificate PINs (user authentication, signature)".into(),
        (Why::KioskNotForThisPin, Lang::Ja) => "キオスク端末で再設定できるのは電子証明書の2つの暗証番号だけです".into(),
        (Why::NotNeeded, Lang::En) => "not needed: you know the PIN".into(),
        (Why::NotNeeded, Lang::Ja) => "暗証番号が分かっているため不要です".into(),
        (Why::PartnerUnknown(x), Lang::En) => format!("the kiosk needs your {} (if you know it, add --know {})", p(x), x.id()),
        (Why::PartnerUnknown(x), Lang::Ja) => format!("キオスク端末では{}の入力が必要です（分かる場合は --know {} を付けてください）", p(x), x.id()),
        (Why::PartnerBlocked(x), Lang::En) => format!("the kiosk needs your {}, which is blocked too", p(x)),
        (Why::PartnerBlocked(x), Lang::Ja) => format!("キオスク端末で必要な{}もロックされています", p(x)),
        (Why::PartnerAbsent(_), Lang::En) => "the card has no signature certificate (usual for children under 15), so the kiosk cannot be used".into(),
        (Why::PartnerAbsent(_), Lang::Ja) => "カードに署名用電子証明書がない（15歳未満では通常）ため、キオスク端末は使えません".into(),
        (Why::HolderOnly, Lang::En) => "the kiosk reset is done by the holder, with the holder's smartphone and face check".into(),
        (Why::HolderOnly, Lang::Ja) => "キオスク端末での再設定は、本人がスマートフォンと顔照合で行うものです".into(),
        (Why::NeedsLegalRepresentative, Lang::En) => "for a holder under 15 or an adult ward, a legal representative must apply (use --applicant legal)".into(),
        (Why::NeedsLegalRepresentative, Lang::Ja) => "15歳未満または成年被後見人等の場合は法定代理人の来庁が必要です（--applicant legal）".into(),
        (Why::ApplicantNotAllowed, Lang::En) => "this city does not accept this applicant".into(),
        (Why::ApplicantNotAllowed, Lang::Ja) => "この市ではこの申請者は受け付けられません".into(),
    }
}

fn route_name(lang: Lang, o: &RouteOption<'_>) -> String {
    match (o.route, lang) {
        (Route::Home, Lang::En) => "Change it yourself (at home, with a card reader)".into(),
        (Route::Home, Lang::Ja) => "自分で変更（自宅でカードリーダーを使用）".into(),
        (Route::Kiosk, Lang::En) => "Convenience-store kiosk (multi-copy machine)".into(),
        (Route::Kiosk, Lang::Ja) => "コンビニのキオスク端末（マルチコピー機）".into(),
        (Route::Counter, Lang::En) => format!(
            "City office counter ({})",
            if o.reset { "reset" } else { "change" }
        ),
        (Route::Counter, Lang::Ja) => format!(
            "市区町村の窓口（{}）",
            if o.reset { "再設定" } else { "変更" }
        ),
    }
}

fn steps(lang: Lang, case: &Case, o: &RouteOption<'_>, profile: Option<&Profile>) -> Vec<String> {
    let pin = case.pin;
    let mut s = Vec::new();
    match o.route {
        Route::Home => {
            s.push(match lang {
                Lang::En => format!("Run `mynapin change {}` with the card on the reader (current PIN, then the new one twice).", pin.id()),
                Lang::Ja => format!("カードをリーダーに置いて `mynapin change {}` を実行します（現在の暗証番号、新しい暗証番号を2回）。", pin.id()),
            });
            if pin == PinId::Juki {
                s.push(lang.t(
                    "mynapin changes both copies of this PIN on the card; the card command for it (CHANGE KEY) is known from a single public source. Mynaportal cannot change this PIN; the JPKI client software can.",
                    "mynapin はカード内の2か所の登録を両方変更します（このカードコマンドの公開情報は1件だけです）。マイナポータルではこの暗証番号は変更できません。JPKI利用者クライアントソフトでは変更できます。",
                ).into());
            }
            if let Some(p) = profile {
                s.extend(
                    p.home_change
                        .iter()
                        .map(|t| lang.t(&t.en, &t.ja).to_string()),
                );
            }
        }
        Route::Kiosk => {
            let partner = crate::procedure::kiosk_partner(pin).unwrap_or(PinId::Auth);
            match lang {
                Lang::En => {
                    s.push("Reserve in the smartphone app \"JPKI暗証番号リセット\" (it photographs the card face, reads the chip and checks your face).".into());
                    s.push("Within 24 hours, go to a convenience-store multi-copy machine (06:30-23:00, free).".into());
                    s.push(format!(
                        "Enter your {} there, then set the new {}.",
                        pin_short(lang, partner),
                        pin_short(lang, pin)
                    ));
                    s.push("Conditions: both certificates valid, the signature certificate not revoked, name/address/birth date/sex unchanged since issuance.".into());
                    s.push(format!("Stores: {} Check the JPKI portal for the current list.", if pin == PinId::Sign { "signature-PIN reset at Seven-Eleven, Lawson, FamilyMart, Ministop, AEON and others." } else { "user-authentication-PIN reset at fewer chains (Seven-Eleven, AEON Retail and a few others)." }));
                }
                Lang::Ja => {
                    s.push("スマートフォンアプリ「JPKI暗証番号リセット」で予約します（券面の撮影、ICチップの読み取り、顔照合）。".into());
                    s.push(
                        "予約から24時間以内に、コンビニのマルチコピー機へ（6:30〜23:00、無料）。"
                            .into(),
                    );
                    s.push(format!(
                        "{}を入力し、新しい{}を設定します。",
                        pin_short(lang, partner),
                        pin_short(lang, pin)
                    ));
                    s.push("条件：両方の電子証明書が有効、署名用電子証明書が失効していない、基本4情報（氏名・住所・生年月日・性別）が発行時から変わっていない。".into());
                    s.push(format!("店舗：{}最新の一覧は公的個人認証サービスポータルサイトで確認してください。", if pin == PinId::Sign { "署名用はセブン-イレブン、ローソン、ファミリーマート、ミニストップ、イオンなど。" } else { "利用者証明用はセブン-イレブン、イオンリテールなど一部のみ。" }));
                }
            }
        }
        Route::Counter => {
            if profile.is_none() {
                s.push(lang.t(
                    "Visit your city office. For the exact documents, choose a city profile: --city takatsuki|toyokawa, or --profile FILE.",
                    "お住まいの市区町村の窓口へ。必要書類は市区町村ごとに異なります：--city takatsuki|toyokawa または --profile FILE を指定してください。",
                ).into());
            }
            if let Some(rule) = o.rule {
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
            if o.why.contains(&Why::CertificateExpired) {
                s.push(why_text(lang, Why::CertificateExpired));
            }
            s.push(if o.reset {
                lang.t(
                    "At the counter the PIN is reset and you set a new one.",
                    "窓口で暗証番号を初期化し、新しい暗証番号を設定します。",
                )
                .to_string()
            } else {
                lang.t(
                    "At the counter you enter the current PIN and set a new one.",
                    "窓口で現在の暗証番号を入力し、新しい暗証番号を設定します。",
                )
                .to_string()
            });
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
        let cert = match card.read_der_file(jpki_ef::AUTH_CERT) {
            Ok(Some(der)) => match cert::not_after(&der) {
                Some(d) if d < cert::Date::today() => CertState::Expired,
                Some(_) => CertState::Valid,
                None => CertState::Unknown,
            },
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
                what: match lang {
                    Lang::En => format!("Unknown document {h:?}."),
                    Lang::Ja => format!("不明な書類 {h:?} です。"),
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
    let (facts, unreadable) = if named.is_some() && args.state.is_some() {
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
        (None, Some(f)) => f
            .states
            .iter()
            .filter(|(_, s)| *s == PinState::Blocked)
            .map(|(p, _)| *p)
            .collect(),
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
    let guides: Vec<PinGuide<'_>> = pins
        .iter()
        .map(|&pin| {
            let state = args
                .state
                .unwrap_or(if state_of(pin) == Some(PinState::Blocked) {
                    Situation::Blocked
                } else {
                    Situation::Forgotten
                });
            let case = Case {
                pin,
                state,
                known: args.know.iter().map(|k| PinId::from(*k)).collect(),
                blocked: set_of(PinState::Blocked),
                absent: set_of(PinState::Absent),
                cert: args
                    .cert
                    .or(facts.as_ref().map(|f| f.cert))
                    .unwrap_or(CertState::Unknown),
                applicant: args.applicant,
                under_15: args.under_15,
                adult_ward: args.adult_ward,
                same_household: args.same_household,
            };
            let options = options(&case, profile.as_ref());
            let check = match (
                &profile,
                options
                    .iter()
                    .find(|o| o.route == Route::Counter)
                    .and_then(|o| o.rule),
            ) {
                (Some(p), Some(rule)) if !args.have.is_empty() => {
                    Some(check_documents(p, rule, &case, &have, args.visit))
                }
                _ => None,
            };
            PinGuide {
                case,
                options,
                check,
            }
        })
        .collect();

    if ctx.json {
        let mut v = to_json(lang, profile.as_ref(), args, &guides);
        v["card"] = json!({
            "read": facts.is_some(),
            "error": unreadable.as_ref().map(|m| json!({"kind": m.kind, "what": m.what})),
            "every_pin": named.is_none() && facts.is_none(),
        });
        emit_json(&v);
    } else {
        let md = args.format == Format::Markdown;
        let read = CardRead {
            read: facts.is_some(),
            error: unreadable.as_ref(),
            every_pin: named.is_none() && facts.is_none(),
        };
        for line in to_text(lang, profile.as_ref(), args, &guides, md, &read) {
            emit(&line);
        }
    }
    Ok(Exit::Success)
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
        "applicant": args.applicant.id(),
        "pins": guides.iter().map(|g| json!({
            "pin": g.case.pin.id(),
            "state": g.case.state,
            "certificate": g.case.cert,
            "options": g.options.iter().map(|o| {
                let mut v = json!({
                    "route": o.route,
                    "available": o.available,
                    "reason": if o.available { Value::Null } else {
                        Value::String(o.why.iter().map(|w| why_text(lang, *w)).collect::<Vec<_>>().join("; "))
                    },
                    "steps": steps(lang, &g.case, o, profile),
                    "documents": Value::Null,
                    "visits": o.visits,
                });
                if o.route == Route::Counter {
                    if let (Some(p), Some(rule)) = (profile, o.rule) {
                        v["documents"] = json!({
                            "rule": rule.requirements.iter().map(|r| pick(lang, &r.name)).collect::<Vec<_>>().join(lang.t("; ", "、")),
                            "items": rule.requirements.iter().map(|r| requirement_json(lang, p, r, &g.case)).collect::<Vec<_>>(),
                        });
                    }
                    v["procedure"] = json!(if o.reset { "reset" } else { "change" });
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
    })
}

fn to_text(
    lang: Lang,
    profile: Option<&Profile>,
    args: &GuideArgs,
    guides: &[PinGuide<'_>],
    md: bool,
    card: &CardRead<'_>,
) -> Vec<String> {
    let mut out = Vec::new();
    let h = |level: usize, s: String| {
        if md {
            format!("{} {s}", "#".repeat(level))
        } else {
            format!("== {s} ==")
        }
    };
    let bullet = if md { "- " } else { "  - " };
    let tick = if md { "- [ ] " } else { "  [ ] " };
    if guides.is_empty() {
        out.push(lang.t("No PIN on this card is blocked. For a PIN you have forgotten: mynapin guide PIN --state forgotten", "このカードにロックされた暗証番号はありません。忘れた暗証番号については：mynapin guide PIN --state forgotten").into());
        return out;
    }
    match profile {
        Some(p) => out.push(format!("{}{} ({}: {}, {})", lang.t("City: ", "市区町村："), pick(lang, &p.name), lang.t("from", "出典"), p.page.file, p.page.updated)),
        None => out.push(lang.t("City: none chosen (national rules only; --city takatsuki|toyokawa or --profile FILE for the counter checklist)", "市区町村：未指定（全国共通のルールのみ。窓口の持ち物は --city takatsuki|toyokawa か --profile FILE で表示）").into()),
    }
    out.push(format!(
        "{}{}",
        lang.t("Applicant: ", "申請者："),
        match (args.applicant, lang) {
            (Applicant::Holder, Lang::En) => "the holder",
            (Applicant::Holder, Lang::Ja) => "本人",
            (Applicant::Legal, Lang::En) => "a legal representative",
            (Applicant::Legal, Lang::Ja) => "法定代理人",
            (Applicant::Agent, Lang::En) => "a voluntary agent",
            (Applicant::Agent, Lang::Ja) => "任意代理人",
        }
    ));
    if let Some(m) = card.error {
        out.push(format!(
            "{}{}",
            lang.t(
                "The card could not be read: ",
                "カードを読み取れませんでした："
            ),
            m.what
        ));
    }
    if card.every_pin {
        out.push(lang.t(
            "No PIN was named, so the routes for every PIN are shown, for a PIN that is forgotten or blocked. For your case: mynapin guide PIN --state forgotten|blocked|known",
            "暗証番号の種類が指定されていないため、忘れた・ロックされた場合の手続きをすべての暗証番号について示します。ご自身の場合：mynapin guide PIN --state forgotten|blocked|known",
        ).into());
    }
    if card.read {
        out.push(
            lang.t(
                "(PIN states and certificate expiry read from the card)",
                "（暗証番号の状態と証明書の有効期限はカードから読み取りました）",
            )
            .into(),
        );
    }
    for g in guides {
        out.push(String::new());
        let state = match (g.case.state, lang) {
            (Situation::Blocked, Lang::En) => "BLOCKED",
            (Situation::Blocked, Lang::Ja) => "ロック中",
            (Situation::Forgotten, Lang::En) => "forgotten",
            (Situation::Forgotten, Lang::Ja) => "忘れた",
            (Situation::Known, Lang::En) => "known",
            (Situation::Known, Lang::Ja) => "分かっている",
        };
        out.push(h(2, format!("{} — {state}", pin_short(lang, g.case.pin))));
        for (i, o) in g.options.iter().enumerate() {
            let mark = if o.available {
                lang.t("available", "利用可")
            } else {
                lang.t("not available", "利用不可")
            };
            out.push(String::new());
            out.push(h(3, format!("{}. [{mark}] {}", i + 1, route_name(lang, o))));
            if !o.available {
                for w in &o.why {
                    out.push(format!("{bullet}{}", why_text(lang, *w)));
                }
                continue;
            }
            if let Some(v) = o.visits.filter(|v| *v > 0) {
                out.push(format!("{bullet}{}{v}", lang.t("Visits: ", "来庁回数：")));
            }
            for s in steps(lang, &g.case, o, profile) {
                out.push(format!("{bullet}{s}"));
            }
            if o.route != Route::Counter {
                continue;
            }
            let Some(p) = profile else { continue };
            for of in &p.offices {
                let agents = if args.applicant == Applicant::Holder {
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
                out.push(format!(
                    "{bullet}{}{}{agents}{note}",
                    lang.t("Office: ", "窓口："),
                    pick(lang, &of.name)
                ));
            }
            for t in &p.hours {
                out.push(format!(
                    "{bullet}{}{}",
                    lang.t("Hours: ", "受付時間："),
                    lang.t(&t.en, &t.ja)
                ));
            }
            for t in &p.holiday_openings {
                out.push(format!(
                    "{bullet}{}{}",
                    lang.t("Holidays: ", "休日開庁："),
                    lang.t(&t.en, &t.ja)
                ));
            }
            if let Some(n) = &p.reservation.note {
                out.push(format!(
                    "{bullet}{}{}",
                    lang.t("Reservation: ", "予約："),
                    pick(lang, n)
                ));
            }
            for ph in &p.reservation.phones {
                out.push(format!(
                    "{bullet}{}{} {} ({})",
                    lang.t("Phone: ", "電話："),
                    pick(lang, &ph.name),
                    ph.number,
                    pick(lang, &ph.hours)
                ));
            }
            out.push(format!(
                "{bullet}{}{}",
                lang.t("Fee: ", "手数料："),
                match &p.fee {
                    Fee::Stated(t) if o.not_stated.is_none() => lang.t(&t.en, &t.ja).to_string(),
                    _ => lang
                        .t(
                            "not stated for this procedure",
                            "この手続きについては記載なし"
                        )
                        .into(),
                }
            ));
            match o.rule {
                None if o.not_stated.is_none() => out.push(format!("{bullet}{}", lang.t("This city's page states no rule for this applicant: ask the city.", "この市のページにはこの申請者の決まりが記載されていません。市に確認してください。"))),
                None => out.push(format!("{bullet}{}", lang.t("Documents: not stated in this profile — ask the city.", "必要書類：このプロファイルには記載なし。市に確認してください。"))),
                Some(rule) => {
                    out.push(String::new());
                    out.push(if md { format!("#### {}", lang.t("Bring", "持ち物")) } else { lang.t("  Bring:", "  持ち物：").into() });
                    for r in &rule.requirements {
                        let omitted = r.omissible_when.is_some() && g.case.under_15 && g.case.same_household;
                        let mut line = format!("{tick}{}", pick(lang, &r.name));
                        if omitted {
                            line.push_str(lang.t(" — not needed (same household confirmed)", " — 不要（同一世帯を確認済み）"));
                        }
                        out.push(line);
                        for c in r.count.iter().flatten().map(|c| c.category.clone()).collect::<BTreeSet<_>>() {
                            if let Some(cat) = p.id_categories.iter().find(|x| x.id == c) {
                                let names: Vec<&str> = cat.documents.iter().filter_map(|d| crate::procedure::documents::find(d)).map(|d| lang.t(d.en, d.ja)).collect();
                                out.push(format!("        {} ({c}): {}", pick(lang, &cat.name), names.join(lang.t(", ", "、"))));
                            }
                        }
                        if let (Some(n), false) = (&r.omissible_note, omitted) {
                            out.push(format!("        {}", pick(lang, n)));
                        }
                    }
                }
            }
            if let Some(c) = &g.check {
                out.push(String::new());
                out.push(if c.satisfied {
                    lang.t(
                        "Documents presented: SATISFIED.",
                        "提示書類：そろっています。",
                    )
                    .to_string()
                } else {
                    lang.t(
                        "Documents presented: NOT satisfied. Missing:",
                        "提示書類：不足があります。不足：",
                    )
                    .to_string()
                });
                for (r, counted) in &c.missing {
                    let mut line = format!("{bullet}{}", pick(lang, &r.name));
                    if !r.count.is_empty() {
                        let have: Vec<String> =
                            counted.iter().map(|(k, n)| format!("{k}×{n}")).collect();
                        line.push_str(&format!(
                            " ({} {}; {} {})",
                            lang.t("need", "必要："),
                            alternatives(lang, r),
                            lang.t("have", "提示："),
                            have.join(" ")
                        ));
                    }
                    out.push(line);
                }
            }
            for t in &p.notes {
                out.push(format!(
                    "{bullet}{}{}",
                    lang.t("Note: ", "注意："),
                    lang.t(&t.en, &t.ja)
                ));
            }
        }
    }
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
