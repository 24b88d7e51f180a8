//! Japanese output has no English in it (issue 10, "Done means"): every command and every
//! error path the rest of the suite exercises without pcscd — the in-process simulated card
//! (`--sim[=FIXTURE]`, `--sim-state FILE` with fault rules), PINs through `--pin-stdin` and on
//! a terminal, bad inputs, the guide's variants, `profile check` on good and broken files,
//! `doctor`/`readers` with no pcscd, clap's usage errors and every `--help` — runs with
//! `--lang ja` (a few with `LANG=ja_JP.UTF-8` and no `--lang`), and every line of its
//! output (every text value of its JSON) is checked: once the allowed tokens are removed
//! (commands, flags, PIN ids, hex, file names, ids, `JPKI`, `PC/SC`, `pcscd`, product
//! names — see [`ALLOWED`]), no run of two or more Latin letters may remain.
//!
//! On failure the test prints every offending line, once, with the commands that printed it
//! and the words that offend, so that all the leftovers can be fixed in one pass.

#[path = "common/command_words.rs"]
mod command_words;

use mynapin_core::layout::KeyRef;
use mynapin_sim::Fixture;
use std::collections::BTreeMap;
// Reading a child's stderr line by line: the Unix-only tests (signals, core dumps).
use std::io::Write;
#[cfg(unix)]
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

// ---------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------

/// Words allowed anywhere in Japanese output. Keep this list small: each entry is a name a
/// resident meets as it is (on the card's box, the reader, the keyboard, a manual), or a
/// token they type.
const ALLOWED: &[&str] = &[
    // The program, and the PIN ids typed on its command line (`mynapin verify auth`).
    "mynapin",
    "auth",
    "sign",
    "kenhojo",
    "juki",
    "juki-ap",
    "juki-common",
    // Names of the standard, the services and the programs (issue 10 names the first three).
    "JPKI",
    // A cited page's title: the government's マイナンバー総合FAQ.
    "FAQ",
    "PC/SC",
    "pcscd",
    "vpcd",
    "OpenSC",
    "libccid",
    "J-LIS",
    // The smart-card standard the juki change command comes from (shown with -v only), the
    // project that makes vpcd, and vpcd's reader name ("Virtual PCD 00 00").
    "JICSAP",
    "vsmartcard",
    "Virtual",
    "PCD",
    // The card's technical abbreviations, shown next to hex (SW 6A 80, EF 001C, APDU).
    "SW",
    "EF",
    "AP",
    "DF",
    "APDU",
    // File formats.
    "TOML",
    "JSON",
    "HTML",
    // Typed or read as they are: the confirmation word, OK, ID, IC (ICカード, ICチップ), QR
    // (QRコード), the key names on the keyboard and the signal names `kill` takes.
    "YES",
    "OK",
    "ID",
    "IC",
    "QR",
    "Ctrl-C",
    "Ctrl-D",
    "Ctrl-\\",
    "SIGINT",
    "SIGTERM",
    "SIGHUP",
    "SIGQUIT",
    "SIGPIPE",
    // Product, standard and system names: readers, the token name the card answers with.
    "Sony",
    "RC-S300",
    "RC-S380",
    "CCID",
    "ISO",
    "Linux",
    "macOS",
    "Windows",
    // Windows' smart-card service as services.msc names it ("Smart Card", service SCardSvr),
    // and Sony's driver package for the RC-S380 ("NFC Port Software"): what mynapin.exe says
    // on Windows (doctor, the no-service error).
    "Smart",
    "Card",
    "SCardSvr",
    "services.msc",
    "NFC",
    // The token names a card answers with (a My Number card, a smartphone's JPKI).
    "JPKIAPICCTOKEN2",
    "JPKIAPGPSETOKEN",
    // Environment variables, named as they are set.
    "LANG",
    "LC_ALL",
    "MYNAPIN_CITY",
    "LC_MESSAGES",
    "COLUMNS",
    "PCSCLITE_CSOCK_NAME",
    "MYNAPIN_CATALOG_DIR",
    // The shells `mynapin completions` writes for (program names).
    "bash",
    "zsh",
    "fish",
    "powershell",
    "elvish",
    // What this test types and mynapin rightly repeats as data: a bad document id, shell,
    // state, command, address, language, fixture; the test profile's id.
    "bogus",
    "nosuchshell",
    "nosuchstate",
    "nosuchcommand",
    "notahost",
    "xx",
    "no-such-fixture",
    "elsewhere",
    // A fault rule's keys and `when` values, which the reason for a bad `--fault` names
    // (typed as they are, like flags), and the bad value this test gives it.
    "when",
    "instead",
    "after",
    "later",
    // The one document id without a joint (`--have mynumber_card,passport`).
    "passport",
];

/// Values of options that the command tree does not list (free text, or part of a value),
/// allowed only after a flag or inside a `mynapin …` command line; the subcommands and the
/// listed values come from the command itself (`common/command_words.rs`).
const VALUE_WORDS: &[&str] = &[
    // --lang
    "en", "ja", // --have holder:DOC, agent:DOC (whose document it is)
    "holder",
];

/// A subcommand's name (allowed only inside a `mynapin …` command line, or in help).
fn command_word(w: &str) -> bool {
    command_words::subcommands().iter().any(|c| c == w)
}

/// A value of an option (allowed only after a flag, inside a command line, or in help).
fn value_word(w: &str) -> bool {
    VALUE_WORDS.contains(&w) || command_words::values().iter().any(|v| v == w)
}

/// Other programs whose command lines mynapin prints (`sudo systemctl start pcscd.socket`):
/// the rest of such a command (up to the next Japanese character) is the command's.
const EXTERNAL_COMMANDS: &[&str] = &[
    "sudo",
    "systemctl",
    "apt",
    "apt-get",
    "dnf",
    "brew",
    "printf",
    "echo",
];

/// clap's own words in a usage line, which look like placeholders but are text to translate.
const NOT_PLACEHOLDERS: &[&str] = &["OPTIONS", "COMMAND", "ARGS"];

/// The fixture names (sim/fixtures/cards/*.toml): data, allowed as whole words.
fn fixture_names() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sim/fixtures/cards");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            Some(p.file_stem()?.to_str()?.to_string())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    names
}

/// The keys of the city profiles' TOML (`offices`, `hours`, `fee`…): `profile check` names
/// the fields a profile author edits by their keys, as a compiler names a file's lines.
fn profile_keys() -> Vec<String> {
    fn walk(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    out.push(k.clone());
                    walk(v, out);
                }
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/profiles");
    let mut keys = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            walk(&v, &mut keys);
        }
    }
    keys.sort();
    keys.dedup();
    assert!(keys.iter().any(|k| k == "offices"), "{keys:?}");
    keys
}

/// The city profiles' ids (core/profiles/*.toml, and the template's `example`): file names.
fn profile_ids() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/profiles");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "toml").then(|| Some(p.file_stem()?.to_str()?.to_string()))?
        })
        .collect();
    ids.push("example".to_string());
    ids.sort();
    assert!(ids.len() >= 3, "{ids:?}");
    ids
}

struct Checker {
    /// Fixture names and profile ids.
    data_names: Vec<String>,
}

fn has_letter_run(w: &str) -> bool {
    letter_runs(w).next().is_some()
}

/// The runs of 2+ ASCII letters in `w`.
fn letter_runs(w: &str) -> impl Iterator<Item = &str> {
    w.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|r| r.len() >= 2)
}

