//! Issue 19, item 17: `watch` without a reader. `--sim=LIST` (names, files, or a directory of
//! fixtures) places the simulated cards one after another; each block has the card's number
//! and the time it was read and ends with the request to take the card out; `--clear` clears
//! the screen before each card; `--city` (or `MYNAPIN_CITY`, or the config file) words the
//! short guide of every blocked PIN with that city's rules. In English and in Japanese.

mod common;

use common::cli::run_env;

/// The headings `== card N · HH:MM:SS ==` (or `== N枚目・HH:MM:SS ==`) in order.
fn headings(out: &str, ja: bool) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with("== "))
        .map(|l| {
            let time = l
                .split([' ', '・'])
                .find(|w| {
                    w.len() == 8
                        && w.chars().enumerate().all(|(i, c)| {
                            if i == 2 || i == 5 {
                                c == ':'
                            } else {
                                c.is_ascii_digit()
                            }
                        })
                })
                .unwrap_or_else(|| panic!("no time in {l:?}"));
            assert!(
                if ja {
                    l.contains("枚目・")
                } else {
                    l.contains("card ")
                },
                "{l}"
            );
            time.to_string()
        })
        .collect()
}

#[test]
fn watch_places_each_simulated_card_in_turn() {
    for (lang, remove, blocked) in [
        ("en", "Please take the card out.", "BLOCKED"),
        ("ja", "カードを取り外してください。", "ロック中"),
    ] {
        let r = run_env(
            &["--lang", lang, "--sim=fresh,sign-blocked,fresh", "watch"],
            "",
            &[],
        );
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
        assert_eq!(headings(&r.stdout, lang == "ja").len(), 3, "{}", r.stdout);
        assert_eq!(r.stdout.matches(remove).count(), 3, "{}", r.stdout);
        assert_eq!(r.stdout.matches(blocked).count(), 1, "{}", r.stdout);
        // The reader names the card placed.
        assert!(r.stdout.contains("(sign-blocked)") || r.stdout.contains("（sign-blocked）"));
        // No clearing unless asked.
        assert!(!r.stdout.contains('\x1b'), "{}", r.stdout);
        // The order: fresh, sign-blocked, fresh.
        let blocks: Vec<&str> = r.stdout.split(remove).collect();
        assert!(!blocks[0].contains(blocked) && blocks[1].contains(blocked));
    }
}

#[test]
fn watch_clears_the_screen_before_each_card_when_asked() {
    let r = run_env(&["--sim=fresh,all-blocked", "watch", "--clear"], "", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.matches("\x1b[2J").count(), 2, "{:?}", r.stdout);
    // Each clear comes before its card's heading.
    for part in r.stdout.split("\x1b[H\x1b[2J\x1b[3J").skip(1) {
        assert!(part.trim_start().starts_with("== card "), "{part:?}");
    }
    // Never with --json (one object per line).
    let r = run_env(&["--json", "--sim=fresh", "watch", "--clear"], "", &[]);
    assert!(!r.stdout.contains('\x1b'));
    let v: serde_json::Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(v["schema"], "mynapin.status.v1");
    assert_eq!(v["card"], 1);
    assert_eq!(v["time"].as_str().map(str::len), Some(8));
}

/// (Unix: there the zone comes from `TZ`; Windows takes the system's own zone.)
#[cfg(unix)]
#[test]
fn the_time_of_each_card_is_in_the_machines_zone() {
    // Asia/Tokyo is UTC+9 without daylight saving: the heading's hour is UTC's + 9. The UTC
    // hour is read before and after the run, so a run across the hour is still judged right.
    let hour = || {
        let s = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        (s / 3600 % 24) as u32
    };
    let before = hour();
    let r = run_env(&["--sim=fresh", "watch"], "", &[("TZ", "Asia/Tokyo")]);
    let after = hour();
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = &headings(&r.stdout, false)[0];
    let h: u32 = t[..2].parse().unwrap();
    assert!(
        h == (before + 9) % 24 || h == (after + 9) % 24,
        "{t} is not UTC+9 (UTC hour {before}..{after})"
    );
}

