//! The in-process transport to a card in the same process (the simulated card of
//! `mynapin-sim`, through [`ApduCard`]): the real client stack above it runs unchanged, with
//! no pcscd.

use super::{Transport, TransportError};
use mynapin_apdu::{ApduCard, Command, Response};

/// A card in the same process, in a reader named by the caller, for one operation.
pub struct InProcess<'a> {
    card: &'a mut dyn ApduCard,
    name: String,
    remove_after: Option<u64>,
    sent: u64,
}

impl<'a> InProcess<'a> {
    /// A reader named `name` holding `card`.
    pub fn new(card: &'a mut dyn ApduCard, name: impl Into<String>) -> Self {
        InProcess {
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

impl Transport for InProcess<'_> {
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

impl Drop for InProcess<'_> {
    /// The operation is over: power the card down, so no verified state outlives it.
    fn drop(&mut self) {
        self.card.power_off();
    }
}
