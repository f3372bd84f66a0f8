//! `backpain remind`: merges flags, the config file and the defaults into the loop's settings,
//! prints schedules, and maps how the loop ended to an exit code.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use chrono::Duration;

use super::Env;
use crate::cli::RemindArgs;
use crate::config::Config;
use crate::dataset::Variant;
use crate::error::{Interrupted, UsageError};
use crate::history::{self, Warned};
use crate::plan::conditions;
use crate::profile::Profile;
use crate::remind::engine::{Engine, LoopEnd, Notifier, Settings};
use crate::remind::recorder::Recorder;
use crate::remind::reminder::{self, Habit};
use crate::remind::schedule::{Days, Schedule};
use crate::remind::view::View;
use crate::remind::{
    clock, engine, notifier, open, schedule_files, Busy, DEFAULT_EVERY, DEFAULT_LOCATION, DEFAULT_NATURAL_BREAK,
};

/// Flags over the config file over the defaults.
pub fn settings(args: &RemindArgs, config: &Config, env: &Env) -> Result<Settings, UsageError> {
    let file = &config.remind;
    let schedule = Schedule {
        every: args.every.or(file.every).unwrap_or(DEFAULT_EVERY),
        window: args.between.or(file.between),
        days: args.days.or(file.days).unwrap_or(Days::ALL),
    };
    schedule.check().map_err(UsageError::Invalid)?;
    let location = args
        .location
        .or(file.location)
        .or_else(|| crate::dataset::location(DEFAULT_LOCATION))
        .ok_or_else(|| UsageError::Invalid("the default location is missing from the dataset".into()))?;
    let flags = Profile { conditions: args.profile.conditions.clone(), region: args.profile.region };
    let profile = Profile::merge(&flags, &config.profile.profile());
    let (routine, _) = conditions::adapt(&crate::plan::Plan::new(location, Variant::Micro), &profile.conditions, false);
    if routine.steps.is_empty() {
        let names: Vec<&str> = profile.conditions.iter().map(|condition| condition.id).collect();
        let first = profile.conditions.iter().find_map(|condition| condition.first).unwrap_or_default();
        return Err(UsageError::Invalid(format!(
            "no drill of the {} micro routine is suitable with --condition {}, so there is nothing to remind you of. {first}",
            location.name,
            names.join(" --condition ")
        )));
    }
    Ok(Settings {
        schedule,
        location,
        routine: routine.steps,
        adapted_for: profile.conditions.iter().map(|condition| condition.name).collect(),
        habit: Habit {
            trigger: args.trigger.clone().or_else(|| file.trigger.clone()),
            action: args.action.clone().or_else(|| file.action.clone()),
        },
        count: if args.once { None } else { args.count.or(file.count) },
        snooze: file.snooze.unwrap_or(engine::DEFAULT_SNOOZE),
        once: args.once,
        json: args.json || file.json.unwrap_or(false),
        bell: env.stdout_is_terminal,
        width: env.stdout_is_terminal.then_some(env.columns).flatten().map(usize::from),
        natural_break: args.natural_break.or(file.natural_break).map_or(Some(DEFAULT_NATURAL_BREAK), |nb| nb.0),
        when_away: args.when_away.or(file.when_away).unwrap_or(Busy::Hold),
        when_fullscreen: args.when_fullscreen.or(file.when_fullscreen).unwrap_or(Busy::Hold),
        when_dnd: args.when_dnd.or(file.when_dnd).unwrap_or(Busy::Hold),
    })
}

impl super::Run for RemindArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        run(self, cx, cx.config()?, cx.config_path, &mut **cx.stdout(), &mut **cx.stderr())
    }
}

