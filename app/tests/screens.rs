//! Every screen of the app, rendered in Japanese to a PNG under `docs/screenshots/` (wgpu on
//! a software adapter: Mesa's lavapipe in CI), and compared with the committed picture: a
//! change in what a resident sees shows in the diff as a picture. After a change on purpose:
//! `UPDATE_SNAPSHOTS=true cargo test -p mynapin-app --test screens`, then look at each one.

mod common;

use common::{click, keypad, open, settle, t, tick, NoReader};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions, SnapshotResults};
use mynapin_app::port::SimPort;
use mynapin_app::App;
use mynapin_words::Lang;

const JA: Lang = Lang::JA;

/// Renders the screen to `docs/screenshots/<name>.png` (compared with the committed one);
/// the result joins the test's `all`, which says at the end of the test what differed.
fn shot(all: &mut SnapshotResults, h: &mut Harness<'static, App>, name: &str) {
    h.remove_cursor();
    h.run();
    h.snapshot_options(
        name,
        &SnapshotOptions::new().output_path("../docs/screenshots"),
    );
    all.extend_harness(h);
}

fn on(name: &str) -> Harness<'static, App> {
    open(Box::new(SimPort::builtin(Some(name)).unwrap()), JA).0
}

#[test]
fn status_screens() {
    let mut all = SnapshotResults::new();
    let mut h = on("fresh");
    shot(&mut all, &mut h, "status-fresh");
    let mut h = on("sign-blocked");
    shot(&mut all, &mut h, "status-sign-blocked");
    let mut h = on("juki-mismatch");
    shot(&mut all, &mut h, "status-juki-mismatch");
    let mut h = on("auth-expired");
    shot(&mut all, &mut h, "status-auth-expired");
    let mut h = on("not-mynumber");
    shot(&mut all, &mut h, "status-not-mynumber");
    let (mut h, _) = open(Box::new(NoReader), JA);
    shot(&mut all, &mut h, "no-reader");
    // A reader, no card yet.
    let (port, _hand) = common::HandPort::new(&["Reader A"]);
    let (mut h, _) = open(Box::new(port), JA);
    common::until_shows(&mut h, "カードをリーダーに置いてください");
    shot(&mut all, &mut h, "place-card");
    // Two readers: the picker.
    let (port, _hand) = common::HandPort::new(&["Reader A", "Reader B"]);
    let (mut h, _) = open(Box::new(port), JA);
    common::until_shows(&mut h, "使うリーダーを選んでください");
    shot(&mut all, &mut h, "pick-reader");
    all.unwrap();
}

#[test]
fn change_screens() {
    let mut all = SnapshotResults::new();
    let mut h = on("fresh");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    shot(&mut all, &mut h, "change-choose");
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 2]);
    shot(&mut all, &mut h, "change-keypad");
    keypad(&mut h, &[3, 4]);
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 1, 1, 1]);
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 1, 1, 1]);
    click(&mut h, "次へ");
    shot(&mut all, &mut h, "change-review");
    click(&mut h, "変更する");
    shot(&mut all, &mut h, "change-done");

    // A reader with a PIN pad: no keypad on the screen; the result lists the pad's prompts.
    let card: mynapin_app::port::Shared = std::sync::Arc::new(std::sync::Mutex::new(
        mynapin_sim::SimCard::new(mynapin_sim::Fixture::fresh()),
    ));
    let port = common::ScriptedPort::new(card, common::Reader::Pad);
    for k in ["1234", "2580", "2580"] {
        port.keys.lock().unwrap().push_back(k.to_string());
    }
    let (mut h, _) = open(Box::new(port), JA);
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    click(&mut h, "次へ");
    shot(&mut all, &mut h, "change-pinpad-review");
    click(&mut h, "変更する");
    shot(&mut all, &mut h, "change-pinpad-done");

    let mut h = on("auth-last-try");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    click(&mut h, "次へ");
    shot(&mut all, &mut h, "change-last-try");

    let mut h = on("fresh");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "署名用パスワード");
    click(&mut h, "次へ");
    h.get_by_role(egui::accesskit::Role::PasswordInput)
        .type_text("abc");
    settle(&mut h);
    shot(&mut all, &mut h, "change-password");

    let mut h = on("fresh");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    click(&mut h, "次へ");
    keypad(&mut h, &[9, 9, 9, 9]);
    click(&mut h, "次へ");
    keypad(&mut h, &[2, 5, 8, 0]);
    click(&mut h, "次へ");
    keypad(&mut h, &[2, 5, 8, 0]);
    click(&mut h, "次へ");
    click(&mut h, "変更する");
    shot(&mut all, &mut h, "change-wrong-pin");
    all.unwrap();
}

#[test]
fn settings_and_help_screens() {
    let mut all = SnapshotResults::new();
    let mut h = on("fresh");
    click(&mut h, "設定");
    shot(&mut all, &mut h, "settings");
    click(&mut h, "問い合わせ用の情報");
    shot(&mut all, &mut h, "diagnostics");
    click(&mut h, "設定");
    click(&mut h, "フォントのライセンス");
    shot(&mut all, &mut h, "licence");
    let mut h = on("fresh");
    click(&mut h, "設定");
    click(&mut h, "白黒のはっきりした表示にする");
    click(&mut h, "200 %");
    click(&mut h, "カードの状態");
    shot(&mut all, &mut h, "status-high-contrast-200");
    let _ = t(JA, "", "");
    all.unwrap();
}

#[test]
fn guide_screens() {
    let mut all = SnapshotResults::new();
    let mut h = on("sign-blocked");
    click(&mut h, "ロックされた暗証番号の再設定の案内を見る");
    shot(&mut all, &mut h, "guide-sign-blocked");
    let (mut h, _) = open(Box::new(NoReader), JA);
    click(&mut h, "再設定の案内");
    shot(&mut all, &mut h, "guide-no-card");
    all.unwrap();
}
