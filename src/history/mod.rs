//! The history: what was done and felt, one JSON line per entry, appended to a file per month
//! (README, "History"). `Entry` is the line format, `store` reads and appends the files,
//! and `stats` turns entries into figures (pure: "now"
//! and the time zone are arguments).
//!
//! The format is stable: fields and kinds are only ever added, so every reader ignores fields
//! it does not know and keeps entries of kinds it does not know without counting them.

pub mod measures;
pub mod stats;
pub mod store;
mod words;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Serialize};

pub use store::Store;
pub use words::{Answer, Delivered, Ending, RoutineVariant};

/// The line format's version; bumped only if a field ever changed meaning (it has not).
pub const VERSION: u32 = 1;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A guided session (`routine --guided`), however it ended.
    Session,
    /// A reminder: shown as a notification or in the terminal, or held back and why.
    Reminder,
    /// What the person did with a notification: Done, Snooze, or nothing until it closed.
    Response,
    /// A pain rating, 0-10.
    Pain,
    /// A routine or break done without the tool (`backpain log done`).
    Break,
    /// The weekly check-in (`backpain log check-in`): the PEG items and the person's activities.
    #[serde(rename = "check-in")]
    CheckIn,
    /// A kind written by a newer backpain: kept and listed, not counted.
    #[serde(other)]
    Other,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Reminder => "reminder",
            Kind::Response => "response",
            Kind::Pain => "pain",
            Kind::Break => "break",
            Kind::CheckIn => "check-in",
            Kind::Other => "other",
        }
    }
}

/// One line of the history. Flat, with every kind's fields optional, so that a line written by
/// a newer version (more fields, a new kind) still reads; `problem` checks what each kind needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub v: u32,
    /// Unique per entry (a random UUID): copies of the same file merge by it.
    pub id: String,
    /// When it happened, RFC 3339 with the local offset of the machine that wrote it.
    pub at: String,
    pub kind: Kind,
    /// Every kind but some responses: a location id (lower, upper, sciatic, hip, neck).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// session, break: "full" or "micro".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<RoutineVariant>,
    /// session: the condition ids whose precautions applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// session: morning mode was on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub morning: Option<bool>,
    /// session: "finished", "quit" or "interrupted".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<Ending>,
    /// session: how many drills the plan had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<u32>,
    /// session: drill ids played to the end.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    /// session: drill ids skipped with n.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    /// session: the drill under way when it was quit or interrupted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
    /// session: the plan's length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_seconds: Option<u64>,
    /// session: from the first cue to the end, pauses excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u64>,
    /// session: time spent paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_seconds: Option<u64>,
    /// reminder: "notification", "terminal", "held", "skipped" or "retimed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<Delivered>,
    /// reminder: why it was shown in the terminal or held back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// reminder: a repeat asked for with Snooze; response: the answer to such a repeat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed: Option<bool>,
    /// reminder: the drill ids it named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drills: Vec<String>,
    /// reminder: it said the weekly check-in was due (said once per check-in due).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in_due: Option<bool>,
    /// response: "done", "snooze", "expired" or "open".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Answer>,
    /// response: the id of the reminder answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder: Option<String>,
    /// pain: 0 (none) to 10 (worst imaginable), the numeric rating scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    /// pain: the id of the session it was asked after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// pain, break, check-in: the person's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// check-in: the three PEG answers, 0-10 each; an item skipped is left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peg: Option<Peg>,
    /// check-in: the activities the person finds hard (PSFS), each rated 0 (unable) to 10 (as
    /// before), or listed without a score when its question was skipped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
}

/// The PEG's three items (Krebs 2009), each 0-10: pain on average in the past week, and how much
/// pain interfered with enjoyment of life and with general activity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peg {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enjoyment: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<u8>,
}

