//! Every failure → a documented exit code, a "what happened" line and "what to do" lines,
//! each saying what is known: whether anything was sent, whether a try was spent, which key
//! reference holds which PIN.

use super::guide_text;
use super::lang::{msg, Lang};
use super::text::{card_kind, format_rule, pin_of_ref, pin_short, ref_name, sanitize, sw_meaning};
use crate::card::session::{Checked, EntryError, PadAnswer, Report, Role, Stop};
use crate::card::{CardError, Lost, PinError, Step};
use crate::layout::{Applet, KeyRef, PinId};
use crate::sim::{FixtureError, StateError};
use crate::transport::TransportError;

/// The exit codes (README, `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Success = 0,
    /// 1: unexpected card answer, partial change, or internal error.
    Failure = 1,
    /// 2: usage error or invalid input; nothing was sent to the card.
    Usage = 2,
    /// 3: wrong PIN.
    WrongPin = 3,
    /// 4: PIN blocked: a reset is required.
    Blocked = 4,
    /// 5: refused by a safety guard (last try, unknown count); nothing was sent.
    Refused = 5,
    /// 6: no reader, no card, not a My Number card, or PC/SC failure.
    NoCard = 6,
    /// 130: interrupted by Ctrl-C (SIGINT); the report says what was done.
    Interrupted = 130,
    /// 143: stopped by SIGTERM; the report says what was done.
    Terminated = 143,
}

impl Exit {
    /// The exit code for a stop by `signal`.
    pub fn from_signal(signal: i32) -> Exit {
        if signal == 15 {
            Exit::Terminated
        } else {
            Exit::Interrupted
        }
    }

    /// True for the codes of a stop by a signal.
    pub fn is_signal(self) -> bool {
        matches!(self, Exit::Interrupted | Exit::Terminated)
    }
}

/// A failure of a command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// From the card layer.
    #[error(transparent)]
    Card(#[from] CardError),
    /// A fixture that cannot be loaded.
    #[error(transparent)]
    Fixture(#[from] FixtureError),
    /// Wrong use of the command line (message already localized).
    #[error("{what}")]
    Usage {
        /// What is wrong.
        what: String,
        /// What to do.
        todo: String,
    },
    /// The simulated card's state file cannot be used.
    #[error(transparent)]
    State(#[from] StateError),
}

impl From<TransportError> for CliError {
    fn from(e: TransportError) -> Self {
        CliError::Card(CardError::Transport(e))
    }
}

/// A message: exit code, what happened, what to do (possibly several lines).
pub struct Message {
    /// Exit code.
    pub exit: Exit,
    /// Stable machine-readable kind for `--json`.
    pub kind: &'static str,
    /// What happened.
    pub what: String,
    /// What to do.
    pub todo: Vec<String>,
}

impl CliError {
    /// The message for this error in `lang`.
    pub fn message(&self, lang: Lang) -> Message {
        let m = |exit, kind, what: String, todo: Vec<String>| Message {
            exit,
            kind,
            what,
            todo,
        };
        match self {
            CliError::Card(e) => card_message(lang, e),
            CliError::Fixture(e) | CliError::State(StateError::Malformed(e)) => m(
                Exit::Usage,
                "fixture",
                fixture_what(lang, e),
                vec![msg::error_fixture_todo(lang)],
            ),
            CliError::Usage { what, todo } => {
                m(Exit::Usage, "usage", what.clone(), vec![todo.clone()])
            }
            CliError::State(StateError::Busy { path }) => m(
                Exit::NoCard,
                "card_in_use",
                msg::error_sim_busy_what(lang, sanitize(path)),
                vec![msg::error_sim_busy_todo(lang)],
            ),
            CliError::State(e) => {
                let (path, reason) = match e {
                    StateError::Io { path, source } => (path, io_reason(lang, source)),
                    StateError::Read { path, source } => (path, read_reason(lang, source)),
                    StateError::ReadOnly { path } | StateError::Busy { path } => {
                        (path, msg::error_state_read_only(lang))
                    }
                    StateError::Malformed(_) => unreachable!("worded as a fixture above"),
                };
                m(
                    Exit::Usage,
                    "state_file",
                    msg::error_state_file_what(lang, sanitize(path), reason),
                    vec![msg::error_state_file_todo(lang)],
                )
            }
        }
    }
}

/// What is wrong with a fixture. The checker's own words (toml's line and column, the rule
/// a value breaks) are kept as they are, sanitized: they come from the file's parser.
fn fixture_what(lang: Lang, e: &FixtureError) -> String {
    match e {
        FixtureError::Read { path, source } => {
            msg::error_fixture_read_what(lang, sanitize(path), read_reason(lang, source))
        }
        FixtureError::Malformed { path, message } => {
            msg::error_fixture_malformed_what(lang, sanitize(message), sanitize(path))
        }
        FixtureError::Invalid { path, message } => {
            msg::error_fixture_invalid_what(lang, sanitize(message), sanitize(path))
        }
    }
}

/// Why a file could not be used, in words (the system's English text is not shown).
pub(super) fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg::error_io_not_found(lang),
        K::PermissionDenied => msg::error_io_permission(lang),
        K::AlreadyExists => msg::error_io_exists(lang),
        K::IsADirectory => msg::error_io_is_directory(lang),
        K::NotADirectory => msg::error_io_not_directory(lang),
        K::ReadOnlyFilesystem => msg::error_io_read_only_fs(lang),
        K::StorageFull => msg::error_io_storage_full(lang),
        _ => match e.raw_os_error() {
            // ENXIO (the same number on Linux and macOS): no controlling terminal.
            #[cfg(unix)]
            Some(6) => msg::error_io_no_device(lang),
            Some(code) => msg::error_io_other(lang, code),
            None => msg::error_io_other(lang, "?"),
        },
    }
}

