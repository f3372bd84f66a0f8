//! A one-key 0-10 question on the normal screen (raw mode on): a digit answers, `1` then `0`
//! within a moment is 10; Enter (or Esc, q, or no key for `within`) skips; Ctrl-C or a stop
//! signal interrupts. Lines end in `\r\n`, as raw mode needs.

use std::io::{self, Write};
use std::time::Duration;

use super::{Key, Keys};
use crate::platform::clock::Clock;

/// After a 1, how long to wait for the 0 of a 10.
pub const TEN_WITHIN: Duration = Duration::from_millis(1500);

/// How a 0-10 question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Value(u8),
    Skipped,
    /// Ctrl-C, a stop signal, or the terminal went away.
    Interrupted,
}

/// Keys with one put back: the key after a `1` that was not a `0` belongs to the next question.
pub struct Ahead<'a> {
    keys: &'a mut dyn Keys,
    next: Option<Key>,
}

impl<'a> Ahead<'a> {
    pub fn new(keys: &'a mut dyn Keys) -> Self {
        Ahead { keys, next: None }
    }
}

impl Keys for Ahead<'_> {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        match self.next.take() {
            Some(key) => Ok(Some(key)),
            None => self.keys.wait(clock, timeout),
        }
    }
}

/// Writes `question`, then reads the answer and echoes it (or "skipped"); the caller ends the line.
pub fn scale(
    out: &mut dyn Write,
    keys: &mut Ahead<'_>,
    clock: &mut dyn Clock,
    question: &str,
    within: Duration,
) -> io::Result<Asked> {
    write!(out, "{question}")?;
    out.flush()?;
    let start = clock.now();
    let asked = loop {
        let left = within.saturating_sub(clock.now() - start);
        if left.is_zero() {
            break Asked::Skipped;
        }
        match keys.wait(clock, left)? {
            Some(Key::Char('1')) => {
                write!(out, "1")?;
                out.flush()?;
                break match keys.wait(clock, TEN_WITHIN)? {
                    Some(Key::Char('0')) => Asked::Value(10),
                    Some(Key::Interrupt) => Asked::Interrupted,
                    other => {
                        keys.next = other;
                        Asked::Value(1)
                    }
                };
            }
            Some(Key::Char(digit @ '0'..='9')) => break Asked::Value(digit as u8 - b'0'),
            Some(Key::Enter | Key::Escape | Key::Char('q')) => break Asked::Skipped,
            Some(Key::Interrupt) => break Asked::Interrupted,
            _ => {}
        }
    };
    match asked {
        Asked::Value(10) => write!(out, "0")?,
        Asked::Value(1) | Asked::Interrupted => {}
        Asked::Value(value) => write!(out, "{value}")?,
        Asked::Skipped => write!(out, "skipped")?,
    }
    out.flush()?;
    Ok(asked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;

    fn ask(keys: Vec<(f64, Key)>) -> (Asked, String) {
        let (mut answers, out) = ask_twice(keys);
        (answers.remove(0), out)
    }

    /// Two questions in a row, as the check-in asks them.
    fn ask_twice(keys: Vec<(f64, Key)>) -> (Vec<Asked>, String) {
        let mut out = Vec::new();
        let within = Duration::from_secs(60);
        let mut script = Script(keys);
        let mut keys = Ahead::new(&mut script);
        let mut clock = VirtualClock::default();
        let first = scale(&mut out, &mut keys, &mut clock, "Q? ", within).unwrap();
        out.push(b'|');
        let second = scale(&mut out, &mut keys, &mut clock, "R? ", within).unwrap();
        (vec![first, second], String::from_utf8(out).unwrap())
    }

    #[test]
    fn a_digit_answers_one_then_zero_is_ten_and_ctrl_c_is_not_a_skip() {
        assert_eq!(ask(vec![(1.0, Key::Char('7'))]), (Asked::Value(7), "Q? 7|R? skipped".into()));
        assert_eq!(
            ask(vec![(1.0, Key::Char('1')), (1.2, Key::Char('0'))]),
            (Asked::Value(10), "Q? 10|R? skipped".into())
        );
        assert_eq!(ask(vec![(1.0, Key::Char('1')), (3.0, Key::Char('0'))]).0, Asked::Value(1), "a 0 much later");
        // 1 then 5 typed fast: 1 answers this question and the 5 the next.
        assert_eq!(
            ask_twice(vec![(1.0, Key::Char('1')), (1.1, Key::Char('5'))]),
            (vec![Asked::Value(1), Asked::Value(5)], "Q? 1|R? 5".into())
        );
        assert_eq!(ask_twice(vec![(1.0, Key::Char('1')), (1.1, Key::Enter)]).0, [Asked::Value(1), Asked::Skipped]);
        assert_eq!(ask(vec![(1.0, Key::Enter)]), (Asked::Skipped, "Q? skipped|R? skipped".into()));
        assert_eq!(ask(vec![(1.0, Key::Char('x')), (2.0, Key::Char('0'))]).0, Asked::Value(0), "other keys ignored");
        assert_eq!(ask(vec![(1.0, Key::Interrupt)]).0, Asked::Interrupted);
        assert_eq!(ask(vec![(1.0, Key::Char('1')), (1.1, Key::Interrupt)]).0, Asked::Interrupted);
        assert_eq!(ask(vec![]).0, Asked::Skipped, "no answer in time");
    }
}
