//! `mynapin watch`: for window staff reading card after card. Waits for a card, prints its
//! status (text, or one `mynapin.status.v1` JSON object per line with `--json`), asks for the
//! card to be taken out, waits for it to leave, and again, until Ctrl-C. A card that is not a
//! My Number card, or that cannot be read, is one line — never the end of the loop.
//!
//! Each card's block starts with its number and the local time it was read; `--clear` clears
//! the screen before each new card, so that the previous holder's result does not stay on it;
//! `--city NAME` (or `MYNAPIN_CITY`, or `city = "NAME"` in the config file) words the short
//! guide of every blocked PIN with that city's rules.
//!
//! Without a reader, `--sim=LIST` (built-in names or TOML files, comma-separated, or a
//! directory of `*.toml` fixtures) places the simulated cards one after another: each is
//! inserted, read and taken out, then the next; the run ends after the last one.

use super::error::{CliError, Exit};
use super::guide::City;
use super::lang::{msg, Lang};
use super::output::{emit, say};
use super::status;
use super::text::reader_name;
#[cfg(feature = "sim")]
use super::text::sim_reader_name;
use super::Ctx;
use mynapin_core::card::MyNumberCard;
#[cfg(feature = "sim")]
use mynapin_core::open;
use mynapin_core::procedure::profile::Profile;
use mynapin_core::transport::pcsc::{self, ReaderSelector, ServiceEvent, WaitFor};
use mynapin_core::transport::{Interruptible, TransportError};
#[cfg(feature = "sim")]
use mynapin_sim::{Fixture, SimCard};
#[cfg(feature = "sim")]
use std::path::Path;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Arguments of `mynapin watch` (help: `help-watch-arg-…`).
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// `--clear`: clear the screen before each new card.
    #[arg(long)]
    pub clear: bool,
    /// `--city NAME`: the short guide of a blocked PIN with this city's rules; default from
    /// `MYNAPIN_CITY`, then from the config file.
    #[arg(
        long,
        value_enum,
        value_name = "CITY",
        env = "MYNAPIN_CITY",
        hide_env = true
    )]
    pub city: Option<City>,
}

/// `mynapin watch`.
pub fn run(ctx: &Ctx, args: &WatchArgs) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    let city = match args.city {
        Some(c) => Some(c),
        None => config_city(lang)?,
    };
    let profile = city.map(|c| Profile::builtin(city_id(c)).expect("built in"));
    let view = View {
        ctx,
        clear: args.clear && !ctx.json,
        profile: profile.as_ref(),
        city,
    };
    // (A build without the simulated card refuses --sim before any command runs.)
    #[cfg(feature = "sim")]
    if ctx.simulated() {
        return run_simulated(ctx, &view);
    }
    let selector = ReaderSelector::parse(ctx.reader.as_deref());
    // pcscd not running at the start is said as it is (exit 6); once watch runs, a pcscd
    // restart is waited for.
    if let Err(e @ TransportError::NoService) = pcsc::list_readers(ctx.timeout) {
        return Err(e.into());
    }
    say(&msg::watch_waiting(lang));
    let mut cards = 0u64;
    loop {
        let reader = match pcsc::wait_through_restarts(
            &selector,
            WaitFor::Card,
            None,
            Arc::clone(&ctx.stop),
            service_notes(ctx),
        ) {
            Ok(r) => r,
            Err(TransportError::Interrupted { .. }) => break,
            Err(e) => return Err(e.into()),
        };
        cards += 1;
        let result = pcsc::with_named_card(&reader, ctx.timeout, |t| {
            let mut t = Interruptible::new(t, Arc::clone(&ctx.stop));
            MyNumberCard::open(&mut t)
                .map_err(CliError::from)
                .and_then(|mut card| status::read(ctx, &mut card, true))
        });
        view.show(
            cards,
            &reader,
            result.map_err(CliError::from).and_then(|r| r),
        );
        if ctx.stop.load(Ordering::SeqCst) != 0 {
            break;
        }
        match pcsc::wait_through_restarts(
            &ReaderSelector::NameContains(reader.clone()),
            WaitFor::Removal,
            None,
            Arc::clone(&ctx.stop),
            service_notes(ctx),
        ) {
            Ok(_) => {}
            Err(TransportError::Interrupted { .. }) => break,
            Err(e) => return Err(e.into()),
        }
    }
    say(&msg::watch_stopped(lang, cards));
    Ok(Exit::Success)
}