fn run(
    args: &RemindArgs,
    cx: &super::Context<'_, '_>,
    config: &Config,
    config_path: Option<&Path>,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> anyhow::Result<()> {
    let env = cx.env;
    let settings = settings(args, config, env)?;
    if let Some(kind) = args.print_schedule {
        let job = scheduled_job(&settings, &args.profile, config_path, args.data.data_dir.as_deref())?;
        let text = schedule_files::render(kind, &settings.schedule, &job).map_err(UsageError::Invalid)?;
        stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).context("cannot write to stdout")?;
        return Ok(());
    }
    let dry_run = args.dry_run || config.remind.dry_run.unwrap_or(false);
    let clock::Real { clock, actions, stop } = clock::real(env.test_speed).context("cannot set up the timer")?;
    let notifier: Box<dyn Notifier> = if dry_run {
        Box::new(notifier::DryRun)
    } else {
        use_session_bus();
        // A notification stays up for a while, not past the next reminder.
        let expire = settings.schedule.every.min(Duration::minutes(10)).to_std().unwrap_or_default();
        if !notifier::HAS_BUTTONS && !settings.once {
            // Said once, up front: the loop itself never needs the buttons.
            let _ = writeln!(
                stderr,
                "backpain: notifications here have no Done or Snooze buttons; reminders simply come on schedule"
            );
        }
        Box::new(notifier::DesktopNotifier::new(actions, stop, expire, settings.snooze))
    };
    // A dry run records nothing: it is for trying settings out.
    let (mut history, _) = if dry_run {
        (Box::new(crate::history::Nowhere) as Box<dyn crate::history::Journal>, false)
    } else {
        super::journal(&args.data, config, stderr)
    };
    let history = Warned::new(&mut *history as &mut dyn crate::history::Journal);
    // Presence is asked only when a setting needs it: else the loop sleeps as before.
    let presence: Box<dyn crate::presence::Presence> = if settings.watches_presence() {
        Box::new(crate::presence::Desktop::connect())
    } else {
        Box::new(crate::presence::Absent)
    };
    let routine = routine_command(&settings, &args.profile, config_path);
    let open_command = config.remind.open_command.clone();
    let open: engine::Open = Box::new(move |_location| {
        let terminal = std::env::var("TERMINAL").ok();
        let words = open::command_line(open_command.as_deref(), terminal.as_deref(), &routine.clone()?)?;
        open::spawn(&words)
    });
    // Read from the history when a reminder is about to be shown, and said at most once a run
    // (a dry run or `record = false` keeps no trace of having said it).
    let store = if dry_run { None } else { super::store(&args.data, config).ok() };
    let mut said = false;
    let check_in_due: engine::CheckInDue = Box::new(move |now| {
        let due =
            !said && store.as_ref().is_some_and(|store| history::measures::reminder_says_check_in_due(store, now));
        said |= due;
        due
    });
    let view = View::new(&settings, stdout, stderr);
    let recorder = Recorder::new(&settings, history);
    let ending = Engine { settings, clock, notifier, view, recorder, presence, open, check_in_due }
        .run()
        .context("cannot write to stdout")?;
    match ending {
        LoopEnd::Finished(_) => Ok(()),
        LoopEnd::Stopped(shown) => {
            let plural = if shown == 1 { "" } else { "s" };
            Err(Interrupted(Some(format!("stopped after {shown} reminder{plural}"))).into())
        }
    }
}

impl Notifier for Box<dyn Notifier> {
    fn deliver(&mut self, note: &reminder::Note, actions: bool) -> reminder::Delivery {
        (**self).deliver(note, actions)
    }
}

/// Run from cron there is often no DBUS_SESSION_BUS_ADDRESS: point notify-rust at the user's
/// bus socket. Called before any thread starts. Only where notifications go over D-Bus.
#[cfg(not(any(windows, target_os = "macos")))]
fn use_session_bus() {
    let address = std::env::var("DBUS_SESSION_BUS_ADDRESS").ok();
    if address.as_deref().is_some_and(|address| !address.trim().is_empty()) {
        return;
    }
    let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
    let uid = rustix::process::getuid().as_raw();
    if let Some(found) = crate::presence::session_bus(None, runtime_dir.as_deref(), uid, Path::exists) {
        std::env::set_var("DBUS_SESSION_BUS_ADDRESS", found);
    }
}

