//! Reading PINs: from the terminal without echo, or one per line from standard input
//! (`--pin-stdin`) or a file descriptor (`--pin-fd N`). Never from argv or the environment.
//!
//! * Unbuffered: bytes are read one at a time straight from the file descriptor into a
//!   zeroizing buffer, so no library buffer keeps a copy of a PIN (std's `stdin()` would).
//! * Bounded: an entry longer than [`MAX_ENTRY`] bytes (an endless `/dev/zero`) is an error,
//!   and no entry is waited for longer than the time limit.
//! * Interruptible: Ctrl-C or SIGTERM at a prompt restores the terminal's echo and ends the
//!   entry as cancelled; Ctrl-D ends it as "input ended".

use super::error::io_reason;
use super::lang::{msg, Lang};
use mynapin_core::card::session::EntryError;
use mynapin_core::transport::StopFlag;
use std::fs::File;
use std::io::Read;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use zeroize::{Zeroize, Zeroizing};

/// No PIN is longer than 16 characters; a full-width one is 48 bytes.
pub const MAX_ENTRY: usize = 256;

/// How long a typed entry is waited for.
#[cfg_attr(not(unix), allow(dead_code))]
pub const TYPED_LIMIT: Duration = Duration::from_secs(600);

/// How long a line from standard input or a descriptor is waited for.
pub const PIPED_LIMIT: Duration = Duration::from_secs(120);

/// Where PINs come from, and the language of the reasons when they cannot be read.
pub struct Input {
    lang: Lang,
    source: Source,
    /// The last entry read ended with the input, not with a line end.
    cut: bool,
}

enum Source {
    /// The controlling terminal, without echo.
    Terminal,
    /// Lines of a non-terminal stream (stdin or a file descriptor), read unbuffered.
    Lines(File),
}

/// Why the PIN source could not be set up (a usage error: nothing was sent).
#[derive(Debug)]
pub struct SetupError(pub String);

impl Input {
    /// From the flags. `--pin-stdin` on a terminal still reads without echo.
    pub fn new(lang: Lang, pin_stdin: bool, pin_fd: Option<u32>) -> Result<Input, SetupError> {
        use std::io::IsTerminal;
        let source = if let Some(fd) = pin_fd {
            Source::Lines(open_fd(lang, fd)?)
        } else if pin_stdin && !std::io::stdin().is_terminal() {
            Source::Lines(stdin_unbuffered(lang)?)
        } else {
            Source::Terminal
        };
        Ok(Input {
            lang,
            source,
            cut: false,
        })
    }

    /// True when a person types at a terminal.
    pub fn interactive(&self) -> bool {
        matches!(self.source, Source::Terminal)
    }

    /// Reads one entry; `prompt` is shown on the terminal.
    pub fn read(&mut self, prompt: &str, stop: &StopFlag) -> Result<Zeroizing<String>, EntryError> {
        let (entry, cut) = match &mut self.source {
            Source::Terminal => terminal::read_hidden(self.lang, prompt, stop).map(|e| (e, false)),
            Source::Lines(f) => read_line_end(self.lang, f, stop, PIPED_LIMIT),
        }?;
        self.cut = cut;
        Ok(entry)
    }

    /// True when the last entry read ended with the end of the input instead of a line end:
    /// the input may have been cut off there.
    pub fn last_entry_cut_off(&self) -> bool {
        self.cut
    }
}

#[cfg(unix)]
fn open_fd(lang: Lang, fd: u32) -> Result<File, SetupError> {
    if fd == 1 || fd == 2 {
        return Err(SetupError(msg::prompt_fd_is_output(lang, fd)));
    }
    if fd == 0 {
        return stdin_unbuffered(lang);
    }
    File::open(format!("/dev/fd/{fd}")).map_err(|e| {
        SetupError(msg::prompt_fd_cannot_open(
            lang,
            msg::PromptFdCannotOpen {
                fd,
                reason: io_reason(lang, &e),
            },
        ))
    })
}

#[cfg(not(unix))]
fn open_fd(lang: Lang, _fd: u32) -> Result<File, SetupError> {
    Err(SetupError(msg::prompt_fd_unsupported(lang)))
}

/// Standard input as an unbuffered file (a duplicate of the descriptor / handle).
fn stdin_unbuffered(lang: Lang) -> Result<File, SetupError> {
    #[cfg(unix)]
    let owned = {
        use std::os::fd::AsFd;
        std::io::stdin().as_fd().try_clone_to_owned()
    };
    #[cfg(windows)]
    let owned = {
        use std::os::windows::io::AsHandle;
        std::io::stdin().as_handle().try_clone_to_owned()
    };
    owned
        .map(File::from)
        .map_err(|e| SetupError(msg::prompt_stdin_unreadable(lang, io_reason(lang, &e))))
}