/// Why a bounded read failed, in words.
pub(super) fn read_reason(lang: Lang, e: &crate::bounded::ReadError) -> String {
    use crate::bounded::ReadError;
    match e {
        ReadError::Io(e) => io_reason(lang, e),
        ReadError::TooLarge { max } => msg::error_read_too_large(lang, *max),
        ReadError::NotText => msg::error_read_not_text(lang),
        ReadError::Directory => msg::error_read_directory(lang),
    }
}

/// What a stop means in words, with what the report says was sent.
pub fn stop_message(lang: Lang, stop: &Stop, report: &Report) -> Message {
    let mut verified: Vec<PinId> = Vec::new();
    for r in report.refs.iter().filter(|r| r.checked == Checked::Correct) {
        if !verified.contains(&r.pin) {
            verified.push(r.pin);
        }
    }
    // What was sent before this stop, for the "nothing was sent" lines.
    let verified_line = (!verified.is_empty()).then(|| {
        let names: Vec<String> = verified.iter().map(|p| pin_short(lang, *p)).collect();
        msg::error_sent_verified(lang, verified.len(), lang.join(&names))
    });
    let sent_line = verified_line
        .clone()
        .unwrap_or_else(|| msg::error_sent_counters_only(lang));
    let m = |exit, kind, what: String, todo: Vec<String>| Message {
        exit,
        kind,
        what,
        todo,
    };
    match stop {
        Stop::Card(e) => {
            let mut msg = card_message_with(lang, e, verified_line);
            if let CardError::Transport(TransportError::Interrupted { signal }) = e {
                msg.exit = Exit::from_signal(*signal);
            }
            msg
        }
        Stop::Entry(EntryError::Cancelled { signal }) => m(
            Exit::from_signal(*signal),
            "cancelled",
            msg::error_cancelled_what(lang),
            vec![sent_line],
        ),
        Stop::Entry(EntryError::Ended { got, expected }) if *expected > 0 => m(
            Exit::Usage,
            "input_ended",
            msg::error_input_ended_what(lang, *expected, *got),
            vec![sent_line, msg::error_input_ended_todo(lang)],
        ),
        Stop::Entry(e) => {
            let what = match e {
                EntryError::Ended { .. } => msg::error_input_eof_what(lang),
                EntryError::TooLong { max } => msg::error_input_too_long_what(lang, *max),
                EntryError::TimedOut { .. } => msg::error_input_timeout_what(lang),
                EntryError::Unreadable(why) => {
                    msg::error_input_unreadable_what(lang, sanitize(why))
                }
                EntryError::Cancelled { .. } => String::new(),
            };
            m(
                Exit::Usage,
                "input",
                what,
                vec![sent_line, msg::error_input_todo(lang)],
            )
        }
        Stop::InvalidPin { pin, role, err } => {
            let name = pin_short(lang, *pin);
            let which = match role {
                Role::Current => msg::error_which_current(lang, name),
                _ => msg::error_which_new(lang, name),
            };
            let what = match err {
                PinError::Empty => msg::error_pin_empty(lang, which),
                PinError::BadCharacter { position } => {
                    msg::error_pin_bad_character(lang, *position, which)
                }
                PinError::NotDigits => msg::error_pin_not_digits(lang, which),
                PinError::Length { got } => msg::error_pin_length(lang, *got, which),
                PinError::NeedsLetterAndDigit => msg::error_pin_letter_and_digit(lang, which),
            };
            m(
                Exit::Usage,
                "invalid_pin",
                what,
                vec![
                    msg::error_pin_rule(lang, format_rule(lang, pin.format())),
                    verified_line.unwrap_or_else(|| msg::error_sent_nothing_no_try(lang)),
                ],
            )
        }
        Stop::ConfirmationMismatch { attempts } => m(
            Exit::Usage,
            "confirmation_mismatch",
            if *attempts > 1 {
                msg::error_mismatch_many(lang, *attempts)
            } else {
                msg::error_mismatch_once(lang)
            },
            vec![sent_line, msg::error_run_again(lang)],
        ),
        Stop::SameAsCurrent(pin) => m(
            Exit::Usage,
            "same_as_current",
            msg::error_same_as_current_what(lang, pin_short(lang, *pin)),
            vec![
                sent_line,
                msg::error_same_as_current_todo(lang, pin_short(lang, *pin)),
            ],
        ),
        Stop::MixedFormats => m(
            Exit::Usage,
            "usage",
            msg::error_mixed_formats_what(lang),
            vec![msg::error_mixed_formats_todo(lang)],
        ),
        Stop::NoSuchReference(r) => m(
            Exit::Usage,
            "usage",
            msg::error_no_such_reference_what(lang, r.id()),
            vec![msg::error_sent_nothing(lang)],
        ),
        Stop::Declined => m(
            Exit::Refused,
            "declined",
            msg::error_declined_what(lang),
            vec![sent_line],
        ),
        Stop::PinPad { r, role, answer } => {
            let name = ref_phrase(lang, *r);
            let not_sent = msg::error_pinpad_not_sent(lang);
            let again = msg::error_pinpad_again(lang);
            let (exit, kind, what, todo) = match answer {
                PadAnswer::Timeout => (
                    Exit::Usage,
                    "pinpad_timeout",
                    msg::error_pinpad_timeout_what(lang, name),
                    vec![not_sent, sent_line, again],
                ),
                PadAnswer::Cancelled => (
                    Exit::Usage,
                    "pinpad_cancelled",
                    msg::error_pinpad_cancelled_what(lang, name),
                    vec![not_sent, sent_line],
                ),
                PadAnswer::EntriesDiffer => (
                    Exit::Usage,
                    "pinpad_entries_differ",
                    msg::error_pinpad_entries_differ_what(lang, name),
                    vec![not_sent, sent_line, again],
                ),
                PadAnswer::WrongLength => (
                    Exit::Usage,
                    "pinpad_wrong_length",
                    if *role == Role::Current {
                        msg::error_pinpad_wrong_length_what(lang, name)
                    } else {
                        msg::error_pinpad_wrong_length_new_what(lang, name)
                    },
                    vec![not_sent, sent_line, again],
                ),
                PadAnswer::Rejected => (
                    Exit::Failure,
                    "pinpad_rejected",
                    msg::error_pinpad_rejected_what(lang),
                    vec![not_sent, sent_line, msg::error_pinpad_rejected_todo(lang)],
                ),
            };
            m(exit, kind, what, todo)
        }
        Stop::NoPinPad => m(
            Exit::Usage,
            "no_pinpad",
            msg::error_no_pinpad_what(lang),
            vec![
                msg::error_sent_nothing(lang),
                msg::error_no_pinpad_todo(lang),
            ],
        ),
        Stop::PadNotForPin(pin) => m(
            Exit::Usage,
            "usage",
            msg::error_pad_not_for_pin_what(lang, pin_short(lang, *pin)),
            vec![msg::error_pad_not_for_pin_todo(lang)],
        ),
    }
}

