//! Reading untrusted files with a size limit.
//!
//! Every file mynapin reads (a fixture, a simulated card's state, a city profile) is named by
//! the user and may be anything: `/dev/zero`, a FIFO nobody writes, a multi-gigabyte log. Each
//! is read through [`read_to_string`], which stops one byte past the limit, so a wrong path
//! costs a clear error instead of all the memory of the machine.

use std::io::Read;
use std::path::Path;

/// The largest fixture, state file or city profile mynapin reads (the largest shipped one is
/// under 20 KiB).
pub const MAX_DATA_FILE: u64 = 1024 * 1024;

/// Why a bounded read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file is larger than the limit (or endless, like `/dev/zero`).
    #[error("larger than {max} bytes")]
    TooLarge {
        /// The limit.
        max: u64,
    },
    /// The file is not UTF-8 text.
    #[error("not UTF-8 text")]
    NotText,
    /// A directory, not a file.
    #[error("a directory, not a file")]
    Directory,
}

/// A [`ReadError`] as a value that can be kept, compared and cloned (an I/O error keeps its
/// kind and OS code), for errors that carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFailure {
    /// The file could not be opened or read.
    Io {
        /// The error's kind.
        kind: std::io::ErrorKind,
        /// The operating system's error code, when there is one.
        code: Option<i32>,
    },
    /// Larger than the limit.
    TooLarge {
        /// The limit.
        max: u64,
    },
    /// Not UTF-8 text.
    NotText,
    /// A directory.
    Directory,
}

impl From<&ReadError> for ReadFailure {
    fn from(e: &ReadError) -> ReadFailure {
        match e {
            ReadError::Io(e) => ReadFailure::Io {
                kind: e.kind(),
                code: e.raw_os_error(),
            },
            ReadError::TooLarge { max } => ReadFailure::TooLarge { max: *max },
            ReadError::NotText => ReadFailure::NotText,
            ReadError::Directory => ReadFailure::Directory,
        }
    }
}

impl ReadFailure {
    /// The error again (an I/O error rebuilt from its OS code, else from its kind).
    pub fn to_error(self) -> ReadError {
        match self {
            ReadFailure::Io { kind, code } => ReadError::Io(match code {
                Some(c) => std::io::Error::from_raw_os_error(c),
                None => std::io::Error::from(kind),
            }),
            ReadFailure::TooLarge { max } => ReadError::TooLarge { max },
            ReadFailure::NotText => ReadError::NotText,
            ReadFailure::Directory => ReadError::Directory,
        }
    }
}

/// Reads `path` as UTF-8 text of at most `max` bytes.
pub fn read_to_string(path: &Path, max: u64) -> Result<String, ReadError> {
    if path.is_dir() {
        return Err(ReadError::Directory);
    }
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge { max });
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_hold() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.toml");
        std::fs::write(&p, "abc").unwrap();
        assert_eq!(read_to_string(&p, 3).unwrap(), "abc");
        assert!(matches!(
            read_to_string(&p, 2),
            Err(ReadError::TooLarge { max: 2 })
        ));
        std::fs::write(&p, [0xFF, 0xFE]).unwrap();
        assert!(matches!(read_to_string(&p, 10), Err(ReadError::NotText)));
        assert!(matches!(
            read_to_string(dir.path(), 10),
            Err(ReadError::Directory)
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_to_string(Path::new("/dev/zero"), 1000),
            Err(ReadError::TooLarge { max: 1000 })
        ));
    }
}
