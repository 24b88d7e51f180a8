//! A broken simulated card's fixture and a city profile's broken text table, through the
//! `mynapin` binary: the reason is worded in the run's language (issue 10) and shows the
//! file's own field names, keys and values as they are. (That no English is left in the
//! Japanese is checked once, over the catalogue: tests/ja_latin.rs.)

mod common;

use common::cli::run;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_broken_fixture_is_explained_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let base = "description = \"x\"\n";
    // (extra TOML, what the Japanese says, what the English says, the file's words it shows)
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "[[faults.rules]]\nmatch = \"00\"\nnth = 0\nsw = \"6C00\"\n",
            "faults.rules[1]：nth は1から数えます（0は使えません）。",
            "faults.rules[1]: nth counts from 1",
            &["faults.rules", "nth"],
        ),
        (
            "[[faults.rules]]\nmatch = \"00\"\n",
            "faults.rules[1]：カードがどう応答するかを、sw、answer、hold_ms のどれかで指定してください。",
            "needs an action: sw, answer or hold_ms",
            &["faults.rules", "sw", "answer", "hold_ms"],
        ),
        (
            "[refs.auth]\nvalue = \"1234\"\nquery_sw = \"6C\"\n",
            "refs.auth.query_sw：「6C」は2バイトのステータスワードではありません（例：6C 00）。",
            "refs.auth.query_sw: \"6C\" is not a two-byte status word",
            &["refs.auth.query_sw"],
        ),
        (
            "atr = \"jpki\"\n",
            "atr の「jpki」は、組み込みの名前（contact、contact-2、contactless、",
            "atr: \"jpki\" is not one of contact, contact-2, contactless,",
            &[
                "atr",
                "jpki",
                "contactless",
                "contact",
                "juki-card",
                "other",
            ],
        ),
        (
            "[person]\nmy_number = \"12\"\n",
            "person.my_number は12桁の数字にしてください。",
            "person.my_number must be 12 digits",
            &["person.my_number"],
        ),
    ];
    for (i, (extra, ja, en, data)) in cases.iter().enumerate() {
        let file = write(
            dir.path(),
            &format!("card{i}.toml"),
            &format!("{base}{extra}"),
        );
        let sim = format!("--sim={file}");
        let (code, out) = run(&["--lang", "ja", &sim, "status"], "").code_stderr();
        assert_eq!(code, 2, "{out}");
        assert!(out.contains(ja), "{extra}: {out}");
        // The file's own names and values are shown as they are, in every language.
        for d in *data {
            assert!(out.contains(d), "{extra}: no {d} in {out}");
        }
        let (code, out) = run(&["--lang", "en", &sim, "status"], "").code_stderr();
        assert_eq!(code, 2, "{out}");
        assert!(out.contains(en), "{extra}: {out}");
    }
}

#[test]
fn a_profile_text_with_a_bad_key_or_without_japanese_is_explained_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let base = include_str!("../core/profiles/takatsuki.toml");
    // (from, to, what the Japanese says, what the English says, the key shown)
    let cases = [
        // A name (texts by language).
        (
            "name = { ja = \"高槻市\", en = ",
            "name = { ja = \"高槻市\", EN = ",
            "使えない項目 `EN` があります",
            "unknown field `EN`: a text's keys are language tags",
            "EN",
        ),
        (
            "name = { ja = \"高槻市\", en = ",
            "name = { en = ",
            "必要な項目 `ja` がありません",
            "missing field `ja`: every text needs its Japanese",
            "ja",
        ),
        // A sourced text (texts by language and `source`).
        (
            "ja = \"平日 ",
            "Japanese = \"平日 ",
            "使えない項目 `Japanese` があります",
            "unknown field `Japanese`: a text's keys are language tags",
            "Japanese",
        ),
        (
            "ja = \"平日 ",
            "en-GB = \"平日 ",
            "必要な項目 `ja` がありません",
            "missing field `ja`: every text needs its Japanese",
            "ja",
        ),
    ];
    for (i, (from, to, ja, en, key)) in cases.into_iter().enumerate() {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "{from}");
        let file = write(dir.path(), &format!("city{i}.toml"), &text);
        let (code, out) = run(&["--lang", "ja", "profile", "check", &file], "").code_stderr();
        assert_ne!(code, 0, "{out}");
        assert!(out.contains(ja), "{to}: {out}");
        assert!(out.contains(key), "{to}: no {key} in {out}");
        let (code, out) = run(&["--lang", "en", "profile", "check", &file], "").code_stderr();
        assert_ne!(code, 0, "{out}");
        assert!(out.contains(en), "{to}: {out}");
    }
}

/// A bad `sim serve --fault` / `--fault-sw` value: the parser's own reason reaches the user
/// (exit 2, nothing served), in the run's language.
#[test]
fn a_bad_fault_rule_on_the_command_line_says_why() {
    let (code, err) = run(&["sim", "serve", "--fault", "nth=0"], "").code_stderr();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("needs match=HEX"), "{err}");
    let (code, err) = run(&["--lang", "ja", "sim", "serve", "--fault", "nth=0"], "").code_stderr();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("match=16進数"), "{err}");
    let (code, err) = run(&["--lang", "ja", "sim", "serve", "--fault-sw", "x"], "").code_stderr();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("「番号=ステータスワード」"), "{err}");
}
