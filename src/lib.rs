//! backpain: evidence-graded back-pain relief routines by pain location, in the terminal.
//!
//! `run` is the whole program minus the process: the binary calls it with the real arguments,
//! environment and streams, and tests call it in-process.

pub mod child;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod config;
pub mod dataset;
pub mod error;
pub mod exit;
pub mod fsutil;
pub mod generate;
pub mod guided;
mod help;
pub mod history;
#[cfg(test)]
mod layers;
pub mod pager;
pub mod plan;
pub mod presence;
pub mod profile;
pub mod remind;
pub mod render;
pub mod report;
pub mod stdio;
pub mod style;
pub mod text;
pub mod time;
pub mod tui;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use crate::cli::{Cli, ColorWhen, Command};
use crate::exit::Exit;
use crate::render::Theme;

/// What the program reads from its surroundings, gathered once so tests can set it.
#[derive(Debug, Clone)]
pub struct Env {
    pub stdout_is_terminal: bool,
    /// The terminal's width, or `COLUMNS`, when known.
    pub columns: Option<u16>,
    /// `NO_COLOR` is set to something non-empty.
    pub no_color: bool,
    /// `BACKPAIN_TEST_SPEED`: how many times faster than the wall clock guided sessions run.
    pub test_speed: u32,
    /// Tables in ASCII: the locale is `C`/`POSIX` or names a charset other than UTF-8
    /// (`LANG=C`, `LC_ALL=C`), or `TERM=dumb`.
    pub ascii: bool,
    /// `TERM=dumb`: a terminal that cannot move the cursor, so no full-screen session or body map.
    pub dumb_terminal: bool,
    /// The terminal's height when stdout is one: output taller than it goes through the pager.
    pub rows: Option<u16>,
    /// The pager to run (`BACKPAIN_PAGER`, `PAGER`, `less -FRX`), or none.
    pub pager: Option<String>,
}

/// A piped, 80-column, colourless run at real speed: what tests start from.
impl Default for Env {
    fn default() -> Self {
        Env {
            stdout_is_terminal: false,
            columns: Some(80),
            no_color: true,
            test_speed: 1,
            ascii: false,
            dumb_terminal: false,
            rows: None,
            pager: None,
        }
    }
}

impl Env {
    pub fn from_process() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|value| value.trim().parse::<u16>().ok())
            .filter(|&columns| columns > 0)
            .or_else(|| stdout_is_terminal.then(terminal_width).flatten());
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let dumb_terminal = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
        // The first of these that is set decides, as setlocale(3) reads them.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()));
        let ascii = dumb_terminal || locale.as_deref().is_some_and(render::locale_is_ascii);
        let rows = if stdout_is_terminal {
            terminal_size::terminal_size_of(std::io::stdout()).map(|(_, rows)| rows.0).filter(|&rows| rows > 0)
        } else {
            None
        };
        let (backpain_pager, pager) = (std::env::var("BACKPAIN_PAGER").ok(), std::env::var("PAGER").ok());
        // A dumb terminal (an editor's shell buffer) cannot page: less warns and waits there.
        // Only a pager asked for by name runs on one.
        let pager = match dumb_terminal && backpain_pager.is_none() && pager.is_none() {
            true => None,
            false => pager::command(backpain_pager, pager),
        };
        Env { stdout_is_terminal, columns, no_color, test_speed: test_speed(), ascii, dumb_terminal, rows, pager }
    }

    /// Colour only on a terminal without NO_COLOR, unless asked for explicitly.
    pub fn theme(&self, color: ColorWhen) -> Theme {
        let color = match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => self.stdout_is_terminal && !self.no_color,
        };
        // Tables are for reading: wrap to the terminal, 80 columns when it is unknown, and
        // never so narrow that words break mid-cell.
        Theme { color, width: self.columns.unwrap_or(80).clamp(40, 200), ascii: self.ascii }
    }
}

/// `BACKPAIN_TEST_SPEED=N` makes guided sessions run N times faster: a testing aid (README,
/// "Testing aids"), so the end-to-end tests see whole sessions in seconds.
fn test_speed() -> u32 {
    std::env::var("BACKPAIN_TEST_SPEED")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .filter(|&speed| speed >= 1)
        .unwrap_or(1)
}

