//! Issue 19, items 12–16, through the binary on the simulated card: a digit PIN's length in
//! digits, the warning after the second wrong PIN, the easy-to-guess new PIN, the hint about
//! PIN values only where a PIN was typed, PIN names in Japanese, and exit codes scripts can
//! trust (a wrong PIN that blocks exits 4; `status --check` on unknown counts or an expired
//! certificate). Each in English and in Japanese.

mod common;

use common::cli::{card_at, run, state_file, Run};
use mynapin_core::layout::KeyRef;
use std::path::Path;

/// `verify PIN` with a wrong entry on the card in `state`, in `lang`.
fn wrong(state: &Path, lang: &str, pin: &str) -> Run {
    run(
        &[
            "--lang",
            lang,
            "--sim-state",
            state.to_str().unwrap(),
            "verify",
            pin,
            "--pin-stdin",
            "--use-last-try",
        ],
        "1111\n",
    )
}

/// Item 12: a PIN of digits has 「5桁」, not 「5文字」 (the password keeps characters).
#[test]
fn a_digit_pin_of_the_wrong_length_is_counted_in_digits() {
    let r = run(
        &["--sim", "--lang", "ja", "verify", "auth", "--pin-stdin"],
        "12345\n",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("利用者証明用暗証番号が5桁です。"),
        "{}",
        r.stderr
    );
    let r = run(&["--sim", "verify", "auth", "--pin-stdin"], "12345\n");
    assert!(
        r.stderr
            .contains("The user-authentication PIN has 5 digits."),
        "{}",
        r.stderr
    );
    let r = run(
        &["--sim", "--lang", "ja", "verify", "sign", "--pin-stdin"],
        "AB123\n",
    );
    assert!(
        r.stderr.contains("署名用パスワードが5文字です。"),
        "{}",
        r.stderr
    );
}

/// Item 13: after the second wrong PIN, the result is said once, the next wrong entry is
/// named as the one that blocks, and the guide is pointed to; --use-last-try is not offered.
/// Item 16: the wrong PIN that blocks the card exits 4 (blocked), the report saying it was
/// wrong.
#[test]
fn the_second_wrong_pin_warns_and_the_third_exits_blocked() {
    for lang in ["en", "ja"] {
        let dir = tempfile::tempdir().unwrap();
        let s = state_file(&dir, "fresh");
        let first = wrong(&s, lang, "kenhojo");
        assert_eq!(first.code, 3, "{}", first.stderr);
        let second = wrong(&s, lang, "kenhojo");
        assert_eq!(second.code, 3, "{}", second.stderr);
        let e = &second.stderr;
        assert!(!e.contains("--use-last-try"), "{e}");
        assert!(
            e.contains("`mynapin guide kenhojo --state forgotten`"),
            "{e}"
        );
        let (result, warning, used) = if lang == "en" {
            (
                "only the last try is left.",
                "one more wrong entry blocks the PIN",
                "One try was used",
            )
        } else {
            (
                "残りは最後の1回だけです。",
                "次も違うとロックされ",
                "残り回数が1回減り",
            )
        };
        assert!(e.contains(result) && e.contains(warning), "{e}");
        assert_eq!(e.matches(used).count(), 1, "said once: {e}");
        assert_eq!(card_at(&s).tries_left(KeyRef::Kenhojo), 1);

        let third = wrong(&s, lang, "kenhojo");
        assert_eq!(third.code, 4, "blocked: {}", third.stderr);
        let fact = if lang == "en" {
            "Wrong card-info input support PIN. It is now BLOCKED"
        } else {
            "券面事項入力補助用暗証番号が違います。ロックされました"
        };
        assert!(third.stderr.contains(fact), "{}", third.stderr);
        assert_eq!(card_at(&s).tries_left(KeyRef::Kenhojo), 0);

        // The same with --json: the error object carries exit code 4 and the kind of fact.
        let s = state_file(&dir, "auth-last-try");
        let r = run(
            &[
                "--lang",
                lang,
                "--json",
                "--sim-state",
                s.to_str().unwrap(),
                "verify",
                "auth",
                "--pin-stdin",
                "--use-last-try",
            ],
            "1111\n",
        );
        assert_eq!(r.code, 4, "{}{}", r.stdout, r.stderr);
        assert!(r.stdout.contains("\"wrong_pin\""), "{}", r.stdout);
    }
}

