//! The app's click-throughs end to end, through the real PC/SC stack: the app on a
//! [`ReaderPort`] → pcsc-lite → pcscd → vpcd → `mynapin sim serve`. The same flows as
//! flows.rs (status, a change, a wrong current PIN) plus what only a real reader shows: the
//! card taken out (pcscd's notification brings back "place your card"), and the PIN-pad
//! reader (`pinpad-ifd`, its keypad a FIFO). Needs the private pcscd that
//! `scripts/test-all.sh` starts; a plain `cargo test` lists these tests as ignored.
//!
//! Each test serves its own card on vpcd slot 1 (or on the PIN-pad reader) with a state file,
//! and checks afterwards what the card holds by reading that file. Slot 0 holds the suite's
//! standing card, so the app is pointed at the test's reader by name.

mod common;
#[path = "../../tests/common/e2e.rs"]
mod e2e;
#[path = "../../tests/common/served.rs"]
mod served;

use common::{click, keypad, open, screen, settle, shows, t, tick};
use e2e::{one_at_a_time, var, NEEDS};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mynapin_app::port::ReaderPort;
use mynapin_app::App;
use mynapin_core::layout::KeyRef;
use mynapin_core::transport::pcsc::ReaderSelector;
use mynapin_sim::{Fixture, SimCard};
use mynapin_words::Lang;
use served::Served;
use std::io::Write;
use std::path::Path;
use std::sync::MutexGuard;
use std::time::{Duration, Instant};

const LANGS: [Lang; 2] = [Lang::JA, Lang::EN];
const AUTH: [u8; 4] = [1, 2, 3, 4];
const NEW: [u8; 4] = [2, 5, 8, 0];

fn setup() -> (MutexGuard<'static, ()>, String, String) {
    (one_at_a_time(), var("VPCD_READER1"), var("VPCD_PORT1"))
}

/// A fresh card served on `reader`, its state kept in `dir`/card.toml.
fn serve(reader: &str, port: &str, dir: &Path) -> (Served, std::path::PathBuf) {
    let state = dir.join("card.toml");
    let card = Served::on(reader, port, "fresh", &["--state", state.to_str().unwrap()]);
    (card, state)
}

/// What the served card holds now (the server saves its state once it has answered).
fn card_at(state: &Path) -> SimCard {
    let text = std::fs::read_to_string(state).expect("the card's state file");
    SimCard::new(Fixture::from_toml(&text, "state").expect("a valid state file"))
}

/// The app on the reader whose name is `reader`, settled on the card's status.
fn app_on(reader: &str, lang: Lang) -> Harness<'static, App> {
    let port = ReaderPort::new(ReaderSelector::NameContains(reader.to_string()));
    open(Box::new(port), lang).0
}

