//! What the reminder loop writes to the history (issue 19): each `Event` that the README's
//! history format records, as the same entry, byte for byte, as before the events. The engine
//! never builds an `Entry` itself.

use std::collections::HashMap;

use chrono::{DateTime, TimeZone};

use super::event::Event;
use super::reminder::Delivery;
use super::schedule::Window;
use super::settings::Settings;
use crate::history::{Delivered, Entry, Journal, Kind, Warned};

/// How many of the latest reminders an answer (Done, Snooze, a click) can still name: a day
/// and more of them at the shortest usual interval.
const ANSWERABLE: u64 = 64;

pub struct Recorder<'a> {
    /// Nowhere in a dry run.
    history: Warned<&'a mut dyn Journal>,
    location: &'static str,
    window: Option<Window>,
    /// How times are written in reasons (`Settings::time_format`).
    hm: &'static str,
    /// The entry id and snooze of the last reminder recorded for each recent rotation, so that
    /// an answer names the reminder it answers. It keeps the last few, so a loop that runs for
    /// months stays the size it was after a day.
    reminders: HashMap<u64, (String, bool)>,
}

impl<'a> Recorder<'a> {
    pub fn new(settings: &Settings, history: Warned<&'a mut dyn Journal>) -> Recorder<'a> {
        Recorder {
            history,
            location: settings.location.id,
            window: settings.schedule.window,
            hm: settings.time_format(),
            reminders: HashMap::new(),
        }
    }

    /// Records `event`, which happened at `now`, if the history keeps such a thing; returns a
    /// warning when the history could not be written.
    pub fn record<Tz: TimeZone>(&mut self, now: &DateTime<Tz>, event: &Event<Tz>) -> Option<String>
    where
        Tz::Offset: std::fmt::Display,
    {
        let day = |at: &DateTime<Tz>| at.format(&format!("%Y-%m-%d {}", self.hm)).to_string();
        let mut entry = match event {
            Event::Fired { note, delivery, snoozed, later } => {
                let mut entry = Entry::new(Kind::Reminder, now.fixed_offset());
                let later = later.map(|why| why.later(self.hm));
                entry.delivered = Some(match delivery {
                    Delivery::Notification => Delivered::Notification,
                    Delivery::Terminal { .. } => Delivered::Terminal,
                    // A dry run records nothing: it is for trying settings out.
                    Delivery::DryRun => return None,
                });
                entry.reason = match (delivery, later) {
                    (Delivery::Terminal { reason }, Some(later)) => Some(format!("{reason}; {later}")),
                    (Delivery::Terminal { reason }, None) => Some(reason.clone()),
                    (_, later) => later,
                };
                entry.snoozed = Some(*snoozed);
                entry.drills = note.steps.iter().map(|step| step.drill.id.to_string()).collect();
                entry.check_in_due = note.check_in_due.then_some(true);
                self.reminders.insert(note.rotation, (entry.id.clone(), *snoozed));
                self.reminders.retain(|&rotation, _| rotation + ANSWERABLE >= note.rotation);
                entry
            }
            Event::Withheld { note, snoozed, delivered, why, next } => {
                let mut entry = Entry::new(Kind::Reminder, now.fixed_offset());
                entry.delivered = Some(delivered.clone());
                let why = why.words(self.hm);
                entry.reason = Some(match next {
                    Some(next) => format!("{why}; next at {}", day(next)),
                    None => why,
                });
                entry.snoozed = Some(*snoozed);
                entry.drills = note.steps.iter().map(|step| step.drill.id.to_string()).collect();
                entry
            }
            Event::MissedAsleep { due } => {
                let mut entry = Entry::new(Kind::Reminder, now.fixed_offset());
                entry.delivered = Some(Delivered::MISSED_ASLEEP);
                let window = self.window.map(|window| format!(" {window}")).unwrap_or_default();
                entry.reason = Some(format!(
                    "due at {} but woken at {}, after its{window} window had closed (asleep or suspended?)",
                    day(due),
                    day(now)
                ));
                entry
            }
            Event::Answered { answer, rotation } => {
                let mut entry = Entry::new(Kind::Response, now.fixed_offset());
                entry.action = Some(answer.clone());
                if let Some((id, snoozed)) = self.reminders.get(rotation) {
                    entry.reminder = Some(id.clone());
                    entry.snoozed = Some(*snoozed);
                }
                entry
            }
            _ => return None,
        };
        entry.location = Some(self.location.to_string());
        self.history.record(&entry)
    }
}
