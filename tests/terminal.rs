//! The terminal path, on a real pseudo-terminal (rexpect): PINs are typed without echo, the
//! last try needs a typed confirmation, Ctrl-C at a prompt cancels cleanly with the echo
//! restored, Ctrl-D ends the input. Every step waits for the prompt it answers, not a sleep.
#![cfg(unix)]

mod common;

use common::cli::{card_at, state_file};
use mynapin_core::layout::KeyRef;
use rexpect::session::PtySession;

/// `mynapin ARGS` on a pty, in English.
fn spawn(args: &str) -> PtySession {
    let bin = common::bin();
    let mut cmd = std::process::Command::new("sh");
    // `stty -a` afterwards shows whether the echo was restored.
    // The shell catches SIGINT, SIGQUIT and SIGHUP (a trap with a command is reset to the
    // default in mynapin), so that Ctrl-C, Ctrl-\ and a hang-up reach mynapin and the shell
    // still reports.
    cmd.args([
        "-c",
        // rexpect starts the pty without echo: turn it on, as in a real terminal, so that
        // "no PIN was echoed" and "the echo was restored" mean something; wide, so that no
        // message is wrapped inside the words a test waits for.
        &format!(
            "echo SHELL_PID=$$; trap 'true' INT QUIT HUP; stty echo cols 1000; {} {args}; echo EXIT=$?; stty -a",
            bin.display()
        ),
    ])
    .env("LANG", "C")
    .env_remove("LC_ALL");
    rexpect::session::spawn_command(cmd, Some(30_000)).unwrap()
}

/// Reads to the end; returns the exit code mynapin printed and everything shown.
fn finish(mut p: PtySession) -> (i32, String) {
    let out = p.exp_eof().unwrap();
    let _ = p.process_mut().wait();
    let code = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("EXIT="))
        .and_then(|c| c.trim().parse().ok())
        .unwrap_or(-1);
    (code, out)
}

#[test]
fn the_last_try_needs_a_typed_yes() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "auth-last-try");
    let mut p = spawn(&format!(
        "--sim-state {} verify auth --use-last-try",
        s.display()
    ));
    p.exp_string("Type YES to continue").unwrap();
    p.send_line("no").unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("the last try was not used"), "{out}");
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 1);

    let mut p = spawn(&format!(
        "--sim-state {} verify auth --use-last-try",
        s.display()
    ));
    p.exp_string("Type YES to continue").unwrap();
    p.send_line("YES").unwrap();
    p.exp_string("(input is not shown)").unwrap();
    p.send_line("1234").unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Tries left: 3/3"), "{out}");
    assert!(!out.contains("1234"), "the PIN was echoed: {out}");
}

#[test]
fn change_on_a_terminal_echoes_no_pin_and_asks_the_new_pin_after_checking_the_current() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} change kenhojo", s.display()));
    p.exp_string("Current card-info input support PIN [3 tries left] (input is not shown):")
        .unwrap();
    p.send_line("1234").unwrap();
    p.exp_string("New card-info input support PIN (4 digits) (input is not shown):")
        .unwrap();
    p.send_line("9753").unwrap();
    p.exp_string("New PIN again (input is not shown):").unwrap();
    // A mismatch on a terminal asks again, without touching the card.
    p.send_line("9754").unwrap();
    p.exp_string("differ").unwrap();
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("9753").unwrap();
    p.exp_string("New PIN again").unwrap();
    p.send_line("9753").unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("PIN change DONE"), "{out}");
    assert!(
        !out.contains("1234") && !out.contains("9753"),
        "a PIN was echoed: {out}"
    );
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "9753"));
}

#[test]
fn ctrl_c_at_a_prompt_cancels_and_restores_the_echo() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} change auth", s.display()));
    p.exp_string("(input is not shown)").unwrap();
    p.send_control('c').unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("Cancelled at the prompt"), "{out}");
    assert!(out.contains("Nothing was sent"), "{out}");
    // `stty -a` lists "echo", not "-echo": the terminal is as it was.
    assert!(
        out.split_whitespace().any(|w| w == "echo"),
        "the echo was not restored: {out}"
    );
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);
}

/// The shell's PID, as it printed it (read it before the first prompt).
#[cfg(target_os = "linux")]
fn shell_pid(p: &mut PtySession) -> String {
    let (_, sh) = p.exp_regex("SHELL_PID=[0-9]+").unwrap();
    sh.trim_start_matches("SHELL_PID=").to_string()
}

