//! The command line, and nothing else: clap's derive definition, shared by the binary, the
//! completions and the man pages.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::dataset::{self, Location};
use crate::plan::morning::WakeTime;
use crate::remind::parse;
use crate::remind::schedule::{Days, Window};

const EXAMPLES: &str = "\
Examples:
  backpain route --location lower          where it hurts -> which routine, and why
  backpain routine --location neck --micro a 2-minute desk break
  backpain routine --location lower --guided
  backpain myths --json | jq '.[].evidence.status'
  backpain remind --every 2h --location neck

Exit status: 0 done, 1 failure, 2 bad command line or config, 130 interrupted.

Not medical advice. Stop and see a clinician if a red flag applies.";

const REMIND_HELP: &str = "\
Examples:
  backpain remind                                  every 2 hours, lower-back micro routine
  backpain remind --every 90m --location neck --between 09:00-17:30 --days mon-fri
  backpain remind --trigger 'I stand up from my desk' --action 'I do 3 cat-cows'
  backpain remind --once                           for cron or a systemd timer
  backpain remind --print-schedule systemd-timer > ~/.config/systemd/user/backpain-remind.timer
  backpain remind --dry-run --count 3 --every 1s --json

Defaults come from [remind] in ~/.config/backpain/config.toml (see the README); flags win.
The 2-hour interval is the guide's advice; the evidence for break schedules is weak
(plausible, unproven). Notifications offer Done and Snooze 10 min where the desktop supports it
(a --once notification has no buttons: nothing stays running to act on them); without a
notification server the reminder is printed here, with the reason on stderr.

Exit status: 0 done (--once, --count), 1 failure, 2 bad flag or config file,
130 stopped by Ctrl-C or SIGTERM (after printing how many reminders were shown).";

/// Back-pain relief routines matched to where it hurts, with the evidence behind every claim.
#[derive(Debug, Parser)]
#[command(name = "backpain", version, about, after_help = EXAMPLES, help_expected = true)]
pub struct Cli {
    /// When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,

    /// Print long output straight to the terminal instead of through the pager
    /// ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same.
    #[arg(long, global = true)]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// The guide's three myths, what is true instead, and how well each is supported.
    #[command(
        after_help = "Examples:\n  backpain myths\n  backpain myths --id morning-stretch\n  backpain myths --json | jq '.[] | {id, status: .evidence.status}'"
    )]
    Myths(MythsArgs),

    /// Map a pain location to its cause, red flags and routine.
    #[command(
        after_help = "Examples:\n  backpain route                      pick a location on the body map\n  backpain route lower\n  backpain route hip pain\n  backpain route --location lower\n  backpain route --location lumbar --json | jq .code"
    )]
    Route(RouteArgs),

    /// Show (or play with --guided) the routine for a pain location.
    #[command(
        after_help = "Examples:\n  backpain routine lower\n  backpain routine neck --micro\n  backpain routine --location lower --guided\n  backpain routine --location sciatic --minutes 8 --morning\n  backpain routine --location hip --json | jq .total_seconds"
    )]
    Routine(RoutineArgs),

    /// The drill catalogue: every exercise with its dose, cues, cautions and sources.
    #[command(
        after_help = "Examples:\n  backpain drills\n  backpain drills --id cat-cow\n  backpain drills --json | jq '.[] | select(.desk_friendly) | .id'"
    )]
    Drills(DrillsArgs),

    /// The references behind every claim, by the id the other commands show.
    #[command(
        after_help = "Examples:\n  backpain sources\n  backpain sources --id snook-1998\n  backpain sources --json | jq -r '.[].text'"
    )]
    Sources(SourcesArgs),

    /// The implementation guide (habits) and common questions.
    #[command(after_help = "Examples:\n  backpain faq\n  backpain faq --json | jq '.questions[].question'")]
    Faq(JsonArgs),

    /// Desk-break reminders: a desktop notification with a micro-stretch on a schedule.
    #[command(
