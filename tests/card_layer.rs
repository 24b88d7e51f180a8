//! The client card layer against the in-process simulated card: recognition, status-word
//! interpretation, APDU budget, guards, and the change sequences with per-reference outcomes.

use mynapin_apdu::StatusWord;
use mynapin_core::card::session::{
    self, Checked, EntryError, Options, PinRequest, PinSource, Role,
};
use mynapin_core::card::{
    CardError, CardKind, Counter, MyNumberCard, NotChanged, Pin, PinState, RefChange, Unknown,
};
use mynapin_core::layout::{KeyRef, PinFormat, PinId};
use mynapin_core::transport::in_process::InProcess;
use mynapin_sim::{Fixture, SimCard};
use zeroize::Zeroizing;

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
fn status_apdu_budget_10_normally_at_most_12_without_the_short_forms() {
    for fixture in ["fresh", "no-sfi-read", "no-short-query"] {
        let mut sim = card(fixture);
        let before = sim.apdu_count();
        let pins = {
            let mut t = InProcess::new(&mut sim, "sim");
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
            // SELECT JPKI, READ BINARY by SFI, two short queries, then SELECT + short query for
            // Kenhojo, Juki and the common DF.
            assert_eq!(used, 10);
        } else if fixture == "no-sfi-read" {
            // The refused READ BINARY by SFI, then SELECT EF + READ BINARY for the token: 12.
            assert_eq!(used, 12);
        } else {
            // One failed short query, then SELECT EF + query for every reference.
            assert_eq!(used, 16);
        }
    }
}

#[test]
fn status_words_90_00_and_63_00_are_never_zero() {
    assert_eq!(
        Counter::from_query(StatusWord::Success, 3).retries_left(),
        None
    );
    assert_eq!(
        Counter::from_query(StatusWord::VerificationFailedNoCounter, 3).retries_left(),
        None
    );
    assert_eq!(
        Counter::from_query(StatusWord::Success, 3).state(),
        PinState::Unknown
    );
    assert_eq!(
        Counter::from_query(StatusWord::RetriesLeft(0), 3),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::ReferenceDataNotUsable, 3),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::AuthenticationMethodBlocked, 3),
        Counter::Blocked
    );
    assert_eq!(
        Counter::from_query(StatusWord::ReferencedDataNotFound, 3),
        Counter::Absent
    );
    assert_eq!(
        Counter::from_query(StatusWord::FileNotFound, 3),
        Counter::Absent
    );
    assert_eq!(
        Counter::from_query(StatusWord::RetriesLeft(1), 3).state(),
        PinState::Low
    );
    assert!(matches!(
        Counter::from_query(StatusWord::IncorrectData, 3),
        Counter::Error(_)
    ));

    let mut sim = card("quirky-counters");
    let mut t = InProcess::new(&mut sim, "sim");
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
        let mut t = InProcess::new(&mut sim, "sim");
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
        let mut t = InProcess::new(&mut sim, "sim");
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
        let mut t = InProcess::new(&mut sim, "sim");
        match MyNumberCard::open(&mut t) {
            Err(CardError::NotMyNumberCard(k)) => assert_eq!(k, kind, "{name}"),
            other => panic!("{name}: {:?}", other.err()),
        }
    }
}

#[test]
fn verify_guards_and_counters_step_by_step() {
    let mut sim = card("fresh");
    let mut t = InProcess::new(&mut sim, "sim");
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
    // The guard's counter query and read_counter's, nothing else: no VERIFY was sent.
    assert_eq!(c.apdu_count() - sent, 2, "only counter queries were sent");
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
    let mut t = InProcess::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    assert_eq!(c.read_counter(KeyRef::Sign).unwrap(), Counter::Absent);
    let err = c
        .verify(KeyRef::Sign, &pin(PinFormat::SignPassword, "ABC123"), false)
        .unwrap_err();
    assert!(matches!(err, CardError::Absent(KeyRef::Sign)), "{err:?}");
}

/// Answers PIN requests from a script and records every request, so that tests can assert
/// the order (no prompt for a blocked PIN, no new PIN before the current one is known good).
struct Script {
    entries: Vec<&'static str>,
    asked: Vec<(Role, Vec<PinId>)>,
    interactive: bool,
    confirm: bool,
}

