//! The short form of the guide, printed by `status`, `verify` and `change` for a PIN that is
//! blocked (route names and the first step). The full guide is `mynapin guide`.

use super::lang::Lang;
use super::text::pin_short;
use crate::card::{PinState, PinStatus};
use crate::layout::PinId;
use crate::procedure::{kiosk_rule, KioskRule};

/// Lines for a blocked `pin`; `card` gives the other PINs' counters when they were read.
pub fn short_guide(lang: Lang, pin: PinId, card: Option<&[PinStatus]>) -> Vec<String> {
    let partner_blocked = |p: PinId| {
        card.and_then(|c| c.iter().find(|s| s.pin == p))
            .map(|s| s.state() == PinState::Blocked)
    };
    let rule = kiosk_rule(
        pin,
        crate::procedure::kiosk_partner(pin).and_then(partner_blocked),
    );
    let mut lines = Vec::new();
    match (rule, lang) {
        (KioskRule::NeedsPartner { partner }, Lang::En) => {
            lines.push("Routes: kiosk or city office counter.".to_string());
            lines.push(format!(
                "First step (kiosk): if you know your {}, reserve the reset in the smartphone app \"JPKI暗証番号リセット\", then within 24 hours reset it at a convenience-store multi-copy machine (06:30-23:00, free). Otherwise: the city office counter.",
                pin_short(lang, partner)
            ));
        }
        (KioskRule::NeedsPartner { partner }, Lang::Ja) => {
            lines.push("手続き：コンビニのキオスク端末、または市区町村の窓口".to_string());
            lines.push(format!(
                "最初の一歩（キオスク）：{}が分かる場合は、スマートフォンアプリ「JPKI暗証番号リセット」で予約し、24時間以内にコンビニのマルチコピー機で再設定します（6:30〜23:00、無料）。分からない場合は市区町村の窓口へ。",
                pin_short(lang, partner)
            ));
        }
        (KioskRule::PartnerBlocked { partner }, Lang::En) => {
            lines.push("Route: city office counter only.".to_string());
            lines.push(format!(
                "The kiosk cannot help: it needs your {}, which is blocked too. First step: visit the city office with the card and identity documents.",
                pin_short(lang, partner)
            ));
        }
        (KioskRule::PartnerBlocked { partner }, Lang::Ja) => {
            lines.push("手続き：市区町村の窓口のみ".to_string());
            lines.push(format!(
                "{}もロックされているため、キオスク端末では再設定できません。最初の一歩：カードと本人確認書類を持って市区町村の窓口へ。",
                pin_short(lang, partner)
            ));
        }
        (KioskRule::NotForThisPin, Lang::En) => {
            lines
                .push("Route: city office counter only (no kiosk reset for this PIN).".to_string());
            lines.push(
                "First step: visit the city office with the card and identity documents."
                    .to_string(),
            );
        }
        (KioskRule::NotForThisPin, Lang::Ja) => {
            lines.push(
                "手続き：市区町村の窓口のみ（この暗証番号はキオスク端末で再設定できません）"
                    .to_string(),
            );
            lines.push("最初の一歩：カードと本人確認書類を持って市区町村の窓口へ。".to_string());
        }
    }
    lines.push(match lang {
        Lang::En => format!("Full checklist: mynapin guide {}", pin.id()),
        Lang::Ja => format!("詳しい手順と持ち物：mynapin guide {}", pin.id()),
    });
    lines
}

/// The line for a PIN with one try left.
pub fn low_line(lang: Lang, pin: PinId) -> String {
    match lang {
        Lang::En => format!(
            "One try left: a wrong entry blocks it. If you are not sure of the PIN, do not try; see `mynapin guide {} --state forgotten`.",
            pin.id()
        ),
        Lang::Ja => format!(
            "残り1回です。間違えるとロックされます。確信がなければ入力せず、`mynapin guide {} --state forgotten` を見てください。",
            pin.id()
        ),
    }
}
