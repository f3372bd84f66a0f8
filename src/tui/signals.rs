//! The signals an interactive screen answers, as flags plus one pipe that wakes its poll.

use std::io::{self, Read};
use std::os::unix::net::UnixStream;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock};

use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};

/// What has arrived since it was last looked at.
pub struct Signals {
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT: end the session.
    pub stop: Arc<AtomicBool>,
    /// SIGTSTP (`kill -TSTP`; Ctrl-Z itself arrives as a key in raw mode): give the terminal
    /// back and stop.
    pub suspend: Arc<AtomicBool>,
    /// SIGCONT: take the terminal back and draw again.
    pub resumed: Arc<AtomicBool>,
    /// SIGWINCH: draw again.
    pub resize: Arc<AtomicBool>,
    /// Readable whenever any of them arrived, so a poll on the terminal wakes at once.
    pub wake: UnixStream,
}

impl Signals {
    /// Empties the wake pipe; the flags say what came.
    pub fn drain(&self) {
        drain(&self.wake);
    }
}

/// Empties a signal pipe (non-blocking).
pub fn drain(pipe: &UnixStream) {
    let mut buffer = [0u8; 64];
    while matches!((&*pipe).read(&mut buffer), Ok(n) if n > 0) {}
}

/// A pipe that becomes readable when a stop signal arrives (the flag of `stop_signal` says so),
/// for waits without a terminal to sleep on it rather than look at the flag again and again.
/// Ctrl-Z and SIGWINCH keep their default meaning: only the stop signals write to it.
pub fn stop_pipe() -> io::Result<&'static UnixStream> {
    static PIPE: OnceLock<UnixStream> = OnceLock::new();
    if let Some(pipe) = PIPE.get() {
        return Ok(pipe);
    }
    // The flag first: when the pipe wakes a wait, the flag is already set.
    super::stop_signal()?;
    let (wake, _writer) = stop_wake_pair()?;
    Ok(PIPE.get_or_init(|| wake))
}

/// A non-blocking pair whose writing end the stop signals write to: (the end to poll, the
/// writing end, for more signals).
fn stop_wake_pair() -> io::Result<(UnixStream, UnixStream)> {
    let (wake, writer) = UnixStream::pair()?;
    wake.set_nonblocking(true)?;
    writer.set_nonblocking(true)?;
    for signal in crate::platform::exit::INTERRUPT_SIGNALS {
        signal_hook::low_level::pipe::register(signal, writer.try_clone()?)?;
    }
    Ok((wake, writer))
}

/// The process's one set, registered on first use. Only the interactive screens ask for it:
/// piped output keeps Ctrl-Z's and SIGWINCH's default meaning.
pub fn get() -> io::Result<&'static Signals> {
    static SIGNALS: OnceLock<Signals> = OnceLock::new();
    if let Some(signals) = SIGNALS.get() {
        return Ok(signals);
    }
    let stop = super::stop_signal()?;
    let (wake, writer) = stop_wake_pair()?;
    let flag = |signal: i32| -> io::Result<Arc<AtomicBool>> {
        let flag = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
        signal_hook::low_level::pipe::register(signal, writer.try_clone()?)?;
        Ok(flag)
    };
    let signals = Signals { stop, suspend: flag(SIGTSTP)?, resumed: flag(SIGCONT)?, resize: flag(SIGWINCH)?, wake };
    Ok(SIGNALS.get_or_init(|| signals))
}
