//! Time as the guided player and the body map see it: a trait, so tests run whole sessions in
//! virtual time, and the wall clock (optionally sped up, for tests of the real binary).

use std::time::{Duration, Instant};

/// Session time. The real clock can run faster than wall time for tests
/// (`BACKPAIN_TEST_SPEED`, a testing aid documented in the README).
pub trait Clock {
    /// Session time since an arbitrary fixed start.
    fn now(&self) -> Duration;
    /// Lets `duration` of session time pass.
    fn sleep(&mut self, duration: Duration);
    /// How many session seconds pass per real second.
    fn speed(&self) -> u32 {
        1
    }
    /// Session time as wall time.
    fn real(&self, session: Duration) -> Duration {
        session / self.speed().max(1)
    }
    /// Wall time as session time.
    fn session(&self, real: Duration) -> Duration {
        real * self.speed().max(1)
    }
}

/// The wall clock, optionally sped up.
pub struct SessionClock {
    start: Instant,
    speed: u32,
}

impl SessionClock {
    pub fn new(speed: u32) -> Self {
        SessionClock { start: Instant::now(), speed: speed.max(1) }
    }
}

impl Clock for SessionClock {
    fn now(&self) -> Duration {
        self.start.elapsed() * self.speed
    }

    fn sleep(&mut self, duration: Duration) {
        std::thread::sleep(self.real(duration));
    }

    fn speed(&self) -> u32 {
        self.speed
    }
}

/// A clock that only moves when something sleeps: a whole session in microseconds.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct VirtualClock {
    pub now: Duration,
}

#[cfg(test)]
impl Clock for VirtualClock {
    fn now(&self) -> Duration {
        self.now
    }

    fn sleep(&mut self, duration: Duration) {
        self.now += duration;
    }
}
