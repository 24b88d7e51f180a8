//! The transmission rules every transport gets (`61 xx` → GET RESPONSE, `6C xx` → resend
//! with Le), and the card layer's recovery after another program reset the card.

use mynapin_apdu::{commands, parse_spaced_hex, Command, Response};
use mynapin_core::card::{Counter, MyNumberCard};
use mynapin_core::layout::KeyRef;
use mynapin_core::transport::{transmit, Transport, TransportError};
use mynapin_sim::{Fixture, SimCard};
use std::collections::VecDeque;

/// Answers from a script; records what was sent.
struct Scripted {
    answers: VecDeque<&'static str>,
    sent: Vec<String>,
}

impl Transport for Scripted {
    fn transmit_raw(&mut self, c: &Command) -> Result<Response, TransportError> {
        self.sent.push(c.trace());
        let a = self.answers.pop_front().expect("script too short");
        Ok(Response::parse(&parse_spaced_hex(a).unwrap())?)
    }
    fn reader_name(&self) -> String {
        "scripted".into()
    }
}

#[test]
fn get_response_collects_every_chunk() {
    let mut t = Scripted {
        answers: ["01 02 61 03", "03 04 05 61 00", "06 90 00"].into(),
        sent: vec![],
    };
    let r = transmit(&mut t, &commands::read_binary(0, 4).unwrap()).unwrap();
    assert_eq!(r.data(), &[1, 2, 3, 4, 5, 6]);
    assert!(r.sw().is_success());
    assert_eq!(
        t.sent,
        ["00 B0 00 00 04", "00 C0 00 00 03", "00 C0 00 00 00"]
    );
}

#[test]
fn wrong_le_is_resent_once_with_the_right_le() {
    let mut t = Scripted {
        answers: ["6C 20", "41 42 90 00"].into(),
        sent: vec![],
    };
    let r = transmit(&mut t, &commands::read_binary(0, 0x10).unwrap()).unwrap();
    assert_eq!(r.data(), b"AB");
    assert_eq!(t.sent, ["00 B0 00 00 10", "00 B0 00 00 20"]);
}

#[test]
fn an_endless_61_is_an_error_not_a_hang() {
    let mut t = Scripted {
        answers: std::iter::repeat_n("61 01", 100).collect(),
        sent: vec![],
    };
    assert!(matches!(
        transmit(&mut t, &commands::read_binary(0, 1).unwrap()),
        Err(TransportError::EndlessResponse)
    ));
}

#[test]
fn a_short_response_is_an_error() {
    let mut t = Scripted {
        answers: ["90"].into(),
        sent: vec![],
    };
    assert!(matches!(
        transmit(&mut t, &commands::retry_counter_query()),
        Err(TransportError::BadResponse(_))
    ));
}

/// The simulated card, reset by "another program" before the n-th command.
struct ResetOnce<'a> {
    card: &'a mut SimCard,
    reset_before: usize,
    count: usize,
}

impl Transport for ResetOnce<'_> {
    fn transmit_raw(&mut self, c: &Command) -> Result<Response, TransportError> {
        self.count += 1;
        if self.count == self.reset_before {
            self.card.reset();
            return Err(TransportError::CardWasReset);
        }
        Ok(Response::parse(&self.card.process(&c.to_bytes()))?)
    }
    fn reader_name(&self) -> String {
        "reset".into()
    }
}

