//! The client card layer against the in-process simulated card: recognition, status-word
//! interpretation, APDU budget, guards, and the change sequences with per-reference outcomes.

use mynapin::card::{
    change_pins, CardError, CardKind, ChangeRequest, Counter, MyNumberCard, Pin, PinState,
    RefChange,
};
use mynapin::layout::{KeyRef, PinFormat, PinId};
use mynapin::sim::{Fixture, SimCard};
use mynapin::transport::sim::SimTransport;
use mynapin::transport::TransportError;
use mynapin_apdu::StatusWord;

fn card(name: &str) -> SimCard {
    SimCard::new(Fixture::builtin(name).unwrap())
}

fn pin(f: PinFormat, s: &str) -> Pin {
    Pin::parse(f, s).unwrap().0
}

fn four(s: &str) -> Pin {
    pin(PinFormat::FourDigits, s)
}

fn tries(c: &SimCard) -> Vec<u8> {
    KeyRef::ALL.iter().map(|r| c.tries_left(*r)).collect()
}

#[test]
fn status_apdu_budget_11_normally_17_without_the_short_query() {
    for fixture in ["fresh", "no-short-query"] {
        let mut sim = card(fixture);
        let before = sim.apdu_count();
        let pins = {
            let mut t = SimTransport::new(&mut sim, "sim");
            let mut c = MyNumberCard::open(&mut t).unwrap();
            assert_eq!(c.token(), "JPKIAPICCTOKEN2");
            c.read_all().unwrap()
        };
        let used = sim.apdu_count() - before;
        let expected = [
            (PinId::Auth, 3),
            (PinId::Sign, 5),
            (PinId::Kenhojo, 3),
            (PinId::Juki, 3),
        ];
        for (p, (id, n)) in pins.iter().zip(expected) {
            assert_eq!(p.pin, id);
            assert_eq!(p.retries_left(), Some(n));
            assert_eq!(p.state(), PinState::Ok);
        }
        assert_eq!(pins[3].refs.len(), 2, "both juki references are read");
        if fixture == "fresh" {
            assert_eq!(used, 11, "detection 3 + five counters");
        } else {
            // One failed short query, then SELECT EF + query for every reference.
            assert_eq!(used, 17);
        }
    }
}

#[test]
fn status_words_90_00_and_63_00_are_never_zero() {
    assert_eq!(
        Counter::from_query(StatusWord::Success).retries_left(),
        None
    );
    assert_eq!(
        Counter::from_query(StatusWord::VerificationFailedNoCounter).retries_left(),
        None
    );
    assert_eq!(
        Counter::from_query(StatusWord::Success).state(),
        PinState::Unknown
    );
    assert_eq!(
        Counter::from_query(StatusWord::RetriesLeft(0)),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::ReferenceDataNotUsable),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::AuthenticationMethodBlocked),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::ReferencedDataNotFound),
        Counter::Absent
    );
    assert_eq!(
        Counter::from_query(StatusWord::FileNotFound),
        Counter::Absent
    );
    assert_eq!(
        Counter::from_query(StatusWord::RetriesLeft(1)).state(),
        PinState::Low
    );
    assert!(matches!(
        Counter::from_query(StatusWord::IncorrectData),
        Counter::Error(_)
    ));

    let mut sim = card("quirky-counters");
    let mut t = SimTransport::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    let pins = c.read_all().unwrap();
    assert_eq!(pins[0].state(), PinState::Unknown);
    assert_eq!(pins[0].retries_left(), None);
    assert_eq!(pins[2].state(), PinState::Unknown);
    assert_eq!(pins[2].retries_left(), None);
    // And the unknown count is a reason to refuse a VERIFY.
    let err = c.verify(KeyRef::Auth, &four("1234"), false).unwrap_err();
    assert!(
        matches!(err, CardError::CountUnknown(KeyRef::Auth)),
        "{err:?}"
    );
}

#[test]
fn the_query_never_consumes_a_try() {
    let mut sim = card("auth-last-try");
    let before = tries(&sim);
    for _ in 0..10 {
        let mut t = SimTransport::new(&mut sim, "sim");
        let mut c = MyNumberCard::open(&mut t).unwrap();
        c.read_all().unwrap();
        c.read_counter(KeyRef::Auth).unwrap();
    }
    assert_eq!(tries(&sim), before);
}

