//! The reminder loop, driven by a `WallClock` and a `Notifier` so tests run whole days of schedule
//! without sleeping.
//!
//! Deadlines are wall-clock times. A wake-up at or after a deadline fires one reminder however
//! many deadlines passed meanwhile (a laptop that slept through three fires once on waking),
//! then the schedule re-anchors on the time it fired. A reminder missed while its window closed
//! is dropped. A clock set backwards re-plans from the new time instead of waiting out the gap.
//!
//! The loop decides; it says nothing itself. Each thing it does is an `Event` that the `View`
//! prints and the `Recorder` writes to the history.

use std::io;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

pub use super::event::HoldReason;
use super::event::{Event, Why};
use super::recorder::Recorder;
use super::reminder::{Delivery, Note};
pub use super::settings::Settings;
use super::view::View;
use super::Busy;
use crate::dataset::Location;
use crate::history::{Answer, Delivered};
use crate::presence::{Presence, Snapshot};

/// How long "Snooze 10 min" snoozes unless the config file says otherwise.
pub const DEFAULT_SNOOZE: Duration = Duration::minutes(10);

/// Why `WallClock::wait_until` returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wake {
    /// The deadline passed (perhaps long ago, after a suspend).
    Due,
    /// The wall clock was set; deadlines must be checked again.
    ClockChanged,
    /// The person answered the notification of reminder `rotation`: Done, Snooze, a click on
    /// its body (`Open`), or closed without either (`Expired`).
    Answered(Answer, u64),
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

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopEnd {
    /// `--once` or `--count` reached; this many reminders were shown.
    Finished(u64),
    /// Stopped by a signal after this many reminders.
    Stopped(u64),
}

/// Opens the guided micro routine of a location, for a click on a notification's body.
pub type Open<'a> = Box<dyn FnMut(&'static Location) -> Result<(), String> + 'a>;

/// Whether the reminder about to be shown at this time should say a check-in is due (asked
/// only then: no wake-up of its own).
pub type CheckInDue<'a> = Box<dyn FnMut(&DateTime<FixedOffset>) -> bool + 'a>;

pub struct Engine<'a, C: WallClock, N: Notifier> {
    pub settings: Settings,
    pub clock: C,
    pub notifier: N,
    /// Says what the loop does (text or JSON lines).
    pub view: View<'a>,
    /// Writes each reminder, answer and held-back reminder to the history.
    pub recorder: Recorder<'a>,
    /// Whether the person is at the desk; `Absent` makes the loop wake only for reminders.
    pub presence: Box<dyn Presence + 'a>,
    pub open: Open<'a>,
    pub check_in_due: CheckInDue<'a>,
}

impl HoldReason {
    /// The first reason in `snapshot` to hold a reminder, as `settings` ask, with no input for
    /// `away_after` counting as away. What the person chose (a lock, do-not-disturb, a
    /// fullscreen window) is named before what merely happened (no input), so the loop and
    /// `--once` give the same reason for the same desktop.
    pub fn of(snapshot: &Snapshot, settings: &Settings, away_after: std::time::Duration) -> Option<HoldReason> {
        let away = settings.when_away == Busy::Hold;
        if away && snapshot.locked == Some(true) {
            Some(HoldReason::Locked)
        } else if snapshot.dnd == Some(true) && settings.when_dnd == Busy::Hold {
            Some(HoldReason::Dnd)
        } else if snapshot.fullscreen == Some(true) && settings.when_fullscreen == Busy::Hold {
            Some(HoldReason::Fullscreen)
        } else if away && snapshot.idle.is_some_and(|idle| idle >= away_after) {
            Some(HoldReason::Away)
        } else {
            None
        }
    }
}

/// No input for this long and a reminder that falls due waits for the person: the natural
/// break itself, or a minute when that is longer (or off). A notification nobody sees is lost.
fn away_after(settings: &Settings) -> std::time::Duration {
    let minute = std::time::Duration::from_secs(60);
    settings.natural_break.and_then(|length| length.to_std().ok()).map_or(minute, |length| length.min(minute))
}

/// `--once` cannot wait for the person to come back: what it does not show now is gone until
/// the scheduler's next run. So a minute of reading is not "away" there; only no input for a
/// natural break's length (5 min when natural breaks are off) is.
fn once_away_after(settings: &Settings) -> std::time::Duration {
    settings
        .natural_break
        .unwrap_or(crate::remind::DEFAULT_NATURAL_BREAK)
        .to_std()
        .unwrap_or(std::time::Duration::from_secs(300))
}

/// How often the loop asks whether the person is there: at most once a minute, and often
/// enough to see a natural break (half of one) and to release a held reminder within a quarter
/// of an interval; never more than once a second.
pub fn poll_interval(settings: &Settings) -> Duration {
    let mut poll = Duration::minutes(1).min(settings.schedule.every / 4);
    if let Some(length) = settings.natural_break {
        poll = poll.min(length / 2);
    }
    poll.max(Duration::seconds(1))
}

/// A reminder that fell due and waits.
#[derive(Debug, Clone)]
struct Held<Tz: TimeZone> {
    rotation: u64,
    snoozed: bool,
    /// The last reminder of `--count`: it offers no buttons.
    last: bool,
    since: DateTime<Tz>,
    /// Why, in the order the reasons came (never empty).
    reasons: Vec<HoldReason>,
}

/// A reminder to show now.
struct Due<Tz: TimeZone> {
    rotation: u64,
    snoozed: bool,
    last: bool,
    /// Why it comes later than the plain schedule said.
    later: Option<Why<Tz>>,
}

/// What the loop does after a wake-up.
enum Next<Tz: TimeZone> {
    /// Nothing yet: wait again.
    Wait,
    /// Nothing to show, but the schedule moves on from now.
    Replan,
    Show(Due<Tz>),
}

