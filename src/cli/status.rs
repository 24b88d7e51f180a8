//! `mynapin status`: every PIN's counter, in one screen or one JSON object.

use super::error::{CliError, Exit};
use super::guide_text::{low_line, short_guide};
use super::lang::{Lang, Pair};
use super::output::{emit, emit_json, pad};
use super::text::{counter_note, pin_name, ref_name, sanitize, state_word, tries};
use super::Ctx;
use crate::card::cert::{CertificateState, Date};
use crate::card::{Counter, MyNumberCard, PinState, PinStatus};
use crate::layout::PinId;
use serde::Serialize;

/// `mynapin.status.v1`.
#[derive(Serialize)]
pub struct StatusJson {
    schema: &'static str,
    reader: String,
    card: CardJson,
    pins: Vec<PinJson>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct CardJson {
    token: String,
    /// The user-authentication certificate.
    auth_certificate: CertJson,
}

#[derive(Serialize)]
struct CertJson {
    /// `valid`, `expires_soon` (within 90 days), `expired`, `absent`, `unknown`.
    state: &'static str,
    /// Last day of validity (YYYY-MM-DD).
    not_after: Option<String>,
    /// Days from today to `not_after`.
    days_left: Option<i64>,
}

fn cert_json(c: Option<CertificateState>) -> CertJson {
    let today = Date::today();
    let days = |d: Date| d.days_since_epoch() - today.days_since_epoch();
    CertJson {
        state: match c {
            Some(CertificateState::Valid { .. }) => "valid",
            Some(CertificateState::ExpiresSoon { .. }) => "expires_soon",
            Some(CertificateState::Expired { .. }) => "expired",
            Some(CertificateState::Absent) => "absent",
            Some(CertificateState::Unreadable) | None => "unknown",
        },
        not_after: c.and_then(|c| c.not_after()).map(|d| d.to_string()),
        days_left: c.and_then(|c| c.not_after()).map(days),
    }
}

/// The certificate's line, and a warning when it expires soon or has expired.
fn cert_lines(lang: Lang, c: Option<CertificateState>) -> (String, Option<String>) {
    let head = lang.t("Certificate: ", "電子証明書：");
    match c {
        Some(CertificateState::Valid { not_after }) => (
            match lang.pair() {
                Pair::En => format!("{head}user authentication, valid until {not_after}"),
                Pair::Ja => format!("{head}利用者証明用、有効期限 {not_after}"),
            },
            None,
        ),
        Some(CertificateState::ExpiresSoon {
            not_after,
            days_left,
        }) => (
            match lang.pair() {
                Pair::En => format!(
                    "{head}user authentication, valid until {not_after} — expires in {days_left} days"
                ),
                Pair::Ja => format!("{head}利用者証明用、有効期限 {not_after}（あと{days_left}日）"),
            },
            Some(lang.t(
                "The certificates expire soon: renew them at the city office before then (the PINs are set again there; a kiosk cannot renew). See `mynapin guide auth --cert expired`.",
                "電子証明書の有効期限が近づいています。期限までに市区町村の窓口で更新してください（その際に暗証番号を設定し直します。コンビニのキオスク端末では更新できません）。詳しくは `mynapin guide auth --cert expired` を参照してください。",
            ).to_string()),
        ),
        Some(CertificateState::Expired { not_after }) => (
            match lang.pair() {
                Pair::En => format!("{head}user authentication, EXPIRED on {not_after}"),
                Pair::Ja => format!("{head}利用者証明用、有効期限切れ（{not_after}）"),
            },
            Some(lang.t(
                "The certificate has expired: changing its PIN is pointless, and a kiosk cannot help. A new certificate is issued at the city office, and its PIN is set there. See `mynapin guide auth --cert expired`.",
                "電子証明書の有効期限が切れています。暗証番号を変更しても使えず、コンビニのキオスク端末でも手続きできません。市区町村の窓口で新しい電子証明書を発行し、その際に暗証番号を設定します。詳しくは `mynapin guide auth --cert expired` を参照してください。",
            ).to_string()),
        ),
        Some(CertificateState::Absent) => (
            lang.t(
                "Certificate: no user-authentication certificate on this card",
                "電子証明書：このカードには利用者証明用電子証明書がありません",
            )
            .to_string(),
            None,
        ),
        Some(CertificateState::Unreadable) | None => (
            lang.t(
                "Certificate: the user-authentication certificate could not be read",
                "電子証明書：利用者証明用電子証明書を読み取れませんでした",
            )
            .to_string(),
            None,
        ),
    }
}

#[derive(Serialize)]
struct PinJson {
    id: &'static str,
    name: String,
    retries_left: Option<u8>,
    max_retries: u8,
    state: PinState,
    refs: Vec<RefJson>,
}

#[derive(Serialize)]
struct RefJson {
    id: &'static str,
    applet: &'static str,
    ef: String,
    retries_left: Option<u8>,
    state: PinState,
    /// The status word when the card did not give a plain count.
    sw: Option<String>,
}

/// The status of a card, ready to print.
pub struct Report {
    /// The reader's name (untrusted: sanitized when printed).
    pub reader: String,
    /// The token label.
    pub token: String,
    /// The PINs.
    pub pins: Vec<PinStatus>,
    /// The user-authentication certificate (`None`: it could not be read).
    pub cert: Option<CertificateState>,
}

/// Reads everything `status` shows from a recognized card (nothing that costs a try).
pub fn read(ctx: &Ctx, card: &mut MyNumberCard<'_>) -> Result<Report, CliError> {
    // The certificate first, while the JPKI application is selected (one READ BINARY).
    let cert = card.auth_certificate_state(Date::today()).ok();
    ctx.note("reading the retry counters", "残り回数を読み取っています");
    let pins = card.read_all()?;
    Ok(Report {
        reader: card.reader_name(),
        token: card.token().to_string(),
        pins,
        cert,
    })
}

/// Arguments of `mynapin status` (help: `help-status-…` in the catalogue).
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// `--check`: exit 4 if any PIN is blocked, 5 if any has one try left.
    #[arg(long)]
    pub check: bool,
}