fn terminal_width() -> Option<u16> {
    terminal_size::terminal_size_of(std::io::stdout()).map(|(columns, _)| columns.0).filter(|&columns| columns > 0)
}

/// Runs the CLI with `args` (the program name first) and returns the exit code.
pub fn run<I, T>(args: I, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(args, env, stdout, stderr, Teardown::Free)
}

/// `run` for the process itself, which exits right after: clap's command tree and the parsed
/// arguments, needed only to start, are left to the exit instead of being freed one allocation
/// at a time (20-50k instructions a query; README "Performance").
pub fn run_process<I, T>(args: I, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(args, env, stdout, stderr, Teardown::LeaveToExit)
}

/// What happens to start-up's allocations once the command has run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Teardown {
    /// Freed, as tests that call `run` thousands of times need.
    Free,
    /// Kept until the process exits, which reclaims them at once.
    LeaveToExit,
}

fn run_with<I, T>(args: I, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write, teardown: Teardown) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::{CommandFactory, FromArgMatches};

    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let color = env.stdout_is_terminal && !env.no_color;
    let (mut command, top_level) = parse_command(&args, Globals::Typed);
    if !color {
        // Plain text from the start, so it is written as it is instead of stripped of styles
        // byte by byte (~115k instructions for `--help`); stderr's messages are plain anyway.
        command = command.styles(clap::builder::Styles::plain());
    }
    if top_level {
        // No subcommand typed: the help, if asked for, is the top level's, its command list
        // written without clap's renderer (after the styles, which the list uses).
        command = help::top_level(command, help::clap_width());
    }
    // What `Cli::try_parse_from` does, with the command kept.
    let mut parsed = command.try_get_matches_from_mut(&args);
    if parsed.as_ref().is_err_and(clap::Error::use_stderr) {
        // A mistake: parse again with every global option in place, so that clap's message and
        // suggestions (`--colr`: did you mean `--color`?) are what they would be with all of them.
        (command, _) = parse_command(&args, Globals::All);
        if !color {
            command = command.styles(clap::builder::Styles::plain());
        }
        if top_level {
            command = help::top_level(command, help::clap_width());
        }
        parsed = command.try_get_matches_from_mut(&args);
    }
    let parsed = parsed.and_then(|mut matches| {
        let typed = Typed::of(&matches);
        let mut cli = Cli::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut Cli::command()))?;
        typed.apply(&mut cli);
        Ok((cli, matches))
    });
    let exit = match parsed {
        Ok((cli, matches)) => {
            let exit = finish(dispatch(&cli, env, stdout, stderr), stderr);
            if teardown == Teardown::LeaveToExit {
                std::mem::forget((cli, matches));
            }
            exit
        }
        Err(err) if !err.use_stderr() => {
            // --help and --version: clap's own text, to stdout, styled only on a terminal.
            let written = write!(stdout, "{}", err.render().ansi()).and_then(|()| stdout.flush());
            match written {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    let _ = writeln!(stderr, "backpain: cannot write to stdout: {err}");
                    Exit::Failure
                }
                _ => Exit::Success,
            }
        }
        Err(err) if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            match subcommand(&args).and_then(|sub| missing_subcommand(&sub)) {
                // `backpain log` alone: one line naming what may follow, as other mistakes get.
                Some(line) => {
                    let _ = writeln!(stderr, "backpain: {line}");
                }
                // `backpain` alone: the help is the useful answer, but it is still a usage error.
                None => {
                    let _ = write!(stderr, "{}", err.render());
                }
            }
            Exit::Usage
        }
        Err(err) => {
            let line = error::one_line(&err, subcommand(&args));
            let _ = writeln!(stderr, "backpain: {}", text::cut_long_words(&line));
            Exit::Usage
        }
    };
    if teardown == Teardown::LeaveToExit {
        std::mem::forget(command);
    }
    exit
}

