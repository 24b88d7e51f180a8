//! PIN entry that leaves no copy behind: a buffer the app owns and wipes, an on-screen keypad
//! for the three 4-digit PINs (no text field, no input method, no undo history), and for the
//! signature password a field of the app's own rather than egui's `TextEdit` — which keeps a
//! plain copy of its text in its undo history and another every frame (emilk/egui#3436).
//!
//! Keys typed at the keyboard arrive as egui events carrying the text; the field takes each
//! one into its buffer and wipes the event's own string in place, so egui's copy of the input
//! is overwritten before the frame ends. (What the windowing system and the input method held
//! before egui got the text is beyond the app's reach; the on-screen keypad never creates
//! such text at all.)

use egui::accesskit::Role;
use egui::{Event, Key, Response, Sense, Ui, WidgetInfo};
use zeroize::{Zeroize, Zeroizing};

/// Room reserved up front so that typing never moves the buffer (a move would leave the old
/// allocation unwiped): the longest entry the card layer accepts is far below this.
const ROOM: usize = 256;

/// One entry in progress.
pub struct SecretBuf {
    text: Zeroizing<String>,
    max_chars: usize,
}

impl SecretBuf {
    /// An empty entry of at most `max_chars` characters.
    pub fn new(max_chars: usize) -> SecretBuf {
        SecretBuf {
            text: Zeroizing::new(String::with_capacity(ROOM)),
            max_chars,
        }
    }

    /// Characters entered.
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Nothing entered.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Adds what was typed, as far as the limit and the reserved room allow.
    pub fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.len() >= self.max_chars || self.text.len() + c.len_utf8() > ROOM {
                return;
            }
            self.text.push(c);
        }
    }

    /// Removes the last character.
    pub fn pop(&mut self) {
        if let Some(c) = self.text.pop() {
            let mut c = c;
            c.zeroize();
        }
    }

    /// Wipes the entry.
    pub fn clear(&mut self) {
        self.text.zeroize();
    }

    /// The entry, moved out (the buffer is left empty, with fresh room).
    pub fn take(&mut self) -> Zeroizing<String> {
        std::mem::replace(&mut self.text, Zeroizing::new(String::with_capacity(ROOM)))
    }

    /// The entry as it stands, for a local check before anything is sent.
    pub fn expose(&self) -> &str {
        &self.text
    }
}

/// Takes the text of this frame's keyboard events into `buf` (digits only when `digits`),
/// wiping each event's own text, and Backspace as a deletion. Returns true when it changed.
fn take_typing(ui: &Ui, buf: &mut SecretBuf, digits: bool) -> bool {
    let mut changed = false;
    ui.input_mut(|i| {
        for e in i.events.iter_mut() {
            match e {
                Event::Text(t) | Event::Paste(t) | Event::Ime(egui::ImeEvent::Commit(t)) => {
                    let take: String = if digits {
                        t.chars()
                            .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                            .collect()
                    } else {
                        t.chars().filter(|c| !c.is_control()).collect()
                    };
                    let mut take = Zeroizing::new(take);
                    buf.push_str(&take);
                    take.zeroize();
                    t.zeroize();
                    changed = true;
                }
                Event::Ime(egui::ImeEvent::Preedit { text, .. }) => text.zeroize(),
                Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    ..
                } => {
                    buf.pop();
                    changed = true;
                }
                _ => {}
            }
        }
        // egui keeps a second copy of the frame's events in `raw` (InputState::begin_pass
        // clones them) and frees it unwiped at the next frame: wipe that copy's text too.
        for e in i.raw.events.iter_mut() {
            match e {
                Event::Text(t)
                | Event::Paste(t)
                | Event::Ime(egui::ImeEvent::Commit(t))
                | Event::Ime(egui::ImeEvent::Preedit { text: t, .. }) => t.zeroize(),
                _ => {}
            }
        }
    });
    changed
}

/// The entry shown as marks: ●●○○ for a 4-digit PIN, ● per character of a password.
fn marks(buf: &SecretBuf, slots: Option<usize>) -> String {
    match slots {
        Some(n) => (0..n)
            .map(|i| if i < buf.len() { '●' } else { '○' })
            .collect::<String>()
            .chars()
            .flat_map(|c| [c, ' '])
            .collect::<String>()
            .trim_end()
            .to_string(),
        None => "●".repeat(buf.len()),
    }
}

