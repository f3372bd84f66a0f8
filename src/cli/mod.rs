//! The command line, and nothing else: clap's derive definition, shared by the binary, the
//! completions and the man pages.

pub mod generate;
pub mod usage;

pub use crate::term::style::ColorWhen;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueHint};

use crate::dataset::{self, Location};
use crate::plan::morning::WakeTime;
use crate::remind::parse;
use crate::remind::schedule::{Days, Window};
pub use crate::remind::schedule_files::ScheduleKind;
use crate::remind::{Busy, NaturalBreak};

const EXAMPLES: &str = "\
Examples:
  backpain route --location lower            which routine, and why
  backpain routine --location neck --micro   a 2-minute desk break
  backpain routine --location lower --guided
  backpain myths --json | jq '.[].evidence.status'
  backpain remind --every 2h --location neck

Exit status: 0 done, 1 failure, 2 bad command line or config, 130 interrupted.

Not medical advice. Stop and see a clinician if a red flag applies.";

const REMIND_HELP: &str = "\
Examples:
  backpain remind                   every 2 hours, a lower-back micro routine
  backpain remind --every 90m -l neck --between 09:00-17:30 --days mon-fri
  backpain remind --trigger 'I stand up from my desk' --action 'I do 3 cat-cows'
  backpain remind --once            for cron or a systemd timer
  backpain remind --print-schedule systemd
  backpain remind --dry-run --count 3 --every 1s --json

Defaults come from [remind] in the config file (backpain doctor shows where; see the README); \
flags win. The 2-hour interval is the guide's advice; the evidence for break schedules is weak \
(plausible, unproven). Notifications offer Done and Snooze 10 min where the desktop supports it \
(a --once notification has no buttons: nothing stays running to act on them); without a \
notification server the reminder is printed here, with the reason on stderr.

Exit status: 0 done (--once, --count), 1 failure, 2 bad flag or config file, \
130 stopped by Ctrl-C or SIGTERM (after printing how many reminders were shown).";

const LOG_HELP: &str = "\
Examples:
  backpain log pain 4 --location lower
  backpain log pain 2 -l neck --note 'after driving' --at '2026-11-30 18:00'
  backpain log done --location lower --micro
  backpain log done --location hip --note 'physio exercises' --at 07:30
  backpain log check-in
  backpain log check-in --peg 6,5,7 --activity 'sit through a 2-hour meeting=4'

Pain is the numeric rating scale: 0 is no pain, 10 the worst imaginable. \
Entries go to the history (see `backpain history --path`); nothing leaves this machine.";

const HISTORY_HELP: &str = "\
Examples:
  backpain history --since 7d
  backpain history --since 2026-11-01 --location neck
  backpain history --json | jq -c 'select(.kind == \"pain\")'
  backpain history --csv > backpain.csv
  backpain history --path        where the files are (delete them to forget)

