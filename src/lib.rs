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
pub mod pager;
pub mod plan;
pub mod profile;
pub mod remind;
pub mod render;
pub mod report;
pub mod stdio;
pub mod tui;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use anyhow::Context as _;
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
        let ascii = dumb_terminal || locale.as_deref().is_some_and(locale_is_ascii);
        let rows = if stdout_is_terminal {
            terminal_size::terminal_size_of(std::io::stdout()).map(|(_, rows)| rows.0).filter(|&rows| rows > 0)
        } else {
            None
        };
        let pager = pager::command(std::env::var("BACKPAIN_PAGER").ok(), std::env::var("PAGER").ok());
        Env { stdout_is_terminal, columns, no_color, ascii, dumb_terminal, rows, pager }
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

/// `C`, `POSIX` and locales naming a charset that is not UTF-8 cannot show box-drawing characters.
fn locale_is_ascii(locale: &str) -> bool {
    let charset = locale.split('@').next().unwrap_or_default();
    if charset == "C" || charset == "POSIX" {
        return true;
    }
    match charset.split_once('.') {
        Some((_, charset)) => !matches!(charset.to_ascii_lowercase().as_str(), "utf-8" | "utf8"),
        // "en_US" alone: the system's default charset, today UTF-8 nearly everywhere.
        None => false,
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
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let cli = match Cli::try_parse_from(&args) {
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
            let _ = writeln!(stderr, "backpain: {}", error::one_line(&err, subcommand(&args)));
            return Exit::Usage;
        }
    };
    match dispatch(&cli, env, stdout, stderr) {
        Ok(exit) => exit,
        Err(err) => {
            let exit = error::exit_for(&err);
            if exit != Exit::Success {
                let _ = writeln!(stderr, "backpain: {err:#}");
            }
            exit
        }
    }
}

/// The subcommand typed, for an error to point at its help: the first word that names one.
fn subcommand(args: &[OsString]) -> Option<String> {
    use clap::CommandFactory;
    let command = Cli::command();
    args.iter().skip(1).map(|arg| arg.to_string_lossy()).find_map(|arg| {
        command.get_subcommands().find(|sub| sub.get_name() == arg).map(|sub| sub.get_name().to_string())
    })
}

/// The standard config file, or none; a broken one is an error, never silently passed over.
fn discover_config() -> anyhow::Result<config::Config> {
    Ok(config::Config::discover(None).map_err(|err| error::UsageError::Invalid(err.to_string()))?)
}

fn dispatch(cli: &Cli, env: &Env, stdout: &mut dyn Write, stderr: &mut dyn Write) -> anyhow::Result<Exit> {
    let theme = env.theme(cli.color);
    let bytes = match &cli.command {
        Command::Myths(args) => render(&cmd::myths::run(args), args.output.json, &theme),
        Command::Route(args) => {
            let location = cmd::location(args.location, &args.place, "route")?;
            let profile = cmd::profile(&args.profile, &discover_config()?);
            match location {
                Some(location) => render(&cmd::route::run(location, &profile), args.output.json, &theme),
                // The picker needs keys as well as a screen: both ends must be the terminal.
                None if !args.output.json
                    && env.stdout_is_terminal
                    && !env.dumb_terminal
                    && std::io::stdin().is_terminal() =>
                {
                    match tui::pick::pick(stdout, theme.color)? {
                        Some(location) => render(&cmd::route::run(location, &profile), false, &theme),
                        None => return Ok(Exit::Success),
                    }
                }
                None => render(&cmd::route::list(), args.output.json, &theme),
            }
        }
        Command::Routine(args) => {
            // The local time of day decides whether a wake time turns morning mode on; --morning
            // and --wake-time win over the config file's wake time, but a broken file is an
            // error either way, never silently passed over.
            let now = chrono::Local::now().time();
            let config = discover_config()?;
            let configured_wake = config.routine.wake_time.map(plan::morning::WakeTime::from);
            let profile = cmd::profile(&args.profile, &config);
            let location = cmd::location(args.location, &args.place, "routine")?.ok_or_else(|| {
                error::UsageError::Invalid(
                    "routine needs to know where it hurts: `backpain routine lower` (or --location lower); \
                     valid: lower, upper, sciatic, hip, neck; `backpain route` shows them on a body map; \
                     see 'backpain routine --help'"
                        .into(),
                )
            })?;
            let request = cmd::routine::Request::new(location, args, configured_wake, profile, now);
            let prepared = cmd::routine::prepare(request)?;
            let report = cmd::routine::report(&prepared);
            if args.guided && prepared.is_empty() {
                // Nothing to play: say why, as the table does, and start no session.
                let mut text = String::new();
                for line in &report.adjustments {
                    text.push_str(line);
                    text.push('\n');
                }
                stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).context("cannot write to stdout")?;
                return Ok(Exit::Success);
            }
            if args.guided {
                let output = if args.output.json {
                    guided::Output::Json
                } else if env.stdout_is_terminal && !env.dumb_terminal {
                    // TERM=dumb cannot draw a screen: it gets the plain lines a pipe gets.
                    guided::Output::Terminal { color: theme.color, bell: !args.quiet }
                } else {
                    guided::Output::Plain
                };
                let cues = guided::cues::cues(&prepared.plan);
                return guided::run(&report, &cues, output, test_speed(), stdout);
            }
            render(&report, args.output.json, &theme)
        }
        Command::Drills(args) => render(&cmd::drills::run(args), args.output.json, &theme),
        Command::Sources(args) => render(&cmd::sources::run(args), args.output.json, &theme),
        Command::Faq(args) => render(&cmd::faq::run(), args.json, &theme),
        Command::Remind(args) => return remind::run(args, env, stdout, stderr),
        Command::Completions { shell } => generate::completion(*shell),
        Command::Man { dir } => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            for (name, page) in generate::man_pages() {
                fsutil::write_atomic(dir, &name, &page)
                    .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
            }
            return Ok(Exit::Success);
        }
    };
    if pages(&cli.command) && page(&bytes, cli.no_pager, env)? {
        return Ok(Exit::Success);
    }
    stdout.write_all(&bytes).and_then(|()| stdout.flush()).context("cannot write to stdout")?;
    Ok(Exit::Success)
}

/// The reports a person reads (not JSON, completions or man pages, which programs read).
fn pages(command: &Command) -> bool {
    match command {
        Command::Myths(args) => !args.output.json,
        Command::Route(args) => !args.output.json,
        Command::Routine(args) => !args.output.json && !args.guided,
        Command::Drills(args) => !args.output.json,
        Command::Sources(args) => !args.output.json,
        Command::Faq(args) => !args.json,
        _ => false,
    }
}

/// Shows `bytes` through the pager when stdout is a terminal they do not fit; `false` when the
/// caller should print them itself (it fits, no pager wanted, or none could start). Never when
/// piped, and not with `--no-pager` or `pager = false` in the config file.
fn page(bytes: &[u8], no_pager: bool, env: &Env) -> anyhow::Result<bool> {
    let (Some(rows), Some(pager)) = (env.rows, env.pager.as_deref()) else { return Ok(false) };
    if no_pager || !env.stdout_is_terminal || !pager::taller_than(bytes, rows, env.columns.unwrap_or(80)) {
        return Ok(false);
    }
    // Read only now, when paging would happen: a short answer costs no file read.
    if discover_config()?.pager == Some(false) {
        return Ok(false);
    }
    pager::page(bytes, pager).context("cannot write to the pager")
}
