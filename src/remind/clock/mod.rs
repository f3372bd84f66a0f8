//! The real clock: the local wall clock, and a wait that costs nothing while nothing happens.
//!
//! On Linux, `timerfd` arms one absolute CLOCK_REALTIME timer with TFD_TIMER_CANCEL_ON_SET, so
//! the process sleeps with no periodic wake-ups; a suspend or a clock change wakes it at once.
//! Elsewhere, `sliced` waits on a channel in slices of at most a minute and reads the wall clock
//! again after each, so a suspend or a clock change is noticed within a minute. Both take the
//! interrupt signals and the notification buttons as wake-ups, and `sliced` is compiled and
//! tested on Linux too.

pub mod sliced;
#[cfg(target_os = "linux")]
pub mod timerfd;

use std::io;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;
use std::sync::Arc;

use chrono::{DateTime, Local};

use super::engine::{Wake, WallClock};
use crate::history::Answer;

#[cfg(target_os = "linux")]
use timerfd::WallTimer;

#[cfg(not(target_os = "linux"))]
use sliced::WallTimer;

/// The clock the loop runs on, with the sender notification threads report button presses on
/// and the flag the stop signals set.
pub struct Real {
    pub clock: Box<dyn WallClock<Tz = Local>>,
    pub actions: ActionSender,
    pub stop: Arc<AtomicBool>,
}

/// The platform's real clock, or at `speed` above 1 (`BACKPAIN_TEST_SPEED`, a testing aid) the
/// portable one run that many times faster.
pub fn real(speed: u32) -> io::Result<Real> {
    if speed > 1 {
        let (clock, actions) = sliced::WallTimer::new(speed)?;
        let stop = clock.stop_flag();
        return Ok(Real { clock: Box::new(clock), actions, stop });
    }
    #[cfg(target_os = "linux")]
    let (clock, actions) = WallTimer::new()?;
    #[cfg(not(target_os = "linux"))]
    let (clock, actions) = WallTimer::new(1)?;
    let stop = clock.stop_flag();
    Ok(Real { clock: Box::new(clock), actions, stop })
}

impl WallClock for Box<dyn WallClock<Tz = Local>> {
    type Tz = Local;

    fn now(&self) -> DateTime<Local> {
        (**self).now()
    }

    fn wait_until(&mut self, deadline: &DateTime<Local>) -> io::Result<Wake> {
        (**self).wait_until(deadline)
    }

    fn stop_requested(&self) -> bool {
        (**self).stop_requested()
    }
}

/// Where notification threads send what the user clicked; wakes the sleeping loop.
#[derive(Clone)]
pub struct ActionSender {
    actions: Sender<(Answer, u64)>,
    /// Wakes the waiting loop after a send (writes to its wake pipe, where it has one).
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl ActionSender {
    pub fn new(actions: Sender<(Answer, u64)>, wake: Arc<dyn Fn() + Send + Sync>) -> ActionSender {
        ActionSender { actions, wake }
    }

    /// The person gave `answer` to the notification of reminder `rotation`.
    pub fn send(&self, answer: Answer, rotation: u64) {
        // The loop may have ended already; then nobody needs to hear about it.
        if self.actions.send((answer, rotation)).is_ok() {
            (self.wake)();
        }
    }
}
