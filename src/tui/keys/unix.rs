//! Unix: the terminal read byte by byte (standard input, or /dev/tty when input is piped),
//! polled together with the signal pipe, so that every way the terminal can end is the end of
//! the session and Ctrl-Z gives the terminal back.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::atomic::Ordering;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags};

use super::{parse, Key, Keys, NoTerminal, Parsed};
use crate::platform::clock::Clock;
use crate::tui::signals::{self, Signals};

/// Keys from the terminal in raw mode, and the stop, suspend and resize signals.
pub struct TerminalKeys {
    tty: Tty,
    signals: &'static Signals,
    /// Bytes read but not yet turned into keys: all of them are handed out before the next
    /// wait on the terminal.
    pending: VecDeque<u8>,
    /// The terminal ended (end-of-file, hang-up, error): every wait from now on is an interrupt.
    gone: bool,
}

enum Tty {
    Stdin(io::Stdin),
    Device(OwnedFd),
}

impl TerminalKeys {
    /// Opens the terminal the keys come from: standard input when it is one, else `/dev/tty`.
    pub fn open() -> anyhow::Result<TerminalKeys> {
        let tty = if io::stdin().is_terminal() {
            Tty::Stdin(io::stdin())
        } else {
            let file = File::options().read(true).write(true).open("/dev/tty").map_err(|cause| NoTerminal { cause })?;
            Tty::Device(file.into())
        };
        Ok(TerminalKeys { tty, signals: signals::get()?, pending: VecDeque::new(), gone: false })
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match &self.tty {
            Tty::Stdin(stdin) => stdin.as_fd(),
            Tty::Device(fd) => fd.as_fd(),
        }
    }

    /// Reads what the terminal has; `false` when it has ended.
    fn fill(&mut self) -> bool {
        let mut buffer = [0u8; 256];
        loop {
            match rustix::io::read(self.fd(), &mut buffer[..]) {
                Ok(0) => return false,
                Ok(n) => {
                    self.pending.extend(&buffer[..n]);
                    return true;
                }
                Err(rustix::io::Errno::INTR) => continue,
                Err(rustix::io::Errno::AGAIN) => return true,
                // EIO after a hang-up, EBADF, anything: the terminal is no use any more.
                Err(_) => return false,
            }
        }
    }
}

impl Keys for TerminalKeys {
    fn wait(&mut self, clock: &mut dyn Clock, timeout: Duration) -> io::Result<Option<Key>> {
        let deadline = clock.now() + timeout;
        loop {
            if self.signals.stop.load(Ordering::SeqCst) || self.gone {
                return Ok(Some(Key::Interrupt));
            }
            if self.signals.suspend.swap(false, Ordering::SeqCst) {
                return suspended(clock).map(Some);
            }
            if self.signals.resumed.swap(false, Ordering::SeqCst) {
                // Continued after a stop we did not arrange (SIGSTOP): the shell may have reset
                // the terminal, so take it over again and draw.
                crate::tui::take_back()?;
                return Ok(Some(Key::Resize));
            }
            if self.signals.resize.swap(false, Ordering::SeqCst) {
                return Ok(Some(Key::Resize));
            }
            while let Some(key) = parse(&mut self.pending) {
                match key {
                    Parsed::Key(key) => return Ok(Some(key)),
                    Parsed::Suspend => return suspended(clock).map(Some),
                    Parsed::Nothing => {}
                }
            }
            let left = deadline.saturating_sub(clock.now());
            if left.is_zero() {
                return Ok(None);
            }
            let real = clock.real(left);
            let timeout = rustix::event::Timespec::try_from(real)
                .unwrap_or(rustix::event::Timespec { tv_sec: i64::from(i32::MAX), tv_nsec: 0 });
            let (tty_ready, tty_ended) = {
                let mut fds = [
                    PollFd::from_borrowed_fd(self.fd(), PollFlags::IN),
                    PollFd::from_borrowed_fd(self.signals.wake.as_fd(), PollFlags::IN),
                ];
                match rustix::event::poll(&mut fds, Some(&timeout)) {
                    Ok(_) => {}
                    Err(rustix::io::Errno::INTR) => continue,
                    Err(err) => return Err(err.into()),
                }
                if !fds[1].revents().is_empty() {
                    self.signals.drain();
                }
                let revents = fds[0].revents();
                (revents.contains(PollFlags::IN), revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL))
            };
            // Input that came with the hang-up is still handed out; then the session ends.
            if tty_ready && !self.fill() || tty_ended && !tty_ready {
                self.gone = true;
            }
        }
    }
}

/// Stops the process with the terminal given back, and says how long it was away.
fn suspended(clock: &mut dyn Clock) -> io::Result<Key> {
    let before = clock.now();
    crate::tui::suspend()?;
    Ok(Key::Resumed(clock.now().saturating_sub(before)))
}

/// Sleeps up to `left` of session time, or until a stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT)
/// writes to its pipe: the only wake-ups are the deadline and the signal.
pub(super) fn sleep_unless_stopped(clock: &mut dyn Clock, left: Duration) -> io::Result<()> {
    let pipe = signals::stop_pipe()?;
    let timeout = rustix::event::Timespec::try_from(clock.real(left))
        .unwrap_or(rustix::event::Timespec { tv_sec: i64::from(i32::MAX), tv_nsec: 0 });
    let mut fds = [PollFd::from_borrowed_fd(pipe.as_fd(), PollFlags::IN)];
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Ok(_) | Err(rustix::io::Errno::INTR) => {}
        Err(err) => return Err(err.into()),
    }
    if !fds[0].revents().is_empty() {
        signals::drain(pipe);
    }
    Ok(())
}