fn digits(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// Walks to the review screen for the 4-digit PIN `pin`.
fn to_review(h: &mut Harness<'static, App>, lang: Lang, pin: &str, current: &[u8]) {
    click(h, t(lang, "暗証番号の変更", "Change a PIN"));
    tick(h, pin);
    click(h, t(lang, "次へ", "Next"));
    keypad(h, current);
    click(h, t(lang, "次へ", "Next"));
    keypad(h, &NEW);
    click(h, t(lang, "次へ", "Next"));
    keypad(h, &NEW);
    click(h, t(lang, "次へ", "Next"));
    assert!(
        shows(
            h,
            t(lang, "まだ何も送っていません", "Nothing has been sent yet")
        ),
        "{}",
        screen(h)
    );
}

/// Takes the card thread's updates until `text` is on the screen (up to 20 s: pcscd's status
/// poll sees a removal within about half a second).
fn until_shown(h: &mut Harness<'static, App>, text: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !shows(h, text) {
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(
            !left.is_zero() && h.state_mut().wait_for_card(left),
            "never shown: {text}: {}",
            screen(h)
        );
        settle(h);
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn status_through_pcscd_shows_the_four_pins_in_both_languages() {
    let (_g, reader, port) = setup();
    let dir = tempfile::tempdir().unwrap();
    let (_card, state) = serve(&reader, &port, dir.path());
    for lang in LANGS {
        let h = app_on(&reader, lang);
        for pin in [
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
            t(lang, "署名用パスワード", "signature password"),
            t(
                lang,
                "券面事項入力補助用暗証番号",
                "card-info input support PIN",
            ),
            t(lang, "住民基本台帳用暗証番号", "residence registry PIN"),
        ] {
            assert!(shows(&h, pin), "{lang:?}: no {pin}: {}", screen(&h));
        }
        assert!(
            shows(&h, t(lang, "残り3回（全3回）", "3 of 3 tries left")),
            "{}",
            screen(&h)
        );
    }
    // Reading the status spent nothing.
    assert_eq!(card_at(&state).tries_left(KeyRef::Auth), 3);
    assert_eq!(card_at(&state).tries_left(KeyRef::Sign), 5);
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn changing_auth_and_the_residence_pin_in_both_places_through_pcscd() {
    let (_g, reader, port) = setup();
    for (lang, pin, refs) in [
        (Lang::JA, "利用者証明用暗証番号", &[KeyRef::Auth][..]),
        (
            Lang::EN,
            "residence registry PIN",
            &[KeyRef::JukiAp, KeyRef::JukiCommon][..],
        ),
        (
            Lang::JA,
            "住民基本台帳用暗証番号",
            &[KeyRef::JukiAp, KeyRef::JukiCommon][..],
        ),
        (Lang::EN, "user-authentication PIN", &[KeyRef::Auth][..]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (_card, state) = serve(&reader, &port, dir.path());
        let mut h = app_on(&reader, lang);
        to_review(&mut h, lang, pin, &AUTH);
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(&h, t(lang, "変更しました", "Changed")),
            "{lang:?} {pin}: {}",
            screen(&h)
        );
        let card = card_at(&state);
        for r in refs {
            assert!(card.value_is(*r, &digits(&NEW)), "{pin}: {r:?} not changed");
            assert_eq!(card.tries_left(*r), 3, "{pin}: {r:?}");
        }
        // Nothing else changed.
        assert!(card.value_is(KeyRef::Kenhojo, "1234"));
        assert!(card.value_is(KeyRef::Sign, "ABC123"));
        drop(h);
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn a_wrong_current_pin_through_pcscd_spends_one_try_and_changes_nothing() {
    let (_g, reader, port) = setup();
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let (_card, state) = serve(&reader, &port, dir.path());
        let mut h = app_on(&reader, lang);
        to_review(
            &mut h,
            lang,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
            &[9, 9, 9, 9],
        );
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "変更は最後まで進みませんでした",
                    "did not go all the way"
                )
            ),
            "{}",
            screen(&h)
        );
        assert!(shows(&h, t(lang, "残り2回", "2")), "{}", screen(&h));
        let card = card_at(&state);
        assert!(card.value_is(KeyRef::Auth, "1234"));
        assert_eq!(card.tries_left(KeyRef::Auth), 2);
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn the_card_taken_out_brings_back_place_your_card_and_placing_it_reads_it() {
    let (_g, reader, port) = setup();
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let (card, _) = serve(&reader, &port, dir.path());
        let mut h = app_on(&reader, lang);
        let counts = t(lang, "残り3回（全3回）", "3 of 3 tries left");
        assert!(shows(&h, counts), "{}", screen(&h));
        // Stopping the server takes the card out (its drop waits until pcscd saw it go).
        drop(card);
        let place = t(
            lang,
            "カードをリーダーに置いてください",
            "Place your card on the reader",
        );
        until_shown(&mut h, place);
        assert!(!shows(&h, counts), "{}", screen(&h));
        // Placed again: read again, with no click.
        let (_card, _) = serve(&reader, &port, dir.path());
        until_shown(&mut h, counts);
    }
}

/// Types `line` on the PIN-pad reader's keypad (its FIFO). The reader holds the FIFO open and
/// reads a line per entry when the card's command asks for one, so the lines can be written
/// before they are needed; a thread and a time-out guard against a reader that is not there.
fn pad_keys(fifo: &str, lines: &str) {
    let (path, text) = (fifo.to_string(), lines.to_string());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let r = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        let _ = tx.send(r);
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(r) => r.expect("writing the keypad FIFO"),
        Err(_) => panic!("{fifo}: the PIN-pad reader does not read its keypad ({NEEDS})"),
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn on_the_pin_pad_reader_the_change_is_typed_on_its_keypad() {
    let _g = one_at_a_time();
    let (reader, port, fifo) = (
        var("PINPAD_READER"),
        var("PINPAD_PORT"),
        var("PINPAD_KEYPAD"),
    );
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let (_card, state) = serve(&reader, &port, dir.path());
        let mut h = app_on(&reader, lang);
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        tick(
            &mut h,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
        );
        click(&mut h, t(lang, "次へ", "Next"));
        // No keypad on the screen: the review says where the PIN is typed.
        assert!(h.query_by_label("5").is_none(), "{}", screen(&h));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "リーダーのテンキーで入力します",
                    "typed on the reader's keypad"
                )
            ),
            "{}",
            screen(&h)
        );
        // The current PIN for the VERIFY, then the new one and its confirmation.
        pad_keys(
            &fifo,
            &format!("{}\n{}\n{}\n", digits(&AUTH), digits(&NEW), digits(&NEW)),
        );
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(&h, t(lang, "変更しました", "Changed")),
            "{}",
            screen(&h)
        );
        let card = card_at(&state);
        assert!(card.value_is(KeyRef::Auth, &digits(&NEW)));
        assert_eq!(card.tries_left(KeyRef::Auth), 3);
    }
}