/// macOS and Windows notify through the system's own service: there is no bus to find.
#[cfg(any(windows, target_os = "macos"))]
fn use_session_bus() {}

/// `backpain routine --micro --guided` for the reminders' location, with the same profile
/// flags and config file, by the absolute path of this program: what a click on a reminder
/// opens.
fn routine_command(
    settings: &Settings,
    profile: &crate::cli::ProfileArgs,
    config: Option<&Path>,
) -> Result<Vec<String>, String> {
    let program = std::env::current_exe().map_err(|err| format!("cannot find the path of this program: {err}"))?;
    let mut words = vec![program.to_string_lossy().into_owned()];
    words.extend(["routine", "--location", settings.location.id, "--micro", "--guided"].map(String::from));
    for condition in &profile.conditions {
        words.extend(["--condition".into(), condition.id.into()]);
    }
    if let Some(region) = profile.region {
        words.extend(["--region".into(), region.id.into()]);
    }
    if let Some(config) = config {
        let config = std::path::absolute(config).unwrap_or_else(|_| config.to_path_buf());
        words.extend(["--config".into(), config.to_string_lossy().into_owned()]);
    }
    Ok(words)
}

/// `backpain remind --once` with this location and habit, by the absolute path of this program.
fn scheduled_job(
    settings: &Settings,
    profile: &crate::cli::ProfileArgs,
    config: Option<&Path>,
    data_dir: Option<&Path>,
) -> anyhow::Result<schedule_files::Job> {
    let program = std::env::current_exe().context("cannot find the path of this program")?;
    // A printed schedule is text: a path that is not UTF-8 cannot be written into it faithfully,
    // and one with replacement characters would name a file that does not exist.
    let program = program.to_str().map(String::from).with_context(|| {
        format!("cannot print a schedule: the path of this program, {}, is not valid UTF-8", program.display())
    })?;
    let mut args = vec!["remind".to_string(), "--once".into(), "--location".into(), settings.location.id.into()];
    // `--once` picks its drill from the number of whole intervals since the epoch: without the
    // same --every as the schedule, runs 90 minutes apart would count 2-hour steps and repeat
    // or skip drills instead of rotating.
    args.extend(["--every".into(), crate::time::compact(settings.schedule.every)]);
    // The flags' conditions and region go along; the config file's are read again at each run.
    for condition in &profile.conditions {
        args.extend(["--condition".into(), condition.id.into()]);
    }
    if let Some(region) = profile.region {
        args.extend(["--region".into(), region.id.into()]);
    }
    if let Some(trigger) = &settings.habit.trigger {
        args.extend(["--trigger".into(), trigger.clone()]);
    }
    if let Some(action) = &settings.habit.action {
        args.extend(["--action".into(), action.clone()]);
    }
    if let Some(config) = config {
        let config = std::path::absolute(config).unwrap_or_else(|_| config.to_path_buf());
        let text = config.to_str().ok_or_else(|| {
            UsageError::Invalid(format!(
                "--config {} is not valid UTF-8, so it cannot be written into a schedule; rename the file or use a UTF-8 path",
                config.display()
            ))
        })?;
        args.extend(["--config".into(), text.to_string()]);
    }
    // The scheduled reminders record where this one would: a scheduler has its own cwd.
    if let Some(data_dir) = data_dir {
        let data_dir = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
        let text = data_dir.to_str().ok_or_else(|| {
            UsageError::Invalid(format!(
                "--data-dir {} is not valid UTF-8, so it cannot be written into a schedule; use a UTF-8 path",
                data_dir.display()
            ))
        })?;
        args.extend(["--data-dir".into(), text.to_string()]);
    }
    Ok(schedule_files::Job { program, args })
}
