//! A front end made of the core and the words alone (issue 20: "a front end that only has the
//! core and the words can show status, run verify/change through `PinSource`, word every
//! outcome and next step, and build the guide for the card"), on the simulated card
//! in-process: no CLI crate, no clap, no terminal.
//!
//! The reset guide for the card is built by the procedure layer from the card's own status
//! read (`MyNumberCard::read_status` → `procedure::from_card::CardFacts` → `guide::options`
//! and `first_step`).

use mynapin_core::card::cert::Date;
use mynapin_core::card::session::{
    self, ChangeResult, EntryError, NextStep, Options, PinRequest, PinSource, Report, Sent,
};
use mynapin_core::card::{Counter, MyNumberCard, PinState, PinStatus, RefChange};
use mynapin_core::layout::{KeyRef, PinId};
use mynapin_core::outcome::{Class, OutcomeKind};
use mynapin_core::procedure::first_step::{first_step, FirstStep};
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::procedure::guide::options;
use mynapin_core::procedure::Route;
use mynapin_core::transport::in_process::InProcess;
use mynapin_sim::{Fixture, SimCard};
use mynapin_words::{outcome, Lang};
use std::collections::VecDeque;
use zeroize::Zeroizing;

/// A front end's PIN entry, scripted: each PIN is handed over as a zeroizing value when the
/// session asks for it (never an argument of anything), like an app's secure text field.
struct Scripted {
    pins: VecDeque<Zeroizing<String>>,
    asked: usize,
}

impl Scripted {
    fn new(pins: &[&str]) -> Scripted {
        Scripted {
            pins: pins.iter().map(|p| Zeroizing::new(p.to_string())).collect(),
            asked: 0,
        }
    }
}

impl PinSource for Scripted {
    fn ask(&mut self, req: &PinRequest) -> Result<Zeroizing<String>, EntryError> {
        self.asked += 1;
        self.pins.pop_front().ok_or(EntryError::Ended {
            got: self.asked - 1,
            expected: req.entries_total,
        })
    }
    fn interactive(&self) -> bool {
        false
    }
    fn confirm_last_try(&mut self, _: PinId, _: KeyRef, _: Counter) -> Result<bool, EntryError> {
        Ok(false)
    }
}

/// The status as this front end shows it: one line per PIN, its name, state and tries left.
fn status_lines(lang: Lang, pins: &[PinStatus]) -> Vec<String> {
    pins.iter()
        .map(|p| {
            let tries = p.retries_left().map_or("?".to_string(), |n| n.to_string());
            format!(
                "{}: {} ({tries}/{})",
                outcome::pin_short(lang, p.pin),
                outcome::state_word(lang, p.state()),
                p.pin.max_tries()
            )
        })
        .collect()
}

fn read_status(sim: &mut SimCard) -> Vec<PinStatus> {
    let mut t = InProcess::new(sim, "sim");
    let mut card = MyNumberCard::open(&mut t).expect("a My Number card");
    card.read_all().expect("the counters")
}

fn verify(sim: &mut SimCard, pin: PinId, only: Option<KeyRef>, pins: &[&str]) -> Report {
    let mut t = InProcess::new(sim, "sim");
    let mut card = MyNumberCard::open(&mut t).expect("a My Number card");
    let opts = Options {
        only,
        ..Options::default()
    };
    session::verify(&mut card, pin, opts, &mut Scripted::new(pins))
}

fn change(sim: &mut SimCard, pins: &[PinId], entries: &[&str]) -> Report {
    let mut t = InProcess::new(sim, "sim");
    let mut card = MyNumberCard::open(&mut t).expect("a My Number card");
    session::change(
        &mut card,
        pins,
        Options::default(),
        &mut Scripted::new(entries),
    )
}

