//! Writing files safely (the only way backpain puts a file on disk), and opening files a user
//! can point anywhere (a config file, a synced history) without blocking on a FIFO.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Writes `bytes` to `dir/name` so that a reader sees the old file or the whole new one, never
/// half of it, and a symlink planted at `dir/name` is replaced, never followed: the bytes go to
/// a fresh temporary file in `dir` (created exclusively, so it cannot be a planted link either),
/// are flushed to disk, and the file is renamed over `name`. `name` must be a plain file name.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    if name.is_empty() || name == "." || name == ".." || name.contains('/') || name.contains('\0') {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("`{name}` is not a plain file name")));
    }
    let (temporary, mut file) = create_temporary(dir, name)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all()).and_then(|()| {
        drop(file);
        fs::rename(&temporary, dir.join(name))
    });
    if written.is_err() {
        // Nothing half-written is left behind; the error that matters is the first one.
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// A new file `dir/.name.PID.N.tmp` that did not exist before (O_EXCL, which also refuses to
/// follow a symlink of that name).
fn create_temporary(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(err) => return Err(err),
        }
    }
}

/// Opens `path` for reading; on Unix without blocking, so a FIFO is opened and then refused
/// instead of waiting for a writer.
#[cfg(unix)]
pub fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let nonblocking = rustix::fs::OFlags::NONBLOCK.bits() as i32;
    std::fs::OpenOptions::new().read(true).custom_flags(nonblocking).open(path)
}

#[cfg(not(unix))]
pub fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(unix)]
pub fn is_symlink_loop(err: &std::io::Error) -> bool {
    err.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
}

#[cfg(not(unix))]
pub fn is_symlink_loop(_err: &std::io::Error) -> bool {
    false
}

/// What kind of special file this is (FIFO, device, socket), where the platform has them.
#[cfg(unix)]
pub fn special_file(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
pub fn special_file(_kind: &std::fs::FileType) -> Option<&'static str> {
    None
}

/// Why the time zone `tz` (the TZ variable) names a file that cannot be a time zone file, or
/// `None` when it is fine or names no file. The time library reads that file whole and blocking:
/// `TZ=/dev/zero` ate memory and a FIFO hung every command that tells the time. A zone file is
/// a few kilobytes; it must be a regular file of at most 1 MiB.
#[cfg(unix)]
pub fn time_zone_problem(tz: &str) -> Option<String> {
    let name = tz.strip_prefix(':').unwrap_or(tz);
    let path = if name.starts_with('/') {
        PathBuf::from(name)
    } else {
        // A zone name ("Europe/London") is looked up under the zone database; a POSIX rule
        // ("CET-1CEST,M3.5.0,M10.5.0/3") names no file there and is left to the library.
        Path::new("/usr/share/zoneinfo").join(name)
    };
    if name.is_empty() || fs::symlink_metadata(&path).is_err() {
        return None;
    }
    let file = match open_without_blocking(&path) {
        Ok(file) => file,
        Err(err) => return Some(format!("{} cannot be read ({err})", path.display())),
    };
    match file.metadata() {
        Ok(metadata) if metadata.is_file() && metadata.len() <= 1 << 20 => None,
        Ok(metadata) if metadata.is_file() => Some(format!("{} is larger than 1 MiB", path.display())),
        Ok(metadata) => {
            let kind = special_file(&metadata.file_type()).unwrap_or(if metadata.is_dir() {
                "a directory"
            } else {
                "not a file"
            });
            Some(format!("{} is {kind}, not a time zone file", path.display()))
        }
        Err(err) => Some(format!("{} cannot be read ({err})", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(dir.path(), "a.1", b"first").unwrap();
        write_atomic(dir.path(), "a.1", b"second").unwrap();
        assert_eq!(fs::read(dir.path().join("a.1")).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["a.1"]);
    }

    #[test]
    fn a_planted_symlink_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        fs::write(&victim, b"precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("a.1")).unwrap();
        // A dangling link at a name too: it must not create its target.
        std::os::unix::fs::symlink(outside.path().join("new"), dir.path().join("b.1")).unwrap();
        write_atomic(dir.path(), "a.1", b"page").unwrap();
        write_atomic(dir.path(), "b.1", b"page").unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert!(!outside.path().join("new").exists());
        for name in ["a.1", "b.1"] {
            let metadata = fs::symlink_metadata(dir.path().join(name)).unwrap();
            assert!(metadata.file_type().is_file(), "{name} is a file now");
        }
        assert_eq!(names(dir.path()), ["a.1", "b.1"]);
    }

    #[test]
    fn names_with_a_path_in_them_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["", ".", "..", "../x", "a/b"] {
            assert_eq!(write_atomic(dir.path(), name, b"x").unwrap_err().kind(), io::ErrorKind::InvalidInput);
        }
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        // Renaming a file over a directory fails after the bytes were written.
        fs::create_dir(dir.path().join("taken")).unwrap();
        assert!(write_atomic(dir.path(), "taken", b"x").is_err());
        assert_eq!(names(dir.path()), ["taken"]);
    }
}
