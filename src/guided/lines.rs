//! Guided sessions without a terminal: one plain line per change, or one JSON object per line
//! (`--json`). No escape codes, no bell; each line is flushed as it happens so a reader at the
//! other end of the pipe follows along.

use std::io::{self, Write};

use super::cues::Cue;
use super::player::{Ending, Event, Progress, Summary, View};
use crate::dataset::Urgency;
use serde::Serialize;

use crate::report::RoutineReport;
use crate::time::{clock as clock_text, words as minutes_or_seconds};

/// What a cue says, in one line.
pub fn describe(cue: &Cue) -> String {
    let set = |set: u32, sets: u32| if sets > 1 { format!(", set {set} of {sets}") } else { String::new() };
    let side = |side: Option<super::cues::Side>| side.map(|side| format!(", {}", side.label())).unwrap_or_default();
    match cue {
        Cue::Drill { step, steps, name, position, dose, cues, cautions, .. } => {
            let care =
                if cautions.is_empty() { String::new() } else { format!(" Take care: {}.", cautions.join("; ")) };
            format!("Drill {step} of {steps}: {name}, {}, {dose}. {}.{care}", position.label(), cues.join(". "))
        }
        Cue::Position { seconds, .. } => format!("Get into position: {seconds} s"),
        // One hold or one timed rep (a 3-minute walk) is not "rep 1 of 1".
        Cue::Hold { set: s, sets, side: d, reps: 1, seconds, .. } => {
            format!("Hold {seconds} s{}{}", side(*d), set(*s, *sets))
        }
        Cue::Hold { set: s, sets, side: d, rep, reps, seconds, .. } => {
            format!("Hold {seconds} s: rep {rep} of {reps}{}{}", side(*d), set(*s, *sets))
        }
        Cue::Reps { set: s, sets, side: d, reps: 1, seconds, .. } => {
            format!("{}{}{}", minutes_or_seconds(*seconds), side(*d), set(*s, *sets))
        }
        Cue::Reps { set: s, sets, side: d, reps, rep_seconds, seconds, .. } => format!(
            "{reps} reps, about {rep_seconds} s each ({}){}{}",
            minutes_or_seconds(*seconds),
            side(*d),
            set(*s, *sets)
        ),
        Cue::SwitchSides { side, .. } => format!("Switch to the {}", side.label()),
        Cue::Rest { next_set, seconds, .. } => format!("Rest {seconds} s before set {next_set}"),
    }
}

/// The name of drill `step` (counted from 1).
pub fn drill_name(cues: &[Cue], step: usize) -> &'static str {
    cues.iter()
        .find_map(|cue| match cue {
            Cue::Drill { step: s, name, .. } if *s == step => Some(*name),
            _ => None,
        })
        .unwrap_or("?")
}

/// The closing line: what was done, skipped and not reached, and how long it took.
pub fn summary_text(summary: &Summary, cues: &[Cue]) -> String {
    let time = clock_text(summary.elapsed);
    let paused =
        if summary.paused.is_zero() { String::new() } else { format!(", {} of it paused", clock_text(summary.paused)) };
    let skipped = if summary.skipped.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = summary.skipped.iter().map(|&step| drill_name(cues, step)).collect();
        format!(", {} skipped ({})", summary.skipped.len(), names.join(", "))
    };
    let done = summary.done.len();
    let steps = summary.steps;
    match summary.ending {
        Ending::Finished => format!("Done: {done} of {steps} drills{skipped}, in {time}{paused}."),
        Ending::Quit | Ending::Interrupted => {
            let how = if summary.ending == Ending::Quit { "Stopped" } else { "Interrupted" };
            let stopped = summary
                .stopped
                .map(|step| format!(", 1 stopped part-way ({})", drill_name(cues, step)))
                .unwrap_or_default();
            format!(
                "{how} after {time}{paused}: {done} of {steps} drills done{skipped}{stopped}, {} not reached.",
                summary.not_reached()
            )
        }
    }
}

/// What a line of the introduction is, so the terminal can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    Title,
    Warning,
    Rule,
    Adjustment,
    /// One line that names what the session was adapted for: kept on every screen size.
    Adapted,
    FlagsHeading,
    /// "Emergency: call ... now": what to do for the flags that follow.
    Urgency(crate::dataset::Urgency),
    Flag(crate::dataset::Urgency),
    Disclaimer,
}

