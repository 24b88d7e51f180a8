//! The app headless on a PC/SC reader, for the secrets test (app/tests/e2e_app.rs): it runs
//! the real [`App`] in an egui_kittest harness (no window, the same frames and AccessKit tree),
//! changes the signature password — typed into the password field as egui Text events, as a
//! keyboard delivers them — and then a 4-digit PIN on the on-screen keypad, drops the app and
//! exits. The test stops it at `exit_group` under gdb and searches its memory for the secrets.
//!
//! Usage: `headless READER SECRETS`: READER is part of the reader's name; SECRETS a file of
//! four lines: the current and the new signature password, the current and the new
//! user-authentication PIN. The file is read into memory that is wiped when dropped (never
//! into a growing buffer, which would leave copies behind as it moves).
//!
//! Prints `changed sign` and `changed auth` as each change is confirmed on the screen; exits 1
//! (after printing the screen's labels) when a step did not go as expected.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{click, open, screen, settle, shows, tick};
use egui_kittest::kittest::Queryable;
use mynapin_app::port::ReaderPort;
use mynapin_core::transport::pcsc::ReaderSelector;
use mynapin_words::Lang;
use std::io::Read;
use zeroize::Zeroizing;

fn fail(what: &str, h: &egui_kittest::Harness<'static, mynapin_app::App>) -> ! {
    eprintln!("headless: {what}\n{}", screen(h));
    std::process::exit(1)
}

/// The secrets file, in memory sized to it up front and wiped on drop.
fn secrets(path: &str) -> Zeroizing<Vec<u8>> {
    let mut f = std::fs::File::open(path).unwrap_or_else(|e| {
        eprintln!("headless: {path}: {e}");
        std::process::exit(2)
    });
    let len = f.metadata().map(|m| m.len()).unwrap_or(0) as usize;
    let mut buf = Zeroizing::new(vec![0u8; len]);
    if let Err(e) = f.read_exact(&mut buf) {
        eprintln!("headless: {path}: {e}");
        std::process::exit(2)
    }
    buf
}

/// Types `text` into the password field on the screen and goes on.
fn password(h: &mut egui_kittest::Harness<'static, mynapin_app::App>, text: &[u8]) {
    let text = std::str::from_utf8(text).unwrap_or_else(|_| fail("a password is not UTF-8", h));
    h.get_by_role(egui::accesskit::Role::PasswordInput)
        .type_text(text);
    h.run();
    click(h, "Next");
}

/// Clicks the keypad keys of `digits` (ASCII) and goes on.
fn pin(h: &mut egui_kittest::Harness<'static, mynapin_app::App>, digits: &[u8]) {
    for d in digits {
        let key = char::from(*d).to_string();
        h.get_by_label(&key).click();
        h.run();
    }
    click(h, "Next");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(reader), Some(path), None) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: headless READER SECRETS");
        std::process::exit(2)
    };
    let file = secrets(&path);
    let lines: Vec<&[u8]> = file.split(|b| *b == b'\n').collect();
    if lines.len() < 4 {
        eprintln!("headless: {path}: four lines expected");
        std::process::exit(2)
    }
    let (old_pw, new_pw, old_pin, new_pin) = (lines[0], lines[1], lines[2], lines[3]);

    let port = ReaderPort::new(ReaderSelector::NameContains(reader));
    let (mut h, _) = open(Box::new(port), Lang::EN);
    if !shows(&h, "signature password") {
        fail("no card status", &h);
    }

    click(&mut h, "Change a PIN");
    tick(&mut h, "signature password");
    click(&mut h, "Next");
    password(&mut h, old_pw);
    password(&mut h, new_pw);
    password(&mut h, new_pw);
    click(&mut h, "Change");
    if !shows(&h, "Changed") {
        fail("the signature password was not changed", &h);
    }
    println!("changed sign");

    click(&mut h, "Card status");
    click(&mut h, "Change a PIN");
    tick(&mut h, "user-authentication PIN");
    click(&mut h, "Next");
    pin(&mut h, old_pin);
    pin(&mut h, new_pin);
    pin(&mut h, new_pin);
    click(&mut h, "Change");
    if !shows(&h, "Changed") {
        fail("the PIN was not changed", &h);
    }
    println!("changed auth");
    settle(&mut h);

    drop(h);
    drop(lines);
    drop(file);
}