#[test]
fn each_fixture_reads_as_described() {
    let state = |name: &str| {
        let mut sim = card(name);
        let mut t = SimTransport::new(&mut sim, "sim");
        let mut c = MyNumberCard::open(&mut t).unwrap();
        c.read_all()
            .unwrap()
            .iter()
            .map(|p| (p.state(), p.retries_left()))
            .collect::<Vec<_>>()
    };
    use PinState::*;
    assert_eq!(state("sign-blocked")[1], (Blocked, Some(0)));
    assert_eq!(state("auth-last-try")[0], (Low, Some(1)));
    assert_eq!(state("juki-mismatch")[3], (Low, Some(1)));
    assert_eq!(state("under-15")[1], (Absent, None));
    assert!(state("all-blocked")
        .iter()
        .all(|s| *s == (Blocked, Some(0))));
    assert_eq!(state("no-short-query")[2], (Ok, Some(3)));
    for (name, kind) in [
        ("not-mynumber", CardKind::NoJpkiApplet),
        ("juki-card", CardKind::OldJukiCard),
        ("smartphone", CardKind::Smartphone("JPKIAPGPSETOKEN".into())),
    ] {
        let mut sim = card(name);
        let mut t = SimTransport::new(&mut sim, "sim");
        match MyNumberCard::open(&mut t) {
            Err(CardError::NotMyNumberCard(k)) => assert_eq!(k, kind, "{name}"),
            other => panic!("{name}: {:?}", other.err()),
        }
    }
}

