//! mynapin's command line, as a library for its own binary and tests.
//!
//! The layers point one way: `mynapin-apdu` ← `mynapin-core` ← `mynapin-words` ← [`cli`].
//! Inside the core, `card` (the PIN flow) builds on `transport`; `procedure` (the reset
//! rules) stands beside `card` and imports neither it nor `transport`: the two meet in the
//! command line today. The simulated card (`mynapin-sim`) depends only on `mynapin-apdu` and
//! the card's layout (`mynapin-layout`), never on the core; the command line uses it for
//! `--sim` and `sim serve`. See docs/architecture.md.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cli;
