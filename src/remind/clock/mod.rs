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

use std::sync::mpsc::Sender;
use std::sync::Arc;

use super::engine::Press;

#[cfg(target_os = "linux")]
pub use timerfd::RealClock;

#[cfg(not(target_os = "linux"))]
pub use sliced::RealClock;

/// Where notification threads send what the user clicked; wakes the sleeping loop.
#[derive(Clone)]
pub struct ActionSender {
    actions: Sender<Press>,
    /// Wakes the waiting loop after a send (writes to its wake pipe, where it has one).
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl ActionSender {
    pub fn new(actions: Sender<Press>, wake: Arc<dyn Fn() + Send + Sync>) -> ActionSender {
        ActionSender { actions, wake }
    }

    pub fn send(&self, action: Press) {
        // The loop may have ended already; then nobody needs to hear about it.
        if self.actions.send(action).is_ok() {
            (self.wake)();
        }
    }
}
