//! What one reminder says: the habit cue and the next drills of a micro routine, rotating so
//! consecutive reminders lead with a different drill (its JSON line is `ReminderLine`).

use crate::dataset::Location;
use crate::plan::PlannedStep;

/// The line a reminder ends with when the weekly check-in is due.
pub const CHECK_IN_DUE: &str = "Weekly check-in due: `backpain log check-in` (about 20 seconds).";

/// How many drills one reminder names.
const DRILLS_PER_REMINDER: usize = 2;

/// The user's own IF-THEN plan, when given.
#[derive(Debug, Clone, Default)]
pub struct Habit {
    pub trigger: Option<String>,
    pub action: Option<String>,
}

/// One reminder, ready to show.
#[derive(Debug, Clone)]
pub struct Note {
    /// Which reminder of the rotation this is (0 first); a snoozed one repeats its number.
    pub rotation: u64,
    pub location: &'static Location,
    pub steps: Vec<PlannedStep>,
    pub summary: String,
    pub body: String,
    /// The body ends by saying the weekly check-in is due.
    pub check_in_due: bool,
}

impl Note {
    /// The reminder `rotation` for `location`, naming drills of `routine` (its micro routine as
    /// the person's conditions leave it), each with its dose, first cue and caution, and saying
    /// which conditions (`adapted_for`, their names) the drills were chosen for.
    pub fn compose(
        location: &'static Location,
        routine: &[PlannedStep],
        habit: &Habit,
        adapted_for: &[&'static str],
        rotation: u64,
    ) -> Note {
        let steps = routine;
        let take = DRILLS_PER_REMINDER.min(steps.len());
        let first = if steps.is_empty() { 0 } else { (rotation % steps.len() as u64) as usize };
        let steps: Vec<PlannedStep> = (0..take).map(|offset| steps[(first + offset) % steps.len()].clone()).collect();
        // The routine's real length, not the guide's round "2 minutes": a micro routine with
        // conditions or of another location takes 1 min 30 s or 2 min 50 s.
        let work: u32 = routine.iter().map(|step| step.dose.seconds()).sum();
        let gaps = crate::dataset::TRANSITION_SECONDS * (routine.len() as u32).saturating_sub(1);
        let length = crate::time::words(work + gaps);
        let summary = match (&habit.trigger, &habit.action) {
            (Some(trigger), Some(action)) => format!("IF {trigger}, THEN {action}"),
            (Some(trigger), None) => format!("IF {trigger}, THEN stretch: {length} desk break"),
            (None, Some(action)) => format!("Desk break: {action}"),
            (None, None) => format!("Desk break: {length} {} stretch", location.name.to_lowercase()),
        };
        let mut lines: Vec<String> = steps
            .iter()
            .map(|step| {
                let drill = step.drill;
                let cue = drill.cues.first().map(|cue| format!(": {cue}")).unwrap_or_default();
                format!("{} ({}){cue}. Take care: {}.", drill.name, step.dose.describe(), drill.brief)
            })
            .collect();
        if !adapted_for.is_empty() {
            lines.push(format!("Chosen to suit: {}.", adapted_for.join(", ")));
        }
        if habit.trigger.is_none() {
            lines.push("Stand up, move, then back to work.".to_string());
        }
        Note { rotation, location, steps, summary, body: lines.join("\n"), check_in_due: false }
    }

    /// "Seated cat-cow · Standing hip flexor stretch"
    pub fn drill_names(&self) -> String {
        self.steps.iter().map(|step| step.drill.name).collect::<Vec<_>>().join(" · ")
    }
}

/// How a reminder reached the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The desktop notification server accepted it.
    Notification,
    /// Printed to the terminal instead, and why.
    Terminal { reason: String },
    /// `--dry-run`: printed, on purpose.
    DryRun,
}

/// One line of `backpain remind --json` (README, "Reminders").
#[derive(Debug, serde::Serialize)]
pub struct ReminderLine {
    /// When it fired, RFC 3339 in local time.
    pub time: String,
    pub location: &'static str,
    pub summary: String,
    pub drills: Vec<crate::report::DrillRef>,
    /// Shown: "notification", "terminal" or "dry-run". Not shown: "held" (it falls due while
    /// the person is away or busy and comes when that ends), "skipped" (a natural break or a
    /// closed window covered it) or "retimed" (a natural break moved the next one to `next`).
    pub delivered: &'static str,
    /// Why it is not a notification, or not shown; null when it is, or in a dry run.
    pub reason: Option<String>,
    /// A repeat asked for with "Snooze 10 min".
    pub snoozed: bool,
    /// Why a shown reminder came later than the plain schedule (it was held, or a natural break
    /// re-timed it); null when it came on time.
    pub retimed: Option<String>,
    /// After a skipped or re-timed one: when the next reminder is due, RFC 3339; else null.
    pub next: Option<String>,
}

impl ReminderLine {
    pub fn new(time: String, note: &Note, delivery: &Delivery, snoozed: bool) -> ReminderLine {
        let (delivered, reason) = match delivery {
            Delivery::Notification => ("notification", None),
            Delivery::Terminal { reason } => ("terminal", Some(reason.clone())),
            Delivery::DryRun => ("dry-run", None),
        };
        ReminderLine {
            time,
            location: note.location.id,
            summary: note.summary.clone(),
            drills: note
                .steps
                .iter()
                .map(|step| crate::report::DrillRef { id: step.drill.id, name: step.drill.name })
                .collect(),
            delivered,
            reason,
            snoozed,
            retimed: None,
            next: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self, Variant};
    use crate::plan::Plan;

    fn micro(location: &'static Location) -> Vec<PlannedStep> {
        Plan::new(location, Variant::Micro).steps
    }

    #[test]
    fn consecutive_reminders_lead_with_different_drills() {
        let neck = dataset::location("neck").unwrap();
        let notes: Vec<Note> = (0..4).map(|n| Note::compose(neck, &micro(neck), &Habit::default(), &[], n)).collect();
        for pair in notes.windows(2) {
            assert_ne!(pair[0].steps[0].drill.id, pair[1].steps[0].drill.id);
            assert_ne!(pair[0].body, pair[1].body);
        }
        assert_eq!(notes[0].steps[0].drill.id, "chin-tuck");
        assert!(notes[0].body.starts_with("Chin tuck"), "{}", notes[0].body);
        assert!(notes[0].summary.starts_with("Desk break"), "{}", notes[0].summary);
    }

    #[test]
    fn the_users_if_then_plan_is_the_summary() {
        let lower = dataset::location("lower").unwrap();
        let habit = Habit { trigger: Some("I stand up from my desk".into()), action: Some("I do 3 cat-cows".into()) };
        let note = Note::compose(lower, &micro(lower), &habit, &[], 0);
        assert_eq!(note.summary, "IF I stand up from my desk, THEN I do 3 cat-cows");
    }

    #[test]
    fn the_body_names_each_drills_caution_in_a_few_words() {
        let neck = dataset::location("neck").unwrap();
        let note = Note::compose(neck, &micro(neck), &Habit::default(), &[], 0);
        assert!(
            note.body.starts_with("Chin tuck (10 × 5 s hold): Glide your head straight back into a double chin. Take care: stop with dizziness or arm symptoms."),
            "{}",
            note.body
        );
        for step in &note.steps {
            assert!(note.body.contains(step.drill.brief), "{}", note.body);
        }
    }
}