Guided sessions and reminders record themselves; --dry-run records nothing. \
The line format is documented in the README (\"History\").";

const STATS_HELP: &str = "\
Examples:
  backpain stats
  backpain stats --weeks 4 --location lower
  backpain stats --json | jq .streak

A day counts for the streak when any routine or break was done; one day off in any 7 is \
allowed. The pain comparison needs 4 weeks with pain entries, and it is an observation, not \
proof that breaks change pain.";

const DOCTOR_HELP: &str = "\
Examples:
  backpain doctor
  backpain doctor --json | jq '.presence[] | select(.ok) | .source'
  backpain doctor --config ~/backpain-test.toml

Each line is ok, missing (with how to fix it) or off (a source this desktop does not have: \
reminders then come on the clock, as without presence). Every source is asked with a short \
timeout, so a hung bus or server never hangs doctor.

Exit status: 0 whatever is missing (it is a report; a broken config file is reported, not an \
error), 1 when the report cannot be written, 2 bad command line.";

/// The subcommands that have subcommands of their own (the parse gives them the global options
/// as globals, to pass down; `lib::parse_command`). A test keeps the list true.
pub const NESTED: &[&str] = &["log"];

/// Back-pain relief routines matched to where it hurts, with the evidence behind every claim.
#[derive(Debug, Parser)]
#[command(name = "backpain", version, about, after_help = EXAMPLES, help_expected = true)]
pub struct Cli {
    /// When to colour the output: auto (only on a terminal, unless NO_COLOR is set), always, never.
    // The values are in the sentence: clap's list of them would say it twice.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto", hide_possible_values = true)]
    pub color: ColorWhen,

    /// Print long output straight to the terminal instead of through the pager
    /// ($BACKPAIN_PAGER, else $PAGER, else less -FRX); `pager = false` in the config file does the same.
    #[arg(long, global = true)]
    pub no_pager: bool,

    /// Read settings from FILE, not the standard config file.
    #[arg(long, global = true, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub config: Option<std::path::PathBuf>,

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
    Faq(FaqArgs),

    /// Desk-break reminders: a desktop notification with a micro-stretch on a schedule.
    #[command(
after_help = REMIND_HELP
    )]
    Remind(RemindArgs),

    /// Record a pain rating, a break done without backpain, or the weekly check-in.
    #[command(after_help = LOG_HELP, subcommand_required = true)]
    Log(LogArgs),

    /// List the history: sessions, reminders, breaks and pain ratings, oldest first.
    #[command(after_help = HISTORY_HELP)]
    History(HistoryArgs),

    /// Breaks reminded and taken, sessions, streaks, a heatmap and pain, week by week.
    #[command(after_help = STATS_HELP)]
    Stats(StatsArgs),

    /// What this desktop offers reminders (notification server, idle, lock, do-not-disturb,
    /// fullscreen), the systemd timer, the config file and the history, with fixes.
    #[command(after_help = DOCTOR_HELP)]
    Doctor(DoctorArgs),

    /// Print a shell completion script to stdout.
    #[command(
        after_help = "Examples:\n  backpain completions bash >~/.local/share/bash-completion/completions/backpain\n  backpain completions zsh > ~/.zfunc/_backpain"
    )]
    Completions(CompletionsArgs),

    /// Write the man pages (backpain.1 and one per subcommand) into a directory.
    #[command(after_help = "Examples:\n  backpain man ~/.local/share/man/man1")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct FaqArgs {
    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(subcommand)]
    pub what: LogCommand,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write into; created if missing.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: std::path::PathBuf,
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
    #[arg(long, value_name = "ID", value_parser = myth_parser())]
    pub id: Option<&'static dataset::Myth>,

    #[command(flatten)]
    pub output: JsonArgs,
}

// What applies to you: conditions whose precautions change the routines, and your region. (Not a
// doc comment: on a flattened struct clap would make it the `about` of route, routine and remind.)
#[derive(Debug, Clone, Default, Args)]
pub struct ProfileArgs {
    /// A condition whose precautions apply to you, such as pregnancy or a hip replacement (by
    /// approach when you know it); repeat it for several.
    ///
    /// Drills the condition rules out are swapped for a safer one or left out, and each change
    /// is listed with its reason and source. Adds to `conditions` in the config file's
    /// [profile] table.
    #[arg(long = "condition", value_name = "NAME", value_parser = condition_parser())]
    pub conditions: Vec<&'static dataset::Condition>,

    /// Where you are, so red flags name your emergency numbers [default: neutral wording that
    /// names no country's numbers].
    #[arg(long, value_name = "REGION", value_parser = region_parser())]
    pub region: Option<&'static dataset::Region>,
}

#[derive(Debug, Args)]
pub struct RouteArgs {
    /// Where it hurts: a location, its letter (A-E) or an alias such as lumbar.
    ///
    /// Without it, on a terminal, a body map (back view) lets you pick a zone: press its letter,
    /// or move with the arrow keys and press Enter; q or Esc cancels (exit 0), Ctrl-C exits 130.
    /// Piped, the map and the list of locations are printed instead; with --json, the list.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
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
    /// Where it hurts: a location, its letter (A-E) or an alias such as lumbar.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
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

    /// Draw each drill's key positions above its row (off by default: it makes the table
    /// several screens long).
    #[arg(long, conflicts_with_all = ["json", "guided"])]
    pub pictures: bool,