fn is_hex(w: &str) -> bool {
    let w = w.strip_prefix("0x").unwrap_or(w);
    let hex = !w.is_empty()
        && w.len().is_multiple_of(2)
        && w.bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    // Two hex digits are a byte (SW 6A 80, FF); longer runs name an EF or an AID and
    // always carry a digit (001C, D392F000260100000001).
    hex && (w.len() == 2 || w.bytes().any(|b| b.is_ascii_digit()))
}

fn is_flag(w: &str) -> bool {
    let Some(rest) = w.strip_prefix('-') else {
        return false;
    };
    let name = rest.strip_prefix('-').unwrap_or(rest);
    let name = name.split(['=', '[']).next().unwrap_or_default();
    if rest.starts_with('-') {
        !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    } else {
        // -v, -vv, -h, -V
        (1..=2).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphabetic())
    }
}

/// A value name in a command line or after a flag: `FILE`, `<WHICH>`, `N|NAME`, `[=FIXTURE]`,
/// `HOST:PORT`, `<COMMAND>` excepted.
fn is_placeholder(w: &str) -> bool {
    let core = w.trim_matches(|c: char| "<>[]=.".contains(c));
    !core.is_empty()
        && core.split(['|', ':', '_', '-']).all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
        && !NOT_PLACEHOLDERS.contains(&core)
}

/// A file name or a path: `core/profiles/toyokawa.toml`, `/dev/zero`, `~/card.toml`, `card.toml`.
fn is_path(w: &str) -> bool {
    const EXT: &[&str] = &[
        "toml", "example", "ftl", "der", "md", "html", "json", "txt", "comm", "lock", "tmp",
        "socket", "sh",
    ];
    if w.starts_with(['/', '~']) || w.starts_with("./") || w.starts_with("../") {
        return true;
    }
    match w.rsplit_once('.') {
        Some((stem, ext)) => !stem.is_empty() && EXT.contains(&ext),
        None => false,
    }
}

/// An identifier of the data: a document or category id (`mynumber_card`,
/// `holder:medical_certificate`, `holder:ID`, `takatsuki:A`), a rule id, a schema or a
/// profile's field path (`counter.any_pin`, `mynapin.*.v1`, `reset.applicants[agent].visits`):
/// starts with a lower-case letter, has at least one joint (`_`, `.`, `:`, `[`), no spaces.
fn is_identifier(w: &str) -> bool {
    w.contains(['_', '.', ':', '['])
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.:[]-*".contains(&b))
}

/// A fault rule as typed (`match=00200098,nth=1,when=after,sw=6C00`, `hold_ms=2000`): the
/// keys of a fixture's `[[faults.rules]]`, joined by `=` and `,`.
fn is_spec(w: &str) -> bool {
    w.split(',').all(|kv| {
        kv.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
    })
}

fn is_url(w: &str) -> bool {
    w.starts_with("http://") || w.starts_with("https://")
}

/// Punctuation around a word that is not part of it.
fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| "\"'`,;!?()*{}[]<>".contains(c))
        .trim_end_matches(['.', ':'])
}

#[derive(PartialEq, Clone, Copy)]
enum Mode {
    Prose,
    /// Inside `mynapin …`.
    Mynapin,
    /// Inside another program's command line.
    External,
}

impl Checker {
    fn new() -> Checker {
        let mut data_names = fixture_names();
        data_names.extend(profile_ids());
        data_names.extend(profile_keys());
        Checker { data_names }
    }

    fn allowed_anywhere(&self, w: &str) -> bool {
        ALLOWED.contains(&w)
            || self.data_names.iter().any(|f| f == w)
            || is_hex(w)
            || is_path(w)
            || is_identifier(w)
            || is_url(w)
            || is_spec(w)
            || !has_letter_run(w)
    }

    fn value(&self, w: &str) -> bool {
        w.split(['|', ',']).all(|v| {
            value_word(v)
                || self.allowed_anywhere(v)
                || is_placeholder(v)
                || v.bytes()
                    .all(|b| b.is_ascii_digit() || b"-:.,".contains(&b))
        })
    }

    /// The words of `line` that are English (runs of 2+ Latin letters outside the allowed
    /// tokens), in order.
    fn offenders(&self, line: &str) -> Vec<String> {
        self.offenders_in(line, false)
    }

    /// [`Checker::offenders`]; in `--help` output (`help`), the words a resident types —
    /// subcommands and option values — are allowed anywhere: help names them in its command
    /// and value lists and in sentences such as 「指定できる値は auto、always、never です。」.
    fn offenders_in(&self, line: &str, help: bool) -> Vec<String> {
        // The --trace wire log is the same in every language: a technical record of the
        // bytes exchanged, for bug reports (documented in docs/translating.md).
        if line.starts_with("trace: ") {
            return Vec::new();
        }
        // A list of the values an option takes (clap's error: 「指定できる値：known、…」).
        let help = help || line.contains("指定できる値");
        // The language tags a profile covers (「言語：ja、en、ko」) are ids.
        let tags_line = line.contains("言語：");
        let mut out = Vec::new();
        // An option's value stands for itself on a line that names an option or an argument
        // (a flag or `<VALUE>` earlier on the line: help's value lists), and as the item of
        // a value list (`  - known: …`).
        let mut line_has_arg = false;
        let item = line
            .trim_start()
            .strip_prefix("- ")
            .and_then(|r| r.split_once(':'))
            .map(|(v, _)| v.trim().to_string());
        if item.as_deref().is_some_and(|v| VALUE_WORDS.contains(&v)) {
            line_has_arg = true;
        }
        // ASCII stretches: a Japanese character ends a word, a command and a flag's value.
        for segment in line.split(|c: char| !c.is_ascii()) {
            let mut mode = Mode::Prose;
            let mut after_flag = false;
            for raw in segment.split_ascii_whitespace() {
                let w = clean(raw);
                if w.is_empty() {
                    continue;
                }
                if mode == Mode::External || is_url(w) {
                    continue;
                }
                if w == "mynapin" {
                    mode = Mode::Mynapin;
                    after_flag = false;
                    continue;
                }
                if EXTERNAL_COMMANDS.contains(&w) {
                    mode = Mode::External;
                    continue;
                }
                if raw.starts_with('<') && is_placeholder(w) {
                    line_has_arg = true;
                }
                if is_flag(w) {
                    line_has_arg = true;
                    // `--sim=sign-blocked`, `--sim[=<FIXTURE>]`
                    after_flag = match w.split_once('=') {
                        Some((_, v)) => {
                            let v = v.trim_matches(|c: char| "<>[]".contains(c));
                            if !self.value(v) {
                                out.extend(letter_runs(v).map(str::to_string));
                            }
                            false
                        }
                        None => true,
                    };
                    continue;
                }
                if after_flag {
                    after_flag = false;
                    if self.value(w) {
                        continue;
                    }
                }
                if mode == Mode::Mynapin && (command_word(w) || self.value(w) || is_placeholder(w))
                {
                    continue;
                }
                mode = Mode::Prose;
                if line_has_arg && value_word(w) {
                    continue;
                }
                if help && (value_word(w) || command_word(w)) {
                    continue;
                }
                if tags_line
                    && (2..=3).contains(&w.len())
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                {
                    continue;
                }
                if !self.allowed_anywhere(w) {
                    out.push(w.to_string());
                }
            }
        }
        out
    }
}

