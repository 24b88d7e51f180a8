//! The CLI harness shared by the test files that run the `mynapin` binary: a command with a
//! known environment, one run's exit code and output, the simulated card's state files, and a
//! signal sent while the simulated card holds an answer. (The end-to-end helpers that need
//! pcscd are in `common/mod.rs`.)

use assert_cmd::Command;
use mynapin_core::layout::KeyRef;
use mynapin_sim::{Fixture, SimCard};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A socket pcscd does not listen on: a run with it sees "pcscd is not running", whatever
/// runs on the machine.
pub const NO_PCSCD: (&str, &str) = ("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm");

/// `mynapin` in the C locale, without the user's language, city, width or catalogue settings
/// (`LC_ALL`, `LC_MESSAGES`, `MYNAPIN_CITY`, `COLUMNS`, `MYNAPIN_CATALOG_DIR`) or config file
/// (`XDG_CONFIG_HOME` names a folder that does not exist), as a plain process (for tests that
/// spawn it and wait on its output).
pub fn std_command() -> std::process::Command {
    let mut c = std::process::Command::new(super::bin());
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("MYNAPIN_CITY")
        .env_remove("COLUMNS")
        .env_remove("MYNAPIN_CATALOG_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent/mynapin-test")
        .env("LANG", "C");
    c
}

/// [`std_command`] for a run to its end, given up after 60 s.
pub fn mynapin() -> Command {
    let mut c = Command::from_std(std_command());
    c.timeout(Duration::from_secs(60));
    c
}

/// One run: its exit code (-1 when a signal ended it), its output and how long it took.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

impl Run {
    /// What the command printed on stdout, as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{e}\n{}\n{}", self.stdout, self.stderr))
    }

    /// Stdout, then stderr.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// How many commands were sent to the card (`--trace` lines `trace: >`).
    pub fn sent(&self) -> usize {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("trace: >"))
            .count()
    }

    /// (exit code, stdout, stderr).
    pub fn parts(self) -> (i32, String, String) {
        (self.code, self.stdout, self.stderr)
    }

    /// (exit code, stdout then stderr).
    pub fn code_all(self) -> (i32, String) {
        let all = self.all();
        (self.code, all)
    }

    /// (exit code, stderr).
    pub fn code_stderr(self) -> (i32, String) {
        (self.code, self.stderr)
    }
}

/// Runs `c` to its end.
pub fn output(c: &mut Command) -> Run {
    let t0 = std::time::Instant::now();
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: t0.elapsed(),
    }
}

/// `mynapin ARGS` with `stdin`.
pub fn run(args: &[&str], stdin: &str) -> Run {
    run_env(args, stdin, &[])
}

/// `mynapin ARGS` with `stdin` and the variables `env` set.
pub fn run_env(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut c = mynapin();
    c.args(args).write_stdin(stdin.as_bytes().to_vec());
    for (k, v) in env {
        c.env(k, v);
    }
    output(&mut c)
}

/// `mynapin ARGS` (no input), its stdout as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    run(args, "").json()
}

/// A state file `card.toml` in `dir` holding the built-in `fixture`.
pub fn state_file(dir: &tempfile::TempDir, fixture: &str) -> PathBuf {
    state_with(dir, fixture, "")
}

/// A state file `card.toml` in `dir` holding `fixture` plus `extra` TOML (fault rules,
/// values); it must load.
pub fn state_with(dir: &tempfile::TempDir, fixture: &str, extra: &str) -> PathBuf {
    let p = dir.path().join("card.toml");
    let text = format!(
        "{}\n{extra}\n",
        Fixture::builtin(fixture).unwrap().to_toml()
    );
    std::fs::write(&p, text).unwrap();
    let _ = card_at(&p);
    p
}

/// The simulated card a state file holds.
pub fn card_at(p: &Path) -> SimCard {
    SimCard::new(Fixture::from_toml(&std::fs::read_to_string(p).unwrap(), "state").unwrap())
}

/// The tries left of every reference (in `KeyRef::ALL`'s order) of the card in a state file.
pub fn tries(p: &Path) -> Vec<u8> {
    let c = card_at(p);
    KeyRef::ALL.iter().map(|r| c.tries_left(*r)).collect()
}

/// Starts `mynapin ARGS` ([`std_command`]) with its stdout and stderr piped, writes `stdin`
/// and closes it (a write the process refused by exiting first is ignored).
pub fn spawn(args: &[&str], stdin: &str) -> std::process::Child {
    let mut c = std_command();
    c.args(args);
    spawn_with(c, stdin)
}

/// [`spawn`] for another command (one that runs mynapin itself: a shell, `unshare`).
pub fn spawn_with(mut c: std::process::Command, stdin: &str) -> std::process::Child {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child
}

/// Starts `mynapin ARGS` with `stdin`, waits for the simulated card's "holding" line on
/// stderr (the event: a fault rule with `hold_ms` holds an answer), sends `signal` with
/// kill(1), and returns (exit code, stdout, stderr).
#[cfg(unix)]
pub fn signal_during(args: &[&str], stdin: &str, signal: &str) -> (i32, String, String) {
    use std::io::{BufRead, BufReader, Read};
    let mut child = spawn(args, stdin);
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            panic!("the card never held an answer:\n{seen}");
        }
        seen.push_str(&line);
        if line.starts_with("mynapin sim: holding") {
            break;
        }
    }
    let ok = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let mut rest = String::new();
    err.read_to_string(&mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        seen + &rest,
    )
}
