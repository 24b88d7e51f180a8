//! The window: what the holder sees, screen by screen. Each screen asks the core and words
//! the answer; nothing here decides what a card's state means or what to do about it.

use crate::guide::GuideView;
use crate::msg;
use crate::port::CardPort;
use crate::secret::{self, KeypadNames, SecretBuf};
use crate::worker::{ChangeJob, Job, Read, Update, Worker};
use egui::{Color32, RichText, Ui};
use mynapin_core::card::cert::CertificateState;
use mynapin_core::card::session::{Event as SessionEvent, Report, Role};
use mynapin_core::card::status::Verdict;
use mynapin_core::card::{CardError, Counter, Pin, PinState, PinStatus};
use mynapin_core::layout::{PinFormat, PinId};
use mynapin_core::procedure::from_card::CardFacts;
use mynapin_core::transport::TransportError;
use mynapin_words::{outcome, sanitize, Lang};
use std::sync::Arc;
use std::time::Duration;
use zeroize::Zeroizing;

/// Hands a printable page to the system (the default browser); a test keeps it instead.
pub type Opener = Box<dyn FnMut(&str, &str) -> Result<(), String>>;

/// The holder's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The language.
    pub lang: Lang,
    /// Text size in percent: 100, 150 or 200.
    pub text_size: u16,
    /// White on black with strong outlines.
    pub high_contrast: bool,
    /// The city whose counter the guide describes (a built-in profile id).
    pub city: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::from_env(),
            text_size: 100,
            high_contrast: false,
            city: None,
        }
    }
}

/// What is known about the card.
enum CardView {
    /// Nothing yet.
    Starting,
    /// No card in the reader.
    Absent,
    /// The readers or the PC/SC service cannot be used.
    Problem(TransportError),
    /// Placed in this reader; being read.
    Reading(String),
    /// Read.
    Read(Read),
    /// Placed, but it could not be read.
    Failed(CardError),
}

/// Which screen is up.
enum Screen {
    Status,
    Change(Box<ChangeFlow>),
    Guide(Box<GuideView>),
    Settings,
    Licence,
    Diagnostics,
}

/// The change wizard's step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Choose,
    LastTry,
    Current(usize),
    New,
    Confirm,
    Review,
    Running,
    Done,
}

/// One change, from the choice of PINs to its result.
struct ChangeFlow {
    step: Step,
    chosen: Vec<PinId>,
    pad: bool,
    allow_last_try: bool,
    current: Vec<(PinId, Zeroizing<String>)>,
    new: Option<Zeroizing<String>>,
    confirm: Option<Zeroizing<String>>,
    buf: SecretBuf,
    /// What the last entry came to (invalid, mismatch…), shown above the keypad.
    problem: Option<String>,
    /// What normalization did and whether the new PIN is easy to guess, for the review.
    notes: Vec<String>,
    progress: Vec<String>,
    result: Option<Result<Report, CardError>>,
}

impl ChangeFlow {
    fn new(pad: bool) -> ChangeFlow {
        ChangeFlow {
            step: Step::Choose,
            chosen: Vec::new(),
            pad,
            allow_last_try: false,
            current: Vec::new(),
            new: None,
            confirm: None,
            buf: SecretBuf::new(16),
            problem: None,
            notes: Vec::new(),
            progress: Vec::new(),
            result: None,
        }
    }

    fn format(&self) -> PinFormat {
        self.chosen
            .first()
            .map_or(PinFormat::FourDigits, |p| p.format())
    }

    /// Wipes every entry (a cancel, or the job took them).
    fn forget_entries(&mut self) {
        self.current.clear();
        self.new = None;
        self.confirm = None;
        self.buf.clear();
    }
}

/// The app.
pub struct App {
    settings: Settings,
    worker: Worker,
    card: CardView,
    screen: Screen,
    opener: Opener,
    /// Where the guide's "save" writes its page (the Downloads folder, else home).
    pub save_dir: std::path::PathBuf,
    /// The settings changed since they were last saved.
    pub settings_changed: bool,
    applied: Option<(u16, bool)>,
    /// The readers, when there are several (for the picker).
    readers: Vec<String>,
    /// The reader the holder picked (`None`: whichever holds the card).
    picked: Option<String>,
    /// The debug build's hidden menu is open (F12 on the settings screen).
    #[cfg(all(debug_assertions, feature = "sim"))]
    debug_shown: bool,
}

