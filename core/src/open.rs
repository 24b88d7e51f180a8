//! Opening a card for one operation: the decisions every front end makes the same way, so that
//! the command line and the app open a card alike.
//!
//! A [`Target`] is where the card is: a PC/SC reader (chosen by a
//! [`ReaderSelector`], optionally after waiting for a card to be placed)
//! or a card in the same process (the simulated card, through [`ApduCard`]). [`with_transport`]
//! runs one operation on it with the rules of docs/card-facts.md: an exclusive connection, one
//! PC/SC transaction, the card powered down at the end, every command checked against the
//! [`StopFlag`] ([`Interruptible`]), and, when the caller gives a sink, every APDU traced with
//! PIN data redacted. [`with_card`] does the same on the recognized [`MyNumberCard`].
//!
//! Nothing here prints: what a front end may want to say while a card is opened (connecting,
//! "place your card") arrives as an [`Event`] that it words itself.

use crate::card::{CardError, MyNumberCard};
use crate::transport::pcsc::{self, ReaderInfo, ReaderSelector};
use crate::transport::{
    in_process::InProcess, trace::Tracing, Interruptible, StopFlag, Transport, TransportError,
};
use mynapin_apdu::ApduCard;
use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

/// Where the card of one operation is.
pub enum Target<'c> {
    /// A card in a PC/SC reader.
    Reader {
        /// Which reader.
        selector: ReaderSelector,
        /// With `Some(limit)`: when the reader holds no card yet, wait up to `limit` for one
        /// to be placed ([`Event::PlaceCard`] says so); a signal ends the wait. With `None`,
        /// an empty reader is an error at once.
        wait: Option<Duration>,
    },
    /// A card in the same process (the simulated card), in a reader of the given name.
    InProcess {
        /// The card.
        card: &'c mut dyn ApduCard,
        /// The reader's name to report (as a reader would: messages and JSON show it).
        reader: String,
    },
}

/// What happens while a card is opened, for the front end to say (or not).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// A PC/SC reader is about to be connected to (exclusively). Progress: the command line
    /// shows it with `-v`.
    Connecting,
    /// The reader holds no card: the wait for one has begun. The holder should place the
    /// card now (the command line always says so).
    PlaceCard,
    /// The card answered as a My Number card ([`with_card`] only). Progress.
    Recognized,
}

/// How an operation runs, besides its target.
pub struct Options<'a> {
    /// How long one exchange (or one PC/SC call) may take.
    pub timeout: Duration,
    /// Set by the front end on a signal or a cancel: no command is sent after it, and a wait
    /// for a card or an answer ends early.
    pub stop: StopFlag,
    /// Where each APDU is written, PIN data redacted (`None`: no trace). The trace quotes the
    /// transport's errors, reader names among them: a sink shown to a person should sanitize
    /// what it is given.
    pub trace: Option<&'a mut dyn Write>,
    /// Told what happens while the card is opened.
    pub events: &'a dyn Fn(Event),
}

impl<'a> Options<'a> {
    /// No trace, no events.
    pub fn new(timeout: Duration, stop: StopFlag) -> Options<'a> {
        Options {
            timeout,
            stop,
            trace: None,
            events: &|_| {},
        }
    }
}

/// Runs `op` on the card at `target`: exclusive connection, one transaction, powered down at
/// the end, every command checked against the stop flag, traced when [`Options::trace`] is
/// set. A failure to reach the card (no reader, no card, a wait that ended) is returned
/// before `op` runs; `op`'s own result is returned as it is.
pub fn with_transport<R, E: From<TransportError>>(
    target: Target<'_>,
    options: Options<'_>,
    op: impl FnOnce(&mut dyn Transport) -> Result<R, E>,
) -> Result<R, E> {
    with_transport_on(&mut Live, target, options, op)?
}

