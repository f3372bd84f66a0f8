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
    /// Ended by one of `INTERRUPT_SIGNALS` (Ctrl-C).
    Interrupted = 130,
}

/// The signals that end a waiting or running command with its summary and `Interrupted`,
/// rather than killing it: Ctrl-C, `kill`, a closed terminal, Ctrl-\\.
#[cfg(unix)]
pub const INTERRUPT_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];

/// Windows has only Ctrl-C (SIGINT) and the termination request (SIGTERM) as signals.
#[cfg(not(unix))]
pub const INTERRUPT_SIGNALS: [i32; 2] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];

/// A flag that the stop signals set instead of ending the process, so the player can restore
/// the terminal and print its summary first, and a browser printing a sheet is stopped and its
/// files removed. Registered once per process.
pub fn stop_signal() -> std::io::Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    use std::sync::{atomic::AtomicBool, Arc};
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    if let Some(flag) = FLAG.get() {
        return Ok(Arc::clone(flag));
    }
    let flag = Arc::new(AtomicBool::new(false));
    for signal in INTERRUPT_SIGNALS {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    Ok(Arc::clone(FLAG.get_or_init(|| flag)))
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}