/// `mynapin status`.
pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<Exit, CliError> {
    let report = ctx.with_card(|card| read(ctx, card))?;
    if ctx.json {
        emit_json(&to_json(ctx.lang, &report));
    } else {
        for line in text_lines(ctx.lang, &report) {
            emit(&line);
        }
    }
    if args.check {
        let states: Vec<PinState> = report.pins.iter().map(|p| p.state()).collect();
        if states.contains(&PinState::Blocked) {
            return Ok(Exit::Blocked);
        }
        if states.contains(&PinState::Low) {
            return Ok(Exit::Refused);
        }
    }
    Ok(Exit::Success)
}

/// The warning for a juki PIN whose two references report different counts.
pub fn juki_warning(lang: Lang, p: &PinStatus) -> Option<String> {
    if p.pin != PinId::Juki || !p.refs_disagree() {
        return None;
    }
    let parts: Vec<String> = p
        .refs
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                ref_name(lang, r.r),
                tries(r.counter.retries_left(), r.r.max_tries(), r.counter.state())
            )
        })
        .collect();
    Some(match lang.pair() {
        Pair::En => format!(
            "The two residence-registry PIN references report different counts ({}). The lower one counts. A change with mynapin sets both.",
            parts.join(", ")
        ),
        Pair::Ja => format!(
            "住民基本台帳用暗証番号の2つの参照で残り回数が異なります（{}）。少ない方を基準にしてください。mynapin で変更すると両方が変更されます。",
            parts.join("、")
        ),
    })
}

/// The JSON object.
pub fn to_json(lang: Lang, r: &Report) -> StatusJson {
    StatusJson {
        schema: "mynapin.status.v1",
        reader: r.reader.clone(),
        card: CardJson {
            token: r.token.clone(),
            auth_certificate: cert_json(r.cert),
        },
        pins: r
            .pins
            .iter()
            .map(|p| PinJson {
                id: p.pin.id(),
                name: pin_name(lang, p.pin),
                retries_left: p.retries_left(),
                max_retries: p.pin.max_tries(),
                state: p.state(),
                refs: p
                    .refs
                    .iter()
                    .map(|s| RefJson {
                        id: s.r.id(),
                        applet: s.r.applet().id(),
                        ef: hex::encode_upper(s.r.ef()),
                        retries_left: s.counter.retries_left(),
                        state: s.counter.state(),
                        sw: match s.counter {
                            Counter::NotReported(sw)
                            | Counter::Implausible(sw)
                            | Counter::Error(sw) => Some(sw.to_string()),
                            _ => None,
                        },
                    })
                    .collect(),
            })
            .collect(),
        warnings: r
            .pins
            .iter()
            .filter_map(|p| juki_warning(lang, p))
            .chain(cert_lines(lang, r.cert).1)
            .collect(),
    }
}

/// The human text, one line per entry.
pub fn text_lines(lang: Lang, r: &Report) -> Vec<String> {
    let mut out = vec![
        format!(
            "{}{}",
            lang.t("Reader: ", "リーダー："),
            sanitize(&r.reader)
        ),
        format!(
            "{}{} ({})",
            lang.t("Card:   ", "カード："),
            lang.t("My Number card", "マイナンバーカード"),
            sanitize(&r.token)
        ),
        cert_lines(lang, r.cert).0,
        String::new(),
        format!(
            "  {}  {}  {}",
            pad(lang.t("tries", "残り"), 5),
            pad(lang.t("state", "状態"), 16),
            lang.t("PIN", "暗証番号")
        ),
    ];
    for p in &r.pins {
        let state = p.state();
        out.push(format!(
            "  {}  {}  {}",
            pad(&tries(p.retries_left(), p.pin.max_tries(), state), 5),
            pad(&state_word(lang, state), 16),
            pin_name(lang, p.pin)
        ));
        let show_refs = p.refs.len() > 1;
        for s in &p.refs {
            if show_refs {
                let st = s.counter.state();
                out.push(format!(
                    "      {}  {}  {}",
                    pad(&tries(s.counter.retries_left(), s.r.max_tries(), st), 5),
                    pad(&state_word(lang, st), 16),
                    ref_name(lang, s.r)
                ));
            }
            if let Some(note) = counter_note(lang, s.counter) {
                out.push(format!("        {note}"));
            }
        }
        if state == PinState::Absent && p.pin == PinId::Sign {
            out.push(format!(
                "        {}",
                lang.t(
                    "No signature certificate on this card (usual for children under 15).",
                    "このカードには署名用電子証明書がありません（15歳未満の方のカードでは通常です）。"
                )
            ));
        }
        match state {
            PinState::Blocked => {
                for line in short_guide(lang, p.pin, Some(&r.pins)) {
                    out.push(format!("        → {line}"));
                }
            }
            PinState::Low => out.push(format!("        → {}", low_line(lang, p.pin))),
            _ => {}
        }
    }
    for w in r
        .pins
        .iter()
        .filter_map(|p| juki_warning(lang, p))
        .chain(cert_lines(lang, r.cert).1)
    {
        out.push(String::new());
        out.push(format!("{}{w}", lang.t("Warning: ", "注意：")));
    }
    out
}
