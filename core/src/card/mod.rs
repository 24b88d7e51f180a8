//! My Number card semantics and the safety guards (card facts §2–§4).
//!
//! * [`MyNumberCard::open`] recognizes the card by SELECTing the JPKI AID and reading the
//!   token in EF `0006` — never by ATR — and refuses the old 住基カード and smartphone tokens.
//! * [`MyNumberCard::read_counter`] reads a key reference's counter with the non-consuming
//!   query and interprets the status word per the status-word table of docs/card-facts.md ([`Counter`]), checked
//!   against the reference's maximum.
//! * [`MyNumberCard::verify`] / [`MyNumberCard::change_after_verify`] read the counter right
//!   before every VERIFY, refuse a blocked PIN, the last try (unless allowed), an unknown or
//!   implausible count, never retry, and classify every answer by what the card may have done.
//! * [`session`] runs a whole verify or change from start to finish; front ends answer its
//!   PIN requests and word its typed outcome.
//!
//! This layer talks to a [`Transport`]; it never opens a reader, prints anything, names a
//! command-line flag or an exit code.

pub mod cert;
pub mod pin;
pub mod probe;
pub mod session;
pub mod status;

pub use pin::{Normalized, Pin, PinError, Weakness};

use crate::layout::{jpki_ef, token, Applet, KeyRef, PinId, TOKEN_LEN};
use crate::outcome::{Class, Outcome, OutcomeKind};
use crate::transport::{transmit, Delivery, Transport, TransportError};
use mynapin_apdu::{commands, Command, Response, StatusWord};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many characters of a label read from a card are kept (a hostile card may send
/// megabytes where 32 bytes are expected).
const MAX_QUOTED: usize = 32;

/// What the token in JPKI EF `0006` says the card is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardKind {
    /// No JPKI applet answered: some other card.
    NoJpkiApplet,
    /// `JPKIAPICCTOKEN`: the old Basic Resident Registry card (住基カード).
    OldJukiCard,
    /// `JPKIAPGPSETOKEN` / `JPKIAPIOSTOKEN`: a smartphone's JPKI.
    Smartphone(String),
    /// Another label.
    UnknownToken(String),
}

/// What the card layer was doing when the card answered unexpectedly (worded by the front end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "step", content = "applet")]
pub enum Step {
    /// SELECT of an applet (DF) by its AID.
    SelectApplet(Applet),
    /// SELECT of an EF (token, key reference, certificate).
    SelectEf,
    /// Reading the token EF `0006`.
    ReadToken,
    /// The retry-counter query.
    CounterQuery,
    /// VERIFY.
    Verify,
    /// CHANGE REFERENCE DATA (auth, sign, kenhojo).
    ChangeReferenceData,
    /// JICSAP CHANGE KEY (the two juki references).
    ChangeKey,
    /// Reading a certificate.
    ReadCertificate,
}

impl Step {
    /// The change command for `r`.
    pub fn change_of(r: KeyRef) -> Step {
        if r.is_juki() {
            Step::ChangeKey
        } else {
            Step::ChangeReferenceData
        }
    }
}

/// What became of a VERIFY or change command whose outcome is not known.
#[derive(Debug, thiserror::Error)]
pub enum Lost {
    /// The card gave an answer that says neither yes nor no (`65 81`, `6C xx`, `6F 00`…).
    #[error("answer {0}")]
    Answer(StatusWord),
    /// The answer never came back (card removed, no answer in time, cut-off answer).
    #[error(transparent)]
    Transport(TransportError),
}

