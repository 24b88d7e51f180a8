//! The words for what the core reports of an operation: what happened (a stop, a card error,
//! a transport failure), what was sent, what became of each key reference, and what to do
//! next — in plain words, with no command or option of any front end in them. A front end
//! adds its own lines (the command line names its commands and flags) around these.

use crate::{msg, sanitize::sanitize, Lang};
use mynapin_core::card::session::{
    Checked, EntryError, NextStep, PadAnswer, RefReport, Role, Sent, Stop,
};
use mynapin_core::card::{CardError, CardKind, Lost, NotChanged, PinError, RefChange, Step};
use mynapin_core::card::{PinState, Unknown};
use mynapin_core::layout::{Applet, KeyRef, PinFormat, PinId};
use mynapin_core::procedure::guide::{options, Case, Situation};
use mynapin_core::procedure::Route;
use mynapin_core::transport::TransportError;

/// A short name of a PIN for running text ("user-authentication PIN").
pub fn pin_short(lang: Lang, pin: PinId) -> String {
    match pin {
        PinId::Auth => msg::pin_short_auth(lang),
        PinId::Sign => msg::pin_short_sign(lang),
        PinId::Kenhojo => msg::pin_short_kenhojo(lang),
        PinId::Juki => msg::pin_short_juki(lang),
    }
}

/// Where on the card a key reference keeps its PIN, in words a resident can follow (the
/// residence registry PIN is kept in two places: "place 1 of 2", "place 2 of 2").
pub fn ref_name(lang: Lang, r: KeyRef) -> String {
    match r {
        KeyRef::Auth => msg::ref_auth(lang),
        KeyRef::Sign => msg::ref_sign(lang),
        KeyRef::Kenhojo => msg::ref_kenhojo(lang),
        KeyRef::JukiAp => msg::ref_juki_ap(lang),
        KeyRef::JukiCommon => msg::ref_juki_common(lang),
        _ => msg::ref_derived(lang),
    }
}

/// The PIN a key reference belongs to (the derived codes are reported under kenhojo).
pub fn pin_of_ref(r: KeyRef) -> PinId {
    r.pin().unwrap_or(PinId::Kenhojo)
}

/// "PIN" or "password" (the signature password is a password in every message), for
/// running text.
pub fn secret_word(lang: Lang, pin: PinId) -> String {
    if pin == PinId::Sign {
        msg::change_secret_password(lang)
    } else {
        msg::change_secret_pin(lang)
    }
}

/// Which of the residence registry PIN's two places a key reference is (1 or 2).
pub fn juki_place(r: KeyRef) -> Option<u8> {
    match r {
        KeyRef::JukiAp => Some(1),
        KeyRef::JukiCommon => Some(2),
        _ => None,
    }
}

/// Where `pin` is kept: the PIN's name, and for the residence registry PIN which of its two
/// places.
pub fn place(lang: Lang, pin: PinId, r: KeyRef) -> String {
    let name = pin_short(lang, pin);
    match juki_place(r) {
        Some(n) => msg::change_place_juki(lang, msg::ChangePlaceJuki { n, pin: name }),
        None => name,
    }
}

/// "the user-authentication PIN" or, for a juki place, "the residence registry PIN (place 2
/// of 2)" (not the place's technical name, which repeats the PIN's).
pub fn ref_phrase(lang: Lang, r: KeyRef) -> String {
    let pin = pin_short(lang, pin_of_ref(r));
    match juki_place(r) {
        Some(n) => msg::error_ref_phrase(lang, msg::ErrorRefPhrase { n, pin }),
        None => pin,
    }
}

/// The meaning of a status word: the catalogue's `sw-<name>` (one message per
/// [`StatusWord::name`](mynapin_apdu::StatusWord::name)).
pub fn sw_meaning(lang: Lang, sw: mynapin_apdu::StatusWord) -> String {
    let id = format!("sw-{}", sw.name());
    msg::sw(&id).map_or(id, |say| say(lang))
}

/// What kind of card this is, for refusals (a token from the card is sanitized).
pub fn card_kind(lang: Lang, k: &CardKind) -> String {
    match k {
        CardKind::NoJpkiApplet => msg::card_no_jpki(lang),
        CardKind::OldJukiCard => msg::card_old_juki(lang),
        CardKind::Smartphone(t) => msg::card_smartphone(lang, sanitize(t)),
        CardKind::UnknownToken(t) => msg::card_unknown_token(lang, sanitize(t)),
    }
}

