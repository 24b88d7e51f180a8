//! The command line: arguments, prompts, output, JSON and exit codes — and nothing that
//! decides. A card is opened through `mynapin_core::open` (the simulated card's slot is
//! `mynapin_sim::SimSlot`), read with `MyNumberCard::read_status`, verified and changed through
//! `mynapin_core::card::session` (the PIN flow); a result's kind and class come from
//! `mynapin_core::outcome`, what was sent and the next steps from the session's `Report`, the
//! reset rules and the card-to-guide join from `mynapin_core::procedure`. What happened is
//! worded by `mynapin_words::outcome`; this layer adds what to do with its own commands and
//! flags (its own catalogue, `src/cli/i18n/`) and maps each class to an exit code. The guide's
//! full wording (`guide`, `guide_text`) is still here, for the command line only.

mod change;
mod completions;
mod doctor;
mod error;
mod guide;
mod guide_text;
mod help;
mod output;
mod profile_cmd;
mod readers;
mod secret_input;
mod serve;
mod status;
mod text;
mod watch;
#[cfg(windows)]
mod windows;
mod wrap;

pub use error::{CliError, Exit};
pub use help::localized_command;
pub(crate) use help::parse_lang;
pub use mynapin_words::Lang;
// The words crate and the command line's own catalogue, under the name the CLI has always used.
pub(crate) mod lang;
pub(crate) use mynapin_words::sanitize;

use clap::{Args, Subcommand};
use lang::msg;
use mynapin_core::card::MyNumberCard;
use mynapin_core::open;
use mynapin_core::transport::{pcsc, StopFlag, Transport};
#[cfg(feature = "sim")]
use mynapin_sim::{NotSaved, SimSlot, SlotError};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

// Every text clap shows comes from the catalogue (`help-…` messages, keyed by command path
// and argument id): see `localized_command`. The doc comments below are developer notes;
// clap would show them only through `Cli::command()`, which mynapin never prints as it is.

/// The command line as parsed (the derive's definition; `localized_command` words it).
#[derive(Debug, Args)]
pub struct Cli {
    /// `--reader N|NAME`: index in `readers` or part of a name.
    #[arg(
        long,
        global = true,
        value_name = "N|NAME",
        conflicts_with_all = ["sim", "sim_state"]
    )]
    pub reader: Option<String>,

    /// `--sim[=FIXTURE]`: built-in fixture or TOML file; bare `--sim` is `fresh`.
    #[arg(
        long,
        global = true,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "fresh",
        value_name = "FIXTURE"
    )]
    pub sim: Option<String>,

    /// `--sim-state FILE`: the simulated card kept across runs; implies `--sim`.
    #[arg(long, global = true, value_name = "FILE")]
    pub sim_state: Option<PathBuf>,

    /// `--json`: mynapin.*.v1 on stdout.
    #[arg(long, global = true)]
    pub json: bool,

    /// `--lang TAG`: any loaded catalogue (pre-scanned before parsing, see `lang_of_args`).
    #[arg(long, global = true, value_name = "LANG", value_parser = Lang::parse_arg)]
    pub lang: Option<Lang>,

    /// `--trace`: APDUs on stderr, PIN data redacted.
    #[arg(long, global = true)]
    pub trace: bool,

    /// `-v`, `-vv`: progress on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// `--timeout SECONDS` for one exchange (1-3600, default 20).
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        default_value_t = 20,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub timeout: u64,

    /// `--wait[=SECONDS]` for a card to be placed (1-86400, bare: 60).
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "60",
        value_parser = clap::value_parser!(u64).range(1..=86_400),
        conflicts_with_all = ["sim", "sim_state"]
    )]
    pub wait: Option<u64>,

    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands (catalogue: `help-<name>-about`, `help-<name>-after-help`, …).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Reads every counter; `--check` turns states into exit codes.
    Status(status::StatusArgs),
    /// Status of each card placed, until Ctrl-C (or each simulated card of `--sim=LIST`).
    Watch(watch::WatchArgs),
    /// PC/SC readers and what is in them.
    Readers,
    /// One VERIFY after reading the counter.
    Verify(change::VerifyArgs),
    /// CHANGE REFERENCE DATA / CHANGE KEY for one or several PINs.
    Change(change::ChangeArgs),
    /// The reset procedure and the city's checklist.
    Guide(guide::GuideArgs),
    /// PC/SC diagnosis.
    Doctor,
    /// City profiles.
    #[command(subcommand)]
    Profile(profile_cmd::ProfileCommand),
    /// The simulated card.
    #[command(subcommand)]
    Sim(SimCommand),
    /// Shell completion scripts.
    Completions(completions::CompletionsArgs),
    /// Man pages, for packagers (hidden).
    #[command(hide = true)]
    Manpage(completions::ManpageArgs),
}

