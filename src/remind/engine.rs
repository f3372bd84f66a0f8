//! The reminder loop, driven by a `WallClock` and a `Notifier` so tests run whole days of schedule
//! without sleeping.
//!
//! Deadlines are wall-clock times. A wake-up at or after a deadline fires one reminder however
//! many deadlines passed meanwhile (a laptop that slept through three fires once on waking),
//! then the schedule re-anchors on the time it fired. A reminder missed while its window closed
//! is dropped. A clock set backwards re-plans from the new time instead of waiting out the gap.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{DateTime, Duration, SecondsFormat, TimeZone};

use super::reminder::{Delivery, Habit, Note};
use super::schedule::Schedule;
use crate::dataset::Location;
use crate::history::{Entry, Journal, Kind, Warned};
use crate::report::ReminderLine;

/// How long "Snooze 10 min" snoozes unless the config file says otherwise.
pub const DEFAULT_SNOOZE: Duration = Duration::minutes(10);

/// What the user did with a notification, by its rotation number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    Done(u64),
    Snooze(u64),
    /// Closed without Done or Snooze: it timed out or was dismissed (the server does not say which).
    Expired(u64),
}

/// Why `WallClock::wait_until` returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The deadline passed (perhaps long ago, after a suspend).
    Due,
    /// The wall clock was set; deadlines must be checked again.
    ClockChanged,
    /// The user acted on a notification.
    Press(Press),
    /// SIGINT or SIGTERM.
    Stop,
}

/// Wall-clock time and a way to wait for it.
pub trait WallClock {
    type Tz: TimeZone<Offset: std::fmt::Display>;
    fn now(&self) -> DateTime<Self::Tz>;
    fn wait_until(&mut self, deadline: &DateTime<Self::Tz>) -> io::Result<Wake>;
    /// Whether a stop signal has come, for `--once`, which never waits on the clock.
    fn stop_requested(&self) -> bool {
        false
    }
}

/// Shows a reminder; `actions` asks for "Done" and "Snooze 10 min" buttons.
pub trait Notifier {
    fn deliver(&mut self, note: &Note, actions: bool) -> Delivery;
}

/// What to remind of, and how to report it.
#[derive(Debug, Clone)]
pub struct Settings {
    pub plan: Schedule,
    pub location: &'static Location,
    /// The drills the reminders rotate through: the location's micro routine, as the person's
    /// conditions leave it (never empty).
    pub routine: Vec<crate::plan::PlannedStep>,
    pub habit: Habit,
    pub count: Option<u64>,
    /// How long the Snooze button puts a reminder off.
    pub snooze: Duration,
    pub once: bool,
    pub json: bool,
    /// Ring the terminal bell when a reminder falls back to the terminal.
    pub bell: bool,
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopEnd {
    /// `--once` or `--count` reached; this many reminders were shown.
    Finished(u64),
    /// Stopped by a signal after this many reminders.
    Stopped(u64),
}

pub struct Engine<'a, C: WallClock, N: Notifier> {
    pub settings: Settings,
    pub clock: C,
    pub notifier: N,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Where each reminder, answer and held-back reminder is recorded (nowhere in a dry run).
    pub history: Warned<&'a mut dyn Journal>,
}