#[test]
fn watch_with_a_city_words_the_guide_of_every_blocked_pin() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("mynapin");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "city = \"toyokawa\"\n").unwrap();
    let xdg = dir.path().to_str().unwrap();
    for (lang, takatsuki, toyokawa) in [
        (
            "en",
            "Full checklist for Takatsuki",
            "Full checklist for Toyokawa",
        ),
        (
            "ja",
            "高槻市での詳しい手順と持ち物",
            "豊川市での詳しい手順と持ち物",
        ),
    ] {
        // --city: one line per blocked PIN (all four).
        let r = run_env(
            &[
                "--lang",
                lang,
                "--sim=all-blocked",
                "watch",
                "--city",
                "takatsuki",
            ],
            "",
            &[],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout.matches(takatsuki).count(), 4, "{}", r.stdout);
        for pin in ["auth", "sign", "kenhojo", "juki"] {
            assert!(
                r.stdout
                    .contains(&format!("mynapin guide {pin} --city takatsuki")),
                "{pin}: {}",
                r.stdout
            );
        }
        // MYNAPIN_CITY, then the config file; --city wins over both.
        let r = run_env(
            &["--lang", lang, "--sim=sign-blocked", "watch"],
            "",
            &[("MYNAPIN_CITY", "takatsuki")],
        );
        assert_eq!(r.stdout.matches(takatsuki).count(), 1, "{}", r.stdout);
        let r = run_env(
            &["--lang", lang, "--sim=sign-blocked", "watch"],
            "",
            &[("XDG_CONFIG_HOME", xdg)],
        );
        assert_eq!(r.stdout.matches(toyokawa).count(), 1, "{}", r.stdout);
        let r = run_env(
            &[
                "--lang",
                lang,
                "--sim=sign-blocked",
                "watch",
                "--city",
                "takatsuki",
            ],
            "",
            &[("XDG_CONFIG_HOME", xdg)],
        );
        assert_eq!(r.stdout.matches(takatsuki).count(), 1, "{}", r.stdout);
        // Without a city: the general short guide.
        let r = run_env(&["--lang", lang, "--sim=sign-blocked", "watch"], "", &[]);
        assert!(
            !r.stdout.contains("--city") && r.stdout.contains("mynapin guide sign"),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn watch_takes_a_directory_of_fixtures_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    for (file, fixture) in [("b.toml", "sign-blocked"), ("a.toml", "fresh")] {
        std::fs::write(
            dir.path().join(file),
            mynapin_sim::Fixture::builtin(fixture).unwrap().to_toml(),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "not a card").unwrap();
    let sim = format!("--sim={}", dir.path().display());
    let r = run_env(&[&sim, "watch"], "", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let blocks: Vec<&str> = r.stdout.split("Please take the card out.").collect();
    assert_eq!(blocks.len(), 3, "{}", r.stdout);
    assert!(blocks[0].contains("a.toml") && !blocks[0].contains("BLOCKED"));
    assert!(blocks[1].contains("b.toml") && blocks[1].contains("BLOCKED"));
    // A card that cannot be read is one line, and the next is read.
    let r = run_env(&["--sim=nonexistent,fresh", "watch"], "", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(headings(&r.stdout, false).len(), 2, "{}", r.stdout);
    assert!(r.stdout.contains("Cannot read the fixture nonexistent"));
}

#[test]
fn watch_help_has_an_example_and_describes_the_output() {
    for (lang, words) in [
        (
            "en",
            [
                "mynapin --sim=fresh,sign-blocked",
                "Please take the card out.",
                "--clear",
                "--city",
            ],
        ),
        (
            "ja",
            [
                "mynapin --sim=fresh,sign-blocked",
                "カードを取り外してください。",
                "--clear",
                "--city",
            ],
        ),
    ] {
        let r = run_env(
            &["--lang", lang, "watch", "--help"],
            "",
            &[("COLUMNS", "400")],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        for w in words {
            assert!(r.stdout.contains(w), "{w}: {}", r.stdout);
        }
    }
}