    /// Write a printable sheet of the routine: html (the default) or pdf (through Chromium).
    ///
    /// One self-contained page for A4 or Letter, at most two sheets: a drawing of each drill,
    /// its dose, cues and every caution, your conditions, the red flags, the sources and the
    /// date. `backpain routine lower --sheet > routine.html`; `--sheet pdf > routine.pdf` prints
    /// it through an installed Chromium or Chrome (BACKPAIN_BROWSER names another).
    #[arg(long, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "html",
          value_parser = SheetParser, conflicts_with_all = ["json", "guided", "pictures"])]
    pub sheet: Option<SheetFormat>,

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
    pub data: DataArgs,

    #[command(flatten)]
    pub output: JsonArgs,
}

/// What `routine --sheet` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    /// A self-contained HTML page (print it from any browser).
    Html,
    /// A PDF, printed by a headless Chromium or Chrome.
    Pdf,
}

/// `--sheet`'s format. Its value is optional, so `routine --sheet lower` reads `lower` as the
/// format: the error says to put the location first.
#[derive(Clone)]
struct SheetParser;

impl TypedValueParser for SheetParser {
    type Value = SheetFormat;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        let text = value.to_string_lossy();
        if let Ok(format) = <SheetFormat as clap::ValueEnum>::from_str(text.trim(), true) {
            return Ok(format);
        }
        let shown = crate::term::text::printable(&text);
        let message = match dataset::find::location(text.trim()) {
            Ok(location) => format!(
                "`{shown}` is a location, not a sheet format: put the location first \
                 (`backpain routine {} --sheet`), or give the format (`--sheet html`, `--sheet pdf`)",
                location.id
            ),
            Err(_) => match crate::term::text::nearest(text.trim(), ["html", "pdf"]) {
                Some(near) => format!("sheet format `{shown}` is not known (did you mean `{near}`?); use html or pdf"),
                None => format!("sheet format `{shown}` is not known; use html or pdf"),
            },
        };
        Err(invalid(message))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let values = <SheetFormat as clap::ValueEnum>::value_variants().iter();
        Some(Box::new(values.filter_map(clap::ValueEnum::to_possible_value)))
    }
}

#[derive(Debug, Args)]
pub struct DrillsArgs {
    /// Show one drill by id (see `backpain drills` for the list).
    #[arg(long, value_name = "ID", value_parser = drill_parser())]
    pub id: Option<&'static dataset::Drill>,

    /// With --id: the drill's key positions as one SVG drawing, for a page or another tool.
    #[arg(long, requires = "id", conflicts_with = "json")]
    pub svg: bool,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Show one reference by the id the other commands cite (see `backpain sources`).
    // The ids complete in the shell, but ~50 of them would bury the help.
    #[arg(long, value_name = "ID", value_parser = source_parser(), hide_possible_values = true)]
    pub id: Option<&'static dataset::Citation>,