/// The lines said before the session starts: the location's warning first, the intensity
/// rule, what was changed, then the red flags.
pub fn intro(report: &RoutineReport) -> Vec<(Said, String)> {
    let mut lines = vec![(
        Said::Title,
        format!(
            "Guided session: {}, {} routine, {} drills, {}.",
            report.name,
            report.variant.label(),
            report.steps.len(),
            minutes_or_seconds(report.total_seconds)
        ),
    )];
    if let Some(warning) = report.warning {
        lines.push((Said::Warning, format!("WARNING: {warning}")));
    }
    if let Some(adapted) = adapted(report) {
        lines.push((Said::Adapted, adapted));
    }
    if let Some(rule) = report.rules.iter().find(|rule| rule.id == "intensity") {
        lines.push((Said::Rule, format!("{}: {} ({})", rule.title, rule.text, rule.evidence.status.label())));
    }
    lines.extend(report.conditions.iter().filter_map(|condition| {
        condition.first.map(|first| (Said::Adjustment, format!("{}: {first}", condition.name)))
    }));
    lines.extend(report.adjustments.iter().map(|line| (Said::Adjustment, line.clone())));
    if let Some(rule) = report.rules.iter().find(|rule| rule.id == "not-today") {
        lines.push((Said::Rule, format!("{}: {}", rule.title, rule.text)));
    }
    lines.push((Said::FlagsHeading, "Stop and get medical help if:".into()));
    for urgency in [Urgency::Emergency, Urgency::Urgent, Urgency::Gp] {
        let mut group = report.red_flags.iter().filter(|flag| flag.urgency == urgency).peekable();
        if let Some(first) = group.peek() {
            lines.push((Said::Urgency(urgency), format!("{}: {}:", urgency.heading(), first.when)));
        }
        lines.extend(group.map(|flag| (Said::Flag(urgency), flag.text.to_string())));
    }
    lines.push((Said::Disclaimer, report.disclaimer.to_string()));
    lines
}

/// "Adapted for Pregnancy: 2 drills swapped, 1 left out, 1 added." The one line a small screen
/// keeps about what the conditions (and morning mode or a time budget) changed; `None` when
/// nothing was.
fn adapted(report: &RoutineReport) -> Option<String> {
    if report.conditions.is_empty() && report.adjustments.is_empty() {
        return None;
    }
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 drill {what}")),
        n => Some(format!("{n} drills {what}")),
    };
    let swapped = report.changes.iter().filter(|change| change.replaced_by.is_some()).count();
    let added = report.changes.iter().filter(|change| change.added).count();
    let left = report.changes.len() - swapped - added;
    let mut parts: Vec<String> =
        [count(swapped, "swapped"), count(left, "left out"), count(added, "added")].into_iter().flatten().collect();
    // The conditions' changes are one line per condition (and per added set); any other line is
    // morning mode or the time budget.
    let mut groups: Vec<(&[&str], bool)> = Vec::new();
    for change in &report.changes {
        if !groups.contains(&(change.conditions.as_slice(), change.added)) {
            groups.push((change.conditions.as_slice(), change.added));
        }
    }
    if report.adjustments.len() > groups.len() {
        parts.push("other changes for today".into());
    }
    let done = if parts.is_empty() { "nothing to change".to_string() } else { parts.join(", ") };
    let names: Vec<&str> = report.conditions.iter().map(|condition| condition.name).collect();
    Some(if names.is_empty() {
        format!("Changed for today: {done} (listed below).")
    } else {
        format!("Adapted for {}: {done}.", names.join(", "))
    })
}

/// The introduction as plain lines.
pub fn say_intro(out: &mut dyn Write, report: &RoutineReport) -> io::Result<()> {
    for (said, line) in intro(report) {
        let bullet = if matches!(said, Said::Flag(_)) { "  - " } else { "" };
        writeln!(out, "{bullet}{line}")?;
    }
    out.flush()
}

/// One plain line per event: "[1:05] Hold 20 s: rep 1 of 3, left side".
pub struct PlainLines<'a> {
    pub out: &'a mut dyn Write,
}

