//! The reset guide: for a blocked or forgotten PIN, whether the convenience-store kiosk can
//! reset it or which counter to visit and what to bring. The procedure layer decides
//! (`mynapin_core::procedure`) and the words crate writes the guide (`mynapin_words::guide`):
//! the same document `mynapin guide --format html` prints, as a handout (words only, no
//! command). This screen picks the case and draws the document; it works without a card (the
//! state is then picked by hand).

use crate::app::Opener;
use crate::msg;
use egui::{RichText, Ui};
use mynapin_core::card::PinState;
use mynapin_core::layout::PinId;
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::procedure::guide::{Case, Situation};
use mynapin_core::procedure::profile::{Applicant, Profile};
use mynapin_words::guide::{
    builtin_profiles, render_html, sanitize_blocks, Block, CardRead, Guide, Input, Medium,
};
use mynapin_words::{outcome, Lang};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The guide screen's choices.
pub struct GuideView {
    /// What the card said, when a card was read.
    facts: Option<CardFacts>,
    pin: PinId,
    situation: Situation,
    /// The checklist's boxes the holder ticked (by their text).
    ticked: BTreeSet<String>,
    /// What the last print or save came to.
    said: Option<String>,
}

impl GuideView {
    /// The guide for the card's first blocked PIN (or the user-authentication PIN, forgotten,
    /// when no card was read or none is blocked).
    pub fn new(facts: Option<CardFacts>) -> GuideView {
        let blocked = facts
            .as_ref()
            .and_then(|f| f.pins_in(PinState::Blocked).into_iter().next());
        let mut view = GuideView {
            facts,
            pin: PinId::Auth,
            situation: Situation::Forgotten,
            ticked: BTreeSet::new(),
            said: None,
        };
        view.pick(blocked.unwrap_or(PinId::Auth));
        view
    }

    /// Shows the guide for `pin`, in the state the card reports (blocked, or else
    /// forgotten).
    pub fn pick(&mut self, pin: PinId) {
        self.pin = pin;
        self.situation = match self.facts.as_ref().and_then(|f| f.state_of(pin)) {
            Some(PinState::Blocked) => Situation::Blocked,
            _ => Situation::Forgotten,
        };
    }

    /// The case the procedure layer decides on.
    fn case(&self) -> Case {
        match &self.facts {
            Some(f) => f.case(self.pin, self.situation),
            None => Case::new(self.pin, self.situation),
        }
    }

    /// The guide as a handout, in `lang`, for `city`.
    fn blocks(&self, lang: Lang, city: Option<&Profile>) -> Vec<Block> {
        let guide = Guide::new(Input {
            lang,
            verbose: false,
            medium: Medium::Handout,
            profile: city,
            applicant: Applicant::Holder,
            cases: vec![self.case()],
            have: Vec::new(),
            visit: None,
            card: CardRead {
                read: self.facts.is_some(),
                unreadable: None,
                every_pin: false,
            },
        });
        let mut blocks = guide.blocks();
        sanitize_blocks(&mut blocks);
        blocks
    }

    /// Draws the screen; `city` is the remembered city (a built-in profile id), `save_dir`
    /// where "save" writes the page.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        city: &mut Option<String>,
        opener: &mut Opener,
        save_dir: &std::path::Path,
    ) {
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
        ui.label(RichText::new(msg::app_guide_city(lang)).strong());
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(city, None, msg::app_guide_no_city(lang));
            for (id, name) in builtin_profiles(lang) {
                ui.radio_value(city, Some(id.to_string()), name);
            }
        });
        let profile = city.as_deref().and_then(Profile::builtin);
        let blocks = self.blocks(lang, profile.as_ref());
        ui.horizontal_wrapped(|ui| {
            if ui.button(msg::app_guide_print(lang)).clicked() {
                let html = render_html(lang, &blocks);
                self.said = Some(match opener(&self.file_name(lang), &html) {
                    Ok(()) => msg::app_guide_printed(lang),
                    Err(e) => {
                        msg::app_guide_print_failed(lang, mynapin_words::sanitize::sanitize(&e))
                    }
                });
            }
            if ui.button(msg::app_guide_save(lang)).clicked() {
                let path = save_dir.join(self.file_name(lang));
                let html = render_html(lang, &blocks);
                self.said = Some(match std::fs::write(&path, html) {
                    Ok(()) => msg::app_guide_saved(
                        lang,
                        mynapin_words::sanitize::sanitize(&path.display().to_string()),
                    ),
                    Err(e) => msg::app_guide_save_failed(
                        lang,
                        mynapin_words::sanitize::sanitize(&e.to_string()),
                    ),
                });
            }
        });
        if let Some(s) = &self.said {
            ui.label(s);
        }
        ui.separator();
        draw(ui, &blocks, &mut self.ticked);
    }

    fn file_name(&self, lang: Lang) -> String {
        format!("mynapin-guide-{}-{}.html", self.pin.id(), lang.tag())
    }
}

/// Where "save" writes: the Downloads folder when there is one, else the home folder.
pub fn default_save_dir() -> PathBuf {
    let home = std::env::home_dir().unwrap_or_else(std::env::temp_dir);
    let downloads = home.join("Downloads");
    if downloads.is_dir() {
        downloads
    } else {
        home
    }
}

/// The document as widgets: headings, paragraphs, lists, the checklist as boxes the holder
/// can tick while gathering the documents.
fn draw(ui: &mut Ui, blocks: &[Block], ticked: &mut BTreeSet<String>) {
    for (i, b) in blocks.iter().enumerate() {
        match b {
            // The office's record fields (and their heading) are for the printed page.
            Block::Heading(..) if matches!(blocks.get(i + 1), Some(Block::Record(_))) => {}
            Block::Title(t) => {
                ui.heading(t);
            }
            Block::Heading(level, t) => {
                let size = match level {
                    2 => 24.0,
                    3 => 21.0,
                    _ => 19.0,
                };
                ui.add_space(6.0);
                ui.label(RichText::new(t).size(size).strong());
            }
            Block::Para(t) => {
                ui.label(t);
            }
            Block::List(items) => {
                for (t, sub) in items {
                    ui.label(format!("・{t}"));
                    for s in sub {
                        ui.label(format!("　　・{s}"));
                    }
                }
            }
            Block::Checks(items) => {
                for (pre, t, sub) in items {
                    let mut on = *pre || ticked.contains(t);
                    if ui.checkbox(&mut on, t).changed() {
                        if on {
                            ticked.insert(t.clone());
                        } else {
                            ticked.remove(t);
                        }
                    }
                    for s in sub {
                        ui.label(format!("　　・{s}"));
                    }
                }
            }
            Block::Sources(items) => {
                for (t, sub) in items {
                    ui.label(RichText::new(t).small());
                    for s in sub {
                        ui.label(RichText::new(format!("　　{s}")).small());
                    }
                }
            }
            Block::Record(_) => {}
        }
    }
}
