//! Real readers through pcsc-lite (the `pcsc` crate).
//!
//! One operation = one call of [`with_card`]: connect **exclusively**, begin one PC/SC
//! transaction, run the operation, end the transaction, and disconnect with
//! `SCARD_UNPOWER_CARD` so that no verified state outlives the process (card facts §4).
//!
//! A card that never answers hangs `SCardTransmit` forever, and a card held in another
//! program's transaction makes `SCardConnect` wait for it (measured with pcsc-lite 1.9.9; no
//! PC/SC call cancels either). So every blocking PC/SC call runs on a worker thread that owns
//! the context and the card; the caller waits for each answer at most the time limit and then
//! gets [`TransportError::Timeout`] (or [`TransportError::ConnectTimeout`]) as an ordinary
//! error — it can report what it knows and return normally. A worker stuck in pcsc-lite is
//! left behind and ends with the process; closing the process's connection makes pcscd
//! release the card.
//!
//! PIN-pad readers (PC/SC v2 part 10): right after connecting, the worker asks the reader for
//! its features (`CM_IOCTL_GET_FEATURE_REQUEST`) and, when present, its PIN properties and TLV
//! properties; [`Transport::capabilities`] returns what it found, with the control codes the
//! reader returned. A reader that refuses the request (vpcd answers
//! `SCARD_E_UNSUPPORTED_FEATURE`) has no PIN pad. [`Transport::control`] goes through the same
//! worker; the wait for a control call that collects a PIN on the keypad is the structure's
//! own timeout (`bTimerOut`, per entry) plus the time limit, not the time limit alone.

use super::{Capabilities, PinPadInfo, Transport, TransportError};
use mynapin_apdu::part10::{
    Features, PinProperties, TlvProperties, FEATURE_GET_TLV_PROPERTIES, FEATURE_IFD_PIN_PROPERTIES,
    GET_FEATURE_REQUEST_FUNCTION,
};
use mynapin_apdu::{Command, Response};
use pcsc::{Context, Disposition, Protocols, ReaderState, Scope, ShareMode, State};
use std::ffi::CString;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;
use zeroize::Zeroizing;

/// Which reader the user named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReaderSelector {
    /// The only reader with a card in it.
    Auto,
    /// The n-th reader (0-based) in the order pcscd lists them.
    Index(usize),
    /// The reader whose name contains this text (case-insensitive).
    NameContains(String),
}

impl ReaderSelector {
    /// `1` → index 1; `RC-S300` → part of a name; absent → auto.
    pub fn parse(text: Option<&str>) -> ReaderSelector {
        match text {
            None => ReaderSelector::Auto,
            Some(t) => match t.trim().parse::<usize>() {
                Ok(i) => ReaderSelector::Index(i),
                Err(_) => ReaderSelector::NameContains(t.to_string()),
            },
        }
    }
}

/// A reader and what is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderInfo {
    /// The name pcscd gives it (untrusted text: sanitize before printing).
    pub name: String,
    /// A card is in the reader.
    pub card_present: bool,
    /// Another program holds the card (exclusively, or shared — an exclusive connect would
    /// then fail or wait for its transaction).
    pub card_in_use: bool,
    /// The card's ATR (never used to recognize the card, card facts §4).
    pub atr: Vec<u8>,
}

/// Maps a pcsc error to the transport error that says what happened.
pub fn map_error(e: pcsc::Error) -> TransportError {
    use pcsc::Error as E;
    match e {
        // Windows stops its smart-card service when the last reader is unplugged
        // (SCARD_E_SERVICE_STOPPED): for the user that is "no reader".
        #[cfg(windows)]
        E::ServiceStopped => TransportError::NoReaders,
        #[cfg(not(windows))]
        E::ServiceStopped => TransportError::NoService,
        E::NoService => TransportError::NoService,
        E::NoReadersAvailable => TransportError::NoReaders,
        E::NoSmartcard => TransportError::NoCard {
            reader: String::new(),
        },
        E::RemovedCard | E::UnpoweredCard | E::UnresponsiveCard => TransportError::CardRemoved,
        E::SharingViolation => TransportError::CardInUse,
        E::ResetCard => TransportError::CardWasReset,
        other => TransportError::Pcsc(other),
    }
}

