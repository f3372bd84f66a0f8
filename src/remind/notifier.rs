//! Desktop delivery through notify-rust (pure-Rust zbus backend) that cannot hang or vanish:
//! each `show()` runs on its own thread and the loop waits for it only until a deadline; past
//! it, or on any error, the reminder falls back to the terminal with the reason.
//!
//! Threads are bounded: while two deliveries are still stuck on a silent server no third is
//! started, and at most a few notifications at a time keep a thread waiting for a click.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use notify_rust::{Notification, Timeout};

use super::clock::ActionSender;
use super::engine::{Action, Notifier};
use super::reminder::{Delivery, Note};

/// How long one delivery may take before the reminder goes to the terminal.
pub const DEADLINE: Duration = Duration::from_secs(3);
/// Deliveries still unanswered after their deadline; at this many, stop starting new ones.
const MAX_STUCK: usize = 2;
/// Notifications whose buttons a thread is listening to.
const MAX_LISTENING: usize = 4;

/// The session bus address to use: `DBUS_SESSION_BUS_ADDRESS` when set, else the user's bus
/// socket (`$XDG_RUNTIME_DIR/bus`, then `/run/user/<uid>/bus`) as cron and launchers leave the
/// variable unset. `None` when there is none.
pub fn session_bus(
    address: Option<&str>,
    runtime_dir: Option<&Path>,
    uid: u32,
    exists: impl Fn(&Path) -> bool,
) -> Option<String> {
    if let Some(address) = address.filter(|address| !address.trim().is_empty()) {
        return Some(address.to_string());
    }
    let candidates =
        runtime_dir.map(|dir| dir.join("bus")).into_iter().chain([PathBuf::from(format!("/run/user/{uid}/bus"))]);
    candidates.into_iter().find(|path| exists(path)).map(|path| format!("unix:path={}", path.display()))
}

/// Sends desktop notifications.
pub struct DesktopNotifier {
    actions: ActionSender,
    /// How long the server shows a notification before closing it (closing also ends the
    /// thread that listens for its buttons).
    expire: Duration,
    /// The Snooze button's label: "Snooze 10 min".
    snooze_label: String,
    stuck: Arc<AtomicUsize>,
    listening: Arc<AtomicUsize>,
}

impl DesktopNotifier {
    pub fn new(actions: ActionSender, expire: Duration, snooze: chrono::Duration) -> DesktopNotifier {
        let seconds = snooze.num_seconds().clamp(1, u32::MAX.into()) as u32;
        DesktopNotifier {
            actions,
            expire,
            snooze_label: format!("Snooze {}", crate::dataset::minutes_or_seconds(seconds)),
            stuck: Arc::new(AtomicUsize::new(0)),
            listening: Arc::new(AtomicUsize::new(0)),
        }
    }
}

/// Decrements a counter when a thread ends, however it ends.
struct Count(Arc<AtomicUsize>);

impl Count {
    fn enter(counter: &Arc<AtomicUsize>) -> Count {
        counter.fetch_add(1, Ordering::SeqCst);
        Count(counter.clone())
    }
}

impl Drop for Count {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Notifier for DesktopNotifier {
    fn deliver(&mut self, note: &Note, actions: bool) -> Delivery {
        let stuck = self.stuck.load(Ordering::SeqCst);
        if stuck >= MAX_STUCK {
            return Delivery::Terminal {
                reason: format!("the notification server has not answered the last {stuck} reminders"),
            };
        }
        let mut notification = Notification::new();
        notification
            .appname("backpain")
            .summary(&note.summary)
            .body(&note.body)
            .timeout(Timeout::Milliseconds(self.expire.as_millis().min(u32::MAX as u128) as u32));
        let rotation = note.rotation;
        let sender = self.actions.clone();
        let listening = self.listening.clone();
        let snooze_label = self.snooze_label.clone();
        let want_actions = actions && listening.load(Ordering::SeqCst) < MAX_LISTENING;
        let pending = Count::enter(&self.stuck);
        let (answer, answered) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("backpain-notify".into()).spawn(move || {
            let with_actions = want_actions
                && notify_rust::get_capabilities().is_ok_and(|caps| caps.iter().any(|cap| cap == "actions"));
            if with_actions {
                notification.action("done", "Done").action("snooze", &snooze_label);
            }
            let shown = notification.show();
            drop(pending);
            match shown {
                Ok(handle) => {
                    let _ = answer.send(Ok(()));
                    if with_actions {
                        let _listening = Count::enter(&listening);
                        handle.wait_for_action(|action| match action {
                            "snooze" => sender.send(Action::Snooze(rotation)),
                            "done" | "default" => sender.send(Action::Done(rotation)),
                            "__closed" => sender.send(Action::Expired(rotation)),
                            _ => {}
                        });
                    }
                }
                Err(err) => {
                    let _ = answer.send(Err(err.to_string()));
                }
            }
        });
        if let Err(err) = spawned {
            return Delivery::Terminal { reason: format!("cannot start a thread to notify: {err}") };
        }
        match answered.recv_timeout(DEADLINE) {
            Ok(Ok(())) => Delivery::Notification,
            Ok(Err(text)) => Delivery::Terminal { reason: explain(&text) },
            Err(_) => Delivery::Terminal {
                reason: format!("the notification server did not answer within {} s", DEADLINE.as_secs()),
            },
        }
    }
}

/// notify-rust's error kinds are private: tell them apart by their text.
pub fn explain(text: &str) -> String {
    let detail = text.lines().next().unwrap_or(text).trim();
    if text.contains("ServiceUnknown") || text.contains("not provided by any") || text.contains("NameHasNoOwner") {
        format!("no notification server on the session bus ({detail})")
    } else if text.contains("No such file")
        || text.contains("Connection refused")
        || text.contains("DBUS_SESSION_BUS_ADDRESS")
        || text.to_ascii_lowercase().contains("address")
    {
        format!("no D-Bus session bus ({detail})")
    } else {
        format!("notification failed: {detail}")
    }
}

/// `--dry-run`: nothing leaves the process.
pub struct DryRun;

impl Notifier for DryRun {
    fn deliver(&mut self, _note: &Note, _actions: bool) -> Delivery {
        Delivery::DryRun
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bus_is_found_where_cron_leaves_it() {
        let none = |_: &Path| false;
        let all = |_: &Path| true;
        assert_eq!(session_bus(Some("unix:path=/x"), None, 1000, none).as_deref(), Some("unix:path=/x"));
        assert_eq!(
            session_bus(None, Some(Path::new("/run/user/1000")), 1000, all).as_deref(),
            Some("unix:path=/run/user/1000/bus")
        );
        let only_run_user = |path: &Path| path == Path::new("/run/user/1001/bus");
        assert_eq!(
            session_bus(Some(""), Some(Path::new("/tmp/rt")), 1001, only_run_user).as_deref(),
            Some("unix:path=/run/user/1001/bus")
        );
        assert_eq!(session_bus(None, None, 1000, none), None);
    }

    #[test]
    fn errors_are_told_apart_by_their_text() {
        assert!(explain("org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files")
            .starts_with("no notification server"));
        assert!(explain("I/O error: No such file or directory (os error 2)").starts_with("no D-Bus session bus"));
        assert!(explain("something else").starts_with("notification failed"));
    }
}