/// "the user-authentication PIN" or, for a juki copy, "the residence registry PIN (its
/// copy in …)".
fn ref_phrase(lang: Lang, r: KeyRef) -> String {
    let pin = pin_short(lang, pin_of_ref(r));
    if r.is_juki() {
        msg::error_ref_phrase(lang, pin, ref_name(lang, r))
    } else {
        pin
    }
}

/// What mynapin was doing, for "the card answered … to …". The card command's technical
/// name is in the English text only; Japanese says what the step is for.
fn step_name(lang: Lang, step: Step) -> String {
    let applet = |a: Applet| match a {
        Applet::Jpki => msg::step_applet_jpki(lang),
        Applet::Kenhojo => msg::step_applet_kenhojo(lang),
        Applet::Juki => msg::step_applet_juki(lang),
        Applet::Common => msg::step_applet_common(lang),
        Applet::Kenmen => msg::step_applet_kenmen(lang),
    };
    match step {
        Step::SelectApplet(a) => msg::step_select_applet(lang, applet(a)),
        Step::SelectEf => msg::step_select_file(lang),
        Step::ReadToken => msg::step_read_token(lang),
        Step::CounterQuery => msg::step_counter_query(lang),
        Step::Verify => msg::step_verify(lang),
        Step::ChangeReferenceData => msg::step_change_reference_data(lang),
        Step::ChangeKey => msg::step_change_key(lang),
        Step::ReadCertificate => msg::step_read_certificate(lang),
    }
}

