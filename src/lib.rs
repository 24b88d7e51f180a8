//! mynapin's command line, as a library for its own binary and tests.
//!
//! The layers point one way: `mynapin-apdu` ← `mynapin-core` (transport ← card ← procedure)
//! ← `mynapin-words` ← [`cli`]. The simulated card (`mynapin-sim`) shares only the card's
//! layout (`mynapin-layout`) with the core; the command line uses it for `--sim` and
//! `sim serve`. See docs/architecture.md.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cli;
