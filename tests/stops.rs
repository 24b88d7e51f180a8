//! Issue 18, item 4: SIGHUP, SIGQUIT and SIGPIPE are handled as SIGINT and SIGTERM are —
//! between the two juki CHANGE KEYs the command in flight finishes, nothing more is sent, the
//! per-reference report is printed and the exit is 128 + the signal's number (before, SIGHUP
//! and SIGQUIT ended the process at once with nothing printed, the first place already holding
//! the new PIN). At the hidden prompt: tests/terminal.rs. A card that does not answer at all
//! after the signal (item 5): tests/e2e.rs.
#![cfg(unix)] // SIGHUP, SIGQUIT and SIGPIPE exist on Unix only (Windows: tests/cli.rs, windows.rs).

use mynapin_core::layout::KeyRef;
use mynapin_sim::{Fixture, SimCard};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("mynapin")
}

/// A state file holding a fresh card whose first CHANGE KEY is performed and its answer held
/// (the simulated card says so on stderr, the event the signal waits for).
fn held_after_first_change_key(dir: &tempfile::TempDir) -> PathBuf {
    let p = dir.path().join("card.toml");
    let text = format!(
        "{}\n[[faults.rules]]\nmatch = \"80 32\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n",
        Fixture::builtin("fresh").unwrap().to_toml()
    );
    std::fs::write(&p, text).unwrap();
    p
}

fn card_at(p: &Path) -> SimCard {
    SimCard::new(Fixture::from_toml(&std::fs::read_to_string(p).unwrap(), "state").unwrap())
}

/// Runs `mynapin ARGS` with `stdin`, sends `signal` when the card holds its answer, and
/// returns (exit code, stdout, stderr).
fn signal_during(args: &[&str], stdin: &str, signal: &str) -> (i32, String, String) {
    let mut child = std::process::Command::new(bin())
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
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
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        seen + &rest,
    )
}

#[test]
fn sighup_sigquit_and_sigpipe_between_the_two_change_keys_report_each_reference() {
    for (signal, code, said) in [
        ("-HUP", 129, "the terminal was closed (SIGHUP)"),
        ("-QUIT", 131, "Stopped by Ctrl-\\ (SIGQUIT)"),
        ("-PIPE", 141, "the output was closed (SIGPIPE)"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let s = held_after_first_change_key(&dir);
        let (exit, out, err) = signal_during(
            &[
                "--sim-state",
                s.to_str().unwrap(),
                "--trace",
                "change",
                "juki",
                "--pin-stdin",
            ],
            "1234\n4321\n4321\n",
            signal,
        );
        assert_eq!(exit, code, "{signal}: {out}{err}");
        assert!(
            out.contains("residence registry PIN — place 1 of 2: CHANGED (holds the new PIN)"),
            "{signal}: {out}"
        );
        assert!(
            out.contains(
                "residence registry PIN — place 2 of 2: not changed (holds the old PIN; no change command was sent)"
            ),
            "{signal}: {out}"
        );
        assert!(
            out.contains("mynapin change juki --only-ref juki-common"),
            "{signal}: {out}"
        );
        assert!(err.contains(said), "{signal}: {err}");
        // One CHANGE KEY sent, none after the signal.
        assert_eq!(
            err.matches("trace: > 80 32").count(),
            1,
            "{signal}: a command was sent after the signal:\n{err}"
        );
        let c = card_at(&s);
        assert!(c.value_is(KeyRef::JukiAp, "4321") && c.value_is(KeyRef::JukiCommon, "1234"));
    }
}

#[test]
fn sighup_between_the_two_change_keys_is_said_in_the_json_and_the_exit_code() {
    // A closed terminal may leave nowhere to print: the JSON and the exit code still say it.
    let dir = tempfile::tempdir().unwrap();
    let s = held_after_first_change_key(&dir);
    let (exit, out, err) = signal_during(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "--json",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "-HUP",
    );
    assert_eq!(exit, 129, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["result"], "partial");
    assert_eq!(v["refs"][0]["outcome"], "changed");
    assert_eq!(v["refs"][1]["outcome"], "not_changed");
    assert_eq!(v["error"]["kind"], "interrupted");
    assert_eq!(v["error"]["exit_code"], 129);
}