/// A reader's name as text. pcsc-lite and macOS give UTF-8. Windows gives the name in the
/// system's ANSI code page through the entry points the `pcsc` crate uses (Microsoft:
/// SCardListReadersA), which on Japanese Windows is CP932 (Shift_JIS): a name that is not
/// UTF-8 is decoded as that there.
pub fn display_name(raw: &std::ffi::CStr) -> String {
    match raw.to_str() {
        Ok(s) => s.to_string(),
        #[cfg(windows)]
        Err(_) => encoding_rs::SHIFT_JIS
            .decode_without_bom_handling(raw.to_bytes())
            .0
            .into_owned(),
        #[cfg(not(windows))]
        Err(_) => raw.to_string_lossy().into_owned(),
    }
}

/// The name to connect with: the reader's own bytes, found again by its display name (they
/// differ on Windows, where the display name was decoded from the code page).
fn raw_name(ctx: &Context, name: &str) -> Option<CString> {
    ctx.list_readers_owned()
        .ok()?
        .into_iter()
        .find(|raw| display_name(raw) == name)
}

/// Connects to pcscd. The first ~10 ms after pcscd starts, this can fail: retry briefly.
fn establish() -> Result<Context, TransportError> {
    let mut last = pcsc::Error::NoService;
    for attempt in 0..5 {
        match Context::establish(Scope::User) {
            Ok(ctx) => return Ok(ctx),
            Err(e) => last = e,
        }
        std::thread::sleep(Duration::from_millis(10 * (attempt + 1)));
    }
    Err(map_error(last))
}

/// Runs `f` on a thread of its own and waits at most `limit` for it; a call stuck in
/// pcsc-lite is left behind.
fn bounded<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> Result<T, TransportError> + Send + 'static,
) -> Result<T, TransportError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("mynapin-pcsc".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|_| TransportError::NoService)?;
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(_) => Err(TransportError::Timeout(limit)),
    }
}

/// Every reader with its card state; waits at most `limit` for pcscd.
pub fn list_readers(limit: Duration) -> Result<Vec<ReaderInfo>, TransportError> {
    bounded(limit, || list_with(&establish()?))
}

fn list_with(ctx: &Context) -> Result<Vec<ReaderInfo>, TransportError> {
    let names = match ctx.list_readers_owned() {
        Ok(n) => n,
        Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
        Err(e) => return Err(map_error(e)),
    };
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    if !states.is_empty() {
        ctx.get_status_change(Duration::from_millis(0), &mut states)
            .or_else(|e| match e {
                pcsc::Error::Timeout => Ok(()),
                e => Err(map_error(e)),
            })?;
    }
    Ok(states
        .iter()
        .map(|s| ReaderInfo {
            name: display_name(s.name()),
            card_present: s.event_state().contains(State::PRESENT),
            card_in_use: s.event_state().intersects(State::EXCLUSIVE | State::INUSE),
            atr: s.atr().to_vec(),
        })
        .collect())
}

