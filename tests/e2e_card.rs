//! The simulated card beyond PINs, end to end through the real PC/SC stack with OpenSC as the
//! outside client: `pkcs11-tool` signs with both keys, `openssl` verifies the signatures
//! against the certificates read from the card and chains them to the test CAs, and
//! `opensc-tool` does not take a card that is not a My Number card for one.
//!
//! Needs a private pcscd with a vpcd reader, which `scripts/test-all.sh` starts; a plain
//! `cargo test` lists these tests as ignored, with the reason. Each test serves its card on
//! slot 1 with `mynapin sim serve` and stops it by PID; the tests run one at a time.
//!
//! The PINs below are the simulated card's TEST values (`sim/fixtures/cards/fresh.toml`), given
//! to OpenSC's tools the only way they take them in a script.

use std::path::Path;
use std::process::Stdio;
use std::sync::MutexGuard;
use std::time::{Duration, Instant};

mod common;
use common::e2e::{one_at_a_time, var};
use common::{wait_for, Served};

impl Served {
    /// `fixture` served on slot 1.
    fn start(env: &Env, fixture: &str) -> Served {
        Served::start_with(env, fixture, &[], Stdio::null())
    }

    fn start_with(env: &Env, fixture: &str, extra: &[&str], stderr: Stdio) -> Served {
        Served::on_with(&env.reader1, &env.port1, fixture, extra, stderr)
    }
}

const MODULE: &str = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
const AUTH_PIN: &str = "1234";
const SIGN_PIN: &str = "ABC123";

struct Env {
    port1: String,
    reader1: String,
}

fn setup() -> (MutexGuard<'static, ()>, Env) {
    (
        one_at_a_time(),
        Env {
            port1: var("VPCD_PORT1"),
            reader1: var("VPCD_READER1"),
        },
    )
}

fn module() -> &'static str {
    assert!(
        Path::new(MODULE).exists(),
        "OpenSC's PKCS#11 module is not at {MODULE}: install opensc"
    );
    MODULE
}

