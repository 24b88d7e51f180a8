//! A card's presence in a reader (pcscd's own notifications), and a simulated card served to a
//! vpcd port for the life of a value. Shared by the root crate's end-to-end files (through
//! `common`) and the app's (app/tests/e2e_app.rs, by `#[path]`): one copy of the wait for
//! pcscd's status poll.
#![allow(dead_code)] // each test file uses part of it

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// The `mynapin` binary under test.
pub fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("mynapin")
}

/// True when pcscd shows a card in `reader`.
pub fn card_present(reader: &str) -> bool {
    let Ok(ctx) = pcsc::Context::establish(pcsc::Scope::User) else {
        return false;
    };
    let mut states = [pcsc::ReaderState::new(
        std::ffi::CString::new(reader).unwrap(),
        pcsc::State::UNAWARE,
    )];
    ctx.get_status_change(Duration::from_millis(0), &mut states)
        .is_ok()
        && states[0].event_state().contains(pcsc::State::PRESENT)
}

/// Waits up to 15 s for the reader to show (or lose) a card; false on time-out.
pub fn wait_for(reader: &str, present: bool) -> bool {
    wait_until(reader, |p, _| p == present).is_some()
}

/// Waits up to 15 s, on pcscd's own events, until `done(present, count)` holds for the
/// reader's state; that state, or None on time-out. `count` is pcscd's event counter for the
/// reader: its status poll adds one for every insertion and every removal it sees.
/// `SCardGetStatusChange` blocks until the state changes, so nothing here polls.
fn wait_until(reader: &str, done: impl Fn(bool, u32) -> bool) -> Option<(bool, u32)> {
    let deadline = Instant::now() + Duration::from_secs(15);
    let Ok(ctx) = pcsc::Context::establish(pcsc::Scope::User) else {
        return done(false, 0).then_some((false, 0));
    };
    let mut states = [pcsc::ReaderState::new(
        std::ffi::CString::new(reader).unwrap(),
        pcsc::State::UNAWARE,
    )];
    let mut count = 0;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match ctx.get_status_change(left, &mut states) {
            Ok(()) => {
                let present = states[0].event_state().contains(pcsc::State::PRESENT);
                count = states[0].event_count();
                if done(present, count) {
                    return Some((present, count));
                }
                states[0].sync_current_state();
            }
            Err(pcsc::Error::Timeout) => return None,
            // No such reader (yet): no card, as `card_present` says.
            Err(_) => {
                if done(false, count) {
                    return Some((false, count));
                }
                if left.is_zero() {
                    return None;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

/// A simulated card served by `mynapin sim serve` to a vpcd port; stopped by PID (SIGTERM)
/// when dropped, after which the reader is seen empty again.
pub struct Served {
    child: Child,
    reader: String,
    /// pcscd's event counter for the reader when its status poll saw this card arrive.
    inserted_at: u32,
}

impl Served {
    /// `fixture` served to vpcd's `port` (seen as `reader`), with `extra` options.
    pub fn on(reader: &str, port: &str, fixture: &str, extra: &[&str]) -> Served {
        Served::on_with(reader, port, fixture, extra, Stdio::null())
    }

    /// Like [`Served::on`], the server's stderr going to `stderr`.
    pub fn on_with(
        reader: &str,
        port: &str,
        fixture: &str,
        extra: &[&str],
        stderr: Stdio,
    ) -> Served {
        assert!(!card_present(reader), "{reader}: not empty");
        let child = std::process::Command::new(bin())
            .args(["sim", "serve", "--vpcd", &format!("127.0.0.1:{port}")])
            .args(["--fixture", fixture])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .unwrap();
        // The guard owns the child before anything can fail, so it is always stopped.
        let mut served = Served {
            child,
            reader: reader.to_string(),
            inserted_at: 0,
        };
        let Some((_, count)) = wait_until(reader, |present, _| present) else {
            panic!("{reader}: the card never appeared");
        };
        served.inserted_at = count;
        served
    }

    /// The card server's stderr, when it was piped.
    pub fn take_stderr(&mut self) -> Option<std::process::ChildStderr> {
        self.child.stderr.take()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The card is out once pcscd's own status poll has seen it go: an odd number of
        // events since it arrived (each insertion and removal the poll sees is one). That a
        // client sees no card is not enough: when a command fails because the card is gone,
        // pcscd marks the reader empty for its clients without its poll having seen the
        // removal, and a card inserted before that poll comes is never announced (the slot
        // stays deaf while that card is served). This replaces a fixed 1 s rest after every
        // card (34 s over the end-to-end files), which only made that race unlikely.
        let since = self.inserted_at;
        let left = wait_until(&self.reader, |present, count| {
            !present && count.wrapping_sub(since) % 2 == 1
        });
        if left.is_none() && !std::thread::panicking() {
            panic!("{}: the card never left", self.reader);
        }
    }
}