#[test]
fn the_checker_catches_english_and_lets_allowed_tokens_pass() {
    let c = Checker::new();
    assert_eq!(
        c.offenders("想定外の応答 6A 80（incorrect parameters）"),
        ["incorrect", "parameters"]
    );
    for english in [
        "リーダー：mynapin simulated card (fresh)",
        "Usage: mynapin [OPTIONS] <COMMAND>",
        "カードが retry-counter query に想定外の応答 6A 80",
        "30 ms 待ちます",
        "mynapin status and more",
        "CHANGE KEY を送りました",
        "--state blocked once",
        "[possible values: en, ja]",
    ] {
        assert!(!c.offenders(english).is_empty(), "{english}");
    }
    assert_eq!(c.offenders("mynapin status and more"), ["and", "more"]);
    assert_eq!(
        c.offenders("Usage: mynapin [OPTIONS] <COMMAND>"),
        ["Usage", "OPTIONS", "COMMAND"]
    );
    for japanese in [
        "詳しい手順と持ち物：mynapin guide sign",
        "`mynapin verify juki --only-ref juki-common` を実行してください。",
        "mynapin --sim-state ~/card.toml change auth --pin-stdin",
        "PC/SC サービス（pcscd）が応答しません",
        "起動してください：sudo systemctl start pcscd.socket",
        "trace: > 00 20 00 80 04 ** redacted (4 bytes) **",
        "trace: < 63 C3",
        "想定外の応答 SW 6A 80、EF 001C",
        "リーダー：Sony RC-S300、カード：マイナンバーカード（JPKIAPICCTOKEN2）",
        "  3/3    正常   利用者証明用（1か所目）",
        "模擬カード（sign-blocked）",
        "官公署発行の顔写真付き本人確認書類（photo_id）",
        "根拠 (counter.any_pin) [1][2]",
        "出典：https://www.city.toyokawa.lg.jp/kurashi_tetsuzuki/12731.html",
        "市区町村の決まりは --city takatsuki|toyokawa または --profile FILE で表示します。",
        "  --sim[=<FIXTURE>]  模擬カードを使う",
        "  -v, --verbose...  処理の経過を表示",
        "bad.toml の3行目：不明な項目 bogus",
        "YES または はい と入力してください：",
        "A×1 または B×1",
        "規則の例：`match=00200098,nth=1,when=after,sw=6C00`、`hold_ms=2000`",
    ] {
        assert_eq!(c.offenders(japanese), Vec::<String>::new(), "{japanese}");
    }
}

// ---------------------------------------------------------------------------------------
// Running mynapin
// ---------------------------------------------------------------------------------------

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("mynapin")
}

/// A socket pcscd does not listen on: nothing here may reach a real pcscd.
const NO_PCSCD: &str = "/nonexistent/pcscd.comm";

#[derive(Clone, Copy, PartialEq)]
enum Language {
    /// `--lang ja` first on the command line.
    Flag,
    /// `LANG=ja_JP.UTF-8`, no `--lang`.
    Locale,
}

enum Input {
    Text(String),
    File(PathBuf),
}

/// One run: its command line (without `--lang ja`), input and environment.
struct Run {
    args: Vec<String>,
    input: Input,
    language: Language,
    env: Vec<(String, String)>,
}

struct Output {
    label: String,
    stdout: String,
    stderr: String,
    format: Format,
}

/// How stdout is written: text lines, an HTML page, Markdown (with its escapes).
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Html,
    Markdown,
}

fn format_of(args: &[String]) -> Format {
    match args
        .windows(2)
        .find(|w| w[0] == "--format")
        .map(|w| w[1].as_str())
    {
        Some("html") => Format::Html,
        Some("markdown") => Format::Markdown,
        _ => Format::Text,
    }
}

fn command(language: Language) -> Command {
    let mut c = Command::new(bin());
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env_remove("MYNAPIN_CATALOG_DIR")
        .env("PCSCLITE_CSOCK_NAME", NO_PCSCD)
        .env(
            "LANG",
            match language {
                Language::Flag => "C",
                Language::Locale => "ja_JP.UTF-8",
            },
        );
    if language == Language::Flag {
        c.args(["--lang", "ja"]);
    }
    c
}

fn label(args: &[String], language: Language) -> String {
    let shown: Vec<String> = args
        .iter()
        .map(|a| {
            if a.contains(' ') || a.is_empty() {
                format!("{a:?}")
            } else {
                a.clone()
            }
        })
        .collect();
    match language {
        Language::Flag => format!("mynapin --lang ja {}", shown.join(" ")),
        Language::Locale => format!("LANG=ja_JP.UTF-8 mynapin {}", shown.join(" ")),
    }
}

impl Run {
    fn go(&self) -> Output {
        let mut c = command(self.language);
        c.args(&self.args);
        for (k, v) in &self.env {
            c.env(k, v);
        }
        let out = match &self.input {
            Input::Text(t) => {
                let mut child = c
                    .stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                let mut stdin = child.stdin.take().unwrap();
                let t = t.clone();
                // A writer thread: mynapin may stop reading early (a closed pipe is fine).
                let writer = std::thread::spawn(move || {
                    let _ = stdin.write_all(t.as_bytes());
                });
                let out = child.wait_with_output().unwrap();
                let _ = writer.join();
                out
            }
            Input::File(p) => c.stdin(std::fs::File::open(p).unwrap()).output().unwrap(),
        };
        Output {
            label: label(&self.args, self.language),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            format: format_of(&self.args),
        }
    }
}

/// The runs of the suite, collected from tests/cli.rs, hostile.rs, sim_scenarios.rs,
/// guide.rs and terminal.rs (the terminal ones are in [`terminal_runs`]).
struct Suite {
    dir: tempfile::TempDir,
    n: usize,
    outputs: Vec<Output>,
}

