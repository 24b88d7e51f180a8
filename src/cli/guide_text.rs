//! The command line's short guide: the lines `status`, `verify` and `change` print for a
//! blocked PIN or one with a try left. The words of the route decisions are
//! `mynapin_words::guide`'s (the same as in `guide` and in every front end); this adds the
//! command that shows the full guide.

use super::lang::{msg, Lang};
use mynapin_core::card::PinStatus;
use mynapin_core::layout::PinId;
use mynapin_words::guide::blocked_summary;

/// Lines for a blocked `pin`; `card` gives the other PINs' counters when they were read.
pub fn short_guide(lang: Lang, pin: PinId, card: Option<&[PinStatus]>) -> Vec<String> {
    short_guide_in(lang, pin, card, None)
}

/// [`short_guide`] with a city's rules (`watch --city`).
pub fn short_guide_in(
    lang: Lang,
    pin: PinId,
    card: Option<&[PinStatus]>,
    city: Option<&mynapin_core::procedure::profile::Profile>,
) -> Vec<String> {
    let mut lines = blocked_summary(lang, pin, card, city, true);
    lines.push(msg::guide_full_checklist(lang, pin.id()));
    lines
}

/// Who can reset `pin` once it is blocked, as a phrase for the wrong-PIN and last-try
/// messages ("… and then {phrase}."), from the same decision as `guide`.
pub fn reset_routes_phrase(lang: Lang, pin: PinId) -> String {
    // The words crate says it (the error messages of every front end use it too).
    mynapin_words::outcome::reset_routes(lang, pin)
}

/// The line for a PIN with one try left.
pub fn low_line(lang: Lang, pin: PinId) -> String {
    msg::guide_low_line(
        lang,
        msg::GuideLowLine {
            pin: pin.id(),
            routes: reset_routes_phrase(lang, pin),
        },
    )
}