impl App {
    /// The app on the card at `port`; `wake` asks the window to repaint (the card's thread
    /// calls it after every update).
    pub fn new(
        port: Box<dyn CardPort>,
        settings: Settings,
        opener: Opener,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> App {
        App {
            settings,
            worker: Worker::start(port, wake),
            card: CardView::Starting,
            screen: Screen::Status,
            opener,
            save_dir: crate::guide::default_save_dir(),
            settings_changed: false,
            applied: None,
            readers: Vec::new(),
            picked: None,
            #[cfg(all(debug_assertions, feature = "sim"))]
            debug_shown: false,
        }
    }

    /// The holder's choices (to save them).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// True while the card's thread has something under way that the window waits for.
    pub fn busy(&self) -> bool {
        matches!(self.card, CardView::Starting | CardView::Reading(_))
            || matches!(&self.screen, Screen::Change(f) if f.step == Step::Running)
    }

    /// Waits up to `limit` for the card's thread and takes what it said; false when nothing
    /// came. (Tests wait on the card's thread with this, never with a sleep.)
    pub fn wait_for_card(&mut self, limit: Duration) -> bool {
        match self.worker.next_within(limit) {
            Some(u) => {
                self.apply(u);
                true
            }
            None => false,
        }
    }

    fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn apply(&mut self, u: Update) {
        match u {
            Update::NoCard => self.card = CardView::Absent,
            Update::Readers(names) => self.readers = names,
            Update::Problem(e) => self.card = CardView::Problem(e),
            Update::Reading(r) => self.card = CardView::Reading(r),
            Update::Status(Ok(read)) => self.card = CardView::Read(read),
            Update::Status(Err(e)) => self.card = CardView::Failed(e),
            Update::Removed => {
                self.card = CardView::Absent;
                // A wizard waiting for entries has nothing to send now; its entries go.
                if let Screen::Change(f) = &mut self.screen {
                    if f.step != Step::Running && f.step != Step::Done {
                        f.forget_entries();
                        self.screen = Screen::Status;
                    }
                }
            }
            Update::Progress(e) => {
                let lang = self.lang();
                if let Screen::Change(f) = &mut self.screen {
                    if let Some(line) = progress_line(lang, &e) {
                        f.progress.push(line);
                    }
                }
            }
            Update::Changed(result) => {
                if let (Ok(report), CardView::Read(read)) = (&result, &mut self.card) {
                    // The counters the session read back (no further command is sent).
                    for r in &report.refs {
                        if let Some(c) = r.counter() {
                            for p in &mut read.status.pins {
                                for x in &mut p.refs {
                                    if x.r == r.r {
                                        x.counter = c;
                                    }
                                }
                            }
                        }
                    }
                }
                if let Screen::Change(f) = &mut self.screen {
                    f.result = Some(result);
                    f.step = Step::Done;
                }
            }
        }
    }

    /// One frame of the window.
    pub fn ui(&mut self, ui: &mut Ui) {
        while let Some(u) = self.worker.try_next() {
            self.apply(u);
        }
        self.apply_style(ui.ctx());
        let lang = self.lang();
        egui::Panel::top("nav").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.heading(msg::app_title(lang));
                ui.separator();
                let running = matches!(&self.screen, Screen::Change(f) if f.step == Step::Running);
                ui.add_enabled_ui(!running, |ui| {
                    if ui.button(msg::app_nav_status(lang)).clicked() {
                        self.leave_screen();
                        self.screen = Screen::Status;
                    }
                    if ui.button(msg::app_nav_change(lang)).clicked() {
                        self.leave_screen();
                        let pad = matches!(&self.card, CardView::Read(r) if r.pad);
                        self.screen = Screen::Change(Box::new(ChangeFlow::new(pad)));
                    }
                    if ui.button(msg::app_nav_guide(lang)).clicked() {
                        self.leave_screen();
                        self.screen = Screen::Guide(Box::new(GuideView::new(self.facts())));
                    }
                    if ui.button(msg::app_nav_settings(lang)).clicked() {
                        self.leave_screen();
                        self.screen = Screen::Settings;
                    }
                });
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match &mut self.screen {
                Screen::Status => self.status_screen(ui),
                Screen::Change(_) => self.change_screen(ui),
                Screen::Guide(_) => self.guide_screen(ui),
                Screen::Settings => self.settings_screen(ui),
                Screen::Licence => {
                    ui.heading(msg::app_licence_title(lang));
                    ui.label(crate::fonts::LICENCE);
                }
                Screen::Diagnostics => self.diagnostics_screen(ui),
            });
        });
    }

    /// Leaving a screen drops what it held (a wizard's entries are wiped).
    fn leave_screen(&mut self) {
        if let Screen::Change(f) = &mut self.screen {
            f.forget_entries();
        }
    }

    fn status_pins(&self) -> Option<Vec<PinStatus>> {
        match &self.card {
            CardView::Read(r) => Some(r.status.pins.clone()),
            _ => None,
        }
    }

    /// What the reset rules need of the card read, if one was.
    fn facts(&self) -> Option<CardFacts> {
        match &self.card {
            CardView::Read(r) => Some(CardFacts::of_status(&r.status)),
            _ => None,
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let want = (self.settings.text_size, self.settings.high_contrast);
        if self.applied == Some(want) {
            return;
        }
        self.applied = Some(want);
        ctx.set_zoom_factor(f32::from(self.settings.text_size) / 100.0);
        let visuals = if self.settings.high_contrast {
            high_contrast()
        } else {
            egui::Visuals::light()
        };
        ctx.set_visuals(visuals);
        // Text a resident reads without glasses at 100 %, and targets easy to hit.
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(26.0, FontFamily::Proportional),
                ),
                (TextStyle::Body, FontId::new(18.0, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(18.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(14.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(15.0, FontFamily::Monospace),
                ),
            ]
            .into();
            style.spacing.button_padding = egui::vec2(14.0, 8.0);
            style.spacing.item_spacing = egui::vec2(10.0, 8.0);
            style.spacing.interact_size.y = 36.0;
        });
    }

    // ---- the card and its status -------------------------------------------------------

    fn status_screen(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        match &self.card {
            CardView::Starting => {
                ui.label(msg::app_card_looking(lang));
            }
            CardView::Absent => {
                ui.heading(msg::app_place_card(lang));
                ui.label(msg::app_place_card_detail(lang));
                if self.readers.len() > 1 {
                    ui.label(RichText::new(msg::app_pick_reader(lang)).strong());
                    let before = self.picked.clone();
                    ui.radio_value(&mut self.picked, None, msg::app_any_reader(lang));
                    for name in &self.readers {
                        ui.radio_value(
                            &mut self.picked,
                            Some(name.clone()),
                            sanitize::reader_name(name),
                        );
                    }
                    if self.picked != before {
                        self.worker.send(Job::UseReader(self.picked.clone()));
                    }
                }
            }
            CardView::Problem(e) => {
                ui.heading(msg::app_reader_problem(lang));
                ui.label(outcome::transport(lang, e));
                ui.label(reader_advice(lang, e));
            }
            CardView::Reading(r) => {
                ui.heading(msg::app_card_reading(lang));
                ui.label(msg::app_reader_name(lang, sanitize::reader_name(r)));
            }
            CardView::Failed(e) => {
                ui.heading(msg::app_card_failed(lang));
                ui.label(outcome::card_error(lang, e));
                match e {
                    CardError::Transport(t) => ui.label(reader_advice(lang, t)),
                    _ => ui.label(msg::app_card_failed_todo(lang)),
                };
                if ui.button(msg::app_read_again(lang)).clicked() {
                    self.card = CardView::Reading(String::new());
                    self.worker.send(Job::ReadStatus);
                }
            }
            CardView::Read(read) => {
                let read = read.clone();
                self.status_view(ui, &read);
            }
        }
    }

    fn status_view(&mut self, ui: &mut Ui, read: &Read) {
        let lang = self.lang();
        let s = &read.status;
        ui.label(msg::app_reader_name(lang, sanitize::reader_name(&s.reader)));
        ui.add_space(4.0);
        ui.label(RichText::new(msg::app_next_heading(lang)).strong());
        let next = next_line(lang, s.verdict(), &s.pins);
        ui.label(RichText::new(next).size(ui.text_style_height(&egui::TextStyle::Body) * 1.1));
        ui.add_space(8.0);
        for p in &s.pins {
            pin_card(ui, lang, p, s.cert.as_ref());
            ui.add_space(6.0);
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(msg::app_read_again(lang)).clicked() {
                self.card = CardView::Reading(s.reader.clone());
                self.worker.send(Job::ReadStatus);
            }
            if s.pins.iter().any(|p| p.state() == PinState::Blocked)
                && ui.button(msg::app_to_guide(lang)).clicked()
            {
                self.screen =
                    Screen::Guide(Box::new(GuideView::new(Some(CardFacts::of_status(s)))));
            }
        });
    }

    // ---- the change wizard -------------------------------------------------------------

    fn change_screen(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let pins = self.status_pins();
        let facts = self.facts();
        let Screen::Change(flow) = &mut self.screen else {
            return;
        };
        let Some(pins) = pins else {
            ui.heading(msg::app_change_needs_card(lang));
            ui.label(msg::app_place_card_detail(lang));
            return;
        };
        ui.heading(msg::app_change_title(lang));
        if let Some(p) = &flow.problem {
            ui.colored_label(warn_color(ui), p);
        }
        let mut to_guide = None;
        let mut job = None;
        match flow.step {
            Step::Choose => choose_step(ui, lang, flow, &pins, &mut to_guide),
            Step::LastTry => last_try_step(ui, lang, flow, &pins),
            Step::Current(i) => current_step(ui, lang, flow, i),
            Step::New => new_step(ui, lang, flow),
            Step::Confirm => confirm_step(ui, lang, flow),
            Step::Review => {
                if review_step(ui, lang, flow) {
                    job = Some(ChangeJob {
                        pins: flow.chosen.clone(),
                        current: std::mem::take(&mut flow.current),
                        new: match (flow.new.take(), flow.confirm.take()) {
                            (Some(n), Some(c)) => Some((n, c)),
                            _ => None,
                        },
                        allow_last_try: flow.allow_last_try,
                    });
                    flow.step = Step::Running;
                }
            }
            Step::Running => {
                ui.label(msg::app_change_running(lang));
                for line in &flow.progress {
                    ui.label(RichText::new(line).strong());
                }
                ui.spinner();
            }
            Step::Done => {
                // What happened on the way (a PIN-pad reader's prompts among it) stays.
                for line in &flow.progress {
                    ui.label(line);
                }
                if let Some(result) = &flow.result {
                    if let Some(pin) = done_step(ui, lang, result) {
                        to_guide = Some(pin);
                    }
                }
            }
        }
        if let Some(job) = job {
            self.worker.send(Job::Change(job));
        }
        if let Some(pin) = to_guide {
            let mut view = GuideView::new(facts);
            view.pick(pin);
            self.leave_screen();
            self.screen = Screen::Guide(Box::new(view));
        }
    }

    // ---- guide, settings, diagnostics --------------------------------------------------

    fn guide_screen(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let Screen::Guide(view) = &mut self.screen else {
            return;
        };
        let before = self.settings.city.clone();
        view.ui(
            ui,
            lang,
            &mut self.settings.city,
            &mut self.opener,
            &self.save_dir,
        );
        if self.settings.city != before {
            self.settings_changed = true;
        }
    }

    fn settings_screen(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        let before = self.settings.clone();
        ui.heading(msg::app_settings_title(lang));
        ui.label(RichText::new(msg::app_settings_language(lang)).strong());
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.settings.lang, Lang::JA, "日本語");
            ui.radio_value(&mut self.settings.lang, Lang::EN, "English");
        });
        ui.label(RichText::new(msg::app_settings_text_size(lang)).strong());
        ui.horizontal(|ui| {
            for size in [100u16, 150, 200] {
                ui.radio_value(&mut self.settings.text_size, size, format!("{size} %"));
            }
        });
        ui.checkbox(
            &mut self.settings.high_contrast,
            msg::app_settings_contrast(lang),
        );
        ui.separator();
        ui.label(msg::app_settings_offline(lang));
        ui.horizontal_wrapped(|ui| {
            if ui.button(msg::app_licence_title(lang)).clicked() {
                self.screen = Screen::Licence;
            }
            if ui.button(msg::app_diagnostics_title(lang)).clicked() {
                self.screen = Screen::Diagnostics;
            }
        });
        // F12 opens the hidden menu (debug builds only).
        #[cfg(all(debug_assertions, feature = "sim"))]
        {
            if ui.input(|i| i.key_pressed(egui::Key::F12)) {
                self.debug_shown = !self.debug_shown;
            }
            if self.debug_shown {
                self.debug_menu(ui);
            }
        }
        if self.settings != before {
            self.settings_changed = true;
        }
    }

    /// A debug build's hidden menu: the app on a built-in simulated card, in place of the
    /// reader (as `--sim=NAME` does). Not in a release build.
    #[cfg(all(debug_assertions, feature = "sim"))]
    fn debug_menu(&mut self, ui: &mut Ui) {
        ui.collapsing("debug: simulated card", |ui| {
            ui.horizontal_wrapped(|ui| {
                for (name, _) in mynapin_sim::fixture::BUILTIN {
                    if ui.button(*name).clicked() {
                        if let Ok(p) = crate::port::SimPort::builtin(Some(name)) {
                            self.card = CardView::Starting;
                            self.worker.send(Job::Port(Box::new(p)));
                        }
                    }
                }
            });
        });
    }

    fn diagnostics_screen(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        ui.heading(msg::app_diagnostics_title(lang));
        ui.label(msg::app_diagnostics_what(lang));
        let report = self.diagnostics();
        ui.label(RichText::new(&report).monospace());
        if ui.button(msg::app_diagnostics_copy(lang)).clicked() {
            ui.ctx().copy_text(report);
        }
    }

    /// A report for a help desk: the app, the system, the reader and the counters — never a
    /// PIN (the app holds none outside a change, and this report is made from the status).
    pub fn diagnostics(&self) -> String {
        let mut out = vec![
            format!("mynapin-app {}", env!("CARGO_PKG_VERSION")),
            format!("os: {} {}", std::env::consts::OS, std::env::consts::ARCH),
            format!("language: {}", self.settings.lang.tag()),
        ];
        match &self.card {
            CardView::Starting => out.push("card: not looked for yet".into()),
            CardView::Absent => out.push("card: none in the reader".into()),
            CardView::Problem(e) => {
                out.push(format!("readers: {}", sanitize::sanitize(&format!("{e}"))))
            }
            CardView::Reading(r) => out.push(format!("reader: {}", sanitize::reader_name(r))),
            CardView::Failed(e) => {
                out.push(format!("card: {}", sanitize::sanitize(&format!("{e}"))))
            }
            CardView::Read(read) => {
                out.push(format!(
                    "reader: {}",
                    sanitize::reader_name(&read.status.reader)
                ));
                out.push(format!("pin pad: {}", read.pad));
                for p in &read.status.pins {
                    for r in &p.refs {
                        out.push(format!("{} {}: {:?}", p.pin.id(), r.r.id(), r.counter));
                    }
                }
                out.push(format!("certificate: {:?}", read.status.cert));
            }
        }
        out.join("\n")
    }
}

