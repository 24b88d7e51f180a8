//! The simulated keypad: scripted entries read from a file or FIFO, one per line.
//!
//! * a line of digits — the holder types them and presses OK;
//! * `cancel` — the holder presses Cancel;
//! * `timeout` — the holder types nothing (the reader answers at once as if its timer ran
//!   out, so tests need not wait);
//! * blank lines and lines starting with `#` are skipped; anything else is skipped with a
//!   note on stderr that does not repeat the line (it might be a PIN typed wrongly).
//!
//! One thread per path reads the lines and queues them; an entry is taken only when the
//! reader asks for one, so lines written before a PIN-pad command wait for it. A FIFO is
//! opened read-write, so that opening it never blocks (for us or for a writer) and the reader
//! never sees end-of-file; a regular file is followed like `tail -f`. The thread and queue of
//! a path live as long as the process: a reader closed and opened again (pcscd restarting a
//! reader) gets the same queue instead of a second thread stealing lines.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use zeroize::{Zeroize, Zeroizing};

/// One keypad entry. Digits are zeroized on drop and never printed.
pub enum Entry {
    Digits(Zeroizing<Vec<u8>>),
    Cancel,
    Timeout,
}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Entry::Digits(d) => write!(f, "Digits({} digits, REDACTED)", d.len()),
            Entry::Cancel => write!(f, "Cancel"),
            Entry::Timeout => write!(f, "Timeout"),
        }
    }
}

/// What a script line means.
#[derive(Debug)]
pub enum Line {
    Entry(Entry),
    Skip,
    Unrecognised,
}

/// The longest digit string a line may hold (a keypad has no longer buffer).
pub const MAX_LINE_DIGITS: usize = 32;

pub fn parse_line(line: &str) -> Line {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return Line::Skip;
    }
    match t {
        "cancel" => Line::Entry(Entry::Cancel),
        "timeout" => Line::Entry(Entry::Timeout),
        d if d.len() <= MAX_LINE_DIGITS && d.bytes().all(|b| b.is_ascii_digit()) => {
            Line::Entry(Entry::Digits(Zeroizing::new(d.as_bytes().to_vec())))
        }
        _ => Line::Unrecognised,
    }
}

/// The queue of a keypad script.
#[derive(Clone)]
pub struct Keypad {
    queue: Option<Queue>,
}

type Queue = Arc<Mutex<Receiver<Entry>>>;

fn queues() -> &'static Mutex<HashMap<PathBuf, Queue>> {
    static QUEUES: OnceLock<Mutex<HashMap<PathBuf, Queue>>> = OnceLock::new();
    QUEUES.get_or_init(|| Mutex::new(HashMap::new()))
}

impl Keypad {
    /// A keypad nobody types on: every entry times out.
    pub fn none() -> Keypad {
        Keypad { queue: None }
    }

    /// The keypad scripted by `path`, which must exist (a FIFO or a regular file).
    pub fn open(path: &Path) -> std::io::Result<Keypad> {
        let mut map = queues().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(q) = map.get(path) {
            return Ok(Keypad {
                queue: Some(Arc::clone(q)),
            });
        }
        let is_fifo = std::fs::metadata(path)?.file_type().is_fifo();
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(is_fifo)
            .open(path)?;
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("pinpad-keypad".into())
            .spawn(move || read_script(file, is_fifo, tx))?;
        let q = Arc::new(Mutex::new(rx));
        map.insert(path.to_path_buf(), Arc::clone(&q));
        Ok(Keypad { queue: Some(q) })
    }

    /// The next entry, waiting up to `wait`; `Entry::Timeout` if none comes.
    pub fn next(&self, wait: Duration) -> Entry {
        let Some(q) = &self.queue else {
            return Entry::Timeout;
        };
        let rx = q.lock().unwrap_or_else(|e| e.into_inner());
        match rx.recv_timeout(wait) {
            Ok(e) => e,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => Entry::Timeout,
        }
    }
}

fn read_script(file: std::fs::File, is_fifo: bool, tx: mpsc::Sender<Entry>) {
    let mut reader = BufReader::new(file);
    let mut line = String::new();
    loop {
        line.zeroize();
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => {
                // End of a regular file: wait for more lines (a FIFO opened read-write never
                // ends; should it, stop).
                if is_fifo {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Ok(_) => match parse_line(&line) {
                Line::Entry(e) => {
                    if tx.send(e).is_err() {
                        return;
                    }
                }
                Line::Skip => {}
                Line::Unrecognised => {
                    eprintln!("mynapin-pinpad-ifd: keypad: unrecognised script line skipped");
                }
            },
            Err(e) => {
                eprintln!("mynapin-pinpad-ifd: keypad: read error: {e}; keypad stops");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn digits(e: Entry) -> Vec<u8> {
        match e {
            Entry::Digits(d) => d.to_vec(),
            other => panic!("expected digits, got {other:?}"),
        }
    }

    #[test]
    fn lines() {
        assert!(matches!(
            parse_line("  1234 \n"),
            Line::Entry(Entry::Digits(_))
        ));
        assert!(matches!(parse_line("cancel\n"), Line::Entry(Entry::Cancel)));
        assert!(matches!(parse_line("timeout"), Line::Entry(Entry::Timeout)));
        assert!(matches!(parse_line("\n"), Line::Skip));
        assert!(matches!(parse_line("# comment"), Line::Skip));
        assert!(matches!(parse_line("12a4"), Line::Unrecognised));
        assert!(matches!(parse_line("CANCEL"), Line::Unrecognised));
        assert!(matches!(parse_line(&"1".repeat(33)), Line::Unrecognised));
    }

    #[test]
    fn debug_never_shows_digits() {
        let e = Entry::Digits(Zeroizing::new(b"4321".to_vec()));
        let s = format!("{e:?}");
        assert!(!s.contains("4321") && s.contains("REDACTED"), "{s}");
    }

    #[test]
    fn regular_file_script_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keypad");
        std::fs::write(&path, "1234\n\n# x\nbad line\ncancel\n").unwrap();
        let k = Keypad::open(&path).unwrap();
        let wait = Duration::from_secs(5);
        assert_eq!(digits(k.next(wait)), b"1234");
        assert!(matches!(k.next(wait), Entry::Cancel));
        // Nothing more yet: a short wait times out.
        assert!(matches!(k.next(Duration::from_millis(50)), Entry::Timeout));
        // Lines appended later are read.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        writeln!(f, "0000").unwrap();
        assert_eq!(digits(k.next(wait)), b"0000");
        // Opening the same path again shares the queue.
        let again = Keypad::open(&path).unwrap();
        writeln!(f, "timeout").unwrap();
        assert!(matches!(again.next(wait), Entry::Timeout));
    }

    #[test]
    fn fifo_script() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fifo");
        let ok = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "mkfifo failed");
        let k = Keypad::open(&path).unwrap();
        // Opening for writing does not block: the keypad holds the FIFO open.
        let mut w = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        writeln!(w, "5678").unwrap();
        drop(w);
        assert_eq!(digits(k.next(Duration::from_secs(5))), b"5678");
        // A writer that closed is no end of file for the keypad.
        let mut w = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        writeln!(w, "cancel").unwrap();
        assert!(matches!(k.next(Duration::from_secs(5)), Entry::Cancel));
    }

    #[test]
    fn no_keypad_times_out() {
        assert!(matches!(
            Keypad::none().next(Duration::from_millis(1)),
            Entry::Timeout
        ));
    }
}