/// The one child of the shell `sh`: mynapin, once it has shown its prompt (Linux's /proc).
#[cfg(target_os = "linux")]
fn mynapin_pid(sh: &str) -> i32 {
    let children = std::fs::read_to_string(format!("/proc/{sh}/task/{sh}/children")).unwrap();
    children.split_whitespace().next().unwrap().parse().unwrap()
}

/// Issue 18, item 4: SIGQUIT (Ctrl-\\ on the terminal) and SIGHUP at the hidden prompt are
/// handled as Ctrl-C is: echo restored, the report, 128 + the signal's number. (Before, either
/// ended the process with the echo off.)
#[cfg(target_os = "linux")]
#[test]
fn sigquit_and_sighup_at_a_prompt_cancel_and_restore_the_echo() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    for (signal, code, how) in [(3, 131, "Ctrl-\\"), (1, 129, "kill -HUP")] {
        let mut p = spawn(&format!("--sim-state {} change auth", s.display()));
        let sh = shell_pid(&mut p);
        p.exp_string("(input is not shown)").unwrap();
        let pid = mynapin_pid(&sh);
        if signal == 3 {
            p.send_control('\\').unwrap();
        } else {
            let ok = std::process::Command::new("kill")
                .args(["-HUP", &pid.to_string()])
                .status()
                .unwrap();
            assert!(ok.success());
        }
        let (exit, out) = finish(p);
        assert_eq!(exit, code, "{how}: {out}");
        assert!(out.contains("Cancelled at the prompt"), "{how}: {out}");
        assert!(out.contains("Nothing was sent"), "{how}: {out}");
        assert!(
            out.split_whitespace().any(|w| w == "echo"),
            "{how}: the echo was not restored: {out}"
        );
        assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);
    }
}

/// Issue 19, item 11: Ctrl-D at a terminal prompt is a cancel, like Ctrl-C — not the
/// message for a stream that ended early (which tells to give one line per PIN).
#[test]
fn ctrl_d_at_a_prompt_cancels_like_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} verify auth", s.display()));
    p.exp_string("(input is not shown)").unwrap();
    p.send_control('d').unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("Cancelled at the prompt"), "{out}");
    assert!(out.contains("Nothing was sent"), "{out}");
    assert!(
        !out.contains("input ended") && !out.contains("one per line"),
        "{out}"
    );
    assert!(!out.contains("no terminal"), "{out}");
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);

    // After the current PIN was verified, at the new PIN's prompt: still a cancel.
    let mut p = spawn(&format!("--sim-state {} change kenhojo", s.display()));
    p.exp_string("Current card-info input support PIN").unwrap();
    p.send_line("1234").unwrap();
    p.exp_string("New card-info input support PIN").unwrap();
    p.send_control('d').unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("Cancelled at the prompt"), "{out}");
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "1234"));
}

/// Issue 19, item 10: at a terminal a malformed or empty entry is asked again (nothing was
/// sent for it), also after the current PIN was verified on the card, up to 3 entries; the
/// card's tries are untouched. Item 12: the mismatch message is about typing again and says
/// the card's tries were not used.
#[test]
fn a_malformed_entry_at_a_terminal_is_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} change kenhojo", s.display()));
    p.exp_string("Current card-info input support PIN").unwrap();
    p.send_line("12345").unwrap();
    p.exp_string("has 5 digits").unwrap();
    p.exp_string("none of its tries was used").unwrap();
    p.exp_string("(typing attempt 2 of 3)").unwrap();
    p.exp_string("Current card-info input support PIN").unwrap();
    p.send_line("1234").unwrap();
    // Verified on the card; the new PIN: empty, then letters, then right.
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("").unwrap();
    p.exp_string("is empty").unwrap();
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("12ab").unwrap();
    p.exp_string("digits only").unwrap();
    p.exp_string("(typing attempt 3 of 3)").unwrap();
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("9753").unwrap();
    p.exp_string("New PIN again").unwrap();
    p.send_line("9754").unwrap();
    p.exp_string("none of its tries was used").unwrap();
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("9753").unwrap();
    p.exp_string("New PIN again").unwrap();
    p.send_line("9753").unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("PIN change DONE"), "{out}");
    assert!(!out.contains("9753") && !out.contains("12345"), "{out}");
    let c = card_at(&s);
    assert!(c.value_is(KeyRef::Kenhojo, "9753"));
    assert_eq!(c.tries_left(KeyRef::Kenhojo), 3);

    // Three malformed entries in a row: it stops there, nothing sent.
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} verify auth", s.display()));
    for _ in 0..3 {
        p.exp_string("(input is not shown)").unwrap();
        p.send_line("1").unwrap();
    }
    let (code, out) = finish(p);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("has 1 digit."), "{out}");
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);
}