// ---- the pieces of the status screen -----------------------------------------------------

fn warn_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(255, 220, 0)
    } else {
        Color32::from_rgb(170, 0, 0)
    }
}

/// White on black, yellow focus and strong outlines.
fn high_contrast() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    v.override_text_color = Some(Color32::WHITE);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    let stroke = egui::Stroke::new(2.0, Color32::WHITE);
    v.widgets.inactive.bg_stroke = stroke;
    v.widgets.inactive.weak_bg_fill = Color32::BLACK;
    v.widgets.inactive.bg_fill = Color32::BLACK;
    v.widgets.hovered.bg_stroke = egui::Stroke::new(3.0, Color32::YELLOW);
    v.widgets.active.bg_stroke = egui::Stroke::new(3.0, Color32::YELLOW);
    v.selection.stroke = egui::Stroke::new(2.0, Color32::YELLOW);
    v
}

/// What the PIN is used for, in plain words.
fn pin_use(lang: Lang, pin: PinId) -> String {
    match pin {
        PinId::Auth => msg::app_use_auth(lang),
        PinId::Sign => msg::app_use_sign(lang),
        PinId::Kenhojo => msg::app_use_kenhojo(lang),
        PinId::Juki => msg::app_use_juki(lang),
    }
}

/// Tries as marks: ●●○ for two of three left.
fn try_marks(left: u8, max: u8) -> String {
    (0..max).map(|i| if i < left { '●' } else { '○' }).collect()
}

