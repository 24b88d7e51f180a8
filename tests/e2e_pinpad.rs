//! End to end through the real pcscd with the simulated PIN-pad reader (`pinpad-ifd`):
//! this test → pcsc-lite → pcscd → `libmynapin_pinpad_ifd.so` → `mynapin sim serve`.
//! `scripts/test-all.sh` starts pcscd with that reader (`pcscd-vpcd.sh --pinpad`) and exports
//! `PINPAD_READER`, `PINPAD_PORT`, `PINPAD_KEYPAD` (the keypad FIFO) and `PCSCD_LOG`; a plain
//! `cargo test` lists these tests as ignored, with the reason.
//!
//! The test drives the reader with the `pcsc` crate directly (`SCardControl`), with structures
//! built by `mynapin_apdu::part10`, and types on the keypad by writing script lines to the FIFO.
//! What it shows: feature discovery works through pcscd, the reader carries out the VERIFY and
//! the change with the digits typed on its keypad, and the host never sends a PIN: in pcscd's
//! APDU log (every `SCardTransmit`), the window of the PIN-pad commands holds no APDU at all
//! and the PINs appear nowhere.
//!
//! The second half runs the `mynapin` binary itself on the PIN-pad reader (`--pinpad`): it
//! types on the keypad when mynapin's instruction line for a keypad step appears on its
//! stderr (an event, not a sleep), then checks the outcome, the card's state, and that the PIN
//! is in no output, no trace line and no APDU the host sent.
// PC/SC's DWORD is u64 on Linux and u32 on macOS: the `.into()` conversions are needed on
// one and useless on the other.
#![allow(clippy::useless_conversion)]

use mynapin_apdu::commands;
use mynapin_apdu::part10::{
    EntryOptions, Features, PinCommand, PinModifyStructure, PinPadOutcome, PinProperties,
    PinVerifyStructure, TlvProperties, GET_FEATURE_REQUEST_FUNCTION,
};
use mynapin_apdu::StatusWord;
use mynapin_core::layout::{Applet, KeyRef};
use std::ffi::CString;
use std::io::BufRead;
use std::io::Write;
use std::sync::MutexGuard;
use std::time::{Duration, Instant};

mod common;
use common::cli::{card_at, spawn};
use common::e2e::{one_at_a_time, var, NEEDS};
use common::{card_present, Served};

impl Served {
    /// A fresh card on the PIN-pad reader.
    fn start(env: &Env) -> Served {
        Served::on(&env.reader, &env.port, "fresh", &[])
    }
}

struct Env {
    reader: String,
    port: String,
    keypad: String,
    log: String,
}

fn setup() -> (MutexGuard<'static, ()>, Env) {
    (
        one_at_a_time(),
        Env {
            reader: var("PINPAD_READER"),
            port: var("PINPAD_PORT"),
            keypad: var("PINPAD_KEYPAD"),
            log: var("PCSCD_LOG"),
        },
    )
}

