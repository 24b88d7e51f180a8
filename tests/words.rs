//! Words that say what happened (issue 18, item 6), through the binary and the in-process
//! simulated card: the card's own status word in the "refused as blocked" message, and a
//! confirmation line cut off by the end of the input said as such.

mod common;

use common::cli::run;
use mynapin_sim::Fixture;

/// A VERIFY answered `69 83` (or `69 84`) although the counter said tries were left: the
/// message quotes what the card answered, not a status word written into the catalogue.
#[test]
fn the_blocked_answer_is_quoted_as_the_card_gave_it() {
    let dir = tempfile::tempdir().unwrap();
    for (sw, other) in [("69 83", "69 84"), ("69 84", "69 83")] {
        let fixture = dir.path().join("card.toml");
        let mut toml = Fixture::builtin("fresh").unwrap().to_toml();
        toml.push_str(&format!(
            "\n[[faults.rules]]\nmatch = \"00 20 00 80 04\"\nsw = \"{sw}\"\n"
        ));
        std::fs::write(&fixture, toml).unwrap();
        let sim = format!("--sim={}", fixture.display());
        for lang in ["en", "ja"] {
            let (code, out) = run(
                &[&sim, "--lang", lang, "verify", "auth", "--pin-stdin"],
                "1234\n",
            )
            .code_all();
            assert_eq!(code, 4, "{out}");
            assert!(
                out.contains(&format!("（{sw}）")) || out.contains(&format!("({sw})")),
                "{sw}: {out}"
            );
            assert!(!out.contains(other), "{sw}: {out}");
        }
    }
}

/// The confirmation line cut off by the end of the input (no line end, and it does not match):
/// said as the input that ended, not as two entries that differ. Nothing is sent.
#[test]
fn a_confirmation_cut_off_by_the_end_of_input_is_said_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("card.toml");
    let s = state.to_str().unwrap();
    for (input, cut) in [
        ("1234\n5678\n56", true),
        ("1234\n5678\n5679", true),
        ("1234\n5678\n5679\n", false),
    ] {
        let (code, out) =
            run(&["--sim-state", s, "change", "auth", "--pin-stdin"], input).code_all();
        assert_eq!(code, 2, "{input:?}: {out}");
        assert_eq!(
            out.contains("The input ended in the middle of its last line"),
            cut,
            "{input:?}: {out}"
        );
        assert_eq!(
            out.contains("The two entries of the new PIN differ"),
            !cut,
            "{input:?}: {out}"
        );
        assert!(
            out.contains("nothing was sent") || out.contains("Nothing was sent"),
            "{input:?}: {out}"
        );
    }
    let (code, out) = run(
        &[
            "--sim-state",
            s,
            "--lang",
            "ja",
            "change",
            "sign",
            "--pin-stdin",
        ],
        "ABC123\nNEW456\nNEW4",
    )
    .code_all();
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("入力が最後の行の途中で終わっています"),
        "{out}"
    );
}