after_help = REMIND_HELP
    )]
    Remind(RemindArgs),

    /// Print a shell completion script to stdout.
    #[command(
        after_help = "Examples:\n  backpain completions bash > ~/.local/share/bash-completion/completions/backpain\n  backpain completions zsh > ~/.zfunc/_backpain"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Write the man pages (backpain.1 and one per subcommand) into a directory.
    #[command(after_help = "Examples:\n  backpain man ~/.local/share/man/man1")]
    Man {
        /// The directory to write into; created if missing.
        #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
        dir: std::path::PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, Default, Args)]
pub struct JsonArgs {
    /// Print JSON instead of a table (the shapes are documented in the README).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MythsArgs {
    /// Show one myth: all-the-same, morning-stretch or no-pain-no-gain.
    #[arg(long, value_name = "ID", value_parser = MythParser)]
    pub id: Option<&'static dataset::Myth>,

    #[command(flatten)]
    pub output: JsonArgs,
}

// What applies to you: conditions whose precautions change the routines, and your region. (Not a
// doc comment: on a flattened struct clap would make it the `about` of route, routine and remind.)
#[derive(Debug, Clone, Default, Args)]
pub struct ProfileArgs {
    /// A condition whose precautions apply to you; repeat it for several: pregnancy,
    /// hip-replacement, osteoporosis, recent-surgery, acute-sciatica.
    ///
    /// Drills the condition rules out are swapped for a safer one or left out, and each change
    /// is listed with its reason and source. Adds to `conditions` in the config file's
    /// [profile] table.
    #[arg(long = "condition", value_name = "NAME", value_parser = condition_parser())]
    pub conditions: Vec<&'static dataset::Condition>,

    /// Where you are, so red flags name your emergency numbers: uk, us, ca, au, nz, ie, de, in,
    /// eu [default: neutral wording that names no country's numbers].
    #[arg(long, value_name = "REGION", value_parser = region_parser())]
    pub region: Option<&'static dataset::Region>,
}

#[derive(Debug, Args)]
pub struct RouteArgs {
    /// Where it hurts: lower, upper, sciatic, hip, neck (or A-E, or an alias such as lumbar).
    ///
    /// Without it, on a terminal, a body map (back view) lets you pick a zone: press its letter,
    /// or move with the arrow keys and press Enter; q or Esc cancels (exit 0), Ctrl-C exits 130.
    /// Piped, the map and the list of locations are printed instead; with --json, the list.
    #[arg(long, short, value_name = "LOCATION", value_parser = LocationParser)]
    pub location: Option<&'static Location>,

