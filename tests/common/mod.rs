//! The end-to-end harness shared by the test files that talk to the private pcscd that
//! `scripts/test-all.sh` starts: a card's presence in a reader, and a simulated card served to
//! a vpcd port for the life of a value.
#![allow(dead_code)] // each test file uses part of it

/// The harness of the tests that run the binary without pcscd.
pub mod cli;
/// The start of every end-to-end test: one at a time, the readers from the environment.
pub mod e2e;
/// A card in a reader, and a simulated card served to a vpcd port (shared with the app's
/// end-to-end tests, app/tests/e2e_app.rs, which include this file by path).
mod served;

pub use served::*;