impl View for PlainLines<'_> {
    fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()> {
        let text = match event {
            Event::Cue(cue) => describe(cue),
            Event::Paused => "Paused".into(),
            Event::Resumed => "Resumed".into(),
            Event::Skipped { step } => format!("Skipped drill {step}: {}", drill_name(status.cues, *step)),
            Event::End(summary) => summary_text(summary, status.cues),
        };
        writeln!(self.out, "[{}] {text}", clock_text(status.elapsed))?;
        self.out.flush()
    }
}

/// One JSON object per line, `"event"` naming its kind and `"at"` the session second.
pub struct JsonLines<'a> {
    pub out: &'a mut dyn Write,
}

impl JsonLines<'_> {
    /// The first line: the whole routine report, as `routine --json` prints it.
    pub fn start(&mut self, report: &RoutineReport) -> io::Result<()> {
        self.line(&EventLine { event: SessionEvent::Note(EventNote::Start { routine: report }), at: 0 })
    }

    fn line(&mut self, line: &EventLine<'_>) -> io::Result<()> {
        // To a buffer first: a closed pipe then shows up as a plain io::Error from `write_all`.
        let mut bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}

/// An event as its JSON line.
pub fn event_line<'a>(event: &'a Event, status: &Progress) -> EventLine<'a> {
    let note = match event {
        Event::Cue(cue) => return EventLine { event: SessionEvent::Cue(cue), at: status.elapsed.as_secs() },
        Event::Paused => EventNote::Paused,
        Event::Resumed => EventNote::Resumed,
        Event::Skipped { step } => EventNote::Skipped { step: *step, name: drill_name(status.cues, *step) },
        Event::End(summary) => EventNote::End {
            ending: match summary.ending {
                Ending::Finished => "finished",
                Ending::Quit => "quit",
                Ending::Interrupted => "interrupted",
            },
            steps: summary.steps,
            done: summary.done.len(),
            skipped: summary.skipped.len(),
            stopped: usize::from(summary.stopped.is_some()),
            not_reached: summary.not_reached(),
            seconds: summary.elapsed.as_secs(),
            paused_seconds: summary.paused.as_secs(),
        },
    };
    EventLine { event: SessionEvent::Note(note), at: status.elapsed.as_secs() }
}

impl View for JsonLines<'_> {
    fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()> {
        self.line(&event_line(event, status))
    }
}

/// One line of `routine --guided --json` (README, "JSON events"): the event, and `at`, the
/// session second it happened at.
#[derive(Debug, Serialize)]
pub struct EventLine<'a> {
    #[serde(flatten)]
    pub event: SessionEvent<'a>,
    pub at: u64,
}

