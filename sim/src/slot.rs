//! The simulated card of one run (`--sim[=FIXTURE]`, `--sim-state FILE`), as every front end
//! uses it: the card comes from a fixture or a state file, and a state file is locked for the
//! run and written back afterwards — whatever the operation's outcome (a failed VERIFY spends
//! a try), but only when the card changed.

use crate::state::{load_fixture, StateError, StateFile};
use crate::HoldHook;
use crate::{FixtureError, SimCard};
use std::path::Path;
use std::time::Duration;

/// A simulated card in its slot for one run, with the state file that keeps it, if any.
#[derive(Debug)]
pub struct SimSlot {
    card: SimCard,
    /// The locked state file (`--sim-state`).
    state: Option<StateFile>,
    /// The card as the state file held it when the run began (`None`: no file yet, or no
    /// state file): a run that changes nothing does not write the file, so that a full disk
    /// cannot fail a run that only read.
    kept: Option<String>,
}

/// Why the slot could not be filled.
#[derive(Debug, thiserror::Error)]
pub enum SlotError {
    /// The fixture cannot be loaded (no state file).
    #[error(transparent)]
    Fixture(#[from] FixtureError),
    /// The state file cannot be used (locked by another run beyond the wait, unreadable,
    /// read-only, not a card).
    #[error(transparent)]
    State(#[from] StateError),
}

/// The card's new state could not be written back.
#[derive(Debug, thiserror::Error)]
#[error("the simulated card's state was not saved: {error}")]
pub struct NotSaved {
    /// Why.
    pub error: StateError,
    /// Whether the state file exists after the failure (it then still holds the state from
    /// before the run; the saves are atomic).
    pub file_exists: bool,
}

/// What [`SimSlot::save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// No state file: nothing to keep.
    NoStateFile,
    /// The card did not change: the file was left as it was.
    Unchanged,
    /// The card's new state was written.
    Written,
}

impl SimSlot {
    /// Fills the slot: with `state`, the card kept in that file, locked for the life of the
    /// slot (another run holding it is waited for up to `wait`), or `fixture` when the file
    /// does not exist yet; without, `fixture` (a built-in name or a TOML file; `None`: the
    /// fresh card). An unusable file is an error here, before the card is touched.
    pub fn open(
        fixture: Option<&str>,
        state: Option<&Path>,
        wait: Duration,
    ) -> Result<SimSlot, SlotError> {
        let (card, state) = match state {
            Some(p) => {
                let file = StateFile::open(p, wait)?;
                (file.load(fixture)?, Some(file))
            }
            None => (load_fixture(fixture)?, None),
        };
        let kept = state
            .as_ref()
            .filter(|s| s.path().exists())
            .map(|_| card.to_fixture().to_toml());
        Ok(SimSlot { card, state, kept })
    }

    /// Sets what is told before a fault rule holds an answer (the front end words it).
    pub fn on_hold(&mut self, hook: HoldHook) {
        self.card.on_hold(hook);
    }

    /// The card, to run an operation on.
    pub fn card(&mut self) -> &mut SimCard {
        &mut self.card
    }

    /// The locked state file, if the slot has one.
    pub fn state_file(&self) -> Option<&Path> {
        self.state.as_ref().map(StateFile::path)
    }

