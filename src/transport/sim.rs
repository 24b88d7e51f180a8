//! The in-process transport to a simulated card: the real client stack above it runs
//! unchanged, with no pcscd.

use super::{Transport, TransportError};
use crate::sim::SimCard;
use mynapin_apdu::{Command, Response};

/// The simulated card in a simulated reader, for one operation.
pub struct SimTransport<'a> {
    card: &'a mut SimCard,
    name: String,
    remove_after: Option<u64>,
    sent: u64,
}

impl<'a> SimTransport<'a> {
    /// A reader named `name` holding `card`.
    pub fn new(card: &'a mut SimCard, name: impl Into<String>) -> Self {
        SimTransport {
            card,
            name: name.into(),
            remove_after: None,
            sent: 0,
        }
    }

    /// Fault injection: the card is pulled out while processing APDU number `n` (1-based).
    /// The card processes that APDU but the answer is lost (an empty response, as pcscd gives
    /// when a card dies mid-command); every later APDU fails with `CardRemoved`.
    pub fn remove_card_during(mut self, n: u64) -> Self {
        self.remove_after = Some(n);
        self
    }
}

impl Transport for SimTransport<'_> {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        self.sent += 1;
        match self.remove_after {
            Some(n) if self.sent > n => return Err(TransportError::CardRemoved),
            Some(n) if self.sent == n => {
                let _ = self.card.process(&command.to_bytes());
                self.card.power_off();
                return Ok(Response::parse(&[])?);
            }
            _ => {}
        }
        let bytes = self.card.process(&command.to_bytes());
        Ok(Response::parse(&bytes)?)
    }

    fn reader_name(&self) -> String {
        self.name.clone()
    }
}

impl Drop for SimTransport<'_> {
    /// The operation is over: power the card down, so no verified state outlives it.
    fn drop(&mut self) {
        self.card.power_off();
    }
}
