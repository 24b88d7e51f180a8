//! `--help` and clap's argument errors in the chosen language.
//!
//! The whole command tree (`localized_command`, every command including the hidden `manpage`
//! and clap's `help`) is worded from the catalogue: a pseudo-locale that wraps every message
//! in `⟦…⟧` proves that no text of the tree is anything else; in English no Japanese. (No
//! English in the Japanese catalogue is the lint's: tests/ja_latin.rs.) The binary's `--help`
//! of every command and its argument errors are checked the same way, and a usage error still
//! exits 2.

mod common;

use common::cli::{run_env, Run};
use mynapin::cli::{localized_command, Lang};
use mynapin_catalogue::ftl;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The terminal width the binary is run with.
const COLUMNS: usize = 80;

/// The lines of `text` wider than the terminal (East Asian wide characters count two).
fn too_wide(text: &str) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    text.lines()
        .filter(|l| l.width() > COLUMNS)
        .map(str::to_string)
        .collect()
}

/// The pseudo-locale's tag.
const PSEUDO: &str = "qps-ploc";

/// A folder holding `qps-ploc.ftl`: every English message as `⟦id { $var } …⟧`. Named by
/// MYNAPIN_CATALOG_DIR for this process (before any catalogue is loaded: every test calls
/// this first) and for the binaries it runs.
fn pseudo_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("help-pseudo-locale");
        std::fs::create_dir_all(&dir).unwrap();
        // Both catalogues: the words crate's and the command line's.
        let mut declared = ftl::Declared::new();
        for dir in ["words/i18n", "src/cli/i18n"] {
            let en_path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(dir)
                .join("en.ftl");
            let en = std::fs::read_to_string(en_path).unwrap();
            declared.extend(ftl::declared("en.ftl", &en).unwrap());
        }
        let mut out = String::new();
        for (id, vars) in &declared {
            let vars: String = vars.iter().map(|v| format!(" {{ ${v} }}")).collect();
            out.push_str(&format!("{id} = ⟦{id}{vars}⟧\n"));
        }
        let file = dir.join(format!("{PSEUDO}.ftl"));
        // Written once per test binary (to a temporary name, then renamed: no reader sees half).
        let tmp = dir.join(format!("{PSEUDO}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, out).unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        std::env::set_var("MYNAPIN_CATALOG_DIR", &dir);
        dir
    })
}

fn pseudo() -> Lang {
    pseudo_dir();
    Lang::from_tag(PSEUDO).expect("the pseudo-locale is loaded")
}

/// The text left once every `⟦…⟧` (nested ones too) is taken out.
fn unwrapped(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every text of the command tree: (where, text); a missing one is reported as missing.
fn texts(
    cmd: &clap::Command,
    path: &str,
    out: &mut Vec<(String, String)>,
    missing: &mut Vec<String>,
) {
    let here = if path.is_empty() {
        "mynapin".to_string()
    } else {
        path.to_string()
    };
    match cmd.get_about() {
        Some(a) => out.push((format!("{here}: about"), a.to_string())),
        None => missing.push(format!("{here}: about")),
    }
    for (what, t) in [
        ("long about", cmd.get_long_about()),
        ("after help", cmd.get_after_help()),
        ("after long help", cmd.get_after_long_help()),
    ] {
        if let Some(t) = t {
            out.push((format!("{here}: {what}"), t.to_string()));
        }
    }
    for arg in cmd.get_arguments() {
        let at = format!("{here} {}", arg.get_id());
        match arg.get_help() {
            Some(h) if !h.to_string().trim().is_empty() => out.push((at.clone(), h.to_string())),
            _ => missing.push(format!("{at}: help")),
        }
        if let Some(h) = arg.get_long_help() {
            out.push((format!("{at} (long)"), h.to_string()));
        }
        let names = match arg.get_action().takes_values() {
            true => arg.get_value_names().unwrap_or_default(),
            false => &[],
        };
        for name in names {
            out.push((format!("{at} value name"), name.to_string()));
        }
        for v in arg.get_possible_values() {
            match v.get_help() {
                Some(h) => out.push((format!("{at}={}", v.get_name()), h.to_string())),
                None => missing.push(format!("{at}={}: help", v.get_name())),
            }
        }
    }
    for sub in cmd.get_subcommands() {
        let p = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path} {}", sub.get_name())
        };
        texts(sub, &p, out, missing);
    }
}

