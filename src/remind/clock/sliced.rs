//! The portable wait (every platform but Linux, and tested on Linux too): it waits on a channel
//! for at most a minute at a time, then reads the wall clock again. A deadline that passed while
//! the computer slept fires within a minute of waking, and a wall clock that moved more or less
//! than the time that really went by (set by hand or by NTP) wakes the loop to re-plan. The
//! interrupt signals and the notification buttons arrive on the channel and wake it at once.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

use super::ActionSender;
use crate::history::Answer;
use crate::remind::engine::{Wake, WallClock};

/// The longest one wait lasts before the wall clock is read again.
pub const SLICE: Duration = Duration::from_secs(60);

/// A wall clock that moved this much more (or less) than the time that went by was set.
const JUMP: chrono::Duration = chrono::Duration::seconds(2);

/// What wakes a wait before its slice ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A notification button was pressed: its action is waiting.
    Poke,
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT (Ctrl-C or closing the console on Windows).
    Stop,
}

/// What the sliced wait reads and waits on: the system's own, or a test's.
pub trait Ticks {
    /// The wall clock.
    fn wall(&self) -> DateTime<Local>;
    /// Time that really went by since some start (does not jump when the clock is set).
    fn monotonic(&self) -> Duration;
    /// Waits up to `timeout` for an event.
    fn wait(&mut self, timeout: Duration) -> Option<Event>;
}

/// Waits until `deadline` on the wall clock, a minute at most at a time; `None` when a button
/// press is waiting on the caller's channel.
pub fn wait_until(ticks: &mut impl Ticks, deadline: &DateTime<Local>) -> Option<Wake> {
    Some(loop {
        let before = ticks.wall();
        if before >= *deadline {
            break Wake::Due;
        }
        let left = (*deadline - before).to_std().unwrap_or_default();
        let started = ticks.monotonic();
        match ticks.wait(left.min(SLICE)) {
            Some(Event::Stop) => break Wake::Stop,
            Some(Event::Poke) => return None,
            None => {}
        }
        let after = ticks.wall();
        if after >= *deadline {
            break Wake::Due;
        }
        let went_by = chrono::Duration::from_std(ticks.monotonic().saturating_sub(started)).unwrap_or(JUMP);
        if ((after - before) - went_by).abs() > JUMP {
            break Wake::ClockChanged;
        }
    })
}

/// The system's clocks, and the channel the signals and buttons wake it on. Sped up
/// (`BACKPAIN_TEST_SPEED`, a testing aid), the wall clock starts at the real time and runs
/// `speed` times faster, and so do the waits.
struct SystemTicks {
    start: Instant,
    wall_start: DateTime<Local>,
    speed: u32,
    events: Receiver<Event>,
}

impl Ticks for SystemTicks {
    fn wall(&self) -> DateTime<Local> {
        if self.speed == 1 {
            return Local::now();
        }
        let went_by = chrono::Duration::from_std(self.monotonic()).unwrap_or(chrono::Duration::MAX);
        self.wall_start.checked_add_signed(went_by).unwrap_or(self.wall_start)
    }

    fn monotonic(&self) -> Duration {
        self.start.elapsed().saturating_mul(self.speed)
    }

    fn wait(&mut self, timeout: Duration) -> Option<Event> {
        let timeout = timeout / self.speed;
        match self.events.recv_timeout(timeout) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) => None,
            // Nobody can send any more (never while the clock lives): wait out the slice.
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(timeout);
                None
            }
        }
    }
}

pub struct WallTimer {
    /// Set by the stop signals, for waits that are not this clock's (a delivery in progress).
    stop: Arc<AtomicBool>,
    ticks: SystemTicks,
    actions: Receiver<(Answer, u64)>,
}

impl WallTimer {
    /// The clock, with the interrupt signals turned into a `Wake::Stop`, and the sender that
    /// notification threads use to report actions. `speed` above 1 runs it that many times
    /// faster than the wall clock (`BACKPAIN_TEST_SPEED`, so a test or the benchmark sees
    /// thousands of reminders in seconds).
    pub fn new(speed: u32) -> io::Result<(WallTimer, ActionSender)> {
        let (events, received) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        on_stop_signals(Arc::clone(&stop), events.clone())?;
        let (sender, actions) = mpsc::channel();
        let poke = std::sync::Mutex::new(events);
        let wake = Arc::new(move || {
            if let Ok(events) = poke.lock() {
                let _ = events.send(Event::Poke);
            }
        });
        let clock = WallTimer {
            stop,
            ticks: SystemTicks {
                start: Instant::now(),
                wall_start: Local::now(),
                speed: speed.max(1),
                events: received,
            },
            actions,
        };
        Ok((clock, ActionSender::new(sender, wake)))
    }

    /// The flag the stop signals set, for a delivery to give up waiting on.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }
}

/// Unix: a thread waits for the signals (signal-hook's iterator) and sends `Stop`.
#[cfg(unix)]
fn on_stop_signals(stop: Arc<AtomicBool>, events: Sender<Event>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(crate::platform::exit::INTERRUPT_SIGNALS)?;
    std::thread::Builder::new().name("backpain-signals".into()).spawn(move || {
        if signals.forever().next().is_some() {
            stop.store(true, Ordering::SeqCst);
            let _ = events.send(Event::Stop);
        }
    })?;
    Ok(())
}

/// Windows: Ctrl-C, Ctrl-Break and closing the console come to a handler thread (ctrlc).
#[cfg(windows)]
fn on_stop_signals(stop: Arc<AtomicBool>, events: Sender<Event>) -> io::Result<()> {
    let events = std::sync::Mutex::new(events);
    ctrlc::set_handler(move || {
        stop.store(true, Ordering::SeqCst);
        if let Ok(events) = events.lock() {
            let _ = events.send(Event::Stop);
        }
    })
    .map_err(io::Error::other)
}

