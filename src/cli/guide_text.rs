//! The words of the route decisions, shared by `guide` and by the short guide that `status`,
//! `verify` and `change` print for a blocked PIN. Both come from the one decision,
//! [`crate::procedure::guide::options`], so they cannot contradict each other; the national
//! kiosk facts come from [`crate::procedure::national::KIOSK`].

use super::lang::{Lang, Pair};
use super::text::pin_short;
use crate::card::{PinState, PinStatus};
use crate::layout::PinId;
use crate::procedure::guide::{options, Case, Purpose, RouteOption, Situation, Why};
use crate::procedure::national::KIOSK;
use crate::procedure::Route;

/// Why a route is closed, in words.
pub fn why_text(lang: Lang, w: Why) -> String {
    let p = |x: PinId| pin_short(lang, x);
    match (w, lang.pair()) {
        (Why::NeedsCurrentPin, Pair::En) => "changing needs the current PIN".into(),
        (Why::NeedsCurrentPin, Pair::Ja) => "変更には現在の暗証番号が必要です。".into(),
        (Why::Blocked, Pair::En) => "a blocked PIN cannot be changed, only reset".into(),
        (Why::Blocked, Pair::Ja) => "ロックされた暗証番号は変更できず、再設定が必要です。".into(),
        (Why::CertificateExpired, Pair::En) => "the certificate has expired: a new one is issued at the counter, and its PIN is set there".into(),
        (Why::CertificateExpired, Pair::Ja) => "電子証明書の有効期限が切れています。窓口で新しい証明書を発行し、その際に暗証番号を設定します。".into(),
        (Why::CertificateRevoked, Pair::En) => "the signature certificate is revoked (e.g. after a move or a change of name): a new one is issued at the counter".into(),
        (Why::CertificateRevoked, Pair::Ja) => "署名用電子証明書が失効しています（転居・氏名変更など）。窓口で新しい証明書の発行が必要です。".into(),
        (Why::KioskNotForThisPin, Pair::En) => "kiosks reset only the two certificate PINs (user authentication, signature)".into(),
        (Why::KioskNotForThisPin, Pair::Ja) => "キオスク端末で再設定できるのは電子証明書の2つの暗証番号だけです。".into(),
        (Why::NotNeeded, Pair::En) => "not needed: you know the PIN".into(),
        (Why::NotNeeded, Pair::Ja) => "暗証番号が分かっているため不要です。".into(),
        (Why::PartnerUnknown(x), Pair::En) => format!("the kiosk needs your {} (if you know it, add --know {})", p(x), x.id()),
        (Why::PartnerUnknown(x), Pair::Ja) => format!("キオスク端末では{}の入力が必要です（分かる場合は --know {} を付けてください）。", p(x), x.id()),
        (Why::PartnerBlocked(x), Pair::En) => format!("the kiosk needs your {}, which is blocked too", p(x)),
        (Why::PartnerBlocked(x), Pair::Ja) => format!("キオスク端末で必要な{}もロックされています。", p(x)),
        (Why::PartnerAbsent(_), Pair::En) => "the card has no signature certificate, so no signature password to enter (as for holders under 15, adult wards and face-authentication cards, or when it was declined)".into(),
        (Why::PartnerAbsent(_), Pair::Ja) => "カードに署名用電子証明書（署名用パスワード）がありません（15歳未満の方、成年被後見人の方、顔認証マイナンバーカード、または搭載しなかった場合）。".into(),
        (Why::HolderOnly, Pair::En) => "the kiosk reset is done by the holder, with the holder's smartphone and face check".into(),
        (Why::HolderOnly, Pair::Ja) => "キオスク端末での再設定は、本人がスマートフォンと顔照合で行うものです。".into(),
        (Why::NeedsLegalRepresentative, Pair::En) => "for a holder under 15 or an adult ward, a legal representative must apply (use --applicant legal)".into(),
        (Why::NeedsLegalRepresentative, Pair::Ja) => "15歳未満または成年被後見人等の場合は法定代理人の来庁が必要です（--applicant legal）。".into(),
        (Why::ApplicantNotAllowed, Pair::En) => "this city does not accept this applicant".into(),
        (Why::ApplicantNotAllowed, Pair::Ja) => "この市ではこの申請者は受け付けられません。".into(),
        (Why::FaceAuthCard, Pair::En) => "a face-authentication card (顔認証マイナンバーカード) has no PINs: services that need a PIN cannot be used until it is switched back to a normal card at the counter".into(),
        (Why::FaceAuthCard, Pair::Ja) => "顔認証マイナンバーカードには暗証番号がありません。窓口で通常のカードに切り替えるまで、暗証番号が必要なサービスは使えません。".into(),
        (Why::SignatureCertificateNotIssued, Pair::En) => "no signature certificate is issued to a holder under 15 or to an adult ward".into(),
        (Why::SignatureCertificateNotIssued, Pair::Ja) => "15歳未満の方と成年被後見人の方には署名用電子証明書は発行されません。".into(),
    }
}

