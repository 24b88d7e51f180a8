//! mynapin: manage the PINs of the Japanese My Number card through any PC/SC reader, safely.
//!
//! Layers point one way: [`mynapin_apdu`] ← [`transport`] ← [`card`] ← [`procedure`] ← `cli`.
//! [`layout`] holds the card's constants; [`sim`] is a simulated card (it answers APDUs and
//! uses only `mynapin_apdu` and `layout`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bounded;
pub mod card;
pub mod cli;
pub mod layout;
pub mod procedure;
pub mod sim;
pub mod transport;