/// The message for a card-layer error.
pub fn card_message(lang: Lang, e: &CardError) -> Message {
    card_message_with(lang, e, None)
}

/// The message for a card-layer error; `sent` replaces the default "nothing was sent beyond
/// the counter" line when the caller knows more (a PIN already checked in this session).
pub fn card_message_with(lang: Lang, e: &CardError, sent: Option<String>) -> Message {
    let nothing_sent = sent.unwrap_or_else(|| msg::error_sent_counters_only(lang));
    let name = |r: KeyRef| ref_phrase(lang, r);
    let short = |r: KeyRef| pin_short(lang, pin_of_ref(r));
    let m = |exit, kind, what: String, todo: Vec<String>| Message {
        exit,
        kind,
        what,
        todo,
    };
    match e {
        CardError::Transport(t) => transport_message(lang, t),
        CardError::NotMyNumberCard(kind) => m(
            Exit::NoCard,
            "not_my_number_card",
            msg::error_not_my_number_card_what(lang, card_kind(lang, kind)),
            vec![msg::error_not_my_number_card_todo(lang)],
        ),
        CardError::Unexpected { step, sw } => m(
            Exit::Failure,
            "unexpected_answer",
            msg::error_unexpected_answer_what(
                lang,
                sw_meaning(lang, *sw),
                step_name(lang, *step),
                sw.to_string(),
            ),
            vec![msg::error_unexpected_answer_todo(lang)],
        ),
        CardError::Blocked(r) => {
            let mut todo = vec![nothing_sent];
            todo.extend(guide_text::short_guide(lang, pin_of_ref(*r), None));
            m(
                Exit::Blocked,
                "blocked",
                msg::error_blocked_what(lang, name(*r)),
                todo,
            )
        }
        CardError::BlockedOnVerify(r) => {
            let mut todo = vec![msg::error_blocked_on_verify_todo(lang)];
            todo.extend(guide_text::short_guide(lang, pin_of_ref(*r), None));
            m(
                Exit::Blocked,
                "blocked",
                msg::error_blocked_on_verify_what(lang, name(*r)),
                todo,
            )
        }
        CardError::VerifyUnknown { r, cause } => m(
            Exit::Failure,
            "verify_unknown",
            match cause {
                Lost::Answer(sw) => msg::error_verify_unknown_answer_what(
                    lang,
                    sw_meaning(lang, *sw),
                    name(*r),
                    sw.to_string(),
                ),
                Lost::Transport(_) => msg::error_verify_unknown_lost_what(lang, name(*r)),
            },
            vec![msg::error_verify_unknown_todo(lang)],
        ),
        CardError::CountImplausible { r, sw } => m(
            Exit::Refused,
            "count_implausible",
            msg::error_count_implausible_what(lang, r.max_tries(), name(*r), sw.to_string()),
            vec![nothing_sent, msg::error_sure_use_last_try(lang, short(*r))],
        ),
        CardError::LastTry(r) => m(
            Exit::Refused,
            "last_try",
            msg::error_last_try_what(
                lang,
                name(*r),
                guide_text::reset_routes_phrase(lang, pin_of_ref(*r)),
            ),
            vec![
                nothing_sent,
                msg::error_last_try_todo(lang, pin_of_ref(*r).id(), short(*r)),
            ],
        ),
        CardError::CountUnknown(r) => m(
            Exit::Refused,
            "count_unknown",
            msg::error_count_unknown_what(lang, name(*r)),
            vec![nothing_sent, msg::error_sure_use_last_try(lang, short(*r))],
        ),
        CardError::Absent(r) => m(
            Exit::Failure,
            "absent",
            msg::error_absent_what(lang, name(*r)),
            vec![if pin_of_ref(*r) == PinId::Sign {
                msg::error_absent_sign_todo(lang)
            } else {
                msg::error_absent_todo(lang)
            }],
        ),
        CardError::OutOfSequence(r) => m(
            Exit::Failure,
            "internal",
            msg::error_out_of_sequence_what(lang, name(*r)),
            vec![msg::error_report_to_developers(lang)],
        ),
        CardError::WrongPin { r, tries_left } => {
            let pin = pin_of_ref(*r);
            let (what, mut todo) = match tries_left {
                Some(0) => (msg::error_wrong_pin_blocked_what(lang, name(*r)), vec![]),
                Some(n) => (
                    msg::error_wrong_pin_left_what(lang, *n, name(*r)),
                    vec![msg::error_wrong_pin_left_todo(
                        lang,
                        *n,
                        guide_text::reset_routes_phrase(lang, pin),
                    )],
                ),
                None => (
                    msg::error_wrong_pin_unknown_what(lang, name(*r)),
                    vec![msg::error_wrong_pin_unknown_todo(lang)],
                ),
            };
            if *tries_left == Some(0) {
                todo.extend(guide_text::short_guide(lang, pin, None));
            }
            m(Exit::WrongPin, "wrong_pin", what, todo)
        }
    }
}

