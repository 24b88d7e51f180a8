//! Dates as a language writes them (a certificate's last day, a source page's date).

use crate::{msg, Lang};
use mynapin_core::card::cert::Date;

/// A date as the language writes it: its `date-pattern` (`2031-05-20`, 「2031年5月20日」).
pub fn date(lang: Lang, d: Date) -> String {
    let pattern: Vec<char> = msg::date_pattern(lang).chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < pattern.len() {
        let c = pattern[i];
        let run = pattern[i..].iter().take_while(|&&x| x == c).count();
        let value = match c {
            'Y' => Some(u32::from(d.year)),
            'M' => Some(u32::from(d.month)),
            'D' => Some(u32::from(d.day)),
            _ => None,
        };
        match value {
            Some(v) => out.push_str(&format!("{v:0run$}")),
            None => out.extend(&pattern[i..i + run]),
        }
        i += run;
    }
    out
}

/// A date that a page or profile states as text: written as [`date`] when it is `YYYY-MM-DD`,
/// else as it is.
pub fn date_text(lang: Lang, text: &str) -> String {
    match Date::parse_iso(text) {
        Some(d) if text.len() == 10 => date(lang, d),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_language_pattern() {
        let d = Date {
            year: 2031,
            month: 5,
            day: 2,
        };
        assert_eq!(date(Lang::EN, d), "2031-05-02");
        assert_eq!(date(Lang::JA, d), "2031年5月2日");
        assert_eq!(date_text(Lang::JA, "2025-11-19"), "2025年11月19日");
        assert_eq!(date_text(Lang::JA, "令和7年3月"), "令和7年3月");
        assert_eq!(date_text(Lang::JA, "2025-1-9"), "2025-1-9");
    }
}