/// The rule a PIN entry must follow.
pub fn format_rule(lang: Lang, f: PinFormat) -> String {
    match f {
        PinFormat::FourDigits => msg::format_four_digits(lang),
        PinFormat::SignPassword => msg::format_sign_password(lang),
        PinFormat::DigitsExact(n) => msg::format_digits(lang, n),
    }
}

/// The short name of a route (`kiosk`, `city office counter`).
pub fn route_short(lang: Lang, r: Route) -> String {
    match r {
        Route::Home => msg::route_home(lang),
        Route::Kiosk => msg::route_kiosk(lang),
        Route::Counter => msg::route_counter(lang),
    }
}

/// How a blocked `pin` can be reset, as a phrase: at a kiosk with another PIN when the
/// national rules allow it, else only at the city office.
pub fn reset_routes(lang: Lang, pin: PinId) -> String {
    let case = Case::new(pin, Situation::Blocked);
    let kiosk = options(&case, None, None)
        .iter()
        .find(|o| o.route == Route::Kiosk)
        .and_then(|o| o.needs_only_partner());
    match kiosk {
        Some(p) => msg::guide_reset_kiosk_or_counter(lang, pin_short(lang, p)),
        None => msg::guide_reset_counter_only(lang),
    }
}

/// What was sent before an operation stopped ([`mynapin_core::card::session::Report::sent`]).
pub fn sent(lang: Lang, sent: &Sent) -> String {
    match sent {
        Sent::CountersOnly => msg::error_sent_counters_only(lang),
        Sent::Verified(verified) => {
            let names: Vec<String> = verified.iter().map(|p| pin_short(lang, *p)).collect();
            msg::error_sent_verified(
                lang,
                msg::ErrorSentVerified {
                    count: verified.len(),
                    pins: lang.join(&names),
                },
            )
        }
        Sent::More { .. } => msg::sent_more(lang),
    }
}

/// What the user (or the system, for SIGHUP and SIGPIPE) did to stop the run, as a phrase.
pub fn stop_cause(lang: Lang, signal: i32) -> String {
    match signal {
        1 => msg::stop_cause_sighup(lang),
        3 => msg::stop_cause_sigquit(lang),
        13 => msg::stop_cause_sigpipe(lang),
        15 => msg::stop_cause_sigterm(lang),
        _ => msg::stop_cause_ctrl_c(lang),
    }
}

