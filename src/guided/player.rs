//! Times the cues of a session against a clock and reacts to keys: space (or p) pauses and
//! resumes, n (or →) skips the rest of the drill, q (or Esc) quits, Ctrl-C and the stop signals
//! interrupt. What happens goes to a `View`; the clock and the keys are traits so tests run a
//! whole session in virtual time.

use std::io;
use std::time::Duration;

use super::cues::Cue;
use crate::platform::clock::Clock;
use crate::tui::{Key, Keys};

/// What the player reports to its view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A cue starts.
    Cue(Cue),
    Paused,
    Resumed,
    /// The rest of drill `step` was skipped.
    Skipped {
        step: usize,
    },
    /// The session is over.
    End(Summary),
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every cue played (some drills may have been skipped).
    Finished,
    /// q or Esc.
    Quit,
    /// Ctrl-C, SIGINT, SIGTERM or SIGHUP.
    Interrupted,
}

/// What was done, for the closing summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub ending: Ending,
    /// Drills in the plan.
    pub steps: usize,
    /// Drills played to the end, counted from 1.
    pub done: Vec<usize>,
    /// Drills skipped with n.
    pub skipped: Vec<usize>,
    /// The drill under way when the session was quit or interrupted.
    pub stopped: Option<usize>,
    /// From the first cue to the end, pauses included.
    pub elapsed: Duration,
    /// Of which paused.
    pub paused: Duration,
}

impl Summary {
    /// Drills neither done, skipped nor under way: the session ended before them.
    pub fn not_reached(&self) -> usize {
        self.steps.saturating_sub(self.done.len() + self.skipped.len() + usize::from(self.stopped.is_some()))
    }
}

/// Where the session stands, for drawing.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub cues: &'a [Cue],
    /// The cue playing now (may be `cues.len()` at the end).
    pub index: usize,
    /// Of the current cue: how long it has run and how long is left.
    pub into: Duration,
    pub left: Duration,
    /// Planned time played or skipped so far, and the whole plan's.
    pub covered: Duration,
    pub total: Duration,
    pub paused: bool,
    /// Session time since the start, pauses included.
    pub elapsed: Duration,
    /// Before the first drill's clock runs: the person is getting into position, and space or
    /// Enter starts it (a terminal session only).
    pub waiting: bool,
}

impl Progress<'_> {
    pub fn cue(&self) -> Option<&Cue> {
        self.cues.get(self.index)
    }

    /// The drill announcement of the drill now playing.
    pub fn drill(&self) -> Option<&Cue> {
        self.cues[..(self.index + 1).min(self.cues.len())].iter().rev().find(|cue| matches!(cue, Cue::Drill { .. }))
    }

    /// The next drill's announcement, if any.
    pub fn next_drill(&self) -> Option<&Cue> {
        self.cues.iter().skip(self.index + 1).find(|cue| matches!(cue, Cue::Drill { .. }))
    }
}

/// Shows a session: every event, and the running state between events.
pub trait View {
    /// Whether the session waits, before the first drill's clock runs, for the person to say
    /// they are in position: a screen they answer with a key does; lines for a pipe do not.
    fn waits_to_start(&self) -> bool {
        false
    }
    fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()>;
    /// Called whenever time passed or a key was handled: redraw countdowns here.
    fn tick(&mut self, _status: &Progress) -> io::Result<()> {
        Ok(())
    }
}

/// What a key does during a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Pause,
    Skip,
    Quit,
    Interrupt,
    Redraw,
    /// Back from Ctrl-Z: the person comes back to a paused session.
    Resumed,
}

fn action(key: Key) -> Option<Action> {
    match key {
        Key::Char(' ' | 'p') => Some(Action::Pause),
        Key::Char('n') | Key::Right => Some(Action::Skip),
        Key::Char('q') | Key::Escape => Some(Action::Quit),
        Key::Interrupt => Some(Action::Interrupt),
        Key::Resize => Some(Action::Redraw),
        Key::Resumed(_) => Some(Action::Resumed),
        _ => None,
    }
}