fn tree_texts(lang: Lang) -> Vec<(String, String)> {
    let cmd = localized_command(lang);
    let mut out = Vec::new();
    let mut missing = Vec::new();
    texts(&cmd, "", &mut out, &mut missing);
    assert!(
        missing.is_empty(),
        "{}: no text for\n{}",
        lang.tag(),
        missing.join("\n")
    );
    assert!(out.len() > 150, "{} texts only", out.len());
    out
}

/// The command paths of the tree (clap's `help` left out), e.g. `["sim", "serve"]`.
fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let mut p = prefix.to_vec();
        p.push(sub.get_name().to_string());
        paths(sub, &p, out);
    }
}

fn command_paths() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    paths(&localized_command(Lang::EN), &[], &mut out);
    assert!(out.len() >= 14, "{out:?}");
    out
}

/// The words of the command line that may stand in any language's text: command names,
/// possible values (PIN ids among them), language tags, and the names the catalogue keeps.
fn allowed_words() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, out: &mut BTreeSet<String>) {
        out.insert(cmd.get_name().to_string());
        for arg in cmd.get_arguments() {
            for v in arg.get_possible_values() {
                out.insert(v.get_name().to_string());
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    let mut out = BTreeSet::new();
    walk(&localized_command(Lang::EN), &mut out);
    out.extend(Lang::all().map(|l| l.tag().to_string()));
    for w in [
        "mynapin",
        "JPKI",
        "PC/SC",
        "pcscd",
        // Windows' name for its PC/SC service (help-doctor-about-windows).
        "SCardSvr",
        "TOML",
        "JSON",
        "HTML",
        "vpcd",
        "vsmartcard",
        "Linux",
        "macOS",
        "Ctrl-C",
        "Ctrl-D",
        "SIGTERM",
        "SIGHUP",
        "SIGQUIT",
        "SIGPIPE",
        "LC_ALL",
        "MYNAPIN_CITY",
        "LC_MESSAGES",
        "LANG",
        "A4",
        // The reader vpcd shows ("Virtual PCD 00 00"), built-in fixtures and profiles.
        "Virtual",
        "PCD",
        "fresh",
        "sign-blocked",
        "national",
        // Literal syntax: a shell command of an example, the prefix of --have's ids.
        "echo",
        "holder",
    ] {
        out.insert(w.to_string());
    }
    out
}

/// The runs of Latin letters in `text` that are not allowed: flags, file names, key=value
/// syntax and hex are; so are the allowed words. Used on the pseudo-locale's text once its
/// `⟦…⟧` messages are removed: what is left must be typed words, not text from elsewhere.
fn stray_latin(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    let mut stray = Vec::new();
    for raw in text.split(|c: char| !c.is_ascii_graphic()) {
        let token = raw.trim_matches(|c: char| "()[]<>{}'\"`,;:.…|!?".contains(c));
        if !token.chars().any(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let hex = token.chars().all(|c| c.is_ascii_hexdigit())
            && token.chars().any(|c| c.is_ascii_digit());
        let syntax = token.starts_with('-') || token.contains(['.', '/', '=', '_', ':', ',', '*']);
        if hex || syntax || allowed.contains(token) {
            continue;
        }
        stray.push(token.to_string());
    }
    stray
}

fn is_japanese(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// `mynapin ARGS` with `LANG=env_lang`, the pseudo-locale's catalogue directory and a
/// fixed width.
fn run(env_lang: &str, args: &[&str]) -> Run {
    let columns = COLUMNS.to_string();
    let catalogs = pseudo_dir().to_str().unwrap();
    run_env(
        args,
        "",
        &[
            ("LANG", env_lang),
            ("MYNAPIN_CATALOG_DIR", catalogs),
            ("COLUMNS", &columns),
        ],
    )
}

/// Every `--help` and `-h` of the binary, as (command line, output).
fn every_help(lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in command_paths() {
        for flag in ["--help", "-h"] {
            let mut args = vec!["--lang", lang];
            args.extend(path.iter().map(String::as_str));
            args.push(flag);
            let r = run("C", &args);
            assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
            assert!(!r.stdout.trim().is_empty(), "{args:?}");
            out.push((args.join(" "), r.stdout));
        }
    }
    let r = run("C", &["--lang", lang, "help", "sim", "serve"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out.push(("help sim serve".into(), r.stdout));
    out
}

/// Command lines clap refuses, each for another reason.
const BAD: &[&[&str]] = &[
    &["status", "--bogus"],
    &["--sim", "verify", "4821"],
    &["--timeout", "0", "status"],
    &["--timeout", "x", "status"],
    &["--sim", "--reader", "0", "status"],
    &["bogus"],
    &["guide", "--state", "nope"],
    &["guide", "--pin", "auth", "sign"],
    &["sim", "serve", "--mute-ms", "5"],
    &["profile", "check"],
    &["--lang", "xx", "status"],
    &["status", "--json=1"],
    &["change", "--pinpad"],
];

#[test]
fn every_text_of_the_command_tree_comes_from_the_catalogue() {
    let lang = pseudo();
    let mut stray = Vec::new();
    for (at, text) in tree_texts(lang) {
        if unwrapped(&text).chars().any(|c| c.is_alphabetic()) {
            stray.push(format!("{at}: {text}"));
        }
    }
    assert!(
        stray.is_empty(),
        "not from the catalogue:\n{}",
        stray.join("\n")
    );
}

#[test]
fn english_command_tree_has_no_japanese() {
    pseudo_dir();
    let mut problems = Vec::new();
    for (at, text) in tree_texts(Lang::EN) {
        if text.chars().any(is_japanese) {
            problems.push(format!("en {at}: {text}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_language_words_every_text() {
    pseudo_dir();
    for lang in Lang::all() {
        // No message id shows as itself (an id no catalogue has comes back unchanged).
        for (at, text) in tree_texts(lang) {
            assert!(
                !text.starts_with("help-") && !text.contains(" help-"),
                "{}: {at}: {text}",
                lang.tag()
            );
        }
    }
}

#[test]
fn japanese_help_of_every_command_has_its_headings_and_fits() {
    pseudo_dir();
    let mut problems = Vec::new();
    for (line, out) in every_help("ja") {
        for heading in ["使い方：", "オプション：", "共通のオプション："] {
            if !out.contains(heading) && !line.contains("help sim") {
                problems.push(format!("{line}: no {heading}"));
            }
        }
        if out.contains('\\') {
            problems.push(format!("{line}: a backslash\n{out}"));
        }
        let wide = too_wide(&out);
        if !wide.is_empty() {
            problems.push(format!("{line}: wider than {COLUMNS} columns: {wide:?}"));
        }
        // A wrapped line never starts with a comma, a full stop or a closing bracket.
        for l in out.lines() {
            if l.trim_start().starts_with(['、', '。', '）', '」', '：']) {
                problems.push(format!("{line}: a line starts with punctuation: {l}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn english_help_of_every_command_is_english() {
    pseudo_dir();
    let mut problems = Vec::new();
    for (line, out) in every_help("en") {
        if out.chars().any(is_japanese) {
            problems.push(format!("{line}:\n{out}"));
        }
        let wide = too_wide(&out);
        if !wide.is_empty() {
            problems.push(format!("{line}: wider than {COLUMNS} columns: {wide:?}"));
        }
        if out.contains('\\') || out.contains("[default:") && !out.contains("Usage:") {
            problems.push(format!("{line}: {out}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let top = run("C", &["--help"]);
    assert!(
        top.stdout.contains("Usage: mynapin [OPTIONS] <COMMAND>"),
        "{}",
        top.stdout
    );
    assert!(top.stdout.contains("Global options:"), "{}", top.stdout);
    assert!(top.stdout.contains("  2  usage error"), "{}", top.stdout);
    assert!(top.stdout.contains("[default: 20]") || top.stdout.contains("Default: 20"));
}

#[test]
fn the_pseudo_locale_help_has_nothing_outside_the_catalogue() {
    pseudo_dir();
    let allowed = allowed_words();
    let mut problems = Vec::new();
    for (line, out) in every_help(PSEUDO) {
        let s = stray_latin(&unwrapped(&out), &allowed);
        if !s.is_empty() {
            problems.push(format!("{line}: {s:?}\n{out}"));
        }
    }
    for bad in BAD {
        let mut args = vec!["--lang", PSEUDO];
        args.extend_from_slice(bad);
        let r = run("C", &args);
        let mut allowed = allowed.clone();
        allowed.extend(bad.iter().map(|a| a.to_string()));
        let s = stray_latin(&unwrapped(&r.stderr), &allowed);
        if !s.is_empty() {
            problems.push(format!("{args:?}: {s:?}\n{}", r.stderr));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_locale_chooses_the_help_language_and_lang_overrides_it() {
    let ja = run("ja_JP.UTF-8", &["status", "--help"]);
    assert!(ja.stdout.contains("使い方："), "{}", ja.stdout);
    let en = run("ja_JP.UTF-8", &["--lang", "en", "status", "--help"]);
    assert!(en.stdout.contains("Usage:"), "{}", en.stdout);
    let en = run("ja_JP.UTF-8", &["status", "--help", "--lang=en"]);
    assert!(en.stdout.contains("Usage:"), "{}", en.stdout);
    let c = run("C", &["status", "--help"]);
    assert!(c.stdout.contains("Usage:"), "{}", c.stdout);
}

#[test]
fn clap_errors_are_in_the_chosen_language_and_exit_2() {
    pseudo_dir();
    let mut problems = Vec::new();
    for bad in BAD {
        let mut ja_args = vec!["--lang", "ja"];
        ja_args.extend_from_slice(bad);
        let ja = run("C", &ja_args);
        if ja.code != 2 {
            problems.push(format!("{ja_args:?}: exit {}", ja.code));
        }
        // `--lang xx` names no language: the locale's (C: English) says so.
        let expect_ja = !bad.contains(&"xx");
        if expect_ja
            && (!ja.stderr.contains("エラー：")
                || !ja.stderr.contains("--help")
                || !too_wide(&ja.stderr).is_empty())
        {
            problems.push(format!("{ja_args:?}:\n{}", ja.stderr));
        }
        let en = run("C", bad);
        if en.code != 2 || en.stderr.chars().any(is_japanese) || !en.stderr.contains("error: ") {
            problems.push(format!("{bad:?}: exit {}\n{}", en.code, en.stderr));
        }
        for r in [&ja, &en] {
            if !r.stdout.is_empty() || r.stderr.contains("4821") {
                problems.push(format!("{bad:?}: {}{}", r.stdout, r.stderr));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let r = run("C", &["--lang", "ja", "status", "--bogus"]);
    assert!(r.stderr.contains("--bogus"), "{}", r.stderr);
    assert!(
        r.stderr.contains("使い方：mynapin status [オプション]"),
        "{}",
        r.stderr
    );
    let r = run("C", &["--lang", "ja", "--timeout", "0", "status"]);
    assert!(r.stderr.contains("1〜3600"), "{}", r.stderr);
    let r = run("C", &["--lang", "ja", "guide", "--state", "nope"]);
    assert!(
        r.stderr.contains("known、forgotten、blocked"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_command_shows_the_help_on_stderr_and_exits_2() {
    for lang in ["en", "ja"] {
        let r = run("C", &["--lang", lang, "sim"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.is_empty());
        assert!(r.stderr.contains("fixtures"), "{}", r.stderr);
    }
    let r = run("C", &["--lang", "ja"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("使い方：mynapin [オプション] <コマンド>"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_version_is_printed_on_stdout() {
    let r = run("C", &["--lang", "ja", "-V"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("mynapin "), "{}", r.stdout);
}

#[test]
fn examples_stand_on_lines_short_enough_not_to_wrap() {
    pseudo_dir();
    fn walk(cmd: &clap::Command, out: &mut Vec<String>) {
        for t in [cmd.get_after_help(), cmd.get_after_long_help()]
            .into_iter()
            .flatten()
        {
            out.extend(t.to_string().lines().map(str::to_string));
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    for lang in [Lang::EN, Lang::JA] {
        let mut lines = Vec::new();
        walk(&localized_command(lang), &mut lines);
        let examples: Vec<&String> = lines
            .iter()
            .filter(|l| {
                let t = l.trim_start();
                t.starts_with("mynapin ") || t.starts_with("(echo")
            })
            .collect();
        assert!(examples.len() >= 9, "{}: {examples:?}", lang.tag());
        for l in examples {
            // An 80-column terminal, clap's help starting in column 0.
            assert!(l.chars().count() <= 78, "{}: {l}", lang.tag());
            assert!(
                l.starts_with("  "),
                "{}: not on a line of its own: {l}",
                lang.tag()
            );
        }
    }
}
