//! The harness of the app's click-throughs: the app on a card port, driven headless by
//! egui_kittest through the AccessKit tree (by the labels a screen reader would read), and
//! waited on through the card's thread's own updates, never with a sleep.
#![allow(dead_code)]

use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use mynapin_apdu::part10::{PinModifyStructure, PinVerifyStructure};
use mynapin_apdu::{Command, Response};
use mynapin_app::port::Shared;
use mynapin_app::port::{CardOp, CardPort};
use mynapin_app::{App, Settings};
use mynapin_core::card::{CardError, MyNumberCard};
use mynapin_core::open::Event;
use mynapin_core::transport::pcsc::WaitFor;
use mynapin_core::transport::{Capabilities, PinPadInfo, StopFlag, Transport, TransportError};
use mynapin_sim::SimCard;
use mynapin_words::Lang;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::Mutex;
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
    let mut h = builder().build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    settle(&mut h);
    (h, opened)
}

/// The harness every test of the app runs in: the app's own fonts only (a character they
/// lack fails the test), kittest's accessibility check on (an interactive widget without an
/// accessible name fails the test), a window that shows a whole screen.
pub fn builder<S>() -> egui_kittest::HarnessBuilder<S> {
    Harness::builder()
        .with_size(egui::vec2(760.0, 1100.0))
        .with_context_setup(|ctx| ctx.set_fonts(mynapin_app::fonts::definitions()))
}

/// Runs frames until the window is still, waiting on the card's thread while it works (a
/// spinner repaints for as long as it works: those frames are stepped, not run to rest).
pub fn settle(h: &mut Harness<'static, App>) {
    loop {
        let _ = h.try_run();
        if !h.state().busy() {
            // Whatever else the thread said meanwhile.
            if h.state_mut().wait_for_card(Duration::ZERO) {
                continue;
            }
            break;
        }
        assert!(
            h.state_mut().wait_for_card(Duration::from_secs(60)),
            "the card's thread said nothing for 60 s"
        );
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

/// Ticks (or unticks) the PIN whose name starts the label of a checkbox.
pub fn tick(h: &mut Harness<'static, App>, pin: &str) {
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::CheckBox && n.label().is_some_and(|l| l.starts_with(pin))
    })
    .click();
    settle(h);
}

/// True when some widget's label contains `text`.
pub fn shows(h: &Harness<'static, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
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

/// How a test's reader treats one operation's exchanges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A plain reader.
    Plain,
    /// The card is pulled out while it works on the `n`-th change command of an operation
    /// (it acts on it, the answer is lost, every later command finds no card).
    PulledAtChange(u32),
    /// A reader with a PIN pad (PC/SC part 10 verify and modify), whose keys the test
    /// scripts: each entry is a string of digits, "cancel" or "timeout".
    Pad,
}

/// The simulated card in a reader the test scripts: every operation opens the card as the
/// core does (`MyNumberCard::open` on the transport), after the first (the status read) on
/// the reader `later`.
pub struct ScriptedPort {
    pub card: Shared,
    pub later: Reader,
    pub keys: Arc<Mutex<VecDeque<String>>>,
    ops: usize,
}

impl ScriptedPort {
    pub fn new(card: Shared, later: Reader) -> ScriptedPort {
        ScriptedPort {
            card,
            later,
            keys: Arc::default(),
            ops: 0,
        }
    }
}

impl CardPort for ScriptedPort {
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
        self.ops += 1;
        let reader = match (self.ops, self.later) {
            (_, Reader::Pad) => Reader::Pad,
            (1, _) => Reader::Plain,
            (_, r) => r,
        };
        let mut card = self.card.lock().unwrap();
        let mut t = Scripted {
            card: &mut card,
            reader,
            changes: 0,
            gone: false,
            keys: self.keys.clone(),
        };
        let result = MyNumberCard::open(&mut t).map(|mut c| op(&mut c));
        t.card.power_off();
        result
    }
}

const VERIFY: u32 = 0x4233_0006;
const MODIFY: u32 = 0x4233_0007;

struct Scripted<'a> {
    card: &'a mut SimCard,
    reader: Reader,
    changes: u32,
    gone: bool,
    keys: Arc<Mutex<VecDeque<String>>>,
}

fn is_change(apdu: &[u8]) -> bool {
    apdu.starts_with(&[0x00, 0x24, 0x01, 0x80]) || apdu.starts_with(&[0x80, 0x32, 0x00, 0x80])
}

