//! Names and words shown to people, in both languages. Messages that depend on an outcome
//! live next to the code that decides the outcome; the shared vocabulary lives here.

use super::lang::Lang;
use crate::card::{CardKind, Counter, PinState};
use crate::layout::{KeyRef, PinFormat, PinId};

/// The official name of a PIN with its format, as printed on the card's paperwork.
pub fn pin_name(lang: Lang, pin: PinId) -> &'static str {
    match pin {
        PinId::Auth => lang.t(
            "User-authentication PIN (JPKI, 4 digits)",
            "利用者証明用電子証明書の暗証番号（数字4桁）",
        ),
        PinId::Sign => lang.t(
            "Signature password (JPKI, 6-16 capital letters and digits)",
            "署名用電子証明書のパスワード（英大文字と数字、6〜16文字）",
        ),
        PinId::Kenhojo => lang.t(
            "Card-info input support PIN (4 digits)",
            "券面事項入力補助用暗証番号（数字4桁）",
        ),
        PinId::Juki => lang.t(
            "Residence registry PIN (4 digits)",
            "住民基本台帳用暗証番号（数字4桁）",
        ),
    }
}

/// A short name for running text.
pub fn pin_short(lang: Lang, pin: PinId) -> &'static str {
    match pin {
        PinId::Auth => lang.t("user-authentication PIN", "利用者証明用暗証番号"),
        PinId::Sign => lang.t("signature password", "署名用パスワード"),
        PinId::Kenhojo => lang.t("card-info input support PIN", "券面事項入力補助用暗証番号"),
        PinId::Juki => lang.t("residence registry PIN", "住民基本台帳用暗証番号"),
    }
}

/// Where a key reference lives.
pub fn ref_name(lang: Lang, r: KeyRef) -> String {
    let place = match r {
        KeyRef::Auth | KeyRef::Sign => lang.t("JPKI AP", "公的個人認証AP"),
        KeyRef::Kenhojo => lang.t("Kenhojo AP", "券面事項入力補助AP"),
        KeyRef::JukiAp => lang.t("Juki AP", "住基AP"),
        KeyRef::JukiCommon => lang.t("common DF", "共通AP"),
        _ => lang.t("verification code", "照合番号"),
    };
    let [a, b] = r.ef();
    format!("{place} (EF {a:02X}{b:02X})")
}

/// The PIN a key reference belongs to (the derived codes are reported under kenhojo).
pub fn pin_of_ref(r: KeyRef) -> PinId {
    r.pin().unwrap_or(PinId::Kenhojo)
}

/// `2/3`, `0/3`, `?/3` for one reference's counter.
pub fn counter_text(r: KeyRef, c: Counter) -> String {
    tries(c.retries_left(), r.max_tries(), c.state())
}

/// The meaning of a status word, for messages.
pub fn sw_meaning(_lang: Lang, sw: mynapin_apdu::StatusWord) -> &'static str {
    sw.meaning()
}

/// The state word in the status table.
pub fn state_word(lang: Lang, s: PinState) -> &'static str {
    match s {
        PinState::Ok => lang.t("ok", "正常"),
        PinState::Low => lang.t("LOW: 1 try left", "注意：残り1回"),
        PinState::Blocked => lang.t("BLOCKED", "ロック中"),
        PinState::Absent => lang.t("not on this card", "このカードにはありません"),
        PinState::Unknown => lang.t("unknown", "不明"),
    }
}

/// `3/3`, `0/5`, `?/3`, `-`.
pub fn tries(counter: Option<u8>, max: u8, state: PinState) -> String {
    match (state, counter) {
        (PinState::Absent, _) => "-".to_string(),
        (_, Some(n)) => format!("{n}/{max}"),
        (_, None) => format!("?/{max}"),
    }
}

/// Extra words for a counter that is not a plain count.
pub fn counter_note(lang: Lang, c: Counter) -> Option<String> {
    match c {
        Counter::NotReported(sw) => Some(format!(
            "{} (SW {sw})",
            lang.t(
                "the card did not report the count; this is not zero",
                "カードが残り回数を返しませんでした（0回という意味ではありません）"
            )
        )),
        Counter::Implausible(sw) => Some(format!(
            "{} (SW {sw})",
            lang.t(
                "the card reported more tries than this PIN can have: the count is not trusted",
                "カードがこの暗証番号の上限を超える残り回数を返しました。この回数は信頼できません"
            )
        )),
        Counter::Error(sw) => Some(format!(
            "{} SW {sw}: {}",
            lang.t("unexpected answer", "想定外の応答"),
            sw.meaning()
        )),
        _ => None,
    }
}

/// The rule a PIN entry must follow.
pub fn format_rule(lang: Lang, f: PinFormat) -> String {
    match f {
        PinFormat::FourDigits => lang
            .t("exactly 4 digits (0-9)", "数字4桁（0〜9）")
            .to_string(),
        PinFormat::SignPassword => lang
            .t(
                "6 to 16 characters of A-Z and 0-9, with at least one letter and one digit",
                "英大文字（A〜Z）と数字（0〜9）で6〜16文字、英字と数字をそれぞれ1文字以上",
            )
            .to_string(),
        PinFormat::DigitsExact(n) => match lang {
            Lang::En => format!("exactly {n} digits"),
            Lang::Ja => format!("数字{n}桁"),
        },
    }
}

/// What kind of card this is, for refusals.
pub fn card_kind(lang: Lang, k: &CardKind) -> String {
    match k {
        CardKind::NoJpkiApplet => lang
            .t(
                "This card has no JPKI application: it is not a My Number card",
                "このカードには公的個人認証APがありません。マイナンバーカードではありません",
            )
            .to_string(),
        CardKind::OldJukiCard => lang
            .t(
                "This is the old Basic Resident Registry card (住基カード), not a My Number card",
                "これは住民基本台帳カード（住基カード）です。マイナンバーカードではありません",
            )
            .to_string(),
        CardKind::Smartphone(t) => match lang {
            Lang::En => format!("This is a smartphone's JPKI ({t}), not a My Number card"),
            Lang::Ja => format!(
                "これはスマートフォンの公的個人認証（{t}）です。マイナンバーカードではありません"
            ),
        },
        CardKind::UnknownToken(t) => match lang {
            Lang::En => format!("Unknown JPKI token {:?}: not a My Number card", sanitize(t)),
            Lang::Ja => format!(
                "不明なJPKIトークン {:?}：マイナンバーカードではありません",
                sanitize(t)
            ),
        },
    }
}

/// The most characters of an untrusted string that are printed.
const MAX_SHOWN: usize = 4000;

/// Makes untrusted text (reader names, card labels, profile and fixture strings) safe to
/// print on a terminal: control characters (escape sequences, newlines) and bidirectional
/// formatting characters (which can make text read backwards) become `?`, and long text is cut
/// with `…`.
pub fn sanitize(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(MAX_SHOWN)
        .map(|c| {
            let bidi = matches!(
                c,
                '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            );
            if c.is_control() || bidi {
                '?'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(MAX_SHOWN).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes_bidi_and_length() {
        assert_eq!(sanitize("Reader\u{1b}[31m\n"), "Reader?[31m?");
        assert_eq!(sanitize("a\u{202E}b\u{2066}c"), "a?b?c");
        let long = "x".repeat(3_000_000);
        assert_eq!(sanitize(&long).chars().count(), MAX_SHOWN + 1);
    }
}
