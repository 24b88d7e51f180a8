//! `--sim-state` on a file system that is full when the card's new state is saved (issue 18,
//! item 2): the card answered, so its answer is reported as usual (a wrong PIN: exit 3's
//! message with the tries left), and — separately — that the state could not be saved and what
//! the file still holds, with exit 7. Never "nothing was sent".
//!
//! The full file system is real: a 64 KiB tmpfs in a mount namespace of the test's own
//! (`unshare -m`, as root, or `unshare -rm` with user namespaces), filled up after the state
//! file is written. Where no mount namespace can be made the test says so and does nothing —
//! except under scripts/test-all.sh (`MYNAPIN_E2E=1`, as CI runs it), where that fails.

mod common;

#[cfg(target_os = "linux")]
use common::cli::spawn_with;
#[cfg(target_os = "linux")]
use mynapin_core::layout::KeyRef;
use mynapin_sim::Fixture;
#[cfg(target_os = "linux")]
use mynapin_sim::SimCard;
use std::process::Command;

/// Runs `script` (sh, with `$BIN` set) in a private mount namespace; `None` where there is
/// none to be had.
#[cfg(target_os = "linux")]
fn in_namespace(script: &str, stdin: &str) -> Option<std::process::Output> {
    for flags in [&["-m"][..], &["-r", "-m"][..]] {
        let probe = Command::new("unshare")
            .args(flags)
            .args(["--propagation", "private", "true"])
            .output();
        if !probe.is_ok_and(|o| o.status.success()) {
            continue;
        }
        let mut c = Command::new("unshare");
        c.args(flags)
            .args(["--propagation", "private", "sh", "-c", script])
            .env("BIN", common::bin())
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        return Some(spawn_with(c, stdin).wait_with_output().unwrap());
    }
    None
}

#[cfg(target_os = "linux")] // a tmpfs in a mount namespace of its own
#[test]
fn a_full_disk_loses_no_answer_and_says_the_state_was_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("fs");
    std::fs::create_dir(&mnt).unwrap();
    let fresh = dir.path().join("fresh.toml");
    std::fs::write(&fresh, Fixture::builtin("fresh").unwrap().to_toml()).unwrap();
    // Mount, put the state in, fill the rest, run a wrong VERIFY, then copy the state out
    // (the tmpfs goes with the namespace) and show the exit code.
    let script = format!(
        "set -e; m='{m}'; mount -t tmpfs -o size=64k tmpfs \"$m\"; cp '{fresh}' \"$m/card.toml\"; \
         dd if=/dev/zero of=\"$m/fill\" bs=1024 2>/dev/null || true; \
         set +e; \"$BIN\" --sim-state \"$m/card.toml\" verify auth --pin-stdin {extra}; code=$?; \
         cp \"$m/card.toml\" '{out}'; echo \"exit=$code\"",
        m = mnt.display(),
        fresh = fresh.display(),
        out = dir.path().join("after.toml").display(),
        extra = "",
    );
    let Some(out) = in_namespace(&script, "9999\n") else {
        // scripts/test-all.sh (CI: root, unshare) must run it: a skip there would hide it.
        assert_ne!(
            std::env::var("MYNAPIN_E2E").as_deref(),
            Ok("1"),
            "no mount namespace under scripts/test-all.sh (unshare -m / -rm refused)"
        );
        eprintln!("skipped: no mount namespace here (unshare -m / -rm refused)");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("exit=7"), "{stdout}{stderr}");
    // What the card answered: a wrong PIN, 2 tries left.
    assert!(
        stderr.contains("Wrong user-authentication PIN. One try was used: 2 tries left."),
        "{stderr}"
    );
    // And, on its own, that the state was not saved, with what the file holds.
    assert!(
        stderr.contains("could not be saved to")
            && stderr.contains("/fs/card.toml (the disk is full)")
            && stderr.contains("the file still holds the card as it was before this command"),
        "{stderr}"
    );
    assert!(!stderr.contains("nothing was sent"), "{stderr}");
    // The file holds the state from before: the try the card counted is not in it.
    let after = std::fs::read_to_string(dir.path().join("after.toml")).unwrap();
    let card = SimCard::new(Fixture::from_toml(&after, "after").unwrap());
    assert_eq!(card.tries_left(KeyRef::Auth), 3);

    // The same in Japanese, and the JSON on stdout is the card's answer (the process exit
    // says that the state was not saved).
    let script = script.replace(
        "verify auth --pin-stdin ",
        "--lang ja --json verify auth --pin-stdin ",
    );
    let out = in_namespace(&script, "9999\n").unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("exit=7"), "{stdout}{stderr}");
    assert!(stdout.contains("\"kind\": \"wrong_pin\""), "{stdout}");
    assert!(stderr.contains("保存できませんでした"), "{stderr}");
    assert!(stderr.contains("残り2回"), "{stderr}");
}

/// A run that changes nothing on the simulated card (here `status`) does not write its state,
/// so a full disk is no failure for it: exit 0, no word of a save (review of issue 18, item 2).
#[cfg(target_os = "linux")] // a tmpfs in a mount namespace of its own
#[test]
fn a_run_that_changes_nothing_does_not_save_and_cannot_fail_on_a_full_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("fs");
    std::fs::create_dir(&mnt).unwrap();
    let fresh = dir.path().join("fresh.toml");
    std::fs::write(&fresh, Fixture::builtin("fresh").unwrap().to_toml()).unwrap();
    let script = format!(
        "set -e; m='{m}'; mount -t tmpfs -o size=64k tmpfs \"$m\"; cp '{fresh}' \"$m/card.toml\"; \
         dd if=/dev/zero of=\"$m/fill\" bs=1024 2>/dev/null || true; \
         set +e; \"$BIN\" --sim-state \"$m/card.toml\" status; echo \"exit=$?\"",
        m = mnt.display(),
        fresh = fresh.display(),
    );
    let Some(out) = in_namespace(&script, "") else {
        assert_ne!(
            std::env::var("MYNAPIN_E2E").as_deref(),
            Ok("1"),
            "no mount namespace under scripts/test-all.sh (unshare -m / -rm refused)"
        );
        eprintln!("skipped: no mount namespace here (unshare -m / -rm refused)");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("exit=0"), "{stdout}{stderr}");
    assert!(!stderr.contains("could not be saved"), "{stderr}");
}

/// A lock file that cannot be opened (issue 18, item 6): the message names the state file the
/// user gave, and the lock file only as the reason. (A directory in the lock file's place: a
/// real failure even for root, whom a read-only mode does not stop.)
#[test]
fn an_unusable_lock_file_is_named_as_the_reason_not_as_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("s.toml");
    std::fs::write(&state, Fixture::builtin("fresh").unwrap().to_toml()).unwrap();
    std::fs::create_dir(dir.path().join(".s.toml.lock")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mynapin"))
        .args(["--sim-state", state.to_str().unwrap(), "status"])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let want = format!(
        "Cannot use the simulated card's state file {}: its lock file {} cannot be used (",
        state.display(),
        dir.path().join(".s.toml.lock").display()
    );
    assert!(stderr.contains(&want), "{want:?} in {stderr}");
    assert!(stderr.contains("nothing was sent to the card"), "{stderr}");
}
