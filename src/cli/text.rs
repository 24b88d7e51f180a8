//! The shared vocabulary: names of PINs, key references, states and card kinds, worded from
//! the message catalogue (`words/i18n/*.ftl`). Messages that depend on an outcome are worded next
//! to the code that decides the outcome.

use super::lang::{msg, Lang};
pub use super::sanitize::{reader_name, sanitize};
// The names and meanings the core's outcomes are worded with are the words crate's.
use mynapin_core::card::{Counter, PinState};
use mynapin_core::layout::{KeyRef, PinId};
// Dates are written the same in every front end: the words crate's.
pub use mynapin_words::date::{date, date_text};
pub use mynapin_words::outcome::{
    card_kind, format_rule, pin_of_ref, pin_short, ref_name, state_word, sw_meaning,
};

/// The official name of a PIN with its format, as printed on the card's paperwork.
pub fn pin_name(lang: Lang, pin: PinId) -> String {
    match pin {
        PinId::Auth => msg::pin_name_auth(lang),
        PinId::Sign => msg::pin_name_sign(lang),
        PinId::Kenhojo => msg::pin_name_kenhojo(lang),
        PinId::Juki => msg::pin_name_juki(lang),
    }
}

/// The technical name of a key reference (its application and EF), for `--verbose`.
pub fn ref_tech(lang: Lang, r: KeyRef) -> String {
    let [a, b] = r.ef();
    let ef = format!("{a:02X}{b:02X}");
    match r {
        KeyRef::Auth | KeyRef::Sign => msg::ref_tech_jpki(lang, ef),
        KeyRef::Kenhojo => msg::ref_tech_kenhojo(lang, ef),
        KeyRef::JukiAp => msg::ref_tech_juki_ap(lang, ef),
        KeyRef::JukiCommon => msg::ref_tech_juki_common(lang, ef),
        _ => msg::ref_tech_derived(lang, ef),
    }
}

/// The name of the simulated reader: of the state file `state` if there is one, else of the
/// fixture `fixture` (a name such as `fresh`, or a file), else the plain name.
pub fn sim_reader_name(
    lang: Lang,
    state: Option<&std::path::Path>,
    fixture: Option<&str>,
) -> String {
    match (state, fixture) {
        (Some(p), _) => msg::sim_reader_name_state(lang, p.display().to_string()),
        (None, Some(f)) => msg::sim_reader_name_fixture(lang, f),
        (None, None) => msg::sim_reader_name(lang),
    }
}

/// `2/3`, `0/3`, `?/3` for one reference's counter.
pub fn counter_text(r: KeyRef, c: Counter) -> String {
    tries(c.retries_left(), r.max_tries(), c.state())
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
        Counter::NotReported(sw) => Some(msg::counter_not_reported(lang, sw.to_string())),
        Counter::Implausible(sw) => Some(msg::counter_implausible(lang, sw.to_string())),
        Counter::Error(sw) => Some(msg::counter_error(
            lang,
            msg::CounterError {
                meaning: sw_meaning(lang, sw),
                sw: sw.to_string(),
            },
        )),
        _ => None,
    }
}

/// A TOML reader's error (English, from the `toml` crate: "TOML parse error at line 3,
/// column 9 … invalid type: integer `1234`, expected a string") in the chosen language: the
/// position, and the kinds of error the reader reports for a schema — unknown, missing or
/// repeated fields, a value of the wrong type — each worded from the catalogue with the name
/// or value it quotes. English gets the reader's own text; another kind of error is worded
/// generally (`--lang en` shows the reader's own words).
pub fn toml_detail(lang: Lang, message: &str) -> String {
    if lang == Lang::EN {
        return sanitize(message);
    }
    let quoted = |s: &str| -> Option<String> {
        let a = s.find('`')?;
        let b = s[a + 1..].find('`')?;
        Some(sanitize(&s[a + 1..a + 1 + b]))
    };
    let number_after = |s: &str, word: &str| -> Option<u64> {
        let at = s.find(word)? + word.len();
        s[at..]
            .trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    let position = match (
        number_after(message, "at line"),
        number_after(message, "column"),
    ) {
        (Some(l), Some(c)) => Some(msg::toml_position(
            lang,
            msg::TomlPosition { column: c, line: l },
        )),
        _ => None,
    };
    let last = message
        .lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or_default();
    let what = if let Some(rest) = last.strip_prefix("unknown field") {
        msg::toml_unknown_field(lang, quoted(rest).unwrap_or_default())
    } else if let Some(rest) = last.strip_prefix("missing field") {
        msg::toml_missing_field(lang, quoted(rest).unwrap_or_default())
    } else if let Some(rest) = last.strip_prefix("duplicate key") {
        msg::toml_duplicate_key(lang, quoted(rest).unwrap_or_default())
    } else if let Some(rest) = last.strip_prefix("unknown variant") {
        msg::toml_unknown_variant(lang, quoted(rest).unwrap_or_default())
    } else if last.starts_with("invalid type") || last.starts_with("invalid value") {
        msg::toml_invalid_value(lang)
    } else {
        msg::toml_other(lang)
    };
    match position {
        Some(p) => format!("{p}{what}"),
        None => what,
    }
}

/// What to do when the PC/SC service does not answer, on this operating system.
pub fn service_fix(lang: Lang) -> String {
    #[cfg(target_os = "linux")]
    {
        let installed = ["/usr/sbin/pcscd", "/usr/bin/pcscd"]
            .iter()
            .any(|p| std::path::Path::new(p).exists());
        if installed {
            msg::doctor_fix_start_pcscd(lang)
        } else {
            msg::doctor_fix_install_pcscd(lang)
        }
    }
    #[cfg(windows)]
    {
        msg::doctor_fix_windows_service(lang)
    }
    #[cfg(target_os = "macos")]
    {
        msg::doctor_fix_macos_service(lang)
    }
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        msg::doctor_fix_other_service(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simulated_reader_names_in_both_languages() {
        assert_eq!(
            sim_reader_name(Lang::EN, None, Some("fresh")),
            "mynapin simulated card (fresh)"
        );
        assert_eq!(
            sim_reader_name(Lang::JA, None, Some("fresh")),
            "mynapin 模擬カード（fresh）"
        );
        let p = std::path::Path::new("card.toml");
        assert_eq!(
            sim_reader_name(Lang::JA, Some(p), Some("fresh")),
            "mynapin 模擬カード（状態ファイル card.toml）"
        );
        assert_eq!(
            sim_reader_name(Lang::EN, None, None),
            "mynapin simulated card"
        );
    }

    #[test]
    fn juki_places_in_words_and_technical_names() {
        assert_eq!(
            ref_name(Lang::JA, KeyRef::JukiAp),
            "住民基本台帳用（1か所目）"
        );
        assert_eq!(
            ref_name(Lang::JA, KeyRef::JukiCommon),
            "住民基本台帳用（2か所目）"
        );
        assert!(ref_tech(Lang::EN, KeyRef::JukiAp).starts_with("Juki AP, EF "));
        assert!(ref_tech(Lang::JA, KeyRef::JukiCommon).starts_with("共通AP、EF "));
    }
}