/// Chooses the reader `selector` names among `readers`.
pub fn choose(readers: &[ReaderInfo], selector: &ReaderSelector) -> Result<String, TransportError> {
    let names = || readers.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    if readers.is_empty() {
        return Err(TransportError::NoReaders);
    }
    match selector {
        ReaderSelector::Index(i) => {
            readers
                .get(*i)
                .map(|r| r.name.clone())
                .ok_or_else(|| TransportError::ReaderNotFound {
                    selector: i.to_string(),
                    readers: names(),
                })
        }
        ReaderSelector::NameContains(text) => {
            let needle = text.to_lowercase();
            let hits: Vec<&ReaderInfo> = readers
                .iter()
                .filter(|r| r.name.to_lowercase().contains(&needle))
                .collect();
            match hits[..] {
                [one] => Ok(one.name.clone()),
                [] => Err(TransportError::ReaderNotFound {
                    selector: text.clone(),
                    readers: names(),
                }),
                _ => Err(TransportError::AmbiguousReader {
                    readers: hits.iter().map(|r| r.name.clone()).collect(),
                }),
            }
        }
        ReaderSelector::Auto => {
            let with_card: Vec<&ReaderInfo> = readers.iter().filter(|r| r.card_present).collect();
            match with_card[..] {
                [one] => Ok(one.name.clone()),
                [] if readers.len() == 1 => Err(TransportError::NoCard {
                    reader: readers[0].name.clone(),
                }),
                [] => Err(TransportError::NoCard {
                    reader: names().join(", "),
                }),
                _ => Err(TransportError::AmbiguousReader {
                    readers: with_card.iter().map(|r| r.name.clone()).collect(),
                }),
            }
        }
    }
}

/// Which reader a session opens.
enum Target {
    Choose(ReaderSelector),
    Named(String),
}

/// Runs `operation` on the card in the chosen reader: exclusive connection, one transaction,
/// unpowered at the end. Every PC/SC call waits at most `limit`.
pub fn with_card<R>(
    selector: &ReaderSelector,
    limit: Duration,
    operation: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    run(Target::Choose(selector.clone()), limit, operation)
}

/// Like [`with_card`] for a reader known by its exact name.
pub fn with_named_card<R>(
    name: &str,
    limit: Duration,
    operation: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    run(Target::Named(name.to_string()), limit, operation)
}

fn run<R>(
    target: Target,
    limit: Duration,
    operation: impl FnOnce(&mut dyn Transport) -> R,
) -> Result<R, TransportError> {
    let mut session = Session::open(target, limit)?;
    let result = operation(&mut session);
    session.close();
    Ok(result)
}

/// What a reader with a PIN pad answers to the part 10 requests, read with `control` (a
/// function, so that the worker and [`reader_pin_pad`] use the same discovery).
type Control<'a> = dyn FnMut(u32, &[u8]) -> Result<Vec<u8>, pcsc::Error> + 'a;

// PC/SC's DWORD is u64 on Linux and u32 on Windows and macOS: the conversions below are
// needed on one and no-ops on the others.
#[allow(clippy::useless_conversion, irrefutable_let_patterns)]
fn discover(control: &mut Control<'_>) -> Capabilities {
    let request = pcsc::ctl_code(GET_FEATURE_REQUEST_FUNCTION.into());
    let Ok(code) = u32::try_from(request) else {
        return Capabilities::default();
    };
    // No answer, or one that is not a feature list: no PIN pad (vpcd: UnsupportedFeature).
    let Ok(features) = control(code, &[]).map(|a| Features::parse(&a)) else {
        return Capabilities::default();
    };
    let Ok(features) = features else {
        return Capabilities::default();
    };
    if !features.has_pin_pad() {
        return Capabilities::default();
    }
    let mut info = PinPadInfo {
        features: features.iter().collect(),
        verify: features.verify_pin_direct(),
        modify: features.modify_pin_direct(),
        ..PinPadInfo::default()
    };
    if let Some(code) = features.get(FEATURE_IFD_PIN_PROPERTIES) {
        if let Ok(Ok(p)) = control(code, &[]).map(|a| PinProperties::parse(&a)) {
            info.display = p.has_display();
        }
    }
    if let Some(code) = features.get(FEATURE_GET_TLV_PROPERTIES) {
        if let Ok(Ok(t)) = control(code, &[]).map(|a| TlvProperties::parse(&a)) {
            info.min_pin = t.min_pin_size;
            info.max_pin = t.max_pin_size;
            info.display |= t.has_display();
            info.vendor = t.id_vendor;
            info.product = t.id_product;
        }
    }
    Capabilities {
        secure_pin_entry: info.verify.is_some(),
        pin_pad: Some(info),
    }
}