/// What mynapin was doing, for "the card answered … to …". The card command's technical
/// name is in the English text only; Japanese says what the step is for.
pub fn step_name(lang: Lang, step: Step) -> String {
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

/// Why an entry is not a valid `pin` (for `role`), in words; never a character of it.
pub fn invalid_pin(lang: Lang, pin: PinId, role: Role, err: PinError) -> String {
    let name = pin_short(lang, pin);
    let which = match role {
        Role::Current => msg::error_which_current(lang, name),
        _ => msg::error_which_new(lang, name),
    };
    match err {
        PinError::Empty => msg::error_pin_empty(lang, which),
        PinError::BadCharacter { position } => {
            msg::error_pin_bad_character(lang, msg::ErrorPinBadCharacter { position, which })
        }
        PinError::NotDigits => msg::error_pin_not_digits(lang, which),
        // A PIN of digits counts digits (「5桁です」), a password characters.
        PinError::Length { got } if pin.format() != PinFormat::SignPassword => {
            msg::error_pin_digits_length(lang, msg::ErrorPinDigitsLength { got, which })
        }
        PinError::Length { got } => msg::error_pin_length(lang, msg::ErrorPinLength { got, which }),
        PinError::NeedsLetterAndDigit => msg::error_pin_letter_and_digit(lang, which),
    }
}

/// What happened, for a stop of the PIN flow: one sentence (or two) that says what the card
/// or the person did and what it means for the PIN.
pub fn stop(lang: Lang, stop: &Stop) -> String {
    match stop {
        Stop::Card(e) => card_error(lang, e),
        Stop::Entry(e) => match e {
            EntryError::Cancelled { .. } => msg::error_cancelled_what(lang),
            EntryError::Ended { got, expected } if *expected > 0 => msg::error_input_ended_what(
                lang,
                msg::ErrorInputEndedWhat {
                    expected: *expected,
                    got: *got,
                },
            ),
            EntryError::Ended { .. } => msg::error_input_eof_what(lang),
            EntryError::TooLong { max } => msg::error_input_too_long_what(lang, *max),
            EntryError::TimedOut { .. } => msg::error_input_timeout_what(lang),
            EntryError::Unreadable(why) => msg::error_input_unreadable_what(lang, sanitize(why)),
        },
        Stop::InvalidPin { pin, role, err } => invalid_pin(lang, *pin, *role, *err),
        Stop::ConfirmationMismatch { attempts } if *attempts > 1 => {
            msg::error_mismatch_many(lang, *attempts)
        }
        Stop::ConfirmationMismatch { .. } => msg::error_mismatch_once(lang),
        Stop::SameAsCurrent(pin) => msg::error_same_as_current_what(lang, pin_short(lang, *pin)),
        Stop::MixedFormats => msg::change_sign_alone(lang),
        Stop::NoSuchReference(r) => msg::error_no_such_reference_what(lang, r.id()),
        Stop::Declined => msg::error_declined_what(lang),
        Stop::PinPad { r, role, answer } => {
            let name = ref_phrase(lang, *r);
            match answer {
                PadAnswer::Timeout => msg::error_pinpad_timeout_what(lang, name),
                PadAnswer::Cancelled => msg::error_pinpad_cancelled_what(lang, name),
                PadAnswer::EntriesDiffer => msg::error_pinpad_entries_differ_what(lang, name),
                PadAnswer::WrongLength if *role == Role::Current => {
                    msg::error_pinpad_wrong_length_what(lang, name)
                }
                PadAnswer::WrongLength => msg::error_pinpad_wrong_length_new_what(lang, name),
                PadAnswer::Rejected => msg::error_pinpad_rejected_what(lang),
            }
        }
        Stop::NoPinPad => msg::error_no_pinpad_what(lang),
        Stop::PadNotForPin(pin) => msg::error_pad_not_for_pin_what(lang, pin_short(lang, *pin)),
    }
}

/// What happened, for a card-layer error. A wrong PIN says how many tries are left.
pub fn card_error(lang: Lang, e: &CardError) -> String {
    let name = |r: KeyRef| ref_phrase(lang, r);
    match e {
        CardError::Transport(t) => transport(lang, t),
        CardError::NotMyNumberCard(kind) => {
            msg::error_not_my_number_card_what(lang, card_kind(lang, kind))
        }
        CardError::Unexpected { step, sw } => msg::error_unexpected_answer_what(
            lang,
            msg::ErrorUnexpectedAnswerWhat {
                meaning: sw_meaning(lang, *sw),
                step: step_name(lang, *step),
                sw: sw.to_string(),
            },
        ),
        CardError::Blocked(r) => msg::error_blocked_what(lang, name(*r)),
        CardError::BlockedOnVerify(r, sw) => msg::error_blocked_on_verify_what(
            lang,
            msg::ErrorBlockedOnVerifyWhat {
                name: name(*r),
                sw: sw.to_string(),
            },
        ),
        CardError::VerifyUnknown { r, cause } => match cause {
            Lost::Answer(sw) => msg::error_verify_unknown_answer_what(
                lang,
                msg::ErrorVerifyUnknownAnswerWhat {
                    meaning: sw_meaning(lang, *sw),
                    name: name(*r),
                    sw: sw.to_string(),
                },
            ),
            Lost::Transport(_) => msg::error_verify_unknown_lost_what(lang, name(*r)),
        },
        CardError::CountImplausible { r, sw } => msg::error_count_implausible_what(
            lang,
            msg::ErrorCountImplausibleWhat {
                max: r.max_tries(),
                name: name(*r),
                sw: sw.to_string(),
            },
        ),
        CardError::LastTry(r) => msg::error_last_try_what(
            lang,
            msg::ErrorLastTryWhat {
                name: name(*r),
                routes: reset_routes(lang, pin_of_ref(*r)),
            },
        ),
        CardError::CountUnknown(r) => msg::error_count_unknown_what(lang, name(*r)),
        CardError::Absent(r) => msg::error_absent_what(lang, name(*r)),
        CardError::OutOfSequence(r) => msg::error_out_of_sequence_what(lang, name(*r)),
        CardError::WrongPin { r, tries_left } => match tries_left {
            Some(0) => msg::error_wrong_pin_blocked_what(lang, name(*r)),
            Some(1) => msg::error_wrong_pin_last_what(lang, name(*r)),
            Some(n) => msg::error_wrong_pin_left_what(
                lang,
                msg::ErrorWrongPinLeftWhat {
                    n: *n,
                    name: name(*r),
                },
            ),
            None => msg::error_wrong_pin_unknown_what(lang, name(*r)),
        },
    }
}

/// What PC/SC reported, in words, for the errors not worded on their own.
fn pcsc_reason(lang: Lang, e: pcsc::Error) -> String {
    use pcsc::Error as E;
    match e {
        E::ReaderUnavailable => msg::error_pcsc_reader_unavailable(lang),
        E::UnknownReader => msg::error_pcsc_unknown_reader(lang),
        E::UnpoweredCard => msg::error_pcsc_unpowered_card(lang),
        E::UnresponsiveCard => msg::error_pcsc_unresponsive_card(lang),
        E::UnsupportedCard | E::CardUnsupported => msg::error_pcsc_unsupported_card(lang),
        E::ServiceStopped | E::Shutdown | E::NoService => msg::error_pcsc_service_stopped(lang),
        E::CommError | E::CommDataLost => msg::error_pcsc_comm_error(lang),
        E::NoAccess => msg::error_pcsc_no_access(lang),
        E::Timeout | E::WaitedTooLong => msg::error_pcsc_timeout(lang),
        _ => msg::error_pcsc_other(lang),
    }
}

/// What happened, for a failure of the reader, the card's connection or the PC/SC service.
pub fn transport(lang: Lang, t: &TransportError) -> String {
    match t {
        TransportError::NoService if cfg!(windows) => msg::error_no_service_windows_what(lang),
        TransportError::NoService => msg::error_no_service_what(lang),
        TransportError::ServiceStopped => msg::error_service_stopped_what(lang),
        TransportError::NoReaders => msg::error_no_reader_what(lang),
        TransportError::ReaderNotFound { selector, .. } => {
            msg::error_reader_not_found_what(lang, sanitize(selector))
        }
        TransportError::AmbiguousReader { .. } => msg::error_ambiguous_reader_what(lang),
        TransportError::NoCard { reader } => msg::error_no_card_what(lang, sanitize(reader)),
        TransportError::CardRemoved => msg::error_card_removed_what(lang),
        TransportError::CardRemovedBeforeSending => msg::error_card_removed_not_sent_what(lang),
        TransportError::CardInUse => msg::error_card_in_use_what(lang),
        TransportError::CardWasReset => msg::error_card_reset_what(lang),
        TransportError::BadResponse(_) | TransportError::EndlessResponse => {
            msg::error_bad_response_what(lang)
        }
        TransportError::Timeout(limit) => msg::error_timeout_what(lang, limit.as_secs()),
        TransportError::ConnectTimeout(limit) => {
            msg::error_connect_timeout_what(lang, limit.as_secs())
        }
        TransportError::NoCardInTime(limit) => {
            msg::error_no_card_in_time_what(lang, limit.as_secs())
        }
        TransportError::Interrupted { signal } => match *signal {
            1 => msg::error_interrupted_sighup_what(lang),
            3 => msg::error_interrupted_sigquit_what(lang),
            13 => msg::error_interrupted_sigpipe_what(lang),
            15 => msg::error_interrupted_sigterm_what(lang),
            _ => msg::error_interrupted_ctrl_c_what(lang),
        },
        TransportError::Abandoned { signal, grace } => msg::error_abandoned_what(
            lang,
            msg::ErrorAbandonedWhat {
                cause: stop_cause(lang, *signal),
                secs: grace.as_secs(),
            },
        ),
        TransportError::Encode(_) => msg::error_internal_encode_what(lang),
        TransportError::Unsupported => msg::error_reader_unsupported_what(lang),
        TransportError::Pcsc(e) => msg::error_pcsc_what(
            lang,
            msg::ErrorPcscWhat {
                code: format!("0x{:08X}", *e as u32),
                reason: pcsc_reason(lang, *e),
            },
        ),
    }
}

/// What became of one key reference in a change: changed (holds the new value), not changed
/// (holds the old one, and why), or unknown (holds one of the two).
pub fn ref_change(lang: Lang, r: &RefReport) -> String {
    let secret = secret_word(lang, r.pin);
    match r.change {
        RefChange::Changed => msg::change_outcome_changed(lang, secret),
        RefChange::NotChanged(NotChanged::NotSent) => msg::change_outcome_not_sent(lang, secret),
        RefChange::NotChanged(NotChanged::Refused(sw)) => msg::change_outcome_refused(
            lang,
            msg::ChangeOutcomeRefused {
                meaning: sw_meaning(lang, sw),
                secret,
                sw: sw.to_string(),
            },
        ),
        RefChange::Unknown(Unknown::Answer(sw)) => msg::change_outcome_unknown_answer(
            lang,
            msg::ChangeOutcomeUnknownAnswer {
                meaning: sw_meaning(lang, sw),
                secret,
                sw: sw.to_string(),
            },
        ),
        RefChange::Unknown(Unknown::NoAnswer) => msg::change_outcome_no_answer(lang, secret),
    }
}

/// What the check of one key reference's current value cost, when it cost (or may have
/// cost) a try: `None` when it was correct or not sent.
pub fn ref_checked(lang: Lang, r: &RefReport) -> Option<String> {
    match r.checked {
        Checked::Wrong { .. } => Some(msg::change_checked_wrong(lang, secret_word(lang, r.pin))),
        Checked::Unknown => Some(msg::change_checked_unknown(lang)),
        Checked::NotSent | Checked::Correct => None,
    }
}

/// A counter's state in one word ("OK", "BLOCKED").
pub fn state_word(lang: Lang, s: PinState) -> String {
    match s {
        PinState::Ok => msg::state_ok(lang),
        PinState::Low => msg::state_low(lang),
        PinState::Blocked => msg::state_blocked(lang),
        PinState::Absent => msg::state_absent(lang),
        PinState::Unknown => msg::state_unknown(lang),
    }
}

/// A next step in plain words, with no command or option: a front end that has commands
/// words the step with them instead (the command line does).
pub fn next_step(lang: Lang, step: &NextStep) -> String {
    match *step {
        NextStep::FinishChange { pin, r } => msg::next_step_finish(
            lang,
            msg::NextStepFinish {
                place: place(lang, pin, r),
                secret: secret_word(lang, pin),
            },
        ),
        NextStep::FindOutWhichValue { pin, r } => msg::next_step_find_out(
            lang,
            msg::NextStepFindOut {
                max: r.max_tries(),
                place: place(lang, pin, r),
                secret: secret_word(lang, pin),
            },
        ),
        NextStep::ReadStatus => msg::next_step_read_status(lang),
        NextStep::SeeGuide(pin) => msg::next_step_see_guide(lang, pin_short(lang, pin)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_pin_says_how_many_tries_are_left() {
        let wrong = |n| {
            Stop::Card(CardError::WrongPin {
                r: KeyRef::Auth,
                tries_left: Some(n),
            })
        };
        assert!(
            stop(Lang::JA, &wrong(2)).contains("残り2回"),
            "{}",
            stop(Lang::JA, &wrong(2))
        );
        assert!(stop(Lang::EN, &wrong(2)).contains('2'));
        assert!(stop(Lang::JA, &wrong(0)).contains("ロック"));
    }

    #[test]
    fn next_steps_name_no_command_or_option() {
        let steps = [
            NextStep::FinishChange {
                pin: PinId::Juki,
                r: KeyRef::JukiCommon,
            },
            NextStep::FindOutWhichValue {
                pin: PinId::Sign,
                r: KeyRef::Sign,
            },
            NextStep::ReadStatus,
            NextStep::SeeGuide(PinId::Auth),
        ];
        for lang in Lang::all() {
            for s in &steps {
                let text = next_step(lang, s);
                assert!(!text.contains("mynapin") && !text.contains("--"), "{text}");
                assert!(!text.contains("next-step"), "{text}");
            }
        }
        let find_out = next_step(Lang::EN, &steps[1]);
        assert!(
            find_out.contains("password") && find_out.contains('5'),
            "{find_out}"
        );
        let finish = next_step(Lang::JA, &steps[0]);
        assert!(finish.contains("2か所目"), "{finish}");
    }
}
