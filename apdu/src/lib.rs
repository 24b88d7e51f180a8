//! Pure ISO/IEC 7816-4 APDUs for mynapin.
//!
//! This crate turns commands into bytes and bytes into responses. It does no I/O, no logging,
//! and never panics on any input: every parse of untrusted bytes returns a `Result`.
//!
//! * [`Command`] — a command APDU (cases 1–4, short and extended), with [`Command::parse`] and
//!   [`Command::to_bytes`]. Data that carries a secret (a PIN) is marked sensitive: its
//!   `Debug` prints `REDACTED` and [`Command::trace`] replaces it with a placeholder.
//! * [`Response`] — a response APDU; anything shorter than the two status bytes is rejected.
//! * [`StatusWord`] — a total status-word type: every `u16` maps to exactly one variant and
//!   back, with data-carrying ranges (`63 Cx`, `61 xx`, `6C xx`).
//! * [`commands`] — one constructor per command mynapin sends to a My Number card.
//! * [`SecretData`] — secret command data, zeroized on drop.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod card;
mod command;
pub mod commands;
mod hexfmt;
pub mod part10;
mod response;
mod secret;
mod status;

pub use card::ApduCard;
pub use command::{Command, EncodeError, ParseError};
pub use hexfmt::{parse_spaced_hex, spaced_hex, HexError};
pub use response::{Response, ResponseError};
pub use secret::SecretData;
pub use status::StatusWord;