    #[command(flatten)]
    pub output: JsonArgs,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Time between reminders: 90m, 2h, 1h30m [default: 2h, the guide's advice; its evidence is
    /// "plausible, unproven"].
    #[arg(long, value_name = "DURATION", value_parser = crate::time::within_a_week, value_hint = ValueHint::Other)]
    pub every: Option<chrono::Duration>,

    /// Whose micro routine the reminders rotate through [default: lower].
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
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

    /// Print reminders instead of sending notifications, and record nothing in the history.
    #[arg(long)]
    pub dry_run: bool,

    /// Fire one reminder now and exit (for cron, systemd timers, launchd).
    #[arg(long, conflicts_with_all = ["count", "print_schedule"])]
    pub once: bool,

    /// Print a ready-made schedule running `remind --once` and exit: systemd (service and timer),
    /// systemd-service, systemd-timer, cron, launchd (macOS) or windows (a Task Scheduler task).
    #[arg(long, value_name = "SYSTEM")]
    pub print_schedule: Option<ScheduleKind>,

    /// Print one JSON object per reminder (JSON Lines) instead of text.
    #[arg(long)]
    pub json: bool,

    /// Time away from the keyboard and mouse that counts as a break: the next reminder comes a
    /// full interval after you are back; `off` never counts it [default: 5m].
    #[arg(long, value_name = "DURATION|off", value_parser = parse::natural_break, value_hint = ValueHint::Other)]
    pub natural_break: Option<NaturalBreak>,

    /// A reminder due while the screen is locked or nobody is at the keyboard waits until you are
    /// back (hold) or comes anyway (notify) [default: hold].
    #[arg(long, value_name = "WHAT")]
    pub when_away: Option<Busy>,

    /// A reminder due while a window is fullscreen waits for it to end (hold) or comes anyway
    /// (notify) [default: hold].
    #[arg(long, value_name = "WHAT")]
    pub when_fullscreen: Option<Busy>,

    /// A reminder due in do-not-disturb waits for it to end (hold) or comes anyway (notify)
    /// [default: hold].
    #[arg(long, value_name = "WHAT")]
    pub when_dnd: Option<Busy>,

    #[command(flatten)]
    pub profile: ProfileArgs,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print the report as JSON (the shape is documented in the README).
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

// Where the history lives. (Not a doc comment, as for ProfileArgs: clap would make it the
// `about` of every command that flattens it.)
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// The data directory; the history is its history/ folder [default: `data-dir` in the
    /// config file's [history] table, else $XDG_DATA_HOME/backpain or the platform's data dir].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// A pain rating from 0 (no pain) to 10 (worst imaginable) for a location.
    #[command(
        after_help = "Examples:\n  backpain log pain 4 lower\n  backpain log pain 2 -l neck --note 'after the walk' --at 08:30"
    )]
    Pain(LogPainArgs),
    /// A routine or break you did without backpain.
    #[command(
        after_help = "Examples:\n  backpain log done lower\n  backpain log done -l neck --micro --note 'at the desk'"
    )]
    Done(LogDoneArgs),
    /// The weekly check-in, about 20 seconds: the three PEG questions (pain, and how much it
    /// got in the way of enjoying life and of general activity, over the past week) and up to
    /// three activities your back makes hard, each 0-10. On a terminal it asks what the flags
    /// leave out.
    #[command(
        name = "check-in",
        after_help = "Examples:\n  backpain log check-in\n  backpain log check-in --peg 6,5,7 --activity 'sit through a 2-hour meeting=4' --activity 'lift my son=3'\n  backpain log check-in --change-activities\n\nPEG: Krebs EE et al., J Gen Intern Med 2009;24(6):733-738. Activities: the Patient-Specific Functional Scale (Stratford 1995), 0 = unable to do it, 10 = as well as before the problem. `backpain stats` judges each against your first check-in."
    )]
    CheckIn(LogCheckInArgs),
}

#[derive(Debug, Args)]
pub struct LogCheckInArgs {
    /// The three PEG answers, 0-10 each, in order: average pain in the past week, how much pain
    /// interfered with enjoyment of life, and with general activity (`-` for one not answered).
    #[arg(long, value_name = "P,E,G", value_parser = parse_peg)]
    pub peg: Option<crate::history::Peg>,

    /// An activity your back makes hard and how well you can do it now: 0 (unable) to 10 (as
    /// well as before). Repeat for up to three; the last check-in's are asked for on a terminal.
    #[arg(long = "activity", value_name = "NAME=SCORE", value_parser = parse_activity)]
    pub activities: Vec<crate::history::Activity>,

    /// On a terminal, name your activities again instead of rating the last check-in's.
    #[arg(long, conflicts_with = "activities")]
    pub change_activities: bool,

    /// The location the check-in is about, if one [default: none: it is about you].
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
    pub location: Option<&'static Location>,

    #[command(flatten)]
    pub entry: LogEntryArgs,
}

#[derive(Debug, Args)]
pub struct LogPainArgs {
    /// The rating: 0 (no pain) to 10 (the worst imaginable), the numeric rating scale.
    #[arg(value_name = "N", value_parser = parse_rating)]
    pub rating: u8,

    /// Where it hurts: a location, its letter (A-E) or an alias such as lumbar.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
    pub location: Option<&'static Location>,

    /// The same as --location, in words: `backpain log pain 4 lower`.
    #[arg(value_name = "WHERE", num_args = 1.., conflicts_with = "location", value_hint = ValueHint::Other)]
    pub place: Vec<String>,

    #[command(flatten)]
    pub entry: LogEntryArgs,
}