/// "残り2回（全3回）", or what the card said instead of a count.
fn tries_text(lang: Lang, c: Counter, max: u8) -> String {
    match c.retries_left() {
        Some(n) => msg::app_tries_left(lang, msg::AppTriesLeft { n, max }),
        None => match c.state() {
            PinState::Absent => msg::app_tries_absent(lang),
            _ => msg::app_tries_unknown(lang),
        },
    }
}

fn pin_card(ui: &mut Ui, lang: Lang, p: &PinStatus, cert: Option<&CertificateState>) {
    let max = p.pin.max_tries();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(outcome::pin_short(lang, p.pin)).heading());
        ui.label(pin_use(lang, p.pin));
        let state = p.state();
        let first = p.refs.first().map_or(Counter::Absent, |r| r.counter);
        let line = match p.retries_left() {
            Some(n) => format!(
                "{}  {}",
                try_marks(n, max),
                msg::app_tries_left(lang, msg::AppTriesLeft { n, max })
            ),
            None => tries_text(lang, first, max),
        };
        ui.label(RichText::new(line).size(ui.text_style_height(&egui::TextStyle::Heading)));
        let word = outcome::state_word(lang, state);
        let word = match state {
            PinState::Blocked | PinState::Low => RichText::new(word).color(warn_color(ui)).strong(),
            _ => RichText::new(word),
        };
        ui.label(word);
        if p.pin == PinId::Juki && p.refs.len() > 1 {
            for r in &p.refs {
                ui.label(msg::app_juki_place(
                    lang,
                    msg::AppJukiPlace {
                        place: outcome::place(lang, p.pin, r.r),
                        tries: tries_text(lang, r.counter, max),
                    },
                ));
            }
            if p.refs_disagree() {
                ui.colored_label(warn_color(ui), msg::app_juki_mismatch(lang));
            }
        }
        if p.pin == PinId::Auth {
            if let Some(line) = cert_line(lang, cert) {
                ui.label(line);
            }
        }
        if state == PinState::Absent && p.pin == PinId::Sign {
            ui.label(msg::app_no_sign_cert(lang));
        }
    });
}