fn s(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

impl Suite {
    fn new() -> Suite {
        Suite {
            dir: tempfile::tempdir().unwrap(),
            n: 0,
            outputs: Vec::new(),
        }
    }

    /// A new state file holding `fixture` plus extra TOML (fault rules).
    fn state(&mut self, fixture: &str, extra: &str) -> String {
        let f = Fixture::builtin(fixture).unwrap();
        self.state_of(&f, extra)
    }

    fn state_of(&mut self, f: &Fixture, extra: &str) -> String {
        self.n += 1;
        let sub = self.dir.path().join(format!("s{}", self.n));
        std::fs::create_dir(&sub).unwrap();
        let p = sub.join("card.toml");
        std::fs::write(&p, format!("{}\n{extra}\n", f.to_toml())).unwrap();
        p.to_str().unwrap().to_string()
    }

    /// A new file with `text`, named `name` (in a directory of its own).
    fn file(&mut self, name: &str, text: &str) -> String {
        self.n += 1;
        let sub = self.dir.path().join(format!("f{}", self.n));
        std::fs::create_dir(&sub).unwrap();
        let p = sub.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    }

    fn run_as(&mut self, language: Language, args: &[&str], stdin: &str, env: &[(&str, &str)]) {
        let run = Run {
            args: s(args),
            input: Input::Text(stdin.to_string()),
            language,
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        self.outputs.push(run.go());
    }

    fn run(&mut self, args: &[&str], stdin: &str) {
        self.run_as(Language::Flag, args, stdin, &[]);
    }

    fn env(&mut self, args: &[&str], env: &[(&str, &str)]) {
        self.run_as(Language::Flag, args, "", env);
    }

    fn push(&mut self, o: Output) {
        self.outputs.push(o);
    }
}

/// Every status, readers and guide view of every fixture.
fn fixtures(su: &mut Suite) {
    for f in fixture_names() {
        let sim = format!("--sim={f}");
        for tail in [
            &["status"][..],
            &["status", "--json"],
            &["status", "--check"],
            &["readers"],
            &["readers", "--json"],
            &["guide"],
            &["guide", "--json"],
        ] {
            let mut args = vec![sim.as_str()];
            args.extend_from_slice(tail);
            su.run(&args, "");
        }
    }
    su.run(&["sim", "fixtures"], "");
    su.run(&["sim", "fixtures", "--json"], "");
    su.run(&["--sim", "--trace", "status"], "");
    su.run(&["--sim", "-vv", "status"], "");
    su.run(&["--sim=no-sfi-read", "--trace", "status"], "");
}

/// The locale alone chooses Japanese.
fn locale(su: &mut Suite) {
    for (args, stdin) in [
        (&["--sim", "status"][..], ""),
        (&["--sim=sign-blocked", "status"], ""),
        (&["--sim=not-mynumber", "status"], ""),
        (&["--sim", "verify", "auth", "--pin-stdin"], "12\n"),
        (&["status", "--bogus"], ""),
        (&["--help"], ""),
        (&["guide", "--help"], ""),
        (&["guide", "--list-documents"], ""),
        (&["doctor"], ""),
        (&["--lang", "xx", "status"], ""),
    ] {
        su.run_as(Language::Locale, args, stdin, &[]);
    }
}

/// Usage errors, bad options and bad files: tests/cli.rs, hostile.rs, sim_scenarios.rs.
fn usage_errors(su: &mut Suite) {
    let bad_toml = su.file(
        "bad.toml",
        "description = \"x\"\n[refs.auth]\nvalue = 1234\n",
    );
    let bad_sim = format!("--sim={bad_toml}");
    for args in [
        &["status", "--bogus"][..],
        &["--sim=no-such-fixture", "status"],
        &["change"],
        &["--sim", "change"],
        &[&bad_sim, "status"],
        &["--sim", "verify", "4821"],
        &["--sim", "--reader", "0", "status"],
        &["--timeout", "18446744073709551615", "--sim", "status"],
        &["--timeout", "0", "--sim", "status"],
        &["--sim", "verify", "auth", "--pin-fd", "99999999999"],
        &["--sim", "verify", "auth", "--pin-fd", "1"],
        &["--sim=/dev/zero", "status"],
        &["--sim-state", "/dev/zero", "status"],
        &[
            "--sim",
            "guide",
            "auth",
            "--state",
            "blocked",
            "--profile",
            "/dev/zero",
        ],
        &["nosuchcommand"],
        &[],
        &["completions", "nosuchshell"],
        &[
            "guide", "auth", "--state", "blocked", "--cert", "valid", "--have", "bogus",
        ],
        &["guide", "auth", "--state", "nosuchstate"],
    ] {
        su.run(args, "");
    }
    let state = su.state("fresh", "");
    su.run(
        &["--sim-state", &state, "verify", "juki", "--pin-fd", "97"],
        "",
    );
    // A PIN from /dev/zero: longer than any line may be.
    su.push(
        Run {
            args: s(&["--sim", "verify", "auth", "--pin-stdin"]),
            input: Input::File(PathBuf::from("/dev/zero")),
            language: Language::Flag,
            env: Vec::new(),
        }
        .go(),
    );
}

/// Verify and change on the simulated card: tests/cli.rs.
fn verify_and_change(su: &mut Suite) {
    // Across runs, as in the README.
    let st = su.state("fresh", "");
    su.run(
        &["--sim-state", &st, "change", "auth", "--pin-stdin"],
        "1234\n5678\n5678\n",
    );
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "5678\n",
    );
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "1234\n",
    );
    su.run(&["--sim-state", &st, "status", "--json"], "");
    su.run(&["--sim-state", &st, "status"], "");
    let st = su.state("fresh", "");
    su.run(
        &["--sim-state", &st, "change", "juki", "--pin-fd", "0"],
        "1234\n8080\n8080\n",
    );
    // Wrong, right, low, blocked.
    let st = su.state("fresh", "");
    for (args, stdin) in [
        (&["verify", "auth", "--pin-stdin"][..], "9999\n"),
        (&["verify", "auth", "--pin-stdin"], "9999\n"),
        (&["verify", "auth", "--pin-stdin"], "1234\n"),
        (&["change", "auth", "--pin-stdin"], "1234\n5678\n5678\n"),
        (&["status"], ""),
        (
            &["verify", "auth", "--pin-stdin", "--use-last-try"],
            "9999\n",
        ),
        (
            &["verify", "auth", "--pin-stdin", "--use-last-try"],
            "1234\n",
        ),
        (&["change", "auth", "--pin-stdin"], "1234\n5678\n5678\n"),
        (&["status"], ""),
        (&["status", "--json"], ""),
    ] {
        let mut a = vec!["--sim-state", st.as_str()];
        a.extend_from_slice(args);
        su.run(&a, stdin);
    }
    // Every PIN, several at once.
    let st = su.state("fresh", "");
    su.run(
        &["--sim-state", &st, "change", "sign", "--pin-stdin"],
        "abc123\nnew456\nNEW456\n",
    );
    su.run(
        &[
            "--sim-state",
            &st,
            "change",
            "auth",
            "kenhojo",
            "juki",
            "--same-current",
            "--pin-stdin",
            "--json",
            "-v",
        ],
        "1234\n7777\n7777\n",
    );
    su.run(
        &["--sim-state", &st, "change", "auth", "juki", "--pin-stdin"],
        "7777\n7777\n1111\n1111\n",
    );
    su.run(
        &[
            "--sim-state",
            &st,
            "change",
            "auth",
            "kenhojo",
            "--same-current",
            "--pin-stdin",
        ],
        "1111\n2222\n2222\n",
    );
    // A partial juki change.
    let st = su.state("change-fails-juki-common", "");
    su.run(
        &["--sim-state", &st, "change", "juki", "--pin-stdin"],
        "1234\n4321\n4321\n",
    );
    su.run(&["--sim-state", &st, "status"], "");
    let st = su.state("change-fails-juki-common", "");
    su.run(
        &[
            "--sim-state",
            &st,
            "--json",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
    );
    // The bad-input matrix.
    let cases: &[(&[&str], &str)] = &[
        (&["auth"], "\n5678\n5678\n"),
        (&["auth"], "123\n5678\n5678\n"),
        (&["auth"], "12345\n5678\n5678\n"),
        (&["auth"], "12a4\n5678\n5678\n"),
        (&["auth"], "abcd\n5678\n5678\n"),
        (&["auth"], "12 4\n5678\n5678\n"),
        (&["auth"], " 1234\n5678\n5678\n"),
        (&["auth"], "1234 \n5678\n5678\n"),
        (&["auth"], "12\t4\n5678\n5678\n"),
        (&["auth"], "\u{1b}234\n5678\n5678\n"),
        (&["auth"], "1234\u{0}\n5678\n5678\n"),
        (&["auth"], "١٢٣٤\n5678\n5678\n"),
        (&["auth"], "12😀4\n5678\n5678\n"),
        (&["auth"], "ｘ２３４\n5678\n5678\n"),
        (&["auth"], "12-4\n5678\n5678\n"),
        (&["auth"], "1234\n\n\n"),
        (&["auth"], "1234\n567\n567\n"),
        (&["auth"], "1234\n56789\n56789\n"),
        (&["auth"], "1234\n56a8\n56a8\n"),
        (&["auth"], "1234\n1234\n1234\n"),
        (&["auth"], "1234\n5678\n5679\n"),
        (&["auth"], "1234\n5678\n"),
        (&["auth"], ""),
        (&["kenhojo"], "1234\n５６７\n５６７\n"),
        (&["juki"], "1234\n0000\n000\n"),
        (&["sign"], "AB12\nXYZ789\nXYZ789\n"),
        (&["sign"], "AB123\nXYZ789\nXYZ789\n"),
        (&["sign"], "ABCDEFGHIJ1234567\nXYZ789\nXYZ789\n"),
        (&["sign"], "ABC123\n123456\n123456\n"),
        (&["sign"], "ABC123\nABCDEF\nABCDEF\n"),
        (&["sign"], "ABC123\nABC 123\nABC 123\n"),
        (&["sign"], "ABC123\nABC_123\nABC_123\n"),
        (&["sign"], "ABC123\nABCDEFGHIJ1234567\nABCDEFGHIJ1234567\n"),
        (&["sign"], "ABC123\nABC123é\nABC123é\n"),
        (&["sign"], "ABC123\nabc123\nabc123\n"),
        (&["sign", "auth"], "ABC123\n1234\nXYZ789\nXYZ789\n"),
    ];
    for (pins, stdin) in cases {
        let st = su.state("fresh", "");
        let mut args = vec!["--sim-state", st.as_str(), "--trace", "change"];
        args.extend_from_slice(pins);
        args.push("--pin-stdin");
        su.run(&args, stdin);
    }
    // Accepted after normalization.
    for (pin, stdin) in [
        ("auth", "１２３４\n5678\n5678\n"),
        ("kenhojo", "1234\n５６７８\n5678\n"),
        ("sign", "abc123\nxyz789\nXYZ789\n"),
        ("sign", "ＡＢＣ１２３\nｑｗｅ４５６\nQWE456\n"),
    ] {
        let st = su.state("fresh", "");
        su.run(&["--sim-state", &st, "change", pin, "--pin-stdin"], stdin);
    }
    su.run(&["--sim", "verify", "sign", "--pin-stdin"], "123456\n");
    su.run(&["--sim", "verify", "auth", "--pin-stdin"], "12\n");
    su.run(&["--sim", "verify", "auth", "--pin-stdin"], "1234\n");
    su.run(&["--sim", "-v", "verify", "auth", "--pin-stdin"], "1234\n");
    // With --trace and -vv.
    let mut f = Fixture::fresh();
    for r in [
        KeyRef::Auth,
        KeyRef::Kenhojo,
        KeyRef::JukiAp,
        KeyRef::JukiCommon,
    ] {
        f.refs.get_mut(&r).unwrap().value = "2580".into();
    }
    f.refs.get_mut(&KeyRef::Sign).unwrap().value = "K7Q9Z4".into();
    let st = su.state_of(&f, "");
    for (args, stdin) in [
        (
            &[
                "change",
                "auth",
                "kenhojo",
                "juki",
                "--same-current",
                "--pin-stdin",
            ][..],
            "2580\n8642\n8642\n",
        ),
        (
            &["--json", "change", "sign", "--pin-stdin"],
            "k7q9z4\nm3n8p2\nM3N8P2\n",
        ),
        (&["verify", "juki", "--pin-stdin"], "8642\n"),
        (&["verify", "auth", "--pin-stdin"], "2580\n"),
        (&["change", "kenhojo", "--pin-stdin"], "8642\n2580\n2581\n"),
    ] {
        let mut a = vec!["--sim-state", st.as_str(), "--trace", "-vv"];
        a.extend_from_slice(args);
        su.run(&a, stdin);
    }
    // --only-ref.
    let mut f = Fixture::fresh();
    f.refs.get_mut(&KeyRef::JukiAp).unwrap().value = "4321".into();
    let st = su.state_of(&f, "");
    su.run(
        &[
            "--sim-state",
            &st,
            "change",
            "juki",
            "--only-ref",
            "juki-common",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
    );
    su.run(
        &[
            "--sim-state",
            &st,
            "change",
            "auth",
            "--only-ref",
            "juki-ap",
            "--pin-stdin",
        ],
        "",
    );
    su.run(
        &[
            "--sim-state",
            &st,
            "verify",
            "juki",
            "--only-ref",
            "juki-ap",
            "--pin-stdin",
        ],
        "4321\n",
    );
}

/// What a hostile card does: tests/hostile.rs (signals in [`signals`]).
fn hostile(su: &mut Suite) {
    let st = su.state(
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00\"\nsw = \"6C 00\"\n",
    );
    su.run(&["--sim-state", &st, "--trace", "status"], "");
    su.run(&["--sim-state", &st, "status", "--json"], "");
    let st = su.state(
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00 80 04\"\nwhen = \"after\"\nsw = \"6C 04\"\n",
    );
    su.run(
        &[
            "--sim-state",
            &st,
            "--trace",
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "9999\n",
    );
    let st = su.state("change-acts-then-6c", "");
    su.run(
        &[
            "--sim-state",
            &st,
            "--trace",
            "--json",
            "change",
            "auth",
            "--pin-stdin",
        ],
        "1234\n5678\n5678\n",
    );
    let st = su.state("change-acts-then-6c", "");
    su.run(
        &["--sim-state", &st, "change", "auth", "--pin-stdin"],
        "1234\n5678\n5678\n",
    );
    // Read-only state file.
    let st = su.state("fresh", "");
    let mut perms = std::fs::metadata(&st).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&st, perms).unwrap();
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "9999\n",
    );
    // Counts the card cannot mean.
    su.run(&["--sim=count-above-max", "status", "--json"], "");
    su.run(&["--sim=count-above-max", "status"], "");
    let st = su.state("count-above-max", "");
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "9999\n",
    );
    let st = su.state("count-rises", "");
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "9999\n",
    );
    su.run(
        &["--sim-state", &st, "change", "auth", "--pin-stdin"],
        "1234\n5678\n5678\n",
    );
    // Words about tries.
    let st = su.state(
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00 80 04\"\nsw = \"69 84\"\n",
    );
    su.run(
        &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
        "1234\n",
    );
    for rule in [
        "sw = \"65 81\"\nwhen = \"after\"",
        "answer = \"90\"\nwhen = \"after\"",
        "answer = \"\"\nwhen = \"after\"",
    ] {
        let st = su.state(
            "fresh",
            &format!("[[faults.rules]]\nmatch = \"00 20 00 80 04\"\n{rule}\n"),
        );
        su.run(
            &["--sim-state", &st, "verify", "auth", "--pin-stdin"],
            "9999\n",
        );
    }
    let mut f = Fixture::fresh();
    f.refs.get_mut(&KeyRef::JukiCommon).unwrap().value = "5678".into();
    let st = su.state_of(&f, "");
    su.run(
        &["--sim-state", &st, "verify", "juki", "--pin-stdin"],
        "1234\n",
    );
    // A missing line.
    let st = su.state("fresh", "");
    su.run(
        &["--sim-state", &st, "change", "auth", "--pin-stdin"],
        "1234\n5678\n",
    );
    // Faults of sim_scenarios.rs: a held answer, in process.
    let hold = su.file(
        "hold.toml",
        "description = \"hold\"\n[[faults.rules]]\nmatch = \"00 20 00 98\"\nhold_ms = 30\n",
    );
    su.run(&[&format!("--sim={hold}"), "--json", "status"], "");
    su.run(&[&format!("--sim={hold}"), "status"], "");
}

