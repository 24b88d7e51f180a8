//! The simulated My Number card: a card, not a client. It answers APDUs the way docs/card-facts.md
//! (`docs/card-facts.md`) says a real card does, with its state from a TOML fixture.
//!
//! It depends only on the APDU crate and the card layout (`mynapin-layout`); it cannot use the
//! client-side card logic (`mynapin-core`), so that the client is tested against an
//! independent card. It is served in-process (as a [`mynapin_apdu::ApduCard`], which
//! `mynapin-core`'s in-process transport drives) or to pcscd through vpcd ([`vpcd`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use mynapin_layout as layout;
use mynapin_layout::bounded;

mod card;
mod data;
pub mod fixture;
mod keys;
pub mod slot;
pub mod state;
pub mod vpcd;

pub use card::{HoldHook, SimCard};
pub use fixture::{CertificateState, Fixture, FixtureError, RefFixture};
pub use slot::{NotSaved, Saved, SimSlot, SlotError};
pub use state::{StateError, StateFile};