/// The player's place in the session.
struct Place<'a> {
    cues: &'a [Cue],
    start: Duration,
    total: Duration,
    index: usize,
    /// Planned time played or skipped before the current cue.
    covered: Duration,
    paused: bool,
    /// Waiting for the first drill's clock to be started (see `Progress::waiting`).
    waiting: bool,
}

impl<'a> Place<'a> {
    fn length(&self) -> Duration {
        self.cues.get(self.index).map_or(Duration::ZERO, |cue| Duration::from_secs(u64::from(cue.seconds())))
    }

    fn status(&self, left: Duration, now: Duration) -> Progress<'a> {
        let into = self.length().saturating_sub(left);
        Progress {
            cues: self.cues,
            index: self.index,
            into,
            left,
            covered: self.covered + into,
            total: self.total,
            paused: self.paused,
            elapsed: now.saturating_sub(self.start),
            waiting: self.waiting,
        }
    }

    /// The index of the next drill announcement after the current cue, or the end.
    fn next_drill(&self) -> usize {
        let after = self.index + 1;
        self.cues[after.min(self.cues.len())..]
            .iter()
            .position(|cue| matches!(cue, Cue::Drill { .. }))
            .map_or(self.cues.len(), |offset| after + offset)
    }
}

/// Plays `cues` from the start and returns the summary (also sent to the view as `End`).
/// Whether `result` says the terminal hung up (then the session ends as interrupted, with what
/// was done so far, so it is still recorded); any other error is returned.
fn hung_up(result: io::Result<()>) -> io::Result<bool> {
    match result {
        Ok(()) => Ok(false),
        Err(err) if crate::tui::hung_up(&err) => Ok(true),
        Err(err) => Err(err),
    }
}