/// Everything this front end says about a report, in `lang`: what happened, what was sent,
/// what became of each place, and every next step.
fn word(lang: Lang, report: &Report) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stop) = &report.stop {
        out.push(outcome::stop(lang, stop));
        out.push(outcome::sent(lang, &report.sent()));
    }
    for r in &report.refs {
        out.push(format!(
            "{}: {}",
            outcome::place(lang, r.pin, r.r),
            outcome::ref_change(lang, r)
        ));
        out.extend(outcome::ref_checked(lang, r));
    }
    out.extend(
        report
            .next_steps()
            .iter()
            .map(|s| outcome::next_step(lang, s)),
    );
    for line in &out {
        assert!(
            !line.trim().is_empty(),
            "{lang:?}: an empty line in {out:?}"
        );
        // A message the catalogue lacks shows its id; a front end without a command line
        // gets no command.
        assert!(
            !line.contains("error-") && !line.contains("next-step") && !line.contains("mynapin "),
            "{lang:?}: {line}"
        );
    }
    out
}

#[test]
fn a_front_end_with_only_the_core_and_the_words() {
    let mut sim = SimCard::new(Fixture::builtin("fresh").unwrap());

    // The status, read and worded.
    let status = read_status(&mut sim);
    assert_eq!(status.len(), 4);
    let ja = status_lines(Lang::JA, &status);
    assert!(
        ja[0].contains("利用者証明用") && ja[0].ends_with("(3/3)"),
        "{ja:?}"
    );
    assert!(status_lines(Lang::EN, &status)[1].contains("signature password"));

    // A wrong PIN: one try spent, and the words say how many are left.
    let wrong = verify(&mut sim, PinId::Auth, None, &["9999"]);
    let stop = wrong.stop.as_ref().expect("a wrong PIN stops");
    assert_eq!(stop.outcome().kind, OutcomeKind::WrongPin);
    assert_eq!(stop.outcome().class, Class::WrongPin);
    assert_eq!(wrong.refs[0].counter(), Some(Counter::Left(2)));
    let ja = word(Lang::JA, &wrong);
    assert!(ja[0].contains("残り2回"), "{ja:?}");
    // What was sent: more than the counter queries (this VERIFY spent a try).
    assert_eq!(wrong.sent(), Sent::More { verified: vec![] });
    assert!(ja[1].contains("場所ごと"), "{ja:?}");
    assert!(
        ja.iter()
            .any(|l| l.contains("1回分を使いました") || l.contains("1回減り")),
        "{ja:?}"
    );
    let en = word(Lang::EN, &wrong);
    assert!(en[0].contains("Wrong") && en[0].contains('2'), "{en:?}");

    // The right PIN: the counter is back at its maximum.
    let right = verify(&mut sim, PinId::Auth, None, &["1234"]);
    assert!(right.stop.is_none());
    assert_eq!(right.refs[0].after, Some(Counter::Left(3)));

    // A change of the user-authentication PIN: done, and the new PIN verifies.
    let changed = change(&mut sim, &[PinId::Auth], &["1234", "2580", "2580"]);
    assert_eq!(changed.change_result(), ChangeResult::Changed);
    assert!(changed.next_steps().is_empty());
    let ja = word(Lang::JA, &changed);
    assert!(ja[0].contains("変更しました"), "{ja:?}");
    assert!(word(Lang::EN, &changed)[0].contains("CHANGED"));
    assert!(verify(&mut sim, PinId::Auth, None, &["2580"])
        .stop
        .is_none());
    assert!(verify(&mut sim, PinId::Auth, None, &["1234"])
        .stop
        .is_some());
    let after = read_status(&mut sim);
    assert_eq!(
        after[0].refs[0].counter,
        Counter::Left(2),
        "one try on the old PIN"
    );
}

