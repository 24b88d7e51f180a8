//! Issue 18, item 4: SIGHUP, SIGQUIT and SIGPIPE are handled as SIGINT and SIGTERM are —
//! between the two juki CHANGE KEYs the command in flight finishes, nothing more is sent, the
//! per-reference report is printed and the exit is 128 + the signal's number (before, SIGHUP
//! and SIGQUIT ended the process at once with nothing printed, the first place already holding
//! the new PIN). At the hidden prompt: tests/terminal.rs. A card that does not answer at all
//! after the signal (item 5): tests/e2e.rs.
#![cfg(unix)] // SIGHUP, SIGQUIT and SIGPIPE exist on Unix only (Windows: tests/cli.rs, windows.rs).

mod common;

use common::cli::{card_at, signal_during, state_with};
use mynapin_core::layout::KeyRef;
use std::path::PathBuf;

/// A state file holding a fresh card whose first CHANGE KEY is performed and its answer held
/// (the simulated card says so on stderr, the event the signal waits for).
fn held_after_first_change_key(dir: &tempfile::TempDir) -> PathBuf {
    state_with(
        dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"80 32\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500",
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
