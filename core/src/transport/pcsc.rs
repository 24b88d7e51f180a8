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
//! error — it can report what it knows and return normally. After a signal it waits at most
//! [`STOP_GRACE`] more ([`TransportError::Abandoned`]). A worker stuck in pcsc-lite is left
//! behind and ends with the process (the command it holds wiped first, see `Outgoing`);
//! closing the process's connection makes pcscd release the card.
//!
//! PIN-pad readers (PC/SC v2 part 10): right after connecting, the worker asks the reader for
//! its features (`CM_IOCTL_GET_FEATURE_REQUEST`) and, when present, its PIN properties and TLV
//! properties; [`Transport::capabilities`] returns what it found, with the control codes the
//! reader returned. A reader that refuses the request (vpcd answers
//! `SCARD_E_UNSUPPORTED_FEATURE`) has no PIN pad. [`Transport::control`] goes through the same
//! worker; the wait for a control call that collects a PIN on the keypad is the structure's
//! own timeout (`bTimerOut`, per entry) plus the time limit, not the time limit alone.

use super::{Capabilities, Delivery, PinPadInfo, Transport, TransportError, STOP_GRACE};
use mynapin_apdu::part10::{
    Features, PinProperties, TlvProperties, FEATURE_GET_TLV_PROPERTIES, FEATURE_IFD_PIN_PROPERTIES,
    GET_FEATURE_REQUEST_FUNCTION,
};
use mynapin_apdu::{Command, Response};
use pcsc::{Context, Disposition, Protocols, ReaderState, Scope, ShareMode, State};
use std::ffi::CString;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};
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

/// Whether `SCardTransmit` can have passed the command to the reader when it returns `e`:
/// the table the card layer's "not changed" / "unknown" rests on ([`TransportError::delivery`]).
///
/// From pcsc-lite's source (`winscard_clnt.c`, `winscard_svc.c`, `winscard.c`,
/// `readerfactory.c`, `ifdwrapper.c`, 2.x): `SCardTransmit` returns these codes **before any
/// I/O to the card** —
/// * in the client library, before the request leaves the process: `SCARD_E_INVALID_HANDLE`
///   (the handle is not in the client's map), `SCARD_E_INVALID_PARAMETER` (a null buffer);
/// * in pcscd, before the driver's `IFDHTransmitToICC` is called: `SCARD_E_INVALID_VALUE`
///   (no reader for the handle), `SCARD_E_SHARING_VIOLATION` (another handle holds the
///   transaction), `SCARD_W_REMOVED_CARD` and `SCARD_W_RESET_CARD` (the handle's event state
///   says the card was removed or reset since — the check that refuses every later command
///   until the handle is reconnected), `SCARD_E_INVALID_HANDLE` (the handle is not in the
///   reader's list), `SCARD_E_PROTO_MISMATCH`.
///
/// Every other code may come after the command was handed on, so the card may have acted:
/// `SCARD_E_NO_SMARTCARD` and `SCARD_E_READER_UNAVAILABLE` come both from the checks before
/// and from the driver's answer after the transfer was tried (`IFD_ICC_NOT_PRESENT`,
/// `IFD_NO_SUCH_DEVICE`); `SCARD_E_NOT_TRANSACTED` is the driver's failure of the transfer
/// itself (`IFD_COMMUNICATION_ERROR`, a mute card); `SCARD_E_INSUFFICIENT_BUFFER` can be the
/// card's answer being too long; `SCARD_F_COMM_ERROR`, `SCARD_E_NO_SERVICE` and
/// `SCARD_E_TIMEOUT` come from the socket to pcscd, possibly after pcscd received the command
/// (pcscd stopped or died while the card was working). Unknown codes count as sent.
///
/// Windows' WinSCard and macOS are not open to read: there a removed card is counted as
/// "may have been sent" (macOS even reports a removal as a reset, so there a reset counts as
/// sent too; Windows' reset keeps its meaning, a handle refused until it reconnects), the
/// safe side — "unknown" costs the user a free `status`, a wrong "not changed" could cost a
/// try.
pub fn transmit_delivery(e: pcsc::Error) -> Delivery {
    use pcsc::Error as E;
    // pcsc-lite's pre-transfer check of the handle's event state (see above).
    let removal_checked_first = cfg!(not(any(windows, target_os = "macos")));
    match e {
        E::InvalidHandle
        | E::InvalidParameter
        | E::InvalidValue
        | E::SharingViolation
        | E::ProtoMismatch => Delivery::NotSent,
        E::RemovedCard | E::ResetCard if removal_checked_first => Delivery::NotSent,
        // Windows and macOS: see above (macOS reports a removal as a reset).
        E::ResetCard if cfg!(windows) => Delivery::NotSent,
        E::RemovedCard
        | E::ResetCard
        | E::InternalError
        | E::Cancelled
        | E::InvalidTarget
        | E::NoMemory
        | E::WaitedTooLong
        | E::InsufficientBuffer
        | E::UnknownReader
        | E::Timeout
        | E::NoSmartcard
        | E::UnknownCard
        | E::CantDispose
        | E::NotReady
        | E::SystemCancelled
        | E::CommError
        | E::UnknownError
        | E::InvalidAtr
        | E::NotTransacted
        | E::ReaderUnavailable
        | E::Shutdown
        | E::PciTooSmall
        | E::ReaderUnsupported
        | E::DuplicateReader
        | E::CardUnsupported
        | E::NoService
        | E::ServiceStopped
        | E::IccInstallation
        | E::IccCreateorder
        | E::UnsupportedFeature
        | E::DirNotFound
        | E::FileNotFound
        | E::NoDir
        | E::NoFile
        | E::NoAccess
        | E::WriteTooMany
        | E::BadSeek
        | E::InvalidChv
        | E::UnknownResMng
        | E::NoSuchCertificate
        | E::CertificateUnavailable
        | E::NoReadersAvailable
        | E::CommDataLost
        | E::NoKeyContainer
        | E::ServerTooBusy
        | E::UnsupportedCard
        | E::UnresponsiveCard
        | E::UnpoweredCard
        | E::SecurityViolation
        | E::WrongChv
        | E::ChvBlocked
        | E::Eof
        | E::CancelledByUser
        | E::CardNotAuthenticated
        | E::CacheItemNotFound
        | E::CacheItemStale
        | E::CacheItemTooBig => Delivery::SentNoAnswer,
        #[cfg(windows)]
        E::Unexpected => Delivery::SentNoAnswer,
    }
}