#[derive(Debug, Args)]
pub struct LogDoneArgs {
    /// Which routine: a location, its letter (A-E) or an alias such as lumbar.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
    pub location: Option<&'static Location>,

    /// The same as --location, in words: `backpain log done neck`.
    #[arg(value_name = "WHERE", num_args = 1.., conflicts_with = "location", value_hint = ValueHint::Other)]
    pub place: Vec<String>,

    /// It was the 2-3 minute desk break, not the full routine.
    #[arg(long)]
    pub micro: bool,

    #[command(flatten)]
    pub entry: LogEntryArgs,
}

/// What every manual entry may carry.
#[derive(Debug, Args)]
pub struct LogEntryArgs {
    /// A few words of your own (at most 500 characters).
    #[arg(long, value_name = "TEXT", value_parser = parse_note)]
    pub note: Option<String>,

    /// When it was: HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 [default: now].
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// Print the recorded entry as JSON.
    #[arg(long)]
    pub json: bool,

    /// The entry's id (a UUID), so a script that retries records it once: entries with one id
    /// count once [default: a new random one].
    #[arg(long, value_name = "UUID", value_parser = parse_entry_id)]
    pub id: Option<String>,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only entries from this date (2026-11-01) or this long ago (7d, 4w, 12h) on.
    #[arg(long, value_name = "DATE|DURATION")]
    pub since: Option<String>,

    /// Only entries for this location.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
    pub location: Option<&'static Location>,

    /// One JSON object per line (JSON Lines), each entry as stored.
    #[arg(long, conflicts_with_all = ["csv", "path"])]
    pub json: bool,

    /// CSV with a header row, one row per entry.
    #[arg(long, conflicts_with = "path")]
    pub csv: bool,

    /// Print the directory the history is kept in, and nothing else.
    #[arg(long, conflicts_with_all = ["since", "location"])]
    pub path: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many weeks to show, this one included.
    #[arg(long, value_name = "N", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=520))]
    pub weeks: u32,

    /// Only this location's sessions, reminders, breaks and pain.
    #[arg(long, short, value_name = "LOCATION", value_parser = location_parser())]
    pub location: Option<&'static Location>,

    /// Print the same figures as JSON.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub data: DataArgs,
}

/// Parses a dataset value by id or alias with `parse`, whose miss names the valid ones and the
/// nearest; `values` lists them for completions and the man pages.
pub(crate) struct NamedParser<T: 'static> {
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

/// Possible values: each id with its name and aliases.
macro_rules! named {
    ($records:ident, $help:ident) => {
        || {
            let records = dataset::dataset().$records.iter();
            records.map(|r| PossibleValue::new(r.id).help(r.$help).aliases(r.aliases.iter().copied())).collect()
        }
    };
}

pub(crate) fn location_parser() -> NamedParser<Location> {
    NamedParser { parse: dataset::find::location, values: named!(locations, name) }
}

fn condition_parser() -> NamedParser<dataset::Condition> {
    NamedParser { parse: dataset::find::condition, values: named!(conditions, name) }
}

fn region_parser() -> NamedParser<dataset::Region> {
    NamedParser { parse: dataset::find::region, values: named!(regions, name) }
}

fn myth_parser() -> NamedParser<dataset::Myth> {
    let values = || dataset::dataset().myths.iter().map(|myth| PossibleValue::new(myth.id).help(myth.myth)).collect();
    NamedParser { parse: dataset::find::myth, values }
}

fn source_parser() -> NamedParser<dataset::Citation> {
    let values = || dataset::dataset().citations.iter().map(|citation| PossibleValue::new(citation.id)).collect();
    NamedParser { parse: dataset::find::source, values }
}

fn drill_parser() -> NamedParser<dataset::Drill> {
    let values =
        || dataset::dataset().drills.iter().map(|drill| PossibleValue::new(drill.id).help(drill.name)).collect();
    NamedParser { parse: dataset::find::drill, values }
}

fn invalid(message: String) -> clap::Error {
    clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{message}\n"))
}

