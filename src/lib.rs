//! backpain: evidence-graded back-pain relief routines by pain location, in the terminal.
//!
//! `run` is the whole program minus the process: the binary calls it with the real arguments,
//! environment and streams, and tests call it in-process.

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
pub mod history;
pub mod plan;
pub mod profile;
pub mod remind;
pub mod render;
pub mod report;
pub mod stdio;
pub mod text;
pub mod tui;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use clap::Parser;

use crate::cli::{Cli, ColorWhen, Command};
use crate::exit::Exit;
use crate::render::{render, Theme};

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
        Env { stdout_is_terminal, columns, no_color, test_speed: test_speed() }
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
        let unicode = render::unicode_locale(|name| std::env::var(name).ok());
        Theme { color, width: self.columns.unwrap_or(80).clamp(40, 200), unicode }
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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => {
            // --help and --version: clap's own text, to stdout, styled only on a terminal.
            let text = err.render();
            let written = if env.stdout_is_terminal && !env.no_color {
                write!(stdout, "{}", text.ansi())
            } else {
                write!(stdout, "{text}")
            };
            let written = written.and_then(|()| stdout.flush());
            return match written {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    let _ = writeln!(stderr, "backpain: cannot write to stdout: {err}");
                    Exit::Failure
                }
                _ => Exit::Success,
            };
        }
        Err(err) if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // `backpain` alone: the help is the useful answer, but it is still a usage error.
            let _ = write!(stderr, "{}", err.render());
            return Exit::Usage;
        }
        Err(err) => {
            let _ = writeln!(stderr, "backpain: {}", error::one_line(&err));
            return Exit::Usage;
        }
    };
    match dispatch(&cli, env, stdout, stderr) {
        Ok(()) => Exit::Success,
        Err(err) => {
            let exit = error::exit_for(&err);
            if exit != Exit::Success {
                let _ = writeln!(stderr, "backpain: {err:#}");
            }
            exit
        }
    }
}

/// One hop from a subcommand to its file (`src/cmd/`); errors decide the exit code.
fn dispatch(cli: &Cli, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> anyhow::Result<()> {
    let theme = env.theme(cli.color);
    match &cli.command {
        Command::Myths(args) => cmd::print(stdout, &render(&cmd::myths::run(args), args.output.json, &theme)),
        Command::Route(args) => cmd::route::command(args, env, &theme, stdout),
        Command::Routine(args) => cmd::routine::run(args, env, &theme, stdout, stderr),
        Command::Drills(args) => cmd::print(stdout, &render(&cmd::drills::run(args), args.output.json, &theme)),
        Command::Sources(args) => cmd::print(stdout, &render(&cmd::sources::run(), args.json, &theme)),
        Command::Faq(args) => cmd::print(stdout, &render(&cmd::faq::run(), args.json, &theme)),
        Command::Remind(args) => cmd::remind::run(args, env, stdout, stderr),
        Command::Log { what } => {
            let report = cmd::log::run(what, &cmd::discover_config()?, &chrono::Local::now())?;
            cmd::print(stdout, &render(&report, cmd::log::common(what).json, &theme))
        }
        Command::History(args) => {
            cmd::history::run(args, &cmd::discover_config()?, &chrono::Local::now(), stdout, stderr)
        }
        Command::Stats(args) => {
            let report = cmd::stats::run(args, &cmd::discover_config()?, &chrono::Local::now(), stderr)?;
            cmd::print(stdout, &render(&report, args.json, &theme))
        }
        Command::Completions { shell } => cmd::print(stdout, &generate::completion(*shell)),
        Command::Man { dir } => generate::write_man_pages(dir),
    }
}
