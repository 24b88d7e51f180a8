//! A verify or a change from start to finish, in the safety order; front ends only answer
//! the PIN requests and word the typed outcome.
//!
//! The order (card facts §3–§4; every step in one transport session):
//! 1. read the counter of every key reference involved;
//! 2. the guards: a blocked PIN, an absent reference, the last try (unless allowed, then the
//!    front end may confirm), a count the card did not report or cannot mean — each stops
//!    before any PIN is asked for;
//! 3. ask for the current PIN(s) and validate them locally (nothing is sent for a malformed
//!    entry);
//! 4. VERIFY every current PIN — the counter is read again right before each VERIFY — before
//!    anything is changed (a wrong one stops everything with nothing changed; never retried);
//! 5. only then ask for the new PIN and its confirmation (a mismatch asks again, up to
//!    [`Options::confirm_attempts`] times on a terminal, without touching the card);
//!    from a non-interactive source ([`PinSource::interactive`] false: every line is there
//!    already) step 5 comes right after step 3, before step 4: every entry is read and checked
//!    (format, confirmation, new ≠ current) before the first VERIFY, so input that can never
//!    complete the change spends no try;
//! 6. per reference: VERIFY again if another DF was selected since, then the change command
//!    (CHANGE REFERENCE DATA, or CHANGE KEY for juki), never resent;
//! 7. read the counters back.
//!
//! The outcome is typed, per reference ([`RefReport`]): whether its VERIFY was sent and what
//! it answered, and whether it was changed, certainly not changed, or may have been changed.
//!
//! How a PIN is obtained is the caller's ([`PinSource`]): typed at the host, or — for the three
//! 4-digit PINs on a reader with a PIN pad ([`PadPolicy`]) — typed on the reader's keypad: the
//! session then never calls [`PinSource::ask`]; it announces each keypad entry with
//! [`Event::TypeOnReader`] and sends a PC/SC part 10 structure (`VERIFY_PIN_DIRECT` with the
//! VERIFY template, `MODIFY_PIN_DIRECT` with CHANGE REFERENCE DATA or CHANGE KEY), so the host
//! never holds the PIN. The order is the same; every keypad VERIFY is preceded by its counter
//! read and guard. Because the current PIN cannot be kept between two keypad entries, a PIN-pad
//! change verifies every reference first (in reverse order, so that the first to be changed
//! is the one verified last), then per reference: VERIFY again unless it was the last one
//! verified, then the modify (new PIN typed twice, compared by the reader). The number of
//! entries is announced before the first ([`Event::PinPadPlan`]): `n` for a verify, `4n − 1`
//! for a change of `n` references.

use super::{
    guard_counter, CardError, Counter, Lost, MyNumberCard, NotChanged, Pin, PinError, RefChange,
};
use crate::card::{change_outcome, Normalized, Step, Weakness};
use crate::layout::{KeyRef, PinFormat, PinId};
use crate::outcome::Class;
use crate::outcome::{Outcome, OutcomeKind};
use crate::transport::TransportError;
use mynapin_apdu::part10::{
    EntryOptions, PinCommand, PinModifyStructure, PinPadOutcome, PinVerifyStructure, LANG_JAPANESE,
};
use zeroize::Zeroizing;

/// What an entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The PIN the card holds now.
    Current,
    /// The new PIN.
    New,
    /// The new PIN again.
    Confirm,
}

/// One PIN entry the session needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinRequest {
    /// The PINs this entry is used for (several with one shared current PIN, or one new value
    /// for several PINs).
    pub pins: Vec<PinId>,
    /// What it is for.
    pub role: Role,
    /// The format it must have.
    pub format: PinFormat,
    /// For a current PIN: the lowest count of the references it will be tried on.
    pub tries_left: Option<u8>,
    /// 1 for the first new/confirm pair, 2 after a mismatch…
    pub attempt: u8,
    /// This entry's number (1-based) and how many entries the whole operation needs when
    /// nothing is asked twice — for "expected 3 lines, got 2".
    pub entry_no: usize,
    /// See `entry_no`.
    pub entries_total: usize,
    /// This operation only checks the PIN (verify), it changes nothing.
    pub verify_only: bool,
}

/// Why a PIN source gave no entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// Ctrl-C or SIGTERM at the prompt, or Ctrl-D at a terminal prompt (`signal` 0).
    #[error("cancelled by signal {signal}")]
    Cancelled {
        /// The signal (0: Ctrl-D at a terminal, no signal; it ends as Ctrl-C does).
        signal: i32,
    },
    /// The input ended (Ctrl-D, or fewer lines than needed); `got` entries were read of the
    /// `expected` the operation needs.
    #[error("the input ended after {got} of {expected} entries")]
    Ended {
        /// Entries read before the end.
        got: usize,
        /// Entries the operation needs.
        expected: usize,
    },
    /// An entry longer than any PIN (an endless line: `/dev/zero`).
    #[error("an entry is longer than {max} bytes")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// No entry came within the time limit.
    #[error("no entry within {secs} s")]
    TimedOut {
        /// The limit.
        secs: u64,
    },
    /// The source cannot be read.
    #[error("{0}")]
    Unreadable(String),
}

/// Where PINs come from, and who is told what happens.
pub trait PinSource {
    /// One entry, as typed (the session normalizes and validates it).
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError>;
    /// True when a person answers (a terminal): a mismatched confirmation is asked again.
    fn interactive(&self) -> bool;
    /// The next VERIFY of `r` may use its last try (or its count is unknown) and the user
    /// allowed that: confirm once more? Only asked when [`Options::allow_last_try`] is set.
    fn confirm_last_try(
        &mut self,
        pin: PinId,
        r: KeyRef,
        counter: Counter,
    ) -> Result<bool, EntryError>;
    /// Something the user may want to know (normalized input, a mismatch, progress).
    fn event(&mut self, _event: Event) {}
}

/// Progress and notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The entry for `role` was normalized (full-width to ASCII, upper-cased).
    Normalized(Role, Normalized),
    /// An entry typed at a terminal is not a valid PIN: nothing was sent for it, and it is
    /// asked again (`attempt` of `of` entries).
    InvalidEntry {
        /// The PIN.
        pin: PinId,
        /// Which entry.
        role: Role,
        /// Why it is not valid.
        err: PinError,
        /// The entry about to be asked for (2 for the first time again).
        attempt: u8,
        /// How many are taken.
        of: u8,
    },
    /// The new PIN just typed is easy to guess (a warning; nothing is refused). At a terminal
    /// it comes before its confirmation is asked for: nothing has been changed yet.
    EasyToGuess(Weakness),
    /// Every current PIN was accepted by the card.
    CurrentAccepted,
    /// The two entries of the new PIN differ; it will be asked again (`attempt` of `of`).
    ConfirmationMismatch {
        /// The attempt that failed.
        attempt: u8,
        /// How many are allowed.
        of: u8,
    },
    /// The change command for `r` is about to be sent.
    Changing(KeyRef),
    /// The PINs will be typed on the reader's keypad: `entries` entries in all (announced once,
    /// before the first; a wrong PIN typed on the keypad uses a try, as at the keyboard).
    PinPadPlan {
        /// Keypad entries the whole operation needs when nothing fails.
        entries: usize,
        /// This operation only checks the PIN.
        verify_only: bool,
    },
    /// The holder must type now on the reader's keypad; the control call follows this event
    /// and waits for the keypad.
    TypeOnReader {
        /// The PIN.
        pin: PinId,
        /// The reference the entry goes to.
        r: KeyRef,
        /// `Current` (a VERIFY: one entry) or `New` (a change: the new PIN, then again).
        role: Role,
        /// Keypad entries this step takes (1 or 2).
        entries: u8,
        /// The number (1-based) of this step's first entry in the whole operation.
        entry_no: usize,
        /// Entries in the whole operation.
        entries_total: usize,
        /// For a VERIFY: tries left as the counter read right before said.
        tries_left: Option<u8>,
    },
    /// The two references of the juki PIN report different counts (the lower one counts).
    CopiesDisagree {
        /// The first copy's counter (Juki AP).
        first: Counter,
        /// The second copy's counter (common DF).
        second: Counter,
    },
}

/// Whether the 4-digit PINs are typed on the reader's PIN pad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PadPolicy {
    /// On the pad when the reader has one (verify and, for a change, modify), else at the host.
    #[default]
    Auto,
    /// On the pad; a reader without one, or the signature password, is refused before
    /// anything is sent.
    Always,
    /// At the host, even on a reader with a pad.
    Never,
}

