//! My Number card semantics and the safety guards (card doc §2–§4).
//!
//! * [`MyNumberCard::open`] recognizes the card by SELECTing the JPKI AID and reading the
//!   token in EF `0006` — never by ATR — and refuses the old 住基カード and smartphone tokens.
//! * [`MyNumberCard::read_counter`] reads a key reference's counter with the non-consuming
//!   query and interprets the status word per the card doc's table ([`Counter`]).
//! * [`MyNumberCard::verify`] / [`MyNumberCard::change`] read the counter right before every
//!   VERIFY, refuse a blocked PIN, the last try (unless allowed) and an unknown count, and
//!   never retry.
//!
//! This layer talks to a [`Transport`]; it never opens a reader or prints anything.

pub mod cert;
mod change;
pub mod pin;

pub use change::{change_pins, ChangeReport, ChangeRequest, RefChange, RefOutcome};
pub use pin::{Normalized, Pin, PinError};

use crate::layout::{jpki_ef, token, Applet, KeyRef, PinId, TOKEN_LEN};
use crate::transport::{transmit, Transport, TransportError};
use mynapin_apdu::{commands, Command, Response, StatusWord};
use serde::Serialize;
use std::collections::BTreeSet;

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

/// A card-layer failure.
#[derive(Debug, thiserror::Error)]
pub enum CardError {
    /// The transport failed.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The card is not a My Number card.
    #[error("not a My Number card: {0:?}")]
    NotMyNumberCard(CardKind),
    /// The card answered something the card doc does not allow for this step.
    #[error("unexpected answer {sw} ({}) to {step}", sw.meaning())]
    Unexpected {
        /// What the tool was doing.
        step: &'static str,
        /// The answer.
        sw: StatusWord,
    },
    /// The reference is blocked: nothing was sent beyond the query.
    #[error("{} is blocked", .0.id())]
    Blocked(KeyRef),
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

/// A counter as the card reported it (card doc §3, status-word table).
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
    /// Any other word: shown with its meaning.
    Error(StatusWord),
}