#[allow(clippy::useless_conversion)]
fn control_with(
    card: &pcsc::Card,
    code: u32,
    data: &[u8],
    buf: &mut [u8],
) -> Result<Vec<u8>, pcsc::Error> {
    card.control(code.into(), data, buf).map(<[u8]>::to_vec)
}

/// The PIN pad of the reader named `name`, asked without a card if need be (a direct
/// connection; shared if the reader refuses that and holds a card). `Ok(None)`: no PIN pad.
/// For `readers` and `doctor`; sends nothing to a card.
pub fn reader_pin_pad(name: &str, limit: Duration) -> Result<Option<PinPadInfo>, TransportError> {
    let name = name.to_string();
    bounded(limit, move || {
        let ctx = establish()?;
        let cname = match raw_name(&ctx, &name) {
            Some(raw) => raw,
            None => CString::new(name).map_err(|_| TransportError::Unsupported)?,
        };
        let card = ctx
            .connect(&cname, ShareMode::Direct, Protocols::UNDEFINED)
            .or_else(|_| ctx.connect(&cname, ShareMode::Shared, Protocols::ANY))
            .map_err(map_error)?;
        let mut buf = vec![0u8; pcsc::MAX_BUFFER_SIZE];
        let caps = discover(&mut |code, data| control_with(&card, code, data, &mut buf));
        let _ = card.disconnect(Disposition::LeaveCard);
        Ok(caps.pin_pad)
    })
}

/// How long a control call may take: a PIN-pad entry waits for the holder, up to the
/// structure's `bTimerOut` (0: the reader's default, taken as 60 s) per keypad entry, then
/// the reader sends the APDU to the card. libccid itself waits for the reader at least 90 s
/// (`max(90, bTimeOut + 10)` in its SecurePINVerify/SecurePINModify): so the wait is the
/// larger of 90 s and the entries' timeouts + 10 s, plus the time limit. Other calls: the
/// limit.
fn control_wait(caps: &Capabilities, code: u32, data: &[u8], limit: Duration) -> Duration {
    let Some(pad) = &caps.pin_pad else {
        return limit;
    };
    let entries = if pad.modify == Some(code) {
        3
    } else if pad.verify == Some(code) {
        1
    } else {
        return limit;
    };
    let per_entry = match data
        .first()
        .copied()
        .unwrap_or(0)
        .max(data.get(1).copied().unwrap_or(0))
    {
        0 => 60,
        s => u64::from(s),
    };
    limit + Duration::from_secs((per_entry * entries + 10).max(90))
}

enum Job {
    Transmit(Zeroizing<Vec<u8>>),
    Control(u32, Vec<u8>),
    End,
}

/// The caller's side of a worker that holds the card inside one transaction.
struct Session {
    jobs: Sender<Job>,
    answers: Receiver<Result<Zeroizing<Vec<u8>>, TransportError>>,
    reader: String,
    caps: Capabilities,
    limit: Duration,
    /// The worker stopped answering: nothing more is sent.
    stuck: bool,
}

impl Session {
    fn open(target: Target, limit: Duration) -> Result<Session, TransportError> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (answer_tx, answers) = mpsc::channel();
        let (opened_tx, opened_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("mynapin-pcsc".into())
            .spawn(move || worker(target, opened_tx, job_rx, answer_tx))
            .map_err(|_| TransportError::NoService)?;
        let (reader, caps) = match opened_rx.recv_timeout(limit) {
            Ok(r) => r?,
            Err(_) => return Err(TransportError::ConnectTimeout(limit)),
        };
        Ok(Session {
            jobs,
            answers,
            reader,
            caps,
            limit,
            stuck: false,
        })
    }