fn cert_line(lang: Lang, cert: Option<&CertificateState>) -> Option<String> {
    let date = |d: mynapin_core::card::cert::Date| {
        msg::app_date(
            lang,
            msg::AppDate {
                y: d.year,
                m: d.month,
                d: d.day,
            },
        )
    };
    Some(match cert? {
        CertificateState::Valid { not_after } => msg::app_cert_valid(lang, date(*not_after)),
        CertificateState::ExpiresSoon {
            not_after,
            days_left,
        } => msg::app_cert_soon(
            lang,
            msg::AppCertSoon {
                date: date(*not_after),
                days: *days_left,
            },
        ),
        CertificateState::Expired { not_after } => msg::app_cert_expired(lang, date(*not_after)),
        CertificateState::Absent => msg::app_cert_absent(lang),
        CertificateState::Unreadable => msg::app_cert_unreadable(lang),
    })
}

/// The one "what to do next" line of the status screen.
fn next_line(lang: Lang, verdict: Verdict, pins: &[PinStatus]) -> String {
    let names = |state: PinState| {
        let v: Vec<String> = pins
            .iter()
            .filter(|p| p.state() == state)
            .map(|p| outcome::pin_short(lang, p.pin))
            .collect();
        lang.join(&v)
    };
    match verdict {
        Verdict::Fine => msg::app_next_fine(lang),
        Verdict::Blocked => msg::app_next_blocked(lang, names(PinState::Blocked)),
        Verdict::LastTry => msg::app_next_last_try(lang, names(PinState::Low)),
        Verdict::CountUnknown => msg::app_next_unknown(lang, names(PinState::Unknown)),
        Verdict::CertificateExpired => msg::app_next_cert_expired(lang),
    }
}