/// What PC/SC reported, in words, for the errors not mapped to a message of their own.
fn pcsc_reason(lang: Lang, e: ::pcsc::Error) -> String {
    use ::pcsc::Error as E;
    match e {
        E::ReaderUnavailable => msg::error_pcsc_reader_unavailable(lang),
        E::UnknownReader => msg::error_pcsc_unknown_reader(lang),
        E::UnpoweredCard => msg::error_pcsc_unpowered_card(lang),
        E::UnresponsiveCard => msg::error_pcsc_unresponsive_card(lang),
        E::UnsupportedCard | E::CardUnsupported => msg::error_pcsc_unsupported_card(lang),
        E::ServiceStopped | E::Shutdown => msg::error_pcsc_service_stopped(lang),
        E::CommError | E::CommDataLost => msg::error_pcsc_comm_error(lang),
        E::NoAccess => msg::error_pcsc_no_access(lang),
        E::Timeout | E::WaitedTooLong => msg::error_pcsc_timeout(lang),
        _ => msg::error_pcsc_other(lang),
    }
}

fn transport_message(lang: Lang, t: &TransportError) -> Message {
    let list = |readers: &[String]| {
        readers
            .iter()
            .enumerate()
            .map(|(i, r)| format!("  {i}: {}", sanitize(r)))
            .collect::<Vec<_>>()
    };
    let (exit, kind, what, todo): (Exit, &str, String, Vec<String>) = match t {
        TransportError::NoService => (
            Exit::NoCard,
            "no_service",
            msg::error_no_service_what(lang),
            vec![
                super::doctor::service_fix(lang),
                msg::error_no_service_todo(lang),
            ],
        ),
        TransportError::NoReaders => (
            Exit::NoCard,
            "no_reader",
            msg::error_no_reader_what(lang),
            vec![msg::error_no_reader_todo(lang)],
        ),
        TransportError::ReaderNotFound { selector, readers } => {
            let mut todo = vec![msg::error_reader_not_found_todo(lang)];
            todo.extend(list(readers));
            (
                Exit::NoCard,
                "reader_not_found",
                msg::error_reader_not_found_what(lang, sanitize(selector)),
                todo,
            )
        }
        TransportError::AmbiguousReader { readers } => {
            let mut todo = vec![msg::error_ambiguous_reader_todo(lang)];
            todo.extend(list(readers));
            (
                Exit::NoCard,
                "ambiguous_reader",
                msg::error_ambiguous_reader_what(lang),
                todo,
            )
        }
        TransportError::NoCard { reader } => (
            Exit::NoCard,
            "no_card",
            msg::error_no_card_what(lang, sanitize(reader)),
            vec![msg::error_no_card_todo(lang)],
        ),
        TransportError::CardRemoved => (
            Exit::NoCard,
            "card_removed",
            msg::error_card_removed_what(lang),
            vec![msg::error_card_removed_todo(lang)],
        ),
        TransportError::CardInUse => (
            Exit::NoCard,
            "card_in_use",
            msg::error_card_in_use_what(lang),
            vec![msg::error_card_in_use_todo(lang)],
        ),
        TransportError::CardWasReset => (
            Exit::NoCard,
            "card_reset",
            msg::error_card_reset_what(lang),
            vec![msg::error_card_reset_todo(lang)],
        ),
        TransportError::BadResponse(_) | TransportError::EndlessResponse => (
            Exit::NoCard,
            "bad_response",
            msg::error_bad_response_what(lang),
            vec![msg::error_bad_response_todo(lang)],
        ),
        TransportError::Timeout(limit) => (
            Exit::NoCard,
            "timeout",
            msg::error_timeout_what(lang, limit.as_secs()),
            vec![msg::error_timeout_todo(lang)],
        ),
        TransportError::ConnectTimeout(limit) => (
            Exit::NoCard,
            "card_in_use",
            msg::error_connect_timeout_what(lang, limit.as_secs()),
            vec![msg::error_connect_timeout_todo(lang)],
        ),
        TransportError::NoCardInTime(limit) => (
            Exit::NoCard,
            "no_card",
            msg::error_no_card_in_time_what(lang, limit.as_secs()),
            vec![msg::error_no_card_in_time_todo(lang)],
        ),
        TransportError::Interrupted { signal } => (
            Exit::from_signal(*signal),
            "interrupted",
            if *signal == 15 {
                msg::error_interrupted_sigterm_what(lang)
            } else {
                msg::error_interrupted_ctrl_c_what(lang)
            },
            vec![msg::error_interrupted_todo(lang)],
        ),
        TransportError::Encode(_) => (
            Exit::Failure,
            "internal",
            msg::error_internal_encode_what(lang),
            vec![msg::error_report_to_developers(lang)],
        ),
        TransportError::Unsupported => (
            Exit::NoCard,
            "reader_unsupported",
            msg::error_reader_unsupported_what(lang),
            vec![msg::error_reader_unsupported_todo(lang)],
        ),
        TransportError::Pcsc(e) => (
            Exit::NoCard,
            "pcsc",
            msg::error_pcsc_what(lang, format!("0x{:08X}", *e as u32), pcsc_reason(lang, *e)),
            vec![msg::error_pcsc_todo(lang)],
        ),
    };
    Message {
        exit,
        kind,
        what,
        todo,
    }
}
