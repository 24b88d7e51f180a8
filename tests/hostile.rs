//! What a hostile card, a signal and a bad input can do — each defect of issue 8 as a test
//! against the `mynapin` binary and the in-process simulated card with fault rules
//! (`[[faults.rules]]`, see sim/fixtures/apdu/README.md). Each asserts the counters afterwards and
//! the per-reference report.

mod common;

use common::bin;
#[cfg(unix)]
use common::cli::signal_during;
use common::cli::{card_at, run, state_with, tries};
use mynapin_core::layout::KeyRef;
use mynapin_sim::Fixture;
use std::io::Write;
// Reading a child's stderr line by line: the Linux-only core-dump test.
#[cfg(target_os = "linux")]
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

// 1. 6C xx ---------------------------------------------------------------------------------

#[test]
fn a_6c_answer_to_the_counter_query_is_never_resent_and_status_changes_no_counter() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00\"\nsw = \"6C 00\"\n",
    );
    let before = tries(&s);
    for _ in 0..3 {
        let r = run(
            &["--sim-state", s.to_str().unwrap(), "--trace", "status"],
            "",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        // Never `00 20 00 98 00` (a VERIFY with an empty PIN on some cards).
        assert!(
            !r.stderr
                .lines()
                .any(|l| l.starts_with("trace: > 00 20 00") && l.split_whitespace().count() == 7),
            "the query was resent with an Le:\n{}",
            r.stderr
        );
        assert!(r.stdout.contains("unknown"), "{}", r.stdout);
    }
    assert_eq!(tries(&s), before, "status changed a counter");
}

#[test]
fn a_verify_answered_6c_is_sent_once_and_may_have_cost_a_try() {
    let dir = tempfile::tempdir().unwrap();
    // The card acts on the VERIFY (a wrong PIN: one try), then answers 6C 04.
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00 80 04\"\nwhen = \"after\"\nsw = \"6C 04\"\n",
    );
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "--trace",
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "9999\n",
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr.matches("00 20 00 80 04 ** redacted").count(),
        1,
        "the VERIFY was sent again:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("A try MAY have been used"),
        "{}",
        r.stderr
    );
    assert_eq!(
        card_at(&s).tries_left(KeyRef::Auth),
        2,
        "one wrong entry costs exactly one try"
    );
}

#[test]
fn a_change_the_card_performed_then_answered_6c_is_unknown_never_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(&dir, "change-acts-then-6c", "");
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "--trace",
            "--json",
            "change",
            "auth",
            "--pin-stdin",
        ],
        "1234\n5678\n5678\n",
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.matches("00 24 01 80 04 ** redacted").count(), 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["result"], "unknown");
    assert_eq!(v["refs"][0]["outcome"], "unknown");
    assert_eq!(v["refs"][0]["holds"], "unknown");
    assert!(card_at(&s).value_is(KeyRef::Auth, "5678"), "the card acted");
}

// 2. Signals -------------------------------------------------------------------------------

// Unix signals, sent with kill(1). On Windows, Ctrl-C is a console event: scripts/test-windows.sh
// checks it under Wine (the same report, exit 130).

#[cfg(unix)]
#[test]
fn sigint_between_the_two_change_keys_reports_each_reference() {
    let dir = tempfile::tempdir().unwrap();
    // The first CHANGE KEY is performed; its answer is held while the signal arrives.
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"80 32\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n",
    );
    let (code, out, err) = signal_during(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "-INT",
    );
    assert_eq!(code, 130, "{out}{err}");
    assert!(
        out.contains("residence registry PIN — place 1 of 2: CHANGED (holds the new PIN)"),
        "{out}"
    );
    assert!(
        out.contains(
            "residence registry PIN — place 2 of 2: not changed (holds the old PIN; no change command was sent)"
        ),
        "{out}"
    );
    assert!(
        out.contains("mynapin change juki --only-ref juki-common"),
        "{out}"
    );
    assert!(err.contains("Stopped by Ctrl-C"), "{err}");
    let c = card_at(&s);
    assert!(c.value_is(KeyRef::JukiAp, "4321") && c.value_is(KeyRef::JukiCommon, "1234"));
}

#[cfg(unix)]
#[test]
fn sigterm_between_the_two_change_keys_reports_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"80 32\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n",
    );
    let (code, out, err) = signal_during(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "--json",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "-TERM",
    );
    assert_eq!(code, 143, "{out}{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["result"], "partial");
    assert_eq!(v["refs"][0]["outcome"], "changed");
    assert_eq!(v["refs"][1]["outcome"], "not_changed");
    assert_eq!(v["error"]["kind"], "interrupted");
    assert_eq!(v["error"]["exit_code"], 143);
}

