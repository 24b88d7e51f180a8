//! Click-throughs of the app on the simulated card, in Japanese and in English: what a
//! resident sees and does, found by the labels a screen reader reads, and what the card holds
//! afterwards. The harness fails a test when an interactive widget has no accessible name or
//! a character has no glyph in the app's font.

mod common;

use common::{click, keypad, open, screen, shows, t, tick, NoReader};
use egui_kittest::kittest::Queryable;
use mynapin_app::port::SimPort;
use mynapin_core::layout::KeyRef;
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
            // Not My Number cards (an old residence registry card among them): named so.
            if ["not-mynumber", "juki-card", "smartphone"].contains(name) {
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
    tick(&mut h, pin_label);
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

#[test]
fn changing_the_card_info_pin_and_the_residence_pin_in_both_places() {
    for lang in LANGS {
        change_one(
            lang,
            t(
                lang,
                "券面事項入力補助用暗証番号",
                "card-info input support PIN",
            ),
            &[KeyRef::Kenhojo],
            &AUTH,
        );
        change_one(
            lang,
            t(lang, "住民基本台帳用暗証番号", "residence registry PIN"),
            &[KeyRef::JukiAp, KeyRef::JukiCommon],
            &AUTH,
        );
    }
}

/// Walks to the review screen for the 4-digit PINs whose labels contain `pins`, each with
/// current PIN `current`, new PIN `new` (and `confirm`).
fn to_review(
    h: &mut egui_kittest::Harness<'static, mynapin_app::App>,
    lang: Lang,
    pins: &[&str],
    current: &[u8],
    new: &[u8],
    confirm: &[u8],
) {
    click(h, t(lang, "暗証番号の変更", "Change a PIN"));
    for p in pins {
        tick(h, p);
    }
    click(h, t(lang, "次へ", "Next"));
    for _ in pins {
        keypad(h, current);
        click(h, t(lang, "次へ", "Next"));
    }
    keypad(h, new);
    click(h, t(lang, "次へ", "Next"));
    keypad(h, confirm);
    click(h, t(lang, "次へ", "Next"));
}

#[test]
fn several_four_digit_pins_change_to_one_new_value() {
    for lang in LANGS {
        let (port, card) = sim("fresh");
        let (mut h, _) = open(port, lang);
        let names = [
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
            t(
                lang,
                "券面事項入力補助用暗証番号",
                "card-info input support PIN",
            ),
            t(lang, "住民基本台帳用暗証番号", "residence registry PIN"),
        ];
        to_review(&mut h, lang, &names, &AUTH, &NEW, &NEW);
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(&h, t(lang, "変更しました", "Changed")),
            "{}",
            screen(&h)
        );
        for r in [
            KeyRef::Auth,
            KeyRef::Kenhojo,
            KeyRef::JukiAp,
            KeyRef::JukiCommon,
        ] {
            assert!(holds(&card, r, &digits(&NEW)), "{lang:?} {r:?}");
        }
        // The status screen shows the counters read back by the change.
        click(&mut h, t(lang, "カードの状態", "Card status"));
        assert!(shows(&h, t(lang, "残り3回（全3回）", "3 of 3 tries left")));
    }
}

#[test]
fn the_signature_password_is_typed_in_its_own_field_and_upper_cased() {
    for lang in LANGS {
        let (port, card) = sim("fresh");
        let (mut h, _) = open(port, lang);
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        tick(&mut h, t(lang, "署名用パスワード", "signature password"));
        click(&mut h, t(lang, "次へ", "Next"));
        h.get_by_role(egui::accesskit::Role::PasswordInput)
            .type_text("abc123");
        h.run();
        click(&mut h, t(lang, "次へ", "Next"));
        h.get_by_role(egui::accesskit::Role::PasswordInput)
            .type_text("NEWPASS9");
        h.run();
        click(&mut h, t(lang, "次へ", "Next"));
        h.get_by_role(egui::accesskit::Role::PasswordInput)
            .type_text("newpass9");
        h.run();
        click(&mut h, t(lang, "次へ", "Next"));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "小文字は大文字にして使います",
                    "Lower-case letters are used as capitals"
                )
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
        assert!(holds(&card, KeyRef::Sign, "NEWPASS9"));
        assert_eq!(tries(&card, KeyRef::Sign), 5);
    }
}

