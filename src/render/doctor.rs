//! `backpain doctor` as text: one line per check, a mark (`ok`, `missing`, `off`), what was
//! found, and for what is missing how to fix it.

use super::{Render, Theme};
use crate::report::{DoctorReport, RecentReminderView};
use crate::term::style::{styled, Tone};

impl Render for DoctorReport {
    fn table(&self, theme: &Theme) -> String {
        let mut lines = Lines { text: String::new(), color: theme.color, width: usize::from(theme.width) };
        match &self.session_bus {
            Some(address) => lines.ok("session bus", address),
            None => {
                lines.missing("session bus", "none found", "start one (dbus-launch) or run inside your desktop session")
            }
        }
        let server = &self.notification_server;
        match (&server.name, &server.reason) {
            (Some(name), _) => {
                let version = server.version.as_deref().unwrap_or_default();
                let spec = server.spec_version.as_deref().unwrap_or_default();
                lines.ok(
                    "notifications",
                    &format!("{name} {version} (spec {spec}): {}", server.capabilities.join(", ")),
                );
                if server.actions {
                    lines.ok("buttons", "the server has actions: Done, Snooze and clicking work");
                } else {
                    lines.missing("buttons", "the server has no actions", server.fix.as_deref().unwrap_or_default());
                }
            }
            (None, reason) => lines.missing(
                "notifications",
                reason.as_deref().unwrap_or("none"),
                server.fix.as_deref().unwrap_or_default(),
            ),
        }
        // Sources that are off for the same reason (no session bus, no display) share a line.
        let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
        for probe in &self.presence {
            let label = format!("{} {}", probe.source, probe.signal);
            match (&probe.value, &probe.reason) {
                (Some(value), _) => lines.ok(&label, &format!("{}: {value}", probe.describe)),
                (None, reason) => {
                    let reason = reason.as_deref().unwrap_or("no answer");
                    match reasons.iter_mut().find(|(known, _)| *known == reason) {
                        Some((_, labels)) => labels.push(label),
                        None => reasons.push((reason, vec![label])),
                    }
                }
            }
        }
        for (reason, labels) in reasons {
            match labels.as_slice() {
                [one] => {
                    let probe = self.presence.iter().find(|probe| format!("{} {}", probe.source, probe.signal) == *one);
                    let describe = probe.map(|probe| probe.describe.as_str()).unwrap_or_default();
                    lines.off(one, &format!("{describe}: {reason}"));
                }
                many => lines.off(&format!("{} sources", many.len()), &format!("{}: {reason}", many.join(", "))),
            }
        }
        let remind = &self.remind;
        let uses = [
            (
                "idle",
                self.signals.idle,
                match remind.natural_break.as_str() {
                    "off" => format!(
                        "time away never counts as a break (off); with nobody at the keyboard reminders {}",
                        busy(remind.when_away)
                    ),
                    after => format!(
                        "time away counts as a break after {after}; with nobody at the keyboard reminders {}",
                        busy(remind.when_away)
                    ),
                },
                "no idle time: natural breaks are not noticed; reminders come on the clock",
            ),
            (
                "locked",
                self.signals.locked,
                format!("while the screen is locked reminders {}", busy(remind.when_away)),
                "no lock state: reminders come while the screen is locked",
            ),
            (
                "dnd",
                self.signals.dnd,
                format!("in do-not-disturb reminders {}", busy(remind.when_dnd)),
                "no do-not-disturb state: reminders come in do-not-disturb (dunst, KDE and GNOME tell it)",
            ),
            (
                "fullscreen",
                self.signals.fullscreen,
                format!("during fullscreen windows reminders {}", busy(remind.when_fullscreen)),
                "no fullscreen state: reminders come over fullscreen windows (X11 tells it)",
            ),
        ];
        for (signal, source, using, without) in uses {
            match source {
                Some(source) => {
                    let now = self.holding_now(signal, source).map(|now| format!("; {now}")).unwrap_or_default();
                    lines.ok(&format!("remind {signal}"), &format!("from {source}: {using}{now}"))
                }
                None => lines.off(&format!("remind {signal}"), without),
            }
        }
        let timer = &self.timer;
        match (timer.installed, &timer.reason) {
            (Some(true), _) => {
                let next = timer.next.as_deref().map(|next| format!(", next at {next}")).unwrap_or_default();
                if timer.active == Some(true) {
                    lines.ok("timer", &format!("{} is installed{next}", timer.unit));
                } else {
                    lines.missing(
                        "timer",
                        &format!("{} is installed but not running", timer.unit),
                        timer.fix.as_deref().unwrap_or_default(),
                    );
                }
            }
            (Some(false), _) => lines.off(
                "timer",
                &format!("{} is not installed; {}", timer.unit, timer.fix.as_deref().unwrap_or_default()),
            ),
            (None, reason) => lines.off(
                "timer",
                &format!("{}; {}", reason.as_deref().unwrap_or("unknown"), timer.fix.as_deref().unwrap_or_default()),
            ),
        }
        let config = &self.config;
        let path = config.path.as_deref().unwrap_or("(no config directory)");
        match (config.valid, config.exists, &config.error) {
            (true, true, _) => lines.ok("config", &format!("{path} is valid")),
            (true, false, _) => lines.ok("config", &format!("{path} does not exist: the defaults apply")),
            (false, _, error) => lines.missing(
                "config",
                error.as_deref().unwrap_or(path),
                "fix the file: until then every command that reads it stops with this error",
            ),
        }
        let history = &self.history;
        match (&history.dir, &history.error) {
            (Some(_), Some(error)) => lines.missing("history", error, "check the directory's permissions"),
            (Some(dir), None) if history.exists => lines.ok("history", dir),
            (Some(dir), None) => lines.ok("history", &format!("{dir} (created at the first entry)")),
            (None, error) => lines.missing(
                "history",
                error.as_deref().unwrap_or("no directory"),
                "pass --data-dir DIR or set data-dir in [history]",
            ),
        }
        // Why a reminder did or did not come, from what the loop recorded.
        match history.recent_reminders.as_slice() {
            [] if !history.recording => {
                lines.off("last reminders", "not recorded: `record = false` in [history] of the config file")
            }
            [] => lines.off(
                "last reminders",
                "none in the last 24 hours; remind records each one, and why one was held or skipped",
            ),
            recent => {
                for (index, reminder) in recent.iter().enumerate() {
                    let (mark, what) = if index == 0 { ("ok", "last reminders") } else { ("", "") };
                    lines.dated(mark, what, &recent_reminder(reminder));
                }
            }
        }
        lines.text
    }
}