/// The short name of a route (`kiosk`, `city office counter`).
pub fn route_short(lang: Lang, r: Route) -> &'static str {
    match r {
        Route::Home => lang.t("change at home", "自宅で変更"),
        Route::Kiosk => lang.t("kiosk", "コンビニのキオスク端末"),
        Route::Counter => lang.t("city office counter", "市区町村の窓口"),
    }
}

/// What the counter does, in words.
pub fn purpose_text(lang: Lang, p: Purpose) -> &'static str {
    match p {
        Purpose::Change => lang.t("change", "変更"),
        Purpose::Reset => lang.t("reset", "再設定"),
        Purpose::RenewCertificates => lang.t("new certificates", "電子証明書の再発行"),
        Purpose::IssueSignatureCertificate => {
            lang.t("new signature certificate", "署名用電子証明書の発行")
        }
        Purpose::SwitchToNormalCard => lang.t("switch to a normal card", "通常のカードへの切替"),
    }
}

/// The routes the resident can take, in the order home, kiosk, counter: the open ones, and
/// the kiosk when only the other JPKI PIN is missing (the first step says on what condition).
fn route_list(lang: Lang, opts: &[RouteOption<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for r in [Route::Home, Route::Kiosk, Route::Counter] {
        if let Some(o) = opts.iter().find(|o| o.route == r) {
            if o.available || o.needs_only_partner().is_some() {
                out.push(route_short(lang, r).to_string());
            }
        }
    }
    out
}

/// The two-line summary of `opts` (the decision for `case`): the routes, and the first step.
/// `guide` prints it at the head of each PIN; the short guide is made of it.
pub fn summary(lang: Lang, case: &Case, opts: &[RouteOption<'_>]) -> Vec<String> {
    let routes = route_list(lang, opts);
    let mut lines = vec![match (lang.pair(), routes.len()) {
        (Pair::En, 0) => "Routes: none open as things stand (see the reasons below).".to_string(),
        (Pair::Ja, 0) => "手続き：現状では利用できる方法がありません（理由は下記）。".to_string(),
        (Pair::En, 1) => format!("Route: {} only.", routes[0]),
        (Pair::Ja, 1) => format!("手続き：{}のみ。", routes[0]),
        (Pair::En, _) => format!("Routes: {}.", routes.join(" or ")),
        (Pair::Ja, _) => format!("手続き：{}。", routes.join("、または")),
    }];
    let find = |r: Route| opts.iter().find(|o| o.route == r);
    let home = find(Route::Home).filter(|o| o.available);
    let kiosk = find(Route::Kiosk);
    let counter = find(Route::Counter);
    let kiosk_open = kiosk.is_some_and(|o| o.available);
    let kiosk_partner = kiosk.and_then(|o| o.needs_only_partner());
    if home.is_some() {
        lines.push(match lang.pair() {
            Pair::En => format!(
                "First step: change it yourself with the card on a reader: mynapin change {}",
                case.pin.id()
            ),
            Pair::Ja => format!(
                "最初の一歩：カードをリーダーに置いて自分で変更します：mynapin change {}",
                case.pin.id()
            ),
        });
    } else if kiosk_open || kiosk_partner.is_some() {
        let partner = crate::procedure::kiosk_partner(case.pin).unwrap_or(PinId::Auth);
        lines.push(match lang.pair() {
            Pair::En => format!(
                "First step (kiosk): {}reserve the reset in the smartphone app \"{}\", then within {} hours reset it at a convenience-store multi-copy machine ({}-{}, {}).{}",
                if kiosk_open { String::new() } else { format!("if you know your {}, ", pin_short(lang, partner)) },
                KIOSK.app, KIOSK.window_hours, KIOSK.opens, KIOSK.closes, KIOSK.fee.en,
                if kiosk_open { "" } else { " Otherwise: the city office counter." }
            ),
            Pair::Ja => format!(
                "最初の一歩（キオスク）：{}スマートフォンアプリ「{}」で予約し、{}時間以内にコンビニのマルチコピー機で再設定します（{}〜{}、{}）。{}",
                if kiosk_open { String::new() } else { format!("{}が分かる場合は、", pin_short(lang, partner)) },
                KIOSK.app, KIOSK.window_hours, KIOSK.opens, KIOSK.closes, KIOSK.fee.ja,
                if kiosk_open { "" } else { "分からない場合は市区町村の窓口へ。" }
            ),
        });
    } else if let Some(c) = counter.filter(|o| o.available) {
        let why = kiosk
            .filter(|k| !k.why.is_empty() && k.why[0] != Why::NotNeeded)
            .map(|k| why_text(lang, k.why[0]));
        let first = match lang.pair() {
            Pair::En => format!(
                "First step: visit the city office ({}) with the card and identity documents.",
                purpose_text(lang, c.purpose)
            ),
            Pair::Ja => format!(
                "最初の一歩：カードと本人確認書類を持って市区町村の窓口へ（{}）。",
                purpose_text(lang, c.purpose)
            ),
        };
        lines.push(match (why, lang.pair()) {
            (Some(w), Pair::En) => format!("The kiosk cannot help: {w}. {first}"),
            (Some(w), Pair::Ja) => format!("キオスク端末は使えません：{w}{first}"),
            (None, _) => first,
        });
    } else if let Some(c) = counter {
        lines.push(
            c.why
                .iter()
                .map(|w| why_text(lang, *w))
                .collect::<Vec<_>>()
                .join(lang.t("; ", "")),
        );
    }
    lines
}

/// The case the short guide speaks of: `pin` blocked, the other PINs as the card reported
/// them (when read), nothing else known.
fn blocked_case(pin: PinId, card: Option<&[PinStatus]>) -> Case {
    let mut case = Case::new(pin, Situation::Blocked);
    for s in card.unwrap_or_default() {
        match s.state() {
            PinState::Blocked => {
                case.blocked.insert(s.pin);
            }
            PinState::Absent => {
                case.absent.insert(s.pin);
            }
            _ => {}
        }
    }
    case
}

/// Lines for a blocked `pin`; `card` gives the other PINs' counters when they were read.
pub fn short_guide(lang: Lang, pin: PinId, card: Option<&[PinStatus]>) -> Vec<String> {
    let case = blocked_case(pin, card);
    let opts = options(&case, None, None);
    let mut lines = summary(lang, &case, &opts);
    lines.push(match lang.pair() {
        Pair::En => format!("Full checklist: mynapin guide {}", pin.id()),
        Pair::Ja => format!("詳しい手順と持ち物：mynapin guide {}", pin.id()),
    });
    lines
}

/// Who can reset `pin` once it is blocked, as a phrase for the wrong-PIN and last-try
/// messages ("… and then {phrase}."), from the same decision as `guide`.
pub fn reset_routes_phrase(lang: Lang, pin: PinId) -> String {
    let case = Case::new(pin, Situation::Blocked);
    let opts = options(&case, None, None);
    let kiosk = opts
        .iter()
        .find(|o| o.route == Route::Kiosk)
        .and_then(|o| o.needs_only_partner());
    match (kiosk, lang.pair()) {
        (Some(p), Pair::En) => format!(
            "only a convenience-store kiosk (if you know your {}) or the city office counter can reset it",
            pin_short(lang, p)
        ),
        (Some(p), Pair::Ja) => format!(
            "コンビニのキオスク端末（{}が分かる場合）か市区町村の窓口でしか再設定できません",
            pin_short(lang, p)
        ),
        (None, Pair::En) => "only the city office counter can reset it".into(),
        (None, Pair::Ja) => "市区町村の窓口でしか再設定できません".into(),
    }
}

/// The line for a PIN with one try left.
pub fn low_line(lang: Lang, pin: PinId) -> String {
    match lang.pair() {
        Pair::En => format!(
            "One try left: a wrong entry blocks it, and then {}. If you are not sure of the PIN, do not try; see `mynapin guide {} --state forgotten`.",
            reset_routes_phrase(lang, pin),
            pin.id()
        ),
        Pair::Ja => format!(
            "残り1回です。間違えるとロックされ、{}。確信がなければ入力せず、`mynapin guide {} --state forgotten` を見てください。",
            reset_routes_phrase(lang, pin),
            pin.id()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short guide and the phrase for error messages agree with the decision for every
    /// PIN and every card state the short guide is printed for.
    #[test]
    fn short_guide_agrees_with_the_decision() {
        for lang in [Lang::EN, Lang::JA] {
            for pin in PinId::ALL {
                let phrase = reset_routes_phrase(lang, pin);
                let kiosk_ever = matches!(pin, PinId::Auth | PinId::Sign);
                assert_eq!(
                    phrase.contains(lang.t("kiosk", "キオスク")),
                    kiosk_ever,
                    "{pin:?}: {phrase}"
                );
                for partner_state in [None, Some(PinState::Blocked), Some(PinState::Absent)] {
                    let case = {
                        let mut c = Case::new(pin, Situation::Blocked);
                        if let (Some(p), Some(s)) =
                            (crate::procedure::kiosk_partner(pin), partner_state)
                        {
                            if s == PinState::Blocked {
                                c.blocked.insert(p);
                            } else {
                                c.absent.insert(p);
                            }
                        }
                        c
                    };
                    let opts = options(&case, None, None);
                    let lines = summary(lang, &case, &opts);
                    let kiosk = opts.iter().find(|o| o.route == Route::Kiosk).unwrap();
                    let kiosk_named = lines[0].contains(route_short(lang, Route::Kiosk));
                    assert_eq!(
                        kiosk_named,
                        kiosk.available || kiosk.needs_only_partner().is_some(),
                        "{pin:?} {partner_state:?}: {lines:?}"
                    );
                    assert!(
                        lines[0].contains(route_short(lang, Route::Counter)),
                        "{lines:?}"
                    );
                    if lang == Lang::JA {
                        assert!(lines.iter().all(|l| l.ends_with('。')), "{lines:?}");
                    }
                }
            }
        }
    }
}
