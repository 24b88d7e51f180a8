//! The terminal path, through a pseudo-terminal (`script` from util-linux): PINs are typed
//! without echo, and the last try needs a typed confirmation.

use mynapin::layout::KeyRef;
use mynapin::sim::{Fixture, SimCard};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `mynapin ARGS` on a pty, typing `lines` one by one; returns (exit code, output).
fn on_tty(args: &str, lines: &[&str]) -> (i32, String) {
    let bin = assert_cmd::cargo::cargo_bin("mynapin");
    let mut child = Command::new("script")
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("`script` (util-linux) is needed for the terminal tests");
    let mut stdin = child.stdin.take().unwrap();
    for line in lines {
        std::thread::sleep(Duration::from_millis(400));
        stdin.write_all(format!("{line}\n").as_bytes()).unwrap();
    }
    std::thread::sleep(Duration::from_millis(400));
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn state(dir: &tempfile::TempDir, fixture: &str) -> std::path::PathBuf {
    let p = dir.path().join("card.toml");
    std::fs::write(&p, Fixture::builtin(fixture).unwrap().to_toml()).unwrap();
    p
}

fn card(p: &std::path::Path) -> SimCard {
    SimCard::new(Fixture::from_toml(&std::fs::read_to_string(p).unwrap(), "s").unwrap())
}

#[test]
fn the_last_try_needs_a_typed_yes() {
    let dir = tempfile::tempdir().unwrap();
    let s = state(&dir, "auth-last-try");
    let (code, out) = on_tty(
        &format!("--sim-state {} verify auth --use-last-try", s.display()),
        &["no"],
    );
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("Type YES to continue"), "{out}");
    assert!(out.contains("the last try was not used"), "{out}");
    assert_eq!(card(&s).tries_left(KeyRef::Auth), 1);

    let (code, out) = on_tty(
        &format!("--sim-state {} verify auth --use-last-try", s.display()),
        &["YES", "1234"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Tries left: 3/3"), "{out}");
    assert!(!out.contains("1234"), "the PIN was echoed: {out}");
}

#[test]
fn change_on_a_terminal_echoes_no_pin() {
    let dir = tempfile::tempdir().unwrap();
    let s = state(&dir, "fresh");
    let (code, out) = on_tty(
        &format!("--sim-state {} change kenhojo", s.display()),
        &["1234", "9753", "9753"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Current card-info input support PIN [3 tries left] (input is not shown):"),
        "{out}"
    );
    assert!(out.contains("New PIN again (input is not shown):"), "{out}");
    assert!(
        !out.contains("1234") && !out.contains("9753"),
        "a PIN was echoed: {out}"
    );
    assert!(card(&s).value_is(KeyRef::Kenhojo, "9753"));
}
