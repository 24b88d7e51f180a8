//! The holder's choices, kept between runs in a small TOML file: the language, the text size,
//! high contrast and the city of the guide. Nothing else is written anywhere (no PIN, no
//! card data).

use crate::app::Settings;
use mynapin_words::Lang;
use std::path::{Path, PathBuf};

/// Where the file is: `%APPDATA%\mynapin\app.toml` on Windows, else
/// `$XDG_CONFIG_HOME/mynapin/app.toml` or `~/.config/mynapin/app.toml`.
pub fn path() -> Option<PathBuf> {
    let base = if cfg!(windows) {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else {
        std::env::var_os("XDG_CONFIG_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
    }?;
    Some(base.join("mynapin").join("app.toml"))
}

/// The settings in `text`, over `defaults`: an unknown or malformed value keeps the default
/// (a settings file is never a reason not to start).
pub fn parse(text: &str, defaults: Settings) -> Settings {
    let Ok(table) = text.parse::<toml::Table>() else {
        return defaults;
    };
    let mut s = defaults;
    if let Some(l) = table
        .get("language")
        .and_then(|v| v.as_str())
        .and_then(Lang::from_tag)
    {
        s.lang = l;
    }
    if let Some(n) = table.get("text_size").and_then(|v| v.as_integer()) {
        if matches!(n, 100 | 150 | 200) {
            s.text_size = n as u16;
        }
    }
    if let Some(b) = table.get("high_contrast").and_then(|v| v.as_bool()) {
        s.high_contrast = b;
    }
    if let Some(c) = table.get("city").and_then(|v| v.as_str()) {
        if mynapin_core::procedure::profile::BUILTIN
            .iter()
            .any(|(id, _)| *id == c)
        {
            s.city = Some(c.to_string());
        }
    }
    s
}

/// The file's text for `s`.
pub fn to_text(s: &Settings) -> String {
    let mut t = toml::Table::new();
    t.insert("language".into(), s.lang.tag().into());
    t.insert("text_size".into(), i64::from(s.text_size).into());
    t.insert("high_contrast".into(), s.high_contrast.into());
    if let Some(c) = &s.city {
        t.insert("city".into(), c.as_str().into());
    }
    t.to_string()
}

/// Reads the settings from `path` (defaults when it cannot be read).
pub fn load(path: Option<&Path>) -> Settings {
    let defaults = Settings::default();
    match path.and_then(|p| mynapin_core::bounded::read_to_string(p, 64 * 1024).ok()) {
        Some(text) => parse(&text, defaults),
        None => defaults,
    }
}

/// Writes the settings to `path`, creating its folder.
pub fn save(path: &Path, s: &Settings) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, to_text(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_back_as_written_and_bad_values_keep_defaults() {
        let s = Settings {
            lang: Lang::EN,
            text_size: 150,
            high_contrast: true,
            city: Some("toyokawa".into()),
        };
        assert_eq!(parse(&to_text(&s), Settings::default()), s);
        let odd = parse(
            "language = \"xx\"\ntext_size = 90\ncity = \"atlantis\"",
            Settings {
                lang: Lang::JA,
                ..Settings::default()
            },
        );
        assert_eq!(odd.lang, Lang::JA);
        assert_eq!(odd.text_size, 100);
        assert_eq!(odd.city, None);
        assert_eq!(parse("not toml [", s.clone()), s);
    }
}