/// "Tue 11:00", "held: the screen is locked": the time as recorded (within a day, so the
/// weekday tells the day), and what happened and why.
fn recent_reminder(reminder: &RecentReminderView) -> (String, String) {
    let when = chrono::DateTime::parse_from_rfc3339(&reminder.at)
        .map(|at| at.format("%a %H:%M").to_string())
        .unwrap_or_else(|_| reminder.at.clone());
    let delivered = match reminder.delivered.as_deref() {
        Some("notification") | None => "shown as a notification",
        Some("terminal") => "printed in the terminal",
        Some(other) => other,
    };
    let snoozed = if reminder.snoozed { " (the snoozed repeat)" } else { "" };
    let reason = reminder.reason.as_deref().map(|reason| format!(": {reason}")).unwrap_or_default();
    (when, format!("{delivered}{snoozed}{reason}"))
}

impl DoctorReport {
    /// When `source` says `signal` holds reminders right now (do-not-disturb is on, a window
    /// is fullscreen), that and how to end it: the answer to "why is nothing coming?".
    fn holding_now(&self, signal: &str, source: &str) -> Option<String> {
        let value =
            self.presence.iter().find(|probe| probe.signal == signal && probe.source == source)?.value.as_deref();
        if value != Some("true") {
            return None;
        }
        let remind = &self.remind;
        match signal {
            "dnd" if remind.when_dnd == "hold" => {
                let off = match source {
                    "dunst" => "`dunstctl set-paused false` turns it off",
                    _ => "turn it off in the desktop's notification settings",
                };
                Some(format!("it is on now, so reminders are waiting; {off}"))
            }
            "fullscreen" if remind.when_fullscreen == "hold" => {
                Some("the active window is fullscreen now, so reminders are waiting".to_string())
            }
            "locked" if remind.when_away == "hold" => {
                Some("the screen is locked now, so reminders are waiting".to_string())
            }
            _ => None,
        }
    }
}

fn busy(busy: &str) -> &'static str {
    if busy == "notify" {
        "still come (notify)"
    } else {
        "wait until it ends (hold)"
    }
}

struct Lines {
    text: String,
    color: bool,
    width: usize,
}

/// The columns before what was found: the mark, the check's name and their spaces.
const LEAD: usize = 8 + 1 + 18 + 1;

impl Lines {
    /// One check, what was found wrapped to the width under its own column.
    fn line(&mut self, mark: &str, tone: Tone, what: &str, found: &str) {
        self.hanging(mark, tone, what, "", found);
    }

    /// A time and what happened then, the text wrapped under itself, so each entry of a list
    /// stands apart from the next.
    fn dated(&mut self, mark: &str, what: &str, (when, found): &(String, String)) {
        self.hanging(mark, Tone::Good, what, &format!("{when} "), found);
    }

    /// The mark and the check's name, then `lead` and what was found, wrapped to the width
    /// under the text after `lead`.
    fn hanging(&mut self, mark: &str, tone: Tone, what: &str, lead: &str, found: &str) {
        let indent = LEAD + crate::term::text::width(lead);
        let found = crate::term::text::wrap(found, self.width.saturating_sub(indent).max(20));
        let mut found = found.iter();
        let first = found.next().map(String::as_str).unwrap_or_default();
        let mark = format!("{mark:<8}");
        self.text.push_str(&format!("{} {what:<18} {lead}{first}\n", styled(&mark, tone, self.color)));
        for rest in found {
            self.text.push_str(&format!("{:indent$}{rest}\n", ""));
        }
    }

    fn ok(&mut self, what: &str, found: &str) {
        self.line("ok", Tone::Good, what, found);
    }

    fn off(&mut self, what: &str, found: &str) {
        self.line("off", Tone::Dim, what, found);
    }

    fn missing(&mut self, what: &str, found: &str, fix: &str) {
        let found = if fix.is_empty() { found.to_string() } else { format!("{found}; {fix}") };
        self.line("missing", Tone::Alert, what, &found);
    }
}