/// `sim serve` refusing its arguments: tests/sim_scenarios.rs (no vpcd needed).
fn serve(su: &mut Suite) {
    for args in [
        &["sim", "serve", "--vpcd", "notahost"][..],
        &["sim", "serve", "--vpcd", "127.0.0.1:1", "--wait-vpcd", "1"],
        &["sim", "serve", "--latency-ms", "18446744073709551615"],
        &["sim", "serve", "--wait-vpcd", "0"],
        &[
            "sim",
            "serve",
            "--mute-after",
            "1",
            "--mute-ms",
            "999999999",
        ],
        &["sim", "serve", "--fault", "match=00,when=later,sw=6C00"],
        &["sim", "serve", "--fault-sw", "0=6581"],
    ] {
        su.run(args, "");
    }
}

/// No pcscd: doctor, readers and the commands that need a reader.
fn no_pcscd(su: &mut Suite) {
    for args in [
        &["doctor"][..],
        &["doctor", "--json"],
        &["readers"],
        &["readers", "--json"],
        &["status"],
        &["status", "--json"],
        &["--reader", "0", "status"],
        &["verify", "auth", "--pin-stdin"],
        &["change", "auth", "--pin-stdin"],
    ] {
        su.run(args, "1234\n");
    }
}

/// The guide and profiles: tests/guide.rs.
fn guide(su: &mut Suite) {
    let runs: &[&[&str]] = &[
        &["--sim=sign-blocked", "guide"],
        &[
            "--sim=sign-blocked",
            "guide",
            "--json",
            "--know",
            "auth",
            "--city",
            "takatsuki",
        ],
        &["--sim=auth-expired", "guide", "--pin", "auth", "--json"],
        &["--sim", "guide"],
        &[
            "guide",
            "--pin",
            "kenhojo",
            "--state",
            "blocked",
            "--cert",
            "valid",
            "--city",
            "takatsuki",
            "--have",
            "mynumber_card",
            "--json",
        ],
        &[
            "guide",
            "--pin",
            "kenhojo",
            "--state",
            "blocked",
            "--cert",
            "valid",
            "--city",
            "takatsuki",
            "--have",
            "mynumber_card,passport",
        ],
        &[
            "guide",
            "--pin",
            "kenhojo",
            "--state",
            "blocked",
            "--cert",
            "valid",
            "--city",
            "takatsuki",
            "--have",
            "mynumber_card",
        ],
        &["guide", "--list-documents"],
        &[
            "guide",
            "--pin",
            "juki",
            "--state",
            "forgotten",
            "--cert",
            "valid",
            "--city",
            "takatsuki",
            "--applicant",
            "legal",
            "--under-15",
            "--format",
            "markdown",
        ],
        &[
            "guide",
            "juki",
            "--state",
            "forgotten",
            "--city",
            "takatsuki",
            "--applicant",
            "agent",
            "--format",
            "markdown",
            "--have",
            "mynumber_card,holder:medical_certificate,drivers_license,inquiry_answer_sheet",
        ],
        &[
            "guide", "auth", "--state", "known", "--city", "toyokawa", "--format", "markdown",
        ],
        &[
            "guide", "juki", "--state", "blocked", "--format", "markdown",
        ],
        &[
            "guide", "juki", "--state", "known", "--city", "toyokawa", "--format", "html",
        ],
        &[
            "guide",
            "sign",
            "--state",
            "blocked",
            "--city",
            "takatsuki",
            "--format",
            "html",
        ],
        &["--sim=under-15", "guide", "auth"],
        &["guide", "juki", "--state", "forgotten", "--face-auth"],
        &[
            "guide",
            "sign",
            "--state",
            "blocked",
            "--cert",
            "revoked",
            "--know",
            "auth",
            "--city",
            "takatsuki",
        ],
        &["--sim=auth-expired", "guide", "auth"],
        &[
            "guide",
            "auth",
            "--state",
            "known",
            "--city",
            "toyokawa",
            "--applicant",
            "agent",
            "--visit",
            "1",
            "--have",
            "mynumber_card,drivers_license,pension_book",
        ],
        &["profile", "check", "core/profiles/toyokawa.toml"],
        &["profile", "check", "takatsuki"],
        &["profile", "check", "takatsuki", "--json"],
        &["profile", "check", "core/profiles/TEMPLATE.toml.example"],
        &["profile", "check", "national"],
        &["profile", "check", "/nonexistent/city.toml"],
    ];
    for args in runs {
        su.run(args, "");
    }
    for pin in ["auth", "sign", "kenhojo", "juki"] {
        su.run(&["--sim=all-blocked", "verify", pin], "");
        su.run(&["guide", pin, "--state", "blocked"], "");
        for state in ["known", "forgotten", "blocked"] {
            su.run(&["guide", pin, "--state", state, "--json"], "");
            for city in ["takatsuki", "toyokawa"] {
                su.run(&["guide", pin, "--state", state, "--city", city], "");
            }
        }
    }
    for city in [None, Some("takatsuki"), Some("toyokawa")] {
        let mut args = vec![
            "guide",
            "auth",
            "--state",
            "blocked",
            "--under-15",
            "--applicant",
            "legal",
        ];
        if let Some(c) = city {
            args.extend(["--city", c]);
        }
        su.run(&args, "");
    }
    // Another city's profile, a malformed one, and broken ones for `profile check`.
    let good = su.file(
        "city.toml",
        &include_str!("../core/profiles/toyokawa.toml")
            .replace("id = \"toyokawa\"", "id = \"elsewhere\""),
    );
    su.run(
        &[
            "guide",
            "--pin",
            "auth",
            "--state",
            "known",
            "--cert",
            "valid",
            "--profile",
            &good,
            "--json",
        ],
        "",
    );
    su.run(
        &["guide", "auth", "--state", "known", "--profile", &good],
        "",
    );
    let bad = su.file(
        "bad.toml",
        &include_str!("../core/profiles/takatsuki.toml").replace("visits = 1", "visits = \"one\""),
    );
    su.run(
        &[
            "guide",
            "--pin",
            "auth",
            "--state",
            "known",
            "--cert",
            "valid",
            "--profile",
            &bad,
        ],
        "",
    );
    su.run(&["profile", "check", &bad], "");
    // An unknown key, and a source that names no page of the profile.
    for (from, to) in [
        (
            "heading = \"受付窓口\" }\n\n[[hours]]",
            "heading = \"受付窓口\" }\nbogus = 1\n\n[[hours]]",
        ),
        (
            "source = { file = \"example-page\", heading = \"本人確認書類\" }",
            "source = { file = \"elsewhere\", heading = \"本人確認書類\" }",
        ),
    ] {
        let template = include_str!("../core/profiles/TEMPLATE.toml.example");
        assert!(
            template.contains(from),
            "the template no longer has {from:?}"
        );
        let bad = su.file("bad.toml", &template.replace(from, to));
        su.run(&["profile", "check", &bad], "");
    }
    let escaped = su.file(
        "city.toml",
        &include_str!("../core/profiles/toyokawa.toml")
            .replace("各支所", "各支所\\u001b[31m\\u0007"),
    );
    for format in ["text", "markdown", "html"] {
        su.run(
            &[
                "guide",
                "juki",
                "--state",
                "known",
                "--profile",
                &escaped,
                "--format",
                format,
            ],
            "",
        );
    }
    // No card needed, and cards that cannot be read (tests/guide.rs, with no pcscd).
    let locked_dir = su.dir.path().join("locked");
    std::fs::create_dir(&locked_dir).unwrap();
    let lock = std::fs::File::create(locked_dir.join(".card.toml.lock")).unwrap();
    lock.lock().unwrap();
    let locked = format!("--sim-state={}", locked_dir.join("card.toml").display());
    let setups: Vec<Vec<&str>> = vec![
        vec!["--sim=juki-card"],
        vec!["--sim=not-mynumber"],
        vec!["--sim=smartphone"],
        vec![],
        vec!["--reader", "0"],
        vec![&locked, "--timeout", "1"],
    ];
    for pre in &setups {
        for (pin, st) in [
            ("juki", "forgotten"),
            ("sign", "blocked"),
            ("auth", "known"),
        ] {
            let mut args = pre.clone();
            args.extend(["guide", pin, "--state", st, "--city", "toyokawa"]);
            su.run(&args, "");
        }
        for tail in [&["guide"][..], &["guide", "--json"], &["guide", "kenhojo"]] {
            let mut args = pre.clone();
            args.extend_from_slice(tail);
            su.run(&args, "");
        }
        let mut args = pre.clone();
        args.push("status");
        su.run(&args, "");
    }
    drop(lock);
    su.env(&["guide"], &[("PCSCLITE_CSOCK_NAME", NO_PCSCD)]);
}