/// `mynapin sim …`
#[derive(Debug, Subcommand)]
pub enum SimCommand {
    /// The built-in fixtures.
    Fixtures,
    /// The simulated card served to pcscd through vpcd.
    Serve(serve::ServeArgs),
}

/// Everything a command needs besides its own arguments.
pub struct Ctx {
    /// Message language.
    pub lang: Lang,
    /// JSON output.
    pub json: bool,
    /// Trace APDUs.
    pub trace: bool,
    /// Verbosity.
    pub verbose: u8,
    /// `--reader`.
    pub reader: Option<String>,
    /// `--sim` fixture, if simulating.
    pub sim: Option<String>,
    /// `--sim-state`.
    pub sim_state: Option<PathBuf>,
    /// `--timeout`: how long one exchange (or a wait for a busy simulated card) may take.
    pub timeout: Duration,
    /// Set by SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE: stops between two commands and at
    /// prompts.
    pub stop: StopFlag,
    /// `--wait`: how long to wait for a card to be placed.
    pub wait: Option<Duration>,
    /// `--sim-state`: the save after the card answered failed (the error, and whether the
    /// file exists — then still with the state from before the command). Reported after the
    /// command's own report, with exit 7.
    #[cfg(feature = "sim")]
    pub unsaved: std::sync::Mutex<Option<NotSaved>>,
}

impl Ctx {
    /// `--sim` or `--sim-state` was given.
    pub fn simulated(&self) -> bool {
        self.sim.is_some() || self.sim_state.is_some()
    }

    /// Says what is happening, on stderr, with -v: `text` comes from the catalogue
    /// (`ctx.progress(&msg::…(ctx.lang))`).
    pub fn progress(&self, text: &str) {
        if self.verbose > 0 {
            output::say(text);
        }
    }

    /// A usage error (exit 2): what is wrong and what to do, both from the catalogue.
    pub fn usage_error(&self, what: impl Into<String>, todo: impl Into<String>) -> CliError {
        CliError::Usage {
            what: what.into(),
            todo: todo.into(),
        }
    }

    /// The simulated reader's name, as a reader would report it (and `readers` lists it).
    #[cfg(feature = "sim")]
    fn sim_reader_name(&self) -> String {
        text::sim_reader_name(self.lang, self.sim_state.as_deref(), self.sim.as_deref())
    }

    /// Words what happens while the card is opened: the request to place the card always,
    /// progress with -v.
    fn open_event(&self, event: open::Event) {
        match event {
            open::Event::Connecting => self.progress(&msg::cli_note_connecting(self.lang)),
            open::Event::PlaceCard => output::say(&msg::cli_place_card(self.lang)),
            open::Event::Recognized => self.progress(&msg::cli_note_card_recognized(self.lang)),
            _ => {}
        }
    }

    /// Runs `run` with the target of this run (the simulated card, or the chosen PC/SC
    /// reader) and the options from the command line (`--timeout`, the signals, `--trace` on
    /// stderr, the notes while opening). The simulated card's state is saved with
    /// --sim-state whatever the outcome (a failed VERIFY spends a try); a failed save is kept
    /// in [`Ctx::unsaved`], reported after the command's own report.
    fn open<R>(
        &self,
        run: impl FnOnce(open::Target<'_>, open::Options<'_>) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        // The trace quotes the transport's errors (reader names among them): sanitized.
        let mut sink = sanitize::Lines::new(std::io::stderr());
        let events = |e| self.open_event(e);
        let options = open::Options {
            timeout: self.timeout,
            stop: Arc::clone(&self.stop),
            trace: if self.trace { Some(&mut sink) } else { None },
            events: &events,
        };
        if self.simulated() {
            #[cfg(feature = "sim")]
            return self.open_simulated(options, run);
            #[cfg(not(feature = "sim"))]
            return Err(no_sim_error(self.lang));
        }
        let target = open::Target::Reader {
            selector: pcsc::ReaderSelector::parse(self.reader.as_deref()),
            wait: self.wait,
        };
        run(target, options)
    }

    /// [`Ctx::open`] on the simulated card of `--sim` / `--sim-state`.
    #[cfg(feature = "sim")]
    fn open_simulated<R>(
        &self,
        options: open::Options<'_>,
        run: impl FnOnce(open::Target<'_>, open::Options<'_>) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        // Locks the state (a second run waits, like a second program on a real card), and
        // fails on an unusable file before the card is touched.
        let mut slot = SimSlot::open(self.sim.as_deref(), self.sim_state.as_deref(), self.timeout)
            .map_err(|e| match e {
                SlotError::Fixture(e) => CliError::Fixture(e),
                SlotError::State(e) => CliError::State(e),
            })?;
        slot.on_hold(serve::hold_event);
        let target = open::Target::InProcess {
            card: slot.card(),
            reader: self.sim_reader_name(),
        };
        let result = run(target, options);
        // A save that fails does not replace what the card answered: the command reports
        // that as usual, and the failed save is reported after it, on its own (exit 7).
        if let Err(e) = slot.save() {
            if let Ok(mut u) = self.unsaved.lock() {
                *u = Some(e);
            }
        }
        result
    }

