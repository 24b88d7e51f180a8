//! Every screen of the app, rendered in Japanese to a PNG under `docs/screenshots/` (wgpu on
//! a software adapter: Mesa's lavapipe in CI), and compared with the committed picture: a
//! change in what a resident sees shows in the diff as a picture. After a change on purpose:
//! `UPDATE_SNAPSHOTS=true cargo test -p mynapin-app --test screens`, then look at each one.

mod common;

use common::{click, keypad, open, settle, t, tick, NoReader};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use mynapin_app::port::SimPort;
use mynapin_app::App;
use mynapin_words::Lang;

const JA: Lang = Lang::JA;

fn shot(h: &mut Harness<'static, App>, name: &str) {
    h.remove_cursor();
    h.run();
    h.snapshot_options(
        name,
        &SnapshotOptions::new().output_path("../docs/screenshots"),
    );
}

fn on(name: &str) -> Harness<'static, App> {
    open(Box::new(SimPort::builtin(Some(name)).unwrap()), JA).0
}

#[test]
fn status_screens() {
    let mut h = on("fresh");
    shot(&mut h, "status-fresh");
    let mut h = on("sign-blocked");
    shot(&mut h, "status-sign-blocked");
    let mut h = on("juki-mismatch");
    shot(&mut h, "status-juki-mismatch");
    let mut h = on("auth-expired");
    shot(&mut h, "status-auth-expired");
    let mut h = on("not-mynumber");
    shot(&mut h, "status-not-mynumber");
    let (mut h, _) = open(Box::new(NoReader), JA);
    shot(&mut h, "no-reader");
}

#[test]
fn change_screens() {
    let mut h = on("fresh");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    shot(&mut h, "change-choose");
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 2]);
    shot(&mut h, "change-keypad");
    keypad(&mut h, &[3, 4]);
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 1, 1, 1]);
    click(&mut h, "次へ");
    keypad(&mut h, &[1, 1, 1, 1]);
    click(&mut h, "次へ");
    shot(&mut h, "change-review");
    click(&mut h, "変更する");
    shot(&mut h, "change-done");

    let mut h = on("auth-last-try");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "利用者証明用暗証番号");
    click(&mut h, "次へ");
    shot(&mut h, "change-last-try");

    let mut h = on("fresh");
    click(&mut h, "暗証番号の変更");
    tick(&mut h, "署名用パスワード");
    click(&mut h, "次へ");
    h.get_by_role(egui::accesskit::Role::PasswordInput)
        .type_text("abc");
    settle(&mut h);
    shot(&mut h, "change-password");

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
    shot(&mut h, "change-wrong-pin");
}

#[test]
fn settings_and_help_screens() {
    let mut h = on("fresh");
    click(&mut h, "設定");
    shot(&mut h, "settings");
    click(&mut h, "問い合わせ用の情報");
    shot(&mut h, "diagnostics");
    let mut h = on("fresh");
    click(&mut h, "設定");
    click(&mut h, "白黒のはっきりした表示にする");
    click(&mut h, "200 %");
    click(&mut h, "カードの状態");
    shot(&mut h, "status-high-contrast-200");
    let _ = t(JA, "", "");
}

#[test]
fn guide_screens() {
    let mut h = on("sign-blocked");
    click(&mut h, "ロックされた暗証番号の再設定の案内を見る");
    shot(&mut h, "guide-sign-blocked");
    let (mut h, _) = open(Box::new(NoReader), JA);
    click(&mut h, "再設定の案内");
    shot(&mut h, "guide-no-card");
}