/// Every command's `--help` (and clap's `help`).
fn help(su: &mut Suite) {
    let paths: &[&[&str]] = &[
        &[],
        &["status"],
        &["watch"],
        &["readers"],
        &["verify"],
        &["change"],
        &["guide"],
        &["doctor"],
        &["profile"],
        &["profile", "check"],
        &["sim"],
        &["sim", "fixtures"],
        &["sim", "serve"],
        &["completions"],
        &["manpage"],
    ];
    for p in paths {
        let mut args = p.to_vec();
        args.push("--help");
        su.run(&args, "");
        let mut args = p.to_vec();
        args.push("-h");
        su.run(&args, "");
    }
    su.run(&["help"], "");
    su.run(&["help", "change"], "");
    su.run(&["help", "sim", "serve"], "");
}

/// Starts `mynapin --lang ja ARGS` with `stdin`, waits for the simulated card to hold the
/// answer named by the fault's `hex` (its stderr line shows the command's header in
/// parentheses), sends `signal`: tests/hostile.rs. Unix (kill(1)); Windows' Ctrl-C is
/// checked under Wine by scripts/test-windows.sh.
#[cfg(unix)]
fn signal_during(args: &[&str], stdin: &str, hex: &str, signal: &str) -> Output {
    let mut child = command(Language::Flag)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    let marker = hex.to_string();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            panic!("{args:?}: the card never held an answer:\n{seen}");
        }
        seen.push_str(&line);
        if line.contains(&marker) && line.starts_with("mynapin sim: ") {
            break;
        }
    }
    let ok = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    Output {
        label: format!("{} (and {signal})", label(&s(args), Language::Flag)),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: seen + &rest,
        format: Format::Text,
    }
}

