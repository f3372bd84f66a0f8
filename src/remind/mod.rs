//! Desk-break reminders on a wall-clock schedule (the `remind` subcommand's glue is in
//! `cmd/remind.rs`).
//!
//! `schedule` and `parse` are pure; `engine` is the loop over a `WallClock` and a `Notifier`;
//! `clock` and `notifier` are the real ones; `schedule_files` writes systemd/cron/launchd files.

pub mod clock;
pub mod engine;
pub mod notifier;
pub mod parse;
pub mod reminder;
pub mod schedule;
pub mod schedule_files;

use chrono::Duration;

/// The guide's micro-break interval ("every 2 hours while working"; plausible, unproven).
pub const DEFAULT_EVERY: Duration = Duration::hours(2);
pub const DEFAULT_LOCATION: &str = "lower";
