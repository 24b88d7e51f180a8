//! The CLI surface as snapshot cases, one folder per language: `tests/cmd/ja/*.toml` and
//! `tests/cmd/en/*.toml` (trycmd). Each case is one command line on the in-process simulated
//! card (`--sim`, `--sim=FIXTURE`, `--sim-state FILE` in a sandbox folder), with its PINs on
//! standard input (`stdin` in the case, never on the command line), its environment (no
//! inherited locale: `LANG` in the case) and its exit code; beside it `.stdout` and `.stderr`
//! hold what the resident reads, so a change of wording or of an exit code shows in the diff
//! in the language it was written in.
//!
//! Bless after an intended change: `TRYCMD=overwrite cargo test -p mynapin --test
//! cli_snapshots`, then read the diff. Times are elided with `[..]` (trycmd keeps an elision
//! on overwrite); the sandbox's path is `[CWD]`/`[ROOT]`. A new case: copy a `.toml` beside
//! it in each language's folder, change `args` and `stdin`, set `status.code` to the exit code
//! it must end with (overwrite writes the output, never the exit code), create empty `.stdout`
//! and `.stderr` files and bless. Files a case reads go in a `NAME.in/` folder beside it (the
//! case then runs in a copy of it).
//!
//! No case reaches pcscd: `PCSCLITE_CSOCK_NAME` points at a socket nobody listens on, so the
//! cases without `--sim` show what a resident sees when the PC/SC service is not running.
//!
//! The snapshots are the Linux build's: Windows and macOS name their own PC/SC service and fixes
//! (`doctor`, the errors without a reader), and a case's environment is only `LANG`, `TZ` and
//! `PATH`, which a Windows process cannot start with. Under Wine (scripts/test-windows.sh) the
//! other test files run.
#![cfg(target_os = "linux")]

#[test]
fn cli_cases_in_japanese_and_english() {
    trycmd::TestCases::new()
        .env("PCSCLITE_CSOCK_NAME", "/nonexistent/pcscd.comm")
        .case("tests/cmd/ja/*.toml")
        .case("tests/cmd/en/*.toml");
}