#[cfg(not(any(unix, windows)))]
fn on_stop_signals(_stop: Arc<AtomicBool>, _events: Sender<Event>) -> io::Result<()> {
    Ok(())
}

impl WallClock for WallTimer {
    type Tz = Local;

    fn now(&self) -> DateTime<Local> {
        self.ticks.wall()
    }

    fn wait_until(&mut self, deadline: &DateTime<Local>) -> io::Result<Wake> {
        loop {
            match wait_until(&mut self.ticks, deadline) {
                Some(wake) => return Ok(wake),
                None => {
                    if let Ok((answer, rotation)) = self.actions.try_recv() {
                        return Ok(Wake::Answered(answer, rotation));
                    }
                }
            }
        }
    }

    fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::collections::VecDeque;

    /// Virtual clocks: each wait lets time pass; `jumps` set the wall clock at given waits.
    struct FakeTicks {
        wall: DateTime<Local>,
        monotonic: Duration,
        /// What each wait does, in turn: `Ok(slept)` lets that much of the timeout pass (all
        /// of it when `None`), then moves the wall clock by the jump; `Err` is an event.
        script: VecDeque<Result<(Option<Duration>, chrono::Duration), Event>>,
        waits: Vec<Duration>,
    }

    impl FakeTicks {
        fn new(script: Vec<Result<(Option<Duration>, chrono::Duration), Event>>) -> FakeTicks {
            let wall = Local.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
            FakeTicks { wall, monotonic: Duration::ZERO, script: script.into(), waits: Vec::new() }
        }
    }

    impl Ticks for FakeTicks {
        fn wall(&self) -> DateTime<Local> {
            self.wall
        }
        fn monotonic(&self) -> Duration {
            self.monotonic
        }
        fn wait(&mut self, timeout: Duration) -> Option<Event> {
            self.waits.push(timeout);
            match self.script.pop_front().unwrap_or(Ok((None, chrono::Duration::zero()))) {
                Ok((slept, jump)) => {
                    let slept = slept.unwrap_or(timeout).min(timeout);
                    self.monotonic += slept;
                    self.wall = self.wall + chrono::Duration::from_std(slept).unwrap() + jump;
                    None
                }
                Err(event) => Some(event),
            }
        }
    }

    fn at(ticks: &FakeTicks, minutes: i64) -> DateTime<Local> {
        ticks.wall + chrono::Duration::minutes(minutes)
    }

    #[test]
    fn a_deadline_an_hour_away_is_waited_for_in_slices_of_at_most_a_minute() {
        let mut ticks = FakeTicks::new(vec![]);
        let deadline = at(&ticks, 60) + chrono::Duration::seconds(30);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::Due));
        assert_eq!(ticks.waits.len(), 61, "60 whole minutes, then the last 30 s");
        assert!(ticks.waits.iter().all(|wait| *wait <= SLICE));
        assert_eq!(ticks.waits.last(), Some(&Duration::from_secs(30)));
        assert!(ticks.wall >= deadline);
    }

    #[test]
    fn a_suspend_past_the_deadline_fires_once_on_waking() {
        // The machine sleeps 3 hours during the second slice: monotonic time barely moves
        // (as on macOS), the wall clock does.
        let hours = chrono::Duration::hours(3);
        let mut ticks =
            FakeTicks::new(vec![Ok((None, chrono::Duration::zero())), Ok((Some(Duration::from_secs(5)), hours))]);
        let deadline = at(&ticks, 30);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::Due));
        assert_eq!(ticks.waits.len(), 2, "noticed at the end of the slice it slept in");
    }

    #[test]
    fn a_clock_set_back_or_forward_wakes_the_loop_to_re_plan() {
        let mut ticks = FakeTicks::new(vec![Ok((None, chrono::Duration::minutes(-20)))]);
        let deadline = at(&ticks, 30);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::ClockChanged));
        let mut ticks = FakeTicks::new(vec![Ok((None, chrono::Duration::minutes(5)))]);
        let deadline = at(&ticks, 30);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::ClockChanged));
        // A second of drift is not a change.
        let mut ticks = FakeTicks::new(vec![Ok((None, chrono::Duration::seconds(1)))]);
        let deadline = at(&ticks, 2);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::Due));
    }

    #[test]
    fn a_stop_or_a_button_wakes_it_at_once() {
        let mut ticks = FakeTicks::new(vec![Ok((None, chrono::Duration::zero())), Err(Event::Stop)]);
        let deadline = at(&ticks, 90);
        assert_eq!(wait_until(&mut ticks, &deadline), Some(Wake::Stop));
        assert_eq!(ticks.waits.len(), 2);
        let mut ticks = FakeTicks::new(vec![Err(Event::Poke)]);
        let deadline = at(&ticks, 90);
        assert_eq!(wait_until(&mut ticks, &deadline), None, "the caller takes the action");
    }

    #[test]
    fn the_real_clock_stops_on_a_signal_and_takes_a_button_press() {
        let (mut clock, sender) = WallTimer::new(1).unwrap();
        sender.send(Answer::Snooze, 7);
        let deadline = Local::now() + chrono::Duration::hours(1);
        assert_eq!(clock.wait_until(&deadline).unwrap(), Wake::Answered(Answer::Snooze, 7));
        let soon = Local::now() + chrono::Duration::milliseconds(50);
        assert_eq!(clock.wait_until(&soon).unwrap(), Wake::Due);
    }
}
