//! Desktop delivery through notify-rust (pure-Rust zbus backend) that cannot hang or vanish:
//! each `show()` runs on its own thread and the loop waits for it only until a deadline; past
//! it, or on any error, the reminder falls back to the terminal with the reason.
//!
//! Threads are bounded: while two deliveries are still stuck on a silent server no third is
//! started, and at most a few notifications at a time keep a thread waiting for a click.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use notify_rust::{Notification, Timeout};

use super::clock::ActionSender;
use super::engine::Notifier;
use super::reminder::{Delivery, Note};
use crate::history::Answer;

/// How long one delivery may take before the reminder goes to the terminal.
pub const DEADLINE: Duration = Duration::from_secs(3);
/// How often a delivery waiting on the server looks at the stop flag.
const SLICE: Duration = Duration::from_millis(50);
/// Deliveries still unanswered after their deadline; at this many, stop starting new ones.
const MAX_STUCK: usize = 2;
/// Notifications whose buttons a thread is listening to.
const MAX_LISTENING: usize = 4;

/// Sends desktop notifications.
pub struct DesktopNotifier {
    actions: ActionSender,
    /// Set by a stop signal: a delivery in progress stops waiting for the server at once.
    stop: Arc<AtomicBool>,
    /// How long the server shows a notification before closing it (closing also ends the
    /// thread that listens for its buttons).
    expire: Duration,
    /// The Snooze button's label: "Snooze 10 min".
    snooze_label: String,
    stuck: Arc<AtomicUsize>,
    listening: Arc<AtomicUsize>,
}

impl DesktopNotifier {
    pub fn new(
        actions: ActionSender,
        stop: Arc<AtomicBool>,
        expire: Duration,
        snooze: chrono::Duration,
    ) -> DesktopNotifier {
        let seconds = snooze.num_seconds().clamp(1, u32::MAX.into()) as u32;
        DesktopNotifier {
            actions,
            stop,
            expire,
            snooze_label: format!("Snooze {}", crate::time::words(seconds)),
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
            let shown = show(&mut notification, want_actions, &snooze_label);
            drop(pending);
            match shown {
                Ok(listener) => {
                    let _ = answer.send(Ok(()));
                    if let Some(listen) = listener {
                        let _listening = Count::enter(&listening);
                        listen(&mut |action| match action {
                            "snooze" => sender.send(Answer::Snooze, rotation),
                            "done" => sender.send(Answer::Done, rotation),
                            "default" => sender.send(Answer::Open, rotation),
                            "__closed" => sender.send(Answer::Expired, rotation),
                            _ => {}
                        });
                    }
                }
                Err(err) => {
                    let _ = answer.send(Err(err));
                }
            }
        });
        if let Err(err) = spawned {
            return Delivery::Terminal { reason: format!("cannot start a thread to notify: {err}") };
        }
        // Wait in short slices so that a stop signal ends a delivery to a hung server at once.
        let started = std::time::Instant::now();
        loop {
            match answered.recv_timeout(SLICE) {
                Ok(Ok(())) => return Delivery::Notification,
                Ok(Err(text)) => return Delivery::Terminal { reason: explain(&text) },
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Delivery::Terminal { reason: "the notification thread ended without an answer".into() }
                }
                Err(mpsc::RecvTimeoutError::Timeout) if self.stop.load(Ordering::SeqCst) => {
                    return Delivery::Terminal { reason: "stopped before the notification server answered".into() }
                }
                Err(mpsc::RecvTimeoutError::Timeout) if started.elapsed() >= DEADLINE => {
                    return Delivery::Terminal {
                        reason: format!("the notification server did not answer within {} s", DEADLINE.as_secs()),
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

/// Whether this platform's notifications have buttons (Done, Snooze) that report back: the
/// freedesktop servers do (dunst, GNOME, KDE); notify-rust's macOS and Windows backends don't.
pub const HAS_BUTTONS: bool = cfg!(all(unix, not(target_os = "macos")));

/// Waits for the button pressed on a shown notification and hands its id to the callback.
type Listener = Box<dyn FnOnce(&mut dyn FnMut(&str)) + Send>;

/// Shows the notification, with Done and Snooze buttons when asked and the server has them;
/// returns what waits for a press, when there are buttons.
#[cfg(all(unix, not(target_os = "macos")))]
fn show(notification: &mut Notification, want_actions: bool, snooze_label: &str) -> Result<Option<Listener>, String> {
    let with_actions =
        want_actions && notify_rust::get_capabilities().is_ok_and(|caps| caps.iter().any(|cap| cap == "actions"));
    if with_actions {
        // "default" is a click on the body: it opens the guided routine.
        notification.action("default", "Open the routine").action("done", "Done").action("snooze", snooze_label);
    }
    let handle = notification.show().map_err(|err| err.to_string())?;
    Ok(with_actions.then(|| -> Listener {
        Box::new(move |on_action: &mut dyn FnMut(&str)| handle.wait_for_action(|action| on_action(action)))
    }))
}

/// macOS and Windows: the notification alone; nothing reports a press back.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn show(notification: &mut Notification, _want_actions: bool, _snooze_label: &str) -> Result<Option<Listener>, String> {
    notification.show().map(|_| None).map_err(|err| err.to_string())
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
    } else if text.contains("0x80040154") {
        // REGDB_E_CLASSNOTREG: no toast notification service (Wine, Windows Server Core).
        "no Windows notification service (toast notifications) on this system".to_string()
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
    fn errors_are_told_apart_by_their_text() {
        assert!(explain("org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.Notifications was not provided by any .service files")
            .starts_with("no notification server"));
        assert!(explain("I/O error: No such file or directory (os error 2)").starts_with("no D-Bus session bus"));
        assert!(explain("something else").starts_with("notification failed"));
        // What notify-rust says under Wine, where there is no toast service.
        assert_eq!(
            explain(r#"Os(Error { code: HRESULT(0x80040154), message: "" })"#),
            "no Windows notification service (toast notifications) on this system"
        );
    }
}