#[test]
fn a_wrong_current_pin_spends_one_try_changes_nothing_and_says_so() {
    for lang in LANGS {
        let (port, card) = sim("fresh");
        let (mut h, _) = open(port, lang);
        to_review(
            &mut h,
            lang,
            &[t(lang, "利用者証明用暗証番号", "user-authentication PIN")],
            &[9, 9, 9, 9],
            &NEW,
            &NEW,
        );
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "変更は最後まで進みませんでした",
                    "did not go all the way"
                )
            ),
            "{}",
            screen(&h)
        );
        assert!(shows(&h, t(lang, "残り2回", "2")), "{}", screen(&h));
        assert!(holds(&card, KeyRef::Auth, "1234"));
        assert_eq!(tries(&card, KeyRef::Auth), 2);
    }
}

#[test]
fn a_confirmation_that_differs_sends_nothing_and_asks_again() {
    for lang in LANGS {
        let (port, card) = sim("fresh");
        let (mut h, _) = open(port, lang);
        let before = apdus(&card);
        to_review(
            &mut h,
            lang,
            &[t(lang, "利用者証明用暗証番号", "user-authentication PIN")],
            &AUTH,
            &NEW,
            &[2, 5, 8, 1],
        );
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "2回の入力が一致しませんでした",
                    "The two entries differ"
                )
            ),
            "{}",
            screen(&h)
        );
        assert!(shows(
            &h,
            t(
                lang,
                "新しい暗証番号を入力してください",
                "Enter the new PIN"
            )
        ));
        assert_eq!(apdus(&card), before, "something was sent");
        assert_eq!(tries(&card, KeyRef::Auth), 3);
    }
}

#[test]
fn the_last_try_is_a_screen_of_its_own_whose_safe_answer_sends_nothing() {
    for lang in LANGS {
        // Stop: nothing is sent, the wizard starts over.
        let (port, card) = sim("auth-last-try");
        let (mut h, _) = open(port, lang);
        let before = apdus(&card);
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        tick(
            &mut h,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
        );
        click(&mut h, t(lang, "次へ", "Next"));
        assert!(
            shows(&h, t(lang, "残り1回です", "one try left")),
            "{}",
            screen(&h)
        );
        click(&mut h, t(lang, "やめる", "Stop"));
        assert!(shows(
            &h,
            t(lang, "変更する暗証番号を選んでください", "Choose the PINs")
        ));
        assert_eq!(apdus(&card), before);

        // Go on: the right PIN changes it, and the count is back at 3.
        tick(
            &mut h,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
        );
        click(&mut h, t(lang, "次へ", "Next"));
        click(
            &mut h,
            t(lang, "確かにわかっているので、続ける", "I am sure: go on"),
        );
        keypad(&mut h, &AUTH);
        click(&mut h, t(lang, "次へ", "Next"));
        keypad(&mut h, &NEW);
        click(&mut h, t(lang, "次へ", "Next"));
        keypad(&mut h, &NEW);
        click(&mut h, t(lang, "次へ", "Next"));
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(&h, t(lang, "変更しました", "Changed")),
            "{}",
            screen(&h)
        );
        assert!(holds(&card, KeyRef::Auth, &digits(&NEW)));
        assert_eq!(tries(&card, KeyRef::Auth), 3);
    }
}

#[test]
fn a_count_the_card_does_not_report_is_asked_about_like_the_last_try() {
    for lang in LANGS {
        // The user-authentication counter answers 63 00: a count, but not reported.
        let (port, card) = sim("quirky-counters");
        let (mut h, _) = open(port, lang);
        assert!(
            shows(&h, t(lang, "残り回数：不明", "Tries left: unknown")),
            "{}",
            screen(&h)
        );
        let before = apdus(&card);
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        tick(
            &mut h,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
        );
        click(&mut h, t(lang, "次へ", "Next"));
        assert!(
            shows(
                &h,
                t(lang, "残り1回かもしれません", "It may be the last one")
            ),
            "{}",
            screen(&h)
        );
        // The safe answer has the focus.
        assert!(h.get_by_label(t(lang, "やめる", "Stop")).is_focused());
        click(&mut h, t(lang, "やめる", "Stop"));
        assert_eq!(apdus(&card), before);
    }
}