/// Waits until `f` has a byte to read, the stop flag is set, or `deadline` passes.
#[cfg(unix)]
fn wait_readable(
    lang: Lang,
    f: &File,
    stop: &StopFlag,
    deadline: Instant,
) -> Result<(), EntryError> {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    loop {
        let signal = stop.load(Ordering::SeqCst);
        if signal != 0 {
            return Err(EntryError::Cancelled {
                signal: signal as i32,
            });
        }
        let now = Instant::now();
        if now >= deadline {
            return Err(EntryError::TimedOut {
                secs: deadline.duration_since(now).as_secs(),
            });
        }
        let mut fds = [PollFd::new(f, PollFlags::IN)];
        let slice = Timespec {
            tv_sec: 0,
            tv_nsec: 100_000_000,
        };
        match poll(&mut fds, Some(&slice)) {
            Ok(0) => continue,
            Ok(_) => return Ok(()),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(unreadable(lang, e)),
        }
    }
}

#[cfg(not(unix))]
fn wait_readable(
    _lang: Lang,
    _f: &File,
    stop: &StopFlag,
    _deadline: Instant,
) -> Result<(), EntryError> {
    let signal = stop.load(Ordering::SeqCst);
    if signal != 0 {
        return Err(EntryError::Cancelled {
            signal: signal as i32,
        });
    }
    Ok(())
}

/// One line, byte by byte into a zeroizing buffer; the trailing `\n` / `\r\n` is removed.
/// `Ended` at end of input with nothing read. (The Unix terminal reads with it; elsewhere the
/// prompt is rpassword's.)
#[cfg(any(unix, test))]
fn read_line(
    lang: Lang,
    f: &mut File,
    stop: &StopFlag,
    limit: Duration,
) -> Result<Zeroizing<String>, EntryError> {
    read_line_end(lang, f, stop, limit).map(|(line, _)| line)
}

/// [`read_line`], and whether the line ended with the input (no `\n`: it may be cut off).
fn read_line_end(
    lang: Lang,
    f: &mut File,
    stop: &StopFlag,
    limit: Duration,
) -> Result<(Zeroizing<String>, bool), EntryError> {
    let deadline = Instant::now()
        .checked_add(limit)
        .unwrap_or_else(Instant::now);
    let mut bytes = Zeroizing::new(Vec::with_capacity(64));
    let mut byte = [0u8; 1];
    let mut any = false;
    let result = loop {
        if let Err(e) = wait_readable(lang, f, stop, deadline) {
            break Err(e);
        }
        match f.read(&mut byte) {
            Ok(0) => break Ok(true),
            Ok(_) => {
                any = true;
                if byte[0] == b'\n' {
                    break Ok(false);
                }
                if bytes.len() >= MAX_ENTRY {
                    break Err(EntryError::TooLong { max: MAX_ENTRY });
                }
                bytes.push(byte[0]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => break Err(unreadable(lang, e)),
        }
    };
    byte.zeroize();
    let cut = result?;
    if !any {
        return Err(EntryError::Ended {
            got: 0,
            expected: 0,
        });
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    // Invalid UTF-8 becomes U+FFFD, which the PIN rules then refuse.
    Ok((
        Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()),
        cut,
    ))
}

#[cfg(unix)]
mod terminal {
    use super::*;
    use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions, Termios};
    use std::io::Write;

    /// Restores the terminal's modes when dropped (on every path: entry, error, signal).
    struct Restore<'a> {
        tty: &'a File,
        saved: Termios,
    }

    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            let _ = tcsetattr(self.tty, OptionalActions::Flush, &self.saved);
        }
    }

    fn open_tty(lang: Lang) -> Result<File, EntryError> {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .map_err(|e| EntryError::Unreadable(msg::prompt_no_terminal(lang, io_reason(lang, &e))))
    }

    /// Shows `prompt`, reads a line with echo off.
    pub fn read_hidden(
        lang: Lang,
        prompt: &str,
        stop: &StopFlag,
    ) -> Result<Zeroizing<String>, EntryError> {
        let mut tty = open_tty(lang)?;
        let saved = tcgetattr(&tty).map_err(|e| unreadable(lang, e))?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        quiet.local_modes.insert(LocalModes::ECHONL);
        let result = {
            let _restore = Restore {
                tty: &tty,
                saved: saved.clone(),
            };
            // Echo off before the prompt shows: what is typed once it shows is never echoed
            // nor lost. `Flush` drops only what was typed before (and was echoed).
            tcsetattr(&tty, OptionalActions::Flush, &quiet).map_err(|e| unreadable(lang, e))?;
            let mut shown = tty.try_clone().map_err(|e| unreadable(lang, e))?;
            let _ = write!(shown, "{prompt}");
            let _ = shown.flush();
            let mut reader = tty.try_clone().map_err(|e| unreadable(lang, e))?;
            read_line(lang, &mut reader, stop, TYPED_LIMIT)
        };
        if matches!(
            result,
            Err(EntryError::Cancelled { .. } | EntryError::Ended { .. })
        ) {
            // The cursor is still after the prompt.
            let _ = writeln!(tty);
        }
        result
    }

    /// Shows `question`, reads a visible line (a confirmation, not a secret).
    pub fn read_visible(lang: Lang, question: &str, stop: &StopFlag) -> Result<String, EntryError> {
        let mut tty = open_tty(lang)?;
        let _ = write!(tty, "{question} ");
        let _ = tty.flush();
        let line = read_line(lang, &mut tty, stop, TYPED_LIMIT)?;
        Ok(line.trim().to_string())
    }
}

