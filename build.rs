//! Two things, at build time:
//!
//! - the command line's own messages, from `src/cli/i18n/*.ftl` into `$OUT_DIR/cli_catalogue.rs`
//!   (the crate-private module `cli::lang::msg`, by `mynapin-catalogue`): one function per
//!   message, a struct of named variables for a message with two or more, the lookup tables of
//!   the run-time families; the catalogue is added to `mynapin-words`' bundles before the first
//!   message is said;
//! - the build's name in `mynapin --version`: the commit and its date when built from a git
//!   checkout of this crate, the version alone otherwise (a crate from a registry has no
//!   `.git`): no words, so `--version` reads the same in every language.
//!
//! Sets `MYNAPIN_VERSION` for `env!`, e.g. `0.1.0 (git 7a9af29, 2026-11-30)`. Never fails the
//! build: no git, a git that refuses the directory, or a checkout of another project around
//! this one (cargo builds a packaged crate inside `target/package/`) all give the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The command line's messages that one kind of system only shows, with the `cfg` of the code
/// that shows them: they exist on that system only (elsewhere they would be dead code).
const ONLY_ON: &[(&str, &str)] = &[
    ("doctor-windows-driver", "windows"),
    ("doctor-fix-windows-service", "windows"),
    ("doctor-macos-driver", "target_os = \"macos\""),
    ("doctor-fix-macos-service", "target_os = \"macos\""),
    (
        "doctor-fix-other-service",
        "not(any(target_os = \"linux\", windows, target_os = \"macos\"))",
    ),
    ("doctor-fix-install-pcscd", "target_os = \"linux\""),
    ("doctor-fix-start-pcscd", "target_os = \"linux\""),
    ("doctor-rcs300", "target_os = \"linux\""),
    ("doctor-rcs300-unknown", "target_os = \"linux\""),
    ("doctor-fix-rcs300", "target_os = \"linux\""),
    ("doctor-rcs380", "target_os = \"linux\""),
    ("doctor-fix-rcs380", "target_os = \"linux\""),
    ("prompt-fd-is-output", "unix"),
    ("prompt-fd-cannot-open", "unix"),
    ("prompt-fd-unsupported", "not(unix)"),
    // ENXIO is a Unix error; a unit test words it on every system.
    ("error-io-no-device", "any(unix, test)"),
    // A build without the simulated card refuses --sim and sim commands with these.
    ("cli-no-sim", "not(feature = \"sim\")"),
    ("cli-no-sim-todo", "not(feature = \"sim\")"),
];