/// Everything the loop keeps between wake-ups.
struct State<Tz: TimeZone> {
    /// How many reminders were shown.
    shown: u64,
    /// Whether the loop asks the desktop if the person is there.
    watching: bool,
    /// When the schedule was last anchored (the start, or the last reminder).
    anchor: DateTime<Tz>,
    /// When the next scheduled reminder is due.
    due: DateTime<Tz>,
    /// When to ask the desktop next.
    next_poll: DateTime<Tz>,
    /// The next scheduled reminder's number.
    rotation: u64,
    /// Snooze: until when, and which reminder comes again then.
    snooze: Option<(DateTime<Tz>, u64)>,
    /// A reminder that fell due and waits for the person.
    held: Option<Held<Tz>>,
    /// When the person went away, while they are.
    away_since: Option<DateTime<Tz>>,
    /// Why the next reminder comes later than the plain schedule said (a natural break).
    retimed: Option<Why<Tz>>,
}

impl<C: WallClock, N: Notifier> Engine<'_, C, N> {
    pub fn run(&mut self) -> io::Result<LoopEnd> {
        if self.settings.once {
            return self.once();
        }
        let now = self.clock.now();
        let mut state = State {
            shown: 0,
            watching: self.settings.watches_presence() && self.presence.available(),
            due: self.replan(&now),
            next_poll: now.clone() + poll_interval(&self.settings),
            anchor: now.clone(),
            rotation: 0,
            snooze: None,
            held: None,
            away_since: None,
            retimed: None,
        };
        self.emit(&now, Event::Started { first: state.due.clone(), sources: self.presence.sources() })?;
        loop {
            if let Some(end) = self.step(&mut state)? {
                return Ok(end);
            }
        }
    }

    /// The next due time after `after`. `check` has proven an interval fits, so there always is
    /// one; if that were ever wrong, waiting a week and trying again is the harmless way out.
    fn replan(&self, after: &DateTime<C::Tz>) -> DateTime<C::Tz> {
        self.settings.schedule.next_due(after).unwrap_or_else(|| after.clone() + Duration::days(7))
    }

    /// `note`, saying at its end that a check-in is due when it is (once: the reminder's
    /// history entry records that it said so).
    fn with_check_in(&mut self, mut note: Note, now: &DateTime<C::Tz>) -> Note {
        if (self.check_in_due)(&now.fixed_offset()) {
            note.body.push('\n');
            note.body.push_str(super::reminder::CHECK_IN_DUE);
            note.check_in_due = true;
        }
        note
    }

    /// Says and records `event`.
    fn emit(&mut self, now: &DateTime<C::Tz>, event: Event<C::Tz>) -> io::Result<()> {
        self.view.show(now, &event)?;
        if let Some(warning) = self.recorder.record(now, &event) {
            self.view.warn(&warning);
        }
        Ok(())
    }

    /// One wake-up of the loop; `Some` when the loop ends.
    fn step(&mut self, state: &mut State<C::Tz>) -> io::Result<Option<LoopEnd>> {
        // While snoozed, Snooze holds every reminder; while one is held, it waits for the
        // person, not the clock.
        let mut target = match (&state.held, &state.snooze) {
            (Some(_), _) => state.next_poll.clone(),
            (None, Some((at, _))) => at.clone(),
            (None, None) => state.due.clone(),
        };
        if state.watching && state.next_poll < target {
            target = state.next_poll.clone();
        }
        match self.clock.wait_until(&target)? {
            Wake::Stop => return Ok(Some(LoopEnd::Stopped(state.shown))),
            Wake::Answered(answer, rotation) => {
                self.answered(state, answer, rotation)?;
                return Ok(None);
            }
            Wake::ClockChanged | Wake::Due => {}
        }
        let now = self.clock.now();
        if now < state.anchor {
            // The clock went back: plan from the new time rather than wait out the difference.
            state.anchor = now.clone();
            state.due = self.replan(&now);
            state.next_poll = now.clone() + poll_interval(&self.settings);
            let latest = now.clone() + self.settings.snooze;
            state.snooze = state.snooze.take().map(|(at, which)| (at.min(latest), which));
            return Ok(None);
        }
        // Started before the desktop (a login service, an early terminal): look again for
        // sources when a reminder falls due anyway, so finding them costs no wake-up.
        if !state.watching && self.settings.watches_presence() && now >= state.due && self.presence.rediscover() {
            state.watching = true;
            state.next_poll = now.clone();
            self.emit(&now, Event::Watching { sources: self.presence.sources() })?;
        }
        let looked = state.watching && (now >= state.next_poll || now >= target);
        let mut reason = None;
        if looked {
            state.next_poll = now.clone() + poll_interval(&self.settings);
            let snapshot = self.presence.snapshot();
            if self.back_from_a_break(state, &now, &snapshot)? {
                return Ok(None);
            }
            reason = HoldReason::of(&snapshot, &self.settings, away_after(&self.settings));
        }
        let due = match self.what_falls_due(state, &now, looked, reason)? {
            Next::Wait => return Ok(None),
            Next::Replan => None,
            Next::Show(due) => Some(due),
        };
        state.anchor = now.clone();
        state.due = self.replan(&now);
        let Some(due) = due else { return Ok(None) };
        let note = self.settings.note(due.rotation);
        if let Some(reason) = reason {
            let why = Why::Busy(reason);
            let delivered = Delivered::Held;
            self.emit(&now, Event::Withheld { note: &note, snoozed: due.snoozed, delivered, why: &why, next: None })?;
            let Due { rotation, snoozed, last, .. } = due;
            state.held = Some(Held { rotation, snoozed, last, since: now.clone(), reasons: vec![reason] });
            return Ok(None);
        }
        let later = due.later.or_else(|| state.retimed.take());
        let note = self.with_check_in(note, &now);
        let delivery = self.notifier.deliver(&note, !due.last);
        let later = later.as_ref();
        self.emit(&now, Event::Fired { note: &note, delivery: &delivery, snoozed: due.snoozed, later })?;
        state.shown += 1;
        Ok(due.last.then_some(LoopEnd::Finished(state.shown)))
    }

    /// Follows the person away and back; true when they came back from a natural break: the
    /// next reminder then comes a full interval after they came back, and a held one is dropped.
    fn back_from_a_break(
        &mut self,
        state: &mut State<C::Tz>,
        now: &DateTime<C::Tz>,
        snapshot: &Snapshot,
    ) -> io::Result<bool> {
        let idle = snapshot.idle.and_then(|idle| Duration::from_std(idle).ok()).unwrap_or_default();
        let gone = snapshot.locked == Some(true) || snapshot.idle.is_some_and(|i| i >= away_after(&self.settings));
        if gone {
            let left = now.clone() - idle;
            state.away_since = Some(match state.away_since.take() {
                Some(since) if since < left => since,
                _ => left,
            });
            return Ok(false);
        }
        let Some(left) = state.away_since.take() else { return Ok(false) };
        let back = now.clone() - idle;
        let a_break = self.settings.natural_break.is_some_and(|natural| back.clone() - left.clone() >= natural);
        if !a_break {
            return Ok(false);
        }
        let why = Why::NaturalBreak { left, back: back.clone() };
        state.snooze = None;
        state.due = self.replan(&back);
        state.anchor = now.clone();
        let (rotation, snoozed, delivered) = match state.held.take() {
            Some(held) => (held.rotation, held.snoozed, Delivered::Skipped),
            None => (state.rotation, false, Delivered::Retimed),
        };
        let note = self.settings.note(rotation);
        let next = Some(state.due.clone());
        self.emit(now, Event::Withheld { note: &note, snoozed, delivered, why: &why, next })?;
        state.retimed = Some(why);
        Ok(true)
    }

    /// What falls due now: a held reminder, a snoozed one, or the schedule's. `reason` is why
    /// the person is busy, when the loop `looked`.
    fn what_falls_due(
        &mut self,
        state: &mut State<C::Tz>,
        now: &DateTime<C::Tz>,
        looked: bool,
        reason: Option<HoldReason>,
    ) -> io::Result<Next<C::Tz>> {
        let plan = self.settings.schedule;
        if let Some(held) = state.held.as_mut() {
            if let Some(now_holding) = reason.filter(|now_holding| !held.reasons.contains(now_holding)) {
                // Still held, for another reason now (do-not-disturb after the person came
                // back): said, so the wait is explained; recorded once when it ends.
                held.reasons.push(now_holding);
                self.emit(now, Event::StillHolding(now_holding))?;
                return Ok(Next::Wait);
            }
            if reason.is_some() || !looked {
                return Ok(Next::Wait);
            }
            let Held { rotation, snoozed, last, since, reasons } = state.held.take().expect("held");
            if plan.window.is_some() && plan.period_at(now).is_none() {
                let why = Why::WindowClosed { since, reasons };
                let note = self.settings.note(rotation);
                let delivered = Delivered::Skipped;
                self.emit(now, Event::Withheld { note: &note, snoozed, delivered, why: &why, next: None })?;
                return Ok(Next::Replan);
            }
            return Ok(Next::Show(Due { rotation, snoozed, last, later: Some(Why::Held { since, reasons }) }));
        }
        if let Some((at, rotation)) = state.snooze.clone() {
            if *now < at {
                return Ok(Next::Wait);
            }
            state.snooze = None;
            return Ok(Next::Show(Due { rotation, snoozed: true, last: false, later: None }));
        }
        if *now < state.due {
            return Ok(Next::Wait);
        }
        let on_time = now.clone() - state.due.clone() < Duration::minutes(1);
        let window_still_open = plan.period_at(now).is_some_and(|(opened, _)| opened <= state.due);
        if !(on_time || window_still_open) {
            self.emit(now, Event::MissedAsleep { due: state.due.clone() })?;
            return Ok(Next::Replan);
        }
        let last = self.settings.count.is_some_and(|count| state.rotation + 1 >= count);
        let rotation = state.rotation;
        state.rotation += 1;
        Ok(Next::Show(Due { rotation, snoozed: false, last, later: None }))
    }

    /// The person answered a notification: recorded; a click opens the routine; Snooze puts
    /// every reminder off.
    fn answered(&mut self, state: &mut State<C::Tz>, answer: Answer, rotation: u64) -> io::Result<()> {
        let now = self.clock.now();
        self.emit(&now, Event::Answered { answer: answer.clone(), rotation })?;
        match answer {
            Answer::Open => {
                if let Err(err) = (self.open)(self.settings.location) {
                    self.emit(&now, Event::OpenFailed(err))?;
                }
            }
            Answer::Snooze => {
                let until = now.clone() + self.settings.snooze;
                self.emit(&now, Event::Snoozed { until: until.clone() })?;
                state.snooze = Some((until, rotation));
            }
            _ => {}
        }
        Ok(())
    }

    /// `--once`, from a scheduler: one reminder now, unless the person is not there or busy;
    /// then it records why and shows nothing.
    fn once(&mut self) -> io::Result<LoopEnd> {
        let now = self.clock.now();
        let rotation = super::schedule::once_rotation(&now, self.settings.schedule.every);
        let note = self.settings.note(rotation);
        if self.settings.watches_presence() && self.presence.available() {
            let snapshot = self.presence.snapshot();
            if let Some(reason) = HoldReason::of(&snapshot, &self.settings, once_away_after(&self.settings)) {
                let idle = snapshot.idle.and_then(|idle| Duration::from_std(idle).ok()).unwrap_or_default();
                let natural = self.settings.natural_break.is_some_and(|natural| idle >= natural);
                let why = match natural && reason == HoldReason::Away {
                    true => Why::OnceAway(idle),
                    false => Why::OnceBusy(reason),
                };
                let delivered = Delivered::Held;
                self.emit(&now, Event::Withheld { note: &note, snoozed: false, delivered, why: &why, next: None })?;
                return Ok(LoopEnd::Finished(0));
            }
        }
        let note = self.with_check_in(note, &now);
        let delivery = self.notifier.deliver(&note, false);
        self.emit(&now, Event::Fired { note: &note, delivery: &delivery, snoozed: false, later: None })?;
        // A signal during the delivery cut it short (the reminder went to the terminal): the
        // run still ends as stopped, as the scheduler and the person asked.
        if self.clock.stop_requested() {
            return Ok(LoopEnd::Stopped(1));
        }
        Ok(LoopEnd::Finished(1))
    }
}
#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use std::rc::Rc;

    use chrono::{NaiveTime, Utc, Weekday};

    use super::*;
    use crate::history::{Entry, Kind, Warned};
    use crate::presence::Signal;
    use crate::remind::reminder::Habit;
    use crate::remind::schedule::Schedule;
    use crate::remind::schedule::{Days, Window};
    use crate::remind::view::presence_line;

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
        Answer {
            at: Time,
            answer: Answer,
            rotation: u64,
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
            assert!(self.waits < 5000, "the loop spins");
            let now = self.now();
            let at = |event: &Event| match event {
                Event::Jump { at, .. } | Event::Answer { at, .. } | Event::Signal { at } => *at,
            };
            if let Some(event) = self.events.front().filter(|event| at(event) < (*deadline).max(now)) {
                let wake = match event {
                    Event::Jump { to, .. } => {
                        *self.now.borrow_mut() = *to;
                        if to >= deadline {
                            Wake::Due
                        } else {
                            Wake::ClockChanged
                        }
                    }
                    Event::Answer { at, answer, rotation } => {
                        *self.now.borrow_mut() = (*at).max(now);
                        Wake::Answered(answer.clone(), *rotation)
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
        /// How often the loop slept, and asked the desk.
        waits: usize,
        asked: usize,
        /// The locations a click opened the routine of.
        opened: Vec<&'static str>,
    }

    /// The history a run left: (time, kind, delivered or action, snoozed).
    fn recorded(run: &Run) -> Vec<(String, &'static str, String, Option<bool>)> {
        run.entries
            .iter()
            .map(|entry| {
                let what = entry.delivered.as_deref().or(entry.action.as_deref()).unwrap_or_default().to_string();
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
        run_watched(plan, start, horizon, events, delivery, None, tweak)
    }

    /// Spells of a fake desk, each `(from, until, what)`: away (no input), locked, dnd or
    /// fullscreen. Idle time is the time since an away or locked spell began.
    /// A fake desk's spells, and when it comes up (None: before the loop starts).
    struct Desk {
        spells: Vec<(Time, Time, Signal)>,
        appears: Option<Time>,
    }

    impl Desk {
        fn up(spells: Vec<(Time, Time, Signal)>) -> Desk {
            Desk { spells, appears: None }
        }
    }

    struct FakeDesk {
        now: Rc<RefCell<Time>>,
        spells: Vec<(Time, Time, Signal)>,
        asked: Rc<RefCell<usize>>,
        /// When the desktop comes up (None: before the loop starts); until it is found, the
        /// desk has no sources.
        appears: Option<Time>,
        found: bool,
    }

    impl Presence for FakeDesk {
        fn available(&self) -> bool {
            self.appears.is_none() || self.found
        }
        fn rediscover(&mut self) -> bool {
            self.found |= self.appears.is_some_and(|appears| *self.now.borrow() >= appears);
            self.available()
        }
        fn sources(&self) -> Vec<(Signal, &'static str)> {
            if self.available() {
                vec![(Signal::Idle, "x11"), (Signal::Locked, "logind")]
            } else {
                Vec::new()
            }
        }
        fn snapshot(&mut self) -> Snapshot {
            *self.asked.borrow_mut() += 1;
            let now = *self.now.borrow();
            let on = |signal: Signal| {
                self.spells.iter().find(|(from, until, what)| *what == signal && *from <= now && now < *until)
            };
            let idle = [Signal::Idle, Signal::Locked]
                .into_iter()
                .filter_map(on)
                .map(|(from, _, _)| now.signed_duration_since(*from).to_std().unwrap())
                .max()
                .unwrap_or_default();
            Snapshot {
                idle: Some(idle),
                locked: Some(on(Signal::Locked).is_some()),
                dnd: Some(on(Signal::Dnd).is_some()),
                fullscreen: Some(on(Signal::Fullscreen).is_some()),
            }
        }
    }

    /// The defaults `remind` runs with, on the neck's micro routine.
    fn test_settings(schedule: Schedule) -> Settings {
        let neck = crate::dataset::location("neck").unwrap();
        Settings {
            schedule,
            location: neck,
            routine: crate::plan::Plan::new(neck, crate::dataset::Variant::Micro).steps,
            adapted_for: Vec::new(),
            habit: Habit::default(),
            count: None,
            snooze: DEFAULT_SNOOZE,
            once: false,
            json: false,
            bell: false,
            width: None,
            natural_break: Some(crate::remind::DEFAULT_NATURAL_BREAK),
            when_away: Busy::Hold,
            when_fullscreen: Busy::Hold,
            when_dnd: Busy::Hold,
        }
    }

    fn run_watched(
        plan: Schedule,
        start: Time,
        horizon: Time,
        events: Vec<Event>,
        delivery: Delivery,
        desk: Option<Desk>,
        tweak: impl FnOnce(&mut Settings),
    ) -> Run {
        let now = Rc::new(RefCell::new(start));
        let shown = Rc::new(RefCell::new(Vec::new()));
        let mut settings = test_settings(plan);
        tweak(&mut settings);
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let mut entries: Vec<Entry> = Vec::new();
        let asked = Rc::new(RefCell::new(0));
        let opened = Rc::new(RefCell::new(Vec::new()));
        let presence: Box<dyn Presence> = match desk {
            Some(Desk { spells, appears }) => {
                Box::new(FakeDesk { now: now.clone(), spells, asked: asked.clone(), appears, found: false })
            }
            None => Box::new(crate::presence::Absent),
        };
        let record_open = opened.clone();
        let clock = FakeClock { now: now.clone(), events: events.into(), horizon, waits: 0 };
        let view = View::new(&settings, &mut stdout, &mut stderr);
        let recorder = Recorder::new(&settings, Warned::new(&mut entries));
        let mut engine = Engine {
            settings,
            clock,
            notifier: FakeNotifier { now: now.clone(), shown: shown.clone(), delivery },
            view,
            recorder,
            presence,
            open: Box::new(move |location| {
                record_open.borrow_mut().push(location.id);
                Ok(())
            }),
            check_in_due: Box::new(|_| false),
        };
        let ending = engine.run().unwrap();
        let waits = engine.clock.waits;
        drop(engine);
        let shown = shown.borrow().clone();
        let opened = opened.borrow().clone();
        let asked = *asked.borrow();
        Run {
            shown,
            ending,
            stdout: String::from_utf8(stdout).unwrap(),
            stderr: String::from_utf8(stderr).unwrap(),
            entries,
            waits,
            asked,
            opened,
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
            run.stdout.starts_with(&format!(
                "Reminders every 2h; the first at 10:00. Ctrl-C stops.\n{NO_SOURCES}\n10:00  notified: Chin tuck · Neck side-bend\n"
            )),
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
        assert_eq!(
            text.stdout,
            format!("Reminders every 2h (17:00-09:00 overnight); the first at 19:00. Ctrl-C stops.\n{NO_SOURCES}\n")
        );
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
        assert_eq!(
            run.stdout,
            format!("Reminders every 2h (mon); the first at Mon 02:00. Ctrl-C stops.\n{NO_SOURCES}\n")
        );
    }

    /// What the loop says it will watch, under the plan line (the tests' desk has no sources).
    const NO_SOURCES: &str = "No presence sources here (see backpain doctor): reminders come on the clock.";

    #[test]
    fn the_loop_says_once_what_it_will_hold_reminders_for_and_from_which_source() {
        let settings = |tweak: &dyn Fn(&mut Settings)| {
            let mut settings = test_settings(every(Duration::hours(2)));
            tweak(&mut settings);
            settings
        };
        let x11_dunst = [(Signal::Idle, "x11"), (Signal::Dnd, "dunst"), (Signal::Fullscreen, "x11")];
        assert_eq!(
            presence_line(&settings(&|_| {}), &x11_dunst).as_deref(),
            Some(
                "Holding reminders while you are away (x11), in do-not-disturb (dunst) or fullscreen (x11); \
                 5 min away counts as a break."
            )
        );
        let everything = [(Signal::Idle, "mutter"), (Signal::Locked, "logind"), (Signal::Dnd, "gnome")];
        let notify_dnd = settings(&|s| {
            s.when_dnd = Busy::Notify;
            s.natural_break = None;
        });
        assert_eq!(
            presence_line(&notify_dnd, &everything).as_deref(),
            Some("Holding reminders while you are away (mutter) or locked (logind).")
        );
        let only_breaks = settings(&|s| {
            s.when_away = Busy::Notify;
            s.when_dnd = Busy::Notify;
            s.when_fullscreen = Busy::Notify;
        });
        assert_eq!(presence_line(&only_breaks, &x11_dunst).as_deref(), Some("5 min away counts as a break."));
        assert_eq!(
            presence_line(&only_breaks, &[(Signal::Dnd, "dunst")]).as_deref(),
            Some("Nothing this desktop tells is watched with these settings (see backpain doctor): reminders come on the clock.")
        );
        assert_eq!(presence_line(&settings(&|_| {}), &[]).as_deref(), Some(NO_SOURCES));
        let nothing_asked = settings(&|s| {
            s.natural_break = None;
            s.when_away = Busy::Notify;
            s.when_dnd = Busy::Notify;
            s.when_fullscreen = Busy::Notify;
        });
        assert_eq!(presence_line(&nothing_asked, &[]), None, "every check off: nothing to say");
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
        let events = vec![Event::Answer { at: t("23T10:01:00"), answer: Answer::Snooze, rotation: 0 }];
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
            Event::Answer { at: t("23T10:01:00"), answer: Answer::Snooze, rotation: 0 },
            Event::Answer { at: t("23T10:12:00"), answer: Answer::Done, rotation: 0 },
            Event::Answer { at: t("23T12:30:00"), answer: Answer::Expired, rotation: 1 },
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
    fn answers_name_recent_reminders_and_a_long_loop_keeps_only_those() {
        // 3,000 reminders a minute apart (two days), then a Done on the latest and on the first.
        let events = vec![
            Event::Answer { at: t("25T10:00:30"), answer: Answer::Done, rotation: 2999 },
            Event::Answer { at: t("25T10:00:40"), answer: Answer::Done, rotation: 0 },
        ];
        let run = run(every(Duration::minutes(1)), t("23T08:00:00"), t("25T10:01:00"), events, |_| {});
        let answers: Vec<&Entry> = run.entries.iter().filter(|entry| entry.kind == Kind::Response).collect();
        assert_eq!(answers.len(), 2);
        let answered = run.entries.iter().position(|entry| entry.kind == Kind::Response).unwrap();
        let latest = run.entries[..answered].iter().rev().find(|entry| entry.kind == Kind::Reminder).unwrap();
        assert_eq!(answers[0].reminder.as_ref(), Some(&latest.id), "the latest is still answerable");
        assert_eq!(answers[1].reminder, None, "the first is no longer kept: the map stays small");
    }

    /// Issue 19: `--every 20s` printed 08:00, 08:00, 08:01: times now show their seconds when
    /// reminders come in seconds, and stay to the minute otherwise.
    #[test]
    fn times_show_seconds_when_reminders_come_in_seconds() {
        let fast = run(every(Duration::seconds(20)), t("23T08:00:00"), t("23T08:01:05"), vec![], |_| {});
        for time in ["08:00:20", "08:00:40", "08:01:00"] {
            assert!(fast.stdout.contains(&format!("{time}  ")), "{time}: {}", fast.stdout);
        }
        let slow = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T10:30:00"), vec![], |_| {});
        assert!(slow.stdout.contains("10:00  ") && !slow.stdout.contains("10:00:00"), "{}", slow.stdout);
    }

    /// Issue 19: the loop's own lines (the first, "notified", "holding", ...) ran past the edge
    /// of the terminal; on one they are word-wrapped, the time alone in its column.
    #[test]
    fn what_the_loop_says_is_wrapped_to_the_terminal() {
        let run = run(every(Duration::minutes(90)), t("23T08:00:00"), t("23T11:10:00"), vec![], |settings| {
            settings.width = Some(30);
        });
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(lines.iter().all(|line| line.chars().count() <= 30), "{lines:#?}");
        let flat = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Reminders every 1h30m; the first at 09:30. Ctrl-C stops."), "{flat}");
        let notified = lines.iter().position(|line| line.starts_with("09:30  notified"));
        let notified = notified.unwrap_or_else(|| panic!("notified: {lines:#?}"));
        assert!(lines[notified + 1].starts_with("       "), "continued under the text: {lines:#?}");
    }

    #[test]
    fn done_changes_nothing() {
        let events = vec![Event::Answer { at: t("23T10:01:00"), answer: Answer::Done, rotation: 0 }];
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
        assert_eq!(
            run.stderr,
            "backpain: reminder shown here, not as a notification: no D-Bus session bus; `backpain doctor` says how to fix it\n"
        );
    }

    /// The JSON line is for the script; the person reading stderr still learns why there was
    /// no notification (the view once dropped it for JSON).
    #[test]
    fn a_fallback_in_json_says_why_on_stderr_too() {
        let delivery = Delivery::Terminal { reason: "no D-Bus session bus".into() };
        let run = run_with(every(Duration::hours(2)), t("23T08:00:00"), t("23T11:00:00"), vec![], delivery, |s| {
            s.json = true
        });
        let line: serde_json::Value = serde_json::from_str(run.stdout.trim()).unwrap();
        assert_eq!(
            (line["delivered"].as_str(), line["reason"].as_str()),
            (Some("terminal"), Some("no D-Bus session bus"))
        );
        assert!(
            run.stderr.starts_with("backpain: reminder shown here, not as a notification: no D-Bus"),
            "{}",
            run.stderr
        );
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

    fn watched(
        every_: Duration,
        start: Time,
        horizon: Time,
        spells: Vec<(Time, Time, Signal)>,
        tweak: impl FnOnce(&mut Settings),
    ) -> Run {
        run_watched(every(every_), start, horizon, vec![], Delivery::Notification, Some(Desk::up(spells)), tweak)
    }

    /// The history a run left, as (kind, delivered or action, reason).
    fn reasons(run: &Run) -> Vec<(String, String)> {
        run.entries
            .iter()
            .map(|entry| {
                let what = entry.delivered.as_deref().or(entry.action.as_deref()).unwrap_or_default().to_string();
                (what, entry.reason.clone().unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_natural_break_restarts_the_interval_from_the_return_and_says_why() {
        // Away from 09:00 to 09:30: the 10:00 reminder comes a full 2 h after, at 11:30.
        let spells = vec![(t("23T09:00:00"), t("23T09:30:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:00:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T11:30:00")]);
        assert_eq!(
            reasons(&run)[0],
            (
                "retimed".to_string(),
                "a natural break: away 30 min from 09:00:00 to 09:30:00; next at 2026-11-23 11:30".to_string()
            )
        );
        assert!(
            run.stdout.contains("09:30  welcome back: away 30 min from 09:00:00 to 09:30:00, a natural break; the next reminder at 11:30\n"),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("11:30  notified (a natural break: away 30 min"), "{}", run.stdout);
    }

    #[test]
    fn the_json_lines_say_a_reminder_was_retimed_and_when_the_next_comes() {
        let spells = vec![(t("23T09:00:00"), t("23T09:30:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:00:00"), spells, |s| s.json = true);
        let lines: Vec<serde_json::Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2, "{}", run.stdout);
        assert_eq!(lines[0]["delivered"], "retimed");
        assert_eq!(lines[0]["next"], "2026-11-23T11:30:00+00:00");
        assert!(lines[0]["reason"].as_str().unwrap().starts_with("a natural break: away 30 min"));
        assert_eq!(lines[1]["delivered"], "notification");
        assert!(lines[1]["retimed"].as_str().unwrap().contains("a full interval after you came back"));
    }

    #[test]
    fn time_away_shorter_than_a_natural_break_or_with_it_off_changes_nothing() {
        let spells = vec![(t("23T09:00:00"), t("23T09:04:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:30:00"), spells.clone(), |_| {});
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00")]);
        let long = vec![(t("23T09:00:00"), t("23T09:30:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:30:00"), long, |s| s.natural_break = None);
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00")]);
    }

    #[test]
    fn a_reminder_due_in_fullscreen_is_held_and_comes_once_when_it_ends() {
        // A presentation from 09:55 to 14:20 spans two due times: one reminder, at its end.
        let spells = vec![(t("23T09:55:00"), t("23T14:20:00"), Signal::Fullscreen)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T16:00:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T14:20:00")]);
        assert_eq!(
            reasons(&run)[0],
            ("held".to_string(), "a window is fullscreen; it comes when that ends".to_string())
        );
        assert_eq!(
            reasons(&run)[1],
            ("notification".to_string(), "held from 10:00 while a window is fullscreen".to_string())
        );
        assert_eq!(run.entries.len(), 2, "held once, not at every poll: {:?}", reasons(&run));
        assert!(run.stdout.contains("10:00  holding the reminder: a window is fullscreen"), "{}", run.stdout);
    }

    #[test]
    fn notify_means_fullscreen_and_dnd_do_not_hold() {
        let spells = vec![
            (t("23T09:55:00"), t("23T10:20:00"), Signal::Fullscreen),
            (t("23T11:55:00"), t("23T12:20:00"), Signal::Dnd),
        ];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:30:00"), spells, |s| {
            s.when_fullscreen = Busy::Notify;
            s.when_dnd = Busy::Notify;
        });
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00")]);
    }

    #[test]
    fn do_not_disturb_holds_until_it_is_turned_off() {
        let spells = vec![(t("23T09:50:00"), t("23T10:07:00"), Signal::Dnd)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T12:30:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T10:07:00"), t("23T12:07:00")]);
    }

    #[test]
    fn a_reminder_held_while_away_is_dropped_when_the_time_away_was_a_break() {
        // Lunch from 09:50 to 10:40 with 10:00 due: no reminder on return, the next at 12:40.
        let spells = vec![(t("23T09:50:00"), t("23T10:40:00"), Signal::Locked)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T13:00:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T12:40:00")]);
        let what: Vec<String> = reasons(&run).into_iter().map(|(what, _)| what).collect();
        assert_eq!(what, ["held", "skipped", "notification"]);
        assert_eq!(reasons(&run)[0].1, "the screen is locked; it comes when that ends");
        assert!(reasons(&run)[1].1.starts_with("a natural break: away 50 min from 09:50:00 to 10:40:00"));
        assert!(
            run.stdout.contains("10:40  welcome back: away 50 min from 09:50:00 to 10:40:00, a natural break, so the held reminder is dropped; the next reminder at 12:40\n"),
            "{}",
            run.stdout
        );
    }

    #[test]
    fn when_away_notify_reminds_a_locked_screen_on_the_clock() {
        let spells = vec![(t("23T09:50:00"), t("23T10:40:00"), Signal::Locked)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T11:00:00"), spells, |s| {
            s.when_away = Busy::Notify;
            s.natural_break = None;
        });
        assert_eq!(times(&run), [t("23T10:00:00")]);
    }

    #[test]
    fn the_loop_asks_at_most_once_a_minute_and_not_at_all_with_nothing_to_watch() {
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T14:00:00"), vec![], |_| {});
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:00:00"), t("23T14:00:00")]);
        assert!(run.asked <= 6 * 60 + 3 && run.asked >= 6 * 60 - 3, "asked {} times in 6 h", run.asked);
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T14:00:00"), vec![], |s| {
            s.natural_break = None;
            s.when_away = Busy::Notify;
            s.when_fullscreen = Busy::Notify;
            s.when_dnd = Busy::Notify;
        });
        assert_eq!((run.asked, run.waits), (0, 4), "nothing to watch: one wait per reminder");
        let plain = run_with(
            every(Duration::hours(2)),
            t("23T08:00:00"),
            t("23T14:00:00"),
            vec![],
            Delivery::Notification,
            |_| {},
        );
        assert_eq!(plain.waits, 4, "no presence source: one wait per reminder");
    }

    #[test]
    fn the_poll_interval_follows_the_natural_break_and_the_interval() {
        let settings = |every_: Duration, natural: Option<Duration>| {
            let mut run_settings = None;
            run(every(every_), t("23T08:00:00"), t("23T08:00:00"), vec![], |s| {
                s.natural_break = natural;
                run_settings = Some(s.clone());
            });
            run_settings.unwrap()
        };
        let minute = Duration::minutes(1);
        assert_eq!(poll_interval(&settings(Duration::hours(2), Some(Duration::minutes(5)))), minute);
        assert_eq!(
            poll_interval(&settings(Duration::seconds(20), Some(Duration::seconds(5)))),
            Duration::milliseconds(2500)
        );
        assert_eq!(poll_interval(&settings(Duration::seconds(2), None)), Duration::seconds(1));
    }

    #[test]
    fn once_from_a_scheduler_records_why_it_held_and_shows_nothing() {
        let spells = vec![(t("23T07:00:00"), t("23T09:00:00"), Signal::Fullscreen)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T09:00:00"), spells, |s| s.once = true);
        assert!(run.shown.is_empty());
        assert_eq!(run.ending, LoopEnd::Finished(0));
        assert_eq!(run.stdout, "", "cron mails what a job prints");
        assert_eq!(
            reasons(&run),
            [("held".to_string(), "a window is fullscreen (a scheduled --once reminder is not repeated)".to_string())]
        );
        let away = vec![(t("23T07:00:00"), t("23T09:00:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T09:00:00"), away, |s| {
            s.once = true;
            s.bell = true;
        });
        assert_eq!(reasons(&run)[0].1, "a natural break: away 60 min so far");
        assert!(
            run.stdout.contains("08:00  not reminding now: a natural break"),
            "a person trying it sees why, and that nothing waits to show it: {}",
            run.stdout
        );
    }

    #[test]
    fn a_desktop_that_comes_up_after_the_loop_is_found_at_the_next_reminder_without_extra_wake_ups() {
        // Started at 08:00 with no desktop; it is up at 09:00. Nothing is asked before the
        // 10:00 reminder (the loop sleeps until it); then the sources are found, and a lock
        // from 11:58 to 12:02 (not a natural break) holds the 12:00 reminder.
        let spells = vec![(t("23T11:58:00"), t("23T12:02:00"), Signal::Locked)];
        let run = run_watched(
            every(Duration::hours(2)),
            t("23T08:00:00"),
            t("23T13:00:00"),
            vec![],
            Delivery::Notification,
            Some(Desk { spells, appears: Some(t("23T09:00:00")) }),
            |_| {},
        );
        assert!(run.stdout.contains(&format!("{NO_SOURCES}\n")), "{}", run.stdout);
        assert!(
            run.stdout.contains(
                "10:00  now watching: holding reminders while you are away (x11) or locked (logind); 5 min away counts as a break.\n"
            ),
            "{}",
            run.stdout
        );
        assert_eq!(times(&run), [t("23T10:00:00"), t("23T12:02:00")]);
        assert_eq!(reasons(&run)[1].1, "the screen is locked; it comes when that ends");
        // Asked from 10:00 on only: at most once a minute for the three hours after.
        assert!((1..=181).contains(&run.asked), "asked {} times", run.asked);
        // And up to 10:00 one sleep, straight to the reminder: looking costs no wake-up.
        let until_ten = run_watched(
            every(Duration::hours(2)),
            t("23T08:00:00"),
            t("23T09:59:00"),
            vec![],
            Delivery::Notification,
            Some(Desk { spells: vec![], appears: Some(t("23T09:00:00")) }),
            |_| {},
        );
        assert_eq!((until_ten.waits, until_ten.asked), (1, 0));
    }

    #[test]
    fn once_takes_a_minute_of_reading_for_presence_not_for_away() {
        // No input for 3 minutes: the loop would hold (and show it at the next mouse move), but
        // --once has no later, so it reminds; 5 minutes (the natural break) is away.
        let reading = vec![(t("23T07:57:00"), t("23T09:00:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T09:00:00"), reading, |s| s.once = true);
        assert_eq!(run.shown.len(), 1, "{:?}", reasons(&run));
        let gone = vec![(t("23T07:54:00"), t("23T09:00:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T09:00:00"), gone, |s| s.once = true);
        assert!(run.shown.is_empty());
        assert_eq!(reasons(&run)[0].1, "a natural break: away 6 min so far");
        // With natural breaks off, still 5 minutes.
        let gone = vec![(t("23T07:54:00"), t("23T09:00:00"), Signal::Idle)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T09:00:00"), gone, |s| {
            s.once = true;
            s.natural_break = None;
        });
        assert_eq!(reasons(&run)[0].1, "nobody is at the keyboard (a scheduled --once reminder is not repeated)");
    }

    #[test]
    fn do_not_disturb_is_named_before_no_input_and_a_hold_says_when_its_reason_changes() {
        // Nobody at the keyboard from 09:54 (6 min by 10:00, away for --once too), do-not-disturb
        // from 09:59: --once names do-not-disturb.
        let spells =
            vec![(t("23T09:54:00"), t("23T10:00:30"), Signal::Idle), (t("23T09:59:00"), t("23T10:30:00"), Signal::Dnd)];
        let run = watched(Duration::hours(2), t("23T10:00:00"), t("23T10:01:00"), spells, |s| s.once = true);
        assert_eq!(reasons(&run)[0].1, "do-not-disturb is on (a scheduled --once reminder is not repeated)");
        // The loop, no input from 09:58 to 10:01 (not a break): held at 10:00 for do-not-disturb,
        // released when it ends at 10:30.
        let spells =
            vec![(t("23T09:58:00"), t("23T10:01:00"), Signal::Idle), (t("23T09:59:00"), t("23T10:30:00"), Signal::Dnd)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T11:00:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T10:30:00")]);
        assert_eq!(reasons(&run)[0].1, "do-not-disturb is on; it comes when that ends");
        assert_eq!(reasons(&run)[1].1, "held from 10:00 while do-not-disturb is on");
        // Away first, then back but in do-not-disturb: the wait is explained, and both reasons
        // are in the note of the reminder that comes.
        let spells =
            vec![(t("23T09:58:00"), t("23T10:02:00"), Signal::Idle), (t("23T10:01:30"), t("23T10:30:00"), Signal::Dnd)];
        let run = watched(Duration::hours(2), t("23T08:00:00"), t("23T11:00:00"), spells, |_| {});
        assert_eq!(times(&run), [t("23T10:30:00")]);
        assert_eq!(reasons(&run)[0].1, "nobody is at the keyboard; it comes when that ends");
        assert_eq!(reasons(&run)[1].1, "held from 10:00 while nobody is at the keyboard, then do-not-disturb is on");
        assert_eq!(run.entries.len(), 2, "recorded once, not at each change: {:?}", reasons(&run));
        assert!(run.stdout.contains("still holding the reminder: do-not-disturb is on\n"), "{}", run.stdout);
    }

    #[test]
    fn snooze_holds_the_regular_reminders_too_and_says_until_when() {
        let events = vec![Event::Answer { at: t("23T08:16:00"), answer: Answer::Snooze, rotation: 0 }];
        let run = run(every(Duration::minutes(15)), t("23T08:00:00"), t("23T08:55:00"), events, |s| {
            s.snooze = Duration::minutes(20)
        });
        // The 08:30 reminder waits for the snooze: 08:36 (the snoozed one), then 08:51.
        assert_eq!(
            run.shown.iter().map(|s| (s.0, s.1)).collect::<Vec<_>>(),
            [(t("23T08:15:00"), 0), (t("23T08:36:00"), 0), (t("23T08:51:00"), 1)]
        );
        assert!(run.stdout.contains("08:16  snoozed until 08:36\n"), "{}", run.stdout);
    }

    #[test]
    fn a_click_on_the_body_opens_the_routine_and_is_recorded() {
        let events = vec![Event::Answer { at: t("23T10:01:00"), answer: Answer::Open, rotation: 0 }];
        let run = run(every(Duration::hours(2)), t("23T08:00:00"), t("23T11:00:00"), events, |_| {});
        assert_eq!(run.opened, ["neck"]);
        assert_eq!(recorded(&run)[1].2, "open");
        assert_eq!(run.entries[1].reminder.as_ref(), Some(&run.entries[0].id));
    }
}