#[test]
fn a_change_that_stops_half_way_says_what_each_place_holds_and_what_to_do() {
    // The card refuses to change the second place of the residence registry PIN.
    let mut fixture = Fixture::builtin("fresh").unwrap();
    fixture
        .faults
        .change_sw
        .insert(KeyRef::JukiCommon, "6A 80".into());
    let mut sim = SimCard::new(fixture);
    let report = change(&mut sim, &[PinId::Juki], &["1234", "5678", "5678"]);
    assert_eq!(report.change_result(), ChangeResult::Partial);
    assert_eq!(report.refs[0].change, RefChange::Changed);
    let stop = report.stop.as_ref().expect("the refusal stops the change");
    assert_eq!(stop.outcome().kind, OutcomeKind::UnexpectedAnswer);
    assert_eq!(stop.outcome().class, Class::Failure);
    assert_eq!(
        report.sent(),
        Sent::More {
            verified: vec![PinId::Juki]
        }
    );
    assert_eq!(
        report.next_steps(),
        [NextStep::FinishChange {
            pin: PinId::Juki,
            r: KeyRef::JukiCommon
        }]
    );
    let ja = word(Lang::JA, &report);
    let step = ja.last().unwrap();
    assert!(
        step.contains("2か所目") && step.contains("元の暗証番号のまま"),
        "{ja:?}"
    );
    let en = word(Lang::EN, &report);
    assert!(
        en.last().unwrap().contains("place 2 of 2") && en.last().unwrap().contains("OLD"),
        "{en:?}"
    );
    // What the card holds: the first place the new PIN, the second the old one, and no try
    // was spent on either.
    assert!(
        verify(&mut sim, PinId::Juki, Some(KeyRef::JukiAp), &["5678"])
            .stop
            .is_none()
    );
    assert!(
        verify(&mut sim, PinId::Juki, Some(KeyRef::JukiCommon), &["1234"])
            .stop
            .is_none()
    );
    let status = read_status(&mut sim);
    let juki = status.iter().find(|p| p.pin == PinId::Juki).unwrap();
    assert!(juki.refs.iter().all(|r| r.counter == Counter::Left(3)));
}

#[test]
fn a_blocked_pin_gets_its_reset_guide() {
    let mut sim = SimCard::new(Fixture::builtin("sign-blocked").unwrap());
    let status = read_status(&mut sim);
    let blocked: Vec<PinId> = status
        .iter()
        .filter(|p| p.state() == PinState::Blocked)
        .map(|p| p.pin)
        .collect();
    assert_eq!(blocked, [PinId::Sign]);
    assert!(status_lines(Lang::JA, &status)[1].contains("ロック中"));

    // Verifying it sends no VERIFY: the card says it is blocked, and the next step is its
    // guide.
    let report = verify(&mut sim, PinId::Sign, None, &[]);
    let stop = report.stop.as_ref().expect("blocked");
    assert_eq!(stop.outcome().kind, OutcomeKind::Blocked);
    assert_eq!(stop.outcome().class, Class::Blocked);
    assert_eq!(report.next_steps(), [NextStep::SeeGuide(PinId::Sign)]);
    let ja = word(Lang::JA, &report);
    assert!(ja[0].contains("ロックされています"), "{ja:?}");
    assert!(ja.last().unwrap().contains("署名用パスワード"), "{ja:?}");
    assert!(word(Lang::EN, &report)[0].contains("blocked"));

    // The guide for the card as read: the card's status (with its certificate) as the reset
    // rules see it, the PINs to guide, each one's case and routes, and the first step.
    let card_status = {
        let mut t = InProcess::new(&mut sim, "sim");
        let mut card = MyNumberCard::open(&mut t).expect("a My Number card");
        card.read_status(true, Date::parse_iso("2026-12-01").unwrap())
            .expect("the status")
    };
    let facts = CardFacts::of_status(&card_status);
    assert_eq!(facts.pins_to_guide(), blocked);
    let case = facts.case(PinId::Sign, facts.situation_of(PinId::Sign));
    assert!(case.blocked.contains(&PinId::Sign));
    let routes = options(&case, None, None);
    let open: Vec<Route> = routes
        .iter()
        .filter(|o| o.available)
        .map(|o| o.route)
        .collect();
    assert!(open.contains(&Route::Counter), "{open:?}");
    assert!(
        !open.contains(&Route::Home),
        "a blocked PIN is not changed at home"
    );
    // The signature password is reset at a kiosk only with the other JPKI PIN, which this
    // card has unblocked: the first step is the kiosk on that condition (the counter else).
    assert_eq!(
        first_step(&case, &routes),
        FirstStep::KioskIfPartner {
            partner: PinId::Auth
        }
    );
    for lang in Lang::all() {
        let words: Vec<String> = open
            .iter()
            .map(|r| outcome::route_short(lang, *r))
            .collect();
        assert!(words.iter().all(|w| !w.is_empty()));
    }
    assert!(outcome::reset_routes(Lang::JA, PinId::Sign).contains("利用者証明用"));
}