/// A card-layer failure.
#[derive(Debug, thiserror::Error)]
pub enum CardError {
    /// The transport failed.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The card is not a My Number card.
    #[error("not a My Number card: {0:?}")]
    NotMyNumberCard(CardKind),
    /// The card answered something docs/card-facts.md does not allow for this step, in a way that
    /// says it did not act (a checking error): nothing changed, no try was spent.
    #[error("unexpected answer {sw} ({}) to {step:?}", sw.meaning())]
    Unexpected {
        /// What the tool was doing.
        step: Step,
        /// The answer.
        sw: StatusWord,
    },
    /// A VERIFY was sent but its outcome is unknown: a try may have been spent.
    #[error("the outcome of VERIFY on {} is unknown: {cause}", r.id())]
    VerifyUnknown {
        /// The reference.
        r: KeyRef,
        /// What came back instead of an answer.
        cause: Lost,
    },
    /// The counter query answered a count above the reference's maximum (`63 CF` on a
    /// 3-try PIN): the card's word cannot be trusted, so nothing was sent.
    #[error("{} reported an impossible count ({sw})", r.id())]
    CountImplausible {
        /// The reference.
        r: KeyRef,
        /// The answer.
        sw: StatusWord,
    },
    /// The reference is blocked: nothing was sent beyond the query.
    #[error("{} is blocked", .0.id())]
    Blocked(KeyRef),
    /// A VERIFY was answered "blocked" (`69 84`, `69 83`: the card's answer is kept, for the
    /// message) although the counter said tries were left: whether it used a try is not known.
    #[error("{} was refused as blocked when checked ({})", .0.id(), .1)]
    BlockedOnVerify(KeyRef, StatusWord),
    /// One try left and the user did not allow using it: nothing was sent.
    #[error("{} has one try left", .0.id())]
    LastTry(KeyRef),
    /// The card did not report the count, so the next try might be the last: nothing was sent.
    #[error("{} did not report its counter", .0.id())]
    CountUnknown(KeyRef),
    /// The reference does not exist on this card (e.g. no signature PIN on an under-15 card).
    #[error("{} is not on this card", .0.id())]
    Absent(KeyRef),
    /// A change was asked for without a successful VERIFY of the same reference just before
    /// it (a bug in the caller); nothing was sent.
    #[error("CHANGE of {} without its VERIFY", .0.id())]
    OutOfSequence(KeyRef),
    /// The PIN was wrong; `tries_left` as the card reported it (`None`: not reported).
    #[error("wrong PIN for {}", r.id())]
    WrongPin {
        /// The reference.
        r: KeyRef,
        /// Tries left after this failure.
        tries_left: Option<u8>,
    },
}

/// A counter as the card reported it (card facts §3, status-word table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    /// `63 Cx`, x ≥ 1.
    Left(u8),
    /// `63 C0`, `69 84`, `69 83`.
    Blocked,
    /// `90 00` or `63 00`: the card did not give a count. Never zero.
    NotReported(StatusWord),
    /// `6A 82`, `6A 88`: the reference does not exist.
    Absent,
    /// `63 Cx` with x above the reference's maximum: a count the card cannot mean. Never
    /// trusted; shown as unknown.
    Implausible(StatusWord),
    /// Any other word: shown with its meaning.
    Error(StatusWord),
}

impl Counter {
    /// Interprets the answer to `00 20 00 80` (or `00 20 00 80|sfi`) for a reference whose
    /// fresh count is `max`.
    pub fn from_query(sw: StatusWord, max: u8) -> Counter {
        use StatusWord as Sw;
        match sw {
            Sw::RetriesLeft(0) | Sw::ReferenceDataNotUsable | Sw::AuthenticationMethodBlocked => {
                Counter::Blocked
            }
            Sw::RetriesLeft(n) if n > max => Counter::Implausible(sw),
            Sw::RetriesLeft(n) => Counter::Left(n),
            Sw::Success | Sw::VerificationFailedNoCounter => Counter::NotReported(sw),
            Sw::FileNotFound | Sw::ReferencedDataNotFound => Counter::Absent,
            other => Counter::Error(other),
        }
    }

    /// Tries left when known (0 when blocked).
    pub fn retries_left(self) -> Option<u8> {
        match self {
            Counter::Left(n) => Some(n),
            Counter::Blocked => Some(0),
            _ => None,
        }
    }