impl Counter {
    /// Interprets the answer to `00 20 00 80` (or `00 20 00 80|sfi`).
    pub fn from_query(sw: StatusWord) -> Counter {
        use StatusWord as Sw;
        match sw {
            Sw::RetriesLeft(0) | Sw::ReferenceDataNotUsable | Sw::AuthenticationMethodBlocked => {
                Counter::Blocked
            }
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
            Counter::NotReported(_) | Counter::Error(_) => PinState::Unknown,
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
        Counter::Error(sw) => Err(CardError::Unexpected {
            step: "retry-counter query",
            sw,
        }),
    }
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
    apdus: usize,
}

impl<'t> MyNumberCard<'t> {
    /// Recognizes the card: SELECT JPKI (retried once after `6F 00`, card doc §3), SELECT EF
    /// `0006`, READ BINARY 32 bytes, and check the token.
    pub fn open(t: &'t mut dyn Transport) -> Result<MyNumberCard<'t>, CardError> {
        let mut card = MyNumberCard {
            t,
            token: String::new(),
            current_df: None,
            current_ef: None,
            short_query: true,
            verified_ok: BTreeSet::new(),
            last_verified: None,
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
                    step: "SELECT JPKI",
                    sw,
                })
            }
        }
        card.select_ef(jpki_ef::TOKEN, "SELECT EF 0006 (token)")?;
        let r = card.send(&commands::read_binary(0, TOKEN_LEN)?)?;
        if !r.sw().is_success() {
            return Err(CardError::Unexpected {
                step: "READ BINARY 0006 (token)",
                sw: r.sw(),
            });
        }
        let label = String::from_utf8_lossy(r.data())
            .trim_end_matches([' ', '\0'])
            .to_string();
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
                    self.select_ef(ef, "SELECT EF (after reset)")?;
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
                step: match df {
                    Applet::Jpki => "SELECT JPKI",
                    Applet::Kenhojo => "SELECT Kenhojo AP",
                    Applet::Juki => "SELECT Juki AP",
                    Applet::Common => "SELECT common DF",
                    Applet::Kenmen => "SELECT Kenmen AP",
                },
                sw,
            }),
        }
    }

    /// SELECT EF; `6A 82` is returned as `Ok(false)`.
    fn try_select_ef(&mut self, ef: [u8; 2], step: &'static str) -> Result<bool, CardError> {
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
            sw => Err(CardError::Unexpected { step, sw }),
        }
    }

    fn select_ef(&mut self, ef: [u8; 2], step: &'static str) -> Result<(), CardError> {
        if self.try_select_ef(ef, step)? {
            Ok(())
        } else {
            Err(CardError::Unexpected {
                step,
                sw: StatusWord::FileNotFound,
            })
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
                sw => return Ok(Counter::from_query(sw)),
            }
        }
        if !self.try_select_ef(r.ef(), "SELECT EF (key reference)")? {
            return Ok(Counter::Absent);
        }
        let sw = self.send(&commands::retry_counter_query())?.sw();
        Ok(Counter::from_query(sw))
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
        if !self.try_select_ef(r.ef(), "SELECT EF (key reference)")? {
            return Err(CardError::Absent(r));
        }
        // The counter is read right before every VERIFY, in the same DF and EF.
        let sw = self.send(&commands::retry_counter_query())?.sw();
        let counter = Counter::from_query(sw);
        guard_counter(r, counter, allow_last_try, self.verified_ok.contains(&r)).map(|_| ())
    }

    /// VERIFY `pin` against `r`, after reading the counter and applying the guards. A wrong
    /// PIN is `Err(WrongPin)`; it is never retried.
    pub fn verify(&mut self, r: KeyRef, pin: &Pin, allow_last_try: bool) -> Result<(), CardError> {
        self.guard(r, allow_last_try)?;
        let sw = self.send(&commands::verify(pin.secret())?)?.sw();
        match sw {
            StatusWord::Success => {
                self.verified_ok.insert(r);
                self.last_verified = Some(r);
                Ok(())
            }
            StatusWord::RetriesLeft(n) => Err(CardError::WrongPin {
                r,
                tries_left: Some(n),
            }),
            StatusWord::VerificationFailedNoCounter => Err(CardError::WrongPin {
                r,
                tries_left: None,
            }),
            StatusWord::ReferenceDataNotUsable | StatusWord::AuthenticationMethodBlocked => {
                Err(CardError::Blocked(r))
            }
            sw => Err(CardError::Unexpected { step: "VERIFY", sw }),
        }
    }

    /// Sends the change command for `r` right after its successful VERIFY (no SELECT
    /// between): CHANGE REFERENCE DATA, or CHANGE KEY for the juki references.
    pub fn change_after_verify(
        &mut self,
        r: KeyRef,
        new_pin: &Pin,
    ) -> Result<RefChange, CardError> {
        if self.last_verified != Some(r) {
            // A bug in the caller, caught before anything is sent.
            return Err(CardError::OutOfSequence(r));
        }
        let cmd = if r.is_juki() {
            commands::change_key(new_pin.secret())?
        } else {
            commands::change_reference_data(new_pin.secret())?
        };
        match self.send(&cmd) {
            Ok(resp) if resp.sw().is_success() => Ok(RefChange::Changed),
            Ok(resp) => Ok(RefChange::NotChanged {
                sw: Some(resp.sw()),
            }),
            Err(CardError::Transport(TransportError::CardWasReset)) => {
                Ok(RefChange::NotChanged { sw: None })
            }
            Err(CardError::Transport(_)) => Ok(RefChange::Unknown),
            Err(e) => Err(e),
        }
    }

    /// Reads a whole transparent EF of the JPKI applet that starts with a DER header
    /// (`30 82 LL LL`): 4 bytes, then the rest in ≤ 256-byte chunks (card doc §5).
    /// `Ok(None)` when the EF does not exist.
    pub fn read_der_file(&mut self, ef: [u8; 2]) -> Result<Option<Vec<u8>>, CardError> {
        self.select_df(Applet::Jpki)?;
        if !self.try_select_ef(ef, "SELECT EF (certificate)")? {
            return Ok(None);
        }
        let head = self.send(&commands::read_binary(0, 4)?)?;
        if !head.sw().is_success() {
            return Err(CardError::Unexpected {
                step: "READ BINARY (certificate header)",
                sw: head.sw(),
            });
        }
        let total = cert::der_total_len(head.data()).ok_or(CardError::Unexpected {
            step: "certificate header",
            sw: StatusWord::IncorrectData,
        })?;
        let mut data = head.into_data();
        while data.len() < total {
            let offset = u16::try_from(data.len()).map_err(|_| CardError::Unexpected {
                step: "certificate length",
                sw: StatusWord::IncorrectData,
            })?;
            let chunk = (total - data.len()).min(256) as u16;
            let r = self.send(&commands::read_binary(offset, chunk)?)?;
            if !r.sw().is_success() || r.data().is_empty() {
                return Err(CardError::Unexpected {
                    step: "READ BINARY (certificate)",
                    sw: r.sw(),
                });
            }
            data.extend_from_slice(r.data());
        }
        data.truncate(total);
        Ok(Some(data))
    }
}

impl From<mynapin_apdu::EncodeError> for CardError {
    fn from(e: mynapin_apdu::EncodeError) -> Self {
        CardError::Transport(TransportError::Encode(e))
    }
}