/// Choices for one operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The last remaining try (or a try whose count the card does not report) may be used.
    pub allow_last_try: bool,
    /// Several PINs share one current value: ask for it once.
    pub same_current: bool,
    /// Only this one of the PIN's references (to finish a juki change that stopped half-way).
    pub only: Option<KeyRef>,
    /// How many times a mismatched confirmation is asked again on a terminal (3).
    pub confirm_attempts: u8,
    /// How many entries of one current or new PIN are taken on a terminal when they are
    /// malformed (3); nothing is sent for a malformed one.
    pub entry_attempts: u8,
    /// PIN pad or host entry for the 4-digit PINs.
    pub pinpad: PadPolicy,
    /// `wLangId` of the messages a PIN pad with a display shows (part 10).
    pub pad_lang: u16,
    /// `bTimerOut` for a keypad entry, seconds (0: the reader's default).
    pub pad_timeout: u8,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            allow_last_try: false,
            same_current: false,
            only: None,
            confirm_attempts: 3,
            entry_attempts: 3,
            pinpad: PadPolicy::Auto,
            pad_lang: LANG_JAPANESE,
            pad_timeout: 30,
        }
    }
}

/// Why an operation stopped before its end.
#[derive(Debug, thiserror::Error)]
pub enum Stop {
    /// The card layer refused or the card answered so (see the reference reports for what
    /// was sent).
    #[error(transparent)]
    Card(#[from] CardError),
    /// No entry was given.
    #[error(transparent)]
    Entry(EntryError),
    /// An entry is not a valid PIN: nothing was sent for it.
    #[error("invalid {role:?} entry for {}", pin.id())]
    InvalidPin {
        /// The PIN.
        pin: PinId,
        /// Which entry.
        role: Role,
        /// Why.
        err: PinError,
    },
    /// The new PIN and its confirmation differ (after `attempts` tries).
    #[error("the confirmation differs")]
    ConfirmationMismatch {
        /// Pairs typed.
        attempts: u8,
    },
    /// The new PIN equals the current one.
    #[error("the new PIN equals the current one")]
    SameAsCurrent(PinId),
    /// PINs of different formats cannot share one new value (the signature password).
    #[error("PINs of different formats")]
    MixedFormats,
    /// `only` is not a reference of the one PIN asked for (it picks one place of a PIN kept in
    /// several).
    #[error("the reference is not one of these PINs")]
    NoSuchReference(KeyRef),
    /// The user did not confirm the last try.
    #[error("the last try was not confirmed")]
    Declined,
    /// The PIN-pad reader answered on its own (timeout, cancel, entries differ, wrong length,
    /// structure rejected): nothing reached the card for this step, no try was spent, and
    /// nothing was changed by it.
    #[error("the PIN pad answered {answer:?} for {}", r.id())]
    PinPad {
        /// The reference the entry was for.
        r: KeyRef,
        /// A VERIFY (current PIN) or a change (new PIN).
        role: Role,
        /// What the reader said.
        answer: PadAnswer,
    },
    /// `--pinpad always`, but the reader has no PIN pad that can take these PINs: nothing was
    /// sent.
    #[error("the reader has no usable PIN pad")]
    NoPinPad,
    /// `--pinpad always` for a PIN a numeric pad cannot type (the signature password).
    #[error("{} cannot be typed on a PIN pad", .0.id())]
    PadNotForPin(PinId),
}

/// The PIN-pad reader's own answers (PC/SC part 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadAnswer {
    /// `64 00`: nothing typed in time.
    Timeout,
    /// `64 01`: Cancel pressed.
    Cancelled,
    /// `64 02`: the new PIN and its confirmation differ.
    EntriesDiffer,
    /// `64 03`: too few or too many digits.
    WrongLength,
    /// `6B 80`: the reader rejected the structure.
    Rejected,
}

impl PadAnswer {
    fn of(o: &PinPadOutcome) -> Option<PadAnswer> {
        Some(match o {
            PinPadOutcome::Timeout => PadAnswer::Timeout,
            PinPadOutcome::Cancelled => PadAnswer::Cancelled,
            PinPadOutcome::EntriesDiffer => PadAnswer::EntriesDiffer,
            PinPadOutcome::WrongLength => PadAnswer::WrongLength,
            PinPadOutcome::BlockRejected => PadAnswer::Rejected,
            PinPadOutcome::Card(_) => return None,
        })
    }
}

impl Stop {
    /// The signal that interrupted the operation, if one did: at a prompt, before a command,
    /// or while the card had not answered one (then the reference's outcome is unknown).
    pub fn signal(&self) -> Option<i32> {
        match self {
            Stop::Entry(EntryError::Cancelled { signal })
            | Stop::Card(CardError::Transport(
                TransportError::Interrupted { signal } | TransportError::Abandoned { signal, .. },
            ))
            | Stop::Card(CardError::VerifyUnknown {
                cause: Lost::Transport(TransportError::Abandoned { signal, .. }),
                ..
            }) => Some(*signal),
            _ => None,
        }
    }
}

/// What the VERIFY of a reference came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// No VERIFY was sent: no try spent.
    NotSent,
    /// The card accepted the PIN: its counter is back at its maximum.
    Correct,
    /// The card refused the PIN: one try spent; tries left as reported.
    Wrong {
        /// Tries left after this one (`None`: not reported).
        tries_left: Option<u8>,
    },
    /// A VERIFY was sent and no usable answer came: a try may have been spent.
    Unknown,
}

/// One key reference's story in an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefReport {
    /// The PIN it belongs to.
    pub pin: PinId,
    /// The reference.
    pub r: KeyRef,
    /// Its counter before anything was sent (`None`: not read).
    pub before: Option<Counter>,
    /// Its last VERIFY.
    pub checked: Checked,
    /// For a change: what became of it (for a verify: always not sent).
    pub change: RefChange,
    /// Its counter read back at the end (`None`: not read).
    pub after: Option<Counter>,
}

impl RefReport {
    /// What the reference's counter is known to be now: as read back at the end; else, after
    /// a wrong VERIFY, the count the card gave with its refusal (0 is blocked); else as read
    /// before anything was sent. `None`: not known.
    pub fn counter(&self) -> Option<Counter> {
        self.after.or(match self.checked {
            Checked::Wrong { tries_left } => tries_left.map(|n| {
                if n == 0 {
                    Counter::Blocked
                } else {
                    Counter::Left(n)
                }
            }),
            _ => self.before,
        })
    }
}

/// What was sent to the card before an operation stopped ([`Report::sent`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// At most the counter queries, which spend no try: nothing was checked or changed.
    CountersOnly,
    /// The current value of these PINs was checked on the card and is correct (their counters
    /// are back at the maximum); nothing else was sent but the counter queries.
    Verified(Vec<PinId>),
    /// More: a VERIFY the card refused or did not answer (a try spent, or maybe spent), or a
    /// change command. What each reference cost and holds is in [`Report::refs`]; `verified`
    /// are the PINs whose current value the card accepted.
    More {
        /// The PINs checked and correct.
        verified: Vec<PinId>,
    },
}

/// One thing to do after an operation, as a value: each front end words it its own way (the
/// command line with its commands and flags, an app with its buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// The reference `r` of `pin` certainly still holds the old value: change it again, with
    /// the old value as the current one and the new value as the new one (a PIN kept in
    /// several places is finished for this place alone).
    FinishChange {
        /// The PIN.
        pin: PinId,
        /// The reference that still holds the old value.
        r: KeyRef,
    },
    /// The reference `r` of `pin` holds either the old or the new value and nothing shows
    /// which: its counter can be read for free; verifying it with one value costs a try if it
    /// holds the other.
    FindOutWhichValue {
        /// The PIN.
        pin: PinId,
        /// The reference whose value is unknown.
        r: KeyRef,
    },
    /// Read the counters before anything else (free: no try is spent): a try may have been
    /// spent, or the card did not say how many are left.
    ReadStatus,
    /// The PIN is blocked: see its reset guide.
    SeeGuide(PinId),
}

/// The outcome of a verify or change.
#[derive(Debug, Default)]
pub struct Report {
    /// Every reference involved, in the order worked on.
    pub refs: Vec<RefReport>,
    /// Why it stopped early, if it did.
    pub stop: Option<Stop>,
}

/// The overall result of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeResult {
    /// Every reference holds the new PIN.
    Changed,
    /// No reference was changed.
    NotChanged,
    /// Some were changed, the others certainly not.
    Partial,
    /// At least one reference may or may not have been changed.
    Unknown,
}

impl Report {
    /// The overall result of a change.
    pub fn change_result(&self) -> ChangeResult {
        let changed = self
            .refs
            .iter()
            .filter(|r| r.change == RefChange::Changed)
            .count();
        if self
            .refs
            .iter()
            .any(|r| matches!(r.change, RefChange::Unknown(_)))
        {
            ChangeResult::Unknown
        } else if changed == self.refs.len() && self.stop.is_none() {
            ChangeResult::Changed
        } else if changed > 0 {
            ChangeResult::Partial
        } else {
            ChangeResult::NotChanged
        }
    }

    /// The class of a change's outcome: a success only when every reference holds the new
    /// value; a stop by a signal stays that; a change that stopped half-way, or whose result
    /// is unknown, is a failure whatever stopped it; else the stop's own class.
    pub fn change_class(&self) -> Class {
        let stop = self.stop.as_ref().map(Stop::outcome);
        match (stop, self.change_result()) {
            (None, ChangeResult::Changed) => Class::Success,
            (Some(o), _) if matches!(o.class, Class::Interrupted { .. }) => o.class,
            (_, ChangeResult::Partial | ChangeResult::Unknown) => Class::Failure,
            (Some(o), _) => o.class,
            (None, _) => Class::Failure,
        }
    }

