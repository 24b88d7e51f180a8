//! Transport: moves command APDUs to a card and responses back. Nothing here knows what a My
//! Number card is.
//!
//! * [`Transport`] is the seam: one method that moves bytes. Optional reader capabilities
//!   (PC/SC part 10 secure PIN entry on PIN-pad readers) hang off [`Transport::capabilities`]
//!   and [`Transport::control`], both with defaults ("none", "unsupported"), so that the
//!   in-process simulator and the wrappers need nothing for them.
//! * [`transmit`] adds the ISO transmission rules every transport needs: `61 xx` → GET
//!   RESPONSE, `6C xx` → resend with the right Le (only for commands that read and change
//!   nothing), responses shorter than 2 bytes → error.
//! * [`Interruptible`] stops between two commands after a signal, and tells the transport
//!   below ([`Transport::watch_stop`]) so that a wait for a card that does not answer ends
//!   [`STOP_GRACE`] after the signal instead of at the time limit.
//!
//! This layer knows no exit codes, no command-line flags and never ends the process: every
//! failure is a [`TransportError`] returned to the caller.
//! * [`pcsc`] (real readers), [`in_process`] (a card in the same process: the simulated card) and [`trace::Tracing`]
//!   (prints every APDU, PINs redacted).

pub mod in_process;
pub mod pcsc;
pub mod trace;

use crate::outcome::{Class, Outcome, OutcomeKind};
use mynapin_apdu::{commands, Command, EncodeError, Response, ResponseError, StatusWord};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long a command already sent may still take after a signal (SIGINT, SIGTERM, SIGHUP,
/// SIGQUIT, SIGPIPE) before mynapin stops waiting for its answer. A card answers a VERIFY or
/// a change in well under a second (tens of milliseconds measured on the simulated card
/// through pcscd; real cards: 50–300 ms); one that has not answered 2 s after the user asked
/// to stop is not going to, and the user should not wait out `--timeout` for it.
pub const STOP_GRACE: Duration = Duration::from_secs(2);

/// What a reader can do beyond moving APDUs, as the reader itself announced it
/// (`CM_IOCTL_GET_FEATURE_REQUEST`, PC/SC v2 part 10).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// The reader has a PIN pad and can verify a PIN without the host seeing it
    /// (`FEATURE_VERIFY_PIN_DIRECT`).
    pub secure_pin_entry: bool,
    /// What the PIN pad offers; `None` for a reader without one (or a transport that does not
    /// ask).
    pub pin_pad: Option<PinPadInfo>,
}

/// A PIN-pad reader's features, with the control codes the reader returned for them (never
/// computed ones).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PinPadInfo {
    /// Every feature the reader listed: (tag, control code), in its order.
    pub features: Vec<(u8, u32)>,
    /// The control code of `FEATURE_VERIFY_PIN_DIRECT`.
    pub verify: Option<u32>,
    /// The control code of `FEATURE_MODIFY_PIN_DIRECT`.
    pub modify: Option<u32>,
    /// The shortest PIN the reader accepts (`FEATURE_GET_TLV_PROPERTIES`), if it says.
    pub min_pin: Option<u8>,
    /// The longest PIN the reader accepts, if it says.
    pub max_pin: Option<u8>,
    /// The reader has a display (`wLcdLayout` ≠ 0).
    pub display: bool,
    /// USB vendor id, if the reader says.
    pub vendor: Option<u16>,
    /// USB product id, if the reader says.
    pub product: Option<u16>,
}

impl PinPadInfo {
    /// True when the reader can take a PIN of `digits` digits (its announced min/max allow it).
    pub fn accepts_length(&self, digits: u8) -> bool {
        self.min_pin.is_none_or(|m| m <= digits) && self.max_pin.is_none_or(|m| m >= digits)
    }
}

/// Moves one command APDU to the card and returns its raw response.
pub trait Transport {
    /// Sends `command` and returns the card's answer as is (no GET RESPONSE handling).
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError>;

    /// The reader's name, for messages (sanitize before printing).
    fn reader_name(&self) -> String;

    /// Optional capabilities of the reader.
    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    /// `SCardControl(code, data)`: a command to the reader itself (PC/SC part 10). `code` is
    /// one the reader announced in [`Capabilities`]. The answer is returned as is. Transports
    /// without a reader (the in-process simulator) answer [`TransportError::Unsupported`].
    fn control(&mut self, _code: u32, _data: &[u8]) -> Result<Vec<u8>, TransportError> {
        Err(TransportError::Unsupported)
    }

