//! What Windows does differently from Unix, in one place: the console's Ctrl-C and close
//! events, and the user's language.
//!
//! - Windows programs do not see Ctrl-C as a C signal but as a console control event
//!   (`SetConsoleCtrlHandler`); the C runtime's `signal()` emulation is not used (under Wine
//!   it even crashes the program). Ctrl-C, Ctrl-Break, closing the console window, logging off
//!   and shutting down all set the stop flag to SIGINT's number, as Ctrl-C does on Unix: the
//!   operation stops between two card commands, reports what it did and exits with 130. When
//!   the window is closed, Windows ends the process soon after (about 5 s at most): a command
//!   already sent finishes or is cut off with the process, no new one starts.
//! - Windows sets no `LANG`: without `--lang`, `LC_ALL`, `LC_MESSAGES` or `LANG`, the language
//!   is the user's Windows display language (`mynapin_words::Lang::from_env`).
//!
//! The code of this crate has no `unsafe`: the system calls come from `ctrlc`.

use mynapin_core::transport::StopFlag;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// SIGINT's number, which the stop flag holds after Ctrl-C on every system (exit 128 + 2).
const SIGINT: usize = 2;

/// Sets `flag` to SIGINT's number on every console control event.
pub fn stop_on_console_events(flag: &StopFlag) {
    let flag = Arc::clone(flag);
    // Fails only when a handler was already set (it is set once, here) or the system refuses;
    // then Ctrl-C ends the process as it does any Windows program.
    let _ = ctrlc::set_handler(move || flag.store(SIGINT, Ordering::SeqCst));
}
