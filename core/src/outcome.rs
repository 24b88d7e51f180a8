//! The typed outcome of an operation: what kind of failure (or result) it is, as a stable id
//! a script can rely on, and its class, from which a front end chooses how to report it (the
//! command line maps classes to its exit codes).
//!
//! The ids are the `error.kind` values of the command line's `--json` output (the README has
//! their table); they never change once published. The wording of each outcome lives in
//! `mynapin-words`, not here. Each failure type names its own outcome (`TransportError`,
//! `CardError` and the PIN flow's `Stop` each have an `outcome` method, beside the type):
//! this module imports nothing of the crate, so every layer can use it.

use serde::Serialize;

/// What came of an operation, in one of a few classes a front end treats alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// It did what was asked.
    Success,
    /// A safety guard refused it (the last try, a count that cannot be trusted, a question
    /// not confirmed): nothing that can spend a try was sent.
    Refused,
    /// The card refused the PIN: one try was spent.
    WrongPin,
    /// The PIN is blocked (found so, or blocked by this wrong entry): a reset is required.
    Blocked,
    /// No reader, no card, not a My Number card, or the PC/SC layer failed.
    NoCard,
    /// The request or an entry is not valid: nothing was sent for it.
    Usage,
    /// An unexpected card answer, a half-done change, or an internal error.
    Failure,
    /// Stopped by the user or the system (`signal`: the POSIX signal's number; 0 for an end
    /// of input at a prompt, which is a cancel like Ctrl-C).
    Interrupted {
        /// The signal's number (2 for Ctrl-C).
        signal: i32,
    },
    /// The card answered, but the simulated card's new state could not be saved.
    NotSaved,
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident = $id:literal => $class:expr,)*) => {
        /// The kind of a failure, by its stable id (`error.kind` in `--json` output).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum OutcomeKind {
            $($(#[$doc])* #[serde(rename = $id)] $variant,)*
        }

        impl OutcomeKind {
            /// Every kind, in the order of the README's table (alphabetical by id).
            pub const ALL: &'static [OutcomeKind] = &[$(OutcomeKind::$variant,)*];

            /// The stable id (as serialised).
            pub fn id(self) -> &'static str {
                match self {
                    $(OutcomeKind::$variant => $id,)*
                }
            }

            /// The class an outcome of this kind has, unless the outcome says more: a wrong
            /// PIN that blocked the card is [`Class::Blocked`], and a stop by a signal is
            /// [`Class::Interrupted`] with that signal (see [`Outcome`]).
            pub fn class(self) -> Class {
                match self {
                    $(OutcomeKind::$variant => $class,)*
                }
            }
        }
    };
}

/// Ctrl-C, the default signal of a stop whose signal is not known.
const SIGINT: i32 = 2;