    /// The state word shown to the user.
    pub fn state(self) -> PinState {
        match self {
            Counter::Left(1) => PinState::Low,
            Counter::Left(_) => PinState::Ok,
            Counter::Blocked => PinState::Blocked,
            Counter::Absent => PinState::Absent,
            Counter::NotReported(_) | Counter::Implausible(_) | Counter::Error(_) => {
                PinState::Unknown
            }
        }
    }
}

/// The state of a PIN or key reference, as in `status --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PinState {
    /// Blocked: a reset is required.
    Blocked,
    /// One try left.
    Low,
    /// The count is not known.
    Unknown,
    /// The reference does not exist on this card.
    Absent,
    /// Two or more tries left.
    Ok,
}

/// The safety guard on one counter: may a VERIFY of `r` be sent? `Ok(true)` when it may and
/// it could be the last try (one left, or a count the card did not report and the user
/// allowed the last try); `verified_this_session` means a correct VERIFY already restored the
/// counter in this session.
pub fn guard_counter(
    r: KeyRef,
    counter: Counter,
    allow_last_try: bool,
    verified_this_session: bool,
) -> Result<bool, CardError> {
    match counter {
        Counter::Left(1) if !allow_last_try => Err(CardError::LastTry(r)),
        Counter::Left(1) => Ok(true),
        Counter::Left(_) => Ok(false),
        Counter::Blocked => Err(CardError::Blocked(r)),
        Counter::Absent => Err(CardError::Absent(r)),
        Counter::NotReported(_) if verified_this_session => Ok(false),
        Counter::NotReported(_) if allow_last_try => Ok(true),
        Counter::NotReported(_) => Err(CardError::CountUnknown(r)),
        Counter::Implausible(_) if allow_last_try => Ok(true),
        Counter::Implausible(sw) => Err(CardError::CountImplausible { r, sw }),
        Counter::Error(sw) => Err(CardError::Unexpected {
            step: Step::CounterQuery,
            sw,
        }),
    }
}

/// True when a status word says the card refused the command without acting on it (ISO
/// 7816-4 checking errors, and `64 xx` "state unchanged"): nothing was written, no try spent.
/// Any other unexpected word (`65 xx` memory errors, `6C xx`, `6F 00`, warnings) may follow an
/// action of the card.
pub fn card_did_not_act(sw: StatusWord) -> bool {
    let [sw1, _] = sw.to_u16().to_be_bytes();
    matches!(sw1, 0x64 | 0x67 | 0x68 | 0x69 | 0x6A | 0x6B | 0x6D | 0x6E)
        && !matches!(
            sw,
            StatusWord::ReferenceDataNotUsable | StatusWord::AuthenticationMethodBlocked
        )
}

/// What happened to one key reference in a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefChange {
    /// The card answered `90 00` to the change: the new value is set.
    Changed,
    /// The change was certainly not made: the old value stands.
    NotChanged(NotChanged),
    /// The change command was sent and the card may have acted: it holds the old value or the
    /// new one.
    Unknown(Unknown),
}

/// Why a reference certainly was not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotChanged {
    /// No change command was sent to it (the sequence stopped before).
    NotSent,
    /// The card refused it without acting (a checking error).
    Refused(StatusWord),
}

/// Why a reference's change is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// The card answered a word that does not rule out that it acted.
    Answer(StatusWord),
    /// No answer came back (card removed, no answer in time, cut-off answer).
    NoAnswer,
}

/// One key reference's counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefStatus {
    /// Which reference.
    pub r: KeyRef,
    /// What the card said.
    pub counter: Counter,
}

/// One PIN's counters (two references for juki).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinStatus {
    /// Which PIN.
    pub pin: PinId,
    /// Its references, in card order.
    pub refs: Vec<RefStatus>,
}

impl PinStatus {
    /// The weaker reference's state (for juki: blocked beats low beats unknown…).
    pub fn state(&self) -> PinState {
        self.refs
            .iter()
            .map(|r| r.counter.state())
            .min()
            .unwrap_or(PinState::Unknown)
    }