/// Runs `op` on the recognized My Number card at `target` (see [`with_transport`]);
/// [`Event::Recognized`] is told once the card answered as one. A card that is not a My
/// Number card is [`CardError::NotMyNumberCard`], before `op` runs.
pub fn with_card<R, E: From<CardError>>(
    target: Target<'_>,
    options: Options<'_>,
    op: impl FnOnce(&mut MyNumberCard<'_>) -> Result<R, E>,
) -> Result<R, E> {
    with_card_on(&mut Live, target, options, op)
}

fn with_card_on<R, E: From<CardError>>(
    pcsc: &mut dyn Pcsc,
    target: Target<'_>,
    options: Options<'_>,
    op: impl FnOnce(&mut MyNumberCard<'_>) -> Result<R, E>,
) -> Result<R, E> {
    let events = options.events;
    with_transport_on(pcsc, target, options, |t| {
        let mut card = MyNumberCard::open(t).map_err(E::from)?;
        events(Event::Recognized);
        op(&mut card)
    })
    .map_err(|e| E::from(CardError::Transport(e)))?
}

/// What opening a reader needs of PC/SC: the seam that lets a test script the readers.
trait Pcsc {
    /// Every reader with its card state.
    fn readers(&mut self, limit: Duration) -> Result<Vec<ReaderInfo>, TransportError>;
    /// Waits for a card in `selector`'s reader; returns the reader's name.
    fn wait(
        &mut self,
        selector: &ReaderSelector,
        limit: Duration,
        stop: StopFlag,
    ) -> Result<String, TransportError>;
    /// Runs `op` on the card in the reader `reader` names, connected as
    /// [`pcsc::with_card`] does.
    fn with_card(
        &mut self,
        reader: Reader<'_>,
        limit: Duration,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError>;
}

/// Which reader to connect to.
enum Reader<'s> {
    /// Chosen now by the selector.
    Choose(&'s ReaderSelector),
    /// This one, by its exact name (the wait found it).
    Named(&'s str),
}

/// The real PC/SC service.
struct Live;

impl Pcsc for Live {
    fn readers(&mut self, limit: Duration) -> Result<Vec<ReaderInfo>, TransportError> {
        pcsc::list_readers(limit)
    }
    fn wait(
        &mut self,
        selector: &ReaderSelector,
        limit: Duration,
        stop: StopFlag,
    ) -> Result<String, TransportError> {
        pcsc::wait(selector, pcsc::WaitFor::Card, Some(limit), stop)
    }
    fn with_card(
        &mut self,
        reader: Reader<'_>,
        limit: Duration,
        op: &mut dyn FnMut(&mut dyn Transport),
    ) -> Result<(), TransportError> {
        match reader {
            Reader::Choose(s) => pcsc::with_card(s, limit, op),
            Reader::Named(n) => pcsc::with_named_card(n, limit, op),
        }
    }
}

/// The card reached and `op`'s result (`Ok`), or the failure to reach it (`Err`: `op` did
/// not run).
fn with_transport_on<R>(
    pcsc: &mut dyn Pcsc,
    target: Target<'_>,
    options: Options<'_>,
    op: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    let Options {
        timeout,
        stop,
        mut trace,
        events,
    } = options;
    let mut op = Some(op);
    let mut result = None;
    // The operation, once, on the transport wrapped in the stop check and the trace.
    let mut run = |t: &mut dyn Transport| {
        let Some(op) = op.take() else { return };
        let mut t = Interruptible::new(t, Arc::clone(&stop));
        result = Some(match trace.as_mut() {
            Some(sink) => op(&mut Tracing::new(&mut t, &mut **sink)),
            None => op(&mut t),
        });
    };
    match target {
        Target::InProcess { card, reader } => {
            // Dropping the transport powers the card down.
            let mut t = InProcess::new(card, reader);
            run(&mut t);
        }
        Target::Reader { selector, wait } => {
            events(Event::Connecting);
            match wait {
                None => pcsc.with_card(Reader::Choose(&selector), timeout, &mut run)?,
                Some(limit) => {
                    let name = wait_for_card(pcsc, &selector, limit, timeout, &stop, events)?;
                    pcsc.with_card(Reader::Named(&name), timeout, &mut run)?
                }
            }
        }
    }
    // Both transports ran the operation exactly once: an in-process card always, a PC/SC
    // session once it opened (a failure to open returned above).
    Ok(result.expect("the operation ran"))
}

/// The reader `selector` names when it holds a card now; else says [`Event::PlaceCard`] and
/// waits up to `limit` for one (`timeout` bounds the look at the readers; a signal ends the wait with [`TransportError::Interrupted`],
/// nothing sent).
fn wait_for_card(
    pcsc: &mut dyn Pcsc,
    selector: &ReaderSelector,
    limit: Duration,
    timeout: Duration,
    stop: &StopFlag,
    events: &dyn Fn(Event),
) -> Result<String, TransportError> {
    let present = pcsc.readers(timeout).ok().and_then(|r| {
        let name = pcsc::choose(&r, selector).ok()?;
        r.iter()
            .any(|x| x.name == name && x.card_present)
            .then_some(name)
    });
    if let Some(name) = present {
        return Ok(name);
    }
    events(Event::PlaceCard);
    pcsc.wait(selector, limit, Arc::clone(stop))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mynapin_sim::{Fixture, SimCard};
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A scripted PC/SC service: its readers, and a wait that ends only on a signal (the
    /// real wait checks the flag every 250 ms, see `pcsc::wait`), counting what was asked.
    struct Script {
        readers: Vec<ReaderInfo>,
        waits: usize,
        connects: usize,
    }

    impl Pcsc for Script {
        fn readers(&mut self, _: Duration) -> Result<Vec<ReaderInfo>, TransportError> {
            Ok(self.readers.clone())
        }
        fn wait(
            &mut self,
            _: &ReaderSelector,
            limit: Duration,
            stop: StopFlag,
        ) -> Result<String, TransportError> {
            self.waits += 1;
            let end = std::time::Instant::now() + limit;
            while std::time::Instant::now() < end {
                let signal = stop.load(Ordering::SeqCst);
                if signal != 0 {
                    return Err(TransportError::Interrupted {
                        signal: signal as i32,
                    });
                }
                std::thread::yield_now();
            }
            Err(TransportError::NoCardInTime(limit))
        }
        fn with_card(
            &mut self,
            _: Reader<'_>,
            _: Duration,
            _: &mut dyn FnMut(&mut dyn Transport),
        ) -> Result<(), TransportError> {
            self.connects += 1;
            Err(TransportError::CardRemovedBeforeSending)
        }
    }

    fn empty_reader() -> Vec<ReaderInfo> {
        vec![ReaderInfo {
            name: "R".into(),
            card_present: false,
            card_in_use: false,
            atr: vec![],
        }]
    }

    /// An empty reader with a wait: the holder is asked to place the card, and a signal
    /// during the wait ends it with nothing opened and the operation never run.
    #[test]
    fn the_wait_asks_for_the_card_and_a_signal_ends_it() {
        let stop: StopFlag = Arc::new(AtomicUsize::new(0));
        let events = RefCell::new(Vec::new());
        let on_event = |e: Event| {
            if e == Event::PlaceCard {
                // The holder presses Ctrl-C instead of placing the card.
                stop.store(2, Ordering::SeqCst);
            }
            events.borrow_mut().push(e);
        };
        let mut pcsc = Script {
            readers: empty_reader(),
            waits: 0,
            connects: 0,
        };
        let options = Options {
            events: &on_event,
            ..Options::new(Duration::from_secs(1), Arc::clone(&stop))
        };
        let target = Target::Reader {
            selector: ReaderSelector::Auto,
            // Long enough that only the signal can end the wait within the test.
            wait: Some(Duration::from_secs(3600)),
        };
        let mut ran = false;
        let r = with_card_on(&mut pcsc, target, options, |_| {
            ran = true;
            Ok::<(), CardError>(())
        });
        assert!(
            matches!(
                r,
                Err(CardError::Transport(TransportError::Interrupted {
                    signal: 2
                }))
            ),
            "{r:?}"
        );
        assert!(!ran);
        assert_eq!((pcsc.waits, pcsc.connects), (1, 0));
        assert_eq!(*events.borrow(), [Event::Connecting, Event::PlaceCard]);
    }

    /// A card already in the reader is not waited for, and nobody is asked to place it;
    /// without a wait an empty reader goes straight to the connection (which reports it).
    #[test]
    fn a_card_in_place_is_not_waited_for() {
        let stop: StopFlag = Arc::new(AtomicUsize::new(0));
        for (present, wait) in [(true, Some(Duration::from_secs(3600))), (false, None)] {
            let events = RefCell::new(Vec::new());
            let on_event = |e: Event| events.borrow_mut().push(e);
            let mut pcsc = Script {
                readers: vec![ReaderInfo {
                    card_present: present,
                    ..empty_reader().remove(0)
                }],
                waits: 0,
                connects: 0,
            };
            let options = Options {
                events: &on_event,
                ..Options::new(Duration::from_secs(1), Arc::clone(&stop))
            };
            let target = Target::Reader {
                selector: ReaderSelector::Auto,
                wait,
            };
            let r = with_transport_on(&mut pcsc, target, options, |_| ());
            assert!(
                matches!(r, Err(TransportError::CardRemovedBeforeSending)),
                "{r:?}"
            );
            assert_eq!((pcsc.waits, pcsc.connects), (0, 1));
            assert_eq!(*events.borrow(), [Event::Connecting]);
        }
    }

    /// A card in the same process: recognized (said), the operation runs on it, every APDU
    /// goes to the trace sink, the card is powered down afterwards (nothing verified
    /// outlives the operation), and after a signal no command is sent.
    #[test]
    fn an_in_process_card_is_traced_powered_down_and_interruptible() {
        let stop: StopFlag = Arc::new(AtomicUsize::new(0));
        let mut sim = SimCard::new(Fixture::load("fresh").unwrap());
        let events = RefCell::new(Vec::new());
        let on_event = |e: Event| events.borrow_mut().push(e);
        let mut trace = Vec::new();
        let options = Options {
            trace: Some(&mut trace),
            events: &on_event,
            ..Options::new(Duration::from_secs(1), Arc::clone(&stop))
        };
        let target = Target::InProcess {
            card: &mut sim,
            reader: "Sim".into(),
        };
        let pins = with_card(target, options, |card| {
            assert_eq!(card.reader_name(), "Sim");
            card.read_all()
        })
        .unwrap();
        assert_eq!(pins.len(), 4);
        assert_eq!(*events.borrow(), [Event::Recognized]);
        let trace = String::from_utf8(trace).unwrap();
        assert!(trace.lines().count() >= 2 * 10, "{trace}");
        // Powered down: the application selected during the operation is no longer.
        assert_eq!(sim.process(&[0x00, 0x20, 0x00, 0x80]), [0x69, 0x86]);

        stop.store(15, Ordering::SeqCst);
        let before = sim.apdu_count();
        let target = Target::InProcess {
            card: &mut sim,
            reader: "Sim".into(),
        };
        let r = with_card(target, Options::new(Duration::from_secs(1), stop), |_| {
            Ok::<(), CardError>(())
        });
        assert!(
            matches!(
                r,
                Err(CardError::Transport(TransportError::Interrupted {
                    signal: 15
                }))
            ),
            "{r:?}"
        );
        assert_eq!(sim.apdu_count(), before, "nothing sent after the signal");
    }
}
