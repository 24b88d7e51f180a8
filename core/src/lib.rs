//! mynapin's core: everything that decides, for every front end (the command line, the app).
//!
//! Layers point one way: [`mynapin_apdu`] ← [`transport`] ← [`card`] (the PIN flow and its
//! guards) ← [`procedure`] (the reset rules). [`open`] opens a card for one operation (a
//! reader or a card in the same process) for every front end alike; [`outcome`] names the kind
//! of every failure and result, and its class. [`layout`] holds the card's constants and
//! [`bounded`] reads data files with a size limit (both from `mynapin-layout`, which the
//! simulated card shares).
//!
//! This crate prints nothing, never exits the process, and has no words of its own: it
//! returns typed values that a front end words through `mynapin-words`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use mynapin_layout as layout;
pub use mynapin_layout::bounded;

pub mod card;
pub mod open;
pub mod outcome;
pub mod procedure;
pub mod transport;