fn parse_rating(text: &str) -> Result<u8, String> {
    let scale = "use 0 (no pain) to 10 (the worst imaginable)";
    let trimmed = text.trim();
    match trimmed.parse::<i64>() {
        Ok(rating @ 0..=10) => Ok(rating as u8),
        Ok(_) => Err(format!("pain rating `{text}` is out of range; {scale}")),
        Err(_) => match trimmed.parse::<f64>() {
            Ok(value) if (0.0..=10.0).contains(&value) => {
                Err(format!("pain rating `{text}` is not a whole number (did you mean `{}`?); {scale}", value.round()))
            }
            _ => Err(format!("pain rating `{text}` is not a number; {scale}")),
        },
    }
}

/// `--id`: a UUID, written in its plain hyphenated lower-case form.
fn parse_entry_id(text: &str) -> Result<String, String> {
    uuid::Uuid::parse_str(text.trim()).map(|id| id.hyphenated().to_string()).map_err(|_| {
        format!("`{text}` is not a UUID; use one like 3f2b8c1e-5d4a-4b6f-9e21-7c0d8a1b2c3d (uuidgen makes one)")
    })
}

fn parse_note(text: &str) -> Result<String, String> {
    let note = text.trim();
    if note.is_empty() {
        return Err("the note is empty; leave --note out, or say something".into());
    }
    if let Some(found) = crate::remind::parse::control_character(note) {
        return Err(format!("the note contains {found}; write it as one line of plain text"));
    }
    let length = note.chars().count();
    if length > 500 {
        return Err(format!("the note is {length} characters; at most 500"));
    }
    Ok(note.to_string())
}

/// One 0-10 score of a check-in, or `-` for none.
fn parse_score(text: &str, what: &str) -> Result<Option<u8>, String> {
    let trimmed = text.trim();
    if trimmed == "-" {
        return Ok(None);
    }
    match trimmed.parse::<i64>() {
        Ok(score @ 0..=10) => Ok(Some(score as u8)),
        _ => Err(format!("{what} `{}` is not a whole number from 0 to 10 (or `-` for none)", shown(trimmed))),
    }
}

/// A typed value as an error may show it: control characters escaped.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    crate::term::text::printable(text)
}

fn parse_peg(text: &str) -> Result<crate::history::Peg, String> {
    let parts: Vec<&str> = text.split(',').collect();
    let [pain, enjoyment, activity] = parts[..] else {
        return Err(format!(
            "--peg takes three answers separated by commas, such as 6,5,7 (pain, enjoyment, activity); got {}",
            parts.len()
        ));
    };
    Ok(crate::history::Peg {
        pain: parse_score(pain, "the pain answer")?,
        enjoyment: parse_score(enjoyment, "the enjoyment answer")?,
        activity: parse_score(activity, "the activity answer")?,
    })
}

/// The longest activity name: a short phrase, not a note.
pub const ACTIVITY_NAME_MAX: usize = 80;

/// An activity's name as typed: one line of plain text, at most 80 characters.
pub fn parse_activity_name(text: &str) -> Result<String, String> {
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("the activity has no name; say what your back makes hard, such as `sit through a meeting`".into());
    }
    if let Some(found) = crate::remind::parse::control_character(text) {
        return Err(format!("the activity's name contains {found}; write it as one line of plain text"));
    }
    let length = name.chars().count();
    if length > ACTIVITY_NAME_MAX {
        return Err(format!("the activity's name is {length} characters; at most {ACTIVITY_NAME_MAX}"));
    }
    Ok(name)
}

fn parse_activity(text: &str) -> Result<crate::history::Activity, String> {
    let Some((name, score)) = text.rsplit_once('=') else {
        return Err(format!(
            "--activity takes NAME=SCORE, such as 'sit through a meeting=4'; `{}` has no `=`",
            shown(text)
        ));
    };
    Ok(crate::history::Activity {
        name: parse_activity_name(name)?,
        score: parse_score(score, "the activity's score")?,
    })
}

fn parse_wake_time(text: &str) -> Result<WakeTime, String> {
    text.parse()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
        let mut command = Cli::command();
        command.build();
        // clap's own `help` takes no options.
        let nested: Vec<&str> = command
            .get_subcommands()
            .filter(|sub| sub.has_subcommands() && sub.get_name() != "help")
            .map(|sub| sub.get_name())
            .collect();
        assert_eq!(nested, NESTED, "the subcommands with subcommands");
    }
}