#[cfg(feature = "sim")]
/// `--sim=LIST`: each simulated card placed, read and taken out in turn.
fn run_simulated(ctx: &Ctx, view: &View<'_>) -> Result<Exit, CliError> {
    let lang = ctx.lang;
    if ctx.sim_state.is_some() {
        return Err(CliError::Usage {
            what: msg::watch_sim_state(lang),
            todo: msg::watch_sim_state_todo(lang),
        });
    }
    let list = sim_list(lang, ctx.sim.as_deref().unwrap_or("fresh"))?;
    say(&msg::watch_sim_list(lang, list.len()));
    let mut cards = 0u64;
    for name in &list {
        if ctx.stop.load(Ordering::SeqCst) != 0 {
            break;
        }
        cards += 1;
        let reader = sim_reader_name(lang, None, Some(name));
        let result = Fixture::load(name)
            .map_err(CliError::from)
            .and_then(|fixture| {
                let mut card = SimCard::new(fixture);
                let target = open::Target::InProcess {
                    card: &mut card,
                    reader: reader.clone(),
                };
                // No trace and no notes: watch shows each card's block only.
                let options = open::Options::new(ctx.timeout, Arc::clone(&ctx.stop));
                open::with_card(target, options, |card| status::read(ctx, card, true))
            });
        view.show(cards, &reader, result);
    }
    say(&msg::watch_stopped(lang, cards));
    Ok(Exit::Success)
}

/// The fixtures of `--sim=LIST`: a directory's `*.toml` files in name order, or the
/// comma-separated names and files.
#[cfg(feature = "sim")]
fn sim_list(lang: Lang, spec: &str) -> Result<Vec<String>, CliError> {
    let dir = Path::new(spec);
    if dir.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| CliError::Usage {
                what: msg::watch_sim_dir_unreadable(
                    lang,
                    msg::WatchSimDirUnreadable {
                        dir: super::text::sanitize(spec),
                        reason: super::error::io_reason(lang, &e),
                    },
                ),
                todo: msg::watch_sim_dir_todo(lang),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(CliError::Usage {
                what: msg::watch_sim_dir_empty(lang, super::text::sanitize(spec)),
                todo: msg::watch_sim_dir_todo(lang),
            });
        }
        return Ok(files
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect());
    }
    Ok(spec
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// How each card is shown.
struct View<'a> {
    ctx: &'a Ctx,
    clear: bool,
    profile: Option<&'a Profile>,
    city: Option<City>,
}

impl View<'_> {
    /// Card `n`, read in `reader`: its block (or one line when it could not be read), then
    /// the request to take it out.
    fn show(&self, n: u64, reader: &str, result: Result<status::Report, CliError>) {
        let ctx = self.ctx;
        let lang = ctx.lang;
        let time = local_time();
        if self.clear {
            // Home, then erase the screen: the previous card's result is gone.
            emit("\x1b[H\x1b[2J\x1b[3J");
        }
        match result {
            Ok(report) => {
                if ctx.json {
                    let mut v =
                        serde_json::to_value(status::to_json(lang, &report)).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("card".into(), n.into());
                        o.insert("time".into(), time.clone().into());
                    }
                    match serde_json::to_string(&v) {
                        Ok(line) => emit(&line),
                        Err(e) => say(&msg::output_json_failed(lang, e.to_string())),
                    }
                } else {
                    emit(&msg::watch_card(lang, msg::WatchCard { n, time }));
                    for line in status::text_lines_in(lang, ctx.verbose > 0, &report, self.city()) {
                        emit(&line);
                    }
                }
            }
            Err(e) => one_line(ctx, n, &time, reader, &e),
        }
        if !ctx.json {
            emit(&msg::watch_remove(lang));
            emit("");
        }
    }

    fn city(&self) -> Option<(&Profile, &'static str)> {
        Some((self.profile?, city_id(self.city?)))
    }
}

