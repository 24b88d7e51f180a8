//! The `mynapin` binary: see `mynapin --help`.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    mynapin::cli::main()
}
