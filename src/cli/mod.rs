//! The command line: arguments, prompts, output. All card work goes through `card`; all
//! decisions about resets through `procedure`; this layer only words and prints.

mod change;
mod completions;
mod doctor;
mod error;
mod guide;
mod guide_text;
mod lang;
mod output;
mod profile_cmd;
mod readers;
mod secret_input;
mod serve;
mod status;
mod text;
mod watch;
mod wrap;

pub use error::{CliError, Exit};
pub use lang::Lang;

use crate::card::MyNumberCard;
use crate::sim::StateFile;
use crate::transport::{
    pcsc, sim::SimTransport, trace::Tracing, Interruptible, StopFlag, Transport,
};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

const EXIT_CODES: &str = "\
Exit codes / 終了コード:
  0  success / 成功
  1  unexpected card answer, change not (fully) done, internal error / 想定外の応答・変更未完了・内部エラー
  2  usage error or invalid input: nothing was sent to the card / 使い方・入力の誤り（カードには何も送っていない）
  3  wrong PIN / 暗証番号の誤り
  4  PIN blocked: reset required / ロック中（再設定が必要）
  5  refused by a safety guard (last try, unknown count): nothing was sent / 安全装置による中止（最後の1回など）
  6  no reader, no card, not a My Number card, PC/SC failure / リーダー・カードなし、マイナンバーカードでない、PC/SC の失敗
  130, 143  stopped by Ctrl-C / SIGTERM (the report says what was done) / Ctrl-C・SIGTERM による中止

PINs are never command-line arguments: they are read from the terminal without echo, or
with --pin-stdin from standard input. 暗証番号はコマンドライン引数では受け取りません。

Try it without a reader / リーダーなしで試す:  mynapin --sim status
The simulated card's PINs: 1234 (4-digit PINs), ABC123 (signature password).";

/// mynapin — check and change the PINs of a My Number card (マイナンバーカード) safely.
#[derive(Debug, Parser)]
#[command(
    name = "mynapin",
    version = env!("MYNAPIN_VERSION"),
    about = "Check and change the PINs of a My Number card safely / マイナンバーカードの暗証番号を安全に確認・変更",
    long_about = "Check and change the four PINs of a Japanese My Number card (マイナンバーカード) through \
any PC/SC reader, without ever spending a try by the tool's fault: PINs are checked locally \
before anything is sent, the retry counter is read before every VERIFY, and the last try is \
refused unless you ask for it.\n\n\
PC/SC リーダーでマイナンバーカードの4種類の暗証番号の残り回数を確認し、変更します。\
入力は送信前に確認し、照合の前に必ず残り回数を読み、最後の1回は明示しない限り使いません。",
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// Reader to use: its index in `mynapin readers`, or part of its name. Default: the only
    /// reader with a card. / 使うリーダー（番号または名前の一部）
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "N|NAME",
        conflicts_with_all = ["sim", "sim_state"]
    )]
    pub reader: Option<String>,

    /// Use a simulated My Number card instead of a reader. FIXTURE is a built-in name
    /// (`mynapin sim fixtures`) or a TOML file; alone, `--sim` is the fresh card (PINs 1234,
    /// signature password ABC123). / 模擬カードを使う
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "fresh",
        value_name = "FIXTURE"
    )]
    pub sim: Option<String>,

    /// Keep the simulated card's state in FILE across runs: loaded if it exists (else the
    /// --sim fixture, else the fresh card), written back at the end. Implies --sim.
    /// / 模擬カードの状態をファイルに保存
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "FILE"
    )]
    pub sim_state: Option<PathBuf>,

    /// Print machine-readable JSON on stdout (schemas mynapin.*.v1). / JSON で出力
    #[arg(long, global = true, help_heading = "Global options")]
    pub json: bool,

    /// Language of the messages (default: from LC_ALL / LC_MESSAGES / LANG). / 表示言語
    #[arg(long, global = true, help_heading = "Global options", value_name = "en|ja",
        value_parser = Lang::parse_arg)]
    pub lang: Option<Lang>,

    /// Print every APDU and response on stderr (PIN data is always redacted). / 通信内容を表示
    #[arg(long, global = true, help_heading = "Global options")]
    pub trace: bool,

    /// Say what mynapin is doing, on stderr (-vv for more). / 処理の経過を表示
    #[arg(short, long, global = true,
        help_heading = "Global options", action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Give up on a card that does not answer one command within SECONDS. / 応答待ちの上限（秒）
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "SECONDS",
        default_value_t = 20,
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub timeout: u64,

    /// Wait for the card (and a reader) to be placed, up to SECONDS (default 60), instead of
    /// giving up at once. / カードが置かれるまで待つ
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_name = "SECONDS",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "60",
        value_parser = clap::value_parser!(u64).range(1..=86_400),
        conflicts_with_all = ["sim", "sim_state"]
    )]
    pub wait: Option<u64>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show how many tries each PIN has left (reads only; never uses a try).
    /// / 各暗証番号の残り回数を表示（試行回数は減りません）
    Status(status::StatusArgs),
    /// For window staff: wait for a card, print its status, wait for it to leave, repeat until
    /// Ctrl-C (--json: one mynapin.status.v1 object per line). / カードを次々に読み取る
    Watch,
    /// List readers, whether a card is in each, and whether it is a My Number card.
    /// / リーダーとカードの一覧
    Readers,
    /// Check that you still remember a PIN (one VERIFY, after reading the counter).
    /// / 暗証番号を覚えているか確認
    Verify(change::VerifyArgs),
    /// Change one PIN, or several to the same new value (e.g. `change auth kenhojo juki`).
    /// / 暗証番号を変更
    Change(change::ChangeArgs),
    /// What to do when a PIN cannot simply be changed: kiosk or counter, with the city's
    /// checklist of documents; --have checks the documents presented. / 再設定の案内と持ち物
    Guide(guide::GuideArgs),
    /// Check the PC/SC setup: pcscd, readers (known troublemakers included), the card.
    /// Exit 0 only when a My Number card is readable. / PC/SC 環境の診断
    Doctor,
    /// City profiles: `profile check FILE` validates one and shows what it covers.
    /// / 市区町村プロファイル
    #[command(subcommand)]
    Profile(profile_cmd::ProfileCommand),
    /// The simulated card: list fixtures, or serve one to pcscd through vpcd.
    /// / 模擬カード
    #[command(subcommand)]
    Sim(SimCommand),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish) on stdout.
    /// / シェル補完スクリプトを出力
    Completions(completions::CompletionsArgs),
    /// Print the man page generated from this command-line definition (for packagers).
    #[command(hide = true)]
    Manpage(completions::ManpageArgs),
}