kinds! {
    /// The key reference does not exist on this card.
    Absent = "absent" => Class::Failure,
    /// Several readers match the selector.
    AmbiguousReader = "ambiguous_reader" => Class::NoCard,
    /// The card's answer could not be read.
    BadResponse = "bad_response" => Class::NoCard,
    /// The PIN is blocked.
    Blocked = "blocked" => Class::Blocked,
    /// The person cancelled at a prompt.
    Cancelled = "cancelled" => Class::Interrupted { signal: SIGINT },
    /// Another program holds the card (or the simulated card's state file).
    CardInUse = "card_in_use" => Class::NoCard,
    /// The card was taken out.
    CardRemoved = "card_removed" => Class::NoCard,
    /// Another program reset the card.
    CardReset = "card_reset" => Class::NoCard,
    /// The new PIN and its confirmation differ.
    ConfirmationMismatch = "confirmation_mismatch" => Class::Usage,
    /// The card reported a count it cannot mean.
    CountImplausible = "count_implausible" => Class::Refused,
    /// The card did not report the count.
    CountUnknown = "count_unknown" => Class::Refused,
    /// The last try was not confirmed.
    Declined = "declined" => Class::Refused,
    /// A simulated card's fixture cannot be used.
    Fixture = "fixture" => Class::Usage,
    /// An entry could not be read.
    Input = "input" => Class::Usage,
    /// The input ended in the middle of the confirmation.
    InputCutOff = "input_cut_off" => Class::Usage,
    /// The input ended before every entry was read.
    InputEnded = "input_ended" => Class::Usage,
    /// A defect of mynapin.
    Internal = "internal" => Class::Failure,
    /// Stopped by a signal.
    Interrupted = "interrupted" => Class::Interrupted { signal: SIGINT },
    /// An entry is not a valid PIN.
    InvalidPin = "invalid_pin" => Class::Usage,
    /// One try is left and it was not allowed.
    LastTry = "last_try" => Class::Refused,
    /// The reader is empty.
    NoCard = "no_card" => Class::NoCard,
    /// No PIN pad where one was required.
    NoPinpad = "no_pinpad" => Class::Usage,
    /// No reader is connected.
    NoReader = "no_reader" => Class::NoCard,
    /// The PC/SC service is not running.
    NoService = "no_service" => Class::NoCard,
    /// Not a My Number card.
    NotMyNumberCard = "not_my_number_card" => Class::NoCard,
    /// Another PC/SC failure.
    Pcsc = "pcsc" => Class::NoCard,
    /// Cancel pressed on the PIN pad.
    PinpadCancelled = "pinpad_cancelled" => Class::Usage,
    /// The two entries on the PIN pad differ.
    PinpadEntriesDiffer = "pinpad_entries_differ" => Class::Usage,
    /// The PIN-pad reader rejected the request's structure.
    PinpadRejected = "pinpad_rejected" => Class::Failure,
    /// Nothing was typed on the PIN pad in time.
    PinpadTimeout = "pinpad_timeout" => Class::Usage,
    /// Too few or too many digits on the PIN pad.
    PinpadWrongLength = "pinpad_wrong_length" => Class::Usage,
    /// No reader matches the selector.
    ReaderNotFound = "reader_not_found" => Class::NoCard,
    /// The reader cannot do what was asked.
    ReaderUnsupported = "reader_unsupported" => Class::NoCard,
    /// The new PIN equals the current one.
    SameAsCurrent = "same_as_current" => Class::Usage,
    /// The PC/SC service stopped.
    ServiceStopped = "service_stopped" => Class::NoCard,
    /// The simulated card's state file cannot be used.
    StateFile = "state_file" => Class::Usage,
    /// The simulated card's new state could not be saved.
    StateNotSaved = "state_not_saved" => Class::NotSaved,
    /// The card did not answer in time.
    Timeout = "timeout" => Class::NoCard,
    /// The card answered what it should not have.
    UnexpectedAnswer = "unexpected_answer" => Class::Failure,
    /// The request is not valid (which PINs, which options).
    Usage = "usage" => Class::Usage,
    /// A VERIFY was sent and its outcome is unknown.
    VerifyUnknown = "verify_unknown" => Class::Failure,
    /// The card refused the PIN.
    WrongPin = "wrong_pin" => Class::WrongPin,
}

impl std::fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// One outcome: its kind and its class (which may say more than the kind's usual class).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The stable kind.
    pub kind: OutcomeKind,
    /// How a front end reports it.
    pub class: Class,
}

impl From<OutcomeKind> for Outcome {
    fn from(kind: OutcomeKind) -> Outcome {
        Outcome {
            kind,
            class: kind.class(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_sorted_and_serialise_as_themselves() {
        let ids: Vec<&str> = OutcomeKind::ALL.iter().map(|k| k.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "the ids are unique and in the README's order");
        assert_eq!(ids.len(), 42);
        for k in OutcomeKind::ALL {
            let json = serde_json_string(*k);
            assert_eq!(json, format!("\"{}\"", k.id()));
        }
    }

    /// The id as serde serialises it (a unit variant, renamed, is a string).
    fn serde_json_string(k: OutcomeKind) -> String {
        match toml::Value::try_from(k) {
            Ok(toml::Value::String(id)) => format!("\"{id}\""),
            other => panic!("{k:?} serialised as {other:?}"),
        }
    }
}
