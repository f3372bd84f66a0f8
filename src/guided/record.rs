//! What a session leaves in the history: its summary as an entry, and on a terminal the
//! one-key question "How is your back now?" afterwards.

use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use super::cues::Cue;
use super::player::{Ending, Summary};
use crate::history::{Entry, Kind};
use crate::platform::clock::Clock;
use crate::report::RoutineReport;
use crate::tui::{Key, Keys};

/// How long the question waits before it counts as skipped.
const ASK_FOR: Duration = Duration::from_secs(120);
/// After a 1, how long to wait for the 0 of a 10.
const TEN_WITHIN: Duration = Duration::from_millis(1500);

/// The session that started at `at`, as the history keeps it.
pub fn entry(
    report: &RoutineReport,
    cues: &[Cue],
    summary: &Summary,
    morning: bool,
    at: DateTime<FixedOffset>,
) -> Entry {
    let drill = |step: usize| {
        cues.iter().find_map(|cue| match cue {
            Cue::Drill { step: s, id, .. } if *s == step => Some(id.to_string()),
            _ => None,
        })
    };
    let mut entry = Entry::new(Kind::Session, at);
    entry.location = Some(report.location.to_string());
    entry.variant = Some(report.variant.into());
    entry.conditions = report.conditions.iter().map(|condition| condition.id.to_string()).collect();
    entry.morning = Some(morning);
    entry.ending = Some(match summary.ending {
        Ending::Finished => crate::history::Ending::Finished,
        Ending::Quit => crate::history::Ending::Quit,
        Ending::Interrupted => crate::history::Ending::Interrupted,
    });
    entry.steps = Some(summary.steps as u32);
    entry.done = summary.done.iter().filter_map(|&step| drill(step)).collect();
    entry.skipped = summary.skipped.iter().filter_map(|&step| drill(step)).collect();
    entry.stopped = summary.stopped.and_then(drill);
    entry.planned_seconds = Some(u64::from(report.total_seconds));
    entry.seconds = Some(summary.elapsed.saturating_sub(summary.paused).as_secs());
    entry.paused_seconds = Some(summary.paused.as_secs());
    entry
}

/// Asks "How is your back now, 0-10? (Enter to skip)" and reads one key: a digit is the rating
/// (1 then 0 within a moment is 10); Enter, Esc, q, Ctrl-C or two minutes without a key skip.
/// Raw mode must be on, so lines end in `\r\n`.
pub fn ask_pain(out: &mut dyn Write, keys: &mut dyn Keys, clock: &mut dyn Clock) -> io::Result<Option<u8>> {
    write!(out, "How is your back now, 0-10? (Enter to skip) ")?;
    out.flush()?;
    let start = clock.now();
    let rating = loop {
        let left = ASK_FOR.saturating_sub(clock.now() - start);
        if left.is_zero() {
            break None;
        }
        match keys.wait(clock, left)? {
            Some(Key::Char('1')) => {
                write!(out, "1")?;
                out.flush()?;
                break match keys.wait(clock, TEN_WITHIN)? {
                    Some(Key::Char('0')) => Some(10),
                    _ => Some(1),
                };
            }
            Some(Key::Char(digit @ '0'..='9')) => break digit.to_digit(10).map(|d| d as u8),
            Some(Key::Enter | Key::Escape | Key::Interrupt | Key::Char('q')) => break None,
            _ => {}
        }
    };
    match rating {
        Some(10) => write!(out, "0 - recorded, thank you.\r\n")?,
        Some(1) => write!(out, " - recorded, thank you.\r\n")?,
        Some(rating) => write!(out, "{rating} - recorded, thank you.\r\n")?,
        None => write!(out, "skipped.\r\n")?,
    }
    out.flush()?;
    Ok(rating)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;

    fn ask(keys: Vec<(f64, Key)>) -> (Option<u8>, String) {
        let mut out = Vec::new();
        let rating = ask_pain(&mut out, &mut Script(keys), &mut VirtualClock::default()).unwrap();
        (rating, String::from_utf8(out).unwrap())
    }

    #[test]
    fn one_key_answers_and_anything_else_skips() {
        assert_eq!(
            ask(vec![(2.0, Key::Char('4'))]),
            (Some(4), "How is your back now, 0-10? (Enter to skip) 4 - recorded, thank you.\r\n".into())
        );
        assert_eq!(ask(vec![(1.0, Key::Char('x')), (2.0, Key::Char('0'))]).0, Some(0), "other keys are ignored");
        assert_eq!(ask(vec![(1.0, Key::Char('1')), (1.5, Key::Char('0'))]).0, Some(10));
        assert_eq!(ask(vec![(1.0, Key::Char('1')), (4.0, Key::Char('0'))]).0, Some(1), "a 0 much later is not a 10");
        assert_eq!(
            ask(vec![(1.0, Key::Enter)]),
            (None, "How is your back now, 0-10? (Enter to skip) skipped.\r\n".into())
        );
        assert_eq!(ask(vec![(1.0, Key::Interrupt)]).0, None);
        assert_eq!(ask(vec![]).0, None, "no answer in two minutes");
    }
}
