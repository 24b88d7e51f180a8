//! The end-to-end harness shared by the test files that talk to the private pcscd that
//! `scripts/test-all.sh` starts: a card's presence in a reader, and a simulated card served to
//! a vpcd port for the life of a value.
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

/// Waits up to 15 s for the reader to show (or lose) a card; false on time-out. The wait is
/// pcscd's own event: `SCardGetStatusChange` blocks until the reader's state changes, so a
/// card that appears is seen as soon as pcscd sees it, without polling.
pub fn wait_for(reader: &str, present: bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(15);
    let Ok(ctx) = pcsc::Context::establish(pcsc::Scope::User) else {
        return !present;
    };
    let mut states = [pcsc::ReaderState::new(
        std::ffi::CString::new(reader).unwrap(),
        pcsc::State::UNAWARE,
    )];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match ctx.get_status_change(left, &mut states) {
            Ok(()) => {
                if states[0].event_state().contains(pcsc::State::PRESENT) == present {
                    return true;
                }
                states[0].sync_current_state();
            }
            Err(pcsc::Error::Timeout) => return false,
            // No reader (yet) counts as no card, as in `card_present`.
            Err(_) if !present => return true,
            Err(_) => {
                if left.is_zero() {
                    return false;
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
        let served = Served {
            child,
            reader: reader.to_string(),
        };
        assert!(wait_for(reader, true), "{reader}: the card never appeared");
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
        if !wait_for(&self.reader, false) && !std::thread::panicking() {
            panic!("{}: the card never left", self.reader);
        }
        // No rest before the next card: the next `Served::on` waits on pcscd's event for
        // the card to appear. (A fixed 1 s rest here used to guard against a vpcd slot that
        // stayed deaf after a quick re-insertion; 34 cards cost 34 s. Measured without it:
        // see docs/architecture.md, "The end-to-end rest".)
    }
}