#[test]
fn a_blocked_pin_cannot_be_chosen_and_leads_to_its_guide() {
    for lang in LANGS {
        let (port, card) = sim("sign-blocked");
        let (mut h, _) = open(port, lang);
        let before = apdus(&card);
        assert!(
            shows(&h, t(lang, "ロックされています", "Blocked")),
            "{}",
            screen(&h)
        );
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        click(
            &mut h,
            t(
                lang,
                "署名用パスワードの再設定の案内",
                "How to reset the signature password",
            ),
        );
        assert!(
            shows(&h, t(lang, "再設定の案内", "Reset guide")),
            "{}",
            screen(&h)
        );
        assert_eq!(apdus(&card), before);
    }
}

#[test]
fn a_card_pulled_out_mid_change_is_reported_per_place() {
    for lang in LANGS {
        let card: mynapin_app::port::Shared = Arc::new(Mutex::new(SimCard::new(Fixture::fresh())));
        // The second change command is the residence PIN's second place.
        let port = common::ScriptedPort::new(card.clone(), common::Reader::PulledAtChange(2));
        let (mut h, _) = open(Box::new(port), lang);
        to_review(
            &mut h,
            lang,
            &[t(lang, "住民基本台帳用暗証番号", "residence registry PIN")],
            &AUTH,
            &NEW,
            &NEW,
        );
        click(&mut h, t(lang, "変更する", "Change"));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "変更は最後まで進みませんでした",
                    "did not go all the way"
                )
            ),
            "{}",
            screen(&h)
        );
        // Place 1 holds the new PIN; place 2 acted on the command whose answer was lost.
        assert!(holds(&card, KeyRef::JukiAp, &digits(&NEW)));
        let shown = screen(&h);
        assert!(
            shown.contains(t(lang, "1か所目", "place 1"))
                && shown.contains(t(lang, "2か所目", "place 2")),
            "{shown}"
        );
    }
}

#[test]
fn no_reader_is_named_with_one_next_step() {
    for lang in LANGS {
        let (h, _) = open(Box::new(NoReader), lang);
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "カードリーダーが使えません",
                    "The card reader cannot be used"
                )
            ),
            "{}",
            screen(&h)
        );
        assert!(shows(&h, "RC-S380"), "{}", screen(&h));
    }
}