/// Item 16: `status --check` gives a documented non-zero code for counts the card did not
/// report (8) and for an expired user-authentication certificate (9), in both languages;
/// the JSON is the one `status` prints without `--check` (ids unchanged).
#[test]
fn status_check_fails_on_unknown_counts_and_an_expired_certificate() {
    for lang in ["en", "ja"] {
        for (fixture, code) in [
            ("fresh", 0),
            ("quirky-counters", 8),
            ("auth-expired", 9),
            ("auth-last-try", 5),
            ("all-blocked", 4),
        ] {
            let sim = format!("--sim={fixture}");
            let r = run(&["--lang", lang, &sim, "status", "--check"], "");
            assert_eq!(r.code, code, "{fixture} {lang}: {}{}", r.stdout, r.stderr);
            let with = run(&["--lang", lang, "--json", &sim, "status", "--check"], "");
            let without = run(&["--lang", lang, "--json", &sim, "status"], "");
            assert_eq!(with.code, code, "{fixture}");
            assert_eq!(without.code, 0, "{fixture}");
            assert_eq!(with.stdout, without.stdout, "{fixture}");
        }
    }
    // The codes are documented in --help, in both languages.
    let en = run(&["--lang", "en", "--help"], "");
    assert!(
        en.stdout
            .contains("8  status --check: the card did not report")
            && en
                .stdout
                .contains("9  status --check: the user-authentication certificate has expired"),
        "{}",
        en.stdout
    );
    let ja = run(&["--lang", "ja", "--help"], "");
    assert!(
        ja.stdout.contains("8  status --check：") && ja.stdout.contains("9  status --check："),
        "{}",
        ja.stdout
    );
}

/// Item 14: a new PIN that is easy to guess (every digit the same, a run up or down) is
/// warned about, never refused, and never printed; the current PIN again stays refused.
#[test]
fn an_easy_new_pin_is_warned_about_not_refused() {
    for lang in ["en", "ja"] {
        for (new, kind) in [
            ("1111", ("every digit the same", "すべて同じ数字")),
            ("1234", ("consecutive digits", "連続した数字")),
            ("9876", ("consecutive digits", "連続した数字")),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let s = state_file(&dir, "fresh");
            // The fresh card's PIN is 1234: go through another one first.
            let current = if new == "1234" { "5555" } else { "1234" };
            if new == "1234" {
                let r = run(
                    &[
                        "--sim-state",
                        s.to_str().unwrap(),
                        "change",
                        "kenhojo",
                        "--pin-stdin",
                    ],
                    "1234\n5555\n5555\n",
                );
                assert_eq!(r.code, 0, "{}", r.stderr);
            }
            let r = run(
                &[
                    "--lang",
                    lang,
                    "--sim-state",
                    s.to_str().unwrap(),
                    "change",
                    "kenhojo",
                    "--pin-stdin",
                ],
                &format!("{current}\n{new}\n{new}\n"),
            );
            assert_eq!(r.code, 0, "{new} {lang}: {}", r.stderr);
            let (warning, kind) = if lang == "en" {
                ("warning: the new PIN is easy to guess", kind.0)
            } else {
                ("注意：新しい暗証番号は推測されやすいものです", kind.1)
            };
            assert!(
                r.stderr.contains(warning) && r.stderr.contains(kind),
                "{new} {lang}: {}",
                r.stderr
            );
            assert!(
                !r.stderr.contains(new) && !r.stdout.contains(new),
                "{}",
                r.stderr
            );
            assert!(card_at(&s).value_is(KeyRef::Kenhojo, new));
        }
        // A PIN that is not easy to guess: no warning.
        let dir = tempfile::tempdir().unwrap();
        let s = state_file(&dir, "fresh");
        let r = run(
            &[
                "--lang",
                lang,
                "--sim-state",
                s.to_str().unwrap(),
                "change",
                "kenhojo",
                "--pin-stdin",
            ],
            "1234\n9753\n9753\n",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            !r.stderr.contains("warning") && !r.stderr.contains("注意"),
            "{}",
            r.stderr
        );
        // The current PIN again is refused (nothing sent beyond the counters), not warned.
        let r = run(
            &[
                "--lang",
                lang,
                "--sim-state",
                s.to_str().unwrap(),
                "change",
                "kenhojo",
                "--pin-stdin",
            ],
            "9753\n9753\n9753\n",
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            !r.stderr.contains("warning") && !r.stderr.contains("注意"),
            "{}",
            r.stderr
        );
        assert_eq!(card_at(&s).tries_left(KeyRef::Kenhojo), 3);
    }
}