fn city_id(c: City) -> &'static str {
    match c {
        City::Takatsuki => "takatsuki",
        City::Toyokawa => "toyokawa",
    }
}

/// `city = "NAME"` from the config file (`$XDG_CONFIG_HOME/mynapin/config.toml`, else
/// `~/.config/mynapin/config.toml`); no file or no key: none.
fn config_city(lang: Lang) -> Result<Option<City>, CliError> {
    let Some(path) = config_path() else {
        return Ok(None);
    };
    let Ok(text) =
        mynapin_core::bounded::read_to_string(&path, mynapin_core::bounded::MAX_DATA_FILE)
    else {
        return Ok(None);
    };
    let bad = |what: String| CliError::Usage {
        what,
        todo: msg::watch_config_todo(lang),
    };
    let table: toml::Table = text.parse().map_err(|_| {
        bad(msg::watch_config_bad(
            lang,
            super::text::sanitize(&path.display().to_string()),
        ))
    })?;
    match table.get("city") {
        None => Ok(None),
        Some(toml::Value::String(s)) => <City as clap::ValueEnum>::from_str(s, true)
            .map(Some)
            .map_err(|_| {
                bad(msg::watch_config_bad_city(
                    lang,
                    msg::WatchConfigBadCity {
                        city: super::text::sanitize(s),
                        path: super::text::sanitize(&path.display().to_string()),
                    },
                ))
            }),
        Some(_) => Err(bad(msg::watch_config_bad(
            lang,
            super::text::sanitize(&path.display().to_string()),
        ))),
    }
}

fn config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("mynapin").join("config.toml"))
}

/// The time of day (`HH:MM:SS`) in the machine's time zone, as jiff finds it (`TZ`, else
/// `/etc/localtime` on Unix, the system's zone on Windows; UTC when none can be found).
fn local_time() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// Says on stderr, once each, that pcscd stopped and that it is back (window staff leave
/// `watch` running all day; a pcscd restart does not end it).
fn service_notes(ctx: &Ctx) -> Box<dyn FnMut(ServiceEvent) + Send> {
    let lang = ctx.lang;
    Box::new(move |e| match e {
        ServiceEvent::Stopped => say(&msg::watch_service_stopped(lang)),
        ServiceEvent::Back => say(&msg::watch_service_back(lang)),
    })
}

/// One line for a card that could not be read (stdout, so the log of the window keeps it).
fn one_line(ctx: &Ctx, n: u64, time: &str, reader: &str, e: &CliError) {
    let m = e.message(ctx.lang);
    if ctx.json {
        let v = serde_json::json!({
            "schema": "mynapin.error.v1",
            "card": n,
            "time": time,
            "reader": reader_name(reader),
            "error": {"kind": m.kind, "exit_code": m.exit as u8, "message": m.what, "todo": m.todo},
        });
        emit(&v.to_string());
    } else {
        emit(&msg::watch_card_failed(
            ctx.lang,
            msg::WatchCardFailed {
                n,
                reader: reader_name(reader),
                time: time.to_string(),
                what: m.what,
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_of_a_card_is_the_zones_time_of_day() {
        // Whatever the machine's zone, the heading's time is HH:MM:SS.
        let t = local_time();
        let parts: Vec<&str> = t.split(':').collect();
        assert_eq!(parts.len(), 3, "{t}");
        assert!(
            parts
                .iter()
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())),
            "{t}"
        );
    }
}
