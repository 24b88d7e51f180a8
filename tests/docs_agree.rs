//! The documentation agrees with the scripts and the help, and cites only what is in the
//! repository (issue 19, items 20 and 21).

mod common;

use common::cli::run;
use std::path::{Path, PathBuf};

fn read(p: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap()
}

fn help(lang: &str) -> String {
    run(&["--lang", lang, "sim", "serve", "--help"], "").stdout
}

/// The reader's name: the script's FRIENDLYNAME, and every document and help text says the
/// same; the command after the script passes the port it chose.
#[test]
fn the_reader_name_and_port_agree_everywhere() {
    let script = read("scripts/pcscd-vpcd.sh");
    assert!(script.contains("FRIENDLYNAME \"mynapin vpcd\""));
    assert!(script.contains("VPCD_READER0='mynapin vpcd 00 00'"));
    let doc = read("docs/simulated-card.md");
    for text in [doc.as_str(), &help("en"), &help("ja")] {
        assert!(text.contains("mynapin vpcd 00 00"), "{text}");
        // "Virtual PCD" only as the name the packaged configuration gives.
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (i, _) in flat.match_indices("Virtual PCD") {
            let before: String = flat[..i].chars().rev().take(160).collect();
            let before: String = before.chars().rev().collect();
            assert!(
                before.contains("package") || before.contains("パッケージ"),
                "\"Virtual PCD\" not said to be the package's: {before}"
            );
        }
    }
    let readme = read("README.md") + &read("docs/development.md");
    let doc_and_readme = format!("{doc}\n{readme}");
    for (i, line) in doc_and_readme.lines().enumerate() {
        if line.contains("sim serve") && line.trim_start().starts_with("mynapin sim serve") {
            let earlier: Vec<&str> = doc_and_readme.lines().take(i).collect();
            let after_script = earlier
                .iter()
                .rev()
                .take(3)
                .any(|l| l.contains("pcscd-vpcd.sh"));
            if after_script {
                assert!(
                    line.contains("$VPCD_PORT0"),
                    "the port is not passed: {line}"
                );
            }
        }
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        // Build output, git's own files, and the fuzzers' generated inputs (random bytes
        // mutated from old seeds) are not documentation.
        if name == "target" || name == "corpus" || name.starts_with('.') && name != ".gitignore" {
            continue;
        }
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// No document, comment or profile cites a file that is not in the repository (the project's
/// background notes, the saved city pages, "the card doc"); no PID file is kept.
#[test]
fn nothing_cites_files_outside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(root, &mut all);
    let this = root.join("tests/docs_agree.rs");
    let mut bad = Vec::new();
    for p in &all {
        if p.extension().is_some_and(|e| e == "pid") {
            bad.push(format!("{}: a PID file", p.display()));
            continue;
        }
        if *p == this || p.starts_with(root.join("tests/guide_resident.rs")) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        for needle in [
            "shared/docs",
            "shared/seeds",
            "card doc",
            "000_f14b2633",
            "002_540701ef",
        ] {
            if text.contains(needle) {
                bad.push(format!("{}: {needle}", p.display()));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(read(".gitignore").lines().any(|l| l.trim() == "*.pid"));
    // What the code cites instead is there.
    for section in ["## §6", "## §7", "## §8"] {
        assert!(read("docs/card-facts.md").contains(section), "{section}");
    }
    assert!(read("docs/procedures.md").contains("住民登録のある市区町村"));
}

/// The README starts in Japanese for residents (what is needed, how to get the tool, three
/// commands, where to get help), then English; the developer material is in
/// docs/development.md; the two commands CI relies on stay (issue 19, item 19).
#[test]
fn the_readme_starts_in_japanese_for_residents() {
    let readme = read("README.md");
    let english = readme.find("# In English").expect("an English part");
    let ja = &readme[..english];
    for heading in [
        "## 必要なもの",
        "## 入手方法",
        "## 3つのコマンド",
        "## 困ったときは",
    ] {
        assert!(ja.contains(heading), "{heading}");
    }
    for command in ["mynapin status", "mynapin change auth", "mynapin guide"] {
        assert!(ja.contains(command), "{command}");
    }
    assert!(ja.contains("RC-S300"), "which readers work");
    // The Japanese part is Japanese: most of its prose lines are.
    let prose: Vec<&str> = ja
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("```") && !l.starts_with("mynapin"))
        .filter(|l| !l.starts_with("sudo") && !l.starts_with('|'))
        .collect();
    let japanese = prose
        .iter()
        .filter(|l| l.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)))
        .count();
    assert!(
        japanese * 10 >= prose.len() * 9,
        "{japanese} of {}",
        prose.len()
    );
    // CI's commands, exactly: the section's code blocks hold these two and nothing else.
    let start = readme
        .find("## Two commands on a fresh machine")
        .expect("the section");
    let section = &readme[start + 3..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut in_code = false;
    let mut commands = Vec::new();
    for line in section.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if in_code && !line.trim().is_empty() {
            commands.push(line.trim());
        }
    }
    assert_eq!(
        commands,
        [
            "cargo run --release -- --sim status",
            "bash scripts/test-all.sh"
        ]
    );
    // Developer material moved, not lost.
    let dev = read("docs/development.md");
    for moved in [
        "CM_IOCTL_GET_FEATURE_REQUEST",
        "## Layout",
        "## Testing through the real PC/SC stack",
        "bash scripts/build-deb.sh",
        "mynapin completions bash",
    ] {
        assert!(!readme.contains(moved), "still in the README: {moved}");
        assert!(dev.contains(moved), "not in docs/development.md: {moved}");
    }
}