impl Script {
    fn new(entries: &[&'static str]) -> Script {
        Script {
            entries: entries.iter().rev().copied().collect(),
            asked: vec![],
            interactive: false,
            confirm: true,
        }
    }
}

impl PinSource for Script {
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
        self.asked.push((req.role, req.pins.clone()));
        self.entries
            .pop()
            .map(|e| Zeroizing::new(e.to_string()))
            .ok_or(EntryError::Ended {
                got: req.entry_no - 1,
                expected: req.entries_total,
            })
    }
    fn interactive(&self) -> bool {
        self.interactive
    }
    fn confirm_last_try(&mut self, _: PinId, _: KeyRef, _: Counter) -> Result<bool, EntryError> {
        Ok(self.confirm)
    }
}

/// Runs a change of `pins` on `sim` with `entries`; returns the report, the requests and the
/// number of APDUs the card saw.
fn change_on(
    sim: &mut SimCard,
    pins: &[PinId],
    opts: Options,
    script: &mut Script,
) -> (session::Report, usize) {
    let before = sim.apdu_count();
    let report = {
        let mut t = InProcess::new(sim, "sim");
        let mut c = MyNumberCard::open(&mut t).unwrap();
        session::change(&mut c, pins, opts, script)
    };
    (report, (sim.apdu_count() - before) as usize)
}

/// APDUs to recognize the card (SELECT JPKI + token).
fn open_cost(fixture: &str) -> usize {
    let mut sim = card(fixture);
    let mut t = InProcess::new(&mut sim, "sim");
    let c = MyNumberCard::open(&mut t).unwrap();
    c.apdu_count()
}

