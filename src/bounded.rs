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