#[cfg(not(unix))]
mod terminal {
    use super::*;

    /// Shows `prompt`, reads a line with echo off (rpassword; Ctrl-C ends the process here).
    pub fn read_hidden(
        lang: Lang,
        prompt: &str,
        _stop: &StopFlag,
    ) -> Result<Zeroizing<String>, EntryError> {
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(|e| EntryError::Unreadable(msg::prompt_no_terminal(lang, io_reason(lang, &e))))
    }

    /// Shows `question`, reads a visible line.
    pub fn read_visible(
        lang: Lang,
        question: &str,
        _stop: &StopFlag,
    ) -> Result<String, EntryError> {
        eprint!("{question} ");
        let mut answer = String::new();
        std::io::stdin()
            .read_line(&mut answer)
            .map_err(|e| unreadable(lang, e))?;
        Ok(answer.trim().to_string())
    }
}

/// Asks for a typed confirmation on the terminal.
pub fn confirm(lang: Lang, question: &str, stop: &StopFlag) -> Result<bool, EntryError> {
    let a = terminal::read_visible(lang, question, stop)?;
    Ok(is_yes(lang, &a))
}

/// `YES` or `yes` in every language (the questions name it), and the language's own word
/// (`prompt-yes`: 「はい」 in Japanese).
fn is_yes(lang: Lang, answer: &str) -> bool {
    answer == "YES" || answer == "yes" || answer == msg::prompt_yes(lang)
}

/// An entry that cannot be read, with the system's reason in words.
fn unreadable(lang: Lang, e: impl Into<std::io::Error>) -> EntryError {
    EntryError::Unreadable(msg::prompt_read_failed(lang, io_reason(lang, &e.into())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    fn file_with(bytes: &[u8]) -> File {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        use std::io::Seek;
        f.rewind().unwrap();
        f
    }

    #[test]
    fn lines_are_split_trimmed_and_bounded() {
        let stop: StopFlag = Arc::new(AtomicUsize::new(0));
        let mut f = file_with(b"1234\r\n5678\nlast");
        let lim = Duration::from_secs(5);
        assert_eq!(
            read_line(Lang::EN, &mut f, &stop, lim).unwrap().as_str(),
            "1234"
        );
        assert_eq!(
            read_line(Lang::EN, &mut f, &stop, lim).unwrap().as_str(),
            "5678"
        );
        assert_eq!(
            read_line(Lang::EN, &mut f, &stop, lim).unwrap().as_str(),
            "last"
        );
        assert!(matches!(
            read_line(Lang::EN, &mut f, &stop, lim),
            Err(EntryError::Ended { .. })
        ));
        let mut long = file_with(&[b'1'; 1000]);
        assert_eq!(
            read_line(Lang::EN, &mut long, &stop, lim),
            Err(EntryError::TooLong { max: MAX_ENTRY })
        );
        stop.store(2, Ordering::SeqCst);
        let mut f = file_with(b"1234\n");
        assert_eq!(
            read_line(Lang::EN, &mut f, &stop, lim),
            Err(EntryError::Cancelled { signal: 2 })
        );
    }

    #[test]
    fn yes_is_accepted_in_every_language_and_hai_in_japanese() {
        for lang in Lang::all() {
            assert!(is_yes(lang, "YES") && is_yes(lang, "yes"), "{}", lang.tag());
            assert!(!is_yes(lang, "no") && !is_yes(lang, "") && !is_yes(lang, "Y"));
        }
        assert!(is_yes(Lang::JA, "はい"));
        assert!(
            !is_yes(Lang::EN, "はい"),
            "English accepts what its question names"
        );
    }
}
