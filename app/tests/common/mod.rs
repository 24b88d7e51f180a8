//! The harness of the app's click-throughs: the app on a card port, driven headless by
//! egui_kittest through the AccessKit tree (by the labels a screen reader would read), and
//! waited on through the card's thread's own updates, never with a sleep.
#![allow(dead_code)]

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mynapin_app::port::{CardOp, CardPort};
use mynapin_app::{App, Settings};
use mynapin_core::card::{CardError, MyNumberCard};
use mynapin_core::open::Event;
use mynapin_core::transport::pcsc::WaitFor;
use mynapin_core::transport::{StopFlag, Transport, TransportError};
use mynapin_words::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// What a test's opener was handed: (file name, HTML).
pub type Opened = Rc<RefCell<Vec<(String, String)>>>;

/// The app on `port`, in `lang`, at a size that shows a whole screen.
pub fn open(port: Box<dyn CardPort>, lang: Lang) -> (Harness<'static, App>, Opened) {
    let opened: Opened = Rc::default();
    let keep = opened.clone();
    let app = App::new(
        port,
        Settings {
            lang,
            ..Settings::default()
        },
        Box::new(move |name: &str, html: &str| {
            keep.borrow_mut().push((name.to_string(), html.to_string()));
            Ok(())
        }),
        Arc::new(|| {}),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(760.0, 1100.0))
        .with_context_setup(|ctx| ctx.set_fonts(mynapin_app::fonts::definitions()))
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    settle(&mut h);
    (h, opened)
}

/// Runs frames until the window is still, waiting on the card's thread while it works.
pub fn settle(h: &mut Harness<'static, App>) {
    h.run();
    while h.state().busy() {
        assert!(
            h.state_mut().wait_for_card(Duration::from_secs(60)),
            "the card's thread said nothing for 60 s"
        );
        h.run();
    }
    // Whatever else the thread said meanwhile (a status after a change).
    while h.state_mut().wait_for_card(Duration::ZERO) {
        h.run();
    }
    h.run();
}

/// Clicks the widget labelled `label` and lets the app settle.
pub fn click(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

/// Types `digits` on the on-screen keypad, one click per key (the PIN never exists as one
/// string in the test).
pub fn keypad(h: &mut Harness<'static, App>, digits: &[u8]) {
    for d in digits {
        let key = char::from(b'0' + d).to_string();
        h.get_by_label(&key).click();
        h.run();
    }
}

/// True when some widget's label contains `text`.
pub fn shows(h: &Harness<'static, App>, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// Every label on the screen, for a failure message.
pub fn screen(h: &Harness<'static, App>) -> String {
    format!("{:#?}", h.root())
}

/// Japanese or English, by the language under test.
pub fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::JA {
        ja
    } else {
        en
    }
}

/// A port whose card sits on a transport the test builds (a PIN-pad reader, a card pulled
/// out mid-change): every operation opens the card on it as the core does.
pub struct TransportPort<F: FnMut() -> Box<dyn Transport> + Send> {
    pub make: F,
}

impl<F: FnMut() -> Box<dyn Transport> + Send> CardPort for TransportPort<F> {
    fn live(&self) -> bool {
        false
    }
    fn wait(
        &mut self,
        _: WaitFor,
        _: Option<&str>,
        _: Duration,
        _: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        Ok(Some("test reader".into()))
    }
    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Ok(vec!["test reader".into()])
    }
    fn with_card(
        &mut self,
        _: Option<&str>,
        _: &StopFlag,
        _: &dyn Fn(Event),
        op: CardOp<'_>,
    ) -> Result<(), CardError> {
        let mut t = (self.make)();
        let mut card = MyNumberCard::open(t.as_mut())?;
        op(&mut card);
        Ok(())
    }
}

/// A port with no reader at all (PC/SC answers "no readers"), asked again as the app asks.
pub struct NoReader;

impl CardPort for NoReader {
    fn live(&self) -> bool {
        true
    }
    fn wait(
        &mut self,
        _: WaitFor,
        _: Option<&str>,
        _: Duration,
        _: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        Err(TransportError::NoReaders)
    }
    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Err(TransportError::NoReaders)
    }
    fn with_card(
        &mut self,
        _: Option<&str>,
        _: &StopFlag,
        _: &dyn Fn(Event),
        _: CardOp<'_>,
    ) -> Result<(), CardError> {
        Err(CardError::Transport(TransportError::NoReaders))
    }
}
