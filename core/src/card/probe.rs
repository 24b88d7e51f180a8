//! What is in each reader: the one probe behind `mynapin readers` and `mynapin doctor`.

use super::{CardError, CardKind, MyNumberCard};
use crate::transport::{pcsc, Transport, TransportError};
use std::time::Duration;

/// What a reader holds.
#[derive(Debug)]
pub enum Found {
    /// No card.
    Empty,
    /// Another program holds the card (nothing was sent to it).
    InUse,
    /// A My Number card, with its token label.
    MyNumberCard {
        /// The token label.
        token: String,
    },
    /// A card that is not a My Number card.
    NotMyNumberCard(CardKind),
    /// A card that could not be read.
    Unreadable(CardError),
}

/// One reader and what it holds.
#[derive(Debug)]
pub struct ReaderProbe {
    /// The reader's name (untrusted: sanitize before printing).
    pub name: String,
    /// What is in it.
    pub found: Found,
}

/// Recognizes the card behind `t` (SELECT JPKI, token), sending nothing else.
pub fn probe_card(t: &mut dyn Transport) -> Found {
    match MyNumberCard::open(t) {
        Ok(card) => Found::MyNumberCard {
            token: card.token().to_string(),
        },
        Err(CardError::NotMyNumberCard(kind)) => Found::NotMyNumberCard(kind),
        Err(CardError::Transport(TransportError::CardInUse)) => Found::InUse,
        Err(e) => Found::Unreadable(e),
    }
}

/// Every PC/SC reader and what it holds; each PC/SC call waits at most `limit`.
pub fn probe_readers(limit: Duration) -> Result<Vec<ReaderProbe>, TransportError> {
    let infos = pcsc::list_readers(limit)?;
    Ok(infos
        .into_iter()
        .map(|info| {
            let found = if !info.card_present {
                Found::Empty
            } else if info.card_in_use {
                // Connecting would fail, or wait for the other program's transaction.
                Found::InUse
            } else {
                match pcsc::with_named_card(&info.name, limit, probe_card) {
                    Ok(found) => found,
                    Err(TransportError::CardInUse | TransportError::ConnectTimeout(_)) => {
                        Found::InUse
                    }
                    Err(TransportError::NoCard { .. }) => Found::Empty,
                    Err(e) => Found::Unreadable(CardError::Transport(e)),
                }
            };
            ReaderProbe {
                name: info.name,
                found,
            }
        })
        .collect())
}