#[test]
fn on_a_pin_pad_reader_the_pins_are_typed_on_the_reader() {
    for lang in LANGS {
        let card: mynapin_app::port::Shared = Arc::new(Mutex::new(SimCard::new(Fixture::fresh())));
        let port = common::ScriptedPort::new(card.clone(), common::Reader::Pad);
        let keys = port.keys.clone();
        for k in [digits(&AUTH), digits(&NEW), digits(&NEW)] {
            keys.lock().unwrap().push_back(k);
        }
        let (mut h, _) = open(Box::new(port), lang);
        click(&mut h, t(lang, "暗証番号の変更", "Change a PIN"));
        tick(
            &mut h,
            t(lang, "利用者証明用暗証番号", "user-authentication PIN"),
        );
        click(&mut h, t(lang, "次へ", "Next"));
        // No keypad on the screen: the review says where the PIN is typed.
        assert!(h.query_by_label("5").is_none(), "{}", screen(&h));
        assert!(
            shows(
                &h,
                t(
                    lang,
                    "リーダーのテンキーで入力します",
                    "typed on the reader's keypad"
                )
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
        assert!(
            shows(
                &h,
                t(lang, "リーダーのテンキーで", "on the reader's keypad")
            ),
            "{}",
            screen(&h)
        );
        assert!(holds(&card, KeyRef::Auth, &digits(&NEW)));
        assert!(keys.lock().unwrap().is_empty());
    }
}

#[test]
fn the_guide_works_without_a_card_and_prints_the_handout() {
    for lang in LANGS {
        let (mut h, opened) = open(Box::new(NoReader), lang);
        click(&mut h, t(lang, "再設定の案内", "Reset guide"));
        assert!(
            shows(&h, t(lang, "どの暗証番号ですか", "Which PIN?")),
            "{}",
            screen(&h)
        );
        // Picked by hand: the residence registry PIN, blocked, in Toyokawa.
        click(
            &mut h,
            t(lang, "住民基本台帳用暗証番号", "residence registry PIN"),
        );
        click(&mut h, t(lang, "ロックされている", "Blocked"));
        click(&mut h, t(lang, "豊川市", "Toyokawa City"));
        assert_eq!(h.state().settings().city.as_deref(), Some("toyokawa"));
        let shown = screen(&h);
        assert!(shown.contains(t(lang, "窓口", "counter")), "{shown}");
        // The checklist is a list of boxes to tick.
        assert!(
            h.get_all_by_role(egui::accesskit::Role::CheckBox).count() > 0,
            "{shown}"
        );
        click(
            &mut h,
            t(lang, "印刷用のページを開く", "Open the printable page"),
        );
        let pages = opened.borrow();
        assert_eq!(pages.len(), 1);
        let (name, html) = &pages[0];
        assert_eq!(name, &format!("mynapin-guide-juki-{}.html", lang.tag()));
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
        assert!(
            html.contains("city.toyokawa.lg.jp"),
            "the city's page is cited"
        );
        assert!(
            !html.contains("mynapin guide"),
            "a handout names no command"
        );
        assert!(shows(
            &h,
            t(lang, "ブラウザで開きました", "open in your browser")
        ));
    }
}

#[test]
fn the_guide_saves_the_handout_to_a_file() {
    let dir = std::env::temp_dir().join(format!("mynapin-app-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (port, _) = sim("sign-blocked");
    let (mut h, _) = open(port, Lang::JA);
    h.state_mut().save_dir = dir.clone();
    click(&mut h, "ロックされた暗証番号の再設定の案内を見る");
    // The card's blocked PIN is the one guided.
    assert!(shows(&h, "署名用パスワード"), "{}", screen(&h));
    click(&mut h, "ファイルに保存");
    let path = dir.join("mynapin-guide-sign-ja.html");
    let html = std::fs::read_to_string(&path).expect("the page was saved");
    assert!(html.contains("署名用"), "{html}");
    assert!(shows(&h, "保存しました"), "{}", screen(&h));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_card_placed_is_read_taken_out_is_asked_for_and_placed_again_is_read_again() {
    for lang in LANGS {
        let (port, hand) = common::HandPort::new(&["Reader A"]);
        let (mut h, _) = open(Box::new(port), lang);
        common::until_shows(
            &mut h,
            t(
                lang,
                "カードをリーダーに置いてください",
                "Place your card on the reader",
            ),
        );
        hand.send(common::Hand::Place(Arc::new(Mutex::new(SimCard::new(
            Fixture::fresh(),
        )))))
        .unwrap();
        common::until_shows(&mut h, t(lang, "残り3回（全3回）", "3 of 3 tries left"));
        hand.send(common::Hand::Remove).unwrap();
        common::until_shows(
            &mut h,
            t(
                lang,
                "カードをリーダーに置いてください",
                "Place your card on the reader",
            ),
        );
        // Another card: its own status.
        hand.send(common::Hand::Place(Arc::new(Mutex::new(SimCard::new(
            Fixture::builtin("sign-blocked").unwrap(),
        )))))
        .unwrap();
        common::until_shows(&mut h, t(lang, "ロック中", "BLOCKED"));
    }
}

#[test]
fn with_several_readers_the_holder_picks_one() {
    for lang in LANGS {
        let (port, _hand) = common::HandPort::new(&["Reader A", "Reader B\u{7}"]);
        let picked = port.picked.clone();
        let (mut h, _) = open(Box::new(port), lang);
        common::until_shows(
            &mut h,
            t(
                lang,
                "使うリーダーを選んでください",
                "Choose the one to use",
            ),
        );
        // The reader's name is shown sanitized (its control character replaced).
        assert!(!common::screen(&h).contains('\u{7}'));
        click(&mut h, "Reader A");
        // The card's thread takes the choice, then looks for the card again (and says so).
        assert!(h
            .state_mut()
            .wait_for_card(std::time::Duration::from_secs(60)));
        assert_eq!(
            picked.lock().unwrap().as_slice(),
            &[Some("Reader A".to_string())]
        );
    }
}

#[test]
fn the_help_desk_report_holds_no_pin_after_a_change() {
    let (port, card) = sim("fresh");
    let (mut h, _) = open(port, Lang::EN);
    to_review(
        &mut h,
        Lang::EN,
        &["user-authentication PIN"],
        &AUTH,
        &[7, 3, 9, 1],
        &[7, 3, 9, 1],
    );
    click(&mut h, "Change");
    assert!(holds(&card, KeyRef::Auth, "7391"));
    click(&mut h, "Settings");
    click(&mut h, "Information for a help desk");
    let report = h.state().diagnostics();
    assert!(report.contains("auth"), "{report}");
    for pin in ["7391", "1234"] {
        assert!(!report.contains(pin), "{report}");
        assert!(!common::screen(&h).contains(pin));
    }
}

#[cfg(debug_assertions)]
#[test]
fn a_debug_build_has_a_hidden_menu_for_the_simulated_card() {
    let (mut h, _) = open(Box::new(NoReader), Lang::JA);
    click(&mut h, "設定");
    assert!(
        h.query_by_label("debug: simulated card").is_none(),
        "hidden until F12"
    );
    h.key_press(egui::Key::F12);
    common::settle(&mut h);
    click(&mut h, "debug: simulated card");
    click(&mut h, "sign-blocked");
    click(&mut h, "カードの状態");
    common::until_shows(&mut h, "ロック中");
}

/// The checks every test above runs under are on: a widget without an accessible name fails.
#[test]
#[should_panic(expected = "lack accessible name")]
fn the_harness_fails_on_a_widget_without_an_accessible_name() {
    let mut h = common::builder::<()>().build_ui(|ui| {
        let _ = ui.add(egui::Button::new(""));
    });
    h.run();
}

/// …and a character the app's font lacks fails (the font is the app's only one).
#[test]
#[should_panic(expected = "U+10FFFD")]
fn the_harness_fails_on_a_character_the_font_lacks() {
    let mut h = common::builder::<()>().build_ui(|ui| {
        ui.label("\u{10FFFD}");
    });
    h.run();
}

#[test]
fn every_reader_failure_is_named_with_one_next_step() {
    use common::Failing;
    use mynapin_core::card::{CardError, CardKind};
    use mynapin_core::transport::TransportError;
    // (the reader, the heading, the next step) in the language under test.
    let cases = |lang| -> [(Failing, &str, &str); 3] {
        [
            (
                Failing {
                    waiting: Some(|| TransportError::NoService),
                    opening: || CardError::Transport(TransportError::NoService),
                },
                t(
                    lang,
                    "カードリーダーが使えません",
                    "The card reader cannot be used",
                ),
                t(lang, "「Smart Card」サービス", "\"Smart Card\" service"),
            ),
            (
                Failing {
                    waiting: None,
                    opening: || CardError::Transport(TransportError::CardInUse),
                },
                t(
                    lang,
                    "カードを読み取れませんでした",
                    "The card could not be read",
                ),
                t(lang, "ほかのプログラム", "Close the other programs"),
            ),
            (
                Failing {
                    waiting: None,
                    opening: || CardError::NotMyNumberCard(CardKind::OldJukiCard),
                },
                t(
                    lang,
                    "カードを読み取れませんでした",
                    "The card could not be read",
                ),
                t(lang, "住基", "Basic Resident Registry"),
            ),
        ]
    };
    for lang in LANGS {
        for (port, heading, step) in cases(lang) {
            let (mut h, _) = open(Box::new(port), lang);
            common::until_shows(&mut h, heading);
            assert!(shows(&h, step), "{lang:?}: {}", screen(&h));
        }
    }
}
