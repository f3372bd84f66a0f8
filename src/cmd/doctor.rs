//! `backpain doctor`: asks the desktop what it offers (the bus, the notification server, the
//! presence sources), systemd for the printed timer, and reads the config file and the history
//! directory. It is a report: what is missing is said, with how to fix it, and never makes the
//! command fail; a broken config file is one of the things reported.

use std::collections::VecDeque;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::cli::DoctorArgs;
use crate::config::Config;
use crate::history::{Entry, Kind, Store};
use crate::presence::{Desktop, Probe, Signal};
use crate::remind::{Busy, NaturalBreak, DEFAULT_NATURAL_BREAK};
use crate::report::{
    ConfigView, DoctorReport, HistoryView, NotificationServerView, PresenceView, RecentReminderView, RemindView,
    SignalsView, TimerView,
};

/// The unit `remind --print-schedule systemd` prints.
pub const TIMER_UNIT: &str = "backpain-remind.timer";

impl super::Run for DoctorArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        cx.report(&report(self, cx.config_path), self.json)
    }
}

pub fn report(args: &DoctorArgs, config_path: Option<&Path>) -> DoctorReport {
    let mut desktop = Desktop::connect();
    let probes = desktop.probe_all();
    let notification_server = server(&desktop);
    let (config, config_view) = config(config_path);
    let recording = config.history.record != Some(false);
    let history = match super::store(&args.data, &config) {
        Ok(store) => {
            let since = chrono::Local::now().fixed_offset() - chrono::Duration::hours(24);
            let (recent_reminders, error) = match recent_reminders(&store, since) {
                Ok(recent) => (recent, None),
                Err(err) => (Vec::new(), Some(format!("cannot read {}: {err}", store.dir.display()))),
            };
            HistoryView {
                exists: store.dir.is_dir(),
                dir: Some(store.dir.display().to_string()),
                error,
                recording,
                recent_reminders,
            }
        }
        Err(err) => HistoryView {
            dir: None,
            exists: false,
            error: Some(err.to_string()),
            recording,
            recent_reminders: Vec::new(),
        },
    };
    let file = &config.remind;
    DoctorReport {
        session_bus: desktop.session_bus().map(String::from),
        notification_server,
        signals: signals(&probes),
        presence: probes.into_iter().map(presence).collect(),
        timer: timer(),
        config: config_view,
        history,
        remind: RemindView {
            natural_break: match file.natural_break.unwrap_or(NaturalBreak(Some(DEFAULT_NATURAL_BREAK))) {
                NaturalBreak(Some(after)) => crate::time::compact(after),
                NaturalBreak(None) => "off".into(),
            },
            when_fullscreen: busy(file.when_fullscreen),
            when_dnd: busy(file.when_dnd),
            when_away: busy(file.when_away),
            open_command: file.open_command.clone(),
        },
    }
}

/// How many of the latest reminders `doctor` shows.
const RECENT_REMINDERS: usize = 5;

/// The last reminders recorded since `since`, oldest first: "why didn't it remind me at 11:00?"
/// Lines that do not read are left to `backpain history`, which names them.
fn recent_reminders(store: &Store, since: DateTime<FixedOffset>) -> std::io::Result<Vec<RecentReminderView>> {
    let from = since.format("%Y-%m").to_string();
    let mut recent: VecDeque<RecentReminderView> = VecDeque::with_capacity(RECENT_REMINDERS + 1);
    store.read::<Entry>(
        Some(&from),
        |entry, _| {
            if entry.kind == Kind::Reminder && entry.time().is_some_and(|at| at >= since) {
                recent.push_back(RecentReminderView {
                    at: entry.at.clone(),
                    delivered: entry.delivered.as_deref().map(String::from),
                    reason: entry.reason.clone(),
                    snoozed: entry.snoozed == Some(true),
                });
                if recent.len() > RECENT_REMINDERS {
                    recent.pop_front();
                }
            }
            Ok(())
        },
        |_| {},
    )?;
    Ok(recent.into())
}

fn busy(busy: Option<Busy>) -> &'static str {
    match busy.unwrap_or(Busy::Hold) {
        Busy::Hold => "hold",
        Busy::Notify => "notify",
    }
}

fn server(desktop: &Desktop) -> NotificationServerView {
    match desktop.notification_server() {
        Ok(server) => {
            let has = |capability: &str| server.capabilities.iter().any(|offered| offered == capability);
            let actions = has("actions");
            NotificationServerView {
                found: true,
                actions,
                body_markup: has("body-markup"),
                reason: None,
                fix: (!actions).then(|| {
                    "this server has no actions: reminders come without Done and Snooze, and clicking does nothing; \
                     dunst, GNOME and KDE have them"
                        .to_string()
                }),
                name: Some(server.name),
                vendor: Some(server.vendor),
                version: Some(server.version),
                spec_version: Some(server.spec_version),
                capabilities: server.capabilities,
            }
        }
        Err(reason) => {
            let fix = if reason.starts_with("no session bus") {
                "start a session bus (dbus-launch, or log in to a desktop session); reminders are printed in the terminal until then"
            } else if reason.contains("did not answer") {
                "the notification server is hung: restart it; reminders are printed in the terminal until it answers"
            } else {
                "no notification server: install dunst or use your desktop's; reminders are printed in the terminal until then"
            };
            NotificationServerView {
                found: false,
                name: None,
                vendor: None,
                version: None,
                spec_version: None,
                capabilities: Vec::new(),
                actions: false,
                body_markup: false,
                reason: Some(reason),
                fix: Some(fix.to_string()),
            }
        }
    }
}

