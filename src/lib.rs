//! backpain: evidence-graded back-pain relief routines by pain location, in the terminal.
//!
//! `run` is the whole program minus the process: the binary calls it with the real arguments,
//! environment and streams, and tests call it in-process.

pub mod cli;
pub mod cmd;
pub mod config;
pub mod dataset;
pub mod error;
pub mod figure;
pub mod guided;
pub mod history;
#[cfg(test)]
mod layers;
pub mod plan;
pub mod platform;
pub mod presence;
pub mod profile;
pub mod remind;
pub mod render;
pub mod report;
mod startup;
pub mod term;
pub mod time;
pub mod tui;

use std::ffi::OsString;
use std::io::Write;

use crate::cli::{usage, Cli, Command};
use crate::platform::exit::Exit;
use crate::startup::{help, parse_command, Globals, Typed};
use crate::term::text;

pub use crate::cmd::Env;

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
    let (mut command, top_level) = parse_command(Cli::command(), cli::NESTED, &args, Globals::Typed);
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
        (command, _) = parse_command(Cli::command(), cli::NESTED, &args, Globals::All);
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
        carry(typed, &mut cli);
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
            let line = usage::one_line(&err, subcommand(&args));
            let _ = writeln!(stderr, "backpain: {}", text::cut_long_words(&line));
            Exit::Usage
        }
    };
    if teardown == Teardown::LeaveToExit {
        std::mem::forget(command);
    }
    exit
}

/// The global options typed after the subcommand, which win over the top level's.
fn carry(typed: Typed, cli: &mut Cli) {
    if let Some(color) = typed.color {
        cli.color = color;
    }
    cli.no_pager |= typed.no_pager;
    if typed.config.is_some() {
        cli.config = typed.config;
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
