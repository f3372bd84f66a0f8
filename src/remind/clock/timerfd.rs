//! Linux: one absolute CLOCK_REALTIME timerfd with TFD_TIMER_CANCEL_ON_SET, polled together
//! with the signal pipe and the notification-action pipe, with no timeout. So the process
//! sleeps without periodic wake-ups; a suspended laptop's deadline fires as soon as it wakes
//! (the realtime clock kept going), and a clock set by hand or by NTP wakes the loop to re-plan
//! (ECANCELED).

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Local};
use rustix::event::{PollFd, PollFlags};
use rustix::time::{Itimerspec, TimerfdClockId, TimerfdFlags, TimerfdTimerFlags, Timespec};

use super::ActionSender;
use crate::history::Answer;
use crate::remind::engine::{Wake, WallClock};

pub struct WallTimer {
    /// Set by the stop signals, for waits that are not this clock's (a delivery in progress).
    stop: Arc<AtomicBool>,
    timer: OwnedFd,
    signals: UnixStream,
    wake: UnixStream,
    actions: Receiver<(Answer, u64)>,
}

impl WallTimer {
    /// The clock, with the interrupt signals turned into a `Wake::Stop`, and the sender that
    /// notification threads use to report actions.
    pub fn new() -> io::Result<(WallTimer, ActionSender)> {
        let timer =
            rustix::time::timerfd_create(TimerfdClockId::Realtime, TimerfdFlags::CLOEXEC | TimerfdFlags::NONBLOCK)?;
        let (signals, signal_writer) = UnixStream::pair()?;
        signals.set_nonblocking(true)?;
        signal_writer.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        for signal in crate::platform::exit::INTERRUPT_SIGNALS {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
            signal_hook::low_level::pipe::register(signal, signal_writer.try_clone()?)?;
        }
        let (wake, wake_writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let (sender, actions) = mpsc::channel();
        let clock = WallTimer { stop, timer, signals, wake, actions };
        let wake_writer = Mutex::new(wake_writer);
        let wake = Arc::new(move || {
            if let Ok(mut wake) = wake_writer.lock() {
                let _ = wake.write_all(&[1]);
            }
        });
        Ok((clock, ActionSender::new(sender, wake)))
    }

    /// The flag the stop signals set, for a delivery to give up waiting on.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    fn arm(&self, deadline: &DateTime<Local>) -> io::Result<()> {
        // A zero it_value would disarm the timer; no deadline is at the epoch.
        let spec = Itimerspec {
            it_interval: Timespec { tv_sec: 0, tv_nsec: 0 },
            it_value: Timespec {
                tv_sec: deadline.timestamp().max(1),
                tv_nsec: i64::from(deadline.timestamp_subsec_nanos()),
            },
        };
        let flags = TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET;
        rustix::time::timerfd_settime(&self.timer, flags, &spec)?;
        Ok(())
    }

    fn wait(&mut self, deadline: &DateTime<Local>) -> io::Result<Wake> {
        match self.arm(deadline) {
            Ok(()) => {}
            // The clock was set since the timer was last armed: TFD_TIMER_CANCEL_ON_SET tells the
            // next arming as well as a read. It is a clock change, as from a read: arm again (the
            // cancellation is told once) and let the loop re-plan, which arms once more.
            Err(err) if err.raw_os_error() == Some(rustix::io::Errno::CANCELED.raw_os_error()) => {
                let _ = self.arm(deadline);
                return Ok(Wake::ClockChanged);
            }
            Err(err) => return Err(err),
        }
        loop {
            let ready = {
                let mut fds = [
                    PollFd::new(&self.signals, PollFlags::IN),
                    PollFd::new(&self.wake, PollFlags::IN),
                    PollFd::from_borrowed_fd(self.timer.as_fd(), PollFlags::IN),
                ];
                match rustix::event::poll(&mut fds, None) {
                    Ok(_) => {}
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(err) => return Err(err.into()),
                }
                fds.map(|fd| !fd.revents().is_empty())
            };
            if ready[0] {
                return Ok(Wake::Stop);
            }
            if ready[1] {
                let mut byte = [0u8; 1];
                let _ = self.wake.read(&mut byte);
                if let Ok((answer, rotation)) = self.actions.try_recv() {
                    return Ok(Wake::Answered(answer, rotation));
                }
                continue;
            }
            if ready[2] {
                let mut expirations = [0u8; 8];
                return match rustix::io::read(&self.timer, &mut expirations) {
                    Ok(_) => Ok(Wake::Due),
                    Err(rustix::io::Errno::CANCELED) => Ok(Wake::ClockChanged),
                    Err(rustix::io::Errno::AGAIN | rustix::io::Errno::INTR) => continue,
                    Err(err) => Err(err.into()),
                };
            }
        }
    }
}

impl WallClock for WallTimer {
    type Tz = Local;

    fn now(&self) -> DateTime<Local> {
        Local::now()
    }

    fn wait_until(&mut self, deadline: &DateTime<Local>) -> io::Result<Wake> {
        self.wait(deadline)
    }

    fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}