/// The global options (`--color`, `--no-pager`), as clap's `global = true` would place them, in
/// the subcommand typed only. clap clones global options into all thirteen subcommands at every
/// start and copies their values between levels (~65k instructions a query); here the top
/// level keeps its own copy and the one subcommand that parses gets the global clones, which
/// clap still carries down to its own subcommands (`log pain`) and back up to `Cli`.
/// Completions and man pages use `Cli::command()` as it is.
/// Also says whether no subcommand was named (the top level's help or an error follows).
/// Only the global options a command line can use are put in its subcommand: those typed (by a
/// word that starts with their name), or all of them for a help text, which lists them. Each
/// one costs ~3.5k instructions to clone and build, and most command lines type none.
fn parse_command(args: &[OsString], which: Globals) -> (clap::Command, bool) {
    use clap::CommandFactory;

    let mut command = Cli::command();
    let globals: Vec<clap::Arg> = command.get_arguments().filter(|arg| arg.is_global_set()).cloned().collect();
    for global in &globals {
        command = command.mut_arg(global.get_id(), |arg| arg.global(false));
    }
    // The first word that is not an option (nor the value of one) names the subcommand;
    // `help NAME` shows NAME's help, which lists the global options too.
    let takes_value: Vec<String> = globals
        .iter()
        .filter(|arg| arg.get_action().takes_values())
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    let mut name = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if takes_value.iter().any(|option| *option == word) {
            words.next();
            continue;
        }
        if word.starts_with('-') {
            continue;
        }
        if word == "help" && name.is_none() {
            name = Some(word);
            continue;
        }
        name = Some(word);
        break;
    }
    let Some(name) = name.and_then(|name| command.find_subcommand(name.as_ref()).map(|sub| sub.get_name().to_string()))
    else {
        return (command, true);
    };
    let command = command.mut_subcommand(name, |sub| {
        // Plain options unless the subcommand has its own subcommands (`log pain`) for clap to
        // carry them down to: `Typed` reads what was typed, without clap copying values between
        // levels. As clap's propagation does, the clones keep their display order and the
        // subcommand's own options still count theirs from 0 (the help sorts by it, then by
        // name). (Deferred, a subcommand shows its own subcommands only once built.)
        let carry = cli::NESTED.contains(&sub.get_name());
        let help = args.iter().skip(1).any(|arg| matches!(arg.to_str(), Some("-h" | "--help" | "help")));
        let typed = |arg: &clap::Arg| {
            let long = arg.get_long().map(|long| format!("--{long}")).unwrap_or_default();
            args.iter().skip(1).any(|word| {
                // clap reads `--color=never` and an unambiguous prefix is not taken: the name itself.
                word.to_str().is_some_and(|word| {
                    word == long || word.strip_prefix(long.as_str()).is_some_and(|rest| rest.starts_with('='))
                })
            })
        };
        globals
            .into_iter()
            .filter(|arg| which == Globals::All || help || typed(arg))
            .fold(sub, |sub, arg| sub.arg(arg.global(carry)))
            .next_display_order(0)
    });
    (command, false)
}

/// Which global options `parse_command` puts in the subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Globals {
    /// Those the command line types (all, for a help text).
    Typed,
    /// All of them: for the error message of a command line that did not parse.
    All,
}

/// The global options `Typed` carries from the subcommand to `Cli`, in `Cli`'s order: a new
/// `global = true` option must be read there too (a test holds this list to `Cli`).
#[cfg(test)]
const GLOBALS: [&str; 3] = ["color", "no_pager", "config"];

/// The global options typed after the subcommand (`myths --color never`), which win over the top
/// level's as they do with clap's own propagation; `parse_command` leaves them in the
/// subcommand's matches. Read before `Cli` takes the subcommand's matches apart.
struct Typed {
    color: Option<ColorWhen>,
    no_pager: bool,
    config: Option<std::path::PathBuf>,
}

impl Typed {
    fn of(matches: &clap::ArgMatches) -> Typed {
        let Some((_, sub)) = matches.subcommand() else { return Typed { color: None, no_pager: false, config: None } };
        let typed = |id: &str| {
            matches!(sub.try_get_raw(id), Ok(Some(_)))
                && sub.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
        };
        Typed {
            color: if typed("color") { sub.try_get_one::<ColorWhen>("color").ok().flatten().copied() } else { None },
            no_pager: typed("no_pager") && sub.get_flag("no_pager"),
            config: if typed("config") {
                sub.try_get_one::<std::path::PathBuf>("config").ok().flatten().cloned()
            } else {
                None
            },
        }
    }

    fn apply(self, cli: &mut Cli) {
        if let Some(color) = self.color {
            cli.color = color;
        }
        cli.no_pager |= self.no_pager;
        if self.config.is_some() {
            cli.config = self.config;
        }
    }
}

