//! Issue 18, item 7: characters that change the layout (Unicode categories Cc, Cf, Zl, Zp)
//! never reach the terminal or the JSON from a card, a reader or a file. The sanitizer's own
//! test feeds every code point of those categories (words/src/sanitize.rs); these check that
//! each path the issue names goes through it: an unknown card token (text and JSON), a reader
//! name (text and JSON, and its length), `--trace`, a profile's error message.

mod common;

use common::cli::run;
use mynapin_sim::Fixture;
use std::path::PathBuf;

/// Layout characters found coming through: line and paragraph separators, zero-width space and
/// joiners, word joiner, BOM, NEL, and the bidi override the old code already caught.
const LAYOUT: &[char] = &[
    '\u{2028}', '\u{2029}', '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{85}', '\u{202E}',
];

fn assert_clean(what: &str, text: &str) {
    for c in LAYOUT {
        assert!(
            !text.contains(*c),
            "{what}: U+{:04X} came through:\n{text:?}",
            *c as u32
        );
    }
}

/// A card whose token label (READ BINARY of the token EF, the first READ BINARY) is `label`.
fn card_with_token(dir: &tempfile::TempDir, label: &str) -> PathBuf {
    let hex: Vec<String> = label.bytes().map(|b| format!("{b:02X}")).collect();
    let p = dir.path().join("card.toml");
    let text = format!(
        "{}\n[[faults.rules]]\nmatch = \"00 B0\"\nnth = 1\nanswer = \"{} 90 00\"\n",
        Fixture::builtin("fresh").unwrap().to_toml(),
        hex.join(" ")
    );
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn an_unknown_card_token_is_shown_without_layout_characters() {
    let dir = tempfile::tempdir().unwrap();
    // 32 bytes at most: the label is cut there.
    let card = card_with_token(&dir, "A\u{2028}B\u{200B}C\u{FEFF}D\u{85}E");
    let sim = format!("--sim={}", card.display());
    let (code, out, err) = run(&[&sim, "status"], "").parts();
    assert_eq!(code, 6, "{out}{err}");
    assert!(err.contains("A?B?C?D?E"), "{err}");
    assert_clean("status", &(out + &err));
    let (code, out, err) = run(&[&sim, "--json", "status"], "").parts();
    assert_eq!(code, 6, "{out}{err}");
    assert!(out.contains("A?B?C?D?E"), "{out}");
    assert_clean("status --json", &(out + &err));
    let (_, out, err) = run(&[&sim, "--trace", "readers"], "").parts();
    assert_clean("--trace readers", &(out + &err));
}

#[test]
fn a_reader_name_is_shown_and_put_in_json_without_layout_characters_and_cut() {
    let dir = tempfile::tempdir().unwrap();
    // The simulated reader is named after its state file, as pcscd names a reader after what
    // its driver says.
    let name: String =
        LAYOUT.iter().map(|c| format!("r{c}")).collect::<String>() + &"x".repeat(100);
    let sub = dir.path().join("y".repeat(40));
    std::fs::create_dir(&sub).unwrap();
    let state = sub.join(format!("{name}.toml"));
    let state = state.to_str().unwrap();
    for args in [
        &["--sim-state", state, "readers"][..],
        &["--sim-state", state, "--json", "readers"][..],
        &["--sim-state", state, "status", "--no-cert"][..],
        &["--sim-state", state, "--json", "status", "--no-cert"][..],
    ] {
        let (code, out, err) = run(args, "").parts();
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        assert_clean(&format!("{args:?}"), &(out.clone() + &err));
        // Each layout character shown as `?` (where the name is cut depends on the temporary
        // folder's length, and JSON escapes Windows' path separator: only the run is checked).
        assert!(out.contains("r?r?r?r?"), "{args:?}: {out}");
        // Cut as a card's label is cut: not the whole name.
        assert!(!out.contains(&"x".repeat(100)), "{args:?}: not cut: {out}");
        assert!(out.contains('…'), "{args:?}: {out}");
    }
}

#[test]
fn a_profile_error_message_is_shown_without_layout_characters() {
    let dir = tempfile::tempdir().unwrap();
    // The message names the file and quotes an unknown field's name.
    let p = dir.path().join("city\u{2028}\u{200B}\u{FEFF}.toml");
    std::fs::write(&p, "\"f\u{2029}\u{2060}\u{85}\" = 1\n").unwrap();
    let (code, out, err) = run(&["profile", "check", p.to_str().unwrap()], "").parts();
    assert_ne!(code, 0, "{out}{err}");
    assert_clean("profile check", &(out + &err));
    let (code, out, err) = run(
        &[
            "guide",
            "auth",
            "--state",
            "blocked",
            "--profile",
            p.to_str().unwrap(),
        ],
        "",
    )
    .parts();
    assert_ne!(code, 0, "{out}{err}");
    assert_clean("guide --profile", &(out + &err));
}
