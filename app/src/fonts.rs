//! The app's typeface: BIZ UD P Gothic (Morisawa's universal-design face, SIL Open Font
//! License 1.1, `fonts/OFL.txt`), embedded so that Japanese renders the same on every machine
//! and in the tests' pictures, whatever fonts the system has.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The font file.
pub const BIZ_UD_P_GOTHIC: &[u8] = include_bytes!("../fonts/BIZUDPGothic-Regular.ttf");

/// Its licence, shown in the settings.
pub const LICENCE: &str = include_str!("../fonts/OFL.txt");

/// The app's fonts: BIZ UD P Gothic for every text style (it covers Latin, kana, the JIS
/// kanji and the marks the app draws).
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::empty();
    fonts.font_data.insert(
        "biz-ud-p-gothic".into(),
        Arc::new(FontData::from_static(BIZ_UD_P_GOTHIC)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("biz-ud-p-gothic".into());
    }
    fonts
}