fn presence(probe: Probe) -> PresenceView {
    let (value, reason) = match probe.answer {
        Ok(value) => (Some(value), None),
        Err(reason) => (None, Some(reason)),
    };
    PresenceView {
        source: probe.source,
        signal: probe.signal.name(),
        describe: probe.describe,
        ok: value.is_some(),
        value,
        reason,
    }
}

/// The first source that answered for each signal: the one `remind` reads.
fn signals(probes: &[Probe]) -> SignalsView {
    let from =
        |signal: Signal| probes.iter().find(|probe| probe.signal == signal && probe.answer.is_ok()).map(|p| p.source);
    SignalsView {
        idle: from(Signal::Idle),
        locked: from(Signal::Locked),
        dnd: from(Signal::Dnd),
        fullscreen: from(Signal::Fullscreen),
    }
}

/// The config file `--config` names or the standard one, and whether it reads; the config to
/// go on with (the defaults when it does not).
fn config(explicit: Option<&Path>) -> (Config, ConfigView) {
    let path = explicit.map(Path::to_path_buf).or_else(Config::default_path);
    let exists = path.as_deref().is_some_and(|path| std::fs::symlink_metadata(path).is_ok());
    let shown = path.as_ref().map(|path| path.display().to_string());
    match Config::discover(explicit) {
        Ok(config) => (config, ConfigView { path: shown, exists, valid: true, error: None }),
        Err(err) => (Config::default(), ConfigView { path: shown, exists, valid: false, error: Some(err.to_string()) }),
    }
}

fn timer() -> TimerView {
    let mut command = std::process::Command::new("systemctl");
    command.args([
        "--user",
        "show",
        TIMER_UNIT,
        "-p",
        "LoadState",
        "-p",
        "ActiveState",
        "-p",
        "NextElapseUSecRealtime",
    ]);
    let output = crate::platform::child::output_within(&mut command, std::time::Duration::from_secs(2));
    let unknown = |reason: String, fix: &str| TimerView {
        unit: TIMER_UNIT,
        installed: None,
        active: None,
        next: None,
        reason: Some(reason),
        fix: Some(fix.to_string()),
    };
    match output {
        Err(reason) => unknown(
            reason,
            "without systemd, schedule `backpain remind --once` with cron: backpain remind --print-schedule cron",
        ),
        Ok(output) if !output.status.success() => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr.lines().next().unwrap_or("systemctl --user failed").trim().to_string();
            unknown(
                format!("systemctl --user: {first}"),
                "run it inside your login session, where the systemd user manager is",
            )
        }
        Ok(output) => timer_from_show(&String::from_utf8_lossy(&output.stdout)),
    }
}

/// The timer's state from `systemctl --user show -p LoadState -p ActiveState -p
/// NextElapseUSecRealtime` (`Key=value` lines).
pub fn timer_from_show(text: &str) -> TimerView {
    let value = |key: &str| {
        text.lines().find_map(|line| line.strip_prefix(key).and_then(|rest| rest.strip_prefix('='))).map(str::trim)
    };
    let installed = value("LoadState").map(|state| state != "not-found");
    let active = value("ActiveState").map(|state| state == "active");
    let next = value("NextElapseUSecRealtime").filter(|next| !next.is_empty() && *next != "0").map(String::from);
    let fix = match (installed, active) {
        (Some(false), _) => Some(format!(
            "to install it, save the two units `backpain remind --print-schedule systemd` prints in \
             ~/.config/systemd/user/, then systemctl --user enable --now {TIMER_UNIT}"
        )),
        (Some(true), Some(false)) => {
            Some(format!("installed but not running: systemctl --user enable --now {TIMER_UNIT}"))
        }
        _ => None,
    };
    TimerView { unit: TIMER_UNIT, installed, active, next, reason: None, fix }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_state_is_read_from_systemctl_show() {
        let running = timer_from_show(
            "LoadState=loaded\nActiveState=active\nNextElapseUSecRealtime=Tue 2026-12-01 14:00:00 UTC\n",
        );
        assert_eq!(running.installed, Some(true));
        assert_eq!(running.active, Some(true));
        assert_eq!(running.next.as_deref(), Some("Tue 2026-12-01 14:00:00 UTC"));
        assert_eq!(running.fix, None);

        let missing = timer_from_show("LoadState=not-found\nActiveState=inactive\nNextElapseUSecRealtime=\n");
        assert_eq!(missing.installed, Some(false));
        assert_eq!(missing.next, None);
        assert!(missing.fix.unwrap().contains("--print-schedule systemd"));

        let stopped = timer_from_show("LoadState=loaded\nActiveState=inactive\nNextElapseUSecRealtime=0\n");
        assert_eq!((stopped.installed, stopped.active, stopped.next), (Some(true), Some(false), None));
        assert!(stopped.fix.unwrap().contains("enable --now"));
    }
}