    /// Writes the card's state back to the state file when it changed since the slot was
    /// filled (call it after the operation, whatever its outcome). A failed save leaves the
    /// file as it was (or absent, if it did not exist): [`NotSaved`] says which.
    pub fn save(&self) -> Result<Saved, NotSaved> {
        let Some(file) = &self.state else {
            return Ok(Saved::NoStateFile);
        };
        if self.kept.as_deref() == Some(&self.card.to_fixture().to_toml()) {
            return Ok(Saved::Unchanged);
        }
        file.save(&self.card)
            .map(|()| Saved::Written)
            .map_err(|error| NotSaved {
                error,
                file_exists: file.path().exists(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Applet, KeyRef};
    use std::time::SystemTime;

    const WAIT: Duration = Duration::from_secs(5);

    fn modified(p: &Path) -> SystemTime {
        std::fs::metadata(p).unwrap().modified().unwrap()
    }

    /// A wrong VERIFY of the user-authentication PIN, as a client sends it: a try is spent.
    fn wrong_auth_verify(card: &mut SimCard) {
        let aid = Applet::Jpki.aid();
        let mut select = vec![0x00, 0xA4, 0x04, 0x0C, aid.len() as u8];
        select.extend_from_slice(&aid);
        assert_eq!(card.process(&select), [0x90, 0x00]);
        let ef = KeyRef::Auth.ef();
        assert_eq!(
            card.process(&[0x00, 0xA4, 0x02, 0x0C, 0x02, ef[0], ef[1]]),
            [0x90, 0x00]
        );
        let answer = card.process(&[0x00, 0x20, 0x00, 0x80, 0x04, b'9', b'9', b'9', b'9']);
        assert_eq!(answer[0], 0x63, "wrong PIN: {answer:02X?}");
    }

    /// A slot whose card did not change leaves the file alone; one whose card changed writes
    /// it; a new file is written even for an unchanged card (it did not hold the card yet).
    #[test]
    fn only_a_changed_card_is_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.toml");

        let slot = SimSlot::open(Some("fresh"), Some(&path), WAIT).unwrap();
        assert_eq!(slot.state_file(), Some(path.as_path()));
        assert_eq!(slot.save().unwrap(), Saved::Written, "a new file");
        drop(slot);
        let before = std::fs::read_to_string(&path).unwrap();
        let stamp = modified(&path);

        // Read only (the card answers, nothing on it changes): the file is not written.
        let mut slot = SimSlot::open(None, Some(&path), WAIT).unwrap();
        let aid = Applet::Jpki.aid();
        let mut select = vec![0x00, 0xA4, 0x04, 0x0C, aid.len() as u8];
        select.extend_from_slice(&aid);
        assert_eq!(slot.card().process(&select), [0x90, 0x00]);
        slot.card().power_off();
        assert_eq!(slot.save().unwrap(), Saved::Unchanged);
        drop(slot);
        assert_eq!(modified(&path), stamp);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

        let mut slot = SimSlot::open(None, Some(&path), WAIT).unwrap();
        wrong_auth_verify(slot.card());
        assert_eq!(slot.save().unwrap(), Saved::Written);
        drop(slot);
        let mut slot = SimSlot::open(Some("fresh"), Some(&path), WAIT).unwrap();
        assert_eq!(
            slot.card().tries_left(KeyRef::Auth),
            KeyRef::Auth.max_tries() - 1,
            "the spent try is kept; the file wins over the fixture"
        );
        drop(slot);

        // No state file: nothing to keep.
        let mut slot = SimSlot::open(Some("fresh"), None, WAIT).unwrap();
        wrong_auth_verify(slot.card());
        assert_eq!(slot.save().unwrap(), Saved::NoStateFile);
    }

    /// A save that fails is reported with whether the state file still exists: its
    /// directory gone (no file), or a directory put where the file was (one there). Unix
    /// only: Windows refuses to remove a directory while the slot holds a file in it open
    /// (Wine: "Directory is not empty"), which is how this test makes the save fail.
    #[cfg(unix)]
    #[test]
    fn a_failed_save_says_whether_the_file_exists() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("d");
        std::fs::create_dir(&sub).unwrap();
        let path = sub.join("card.toml");

        let mut slot = SimSlot::open(Some("fresh"), Some(&path), WAIT).unwrap();
        wrong_auth_verify(slot.card());
        std::fs::remove_dir_all(&sub).unwrap();
        let e = slot.save().unwrap_err();
        assert!(!e.file_exists, "{e}");
        assert!(matches!(e.error, StateError::Io { .. }), "{e:?}");
        drop(slot);

        std::fs::create_dir(&sub).unwrap();
        SimSlot::open(Some("fresh"), Some(&path), WAIT)
            .unwrap()
            .save()
            .unwrap();
        let mut slot = SimSlot::open(None, Some(&path), WAIT).unwrap();
        wrong_auth_verify(slot.card());
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("x"), "").unwrap();
        let e = slot.save().unwrap_err();
        assert!(e.file_exists, "{e}");
        assert!(matches!(e.error, StateError::Io { .. }), "{e:?}");
    }

    /// A state file another slot holds is waited for, then reported busy; a fixture that does
    /// not exist is a fixture error.
    #[test]
    fn a_held_state_is_busy_and_a_missing_fixture_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.toml");
        let held = SimSlot::open(None, Some(&path), WAIT).unwrap();
        let e = SimSlot::open(None, Some(&path), Duration::from_millis(50)).unwrap_err();
        assert!(
            matches!(e, SlotError::State(StateError::Busy { .. })),
            "{e:?}"
        );
        drop(held);
        let e = SimSlot::open(Some("no-such-card"), None, WAIT).unwrap_err();
        assert!(matches!(e, SlotError::Fixture(_)), "{e:?}");
    }
}