    /// Ends the transaction and unpowers the card (waiting at most the limit).
    fn close(&mut self) {
        if !self.stuck && self.jobs.send(Job::End).is_ok() {
            let _ = self.answers.recv_timeout(self.limit);
        }
    }
}

impl Transport for Session {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        if self.stuck {
            return Err(TransportError::Timeout(self.limit));
        }
        self.jobs
            .send(Job::Transmit(command.to_bytes()))
            .map_err(|_| TransportError::CardRemoved)?;
        match self.answers.recv_timeout(self.limit) {
            Ok(answer) => Ok(Response::parse(&answer?)?),
            Err(RecvTimeoutError::Timeout) => {
                self.stuck = true;
                Err(TransportError::Timeout(self.limit))
            }
            Err(RecvTimeoutError::Disconnected) => Err(TransportError::CardRemoved),
        }
    }

    fn reader_name(&self) -> String {
        self.reader.clone()
    }

    fn capabilities(&self) -> Capabilities {
        self.caps.clone()
    }

    fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        if self.stuck {
            return Err(TransportError::Timeout(self.limit));
        }
        let wait = control_wait(&self.caps, code, data, self.limit);
        self.jobs
            .send(Job::Control(code, data.to_vec()))
            .map_err(|_| TransportError::CardRemoved)?;
        match self.answers.recv_timeout(wait) {
            Ok(answer) => Ok(answer?.to_vec()),
            Err(RecvTimeoutError::Timeout) => {
                self.stuck = true;
                Err(TransportError::Timeout(wait))
            }
            Err(RecvTimeoutError::Disconnected) => Err(TransportError::CardRemoved),
        }
    }
}

fn connect(ctx: &Context, name: &str) -> Result<pcsc::Card, TransportError> {
    let cname = match raw_name(ctx, name) {
        Some(raw) => raw,
        None => CString::new(name).map_err(|_| TransportError::ReaderNotFound {
            selector: name.to_string(),
            readers: Vec::new(),
        })?,
    };
    // Windows' own minidriver probe holds a card for a moment right after it is inserted, so
    // an exclusive connect then meets a sharing violation: try again, a bounded few times
    // (0.1 + 0.3 + 0.7 s), before calling the card in use. Elsewhere a sharing violation
    // means another program holds the card.
    let backoff: &[u64] = if cfg!(windows) { &[100, 300, 700] } else { &[] };
    let mut waits = backoff.iter();
    loop {
        match ctx.connect(&cname, ShareMode::Exclusive, Protocols::ANY) {
            Ok(card) => return Ok(card),
            Err(pcsc::Error::SharingViolation) => match waits.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(TransportError::CardInUse),
            },
            Err(e) => {
                return Err(match map_error(e) {
                    TransportError::NoCard { .. } => TransportError::NoCard {
                        reader: name.to_string(),
                    },
                    other => other,
                })
            }
        }
    }
}

