//! Adding a third language is adding one file (issue 10, "Done means"): a pseudo-locale
//! `qps.ftl`, made from the English of both catalogues (`words/i18n/en.ftl` and
//! `src/cli/i18n/en.ftl`) by wrapping every message's whole pattern (selects
//! included) in ⟦…⟧, is put in a folder named by `MYNAPIN_CATALOG_DIR`; `--lang qps` then
//! runs a representative set of commands, and every piece of their output must be inside
//! ⟦…⟧ — except data: hex, numbers, counters, dates, flags and the command words clap
//! prints, fixture and profile names, file paths, URLs, and the texts of the city profiles
//! and the fixtures (data keyed by language, stripped explicitly). Anything else is text
//! that does not come from the catalogue, and a translator could not translate it.

#[path = "common/command_words.rs"]
mod command_words;

use fluent_syntax::ast::{Entry, Pattern, PatternElement};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

/// `source` with every message's value and attributes wrapped in ⟦…⟧.
fn pseudo(source: &str) -> String {
    let mut resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("en.ftl does not parse: {errors:?}"),
    };
    fn wrap(p: &mut Pattern<&str>) {
        p.elements
            .insert(0, PatternElement::TextElement { value: "⟦" });
        p.elements.push(PatternElement::TextElement { value: "⟧" });
    }
    let mut n = 0;
    for entry in &mut resource.body {
        if let Entry::Message(m) = entry {
            if let Some(v) = &mut m.value {
                wrap(v);
                n += 1;
            }
            for a in &mut m.attributes {
                wrap(&mut a.value);
            }
        }
    }
    assert!(n > 0, "no message in en.ftl");
    fluent_syntax::serializer::serialize(&resource)
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder holding `qps.ftl`.
fn catalog_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // Both catalogues (the words crate's and the command line's) make one language.
    let mut qps = String::new();
    for catalogue in ["words/i18n", "src/cli/i18n"] {
        let en = std::fs::read_to_string(root().join(catalogue).join("en.ftl")).unwrap();
        qps.push_str(&pseudo(&en));
    }
    std::fs::write(dir.path().join("qps.ftl"), qps).unwrap();
    dir
}

struct Out {
    label: String,
    code: i32,
    stdout: String,
    stderr: String,
}

