//! Replays the fuzzing corpus on stable, in the normal suite: every file saved under
//! `fuzz/corpus/<target>/` (minimized by `scripts/fuzz.sh`) and every seed under
//! `fuzz/seeds/<target>/` goes through the same check the fuzz target runs (`fuzz/checks.rs`).
//! A broken invariant fails the test with the file's name; so does an empty or missing
//! corpus directory (the test must not pass by checking nothing), a directory no target owns,
//! and a seed that no longer matches the project files it is built from.
//!
//! Crashing inputs a fuzz run found live in `fuzz/regressions/<target>/`, not here: they
//! wait for their fix, and are then moved into the corpus.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `check` on every file of `dir`; returns how many files, and the failures.
fn replay(dir: &Path, check: checks::Check) -> (usize, Vec<String>) {
    let files = files_in(dir);
    let mut failures = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(panic) = std::panic::catch_unwind(|| check(&bytes)) {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {why}", file.display()));
        }
    }
    (files.len(), failures)
}

fn check_of(target: &str) -> Option<checks::Check> {
    checks::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, check)| *check)
}

fn replay_all(kind: &str) {
    let base = root().join("fuzz").join(kind);
    let mut failures = Vec::new();
    for (target, check) in checks::TARGETS {
        let dir = base.join(target);
        assert!(dir.is_dir(), "{} is missing", dir.display());
        let (n, f) = replay(&dir, *check);
        assert!(
            n > 0,
            "{} is empty: nothing would be checked",
            dir.display()
        );
        failures.extend(f);
    }
    for entry in std::fs::read_dir(&base).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !path.is_dir() || check_of(&name).is_some(),
            "{}: no check for this directory (add it to TARGETS in fuzz/checks.rs)",
            path.display()
        );
    }
    assert!(
        failures.is_empty(),
        "{} input(s) break an invariant:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_corpus_input_keeps_every_invariant() {
    replay_all("corpus");
}

#[test]
fn every_seed_keeps_every_invariant() {
    replay_all("seeds");
}

/// The committed seeds are the ones `checks::seeds` builds from the fixtures, profiles and PIN
/// list today. `MYNAPIN_WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_corpus` rewrites them.
#[test]
fn seeds_match_the_project_files() {
    let seeds = checks::seeds(root());
    let write = std::env::var_os("MYNAPIN_WRITE_FUZZ_SEEDS").is_some();
    let base = root().join("fuzz/seeds");
    let mut stale = Vec::new();
    for (target, _) in checks::TARGETS {
        let dir = base.join(target);
        let wanted: Vec<_> = seeds.iter().filter(|(t, _, _)| t == target).collect();
        assert!(!wanted.is_empty(), "no seed for {target}");
        if write {
            if dir.is_dir() {
                std::fs::remove_dir_all(&dir).unwrap();
            }
            std::fs::create_dir_all(&dir).unwrap();
            for (_, name, bytes) in &wanted {
                std::fs::write(dir.join(name), bytes).unwrap();
            }
        }
        let mut have: Vec<String> = if dir.is_dir() {
            files_in(&dir)
                .iter()
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        } else {
            Vec::new()
        };
        have.sort();
        let mut names: Vec<String> = wanted.iter().map(|(_, n, _)| n.clone()).collect();
        names.sort();
        if have != names {
            stale.push(format!("{target}: files differ"));
            continue;
        }
        for (_, name, bytes) in &wanted {
            if std::fs::read(dir.join(name)).unwrap() != *bytes {
                stale.push(format!("{target}/{name}: content differs"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "fuzz/seeds is stale ({}); rewrite it with MYNAPIN_WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_corpus",
        stale.join(", ")
    );
}

/// The replay can fail: a check that breaks on an input is reported with the file's name.
#[test]
fn a_broken_invariant_fails_the_replay() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("short"), [0x90]).unwrap();
    std::fs::write(dir.path().join("ok"), [0x90, 0x00]).unwrap();
    fn needs_two_bytes(data: &[u8]) {
        assert!(data.len() >= 2, "too short");
    }
    let (n, failures) = replay(dir.path(), needs_two_bytes);
    assert_eq!(n, 2);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("short") && failures[0].contains("too short"));
}