/// What to say when the readers cannot be used.
fn reader_advice(lang: Lang, e: &TransportError) -> String {
    match e {
        TransportError::NoService => msg::app_fix_service(lang),
        TransportError::NoReaders => msg::app_fix_no_reader(lang),
        TransportError::CardInUse => msg::app_fix_in_use(lang),
        _ => msg::app_fix_other(lang),
    }
}

// ---- the steps of the change wizard -------------------------------------------------------

fn choose_step(
    ui: &mut Ui,
    lang: Lang,
    flow: &mut ChangeFlow,
    pins: &[PinStatus],
    to_guide: &mut Option<PinId>,
) {
    ui.label(msg::app_change_choose(lang));
    for p in pins {
        let state = p.state();
        let mut on = flow.chosen.contains(&p.pin);
        ui.horizontal_wrapped(|ui| {
            let usable = !matches!(state, PinState::Blocked | PinState::Absent);
            let label = msg::app_choose_pin(
                lang,
                msg::AppChoosePin {
                    pin: outcome::pin_short(lang, p.pin),
                    state: outcome::state_word(lang, state),
                },
            );
            let r = ui.add_enabled(usable, egui::Checkbox::new(&mut on, label));
            if r.changed() {
                if on {
                    // The signature password has its own format: it is changed on its own.
                    if p.pin.format() != flow.format() || flow.chosen.contains(&PinId::Sign) {
                        flow.chosen.clear();
                    }
                    flow.chosen.push(p.pin);
                    flow.chosen
                        .sort_by_key(|x| PinId::ALL.iter().position(|a| a == x));
                } else {
                    flow.chosen.retain(|x| *x != p.pin);
                }
            }
            if state == PinState::Blocked
                && ui
                    .button(msg::app_guide_for(lang, outcome::pin_short(lang, p.pin)))
                    .clicked()
            {
                *to_guide = Some(p.pin);
            }
        });
    }
    ui.label(msg::app_change_sign_alone(lang));
    if flow.chosen.contains(&PinId::Juki) {
        ui.label(msg::app_change_juki_both(lang));
    }
    let ready = !flow.chosen.is_empty();
    if ui
        .add_enabled(ready, egui::Button::new(msg::app_next(lang)))
        .clicked()
    {
        flow.problem = None;
        let risky = pins
            .iter()
            .filter(|p| flow.chosen.contains(&p.pin))
            .any(|p| matches!(p.state(), PinState::Low | PinState::Unknown));
        flow.step = if risky {
            Step::LastTry
        } else if flow.pad {
            Step::Review
        } else {
            Step::Current(0)
        };
    }
}