/// The thread that owns the PC/SC context and the card.
fn worker(
    target: Target,
    opened: Sender<Result<(String, Capabilities), TransportError>>,
    jobs: Receiver<Job>,
    answers: Sender<Result<Zeroizing<Vec<u8>>, TransportError>>,
) {
    let setup = (|| {
        let ctx = establish()?;
        let name = match target {
            Target::Named(n) => n,
            Target::Choose(sel) => choose(&list_with(&ctx)?, &sel)?,
        };
        let card = connect(&ctx, &name)?;
        Ok((ctx, card, name))
    })();
    let (_ctx, mut card, name) = match setup {
        Ok(s) => s,
        Err(e) => {
            let _ = opened.send(Err(e));
            return;
        }
    };
    {
        // (On macOS a reset is reported as a removal and `tx` is not reconnected.)
        #[cfg_attr(target_os = "macos", allow(unused_mut))]
        let mut tx = match card.transaction2() {
            Ok(tx) => tx,
            Err((card, pcsc::Error::ResetCard)) => {
                // Someone reset the card before we began: reconnect once, then begin.
                if let Err(e) =
                    card.reconnect(ShareMode::Exclusive, Protocols::ANY, Disposition::LeaveCard)
                {
                    let _ = opened.send(Err(map_error(e)));
                    return;
                }
                match card.transaction() {
                    Ok(tx) => tx,
                    Err(e) => {
                        let _ = opened.send(Err(map_error(e)));
                        return;
                    }
                }
            }
            Err((_, e)) => {
                let _ = opened.send(Err(map_error(e)));
                return;
            }
        };
        let mut buf = Zeroizing::new(vec![0u8; pcsc::MAX_BUFFER_SIZE_EXTENDED]);
        let caps = discover(&mut |code, data| control_with(&tx, code, data, &mut buf));
        if opened.send(Ok((name, caps))).is_err() {
            return;
        }
        while let Ok(job) = jobs.recv() {
            let bytes = match job {
                Job::Transmit(bytes) => bytes,
                Job::Control(code, data) => {
                    let answer = match control_with(&tx, code, &data, &mut buf) {
                        Ok(a) => Ok(Zeroizing::new(a)),
                        Err(pcsc::Error::UnsupportedFeature) => Err(TransportError::Unsupported),
                        Err(e) => Err(map_error(e)),
                    };
                    if answers.send(answer).is_err() {
                        break;
                    }
                    continue;
                }
                Job::End => break,
            };
            let answer = match tx.transmit(&bytes, &mut buf) {
                Ok(r) => Ok(Zeroizing::new(r.to_vec())),
                // macOS reports a card taken out of the reader as SCARD_W_RESET_CARD (where
                // pcsc-lite and Windows report removal): the command may have reached the card.
                #[cfg(target_os = "macos")]
                Err(pcsc::Error::ResetCard) => Err(TransportError::CardRemoved),
                #[cfg(not(target_os = "macos"))]
                Err(pcsc::Error::ResetCard) => {
                    // Someone reset the card: reconnect so later commands work; the caller
                    // must SELECT again (the current DF is lost) and knows nothing was sent.
                    match tx.reconnect(ShareMode::Exclusive, Protocols::ANY, Disposition::LeaveCard)
                    {
                        Ok(()) => Err(TransportError::CardWasReset),
                        Err(e) => Err(map_error(e)),
                    }
                }
                Err(e) => Err(map_error(e)),
            };
            drop(bytes);
            if answers.send(answer).is_err() {
                break;
            }
        }
        // Ending the transaction can fail if the card went away: nothing more to do then.
        let _ = tx.end(Disposition::LeaveCard);
    }
    if let Err((card, _)) = card.disconnect(Disposition::UnpowerCard) {
        // Dropping the card disconnects with a reset: still no verified state left.
        drop(card);
    }
    let _ = answers.send(Ok(Zeroizing::new(Vec::new())));
}

/// How long one `SCardGetStatusChange` call waits before the stop flag and the deadline are
/// looked at again. pcscd answers at once when a reader's state changes; this only bounds how
/// late a Ctrl-C is noticed.
const WAIT_SLICE: Duration = Duration::from_millis(250);

/// What a wait for a card is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitFor {
    /// A card in the reader (any reader with one, or the selected one).
    Card,
    /// The card in this reader to leave.
    Removal,
}

fn stopped(stop: &super::StopFlag) -> Result<(), TransportError> {
    let signal = stop.load(std::sync::atomic::Ordering::SeqCst);
    if signal != 0 {
        return Err(TransportError::Interrupted {
            signal: signal as i32,
        });
    }
    Ok(())
}