/// A cue (a drill, a hold, a rest, ...: its `event` names it) or another moment of the session.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum SessionEvent<'a> {
    Cue(&'a Cue),
    Note(EventNote<'a>),
}

#[derive(Debug, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EventNote<'a> {
    /// The first line: the whole routine report, as `routine --json` prints it.
    Start {
        routine: &'a RoutineReport,
    },
    Paused,
    Resumed,
    Skipped {
        step: usize,
        name: &'static str,
    },
    End {
        /// `finished`, `quit` or `interrupted`.
        ending: &'static str,
        steps: usize,
        done: usize,
        skipped: usize,
        /// 1 when a drill was under way at a quit or interrupt, else 0.
        stopped: usize,
        not_reached: usize,
        seconds: u64,
        paused_seconds: u64,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self, Variant};
    use crate::guided::cues::cues;
    use crate::guided::player::play;
    use crate::plan::Plan;
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;
    use crate::tui::Key;
    use serde_json::{json, Value};

    fn session(keys: Vec<(f64, Key)>, json: bool) -> String {
        let plan = Plan::new(dataset::location("neck").unwrap(), Variant::Micro);
        let cues = cues(&plan);
        let mut out = Vec::new();
        let mut clock = VirtualClock::default();
        if json {
            play(&cues, &mut clock, &mut Script(keys), &mut JsonLines { out: &mut out }).unwrap();
        } else {
            play(&cues, &mut clock, &mut Script(keys), &mut PlainLines { out: &mut out }).unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_lines_say_each_change_with_its_time() {
        let text = session(vec![(12.0, Key::Char(' ')), (20.0, Key::Char(' ')), (30.0, Key::Char('n'))], false);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("[0:00] Drill 1 of 3: Chin tuck, seated, 10 × 5 s hold. "), "{}", lines[0]);
        assert_eq!(lines[1], "[0:00] Hold 5 s: rep 1 of 10");
        assert_eq!(lines[3], "[0:10] Hold 5 s: rep 3 of 10");
        assert_eq!(lines[4], "[0:12] Paused");
        assert_eq!(lines[5], "[0:20] Resumed");
        assert_eq!(lines[6], "[0:23] Hold 5 s: rep 4 of 10");
        assert_eq!(lines[8], "[0:30] Skipped drill 1: Chin tuck");
        assert!(lines[9].starts_with("[0:30] Drill 2 of 3: Neck side-bend"), "{}", lines[9]);
        assert_eq!(lines[10], "[0:30] Get into position: 5 s");
        assert_eq!(lines[11], "[0:35] Hold 20 s, left side");
        assert_eq!(lines[12], "[0:55] Switch to the right side");
        let last = lines.last().unwrap();
        assert!(last.ends_with("Done: 2 of 3 drills, 1 skipped (Chin tuck), in 2:25, 0:08 of it paused."), "{last}");
        assert!(!text.contains('\x1b') && !text.contains('\x07'));
    }

    #[test]
    fn a_single_hold_or_timed_rep_is_not_counted_as_one_of_one() {
        let walk = Cue::Reps { step: 1, set: 1, sets: 1, side: None, reps: 1, rep_seconds: 180, seconds: 180 };
        assert_eq!(describe(&walk), "3 min");
        let walks = Cue::Reps { step: 1, set: 2, sets: 2, side: None, reps: 1, rep_seconds: 90, seconds: 90 };
        assert_eq!(describe(&walks), "1 min 30 s, set 2 of 2");
        let hold = Cue::Hold { step: 1, set: 1, sets: 1, side: None, rep: 1, reps: 1, seconds: 20 };
        assert_eq!(describe(&hold), "Hold 20 s");
        let reps = Cue::Reps { step: 1, set: 1, sets: 1, side: None, reps: 8, rep_seconds: 4, seconds: 32 };
        assert_eq!(describe(&reps), "8 reps, about 4 s each (32 s)");
    }

    #[test]
    fn json_lines_parse_and_carry_their_time() {
        let text = session(vec![(7.0, Key::Char('q'))], true);
        let events: Vec<Value> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
        assert_eq!(events[0]["event"], "drill");
        assert_eq!(events[0]["id"], "chin-tuck");
        assert_eq!(events[0]["cues"].as_array().map(Vec::len), Some(3));
        assert_eq!(
            events[1],
            json!({"event": "hold", "at": 0, "step": 1, "set": 1, "sets": 1, "side": null, "rep": 1, "reps": 10, "seconds": 5})
        );
        assert_eq!(events[2]["at"], 5);
        let end = events.last().unwrap();
        assert_eq!(end["event"], "end");
        assert_eq!(
            (end["ending"].as_str(), end["at"].as_u64(), end["stopped"].as_u64(), end["not_reached"].as_u64()),
            (Some("quit"), Some(7), Some(1), Some(2)),
            "Chin tuck was under way"
        );
    }

    #[test]
    fn an_interrupted_session_counts_the_drill_under_way_as_stopped_part_way() {
        let text = session(vec![(2.0, Key::Interrupt)], false);
        let last = text.lines().last().unwrap();
        assert!(
            last.ends_with(
                "Interrupted after 0:02: 0 of 3 drills done, 1 stopped part-way (Chin tuck), 2 not reached."
            ),
            "{last}"
        );
        let text = session(vec![(30.0, Key::Char('n')), (40.0, Key::Char('q'))], false);
        let last = text.lines().last().unwrap();
        assert!(
            last.ends_with(
                "Stopped after 0:40: 0 of 3 drills done, 1 skipped (Chin tuck), 1 stopped part-way (Neck side-bend), \
                 1 not reached."
            ),
            "{last}"
        );
    }
}