    /// True when a VERIFY may have spent a try without the card saying so.
    pub fn try_maybe_spent(&self) -> bool {
        self.refs.iter().any(|r| r.checked == Checked::Unknown)
    }

    /// What was sent to the card before the operation stopped, for the line that says what
    /// is known: at most the counter queries (which spend no try), VERIFYs the card accepted,
    /// or more (a VERIFY refused or not answered, a change command). Computed once here so
    /// that every front end says the same.
    pub fn sent(&self) -> Sent {
        let mut verified: Vec<PinId> = Vec::new();
        for r in self.refs.iter().filter(|r| r.checked == Checked::Correct) {
            if !verified.contains(&r.pin) {
                verified.push(r.pin);
            }
        }
        let more = self.refs.iter().any(|r| {
            matches!(r.checked, Checked::Wrong { .. } | Checked::Unknown)
                || r.change != RefChange::NotChanged(NotChanged::NotSent)
        });
        match (more, verified.is_empty()) {
            (true, _) => Sent::More { verified },
            (false, true) => Sent::CountersOnly,
            (false, false) => Sent::Verified(verified),
        }
    }

    /// What to do next, as typed values a front end words itself, in the order worked on:
    /// after a change that stopped half-way (some references changed, or one whose change is
    /// unknown), per reference how to finish it or find out which value it holds; a PIN found
    /// or left blocked, its reset guide; a VERIFY whose answer was lost or that did not say
    /// the count, a status read (it spends no try) before anything else.
    pub fn next_steps(&self) -> Vec<NextStep> {
        let mut out = Vec::new();
        if matches!(
            self.change_result(),
            ChangeResult::Partial | ChangeResult::Unknown
        ) {
            for r in &self.refs {
                match r.change {
                    RefChange::NotChanged(_) => {
                        out.push(NextStep::FinishChange { pin: r.pin, r: r.r })
                    }
                    // The card holds one of two values: no guess is presented as safe.
                    RefChange::Unknown(_) => {
                        out.push(NextStep::FindOutWhichValue { pin: r.pin, r: r.r })
                    }
                    RefChange::Changed => {}
                }
            }
        }
        let unknown_count = self.refs.iter().any(|r| {
            matches!(
                r.checked,
                Checked::Unknown | Checked::Wrong { tries_left: None }
            )
        });
        if unknown_count
            && !out
                .iter()
                .any(|s| matches!(s, NextStep::FindOutWhichValue { .. }))
        {
            out.push(NextStep::ReadStatus);
        }
        let blocked = match &self.stop {
            Some(Stop::Card(
                CardError::Blocked(r)
                | CardError::BlockedOnVerify(r, _)
                | CardError::WrongPin {
                    r,
                    tries_left: Some(0),
                },
            )) => Some(r.pin().unwrap_or(PinId::Kenhojo)),
            _ => None,
        };
        out.extend(blocked.map(NextStep::SeeGuide));
        out
    }

    fn set_checked(&mut self, r: KeyRef, c: Checked) {
        if let Some(x) = self.refs.iter_mut().find(|x| x.r == r) {
            x.checked = c;
        }
    }

    fn set_change(&mut self, r: KeyRef, c: RefChange) {
        if let Some(x) = self.refs.iter_mut().find(|x| x.r == r) {
            x.change = c;
        }
    }
}

struct Run<'c, 't, 's> {
    card: &'c mut MyNumberCard<'t>,
    src: &'s mut dyn PinSource,
    opts: Options,
    report: Report,
    entry_no: usize,
    entries_total: usize,
    verify_only: bool,
    pad: Option<Pad>,
}

/// The reader's PIN pad as this operation uses it.
#[derive(Debug, Clone, Copy)]
struct Pad {
    verify: u32,
    modify: Option<u32>,
    entry: EntryOptions,
}

/// Whether this operation types its PINs on the reader's pad, per the policy and what the
/// reader announced. Decided before anything is sent.
fn choose_pad(
    card: &MyNumberCard<'_>,
    opts: &Options,
    pins: &[PinId],
    change: bool,
) -> Result<Option<Pad>, Stop> {
    if opts.pinpad == PadPolicy::Never {
        return Ok(None);
    }
    // A PIN a numeric pad cannot type is typed at the computer (with `Always`, [`check`]
    // has refused it already).
    if pins.iter().any(|p| p.format() != PinFormat::FourDigits) {
        return Ok(None);
    }
    let caps = card.t.capabilities();
    let pad =
        caps.pin_pad
            .filter(|p| p.accepts_length(4))
            .and_then(|p| match (p.verify, p.modify) {
                (Some(v), m) if !change || m.is_some() => Some(Pad {
                    verify: v,
                    modify: m,
                    entry: EntryOptions {
                        timeout: opts.pad_timeout,
                        timeout2: opts.pad_timeout,
                        display: p.display,
                        lang_id: opts.pad_lang,
                    },
                }),
                _ => None,
            });
    match (pad, opts.pinpad) {
        (None, PadPolicy::Always) => Err(Stop::NoPinPad),
        (pad, _) => Ok(pad),
    }
}

/// Whether an operation on `pins` with `opts` would have the PINs typed on the reader's PIN
/// pad (`change`: a change, which also needs the pad's modify function), as [`verify`] and
/// [`change`] decide it before anything is sent. An app asks this before it shows a keypad of
/// its own: on a reader with a pad, the host never holds the PIN. A request the pad policy
/// refuses (see [`check`]) is false here.
pub fn uses_pin_pad(card: &MyNumberCard<'_>, opts: &Options, pins: &[PinId], change: bool) -> bool {
    !pins.is_empty() && matches!(choose_pad(card, opts, pins, change), Ok(Some(_)))
}

fn refs_of(pins: &[PinId], only: Option<KeyRef>) -> Vec<(PinId, KeyRef)> {
    pins.iter()
        .flat_map(|&p| p.refs().iter().map(move |&r| (p, r)))
        .filter(|(_, r)| only.is_none_or(|o| o == *r))
        .collect()
}