/// A signature password no binary, library or fixture holds (as the CLI's image test uses).
// The process-image test runs on Linux only (gdb and gcore); so do its values.
#[cfg(target_os = "linux")]
const OLD_PW: &str = "QZ7K4W9X2R";
const NEW_PW: &str = "WX3M8P5T7J";
/// 4-digit PINs of the secrets test's card (its fixture file sets the current one).
#[cfg(target_os = "linux")]
const OLD_PIN: &str = "7395";
#[cfg(target_os = "linux")]
const NEW_PIN: &str = "8046";

/// Every label, value and description in the AccessKit tree, and every text event egui still
/// holds for this frame (`InputState::events` and its copy `InputState::raw.events`), that
/// contains `secret`.
fn copies_in(h: &Harness<'static, App>, secret: &str) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    let mut found = Vec::new();
    let root = h.root();
    for n in std::iter::once(h.root()).chain(root.children_recursive()) {
        let a = n.accesskit_node();
        for (what, text) in [
            ("label", a.label()),
            ("value", a.value()),
            ("description", a.description()),
        ] {
            if text.as_deref().is_some_and(|t| t.contains(secret)) {
                found.push(format!("{what} of a {:?} node", a.role()));
            }
        }
    }
    h.ctx.input(|i| {
        for (what, events) in [("events", &i.events), ("raw.events", &i.raw.events)] {
            for e in events {
                if let egui::Event::Text(t) | egui::Event::Paste(t) = e {
                    if t.contains(secret) {
                        found.push(format!("a text event in InputState::{what}"));
                    }
                }
            }
        }
    });
    found
}

