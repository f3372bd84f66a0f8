//! Windows (and any platform without Unix terminals): keys from crossterm's console events,
//! waited for with its `poll`. Every event already read is handed out before waiting again.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::{Key, Keys};
use crate::platform::clock::Clock;

/// Keys from the console, and the stop signal.
pub struct TerminalKeys {
    stop: Arc<AtomicBool>,
}

impl TerminalKeys {
    pub fn open() -> anyhow::Result<TerminalKeys> {
        Ok(TerminalKeys { stop: crate::tui::stop_signal()? })
    }
}

/// How long one console wait lasts before the stop flag is looked at again.
const SLICE: Duration = Duration::from_millis(200);

impl Keys for TerminalKeys {
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
            if !event::poll(clock.real(left).min(SLICE))? {
                continue;
            }
            let key = match event::read()? {
                Event::Resize(..) => Some(Key::Resize),
                Event::Key(press) if press.kind != KeyEventKind::Release => match press.code {
                    KeyCode::Char('c') if press.modifiers.contains(KeyModifiers::CONTROL) => Some(Key::Interrupt),
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
            };
            if key.is_some() {
                return Ok(key);
            }
        }
    }
}

/// Sleeps up to `left` of session time; the caller looks at the stop flag (set by the Ctrl-C
/// handler) every `SLICE`, as there is no pipe to wake on.
pub(super) fn sleep_unless_stopped(clock: &mut dyn Clock, left: Duration) {
    clock.sleep(left.min(clock.session(SLICE)));
}