/// Maps an error of `SCardTransmit` to the transport error, keeping what
/// [`transmit_delivery`] says: a card removed before the command left is
/// [`TransportError::CardRemovedBeforeSending`], one that went away while it may have been
/// working is [`TransportError::CardRemoved`]. (`SCARD_W_RESET_CARD` is handled by the worker:
/// it reconnects.)
pub fn map_transmit_error(e: pcsc::Error) -> TransportError {
    use pcsc::Error as E;
    match (e, transmit_delivery(e)) {
        (E::RemovedCard, Delivery::NotSent) => TransportError::CardRemovedBeforeSending,
        (
            E::RemovedCard | E::ResetCard | E::NoSmartcard | E::UnpoweredCard | E::UnresponsiveCard,
            Delivery::SentNoAnswer,
        ) => TransportError::CardRemoved,
        (E::SharingViolation, _) => TransportError::CardInUse,
        (E::ResetCard, Delivery::NotSent) => TransportError::CardWasReset,
        (e, _) => TransportError::Pcsc(e),
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
    list_raw(ctx).map_err(map_error)
}

/// [`list_with`] with pcsc-lite's own error.
fn list_raw(ctx: &Context) -> Result<Vec<ReaderInfo>, pcsc::Error> {
    let names = match ctx.list_readers_owned() {
        Ok(n) => n,
        Err(pcsc::Error::NoReadersAvailable) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut states: Vec<ReaderState> = names
        .iter()
        .map(|n| ReaderState::new(n.clone(), State::UNAWARE))
        .collect();
    if !states.is_empty() {
        ctx.get_status_change(Duration::from_millis(0), &mut states)
            .or_else(|e| match e {
                pcsc::Error::Timeout => Ok(()),
                e => Err(e),
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
    Transmit(Outgoing),
    Control(u32, Vec<u8>),
    End,
}

/// A command APDU handed to the worker (it may hold a PIN: VERIFY, CHANGE REFERENCE DATA,
/// CHANGE KEY).
///
/// The caller and the worker share the one zeroizing buffer: whoever drops it last wipes it.
/// When the card answers, that is at once. When the caller stops waiting (the time limit, or
/// [`STOP_GRACE`] after a signal) the worker may be stuck inside `SCardTransmit` for good,
/// still borrowing the buffer — and the process is about to end with the PIN in it. So the
/// caller wipes it then ([`Outgoing::wipe`]), and keeps the allocation alive while it does.
///
/// What is and is not wiped, besides this buffer:
/// * pcsc-rust passes the slice to `SCardTransmit` as is (no copy). pcsc-lite's client
///   (`winscard_clnt.c`) writes a header holding only lengths, then the caller's buffer itself,
///   to pcscd's socket (`MessageSend`), and from then on only reads the answer
///   (`MessageReceive`): it keeps no copy of the command in this process. By the time the
///   caller gives up (at least 1 s after the job was handed over) that write has long been
///   done, so the wipe changes no byte that is still to be sent.
/// * The copies outside this process cannot be wiped from here: the kernel's socket buffer
///   until pcscd reads it, pcscd's own buffers and the reader driver's (another process), and
///   the card. pcscd does not log APDUs unless started with debug output.
/// * The receive buffer holds answers only (a VERIFY's answer has no PIN).
struct Outgoing {
    bytes: Arc<Zeroizing<Vec<u8>>>,
    /// [`QUEUED`] until the worker takes it ([`SENDING`], right before `SCardTransmit`) or
    /// the caller stops waiting first ([`ABANDONED`]: the worker then sends nothing).
    state: Arc<AtomicU8>,
}

const QUEUED: u8 = 0;
const SENDING: u8 = 1;
const ABANDONED: u8 = 2;

impl Outgoing {
    fn new(bytes: Zeroizing<Vec<u8>>) -> Outgoing {
        Outgoing {
            bytes: Arc::new(bytes),
            state: Arc::new(AtomicU8::new(QUEUED)),
        }
    }

    fn share(&self) -> Outgoing {
        Outgoing {
            bytes: Arc::clone(&self.bytes),
            state: Arc::clone(&self.state),
        }
    }

    /// The worker's side: may the command be sent? Not if the caller already gave up on it.
    fn take(&self) -> bool {
        self.state
            .compare_exchange(QUEUED, SENDING, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// The caller's side, when it stops waiting: a command the worker has not taken is never
    /// sent, and the bytes the worker still holds are overwritten with zeros.
    ///
    /// Safe Rust cannot write to a buffer another thread has lent to a foreign call, and this
    /// crate forbids `unsafe`. On Linux the bytes are overwritten through `/proc/self/mem`
    /// (the kernel writes the process's own memory, as a debugger would; the `Arc` held here
    /// keeps the allocation from being freed and reused meanwhile). Elsewhere (macOS,
    /// Windows: no such file) the bytes stay until the worker's call returns or the process
    /// ends: a known limit, said in the README.
    fn wipe(&self) {
        let _ = self
            .state
            .compare_exchange(QUEUED, ABANDONED, Ordering::SeqCst, Ordering::SeqCst);
        wipe_shared(&self.bytes);
    }
}

#[cfg(target_os = "linux")]
fn wipe_shared(bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    if bytes.is_empty() {
        return;
    }
    let at = bytes.as_ptr() as u64;
    let zeros = Zeroizing::new(vec![0u8; bytes.len()]);
    if let Ok(mut mem) = std::fs::OpenOptions::new()
        .write(true)
        .open("/proc/self/mem")
    {
        if mem.seek(SeekFrom::Start(at)).is_ok() {
            let _ = mem.write_all(&zeros);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn wipe_shared(_bytes: &[u8]) {}

/// The caller's side of a worker that holds the card inside one transaction.
struct Session {
    jobs: Sender<Job>,
    answers: Receiver<Result<Zeroizing<Vec<u8>>, TransportError>>,
    reader: String,
    caps: Capabilities,
    limit: Duration,
    /// The worker stopped answering: nothing more is sent.
    stuck: bool,
    /// Where a signal is recorded ([`Transport::watch_stop`]): a wait for an answer ends
    /// [`STOP_GRACE`] after it.
    stop: Option<super::StopFlag>,
}

/// How often a wait for an answer looks at the stop flag (it only bounds how late a signal is
/// noticed; the answer itself is taken the moment it comes).
const STOP_SLICE: Duration = Duration::from_millis(50);

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
            stop: None,
        })
    }

    /// Waits for the worker's answer to the job just sent: at most `wait`, and at most
    /// [`STOP_GRACE`] after a signal. Either way the worker is given up on (`stuck`): it may
    /// still be inside pcsc-lite, and nothing more is sent.
    fn answer(&mut self, wait: Duration) -> Result<Zeroizing<Vec<u8>>, TransportError> {
        let start = Instant::now();
        let mut signalled: Option<(Instant, i32)> = None;
        loop {
            let now = Instant::now();
            if signalled.is_none() {
                let signal = self.stop.as_ref().map_or(0, |s| s.load(Ordering::SeqCst));
                if signal != 0 {
                    signalled = Some((now, signal as i32));
                }
            }
            let mut until = start + wait;
            if let Some((at, signal)) = signalled {
                if now >= at + STOP_GRACE {
                    self.stuck = true;
                    return Err(TransportError::Abandoned {
                        signal,
                        grace: STOP_GRACE,
                    });
                }
                until = until.min(at + STOP_GRACE);
            }
            if now >= start + wait {
                self.stuck = true;
                return Err(TransportError::Timeout(wait));
            }
            let slice = until.saturating_duration_since(now).min(STOP_SLICE);
            match self.answers.recv_timeout(slice) {
                Ok(answer) => return answer,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return Err(TransportError::CardRemoved),
            }
        }
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
        let outgoing = Outgoing::new(command.to_bytes());
        self.jobs
            .send(Job::Transmit(outgoing.share()))
            .map_err(|_| TransportError::CardRemoved)?;
        let answer = match self.answer(self.limit) {
            Ok(a) => a,
            Err(e) => {
                // Given up on (or the worker is gone): the worker may keep the command.
                outgoing.wipe();
                return Err(e);
            }
        };
        drop(outgoing);
        Ok(Response::parse(&answer)?)
    }

    fn watch_stop(&mut self, stop: &super::StopFlag) {
        self.stop = Some(Arc::clone(stop));
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
        Ok(self.answer(wait)?.to_vec())
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
                Job::Transmit(outgoing) if outgoing.take() => outgoing,
                // The caller gave up on it before it was sent: it never is.
                Job::Transmit(_) => continue,
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
            let answer = match tx.transmit(&bytes.bytes, &mut buf) {
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
                Err(e) => Err(map_transmit_error(e)),
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

/// What happens to the PC/SC service while a wait runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceEvent {
    /// pcscd stopped (or its connection broke): the wait goes on until it is back.
    Stopped,
    /// pcscd answers again.
    Back,
}

/// Waits for a card to be placed (or, with [`WaitFor::Removal`], for the card in `selector`'s
/// reader to leave), driven by pcscd's notifications: a reader plugged in meanwhile is seen
/// too (through the `\\?PnP?\Notification` reader where the platform has it). Returns the
/// reader's name. Ends early with [`TransportError::Interrupted`] on a signal, with
/// [`TransportError::NoCardInTime`] after `limit`, and with
/// [`TransportError::ServiceStopped`] when pcscd stops during the wait.
pub fn wait(
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: super::StopFlag,
) -> Result<String, TransportError> {
    wait_with(selector, what, limit, stop, None)
}

/// Like [`wait`], but a pcscd that stops (a restart, an update) is waited for, also when it is
/// already gone as the wait begins: `notify` is told once when it goes
/// ([`ServiceEvent::Stopped`]) and once when it is back. For `watch`, left running all day;
/// the caller checks that pcscd runs before its first wait.
pub fn wait_through_restarts(
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: super::StopFlag,
    notify: Box<dyn FnMut(ServiceEvent) + Send>,
) -> Result<String, TransportError> {
    wait_with(selector, what, limit, stop, Some(notify))
}

fn wait_with(
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: super::StopFlag,
    mut notify: Option<Box<dyn FnMut(ServiceEvent) + Send>>,
) -> Result<String, TransportError> {
    let selector = selector.clone();
    let overall = limit.unwrap_or(Duration::from_secs(u64::from(u32::MAX)));
    // Each pcscd call below is bounded by WAIT_SLICE; the thread only guards against a pcscd
    // that stops answering altogether.
    bounded(overall.saturating_add(Duration::from_secs(5)), move || {
        let mut live = Live { ctx: None };
        let notify = notify
            .as_mut()
            .map(|f| f.as_mut() as &mut dyn FnMut(ServiceEvent));
        wait_loop(&mut live, &selector, what, limit, &stop, notify)
    })
}

/// What the wait loop asks of pcscd: the seam that lets a test stop and restart a fake one.
trait Pcscd {
    /// A new context (pcscd running).
    fn connect(&mut self) -> Result<(), TransportError>;
    /// Every reader and its card, on the current context.
    fn readers(&mut self) -> Result<Vec<ReaderInfo>, TransportError>;
    /// Sleeps until pcscd reports a change of `readers` (or a reader plugged in), at most
    /// `slice`.
    fn wait_change(
        &mut self,
        readers: &[ReaderInfo],
        slice: Duration,
    ) -> Result<(), TransportError>;
}

/// The real pcscd.
struct Live {
    ctx: Option<Context>,
}

impl Pcscd for Live {
    fn connect(&mut self) -> Result<(), TransportError> {
        self.ctx = Some(establish()?);
        Ok(())
    }

    fn readers(&mut self) -> Result<Vec<ReaderInfo>, TransportError> {
        match &self.ctx {
            Some(ctx) => list_raw(ctx).map_err(map_wait_error),
            None => Err(TransportError::NoService),
        }
    }

    fn wait_change(
        &mut self,
        readers: &[ReaderInfo],
        slice: Duration,
    ) -> Result<(), TransportError> {
        let Some(ctx) = &self.ctx else {
            return Err(TransportError::NoService);
        };
        let mut states: Vec<ReaderState> = readers
            .iter()
            .map(|r| {
                let name = raw_name(ctx, &r.name)
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
            Err(e) => return Err(map_wait_error(e)),
        }
        for s in &mut states {
            s.sync_current_state();
        }
        match ctx.get_status_change(slice, &mut states) {
            Ok(()) | Err(pcsc::Error::Timeout) => Ok(()),
            Err(pcsc::Error::NoReadersAvailable) => {
                std::thread::sleep(slice);
                Ok(())
            }
            Err(e) => Err(map_wait_error(e)),
        }
    }
}

/// [`map_error`] for a wait, keeping the codes that say pcscd went away as they are (on
/// Windows [`map_error`] calls a stopped service "no reader").
fn map_wait_error(e: pcsc::Error) -> TransportError {
    use pcsc::Error as E;
    match e {
        E::NoService | E::ServiceStopped | E::CommError | E::InvalidHandle | E::Shutdown => {
            TransportError::Pcsc(e)
        }
        e => map_error(e),
    }
}

/// True when `e` means that pcscd went away (stopped, restarted, its socket closed): pcsc-lite
/// answers a call on a context whose pcscd is gone with `SCARD_E_NO_SERVICE`,
/// `SCARD_F_COMM_ERROR` (the socket write failed) or `SCARD_E_INVALID_HANDLE` (a context the
/// new pcscd never gave); Windows stops its service with the last reader
/// (`SCARD_E_SERVICE_STOPPED`).
fn service_lost(e: &TransportError) -> bool {
    use pcsc::Error as E;
    matches!(
        e,
        TransportError::NoService
            | TransportError::Pcsc(
                E::NoService | E::ServiceStopped | E::CommError | E::InvalidHandle | E::Shutdown
            )
    )
}

fn wait_loop(
    pcscd: &mut dyn Pcscd,
    selector: &ReaderSelector,
    what: WaitFor,
    limit: Option<Duration>,
    stop: &super::StopFlag,
    mut notify: Option<&mut dyn FnMut(ServiceEvent)>,
) -> Result<String, TransportError> {
    let deadline = limit.and_then(|l| std::time::Instant::now().checked_add(l));
    // pcscd went away and has not answered since.
    let mut down = false;
    match pcscd.connect() {
        Ok(()) => {}
        // Gone since the caller last saw it (watch: between two cards): wait for it.
        Err(e) if service_lost(&e) && notify.is_some() => {
            down = true;
            if let Some(f) = notify.as_mut() {
                f(ServiceEvent::Stopped);
            }
        }
        // Not running at the start of a plain wait: said as it is.
        Err(e) => return Err(e),
    }
    loop {
        stopped(stop)?;
        if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(TransportError::NoCardInTime(limit.unwrap_or_default()));
        }
        if down {
            match pcscd.connect() {
                Ok(()) => {
                    down = false;
                    if let Some(f) = notify.as_mut() {
                        f(ServiceEvent::Back);
                    }
                }
                Err(e) if service_lost(&e) => {
                    std::thread::sleep(WAIT_SLICE);
                    continue;
                }
                Err(e) => return Err(e),
            }
        }
        match wait_step(pcscd, selector, what) {
            Ok(Some(name)) => return Ok(name),
            Ok(None) => {}
            Err(e) if service_lost(&e) => {
                // Windows stops its smart-card service when the last reader is unplugged:
                // there that is no news, connect again and keep waiting.
                if cfg!(windows) {
                    down = true;
                    continue;
                }
                match notify.as_mut() {
                    None => return Err(TransportError::ServiceStopped),
                    Some(f) => {
                        down = true;
                        f(ServiceEvent::Stopped);
                        std::thread::sleep(WAIT_SLICE);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
}

/// One look at the readers: the reader's name if the wait is over, else sleep until pcscd
/// reports a change (or a slice passes).
fn wait_step(
    pcscd: &mut dyn Pcscd,
    selector: &ReaderSelector,
    what: WaitFor,
) -> Result<Option<String>, TransportError> {
    let readers = pcscd.readers()?;
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
                return Ok(Some(r.name.clone()));
            }
        }
        WaitFor::Removal => {
            // The card left, or its reader did.
            if candidates.is_empty() || candidates.iter().all(|r| wanted(r)) {
                return Ok(Some(
                    candidates
                        .first()
                        .map(|r| r.name.clone())
                        .unwrap_or_default(),
                ));
            }
        }
    }
    pcscd.wait_change(&readers, WAIT_SLICE)?;
    Ok(None)
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

    /// Every PC/SC error `SCardTransmit` can return (every code the `pcsc` crate knows),
    /// with its class: sent nothing, or may have reached the card. The table is written out
    /// here, not derived from [`transmit_delivery`], and checked to hold every code once.
    #[test]
    fn every_pcsc_error_of_a_transmit_has_its_class() {
        use pcsc::Error as E;
        use Delivery::{NotSent as N, SentNoAnswer as S};
        // pcsc-lite checks the handle's removal/reset state before the transfer; Windows and
        // macOS are counted on the safe side (macOS reports a removal as a reset).
        let removed = if cfg!(any(windows, target_os = "macos")) {
            S
        } else {
            N
        };
        let reset = if cfg!(target_os = "macos") { S } else { N };
        #[allow(unused_mut)]
        let mut table = vec![
            (E::InternalError, S),
            (E::Cancelled, S),
            (E::InvalidHandle, N),
            (E::InvalidParameter, N),
            (E::InvalidTarget, S),
            (E::NoMemory, S),
            (E::WaitedTooLong, S),
            (E::InsufficientBuffer, S),
            (E::UnknownReader, S),
            (E::Timeout, S),
            (E::SharingViolation, N),
            (E::NoSmartcard, S),
            (E::UnknownCard, S),
            (E::CantDispose, S),
            (E::ProtoMismatch, N),
            (E::NotReady, S),
            (E::InvalidValue, N),
            (E::SystemCancelled, S),
            (E::CommError, S),
            (E::UnknownError, S),
            (E::InvalidAtr, S),
            (E::NotTransacted, S),
            (E::ReaderUnavailable, S),
            (E::Shutdown, S),
            (E::PciTooSmall, S),
            (E::ReaderUnsupported, S),
            (E::DuplicateReader, S),
            (E::CardUnsupported, S),
            (E::NoService, S),
            (E::ServiceStopped, S),
            (E::IccInstallation, S),
            (E::IccCreateorder, S),
            (E::UnsupportedFeature, S),
            (E::DirNotFound, S),
            (E::FileNotFound, S),
            (E::NoDir, S),
            (E::NoFile, S),
            (E::NoAccess, S),
            (E::WriteTooMany, S),
            (E::BadSeek, S),
            (E::InvalidChv, S),
            (E::UnknownResMng, S),
            (E::NoSuchCertificate, S),
            (E::CertificateUnavailable, S),
            (E::NoReadersAvailable, S),
            (E::CommDataLost, S),
            (E::NoKeyContainer, S),
            (E::ServerTooBusy, S),
            (E::UnsupportedCard, S),
            (E::UnresponsiveCard, S),
            (E::UnpoweredCard, S),
            (E::ResetCard, reset),
            (E::RemovedCard, removed),
            (E::SecurityViolation, S),
            (E::WrongChv, S),
            (E::ChvBlocked, S),
            (E::Eof, S),
            (E::CancelledByUser, S),
            (E::CardNotAuthenticated, S),
            (E::CacheItemNotFound, S),
            (E::CacheItemStale, S),
            (E::CacheItemTooBig, S),
        ];
        #[cfg(windows)]
        table.push((E::Unexpected, S));
        let mut codes: Vec<u32> = table.iter().map(|(e, _)| *e as u32).collect();
        codes.sort_unstable();
        let every: Vec<u32> = (0x8010_0001..=0x8010_0031)
            .chain(0x8010_0065..=0x8010_0072)
            // SCARD_E_UNEXPECTED exists on Windows only, and pcsc-lite gives its code
            // 0x8010001F to SCARD_E_UNSUPPORTED_FEATURE (Windows: 0x80100022).
            .filter(|c| cfg!(windows) || *c != 0x8010_0022)
            .collect();
        assert_eq!(codes, every, "the table holds every code once");
        for (e, class) in table {
            assert_eq!(transmit_delivery(e), class, "{e:?}");
            // The transport error it becomes keeps the class, and the card layer reads it.
            let t = map_transmit_error(e);
            assert_eq!(t.delivery(), class, "{e:?} → {t:?}");
            assert_eq!(t.may_have_reached_card(), class == S, "{e:?}");
        }
        // The removal pcsc-lite reports before the transfer is its own error: not sent.
        #[cfg(not(any(windows, target_os = "macos")))]
        assert!(matches!(
            map_transmit_error(E::RemovedCard),
            TransportError::CardRemovedBeforeSending
        ));
        // A card that went away while working on the command: it may have acted.
        assert!(matches!(
            map_transmit_error(E::NoSmartcard),
            TransportError::CardRemoved
        ));
    }

    /// The transport's own errors, each with its class.
    #[test]
    fn every_transport_error_has_its_class() {
        use Delivery::{NotSent as N, SentNoAnswer as S};
        let d = Duration::from_secs(1);
        for (e, class) in [
            (TransportError::NoService, N),
            (TransportError::ServiceStopped, N),
            (TransportError::NoReaders, N),
            (
                TransportError::ReaderNotFound {
                    selector: "x".into(),
                    readers: vec![],
                },
                N,
            ),
            (TransportError::AmbiguousReader { readers: vec![] }, N),
            (
                TransportError::NoCard {
                    reader: String::new(),
                },
                N,
            ),
            (TransportError::CardRemoved, S),
            (TransportError::CardRemovedBeforeSending, N),
            (TransportError::CardInUse, N),
            (TransportError::CardWasReset, N),
            (
                TransportError::BadResponse(mynapin_apdu::ResponseError::TooShort(0)),
                S,
            ),
            (TransportError::EndlessResponse, S),
            (
                TransportError::Encode(mynapin_apdu::EncodeError::DataTooLong(70000)),
                N,
            ),
            (TransportError::Timeout(d), S),
            (TransportError::ConnectTimeout(d), N),
            (TransportError::NoCardInTime(d), N),
            (TransportError::Interrupted { signal: 2 }, N),
            (TransportError::Unsupported, N),
            (TransportError::Pcsc(pcsc::Error::NotTransacted), S),
            (TransportError::Pcsc(pcsc::Error::InvalidHandle), N),
        ] {
            assert_eq!(e.delivery(), class, "{e:?}");
        }
    }

    /// The wait loop against a scripted pcscd. (Not on Windows: there the Smart Card service
    /// stops with its last reader, and a wait reconnects to it silently.)
    #[cfg(not(windows))]
    mod restarts {
        use super::*;

        /// A pcscd that answers from a script: each call takes the next step. (The real one is
        /// restarted in `tests/e2e.rs`.)
        struct FakePcscd {
            steps: std::collections::VecDeque<Step>,
            calls: Vec<&'static str>,
        }

        #[derive(Debug)]
        enum Step {
            Connect(Result<(), TransportError>),
            Readers(Result<Vec<ReaderInfo>, TransportError>),
            Change(Result<(), TransportError>),
        }

        impl FakePcscd {
            fn next(&mut self, call: &'static str) -> Step {
                self.calls.push(call);
                self.steps
                    .pop_front()
                    .unwrap_or_else(|| panic!("no step left for {call}: {:?}", self.calls))
            }
        }

        impl Pcscd for FakePcscd {
            fn connect(&mut self) -> Result<(), TransportError> {
                match self.next("connect") {
                    Step::Connect(r) => r,
                    s => panic!("connect, but the script has {s:?}"),
                }
            }
            fn readers(&mut self) -> Result<Vec<ReaderInfo>, TransportError> {
                match self.next("readers") {
                    Step::Readers(r) => r,
                    s => panic!("readers, but the script has {s:?}"),
                }
            }
            fn wait_change(&mut self, _: &[ReaderInfo], _: Duration) -> Result<(), TransportError> {
                match self.next("change") {
                    Step::Change(r) => r,
                    s => panic!("wait_change, but the script has {s:?}"),
                }
            }
        }

        fn reader(card: bool) -> Vec<ReaderInfo> {
            vec![ReaderInfo {
                name: "R".into(),
                card_present: card,
                card_in_use: false,
                atr: vec![],
            }]
        }

        /// pcscd stops during a wait (pcsc-lite then answers `SCARD_F_COMM_ERROR` on the old
        /// context, `SCARD_E_NO_SERVICE` to a new one) and comes back.
        fn restart_script() -> FakePcscd {
            FakePcscd {
                steps: [
                    Step::Connect(Ok(())),
                    Step::Readers(Ok(reader(false))),
                    Step::Change(Err(TransportError::Pcsc(pcsc::Error::CommError))),
                    Step::Connect(Err(TransportError::NoService)),
                    Step::Connect(Err(TransportError::NoService)),
                    Step::Connect(Ok(())),
                    Step::Readers(Ok(reader(false))),
                    Step::Change(Ok(())),
                    Step::Readers(Ok(reader(true))),
                ]
                .into(),
                calls: vec![],
            }
        }

        /// Issue 18, item 6: `watch` survives a pcscd restart and says so once (stopped, back);
        /// a plain wait (`--wait`) ends with "pcscd stopped", not "communication with the reader
        /// failed".
        #[test]
        fn a_pcscd_restart_is_waited_for_by_watch_and_named_by_wait() {
            let stop: crate::transport::StopFlag = Default::default();
            let mut pcscd = restart_script();
            let mut events = Vec::new();
            let mut note = |e| events.push(e);
            let r = wait_loop(
                &mut pcscd,
                &ReaderSelector::Auto,
                WaitFor::Card,
                None,
                &stop,
                Some(&mut note),
            );
            assert_eq!(r.unwrap(), "R");
            assert_eq!(events, [ServiceEvent::Stopped, ServiceEvent::Back]);
            assert!(pcscd.steps.is_empty(), "{:?}", pcscd.calls);

            let mut pcscd = restart_script();
            let r = wait_loop(
                &mut pcscd,
                &ReaderSelector::Auto,
                WaitFor::Card,
                None,
                &stop,
                None,
            );
            assert!(matches!(r, Err(TransportError::ServiceStopped)), "{r:?}");

            // Gone already as a wait of watch begins (it went during the card's read): waited for,
            // said once.
            let mut pcscd = FakePcscd {
                steps: [
                    Step::Connect(Err(TransportError::NoService)),
                    Step::Connect(Ok(())),
                    Step::Readers(Ok(reader(false))),
                ]
                .into(),
                calls: vec![],
            };
            let mut events = Vec::new();
            let mut note = |e| events.push(e);
            let r = wait_loop(
                &mut pcscd,
                &ReaderSelector::Auto,
                WaitFor::Removal,
                None,
                &stop,
                Some(&mut note),
            );
            assert_eq!(r.unwrap(), "R");
            assert_eq!(events, [ServiceEvent::Stopped, ServiceEvent::Back]);
            // Any other error still ends the wait, as it is.
            let mut pcscd = FakePcscd {
                steps: [
                    Step::Connect(Ok(())),
                    Step::Readers(Err(TransportError::Pcsc(pcsc::Error::NoMemory))),
                ]
                .into(),
                calls: vec![],
            };
            let r = wait_loop(
                &mut pcscd,
                &ReaderSelector::Auto,
                WaitFor::Card,
                None,
                &stop,
                Some(&mut |_| {}),
            );
            assert!(
                matches!(r, Err(TransportError::Pcsc(pcsc::Error::NoMemory))),
                "{r:?}"
            );
        }
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

    /// What the kernel holds at `bytes`' address now (read as the wipe writes: through
    /// `/proc/self/mem`, so nothing the compiler knows about the buffer stands in for it).
    #[cfg(target_os = "linux")]
    fn in_memory(bytes: &[u8]) -> Vec<u8> {
        use std::io::{Read, Seek, SeekFrom};
        let mut mem = std::fs::File::open("/proc/self/mem").unwrap();
        mem.seek(SeekFrom::Start(bytes.as_ptr() as u64)).unwrap();
        let mut out = vec![0xAA; bytes.len()];
        mem.read_exact(&mut out).unwrap();
        out
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_command_given_up_on_is_wiped_and_one_not_yet_taken_is_never_sent() {
        let verify = [0x00, 0x20, 0x00, 0x80, 0x04, b'7', b'2', b'9', b'5'];
        // Given up on before the worker took it: never sent, and wiped.
        let caller = Outgoing::new(Zeroizing::new(verify.to_vec()));
        let worker = caller.share();
        assert_eq!(in_memory(&caller.bytes), verify);
        caller.wipe();
        assert!(!worker.take(), "sent after the caller gave up");
        assert_eq!(in_memory(&worker.bytes), [0; 9]);
        // Taken by the worker (inside SCardTransmit, which never returns), then given up on:
        // wiped under the worker's borrow.
        let caller = Outgoing::new(Zeroizing::new(verify.to_vec()));
        let worker = caller.share();
        assert!(worker.take());
        caller.wipe();
        assert_eq!(in_memory(&worker.bytes), [0; 9]);
    }

    /// Issue 18, items 3 and 5, without pcscd: the worker takes a VERIFY and never answers
    /// (a mute card); a signal comes once it has it. The wait ends STOP_GRACE later — not at
    /// the 60 s limit — as a stop by the signal, nothing more is sent, and the copy the
    /// worker still holds is wiped.
    #[test]
    fn a_signal_ends_the_wait_for_a_mute_card_after_the_grace_and_wipes_the_command() {
        let (jobs, job_rx) = mpsc::channel();
        let (_answer_tx, answers) = mpsc::channel();
        let stop: super::super::StopFlag = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let mut session = Session {
            jobs,
            answers,
            reader: "mute".into(),
            caps: Capabilities::default(),
            limit: Duration::from_secs(60),
            stuck: false,
            stop: None,
        };
        session.watch_stop(&stop);
        let flag = Arc::clone(&stop);
        let worker = std::thread::spawn(move || {
            let job = job_rx.recv().unwrap();
            let Job::Transmit(outgoing) = job else {
                panic!("not a command")
            };
            assert!(outgoing.take());
            flag.store(2, Ordering::SeqCst);
            (outgoing, job_rx)
        });
        let verify =
            Command::parse(&[0x00, 0x20, 0x00, 0x80, 0x04, b'7', b'2', b'9', b'5']).unwrap();
        let t0 = Instant::now();
        let result = session.transmit_raw(&verify);
        let took = t0.elapsed();
        assert!(
            matches!(result, Err(TransportError::Abandoned { signal: 2, grace }) if grace == STOP_GRACE),
            "{result:?}"
        );
        assert!(
            took >= STOP_GRACE && took < Duration::from_secs(10),
            "{took:?}"
        );
        let (held, job_rx) = worker.join().unwrap();
        #[cfg(target_os = "linux")]
        assert_eq!(
            in_memory(&held.bytes),
            [0; 9],
            "the worker's copy was not wiped"
        );
        drop(held);
        // Nothing more is sent.
        assert!(matches!(
            session.transmit_raw(&verify),
            Err(TransportError::Timeout(_))
        ));
        assert!(
            job_rx.try_recv().is_err(),
            "a command was sent after the stop"
        );
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
