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
use crate::tui::ask::{scale, Ahead, Asked};
use crate::tui::Keys;

/// How long the question waits before it counts as skipped.
const ASK_FOR: Duration = Duration::from_secs(120);

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

/// Asks "How is your back now, 0-10? (Enter to skip)" and reads one key (`tui::ask::scale`):
/// Enter, Esc, q, Ctrl-C or two minutes without a key skip. Raw mode must be on.
pub fn ask_pain(out: &mut dyn Write, keys: &mut dyn Keys, clock: &mut dyn Clock) -> io::Result<Option<u8>> {
    let mut keys = Ahead::new(keys);
    let asked = scale(out, &mut keys, clock, "How is your back now, 0-10? (Enter to skip) ", ASK_FOR)?;
    let rating = match asked {
        Asked::Value(rating) => Some(rating),
        Asked::Skipped | Asked::Interrupted => None,
    };
    match asked {
        Asked::Value(_) => write!(out, " - recorded, thank you.\r\n")?,
        Asked::Skipped => write!(out, ".\r\n")?,
        Asked::Interrupted => write!(out, "skipped.\r\n")?,
    }
    out.flush()?;
    Ok(rating)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;
    use crate::tui::Key;

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