struct Out {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs an outside tool under a time limit.
fn tool(cmd: &str, args: &[&str]) -> Out {
    let out = assert_cmd::Command::new(cmd)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    Out {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(cmd: &str, args: &[&str]) -> String {
    let o = tool(cmd, args);
    assert!(o.ok, "{cmd} {args:?} failed:\n{}\n{}", o.stdout, o.stderr);
    o.stdout
}

/// The PKCS#11 slot id (as `pkcs11-tool -L` prints it, `0x…`) of the token on `reader` whose
/// label contains `pin` ("User Authentication PIN" / "Digital Signature PIN").
fn slot(reader: &str, pin: &str) -> String {
    let list = ok("pkcs11-tool", &["--module", module(), "-L"]);
    let mut current: Option<String> = None;
    for line in list.lines() {
        if let Some(rest) = line.strip_prefix("Slot ") {
            // "Slot 2 (0x4): mynapin vpcd 00 01"
            current = rest.split_once("): ").and_then(|(id, name)| {
                (name.trim() == reader).then(|| id.split_once("(").unwrap().1.to_string())
            });
        } else if line.contains("token label") && line.contains(pin) {
            if let Some(id) = &current {
                return id.clone();
            }
        }
    }
    panic!("no slot for {pin:?} on {reader:?}:\n{list}");
}

fn reader_index(reader: &str) -> String {
    // opensc-tool numbers readers in pcscd's order; slot 1 is the second reader.
    let list = ok("opensc-tool", &["-l"]);
    for line in list.lines() {
        let mut f = line.split_whitespace();
        if let Some(n) = f.next().filter(|n| n.parse::<u32>().is_ok()) {
            if line.trim_end().ends_with(reader) {
                return n.to_string();
            }
        }
    }
    panic!("{reader} not in opensc-tool -l:\n{list}");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

/// Reads certificate `id` from the card in `reader` with pkcs15-tool; PEM text.
fn read_certificate(reader: &str, id: &str, pin: Option<(&str, &str)>) -> String {
    let r = reader_index(reader);
    let mut args = vec!["-r", &r, "--read-certificate", id];
    if let Some((auth_id, pin)) = pin {
        args.extend(["--verify-pin", "--auth-id", auth_id, "--pin", pin]);
    }
    let pem = ok("pkcs15-tool", &args);
    assert!(pem.contains("-----BEGIN CERTIFICATE-----"), "{pem}");
    pem
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn pkcs11_signs_with_both_keys_and_openssl_verifies_against_the_cards_certificates() {
    let (_g, env) = setup();
    let _card = Served::start(&env, "fresh");
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        dir.path(),
        "data.txt",
        b"mynapin TEST ONLY: signed by the simulated card\n",
    );
    for (pin_label, pin, key_id, auth_id) in [
        ("User Authentication PIN", AUTH_PIN, "01", "01"),
        ("Digital Signature PIN", SIGN_PIN, "02", "02"),
    ] {
        let slot = slot(&env.reader1, pin_label);
        let sig = dir.path().join(format!("sig-{key_id}.bin"));
        let sig = sig.to_str().unwrap();
        ok(
            "pkcs11-tool",
            &[
                "--module",
                module(),
                "--slot",
                &slot,
                "--login",
                "--pin",
                pin,
                "--sign",
                "--id",
                key_id,
                "-m",
                "SHA256-RSA-PKCS",
                "-i",
                &data,
                "-o",
                sig,
            ],
        );
        assert_eq!(std::fs::metadata(sig).unwrap().len(), 256, "RSA-2048");
        // The certificate as the card serves it (the signature certificate needs its PIN).
        let pem = read_certificate(
            &env.reader1,
            key_id,
            (key_id == "02").then_some((auth_id, pin)),
        );
        let cert = write(dir.path(), &format!("cert-{key_id}.pem"), pem.as_bytes());
        let pubkey = ok("openssl", &["x509", "-in", &cert, "-pubkey", "-noout"]);
        let pubkey = write(dir.path(), &format!("pub-{key_id}.pem"), pubkey.as_bytes());
        let v = ok(
            "openssl",
            &[
                "dgst",
                "-sha256",
                "-verify",
                &pubkey,
                "-signature",
                sig,
                &data,
            ],
        );
        assert!(v.contains("Verified OK"), "{key_id}: {v}");
        // Another message does not verify: the check can fail.
        let other = write(dir.path(), "other.txt", b"something else\n");
        let bad = tool(
            "openssl",
            &[
                "dgst",
                "-sha256",
                "-verify",
                &pubkey,
                "-signature",
                sig,
                &other,
            ],
        );
        assert!(!bad.ok, "{}", bad.stdout);
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn pkcs11_generates_random_bytes() {
    let (_g, env) = setup();
    let _card = Served::start(&env, "fresh");
    let slot = slot(&env.reader1, "User Authentication PIN");
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for i in 0..2 {
        let out = dir.path().join(format!("random-{i}.bin"));
        let out_s = out.to_str().unwrap();
        ok(
            "pkcs11-tool",
            &[
                "--module",
                module(),
                "--slot",
                &slot,
                "--generate-random",
                "32",
                "-o",
                out_s,
            ],
        );
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(bytes.len(), 32);
        outputs.push(bytes);
    }
    assert_ne!(outputs[0], outputs[1], "two draws differ");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn certificates_read_by_pkcs15_tool_are_v3_and_chain_to_the_cards_own_ca() {
    let (_g, env) = setup();
    let _card = Served::start(&env, "fresh");
    let dir = tempfile::tempdir().unwrap();
    // Certificates 01 (auth) and 02 (sign) with their CAs 03 and 04, all from the card. The
    // CA certificates are self-signed, as a card's are: each is the trust anchor of its chain.
    for (id, ca, usage, pin) in [
        ("01", "03", "Digital Signature", None),
        (
            "02",
            "04",
            "Digital Signature, Non Repudiation",
            Some(("02", SIGN_PIN)),
        ),
    ] {
        let cert = write(
            dir.path(),
            &format!("{id}.pem"),
            read_certificate(&env.reader1, id, pin).as_bytes(),
        );
        let ca_pem = write(
            dir.path(),
            &format!("{ca}.pem"),
            read_certificate(&env.reader1, ca, None).as_bytes(),
        );
        let text = ok("openssl", &["x509", "-in", &cert, "-noout", "-text"]);
        assert!(text.contains("Version: 3 (0x2)"), "{id}: {text}");
        assert!(text.contains("TEST ONLY"), "{id}: {text}");
        assert!(text.contains("Public-Key: (2048 bit)"), "{id}: {text}");
        assert!(text.contains(usage), "{id}: key usage {usage}: {text}");
        // As on a card: no basicConstraints in an end-entity certificate, a critical policy.
        assert!(!text.contains("Basic Constraints"), "{id}: {text}");
        assert!(
            text.contains("Certificate Policies: critical"),
            "{id}: {text}"
        );
        // The CA certificate is its own issuer, and verifies by itself.
        let ca_text = ok(
            "openssl",
            &["x509", "-in", &ca_pem, "-noout", "-subject", "-issuer"],
        );
        let mut lines = ca_text.lines().map(|l| l.split_once('=').map(|(_, v)| v));
        assert_eq!(lines.next(), lines.next(), "{ca}: self-signed: {ca_text}");
        let v = ok("openssl", &["verify", "-CAfile", &ca_pem, &ca_pem]);
        assert!(v.trim_end().ends_with("OK"), "{ca}: {v}");
        let v = ok("openssl", &["verify", "-CAfile", &ca_pem, &cert]);
        assert!(v.trim_end().ends_with("OK"), "{id}: {v}");
        // Chained to the other CA, it does not verify: the check can fail.
        let other = if ca == "03" { "04" } else { "03" };
        let other_pem = write(
            dir.path(),
            &format!("{other}.pem"),
            read_certificate(&env.reader1, other, None).as_bytes(),
        );
        let bad = tool("openssl", &["verify", "-CAfile", &other_pem, &cert]);
        assert!(!bad.ok, "{id} chained to the wrong CA: {}", bad.stdout);
    }
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn opensc_does_not_take_a_card_that_is_not_a_my_number_card_for_jpki() {
    let (_g, env) = setup();
    {
        let _card = Served::start(&env, "not-mynumber");
        let r = reader_index(&env.reader1);
        let name = tool("opensc-tool", &["-r", &r, "-n"]);
        assert!(
            !format!("{}{}", name.stdout, name.stderr).contains("jpki"),
            "{}{}",
            name.stdout,
            name.stderr
        );
        let atr = ok("opensc-tool", &["-r", &r, "-a"]);
        assert_eq!(atr.trim(), "3b:88:80:01:4e:4f:54:4a:50:4b:49:30:74");
    }
    // The fresh card presents a My Number contact ATR and is named jpki (by its AID).
    let _card = Served::start(&env, "fresh");
    let r = reader_index(&env.reader1);
    assert_eq!(ok("opensc-tool", &["-r", &r, "-n"]).trim(), "jpki");
    assert_eq!(
        ok("opensc-tool", &["-r", &r, "-a"]).trim(),
        "3b:c5:ff:81:31:fb:45:80:73:c6:01:00:00"
    );
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn a_held_answer_through_pcscd_is_announced_before_the_hold() {
    use std::io::BufRead;
    let (_g, env) = setup();
    let mut card = Served::start_with(
        &env,
        "fresh",
        &["--fault", "match=00 20 00 98,nth=1,hold_ms=1500"],
        Stdio::piped(),
    );
    // The server's stderr, line by line, on a thread: the test waits on the event.
    let stderr = card.take_stderr().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send((line, Instant::now())).is_err() {
                break;
            }
        }
    });
    let reader = env.reader1.clone();
    let t0 = Instant::now();
    let status = std::thread::spawn(move || {
        let out = assert_cmd::Command::cargo_bin("mynapin")
            .unwrap()
            .args(["--reader", &reader, "status", "--json"])
            .env("LANG", "C")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        (out.status.code(), Instant::now())
    });
    let (line, seen) = loop {
        let (line, at) = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the hold was announced on the server's stderr");
        if line.starts_with("mynapin sim: holding") {
            break (line, at);
        }
    };
    assert!(line.contains("(00 20 00 98)"), "{line}");
    let (code, done) = status.join().unwrap();
    assert_eq!(code, Some(0), "status completes once the answer comes");
    assert!(
        done.duration_since(seen) >= Duration::from_millis(1400),
        "the answer came {:?} after the announcement",
        done.duration_since(seen)
    );
    assert!(seen > t0);
    // Exactly one announcement (nth = 1).
    std::thread::sleep(Duration::from_millis(200));
    let more: Vec<String> = rx
        .try_iter()
        .map(|(l, _)| l)
        .filter(|l| l.starts_with("mynapin sim: holding"))
        .collect();
    assert!(more.is_empty(), "{more:?}");
}

#[test]
#[ignore = "needs pcscd + vpcd: run scripts/test-all.sh"]
fn an_empty_answer_through_pcscd_reaches_the_client_and_the_card_comes_back() {
    let (_g, env) = setup();
    let _card = Served::start_with(
        &env,
        "fresh",
        &["--fault", "match=00 20 00 98,nth=1,answer="],
        Stdio::null(),
    );
    let status = || {
        assert_cmd::Command::cargo_bin("mynapin")
            .unwrap()
            .args(["--reader", &env.reader1, "--timeout", "10", "status"])
            .env("LANG", "C")
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    };
    let t0 = Instant::now();
    let first = status();
    assert_ne!(first.status.code(), Some(0), "an empty answer is an error");
    assert!(
        t0.elapsed() < Duration::from_secs(8),
        "no hang: {:?}",
        t0.elapsed()
    );
    // The card left and came back: the next run reads it normally.
    assert!(wait_for(&env.reader1, true));
    let t1 = Instant::now();
    let mut second = status();
    while second.status.code() != Some(0) && t1.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(200));
        second = status();
    }
    assert_eq!(
        second.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
}