impl Peg {
    /// The PEG score, the mean of the three items; none unless all three were answered.
    pub fn score(&self) -> Option<f64> {
        match (self.pain, self.enjoyment, self.activity) {
            (Some(p), Some(e), Some(g)) => Some(f64::from(u32::from(p) + u32::from(e) + u32::from(g)) / 3.0),
            _ => None,
        }
    }

    fn items(&self) -> [Option<u8>; 3] {
        [self.pain, self.enjoyment, self.activity]
    }
}

/// One activity of the Patient-Specific Functional Scale and how well it can be done now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

impl Entry {
    /// A new entry of `kind` at `at`, with a fresh id and every other field empty.
    pub fn new(kind: Kind, at: DateTime<FixedOffset>) -> Entry {
        Entry {
            v: VERSION,
            id: uuid::Uuid::new_v4().to_string(),
            at: at.to_rfc3339_opts(SecondsFormat::Secs, false),
            kind,
            location: None,
            variant: None,
            conditions: Vec::new(),
            morning: None,
            ending: None,
            steps: None,
            done: Vec::new(),
            skipped: Vec::new(),
            stopped: None,
            planned_seconds: None,
            seconds: None,
            paused_seconds: None,
            delivered: None,
            reason: None,
            snoozed: None,
            drills: Vec::new(),
            check_in_due: None,
            action: None,
            reminder: None,
            rating: None,
            after: None,
            note: None,
            peg: None,
            activities: Vec::new(),
        }
    }

    /// `at` as a time; `problem` has proven it parses for every entry a reader hands out.
    pub fn time(&self) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(&self.at).ok()
    }

    /// What makes this line unusable, if anything: the fields every line needs, and the ones
    /// its kind is counted by.
    pub fn problem(&self) -> Option<String> {
        let fields = Fields {
            v: self.v,
            id: &self.id,
            at: &self.at,
            kind: self.kind,
            rating: self.rating,
            has_action: self.action.is_some(),
            scores: &scores(self.peg.as_ref(), &self.activities),
        };
        fields.check().err()
    }

    /// Whether this entry is a break taken or a routine done: what streaks and "taken" count.
    pub fn is_activity(&self) -> bool {
        match self.kind {
            Kind::Break => true,
            Kind::Response => self.action == Some(Answer::Done),
            // A session counts once at least one drill was played to the end.
            Kind::Session => !self.done.is_empty(),
            _ => false,
        }
    }

    /// The month file this entry belongs in: its own local date's year and month.
    pub fn month(&self) -> Option<String> {
        self.time().map(|at| at.format("%Y-%m").to_string())
    }
}

/// The fields a line is checked by, whichever way it was read.
pub struct Fields<'a> {
    pub v: u32,
    pub id: &'a str,
    pub at: &'a str,
    pub kind: Kind,
    pub rating: Option<u8>,
    pub has_action: bool,
    /// check-in: every score it holds, PEG items first.
    pub scores: &'a [u8],
}

/// The scores a check-in holds, for `Fields::check`.
pub fn scores(peg: Option<&Peg>, activities: &[Activity]) -> Vec<u8> {
    let peg = peg.map(Peg::items).unwrap_or_default();
    peg.into_iter().flatten().chain(activities.iter().filter_map(|activity| activity.score)).collect()
}

impl Fields<'_> {
    /// The line's time, or what makes it unusable.
    pub fn check(&self) -> Result<DateTime<FixedOffset>, String> {
        if self.v == 0 {
            return Err("`v` must be 1 or more".into());
        }
        if self.id.trim().is_empty() {
            return Err("`id` is empty".into());
        }
        let at = DateTime::parse_from_rfc3339(self.at)
            .map_err(|_| format!("`at` is `{}`, not an RFC 3339 time such as 2026-12-01T09:30:00+01:00", self.at))?;
        match (self.kind, self.rating) {
            (Kind::Pain, None) => Err("a pain entry has no `rating`".into()),
            (Kind::Pain, Some(rating)) if rating > 10 => Err(format!("pain rating {rating} is out of 0-10")),
            (Kind::Response, _) if !self.has_action => Err("a response has no `action`".into()),
            (Kind::CheckIn, _) if self.scores.iter().any(|&score| score > 10) => {
                Err(format!("a check-in score is out of 0-10: {:?}", self.scores))
            }
            _ => Ok(at),
        }
    }
}