/// A field for the signature password: focusable, named for screen readers, showing one mark
/// per character. `label` is its accessible name.
pub fn password_field(ui: &mut Ui, buf: &mut SecretBuf, label: &str) -> Response {
    let height = ui.text_style_height(&egui::TextStyle::Heading) * 1.6;
    let width = ui.available_width().min(480.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    if response.clicked() {
        response.request_focus();
    }
    let focused = response.has_focus();
    if focused {
        // Keep Tab and the arrow keys for moving between widgets; take the typing.
        if take_typing(ui, buf, false) {
            ui.ctx().request_repaint();
        }
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                // The system keeps no history or suggestions for a password.
                purpose: egui::IMEPurpose::Password,
                rect,
                cursor_rect: rect,
                should_interrupt_composition: false,
            })
        });
    }
    let visuals = ui.style().interact_selectable(&response, focused);
    ui.painter().rect(
        rect,
        4.0,
        visuals.bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    ui.painter().text(
        rect.left_center() + egui::vec2(10.0, 0.0),
        egui::Align2::LEFT_CENTER,
        marks(buf, None),
        egui::TextStyle::Heading.resolve(ui.style()),
        visuals.text_color(),
    );
    let count = buf.len();
    let label = label.to_string();
    response.widget_info(move || {
        let mut info = WidgetInfo::labeled(Role::PasswordInput, true, &label);
        // The screen reader hears how many characters there are, never which.
        info.current_text_value = Some("●".repeat(count));
        info
    });
    response
}

/// What a keypad key does.
#[derive(Clone, Copy)]
enum KeyAction {
    Digit(u8),
    Back,
    Clear,
}

/// The on-screen keypad for a 4-digit PIN: ten digit keys in the order of a telephone, a key
/// that removes the last digit and one that clears, and the marks above them. The digits
/// typed at the keyboard are taken too. `names`: the accessible names of the two editing
/// keys and of the marks (the digits are named by themselves).
pub fn keypad(ui: &mut Ui, buf: &mut SecretBuf, names: &KeypadNames) -> bool {
    let mut changed = take_typing(ui, buf, true);
    let big = egui::TextStyle::Heading.resolve(ui.style());
    let shown = ui.label(egui::RichText::new(marks(buf, Some(4))).font(big.clone()));
    let status = names.entered.clone();
    let n = buf.len();
    shown.widget_info(move || WidgetInfo::labeled(Role::Label, true, format!("{status} {n}/4")));
    let size = egui::vec2(96.0, 64.0);
    let rows: [[KeyAction; 3]; 4] = [
        [
            KeyAction::Digit(1),
            KeyAction::Digit(2),
            KeyAction::Digit(3),
        ],
        [
            KeyAction::Digit(4),
            KeyAction::Digit(5),
            KeyAction::Digit(6),
        ],
        [
            KeyAction::Digit(7),
            KeyAction::Digit(8),
            KeyAction::Digit(9),
        ],
        [KeyAction::Clear, KeyAction::Digit(0), KeyAction::Back],
    ];
    egui::Grid::new(ui.next_auto_id())
        .spacing(egui::vec2(10.0, 10.0))
        .min_col_width(size.x)
        .show(ui, |ui| {
            for row in rows {
                for key in row {
                    let text = match key {
                        KeyAction::Digit(d) => d.to_string(),
                        KeyAction::Back => names.back.clone(),
                        KeyAction::Clear => names.clear.clone(),
                    };
                    let font = match key {
                        KeyAction::Digit(_) => big.clone(),
                        _ => egui::TextStyle::Body.resolve(ui.style()),
                    };
                    let button =
                        egui::Button::new(egui::RichText::new(text).font(font)).min_size(size);
                    if ui.add(button).clicked() {
                        match key {
                            KeyAction::Digit(d) => {
                                let c = [b'0' + d];
                                buf.push_str(std::str::from_utf8(&c).unwrap_or_default());
                            }
                            KeyAction::Back => buf.pop(),
                            KeyAction::Clear => buf.clear(),
                        }
                        changed = true;
                    }
                }
                ui.end_row();
            }
        });
    changed
}

/// The words of the keypad's own keys.
pub struct KeypadNames {
    /// "1文字消す".
    pub back: String,
    /// "すべて消す".
    pub clear: String,
    /// "入力済み" (the marks' accessible name, followed by n/4).
    pub entered: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_never_moves_and_keeps_its_limit() {
        let mut b = SecretBuf::new(4);
        let before = b.expose().as_ptr();
        b.push_str("12345");
        assert_eq!(b.len(), 4);
        assert_eq!(b.expose().as_ptr(), before, "typing moved the buffer");
        b.pop();
        assert_eq!(b.expose(), "123");
        let taken = b.take();
        assert_eq!(&*taken, "123");
        assert!(b.is_empty());
    }

    #[test]
    fn marks_show_how_many_not_which() {
        let mut b = SecretBuf::new(4);
        b.push_str("12");
        assert_eq!(marks(&b, Some(4)), "● ● ○ ○");
        assert_eq!(marks(&b, None), "●●");
    }
}