#[cfg(unix)]
#[test]
fn sigint_before_the_verify_sends_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    // The guard's counter query right before the first VERIFY is held.
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"00 A4 02 0C 02 00 1C\"\nnth = 1\nwhen = \"after\"\nhold_ms = 1500\n",
    );
    let before = tries(&s);
    let (code, out, err) = signal_during(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "--trace",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n4321\n4321\n",
        "-INT",
    );
    assert_eq!(code, 130, "{out}{err}");
    assert!(!err.contains("redacted"), "a PIN command was sent:\n{err}");
    assert!(
        out.contains("PIN change NOT done: nothing was changed."),
        "{out}"
    );
    assert_eq!(tries(&s), before);
}

// 3. Numeric options -----------------------------------------------------------------------

#[test]
fn numeric_options_are_bounded_not_a_panic() {
    for args in [
        &["--timeout", "18446744073709551615", "--sim", "status"][..],
        &["--timeout", "0", "--sim", "status"][..],
        &["--sim", "verify", "auth", "--pin-fd", "99999999999"][..],
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
}

// 4. PINs in memory ------------------------------------------------------------------------

/// Unix: the shell and cat(1) stand beside mynapin on one pipe.
#[cfg(unix)]
#[test]
fn pin_stdin_reads_exactly_its_lines_and_buffers_nothing_more() {
    // A buffered reader would swallow the rest of the input (and keep the PIN lines in its
    // buffer): what mynapin does not need stays in the pipe for the next reader.
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            &format!("{} --sim verify auth --pin-stdin; cat", bin().display()),
        ])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .unwrap()
                .write_all(b"1234\nREST OF THE INPUT\n")?;
            c.wait_with_output()
        })
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Correct"), "{stdout}");
    assert!(
        stdout.contains("REST OF THE INPUT"),
        "mynapin read past its line: {stdout}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn core_dumps_are_off_while_a_pin_is_awaited() {
    let mut child = std::process::Command::new(bin())
        .args(["--sim", "-v", "verify", "auth", "--pin-stdin"])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("waiting for the PIN") {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "never waited");
    }
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    drop(child.stdin.take());
    let _ = child.wait();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
}

// 5. State file ----------------------------------------------------------------------------

#[test]
fn the_state_file_survives_sigkill_with_concurrent_writers() {
    let dir = tempfile::tempdir().unwrap();
    // A state path ending in .tmp: the old code's temporary file was the state file itself.
    let s = dir.path().join("card.tmp");
    std::fs::copy(state_with(&dir, "fresh", ""), &s).unwrap();
    let path = s.to_str().unwrap().to_string();
    for round in 0..40u64 {
        let mut children: Vec<std::process::Child> = (0..3)
            .map(|_| {
                let mut c = std::process::Command::new(bin())
                    .args(["--sim-state", &path, "verify", "kenhojo", "--pin-stdin"])
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                c.stdin.take().unwrap().write_all(b"1234\n").unwrap();
                c
            })
            .collect();
        // Kill one of them at a moment that moves with the round (0–9 ms).
        std::thread::sleep(Duration::from_millis(round % 10));
        let _ = children[(round % 3) as usize].kill();
        for c in &mut children {
            let _ = c.wait();
        }
        let text = std::fs::read_to_string(&s).unwrap();
        assert!(!text.trim().is_empty(), "round {round}: empty state file");
        Fixture::from_toml(&text, "state").unwrap_or_else(|e| panic!("round {round}: {e}"));
    }
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") && n != "card.tmp")
        .collect();
    assert!(leftovers.len() <= 1, "temporary files left: {leftovers:?}");
}

#[test]
fn a_read_only_or_special_state_file_is_refused_before_the_card_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(&dir, "fresh", "");
    let mut perms = std::fs::metadata(&s).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&s, perms).unwrap();
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "9999\n",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("read-only"), "{}", r.stderr);
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);
    // A special file (Unix): refused before the card is touched.
    if cfg!(unix) {
        let r = run(&["--sim-state", "/dev/zero", "status"], "");
        assert_eq!(r.code, 2, "{}", r.stderr);
    }
}

// 6. Unbounded reads -----------------------------------------------------------------------

