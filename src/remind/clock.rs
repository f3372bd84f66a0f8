//! The real clock: the local wall clock, and a wait that costs nothing.
//!
//! `wait_until` arms a timerfd on CLOCK_REALTIME at an absolute time with
//! TFD_TIMER_CANCEL_ON_SET and blocks in poll(2) with no timeout, together with the signal pipe
//! and the notification-action pipe. So the process sleeps without periodic wake-ups; a suspended
//! laptop's deadline fires as soon as it wakes (the realtime clock kept going), and a clock set by
//! hand or by NTP wakes the loop to re-plan (ECANCELED).

use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Local};

use super::engine::{Action, Clock, Wake};

/// Where notification threads send what the user clicked; wakes the sleeping loop.
#[derive(Clone)]
pub struct ActionSender {
    actions: Sender<Action>,
    wake: Arc<Mutex<UnixStream>>,
}

impl ActionSender {
    pub fn send(&self, action: Action) {
        // The loop may have ended already; then nobody needs to hear about it.
        if self.actions.send(action).is_ok() {
            if let Ok(mut wake) = self.wake.lock() {
                let _ = wake.write_all(&[1]);
            }
        }
    }
}

pub struct RealClock {
    /// Set by the stop signals, for waits that are not this clock's (a delivery in progress).
    stop: Arc<AtomicBool>,
    timer: OwnedFd,
    signals: UnixStream,
    wake: UnixStream,
    actions: Receiver<Action>,
}

impl RealClock {
    /// The clock, with the interrupt signals turned into a `Wake::Stop`, and the sender that
    /// notification threads use to report actions.
    pub fn new() -> io::Result<(RealClock, ActionSender)> {
        // SAFETY: plain syscall; the fd is owned right away.
        let fd = unsafe { libc::timerfd_create(libc::CLOCK_REALTIME, libc::TFD_CLOEXEC | libc::TFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is a fresh descriptor nobody else owns.
        let timer = unsafe { OwnedFd::from_raw_fd(fd) };
        let (signals, signal_writer) = UnixStream::pair()?;
        signals.set_nonblocking(true)?;
        signal_writer.set_nonblocking(true)?;
        let stop = Arc::new(AtomicBool::new(false));
        for signal in crate::exit::INTERRUPT_SIGNALS {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
            signal_hook::low_level::pipe::register(signal, signal_writer.try_clone()?)?;
        }
        let (wake, wake_writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        let (sender, actions) = mpsc::channel();
        let clock = RealClock { stop, timer, signals, wake, actions };
        Ok((clock, ActionSender { actions: sender, wake: Arc::new(Mutex::new(wake_writer)) }))
    }

    /// The flag the stop signals set, for a delivery to give up waiting on.
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    fn arm(&self, deadline: &DateTime<Local>) -> io::Result<()> {
        // A zero it_value would disarm the timer; no deadline is at the epoch.
        let spec = libc::itimerspec {
            it_interval: libc::timespec { tv_sec: 0, tv_nsec: 0 },
            it_value: libc::timespec {
                tv_sec: deadline.timestamp().max(1) as libc::time_t,
                tv_nsec: deadline.timestamp_subsec_nanos() as _,
            },
        };
        let flags = libc::TFD_TIMER_ABSTIME | libc::TFD_TIMER_CANCEL_ON_SET;
        // SAFETY: valid fd and pointers to live values.
        let rc = unsafe { libc::timerfd_settime(self.timer.as_raw_fd(), flags, &spec, std::ptr::null_mut()) };
        if rc < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    fn wait(&mut self, deadline: &DateTime<Local>) -> io::Result<Wake> {
        self.arm(deadline)?;
        loop {
            let mut fds = [self.signals.as_raw_fd(), self.wake.as_raw_fd(), self.timer.as_raw_fd()]
                .map(|fd| libc::pollfd { fd, events: libc::POLLIN, revents: 0 });
            // SAFETY: `fds` is a live array of the length given.
            let rc = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
            if rc < 0 {
                let err = io::Error::last_os_error();
                if err.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(err);
            }
            if fds[0].revents != 0 {
                return Ok(Wake::Stop);
            }
            if fds[1].revents != 0 {
                let mut byte = [0u8; 1];
                let _ = self.wake.read(&mut byte);
                if let Ok(action) = self.actions.try_recv() {
                    return Ok(Wake::Action(action));
                }
                continue;
            }
            if fds[2].revents != 0 {
                let mut expirations = [0u8; 8];
                // SAFETY: reading 8 bytes into an 8-byte buffer.
                let n = unsafe { libc::read(self.timer.as_raw_fd(), expirations.as_mut_ptr().cast(), 8) };
                if n < 0 {
                    let err = io::Error::last_os_error();
                    return match err.raw_os_error() {
                        Some(libc::ECANCELED) => Ok(Wake::ClockChanged),
                        Some(libc::EAGAIN) | Some(libc::EINTR) => continue,
                        _ => Err(err),
                    };
                }
                return Ok(Wake::Due);
            }
        }
    }
}

impl Clock for RealClock {
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
