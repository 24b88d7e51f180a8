//! Names the build in `mynapin --version`: the commit and its date when built from a git
//! checkout of this crate, the version alone otherwise (a crate from a registry has no `.git`):
//! no words, so `--version` reads the same in every language.
//!
//! Sets `MYNAPIN_VERSION` for `env!`, e.g. `0.1.0 (git 7a9af29, 2026-11-30)`. Never fails the
//! build: no git, a git that refuses the directory, or a checkout of another project around
//! this one (cargo builds a packaged crate inside `target/package/`) all give the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "i18n/ftl.rs"]
mod ftl;

fn main() {
    catalogue();
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

/// The message catalogue (`i18n/*.ftl`, one file per language): embeds every file and
/// writes one function per message of `i18n/en.ftl` into `$OUT_DIR/catalogue.rs`, taking the
/// message's variables as arguments, so that a message id or a variable the English
/// catalogue does not declare is a compile error. English is the reference; the tests check
/// that every other language declares the same messages with the same variables.
fn catalogue() {
    let dir =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut tags: Vec<String> = std::fs::read_dir(&dir)
        .expect("i18n/ is readable")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let tag = name.strip_suffix(".ftl")?.to_string();
            println!("cargo:rerun-if-changed={}", e.path().display());
            Some(tag)
        })
        .collect();
    // English first (the fallback), Japanese second, then the others by tag.
    tags.sort_by_key(|t| (t != "en", t != "ja", t.clone()));
    assert!(
        tags.first().map(String::as_str) == Some("en")
            && tags.get(1).map(String::as_str) == Some("ja"),
        "i18n/en.ftl and i18n/ja.ftl must exist"
    );
    let en_path = dir.join("en.ftl");
    let en = std::fs::read_to_string(&en_path).expect("i18n/en.ftl is readable");
    let declared = match ftl::declared("i18n/en.ftl", &en) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    };
    let mut out = String::from("// Generated by build.rs from i18n/*.ftl: do not edit.\n\n");
    out.push_str("/// The built-in catalogues, English first: (language tag, Fluent source).\n");
    out.push_str("pub(crate) const BUILTIN: &[(&str, &str)] = &[\n");
    for tag in &tags {
        let path = dir.join(format!("{tag}.ftl"));
        out.push_str(&format!(
            "    ({tag:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("];\n\n");
    for (id, vars) in &declared {
        let english = first_line(&en, id);
        out.push_str(&format!("\n#[doc = {:?}]\n", format!("`{id}`: {english}")));
        let params: Vec<String> = vars
            .iter()
            .map(|v| format!("{}: impl Into<Arg>", rust_name(v)))
            .collect();
        let args: Vec<String> = vars
            .iter()
            .map(|v| format!("({v:?}, {}.into())", rust_name(v)))
            .collect();
        out.push_str(&format!(
            "pub fn {}(lang: Lang{}{}) -> String {{\n    lang.format({id:?}, &[{}])\n}}\n",
            rust_name(id),
            if params.is_empty() { "" } else { ", " },
            params.join(", "),
            args.join(", ")
        ));
    }
    let target = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("catalogue.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

/// The English text's first line, for the generated function's documentation.
fn first_line(source: &str, id: &str) -> String {
    let prefix = format!("{id} =");
    source
        .lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map(|rest| rest.trim().to_string())
        .unwrap_or_default()
}

/// A Fluent identifier as a Rust identifier: `-` becomes `_`, keywords get a trailing `_`.
fn rust_name(id: &str) -> String {
    let name = id.replace('-', "_");
    const KEYWORDS: &[&str] = &[
        "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
        "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
        "where", "while", "async", "await", "dyn", "lang",
    ];
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}
