//! Desk-break reminders on a wall-clock schedule (the `remind` subcommand's glue is in
//! `cmd/remind.rs`).
//!
//! `schedule` and `parse` are pure; `engine` is the loop over a `WallClock` and a `Notifier`,
//! emitting `event`s that `view` prints and `recorder` writes to the history;
//! `clock` and `notifier` are the real ones; `schedule_files` writes systemd/cron/launchd files.

pub mod clock;
pub mod engine;
pub mod event;
pub mod notifier;
pub mod open;
pub mod parse;
pub mod recorder;
pub mod reminder;
pub mod schedule;
pub mod schedule_files;
pub mod settings;
pub mod view;

use chrono::Duration;

/// What a reminder does when it falls due while the person is away (screen locked, no input),
/// a window is fullscreen, or do-not-disturb is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Busy {
    /// Wait until it ends, then remind once.
    Hold,
    /// Remind anyway.
    Notify,
}

/// `--natural-break`: how long away from the keyboard and mouse counts as a break; `None` is
/// `off` (time away never counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NaturalBreak(pub Option<Duration>);

/// Five minutes away counts as a break unless the flag or config file says otherwise.
pub const DEFAULT_NATURAL_BREAK: Duration = Duration::minutes(5);

/// The guide's micro-break interval ("every 2 hours while working"; plausible, unproven).
pub const DEFAULT_EVERY: Duration = Duration::hours(2);
pub const DEFAULT_LOCATION: &str = "lower";
