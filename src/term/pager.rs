//! Long output on a terminal goes through a pager, as git, man and bat do: `$BACKPAIN_PAGER`,
//! else `$PAGER`, else `less -FRX`, run by `sh -c` so a pager with arguments works as typed.

use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// The pager command to run, from `BACKPAIN_PAGER` or `PAGER` (the first that is set); `None`
/// when the one set is empty or `cat`, which ask for no pager (as git reads them).
pub fn command(backpain_pager: Option<String>, pager: Option<String>) -> Option<String> {
    let chosen = backpain_pager.or(pager).unwrap_or_else(|| "less -FRX".to_string());
    let trimmed = chosen.trim();
    (!trimmed.is_empty() && trimmed != "cat").then(|| trimmed.to_string())
}

/// Whether `text` needs more than `rows` lines of a `columns`-wide screen (counting the line the
/// prompt takes after it), so that reading it on the terminal would mean scrolling back.
pub fn taller_than(text: &[u8], rows: u16, columns: u16) -> bool {
    let columns = usize::from(columns.max(1));
    let mut lines = 0usize;
    for line in String::from_utf8_lossy(text).lines() {
        // Escape codes take no room: count what is seen.
        let visible = strip_escapes(line).chars().count();
        lines += visible.div_ceil(columns).max(1);
    }
    lines + 1 > usize::from(rows)
}

fn strip_escapes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `text` through `pager` and waits for it; `Ok(false)` when the pager could not be
/// started, so the caller prints the text itself. The reader quitting early is not an error.
pub fn page(text: &[u8], pager: &str) -> io::Result<bool> {
    let Some(mut running) = Running::start(pager) else { return Ok(false) };
    let written = running.write_all(text).and_then(|()| running.flush());
    let shown = running.finish();
    match written {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err),
        _ => shown,
    }
}

/// A pager started and reading what is written to it.
struct Running {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    registered: Vec<signal_hook::SigId>,
    #[cfg(unix)]
    ended: Arc<AtomicBool>,
}

impl Running {
    /// `pager` run by `sh -c`, or `None` when it cannot start.
    fn start(pager: &str) -> Option<Running> {
        let mut command = Command::new("sh");
        command.arg("-c").arg(pager).stdin(Stdio::piped());
        // As git does: less shows colour and quits on one screen unless the user's LESS says otherwise.
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", "FRX");
        }
        let mut child = command.spawn().ok()?;
        // Ctrl-C and Ctrl-\ in the pager are the pager's: backpain must not die under it and
        // hand the shell a terminal the pager still draws on. Registering a flag replaces the
        // default action (death) for this process only; the pager keeps its own handlers.
        let ignored = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        let keys = [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT];
        #[cfg(not(unix))]
        let keys = [signal_hook::consts::SIGINT];
        #[cfg_attr(not(unix), allow(unused_mut))]
        let mut registered: Vec<_> = keys
            .into_iter()
            .filter_map(|signal| signal_hook::flag::register(signal, Arc::clone(&ignored)).ok())
            .collect();
        // SIGTERM and SIGHUP are not keys the pager reads: they end the pager and then backpain
        // with 130, as everywhere else, rather than kill backpain and leave the pager drawing.
        #[cfg(unix)]
        let ended = end_pager_on_stop(&child, &mut registered);
        let stdin = child.stdin.take();
        Some(Running {
            child,
            stdin,
            registered,
            #[cfg(unix)]
            ended,
        })
    }

    /// Closes the pager's input and waits for the reader to quit; `Ok(false)` when the pager
    /// command did not exist (nothing was shown), `Interrupted` when SIGTERM or SIGHUP ended it.
    fn finish(mut self) -> io::Result<bool> {
        drop(self.stdin.take());
        let waited = self.child.wait();
        for id in self.registered.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        let status = waited?;
        #[cfg(unix)]
        if self.ended.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "stopped while paging"));
        }
        // sh says 127 when the pager command does not exist: nothing was shown, print it plainly.
        Ok(status.code() != Some(127))
    }
}

impl Write for Running {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.stdin {
            Some(stdin) => stdin.write(buf),
            None => Err(io::ErrorKind::BrokenPipe.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.stdin {
            Some(stdin) => stdin.flush(),
            None => Ok(()),
        }
    }
}

/// Output that comes a line at a time, paged as a whole report would be: held until it is
/// taller than the terminal, then sent to the pager, which takes the rest as it comes; output
/// that ends within a screen goes straight to `out`. `finish` must be called at the end.
pub struct Paged<'a> {
    out: &'a mut dyn Write,
    command: &'a str,
    rows: u16,
    columns: u16,
    held: Vec<u8>,
    running: Option<Running>,
    /// The pager could not start: everything goes to `out`.
    direct: bool,
}