    /// From now on, a wait for the card's answer ends [`STOP_GRACE`] after `stop` records a
    /// signal, with [`TransportError::Abandoned`]. Transports that do not wait on another
    /// thread (the in-process simulator) ignore it: their call returns when the card answers.
    fn watch_stop(&mut self, _stop: &StopFlag) {}
}

impl<T: Transport + ?Sized> Transport for &mut T {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        (**self).transmit_raw(command)
    }
    fn reader_name(&self) -> String {
        (**self).reader_name()
    }
    fn capabilities(&self) -> Capabilities {
        (**self).capabilities()
    }
    fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        (**self).control(code, data)
    }
    fn watch_stop(&mut self, stop: &StopFlag) {
        (**self).watch_stop(stop)
    }
}

/// Upper bound on GET RESPONSE rounds for one command (a card stuck on `61 xx` must not loop
/// forever).
const MAX_GET_RESPONSE_ROUNDS: usize = 64;

/// The most response data one command may bring back through GET RESPONSE rounds (a hostile
/// card must not make the tool hold megabytes).
const MAX_RESPONSE_DATA: usize = 64 * 1024;

/// Sends `command` with the ISO transmission rules:
/// * `61 xx`: GET RESPONSE until all data is in (GET RESPONSE never repeats the command);
/// * `6C xx`: only a command that reads and changes nothing
///   ([`Command::may_resend_with_le`]: READ BINARY, GET RESPONSE, GET DATA, SELECT with FCI) is
///   resent, once, with Le = `xx`. Any other command — the counter query, VERIFY, CHANGE
///   REFERENCE DATA, CHANGE KEY — is never sent twice: the `6C xx` is returned to the caller as
///   the card's answer, which for a VERIFY or a change means "the card may have acted".
pub fn transmit(t: &mut dyn Transport, command: &Command) -> Result<Response, TransportError> {
    let mut response = t.transmit_raw(command)?;
    if let StatusWord::WrongLe(n) = response.sw() {
        if command.may_resend_with_le() {
            let le = if n == 0 { 256 } else { u32::from(n) };
            response = t.transmit_raw(&command.resent_with_le(le)?)?;
        }
    }
    let mut data = Vec::new();
    let mut rounds = 0;
    while let StatusWord::BytesAvailable(n) = response.sw() {
        rounds += 1;
        if rounds > MAX_GET_RESPONSE_ROUNDS || data.len() > MAX_RESPONSE_DATA {
            return Err(TransportError::EndlessResponse);
        }
        data.extend_from_slice(response.data());
        response = t
            .transmit_raw(&commands::get_response(n))
            .map_err(answer_lost)?;
    }
    if data.is_empty() {
        Ok(response)
    } else {
        data.extend_from_slice(response.data());
        Ok(Response::new(data, response.sw()))
    }
}

/// A GET RESPONSE that failed. The command before it was answered `61 xx`: it reached the card
/// and the card acted on it, so only its answer is lost — whatever stopped the GET RESPONSE.
/// An error that says "not sent" (the card taken out or reset right after it answered, a
/// handle gone) is about the GET RESPONSE, not the command, and must not make the card layer
/// report the command as not sent (no try spent, not changed): it becomes an error of the
/// class [`Delivery::SentNoAnswer`] — [`TransportError::CardRemoved`] for a removal, a lost
/// answer ([`TransportError::BadResponse`]) for the rest.
fn answer_lost(e: TransportError) -> TransportError {
    match (e.delivery(), e) {
        (Delivery::SentNoAnswer, e) => e,
        (Delivery::NotSent, TransportError::CardRemovedBeforeSending) => {
            TransportError::CardRemoved
        }
        (Delivery::NotSent, _) => TransportError::BadResponse(ResponseError::TooShort(0)),
    }
}

/// Where an interruption (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE) is recorded: 0 = none, else the signal number.
/// The front end sets it from its signal handler; [`Interruptible`] reads it.
pub type StopFlag = Arc<AtomicUsize>;

