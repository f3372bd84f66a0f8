//! The standard streams as the process found them. Rust's `std::io::stdout()` quietly drops
//! what is written to a closed or read-only descriptor (EBADF), so a command run with `>&-` or
//! `1</dev/null` would "succeed" having printed nothing; this module finds that out at start.

use std::fmt;
use std::io::{self, Write};
#[cfg(unix)]
use std::sync::atomic::{AtomicU8, Ordering};

/// Why standard output cannot take what the program prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdoutProblem {
    Closed,
    ReadOnly,
}

impl fmt::Display for StdoutProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StdoutProblem::Closed => "standard output is closed",
            StdoutProblem::ReadOnly => "standard output is open only for reading",
        })
    }
}

/// What descriptor 1 was when the process started, before Rust's runtime put `/dev/null` on it
/// if it was closed: `UNSEEN` where nothing looked (a platform without the look, or a test).
#[cfg(unix)]
static STDOUT_AT_START: AtomicU8 = AtomicU8::new(UNSEEN);
#[cfg(unix)]
const UNSEEN: u8 = 0;
#[cfg(unix)]
const WAS_CLOSED: u8 = 1;
#[cfg(unix)]
const WAS_OPEN: u8 = 2;

/// Looks at descriptor 1 before Rust's runtime does: called from an `.init_array` entry in
/// `main.rs`, ahead of the runtime's start, which opens `/dev/null` read-write on a closed
/// standard descriptor. After that, `>&-` and a `/dev/null` handed over on purpose read-write
/// (`1<>/dev/null`, Python's `subprocess.DEVNULL`, `daemon(3)`) look the same.
#[cfg(unix)]
pub extern "C" fn look_at_stdout_before_the_runtime() {
    use std::os::fd::AsFd;
    let closed = matches!(rustix::fs::fcntl_getfl(io::stdout().as_fd()), Err(rustix::io::Errno::BADF));
    STDOUT_AT_START.store(if closed { WAS_CLOSED } else { WAS_OPEN }, Ordering::Relaxed);
}

/// Looks at descriptors 0-2 before anything else is opened, and puts `/dev/null` on any that is
/// closed: otherwise the next file opened (a config file, a timer) would get its number, and
/// what is printed would land in it. Returns what is wrong with standard output, if anything.
#[cfg(unix)]
pub fn guard() -> Option<StdoutProblem> {
    use rustix::fs::OFlags;
    use std::fs::OpenOptions;
    use std::os::fd::{AsFd, IntoRawFd};

    let mut problem = None;
    let (stdin, stdout, stderr) = (io::stdin(), io::stdout(), io::stderr());
    let streams = [stdin.as_fd(), stdout.as_fd(), stderr.as_fd()];
    for (number, stream) in streams.into_iter().enumerate() {
        match rustix::fs::fcntl_getfl(stream) {
            Err(rustix::io::Errno::BADF) => {
                if number == 1 {
                    problem = Some(StdoutProblem::Closed);
                }
                // The lowest free descriptor is this one, as those below are open by now. It
                // stays open for the life of the process. Standard output gets it read-only,
                // so a write there still fails rather than vanishing.
                if let Ok(null) = OpenOptions::new().read(true).write(number != 1).open("/dev/null") {
                    let _ = null.into_raw_fd();
                }
            }
            Ok(flags) if number == 1 && flags & OFlags::RWMODE == OFlags::RDONLY => {
                problem = Some(StdoutProblem::ReadOnly);
            }
            // Before main, Rust's runtime puts /dev/null opened read-write on a closed standard
            // descriptor. Where the look before it ran, it tells the two apart; elsewhere
            // read-write /dev/null on standard output is taken for `>&-` after that repair (a
            // shell's `>/dev/null` opens it write-only).
            Ok(flags) if number == 1 && flags & OFlags::RWMODE == OFlags::RDWR && is_dev_null(stream) => {
                match STDOUT_AT_START.load(Ordering::Relaxed) {
                    WAS_OPEN => {}
                    _ => problem = Some(StdoutProblem::Closed),
                }
            }
            _ => {}
        }
    }
    problem
}

/// Elsewhere the standard library reports a write to a missing console as an error itself.
#[cfg(not(unix))]
pub fn guard() -> Option<StdoutProblem> {
    None
}

#[cfg(unix)]
fn is_dev_null(fd: std::os::fd::BorrowedFd<'_>) -> bool {
    match (rustix::fs::fstat(fd), rustix::fs::stat("/dev/null")) {
        (Ok(this), Ok(null)) => {
            let device = |stat: &rustix::fs::Stat| rustix::fs::FileType::from_raw_mode(stat.st_mode).is_char_device();
            device(&this) && device(&null) && this.st_rdev == null.st_rdev
        }
        _ => false,
    }
}

/// Standard output that fails every write with `problem`, when there is one.
pub struct Checked<W> {
    pub inner: W,
    pub problem: Option<StdoutProblem>,
}

impl<W: Write> Write for Checked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.problem {
            Some(problem) => Err(io::Error::other(problem.to_string())),
            None => self.inner.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.problem {
            // Nothing was written, so there is nothing to flush.
            Some(_) => Ok(()),
            None => self.inner.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_fails_every_write_and_none_passes_through() {
        let mut closed = Checked { inner: Vec::new(), problem: Some(StdoutProblem::Closed) };
        let err = closed.write_all(b"x").unwrap_err();
        assert_eq!(err.to_string(), "standard output is closed");
        assert_ne!(err.kind(), io::ErrorKind::BrokenPipe, "not mistaken for a reader going away");
        let mut fine = Checked { inner: Vec::new(), problem: None };
        fine.write_all(b"x").unwrap();
        assert_eq!(fine.inner, b"x");
    }
}