    /// The same as --location, in words: `backpain route lower`, `backpain route hip pain`.
    #[arg(value_name = "WHERE", num_args = 1.., conflicts_with = "location", value_hint = ValueHint::Other)]
    pub place: Vec<String>,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct RoutineArgs {
    /// Where it hurts: lower, upper, sciatic, hip, neck (or A-E, or an alias such as lumbar).
    #[arg(long, short, value_name = "LOCATION", value_parser = LocationParser)]
    pub location: Option<&'static Location>,

    /// The same as --location, in words: `backpain routine neck`, `backpain routine low back pain`.
    #[arg(value_name = "WHERE", num_args = 1.., conflicts_with = "location", value_hint = ValueHint::Other)]
    pub place: Vec<String>,

    /// The 2-3 minute desk-break routine instead of the full one.
    #[arg(long)]
    pub micro: bool,

    /// Play the routine: countdowns, sides, rests and a progress bar (space pauses, n skips, q quits).
    ///
    /// On a terminal: a live screen with a bell at each change (see --quiet); space pauses and
    /// resumes, n skips the rest of the drill, q quits, Ctrl-C stops (exit 130). Piped: one
    /// plain line per change; with --json, one JSON event per line. Works with --micro,
    /// --minutes and --morning.
    #[arg(long)]
    pub guided: bool,

    /// With --guided: no bell at transitions.
    #[arg(long, requires = "guided")]
    pub quiet: bool,

    /// Fit the routine into this many minutes (core drills first, then fewer sets).
    ///
    /// The rule: lower-priority drills are left out first (priority 3, then 2, the last one
    /// first), then extra sets, then reps one at a time down to half; it stops as soon as the
    /// routine fits. A budget shorter than the priority-1 drills at one set and half the reps is
    /// an error that names the minimum.
    #[arg(long, value_name = "MINUTES", value_parser = clap::value_parser!(u32).range(1..=240), value_hint = ValueHint::Other)]
    pub minutes: Option<u32>,

    /// Swap drills that bend the spine forward for ones that don't (first ~2 h after waking).
    ///
    /// Each swap keeps the drill's place and takes no longer. The morning caution is partly
    /// supported (Snook 1998; Adams 1987, 1990): see `backpain myths --id morning-stretch`.
    #[arg(long)]
    pub morning: bool,

    /// When you woke up (HH:MM); within 2 hours of it, --morning turns on by itself.
    #[arg(long, value_name = "HH:MM", value_parser = parse_wake_time, value_hint = ValueHint::Other)]
    pub wake_time: Option<WakeTime>,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct DrillsArgs {
    /// Show one drill by id (see `backpain drills` for the list).
    #[arg(long, value_name = "ID", value_parser = DrillParser)]
    pub id: Option<&'static dataset::Drill>,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Show one reference by the id the other commands cite (see `backpain sources`).
    // The ids complete in the shell, but ~50 of them would bury the help.
    #[arg(long, value_name = "ID", value_parser = SourceParser, hide_possible_values = true)]
    pub id: Option<&'static dataset::Citation>,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Time between reminders: 90m, 2h, 1h30m [default: 2h, the guide's advice; its evidence is
    /// "plausible, unproven"].
    #[arg(long, value_name = "DURATION", value_parser = parse::duration, value_hint = ValueHint::Other)]
    pub every: Option<chrono::Duration>,

    /// Whose micro routine the reminders rotate through [default: lower].
    #[arg(long, short, value_name = "LOCATION", value_parser = LocationParser)]
    pub location: Option<&'static Location>,

    /// Your habit trigger, the IF of "IF I stand up from my desk, THEN I do 3 cat-cows".
    #[arg(long, value_name = "TEXT", value_parser = parse::trigger, value_hint = ValueHint::Other)]
    pub trigger: Option<String>,

    /// Your habit action, the THEN of the IF-THEN plan.
    #[arg(long, value_name = "TEXT", value_parser = parse::action, value_hint = ValueHint::Other)]
    pub action: Option<String>,

    /// Stop after this many reminders.
    #[arg(long, value_name = "N", value_parser = parse::count, value_hint = ValueHint::Other)]
    pub count: Option<u64>,

    /// Only remind within this time of day, e.g. 09:00-17:30 (22:00-02:00 wraps midnight).
    #[arg(long, value_name = "HH:MM-HH:MM", value_parser = parse::window, value_hint = ValueHint::Other)]
    pub between: Option<Window>,

    /// Only remind on these days: mon-fri, mon,wed,fri, sat-sun, weekdays (any case).
    #[arg(long, value_name = "DAYS", value_parser = parse::days, value_hint = ValueHint::Other)]
    pub days: Option<Days>,

    /// Print reminders instead of sending notifications.
    #[arg(long)]
    pub dry_run: bool,

    /// Fire one reminder now and exit (for cron, systemd timers, launchd).
    #[arg(long, conflicts_with_all = ["count", "print_schedule"])]
    pub once: bool,

    /// Print a ready-made schedule running `remind --once` and exit: systemd (service and timer),
    /// systemd-service, systemd-timer, cron or launchd.
    #[arg(long, value_name = "SYSTEM")]
    pub print_schedule: Option<ScheduleKind>,

    /// Read defaults from this TOML file instead of the standard config path.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub config: Option<std::path::PathBuf>,

    /// Print one JSON object per reminder (JSON Lines) instead of text.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub profile: ProfileArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScheduleKind {
    /// The user service and its timer, each headed by its path.
    Systemd,
    /// Only ~/.config/systemd/user/backpain-remind.service.
    SystemdService,
    /// Only ~/.config/systemd/user/backpain-remind.timer.
    SystemdTimer,
    /// crontab lines (crontab -e).
    Cron,
    /// A launchd agent (~/Library/LaunchAgents).
    Launchd,
}

/// Parses a location by id, letter or alias; a miss names the valid values and the nearest one.
#[derive(Clone)]
struct LocationParser;

impl TypedValueParser for LocationParser {
    type Value = &'static Location;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        crate::profile::location(&value.to_string_lossy()).map_err(invalid)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(dataset::dataset().locations.iter().map(|location| {
            PossibleValue::new(location.id).help(location.name).aliases(location.aliases.iter().copied())
        })))
    }
}