/// Stops an operation between two commands when a signal arrived: the command in flight is
/// let finish (a PC/SC call cannot be cancelled, and a half-sent change helps nobody) — for at
/// most [`STOP_GRACE`] once the signal is there, when the transport below waits on another
/// thread; the next one is not sent and fails with [`TransportError::Interrupted`].
pub struct Interruptible<T> {
    inner: T,
    stop: StopFlag,
}

impl<T: Transport> Interruptible<T> {
    /// Wraps `inner`; `stop` is checked before every command, and `inner` watches it while
    /// it waits for an answer.
    pub fn new(mut inner: T, stop: StopFlag) -> Self {
        inner.watch_stop(&stop);
        Interruptible { inner, stop }
    }
}

impl<T: Transport> Transport for Interruptible<T> {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        // A GET RESPONSE only fetches what the card already answered: let it through.
        let signal = self.stop.load(Ordering::SeqCst);
        if signal != 0 && command.ins() != 0xC0 {
            return Err(TransportError::Interrupted {
                signal: signal as i32,
            });
        }
        self.inner.transmit_raw(command)
    }
    fn reader_name(&self) -> String {
        self.inner.reader_name()
    }
    fn capabilities(&self) -> Capabilities {
        self.inner.capabilities()
    }
    fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        // The same check as before a command: a control call may send a PIN-pad entry.
        let signal = self.stop.load(Ordering::SeqCst);
        if signal != 0 {
            return Err(TransportError::Interrupted {
                signal: signal as i32,
            });
        }
        self.inner.control(code, data)
    }
    fn watch_stop(&mut self, stop: &StopFlag) {
        self.inner.watch_stop(stop)
    }
}

/// A transport failure. The messages here are English for logs; the CLI shows localized
/// messages with what to do, chosen by variant.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// pcscd is not running or not reachable.
    #[error("the PC/SC service (pcscd) is not running")]
    NoService,
    /// pcscd stopped (or restarted) while the tool was waiting for a card: nothing was sent.
    #[error("the PC/SC service (pcscd) stopped during the wait")]
    ServiceStopped,
    /// No reader is connected.
    #[error("no smart-card reader is connected")]
    NoReaders,
    /// `--reader` matches no reader.
    #[error("no reader matches {selector:?}")]
    ReaderNotFound {
        /// What the user asked for.
        selector: String,
        /// The readers that exist.
        readers: Vec<String>,
    },
    /// Several readers could be meant.
    #[error("several readers match")]
    AmbiguousReader {
        /// The candidates.
        readers: Vec<String>,
    },
    /// The reader is empty.
    #[error("no card in reader {reader:?}")]
    NoCard {
        /// The reader (or readers) looked at.
        reader: String,
    },
    /// The card went away during the operation, while a command was on its way or being
    /// processed: that command may have reached the card.
    #[error("the card was removed")]
    CardRemoved,
    /// The card had been taken out before this command was sent: PC/SC refused the command
    /// without passing it to the reader (pcsc-lite's `SCARD_W_REMOVED_CARD`, see
    /// [`pcsc::transmit_delivery`]). The card never saw it.
    #[error("the card was removed before the command was sent")]
    CardRemovedBeforeSending,
    /// Another program holds the card.
    #[error("the card is in use by another program")]
    CardInUse,
    /// Another program reset the card: the current DF and any verified state are lost. The
    /// transport has reconnected; the command was not sent.
    #[error("the card was reset by another program")]
    CardWasReset,
    /// A response shorter than the status word (e.g. the card left the field mid-command).
    #[error("invalid response from the card: {0}")]
    BadResponse(#[from] ResponseError),
    /// The card keeps answering `61 xx`.
    #[error("the card keeps announcing more data (61 xx)")]
    EndlessResponse,
    /// A command could not be encoded (a bug).
    #[error("cannot encode the command: {0}")]
    Encode(#[from] EncodeError),
    /// The card (or pcscd) did not answer one command within the time limit. The command may
    /// have reached the card.
    #[error("the card did not answer within {0:?}")]
    Timeout(std::time::Duration),
    /// Connecting to the card did not finish within the time limit: another program most
    /// likely holds the card in a transaction (pcscd makes a connect wait for it), or pcscd is
    /// stuck. Nothing was sent.
    #[error("could not connect to the card within {0:?}")]
    ConnectTimeout(std::time::Duration),
    /// No card was placed on the reader within the time asked for. Nothing was sent.
    #[error("no card within {0:?}")]
    NoCardInTime(std::time::Duration),
    /// A signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE) arrived: this command was not sent.
    #[error("interrupted by signal {signal}")]
    Interrupted {
        /// The signal number.
        signal: i32,
    },
    /// A signal arrived while the card had not answered a command already sent, and no answer
    /// came within [`STOP_GRACE`]: mynapin stopped waiting. The command may have reached the
    /// card (and the card may have acted on it).
    #[error("stopped by signal {signal}; the card had not answered {grace:?} later")]
    Abandoned {
        /// The signal number.
        signal: i32,
        /// How long the answer was waited for after the signal.
        grace: Duration,
    },
    /// The reader (or transport) does not support this control call: nothing was sent.
    #[error("the reader does not support this control call")]
    Unsupported,
    /// Any other PC/SC error, kept as is.
    #[error("PC/SC error: {0}")]
    Pcsc(::pcsc::Error),
}

/// Whether a command that failed may have reached the card: what the card layer needs to tell
/// "not changed" from "unknown" (and "no try spent" from "a try may have been spent").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The command was certainly not sent: the card did not see it and did not act on it.
    NotSent,
    /// The command was sent, or may have been, and no usable answer came back: the card may
    /// have acted on it.
    SentNoAnswer,
}

