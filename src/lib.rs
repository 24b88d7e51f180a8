//! mynapin's command line, as a library for its own binary and tests.
//!
//! The layers point one way: `mynapin-apdu` ← `mynapin-core` ← `mynapin-words` ← [`cli`].
//! Inside the core, `outcome` imports nothing, `transport` moves bytes, `card` (the PIN flow)
//! builds on it, `procedure` (the reset rules) joins the card's status to the rules, and
//! `open` opens a reader or an in-process card for one operation. The simulated card
//! (`mynapin-sim`) depends only on `mynapin-apdu` and the card's layout (`mynapin-layout`),
//! never on the core; the command line uses it for `--sim` and `sim serve` (feature `sim`).
//! See docs/architecture.md.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cli;
