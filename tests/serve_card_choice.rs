//! `mynapin --sim=X sim serve` serves card X, or refuses when `--fixture` names another one:
//! it never silently serves a different card (issue 19, item 20). The test stands in for
//! vsmartcard's vpcd: a TCP listener that speaks vpcd's framing (a 2-byte big-endian length,
//! then the bytes), so no pcscd is needed.

use assert_cmd::cargo::CommandCargoExt;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};

fn send(s: &mut std::net::TcpStream, bytes: &[u8]) -> Vec<u8> {
    let mut frame = (bytes.len() as u16).to_be_bytes().to_vec();
    frame.extend_from_slice(bytes);
    s.write_all(&frame).unwrap();
    let mut len = [0u8; 2];
    s.read_exact(&mut len).unwrap();
    let mut answer = vec![0u8; usize::from(u16::from_be_bytes(len))];
    s.read_exact(&mut answer).unwrap();
    answer
}

/// Serves with `global` options before `sim serve` and `local` after it; returns the
/// signature password's counter answer (the status word of VERIFY without data).
fn sign_counter(global: &[&str], local: &[&str]) -> Vec<u8> {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let mut child = Command::cargo_bin("mynapin")
        .unwrap()
        .args(global)
        .args(["sim", "serve", "--vpcd", &addr, "--wait-vpcd", "10"])
        .args(local)
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (mut s, _) = listener.accept().unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    // Power on, SELECT JPKI, SELECT EF 001B (signature password), VERIFY without data.
    let power_on = [0x01u8];
    s.write_all(&[0, 1]).unwrap();
    s.write_all(&power_on).unwrap();
    let mut select = vec![0x00, 0xA4, 0x04, 0x0C, 0x0A];
    select.extend_from_slice(&[0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01]);
    assert_eq!(send(&mut s, &select), [0x90, 0x00]);
    assert_eq!(
        send(&mut s, &[0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x1B]),
        [0x90, 0x00]
    );
    let counter = send(&mut s, &[0x00, 0x20, 0x00, 0x80]);
    let _ = child.kill();
    let _ = child.wait();
    counter
}

#[test]
fn the_global_sim_card_is_the_one_served() {
    // Fresh: 5 tries; sign-blocked: 0.
    assert_eq!(sign_counter(&[], &[]), [0x63, 0xC5]);
    assert_eq!(sign_counter(&["--sim=sign-blocked"], &[]), [0x63, 0xC0]);
    assert_eq!(
        sign_counter(&["--sim=sign-blocked"], &["--fixture", "sign-blocked"]),
        [0x63, 0xC0]
    );
    assert_eq!(
        sign_counter(&[], &["--fixture", "sign-blocked"]),
        [0x63, 0xC0]
    );
}

#[test]
fn two_different_cards_are_refused() {
    for (lang, says) in [
        (
            "en",
            "--sim=sign-blocked and --fixture fresh name two different cards",
        ),
        (
            "ja",
            "--sim=sign-blocked と --fixture fresh で、別々のカードが指定されています",
        ),
    ] {
        let out = Command::cargo_bin("mynapin")
            .unwrap()
            .args([
                "--lang",
                lang,
                "--sim=sign-blocked",
                "sim",
                "serve",
                "--fixture",
                "fresh",
                "--vpcd",
                "127.0.0.1:1",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{lang}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    let out = Command::cargo_bin("mynapin")
        .unwrap()
        .arg("--lang")
        .arg("en")
        .arg(format!("--sim-state={}", a.display()))
        .args(["sim", "serve", "--state"])
        .arg(&b)
        .args(["--vpcd", "127.0.0.1:1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("two different state files"));
    assert!(!a.exists() && !b.exists(), "nothing was served or written");
}
