//! Runs the APDU conversations in `fixtures/apdu/*.txt` against the simulated card: each
//! retry rule and file rule of the card doc, one step at a time.

use mynapin::sim::{Fixture, SimCard};
use mynapin_apdu::{parse_spaced_hex, spaced_hex};
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
        } else if let Some(cmd) = line.strip_prefix("> ") {
            let (m, expected) = lines.next().expect("a response line follows");
            let expected = expected
                .strip_prefix("< ")
                .unwrap_or_else(|| panic!("{}:{}: expected '< …'", path.display(), m + 1));
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/apdu");
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cards");
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
    assert_eq!(back.tries_left(mynapin::layout::KeyRef::Sign), 4);
    assert_eq!(back.tries_left(mynapin::layout::KeyRef::Auth), 3);
}