fn last_try_step(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow, pins: &[PinStatus]) {
    for p in pins.iter().filter(|p| flow.chosen.contains(&p.pin)) {
        match p.state() {
            PinState::Low => {
                ui.label(
                    RichText::new(msg::app_last_try(lang, outcome::pin_short(lang, p.pin)))
                        .color(warn_color(ui))
                        .strong(),
                );
            }
            PinState::Unknown => {
                ui.label(
                    RichText::new(msg::app_count_unknown(
                        lang,
                        outcome::pin_short(lang, p.pin),
                    ))
                    .color(warn_color(ui))
                    .strong(),
                );
            }
            _ => {}
        }
    }
    ui.label(msg::app_last_try_detail(lang));
    ui.horizontal_wrapped(|ui| {
        // The safe answer comes first and has the focus.
        let stop = ui.button(RichText::new(msg::app_stop(lang)).strong());
        if !ui.ctx().memory(|m| m.focused().is_some()) {
            stop.request_focus();
        }
        if stop.clicked() {
            flow.chosen.clear();
            flow.step = Step::Choose;
        }
        if ui.button(msg::app_last_try_go(lang)).clicked() {
            flow.allow_last_try = true;
            flow.step = if flow.pad {
                Step::Review
            } else {
                Step::Current(0)
            };
        }
    });
}

/// The entry widget of the current format: the keypad, or the password field.
fn entry(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow, label: &str) {
    if flow.format() == PinFormat::FourDigits {
        secret::keypad(
            ui,
            &mut flow.buf,
            &KeypadNames {
                back: msg::app_key_back(lang),
                clear: msg::app_key_clear(lang),
                entered: msg::app_key_entered(lang),
            },
        );
    } else {
        let r = secret::password_field(ui, &mut flow.buf, label);
        if !ui.ctx().memory(|m| m.focused().is_some()) {
            r.request_focus();
        }
        ui.label(outcome::format_rule(lang, PinFormat::SignPassword));
    }
}

/// Checks the entry in the buffer locally; on success returns it (moved out of the buffer)
/// with what normalization did.
fn take_valid(
    lang: Lang,
    flow: &mut ChangeFlow,
    pin: PinId,
    role: Role,
) -> Option<(
    Zeroizing<String>,
    mynapin_core::card::Normalized,
    Option<mynapin_core::card::Weakness>,
)> {
    match Pin::parse(pin.format(), flow.buf.expose()) {
        Ok((p, norm)) => {
            let weak = p.weakness();
            flow.problem = None;
            Some((flow.buf.take(), norm, weak))
        }
        Err(err) => {
            flow.problem = Some(outcome::invalid_pin(lang, pin, role, err));
            flow.buf.clear();
            None
        }
    }
}

fn step_buttons(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow) -> bool {
    let mut ok = false;
    ui.horizontal_wrapped(|ui| {
        if ui.button(msg::app_stop(lang)).clicked() {
            flow.forget_entries();
            flow.chosen.clear();
            flow.problem = None;
            flow.step = Step::Choose;
        }
        if ui
            .add_enabled(!flow.buf.is_empty(), egui::Button::new(msg::app_next(lang)))
            .clicked()
        {
            ok = true;
        }
    });
    ok
}

fn current_step(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow, i: usize) {
    let pin = flow.chosen[i];
    let label = msg::app_enter_current(lang, outcome::pin_short(lang, pin));
    ui.label(RichText::new(&label).strong());
    entry(ui, lang, flow, &label);
    if step_buttons(ui, lang, flow) {
        if let Some((value, norm, _)) = take_valid(lang, flow, pin, Role::Current) {
            note_normalized(lang, flow, norm);
            flow.current.push((pin, value));
            flow.step = if i + 1 < flow.chosen.len() {
                Step::Current(i + 1)
            } else {
                Step::New
            };
        }
    }
}

fn note_normalized(lang: Lang, flow: &mut ChangeFlow, norm: mynapin_core::card::Normalized) {
    let mut add = |s: String| {
        if !flow.notes.contains(&s) {
            flow.notes.push(s);
        }
    };
    if norm.fullwidth_converted {
        add(msg::app_normalized_fullwidth(lang));
    }
    if norm.uppercased {
        add(msg::app_normalized_upper(lang));
    }
}

fn new_step(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow) {
    let label = msg::app_enter_new(lang);
    ui.label(RichText::new(&label).strong());
    ui.label(outcome::format_rule(lang, flow.format()));
    entry(ui, lang, flow, &label);
    if step_buttons(ui, lang, flow) {
        let pin = flow.chosen[0];
        if let Some((value, norm, weak)) = take_valid(lang, flow, pin, Role::New) {
            let same = flow.current.iter().any(|(_, cur)| {
                matches!(
                    (Pin::parse(pin.format(), cur), Pin::parse(pin.format(), &value)),
                    (Ok((a, _)), Ok((b, _))) if a.ct_eq(&b)
                )
            });
            if same {
                flow.problem = Some(outcome::stop(
                    lang,
                    &mynapin_core::card::session::Stop::SameAsCurrent(pin),
                ));
                return;
            }
            note_normalized(lang, flow, norm);
            if let Some(w) = weak {
                flow.notes.push(match w {
                    mynapin_core::card::Weakness::AllSame => msg::app_weak_same(lang),
                    mynapin_core::card::Weakness::Run => msg::app_weak_run(lang),
                });
            }
            flow.new = Some(value);
            flow.step = Step::Confirm;
        }
    }
}

