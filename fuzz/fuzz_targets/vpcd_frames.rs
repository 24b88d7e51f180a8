//! Fuzz target `vpcd_frames`: a thin wrapper over `checks::vpcd_frames` (fuzz/checks.rs), which the stable
//! test tests/fuzz_corpus.rs also runs over the saved corpus.
#![no_main]

#[path = "../checks.rs"]
#[allow(dead_code)] // each target uses one check; tests/fuzz_corpus.rs uses them all
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::vpcd_frames(data));