impl Run<'_, '_, '_> {
    fn new_report(pins: &[PinId], only: Option<KeyRef>) -> Report {
        Report {
            refs: refs_of(pins, only)
                .into_iter()
                .map(|(pin, r)| RefReport {
                    pin,
                    r,
                    before: None,
                    checked: Checked::NotSent,
                    change: RefChange::NotChanged(NotChanged::NotSent),
                    after: None,
                })
                .collect(),
            stop: None,
        }
    }

    /// Steps 1–2: counters, then the guards, before any PIN is asked for.
    fn counters_and_guards(&mut self) -> Result<(), Stop> {
        for i in 0..self.report.refs.len() {
            let r = self.report.refs[i].r;
            let c = self.card.read_counter(r)?;
            self.report.refs[i].before = Some(c);
        }
        let juki: Vec<Counter> = self
            .report
            .refs
            .iter()
            .filter(|x| x.r.is_juki())
            .filter_map(|x| x.before)
            .collect();
        if let [first, second] = juki[..] {
            if first != second {
                self.src.event(Event::CopiesDisagree { first, second });
            }
        }
        for i in 0..self.report.refs.len() {
            let RefReport { pin, r, before, .. } = self.report.refs[i];
            let c = before.unwrap_or(Counter::Absent);
            let risky = guard_counter(r, c, self.opts.allow_last_try, false)?;
            if risky && !self.src.confirm_last_try(pin, r, c).map_err(Stop::Entry)? {
                return Err(Stop::Declined);
            }
        }
        Ok(())
    }

    /// One entry, validated. At a terminal a malformed current or new PIN is asked again
    /// (nothing was sent for it), up to [`Options::entry_attempts`] entries in all; from a
    /// stream, and for the confirmation (a malformed one is a mismatch), it stops.
    fn ask(&mut self, pins: &[PinId], role: Role, attempt: u8) -> Result<Pin, Stop> {
        let again = self.src.interactive() && role != Role::Confirm;
        let of = if again {
            self.opts.entry_attempts.max(1)
        } else {
            1
        };
        let mut typed = 1;
        loop {
            match self.ask_once(pins, role, attempt) {
                Err(Stop::InvalidPin { pin, role, err }) if typed < of => {
                    typed += 1;
                    self.src.event(Event::InvalidEntry {
                        pin,
                        role,
                        err,
                        attempt: typed,
                        of,
                    });
                }
                other => return other,
            }
        }
    }

    fn ask_once(&mut self, pins: &[PinId], role: Role, attempt: u8) -> Result<Pin, Stop> {
        let format = pins[0].format();
        let tries_left = (role == Role::Current)
            .then(|| {
                self.report
                    .refs
                    .iter()
                    .filter(|x| pins.contains(&x.pin))
                    .filter_map(|x| x.before.and_then(Counter::retries_left))
                    .min()
            })
            .flatten();
        self.entry_no += 1;
        let req = PinRequest {
            pins: pins.to_vec(),
            role,
            format,
            tries_left,
            attempt,
            entry_no: self.entry_no,
            entries_total: self.entries_total,
            verify_only: self.verify_only,
        };
        let raw = self.src.ask(&req).map_err(Stop::Entry)?;
        let (pin, norm) = Pin::parse(format, &raw).map_err(|err| Stop::InvalidPin {
            pin: pins[0],
            role,
            err,
        })?;
        drop(raw);
        if norm != Normalized::default() {
            self.src.event(Event::Normalized(role, norm));
        }
        Ok(pin)
    }

    /// The current PIN of every PIN in `pins`: one shared entry, or one entry each.
    fn currents(&mut self, pins: &[PinId], shared: bool) -> Result<Vec<(PinId, Pin)>, Stop> {
        let mut currents = Vec::new();
        if shared {
            let p = self.ask(pins, Role::Current, 1)?;
            currents.extend(pins.iter().map(|&pin| (pin, p.clone())));
        } else {
            for &pin in pins {
                let p = self.ask(&[pin], Role::Current, 1)?;
                currents.push((pin, p));
            }
        }
        Ok(currents)
    }

    /// The new PIN and its confirmation (a mismatch asked again on a terminal), checked
    /// against every current PIN.
    fn new_pin(&mut self, pins: &[PinId], currents: &[(PinId, Pin)]) -> Result<Pin, Stop> {
        let tries = if self.src.interactive() {
            self.opts.confirm_attempts.max(1)
        } else {
            1
        };
        let mut new = None;
        for attempt in 1..=tries {
            let n = self.ask(pins, Role::New, attempt)?;
            // At a terminal the warning comes before the confirmation: the person can still
            // choose another; from a stream, once the entries are known to be usable (below).
            if let Some(w) = n.weakness().filter(|_| self.src.interactive()) {
                self.src.event(Event::EasyToGuess(w));
            }
            let again = match self.ask(pins, Role::Confirm, attempt) {
                Ok(p) => Some(p),
                Err(Stop::InvalidPin { .. }) => None,
                Err(e) => return Err(e),
            };
            if again.is_some_and(|a| a.ct_eq(&n)) {
                new = Some(n);
                break;
            }
            if attempt < tries {
                self.src
                    .event(Event::ConfirmationMismatch { attempt, of: tries });
            }
        }
        let new = new.ok_or(Stop::ConfirmationMismatch { attempts: tries })?;
        for (pin, current) in currents {
            if new.ct_eq(current) {
                return Err(Stop::SameAsCurrent(*pin));
            }
        }
        if let Some(w) = new.weakness().filter(|_| !self.src.interactive()) {
            self.src.event(Event::EasyToGuess(w));
        }
        Ok(new)
    }

    /// VERIFY `r` with `pin`, recording what the card said.
    fn verify_ref(&mut self, r: KeyRef, pin: &Pin) -> Result<(), Stop> {
        let result = self.card.verify(r, pin, self.opts.allow_last_try);
        self.record_verify(r, result)
    }

    /// Records what a VERIFY of `r` came to (typed or on the keypad) and passes it on.
    fn record_verify(&mut self, r: KeyRef, result: Result<(), CardError>) -> Result<(), Stop> {
        match result {
            Ok(()) => {
                self.report.set_checked(r, Checked::Correct);
                Ok(())
            }
            Err(e) => {
                self.note_failed_verify(r, &e);
                Err(e.into())
            }
        }
    }

    /// A VERIFY of `r` typed on the reader's keypad: the counter read and the guard first
    /// (exactly as for a typed PIN), then the event, then `VERIFY_PIN_DIRECT`.
    fn pad_verify_ref(&mut self, pad: Pad, pin: PinId, r: KeyRef) -> Result<(), Stop> {
        self.card.guard(r, self.opts.allow_last_try)?;
        self.entry_no += 1;
        self.src.event(Event::TypeOnReader {
            pin,
            r,
            role: Role::Current,
            entries: 1,
            entry_no: self.entry_no,
            entries_total: self.entries_total,
            tries_left: self.card.lowest_count(r),
        });
        let bytes = PinVerifyStructure::ascii4(PinCommand::Verify, &pad.entry)
            .to_bytes()
            .map_err(|_| Stop::Card(CardError::Transport(TransportError::Unsupported)))?;
        self.card.apdus += 1;
        let answer = match self.card.t.control(pad.verify, &bytes) {
            Ok(a) => a,
            Err(e) if e.may_have_reached_card() => {
                self.report.set_checked(r, Checked::Unknown);
                return Err(CardError::VerifyUnknown {
                    r,
                    cause: Lost::Transport(e),
                }
                .into());
            }
            Err(e) => return Err(self.card.lost_state(e).into()),
        };
        let outcome = match PinPadOutcome::from_answer(&answer) {
            Ok(o) => o,
            Err(e) => {
                self.report.set_checked(r, Checked::Unknown);
                return Err(CardError::VerifyUnknown {
                    r,
                    cause: Lost::Transport(TransportError::BadResponse(e)),
                }
                .into());
            }
        };
        if let Some(answer) = PadAnswer::of(&outcome) {
            return Err(Stop::PinPad {
                r,
                role: Role::Current,
                answer,
            });
        }
        let sw = outcome.sw();
        let result = self.card.verify_answer(r, sw);
        self.record_verify(r, result)
    }

    /// The change of `r` typed on the keypad (new PIN twice), right after its VERIFY.
    fn pad_change_ref(&mut self, pad: Pad, pin: PinId, r: KeyRef) -> Result<(), Stop> {
        let Some(code) = pad.modify else {
            return Err(Stop::NoPinPad);
        };
        if self.card.last_verified != Some(r) {
            return Err(CardError::OutOfSequence(r).into());
        }
        let command = if r.is_juki() {
            PinCommand::ChangeKey
        } else {
            PinCommand::ChangeReferenceData
        };
        let bytes = PinModifyStructure::ascii4_new_pin(command, &pad.entry)
            .to_bytes()
            .map_err(|_| Stop::Card(CardError::Transport(TransportError::Unsupported)))?;
        self.entry_no += 1;
        self.src.event(Event::TypeOnReader {
            pin,
            r,
            role: Role::New,
            entries: 2,
            entry_no: self.entry_no,
            entries_total: self.entries_total,
            tries_left: None,
        });
        self.entry_no += 1;
        self.src.event(Event::Changing(r));
        self.card.apdus += 1;
        let sent = match self.card.t.control(code, &bytes) {
            Ok(answer) => match PinPadOutcome::from_answer(&answer) {
                Ok(o) => {
                    if let Some(answer) = PadAnswer::of(&o) {
                        return Err(Stop::PinPad {
                            r,
                            role: Role::New,
                            answer,
                        });
                    }
                    match o {
                        PinPadOutcome::Card(resp) => Ok(resp),
                        _ => unreachable!("reader answers returned above"),
                    }
                }
                Err(e) => Err(CardError::Transport(TransportError::BadResponse(e))),
            },
            Err(e) if e.may_have_reached_card() => Err(CardError::Transport(e)),
            Err(e) => Err(self.card.lost_state(e)),
        };
        let (outcome, err) = change_outcome(Step::change_of(r), sent);
        self.report.set_change(r, outcome);
        match err {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    fn note_failed_verify(&mut self, r: KeyRef, e: &CardError) {
        match e {
            CardError::WrongPin { tries_left, .. } => self.report.set_checked(
                r,
                Checked::Wrong {
                    tries_left: *tries_left,
                },
            ),
            CardError::VerifyUnknown { .. } | CardError::BlockedOnVerify(..) => {
                self.report.set_checked(r, Checked::Unknown)
            }
            _ => {}
        }
    }

    fn read_back(&mut self) {
        let interrupted = matches!(&self.report.stop, Some(s) if s.signal().is_some());
        let lost = matches!(
            &self.report.stop,
            Some(Stop::Card(CardError::Transport(e))) if e.may_have_reached_card()
        ) || matches!(
            &self.report.stop,
            Some(Stop::Card(CardError::VerifyUnknown {
                cause: Lost::Transport(_),
                ..
            }))
        ) || self
            .report
            .refs
            .iter()
            .any(|x| x.change == RefChange::Unknown(super::Unknown::NoAnswer));
        if interrupted || lost {
            return;
        }
        for i in 0..self.report.refs.len() {
            let r = self.report.refs[i].r;
            match self.card.read_counter(r) {
                Ok(c) => self.report.refs[i].after = Some(c),
                Err(_) => return,
            }
        }
    }
}

impl MyNumberCard<'_> {
    /// A control call failed before reaching the card. After a reset by another program the
    /// selection and any verified state are gone.
    fn lost_state(&mut self, e: TransportError) -> CardError {
        if matches!(e, TransportError::CardWasReset) {
            self.current_df = None;
            self.current_ef = None;
            self.verified_ok.clear();
            self.last_verified = None;
        }
        CardError::Transport(e)
    }
}

