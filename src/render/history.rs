//! `backpain history` as it streams: a line of text or a CSV row per entry (`--json` prints
//! the stored lines as they are, in `cmd::history`).

use std::io::{self, Write};

use crate::history::{Answer, Entry, Kind};

/// Receives the entries one at a time, in order.
pub trait Sink {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// `line` is the entry as stored.
    fn entry(&mut self, entry: &Entry, line: &str) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
}

/// The CSV columns, in order (README, "History").
pub const CSV_HEADER: &str = "id,at,kind,location,variant,conditions,morning,ending,steps,done,skipped,stopped,\
planned_seconds,seconds,paused_seconds,delivered,reason,snoozed,drills,action,reminder,rating,after,note,\
peg_pain,peg_enjoyment,peg_activity,activities,check_in_due";

/// CSV (RFC 4180): a header, then one row per entry; lists are joined with `;`.
pub struct Csv<'a> {
    pub out: &'a mut dyn Write,
}

impl Sink for Csv<'_> {
    fn begin(&mut self) -> io::Result<()> {
        self.out.write_all(CSV_HEADER.as_bytes())?;
        self.out.write_all(b"\r\n")
    }

    fn entry(&mut self, entry: &Entry, _line: &str) -> io::Result<()> {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let word = |value: Option<&str>| value.unwrap_or_default().to_string();
        let number = |value: Option<u64>| value.map(|n| n.to_string()).unwrap_or_default();
        let flag = |value: Option<bool>| value.map(|b| b.to_string()).unwrap_or_default();
        let fields = [
            entry.id.clone(),
            entry.at.clone(),
            entry.kind.name().to_string(),
            text(&entry.location),
            word(entry.variant.as_deref()),
            entry.conditions.join(";"),
            flag(entry.morning),
            word(entry.ending.as_deref()),
            number(entry.steps.map(u64::from)),
            entry.done.join(";"),
            entry.skipped.join(";"),
            text(&entry.stopped),
            number(entry.planned_seconds),
            number(entry.seconds),
            number(entry.paused_seconds),
            word(entry.delivered.as_deref()),
            text(&entry.reason),
            flag(entry.snoozed),
            entry.drills.join(";"),
            word(entry.action.as_deref()),
            text(&entry.reminder),
            number(entry.rating.map(u64::from)),
            text(&entry.after),
            text(&entry.note),
            number(entry.peg.and_then(|peg| peg.pain).map(u64::from)),
            number(entry.peg.and_then(|peg| peg.enjoyment).map(u64::from)),
            number(entry.peg.and_then(|peg| peg.activity).map(u64::from)),
            // name=score, or the name alone when it was not rated.
            entry
                .activities
                .iter()
                .map(|activity| match activity.score {
                    Some(score) => format!("{}={score}", activity.name),
                    None => activity.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(";"),
            flag(entry.check_in_due),
        ];
        let mut row = String::with_capacity(256);
        for (index, field) in fields.iter().enumerate() {
            if index > 0 {
                row.push(',');
            }
            row.push_str(&csv_field(field));
        }
        row.push_str("\r\n");
        self.out.write_all(row.as_bytes())
    }

    fn end(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A field quoted when it holds a comma, a quote or a line break, quotes doubled. A field a
/// spreadsheet would evaluate as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: a note, or a field of a synced file) gets a leading `'` and quotes, as
/// OWASP recommends against CSV injection, so it opens as the text it is.
pub fn csv_field(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", field.replace('"', "\"\"")).into()
    } else if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// One line of text per entry: when (in the local time it was written in), kind, location
/// and what happened.
pub struct Table<'a> {
    pub out: &'a mut dyn Write,
    pub shown: usize,
    /// Named when there is nothing to show.
    pub dir: String,
}

impl Sink for Table<'_> {
    fn entry(&mut self, entry: &Entry, _line: &str) -> io::Result<()> {
        self.shown += 1;
        let when = entry.time().map(|at| at.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| entry.at.clone());
        let location = entry.location.as_deref().unwrap_or("-");
        // Every field may come from a hand-edited or synced file: escaped, never sent raw.
        let line = format!("{when}  {:<9} {location:<8} {}", entry.kind.name(), describe(entry));
        writeln!(self.out, "{}", crate::term::text::printable(&line))
    }

    fn end(&mut self) -> io::Result<()> {
        if self.shown == 0 {
            writeln!(
                self.out,
                "No entries in {}. Guided sessions and reminders record themselves; `backpain log` adds your own.",
                self.dir
            )?;
        }
        self.out.flush()
    }
}

/// What happened, in a few words.
pub fn describe(entry: &Entry) -> String {
    let note = entry.note.as_ref().map(|note| format!(" - {note}")).unwrap_or_default();
    match entry.kind {
        Kind::Session => {
            let variant = entry.variant.as_deref().unwrap_or("full");
            let ending = entry.ending.as_deref().unwrap_or("finished");
            let steps = entry.steps.map(|steps| format!(" of {steps}")).unwrap_or_default();
            let mut text = format!("{variant}, {ending}: {}{steps} drills done", entry.done.len());
            if !entry.skipped.is_empty() {
                text.push_str(&format!(", {} skipped", entry.skipped.len()));
            }
            if let Some(stopped) = &entry.stopped {
                text.push_str(&format!(", stopped in {stopped}"));
            }
            let seconds = entry.seconds.unwrap_or(0);
            text.push_str(&format!(", {}:{:02}", seconds / 60, seconds % 60));
            text
        }
        Kind::Reminder => {
            let delivered = entry.delivered.as_deref().unwrap_or("shown");
            let again = if entry.snoozed == Some(true) { " (snoozed)" } else { "" };
            let drills = if entry.drills.is_empty() { String::new() } else { format!(": {}", entry.drills.join(", ")) };
            let reason = entry.reason.as_ref().map(|reason| format!("; {reason}")).unwrap_or_default();
            format!("{delivered}{again}{drills}{reason}")
        }
        Kind::Response => {
            let action = match &entry.action {
                Some(Answer::Done) => "Done",
                Some(Answer::Snooze) => "Snooze",
                Some(Answer::Expired) => "closed unanswered",
                Some(Answer::Open) => "Open (the routine, in a terminal)",
                Some(Answer::Unknown(other)) => other,
                None => "?",
            };
            let again = if entry.snoozed == Some(true) { " on a snoozed repeat" } else { "" };
            format!("{action}{again}")
        }
        Kind::Pain => {
            let after = if entry.after.is_some() { " (after a session)" } else { "" };
            format!("{}/10{after}{note}", entry.rating.unwrap_or(0))
        }
        Kind::Break => format!("{} routine, done without backpain{note}", entry.variant.as_deref().unwrap_or("full")),
        Kind::CheckIn => {
            let mut parts = Vec::new();
            if let Some(peg) = &entry.peg {
                let item = |value: Option<u8>| value.map_or_else(|| "-".to_string(), |value| value.to_string());
                let score = peg.score().map(|score| format!(" {score:.1}")).unwrap_or_default();
                parts.push(format!(
                    "PEG{score} (pain {}, enjoyment {}, activity {})",
                    item(peg.pain),
                    item(peg.enjoyment),
                    item(peg.activity)
                ));
            }
            for activity in &entry.activities {
                match activity.score {
                    Some(score) => parts.push(format!("{} {score}/10", activity.name)),
                    None => parts.push(format!("{} not rated", activity.name)),
                }
            }
            if parts.is_empty() {
                parts.push("nothing rated".into());
            }
            format!("{}{note}", parts.join("; "))
        }
        Kind::Other => "(an entry from a newer backpain)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_a_spreadsheet_would_evaluate_open_as_text() {
        assert_eq!(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        for formula in ["+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            let cell = csv_field(formula);
            assert!(cell.starts_with("\"'"), "{formula:?}: {cell}");
        }
        assert_eq!(csv_field("2026-12-01T09:00:00+01:00"), "2026-12-01T09:00:00+01:00");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"ok\"\nthen"), "\"say \"\"ok\"\"\nthen\"");
    }
}