/// In process, no pcscd needed: after a password is typed into the field (the frame that took
/// it) and after the change, no AccessKit node and no input event egui keeps holds it. egui
/// copies each frame's events into `InputState::raw` as well; that copy was left unwiped (and
/// freed unwiped at the next frame) until secret.rs wiped it too.
#[test]
fn no_widget_and_no_input_event_holds_the_password_typed() {
    let port = mynapin_app::port::SimPort::builtin(Some("fresh")).unwrap();
    let card = port.shared();
    let (mut h, _) = open(Box::new(port), Lang::EN);
    click(&mut h, "Change a PIN");
    tick(&mut h, "signature password");
    click(&mut h, "Next");
    let field = |h: &Harness<'static, App>| {
        h.get_by_role(egui::accesskit::Role::PasswordInput)
            .type_text("abc123")
    };
    field(&h);
    // One frame: the one that takes the typing. What it left is still there to look at.
    h.step();
    assert_eq!(copies_in(&h, "abc123"), Vec::<String>::new());
    h.run();
    click(&mut h, "Next");
    for _ in 0..2 {
        h.get_by_role(egui::accesskit::Role::PasswordInput)
            .type_text(NEW_PW);
        h.step();
        assert_eq!(copies_in(&h, NEW_PW), Vec::<String>::new());
        h.run();
        click(&mut h, "Next");
    }
    click(&mut h, "Change");
    assert!(shows(&h, "Changed"), "{}", screen(&h));
    assert!(card.lock().unwrap().value_is(KeyRef::Sign, NEW_PW));
    for secret in ["abc123", "ABC123", NEW_PW] {
        assert_eq!(copies_in(&h, secret), Vec::<String>::new(), "{secret}");
    }
}

/// The fresh card with this test's own secrets, as a fixture file for `sim serve`.
#[cfg(target_os = "linux")]
fn secrets_fixture(dir: &Path) -> std::path::PathBuf {
    let fresh = include_str!("../../sim/fixtures/cards/fresh.toml");
    let text = fresh
        .replace("value = \"ABC123\"", &format!("value = \"{OLD_PW}\""))
        .replacen("value = \"1234\"", &format!("value = \"{OLD_PIN}\""), 1);
    assert!(text.contains(OLD_PW) && text.contains(OLD_PIN), "{text}");
    let path = dir.join("secrets-card.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The headless example (`app/examples/headless.rs`), built by `cargo build --all-targets`
/// next to this test binary's folder.
#[cfg(target_os = "linux")]
fn headless() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples/headless");
    assert!(
        path.exists(),
        "{}: build it first (cargo build -p mynapin-app --examples)",
        path.display()
    );
    path
}

/// Issue 22: after a change in the app, no PIN byte is in the process image at its exit — the
/// same core-image test as the CLI's (tests/e2e.rs). The headless example changes the
/// signature password (typed as egui Text events) and the user-authentication PIN (keypad
/// clicks) on the card in vpcd slot 1, drops the app and exits; gdb stops it at
/// `exit_group` and writes its memory with gcore. The image is searched for both passwords,
/// and for the exact VERIFY and CHANGE REFERENCE DATA APDUs of the 4-digit change (four
/// digits alone occur by chance in any image of this size; the 9-byte APDUs do not).
#[cfg(target_os = "linux")]
#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn no_pin_is_left_in_the_app_process_after_a_change() {
    let (_g, reader, port) = setup();
    assert!(
        std::process::Command::new("gdb")
            .arg("--version")
            .stdout(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success()),
        "gdb is needed (scripts/test-all.sh installs it)"
    );
    let dir = tempfile::tempdir().unwrap();
    let fixture = secrets_fixture(dir.path());
    let state = dir.path().join("card.toml");
    let _card = Served::on(
        &reader,
        &port,
        fixture.to_str().unwrap(),
        &["--state", state.to_str().unwrap()],
    );
    let secrets = dir.path().join("secrets");
    std::fs::write(
        &secrets,
        format!("{OLD_PW}\n{NEW_PW}\n{OLD_PIN}\n{NEW_PIN}\n"),
    )
    .unwrap();
    let core = dir.path().join("core");
    let out = dir.path().join("out");
    let err = dir.path().join("err");
    let gdb = std::process::Command::new("gdb")
        .args(["-q", "-batch", "-nx"])
        .args(["-ex", "set pagination off"])
        .args(["-ex", "catch syscall exit_group"])
        .args([
            "-ex",
            &format!(
                "run '{reader}' {} > {} 2> {}",
                secrets.display(),
                out.display(),
                err.display()
            ),
        ])
        .args(["-ex", &format!("gcore {}", core.display())])
        .args(["-ex", "kill"])
        .arg(headless())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    let said = std::fs::read_to_string(&out).unwrap_or_default();
    assert_eq!(
        said,
        "changed sign\nchanged auth\n",
        "{}\n{}",
        std::fs::read_to_string(&err).unwrap_or_default(),
        String::from_utf8_lossy(&gdb.stdout)
    );
    let card = card_at(&state);
    assert!(card.value_is(KeyRef::Sign, NEW_PW));
    assert!(card.value_is(KeyRef::Auth, NEW_PIN));
    let image = std::fs::read(&core).unwrap_or_else(|e| {
        panic!(
            "no image ({e}): {}{}",
            String::from_utf8_lossy(&gdb.stdout),
            String::from_utf8_lossy(&gdb.stderr)
        )
    });
    eprintln!("process image {} bytes searched", image.len());
    assert!(image.len() > 1 << 20, "{} bytes", image.len());
    let apdu = |head: [u8; 4], v: &str| [&head[..], &[v.len() as u8], v.as_bytes()].concat();
    let find = |needle: &[u8]| image.windows(needle.len()).position(|w| w == needle);
    let mut found = Vec::new();
    for (what, needle) in [
        ("the old password", OLD_PW.as_bytes().to_vec()),
        ("the new password", NEW_PW.as_bytes().to_vec()),
        (
            "the VERIFY of the PIN",
            apdu([0x00, 0x20, 0x00, 0x80], OLD_PIN),
        ),
        (
            "the CHANGE REFERENCE DATA of the PIN",
            apdu([0x00, 0x24, 0x01, 0x80], NEW_PIN),
        ),
        (
            "the VERIFY of the password",
            apdu([0x00, 0x20, 0x00, 0x80], OLD_PW),
        ),
    ] {
        if let Some(at) = find(&needle) {
            found.push(format!("{what} at offset {at:#x}"));
        }
    }
    assert_eq!(found, Vec::<String>::new(), "copies in the process image");
}