fn run_change(sim: &mut SimCard, pins: &[PinId], entries: &[&'static str]) -> session::Report {
    change_on(sim, pins, Options::default(), &mut Script::new(entries)).0
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
        let report = run_change(&mut sim, &[p], &[cur, new, new]);
        assert_eq!(
            report.change_result(),
            session::ChangeResult::Changed,
            "{p:?}: {report:?}"
        );
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
fn the_safety_order_with_exact_apdu_counts() {
    // auth: open (SELECT JPKI, READ BINARY by SFI or SELECT EF + READ BINARY), counter query,
    // [current asked], SELECT EF + query + VERIFY, [new asked twice], CHANGE, query back.
    let mut sim = card("fresh");
    let mut script = Script::new(&["1234", "5678", "5678"]);
    let (report, apdus) = change_on(&mut sim, &[PinId::Auth], Options::default(), &mut script);
    assert_eq!(report.change_result(), session::ChangeResult::Changed);
    assert_eq!(
        script.asked.iter().map(|a| a.0).collect::<Vec<_>>(),
        [Role::Current, Role::New, Role::Confirm]
    );
    // open, short query (98), SELECT EF 0018 + query + VERIFY, CHANGE, query back.
    assert_eq!(apdus, open_cost("fresh") + 6, "{apdus} APDUs");

    // At a terminal, a wrong current PIN: the new PIN is never asked for (it is not typed
    // yet), nothing changes, one try spent.
    let mut sim = card("fresh");
    let mut script = Script::new(&["9999", "5678", "5678"]);
    script.interactive = true;
    let (report, _) = change_on(&mut sim, &[PinId::Auth], Options::default(), &mut script);
    assert_eq!(script.asked.len(), 1, "only the current PIN was asked for");
    assert!(matches!(
        report.stop,
        Some(session::Stop::Card(CardError::WrongPin {
            r: KeyRef::Auth,
            tries_left: Some(2)
        }))
    ));
    assert_eq!(
        report.refs[0].checked,
        Checked::Wrong {
            tries_left: Some(2)
        }
    );
    assert_eq!(sim.tries_left(KeyRef::Auth), 2, "exactly one try");
    assert!(sim.value_is(KeyRef::Auth, "1234"));

    // A blocked PIN: no prompt at all, nothing but counters sent.
    let mut sim = card("sign-blocked");
    let mut script = Script::new(&["ABC123", "XYZ789", "XYZ789"]);
    let (report, apdus) = change_on(&mut sim, &[PinId::Sign], Options::default(), &mut script);
    assert!(script.asked.is_empty(), "no prompt for a blocked PIN");
    assert!(matches!(
        report.stop,
        Some(session::Stop::Card(CardError::Blocked(KeyRef::Sign)))
    ));
    // open, the short query (9B), the counter read back: no VERIFY.
    assert_eq!(apdus, open_cost("sign-blocked") + 2, "{apdus} APDUs");

    // The last try: refused before any prompt unless allowed.
    let mut sim = card("auth-last-try");
    let mut script = Script::new(&["1234"]);
    let (report, _) = change_on(&mut sim, &[PinId::Auth], Options::default(), &mut script);
    assert!(script.asked.is_empty());
    assert!(matches!(
        report.stop,
        Some(session::Stop::Card(CardError::LastTry(KeyRef::Auth)))
    ));
    assert_eq!(sim.tries_left(KeyRef::Auth), 1);
    // Allowed but not confirmed by the user: declined, nothing sent.
    let mut script = Script::new(&["1234"]);
    script.confirm = false;
    let opts = Options {
        allow_last_try: true,
        ..Options::default()
    };
    let (report, _) = change_on(&mut sim, &[PinId::Auth], opts, &mut script);
    assert!(matches!(report.stop, Some(session::Stop::Declined)));
    assert!(script.asked.is_empty());
}

/// Non-interactive input (issue 18, item 0): every entry is read and checked before the
/// first VERIFY; an input that cannot complete the change spends no try, whatever the
/// current PIN; a valid one with a wrong current PIN spends exactly one.
#[test]
fn piped_input_is_checked_whole_before_the_first_verify() {
    for (pins, entries, why) in [
        (
            &[PinId::Auth][..],
            &["9999", "12", "12"][..],
            "malformed new",
        ),
        (
            &[PinId::Kenhojo][..],
            &["9999", "5678", "5679"][..],
            "mismatch",
        ),
        (
            &[PinId::Juki][..],
            &["9999", "9999", "9999"][..],
            "same as current",
        ),
        (
            &[PinId::Sign][..],
            &["WRONG9", "NEW456", "NEW4"][..],
            "cut off",
        ),
        (
            &[PinId::Auth, PinId::Juki][..],
            &["9999", "9999", "5678", "x"][..],
            "malformed confirmation",
        ),
    ] {
        let mut sim = card("fresh");
        let mut script = Script::new(entries);
        let (report, apdus) = change_on(&mut sim, pins, Options::default(), &mut script);
        // The new PIN was read (a malformed one stops the reading right there).
        assert!(
            script.asked.iter().any(|a| a.0 == Role::New),
            "{why}: {:?}",
            script.asked
        );
        assert!(
            report.refs.iter().all(|r| r.checked == Checked::NotSent),
            "{why}: {report:?}"
        );
        for r in KeyRef::ALL {
            assert_eq!(sim.tries_left(r), r.max_tries(), "{why}: {r:?}");
        }
        // Open, the counter reads and the read-back: no VERIFY (it would have spent a try).
        assert!(apdus < 20, "{why}: {apdus} APDUs");
    }
}

#[test]
fn several_pins_every_verify_before_any_change() {
    let mut sim = card("fresh");
    let report = run_change(
        &mut sim,
        &[PinId::Auth, PinId::Kenhojo, PinId::Juki],
        &["1234", "1234", "1234", "2468", "2468"],
    );
    assert_eq!(report.change_result(), session::ChangeResult::Changed);
    for r in [
        KeyRef::Auth,
        KeyRef::Kenhojo,
        KeyRef::JukiAp,
        KeyRef::JukiCommon,
    ] {
        assert!(sim.value_is(r, "2468"));
    }

    // The kenhojo current PIN is wrong: checked before anything changes; at a terminal the
    // new PIN is never asked for.
    let mut sim = card("fresh");
    let mut script = Script::new(&["1234", "9999", "2468", "2468"]);
    script.interactive = true;
    let (report, _) = change_on(
        &mut sim,
        &[PinId::Auth, PinId::Kenhojo],
        Options::default(),
        &mut script,
    );
    assert_eq!(report.change_result(), session::ChangeResult::NotChanged);
    assert_eq!(script.asked.len(), 2);
    assert!(script.asked.iter().all(|a| a.0 == Role::Current));
    assert!(matches!(
        report.stop,
        Some(session::Stop::Card(CardError::WrongPin {
            r: KeyRef::Kenhojo,
            tries_left: Some(2)
        }))
    ));
    assert!(sim.value_is(KeyRef::Auth, "1234"));
    assert_eq!(sim.tries_left(KeyRef::Kenhojo), 2, "exactly one try spent");
    assert_eq!(sim.tries_left(KeyRef::Auth), 3);
}

#[test]
fn a_mismatched_confirmation_asks_again_on_a_terminal_without_touching_the_card() {
    let mut sim = card("fresh");
    let mut script = Script::new(&["1234", "5678", "5679", "5678", "5678"]);
    script.interactive = true;
    let (report, _) = change_on(&mut sim, &[PinId::Auth], Options::default(), &mut script);
    assert_eq!(report.change_result(), session::ChangeResult::Changed);
    assert_eq!(script.asked.len(), 5);
    assert!(sim.value_is(KeyRef::Auth, "5678"));
    // Not on a terminal: stops at once, nothing changed.
    let mut sim = card("fresh");
    let report = run_change(&mut sim, &[PinId::Auth], &["1234", "5678", "5679"]);
    assert!(matches!(
        report.stop,
        Some(session::Stop::ConfirmationMismatch { attempts: 1 })
    ));
    assert!(sim.value_is(KeyRef::Auth, "1234"));
    // A missing line says how many were expected.
    let mut sim = card("fresh");
    let report = run_change(&mut sim, &[PinId::Auth], &["1234", "5678"]);
    assert!(matches!(
        report.stop,
        Some(session::Stop::Entry(EntryError::Ended {
            got: 2,
            expected: 3
        }))
    ));
}

#[test]
fn card_error_after_a_good_verify_is_reported_per_reference() {
    // 65 81 (memory failure) to CHANGE KEY: the card may have written — unknown, never
    // "not changed".
    let mut sim = card("change-fails-juki-common");
    let report = run_change(&mut sim, &[PinId::Juki], &["1234", "4321", "4321"]);
    assert_eq!(report.refs[0].change, RefChange::Changed);
    assert_eq!(
        report.refs[1].change,
        RefChange::Unknown(Unknown::Answer(StatusWord::MemoryFailure))
    );
    assert_eq!(report.change_result(), session::ChangeResult::Unknown);
    assert!(sim.value_is(KeyRef::JukiAp, "4321"));
}

#[test]
fn card_removed_during_change_is_unknown_not_success() {
    // Find the APDU number of the CHANGE for auth, then pull the card during it.
    let mut sim = card("fresh");
    let n = {
        let mut probe = card("fresh");
        let (_, apdus) = change_on(
            &mut probe,
            &[PinId::Auth],
            Options::default(),
            &mut Script::new(&["1234", "5678", "5678"]),
        );
        apdus as u64 - 1 // the last one is the counter read back
    };
    let report = {
        let mut t = InProcess::new(&mut sim, "sim").remove_card_during(n);
        let mut c = MyNumberCard::open(&mut t).unwrap();
        session::change(
            &mut c,
            &[PinId::Auth],
            Options::default(),
            &mut Script::new(&["1234", "5678", "5678"]),
        )
    };
    assert_eq!(
        report.refs[0].change,
        RefChange::Unknown(Unknown::NoAnswer),
        "{report:?}"
    );
    // The card did process it: "unknown" was the honest answer.
    assert!(sim.value_is(KeyRef::Auth, "5678"));

    // Pulled during the VERIFY: a try may have been spent; not changed.
    let mut sim = card("fresh");
    let report = {
        let mut t = InProcess::new(&mut sim, "sim").remove_card_during(n - 1);
        let mut c = MyNumberCard::open(&mut t).unwrap();
        session::change(
            &mut c,
            &[PinId::Auth],
            Options::default(),
            &mut Script::new(&["1234", "5678", "5678"]),
        )
    };
    assert_eq!(
        report.refs[0].change,
        RefChange::NotChanged(NotChanged::NotSent)
    );
    assert_eq!(report.refs[0].checked, Checked::Unknown, "{report:?}");
    assert!(report.try_maybe_spent());
    assert!(sim.value_is(KeyRef::Auth, "1234"));
}

#[test]
fn certificates_are_read_whole() {
    let mut sim = card("auth-expired");
    let mut t = InProcess::new(&mut sim, "sim");
    let mut c = MyNumberCard::open(&mut t).unwrap();
    let der = c.read_der_file([0x00, 0x0A]).unwrap().unwrap();
    assert_eq!(
        der,
        include_bytes!("../sim/fixtures/certs/auth-expired.der")
    );
    let date = mynapin_core::card::cert::not_after(&der).unwrap();
    assert_eq!(date.to_string(), "2025-03-31");
    assert!(c
        .read_der_file([0x00, 0x01])
        .unwrap_err()
        .to_string()
        .contains("69 82"));
}