    /// The weaker reference's count.
    pub fn retries_left(&self) -> Option<u8> {
        self.refs
            .iter()
            .filter_map(|r| r.counter.retries_left())
            .min()
    }

    /// True when the references report different counts (juki).
    pub fn refs_disagree(&self) -> bool {
        self.refs.windows(2).any(|w| w[0].counter != w[1].counter)
    }
}

/// A recognized My Number card inside one transport session.
pub struct MyNumberCard<'t> {
    t: &'t mut dyn Transport,
    token: String,
    current_df: Option<Applet>,
    current_ef: Option<[u8; 2]>,
    short_query: bool,
    /// References verified with the right PIN in this session (their counter is at its
    /// maximum, whatever a later query answers).
    verified_ok: BTreeSet<KeyRef>,
    /// The reference verified by the last command, with no SELECT since (CHANGE may follow).
    last_verified: Option<KeyRef>,
    /// The lowest count each reference reported in this session since its last correct
    /// VERIFY: a count that rises without one is not believed.
    lowest_seen: BTreeMap<KeyRef, u8>,
    /// The card refused READ BINARY by short EF id.
    no_sfi_read: bool,
    apdus: usize,
}

impl<'t> MyNumberCard<'t> {
    /// Recognizes the card: SELECT JPKI (retried once after `6F 00`, card facts §3), READ
    /// BINARY of the token EF `0006` by its short EF id (falling back to SELECT EF + READ
    /// BINARY when the card refuses that form), and check the token.
    pub fn open(t: &'t mut dyn Transport) -> Result<MyNumberCard<'t>, CardError> {
        let mut card = MyNumberCard {
            t,
            token: String::new(),
            current_df: None,
            current_ef: None,
            short_query: true,
            verified_ok: BTreeSet::new(),
            last_verified: None,
            lowest_seen: BTreeMap::new(),
            no_sfi_read: false,
            apdus: 0,
        };
        let select = commands::select_df_by_name(&Applet::Jpki.aid())?;
        let mut r = card.send(&select)?;
        if r.sw() == StatusWord::NoPreciseDiagnosis {
            r = card.send(&select)?;
        }
        match r.sw() {
            StatusWord::Success => card.current_df = Some(Applet::Jpki),
            StatusWord::FileNotFound => {
                return Err(CardError::NotMyNumberCard(CardKind::NoJpkiApplet))
            }
            sw => {
                return Err(CardError::Unexpected {
                    step: Step::SelectApplet(Applet::Jpki),
                    sw,
                })
            }
        }
        let r = card.read_token()?;
        // A hostile card may answer more than was asked: keep the label's 32 bytes only.
        let data = &r.data()[..r.data().len().min(usize::from(TOKEN_LEN))];
        let label: String = String::from_utf8_lossy(data)
            .trim_end_matches([' ', '\0'])
            .chars()
            .take(MAX_QUOTED)
            .collect();
        card.token = label.clone();
        match label.as_str() {
            token::MY_NUMBER_CARD => Ok(card),
            token::JUKI_CARD => Err(CardError::NotMyNumberCard(CardKind::OldJukiCard)),
            token::SMARTPHONE_GP | token::SMARTPHONE_IOS => {
                Err(CardError::NotMyNumberCard(CardKind::Smartphone(label)))
            }
            _ => Err(CardError::NotMyNumberCard(CardKind::UnknownToken(label))),
        }
    }

    /// READ BINARY of the token: by short EF id (card facts §8, [2+]), else SELECT EF + READ.
    fn read_token(&mut self) -> Result<Response, CardError> {
        let sfi = jpki_ef::TOKEN[1];
        let r = self.send(&commands::read_binary_sfi(sfi, 0, TOKEN_LEN)?)?;
        match r.sw() {
            StatusWord::Success => {
                self.current_ef = Some(jpki_ef::TOKEN);
                return Ok(r);
            }
            // The card does not take the short form: fall back.
            StatusWord::FunctionNotSupported
            | StatusWord::IncorrectP1P2
            | StatusWord::WrongP1P2
            | StatusWord::InsNotSupported
            | StatusWord::CommandNotAllowed
            | StatusWord::FileNotFound
            | StatusWord::WrongLength => self.no_sfi_read = true,
            sw => {
                return Err(CardError::Unexpected {
                    step: Step::ReadToken,
                    sw,
                })
            }
        }
        self.select_ef(jpki_ef::TOKEN)?;
        let r = self.send(&commands::read_binary(0, TOKEN_LEN)?)?;
        if !r.sw().is_success() {
            return Err(CardError::Unexpected {
                step: Step::ReadToken,
                sw: r.sw(),
            });
        }
        Ok(r)
    }

    /// The token label (`JPKIAPICCTOKEN2`).
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Command APDUs sent so far in this session (GET RESPONSE rounds not counted).
    pub fn apdu_count(&self) -> usize {
        self.apdus
    }

    /// The reader's name.
    pub fn reader_name(&self) -> String {
        self.t.reader_name()
    }

    fn send(&mut self, cmd: &Command) -> Result<Response, CardError> {
        self.apdus += 1;
        match transmit(self.t, cmd) {
            Err(TransportError::CardWasReset) => {
                // The card lost its selection and any verified state; the command was not
                // sent. Only non-secret commands are replayed (after re-selecting).
                let (df, ef) = (self.current_df, self.current_ef);
                self.current_df = None;
                self.current_ef = None;
                self.verified_ok.clear();
                self.last_verified = None;
                if cmd.is_sensitive() {
                    return Err(CardError::Transport(TransportError::CardWasReset));
                }
                if let Some(df) = df {
                    self.select_df(df)?;
                }
                if let Some(ef) = ef {
                    self.select_ef(ef)?;
                }
                self.apdus += 1;
                Ok(transmit(self.t, cmd)?)
            }
            other => Ok(other?),
        }
    }

    fn select_df(&mut self, df: Applet) -> Result<(), CardError> {
        if self.current_df == Some(df) {
            return Ok(());
        }
        self.last_verified = None;
        let r = self.send(&commands::select_df_by_name(&df.aid())?)?;
        match r.sw() {
            StatusWord::Success => {
                self.current_df = Some(df);
                self.current_ef = None;
                Ok(())
            }
            sw => Err(CardError::Unexpected {
                step: Step::SelectApplet(df),
                sw,
            }),
        }
    }

    /// SELECT EF; `6A 82` is returned as `Ok(false)`.
    fn try_select_ef(&mut self, ef: [u8; 2]) -> Result<bool, CardError> {
        if self.current_ef == Some(ef) {
            return Ok(true);
        }
        self.last_verified = None;
        let r = self.send(&commands::select_ef(ef))?;
        match r.sw() {
            StatusWord::Success => {
                self.current_ef = Some(ef);
                Ok(true)
            }
            StatusWord::FileNotFound => Ok(false),
            sw => Err(CardError::Unexpected {
                step: Step::SelectEf,
                sw,
            }),
        }
    }

    fn select_ef(&mut self, ef: [u8; 2]) -> Result<(), CardError> {
        if self.try_select_ef(ef)? {
            Ok(())
        } else {
            Err(CardError::Unexpected {
                step: Step::SelectEf,
                sw: StatusWord::FileNotFound,
            })
        }
    }

    /// Notes a count the card reported; returns the counter to act on (a count that rose
    /// without a correct VERIFY in between is not believed: the lowest one stands).
    fn note_count(&mut self, r: KeyRef, c: Counter) -> Counter {
        match c {
            Counter::Left(n) => {
                let low = self.lowest_seen.entry(r).or_insert(n);
                *low = (*low).min(n);
                Counter::Left(*low)
            }
            Counter::Blocked => {
                self.lowest_seen.insert(r, 0);
                c
            }
            other => other,
        }
    }

    /// Reads `r`'s counter without consuming a try: the short-reference query when the card
    /// takes it, else SELECT EF + `00 20 00 80`.
    pub fn read_counter(&mut self, r: KeyRef) -> Result<Counter, CardError> {
        self.select_df(r.applet())?;
        if self.short_query && self.current_ef != Some(r.ef()) {
            let q = commands::retry_counter_query_short(r.short_id())?;
            let sw = self.send(&q)?.sw();
            match sw {
                // The card does not take the short form (or not for this EF): fall back.
                StatusWord::IncorrectP1P2
                | StatusWord::InsNotSupported
                | StatusWord::FunctionNotSupported
                | StatusWord::WrongLength => self.short_query = false,
                StatusWord::FileNotFound => {}
                sw => {
                    let c = Counter::from_query(sw, r.max_tries());
                    return Ok(self.note_count(r, c));
                }
            }
        }
        if !self.try_select_ef(r.ef())? {
            return Ok(Counter::Absent);
        }
        let sw = self.send(&commands::retry_counter_query())?.sw();
        let c = Counter::from_query(sw, r.max_tries());
        Ok(self.note_count(r, c))
    }

    /// Reads the four PINs' counters (five references).
    pub fn read_all(&mut self) -> Result<Vec<PinStatus>, CardError> {
        self.read_pins(&PinId::ALL)
    }

    /// Reads the counters of `pins`.
    pub fn read_pins(&mut self, pins: &[PinId]) -> Result<Vec<PinStatus>, CardError> {
        let mut out = Vec::new();
        for &pin in pins {
            let mut refs = Vec::new();
            for &r in pin.refs() {
                refs.push(RefStatus {
                    r,
                    counter: self.read_counter(r)?,
                });
            }
            out.push(PinStatus { pin, refs });
        }
        Ok(out)
    }

    /// Checks the guards for one VERIFY of `r`; `Ok` means a VERIFY may be sent now.
    fn guard(&mut self, r: KeyRef, allow_last_try: bool) -> Result<(), CardError> {
        self.select_df(r.applet())?;
        if !self.try_select_ef(r.ef())? {
            return Err(CardError::Absent(r));
        }
        // The counter is read right before every VERIFY, in the same DF and EF.
        let sw = self.send(&commands::retry_counter_query())?.sw();
        let counter = Counter::from_query(sw, r.max_tries());
        let counter = self.note_count(r, counter);
        guard_counter(r, counter, allow_last_try, self.verified_ok.contains(&r)).map(|_| ())
    }

    /// The counter the guard would act on now, without sending anything (the lowest count
    /// seen in this session), for the front end's "last try" confirmation.
    pub fn lowest_count(&self, r: KeyRef) -> Option<u8> {
        self.lowest_seen.get(&r).copied()
    }

    /// VERIFY `pin` against `r`, after reading the counter and applying the guards. A wrong
    /// PIN is `Err(WrongPin)`; it is never retried. An answer that does not say yes or no is
    /// `Err(VerifyUnknown)`: a try may have been spent.
    pub fn verify(&mut self, r: KeyRef, pin: &Pin, allow_last_try: bool) -> Result<(), CardError> {
        self.guard(r, allow_last_try)?;
        let sw = match self.send(&commands::verify(pin.secret())?) {
            Ok(resp) => resp.sw(),
            Err(CardError::Transport(e)) if e.delivery() == Delivery::SentNoAnswer => {
                return Err(CardError::VerifyUnknown {
                    r,
                    cause: Lost::Transport(e),
                })
            }
            Err(e) => return Err(e),
        };
        self.verify_answer(r, sw)
    }

    /// What the card's answer to a VERIFY of `r` means (typed at the host or on a PIN pad).
    fn verify_answer(&mut self, r: KeyRef, sw: StatusWord) -> Result<(), CardError> {
        match sw {
            StatusWord::Success => {
                self.verified_ok.insert(r);
                self.lowest_seen.remove(&r);
                self.last_verified = Some(r);
                Ok(())
            }
            StatusWord::RetriesLeft(n) => {
                self.lowest_seen.insert(r, n);
                Err(CardError::WrongPin {
                    r,
                    tries_left: Some(n),
                })
            }
            StatusWord::VerificationFailedNoCounter => Err(CardError::WrongPin {
                r,
                tries_left: None,
            }),
            StatusWord::ReferenceDataNotUsable | StatusWord::AuthenticationMethodBlocked => {
                Err(CardError::BlockedOnVerify(r, sw))
            }
            sw if card_did_not_act(sw) => Err(CardError::Unexpected {
                step: Step::Verify,
                sw,
            }),
            sw => Err(CardError::VerifyUnknown {
                r,
                cause: Lost::Answer(sw),
            }),
        }
    }

    /// Sends the change command for `r` right after its successful VERIFY (no SELECT
    /// between): CHANGE REFERENCE DATA, or CHANGE KEY for the juki references. The outcome
    /// says what the card may have done; `Err` only when nothing was sent.
    pub fn change_after_verify(
        &mut self,
        r: KeyRef,
        new_pin: &Pin,
    ) -> Result<(RefChange, Option<CardError>), CardError> {
        if self.last_verified != Some(r) {
            // A bug in the caller, caught before anything is sent.
            return Err(CardError::OutOfSequence(r));
        }
        let cmd = if r.is_juki() {
            commands::change_key(new_pin.secret())?
        } else {
            commands::change_reference_data(new_pin.secret())?
        };
        let sent = self.send(&cmd);
        Ok(change_outcome(Step::change_of(r), sent))
    }

    /// Reads a whole transparent EF of the JPKI applet that starts with a DER header
    /// (`30 82 LL LL`): 4 bytes, then the rest in ≤ 256-byte chunks (card facts §5).
    /// `Ok(None)` when the EF does not exist.
    pub fn read_der_file(&mut self, ef: [u8; 2]) -> Result<Option<Vec<u8>>, CardError> {
        self.select_df(Applet::Jpki)?;
        if !self.try_select_ef(ef)? {
            return Ok(None);
        }
        let head = self.send(&commands::read_binary(0, 4)?)?;
        if !head.sw().is_success() {
            return Err(CardError::Unexpected {
                step: Step::ReadCertificate,
                sw: head.sw(),
            });
        }
        let total = cert::der_total_len(head.data()).ok_or(CardError::Unexpected {
            step: Step::ReadCertificate,
            sw: StatusWord::IncorrectData,
        })?;
        let mut data = head.into_data();
        while data.len() < total {
            let offset = u16::try_from(data.len()).map_err(|_| CardError::Unexpected {
                step: Step::ReadCertificate,
                sw: StatusWord::IncorrectData,
            })?;
            let chunk = (total - data.len()).min(256) as u16;
            let r = self.send(&commands::read_binary(offset, chunk)?)?;
            if !r.sw().is_success() || r.data().is_empty() {
                return Err(CardError::Unexpected {
                    step: Step::ReadCertificate,
                    sw: r.sw(),
                });
            }
            data.extend_from_slice(r.data());
        }
        data.truncate(total);
        Ok(Some(data))
    }
}

/// What the answer to a change command (typed new PIN, or a PIN-pad modify) says the card did.
fn change_outcome(step: Step, sent: Result<Response, CardError>) -> (RefChange, Option<CardError>) {
    match sent {
        Ok(resp) if resp.sw().is_success() => (RefChange::Changed, None),
        Ok(resp) if card_did_not_act(resp.sw()) => (
            RefChange::NotChanged(NotChanged::Refused(resp.sw())),
            Some(CardError::Unexpected {
                step,
                sw: resp.sw(),
            }),
        ),
        Ok(resp) => (
            RefChange::Unknown(Unknown::Answer(resp.sw())),
            Some(CardError::Unexpected {
                step,
                sw: resp.sw(),
            }),
        ),
        // The transport's typed answer: a command it knows it did not send (the card removed
        // before it left, a reset, an invalid handle…) changed nothing; only one that was
        // sent and not answered leaves the reference unknown.
        Err(CardError::Transport(e)) if e.delivery() == Delivery::SentNoAnswer => (
            RefChange::Unknown(Unknown::NoAnswer),
            Some(CardError::Transport(e)),
        ),
        Err(e) => (RefChange::NotChanged(NotChanged::NotSent), Some(e)),
    }
}

impl MyNumberCard<'_> {
    /// The user-authentication certificate's state as of `today`, read without a PIN (JPKI EF
    /// `000A`, card facts §5).
    pub fn auth_certificate_state(
        &mut self,
        today: cert::Date,
    ) -> Result<cert::CertificateState, CardError> {
        // One READ BINARY by short EF id usually suffices (the validity is in the first 256
        // bytes); else the whole certificate through SELECT EF.
        self.select_df(Applet::Jpki)?;
        if !self.no_sfi_read {
            let sfi = jpki_ef::AUTH_CERT[1];
            let r = self.send(&commands::read_binary_sfi(sfi, 0, 256)?)?;
            match r.sw() {
                StatusWord::Success | StatusWord::EndOfFile => {
                    self.current_ef = Some(jpki_ef::AUTH_CERT);
                    self.last_verified = None;
                    if let Some(d) = cert::not_after_from_prefix(r.data()) {
                        return Ok(cert::CertificateState::of(d, today));
                    }
                }
                StatusWord::FileNotFound | StatusWord::ReferencedDataNotFound => {
                    return Ok(cert::CertificateState::Absent)
                }
                _ => self.no_sfi_read = true,
            }
        }
        // The same prefix through SELECT EF, then the whole certificate if need be.
        if !self.try_select_ef(jpki_ef::AUTH_CERT)? {
            return Ok(cert::CertificateState::Absent);
        }
        let r = self.send(&commands::read_binary(0, 256)?)?;
        if matches!(r.sw(), StatusWord::Success | StatusWord::EndOfFile) {
            if let Some(d) = cert::not_after_from_prefix(r.data()) {
                return Ok(cert::CertificateState::of(d, today));
            }
        }
        Ok(match self.read_der_file(jpki_ef::AUTH_CERT)? {
            None => cert::CertificateState::Absent,
            Some(der) => match cert::not_after(&der) {
                Some(d) => cert::CertificateState::of(d, today),
                None => cert::CertificateState::Unreadable,
            },
        })
    }
}