fn confirm_step(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow) {
    let label = msg::app_enter_confirm(lang);
    ui.label(RichText::new(&label).strong());
    entry(ui, lang, flow, &label);
    if step_buttons(ui, lang, flow) {
        let pin = flow.chosen[0];
        if let Some((value, _, _)) = take_valid(lang, flow, pin, Role::Confirm) {
            let same = match (&flow.new, Pin::parse(pin.format(), &value)) {
                (Some(new), Ok((b, _))) => {
                    matches!(Pin::parse(pin.format(), new), Ok((a, _)) if a.ct_eq(&b))
                }
                _ => false,
            };
            if same {
                flow.confirm = Some(value);
                flow.step = Step::Review;
            } else {
                // Nothing was sent: both are asked again.
                flow.new = None;
                flow.notes
                    .retain(|n| *n != msg::app_weak_same(lang) && *n != msg::app_weak_run(lang));
                flow.problem = Some(msg::app_mismatch(lang));
                flow.step = Step::New;
            }
        }
    }
}

/// True when the holder pressed "change".
fn review_step(ui: &mut Ui, lang: Lang, flow: &mut ChangeFlow) -> bool {
    ui.label(RichText::new(msg::app_review(lang)).strong());
    for pin in &flow.chosen {
        for r in pin.refs() {
            ui.label(format!("・{}", outcome::place(lang, *pin, *r)));
        }
    }
    for n in &flow.notes {
        ui.label(RichText::new(n).color(warn_color(ui)));
    }
    if flow.pad {
        ui.label(msg::app_pad_review(lang));
    }
    let mut go = false;
    ui.horizontal_wrapped(|ui| {
        if ui.button(msg::app_stop(lang)).clicked() {
            flow.forget_entries();
            flow.chosen.clear();
            flow.notes.clear();
            flow.step = Step::Choose;
        }
        if ui
            .button(RichText::new(msg::app_change_go(lang)).strong())
            .clicked()
        {
            go = true;
        }
    });
    go
}

/// The result, per reference; returns a PIN whose guide the holder asked for.
fn done_step(ui: &mut Ui, lang: Lang, result: &Result<Report, CardError>) -> Option<PinId> {
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            ui.heading(msg::app_change_not_started(lang));
            ui.label(outcome::card_error(lang, e));
            return None;
        }
    };
    let done = report.stop.is_none();
    ui.heading(if done {
        msg::app_change_done(lang)
    } else {
        msg::app_change_stopped(lang)
    });
    if let Some(stop) = &report.stop {
        ui.label(RichText::new(outcome::stop(lang, stop)).color(warn_color(ui)));
        ui.label(outcome::sent(lang, &report.sent()));
    }
    for r in &report.refs {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(outcome::place(lang, r.pin, r.r)).strong());
            ui.label(outcome::ref_change(lang, r));
            if let Some(line) = outcome::ref_checked(lang, r) {
                ui.label(line);
            }
            if let Some(c) = r.counter() {
                ui.label(tries_text(lang, c, r.pin.max_tries()));
            }
        });
    }
    let mut guide = None;
    let steps = report.next_steps();
    if !steps.is_empty() {
        ui.label(RichText::new(msg::app_next_heading(lang)).strong());
        for s in &steps {
            ui.label(outcome::next_step(lang, s));
            if let mynapin_core::card::session::NextStep::SeeGuide(pin) = s {
                if ui
                    .button(msg::app_guide_for(lang, outcome::pin_short(lang, *pin)))
                    .clicked()
                {
                    guide = Some(*pin);
                }
            }
        }
    }
    guide
}

/// A line of progress during a change, in the holder's words.
fn progress_line(lang: Lang, e: &SessionEvent) -> Option<String> {
    match *e {
        SessionEvent::CurrentAccepted => Some(msg::app_progress_accepted(lang)),
        SessionEvent::Changing(r) => Some(msg::app_progress_changing(
            lang,
            outcome::place(lang, outcome::pin_of_ref(r), r),
        )),
        SessionEvent::TypeOnReader {
            pin,
            role,
            entry_no,
            entries_total,
            ..
        } => Some(msg::app_pad_type(
            lang,
            msg::AppPadType {
                what: match role {
                    Role::Current => msg::app_pad_current(lang, outcome::pin_short(lang, pin)),
                    _ => msg::app_pad_new(lang),
                },
                no: entry_no,
                total: entries_total,
            },
        )),
        SessionEvent::CopiesDisagree { .. } => Some(msg::app_juki_mismatch(lang)),
        _ => None,
    }
}