#[cfg(unix)]
fn signals(su: &mut Suite) {
    let hold = "[[faults.rules]]\nmatch = \"80 32\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n";
    let st = su.state("fresh", hold);
    let o = signal_during(
        &["--sim-state", &st, "change", "juki", "--pin-stdin"],
        "1234\n4321\n4321\n",
        "80 32",
        "-INT",
    );
    su.push(o);
    let st = su.state("fresh", hold);
    let o = signal_during(
        &[
            "--sim-state",
            &st,
            "--json",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "80 32",
        "-TERM",
    );
    su.push(o);
    // SIGHUP, SIGQUIT, SIGPIPE (issue 18): their own words.
    for signal in ["-HUP", "-QUIT", "-PIPE"] {
        let st = su.state("fresh", hold);
        let o = signal_during(
            &["--sim-state", &st, "change", "juki", "--pin-stdin"],
            "1234\n4321\n4321\n",
            "80 32",
            signal,
        );
        su.push(o);
    }
    let st = su.state(
        "fresh",
        "[[faults.rules]]\nmatch = \"00 A4 02 0C 02 00 1C\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n",
    );
    let o = signal_during(
        &[
            "--sim-state",
            &st,
            "--trace",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "00 A4 02 0C",
        "-INT",
    );
    su.push(o);
}

/// The terminal path on a pseudo-terminal: tests/terminal.rs. Each step waits for a prompt
/// (a line ending in a colon) before it answers; answers carry no Latin letters, so the
/// terminal's echo of them cannot be mistaken for output.
#[cfg(unix)]
fn terminal_runs(su: &mut Suite) {
    use rexpect::session::PtySession;

    fn spawn(args: &str) -> PtySession {
        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            &format!(
                "trap 'true' INT; stty echo; {} --lang ja {args}",
                bin().display()
            ),
        ])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env("PCSCLITE_CSOCK_NAME", NO_PCSCD);
        rexpect::session::spawn_command(cmd, Some(30_000)).unwrap()
    }
    /// rexpect hands over each byte as a char: the text as UTF-8 again.
    fn utf8(s: &str) -> String {
        let bytes: Vec<u8> = s
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect();
        String::from_utf8_lossy(&bytes).replace('\r', "")
    }
    /// Waits for the next prompt (ending in ":" or "：", bytes EF BC 9A); returns what came
    /// before it and the prompt.
    fn prompt(p: &mut PtySession) -> String {
        let (before, matched) = p.exp_regex("(:|\u{ef}\u{bc}\u{9a}) ?$").unwrap();
        utf8(&(before + &matched))
    }
    fn finish(mut p: PtySession, mut seen: String, args: &str) -> Output {
        seen.push_str(&utf8(&p.exp_eof().unwrap()));
        let _ = p.process_mut().wait();
        Output {
            label: format!("mynapin --lang ja {args} (on a terminal)"),
            stdout: seen,
            stderr: String::new(),
            format: Format::Text,
        }
    }

    // The last try: refused with a word other than YES, then confirmed with 「はい」.
    let st = su.state("auth-last-try", "");
    let args = format!("--sim-state {st} verify auth --use-last-try");
    let mut p = spawn(&args);
    let mut seen = prompt(&mut p);
    p.send_line("いいえ").unwrap();
    su.push(finish(p, std::mem::take(&mut seen), &args));
    let mut p = spawn(&args);
    let mut seen = prompt(&mut p);
    p.send_line("はい").unwrap();
    seen.push_str(&prompt(&mut p));
    p.send_line("1234").unwrap();
    su.push(finish(p, seen, &args));

    // change on a terminal, with a mismatched confirmation that is asked again.
    let st = su.state("fresh", "");
    let args = format!("--sim-state {st} change kenhojo");
    let mut p = spawn(&args);
    let mut seen = String::new();
    for answer in ["1234", "9753", "9754", "9753", "9753"] {
        seen.push_str(&prompt(&mut p));
        p.send_line(answer).unwrap();
    }
    su.push(finish(p, seen, &args));

    // Ctrl-C and Ctrl-D at a prompt.
    for (key, cmd) in [('c', "change auth"), ('d', "verify auth")] {
        let st = su.state("fresh", "");
        let args = format!("--sim-state {st} {cmd}");
        let mut p = spawn(&args);
        let seen = prompt(&mut p);
        p.send_control(key).unwrap();
        su.push(finish(p, seen, &args));
    }
}

#[cfg(not(unix))]
fn terminal_runs(_su: &mut Suite) {}

/// Windows has no signals to send (see the Unix `signals`).
#[cfg(not(unix))]
fn signals(_su: &mut Suite) {}

// ---------------------------------------------------------------------------------------
// Checking the outputs
// ---------------------------------------------------------------------------------------