/// Speed (docs/app.md): a card placed in the reader → its counters on the app's screen,
/// against `mynapin status` on the same card, with the card answering after 0 and 20 ms per
/// APDU (`sim serve --latency-ms`). Printed, not asserted: the figures depend on the machine;
/// what is asserted is only that the counters come.
#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn card_placed_to_counters_on_screen_against_mynapin_status() {
    let (_g, reader, port) = setup();
    const RUNS: usize = 5;
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for latency in ["0", "20"] {
        let (mut placed, mut seen, mut cli) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let mut h = app_on(&reader, Lang::EN);
            assert!(shows(&h, "Place your card on the reader"), "{}", screen(&h));
            let t0 = Instant::now();
            let card = Served::on(&reader, &port, "fresh", &["--latency-ms", latency]);
            let t1 = Instant::now();
            until_shown(&mut h, "3 of 3 tries left");
            let t2 = Instant::now();
            placed.push(ms(t2 - t0));
            seen.push(ms(t2 - t1));
            drop(h);
            let t = Instant::now();
            let out = std::process::Command::new(served::bin())
                .args(["--reader", &reader, "status"])
                .output()
                .unwrap();
            cli.push(ms(t.elapsed()));
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            drop(card);
        }
        eprintln!(
            "speed: card latency {latency} ms: app, server started → counters on screen: median \
             {:.0} ms; pcscd announced the card → counters: median {:.0} ms; `mynapin status` \
             (process start → exit): median {:.0} ms ({RUNS} runs each, {} build)",
            median(placed),
            median(seen),
            median(cli),
            if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            }
        );
    }
}
