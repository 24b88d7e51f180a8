//! Changing one or several PINs as one sequence, with a per-reference outcome.
//!
//! When more than one key reference is involved (several PINs, or juki's two references),
//! every current PIN is VERIFYed first: a wrong one stops everything before anything changed.
//! Then each reference gets VERIFY + CHANGE (no SELECT between, card doc §3). The report says,
//! for every reference, changed / not changed / unknown.

use super::{CardError, MyNumberCard, Pin};
use crate::layout::{KeyRef, PinId};
use crate::transport::TransportError;
use mynapin_apdu::StatusWord;

/// One key reference's outcome: the PIN it belongs to, the reference, what happened.
pub type RefOutcome = (PinId, KeyRef, RefChange);

/// One PIN to change.
pub struct ChangeRequest<'a> {
    /// Which PIN.
    pub pin: PinId,
    /// Its current value.
    pub current: &'a Pin,
    /// The new value.
    pub new: &'a Pin,
    /// Only this one of the PIN's key references (to finish a change that stopped half-way);
    /// `None`: all of them.
    pub only: Option<KeyRef>,
}

impl ChangeRequest<'_> {
    fn refs(&self) -> Vec<KeyRef> {
        match self.only {
            Some(r) => vec![r],
            None => self.pin.refs().to_vec(),
        }
    }
}

/// What happened to one key reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefChange {
    /// The card answered `90 00` to the change: the new value is set.
    Changed,
    /// The change was not made (not sent, or refused with `sw`): the old value stands.
    NotChanged {
        /// The card's refusal, if the command was sent.
        sw: Option<StatusWord>,
    },
    /// The change command was sent but no answer came back (card removed, reader gone): the
    /// card may hold either value.
    Unknown,
}

/// The outcome of a change, per key reference.
#[derive(Debug)]
pub struct ChangeReport {
    /// Every requested reference in order, with its outcome.
    pub refs: Vec<RefOutcome>,
    /// Why the sequence stopped early, if it did.
    pub error: Option<CardError>,
}

impl ChangeReport {
    /// Every reference changed.
    pub fn all_changed(&self) -> bool {
        self.error.is_none() && self.refs.iter().all(|(_, _, c)| *c == RefChange::Changed)
    }

    /// No reference changed, and none is unknown.
    pub fn nothing_changed(&self) -> bool {
        self.refs
            .iter()
            .all(|(_, _, c)| matches!(c, RefChange::NotChanged { .. }))
    }
}

/// Changes every PIN in `requests`. `on_progress` sees the outcomes before each change command
/// is sent (the one in flight marked `Unknown`) and after each answer, so that a watchdog can
/// report them if the card stops answering.
pub fn change_pins(
    card: &mut MyNumberCard<'_>,
    requests: &[ChangeRequest<'_>],
    allow_last_try: bool,
    on_progress: &mut dyn FnMut(&[RefOutcome]),
) -> ChangeReport {
    let mut refs: Vec<RefOutcome> = requests
        .iter()
        .flat_map(|q| {
            q.refs()
                .into_iter()
                .map(move |r| (q.pin, r, RefChange::NotChanged { sw: None }))
        })
        .collect();
    let pin_of = |pin: PinId| requests.iter().find(|q| q.pin == pin).expect("requested");
    on_progress(&refs);

    // Pass 1: check every current PIN before changing anything.
    if refs.len() > 1 {
        for (pin, r, _) in refs.clone() {
            if let Err(e) = card.verify(r, pin_of(pin).current, allow_last_try) {
                return ChangeReport {
                    refs,
                    error: Some(e),
                };
            }
        }
    }

    // Pass 2: VERIFY + CHANGE per reference; stop at the first that does not change.
    for i in 0..refs.len() {
        let (pin, r, _) = refs[i];
        let q = pin_of(pin);
        if let Err(e) = card.verify(r, q.current, allow_last_try) {
            return ChangeReport {
                refs,
                error: Some(e),
            };
        }
        refs[i].2 = RefChange::Unknown;
        on_progress(&refs);
        let outcome = match card.change_after_verify(r, q.new) {
            Ok(o) => o,
            Err(e) => {
                refs[i].2 = RefChange::Unknown;
                return ChangeReport {
                    refs,
                    error: Some(e),
                };
            }
        };
        refs[i].2 = outcome;
        on_progress(&refs);
        match outcome {
            RefChange::Changed => {}
            RefChange::NotChanged { sw: Some(sw) } => {
                return ChangeReport {
                    refs,
                    error: Some(CardError::Unexpected {
                        step: if r.is_juki() {
                            "CHANGE KEY"
                        } else {
                            "CHANGE REFERENCE DATA"
                        },
                        sw,
                    }),
                }
            }
            RefChange::NotChanged { sw: None } => {
                return ChangeReport {
                    refs,
                    error: Some(CardError::Transport(TransportError::CardWasReset)),
                }
            }
            RefChange::Unknown => {
                return ChangeReport {
                    refs,
                    error: Some(CardError::Transport(TransportError::CardRemoved)),
                }
            }
        }
    }
    ChangeReport { refs, error: None }
}
