//! Keys, as the player and the body map see them, and where they come from.
//!
//! The terminal is read here byte by byte rather than through crossterm's event reader:
//! crossterm's poll spins at full CPU on a hung-up terminal and its reader loops on end-of-file,
//! and keys it has parsed but not yet handed out are invisible to a poll of the descriptor, so
//! `nn` typed in one write used to lose its second `n`. Owning the read makes every way the
//! terminal can end (end-of-file, hang-up, an error) the end of the session, in every path.

#[cfg(not(unix))]
mod console;
#[cfg(unix)]
mod unix;

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::platform::clock::Clock;

#[cfg(not(unix))]
pub use console::TerminalKeys;
#[cfg(unix)]
pub use unix::TerminalKeys;

/// A key press, or something that arrives like one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Escape,
    Up,
    Down,
    Left,
    Right,
    /// Ctrl-C in raw mode, SIGINT/SIGTERM/SIGHUP/SIGQUIT, or the terminal went away.
    Interrupt,
    /// The terminal changed size, or the program was continued after a stop: draw again.
    Resize,
    /// Back from Ctrl-Z (`fg`) after this much session time stopped: draw again, and a
    /// session counts the time away as paused.
    Resumed(Duration),
}

/// Where keys come from: waits up to `timeout` of session time for one.
pub trait Keys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>>;
}

/// The wait while nothing on the screen changes (a pause): in effect until a key or a signal,
/// with a bound that keeps deadline arithmetic finite.
pub const UNTIL_KEY: Duration = Duration::from_secs(365 * 24 * 3600);

/// The terminal could not be opened for keys; says what is needed instead.
#[derive(Debug, thiserror::Error)]
#[error(
    "this needs a terminal to read keys from, and there is none (opening /dev/tty: {cause}); \
     pipe the output (e.g. `| cat`) for plain lines without keys"
)]
pub struct NoTerminal {
    /// Not a `source`: the message already says it, and `{:#}` would repeat it.
    pub(crate) cause: io::Error,
}

#[cfg_attr(not(unix), allow(dead_code))]
pub(crate) enum Parsed {
    Key(Key),
    /// Ctrl-Z in raw mode, where the terminal no longer turns it into SIGTSTP.
    Suspend,
    /// Bytes that mean nothing here (other control keys, unknown escape sequences).
    Nothing,
}

/// The first key in `bytes`, taken off the front; `None` when there are no bytes. The terminal
/// is in raw mode: Ctrl-C is byte 3, Enter is CR, the arrows are `ESC [ A`..`ESC [ D` (or
/// `ESC O A` in application mode), and an ESC with nothing after it in the same read is Esc.
#[cfg_attr(not(unix), allow(dead_code))]
pub(crate) fn parse(bytes: &mut VecDeque<u8>) -> Option<Parsed> {
    let first = bytes.pop_front()?;
    Some(match first {
        // Ctrl-C; Ctrl-\ (what would be SIGQUIT) ends the session the same way.
        0x03 | 0x1c => Parsed::Key(Key::Interrupt),
        0x1a => Parsed::Suspend,
        b'\r' | b'\n' => Parsed::Key(Key::Enter),
        0x1b => match bytes.front() {
            Some(b'[' | b'O') => {
                bytes.pop_front();
                // Parameters and intermediates, then one final byte (0x40..=0x7e).
                let mut last = None;
                while let Some(byte) = bytes.pop_front() {
                    if (0x40..=0x7e).contains(&byte) {
                        last = Some(byte);
                        break;
                    }
                }
                match last {
                    Some(b'A') => Parsed::Key(Key::Up),
                    Some(b'B') => Parsed::Key(Key::Down),
                    Some(b'C') => Parsed::Key(Key::Right),
                    Some(b'D') => Parsed::Key(Key::Left),
                    _ => Parsed::Nothing,
                }
            }
            _ => Parsed::Key(Key::Escape),
        },
        // Other control keys do nothing: Ctrl-N is not n, nor Ctrl-Q q.
        0x00..=0x1f | 0x7f => Parsed::Nothing,
        0x20..=0x7e => Parsed::Key(Key::Char(char::from(first).to_ascii_lowercase())),
        _ => {
            // A UTF-8 sequence: its length is in the lead byte.
            let length = match first {
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return Some(Parsed::Nothing),
            };
            let mut sequence = vec![first];
            while sequence.len() < length && bytes.front().is_some_and(|byte| byte & 0xc0 == 0x80) {
                sequence.extend(bytes.pop_front());
            }
            match std::str::from_utf8(&sequence).ok().and_then(|text| text.chars().next()) {
                Some(c) => Parsed::Key(Key::Char(c)),
                None => Parsed::Nothing,
            }
        }
    })
}

