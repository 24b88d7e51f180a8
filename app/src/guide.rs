//! The reset guide: for a blocked or forgotten PIN, whether the convenience-store kiosk can
//! reset it or which counter to visit and what to bring. The procedure layer decides
//! (`mynapin_core::procedure`) and the words crate writes the guide (`mynapin_words::guide`),
//! the same document `mynapin guide` prints; this screen only picks the case and draws it.
//! It works without a card: the state is then picked by hand.

use crate::app::Opener;
use crate::msg;
use egui::{RichText, Ui};
use mynapin_core::card::{PinState, PinStatus};
use mynapin_core::layout::PinId;
use mynapin_core::procedure::guide::Situation;
use mynapin_words::{outcome, Lang};

/// The guide screen's choices.
pub struct GuideView {
    /// The card's counters, when a card was read.
    pins: Option<Vec<PinStatus>>,
    pin: PinId,
    situation: Situation,
    /// What the last print or save came to.
    said: Option<String>,
}

impl GuideView {
    /// The guide for the card's first blocked PIN (or the user-authentication PIN, forgotten,
    /// when no card was read or none is blocked).
    pub fn new(pins: Option<Vec<PinStatus>>) -> GuideView {
        let blocked = pins
            .as_ref()
            .and_then(|ps| ps.iter().find(|p| p.state() == PinState::Blocked))
            .map(|p| p.pin);
        let mut view = GuideView {
            pins,
            pin: PinId::Auth,
            situation: Situation::Forgotten,
            said: None,
        };
        view.pick(blocked.unwrap_or(PinId::Auth));
        view
    }

    /// Shows the guide for `pin`, in the state the card reports (blocked, or else
    /// forgotten).
    pub fn pick(&mut self, pin: PinId) {
        self.pin = pin;
        self.situation = match self
            .pins
            .as_ref()
            .and_then(|ps| ps.iter().find(|p| p.pin == pin))
            .map(PinStatus::state)
        {
            Some(PinState::Blocked) => Situation::Blocked,
            _ => Situation::Forgotten,
        };
    }

    /// Draws the screen; `city` is the remembered city (a built-in profile id).
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang, city: &mut Option<String>, opener: &mut Opener) {
        ui.heading(msg::app_guide_title(lang));
        ui.label(RichText::new(msg::app_guide_which(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            for pin in PinId::ALL {
                if ui
                    .selectable_label(self.pin == pin, outcome::pin_short(lang, pin))
                    .clicked()
                {
                    self.pick(pin);
                }
            }
        });
        ui.label(RichText::new(msg::app_guide_state(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(
                &mut self.situation,
                Situation::Blocked,
                msg::app_guide_blocked(lang),
            );
            ui.radio_value(
                &mut self.situation,
                Situation::Forgotten,
                msg::app_guide_forgotten(lang),
            );
        });
        let _ = (city, opener, &self.said);
    }
}