/// `mynapin sim …`
#[derive(Debug, Subcommand)]
pub enum SimCommand {
    /// List the built-in fixtures (usable as --sim=NAME).
    Fixtures,
    /// Serve a simulated card to pcscd through vsmartcard's vpcd, so that any PC/SC
    /// application sees it in a reader.
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
    /// Set by SIGINT / SIGTERM: stops between two commands and at prompts.
    pub stop: StopFlag,
    /// `--wait`: how long to wait for a card to be placed.
    pub wait: Option<Duration>,
}

impl Ctx {
    /// `--sim` or `--sim-state` was given.
    pub fn simulated(&self) -> bool {
        self.sim.is_some() || self.sim_state.is_some()
    }

    /// Says what is happening, on stderr, with -v.
    pub fn note(&self, en: &str, ja: &str) {
        if self.verbose > 0 {
            output::say(self.lang.t(en, ja));
        }
    }

    /// A usage error in both languages: ((what, todo) in English, (what, todo) in Japanese).
    pub fn usage(&self, en: (&str, &str), ja: (&str, &str)) -> CliError {
        let (what, todo) = if self.lang.pair() == lang::Pair::En {
            en
        } else {
            ja
        };
        CliError::Usage {
            what: what.to_string(),
            todo: todo.to_string(),
        }
    }

    fn sim_reader_name(&self) -> String {
        match (&self.sim_state, &self.sim) {
            (Some(p), _) => format!("mynapin simulated card (state {})", p.display()),
            (None, Some(f)) => format!("mynapin simulated card ({f})"),
            (None, None) => "mynapin simulated card".to_string(),
        }
    }

    /// Runs `op` on the transport of this run: the simulated card, or the chosen PC/SC
    /// reader (exclusive, one transaction, unpowered at the end). The simulated card's state
    /// is saved with --sim-state whatever the outcome (a failed VERIFY spends a try).
    pub fn with_transport<R>(
        &self,
        op: impl FnOnce(&mut dyn Transport) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        let traced = |t: &mut dyn Transport| -> Result<R, CliError> {
            let mut t = Interruptible::new(t, Arc::clone(&self.stop));
            if self.trace {
                let mut tr = Tracing::new(&mut t, std::io::stderr());
                op(&mut tr)
            } else {
                op(&mut t)
            }
        };
        if self.simulated() {
            // Lock the state (a second run waits, like a second program on a real card), and
            // fail on an unusable file before the card is touched.
            let state = match &self.sim_state {
                Some(p) => Some(StateFile::open(p, self.timeout)?),
                None => None,
            };
            let mut card = match &state {
                Some(s) => s.load(self.sim.as_deref())?,
                None => crate::sim::state::load_fixture(self.sim.as_deref())?,
            };
            let result = {
                let mut t = SimTransport::new(&mut card, self.sim_reader_name());
                traced(&mut t)
            };
            // Saved whatever the outcome: a failed VERIFY spends a try.
            if let Some(s) = &state {
                s.save(&card)?;
            }
            result
        } else {
            let selector = pcsc::ReaderSelector::parse(self.reader.as_deref());
            self.note(
                "connecting to the reader (exclusive)",
                "リーダーに接続しています（排他）",
            );
            match self.wait {
                None => pcsc::with_card(&selector, self.timeout, traced)?,
                Some(limit) => {
                    let name = self.wait_for_card(&selector, limit)?;
                    pcsc::with_named_card(&name, self.timeout, traced)?
                }
            }
        }
    }

