//! The interactive terminal, shared by the guided player and the body map: raw mode and the
//! alternate screen behind a guard that always restores them (on return, on error, on panic,
//! even with `panic = "abort"`), keys read from the terminal, and SIGTERM/SIGHUP/SIGINT as a
//! flag the key loop checks.

pub mod keys;
pub mod pick;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};

use crossterm::{cursor, execute, terminal};

pub use keys::{Key, Keys, SignalKeys, TerminalKeys};

/// Set while the terminal is in raw mode, so the panic hook knows to restore it.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Raw mode plus the alternate screen, with the cursor hidden, until dropped.
pub struct Screen {
    _private: (),
}

impl Screen {
    /// Takes over the terminal. The panic hook is chained in once per process, so a panic
    /// anywhere restores the terminal before the message is printed.
    pub fn enter() -> io::Result<Screen> {
        PANIC_HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        terminal::enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let screen = Screen { _private: () };
        // From here on `Drop` restores the terminal, also when these fail.
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide,
            terminal::Clear(terminal::ClearType::All)
        )?;
        Ok(screen)
    }
}

impl Drop for Screen {
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

/// A flag that SIGTERM, SIGHUP and SIGINT set instead of ending the process, so the player can
/// restore the terminal and print its summary first. Registered once per process.
pub fn stop_signal() -> io::Result<Arc<AtomicBool>> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    if let Some(flag) = FLAG.get() {
        return Ok(Arc::clone(flag));
    }
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&flag))?;
    }
    #[cfg(not(unix))]
    signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&flag))?;
    Ok(Arc::clone(FLAG.get_or_init(|| flag)))
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

/// `text` as lines of at most `width` characters, broken at spaces (a longer word stands alone).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
