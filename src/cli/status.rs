//! `mynapin status`: every PIN's counter, in one screen or one JSON object.

use super::error::{CliError, Exit};
use super::guide_text::{low_line, short_guide_in};
use super::lang::{msg, Lang};
use super::output::{emit, emit_json, pad, say};
use super::text::{
    counter_note, date, pin_name, reader_name, ref_name, ref_tech, sanitize, state_word, tries,
};
use super::Ctx;
use mynapin_core::card::cert::{CertificateState, Date};
use mynapin_core::card::status::{CardStatus, StatusStep, Verdict};
use mynapin_core::card::{Counter, MyNumberCard, PinState, PinStatus};
use mynapin_core::layout::PinId;
use mynapin_core::procedure::profile::Profile;
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
    /// `valid`, `expires_soon` (within 90 days), `expired`, `absent`, `unknown`, `not_read`
    /// (`status --no-cert`).
    state: &'static str,
    /// Last day of validity (YYYY-MM-DD).
    not_after: Option<String>,
    /// Days from today to `not_after`.
    days_left: Option<i64>,
}

fn cert_json(r: &Report) -> CertJson {
    let c = r.cert;
    let today = Date::today();
    let days = |d: Date| d.days_since_epoch() - today.days_since_epoch();
    CertJson {
        state: match c {
            _ if !r.cert_read => "not_read",
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
fn cert_lines(lang: Lang, r: &Report) -> (String, Option<String>) {
    if !r.cert_read {
        return (msg::status_cert_not_read(lang), None);
    }
    let c = r.cert;
    match c {
        Some(CertificateState::Valid { not_after }) => {
            (msg::status_cert_valid(lang, date(lang, not_after)), None)
        }
        Some(CertificateState::ExpiresSoon {
            not_after,
            days_left,
        }) => (
            msg::status_cert_expires_soon(
                lang,
                msg::StatusCertExpiresSoon {
                    date: date(lang, not_after),
                    days: days_left,
                },
            ),
            Some(msg::status_cert_expires_soon_warning(lang)),
        ),
        Some(CertificateState::Expired { not_after }) => (
            msg::status_cert_expired(lang, date(lang, not_after)),
            Some(msg::status_cert_expired_warning(lang)),
        ),
        Some(CertificateState::Absent) => (msg::status_cert_absent(lang), None),
        Some(CertificateState::Unreadable) | None => (msg::status_cert_unreadable(lang), None),
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

/// The status of a card, ready to print (read by [`MyNumberCard::read_status`]).
pub type Report = CardStatus;

/// Reads everything `status` shows from a recognized card (nothing that costs a try), in
/// the card layer's order; says so on stderr with -v before the counters.
pub fn read(ctx: &Ctx, card: &mut MyNumberCard<'_>, with_cert: bool) -> Result<Report, CliError> {
    let verbose = ctx.verbose > 0;
    let mut note = |step: StatusStep| {
        if verbose && step == StatusStep::Counters {
            say(&msg::status_reading(ctx.lang));
        }
    };
    Ok(card.read_status_noting(with_cert, Date::today(), &mut note)?)
}

/// Arguments of `mynapin status` (help: `help-status-…` in the catalogue).
#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// `--check`: exit 4 if any PIN is blocked, 5 if any has one try left, 8 if a count is
    /// unknown, 9 if the user-authentication certificate has expired (the first that applies).
    #[arg(long)]
    pub check: bool,
    /// `--no-cert`: skip the certificate's expiry (one APDU fewer: 10 in all).
    #[arg(long)]
    pub no_cert: bool,
}

/// `mynapin status`.
pub fn run(ctx: &Ctx, args: &StatusArgs) -> Result<Exit, CliError> {
    let report = ctx.with_card(|card| read(ctx, card, !args.no_cert))?;
    if ctx.json {
        emit_json(&to_json(ctx.lang, &report));
    } else {
        for line in text_lines(ctx.lang, ctx.verbose > 0, &report) {
            emit(&line);
        }
    }
    Ok(if args.check {
        check_exit(&report)
    } else {
        Exit::Success
    })
}

/// `status --check`'s exit code: the card layer's verdict (the most urgent of blocked,
/// one try left, a count the card did not report, an expired user-authentication
/// certificate) as 4, 5, 8, 9; else 0. The warnings printed (and the JSON's ids) are the same
/// with and without `--check`.
pub fn check_exit(report: &Report) -> Exit {
    match report.verdict() {
        Verdict::Blocked => Exit::Blocked,
        Verdict::LastTry => Exit::Refused,
        Verdict::CountUnknown => Exit::CountUnknown,
        Verdict::CertificateExpired => Exit::CertExpired,
        Verdict::Fine => Exit::Success,
    }
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
            msg::status_juki_count(
                lang,
                msg::StatusJukiCount {
                    place: ref_name(lang, r.r),
                    tries: tries(r.counter.retries_left(), r.r.max_tries(), r.counter.state()),
                },
            )
        })
        .collect();
    Some(msg::status_juki_mismatch(lang, lang.join(&parts)))
}

/// The JSON object.
pub fn to_json(lang: Lang, r: &Report) -> StatusJson {
    StatusJson {
        schema: "mynapin.status.v1",
        reader: reader_name(&r.reader),
        card: CardJson {
            token: sanitize(&r.token),
            auth_certificate: cert_json(r),
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
            .chain(cert_lines(lang, r).1)
            .collect(),
    }
}

/// What an unusual counter means, without the card's raw answer (shown with -v).
fn plain_counter_note(lang: Lang, c: mynapin_core::card::Counter) -> Option<String> {
    use mynapin_core::card::Counter;
    match c {
        Counter::NotReported(_) => Some(msg::counter_not_reported_plain(lang)),
        Counter::Implausible(_) => Some(msg::counter_implausible_plain(lang)),
        Counter::Error(_) => Some(msg::counter_error_plain(lang)),
        _ => None,
    }
}

/// The human text, one line per entry. `verbose`: every PIN's places on the card, each with
/// its technical name (application and EF).
pub fn text_lines(lang: Lang, verbose: bool, r: &Report) -> Vec<String> {
    text_lines_in(lang, verbose, r, None)
}

/// [`text_lines`]; with `city` (its profile and id, `watch --city`), the short guide of a
/// blocked PIN follows that city's rules and points to its checklist.
pub fn text_lines_in(
    lang: Lang,
    verbose: bool,
    r: &Report,
    city: Option<(&Profile, &str)>,
) -> Vec<String> {
    let mut out = vec![
        msg::status_reader(lang, reader_name(&r.reader)),
        // The token name is technical: with -v only (and always in JSON).
        if verbose {
            msg::status_card(lang, sanitize(&r.token))
        } else {
            msg::status_card_plain(lang)
        },
        cert_lines(lang, r).0,
        String::new(),
        format!(
            "  {}  {}  {}",
            pad(&msg::status_col_tries(lang), 5),
            pad(&msg::status_col_state(lang), 16),
            msg::status_col_pin(lang)
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
        let show_refs = p.refs.len() > 1 || verbose;
        for s in &p.refs {
            if show_refs {
                let st = s.counter.state();
                let place = if verbose {
                    msg::status_ref_tech(
                        lang,
                        msg::StatusRefTech {
                            place: ref_name(lang, s.r),
                            tech: ref_tech(lang, s.r),
                        },
                    )
                } else {
                    ref_name(lang, s.r)
                };
                out.push(format!(
                    "      {}  {}  {place}",
                    pad(&tries(s.counter.retries_left(), s.r.max_tries(), st), 5),
                    pad(&state_word(lang, st), 16),
                ));
            }
            // The card's raw answer (status word) is technical: with -v only.
            let note = if verbose {
                counter_note(lang, s.counter)
            } else {
                plain_counter_note(lang, s.counter)
            };
            if let Some(note) = note {
                out.push(format!("        {note}"));
            }
        }
        if p.refs.len() > 1 && p.pin == PinId::Juki {
            out.push(format!("        {}", msg::status_juki_two_places(lang)));
        }
        if state == PinState::Absent && p.pin == PinId::Sign {
            out.push(format!("        {}", msg::status_no_sign_cert(lang)));
        }
        match state {
            PinState::Blocked => {
                let mut lines = short_guide_in(lang, p.pin, Some(&r.pins), city.map(|c| c.0));
                if let Some((profile, id)) = city {
                    // The last line points to the checklist: to this city's.
                    lines.pop();
                    lines.push(msg::watch_guide_city(
                        lang,
                        msg::WatchGuideCity {
                            city: id,
                            name: profile.name.pick(&lang.fallbacks()).to_string(),
                            pin: p.pin.id(),
                        },
                    ));
                }
                for line in lines {
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
        .chain(cert_lines(lang, r).1)
    {
        out.push(String::new());
        out.push(msg::status_warning(lang, w));
    }
    out
}
