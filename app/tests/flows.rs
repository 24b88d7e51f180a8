//! Click-throughs of the app on the simulated card, in Japanese and in English: what a
//! resident sees and does, found by the labels a screen reader reads, and what the card holds
//! afterwards. The harness fails a test when an interactive widget has no accessible name or
//! a character has no glyph in the app's font.

mod common;

use common::{click, keypad, open, screen, settle, shows, t, NoReader, TransportPort};
use egui_kittest::kittest::Queryable;
use mynapin_app::port::SimPort;
use mynapin_core::layout::KeyRef;
use mynapin_core::transport::in_process::InProcess;
use mynapin_sim::{Fixture, SimCard};
use mynapin_words::Lang;
use std::sync::{Arc, Mutex};

const LANGS: [Lang; 2] = [Lang::JA, Lang::EN];

fn sim(name: &str) -> (Box<SimPort>, mynapin_app::port::Shared) {
    let port = SimPort::builtin(Some(name)).expect("a built-in fixture");
    let card = port.shared();
    (Box::new(port), card)
}

fn tries(card: &mynapin_app::port::Shared, r: KeyRef) -> u8 {
    card.lock().unwrap().tries_left(r)
}

fn holds(card: &mynapin_app::port::Shared, r: KeyRef, value: &str) -> bool {
    card.lock().unwrap().value_is(r, value)
}

fn apdus(card: &mynapin_app::port::Shared) -> u64 {
    card.lock().unwrap().apdu_count()
}

/// The fresh card's PINs (sim/fixtures/cards/fresh.toml), as digits.
const AUTH: [u8; 4] = [1, 2, 3, 4];
const NEW: [u8; 4] = [2, 5, 8, 0];

fn digits(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

#[test]
fn status_of_every_built_in_card_is_shown_in_both_languages() {
    for lang in LANGS {
        for (name, _) in mynapin_sim::fixture::BUILTIN {
            let (port, _) = sim(name);
            let (h, _) = open(port, lang);
            if *name == "not-mynumber" {
                assert!(
                    shows(
                        &h,
                        t(lang, "カードを読み取れませんでした", "could not be read")
                    ),
                    "{name}: {}",
                    screen(&h)
                );
                continue;
            }
            for pin in [
                t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
                t(lang, "署名用パスワード", "signature password"),
                t(
                    lang,
                    "券面事項入力補助用暗証番号",
                    "card-info input support PIN",
                ),
                t(lang, "住民基本台帳用暗証番号", "residence registry PIN"),
            ] {
                assert!(shows(&h, pin), "{name} {lang:?}: no {pin}: {}", screen(&h));
            }
            assert!(
                shows(&h, t(lang, "次にすること", "What to do next")),
                "{name}: {}",
                screen(&h)
            );
        }
    }
}

#[test]
fn the_fresh_card_shows_marks_and_counts_and_no_pin_is_asked() {
    let (port, card) = sim("fresh");
    let (h, _) = open(port, Lang::JA);
    assert!(shows(&h, "●●●  残り3回（全3回）"), "{}", screen(&h));
    assert!(shows(&h, "●●●●●  残り5回（全5回）"), "{}", screen(&h));
    assert!(shows(&h, "ロックされている暗証番号はありません"));
    // Reading the status spent nothing.
    assert_eq!(tries(&card, KeyRef::Auth), 3);
}

fn change_one(lang: Lang, pin_label: &str, r: &[KeyRef], current: &[u8]) {
    let (port, card) = sim("fresh");
    let (mut h, _) = open(port, lang);
    click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
    h.get_by_label_contains(pin_label).click();
    settle(&mut h);
    click(&mut h, t(lang, "次へ", "Next"));
    keypad(&mut h, current);
    click(&mut h, t(lang, "次へ", "Next"));
    keypad(&mut h, &NEW);
    click(&mut h, t(lang, "次へ", "Next"));
    keypad(&mut h, &NEW);
    click(&mut h, t(lang, "次へ", "Next"));
    assert!(
        shows(
            &h,
            t(lang, "まだ何も送っていません", "Nothing has been sent yet")
        ),
        "{}",
        screen(&h)
    );
    click(&mut h, t(lang, "変更する", "Change"));
    assert!(
        shows(&h, t(lang, "変更しました", "Changed")),
        "{}",
        screen(&h)
    );
    for x in r {
        assert!(holds(&card, *x, &digits(&NEW)), "{x:?} not changed");
        assert_eq!(tries(&card, *x), 3);
    }
}

#[test]
fn changing_the_user_authentication_pin() {
    for lang in LANGS {
        change_one(
            lang,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
            &[KeyRef::Auth],
            &AUTH,
        );
    }
}
