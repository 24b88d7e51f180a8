//! Runs the APDU conversations in `sim/fixtures/apdu/*.txt` against the simulated card: each
//! retry rule and file rule of docs/card-facts.md, and each fault of the hostile card, one step at a
//! time.

use mynapin_apdu::{parse_spaced_hex, spaced_hex};
use mynapin_sim::{Fixture, SimCard};
use std::path::Path;

fn run_scenario(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines().enumerate().peekable();
    let (_, first) = lines.next().expect("empty scenario");
    let name = first
        .strip_prefix("# card: ")
        .unwrap_or_else(|| panic!("{}: first line must be '# card: NAME'", path.display()));
    let mut card = SimCard::new(Fixture::builtin(name.trim()).expect("known fixture"));
    let mut steps = 0;
    let mut comment = String::new();
    while let Some((n, line)) = lines.next() {
        let line = line.trim();
        if let Some(c) = line.strip_prefix('#') {
            comment = c.trim().to_string();
        } else if line == "! power-off" {
            card.power_off();
        } else if line == "! reset" {
            card.reset();
        } else if let Some(spec) = line.strip_prefix("! fault ") {
            let rule = mynapin_sim::fixture::FaultRule::from_spec(spec)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            card.add_fault(&rule);
        } else if let Some(cmd) = line.strip_prefix("> ") {
            let (m, expected) = lines.next().expect("a response line follows");
            let expected = expected
                .strip_prefix("<")
                .unwrap_or_else(|| panic!("{}:{}: expected '< …'", path.display(), m + 1))
                .trim();
            let got = card.process(&parse_spaced_hex(cmd).unwrap());
            assert_eq!(
                spaced_hex(&got),
                spaced_hex(&parse_spaced_hex(expected).unwrap()),
                "{}:{} ({comment}): {cmd}",
                path.display(),
                n + 1
            );
            steps += 1;
        } else if !line.is_empty() {
            panic!("{}:{}: cannot read {line:?}", path.display(), n + 1);
        }
    }
    steps
}

#[test]
fn every_apdu_scenario_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sim/fixtures/apdu");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "scenarios missing in {}", dir.display());
    let steps: usize = files.iter().map(|f| run_scenario(f)).sum();
    assert!(steps > 60, "only {steps} steps");
}

#[test]
fn every_fixture_file_is_built_in_and_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sim/fixtures/cards");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let from_file = Fixture::load(path.to_str().unwrap()).unwrap();
        assert_eq!(
            Some(from_file),
            Fixture::builtin(&name),
            "{name} is not built in"
        );
    }
}

#[test]
fn state_round_trips_through_a_fixture() {
    let mut card = SimCard::new(Fixture::fresh());
    card.process(&parse_spaced_hex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01").unwrap());
    card.process(&parse_spaced_hex("00 20 00 80 04 39 39 39 39").unwrap()); // no EF: refused
    card.process(&parse_spaced_hex("00 A4 02 0C 02 00 1B").unwrap());
    card.process(&parse_spaced_hex("00 20 00 80 06 41 41 41 41 41 31").unwrap());
    let saved = card.to_fixture();
    let back = SimCard::new(Fixture::from_toml(&saved.to_toml(), "saved").unwrap());
    assert_eq!(back.tries_left(mynapin_core::layout::KeyRef::Sign), 4);
    assert_eq!(back.tries_left(mynapin_core::layout::KeyRef::Auth), 3);
}

#[test]
fn a_held_answer_is_announced_once_on_stderr_then_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hold.toml");
    std::fs::write(
        &path,
        "description = \"hold\"\n[[faults.rules]]\nmatch = \"00 20 00 98\"\nhold_ms = 30\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("mynapin")
        .unwrap()
        .args([&format!("--sim={}", path.display()), "--json", "status"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let holds: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("mynapin sim: holding"))
        .collect();
    assert_eq!(holds.len(), 1, "{stderr}");
    assert!(holds[0].contains("(00 20 00 98)"), "{}", holds[0]);
    assert!(holds[0].contains("APDU "), "{}", holds[0]);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.to_string().contains("\"auth\""), "{v}");
}

#[test]
fn fault_rules_from_a_fixture_file_apply_in_process() {
    // The CHANGE acts, then 6C 00: the client must not report "not changed".
    let mut card = SimCard::new(Fixture::builtin("change-acts-then-6c").unwrap());
    for apdu in [
        "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01",
        "00 A4 02 0C 02 00 18",
        "00 20 00 80 04 31 32 33 34",
    ] {
        assert_eq!(card.process(&parse_spaced_hex(apdu).unwrap()), [0x90, 0]);
    }
    let got = card.process(&parse_spaced_hex("00 24 01 80 04 35 36 37 38").unwrap());
    assert_eq!(got, [0x6C, 0x00]);
    assert!(card.value_is(mynapin_core::layout::KeyRef::Auth, "5678"));
    // Faults survive the state file (to_fixture) but rules added for one run do not.
    let mut saved = card.to_fixture();
    assert_eq!(saved.faults.rules.len(), 1);
    card.add_fault(&mynapin_sim::fixture::FaultRule::from_spec("match=00,sw=6F00").unwrap());
    saved = card.to_fixture();
    assert_eq!(saved.faults.rules.len(), 1);
    let back = Fixture::from_toml(&saved.to_toml(), "saved").unwrap();
    assert_eq!(back, saved);
}

#[test]
fn sim_serve_refuses_a_bad_address_at_once_and_waits_for_vpcd_only_so_long() {
    let run = |args: &[&str]| {
        let start = std::time::Instant::now();
        let out = assert_cmd::Command::cargo_bin("mynapin")
            .unwrap()
            .args(args)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            start.elapsed(),
        )
    };
    let (code, err, _) = run(&["sim", "serve", "--vpcd", "notahost"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("notahost") && err.contains("HOST:PORT"),
        "{err}"
    );
    // Port 1 on loopback refuses: retried for --wait-vpcd, then a clear error, exit 6.
    let (code, err, took) = run(&["sim", "serve", "--vpcd", "127.0.0.1:1", "--wait-vpcd", "1"]);
    assert_eq!(code, Some(6), "{err}");
    assert!(
        err.contains("did not accept a connection within 1 s"),
        "{err}"
    );
    assert!(took >= std::time::Duration::from_secs(1), "{took:?}");
    for bad in [
        &["sim", "serve", "--latency-ms", "18446744073709551615"][..],
        &["sim", "serve", "--wait-vpcd", "0"],
        &[
            "sim",
            "serve",
            "--mute-after",
            "1",
            "--mute-ms",
            "999999999",
        ],
        &["sim", "serve", "--fault", "match=00,when=later,sw=6C00"],
        &["sim", "serve", "--fault-sw", "0=6581"],
    ] {
        let (code, err, _) = run(bad);
        assert_eq!(code, Some(2), "{bad:?}: {err}");
    }
}
