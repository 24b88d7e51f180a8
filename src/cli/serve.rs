//! `mynapin sim serve`: plug the simulated card into pcscd through vpcd.

#[cfg(feature = "sim")]
use super::error::{CliError, Exit};
#[cfg(feature = "sim")]
use super::lang::msg;
#[cfg(feature = "sim")]
use super::text::sanitize;
#[cfg(feature = "sim")]
use super::Ctx;
#[cfg(feature = "sim")]
use mynapin_sim::fixture::FaultRule;
#[cfg(feature = "sim")]
use mynapin_sim::vpcd::{self, Ended, Faults, ServeEvent, ServeOptions};
#[cfg(feature = "sim")]
use mynapin_sim::StateFile;
use std::path::PathBuf;
#[cfg(feature = "sim")]
use std::time::Duration;

/// A `--fault` rule: parsed by the simulated card's own parser; a build without the card
/// keeps the text (the command is refused before it is used).
#[cfg(feature = "sim")]
type FaultSpec = FaultRule;
#[cfg(not(feature = "sim"))]
type FaultSpec = String;

/// A `--fault-sw` value: the APDU's number and the status word.
#[cfg(feature = "sim")]
type FaultSw = (u64, u16);
#[cfg(not(feature = "sim"))]
type FaultSw = String;

/// Arguments of `mynapin sim serve` (help: `help-sim-serve-…`).
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// `--vpcd HOST:PORT` (35963: slot 0 of the vpcd entry, "mynapin vpcd 00 00" as
    /// scripts/pcscd-vpcd.sh names it).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:35963")]
    pub vpcd: String,
    /// `--fixture`: built-in name or TOML file (default: fresh).
    #[arg(long, value_name = "FIXTURE")]
    pub fixture: Option<String>,
    /// `--state FILE`: written after every APDU.
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// `--latency-ms N` before each answer.
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u64).range(0..=10_000))]
    pub latency_ms: u64,
    /// `--wait-vpcd SECONDS` for vpcd to accept.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub wait_vpcd: u64,
    /// Fault: close after N APDUs.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=MAX_APDUS))]
    pub close_after: Option<u64>,
    /// Fault: mute after N APDUs.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=MAX_APDUS))]
    pub mute_after: Option<u64>,
    /// With `--mute-after`: answer the held APDU after M ms.
    #[arg(long, value_name = "M", requires = "mute_after",
          value_parser = clap::value_parser!(u64).range(0..=600_000))]
    pub mute_ms: Option<u64>,
    /// Fault: APDU number N answered with SW (`5=6581`).
    #[arg(long, value_name = "N=SW", value_parser = parse_fault_sw)]
    pub fault_sw: Option<FaultSw>,
    /// Fault rules (repeatable), as a fixture's `[[faults.rules]]`.
    #[arg(long, value_name = "SPEC", value_parser = parse_fault)]
    pub fault: Vec<FaultSpec>,
}

/// The largest APDU number a fault option accepts.
const MAX_APDUS: u64 = 1_000_000_000;

#[cfg(not(feature = "sim"))]
fn parse_fault_sw(text: &str) -> Result<FaultSw, String> {
    Ok(text.to_string())
}

#[cfg(not(feature = "sim"))]
fn parse_fault(text: &str) -> Result<FaultSpec, String> {
    Ok(text.to_string())
}

#[cfg(feature = "sim")]
fn parse_fault_sw(text: &str) -> Result<FaultSw, String> {
    let (n, sw) = text
        .split_once('=')
        .ok_or_else(|| msg::serve_fault_sw_form(super::parse_lang()))?;
    let n: u64 = n
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=MAX_APDUS).contains(n))
        .ok_or_else(|| {
            msg::serve_fault_sw_number(
                super::parse_lang(),
                msg::ServeFaultSwNumber {
                    max: MAX_APDUS,
                    n: sanitize(n),
                },
            )
        })?;
    let sw = mynapin_sim::fixture::parse_sw(sw)
        .map_err(|r| super::error::fixture_reason(super::parse_lang(), &r))?;
    Ok((n, sw))
}

#[cfg(feature = "sim")]
fn parse_fault(text: &str) -> Result<FaultRule, String> {
    FaultRule::from_spec(text).map_err(|r| super::error::fixture_reason(super::parse_lang(), &r))
}

#[cfg(feature = "sim")]
/// Words what the served card does, on stderr, in the run's language.
fn serve_event(event: &ServeEvent<'_>) {
    let lang = super::parse_lang();
    let text = match event {
        ServeEvent::WaitingForVpcd { addr, why } => msg::serve_event_waiting(
            lang,
            msg::ServeEventWaiting {
                addr: sanitize(addr),
                why: super::error::io_reason(lang, why),
            },
        ),
        ServeEvent::Inserted { addr } => msg::serve_event_inserted(lang, sanitize(addr)),
        ServeEvent::FaultRemoved { after } => msg::serve_event_fault_removed(lang, *after),
        ServeEvent::Reconnecting => msg::serve_event_reconnecting(lang),
        ServeEvent::Muted { apdu } => msg::serve_event_muted(lang, *apdu),
        ServeEvent::Exchange {
            apdu,
            command,
            answer,
        } => {
            let command = command
                .clone()
                .unwrap_or_else(|| msg::serve_event_malformed(lang));
            say_sim(&format!("#{apdu} > {command}"));
            format!("#{apdu} < {answer}")
        }
        ServeEvent::EmptyAnswer { apdu } => msg::serve_event_empty_answer(lang, *apdu),
    };
    say_sim(&text);
}