/// Checks a request before anything is sent, even before the card is opened (rule 1): the
/// PINs share one format (the signature password is changed on its own), `opts.only` names a
/// reference of the one PIN asked for, and a numeric PIN pad is not required for a PIN it
/// cannot type. [`verify`] and [`change`] make these checks first; a front end may make them
/// earlier, before it opens the card, to refuse a request without a card.
pub fn check(pins: &[PinId], opts: &Options) -> Result<(), Stop> {
    if pins.is_empty() || pins.iter().any(|p| p.format() != pins[0].format()) {
        return Err(Stop::MixedFormats);
    }
    if let Some(only) = opts.only {
        if pins.len() != 1 || !pins[0].refs().contains(&only) {
            return Err(Stop::NoSuchReference(only));
        }
    }
    if opts.pinpad == PadPolicy::Always {
        if let Some(&p) = pins.iter().find(|p| p.format() != PinFormat::FourDigits) {
            return Err(Stop::PadNotForPin(p));
        }
    }
    Ok(())
}

/// Checks that the user still knows `pin`: one VERIFY per reference (both juki copies),
/// after the counters and guards. Nothing is changed. On a PIN pad, each reference takes its
/// own keypad entry.
pub fn verify(
    card: &mut MyNumberCard<'_>,
    pin: PinId,
    opts: Options,
    src: &mut dyn PinSource,
) -> Report {
    let mut run = Run {
        card,
        src,
        opts,
        report: Run::new_report(&[pin], opts.only),
        entry_no: 0,
        entries_total: 1,
        verify_only: true,
        pad: None,
    };
    // A request that cannot run sends nothing, not even the counter queries of the end.
    if let Err(stop) = check(&[pin], &opts) {
        run.report.stop = Some(stop);
        return run.report;
    }
    let result = (|| {
        run.pad = choose_pad(run.card, &opts, &[pin], false)?;
        run.counters_and_guards()?;
        if let Some(pad) = run.pad {
            run.entries_total = run.report.refs.len();
            run.src.event(Event::PinPadPlan {
                entries: run.entries_total,
                verify_only: true,
            });
            for i in 0..run.report.refs.len() {
                let RefReport { pin, r, .. } = run.report.refs[i];
                run.pad_verify_ref(pad, pin, r)?;
            }
            return Ok(());
        }
        let current = run.ask(&[pin], Role::Current, 1)?;
        for i in 0..run.report.refs.len() {
            let r = run.report.refs[i].r;
            run.verify_ref(r, &current)?;
        }
        Ok(())
    })();
    run.report.stop = result.err();
    run.read_back();
    run.report
}

/// Changes every PIN in `pins` to one new value (the 4-digit PINs can share one; the
/// signature password is changed on its own), in the safety order of this module.
pub fn change(
    card: &mut MyNumberCard<'_>,
    pins: &[PinId],
    opts: Options,
    src: &mut dyn PinSource,
) -> Report {
    let shared_current = opts.same_current || pins.len() == 1;
    let mut run = Run {
        card,
        src,
        opts,
        report: Run::new_report(pins, opts.only),
        entry_no: 0,
        entries_total: if shared_current { 1 } else { pins.len() } + 2,
        verify_only: false,
        pad: None,
    };
    // A request that cannot run sends nothing, not even the counter queries of the end.
    if let Err(stop) = check(pins, &opts) {
        run.report.stop = Some(stop);
        return run.report;
    }
    let result = (|| {
        run.pad = choose_pad(run.card, &opts, pins, true)?;
        run.counters_and_guards()?;
        if let Some(pad) = run.pad {
            return change_on_pad(&mut run, pad);
        }
        // Non-interactive input (--pin-stdin, --pin-fd): every line is there already, so
        // every entry is read and checked (format, confirmation, new ≠ current) before the
        // first command that can spend a try (only the counter reads, which spend nothing
        // and stop at a blocked PIN before any entry is read, come before): an input that
        // can never complete the change costs no try.
        let early = if run.src.interactive() {
            None
        } else {
            let currents = run.currents(pins, shared_current)?;
            let new = run.new_pin(pins, &currents)?;
            Some((currents, new))
        };
        // Step 3: the current PIN(s) (at a terminal; read above otherwise).
        let (currents, new) = match early {
            Some((currents, new)) => (currents, Some(new)),
            None => (run.currents(pins, shared_current)?, None),
        };
        let current_of = |pin: PinId, currents: &[(PinId, Pin)]| {
            currents
                .iter()
                .find(|(p, _)| *p == pin)
                .map(|(_, c)| c.clone())
        };
        // Step 4: every current PIN is checked before anything changes.
        for i in 0..run.report.refs.len() {
            let RefReport { pin, r, .. } = run.report.refs[i];
            let current = current_of(pin, &currents).ok_or(Stop::MixedFormats)?;
            run.verify_ref(r, &current)?;
        }
        run.src.event(Event::CurrentAccepted);
        // Step 5: the new PIN, confirmed (at a terminal, only now: it was not typed before).
        let new = match new {
            Some(n) => n,
            None => run.new_pin(pins, &currents)?,
        };
        // Step 6: per reference, VERIFY again if needed, then the change command.
        for i in 0..run.report.refs.len() {
            let RefReport { pin, r, .. } = run.report.refs[i];
            if run.card.last_verified != Some(r) {
                let current = current_of(pin, &currents).ok_or(Stop::MixedFormats)?;
                run.verify_ref(r, &current)?;
            }
            run.src.event(Event::Changing(r));
            let (outcome, err) = run.card.change_after_verify(r, &new)?;
            run.report.set_change(r, outcome);
            if let Some(e) = err {
                return Err(e.into());
            }
        }
        Ok(())
    })();
    run.report.stop = result.err();
    run.read_back();
    run.report
}

/// A change typed on the reader's keypad: every reference verified first (the last one to be
/// verified is the first to be changed), then per reference VERIFY again if another one was
/// verified since, then the modify.
fn change_on_pad(run: &mut Run<'_, '_, '_>, pad: Pad) -> Result<(), Stop> {
    let n = run.report.refs.len();
    run.entries_total = 4 * n - 1;
    run.src.event(Event::PinPadPlan {
        entries: run.entries_total,
        verify_only: false,
    });
    // Step 4 on the pad: every current PIN checked before anything changes.
    for i in (0..n).rev() {
        let RefReport { pin, r, .. } = run.report.refs[i];
        run.pad_verify_ref(pad, pin, r)?;
    }
    run.src.event(Event::CurrentAccepted);
    // Step 6: per reference, VERIFY again if needed, then the modify.
    for i in 0..n {
        let RefReport { pin, r, .. } = run.report.refs[i];
        if run.card.last_verified != Some(r) {
            run.pad_verify_ref(pad, pin, r)?;
        }
        run.pad_change_ref(pad, pin, r)?;
    }
    Ok(())
}

impl Stop {
    /// The kind of this stop, and its class.
    pub fn outcome(&self) -> Outcome {
        use OutcomeKind as K;
        let kind = match self {
            Stop::Card(e) => return e.outcome(),
            Stop::Entry(EntryError::Cancelled { signal }) => {
                return Outcome {
                    kind: K::Cancelled,
                    class: Class::Interrupted { signal: *signal },
                }
            }
            Stop::Entry(EntryError::Ended { expected, .. }) if *expected > 0 => K::InputEnded,
            Stop::Entry(_) => K::Input,
            Stop::InvalidPin { .. } => K::InvalidPin,
            Stop::ConfirmationMismatch { .. } => K::ConfirmationMismatch,
            Stop::SameAsCurrent(_) => K::SameAsCurrent,
            Stop::MixedFormats | Stop::NoSuchReference(_) | Stop::PadNotForPin(_) => K::Usage,
            Stop::Declined => K::Declined,
            Stop::PinPad { answer, .. } => match answer {
                PadAnswer::Timeout => K::PinpadTimeout,
                PadAnswer::Cancelled => K::PinpadCancelled,
                PadAnswer::EntriesDiffer => K::PinpadEntriesDiffer,
                PadAnswer::WrongLength => K::PinpadWrongLength,
                PadAnswer::Rejected => K::PinpadRejected,
            },
            Stop::NoPinPad => K::NoPinpad,
        };
        kind.into()
    }
}

#[cfg(test)]
mod tests {
    //! The PIN-pad path against the in-process simulated card behind a fake PIN-pad reader
    //! (its keypad scripted; it builds the APDU from the structure's template as a reader
    //! does). The real reader, through pcscd, is tested in `tests/e2e_pinpad.rs`.
    use super::*;
    use crate::transport::{in_process::InProcess, Capabilities, PinPadInfo, Transport};
    use mynapin_apdu::{Command, Response};
    use mynapin_sim::{Fixture, SimCard};
    use std::collections::VecDeque;

    const VERIFY: u32 = 0x4233_0006;
    const MODIFY: u32 = 0x4233_0007;