/// The messages only the simulated card's commands and errors show (`--sim`, `--sim-state`,
/// `sim serve`, `watch --sim`): they exist in a build with the `sim` feature only.
const SIM_ONLY: &[&str] = &[
    "error-fixture-invalid-what",
    "error-fixture-malformed-what",
    "error-fixture-read-what",
    "error-fixture-todo",
    "error-sim-busy-todo",
    "error-sim-busy-what",
    "error-state-file-todo",
    "error-state-file-what",
    "error-state-lock",
    "error-state-not-saved-holds-none",
    "error-state-not-saved-holds-old",
    "error-state-not-saved-todo",
    "error-state-not-saved-what",
    "error-state-read-only",
    "fixture-reason-at",
    "fixture-reason-atr-bytes",
    "fixture-reason-atr-name",
    "fixture-reason-bad-sw",
    "fixture-reason-bad-when",
    "fixture-reason-date-format",
    "fixture-reason-expected-key-value",
    "fixture-reason-hex-char",
    "fixture-reason-hex-odd",
    "fixture-reason-hold-too-long",
    "fixture-reason-municipality-digits",
    "fixture-reason-my-number-digits",
    "fixture-reason-needs-match",
    "fixture-reason-no-action",
    "fixture-reason-no-description",
    "fixture-reason-not-a-number",
    "fixture-reason-nth-from-one",
    "fixture-reason-ref-value",
    "fixture-reason-serial-length",
    "fixture-reason-sex",
    "fixture-reason-sign-expired",
    "fixture-reason-sw-and-answer",
    "fixture-reason-token",
    "fixture-reason-too-long",
    "fixture-reason-too-many-entries",
    "fixture-reason-tries-above-max",
    "fixture-reason-unknown-key",
    "serve-bad-address",
    "serve-event-empty-answer",
    "serve-event-fault-removed",
    "serve-event-inserted",
    "serve-event-malformed",
    "serve-event-muted",
    "serve-event-reconnecting",
    "serve-event-waiting",
    "serve-fault-sw-form",
    "serve-fault-sw-number",
    "serve-fix-address",
    "serve-fix-signals",
    "serve-fix-two-cards",
    "serve-fix-two-states",
    "serve-fix-unreachable",
    "serve-signals",
    "serve-two-cards",
    "serve-two-states",
    "serve-unreachable",
    "sim-hold",
    "watch-sim-dir-empty",
    "watch-sim-dir-todo",
    "watch-sim-dir-unreadable",
    "watch-sim-list",
    "watch-sim-state",
    "watch-sim-state-todo",
];

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let build = match git_build(&manifest_dir) {
        Some((commit, date)) => format!(" (git {commit}, {date})"),
        None => {
            // Ask again once this directory is a git checkout (or, git missing or refusing,
            // when its HEAD moves). A crate from a registry has no `.git`, and a path that
            // does not exist counts as changed: its build script runs on every build, which
            // is cheap. That is also what keeps the answer right after `cargo package`: the
            // packaged copy's verification build shares this build script's output directory
            // in the workspace's target dir, and must not leave the bare version behind for
            // the checkout's next build.
            let dot_git = manifest_dir.join(".git");
            let watched = if dot_git.is_dir() {
                dot_git.join("HEAD")
            } else {
                dot_git
            };
            println!("cargo:rerun-if-changed={}", watched.display());
            String::new()
        }
    };
    println!("cargo:rustc-env=MYNAPIN_VERSION={version}{build}");
    mynapin_catalogue::generate(
        &manifest_dir.join("src/cli/i18n"),
        "cli_catalogue.rs",
        mynapin_catalogue::Mode::Overlay,
        &ONLY_ON
            .iter()
            .copied()
            .chain(SIM_ONLY.iter().map(|id| (*id, "feature = \"sim\"")))
            .collect::<Vec<_>>(),
    );
    println!("cargo:rerun-if-changed=build.rs");
}

/// Runs git in `dir`; its trimmed stdout, or None on any failure.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The short commit and its commit date, when `dir` is the top of a git work tree; and the
/// rerun-if-changed lines that make cargo ask again after a commit or a checkout.
fn git_build(dir: &Path) -> Option<(String, String)> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    // Inside another checkout (e.g. target/package/mynapin-x.y.z/ in our own tree, or a
    // vendored copy in someone's repository), the commit would be that checkout's, not ours.
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    // HEAD names the branch (or a commit); the branch's ref file changes on every commit. In
    // a linked worktree these live in different directories: ask git for the paths.
    let head = git(dir, &["rev-parse", "--git-path", "HEAD"])?;
    rerun_if_changed(dir, &head);
    if let Some(reference) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &reference]) {
            let path = dir.join(path);
            if path.exists() {
                rerun_if_changed(dir, &path.to_string_lossy());
            } else if let Some(parent) = path.parent().filter(|p| p.exists()) {
                // A packed ref: watch the directory where git writes the loose ref on the
                // next commit.
                rerun_if_changed(dir, &parent.to_string_lossy());
            }
        }
        if let Some(packed) = git(dir, &["rev-parse", "--git-path", "packed-refs"]) {
            if dir.join(&packed).exists() {
                rerun_if_changed(dir, &packed);
            }
        }
    }
    let commit = git(dir, &["rev-parse", "--short", "HEAD"])?;
    let date = git(dir, &["log", "-1", "--format=%cd", "--date=short", "HEAD"])?;
    Some((commit, date))
}

fn rerun_if_changed(dir: &Path, path: &str) {
    // git prints paths relative to `dir` or absolute; cargo wants them relative to the
    // manifest directory or absolute: `dir` is the manifest directory.
    let path = dir.join(path);
    println!("cargo:rerun-if-changed={}", path.display());
}