/// JSON keys whose values are ids of the schema (enums, ids, dates, hex), not text.
const JSON_ID_KEYS: &[&str] = &[
    "schema",
    "kind",
    "id",
    "state",
    "applet",
    "ef",
    "sw",
    "token",
    "card",
    "check",
    "route",
    "pin",
    "result",
    "outcome",
    "holds",
    "applicant",
    "category",
    "certificate",
    "card_type",
    "checked",
    "from",
    "owner",
    "procedure",
    "purpose",
    "required",
    "gives_priority",
    "accepts_agents",
    "not_after",
    "date",
    "updated",
    // Document ids (`mynumber_card`, `passport`).
    "documents",
    // A source page's file in the profile (`toyokawa-page`, `takatsuki-page`).
    "file",
    // Profile field paths the profile does not state (`fee`, `page.address`).
    "not_stated",
];

/// An offending line, the words that offend, and where it was printed.
struct Finding {
    words: Vec<String>,
    commands: Vec<String>,
}

/// The text of an HTML page: its title and its body, without tags, entities decoded.
fn html_text(html: &str) -> String {
    let title = html
        .split_once("<title>")
        .and_then(|(_, t)| t.split_once("</title>"))
        .map(|(t, _)| t)
        .unwrap_or_default();
    let body = html.split_once("<body>").map(|(_, b)| b).unwrap_or(html);
    let mut text = String::from(title);
    text.push('\n');
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn json_values(
    v: &serde_json::Value,
    path: &str,
    key: Option<&str>,
    out: &mut Vec<(String, String)>,
) {
    match v {
        serde_json::Value::String(s) if !key.is_some_and(|k| JSON_ID_KEYS.contains(&k)) => {
            out.push((path.to_string(), s.clone()));
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                json_values(x, &format!("{path}[{i}]"), key, out);
            }
        }
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                json_values(x, &format!("{path}.{k}"), Some(k), out);
            }
        }
        _ => {}
    }
}

/// Every JSON value of `text` (one or more documents), or None when it is not JSON.
fn json_documents(text: &str) -> Option<Vec<serde_json::Value>> {
    let docs: Result<Vec<serde_json::Value>, _> = serde_json::Deserializer::from_str(text)
        .into_iter::<serde_json::Value>()
        .collect();
    docs.ok().filter(|d| !d.is_empty())
}

/// Whether a run's label is a request for help (`--help`, `-h`, `help …`).
fn is_help(label: &str) -> bool {
    label
        .split_whitespace()
        .any(|w| w == "--help" || w == "-h" || w == "help")
}

fn check_all(outputs: &[Output]) -> BTreeMap<String, Finding> {
    let checker = Checker::new();
    let mut found: BTreeMap<String, Finding> = BTreeMap::new();
    let mut note = |line: String, words: Vec<String>, command: String| {
        let f = found.entry(line).or_insert_with(|| Finding {
            words,
            commands: Vec::new(),
        });
        if !f.commands.contains(&command) {
            f.commands.push(command);
        }
    };
    for o in outputs {
        let stdout_lines: Vec<(String, String)> = match json_documents(&o.stdout) {
            Some(docs) => {
                let mut values = Vec::new();
                for d in &docs {
                    json_values(d, "", None, &mut values);
                }
                values
                    .into_iter()
                    .flat_map(|(path, v)| {
                        v.lines()
                            .map(|l| (format!("stdout JSON {path}"), l.to_string()))
                            .collect::<Vec<_>>()
                    })
                    .collect()
            }
            None => {
                let text = match o.format {
                    Format::Html => html_text(&o.stdout),
                    // CommonMark's backslash escapes (`counter.any\_pin`, `\[1\]`).
                    Format::Markdown => o.stdout.replace('\\', ""),
                    Format::Text => o.stdout.clone(),
                };
                text.lines()
                    .map(|l| ("stdout".to_string(), l.to_string()))
                    .collect()
            }
        };
        let stderr_lines = o
            .stderr
            .lines()
            .map(|l| ("stderr".to_string(), l.to_string()));
        for (stream, line) in stdout_lines.into_iter().chain(stderr_lines) {
            let words = checker.offenders_in(&line, is_help(&o.label));
            if !words.is_empty() {
                note(
                    format!("{stream}: {}", line.trim_end()),
                    words,
                    o.label.clone(),
                );
            }
        }
    }
    found
}

fn report(found: &BTreeMap<String, Finding>, runs: usize) -> String {
    let mut text = format!(
        "{} distinct lines with English in Japanese output (from {runs} runs):\n",
        found.len()
    );
    for (line, f) in found {
        text.push_str(&format!("\n{line}\n    English: {}\n", f.words.join(" ")));
        for c in f.commands.iter().take(5) {
            text.push_str(&format!("    by: {c}\n"));
        }
        if f.commands.len() > 5 {
            text.push_str(&format!("    and {} more runs\n", f.commands.len() - 5));
        }
    }
    text
}

#[test]
fn japanese_output_has_no_english_but_commands_flags_ids_and_names() {
    let mut su = Suite::new();
    fixtures(&mut su);
    locale(&mut su);
    usage_errors(&mut su);
    verify_and_change(&mut su);
    hostile(&mut su);
    serve(&mut su);
    no_pcscd(&mut su);
    guide(&mut su);
    help(&mut su);
    signals(&mut su);
    terminal_runs(&mut su);
    let runs = su.outputs.len();
    eprintln!("japanese: {runs} runs checked");
    assert!(runs > 300, "only {runs} runs");
    // The runs print something: a run that printed nothing would prove nothing.
    let silent: Vec<&str> = su
        .outputs
        .iter()
        .filter(|o| o.stdout.trim().is_empty() && o.stderr.trim().is_empty())
        .map(|o| o.label.as_str())
        .collect();
    assert!(silent.is_empty(), "runs that printed nothing: {silent:#?}");
    let found = check_all(&su.outputs);
    assert!(found.is_empty(), "{}", report(&found, runs));
}

#[test]
fn the_report_names_the_line_the_words_and_the_command() {
    let outputs = vec![
        Output {
            label: "mynapin --lang ja --sim status".into(),
            stdout: "リーダー：mynapin simulated card (fresh)\n  3/3    正常\n".into(),
            stderr: "mynapin: エラー：想定外の応答 6A 80（incorrect parameters）\n".into(),
            format: Format::Text,
        },
        Output {
            label: "mynapin --lang ja status --json".into(),
            stdout: "{\"schema\":\"mynapin.status.v1\",\"state\":\"blocked\",\"name\":\"Signature password\"}".into(),
            stderr: String::new(),
            format: Format::Text,
        },
        Output {
            label: "mynapin --lang ja guide --format html".into(),
            stdout: "<html><head><title>案内</title><style>body { margin: 0 }</style></head><body><h1 class=\"x\">案内 &amp; Route</h1></body></html>".into(),
            stderr: String::new(),
            format: Format::Html,
        },
    ];
    let found = check_all(&outputs);
    let text = report(&found, outputs.len());
    assert_eq!(found.len(), 4, "{text}");
    for needle in [
        "stdout: リーダー：mynapin simulated card (fresh)",
        "English: simulated card",
        "by: mynapin --lang ja --sim status",
        "stderr: mynapin: エラー：想定外の応答 6A 80（incorrect parameters）",
        "stdout JSON .name: Signature password",
        "English: Route",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    assert!(
        !text.contains("blocked"),
        "an id of the schema is not text: {text}"
    );
    assert!(!text.contains("margin"), "no style sheet: {text}");
}
