//! The exit codes, in one place (documented in the README and the man page).

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done, or the reader closed the pipe.
    Success = 0,
    /// Something outside the user's input failed (a file could not be written, ...).
    Failure = 1,
    /// The command line or a config file was wrong.
    Usage = 2,
    /// Ended by SIGINT or SIGTERM (Ctrl-C).
    Interrupted = 130,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}