#[test]
fn after_a_reset_reads_reselect_and_continue_but_a_pin_command_is_not_replayed() {
    // APDUs the card needs to be recognized (SELECT JPKI and the token).
    let open_cost = |fixture: &str| {
        let mut sim = SimCard::new(Fixture::builtin(fixture).unwrap());
        let mut t = ResetOnce {
            card: &mut sim,
            reset_before: usize::MAX,
            count: 0,
        };
        let _ = MyNumberCard::open(&mut t).unwrap();
        t.count
    };
    let mut sim = SimCard::new(Fixture::builtin("no-short-query").unwrap());
    // After opening: the (refused) short query, SELECT EF 0018, query. The reset hits the
    // SELECT EF 0018: the DF is reselected and the read goes on.
    let mut t = ResetOnce {
        card: &mut sim,
        reset_before: open_cost("no-short-query") + 2,
        count: 0,
    };
    let mut c = MyNumberCard::open(&mut t).unwrap();
    assert_eq!(c.read_counter(KeyRef::Auth).unwrap(), Counter::Left(3));

    // A VERIFY hit by a reset is not sent again.
    let mut sim = SimCard::new(Fixture::fresh());
    let pin = mynapin_core::card::Pin::parse(mynapin_core::layout::PinFormat::FourDigits, "1234")
        .unwrap()
        .0;
    // After opening: SELECT EF 0018, query, VERIFY ← reset.
    let reset_at = open_cost("fresh") + 3;
    let mut t = ResetOnce {
        card: &mut sim,
        reset_before: reset_at,
        count: 0,
    };
    let mut c = MyNumberCard::open(&mut t).unwrap();
    let err = c.verify(KeyRef::Auth, &pin, false).unwrap_err();
    assert!(
        matches!(
            err,
            mynapin_core::card::CardError::Transport(TransportError::CardWasReset)
        ),
        "{err:?}"
    );
    drop(c);
    assert_eq!(t.count, reset_at, "nothing was replayed");
}

/// The simulated card behind a reader where the card answers the `nth` command (after acting
/// on it) with `61 02` instead of its own status word, and is then taken out: the GET
/// RESPONSE that follows is refused by PC/SC before sending (pcsc-lite's
/// `SCARD_W_REMOVED_CARD`).
struct RemovedAfter61<'a> {
    card: &'a mut SimCard,
    nth: usize,
    count: usize,
}

impl Transport for RemovedAfter61<'_> {
    fn transmit_raw(&mut self, c: &Command) -> Result<Response, TransportError> {
        self.count += 1;
        if self.count > self.nth {
            return Err(mynapin_core::transport::pcsc::map_transmit_error(
                pcsc::Error::RemovedCard,
            ));
        }
        let answer = self.card.process(&c.to_bytes());
        if self.count == self.nth {
            return Ok(Response::parse(&[0x61, 0x02])?);
        }
        Ok(Response::parse(&answer)?)
    }
    fn reader_name(&self) -> String {
        "removed after 61".into()
    }
}

/// A VERIFY the card acted on (a wrong PIN: a try spent) and answered `61 02`, the card then
/// taken out before the GET RESPONSE: the GET RESPONSE was not sent, but the VERIFY was, so
/// the outcome is unknown — never "not sent, no try spent" (what the GET RESPONSE's own
/// error said on the old code: `CardRemovedBeforeSending`).
#[test]
fn a_lost_get_response_never_makes_the_command_before_it_unsent() {
    use mynapin_core::card::CardError;
    use mynapin_core::transport::Delivery;
    let open_cost = {
        let mut sim = SimCard::new(Fixture::fresh());
        let mut t = ResetOnce {
            card: &mut sim,
            reset_before: usize::MAX,
            count: 0,
        };
        let _ = MyNumberCard::open(&mut t).unwrap();
        t.count
    };
    let mut sim = SimCard::new(Fixture::fresh());
    let pin = mynapin_core::card::Pin::parse(mynapin_core::layout::PinFormat::FourDigits, "9999")
        .unwrap()
        .0;
    // After opening: SELECT EF 0018, query, VERIFY ← 61 02, then GET RESPONSE ← removed.
    let mut t = RemovedAfter61 {
        card: &mut sim,
        nth: open_cost + 3,
        count: 0,
    };
    let mut c = MyNumberCard::open(&mut t).unwrap();
    let err = c.verify(KeyRef::Auth, &pin, false).unwrap_err();
    drop(c);
    assert!(matches!(err, CardError::VerifyUnknown { .. }), "{err:?}");
    assert_eq!(sim.tries_left(KeyRef::Auth), 2, "the card did act on it");

    // The transport rule itself: whatever error stops the GET RESPONSE, the command's class
    // is "sent, no answer".
    let mut sim = SimCard::new(Fixture::fresh());
    let mut t = RemovedAfter61 {
        card: &mut sim,
        nth: 1,
        count: 0,
    };
    let err = transmit(&mut t, &commands::retry_counter_query()).unwrap_err();
    assert_eq!(err.delivery(), Delivery::SentNoAnswer, "{err:?}");
}
