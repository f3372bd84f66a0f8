//! `backpain log pain|done`: a manual entry, appended to the history.

use chrono::{DateTime, TimeZone};

use crate::cli::{LogArgs, LogCommand, LogEntryArgs};
use crate::config::Config;
use crate::error::UsageError;
use crate::history::LoggedReport;
use crate::history::{Entry, Kind, RoutineVariant};

/// The entry `command` describes, at `now` unless `--at` says otherwise.
pub fn entry<Tz: TimeZone>(command: &LogCommand, now: &DateTime<Tz>) -> Result<Entry, UsageError> {
    let (kind, name, flag, place, common) = match command {
        LogCommand::Pain(args) => (Kind::Pain, "log pain", args.location, &args.place, &args.entry),
        LogCommand::Done(args) => (Kind::Break, "log done", args.location, &args.place, &args.entry),
    };
    // As `route` and `routine` take it: --location, or the words after the command.
    let location = super::location(flag, place, name)?.ok_or_else(|| {
        let example = if kind == Kind::Pain { "log pain 4 lower" } else { "log done lower" };
        UsageError::Invalid(format!(
            "{name} needs a location: `backpain {example}` (or --location lower); valid: lower, upper, sciatic, \
             hip, neck; see 'backpain {name} --help'"
        ))
    })?;
    let at = match &common.at {
        Some(text) => crate::time::at(text, now).map_err(|err| UsageError::Invalid(format!("--at: {err}")))?,
        None => now.fixed_offset(),
    };
    let mut entry = Entry::new(kind, at);
    if let Some(id) = &common.id {
        entry.id = id.clone();
    }
    entry.location = Some(location.id.to_string());
    entry.note = common.note.clone();
    match command {
        LogCommand::Pain(args) => entry.rating = Some(args.rating),
        LogCommand::Done(args) => {
            entry.variant = Some(if args.micro { RoutineVariant::Micro } else { RoutineVariant::Full })
        }
    }
    Ok(entry)
}

pub fn common(command: &LogCommand) -> &LogEntryArgs {
    match command {
        LogCommand::Pain(args) => &args.entry,
        LogCommand::Done(args) => &args.entry,
    }
}

impl super::Run for LogArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        let report = run(&self.what, cx.config()?, &cx.now())?;
        // Recorded is done: a confirmation that cannot be printed is a warning, not a failure
        // a caller would retry (and record twice).
        if let Err(err) = cx.report(&report, common(&self.what).json) {
            if crate::error::exit_for(&err) != crate::platform::exit::Exit::Success {
                let _ = writeln!(cx.stderr(), "backpain: recorded in {}, but {err:#}", report.file);
            }
        }
        Ok(())
    }
}

/// Records the entry; a history that cannot be written is a failure (exit 1), said in one line.
pub fn run<Tz: TimeZone>(command: &LogCommand, config: &Config, now: &DateTime<Tz>) -> anyhow::Result<LoggedReport> {
    let store = super::store(&common(command).data, config)?;
    let entry = entry(command, now)?;
    let file = store.append(&entry)?;
    Ok(LoggedReport { entry, file: file.display().to_string() })
}