/// rexpect reads the pty byte by byte as Latin-1: how UTF-8 `text` looks to it.
fn latin1(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The UTF-8 text behind what rexpect read as Latin-1.
fn utf8(seen: &str) -> String {
    let bytes: Vec<u8> = seen.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn in_japanese_hai_confirms_the_last_try_and_ctrl_c_ctrl_d_are_worded_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "auth-last-try");
    let mut p = spawn(&format!(
        "--lang ja --sim-state {} verify auth --use-last-try",
        s.display()
    ));
    // The question names both answers.
    p.exp_string(&latin1("「はい」または YES")).unwrap();
    p.send_line("はい").unwrap();
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_line("1234").unwrap();
    let (code, out) = finish(p);
    let out = utf8(&out);
    assert_eq!(code, 0, "{out}");
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);

    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!(
        "--lang ja --sim-state {} change auth",
        s.display()
    ));
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_control('c').unwrap();
    let (code, out) = finish(p);
    let out = utf8(&out);
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("入力の途中で中止しました。"), "{out}");
    assert!(out.contains("カードに何も送っていません。"), "{out}");
    assert!(!out.contains("Cancelled"), "{out}");

    let mut p = spawn(&format!(
        "--lang ja --sim-state {} verify auth",
        s.display()
    ));
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_control('d').unwrap();
    let (code, out) = finish(p);
    let out = utf8(&out);
    // Issue 19, item 11: Ctrl-D at a terminal is a cancel, as Ctrl-C.
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("入力の途中で中止しました。"), "{out}");
    assert!(!out.contains("入力が途中で終わりました"), "{out}");
    assert_eq!(card_at(&s).tries_left(KeyRef::Auth), 3);

    // Issue 19, items 10 and 12, in Japanese: a malformed entry is asked again, in digits
    // (「5桁」); a mismatch says the card's tries were not used and counts re-entries.
    let mut p = spawn(&format!(
        "--lang ja --sim-state {} change kenhojo",
        s.display()
    ));
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_line("12345").unwrap();
    p.exp_string(&latin1("5桁です。")).unwrap();
    p.exp_string(&latin1(
        "もう一度入力してください（入力のやり直しは3回まで、今回が2回目です）。",
    ))
    .unwrap();
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_line("1234").unwrap();
    p.exp_string(&latin1("新しい券面事項入力補助用暗証番号"))
        .unwrap();
    p.send_line("9753").unwrap();
    p.exp_string(&latin1("確認のためもう一度")).unwrap();
    p.send_line("9754").unwrap();
    p.exp_string(&latin1("カードの残り回数は減っていません。"))
        .unwrap();
    p.exp_string(&latin1("新しい券面事項入力補助用暗証番号"))
        .unwrap();
    p.send_control('c').unwrap();
    let (code, out) = finish(p);
    let out = utf8(&out);
    assert_eq!(code, 130, "{out}");
    assert!(!out.contains("3回中2回目"), "{out}");
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "1234"));
}

/// Issue 19, item 14: at a terminal, an easy new PIN is warned about before its confirmation
/// is asked for (nothing changed yet); the PIN is never shown; typed again, it is set.
#[test]
fn an_easy_new_pin_is_warned_about_before_its_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let mut p = spawn(&format!("--sim-state {} change kenhojo", s.display()));
    p.exp_string("Current card-info input support PIN").unwrap();
    p.send_line("1234").unwrap();
    p.exp_string("New card-info input support PIN (4 digits)")
        .unwrap();
    p.send_line("0000").unwrap();
    p.exp_string("easy to guess (every digit the same)")
        .unwrap();
    p.exp_string("Nothing has been changed yet").unwrap();
    p.exp_string("New PIN again").unwrap();
    p.send_line("0000").unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("0000"), "{out}");
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "0000"));

    let mut p = spawn(&format!(
        "--lang ja --sim-state {} change kenhojo",
        s.display()
    ));
    p.exp_string(&latin1("表示されません")).unwrap();
    p.send_line("0000").unwrap();
    p.exp_string(&latin1("新しい券面事項入力補助用暗証番号"))
        .unwrap();
    p.send_line("4321").unwrap();
    p.exp_string(&latin1("推測されやすいものです（連続した数字"))
        .unwrap();
    p.exp_string(&latin1("まだ何も変更していません。")).unwrap();
    p.exp_string(&latin1("確認のためもう一度")).unwrap();
    p.send_control('c').unwrap();
    let (code, out) = finish(p);
    assert_eq!(code, 130, "{}", utf8(&out));
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "0000"));
}