fn context() -> pcsc::Context {
    // pcscd may refuse the first ~10 ms after start: retry briefly.
    let t0 = Instant::now();
    loop {
        match pcsc::Context::establish(pcsc::Scope::User) {
            Ok(c) => return c,
            Err(e) if t0.elapsed() > Duration::from_secs(5) => panic!("no PC/SC context: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

/// Types `lines` on the simulated keypad (writes them to its FIFO). The reader holds the
/// FIFO open, so the write does not block; a thread and a time-out guard against a reader
/// that is not there.
fn keypad(env: &Env, lines: &str) {
    let path = env.keypad.clone();
    let text = lines.to_string();
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
        Err(_) => panic!(
            "{}: the PIN-pad reader does not read its keypad",
            env.keypad
        ),
    }
}

/// A connection to the card in the PIN-pad reader, with the reader's features.
struct PinPad {
    card: pcsc::Card,
    features: Features,
}

impl PinPad {
    fn connect(env: &Env) -> PinPad {
        let ctx = context();
        let card = ctx
            .connect(
                &CString::new(env.reader.as_str()).unwrap(),
                pcsc::ShareMode::Shared,
                pcsc::Protocols::ANY,
            )
            .expect("connect to the PIN-pad reader");
        let mut buf = [0u8; 256];
        let answer = card
            .control(
                pcsc::ctl_code(GET_FEATURE_REQUEST_FUNCTION.into()),
                &[],
                &mut buf,
            )
            .expect("CM_IOCTL_GET_FEATURE_REQUEST");
        let features = Features::parse(answer).expect("a well-formed feature list");
        PinPad { card, features }
    }

    fn control(&self, code: Option<u32>, input: &[u8]) -> Vec<u8> {
        let code = code.expect("the reader announces this feature");
        let mut buf = [0u8; pcsc::MAX_BUFFER_SIZE];
        self.card
            .control(code.into(), input, &mut buf)
            .expect("SCardControl")
            .to_vec()
    }

    fn transmit(&self, apdu: &[u8]) -> StatusWord {
        let mut buf = [0u8; pcsc::MAX_BUFFER_SIZE];
        let r = self.card.transmit(apdu, &mut buf).expect("SCardTransmit");
        assert!(r.len() >= 2, "short response {r:02X?}");
        StatusWord::new(r[r.len() - 2], r[r.len() - 1])
    }

    /// SELECT the JPKI applet and the user-authentication PIN's EF (no PIN in these).
    fn select_auth_pin(&self) {
        let select_ap = commands::select_df_by_name(&Applet::Jpki.aid()).unwrap();
        assert_eq!(self.transmit(&select_ap.to_bytes()), StatusWord::Success);
        let select_ef = commands::select_ef(KeyRef::Auth.ef());
        assert_eq!(self.transmit(&select_ef.to_bytes()), StatusWord::Success);
    }

    fn verify_on_pad(&self) -> PinPadOutcome {
        let s = PinVerifyStructure::ascii4(PinCommand::Verify, &EntryOptions::default());
        let answer = self.control(self.features.verify_pin_direct(), &s.to_bytes().unwrap());
        PinPadOutcome::from_answer(&answer).expect("an answer of at least 2 bytes")
    }

    fn change_on_pad(&self) -> PinPadOutcome {
        let s = PinModifyStructure::ascii4_new_pin(
            PinCommand::ChangeReferenceData,
            &EntryOptions::default(),
        );
        let answer = self.control(self.features.modify_pin_direct(), &s.to_bytes().unwrap());
        PinPadOutcome::from_answer(&answer).expect("an answer of at least 2 bytes")
    }
}

fn card_said(outcome: &PinPadOutcome, sw: StatusWord) -> bool {
    matches!(outcome, PinPadOutcome::Card(r) if r.sw() == sw && r.data().is_empty())
}

/// pcscd's log from byte `from` on.
fn log_since(env: &Env, from: u64) -> String {
    let all = std::fs::read(&env.log).expect("pcscd's log");
    String::from_utf8_lossy(&all[usize::try_from(from).unwrap().min(all.len())..]).into_owned()
}

fn log_len(env: &Env) -> u64 {
    std::fs::metadata(&env.log).map(|m| m.len()).unwrap_or(0)
}

/// The host sent no APDU in the window (pcscd logs each `SCardTransmit` as `APDU: …`), and
/// none of `pins` appears anywhere in it as hex, spaced as pcscd writes bytes or not. (Not as
/// decimal text: every log line starts with a microsecond count that may contain it.)
/// At least `controls` `SCardControl` calls were made in it (pcscd logs each).
fn assert_host_sent_no_pin(window: &str, pins: &[&str], controls: usize) {
    let apdus: Vec<&str> = window.lines().filter(|l| l.contains("APDU: ")).collect();
    assert!(
        apdus.is_empty(),
        "the host transmitted during the PIN-pad commands: {apdus:#?}"
    );
    let calls = window
        .lines()
        .filter(|l| l.contains("SCardControl()"))
        .count();
    assert!(
        calls >= controls,
        "{calls} SCardControl calls logged, expected at least {controls}"
    );
    for pin in pins {
        let hex: Vec<String> = pin.bytes().map(|b| format!("{b:02X}")).collect();
        for needle in [hex.join(" "), hex.concat()] {
            assert!(
                !window.to_uppercase().contains(&needle),
                "{needle:?} appears in pcscd's log"
            );
        }
    }
}

#[test]
fn the_log_check_catches_a_pin_sent_by_the_host() {
    let clean = "00000010 winscard.c:1360:SCardControl() UnrefReader() count was: 2\n";
    assert_host_sent_no_pin(clean, &["1234"], 1);
    let sent = format!("{clean}00000003 APDU: 00 20 00 80 04 31 32 33 34\n");
    let caught = std::panic::catch_unwind(|| assert_host_sent_no_pin(&sent, &["1234"], 1));
    assert!(
        caught.is_err(),
        "a VERIFY transmitted by the host went unnoticed"
    );
    let in_text = format!("{clean}something logged 31 32 33 34\n");
    let caught = std::panic::catch_unwind(|| assert_host_sent_no_pin(&in_text, &["1234"], 1));
    assert!(caught.is_err(), "the PIN in hex went unnoticed");
    let no_control = std::panic::catch_unwind(|| assert_host_sent_no_pin("", &["1234"], 1));
    assert!(
        no_control.is_err(),
        "a window without control calls went unnoticed"
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn opensc_lists_the_simulated_reader_with_its_pin_pad() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let out = std::process::Command::new("timeout")
        .args(["20", "opensc-tool", "-l"])
        .output()
        .expect("run opensc-tool");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "opensc-tool -l failed: {text}");
    let line = text
        .lines()
        .find(|l| l.ends_with(env.reader.as_str()))
        .unwrap_or_else(|| panic!("{} not listed:\n{text}", env.reader));
    assert!(line.contains("PIN pad"), "no PIN pad shown: {line:?}");
    assert!(line.contains("Yes"), "no card shown: {line:?}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn features_and_properties_through_pcscd() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let pad = PinPad::connect(&env);
    assert!(pad.features.has_pin_pad(), "{:?}", pad.features);
    let props = PinProperties::parse(&pad.control(pad.features.ifd_pin_properties(), &[]))
        .expect("PIN properties");
    assert!(!props.has_display());
    let tlv = TlvProperties::parse(&pad.control(pad.features.get_tlv_properties(), &[]))
        .expect("TLV properties");
    assert_eq!((tlv.min_pin_size, tlv.max_pin_size), (Some(4), Some(8)));
    // The made-up ids of the simulated reader (pinpad-ifd/src/reader.rs).
    assert_eq!(
        (tlv.id_vendor, tlv.id_product),
        (Some(0xFFFE), Some(0x0001))
    );
    assert!(!tlv.has_display());
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn verify_on_the_pad_right_wrong_cancel_timeout_and_the_host_never_sends_the_pin() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let pad = PinPad::connect(&env);
    pad.select_auth_pin();
    let mark = log_len(&env);

    keypad(&env, "1234\n");
    let right = pad.verify_on_pad();
    assert!(card_said(&right, StatusWord::Success), "{right:?}");

    keypad(&env, "1111\n");
    let wrong = pad.verify_on_pad();
    assert!(card_said(&wrong, StatusWord::RetriesLeft(2)), "{wrong:?}");

    keypad(&env, "cancel\n");
    assert_eq!(pad.verify_on_pad(), PinPadOutcome::Cancelled);

    keypad(&env, "timeout\n");
    assert_eq!(pad.verify_on_pad(), PinPadOutcome::Timeout);

    keypad(&env, "123\n");
    assert_eq!(pad.verify_on_pad(), PinPadOutcome::WrongLength);

    // The right PIN again: the card's counter is back to the maximum.
    keypad(&env, "1234\n");
    assert!(card_said(&pad.verify_on_pad(), StatusWord::Success));

    let window = log_since(&env, mark);
    assert_host_sent_no_pin(&window, &["1234", "1111"], 6);
    // The reader did reach the card, and says so without the digits.
    let reached: Vec<&str> = window
        .lines()
        .filter(|l| l.contains("VERIFY_PIN_DIRECT: sent 00 20 00 80 with 4 PIN digits"))
        .collect();
    assert_eq!(reached.len(), 3, "{window}");
    assert!(reached[1].ends_with("card answered 63 C2"), "{reached:?}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn change_on_the_pad_then_verify_the_new_pin() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let pad = PinPad::connect(&env);
    pad.select_auth_pin();
    let mark = log_len(&env);

    // The two entries of a change differ: the reader says so, the card is not asked.
    keypad(&env, "1234\n");
    assert!(card_said(&pad.verify_on_pad(), StatusWord::Success));
    keypad(&env, "5678\n5679\n");
    assert_eq!(pad.change_on_pad(), PinPadOutcome::EntriesDiffer);

    // VERIFY then CHANGE REFERENCE DATA (new PIN only) with no SELECT between.
    keypad(&env, "1234\n");
    assert!(card_said(&pad.verify_on_pad(), StatusWord::Success));
    keypad(&env, "5678\n5678\n");
    let changed = pad.change_on_pad();
    assert!(card_said(&changed, StatusWord::Success), "{changed:?}");

    keypad(&env, "1234\n");
    assert!(card_said(&pad.verify_on_pad(), StatusWord::RetriesLeft(2)));
    keypad(&env, "5678\n");
    assert!(card_said(&pad.verify_on_pad(), StatusWord::Success));

    let window = log_since(&env, mark);
    assert_host_sent_no_pin(&window, &["1234", "5678", "5679"], 6);
    assert!(
        window.contains("MODIFY_PIN_DIRECT: new PIN and confirmation differ, 64 02"),
        "{window}"
    );
    assert!(
        window.contains("MODIFY_PIN_DIRECT: sent 00 24 01 80 with 4 PIN digits (not shown), card answered 90 00"),
        "{window}"
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn the_vpcd_reader_has_no_pin_pad() {
    // What the `auto` fallback meets on a reader without a pad. vsmartcard vpcd 3.3 as Debian
    // bookworm ships it answers the feature request IFD_ERROR_NOT_SUPPORTED, which reaches
    // the client as SCARD_E_UNSUPPORTED_FEATURE (measured); newer vpcd versions list
    // GET_TLV_PROPERTIES only. Both mean "no PIN pad".
    let (_g, _env) = setup();
    let reader = std::env::var("VPCD_READER0").unwrap_or_else(|_| panic!("VPCD_READER0: {NEEDS}"));
    assert!(
        card_present(&reader),
        "{reader}: the standing card is missing"
    );
    let ctx = context();
    let card = ctx
        .connect(
            &CString::new(reader.as_str()).unwrap(),
            pcsc::ShareMode::Shared,
            pcsc::Protocols::ANY,
        )
        .expect("connect to the vpcd reader");
    let mut buf = [0u8; 256];
    match card.control(
        pcsc::ctl_code(GET_FEATURE_REQUEST_FUNCTION.into()),
        &[],
        &mut buf,
    ) {
        Err(e) => assert_eq!(e, pcsc::Error::UnsupportedFeature, "{e:?}"),
        Ok(answer) => {
            let f = Features::parse(answer).expect("a well-formed feature list");
            assert!(!f.has_pin_pad(), "{f:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The mynapin binary on the PIN-pad reader

/// What one run of mynapin gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    /// Instruction lines for keypad steps seen on stderr.
    steps: usize,
}

/// The line mynapin prints before each keypad step (`LANG=C`: English).
const STEP_LINE: &str = "on the reader's keypad and press OK";

/// Runs mynapin with `args` (and `stdin`), and types `keys[i]` on the keypad when the i-th
/// keypad instruction appears on its stderr. Fails after 60 s.
fn mynapin_on_pad(env: &Env, args: &[&str], stdin: &str, keys: &[&str]) -> Run {
    let mut child = spawn(args, stdin);
    let mut out = child.stdout.take().unwrap();
    let stdout = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut out, &mut s);
        s
    });
    let err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let keypad_env = Env {
        reader: env.reader.clone(),
        port: env.port.clone(),
        keypad: env.keypad.clone(),
        log: env.log.clone(),
    };
    let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    std::thread::spawn(move || {
        let mut text = String::new();
        let mut steps = 0;
        for line in std::io::BufReader::new(err).lines() {
            let Ok(line) = line else { break };
            if line.contains(STEP_LINE) {
                if let Some(k) = keys.get(steps) {
                    keypad(&keypad_env, k);
                }
                steps += 1;
            }
            text.push_str(&line);
            text.push('\n');
        }
        let _ = tx.send((text, steps));
    });
    // mynapin closes its stderr when it ends: that is the event waited for.
    let (stderr, steps) = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(r) => r,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("mynapin {args:?} did not finish within 60 s");
        }
    };
    let status = child.wait().unwrap();
    Run {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().unwrap(),
        stderr,
        steps,
    }
}

fn hex_of(pin: &str) -> [String; 2] {
    let hex: Vec<String> = pin.bytes().map(|b| format!("{b:02X}")).collect();
    [hex.join(" "), hex.concat()]
}

/// The PIN-pad path kept the PINs off the host: they appear in no output of mynapin (as text
/// or hex), its trace shows no PIN command but control calls, and in pcscd's log the host sent
/// no VERIFY / CHANGE REFERENCE DATA / CHANGE KEY with data (the reader's own lines say it
/// sent them, with "4 PIN digits (not shown)"), and the PINs' hex appears nowhere.
fn assert_pins_stayed_on_the_pad(r: &Run, window: &str, pins: &[&str]) {
    for pin in pins {
        for text in [&r.stdout, &r.stderr] {
            assert!(!text.contains(pin), "{pin} in mynapin's output:\n{text}");
            for h in hex_of(pin) {
                assert!(!text.to_uppercase().contains(&h), "{h} in mynapin's output");
            }
        }
        for h in hex_of(pin) {
            assert!(
                !window.to_uppercase().contains(&h),
                "{h} in pcscd's log window"
            );
        }
    }
    for line in window.lines().filter(|l| l.contains("APDU: ")) {
        // A VERIFY with data (the counter query is the same header without data), CHANGE
        // REFERENCE DATA, CHANGE KEY.
        let apdu: Vec<&str> = line[line.find("APDU: ").unwrap() + 6..]
            .split_whitespace()
            .collect();
        let pin_command = apdu.len() > 4
            && [["00", "20", "00"], ["00", "24", "01"], ["80", "32", "00"]]
                .iter()
                .any(|h| apdu[..3] == h[..]);
        assert!(!pin_command, "the host sent a PIN command: {line}");
    }
    for line in r.stderr.lines().filter(|l| l.starts_with("trace: >")) {
        assert!(
            !line.contains("redacted") && !line.contains("> 00 20 00 80 0"),
            "a PIN command in the trace: {line}"
        );
    }
}

fn pad_lines<'a>(window: &'a str, what: &str) -> Vec<&'a str> {
    window.lines().filter(|l| l.contains(what)).collect()
}

#[test]
fn the_pad_check_catches_a_pin_the_host_sent_or_printed() {
    let quiet = |stderr: &str| Run {
        code: 0,
        stdout: String::new(),
        stderr: stderr.to_string(),
        steps: 0,
    };
    // The counter query carries the VERIFY header without data: allowed.
    let counter = "00000003 APDU: 00 20 00 80 \n00000002 SW: 63 C3\n";
    assert_pins_stayed_on_the_pad(
        &quiet("trace: control 42330006 (28 bytes)\n"),
        counter,
        &["1234"],
    );
    for window in [
        "00000003 APDU: 00 20 00 80 04 FF FF FF FF\n",
        "00000003 APDU: 80 32 00 80 04 FF FF FF FF\n",
        "00000003 APDU: 00 24 01 80 04 FF FF FF FF\n",
    ] {
        let caught = std::panic::catch_unwind(|| {
            assert_pins_stayed_on_the_pad(&quiet(""), window, &["1234"])
        });
        assert!(caught.is_err(), "a PIN command went unnoticed: {window}");
    }
    for stderr in [
        "mynapin: 1234\n",
        "trace: < 31 32 33 34 90 00\n",
        "trace: > 00 20 00 80 04 ** redacted (4 bytes) **\n",
    ] {
        let caught = std::panic::catch_unwind(|| {
            assert_pins_stayed_on_the_pad(&quiet(stderr), "", &["1234"])
        });
        assert!(caught.is_err(), "went unnoticed: {stderr}");
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn mynapin_verify_on_the_pad_right_wrong_cancel_timeout() {
    let (_g, env) = setup();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("card.toml");
    let s = state.to_str().unwrap();
    let _card = Served::on(&env.reader, &env.port, "fresh", &["--state", s]);
    let verify = ["--trace", "--reader", env.reader.as_str(), "verify", "auth"];
    let mark = log_len(&env);

    let right = mynapin_on_pad(&env, &verify, "", &["1234\n"]);
    assert_eq!(right.code, 0, "{}{}", right.stdout, right.stderr);
    assert_eq!(right.steps, 1, "{}", right.stderr);
    assert!(right.stdout.contains("Correct"), "{}", right.stdout);
    assert!(
        right.stderr.contains(
            "[entry 1 of 1] Type the user-authentication PIN on the reader's keypad and press OK [3 tries left]"
        ) && !right
            .stderr
            .lines()
            .any(|l| l.contains("keypad") && l.contains("current")),
        "{}",
        right.stderr
    );
    assert!(right.stderr.contains("uses a try"), "{}", right.stderr);
    assert!(right.stderr.contains("trace: control "), "{}", right.stderr);

    let wrong = mynapin_on_pad(&env, &verify, "", &["1111\n"]);
    assert_eq!(wrong.code, 3, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("2 tries left"), "{}", wrong.stderr);
    assert_eq!(card_at(&state).tries_left(KeyRef::Auth), 2);

    let cancel = mynapin_on_pad(&env, &verify, "", &["cancel\n"]);
    assert_eq!(cancel.code, 2, "{}", cancel.stderr);
    assert!(
        cancel.stderr.contains("cancelled on the reader"),
        "{}",
        cancel.stderr
    );
    assert!(
        cancel.stderr.contains("no try was used"),
        "{}",
        cancel.stderr
    );
    assert_eq!(card_at(&state).tries_left(KeyRef::Auth), 2);

    let timeout = mynapin_on_pad(&env, &verify, "", &["timeout\n"]);
    assert_eq!(timeout.code, 2, "{}", timeout.stderr);
    assert!(timeout.stderr.contains("in time"), "{}", timeout.stderr);
    assert_eq!(card_at(&state).tries_left(KeyRef::Auth), 2);

    let again = mynapin_on_pad(&env, &verify, "", &["1234\n"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(card_at(&state).tries_left(KeyRef::Auth), 3);

    let window = log_since(&env, mark);
    for r in [&right, &wrong, &cancel, &timeout, &again] {
        assert_pins_stayed_on_the_pad(r, &window, &["1234", "1111"]);
    }
    // The reader carried out three VERIFYs (right, wrong, right), the card answered each.
    let sent = pad_lines(
        &window,
        "VERIFY_PIN_DIRECT: sent 00 20 00 80 with 4 PIN digits",
    );
    assert_eq!(sent.len(), 3, "{window}");
    assert!(sent[1].ends_with("card answered 63 C2"), "{sent:?}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn mynapin_change_auth_and_kenhojo_on_the_pad() {
    let (_g, env) = setup();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("card.toml");
    let s = state.to_str().unwrap();
    let _card = Served::on(&env.reader, &env.port, "fresh", &["--state", s]);
    let mark = log_len(&env);

    // The two new entries differ on the pad: nothing changed.
    let differ = mynapin_on_pad(
        &env,
        &["--reader", &env.reader, "change", "auth"],
        "",
        &["1234\n", "5678\n5679\n"],
    );
    assert_eq!(differ.code, 2, "{}{}", differ.stdout, differ.stderr);
    assert!(
        differ.stdout.contains("nothing was changed"),
        "{}",
        differ.stdout
    );
    assert!(differ.stderr.contains("differ"), "{}", differ.stderr);
    assert!(card_at(&state).value_is(KeyRef::Auth, "1234"));

    let auth = mynapin_on_pad(
        &env,
        &["--trace", "--reader", &env.reader, "change", "auth"],
        "",
        &["1234\n", "5678\n5678\n"],
    );
    assert_eq!(auth.code, 0, "{}{}", auth.stdout, auth.stderr);
    assert_eq!(auth.steps, 2);
    assert!(auth.stderr.contains("3 entries in all"), "{}", auth.stderr);
    assert!(
        auth.stderr.contains("Type the NEW user-authentication PIN (4 digits) on the reader's keypad and press OK, then type it again"),
        "{}",
        auth.stderr
    );
    let c = card_at(&state);
    assert!(c.value_is(KeyRef::Auth, "5678"));
    assert!(c.value_is(KeyRef::Kenhojo, "1234"));

    let kenhojo = mynapin_on_pad(
        &env,
        &["--trace", "--reader", &env.reader, "change", "kenhojo"],
        "",
        &["1234\n", "2468\n2468\n"],
    );
    assert_eq!(kenhojo.code, 0, "{}{}", kenhojo.stdout, kenhojo.stderr);
    let c = card_at(&state);
    assert!(c.value_is(KeyRef::Kenhojo, "2468"));
    assert_eq!(c.tries_left(KeyRef::Kenhojo), 3);

    let window = log_since(&env, mark);
    for r in [&differ, &auth, &kenhojo] {
        assert_pins_stayed_on_the_pad(r, &window, &["1234", "5678", "5679", "2468"]);
    }
    assert_eq!(
        pad_lines(&window, "MODIFY_PIN_DIRECT: sent 00 24 01 80 with 4 PIN digits (not shown), card answered 90 00").len(),
        2,
        "{window}"
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn mynapin_change_juki_on_the_pad_sets_both_references() {
    let (_g, env) = setup();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("card.toml");
    let s = state.to_str().unwrap();
    let _card = Served::on(&env.reader, &env.port, "fresh", &["--state", s]);
    let mark = log_len(&env);
    // Both references checked first (common DF, then Juki AP), then the Juki AP copy changed
    // (verified last), then the common DF copy verified again and changed.
    let r = mynapin_on_pad(
        &env,
        &["--trace", "--reader", &env.reader, "change", "juki"],
        "",
        &["1234\n", "1234\n", "2468\n2468\n", "1234\n", "2468\n2468\n"],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.steps, 5, "{}", r.stderr);
    assert!(r.stderr.contains("7 entries in all"), "{}", r.stderr);
    assert!(
        r.stderr.contains("[entry 1 of 7] Type the current residence registry PIN (place 2 of 2 on the card) on the reader's keypad"),
        "{}",
        r.stderr
    );
    for n in [1, 2] {
        let line = format!("residence registry PIN — place {n} of 2: CHANGED (holds the new PIN)");
        assert!(r.stdout.contains(&line), "{}", r.stdout);
    }
    let c = card_at(&state);
    for k in [KeyRef::JukiAp, KeyRef::JukiCommon] {
        assert!(c.value_is(k, "2468"), "{k:?}");
        assert_eq!(c.tries_left(k), 3, "{k:?}");
    }
    let window = log_since(&env, mark);
    assert_pins_stayed_on_the_pad(&r, &window, &["1234", "2468"]);
    assert_eq!(
        pad_lines(&window, "MODIFY_PIN_DIRECT: sent 80 32 00 80 with 4 PIN digits (not shown), card answered 90 00").len(),
        2,
        "{window}"
    );
    assert_eq!(
        pad_lines(&window, "VERIFY_PIN_DIRECT: sent 00 20 00 80").len(),
        3,
        "{window}"
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn mynapin_on_the_pad_keeps_the_last_try_guard() {
    let (_g, env) = setup();
    let _card = Served::on(&env.reader, &env.port, "auth-last-try", &[]);
    let mark = log_len(&env);
    let r = mynapin_on_pad(
        &env,
        &["--trace", "--reader", &env.reader, "verify", "auth"],
        "",
        &["1234\n"],
    );
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.steps, 0, "a keypad step was announced: {}", r.stderr);
    assert!(r.stderr.contains("ONE try left"), "{}", r.stderr);
    assert!(!r.stderr.contains("trace: control"), "{}", r.stderr);
    let window = log_since(&env, mark);
    assert!(pad_lines(&window, "PIN_DIRECT").is_empty(), "{window}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn mynapin_pinpad_never_and_the_signature_password_use_the_host_prompt() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let mark = log_len(&env);
    let r = mynapin_on_pad(
        &env,
        &[
            "--trace",
            "--reader",
            &env.reader,
            "verify",
            "auth",
            "--pinpad",
            "never",
            "--pin-stdin",
        ],
        "1234\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.steps, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("trace: control"), "{}", r.stderr);
    assert!(
        r.stderr.contains("trace: > 00 20 00 80 04 ** redacted"),
        "{}",
        r.stderr
    );
    // The signature password: typed at the host on the pad reader in auto, refused in always.
    let sign = mynapin_on_pad(
        &env,
        &["--reader", &env.reader, "verify", "sign", "--pin-stdin"],
        "ABC123\n",
        &[],
    );
    assert_eq!(sign.code, 0, "{}{}", sign.stdout, sign.stderr);
    let always = mynapin_on_pad(
        &env,
        &[
            "--reader",
            &env.reader,
            "verify",
            "sign",
            "--pinpad",
            "always",
            "--pin-stdin",
        ],
        "ABC123\n",
        &[],
    );
    assert_eq!(always.code, 2, "{}", always.stderr);
    assert!(
        always.stderr.contains("numeric PIN pad"),
        "{}",
        always.stderr
    );
    let window = log_since(&env, mark);
    assert!(pad_lines(&window, "PIN_DIRECT").is_empty(), "{window}");
    // The host sent both VERIFYs itself (never and sign).
    let verifies = window
        .lines()
        .filter(|l| l.contains("APDU: 00 20 00 80 0"))
        .count();
    assert_eq!(verifies, 2, "{window}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn a_reader_without_a_pad_falls_back_in_auto_and_is_refused_in_always() {
    let (_g, env) = setup();
    let var = |k: &str| std::env::var(k).unwrap_or_else(|_| panic!("{k}: {NEEDS}"));
    let (reader, port) = (var("VPCD_READER1"), var("VPCD_PORT1"));
    let _card = Served::on(&reader, &port, "fresh", &[]);
    let r = mynapin_on_pad(
        &env,
        &["--reader", &reader, "verify", "auth", "--pin-stdin"],
        "1234\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("keypad"), "{}", r.stderr);
    let always = mynapin_on_pad(
        &env,
        &[
            "--trace",
            "--reader",
            &reader,
            "verify",
            "auth",
            "--pinpad",
            "always",
            "--pin-stdin",
        ],
        "1234\n",
        &[],
    );
    assert_eq!(always.code, 2, "{}", always.stderr);
    assert!(always.stderr.contains("no PIN pad"), "{}", always.stderr);
    // Only the card's recognition and the counters went out: no VERIFY.
    assert!(
        !always.stderr.contains("trace: > 00 20 00 80 04"),
        "a PIN command was sent: {}",
        always.stderr
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn readers_and_doctor_show_the_pin_pad() {
    let (_g, env) = setup();
    let _card = Served::start(&env);
    let r = mynapin_on_pad(&env, &["readers", "--json"], "", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let readers = v["readers"].as_array().unwrap();
    let pad = readers
        .iter()
        .find(|x| x["name"] == env.reader.as_str())
        .unwrap_or_else(|| panic!("{} not listed: {v}", env.reader));
    assert_eq!(pad["pinpad"]["verify"], true, "{pad}");
    assert_eq!(pad["pinpad"]["modify"], true, "{pad}");
    assert_eq!(pad["pinpad"]["usable"], true, "{pad}");
    assert_eq!(pad["pinpad"]["min_pin_size"], 4, "{pad}");
    assert_eq!(pad["pinpad"]["vendor_id"], "fffe", "{pad}");
    let names: Vec<&str> = pad["pinpad"]["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(names.contains(&"VERIFY_PIN_DIRECT"), "{names:?}");
    let vpcd = readers
        .iter()
        .find(|x| x["name"] == "mynapin vpcd 00 00")
        .unwrap();
    assert!(vpcd["pinpad"].is_null(), "{vpcd}");
    let text = mynapin_on_pad(&env, &["readers"], "", &[]);
    assert!(
        text.stdout
            .lines()
            .any(|l| l.contains(&env.reader) && l.contains("PIN pad (")),
        "{}",
        text.stdout
    );
    let doctor = mynapin_on_pad(&env, &["doctor"], "", &[]);
    assert!(
        doctor
            .stdout
            .contains(&format!("[ok] {}: PIN pad (", env.reader)),
        "{}",
        doctor.stdout
    );
    assert!(doctor.stdout.contains("no PIN pad"), "{}", doctor.stdout);
}