impl TransportError {
    /// Whether the command that failed may have reached the card. Only an error the transport
    /// knows was raised before any I/O is [`Delivery::NotSent`]; every other one is
    /// [`Delivery::SentNoAnswer`] (for a PC/SC error, by the table in
    /// [`pcsc::transmit_delivery`]).
    pub fn delivery(&self) -> Delivery {
        match self {
            TransportError::CardRemoved
            | TransportError::BadResponse(_)
            | TransportError::EndlessResponse
            | TransportError::Timeout(_)
            | TransportError::Abandoned { .. } => Delivery::SentNoAnswer,
            TransportError::Pcsc(e) => pcsc::transmit_delivery(*e),
            TransportError::NoService
            | TransportError::ServiceStopped
            | TransportError::NoReaders
            | TransportError::ReaderNotFound { .. }
            | TransportError::AmbiguousReader { .. }
            | TransportError::NoCard { .. }
            | TransportError::CardRemovedBeforeSending
            | TransportError::CardInUse
            | TransportError::CardWasReset
            | TransportError::Encode(_)
            | TransportError::ConnectTimeout(_)
            | TransportError::NoCardInTime(_)
            | TransportError::Unsupported
            | TransportError::Interrupted { .. } => Delivery::NotSent,
        }
    }

    /// True when [`TransportError::delivery`] is [`Delivery::SentNoAnswer`].
    pub fn may_have_reached_card(&self) -> bool {
        self.delivery() == Delivery::SentNoAnswer
    }
}

impl TransportError {
    /// The kind of this failure.
    pub fn outcome(&self) -> Outcome {
        use OutcomeKind as K;
        let kind = match self {
            TransportError::NoService => K::NoService,
            TransportError::ServiceStopped => K::ServiceStopped,
            TransportError::NoReaders => K::NoReader,
            TransportError::ReaderNotFound { .. } => K::ReaderNotFound,
            TransportError::AmbiguousReader { .. } => K::AmbiguousReader,
            TransportError::NoCard { .. } | TransportError::NoCardInTime(_) => K::NoCard,
            TransportError::CardRemoved | TransportError::CardRemovedBeforeSending => {
                K::CardRemoved
            }
            // A connect that does not finish: another program most likely holds the card.
            TransportError::CardInUse | TransportError::ConnectTimeout(_) => K::CardInUse,
            TransportError::CardWasReset => K::CardReset,
            TransportError::BadResponse(_) | TransportError::EndlessResponse => K::BadResponse,
            TransportError::Timeout(_) => K::Timeout,
            TransportError::Interrupted { signal } | TransportError::Abandoned { signal, .. } => {
                return Outcome {
                    kind: K::Interrupted,
                    class: Class::Interrupted { signal: *signal },
                }
            }
            TransportError::Encode(_) => K::Internal,
            TransportError::Unsupported => K::ReaderUnsupported,
            TransportError::Pcsc(_) => K::Pcsc,
        };
        kind.into()
    }
}
