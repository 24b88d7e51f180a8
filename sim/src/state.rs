//! A simulated card kept in a file between runs (`--sim-state FILE`, `sim serve --state FILE`).
//!
//! Two runs on one simulated card must behave like two programs on one real card: one at a
//! time, and the card never half-written. So:
//! * the state is **locked** for the whole run, through a lock file beside it
//!   (`.NAME.lock`; the state file itself is replaced on every save, so it cannot carry the
//!   lock). A second run waits for the first, up to a bound, then reports the card in use;
//! * every save writes a **unique temporary file in the same directory**, syncs it, and renames
//!   it over the state, so a run killed at any moment leaves the old state or the new one,
//!   never an empty or partial file;
//! * a state path that is a symbolic link keeps its link: the file it points to is replaced;
//! * a read-only state file, or a directory where nothing can be written, is an error before
//!   the card is touched.

use super::{Fixture, FixtureError, SimCard};
use crate::bounded::{self, ReadError};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why a state file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// Reading, writing or locking failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The file could not be read within the size limit.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: ReadError,
    },
    /// The file holds no valid card.
    #[error(transparent)]
    Malformed(#[from] FixtureError),
    /// The file is read-only: the card's new state could not be kept.
    #[error("{path} is read-only")]
    ReadOnly {
        /// The file.
        path: String,
    },
    /// The lock file beside the state cannot be opened or locked (read-only, a directory
    /// where nothing can be created): the state file is `path`, its lock file `lock`.
    #[error("{path}: its lock file {lock}: {source}")]
    Lock {
        /// The state file, as the user named it.
        path: String,
        /// The lock file.
        lock: String,
        /// The error.
        source: std::io::Error,
    },
    /// Another run holds the card.
    #[error("{path} is in use by another run")]
    Busy {
        /// The file.
        path: String,
    },
}

/// A locked state file.
#[derive(Debug)]
pub struct StateFile {
    /// The file that is read and replaced (a symbolic link resolved).
    target: PathBuf,
    /// Held for the life of this value.
    _lock: File,
}

/// Follows symbolic links (even a dangling one) to the file that holds the state.
fn resolve(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) => {
                    p = match p.parent() {
                        Some(dir) if next.is_relative() => dir.join(next),
                        _ => next,
                    }
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    p
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.display().to_string(),
        source,
    }
}

impl StateFile {
    /// Locks the state at `path`, waiting up to `wait` for another run that holds it. Checks
    /// that the state can be written back before anything else happens.
    pub fn open(path: &Path, wait: Duration) -> Result<StateFile, StateError> {
        let target = resolve(path);
        let shown = || path.display().to_string();
        if let Ok(m) = std::fs::metadata(&target) {
            if m.is_dir() {
                return Err(StateError::Read {
                    path: shown(),
                    source: ReadError::Directory,
                });
            }
            if !m.is_file() {
                // A device or a FIFO (`/dev/zero`) is no place to keep a card.
                return Err(StateError::Io {
                    path: shown(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        "not a regular file",
                    ),
                });
            }
            if m.permissions().readonly() {
                return Err(StateError::ReadOnly { path: shown() });
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "state".into());
        let lock_path = dir.join(format!(".{name}.lock"));
        let lock_error = |source| StateError::Lock {
            path: shown(),
            lock: lock_path.display().to_string(),
            source,
        };
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(lock_error)?;
        let deadline = Instant::now().checked_add(wait);
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if deadline.is_none_or(|d| Instant::now() >= d) {
                        return Err(StateError::Busy { path: shown() });
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::Error(e)) => return Err(lock_error(e)),
            }
        }
        // Holding the lock, no other run writes this state: a temporary file of it that is
        // still there was left by a run that was killed mid-save.
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let prefix = temp_prefix(&name);
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&prefix) && n.ends_with(".tmp") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        Ok(StateFile {
            target,
            _lock: lock,
        })
    }

    /// The card kept in the file if it holds one, else `fixture` (a built-in name or a file),
    /// else the fresh card.
    pub fn load(&self, fixture: Option<&str>) -> Result<SimCard, StateError> {
        if self.target.exists() {
            let text = bounded::read_to_string(&self.target, bounded::MAX_DATA_FILE).map_err(
                |source| StateError::Read {
                    path: self.target.display().to_string(),
                    source,
                },
            )?;
            return Ok(SimCard::new(Fixture::from_toml(
                &text,
                &self.target.display().to_string(),
            )?));
        }
        Ok(SimCard::new(Fixture::load(fixture.unwrap_or("fresh"))?))
    }

    /// Replaces the file with `card`'s persistent state, atomically.
    pub fn save(&self, card: &SimCard) -> Result<(), StateError> {
        let dir = match self.target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "state".into());
        let prefix = temp_prefix(&name);
        let mut tmp = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(io(dir))?;
        tmp.write_all(card.to_fixture().to_toml().as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(io(tmp.path()))?;
        tmp.persist(&self.target)
            .map_err(|e| io(&self.target)(e.error))?;
        // The rename is durable once the directory is synced (where the OS allows it).
        #[cfg(unix)]
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// The file that holds the state.
    pub fn path(&self) -> &Path {
        &self.target
    }
}

/// The start of the name of a temporary file of the state `name`.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.mynapin-")
}

/// Loads a card without keeping its state: `fixture` (built-in name or file), else fresh.
pub fn load_fixture(fixture: Option<&str>) -> Result<SimCard, FixtureError> {
    Ok(SimCard::new(Fixture::load(fixture.unwrap_or("fresh"))?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::KeyRef;

    #[test]
    fn saves_atomically_keeps_links_and_locks() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        // A link whose name ends in .tmp (the old code wrote such a path in place).
        #[cfg(unix)]
        let link = {
            let link = dir.path().join("card.tmp");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            link
        };
        #[cfg(not(unix))]
        let link = real.clone();
        let s = StateFile::open(&link, Duration::ZERO).unwrap();
        let mut card = s.load(Some("auth-last-try")).unwrap();
        assert_eq!(card.tries_left(KeyRef::Auth), 1);
        card.power_off();
        s.save(&card).unwrap();
        assert!(real.exists(), "the link's target holds the state");
        #[cfg(unix)]
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        // A second run on the same card waits, then is told the card is in use.
        assert!(matches!(
            StateFile::open(&link, Duration::from_millis(50)),
            Err(StateError::Busy { .. })
        ));
        drop(s);
        let again = StateFile::open(&link, Duration::ZERO).unwrap();
        assert_eq!(again.load(None).unwrap().tries_left(KeyRef::Auth), 1);
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names
            .iter()
            .all(|n| !n.ends_with(".tmp") || n == "card.tmp"));
    }

    #[test]
    fn read_only_and_endless_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("card.toml");
        std::fs::write(&p, Fixture::fresh().to_toml()).unwrap();
        let mut perms = std::fs::metadata(&p).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&p, perms).unwrap();
        assert!(matches!(
            StateFile::open(&p, Duration::ZERO),
            Err(StateError::ReadOnly { .. })
        ));
        #[cfg(unix)]
        {
            let s = StateFile {
                target: PathBuf::from("/dev/zero"),
                _lock: File::open(&p).unwrap(),
            };
            assert!(matches!(
                s.load(None),
                Err(StateError::Read {
                    source: ReadError::TooLarge { .. },
                    ..
                })
            ));
        }
    }
}