fn mynapin(catalogs: Option<&Path>, args: &[&str], stdin: &str) -> Out {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("mynapin"));
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env_remove("MYNAPIN_CATALOG_DIR")
        .env("LANG", "C")
        .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = catalogs {
        c.env("MYNAPIN_CATALOG_DIR", d);
    }
    let mut child = c.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut input, text.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    Out {
        label: format!("mynapin {}", args.join(" ")),
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

// ---------------------------------------------------------------------------------------
// What may stand outside ⟦…⟧
// ---------------------------------------------------------------------------------------

/// Every string of the city profiles and the fixtures (data keyed by language), longest
/// first, so that a text is removed before a shorter one inside it.
fn data_texts() -> Vec<String> {
    fn leaves(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| leaves(x, out)),
            toml::Value::Table(t) => t.values().for_each(|x| leaves(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for dir in ["core/profiles", "sim/fixtures/cards"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if !p.to_string_lossy().ends_with(".toml") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            let v: toml::Value = toml::from_str(&text).unwrap();
            leaves(&v, &mut out);
        }
    }
    // The national references' citations: a page's title and issuer, in the page's own
    // language (cited, never translated).
    for r in mynapin_core::procedure::national::REFERENCES {
        out.push(r.title.to_string());
        out.push(r.issuer.to_string());
    }
    // Prose only: a single ASCII word ("card", "A", "1234") would mask the same word in
    // text that must come from the catalogue.
    out.retain(|s| {
        s.chars().count() >= 2
            && s.chars().any(char::is_alphabetic)
            && (s.contains(' ') || !s.is_ascii())
    });
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    assert!(out.len() > 50, "{}", out.len());
    out
}

/// Names: the fixtures' and the profiles' (file stems).
fn data_names() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["core/profiles", "sim/fixtures/cards"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if let Some(stem) = p.file_name().and_then(|n| n.to_str()) {
                if let Some(s) = stem.strip_suffix(".toml") {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

/// Words the command line prints as they are typed that the command tree does not list:
/// the program, `--lang` values, a profile's example name and the one document id without a
/// joint. Subcommands and listed values come from the command (`common/command_words.rs`).
const TYPED: &[&str] = &["mynapin", "en", "ja", "qps", "example", "passport"];

fn typed(w: &str) -> bool {
    TYPED.contains(&w)
        || command_words::subcommands().iter().any(|c| c == w)
        || command_words::values().iter().any(|v| v == w)
}

fn is_data_word(w: &str, names: &[String]) -> bool {
    let hex = |w: &str| {
        !w.is_empty()
            && w.len().is_multiple_of(2)
            && w.bytes()
                .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
            && (w.len() == 2 || w.bytes().any(|b| b.is_ascii_digit()))
    };
    let flag = w.starts_with('-')
        && w.trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-=[]<>|_.:,".contains(&b));
    // A value name after a flag or an argument (`<FIXTURE>`, `[PIN]`, `N|NAME`).
    let placeholder = w
        .trim_matches(|c: char| "<>[].=".contains(c))
        .split(['|', ':', '_', '-', ','])
        .all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        });
    let path = w.starts_with(['/', '~', '.'])
        || (w.contains('/') && w.contains('.'))
        || w.ends_with(".toml")
        || w.ends_with(".example");
    // Ids with a joint: document ids, rule ids, schemas, field paths.
    let id = w.contains(['_', '.', ':'])
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.:[]-*=,".contains(&b));
    // A fault rule as typed: `match=00200098,nth=1,when=after,sw=6C00`, `hold_ms=2000`.
    let spec = w.split(',').all(|kv| {
        kv.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
    });
    typed(w)
        || spec
        || names.iter().any(|n| n == w)
        || w.split('|')
            .all(|p| typed(p) || names.iter().any(|n| n == p))
        || hex(w)
        || flag
        || placeholder
        || path
        || id
        || w.starts_with("http://")
        || w.starts_with("https://")
        || !w.chars().any(char::is_alphabetic)
}

/// The words of `text` outside ⟦…⟧ that are not data, each with its line.
fn unwrapped(text: &str, texts: &[String], names: &[String]) -> Vec<(String, String)> {
    let mut text = text.to_string();
    for t in texts {
        if text.contains(t.as_str()) {
            text = text.replace(t.as_str(), " ");
        }
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    for line in text.lines() {
        let mut outside = String::new();
        for c in line.chars() {
            match c {
                OPEN => {
                    depth += 1;
                    outside.push(' ');
                }
                CLOSE => {
                    depth = depth.saturating_sub(1);
                    outside.push(' ');
                }
                _ if depth == 0 => outside.push(c),
                _ => {}
            }
        }
        for raw in outside.split_whitespace() {
            let w = raw.trim_matches(|c: char| {
                "\"'`,;!?(){}[]（）「」、。：:".contains(c) || c == '…' || c == '—' || c == '→'
            });
            if !w.is_empty() && !is_data_word(w, names) {
                out.push((w.to_string(), line.to_string()));
            }
        }
    }
    out
}

#[test]
fn the_pseudo_locale_wraps_every_message_and_the_check_catches_text_outside() {
    let en = "a = one\nb = { $n ->\n    [one] { $n } try\n   *[other] { $n } tries\n}\nc =\n    two\n    lines\n";
    let q = pseudo(en);
    let r = fluent_syntax::parser::parse(q.as_str()).expect("the pseudo-locale parses");
    assert_eq!(r.body.len(), 3);
    assert!(q.contains("a = ⟦one⟧"), "{q}");
    assert!(q.contains("⟦{ $n ->"), "the select is inside: {q}");
    assert!(q.contains("}⟧"), "{q}");
    let texts = data_texts();
    let names = data_names();
    assert!(unwrapped(
        "⟦ok⟧ 3/3 ⟦x⟧ 2035-03-31 6A 80 --sim=fresh <FIXTURE>",
        &texts,
        &names
    )
    .is_empty());
    assert!(unwrapped("⟦two\nlines⟧ mynapin guide sign", &texts, &names).is_empty());
    let found = unwrapped("⟦ok⟧ Usage: ⟦x⟧ 暗証番号", &texts, &names);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(words, ["Usage", "暗証番号"]);
}

#[test]
fn qps_is_a_language_only_when_its_file_is_there() {
    let without = mynapin(None, &["--lang", "qps", "--sim", "status"], "");
    assert_eq!(without.code, 2, "{}{}", without.stdout, without.stderr);
    let dir = catalog_dir();
    let with = mynapin(Some(dir.path()), &["--lang", "qps", "--sim", "status"], "");
    assert_eq!(with.code, 0, "{}", with.stderr);
    assert!(with.stdout.contains(OPEN), "{}", with.stdout);
    // A file that is not a language tag is not a language.
    let odd = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join("qps.ftl"), odd.path().join("QPS_x.ftl")).unwrap();
    let r = mynapin(
        Some(odd.path()),
        &["--lang", "QPS_x", "--sim", "status"],
        "",
    );
    assert_eq!(r.code, 2, "{}", r.stdout);
}

#[test]
fn every_output_text_comes_from_the_catalogue() {
    let dir = catalog_dir();
    let state_dir = tempfile::tempdir().unwrap();
    let state = |name: &str, fixture: &str| -> PathBuf {
        let p = state_dir.path().join(name);
        std::fs::write(
            &p,
            mynapin_sim::Fixture::builtin(fixture).unwrap().to_toml(),
        )
        .unwrap();
        p
    };
    let wrong = state("wrong.toml", "fresh");
    let last = state("last.toml", "auth-last-try");
    let changed = state("changed.toml", "fresh");
    let partial = state("partial.toml", "change-fails-juki-common");
    let (wrong, last, changed, partial) = (
        wrong.to_str().unwrap(),
        last.to_str().unwrap(),
        changed.to_str().unwrap(),
        partial.to_str().unwrap(),
    );
    let runs: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--sim", "status"], ""),
        (vec!["--sim=sign-blocked", "status"], ""),
        (vec!["--sim=juki-mismatch", "status"], ""),
        (vec!["--sim=quirky-counters", "status"], ""),
        (vec!["--sim=auth-expired", "status"], ""),
        (vec!["--sim=not-mynumber", "status"], ""),
        (vec!["--sim", "readers"], ""),
        (vec!["sim", "fixtures"], ""),
        (vec!["--sim", "verify", "auth", "--pin-stdin"], "1234\n"),
        (vec!["--sim", "verify", "auth", "--pin-stdin"], "12\n"),
        (vec!["--sim", "verify", "sign", "--pin-stdin"], "123456\n"),
        (
            vec!["--sim-state", wrong, "verify", "auth", "--pin-stdin"],
            "9999\n",
        ),
        (
            vec!["--sim-state", last, "verify", "auth", "--pin-stdin"],
            "1234\n",
        ),
        (
            vec!["--sim=all-blocked", "verify", "sign", "--pin-stdin"],
            "ABC123\n",
        ),
        (
            vec!["--sim", "change", "auth", "--pin-stdin"],
            "1234\n5678\n5679\n",
        ),
        (
            vec!["--sim", "change", "auth", "--pin-stdin"],
            "1234\n5678\n",
        ),
        (
            vec!["--sim-state", changed, "change", "auth", "--pin-stdin"],
            "1234\n5678\n5678\n",
        ),
        (
            vec!["--sim-state", partial, "change", "juki", "--pin-stdin"],
            "1234\n4321\n4321\n",
        ),
        (vec!["--sim", "change"], ""),
        (vec!["--sim=sign-blocked", "guide"], ""),
        (vec!["guide", "sign", "--state", "blocked"], ""),
        (
            vec![
                "guide",
                "juki",
                "--state",
                "forgotten",
                "--city",
                "takatsuki",
            ],
            "",
        ),
        (
            vec![
                "guide", "auth", "--state", "known", "--city", "toyokawa", "--format", "markdown",
            ],
            "",
        ),
        (vec!["guide", "--list-documents"], ""),
        (vec!["profile", "check", "toyokawa"], ""),
        (vec!["readers"], ""),
        (vec!["doctor"], ""),
        (vec!["status"], ""),
        (vec!["status", "--bogus"], ""),
        (vec!["--sim", "verify", "4821"], ""),
        (vec!["--help"], ""),
        (vec!["status", "--help"], ""),
        (vec!["change", "--help"], ""),
        (vec!["guide", "-h"], ""),
        (vec!["sim", "serve", "--help"], ""),
    ];
    let texts = data_texts();
    let names = data_names();
    let mut report = String::new();
    let mut count = 0;
    for (args, stdin) in &runs {
        let mut full = vec!["--lang", "qps"];
        full.extend_from_slice(args);
        let o = mynapin(Some(dir.path()), &full, stdin);
        assert!(
            !(o.stdout.trim().is_empty() && o.stderr.trim().is_empty()),
            "{}: printed nothing",
            o.label
        );
        for (stream, text) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let found = unwrapped(text, &texts, &names);
            if found.is_empty() {
                continue;
            }
            report.push_str(&format!("\n{} ({stream}):\n", o.label));
            // One entry per line: the line, then its words that are outside ⟦…⟧.
            let mut lines: Vec<(String, Vec<String>)> = Vec::new();
            for (w, line) in found {
                count += 1;
                match lines.last_mut() {
                    Some((l, words)) if *l == line => words.push(w),
                    _ => lines.push((line, vec![w])),
                }
            }
            for (line, words) in lines {
                report.push_str(&format!(
                    "    {line}\n        not from the catalogue: {}\n",
                    words.join(" ")
                ));
            }
        }
    }
    assert!(
        count == 0,
        "{count} words outside ⟦…⟧ in {} runs:\n{report}",
        runs.len()
    );
}