/// The exit code for a command's result, its error printed once.
fn finish(result: anyhow::Result<()>, stderr: &mut dyn Write) -> Exit {
    match result {
        Ok(()) => Exit::Success,
        Err(err) => {
            let exit = error::exit_for(&err);
            if exit != Exit::Success {
                let _ = writeln!(stderr, "backpain: {}", text::cut_long_words(&format!("{err:#}")));
            }
            exit
        }
    }
}

/// "`backpain log` needs what to record: pain or done; see 'backpain log --help'", for a
/// subcommand given without the subcommand it needs.
fn missing_subcommand(sub: &str) -> Option<String> {
    use clap::CommandFactory;
    let command = Cli::command();
    let found = command.get_subcommands().find(|command| command.get_name() == sub)?;
    let mut found = found.clone();
    found.build();
    let names: Vec<&str> =
        found.get_subcommands().map(|nested| nested.get_name()).filter(|name| *name != "help").collect();
    (!names.is_empty())
        .then(|| format!("`backpain {sub}` needs one of: {}; see 'backpain {sub} --help'", names.join(", ")))
}

/// The subcommand named on the command line, with its own subcommand when it has one
/// (`log pain`), so an error points to the help that has the answer.
fn subcommand(args: &[OsString]) -> Option<String> {
    use clap::CommandFactory;
    let command = Cli::command();
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    let mut sub = words.find_map(|arg| command.get_subcommands().find(|sub| sub.get_name() == arg))?.clone();
    // Subcommands are built when parsed (clap's `defer`): build this one to see its own.
    sub.build();
    let nested = words.next().and_then(|next| sub.get_subcommands().find(|nested| nested.get_name() == next));
    Some(match nested {
        Some(nested) => format!("{} {}", sub.get_name(), nested.get_name()),
        None => sub.get_name().to_string(),
    })
}

/// One hop from a subcommand to its file (`src/cmd/`), in the context every command shares;
/// errors decide the exit code.
fn dispatch(cli: &Cli, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> anyhow::Result<()> {
    let cx = cmd::Context::new(env, env.theme(cli.color), cli.no_pager, cli.config.as_deref(), stdout, stderr);
    // A file named with --config is read whatever the command, so a mistyped path or a broken
    // file is never passed over; the standard file is read only when it is needed. `doctor`
    // reads it itself: a broken file is one of the things it reports.
    if cli.config.is_some() && !matches!(cli.command, Command::Doctor(_)) {
        cx.config()?;
    }
    let command: &dyn cmd::Run = match &cli.command {
        Command::Myths(args) => args,
        Command::Route(args) => args,
        Command::Routine(args) => args,
        Command::Drills(args) => args,
        Command::Sources(args) => args,
        Command::Faq(args) => args,
        Command::Remind(args) => args,
        Command::Log(args) => args,
        Command::History(args) => args,
        Command::Stats(args) => args,
        Command::Doctor(args) => args,
        Command::Completions(args) => args,
        Command::Man(args) => args,
    };
    command.run(&cx)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `global = true` option that `Typed` does not carry would be parsed after the
    /// subcommand and then silently dropped (issue 19): every one is in `GLOBALS`.
    #[test]
    fn every_global_option_is_carried_by_typed() {
        use clap::CommandFactory;
        let command = Cli::command();
        let globals: Vec<String> =
            command.get_arguments().filter(|arg| arg.is_global_set()).map(|arg| arg.get_id().to_string()).collect();
        assert_eq!(globals, GLOBALS, "add the new global option to Typed and GLOBALS");
        for (args, check) in [
            (&["backpain", "myths", "--color", "always"][..], "color"),
            (&["backpain", "myths", "--no-pager"], "no_pager"),
            (&["backpain", "myths", "--config", "x.toml"], "config"),
        ] {
            let (command, _) = parse_command(&args.iter().map(OsString::from).collect::<Vec<_>>(), Globals::Typed);
            let matches = command.clone().try_get_matches_from(args.iter()).unwrap();
            let typed = Typed::of(&matches);
            let carried = match check {
                "color" => typed.color == Some(ColorWhen::Always),
                "no_pager" => typed.no_pager,
                _ => typed.config.as_deref() == Some(std::path::Path::new("x.toml")),
            };
            assert!(carried, "{args:?}: {check} typed after the subcommand is carried");
        }
    }
}
