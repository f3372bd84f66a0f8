//! `backpain log pain|done|check-in`: a manual entry, appended to the history.

use std::io::IsTerminal;

use chrono::{DateTime, TimeZone};

use crate::cli::{LogArgs, LogCheckInArgs, LogCommand, LogEntryArgs};
use crate::config::Config;
use crate::error::UsageError;
use crate::history::{Activity, Entry, Kind, LoggedReport, Peg, RoutineVariant, Store};

/// The PSFS asks for up to three activities.
pub const MAX_ACTIVITIES: usize = 3;

/// What a check-in records, from the flags and, on a terminal, the answers to its questions.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CheckInAnswers {
    pub peg: Option<Peg>,
    pub activities: Vec<Activity>,
}

impl CheckInAnswers {
    /// Whether anything at all was answered.
    pub fn is_empty(&self) -> bool {
        let peg = self.peg.is_some_and(|peg| peg != Peg::default());
        !peg && self.activities.iter().all(|activity| activity.score.is_none())
    }
}

/// The entry `command` describes, at `now` unless `--at` says otherwise; a check-in's answers
/// are `answers` (the flags', or those asked for on a terminal).
pub fn entry<Tz: TimeZone>(
    command: &LogCommand,
    answers: Option<&CheckInAnswers>,
    now: &DateTime<Tz>,
) -> Result<Entry, UsageError> {
    let (kind, location) = match command {
        LogCommand::Pain(args) => (Kind::Pain, Some(required(args.location, &args.place, Kind::Pain)?)),
        LogCommand::Done(args) => (Kind::Break, Some(required(args.location, &args.place, Kind::Break)?)),
        LogCommand::CheckIn(args) => (Kind::CheckIn, args.location),
    };
    let common = common(command);
    let at = match &common.at {
        Some(text) => crate::time::at(text, now).map_err(|err| UsageError::Invalid(format!("--at: {err}")))?,
        None => now.fixed_offset(),
    };
    let mut entry = Entry::new(kind, at);
    if let Some(id) = &common.id {
        entry.id = id.clone();
    }
    entry.location = location.map(|location| location.id.to_string());
    entry.note = common.note.clone();
    match command {
        LogCommand::Pain(args) => entry.rating = Some(args.rating),
        LogCommand::Done(args) => {
            entry.variant = Some(if args.micro { RoutineVariant::Micro } else { RoutineVariant::Full })
        }
        LogCommand::CheckIn(args) => {
            let flags = CheckInAnswers { peg: args.peg, activities: args.activities.clone() };
            let answers = answers.unwrap_or(&flags);
            check_activities(&answers.activities)?;
            entry.peg = answers.peg;
            entry.activities = answers.activities.clone();
        }
    }
    Ok(entry)
}

/// As `route` and `routine` take it: --location, or the words after the command.
fn required(
    flag: Option<&'static crate::dataset::Location>,
    place: &[String],
    kind: Kind,
) -> Result<&'static crate::dataset::Location, UsageError> {
    let (name, example) =
        if kind == Kind::Pain { ("log pain", "log pain 4 lower") } else { ("log done", "log done lower") };
    super::location(flag, place, name)?.ok_or_else(|| {
        UsageError::Invalid(format!(
            "{name} needs a location: `backpain {example}` (or --location lower); valid: lower, upper, sciatic, \
             hip, neck; see 'backpain {name} --help'"
        ))
    })
}

/// At most three activities, each named once.
fn check_activities(activities: &[Activity]) -> Result<(), UsageError> {
    if activities.len() > MAX_ACTIVITIES {
        return Err(UsageError::Invalid(format!(
            "a check-in rates at most {MAX_ACTIVITIES} activities (the Patient-Specific Functional Scale); got {}",
            activities.len()
        )));
    }
    for (n, activity) in activities.iter().enumerate() {
        let key = crate::history::measures::activity_key(&activity.name);
        if activities[..n].iter().any(|earlier| crate::history::measures::activity_key(&earlier.name) == key) {
            return Err(UsageError::Invalid(format!("the activity `{}` is given twice; rate it once", activity.name)));
        }
    }
    Ok(())
}

pub fn common(command: &LogCommand) -> &LogEntryArgs {
    match command {
        LogCommand::Pain(args) => &args.entry,
        LogCommand::Done(args) => &args.entry,
        LogCommand::CheckIn(args) => &args.entry,
    }
}

impl super::Run for LogArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        let config = cx.config()?;
        let answers = match &self.what {
            LogCommand::CheckIn(args) => {
                let store = super::store(&args.entry.data, config)?;
                let answers = check_in_answers(args, &store)?;
                if answers.is_empty() {
                    let _ = writeln!(cx.stderr(), "Nothing answered, so nothing was recorded.");
                    return Ok(());
                }
                Some(answers)
            }
            _ => None,
        };
        let report = run(&self.what, answers.as_ref(), config, &cx.now())?;
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

/// The check-in's answers: the flags', and on a terminal the questions they leave out.
fn check_in_answers(args: &LogCheckInArgs, store: &Store) -> anyhow::Result<CheckInAnswers> {
    let flags = CheckInAnswers { peg: args.peg, activities: args.activities.clone() };
    let complete = args.peg.is_some() && !args.activities.is_empty();
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if complete || !terminal {
        if args.peg.is_none() && args.activities.is_empty() {
            return Err(UsageError::Invalid(
                "log check-in needs answers: --peg P,E,G (three 0-10 answers) and/or --activity 'NAME=SCORE'; \
                 on a terminal it asks for them"
                    .into(),
            )
            .into());
        }
        return Ok(flags);
    }
    let previous = if args.change_activities { Vec::new() } else { last_activities(store) };
    let asked = super::check_in::ask(&flags, &previous, &mut std::io::stderr())?;
    asked.ok_or_else(|| crate::error::Interrupted(Some("check-in interrupted: nothing was recorded".into())).into())
}

/// The activities of the latest check-in that named any, as named there.
fn last_activities(store: &Store) -> Vec<String> {
    let mut latest: Option<(DateTime<chrono::FixedOffset>, Vec<String>)> = None;
    let _ = store.read::<Entry>(
        None,
        |entry, _| {
            if entry.kind == Kind::CheckIn && !entry.activities.is_empty() {
                if let Some(at) = entry.time() {
                    if latest.as_ref().is_none_or(|(seen, _)| at >= *seen) {
                        latest = Some((at, entry.activities.iter().map(|activity| activity.name.clone()).collect()));
                    }
                }
            }
            Ok(())
        },
        // Unreadable lines are said by `history` and `stats`; a check-in goes on without them.
        |_| {},
    );
    latest.map(|(_, names)| names).unwrap_or_default()
}

/// Records the entry; a history that cannot be written is a failure (exit 1), said in one line.
pub fn run<Tz: TimeZone>(
    command: &LogCommand,
    answers: Option<&CheckInAnswers>,
    config: &Config,
    now: &DateTime<Tz>,
) -> anyhow::Result<LoggedReport> {
    let store = super::store(&common(command).data, config)?;
    let entry = entry(command, answers, now)?;
    let file = store.append(&entry)?;
    Ok(LoggedReport { entry, file: file.display().to_string() })
}