    /// Runs `op` on the transport of this run: the simulated card, or the chosen PC/SC
    /// reader (exclusive, one transaction, unpowered at the end; see [`open::with_transport`]).
    pub fn with_transport<R>(
        &self,
        op: impl FnOnce(&mut dyn Transport) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        self.open(|target, options| open::with_transport(target, options, op))
    }

    /// Runs `op` on the recognized My Number card.
    pub fn with_card<R>(
        &self,
        op: impl FnOnce(&mut MyNumberCard<'_>) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        self.open(|target, options| open::with_card(target, options, op))
    }
}

/// Reports a simulated card whose state could not be saved (`--sim-state`), after the
/// command's own report (stdout, or the JSON there): on stderr only, with exit 7 unless a
/// signal stopped the run.
#[cfg(feature = "sim")]
fn report_unsaved(ctx: &Ctx, exit: Exit) -> Exit {
    let unsaved = ctx.unsaved.lock().ok().and_then(|mut u| u.take());
    let Some(NotSaved { error, file_exists }) = unsaved else {
        return exit;
    };
    let path = ctx
        .sim_state
        .as_deref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let m = error::state_not_saved_message(ctx.lang, &path, &error, file_exists);
    output::print_message(ctx.lang, &m.what, &m.todo);
    if exit.is_signal() {
        exit
    } else {
        m.exit
    }
}

/// `mynapin sim …`.
#[cfg(feature = "sim")]
fn sim_command(ctx: &Ctx, cmd: &SimCommand) -> Result<Exit, CliError> {
    match cmd {
        SimCommand::Fixtures => readers::fixtures(ctx),
        SimCommand::Serve(args) => serve::run(ctx, args),
    }
}

/// `mynapin sim …` in a build without the simulated card.
#[cfg(not(feature = "sim"))]
fn sim_command(ctx: &Ctx, _: &SimCommand) -> Result<Exit, CliError> {
    Err(no_sim_error(ctx.lang))
}

/// The usage error (exit 2) for `--sim`, `--sim-state`, `sim fixtures` and `sim serve` in a
/// build without the `sim` feature.
#[cfg(not(feature = "sim"))]
fn no_sim_error(lang: Lang) -> CliError {
    CliError::Usage {
        what: msg::cli_no_sim(lang),
        todo: msg::cli_no_sim_todo(lang),
    }
}

/// Turns core dumps off for this process, so no PIN can end up in one (Linux: not dumpable
/// and a core size limit of 0; other Unix systems: the limit).
fn no_core_dumps() {
    #[cfg(unix)]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        let _ = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        );
        #[cfg(target_os = "linux")]
        let _ =
            rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    }
}

/// SIGINT, SIGTERM, SIGHUP (the terminal closed), SIGQUIT (Ctrl-\\) and SIGPIPE (stdout
/// closed) set the stop flag (to the signal's number) instead of ending the process: the
/// operation stops between two commands (or [`mynapin_core::transport::STOP_GRACE`] after the signal
/// when the card does not answer), restores the terminal and reports what it did — on
/// whatever output is still open — with the exit code 128 + the signal's number. (Rust
/// ignores SIGPIPE by default, so that a closed stdout is a write error, not an end; with the
/// handler it is both a write error and a stop: `mynapin watch | head -3` ends.) On Windows,
/// the console's control events (Ctrl-C, closing the window) do the same: `windows.rs`.
fn stop_on_signals() -> StopFlag {
    let flag: StopFlag = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM};
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] {
            let _ = signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize);
        }
    }
    #[cfg(all(not(unix), not(windows)))]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        for sig in [SIGINT, SIGTERM] {
            let _ = signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize);
        }
    }
    #[cfg(windows)]
    windows::stop_on_console_events(&flag);
    flag
}

