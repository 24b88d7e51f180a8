//! The card's own thread: it watches for the card (as `mynapin watch` does), reads the status
//! when one is placed, and runs the one operation the holder asked for. The window never waits
//! for the card; it is told what happened ([`Update`]) and repaints.
//!
//! Every PIN a change needs reaches this thread inside its [`ChangeJob`], already entered and
//! checked by the window: the session runs with a non-interactive source, so every entry is
//! validated before the first command (rule 1), and the last-try question was answered on its
//! own screen before the job was sent. The entries are moved (never copied) into the session
//! and wiped when it drops them.

use crate::port::CardPort;
use mynapin_core::card::cert::Date;
use mynapin_core::card::session::{
    self, EntryError, Event as SessionEvent, Options, PinRequest, PinSource, Report, Role,
};
use mynapin_core::card::status::CardStatus;
use mynapin_core::card::{CardError, Counter};
use mynapin_core::layout::{KeyRef, PinId};
use mynapin_core::transport::pcsc::WaitFor;
use mynapin_core::transport::{StopFlag, TransportError};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::Arc;
use std::time::Duration;
use zeroize::Zeroizing;

/// How long one wait for a card (or for its removal) lasts before the thread looks for a job:
/// the most a click waits while a reader is watched.
const SLICE: Duration = Duration::from_millis(250);
/// How soon the PC/SC service is asked again after it failed (not running, no reader).
const RETRY: Duration = Duration::from_secs(1);

/// What the window asks of the card's thread.
pub enum Job {
    /// Read the status again (the card stays where it is).
    ReadStatus,
    /// Change PINs to one new value.
    Change(ChangeJob),
    /// Use this reader from now on (`None`: whichever holds the card), chosen by the holder
    /// when there are several.
    UseReader(Option<String>),
    /// Put this card port in place of the current one (the simulated card of a debug build's
    /// hidden menu).
    Port(Box<dyn CardPort>),
}

/// A change, with every entry it needs.
pub struct ChangeJob {
    /// The PINs to change (the three 4-digit ones may share one new value).
    pub pins: Vec<PinId>,
    /// The current value of each PIN (empty on a PIN-pad reader: typed there).
    pub current: Vec<(PinId, Zeroizing<String>)>,
    /// The new value and its confirmation (`None` on a PIN-pad reader).
    pub new: Option<(Zeroizing<String>, Zeroizing<String>)>,
    /// The holder allowed the last try (or a count the card does not report) on the screen
    /// that asked.
    pub allow_last_try: bool,
}

/// A status read, with what the app needs to know about the reader.
#[derive(Debug, Clone)]
pub struct Read {
    /// What the card said.
    pub status: CardStatus,
    /// A change of the 4-digit PINs is typed on the reader's PIN pad.
    pub pad: bool,
    /// The day the certificate's expiry was judged against.
    pub today: Date,
}

/// What the card's thread tells the window.
#[derive(Debug)]
pub enum Update {
    /// No card in any reader: the holder should place it.
    NoCard,
    /// The PC/SC service or the readers cannot be used (asked again every second).
    Problem(TransportError),
    /// A card was placed in this reader (untrusted name); its status is being read.
    Reading(String),
    /// The status read.
    Status(Result<Read, CardError>),
    /// The card was taken out.
    Removed,
    /// The readers there are, when there is more than one (names as PC/SC gives them).
    Readers(Vec<String>),
    /// A change is under way: what the session says.
    Progress(SessionEvent),
    /// The change ended (or could not reach the card).
    Changed(Result<Report, CardError>),
}