/// Unix: /dev/zero is the endless input, and --pin-fd exists (Windows refuses it: tests/cli.rs).
#[cfg(unix)]
#[test]
fn endless_or_wrong_inputs_end_with_a_clear_error() {
    let zero = || std::fs::File::open("/dev/zero").unwrap();
    let out = std::process::Command::new(bin())
        .args(["--sim", "verify", "auth", "--pin-stdin"])
        .stdin(zero())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("longer than 256 bytes"));

    let r = run(&["--sim", "verify", "auth", "--pin-fd", "1"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("standard output"), "{}", r.stderr);

    for args in [
        &["--sim=/dev/zero", "status"][..],
        &[
            "--sim",
            "guide",
            "auth",
            "--state",
            "blocked",
            "--profile",
            "/dev/zero",
        ][..],
    ] {
        let r = run(args, "");
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
}

// 7. Counts the card cannot mean -----------------------------------------------------------

#[test]
fn a_count_above_the_maximum_is_unknown_and_the_guard_refuses() {
    let r = run(&["--sim=count-above-max", "status", "--json"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["pins"][0]["state"], "unknown", "{}", r.stdout);
    assert_eq!(v["pins"][0]["retries_left"], serde_json::Value::Null);
    let r = run(&["--sim=count-above-max", "status"], "");
    assert!(!r.stdout.contains("15/3"), "{}", r.stdout);
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(&dir, "count-above-max", "");
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "9999\n",
    );
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(
        r.stderr.contains("more tries than this PIN can have"),
        "{}",
        r.stderr
    );
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);
}

// 8. Words about tries ---------------------------------------------------------------------

#[test]
fn every_message_about_a_sent_pin_says_what_is_known() {
    // A VERIFY answered 69 84 although the counter said 3: not "nothing was sent".
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00 80 04\"\nsw = \"69 84\"\n",
    );
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "1234\n",
    );
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(!r.stderr.contains("Nothing was sent"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Whether that check used a try is not known"),
        "{}",
        r.stderr
    );

    // Lost answers: 65 81, a one-byte answer, an empty one — "a try MAY have been used".
    for rule in [
        "sw = \"65 81\"\nwhen = \"after\"",
        "answer = \"90\"\nwhen = \"after\"",
        "answer = \"\"\nwhen = \"after\"",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let s = state_with(
            &dir,
            "fresh",
            &format!("[[faults.rules]]\nmatch = \"00 20 00 80 04\"\n{rule}\n"),
        );
        let r = run(
            &[
                "--sim-state",
                s.to_str().unwrap(),
                "verify",
                "auth",
                "--pin-stdin",
            ],
            "9999\n",
        );
        assert_ne!(r.code, 0, "{rule}");
        assert!(
            r.stderr.contains("A try MAY have been used"),
            "{rule}: {}",
            r.stderr
        );
    }

    // verify juki whose two copies differ: says which copy refused it.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("card.toml");
    let mut f = Fixture::fresh();
    f.refs.get_mut(&KeyRef::JukiCommon).unwrap().value = "5678".into();
    std::fs::write(&p, f.to_toml()).unwrap();
    let r = run(
        &[
            "--sim-state",
            p.to_str().unwrap(),
            "verify",
            "juki",
            "--pin-stdin",
        ],
        "1234\n",
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("Wrong residence registry PIN (place 2 of 2)"),
        "{}",
        r.stderr
    );
}

// 9. Smaller ones --------------------------------------------------------------------------