pub fn play(cues: &[Cue], clock: &mut dyn Clock, keys: &mut dyn Keys, view: &mut dyn View) -> io::Result<Summary> {
    let second = Duration::from_secs(1);
    let mut place = Place {
        cues,
        start: clock.now(),
        total: Duration::from_secs(cues.iter().map(|cue| u64::from(cue.seconds())).sum()),
        index: 0,
        covered: Duration::ZERO,
        paused: view.waits_to_start(),
        waiting: view.waits_to_start(),
    };
    let mut summary = Summary {
        ending: Ending::Finished,
        steps: cues.iter().filter(|cue| matches!(cue, Cue::Drill { .. })).count(),
        done: Vec::new(),
        skipped: Vec::new(),
        stopped: None,
        elapsed: Duration::ZERO,
        paused: Duration::ZERO,
    };
    // The terminal went away: the session ends here as interrupted, in the drill under way.
    let gone = |mut summary: Summary, cue: &Cue, place: &Place, now| {
        summary.ending = Ending::Interrupted;
        summary.stopped = Some(cue.step());
        summary.elapsed = now - place.start;
        summary
    };
    while let Some(cue) = cues.get(place.index) {
        let mut left = place.length();
        let mut last = clock.now();
        if hung_up(view.event(&Event::Cue(cue.clone()), &place.status(left, last)))? {
            return Ok(gone(summary, cue, &place, last));
        }
        let mut skip = false;
        while !left.is_zero() {
            if hung_up(view.tick(&place.status(left, last)))? {
                return Ok(gone(summary, cue, &place, last));
            }
            // Wake at each whole second left, so countdowns tick on the second; while paused
            // nothing on the screen changes, so sleep until a key or a signal.
            let timeout = match (place.paused, left.subsec_nanos()) {
                (true, _) => crate::tui::UNTIL_KEY,
                (false, 0) => second.min(left),
                (false, nanos) => Duration::from_nanos(u64::from(nanos)),
            };
            let key = match keys.wait(clock, timeout) {
                Err(err) if crate::tui::hung_up(&err) => return Ok(gone(summary, cue, &place, clock.now())),
                key => key?,
            };
            let now = clock.now();
            // Time stopped with Ctrl-Z is time away: it never counts down a hold.
            let away = match key {
                Some(Key::Resumed(away)) => away.min(now - last),
                _ => Duration::ZERO,
            };
            if place.waiting {
                // Getting into position is not the session yet: its clock starts after.
                place.start = now;
            } else if place.paused {
                summary.paused += now - last;
            } else {
                summary.paused += away;
                left = left.saturating_sub(now - last - away);
            }
            last = now;
            let action = match key {
                // Enter, like space, says "I am in position".
                Some(Key::Enter) if place.waiting => Some(Action::Pause),
                key => key.and_then(action),
            };
            match action {
                Some(Action::Pause | Action::Skip) if place.waiting => {
                    place.waiting = false;
                    place.start = now;
                    if action == Some(Action::Skip) {
                        skip = true;
                        break;
                    }
                    place.paused = false;
                    if hung_up(view.event(&Event::Resumed, &place.status(left, now)))? {
                        return Ok(gone(summary, cue, &place, now));
                    }
                }
                Some(Action::Resumed) if !place.paused => {
                    place.paused = true;
                    if hung_up(view.event(&Event::Paused, &place.status(left, now)))? {
                        return Ok(gone(summary, cue, &place, now));
                    }
                }
                Some(Action::Pause) => {
                    place.paused = !place.paused;
                    let event = if place.paused { Event::Paused } else { Event::Resumed };
                    if hung_up(view.event(&event, &place.status(left, now)))? {
                        return Ok(gone(summary, cue, &place, now));
                    }
                }
                Some(Action::Skip) => {
                    skip = true;
                    break;
                }
                Some(action @ (Action::Quit | Action::Interrupt)) => {
                    summary.ending = if action == Action::Interrupt { Ending::Interrupted } else { Ending::Quit };
                    // Getting into position counts: the drill's screen is already up.
                    summary.stopped = Some(cue.step());
                    summary.elapsed = now - place.start;
                    hung_up(view.event(&Event::End(summary.clone()), &place.status(left, now)))?;
                    return Ok(summary);
                }
                Some(Action::Redraw | Action::Resumed) | None => {}
            }
        }
        let step = cue.step();
        let next_drill = place.next_drill();
        if skip {
            // A skip also ends a pause: the next drill starts playing.
            place.paused = false;
            place.covered += cues[place.index..next_drill]
                .iter()
                .map(|cue| Duration::from_secs(u64::from(cue.seconds())))
                .sum::<Duration>();
            place.index = next_drill;
            summary.skipped.push(step);
            if hung_up(view.event(&Event::Skipped { step }, &place.status(place.length(), last)))? {
                return Ok(gone(summary, cue, &place, last));
            }
            continue;
        }
        place.covered += place.length();
        place.index += 1;
        if place.index == next_drill {
            summary.done.push(step);
        }
    }
    let now = clock.now();
    summary.elapsed = now - place.start;
    hung_up(view.event(&Event::End(summary.clone()), &place.status(Duration::ZERO, now)))?;
    Ok(summary)
}

#[cfg(test)]
pub mod testing {
    //! A view that records what happened, for exact assertions.

    use super::*;

    /// Every event with the session second it happened at.
    #[derive(Default)]
    pub struct Log(pub Vec<(u64, Event)>);

