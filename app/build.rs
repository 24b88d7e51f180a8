//! Generates the app's own messages, `i18n/<tag>.ftl`, into `$OUT_DIR/app_catalogue.rs`: the
//! crate-private module `msg` (by `mynapin-catalogue`), one function per message and a struct
//! of named variables for a message with two or more. The first message said adds the app's
//! catalogue to the words' bundles (an overlay: the domain's words come from
//! `mynapin-words`, never copied here).

fn main() {
    let dir = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo"));
    mynapin_catalogue::generate(
        &dir.join("i18n"),
        "app_catalogue.rs",
        mynapin_catalogue::Mode::Overlay,
        &[],
    );
    println!("cargo:rerun-if-changed=build.rs");
}