#[cfg(feature = "sim")]
/// Words a fault rule's held answer (the tests wait for this line to send a signal).
pub(super) fn hold_event(apdu: u64, header: &str, hold: Duration) {
    let lang = super::parse_lang();
    let ms = u64::try_from(hold.as_millis()).unwrap_or(u64::MAX);
    say_sim(&msg::sim_hold(lang, msg::SimHold { apdu, header, ms }));
}

#[cfg(feature = "sim")]
/// `mynapin sim: TEXT` on stderr (never panics on a closed stderr).
fn say_sim(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "mynapin sim: {text}");
}

#[cfg(feature = "sim")]
/// The card to serve: `--fixture`, else the global `--sim=NAME`; both naming different cards
/// is an error (never silently serve one of them). The same for `--state` and `--sim-state`.
fn card_and_state(
    ctx: &Ctx,
    args: &ServeArgs,
) -> Result<(Option<String>, Option<PathBuf>), CliError> {
    let lang = ctx.lang;
    let fixture = match (&args.fixture, &ctx.sim) {
        (Some(f), Some(s)) if f != s => {
            return Err(CliError::Usage {
                what: msg::serve_two_cards(
                    lang,
                    msg::ServeTwoCards {
                        fixture: sanitize(f),
                        sim: sanitize(s),
                    },
                ),
                todo: msg::serve_fix_two_cards(lang, sanitize(f)),
            })
        }
        (Some(f), _) => Some(f.clone()),
        (None, s) => s.clone(),
    };
    let state = match (&args.state, &ctx.sim_state) {
        (Some(a), Some(b)) if a != b => {
            return Err(CliError::Usage {
                what: msg::serve_two_states(lang),
                todo: msg::serve_fix_two_states(lang),
            })
        }
        (Some(a), _) => Some(a.clone()),
        (None, b) => b.clone(),
    };
    Ok((fixture, state))
}

#[cfg(feature = "sim")]
pub fn run(ctx: &Ctx, args: &ServeArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let (fixture, state_path) = card_and_state(ctx, args)?;
    // The card stays locked while it is served: it is in a reader.
    let state = match &state_path {
        Some(p) => Some(StateFile::open(p, ctx.timeout)?),
        None => None,
    };
    let mut card = match &state {
        Some(s) => s.load(fixture.as_deref())?,
        None => mynapin_sim::state::load_fixture(fixture.as_deref())?,
    };
    card.on_hold(hold_event);
    for rule in &args.fault {
        card.add_fault(rule);
    }
    let opts = ServeOptions {
        vpcd: args.vpcd.clone(),
        latency: Duration::from_millis(args.latency_ms),
        state,
        faults: Faults {
            close_after: args.close_after,
            mute_after: args.mute_after,
            mute_for: args.mute_ms.map(Duration::from_millis),
            sw_at: args.fault_sw,
        },
        verbose: ctx.verbose > 0 || ctx.trace,
        wait_vpcd: Duration::from_secs(args.wait_vpcd),
        log: serve_event,
    };
    match vpcd::serve(card, &opts) {
        Ok(Ended::Signalled) | Ok(Ended::FaultClosed) => Ok(Exit::Success),
        Err(vpcd::ServeError::State(e)) => Err(CliError::State(e)),
        Err(vpcd::ServeError::Address { addr, why }) => Err(CliError::Usage {
            what: msg::serve_bad_address(
                lang,
                msg::ServeBadAddress {
                    addr: sanitize(&addr),
                    why: match why {
                        Some(e) => super::error::io_reason(lang, &e),
                        None => msg::error_io_address(lang),
                    },
                },
            ),
            todo: msg::serve_fix_address(lang),
        }),
        Err(vpcd::ServeError::Unreachable { addr, secs, why }) => {
            // Exit 6 (PC/SC failure): the address is fine, nothing listens there.
            super::output::print_message(
                lang,
                &msg::serve_unreachable(
                    lang,
                    msg::ServeUnreachable {
                        addr: sanitize(&addr),
                        secs,
                        why: super::error::io_reason(lang, &why),
                    },
                ),
                &[msg::serve_fix_unreachable(lang)],
            );
            Ok(Exit::NoCard)
        }
        Err(vpcd::ServeError::Signals(e)) => Err(CliError::Usage {
            what: msg::serve_signals(lang, super::error::io_reason(lang, &e)),
            todo: msg::serve_fix_signals(lang),
        }),
    }
}
