//! Generates the crate-private module `msg` from this crate's catalogue (`i18n/*.ftl`, one
//! file per language, English the reference) into `$OUT_DIR/catalogue.rs`, with
//! `mynapin-catalogue`: the embedded catalogues (`BUILTIN`), one function per message of
//! `i18n/en.ftl` (a struct of named variables for a message with two or more), and the lookup
//! tables of the run-time families. A message id or a variable English does not declare is a
//! compile error; a message nobody in this crate shows is dead code. The command line's own
//! messages are in its own catalogue (src/cli/i18n/), generated the same way.

use std::path::PathBuf;

fn main() {
    let dir =
        PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default()).join("i18n");
    mynapin_catalogue::generate(&dir, "catalogue.rs", mynapin_catalogue::Mode::Base, &[]);
    println!("cargo:rerun-if-changed=build.rs");
}