/// No keyboard (output is piped): only the stop signal interrupts the wait. The wait sleeps
/// until its deadline or the signal, never waking to look (on Unix the signal also writes to a
/// pipe the wait polls; elsewhere the flag is looked at every 100 ms).
pub struct SignalKeys {
    pub stop: Arc<AtomicBool>,
}

impl Keys for SignalKeys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        let deadline = clock.now() + timeout;
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return Ok(Some(Key::Interrupt));
            }
            let left = deadline.saturating_sub(clock.now());
            if left.is_zero() {
                return Ok(None);
            }
            #[cfg(unix)]
            unix::sleep_unless_stopped(clock, left)?;
            #[cfg(not(unix))]
            console::sleep_unless_stopped(clock, left);
        }
    }
}

/// Keys pressed at given session times (seconds from the start), for tests.
#[cfg(test)]
pub struct Script(pub Vec<(f64, Key)>);

#[cfg(test)]
impl Keys for Script {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        let deadline = clock.now() + timeout;
        match self.0.first() {
            Some(&(at, key)) if Duration::from_secs_f64(at) <= deadline => {
                let at = Duration::from_secs_f64(at).max(clock.now());
                clock.sleep(at - clock.now());
                // Ctrl-Z at `at`, back after the time it carries.
                if let Key::Resumed(away) = key {
                    clock.sleep(away);
                }
                self.0.remove(0);
                Ok(Some(key))
            }
            _ => {
                clock.sleep(timeout);
                Ok(None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Option<Key>> {
        let mut bytes: VecDeque<u8> = bytes.iter().copied().collect();
        let mut keys = Vec::new();
        while let Some(parsed) = parse(&mut bytes) {
            keys.push(match parsed {
                Parsed::Key(key) => Some(key),
                Parsed::Suspend => Some(Key::Char('Z')),
                Parsed::Nothing => None,
            });
        }
        keys
    }

    #[test]
    fn ctrl_c_in_raw_mode_is_an_interrupt_and_letters_ignore_case() {
        assert_eq!(keys(b"\x03"), [Some(Key::Interrupt)]);
        assert_eq!(keys(b"cQ "), [Some(Key::Char('c')), Some(Key::Char('q')), Some(Key::Char(' '))]);
        assert_eq!(keys(b"\x0e\t\x7f"), [None, None, None], "Ctrl-N is not n; tab and backspace do nothing");
        assert_eq!(keys(b"\r\n"), [Some(Key::Enter), Some(Key::Enter)]);
        assert_eq!(keys(b"\x1a"), [Some(Key::Char('Z'))], "Ctrl-Z suspends");
    }

    #[test]
    fn every_key_in_one_read_is_handed_out() {
        assert_eq!(keys(b"nn"), [Some(Key::Char('n')), Some(Key::Char('n'))]);
        assert_eq!(keys(b"jjj"), [Some(Key::Char('j')); 3]);
        assert_eq!(
            keys(b"\x1b[B\x1b[B\x1bOA\x1b[C\x1b[D"),
            [Some(Key::Down), Some(Key::Down), Some(Key::Up), Some(Key::Right), Some(Key::Left)]
        );
        assert_eq!(keys(b"\x1b"), [Some(Key::Escape)]);
        assert_eq!(keys(b"\x1b[1;5Aq"), [Some(Key::Up), Some(Key::Char('q'))], "modifiers are read past");
        assert_eq!(keys(b"\x1b[200~x"), [None, Some(Key::Char('x'))], "unknown sequences do nothing");
        assert_eq!(keys("é".as_bytes()), [Some(Key::Char('é'))]);
    }
}