/// The program.
pub fn main() -> ExitCode {
    no_core_dumps();
    let argv: Vec<OsString> = std::env::args_os().collect();
    let lang = help::lang_of_args(&argv).unwrap_or_else(Lang::from_env);
    let _ = help::HELP_LANG.set(lang);
    let cli = match help::parse(lang, argv) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    let lang = cli.lang.unwrap_or(lang);
    let stop = match &cli.command {
        // The server handles its own signals (it saves the card's state and stops).
        Command::Sim(SimCommand::Serve(_)) => Arc::new(AtomicUsize::new(0)),
        _ => stop_on_signals(),
    };
    let ctx = Ctx {
        lang,
        json: cli.json,
        trace: cli.trace,
        verbose: cli.verbose,
        reader: cli.reader.clone(),
        sim: cli.sim.clone(),
        sim_state: cli.sim_state.clone(),
        timeout: Duration::from_secs(cli.timeout),
        stop,
        wait: cli.wait.map(Duration::from_secs),
        #[cfg(feature = "sim")]
        unsaved: std::sync::Mutex::new(None),
    };
    // A build without the simulated card refuses every use of it first, with one message.
    #[cfg(not(feature = "sim"))]
    if ctx.simulated() || matches!(cli.command, Command::Sim(_)) {
        let exit = output::report_error(&ctx, &no_sim_error(lang));
        return ExitCode::from(exit as u8);
    }
    let result = match &cli.command {
        Command::Status(args) => status::run(&ctx, args),
        Command::Readers => readers::run(&ctx),
        Command::Watch(a) => watch::run(&ctx, a),
        Command::Verify(args) => change::verify(&ctx, args),
        Command::Change(args) => change::change(&ctx, args),
        Command::Sim(cmd) => sim_command(&ctx, cmd),
        Command::Doctor => doctor::run(&ctx),
        Command::Guide(args) => guide::run(&ctx, args),
        Command::Profile(cmd) => profile_cmd::run(&ctx, cmd),
        Command::Completions(args) => completions::completions(&ctx, args),
        Command::Manpage(args) => completions::manpage(&ctx, args),
    };
    let exit = match result {
        Ok(exit) => exit,
        Err(e) => output::report_error(&ctx, &e),
    };
    #[cfg(feature = "sim")]
    let exit = report_unsaved(&ctx, exit);
    ExitCode::from(exit as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message of a build without the simulated card is worded in every catalogue (it is
    /// shown only by that build, so the default build's tests check it here).
    #[test]
    fn the_no_sim_message_is_in_every_catalogue() {
        for lang in Lang::all() {
            for id in ["cli-no-sim", "cli-no-sim-todo"] {
                assert!(lang.has(id), "{}: {id}", lang.tag());
            }
        }
    }

    /// The default build's simulated card, through the same path as every command: the
    /// state file is written when the card changed, and a save that fails is kept for the
    /// report after the command (exit 7), with whether the file still exists. Unix only: the
    /// save is made to fail by removing the state file's directory while the slot holds its
    /// lock, which Windows refuses (a directory with an open file is "not empty"); the code
    /// under test is the same on every system.
    #[cfg(all(feature = "sim", unix))]
    #[test]
    fn the_simulated_card_is_opened_and_saved_through_the_slot() {
        use mynapin_apdu::{commands, SecretData};
        use mynapin_core::card::status::Verdict;
        use mynapin_core::layout::{Applet, KeyRef};

        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("d");
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join("card.toml");
        let ctx = Ctx {
            lang: Lang::EN,
            json: false,
            trace: false,
            verbose: 0,
            reader: None,
            sim: Some("auth-last-try".into()),
            sim_state: Some(path.clone()),
            timeout: Duration::from_secs(5),
            stop: Arc::new(AtomicUsize::new(0)),
            wait: None,
            unsaved: std::sync::Mutex::new(None),
        };
        let status = ctx
            .with_card(|card| Ok(card.read_status(false, mynapin_core::card::cert::Date::today())?))
            .unwrap();
        assert_eq!(status.verdict(), Verdict::LastTry);
        assert!(path.exists(), "a new state file is written");
        assert!(ctx.unsaved.lock().unwrap().is_none());

        // A wrong VERIFY spends the last try; the directory is gone before the save.
        let wrong_verify = |t: &mut dyn Transport| -> Result<(), CliError> {
            let wrong = SecretData::new(zeroize::Zeroizing::new(b"9999".to_vec()));
            for command in [
                commands::select_df_by_name(&Applet::Jpki.aid()).unwrap(),
                commands::select_ef(KeyRef::Auth.ef()),
                commands::verify(&wrong).unwrap(),
            ] {
                t.transmit_raw(&command)?;
            }
            std::fs::remove_dir_all(&sub).unwrap();
            Ok(())
        };
        ctx.with_transport(wrong_verify).unwrap();
        let unsaved = ctx
            .unsaved
            .lock()
            .unwrap()
            .take()
            .expect("the failed save is kept");
        assert!(!unsaved.file_exists);
        let m = error::state_not_saved_message(Lang::EN, "x", &unsaved.error, false);
        assert_eq!(m.exit, Exit::StateNotSaved);
    }
}
