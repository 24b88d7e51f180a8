//! Where the card is: a PC/SC reader, or the simulated card in this process. The app's worker
//! thread owns one [`CardPort`]; every operation on the card goes through the core's
//! `open::with_card` (exclusive connection, one transaction, powered down at the end), so the
//! app opens a card exactly as the command line does.

use mynapin_core::card::{CardError, MyNumberCard};
use mynapin_core::open::{self, Event, Options, Target};
use mynapin_core::transport::pcsc::{self, ReaderSelector, WaitFor};
use mynapin_core::transport::{StopFlag, TransportError};
use std::time::Duration;

/// An operation on the recognized card. Its result is kept by the closure itself (the port
/// only says whether the card could be reached and recognized).
pub type CardOp<'a> = &'a mut dyn FnMut(&mut MyNumberCard<'_>);

/// Where the card is, as the worker thread sees it.
pub trait CardPort: Send {
    /// True when a card comes and goes on its own (a reader): the worker watches for it. A
    /// port that is never watched holds its card from the start.
    fn live(&self) -> bool;
    /// Waits up to `slice` for a card (`WaitFor::Card`: any reader the selector allows) or
    /// for the card in `reader` to leave (`WaitFor::Removal`). `Ok(Some(reader))` when it
    /// happened, `Ok(None)` when not yet.
    fn wait(
        &mut self,
        what: WaitFor,
        reader: Option<&str>,
        slice: Duration,
        stop: &StopFlag,
    ) -> Result<Option<String>, TransportError>;
    /// The readers there are (names as PC/SC gives them: untrusted text).
    fn readers(&mut self) -> Result<Vec<String>, TransportError>;
    /// Use the reader named `reader` from now on (`None`: whichever holds the card). A port
    /// with one reader ignores it.
    fn select(&mut self, _reader: Option<String>) {}
    /// Runs `op` on the My Number card in `reader` (`None`: the port's only card), told what
    /// happens while it is opened.
    fn with_card(
        &mut self,
        reader: Option<&str>,
        stop: &StopFlag,
        events: &dyn Fn(Event),
        op: CardOp<'_>,
    ) -> Result<(), CardError>;
}

/// How long one exchange with the card may take (the command line's default).
pub const EXCHANGE_LIMIT: Duration = Duration::from_secs(30);

/// A card in a PC/SC reader, found as `mynapin watch` finds it (pcscd's own notifications).
pub struct ReaderPort {
    selector: ReaderSelector,
}

impl ReaderPort {
    /// The reader `selector` picks (`Auto`: the one with a card).
    pub fn new(selector: ReaderSelector) -> ReaderPort {
        ReaderPort { selector }
    }
}

impl CardPort for ReaderPort {
    fn live(&self) -> bool {
        true
    }

    fn wait(
        &mut self,
        what: WaitFor,
        reader: Option<&str>,
        slice: Duration,
        stop: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        let selector = match (what, reader) {
            (WaitFor::Removal, Some(r)) => ReaderSelector::NameContains(r.to_string()),
            _ => self.selector.clone(),
        };
        match pcsc::wait(&selector, what, Some(slice), stop.clone()) {
            Ok(r) => Ok(Some(r)),
            Err(TransportError::NoCardInTime(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Ok(pcsc::list_readers(EXCHANGE_LIMIT)?
            .into_iter()
            .map(|r| r.name)
            .collect())
    }

    fn select(&mut self, reader: Option<String>) {
        self.selector = reader.map_or(ReaderSelector::Auto, ReaderSelector::NameContains);
    }

    fn with_card(
        &mut self,
        reader: Option<&str>,
        stop: &StopFlag,
        events: &dyn Fn(Event),
        op: CardOp<'_>,
    ) -> Result<(), CardError> {
        let selector = reader.map_or_else(
            || self.selector.clone(),
            |r| ReaderSelector::NameContains(r.to_string()),
        );
        let mut options = Options::new(EXCHANGE_LIMIT, stop.clone());
        options.events = events;
        open::with_card(
            Target::Reader {
                selector,
                wait: None,
            },
            options,
            |card| {
                op(card);
                Ok::<(), CardError>(())
            },
        )
    }
}

/// The simulated card in this process (`--sim`), opened as the command line's `--sim` opens
/// it: through `Target::InProcess`, with the same exclusive, one-transaction rules.
#[cfg(feature = "sim")]
pub struct SimPort {
    card: Shared,
    reader: String,
}

/// The simulated card, shared between the worker thread and whoever wants to look at it (a
/// test asserting what the card holds after a change).
#[cfg(feature = "sim")]
pub type Shared = std::sync::Arc<std::sync::Mutex<mynapin_sim::SimCard>>;

#[cfg(feature = "sim")]
impl SimPort {
    /// The built-in fixture `name` (`None`: the fresh card); `Err(name)` when there is none
    /// of that name.
    pub fn builtin(name: Option<&str>) -> Result<SimPort, String> {
        let name = name.unwrap_or("fresh");
        let fixture = mynapin_sim::Fixture::builtin(name).ok_or_else(|| name.to_string())?;
        Ok(SimPort::new(mynapin_sim::SimCard::new(fixture)))
    }

    /// This card, in a reader named as the command line names the simulated one.
    pub fn new(card: mynapin_sim::SimCard) -> SimPort {
        SimPort {
            card: std::sync::Arc::new(std::sync::Mutex::new(card)),
            reader: "mynapin simulated reader".to_string(),
        }
    }

    /// The card, shared (for a test to look at what it holds).
    pub fn shared(&self) -> Shared {
        self.card.clone()
    }
}

#[cfg(feature = "sim")]
impl CardPort for SimPort {
    fn live(&self) -> bool {
        false
    }

    fn wait(
        &mut self,
        _what: WaitFor,
        _reader: Option<&str>,
        _slice: Duration,
        _stop: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        Ok(Some(self.reader.clone()))
    }

    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Ok(vec![self.reader.clone()])
    }

    fn with_card(
        &mut self,
        _reader: Option<&str>,
        stop: &StopFlag,
        events: &dyn Fn(Event),
        op: CardOp<'_>,
    ) -> Result<(), CardError> {
        let mut options = Options::new(EXCHANGE_LIMIT, stop.clone());
        options.events = events;
        // A panic elsewhere while the card was held leaves it as it was: keep using it.
        let mut card = self.card.lock().unwrap_or_else(|e| e.into_inner());
        open::with_card(
            Target::InProcess {
                card: &mut *card,
                reader: self.reader.clone(),
            },
            options,
            |card| {
                op(card);
                Ok::<(), CardError>(())
            },
        )
    }
}
