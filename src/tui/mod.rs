//! The interactive terminal, shared by the guided player and the body map: raw mode and the
//! alternate screen behind a guard that always restores them (on return, on error, on panic,
//! even with `panic = "abort"`), keys read from the terminal, SIGTERM/SIGHUP/SIGINT/SIGQUIT as a
//! flag the key loop checks, and Ctrl-Z giving the terminal back until `fg`.

pub mod ask;
pub mod keys;
pub mod pick;
#[cfg(unix)]
pub mod signals;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use crossterm::{cursor, execute, terminal};

pub use keys::{Key, Keys, SignalKeys, TerminalKeys, UNTIL_KEY};

/// Set while the terminal is in raw mode, so the panic hook knows to restore it.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Raw mode plus the alternate screen, with the cursor hidden, until dropped.
pub struct TerminalGuard {
    _private: (),
}

impl TerminalGuard {
    /// Takes over the terminal. The panic hook is chained in once per process, so a panic
    /// anywhere restores the terminal before the message is printed.
    pub fn enter() -> io::Result<TerminalGuard> {
        PANIC_HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        let screen = TerminalGuard { _private: () };
        // From here on `Drop` restores the terminal, also when taking it over fails half-way.
        take_over()?;
        Ok(screen)
    }
}

/// Raw mode, the alternate screen, the cursor hidden and the screen cleared.
fn take_over() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide, terminal::Clear(terminal::ClearType::All))
}

/// Ctrl-Z: gives the terminal back as it was, stops the process as the shell expects, and
/// when `fg` continues it takes the terminal over again (the caller redraws).
#[cfg(unix)]
fn suspend() -> io::Result<()> {
    let active = ACTIVE.load(Ordering::SeqCst);
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    if active {
        take_over()?;
    }
    // This stop's own SIGCONT needs no second take-over.
    if let Ok(signals) = signals::get() {
        signals.resumed.store(false, Ordering::SeqCst);
    }
    Ok(())
}

/// After a stop someone else caused: raw mode and the alternate screen again, as the shell
/// may have put the terminal back to cooked mode meanwhile.
#[cfg(unix)]
fn take_back() -> io::Result<()> {
    if ACTIVE.load(Ordering::SeqCst) {
        restore();
        take_over()?;
    }
    Ok(())
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode alone, for a one-key question on the normal screen; off again when dropped.
pub struct RawMode {
    _private: (),
}

impl RawMode {
    pub fn enter() -> io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode { _private: () })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Leaves the alternate screen, shows the cursor and turns raw mode off; a no-op when the
/// terminal is not taken over. Errors are ignored: there is nothing better to do with them.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, cursor::Show, terminal::LeaveAlternateScreen);
        let _ = out.flush();
        let _ = terminal::disable_raw_mode();
    }
}

pub use crate::platform::exit::stop_signal;

/// Whether `err` says the terminal is gone: after a hang-up (its window closed, an SSH link
/// dropped) reads and writes on it fail with EIO. Not an error of the program's: the caller
/// ends as if interrupted, after recording what was done.
pub fn hung_up(err: &io::Error) -> bool {
    #[cfg(unix)]
    {
        err.raw_os_error() == Some(rustix::io::Errno::IO.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = err;
        false
    }
}

/// The terminal's size, 80 × 24 when it cannot be read. terminal_size asks the kernel only;
/// crossterm's `size()` falls back to running `tput`, which links process spawning into the
/// binary for the loader to bind at every start, queries included (~25k instructions).
pub fn size() -> (u16, u16) {
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(columns, rows)| (columns.0, rows.0))
        .filter(|&(columns, rows)| columns > 0 && rows > 0)
        .unwrap_or((80, 24))
}