/// Waits for a card to be placed (or, with [`WaitFor::Removal`], for the card in `selector`'s
/// reader to leave), driven by pcscd's notifications: a reader plugged in meanwhile is seen
/// too (through the `\\?PnP?\Notification` reader where the platform has it). Returns the
/// reader's name. Ends early with [`TransportError::Interrupted`] on a signal and with
/// [`TransportError::NoCardInTime`] after `limit`.
pub fn wait(
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: super::StopFlag,
) -> Result<String, TransportError> {
    let selector = selector.clone();
    let overall = limit.unwrap_or(Duration::from_secs(u64::from(u32::MAX)));
    // Each pcscd call below is bounded by WAIT_SLICE; the thread only guards against a pcscd
    // that stops answering altogether.
    bounded(overall.saturating_add(Duration::from_secs(5)), move || {
        wait_on_thread(&selector, what, limit, &stop)
    })
}

fn wait_on_thread(
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: &super::StopFlag,
) -> Result<String, TransportError> {
    let deadline = limit.and_then(|l| std::time::Instant::now().checked_add(l));
    let mut ctx = establish()?;
    loop {
        stopped(stop)?;
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(TransportError::NoCardInTime(limit.unwrap_or_default()));
        }
        let readers = match list_with(&ctx) {
            Ok(r) => r,
            // Windows stops its smart-card service when the last reader is unplugged: connect
            // again and keep waiting.
            Err(TransportError::NoService) => {
                std::thread::sleep(WAIT_SLICE);
                ctx = establish()?;
                continue;
            }
            Err(e) => return Err(e),
        };
        let wanted = |r: &ReaderInfo| match what {
            WaitFor::Card => r.card_present,
            WaitFor::Removal => !r.card_present,
        };
        let candidates: Vec<&ReaderInfo> = match selector {
            ReaderSelector::Auto => readers.iter().collect(),
            sel => match choose(&readers, sel) {
                Ok(name) => readers.iter().filter(|r| r.name == name).collect(),
                Err(TransportError::ReaderNotFound { .. }) => Vec::new(),
                Err(e) => return Err(e),
            },
        };
        match what {
            WaitFor::Card => {
                if let Some(r) = candidates.iter().find(|r| wanted(r)) {
                    return Ok(r.name.clone());
                }
            }
            WaitFor::Removal => {
                // The card left, or its reader did.
                if candidates.is_empty() || candidates.iter().all(|r| wanted(r)) {
                    return Ok(candidates
                        .first()
                        .map(|r| r.name.clone())
                        .unwrap_or_default());
                }
            }
        }
        // Sleep until pcscd reports a change (or a slice passes).
        let mut states: Vec<ReaderState> = readers
            .iter()
            .map(|r| {
                let name = raw_name(&ctx, &r.name)
                    .or_else(|| CString::new(r.name.clone()).ok())
                    .unwrap_or_default();
                ReaderState::new(name, State::UNAWARE)
            })
            .collect();
        #[cfg(not(target_os = "macos"))]
        states.push(ReaderState::new(pcsc::PNP_NOTIFICATION(), State::UNAWARE));
        // First call: learn the current states (answers at once).
        match ctx.get_status_change(Duration::ZERO, &mut states) {
            Ok(()) | Err(pcsc::Error::Timeout) => {}
            Err(pcsc::Error::NoReadersAvailable) => {}
            Err(e) => return Err(map_error(e)),
        }
        for s in &mut states {
            s.sync_current_state();
        }
        match ctx.get_status_change(WAIT_SLICE, &mut states) {
            Ok(()) | Err(pcsc::Error::Timeout) => {}
            Err(pcsc::Error::NoReadersAvailable) => std::thread::sleep(WAIT_SLICE),
            Err(pcsc::Error::ServiceStopped | pcsc::Error::NoService) => {
                std::thread::sleep(WAIT_SLICE);
                ctx = establish()?;
            }
            Err(e) => return Err(map_error(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mynapin_apdu::part10::{FEATURE_MODIFY_PIN_DIRECT, FEATURE_VERIFY_PIN_DIRECT};

    // DWORD is u64 on Linux, u32 elsewhere.
    #[allow(clippy::useless_conversion)]
    fn request_code() -> u32 {
        u32::try_from(pcsc::ctl_code(GET_FEATURE_REQUEST_FUNCTION.into())).unwrap()
    }

    #[test]
    fn discovery_uses_the_codes_the_reader_returns() {
        // A reader whose codes are not the usual SCARD_CTL_CODE(0x3300xx).
        let list = Features::from_entries(vec![
            (FEATURE_VERIFY_PIN_DIRECT, 0x1111_0001),
            (FEATURE_MODIFY_PIN_DIRECT, 0x1111_0002),
            (FEATURE_IFD_PIN_PROPERTIES, 0x1111_0003),
            (FEATURE_GET_TLV_PROPERTIES, 0x1111_0004),
        ])
        .to_bytes();
        let mut asked = Vec::new();
        let caps = discover(&mut |code, _| {
            asked.push(code);
            match code {
                c if c == request_code() => Ok(list.clone()),
                0x1111_0003 => Ok(vec![0x10, 0x02, 0x02, 0x00]),
                // min 4, max 12, vendor 0x04E6, product 0xE003.
                0x1111_0004 => Ok(vec![
                    6, 1, 4, 7, 1, 12, 11, 2, 0xE6, 0x04, 12, 2, 0x03, 0xE0,
                ]),
                _ => Err(pcsc::Error::UnsupportedFeature),
            }
        });
        assert_eq!(asked, [request_code(), 0x1111_0003, 0x1111_0004]);
        let pad = caps.pin_pad.unwrap();
        assert!(caps.secure_pin_entry);
        assert_eq!(
            (pad.verify, pad.modify),
            (Some(0x1111_0001), Some(0x1111_0002))
        );
        assert_eq!((pad.min_pin, pad.max_pin), (Some(4), Some(12)));
        assert_eq!((pad.vendor, pad.product), (Some(0x04E6), Some(0xE003)));
        assert!(pad.display);
        assert!(pad.accepts_length(4));
    }

    #[test]
    fn no_feature_list_means_no_pin_pad() {
        // vpcd: SCARD_E_UNSUPPORTED_FEATURE; a garbled list; a list without PIN features.
        let none = discover(&mut |_, _| Err(pcsc::Error::UnsupportedFeature));
        assert_eq!(none, Capabilities::default());
        let garbled = discover(&mut |_, _| Ok(vec![0x06, 0x04, 0x42]));
        assert_eq!(garbled, Capabilities::default());
        let tlv_only = Features::from_entries(vec![(FEATURE_GET_TLV_PROPERTIES, 0x4233_0012)]);
        let bytes = tlv_only.to_bytes();
        assert_eq!(
            discover(&mut |_, _| Ok(bytes.clone())),
            Capabilities::default()
        );
    }

    #[test]
    fn a_keypad_entry_waits_for_the_holder_not_only_the_limit() {
        let caps = Capabilities {
            secure_pin_entry: true,
            pin_pad: Some(PinPadInfo {
                verify: Some(6),
                modify: Some(7),
                ..PinPadInfo::default()
            }),
        };
        let limit = Duration::from_secs(20);
        assert_eq!(
            control_wait(&caps, 6, &[30, 30], limit),
            limit + Duration::from_secs(90)
        );
        assert_eq!(
            control_wait(&caps, 7, &[60, 0], limit),
            limit + Duration::from_secs(190)
        );
        assert_eq!(
            control_wait(&caps, 7, &[0, 0], limit),
            limit + Duration::from_secs(190)
        );
        assert_eq!(control_wait(&caps, 0x0A, &[], limit), limit);
        assert_eq!(
            control_wait(&Capabilities::default(), 6, &[30], limit),
            limit
        );
    }
}