/// The window's end of the card's thread.
pub struct Worker {
    jobs: Sender<Job>,
    updates: Receiver<Update>,
    stop: StopFlag,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Worker {
    /// Starts the thread on `port`; `wake` is called after every update (the window's
    /// repaint request).
    pub fn start(port: Box<dyn CardPort>, wake: Arc<dyn Fn() + Send + Sync>) -> Worker {
        let (jobs, job_rx) = mpsc::channel();
        let (tx, updates) = mpsc::channel();
        let stop = StopFlag::default();
        let thread_stop = stop.clone();
        let thread = std::thread::Builder::new()
            .name("card".into())
            .spawn(move || {
                let tell = Tell { tx, wake };
                run(port, job_rx, &tell, &thread_stop);
            })
            .expect("a thread can be started");
        Worker {
            jobs,
            updates,
            stop,
            thread: Some(thread),
        }
    }

    /// Hands a job to the thread.
    pub fn send(&self, job: Job) {
        // A thread that ended has said why (its last update); the job is dropped, and with it
        // any entry it held, wiped.
        let _ = self.jobs.send(job);
    }

    /// The next update, if one is waiting.
    pub fn try_next(&self) -> Option<Update> {
        self.updates.try_recv().ok()
    }

    /// Waits up to `limit` for the next update (tests wait on the card's thread with this,
    /// never with a sleep).
    pub fn next_within(&self, limit: Duration) -> Option<Update> {
        self.updates.recv_timeout(limit).ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Ends a wait for a card at once and refuses any further command; an exchange under
        // way ends with its own answer (the core never leaves a command half-sent).
        self.stop.store(15, std::sync::atomic::Ordering::SeqCst);
        let (dead, _) = mpsc::channel();
        self.jobs = dead;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Tell {
    tx: Sender<Update>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Tell {
    fn say(&self, u: Update) {
        let _ = self.tx.send(u);
        (self.wake)();
    }
}

fn stopped(stop: &StopFlag) -> bool {
    stop.load(std::sync::atomic::Ordering::SeqCst) != 0
}

fn run(mut port: Box<dyn CardPort>, jobs: Receiver<Job>, tell: &Tell, stop: &StopFlag) {
    let mut present: Option<String> = None;
    // What was last said about an absent card, so that a wait repeated every slice is said
    // once.
    let mut absent_said: Option<String> = None;
    present = hold(port.as_mut(), tell, stop).or(present);
    loop {
        if stopped(stop) {
            return;
        }
        let job = if port.live() {
            match jobs.try_recv() {
                Ok(j) => Some(j),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match jobs.recv() {
                Ok(j) => Some(j),
                Err(_) => return,
            }
        };
        if let Some(job) = job {
            match job {
                Job::ReadStatus => read_status(port.as_mut(), present.as_deref(), tell, stop),
                Job::Change(c) => change(port.as_mut(), present.as_deref(), c, tell, stop),
                Job::UseReader(r) => {
                    port.select(r);
                    present = None;
                    absent_said = None;
                    tell.say(Update::Removed);
                }
                Job::Port(p) => {
                    port = p;
                    absent_said = None;
                    tell.say(Update::Removed);
                    present = hold(port.as_mut(), tell, stop);
                }
            }
            continue;
        }
        match &present {
            None => match port.wait(WaitFor::Card, None, SLICE, stop) {
                Ok(Some(r)) => {
                    absent_said = None;
                    tell.say(Update::Reading(r.clone()));
                    read_status(port.as_mut(), Some(&r), tell, stop);
                    present = Some(r);
                }
                Ok(None) => {
                    if absent_said.as_deref() != Some("no card") {
                        absent_said = Some("no card".into());
                        tell.say(Update::NoCard);
                        // With several readers, the holder may pick one.
                        if let Ok(names) = port.readers() {
                            if names.len() > 1 {
                                tell.say(Update::Readers(names));
                            }
                        }
                    }
                }
                Err(TransportError::Interrupted { .. }) => return,
                Err(e) => {
                    let key = format!("{e:?}");
                    if absent_said.as_ref() != Some(&key) {
                        absent_said = Some(key);
                        tell.say(Update::Problem(e));
                    }
                    match jobs.recv_timeout(RETRY) {
                        Ok(Job::ReadStatus) | Err(RecvTimeoutError::Timeout) => {}
                        // No card, no change: its entries are dropped (wiped) unsent.
                        Ok(Job::Change(_)) => {}
                        Ok(Job::UseReader(r)) => port.select(r),
                        Ok(Job::Port(p)) => {
                            port = p;
                            absent_said = None;
                            present = hold(port.as_mut(), tell, stop);
                        }
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
            },
            Some(r) => match port.wait(WaitFor::Removal, Some(r), SLICE, stop) {
                Ok(Some(_)) => {
                    present = None;
                    tell.say(Update::Removed);
                }
                Ok(None) => {}
                Err(TransportError::Interrupted { .. }) => return,
                // The reader went away with the card, or pcscd stopped: the card is gone
                // for us; the next wait says why if it lasts.
                Err(_) => {
                    present = None;
                    tell.say(Update::Removed);
                }
            },
        }
    }
}

/// A port that is not watched holds its card from the start: its status is read at once.
fn hold(port: &mut dyn CardPort, tell: &Tell, stop: &StopFlag) -> Option<String> {
    if port.live() {
        return None;
    }
    let r = port.wait(WaitFor::Card, None, SLICE, stop).ok().flatten()?;
    tell.say(Update::Reading(r.clone()));
    read_status(port, Some(&r), tell, stop);
    Some(r)
}

fn read_status(port: &mut dyn CardPort, reader: Option<&str>, tell: &Tell, stop: &StopFlag) {
    let today = Date::today();
    let mut got: Option<Result<Read, CardError>> = None;
    let reached = port.with_card(reader, stop, &|_| {}, &mut |card| {
        got = Some(card.read_status(true, today).map(|status| Read {
            pad: session::uses_pin_pad(
                card,
                &Options::default(),
                &[PinId::Auth, PinId::Kenhojo, PinId::Juki],
                true,
            ),
            status,
            today,
        }));
    });
    let result = match (reached, got) {
        (Err(e), _) => Err(e),
        (Ok(()), Some(r)) => r,
        (Ok(()), None) => unreachable!("the operation runs when the card was reached"),
    };
    tell.say(Update::Status(result));
}

fn change(
    port: &mut dyn CardPort,
    reader: Option<&str>,
    job: ChangeJob,
    tell: &Tell,
    stop: &StopFlag,
) {
    let opts = Options {
        allow_last_try: job.allow_last_try,
        ..Options::default()
    };
    let pins = job.pins.clone();
    let mut src = Prepared {
        job,
        tell,
        asked: 0,
    };
    let mut report = None;
    let reached = port.with_card(reader, stop, &|_| {}, &mut |card| {
        report = Some(session::change(card, &pins, opts, &mut src));
    });
    // Whatever happened, the entries go now (the session has dropped those it took).
    drop(src);
    let result = match (reached, report) {
        (Err(e), _) => Err(e),
        (Ok(()), Some(r)) => Ok(r),
        (Ok(()), None) => unreachable!("the operation runs when the card was reached"),
    };
    tell.say(Update::Changed(result));
}

/// The entries of one change, handed to the session as it asks (each moved out, once).
struct Prepared<'t> {
    job: ChangeJob,
    tell: &'t Tell,
    asked: usize,
}

impl PinSource for Prepared<'_> {
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
        self.asked += 1;
        let ended = EntryError::Ended {
            got: self.asked - 1,
            expected: req.entries_total,
        };
        match req.role {
            Role::Current => {
                let i = self
                    .job
                    .current
                    .iter()
                    .position(|(p, _)| req.pins.contains(p))
                    .ok_or(ended)?;
                Ok(self.job.current.swap_remove(i).1)
            }
            Role::New => match self.job.new.as_mut() {
                Some((new, _)) => Ok(std::mem::take(new)),
                None => Err(ended),
            },
            Role::Confirm => match self.job.new.take() {
                Some((_, confirm)) => Ok(confirm),
                None => Err(ended),
            },
        }
    }

    fn interactive(&self) -> bool {
        false
    }

    fn confirm_last_try(&mut self, _: PinId, _: KeyRef, _: Counter) -> Result<bool, EntryError> {
        // Asked on its own screen before the job was sent (its default: stop).
        Ok(self.job.allow_last_try)
    }

    fn event(&mut self, event: SessionEvent) {
        self.tell.say(Update::Progress(event));
    }
}