const NOTE_EN: &str = "never its value";
const NOTE_JA: &str = "暗証番号そのものは";

/// Item 15: the note that PINs are never arguments only where something PIN-shaped was typed.
#[test]
fn the_pin_value_note_only_follows_something_pin_shaped() {
    for (args, shaped) in [
        (&["guide", "--city", "osaka"][..], false),
        (&["status", "--foo"][..], false),
        (&["verify", "4821"][..], true),
        (&["verify", "auth", "4821"][..], true),
        (&["change", "abc123"][..], true),
        (&["verify", "auth", "--pin=4821"][..], true),
    ] {
        for (lang, note) in [("en", NOTE_EN), ("ja", NOTE_JA)] {
            let mut full = vec!["--sim", "--lang", lang];
            full.extend_from_slice(args);
            let r = run(&full, "");
            assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
            assert_eq!(
                r.stderr.replace('\n', "").contains(note),
                shaped,
                "{args:?} {lang}: {}",
                r.stderr
            );
            assert!(!r.stderr.contains("4821"), "{}", r.stderr);
        }
    }
}

/// Item 15: `verify` without an argument lists the four PINs (as `change` does); the
/// Japanese names and upper-case ids are accepted as arguments.
#[test]
fn verify_lists_the_pins_and_japanese_names_and_upper_case_are_accepted() {
    for lang in ["en", "ja"] {
        let r = run(&["--sim", "--lang", lang, "verify"], "");
        assert_eq!(r.code, 2, "{}", r.stderr);
        for id in ["auth ", "sign ", "kenhojo ", "juki "] {
            assert!(r.stderr.contains(id), "{id}: {}", r.stderr);
        }
        if lang == "ja" {
            assert!(r.stderr.contains("確認する暗証番号の種類"), "{}", r.stderr);
        } else {
            assert!(r.stderr.contains("Say which PIN to check"), "{}", r.stderr);
        }
    }
    for (name, pin, input) in [
        ("利用者証明用", "auth", "1234\n"),
        ("署名用", "sign", "ABC123\n"),
        ("券面事項入力補助用", "kenhojo", "1234\n"),
        ("住民基本台帳用", "juki", "1234\n"),
        ("AUTH", "auth", "1234\n"),
        ("Juki", "juki", "1234\n"),
    ] {
        let r = run(&["--sim", "--json", "verify", name, "--pin-stdin"], input);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("\"pin\": \"{pin}\"")),
            "{name}: {}",
            r.stdout
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let s = state_file(&dir, "fresh");
    let r = run(
        &[
            "--sim-state",
            s.to_str().unwrap(),
            "change",
            "券面事項入力補助用",
            "KENHOJO",
            "--pin-stdin",
        ],
        "1234\n9753\n9753\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(card_at(&s).value_is(KeyRef::Kenhojo, "9753"));
}