impl<C: WallClock, N: Notifier> Engine<'_, C, N> {
    pub fn run(&mut self) -> io::Result<LoopEnd> {
        let plan = self.settings.plan;
        let mut shown = 0;
        // The last reminder shown for each rotation, so that an answer names the one it answers.
        let mut reminders: HashMap<u64, (String, bool)> = HashMap::new();
        if self.settings.once {
            let now = self.clock.now();
            let rotation = super::schedule::once_rotation(&now, plan.every);
            self.fire(&now, rotation, false, false)?;
            // A signal during the delivery cut it short (the reminder went to the terminal):
            // the run still ends as stopped, as the scheduler and the person asked.
            if self.clock.stop_requested() {
                return Ok(LoopEnd::Stopped(1));
            }
            return Ok(LoopEnd::Finished(1));
        }
        let mut anchor = self.clock.now();
        // `check` has proven an interval fits, so there always is a next due time; if that were
        // ever wrong, waiting a week and trying again is the harmless way out.
        let replan =
            |after: &DateTime<C::Tz>| plan.next_due(after).unwrap_or_else(|| after.clone() + Duration::days(7));
        let mut due = replan(&anchor);
        if !self.settings.json {
            self.announce(&anchor, &due)?;
        }
        let mut rotation = 0;
        let mut snooze: Option<(DateTime<C::Tz>, u64)> = None;
        loop {
            let target = match &snooze {
                Some((at, _)) if *at < due => at.clone(),
                _ => due.clone(),
            };
            match self.clock.wait_until(&target)? {
                Wake::Stop => return Ok(LoopEnd::Stopped(shown)),
                Wake::Press(action) => {
                    self.answered(action, &reminders);
                    if let Press::Snooze(which) = action {
                        snooze = Some((self.clock.now() + self.settings.snooze, which));
                    }
                    continue;
                }
                Wake::ClockChanged | Wake::Due => {}
            }
            let now = self.clock.now();
            if now < anchor {
                // The clock went back: plan from the new time rather than wait out the difference.
                anchor = now.clone();
                due = replan(&now);
                snooze = snooze.map(|(at, which)| (at.min(now.clone() + self.settings.snooze), which));
                continue;
            }
            if let Some((at, which)) = snooze.clone() {
                if now >= at {
                    snooze = None;
                    if let Some(id) = self.fire(&now, which, true, true)? {
                        reminders.insert(which, (id, true));
                    }
                    shown += 1;
                    anchor = now.clone();
                    due = replan(&now);
                    continue;
                }
            }
            if now < due {
                continue;
            }
            let on_time = now.clone() - due.clone() < Duration::minutes(1);
            let window_still_open = plan.period_at(&now).is_some_and(|(opened, _)| opened <= due);
            if on_time || window_still_open {
                let last = self.settings.count.is_some_and(|count| rotation + 1 >= count);
                if let Some(id) = self.fire(&now, rotation, false, !last)? {
                    reminders.insert(rotation, (id, false));
                }
                rotation += 1;
                shown += 1;
                if last {
                    return Ok(LoopEnd::Finished(shown));
                }
            } else {
                self.held(&now, &due);
            }
            anchor = now.clone();
            due = replan(&now);
        }
    }

    /// "Reminders every 2h (09:00-17:30, mon-fri); the first at 11:00. Ctrl-C stops."
    fn announce(&mut self, now: &DateTime<C::Tz>, due: &DateTime<C::Tz>) -> io::Result<()> {
        let plan = &self.settings.plan;
        let mut limits = Vec::new();
        if let Some(window) = plan.window {
            // 17:00-09:00 is easy to type for 09:00-17:00; say plainly that it means the night.
            let overnight = if window.wraps_midnight() { " overnight" } else { "" };
            limits.push(format!("{window}{overnight}"));
        }
        if !plan.days.is_all() {
            limits.push(plan.days.to_string());
        }
        let limits = if limits.is_empty() { String::new() } else { format!(" ({})", limits.join(", ")) };
        let when = if due.date_naive() == now.date_naive() { due.format("%H:%M") } else { due.format("%a %H:%M") };
        writeln!(
            self.stdout,
            "Reminders every {}{limits}; the first at {when}. Ctrl-C stops.",
            super::schedule::human(plan.every)
        )?;
        self.stdout.flush()
    }

    fn record(&mut self, entry: &Entry) {
        if let Some(warning) = self.history.record(entry) {
            // Diagnostics never stop the reminders: a closed stderr is ignored.
            let _ = writeln!(self.stderr, "{warning}");
        }
    }

    /// A Done, Snooze or close on the notification of `reminders`' rotation.
    fn answered(&mut self, action: Press, reminders: &HashMap<u64, (String, bool)>) {
        let (name, rotation) = match action {
            Press::Done(rotation) => ("done", rotation),
            Press::Snooze(rotation) => ("snooze", rotation),
            Press::Expired(rotation) => ("expired", rotation),
        };
        let mut entry = Entry::new(Kind::Response, self.clock.now().fixed_offset());
        entry.location = Some(self.settings.location.id.to_string());
        entry.action = Some(name.into());
        if let Some((id, snoozed)) = reminders.get(&rotation) {
            entry.reminder = Some(id.clone());
            entry.snoozed = Some(*snoozed);
        }
        self.record(&entry);
    }

    /// A reminder that was due at `due` but is not shown: its window closed while the computer
    /// slept or the process was stopped.
    fn held(&mut self, now: &DateTime<C::Tz>, due: &DateTime<C::Tz>) {
        let mut entry = Entry::new(Kind::Reminder, now.fixed_offset());
        entry.location = Some(self.settings.location.id.to_string());
        entry.delivered = Some("held".into());
        let window = self.settings.plan.window.map(|window| format!(" {window}")).unwrap_or_default();
        entry.reason = Some(format!(
            "due at {} but woken at {}, after its{window} window had closed (asleep or suspended?)",
            due.format("%Y-%m-%d %H:%M"),
            now.format("%Y-%m-%d %H:%M")
        ));
        self.record(&entry);
    }

    /// Shows reminder `rotation` and returns the id it was recorded under (none in a dry run).
    fn fire(
        &mut self,
        now: &DateTime<C::Tz>,
        rotation: u64,
        snoozed: bool,
        actions: bool,
    ) -> io::Result<Option<String>> {
        let note = Note::compose(self.settings.location, &self.settings.routine, &self.settings.habit, rotation);
        let delivery = self.notifier.deliver(&note, actions);
        let time = now.to_rfc3339_opts(SecondsFormat::Secs, false);
        if self.settings.json {
            let line = ReminderLine::new(time, &note, &delivery, snoozed);
            let mut bytes = serde_json::to_vec(&line).map_err(io::Error::other)?;
            bytes.push(b'\n');
            self.stdout.write_all(&bytes)?;
        } else {
            let clock = now.format("%H:%M").to_string();
            let again = if snoozed { " (snoozed)" } else { "" };
            match &delivery {
                // The notification is the output of `--once`: cron mails whatever a job prints.
                Delivery::Notification if self.settings.once => {}
                Delivery::Notification => writeln!(self.stdout, "{clock}  notified{again}: {}", note.drill_names())?,
                Delivery::Terminal { .. } | Delivery::DryRun => {
                    let bell = if self.settings.bell && delivery != Delivery::DryRun { "\x07" } else { "" };
                    writeln!(self.stdout, "{bell}{clock}  {}{again}", note.summary)?;
                    for line in note.body.lines() {
                        writeln!(self.stdout, "       {line}")?;
                    }
                }
            }
        }
        self.stdout.flush()?;
        if let Delivery::Terminal { reason } = &delivery {
            // Diagnostics never stop the reminders: a closed stderr is ignored.
            let _ = writeln!(self.stderr, "backpain: reminder shown here, not as a notification: {reason}");
        }
        let delivered = match &delivery {
            Delivery::Notification => "notification",
            Delivery::Terminal { .. } => "terminal",
            Delivery::DryRun => return Ok(None),
        };
        let mut entry = Entry::new(Kind::Reminder, now.fixed_offset());
        entry.location = Some(note.location.id.to_string());
        entry.delivered = Some(delivered.into());
        entry.reason = match delivery {
            Delivery::Terminal { reason } => Some(reason),
            _ => None,
        };
        entry.snoozed = Some(snoozed);
        entry.drills = note.steps.iter().map(|step| step.drill.id.to_string()).collect();
        self.record(&entry);
        Ok(Some(entry.id))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;

    use chrono::{NaiveTime, Utc, Weekday};

    use super::*;
    use crate::remind::schedule::{Days, Window};

    type Time = DateTime<Utc>;

    fn t(text: &str) -> Time {
        // 2026-11-23 is a Monday.
        DateTime::parse_from_rfc3339(&format!("2026-11-{text}Z")).unwrap().with_timezone(&Utc)
    }

    enum Event {
        /// At `at` the clock jumps to `to` (a suspend when forwards, a clock change when back).
        Jump {
            at: Time,
            to: Time,
        },
        Act {
            at: Time,
            action: Press,
        },
        Signal {
            at: Time,
        },
    }

    /// A clock whose waits return at once; time moves only to deadlines and scripted events.
    struct FakeClock {
        now: Rc<RefCell<Time>>,
        events: VecDeque<Event>,
        horizon: Time,
        waits: usize,
    }

    impl WallClock for FakeClock {
        type Tz = Utc;
        fn now(&self) -> Time {
            *self.now.borrow()
        }
        fn wait_until(&mut self, deadline: &Time) -> io::Result<Wake> {
            Ok(self.wait(deadline))
        }
    }

    impl FakeClock {
        fn wait(&mut self, deadline: &Time) -> Wake {
            self.waits += 1;
            assert!(self.waits < 1000, "the loop spins");
            let now = self.now();
            let at = |event: &Event| match event {
                Event::Jump { at, .. } | Event::Act { at, .. } | Event::Signal { at } => *at,
            };
            if let Some(event) = self.events.front().filter(|event| at(event) < (*deadline).max(now)) {
                let wake = match *event {
                    Event::Jump { to, .. } => {
                        *self.now.borrow_mut() = to;
                        if to >= *deadline {
                            Wake::Due
                        } else {
                            Wake::ClockChanged
                        }
                    }
                    Event::Act { at, action } => {
                        *self.now.borrow_mut() = at.max(now);
                        Wake::Press(action)
                    }
                    Event::Signal { .. } => Wake::Stop,
                };
                self.events.pop_front();
                return wake;
            }
            if *deadline > self.horizon {
                return Wake::Stop;
            }
            *self.now.borrow_mut() = (*deadline).max(now);
            Wake::Due
        }
    }

    /// Records what was shown, and when, by the fake clock.
    struct FakeNotifier {
        now: Rc<RefCell<Time>>,
        shown: Rc<RefCell<Vec<(Time, u64, bool)>>>,
        delivery: Delivery,
    }

    impl Notifier for FakeNotifier {
        fn deliver(&mut self, note: &Note, actions: bool) -> Delivery {
            self.shown.borrow_mut().push((*self.now.borrow(), note.rotation, actions));
            self.delivery.clone()
        }
    }

    struct Run {
        shown: Vec<(Time, u64, bool)>,
        ending: LoopEnd,
        stdout: String,
        stderr: String,
        entries: Vec<Entry>,
    }

    /// The history a run left: (time, kind, delivered or action, snoozed).
    fn recorded(run: &Run) -> Vec<(String, &'static str, String, Option<bool>)> {
        run.entries
            .iter()
            .map(|entry| {
                let what = entry.delivered.clone().or_else(|| entry.action.clone()).unwrap_or_default();
                (entry.at.clone(), entry.kind.name(), what, entry.snoozed)
            })
            .collect()
    }

    fn run(plan: Schedule, start: Time, horizon: Time, events: Vec<Event>, tweak: impl FnOnce(&mut Settings)) -> Run {
        run_with(plan, start, horizon, events, Delivery::Notification, tweak)
    }

    fn run_with(
        plan: Schedule,
        start: Time,
        horizon: Time,
        events: Vec<Event>,
        delivery: Delivery,
        tweak: impl FnOnce(&mut Settings),
    ) -> Run {
        let now = Rc::new(RefCell::new(start));
        let shown = Rc::new(RefCell::new(Vec::new()));
        let neck = crate::dataset::location("neck").unwrap();
        let mut settings = Settings {
            plan,
            location: neck,
            routine: crate::plan::Plan::new(neck, crate::dataset::Variant::Micro).steps,
            habit: Habit::default(),
            count: None,
            snooze: DEFAULT_SNOOZE,
            once: false,
            json: false,
            bell: false,
        };
        tweak(&mut settings);
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let mut entries: Vec<Entry> = Vec::new();
        let ending = Engine {
            settings,
            clock: FakeClock { now: now.clone(), events: events.into(), horizon, waits: 0 },
            notifier: FakeNotifier { now: now.clone(), shown: shown.clone(), delivery },
            stdout: &mut stdout,
            stderr: &mut stderr,
            history: Warned::new(&mut entries),
        }
        .run()
        .unwrap();
        let shown = shown.borrow().clone();
        Run {
            shown,
            ending,
            stdout: String::from_utf8(stdout).unwrap(),
            stderr: String::from_utf8(stderr).unwrap(),
            entries,
        }
    }

    fn every(duration: Duration) -> Schedule {
        Schedule { every: duration, window: None, days: Days::ALL }
    }

    fn times(run: &Run) -> Vec<Time> {
        run.shown.iter().map(|(time, _, _)| *time).collect()
    }

    #[test]
    fn fires_every_interval_and_rotates() {
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T15:00:00"), vec![], |_| {});
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00"), t("23T14:00:00")]);
        assert_eq!(run.shown.iter().map(|s| s.1).collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(run.ending, LoopEnd::Stopped(3));
        assert!(
            run.stdout.starts_with(
                "Reminders every 2h; the first at 10:00. Ctrl-C stops.\n10:00  notified: Chin tuck · Neck side-bend\n"
            ),
            "{}",
            run.stdout
        );
    }

    #[test]
    fn count_stops_after_n_and_the_last_offers_no_snooze() {
        let run = run(every(Duration::minutes(90)), t("23T08:00:00"), t("30T00:00:00"), vec![], |s| s.count = Some(2));
        assert_eq!(times(&run), [t("23T09:30:00"), t("23T11:00:00")]);
        assert_eq!(run.shown.iter().map(|s| s.2).collect::<Vec<_>>(), [true, false]);
        assert_eq!(run.ending, LoopEnd::Finished(2));
    }

    #[test]
    fn once_fires_now_without_actions() {
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("30T00:00:00"), vec![], |s| s.once = true);
        assert_eq!(run.shown.len(), 1);
        assert_eq!((run.shown[0].0, run.shown[0].2), (t("23T08:00:00"), false));
        assert_eq!(run.ending, LoopEnd::Finished(1));
        assert_eq!(run.stdout, "", "a delivered --once prints nothing for cron to mail");
    }

    /// The first line of a dry-run reminder's body: the lead drill.
    fn lead_drill(run: &Run) -> String {
        run.stdout.lines().nth(1).unwrap_or_default().trim().to_string()
    }

    #[test]
    fn once_runs_an_interval_apart_lead_with_different_drills() {
        for interval in [Duration::hours(2), Duration::minutes(90), Duration::minutes(45)] {
            let once = |start: Time| {
                run_with(every(interval), start, t("30T00:00:00"), vec![], Delivery::DryRun, |s| s.once = true)
            };
            let (first, second) = (once(t("23T11:00:00")), once(t("23T11:00:00") + interval));
            assert_eq!(second.shown[0].1, first.shown[0].1 + 1, "every {interval}");
            assert_ne!(
                lead_drill(&first),
                lead_drill(&second),
                "every {interval}:\n{}\n{}",
                first.stdout,
                second.stdout
            );
            // Three runs in a row cover all three neck drills before repeating.
            let third = once(t("23T11:00:00") + interval * 2);
            assert_ne!(lead_drill(&third), lead_drill(&first));
            assert_ne!(lead_drill(&third), lead_drill(&second));
        }
    }

    #[test]
    fn the_loop_still_starts_its_rotation_at_the_first_drill_whatever_the_time() {
        for start in [t("23T08:00:00"), t("23T13:17:00")] {
            let run = run(every(Duration::hours(2)), start, start + Duration::hours(5), vec![], |_| {});
            assert_eq!(run.shown.iter().map(|s| s.1).collect::<Vec<_>>(), [0, 1], "from {start}");
        }
    }

    #[test]
    fn work_hours_and_days_are_kept() {
        let plan = Schedule {
            every: Duration::hours(3),
            window: Some(Window {
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            }),
            days: Days::from_weekdays([Weekday::Mon, Weekday::Fri]),
        };
        let run = run(plan, t("23T07:00:00"), t("30T00:00:00"), vec![], |_| {});
        assert!(
            run.stdout.starts_with("Reminders every 3h (09:00-17:30, mon,fri); the first at 12:00."),
            "{}",
            run.stdout
        );
        assert_eq!(
            times(&run),
            [t("23T12:00:00"), t("23T15:00:00"), t("27T12:00:00"), t("27T15:00:00")],
            "Monday and Friday, 3 h after 09:00, never after 17:30"
        );
    }

    #[test]
    fn an_overnight_window_is_announced_as_overnight_in_text_only() {
        let plan = Schedule {
            every: Duration::hours(2),
            window: Some(Window {
                start: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            }),
            days: Days::ALL,
        };
        let text = run(plan, t("23T12:00:00"), t("23T18:00:00"), vec![], |_| {});
        assert_eq!(text.stdout, "Reminders every 2h (17:00-09:00 overnight); the first at 19:00. Ctrl-C stops.\n");
        let json = run(plan, t("23T12:00:00"), t("23T20:00:00"), vec![], |s| s.json = true);
        assert_eq!(json.stdout.lines().count(), 1, "one JSON line, no announcement: {}", json.stdout);
        assert!(json.stdout.starts_with('{') && !json.stdout.contains("overnight"), "{}", json.stdout);
        let once = run(plan, t("23T12:00:00"), t("23T20:00:00"), vec![], |s| s.once = true);
        assert_eq!(once.stdout, "");
    }

    #[test]
    fn the_plan_is_announced_with_the_day_when_not_today() {
        let plan = Schedule { days: Days::from_weekdays([Weekday::Mon]), ..every(Duration::hours(2)) };
        // Friday evening.
        let run = run(plan, t("27T18:00:00"), t("30T01:00:00"), vec![], |_| {});
        assert_eq!(run.stdout, "Reminders every 2h (mon); the first at Mon 02:00. Ctrl-C stops.\n");
    }

    #[test]
    fn a_suspend_past_several_deadlines_fires_once_then_reanchors() {
        // Asleep from 09:30 to 16:10: the 10:00, 12:00, 14:00 and 16:00 reminders all fell due.
        let events = vec![Event::Jump { at: t("23T09:30:00"), to: t("23T16:10:00") }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T20:30:00"), events, |_| {});
        assert_eq!(times(&run), [t("23T16:10:00"), t("23T18:10:00"), t("23T20:10:00")]);
    }

    #[test]
    fn a_reminder_missed_while_the_window_closed_is_dropped() {
        let plan = Schedule {
            every: Duration::hours(2),
            window: Some(Window {
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            }),
            days: Days::ALL,
        };
        // Lid closed at 15:00 with 17:00 due, opened at 19:00: nothing until tomorrow 11:00.
        let events = vec![Event::Jump { at: t("23T15:00:00"), to: t("23T19:00:00") }];
        let run = run(plan, t("23T08:00:00"), t("24T12:00:00"), events, |_| {});
        assert_eq!(times(&run), [t("23T11:00:00"), t("23T13:00:00"), t("23T15:00:00"), t("24T11:00:00")]);
    }

    #[test]
    fn a_clock_set_back_replans_from_the_new_time() {
        // At 11:00, waiting for 12:00, the clock is set back to 07:00: the next comes at 09:00,
        // not after five hours.
        let events = vec![Event::Jump { at: t("23T11:00:00"), to: t("23T07:00:00") }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T10:00:00"), events, |_| {});
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T09:00:00")]);
    }

    #[test]
    fn a_clock_set_forward_fires_once() {
        let events = vec![Event::Jump { at: t("23T09:00:00"), to: t("24T09:00:00") }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("24T11:30:00"), events, |_| {});
        assert_eq!(times(&run), [t("24T09:00:00"), t("24T11:00:00")]);
    }

    #[test]
    fn snooze_repeats_the_same_drills_ten_minutes_later_and_reanchors() {
        let events = vec![Event::Act { at: t("23T10:01:00"), action: Press::Snooze(0) }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T12:30:00"), events, |_| {});
        assert_eq!(
            run.shown.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
            [(t("23T10:00:00"), 0), (t("23T10:11:00"), 0), (t("23T12:11:00"), 1)]
        );
        assert!(run.stdout.contains("10:11  notified (snoozed)"), "{}", run.stdout);
    }

    #[test]
    fn every_reminder_and_answer_is_recorded_and_answers_name_their_reminder() {
        let events = vec![
            Event::Act { at: t("23T10:01:00"), action: Press::Snooze(0) },
            Event::Act { at: t("23T10:12:00"), action: Press::Done(0) },
            Event::Act { at: t("23T12:30:00"), action: Press::Expired(1) },
        ];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T13:00:00"), events, |_| {});
        let at = |time: &str| format!("2026-11-23T{time}+00:00");
        let text = |what: &str| what.to_string();
        assert_eq!(
            recorded(&run),
            [
                (at("10:00:00"), "reminder", text("notification"), Some(false)),
                (at("10:01:00"), "response", text("snooze"), Some(false)),
                (at("10:11:00"), "reminder", text("notification"), Some(true)),
                (at("10:12:00"), "response", text("done"), Some(true)),
                (at("12:11:00"), "reminder", text("notification"), Some(false)),
                (at("12:30:00"), "response", text("expired"), Some(false)),
            ]
        );
        let entries = &run.entries;
        assert_eq!(entries[3].reminder.as_ref(), Some(&entries[2].id), "Done answers the snoozed repeat");
        assert_eq!(entries[0].drills, ["chin-tuck", "neck-side-bend"]);
        assert!(entries.iter().all(|entry| entry.location.as_deref() == Some("neck") && entry.problem().is_none()));
    }

    #[test]
    fn a_reminder_held_back_is_recorded_with_why_and_a_dry_run_records_nothing() {
        let window: Window = crate::remind::parse::window("09:00-17:00").unwrap();
        let plan = Schedule { every: Duration::hours(2), window: Some(window), days: Days::ALL };
        // Asleep from 10:00 to 18:00: the 11:00 reminder is not shown once the window closed.
        let events = vec![Event::Jump { at: t("23T10:00:00"), to: t("23T18:00:00") }];
        let run = run(plan, t("23T09:00:00"), t("23T20:00:00"), events, |_| {});
        assert!(run.shown.is_empty());
        assert_eq!(run.entries.len(), 1, "{:?}", recorded(&run));
        assert_eq!(run.entries[0].delivered.as_deref(), Some("held"));
        let reason = run.entries[0].reason.clone().unwrap_or_default();
        assert_eq!(reason, "due at 2026-11-23 11:00 but woken at 2026-11-23 18:00, after its 09:00-17:00 window had closed (asleep or suspended?)");

        let run =
            run_with(every(Duration::hours(2)), t("23T08:00:00"), t("23T13:00:00"), vec![], Delivery::DryRun, |_| {});
        assert_eq!(run.shown.len(), 2);
        assert!(run.entries.is_empty(), "a dry run records nothing");
    }

    #[test]
    fn done_changes_nothing() {
        let events = vec![Event::Act { at: t("23T10:01:00"), action: Press::Done(0) }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T12:30:00"), events, |_| {});
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00")]);
    }

    #[test]
    fn a_signal_mid_sleep_stops_with_the_count() {
        let events = vec![Event::Signal { at: t("23T11:00:00") }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("30T00:00:00"), events, |_| {});
        assert_eq!(run.ending, LoopEnd::Stopped(1));
    }

    #[test]
    fn a_fallback_prints_the_reminder_and_the_reason() {
        let delivery = Delivery::Terminal { reason: "no D-Bus session bus".into() };
        let run = run_with(every(Duration::hours(2)), t("23T08:00:00"), t("23T11:00:00"), vec![], delivery, |s| {
            s.bell = true
        });
        assert!(run.stdout.contains("\n\x0710:00  Desk break: "), "{:?}", run.stdout);
        assert!(run.stdout.contains("       Chin tuck ("), "{}", run.stdout);
        assert_eq!(run.stderr, "backpain: reminder shown here, not as a notification: no D-Bus session bus\n");
    }

    #[test]
    fn json_lines_carry_time_drills_and_delivery() {
        let delivery = Delivery::Terminal { reason: "no D-Bus session bus".into() };
        let run = run_with(every(Duration::hours(2)), t("23T08:00:00"), t("23T13:00:00"), vec![], delivery, |s| {
            s.json = true;
            s.bell = true;
        });
        let lines: Vec<serde_json::Value> =
            run.stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["time"], "2026-11-23T10:00:00+00:00");
        assert_eq!(lines[0]["location"], "neck");
        assert_eq!(lines[0]["drills"][0]["id"], "chin-tuck");
        assert_eq!(lines[1]["drills"][0]["id"], "neck-side-bend");
        assert_eq!(lines[0]["delivered"], "terminal");
        assert_eq!(lines[0]["reason"], "no D-Bus session bus");
        assert!(!run.stdout.contains('\x07'), "no bell inside JSON");
    }
}