    /// Waits (up to `limit`) for a card in the reader `selector` names; says so on stderr
    /// when there is none yet. Returns the reader's name.
    pub fn wait_for_card(
        &self,
        selector: &pcsc::ReaderSelector,
        limit: Duration,
    ) -> Result<String, CliError> {
        let present = pcsc::list_readers(self.timeout).ok().and_then(|r| {
            let name = pcsc::choose(&r, selector).ok()?;
            r.iter()
                .any(|x| x.name == name && x.card_present)
                .then_some(name)
        });
        if let Some(name) = present {
            return Ok(name);
        }
        output::say(self.lang.t(
            "Place your My Number card on the reader… (Ctrl-C to cancel)",
            "マイナンバーカードをリーダーに置いてください…（Ctrl-C で中止）",
        ));
        Ok(pcsc::wait(
            selector,
            pcsc::WaitFor::Card,
            Some(limit),
            Arc::clone(&self.stop),
        )?)
    }

    /// Runs `op` on the recognized My Number card.
    pub fn with_card<R>(
        &self,
        op: impl FnOnce(&mut MyNumberCard<'_>) -> Result<R, CliError>,
    ) -> Result<R, CliError> {
        self.with_transport(|t| {
            let mut card = MyNumberCard::open(t)?;
            self.note(
                "My Number card recognized",
                "マイナンバーカードを確認しました",
            );
            op(&mut card)
        })
    }
}

/// A clap error, printed without ever repeating a value that looks like a PIN (`mynapin
/// verify 4821` must not print 4821): the value is replaced by `(hidden)`.
fn print_clap_error(e: &clap::Error) {
    use clap::error::{ContextKind, ContextValue};
    let mut text = e.render().to_string();
    let looks_like_pin = |v: &str| {
        let v = v.trim();
        (4..=16).contains(&v.chars().count())
            && v.chars().all(|c| c.is_alphanumeric())
            && v.chars().any(|c| c.is_numeric())
    };
    for kind in [ContextKind::InvalidValue, ContextKind::InvalidArg] {
        if let Some(ContextValue::String(v)) = e.get(kind) {
            if looks_like_pin(v) {
                text = text.replace(v.as_str(), "(hidden)");
            }
        }
    }
    // Any other PIN-looking word of the command line, echoed in a suggestion.
    for arg in std::env::args().skip(1) {
        if looks_like_pin(&arg) && !arg.starts_with('-') {
            text = text.replace(arg.as_str(), "(hidden)");
        }
    }
    let mut err = std::io::stderr().lock();
    let _ = std::io::Write::write_all(&mut err, text.as_bytes());
    if matches!(
        e.kind(),
        clap::error::ErrorKind::InvalidValue | clap::error::ErrorKind::UnknownArgument
    ) {
        let _ = std::io::Write::write_all(
            &mut err,
            b"note: the argument names WHICH PIN (auth, sign, kenhojo or juki), never its value; PINs are typed at the prompt or given with --pin-stdin.\n",
        );
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

/// SIGINT and SIGTERM set the stop flag (to the signal's number) instead of ending the
/// process: the operation stops between two commands and reports what it did.
fn stop_on_signals() -> StopFlag {
    let flag: StopFlag = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register_usize(sig, Arc::clone(&flag), sig as usize);
    }
    flag
}

/// The program.
pub fn main() -> ExitCode {
    no_core_dumps();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { Exit::Usage as u8 } else { 0 };
            if e.use_stderr() {
                print_clap_error(&e);
            } else {
                let _ = e.print();
            }
            return ExitCode::from(code);
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
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
    };
    let result = match &cli.command {
        Command::Status(args) => status::run(&ctx, args),
        Command::Readers => readers::run(&ctx),
        Command::Watch => watch::run(&ctx),
        Command::Verify(args) => change::verify(&ctx, args),
        Command::Change(args) => change::change(&ctx, args),
        Command::Sim(SimCommand::Fixtures) => readers::fixtures(&ctx),
        Command::Sim(SimCommand::Serve(args)) => serve::run(&ctx, args),
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
    ExitCode::from(exit as u8)
}