impl From<mynapin_apdu::EncodeError> for CardError {
    fn from(e: mynapin_apdu::EncodeError) -> Self {
        CardError::Transport(TransportError::Encode(e))
    }
}

impl CardError {
    /// The kind of this failure.
    pub fn outcome(&self) -> Outcome {
        use OutcomeKind as K;
        let kind = match self {
            CardError::Transport(t) => return t.outcome(),
            CardError::NotMyNumberCard(_) => K::NotMyNumberCard,
            CardError::Unexpected { .. } => K::UnexpectedAnswer,
            CardError::Blocked(_) | CardError::BlockedOnVerify(..) => K::Blocked,
            // A VERIFY whose answer was not awaited because of a signal: the stop was the
            // user's (the message says too that a try may have been spent).
            CardError::VerifyUnknown {
                cause: Lost::Transport(TransportError::Abandoned { signal, .. }),
                ..
            } => {
                return Outcome {
                    kind: K::Interrupted,
                    class: Class::Interrupted { signal: *signal },
                }
            }
            CardError::VerifyUnknown { .. } => K::VerifyUnknown,
            CardError::CountImplausible { .. } => K::CountImplausible,
            CardError::LastTry(_) => K::LastTry,
            CardError::CountUnknown(_) => K::CountUnknown,
            CardError::Absent(_) => K::Absent,
            CardError::OutOfSequence(_) => K::Internal,
            // The wrong PIN that blocked the card: the kind stays the fact (a wrong PIN), the
            // class is that the PIN is now blocked.
            CardError::WrongPin {
                tries_left: Some(0),
                ..
            } => {
                return Outcome {
                    kind: K::WrongPin,
                    class: Class::Blocked,
                }
            }
            CardError::WrongPin { .. } => K::WrongPin,
        };
        kind.into()
    }
}
