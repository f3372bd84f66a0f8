//! Keys, as the player and the body map see them, and where they come from.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::clock::Clock;

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
    /// Ctrl-C in raw mode, or SIGINT/SIGTERM/SIGHUP.
    Interrupt,
    /// The terminal changed size: draw again.
    Resize,
}

/// Where keys come from: waits up to `timeout` of session time for one.
pub trait Keys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>>;
}

/// How often a wait wakes up to look at the signal flag.
const SLICE: Duration = Duration::from_millis(100);

/// The wait both key sources share: until `timeout` of session time has passed (`None`), the
/// stop flag is set (`Interrupt`), or `slice` — called with the session time left, and
/// expected to block for at most about `SLICE` — returns a key.
fn wait_until_stopped(
    stop: &AtomicBool,
    clock: &mut dyn Clock,
    timeout: Duration,
    mut slice: impl FnMut(&mut dyn Clock, Duration) -> io::Result<Option<Key>>,
) -> io::Result<Option<Key>> {
    let deadline = clock.now() + timeout;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Ok(Some(Key::Interrupt));
        }
        let left = deadline.saturating_sub(clock.now());
        if left.is_zero() {
            return Ok(None);
        }
        if let Some(key) = slice(clock, left)? {
            return Ok(Some(key));
        }
    }
}

/// Keys from the terminal in raw mode, and the stop signal.
pub struct TerminalKeys {
    pub stop: Arc<AtomicBool>,
}

impl Keys for TerminalKeys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        wait_until_stopped(&self.stop, clock, timeout, |clock, left| {
            match terminal_readable(clock.real(left).min(SLICE))? {
                Readable::No => Ok(None),
                // The terminal went away (its window closed, tmux killed): stop as for SIGHUP.
                // crossterm's own poll spins at full CPU on a hung-up terminal, never returning.
                Readable::HungUp => Ok(Some(Key::Interrupt)),
                Readable::Yes if event::poll(Duration::ZERO)? => Ok(translate(event::read()?)),
                Readable::Yes => Ok(None),
            }
        })
    }
}

enum Readable {
    Yes,
    No,
    HungUp,
}

/// Waits up to `timeout` for input on the terminal crossterm reads (stdin when it is one, else
/// `/dev/tty`), telling a hang-up apart from input.
fn terminal_readable(timeout: Duration) -> io::Result<Readable> {
    use std::io::IsTerminal;
    use std::os::fd::AsRawFd;

    let tty;
    let fd = if io::stdin().is_terminal() {
        io::stdin().as_raw_fd()
    } else {
        tty = std::fs::File::open("/dev/tty")?;
        tty.as_raw_fd()
    };
    let mut poll = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, and `fd` stays open for the call (`tty` lives to the end).
    let ready = unsafe { libc::poll(&mut poll, 1, millis) };
    if ready < 0 {
        let err = io::Error::last_os_error();
        return if err.kind() == io::ErrorKind::Interrupted { Ok(Readable::No) } else { Err(err) };
    }
    if poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Ok(Readable::HungUp)
    } else if poll.revents & libc::POLLIN != 0 {
        Ok(Readable::Yes)
    } else {
        Ok(Readable::No)
    }
}

fn translate(event: Event) -> Option<Key> {
    match event {
        Event::Resize(..) => Some(Key::Resize),
        Event::Key(KeyEvent { code, modifiers, kind, .. }) if kind != KeyEventKind::Release => match code {
            KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Some(Key::Interrupt),
            // Ctrl-N is not n, nor Ctrl-Q q: other control keys do nothing.
            KeyCode::Char(_) if modifiers.contains(KeyModifiers::CONTROL) => None,
            KeyCode::Char(c) => Some(Key::Char(c.to_ascii_lowercase())),
            KeyCode::Enter => Some(Key::Enter),
            KeyCode::Esc => Some(Key::Escape),
            KeyCode::Up => Some(Key::Up),
            KeyCode::Down => Some(Key::Down),
            KeyCode::Left => Some(Key::Left),
            KeyCode::Right => Some(Key::Right),
            _ => None,
        },
        _ => None,
    }
}

/// No keyboard (output is piped): only the stop signal interrupts the wait.
pub struct SignalKeys {
    pub stop: Arc<AtomicBool>,
}

impl Keys for SignalKeys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        wait_until_stopped(&self.stop, clock, timeout, |clock, left| {
            clock.sleep(left.min(clock.session(SLICE)));
            Ok(None)
        })
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
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent { code, modifiers, kind: KeyEventKind::Press, state: KeyEventState::NONE })
    }

    #[test]
    fn ctrl_c_in_raw_mode_is_an_interrupt_and_letters_ignore_case() {
        assert_eq!(translate(press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Key::Interrupt));
        assert_eq!(translate(press(KeyCode::Char('c'), KeyModifiers::NONE)), Some(Key::Char('c')));
        assert_eq!(translate(press(KeyCode::Char('Q'), KeyModifiers::SHIFT)), Some(Key::Char('q')));
        assert_eq!(translate(press(KeyCode::Char(' '), KeyModifiers::NONE)), Some(Key::Char(' ')));
        assert_eq!(translate(press(KeyCode::Char('n'), KeyModifiers::CONTROL)), None);
        assert_eq!(translate(press(KeyCode::Tab, KeyModifiers::NONE)), None);
        assert_eq!(translate(Event::Resize(80, 24)), Some(Key::Resize));
    }
}
