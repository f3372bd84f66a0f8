//! What a reminder loop was asked to do: the schedule, the drills, and how to report and
//! when to hold (from the flags, the config file and the profile, merged in `cmd/remind.rs`).

use chrono::Duration;

use super::reminder::{Habit, Note};
use super::schedule::Schedule;
use super::Busy;
use crate::dataset::Location;

/// What to remind of, and how to report it.
#[derive(Debug, Clone)]
pub struct Settings {
    pub schedule: Schedule,
    pub location: &'static Location,
    /// The drills the reminders rotate through: the location's micro routine, as the person's
    /// conditions leave it (never empty).
    pub routine: Vec<crate::plan::PlannedStep>,
    /// The names of the conditions the routine was adapted for, said in each reminder.
    pub adapted_for: Vec<&'static str>,
    pub habit: Habit,
    pub count: Option<u64>,
    /// How long the Snooze button puts a reminder off.
    pub snooze: Duration,
    pub once: bool,
    pub json: bool,
    /// Ring the terminal bell when a reminder falls back to the terminal.
    pub bell: bool,
    /// The terminal's width, when stdout is one: a reminder printed there is wrapped to it,
    /// each drill's wrapped lines under its first.
    pub width: Option<usize>,
    /// Time away from the keyboard and mouse that counts as a break; `None`: never.
    pub natural_break: Option<Duration>,
    pub when_away: Busy,
    pub when_fullscreen: Busy,
    pub when_dnd: Busy,
}

impl Settings {
    /// The reminder `rotation` of these settings.
    pub fn note(&self, rotation: u64) -> Note {
        Note::compose(self.location, &self.routine, &self.habit, &self.adapted_for, rotation)
    }

    /// Whether anything here needs to know if the person is there; when not, the loop never
    /// asks (and never wakes to).
    pub fn watches_presence(&self) -> bool {
        self.natural_break.is_some() || [self.when_away, self.when_fullscreen, self.when_dnd].contains(&Busy::Hold)
    }

    /// How times are said: to the minute, or to the second when reminders or snoozes come in
    /// seconds (`--every 20s` printed 10:01, 10:01, 10:01).
    pub fn time_format(&self) -> &'static str {
        let seconds = |span: Duration| span.num_seconds() % 60 != 0;
        if seconds(self.schedule.every) || seconds(self.snooze) {
            "%H:%M:%S"
        } else {
            "%H:%M"
        }
    }
}