#[test]
fn verify_guards_and_counters_step_by_step() {
    let mut sim = card("fresh");
    let mut t = SimTransport::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    // Wrong: one try spent, reported, never retried.
    match c.verify(KeyRef::Auth, &four("9999"), false) {
        Err(CardError::WrongPin {
            r: KeyRef::Auth,
            tries_left: Some(2),
        }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(c.read_counter(KeyRef::Auth).unwrap(), Counter::Left(2));
    // Right: restored.
    c.verify(KeyRef::Auth, &four("1234"), false).unwrap();
    assert_eq!(c.read_counter(KeyRef::Auth).unwrap(), Counter::Left(3));
    // Down to one: the guard refuses the last try without sending a VERIFY.
    let _ = c.verify(KeyRef::Auth, &four("9999"), false);
    let _ = c.verify(KeyRef::Auth, &four("9999"), false);
    let sent = c.apdu_count();
    assert!(matches!(
        c.verify(KeyRef::Auth, &four("1234"), false),
        Err(CardError::LastTry(KeyRef::Auth))
    ));
    assert_eq!(c.read_counter(KeyRef::Auth).unwrap(), Counter::Left(1));
    assert!(c.apdu_count() - sent <= 3, "no VERIFY was sent");
    // Allowed: a wrong last try blocks it; then nothing but the query is sent.
    match c.verify(KeyRef::Auth, &four("9999"), true) {
        Err(CardError::WrongPin {
            tries_left: Some(0),
            ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        c.verify(KeyRef::Auth, &four("1234"), true),
        Err(CardError::Blocked(KeyRef::Auth))
    ));
    drop(c);
    drop(t);
    assert_eq!(sim.tries_left(KeyRef::Auth), 0);
}

#[test]
fn absent_signature_reference_is_absent_not_blocked() {
    let mut sim = card("under-15");
    let mut t = SimTransport::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    assert_eq!(c.read_counter(KeyRef::Sign).unwrap(), Counter::Absent);
    let err = c
        .verify(KeyRef::Sign, &pin(PinFormat::SignPassword, "ABC123"), false)
        .unwrap_err();
    assert!(matches!(err, CardError::Absent(KeyRef::Sign)), "{err:?}");
}

fn run_change(sim: &mut SimCard, reqs: &[(PinId, &str, &str)]) -> mynapin::card::ChangeReport {
    let pins: Vec<(PinId, Pin, Pin)> = reqs
        .iter()
        .map(|(p, cur, new)| (*p, pin(p.format(), cur), pin(p.format(), new)))
        .collect();
    let requests: Vec<ChangeRequest<'_>> = pins
        .iter()
        .map(|(p, cur, new)| ChangeRequest {
            pin: *p,
            current: cur,
            new,
            only: None,
        })
        .collect();
    let mut t = SimTransport::new(sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    change_pins(&mut c, &requests, false, &mut |_| {})
}

#[test]
fn every_change_path() {
    for (p, cur, new) in [
        (PinId::Auth, "1234", "5678"),
        (PinId::Sign, "ABC123", "XYZ789"),
        (PinId::Kenhojo, "1234", "0000"),
        (PinId::Juki, "1234", "4321"),
    ] {
        let mut sim = card("fresh");
        let report = run_change(&mut sim, &[(p, cur, new)]);
        assert!(report.all_changed(), "{p:?}: {report:?}");
        for r in p.refs() {
            assert!(sim.value_is(*r, new), "{r:?} holds the new value");
            assert_eq!(sim.tries_left(*r), r.max_tries());
        }
        assert_eq!(
            report.refs.len(),
            p.refs().len(),
            "juki reports both references"
        );
    }
}

#[test]
fn several_pins_at_once_and_a_wrong_current_changes_nothing() {
    let mut sim = card("fresh");
    let report = run_change(
        &mut sim,
        &[
            (PinId::Auth, "1234", "2468"),
            (PinId::Kenhojo, "1234", "2468"),
            (PinId::Juki, "1234", "2468"),
        ],
    );
    assert!(report.all_changed());
    for r in [
        KeyRef::Auth,
        KeyRef::Kenhojo,
        KeyRef::JukiAp,
        KeyRef::JukiCommon,
    ] {
        assert!(sim.value_is(r, "2468"));
    }

    // The kenhojo current PIN is wrong: checked before anything changes.
    let mut sim = card("fresh");
    let report = run_change(
        &mut sim,
        &[
            (PinId::Auth, "1234", "2468"),
            (PinId::Kenhojo, "9999", "2468"),
        ],
    );
    assert!(report.nothing_changed());
    assert!(matches!(
        report.error,
        Some(CardError::WrongPin {
            r: KeyRef::Kenhojo,
            tries_left: Some(2)
        })
    ));
    assert!(sim.value_is(KeyRef::Auth, "1234"));
    assert_eq!(sim.tries_left(KeyRef::Kenhojo), 2, "exactly one try spent");
    assert_eq!(sim.tries_left(KeyRef::Auth), 3);
}

#[test]
fn card_error_after_a_good_verify_is_reported_per_reference() {
    let mut sim = card("change-fails-juki-common");
    let report = run_change(&mut sim, &[(PinId::Juki, "1234", "4321")]);
    assert_eq!(report.refs[0].2, RefChange::Changed);
    assert_eq!(
        report.refs[1].2,
        RefChange::NotChanged {
            sw: Some(StatusWord::MemoryFailure)
        }
    );
    assert!(matches!(
        report.error,
        Some(CardError::Unexpected {
            sw: StatusWord::MemoryFailure,
            ..
        })
    ));
    assert!(sim.value_is(KeyRef::JukiAp, "4321"));
    assert!(sim.value_is(KeyRef::JukiCommon, "1234"));
}

#[test]
fn card_removed_during_change_is_unknown_not_success() {
    // Find the APDU number of the CHANGE for auth, then pull the card during it.
    let mut sim = card("fresh");
    let current = four("1234");
    let new = four("5678");
    let req = [ChangeRequest {
        pin: PinId::Auth,
        current: &current,
        new: &new,
        only: None,
    }];
    // open (3) + SELECT EF 0018 (1) + query (1) + VERIFY (1) + CHANGE = APDU 7.
    let report = {
        let mut t = SimTransport::new(&mut sim, "sim").remove_card_during(7);
        let mut c = MyNumberCard::open(&mut t).unwrap();
        change_pins(&mut c, &req, false, &mut |_| {})
    };
    assert_eq!(report.refs[0].2, RefChange::Unknown, "{report:?}");
    assert!(!report.all_changed());
    // The card did process it: "unknown" was the honest answer.
    assert!(sim.value_is(KeyRef::Auth, "5678"));

    // Pulled before the CHANGE: not changed, with the transport error.
    let mut sim = card("fresh");
    let report = {
        let mut t = SimTransport::new(&mut sim, "sim").remove_card_during(6);
        let mut c = MyNumberCard::open(&mut t).unwrap();
        change_pins(&mut c, &req, false, &mut |_| {})
    };
    assert!(report.nothing_changed(), "{report:?}");
    assert!(matches!(
        report.error,
        Some(CardError::Transport(TransportError::BadResponse(_)))
    ));
    assert!(sim.value_is(KeyRef::Auth, "1234"));
}

#[test]
fn certificates_are_read_whole() {
    let mut sim = card("auth-expired");
    let mut t = SimTransport::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    let der = c.read_der_file([0x00, 0x0A]).unwrap().unwrap();
    assert_eq!(der, include_bytes!("../fixtures/certs/auth-expired.der"));
    let date = mynapin::card::cert::not_after(&der).unwrap();
    assert_eq!(date.to_string(), "2025-03-31");
    assert!(c
        .read_der_file([0x00, 0x01])
        .unwrap_err()
        .to_string()
        .contains("69 82"));
}