    struct FakePad<'a> {
        card: &'a mut SimCard,
        keys: VecDeque<&'static str>,
        controls: Vec<u32>,
        /// Every exchange in order: `None` for a control call, else the command's bytes.
        log: Vec<Option<Vec<u8>>>,
    }

    impl Transport for FakePad<'_> {
        fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
            let bytes = command.to_bytes().to_vec();
            self.log.push(Some(bytes.clone()));
            Ok(Response::parse(&self.card.process(&bytes))?)
        }
        fn reader_name(&self) -> String {
            "fake pad".into()
        }
        fn capabilities(&self) -> Capabilities {
            Capabilities {
                secure_pin_entry: true,
                pin_pad: Some(PinPadInfo {
                    features: vec![(6, VERIFY), (7, MODIFY)],
                    verify: Some(VERIFY),
                    modify: Some(MODIFY),
                    min_pin: Some(4),
                    max_pin: Some(8),
                    ..PinPadInfo::default()
                }),
            }
        }
        fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
            self.controls.push(code);
            self.log.push(None);
            if code == VERIFY {
                // The counter was read right before, in the reference's EF (the plain query).
                let before = self.log.iter().rev().nth(1).cloned().flatten();
                assert_eq!(before.as_deref(), Some(&[0x00, 0x20, 0x00, 0x80][..]));
            }
            let (template, entries) = if code == VERIFY {
                (PinVerifyStructure::parse(data).unwrap().template, 1)
            } else {
                assert_eq!(code, MODIFY);
                let m = PinModifyStructure::parse(data).unwrap();
                assert_eq!(m.entries(), 2);
                (m.template, 2)
            };
            let mut typed = Vec::new();
            for _ in 0..entries {
                match self.keys.pop_front().expect("a keypad entry") {
                    "cancel" => return Ok(vec![0x64, 0x01]),
                    "timeout" => return Ok(vec![0x64, 0x00]),
                    d if d.len() != 4 => return Ok(vec![0x64, 0x03]),
                    d => typed.push(d),
                }
            }
            if entries == 2 && typed[0] != typed[1] {
                return Ok(vec![0x64, 0x02]);
            }
            let mut apdu = template[..5].to_vec();
            apdu.extend_from_slice(typed[0].as_bytes());
            Ok(self.card.process(&apdu))
        }
    }

    #[derive(Default)]
    struct Src {
        answers: VecDeque<&'static str>,
        asked: usize,
        events: Vec<Event>,
    }

    impl PinSource for Src {
        fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
            self.asked += 1;
            self.answers
                .pop_front()
                .map(|a| Zeroizing::new(a.to_string()))
                .ok_or(EntryError::Ended {
                    got: self.asked - 1,
                    expected: req.entries_total,
                })
        }
        fn interactive(&self) -> bool {
            false
        }
        fn confirm_last_try(
            &mut self,
            _: PinId,
            _: KeyRef,
            _: Counter,
        ) -> Result<bool, EntryError> {
            Ok(true)
        }
        fn event(&mut self, event: Event) {
            self.events.push(event);
        }
    }

    impl Src {
        fn steps(&self) -> Vec<(KeyRef, Role)> {
            self.events
                .iter()
                .filter_map(|e| match e {
                    Event::TypeOnReader { r, role, .. } => Some((*r, *role)),
                    _ => None,
                })
                .collect()
        }
        fn plan(&self) -> Option<usize> {
            self.events.iter().find_map(|e| match e {
                Event::PinPadPlan { entries, .. } => Some(*entries),
                _ => None,
            })
        }
    }

    fn sim(name: &str) -> SimCard {
        SimCard::new(Fixture::builtin(name).unwrap())
    }

    fn on_pad(
        card: &mut SimCard,
        keys: &[&'static str],
        src: &mut Src,
        op: impl FnOnce(&mut MyNumberCard<'_>, &mut Src) -> Report,
    ) -> (Report, Vec<u32>, usize) {
        let mut t = FakePad {
            card,
            keys: keys.iter().copied().collect(),
            controls: Vec::new(),
            log: Vec::new(),
        };
        let report = {
            let mut c = MyNumberCard::open(&mut t).unwrap();
            op(&mut c, src)
        };
        // The host never sent a PIN command with data: VERIFY, CHANGE REFERENCE DATA, CHANGE KEY.
        for bytes in t.log.iter().flatten() {
            let pin_command = matches!(bytes[..2], [0x00, 0x20] | [0x00, 0x24] | [0x80, 0x32]);
            assert!(
                !(pin_command && bytes.len() > 4) || src.asked > 0,
                "the host sent {bytes:02X?}"
            );
        }
        (report, t.controls, t.keys.len())
    }

    #[test]
    fn verify_on_the_pad_never_asks_the_host() {
        let mut card = sim("fresh");
        let mut src = Src::default();
        let (report, controls, left) = on_pad(&mut card, &["1234"], &mut src, |c, s| {
            verify(c, PinId::Auth, Options::default(), s)
        });
        assert!(report.stop.is_none(), "{:?}", report.stop);
        assert_eq!(report.refs[0].checked, Checked::Correct);
        assert_eq!((src.asked, controls, left), (0, vec![VERIFY], 0));
        assert_eq!(src.plan(), Some(1));
        assert_eq!(src.steps(), [(KeyRef::Auth, Role::Current)]);
        assert!(src.events.iter().any(|e| matches!(
            e,
            Event::TypeOnReader {
                tries_left: Some(3),
                entry_no: 1,
                entries_total: 1,
                ..
            }
        )));
    }

    #[test]
    fn a_wrong_pin_on_the_pad_uses_a_try_and_cancel_or_timeout_none() {
        let mut card = sim("fresh");
        for (key, tries) in [("1111", 2), ("cancel", 2), ("timeout", 2), ("123", 2)] {
            let mut src = Src::default();
            let (report, _, _) = on_pad(&mut card, &[key], &mut src, |c, s| {
                verify(c, PinId::Auth, Options::default(), s)
            });
            assert_eq!(card.tries_left(KeyRef::Auth), tries, "{key}");
            match (key, report.stop) {
                ("1111", Some(Stop::Card(CardError::WrongPin { tries_left, .. }))) => {
                    assert_eq!(tries_left, Some(2))
                }
                ("cancel", Some(Stop::PinPad { answer, .. })) => {
                    assert_eq!(answer, PadAnswer::Cancelled)
                }
                ("timeout", Some(Stop::PinPad { answer, .. })) => {
                    assert_eq!(answer, PadAnswer::Timeout)
                }
                ("123", Some(Stop::PinPad { answer, .. })) => {
                    assert_eq!(answer, PadAnswer::WrongLength)
                }
                (k, other) => panic!("{k}: {other:?}"),
            }
        }
    }

    #[test]
    fn the_last_try_guard_holds_before_any_keypad_entry() {
        let mut card = sim("auth-last-try");
        let mut src = Src::default();
        let (report, controls, _) = on_pad(&mut card, &["1234"], &mut src, |c, s| {
            verify(c, PinId::Auth, Options::default(), s)
        });
        assert!(matches!(
            report.stop,
            Some(Stop::Card(CardError::LastTry(KeyRef::Auth)))
        ));
        assert!(controls.is_empty());
        assert!(src.steps().is_empty());
        assert_eq!(card.tries_left(KeyRef::Auth), 1);
    }

    #[test]
    fn change_juki_on_the_pad_checks_both_then_changes_each_after_its_verify() {
        let mut card = sim("fresh");
        let mut src = Src::default();
        let keys = ["1234", "1234", "2468", "2468", "1234", "2468", "2468"];
        let (report, controls, left) = on_pad(&mut card, &keys, &mut src, |c, s| {
            change(c, &[PinId::Juki], Options::default(), s)
        });
        assert!(report.stop.is_none(), "{:?}", report.stop);
        assert_eq!(report.change_result(), ChangeResult::Changed);
        assert_eq!(src.asked, 0);
        assert_eq!(left, 0);
        assert_eq!(src.plan(), Some(7));
        assert_eq!(controls, [VERIFY, VERIFY, MODIFY, VERIFY, MODIFY]);
        assert_eq!(
            src.steps(),
            [
                (KeyRef::JukiCommon, Role::Current),
                (KeyRef::JukiAp, Role::Current),
                (KeyRef::JukiAp, Role::New),
                (KeyRef::JukiCommon, Role::Current),
                (KeyRef::JukiCommon, Role::New),
            ]
        );
        for r in [KeyRef::JukiAp, KeyRef::JukiCommon] {
            assert!(card.value_is(r, "2468"), "{r:?}");
        }
    }

    #[test]
    fn entries_that_differ_on_the_pad_change_nothing() {
        let mut card = sim("fresh");
        let mut src = Src::default();
        let (report, _, _) = on_pad(&mut card, &["1234", "5678", "5679"], &mut src, |c, s| {
            change(c, &[PinId::Auth], Options::default(), s)
        });
        assert!(matches!(
            report.stop,
            Some(Stop::PinPad {
                answer: PadAnswer::EntriesDiffer,
                role: Role::New,
                ..
            })
        ));
        assert_eq!(report.change_result(), ChangeResult::NotChanged);
        assert!(card.value_is(KeyRef::Auth, "1234"));
    }

    #[test]
    fn never_and_the_signature_password_ask_the_host() {
        let mut card = sim("fresh");
        let opts = Options {
            pinpad: PadPolicy::Never,
            ..Options::default()
        };
        let mut src = Src {
            answers: ["1234"].into(),
            ..Src::default()
        };
        let (report, controls, _) = on_pad(&mut card, &[], &mut src, |c, s| {
            verify(c, PinId::Auth, opts, s)
        });
        assert!(report.stop.is_none());
        assert_eq!((src.asked, controls.len()), (1, 0));
        let mut src = Src {
            answers: ["ABC123"].into(),
            ..Src::default()
        };
        let (report, controls, _) = on_pad(&mut card, &[], &mut src, |c, s| {
            verify(c, PinId::Sign, Options::default(), s)
        });
        assert!(report.stop.is_none());
        assert_eq!((src.asked, controls.len()), (1, 0));
        let always = Options {
            pinpad: PadPolicy::Always,
            ..Options::default()
        };
        let mut src = Src::default();
        let (report, controls, _) = on_pad(&mut card, &[], &mut src, |c, s| {
            verify(c, PinId::Sign, always, s)
        });
        assert!(matches!(report.stop, Some(Stop::PadNotForPin(PinId::Sign))));
        assert_eq!((src.asked, controls.len()), (0, 0));
    }

    #[test]
    fn always_on_a_reader_without_a_pad_sends_no_verify() {
        let mut card = sim("fresh");
        let opts = Options {
            pinpad: PadPolicy::Always,
            ..Options::default()
        };
        let mut src = Src {
            answers: ["1234"].into(),
            ..Src::default()
        };
        let report = {
            let mut t = InProcess::new(&mut card, "no pad");
            let mut c = MyNumberCard::open(&mut t).unwrap();
            verify(&mut c, PinId::Auth, opts, &mut src)
        };
        assert!(matches!(report.stop, Some(Stop::NoPinPad)));
        assert_eq!(report.refs[0].checked, Checked::NotSent);
        assert_eq!(src.asked, 0);
        // Auto on the same reader: the host prompt.
        let report = {
            let mut t = InProcess::new(&mut card, "no pad");
            let mut c = MyNumberCard::open(&mut t).unwrap();
            verify(&mut c, PinId::Auth, Options::default(), &mut src)
        };
        assert!(report.stop.is_none());
        assert_eq!(src.asked, 1);
    }
}

#[cfg(test)]
mod report_tests {
    //! What the report says was sent, what each reference's counter is, and what to do next,
    //! after real runs on the in-process simulated card (faults make a change stop half-way).
    use super::*;
    use crate::card::{NotChanged, Unknown};
    use crate::transport::{in_process::InProcess, Transport};
    use mynapin_apdu::{Command, Response};
    use mynapin_sim::{Fixture, SimCard};

    #[test]
    fn a_wrong_pin_that_blocks_is_blocked_and_a_signal_is_an_interruption() {
        let wrong = |tries_left| CardError::WrongPin {
            r: KeyRef::Auth,
            tries_left,
        };
        assert_eq!(wrong(Some(2)).outcome().class, Class::WrongPin);
        assert_eq!(
            wrong(Some(0)).outcome(),
            Outcome {
                kind: OutcomeKind::WrongPin,
                class: Class::Blocked
            }
        );
        let cut = Stop::Card(CardError::VerifyUnknown {
            r: KeyRef::Auth,
            cause: Lost::Transport(TransportError::Abandoned {
                signal: 15,
                grace: std::time::Duration::from_secs(1),
            }),
        });
        assert_eq!(
            cut.outcome(),
            Outcome {
                kind: OutcomeKind::Interrupted,
                class: Class::Interrupted { signal: 15 }
            }
        );
        let ctrl_d = Stop::Entry(EntryError::Cancelled { signal: 0 });
        assert_eq!(ctrl_d.outcome().class, Class::Interrupted { signal: 0 });
        assert_eq!(
            Stop::Entry(EntryError::Ended {
                got: 1,
                expected: 3
            })
            .outcome()
            .kind,
            OutcomeKind::InputEnded
        );
    }

    /// Gives the scripted entries in order (non-interactive, like `--pin-stdin`).
    struct Lines(Vec<&'static str>);

    impl PinSource for Lines {
        fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
            if self.0.is_empty() {
                return Err(EntryError::Ended {
                    got: 0,
                    expected: req.entries_total,
                });
            }
            Ok(Zeroizing::new(self.0.remove(0).to_string()))
        }
        fn interactive(&self) -> bool {
            false
        }
        fn confirm_last_try(
            &mut self,
            _: PinId,
            _: KeyRef,
            _: Counter,
        ) -> Result<bool, EntryError> {
            Ok(false)
        }
    }

    /// The in-process card, taken out right before the `nth` change command (CHANGE
    /// REFERENCE DATA or CHANGE KEY): that command and every later one fail with `error`.
    struct RemovedBeforeChange<'a> {
        inner: InProcess<'a>,
        nth: usize,
        changes: usize,
        error: fn() -> TransportError,
    }

    impl Transport for RemovedBeforeChange<'_> {
        fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
            if matches!(command.ins(), 0x24 | 0x32) {
                self.changes += 1;
            }
            if self.changes >= self.nth {
                return Err((self.error)());
            }
            self.inner.transmit_raw(command)
        }
        fn reader_name(&self) -> String {
            "test".into()
        }
    }

    /// The in-process card, counting the commands sent to it.
    struct Counting<'a> {
        inner: InProcess<'a>,
        sent: std::rc::Rc<std::cell::Cell<usize>>,
    }

    impl Transport for Counting<'_> {
        fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
            self.sent.set(self.sent.get() + 1);
            self.inner.transmit_raw(command)
        }
        fn reader_name(&self) -> String {
            "test".into()
        }
    }

    /// A fresh card whose change of `r` is answered `sw` (and not made).
    fn refusing(r: KeyRef, sw: &str) -> SimCard {
        let mut f = Fixture::fresh();
        f.faults.change_sw.insert(r, sw.into());
        SimCard::new(f)
    }

    fn change_on(sim: &mut SimCard, pins: &[PinId], lines: Vec<&'static str>) -> Report {
        let mut t = InProcess::new(sim, "sim");
        let mut card = MyNumberCard::open(&mut t).unwrap();
        change(&mut card, pins, Options::default(), &mut Lines(lines))
    }

    fn verify_on(sim: &mut SimCard, pin: PinId, lines: Vec<&'static str>) -> Report {
        let mut t = InProcess::new(sim, "sim");
        let mut card = MyNumberCard::open(&mut t).unwrap();
        verify(&mut card, pin, Options::default(), &mut Lines(lines))
    }

    fn one_ref(checked: Checked, before: Option<Counter>, after: Option<Counter>) -> RefReport {
        RefReport {
            pin: PinId::Auth,
            r: KeyRef::Auth,
            before,
            checked,
            change: RefChange::NotChanged(NotChanged::NotSent),
            after,
        }
    }

    #[test]
    fn sent_names_each_pin_verified_once() {
        let mut report = Report::default();
        assert_eq!(report.sent(), Sent::CountersOnly);
        report.refs = vec![
            one_ref(
                Checked::Wrong {
                    tries_left: Some(2),
                },
                None,
                None,
            ),
            RefReport {
                pin: PinId::Juki,
                r: KeyRef::JukiAp,
                ..one_ref(Checked::Correct, None, None)
            },
            RefReport {
                pin: PinId::Juki,
                r: KeyRef::JukiCommon,
                ..one_ref(Checked::Correct, None, None)
            },
        ];
        assert_eq!(
            report.sent(),
            Sent::More {
                verified: vec![PinId::Juki]
            },
            "a wrong VERIFY was sent too"
        );
        report.refs.remove(0);
        assert_eq!(report.sent(), Sent::Verified(vec![PinId::Juki]));
        // A real run: the new PIN's confirmation never came, after both copies were checked
        // (non-interactive input is read in full first, so use an interactive source).
        struct Terminal(Vec<&'static str>);
        impl PinSource for Terminal {
            fn ask(&mut self, _: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
                match self.0.pop() {
                    Some(p) => Ok(Zeroizing::new(p.into())),
                    None => Err(EntryError::Cancelled { signal: 2 }),
                }
            }
            fn interactive(&self) -> bool {
                true
            }
            fn confirm_last_try(
                &mut self,
                _: PinId,
                _: KeyRef,
                _: Counter,
            ) -> Result<bool, EntryError> {
                Ok(false)
            }
        }
        let mut sim = SimCard::new(Fixture::fresh());
        let mut t = InProcess::new(&mut sim, "sim");
        let mut card = MyNumberCard::open(&mut t).unwrap();
        let report = change(
            &mut card,
            &[PinId::Juki],
            Options::default(),
            &mut Terminal(vec!["1234"]),
        );
        assert!(matches!(
            report.stop,
            Some(Stop::Entry(EntryError::Cancelled { .. }))
        ));
        assert_eq!(report.sent(), Sent::Verified(vec![PinId::Juki]));
    }

    #[test]
    fn the_counter_after_a_wrong_verify_is_the_count_the_card_gave() {
        let wrong = |n| Checked::Wrong { tries_left: n };
        let left3 = Some(Counter::Left(3));
        assert_eq!(
            one_ref(wrong(Some(2)), left3, None).counter(),
            Some(Counter::Left(2))
        );
        assert_eq!(
            one_ref(wrong(Some(0)), left3, None).counter(),
            Some(Counter::Blocked)
        );
        // Not reported with the refusal: unknown (the count before is out of date: a try was
        // spent), unless the read-back at the end gave one.
        assert_eq!(one_ref(wrong(None), left3, None).counter(), None);
        let read_back = Some(Counter::Left(1));
        assert_eq!(
            one_ref(wrong(Some(2)), left3, read_back).counter(),
            read_back
        );
        assert_eq!(one_ref(Checked::NotSent, None, None).counter(), None);
        // A real wrong VERIFY: one try spent, the next steps say nothing (the count is known).
        let mut sim = SimCard::new(Fixture::fresh());
        let report = verify_on(&mut sim, PinId::Auth, vec!["9999"]);
        assert!(matches!(
            report.stop,
            Some(Stop::Card(CardError::WrongPin {
                tries_left: Some(2),
                ..
            }))
        ));
        assert_eq!(report.refs[0].counter(), Some(Counter::Left(2)));
        assert_eq!(report.next_steps(), []);
        assert_eq!(report.sent(), Sent::More { verified: vec![] });
        // A verify is not a change: its class is the stop's.
        assert_eq!(
            report.stop.as_ref().map(|s| s.outcome().class),
            Some(Class::WrongPin)
        );
    }

    #[test]
    fn juki_with_one_place_changed_finishes_the_other_place() {
        let mut sim = refusing(KeyRef::JukiCommon, "6A 80");
        let report = change_on(&mut sim, &[PinId::Juki], vec!["1234", "5678", "5678"]);
        assert_eq!(report.change_result(), ChangeResult::Partial);
        // Half-done is a failure, whatever stopped it (here an unexpected answer).
        assert_eq!(report.change_class(), Class::Failure);
        assert_eq!(report.refs[0].change, RefChange::Changed);
        assert!(matches!(
            report.refs[1].change,
            RefChange::NotChanged(NotChanged::Refused(_))
        ));
        assert_eq!(
            report.next_steps(),
            [NextStep::FinishChange {
                pin: PinId::Juki,
                r: KeyRef::JukiCommon
            }]
        );
        assert_eq!(
            report.sent(),
            Sent::More {
                verified: vec![PinId::Juki]
            }
        );
    }

    #[test]
    fn several_pins_with_one_refused_finish_that_one() {
        let mut sim = refusing(KeyRef::Kenhojo, "6A 80");
        let pins = [PinId::Auth, PinId::Kenhojo];
        let opts = Options {
            same_current: true,
            ..Options::default()
        };
        let report = {
            let mut t = InProcess::new(&mut sim, "sim");
            let mut card = MyNumberCard::open(&mut t).unwrap();
            change(
                &mut card,
                &pins,
                opts,
                &mut Lines(vec!["1234", "5678", "5678"]),
            )
        };
        assert_eq!(report.change_result(), ChangeResult::Partial);
        assert_eq!(
            report.next_steps(),
            [NextStep::FinishChange {
                pin: PinId::Kenhojo,
                r: KeyRef::Kenhojo
            }]
        );
        // A change that changed nothing has no next step of its own.
        let mut sim = refusing(KeyRef::Auth, "6A 80");
        let report = change_on(&mut sim, &[PinId::Auth], vec!["1234", "5678", "5678"]);
        assert_eq!(report.change_result(), ChangeResult::NotChanged);
        assert_eq!(report.next_steps(), []);
        let mut sim = SimCard::new(Fixture::fresh());
        let done = change_on(&mut sim, &[PinId::Auth], vec!["1234", "5678", "5678"]);
        assert_eq!(done.change_class(), Class::Success);
        let mut sim = SimCard::new(Fixture::fresh());
        let same = change_on(&mut sim, &[PinId::Auth], vec!["1234", "1234", "1234"]);
        assert!(matches!(same.stop, Some(Stop::SameAsCurrent(PinId::Auth))));
        assert_eq!(same.change_class(), Class::Usage);
    }

    /// The card taken out before the second juki change: if the command may have reached
    /// the card, the place holds one of two values (find out, never guess); if PC/SC knew it
    /// was gone before sending, the place certainly holds the old one (finish).
    #[test]
    fn the_card_removed_mid_change_says_what_each_place_may_hold() {
        for (error, step) in [
            (
                (|| TransportError::CardRemoved) as fn() -> TransportError,
                NextStep::FindOutWhichValue {
                    pin: PinId::Juki,
                    r: KeyRef::JukiCommon,
                },
            ),
            (
                || TransportError::CardRemovedBeforeSending,
                NextStep::FinishChange {
                    pin: PinId::Juki,
                    r: KeyRef::JukiCommon,
                },
            ),
        ] {
            let mut sim = SimCard::new(Fixture::fresh());
            let report = {
                let mut t = RemovedBeforeChange {
                    inner: InProcess::new(&mut sim, "sim"),
                    nth: 2,
                    changes: 0,
                    error,
                };
                let mut card = MyNumberCard::open(&mut t).unwrap();
                change(
                    &mut card,
                    &[PinId::Juki],
                    Options::default(),
                    &mut Lines(vec!["1234", "5678", "5678"]),
                )
            };
            assert_eq!(report.refs[0].change, RefChange::Changed);
            assert_eq!(report.next_steps(), [step], "{:?}", report.refs[1].change);
            if let NextStep::FindOutWhichValue { .. } = step {
                assert_eq!(report.refs[1].change, RefChange::Unknown(Unknown::NoAnswer));
                assert_eq!(report.change_result(), ChangeResult::Unknown);
            }
        }
    }

    #[test]
    fn a_blocked_pin_leads_to_its_guide_and_a_lost_answer_to_the_status() {
        let mut sim = SimCard::new(Fixture::builtin("sign-blocked").unwrap());
        let report = verify_on(&mut sim, PinId::Sign, vec![]);
        assert!(matches!(
            report.stop,
            Some(Stop::Card(CardError::Blocked(KeyRef::Sign)))
        ));
        assert_eq!(report.next_steps(), [NextStep::SeeGuide(PinId::Sign)]);
        let report = Report {
            refs: vec![one_ref(Checked::Unknown, Some(Counter::Left(3)), None)],
            stop: None,
        };
        assert_eq!(report.next_steps(), [NextStep::ReadStatus]);
    }

    /// The three checks a request gets before anything is sent, made by the session itself
    /// (a front end may make them earlier with [`check`]): nothing reaches the card, not even
    /// a counter query.
    #[test]
    fn requests_that_cannot_run_are_refused_before_any_command() {
        let only = |r| Options {
            only: Some(r),
            ..Options::default()
        };
        let always = Options {
            pinpad: PadPolicy::Always,
            ..Options::default()
        };
        type Case = (&'static [PinId], Options, fn(&Stop) -> bool);
        let cases: [Case; 4] = [
            (&[PinId::Sign, PinId::Auth], Options::default(), |s| {
                matches!(s, Stop::MixedFormats)
            }),
            (&[PinId::Juki, PinId::Auth], only(KeyRef::JukiAp), |s| {
                matches!(s, Stop::NoSuchReference(KeyRef::JukiAp))
            }),
            (&[PinId::Auth], only(KeyRef::JukiCommon), |s| {
                matches!(s, Stop::NoSuchReference(KeyRef::JukiCommon))
            }),
            (&[PinId::Sign], always, |s| {
                matches!(s, Stop::PadNotForPin(PinId::Sign))
            }),
        ];
        for (pins, opts, expected) in cases {
            assert!(expected(&check(pins, &opts).unwrap_err()), "{pins:?}");
            let mut sim = SimCard::new(Fixture::fresh());
            let sent = std::rc::Rc::new(std::cell::Cell::new(0));
            let report = {
                let mut t = Counting {
                    inner: InProcess::new(&mut sim, "sim"),
                    sent: sent.clone(),
                };
                let mut card = MyNumberCard::open(&mut t).unwrap();
                let opened = sent.get();
                let report = if pins.len() == 1 {
                    verify(&mut card, pins[0], opts, &mut Lines(vec!["ABC123"]))
                } else {
                    change(&mut card, pins, opts, &mut Lines(vec![]))
                };
                assert_eq!(sent.get(), opened, "{pins:?}: nothing sent");
                report
            };
            assert!(expected(report.stop.as_ref().unwrap()), "{pins:?}");
            assert!(report.refs.iter().all(|r| r.before.is_none()));
        }
        assert!(check(&[PinId::Juki], &only(KeyRef::JukiCommon)).is_ok());
        assert!(check(&[PinId::Auth, PinId::Juki], &always).is_ok());
    }
}