impl<'a> Paged<'a> {
    pub fn new(out: &'a mut dyn Write, command: &'a str, rows: u16, columns: u16) -> Paged<'a> {
        Paged { out, command, rows, columns, held: Vec::new(), running: None, direct: false }
    }

    /// Sends what is held to `out` (it fit), or waits for the pager; `Interrupted` when SIGTERM
    /// or SIGHUP ended the pager, as `page`.
    pub fn finish(mut self) -> io::Result<()> {
        match self.running.take() {
            Some(running) => match running.finish()? {
                true => Ok(()),
                // The pager command did not exist; what it was sent is lost to the screen, so
                // say so rather than pretend it was shown.
                false => Err(io::Error::other(format!("the pager `{}` could not be run", self.command))),
            },
            None => {
                self.out.write_all(&self.held)?;
                self.out.flush()
            }
        }
    }
}

impl Write for Paged<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(running) = &mut self.running {
            return running.write(buf);
        }
        if self.direct {
            return self.out.write(buf);
        }
        self.held.extend_from_slice(buf);
        if taller_than(&self.held, self.rows, self.columns) {
            let held = std::mem::take(&mut self.held);
            match Running::start(self.command) {
                Some(mut running) => {
                    running.write_all(&held)?;
                    self.running = Some(running);
                }
                None => {
                    self.direct = true;
                    self.out.write_all(&held)?;
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match (&mut self.running, self.direct) {
            (Some(running), _) => running.flush(),
            (None, true) => self.out.flush(),
            // Still holding: nothing is flushed until it is known where it goes.
            (None, false) => Ok(()),
        }
    }
}

/// Ends the pager (the `sh` running it, and so its pipeline's input) when SIGTERM or SIGHUP
/// arrives: a thread waits on a signal pipe, so nothing polls while the person reads. Returns
/// the flag that says it happened; the handlers' ids go to `registered` for the caller to drop.
#[cfg(unix)]
fn end_pager_on_stop(child: &std::process::Child, registered: &mut Vec<signal_hook::SigId>) -> Arc<AtomicBool> {
    use std::io::Read;
    use std::os::unix::net::UnixStream;
    let ended = Arc::new(AtomicBool::new(false));
    let Ok((mut reader, writer)) = UnixStream::pair() else { return ended };
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        if let Ok(writer) = writer.try_clone() {
            if let Ok(id) = signal_hook::low_level::pipe::register(signal, writer) {
                registered.push(id);
            }
        }
    }
    let pid = rustix::process::Pid::from_child(child);
    let flag = Arc::clone(&ended);
    // Detached: it ends with the process when no signal ever comes.
    std::thread::spawn(move || {
        let mut byte = [0u8; 1];
        if matches!(reader.read(&mut byte), Ok(1)) {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
            // `sh -c` may run the pager as its child rather than exec it: end those first.
            for child in descendants(pid) {
                let _ = rustix::process::kill_process(child, rustix::process::Signal::TERM);
            }
            let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        }
    });
    ended
}

/// The processes below `root` (children, then theirs), from /proc where there is one.
#[cfg(unix)]
fn descendants(root: rustix::process::Pid) -> Vec<rustix::process::Pid> {
    let parent_of = |stat: &str| -> Option<i32> {
        // pid (comm) state ppid ...: comm may hold spaces and brackets, so read after the last ')'.
        stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
    };
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    let pairs: Vec<(i32, i32)> = entries
        .filter_map(|entry| {
            let pid: i32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            Some((pid, parent_of(&stat)?))
        })
        .collect();
    let mut found = Vec::new();
    let mut parents = vec![root.as_raw_nonzero().get()];
    // A pager pipeline is a few levels deep at most.
    for _ in 0..4 {
        let children: Vec<i32> =
            pairs.iter().filter(|(_, parent)| parents.contains(parent)).map(|(pid, _)| *pid).collect();
        if children.is_empty() {
            break;
        }
        found.extend(children.iter().filter_map(|pid| rustix::process::Pid::from_raw(*pid)));
        parents = children;
    }
    found.reverse();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_comes_from_backpain_pager_then_pager_then_less() {
        let some = |text: &str| Some(text.to_string());
        assert_eq!(command(some("most"), some("more")), some("most"));
        assert_eq!(command(None, some("more")), some("more"));
        assert_eq!(command(None, None), some("less -FRX"));
        assert_eq!(command(some(""), some("more")), None, "an empty BACKPAIN_PAGER turns it off");
        assert_eq!(command(None, some("cat")), None);
    }

    #[test]
    fn height_counts_wrapped_lines_and_the_prompt_but_not_escapes() {
        assert!(!taller_than(b"a\nb\n", 3, 80));
        assert!(taller_than(b"a\nb\nc\n", 3, 80), "the prompt needs a line too");
        assert!(taller_than(&[b'x'; 200], 3, 80), "200 columns wrap to 3 lines");
        assert!(!taller_than(b"\x1b[1mbold\x1b[0m\n", 2, 4));
    }
}