impl Transport for Scripted<'_> {
    fn transmit_raw(&mut self, command: &Command) -> Result<Response, TransportError> {
        if self.gone {
            return Err(TransportError::CardRemoved);
        }
        let bytes = command.to_bytes();
        if is_change(&bytes) {
            self.changes += 1;
            if self.reader == Reader::PulledAtChange(self.changes) {
                let _ = self.card.process(&bytes);
                self.card.power_off();
                self.gone = true;
                return Ok(Response::parse(&[])?);
            }
        }
        Ok(Response::parse(&self.card.process(&bytes))?)
    }
    fn reader_name(&self) -> String {
        "test reader".into()
    }
    fn capabilities(&self) -> Capabilities {
        if self.reader != Reader::Pad {
            return Capabilities::default();
        }
        Capabilities {
            secure_pin_entry: true,
            pin_pad: Some(PinPadInfo {
                features: vec![(6, VERIFY), (7, MODIFY)],
                verify: Some(VERIFY),
                modify: Some(MODIFY),
                min_pin: Some(4),
                max_pin: Some(8),
                ..PinPadInfo::default()
            }),
        }
    }
    /// The pad types the scripted keys into the command's template, as a reader does: the
    /// host never sees them.
    fn control(&mut self, code: u32, data: &[u8]) -> Result<Vec<u8>, TransportError> {
        let (template, entries) = if code == VERIFY {
            (PinVerifyStructure::parse(data).unwrap().template, 1)
        } else {
            assert_eq!(code, MODIFY);
            let m = PinModifyStructure::parse(data).unwrap();
            (m.template.clone(), m.entries())
        };
        let mut typed = Vec::new();
        for _ in 0..entries {
            let key = self
                .keys
                .lock()
                .unwrap()
                .pop_front()
                .expect("a keypad entry");
            match key.as_str() {
                "cancel" => return Ok(vec![0x64, 0x01]),
                "timeout" => return Ok(vec![0x64, 0x00]),
                d if d.len() != 4 => return Ok(vec![0x64, 0x03]),
                _ => typed.push(key),
            }
        }
        if typed.len() == 2 && typed[0] != typed[1] {
            return Ok(vec![0x64, 0x02]);
        }
        let mut apdu = template[..5].to_vec();
        apdu[4] = 4;
        apdu.extend_from_slice(typed[typed.len() - 1].as_bytes());
        Ok(self.card.process(&apdu))
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

/// What a test does to its reader: place a card, take it out.
pub enum Hand {
    Place(Shared),
    Remove,
}

/// Readers the test controls, watched by the app as a PC/SC reader is: a card comes when the
/// test places it (an event on a channel the port waits on, for as long as a reader's wait
/// would), and goes when the test takes it out. `names` are the readers it reports; `picked`
/// records the holder's choice of reader.
pub struct HandPort {
    pub names: Vec<String>,
    pub picked: Arc<Mutex<Vec<Option<String>>>>,
    hand: std::sync::mpsc::Receiver<Hand>,
    card: Option<Shared>,
}

impl HandPort {
    pub fn new(names: &[&str]) -> (HandPort, std::sync::mpsc::Sender<Hand>) {
        let (tx, hand) = std::sync::mpsc::channel();
        (
            HandPort {
                names: names.iter().map(|s| s.to_string()).collect(),
                picked: Arc::default(),
                hand,
                card: None,
            },
            tx,
        )
    }
}

impl CardPort for HandPort {
    fn live(&self) -> bool {
        true
    }
    fn wait(
        &mut self,
        what: WaitFor,
        _: Option<&str>,
        slice: Duration,
        _: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        match self.hand.recv_timeout(slice) {
            Ok(Hand::Place(card)) => self.card = Some(card),
            Ok(Hand::Remove) => self.card = None,
            Err(_) => {}
        }
        let there = self.card.is_some();
        Ok(match what {
            WaitFor::Card if there => Some(self.names[0].clone()),
            WaitFor::Removal if !there => Some(self.names[0].clone()),
            _ => None,
        })
    }
    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Ok(self.names.clone())
    }
    fn select(&mut self, reader: Option<String>) {
        self.picked.lock().unwrap().push(reader);
    }
    fn with_card(
        &mut self,
        _: Option<&str>,
        _: &StopFlag,
        _: &dyn Fn(Event),
        op: CardOp<'_>,
    ) -> Result<(), CardError> {
        let Some(card) = &self.card else {
            return Err(CardError::Transport(TransportError::NoCard {
                reader: self.names[0].clone(),
            }));
        };
        let mut card = card.lock().unwrap();
        let mut t = mynapin_core::transport::in_process::InProcess::new(&mut *card, "hand");
        let mut c = MyNumberCard::open(&mut t)?;
        op(&mut c);
        Ok(())
    }
}

/// Waits on the card's thread, update by update, until the screen shows `text`.
pub fn until_shows(h: &mut Harness<'static, App>, text: &str) {
    h.run();
    while !shows(h, text) {
        assert!(
            h.state_mut().wait_for_card(Duration::from_secs(60)),
            "the card's thread said nothing for 60 s, and the screen lacks {text:?}: {}",
            screen(h)
        );
        let _ = h.try_run();
    }
    settle(h);
}

/// A reader where things go wrong: the wait for a card fails with `waiting()` (when set), or
/// the card is there but opening it fails with `opening()`.
pub struct Failing {
    pub waiting: Option<fn() -> TransportError>,
    pub opening: fn() -> CardError,
}

impl CardPort for Failing {
    fn live(&self) -> bool {
        true
    }
    fn wait(
        &mut self,
        what: WaitFor,
        _: Option<&str>,
        slice: Duration,
        _: &StopFlag,
    ) -> Result<Option<String>, TransportError> {
        match (self.waiting, what) {
            (Some(e), _) => Err(e()),
            (None, WaitFor::Card) => Ok(Some("Reader A".into())),
            // The card stays: the wait for its removal lasts its slice, as a reader's does.
            (None, WaitFor::Removal) => {
                let (_tx, rx) = std::sync::mpsc::channel::<()>();
                let _ = rx.recv_timeout(slice);
                Ok(None)
            }
        }
    }
    fn readers(&mut self) -> Result<Vec<String>, TransportError> {
        Ok(vec!["Reader A".into()])
    }
    fn with_card(
        &mut self,
        _: Option<&str>,
        _: &StopFlag,
        _: &dyn Fn(Event),
        _: CardOp<'_>,
    ) -> Result<(), CardError> {
        Err((self.opening)())
    }
}
