//! The transmission rules every transport gets (`61 xx` → GET RESPONSE, `6C xx` → resend
//! with Le), and the card layer's recovery after another program reset the card.

use mynapin::card::{Counter, MyNumberCard};
use mynapin::layout::KeyRef;
use mynapin::sim::{Fixture, SimCard};
use mynapin::transport::{transmit, Transport, TransportError};
use mynapin_apdu::{commands, parse_spaced_hex, Command, Response};
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
    let pin = mynapin::card::Pin::parse(mynapin::layout::PinFormat::FourDigits, "1234")
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
            mynapin::card::CardError::Transport(TransportError::CardWasReset)
        ),
        "{err:?}"
    );
    drop(c);
    assert_eq!(t.count, reset_at, "nothing was replayed");
}