/// Where sessions and reminders record what happened. Recording never stops them: a failure
/// comes back as a message for a warning.
pub trait Journal {
    fn record(&mut self, entry: &Entry) -> Result<(), String>;
}

/// Records nothing: `--dry-run`, and tests that are not about the history.
pub struct Nowhere;

impl<J: Journal + ?Sized> Journal for &mut J {
    fn record(&mut self, entry: &Entry) -> Result<(), String> {
        (**self).record(entry)
    }
}

impl Journal for Nowhere {
    fn record(&mut self, _entry: &Entry) -> Result<(), String> {
        Ok(())
    }
}

/// Keeps entries in memory, for tests.
impl Journal for Vec<Entry> {
    fn record(&mut self, entry: &Entry) -> Result<(), String> {
        self.push(entry.clone());
        Ok(())
    }
}

impl Journal for Store {
    fn record(&mut self, entry: &Entry) -> Result<(), String> {
        self.append(entry).map(|_| ()).map_err(|err| err.to_string())
    }
}

/// A journal that warns once, on `warn`, when recording fails, and then stays quiet: a session
/// or reminder loop goes on without its history rather than repeating the same warning.
pub struct Warned<J> {
    pub journal: J,
    pub warned: bool,
}

impl<J: Journal> Warned<J> {
    pub fn new(journal: J) -> Self {
        Warned { journal, warned: false }
    }

    /// Records `entry`; the first failure returns the warning line to print.
    pub fn record(&mut self, entry: &Entry) -> Option<String> {
        match self.journal.record(entry) {
            Ok(()) => None,
            Err(_) if self.warned => None,
            Err(err) => {
                self.warned = true;
                Some(format!("backpain: warning: not recorded in the history: {err}"))
            }
        }
    }
}

/// `backpain log`: what was recorded, and where.
#[derive(Debug, Serialize)]
pub struct LoggedReport {
    pub entry: Entry,
    pub file: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_carries_only_its_kinds_fields_and_reads_back() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:30:00+01:00").unwrap();
        let mut entry = Entry::new(Kind::Pain, at);
        entry.location = Some("lower".into());
        entry.rating = Some(4);
        let line = serde_json::to_string(&entry).unwrap();
        assert!(line.starts_with(r#"{"v":1,"id":""#), "{line}");
        assert!(line.ends_with(r#","at":"2026-12-01T09:30:00+01:00","kind":"pain","location":"lower","rating":4}"#));
        assert_eq!(serde_json::from_str::<Entry>(&line).unwrap(), entry);
        assert_eq!(entry.month().as_deref(), Some("2026-12"));
    }

    #[test]
    fn newer_fields_and_kinds_still_read() {
        let line = r#"{"v":2,"id":"x","at":"2026-12-01T09:30:00Z","kind":"mood","mood":"fine","location":"neck"}"#;
        let entry: Entry = serde_json::from_str(line).unwrap();
        assert_eq!((entry.kind, entry.problem()), (Kind::Other, None));
    }

    #[test]
    fn problems_name_the_field() {
        let line = r#"{"v":1,"id":"x","at":"yesterday","kind":"break"}"#;
        let problem = serde_json::from_str::<Entry>(line).unwrap().problem().unwrap();
        assert!(problem.starts_with("`at` is `yesterday`, not an RFC 3339 time"), "{problem}");
        let line = r#"{"v":1,"id":"x","at":"2026-12-01T09:30:00Z","kind":"pain","rating":11}"#;
        assert_eq!(serde_json::from_str::<Entry>(line).unwrap().problem().unwrap(), "pain rating 11 is out of 0-10");
    }
}