#[derive(Clone)]
struct MythParser;

impl TypedValueParser for MythParser {
    type Value = &'static dataset::Myth;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        let ids = || dataset::dataset().myths.iter().map(|myth| myth.id);
        dataset::myth(&text).ok_or_else(|| {
            unknown("myth id", &text, dataset::nearest(&text, ids()), ids().collect::<Vec<_>>().join(", "))
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(dataset::dataset().myths.iter().map(|myth| PossibleValue::new(myth.id).help(myth.myth))))
    }
}

#[derive(Clone)]
struct DrillParser;

impl TypedValueParser for DrillParser {
    type Value = &'static dataset::Drill;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        let ids = || dataset::dataset().drills.iter().map(|drill| drill.id);
        dataset::drill(&text).ok_or_else(|| {
            let hint = "run `backpain drills` for the list".to_string();
            unknown("drill id", &text, dataset::nearest(&text, ids()), hint)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(dataset::dataset().drills.iter().map(|drill| PossibleValue::new(drill.id).help(drill.name))))
    }
}

#[derive(Clone)]
struct SourceParser;

impl TypedValueParser for SourceParser {
    type Value = &'static dataset::Citation;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        let ids = || dataset::dataset().citations.iter().map(|citation| citation.id);
        dataset::citation(&text).ok_or_else(|| {
            let hint = "run `backpain sources` for the list".to_string();
            unknown("source id", &text, dataset::nearest(&text, ids()), hint)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(dataset::dataset().citations.iter().map(|citation| PossibleValue::new(citation.id))))
    }
}

/// Parses a dataset value by id or alias with `parse`, whose miss names the valid ones and the
/// nearest; `values` lists them for completions and the man pages.
struct NamedParser<T: 'static> {
    parse: fn(&str) -> Result<&'static T, String>,
    values: fn() -> Vec<PossibleValue>,
}

// Function pointers copy whatever T is; derive would ask T: Clone.
impl<T> Clone for NamedParser<T> {
    fn clone(&self) -> Self {
        NamedParser { parse: self.parse, values: self.values }
    }
}

impl<T: Send + Sync + 'static> TypedValueParser for NamedParser<T> {
    type Value = &'static T;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        (self.parse)(&value.to_string_lossy()).map_err(invalid)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.values)().into_iter()))
    }
}

fn condition_parser() -> NamedParser<dataset::Condition> {
    NamedParser {
        parse: crate::profile::condition,
        values: || {
            let conditions = dataset::dataset().conditions.iter();
            conditions.map(|c| PossibleValue::new(c.id).help(c.name).aliases(c.aliases.iter().copied())).collect()
        },
    }
}

fn region_parser() -> NamedParser<dataset::Region> {
    NamedParser {
        parse: crate::profile::region,
        values: || {
            let regions = dataset::dataset().regions.iter();
            regions.map(|r| PossibleValue::new(r.id).help(r.name).aliases(r.aliases.iter().copied())).collect()
        },
    }
}

fn invalid(message: String) -> clap::Error {
    clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{message}\n"))
}

fn parse_wake_time(text: &str) -> Result<WakeTime, String> {
    text.parse()
}

/// "unknown location `lumbr` (did you mean `lumbar`?); valid: lower, upper, ..."
fn unknown(what: &str, value: &str, nearest: Option<&str>, valid: String) -> clap::Error {
    let suggestion = nearest.map(|name| format!(" (did you mean `{name}`?)")).unwrap_or_default();
    let valid = if valid.starts_with("run ") { valid } else { format!("valid: {valid}") };
    clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("unknown {what} `{value}`{suggestion}; {valid}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