    impl View for Log {
        fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()> {
            self.0.push((status.elapsed.as_secs(), event.clone()));
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::Log;
    use super::*;
    use crate::dataset::{self, Dose, Variant};
    use crate::guided::cues::{cues, Side};
    use crate::plan::{Plan, PlannedStep};
    use crate::platform::clock::VirtualClock;
    use crate::tui::keys::Script;

    /// Knee-to-chest 2 × 20 s each side, then cat-cow 2 sets of 5 × 6 s with 15 s rest, then a
    /// 30 s hold: 80 + 5 + 75 + 5 + 30 = 195 s.
    fn plan() -> Plan {
        let step = |drill: &str, dose| PlannedStep { drill: dataset::drill(drill).unwrap(), dose, priority: 1 };
        Plan {
            location: dataset::location("lower").unwrap(),
            variant: Variant::Full,
            steps: vec![
                step(
                    "knee-to-chest",
                    Dose { reps: 2, hold_seconds: 20, rep_seconds: 0, sets: 1, each_side: true, rest_seconds: 0 },
                ),
                step(
                    "cat-cow",
                    Dose { reps: 5, hold_seconds: 0, rep_seconds: 6, sets: 2, each_side: false, rest_seconds: 15 },
                ),
                step(
                    "half-kneeling-hip-flexor",
                    Dose { reps: 1, hold_seconds: 30, rep_seconds: 0, sets: 1, each_side: false, rest_seconds: 0 },
                ),
            ],
        }
    }

    fn run(keys: Vec<(f64, Key)>) -> (Vec<(u64, String)>, Summary) {
        let cues = cues(&plan());
        let mut clock = VirtualClock::default();
        let mut log = Log::default();
        let summary = play(&cues, &mut clock, &mut Script(keys), &mut log).unwrap();
        (log.0.into_iter().map(|(at, event)| (at, short(&event))).collect(), summary)
    }

    /// Events as short words, so whole sequences read at a glance.
    fn short(event: &Event) -> String {
        let side = |side: &Option<Side>| side.map(|side| format!(" {}", side.label())).unwrap_or_default();
        match event {
            Event::Cue(Cue::Drill { id, .. }) => format!("drill {id}"),
            Event::Cue(Cue::Position { seconds, .. }) => format!("position {seconds}s"),
            Event::Cue(Cue::Hold { rep, reps, side: s, seconds, .. }) => {
                format!("hold {rep}/{reps}{} {seconds}s", side(s))
            }
            Event::Cue(Cue::Reps { set, sets, reps, seconds, .. }) => {
                format!("reps {reps} set {set}/{sets} {seconds}s")
            }
            Event::Cue(Cue::SwitchSides { side, .. }) => format!("switch to {}", side.label()),
            Event::Cue(Cue::Rest { next_set, seconds, .. }) => format!("rest {seconds}s before set {next_set}"),
            Event::Paused => "paused".into(),
            Event::Resumed => "resumed".into(),
            Event::Skipped { step } => format!("skipped {step}"),
            Event::End(summary) => format!("end {:?}", summary.ending),
        }
    }

    fn expect(events: &[(u64, &str)]) -> Vec<(u64, String)> {
        events.iter().map(|&(at, text)| (at, text.to_string())).collect()
    }

    #[test]
    fn an_untouched_session_plays_every_cue_on_time() {
        let started = std::time::Instant::now();
        let (log, summary) = run(Vec::new());
        assert_eq!(
            log,
            expect(&[
                (0, "drill knee-to-chest"),
                (0, "hold 1/2 left side 20s"),
                (20, "hold 2/2 left side 20s"),
                (40, "switch to right side"),
                (40, "hold 1/2 right side 20s"),
                (60, "hold 2/2 right side 20s"),
                (80, "drill cat-cow"),
                (80, "position 5s"),
                (85, "reps 5 set 1/2 30s"),
                (115, "rest 15s before set 2"),
                (130, "reps 5 set 2/2 30s"),
                (160, "drill half-kneeling-hip-flexor"),
                (160, "position 5s"),
                (165, "hold 1/1 30s"),
                (195, "end Finished"),
            ])
        );
        assert_eq!(summary.done, [1, 2, 3]);
        assert!(summary.skipped.is_empty());
        assert_eq!((summary.elapsed, summary.paused), (Duration::from_secs(195), Duration::ZERO));
        assert!(started.elapsed() < Duration::from_secs(1), "virtual time: no sleeping");
    }

    /// A log that, like the terminal screen, waits for the person before the first clock runs.
    struct Waiting(Log);

    impl View for Waiting {
        fn waits_to_start(&self) -> bool {
            true
        }
        fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()> {
            self.0.event(event, status)
        }
    }

    /// On a screen, the first drill's clock waits while the person gets into position: nothing
    /// counts down until space or Enter, and the wait is neither exercise nor a pause.
    #[test]
    fn the_first_clock_waits_for_the_person_to_get_into_position() {
        for start in [Key::Char(' '), Key::Enter] {
            let cues = cues(&plan());
            let mut clock = VirtualClock::default();
            let mut view = Waiting(Log::default());
            let script = Script(vec![(45.0, start), (50.0, Key::Char('q'))]);
            let summary = play(&cues, &mut clock, &mut { script }, &mut view).unwrap();
            let log: Vec<(u64, String)> = view.0 .0.iter().map(|(at, event)| (*at, short(event))).collect();
            assert_eq!(
                log,
                expect(&[(0, "drill knee-to-chest"), (0, "hold 1/2 left side 20s"), (0, "resumed"), (5, "end Quit")])
            );
            assert_eq!((summary.elapsed, summary.paused), (Duration::from_secs(5), Duration::ZERO), "{start:?}");
        }
        // n while waiting skips the drill and the next one's clock runs at once.
        let cues = cues(&plan());
        let mut clock = VirtualClock::default();
        let mut view = Waiting(Log::default());
        let script = Script(vec![(30.0, Key::Char('n')), (31.0, Key::Char('q'))]);
        let summary = play(&cues, &mut clock, &mut { script }, &mut view).unwrap();
        assert_eq!(summary.skipped, [1]);
        assert_eq!(summary.elapsed, Duration::from_secs(1));
    }

    /// Keys from a script, with every wait's timeout kept: when the player would wake.
    struct Waits(Script, Vec<Duration>);

    impl Keys for Waits {
        fn wait(
            &mut self,
            clock: &mut dyn crate::platform::clock::Clock,
            timeout: Duration,
        ) -> io::Result<Option<Key>> {
            self.1.push(timeout);
            self.0.wait(clock, timeout)
        }
    }

    #[test]
    fn a_countdown_wakes_once_a_second_and_a_pause_only_for_its_key() {
        let cues = cues(&plan());
        let mut clock = VirtualClock::default();
        let script = Script(vec![(10.0, Key::Char('p')), (100.0, Key::Char('p')), (110.0, Key::Char('q'))]);
        let mut keys = Waits(script, Vec::new());
        play(&cues, &mut clock, &mut keys, &mut Log::default()).unwrap();
        let waits = keys.1;
        assert_eq!(waits.iter().filter(|&&timeout| timeout == crate::tui::UNTIL_KEY).count(), 1, "{waits:?}");
        assert!(waits.iter().all(|&timeout| timeout <= Duration::from_secs(1) || timeout == crate::tui::UNTIL_KEY));
        // 20 s of countdown, a wait or two more where cues change; none through the 90 s pause.
        assert!(waits.len() <= 26, "{} waits: {waits:?}", waits.len());
    }

    #[test]
    fn pause_holds_the_countdown_and_skip_moves_to_the_next_drill() {
        // Pause 10 s into the first hold for 30 s; skip cat-cow during its rest.
        let (log, summary) = run(vec![(10.0, Key::Char(' ')), (40.0, Key::Char(' ')), (150.0, Key::Char('n'))]);
        assert_eq!(
            log,
            expect(&[
                (0, "drill knee-to-chest"),
                (0, "hold 1/2 left side 20s"),
                (10, "paused"),
                (40, "resumed"),
                (50, "hold 2/2 left side 20s"),
                (70, "switch to right side"),
                (70, "hold 1/2 right side 20s"),
                (90, "hold 2/2 right side 20s"),
                (110, "drill cat-cow"),
                (110, "position 5s"),
                (115, "reps 5 set 1/2 30s"),
                (145, "rest 15s before set 2"),
                (150, "skipped 2"),
                (150, "drill half-kneeling-hip-flexor"),
                (150, "position 5s"),
                (155, "hold 1/1 30s"),
                (185, "end Finished"),
            ])
        );
        assert_eq!((summary.done.as_slice(), summary.skipped.as_slice()), (&[1, 3][..], &[2][..]));
        assert_eq!(summary.paused, Duration::from_secs(30));
        assert_eq!(summary.elapsed, Duration::from_secs(185));
    }

    #[test]
    fn skip_while_paused_resumes_with_the_next_drill_and_skipping_the_last_ends() {
        let (log, summary) = run(vec![(5.0, Key::Char('p')), (8.0, Key::Right), (100.0, Key::Char('n'))]);
        assert_eq!(
            log[..6],
            expect(&[
                (0, "drill knee-to-chest"),
                (0, "hold 1/2 left side 20s"),
                (5, "paused"),
                (8, "skipped 1"),
                (8, "drill cat-cow"),
                (8, "position 5s"),
            ])[..]
        );
        assert_eq!(
            log[log.len() - 3..],
            expect(&[(93, "hold 1/1 30s"), (100, "skipped 3"), (100, "end Finished")])[..]
        );
        assert_eq!((summary.done.as_slice(), summary.skipped.as_slice()), (&[2][..], &[1, 3][..]));
    }

    #[test]
    fn quit_and_interrupt_end_at_once_and_count_what_was_not_reached() {
        let (log, summary) = run(vec![(90.0, Key::Char('q'))]);
        assert_eq!(log.last(), Some(&(90, "end Quit".to_string())));
        assert_eq!(log.len(), 10, "nothing after quit: {log:?}");
        // At 90 s drill 2 (cat-cow) is under way: stopped part-way, not "not reached".
        assert_eq!((summary.done.as_slice(), summary.stopped, summary.not_reached()), (&[1][..], Some(2), 1));

        let (log, summary) = run(vec![(3.0, Key::Escape)]);
        assert_eq!(log.last(), Some(&(3, "end Quit".to_string())));
        assert_eq!((summary.stopped, summary.not_reached()), (Some(1), 2), "the first drill was under way");

        let (log, summary) = run(vec![(12.5, Key::Interrupt)]);
        assert_eq!(log.last(), Some(&(12, "end Interrupted".to_string())));
        assert_eq!(summary.ending, Ending::Interrupted);
        assert_eq!(summary.elapsed, Duration::from_millis(12_500));
        assert_eq!((summary.done.len(), summary.stopped, summary.not_reached()), (0, Some(1), 2));

        let (_, finished) = run(Vec::new());
        assert_eq!((finished.stopped, finished.not_reached()), (None, 0), "nothing is under way at the end");
    }

    #[test]
    fn back_from_ctrl_z_the_session_is_paused_and_the_time_away_not_counted() {
        let (untouched, _) = run(Vec::new());
        // Stopped at 12.5 s for 10 minutes, resumed with space 5 s after coming back.
        let (log, summary) = run(vec![(12.5, Key::Resumed(Duration::from_secs(600))), (617.5, Key::Char(' '))]);
        assert_eq!(log.iter().find(|(_, event)| event == "paused"), Some(&(612, "paused".to_string())), "{log:?}");
        assert!(log.iter().any(|(at, event)| *at == 617 && event == "resumed"), "{log:?}");
        assert_eq!(summary.paused, Duration::from_secs(605), "the time away and the pause after it");
        assert_eq!(summary.ending, Ending::Finished);
        // Every cue after it plays as long as it would have, only later.
        let shifted: Vec<(u64, String)> = log
            .iter()
            .filter(|(_, event)| event != "paused" && event != "resumed")
            .map(|(at, event)| (if *at >= 612 { at - 605 } else { *at }, event.clone()))
            .collect();
        assert_eq!(shifted, untouched);
        // Already paused, it stays paused, and the time away adds to the pause.
        let (log, summary) =
            run(vec![(5.0, Key::Char(' ')), (6.0, Key::Resumed(Duration::from_secs(60))), (70.0, Key::Char(' '))]);
        assert_eq!(log.iter().filter(|(_, event)| event == "paused").count(), 1, "{log:?}");
        assert_eq!(summary.paused, Duration::from_secs(65));
    }

    #[test]
    fn other_keys_change_nothing() {
        let (untouched, _) = run(Vec::new());
        let (pressed, _) = run(vec![(3.0, Key::Char('x')), (4.0, Key::Enter), (5.0, Key::Resize), (6.0, Key::Up)]);
        assert_eq!(untouched, pressed);
    }

    #[test]
    fn every_location_plays_through_in_virtual_time() {
        for location in dataset::dataset().locations {
            for variant in [Variant::Full, Variant::Micro] {
                let plan = Plan::new(location, variant);
                let mut clock = VirtualClock::default();
                let summary = play(&cues(&plan), &mut clock, &mut Script(Vec::new()), &mut Log::default()).unwrap();
                assert_eq!(summary.elapsed.as_secs(), u64::from(plan.total_seconds()), "{}", location.id);
                assert_eq!(summary.done.len(), plan.steps.len());
            }
        }
    }
}