/// Unix: the shell's redirections and /dev/full.
#[cfg(unix)]
#[test]
fn an_unwritable_or_closed_stderr_is_not_a_panic() {
    // /dev/full fails every write (ENOSPC): eprintln! would panic (exit 101).
    for redirect in ["2>/dev/full", "2>&-"] {
        let out = std::process::Command::new("sh")
            .args([
                "-c",
                &format!("{} --sim -vv status {redirect}", bin().display()),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{redirect}");
    }
}

#[test]
fn a_pin_typed_where_a_pin_name_belongs_is_never_echoed() {
    let r = run(&["--sim", "verify", "4821"], "");
    assert_eq!(r.code, 2);
    assert!(!r.stderr.contains("4821"), "{}", r.stderr);
    // `[WHICH]`: optional since `verify` alone lists the PINs (issue 19, item 15).
    assert!(r.stderr.contains("[WHICH]"), "{}", r.stderr);
    assert!(r.stderr.contains("never its value"), "{}", r.stderr);
}

#[test]
fn reader_with_a_simulated_card_is_a_usage_error() {
    let r = run(&["--sim", "--reader", "0", "status"], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn a_missing_line_says_how_many_were_expected() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(&dir, "fresh", "");
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "change",
            "auth",
            "--pin-stdin",
        ],
        "1234\n5678\n",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("expected 3 lines, got 2"), "{}", r.stderr);
    assert!(!r.stderr.contains("differ"), "{}", r.stderr);
}

// Issue 11/12: status shows the certificate's expiry ------------------------------------------

#[test]
fn status_shows_the_certificate_expiry_and_warns_when_it_has_expired() {
    let r = run(&["--sim", "status"], "");
    assert!(
        r.stdout
            .contains("Certificate: user authentication, valid until 20"),
        "{}",
        r.stdout
    );
    let r = run(&["--sim=auth-expired", "status"], "");
    assert!(r.stdout.contains("EXPIRED on 2025-03-31"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("A new certificate is issued at the city office"),
        "{}",
        r.stdout
    );
    let r = run(&["--sim=auth-expired", "status", "--json"], "");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["card"]["auth_certificate"]["state"], "expired");
    assert_eq!(v["card"]["auth_certificate"]["not_after"], "2025-03-31");
    // The counters in 10 APDUs (12 on a card without READ BINARY by short EF id), plus one
    // READ BINARY for the certificate's expiry (two without the short form: SELECT EF + READ
    // BINARY); `--no-cert` skips it. Exact counts, on both paths.
    for (fixture, no_cert, expected) in [
        ("fresh", true, 10),
        ("no-sfi-read", true, 12),
        ("fresh", false, 11),
        ("no-sfi-read", false, 14),
    ] {
        let mut args = vec![
            format!("--sim={fixture}"),
            "--trace".into(),
            "status".into(),
        ];
        if no_cert {
            args.push("--no-cert".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run(&args, "");
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(
            r.sent(),
            expected,
            "{fixture} no_cert={no_cert}: {}",
            r.stderr
        );
        assert_eq!(
            r.stdout.contains("not read (--no-cert)"),
            no_cert,
            "{}",
            r.stdout
        );
    }
}

#[test]
fn status_check_exits_by_the_weakest_pin_and_change_alone_lists_the_pins() {
    for (fixture, code) in [
        ("fresh", 0),
        ("sign-blocked", 4),
        ("auth-last-try", 5),
        ("under-15", 0),
    ] {
        let r = run(&[&format!("--sim={fixture}"), "status", "--check"], "");
        assert_eq!(r.code, code, "{fixture}: {}", r.stderr);
    }
    let r = run(&["--sim", "change"], "");
    assert_eq!(r.code, 2);
    for id in ["auth", "sign", "kenhojo", "juki"] {
        assert!(r.stderr.contains(&format!("    {id} ")), "{}", r.stderr);
    }
}

// Wording in Japanese ----------------------------------------------------------------------

/// The two examples of issue 10: an unexpected answer to the counter query and a memory
/// failure on CHANGE KEY, worded in Japanese with no English meaning or command name.
#[test]
fn unexpected_answers_are_worded_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_with(
        &dir,
        "fresh",
        "[[faults.rules]]\nmatch = \"00 20 00 80\"\nsw = \"6A 80\"\n",
    );
    let before = tries(&s);
    let ja = run(
        &[
            "--lang",
            "ja",
            "--sim-state",
            s.to_str().unwrap(),
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "1234\n",
    );
    assert_eq!(ja.code, 1, "{}", ja.stderr);
    assert!(
        ja.stderr.contains(
            "残り回数の確認で、カードから想定外の応答がありました（6A 80：データフィールドのパラメータが正しくありません）。"
        ),
        "{}",
        ja.stderr
    );
    assert!(!ja.stderr.contains("retry-counter") && !ja.stderr.contains("incorrect"));
    let en = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "verify",
            "auth",
            "--pin-stdin",
        ],
        "1234\n",
    );
    assert!(
        en.stderr.contains(
            "The card answered 6A 80 (incorrect parameters in the data field) to the retry-counter query."
        ),
        "{}",
        en.stderr
    );
    assert_eq!(tries(&s), before, "no try was used");

    let ja = run(
        &[
            "--lang",
            "ja",
            "--sim=change-fails-juki-common",
            "change",
            "juki",
            "--pin-stdin",
        ],
        "1234\n5678\n5678\n",
    );
    assert_eq!(ja.code, 1, "{}", ja.stderr);
    assert!(
        ja.stderr.contains(
            "暗証番号の変更で、カードから想定外の応答がありました（65 81：メモリの異常）。"
        ),
        "{}",
        ja.stderr
    );
    assert!(
        !ja.stderr.contains("CHANGE") && !ja.stderr.contains("memory"),
        "{}",
        ja.stderr
    );
}
