//! One file per subcommand, each implementing `Run` on its own argument struct. A command
//! builds a typed report from the domain and hands it to the `Context`, which owns standard
//! output: `report` renders a table or JSON, `print` writes bytes a program reads, `stream`
//! gives a writer for output that comes a line at a time; each decides once about the pager.

pub mod check_in;
pub mod completions;
pub mod doctor;
pub mod drills;
mod env;
pub mod faq;
pub mod history;
pub mod log;
pub mod man;
pub mod myths;
pub mod remind;
pub mod route;
pub mod routine;
pub mod sources;
pub mod stats;

use std::cell::{OnceCell, RefCell, RefMut};
use std::io::Write;
use std::path::Path;

use anyhow::Context as _;
use chrono::{DateTime, Local};

use crate::cli::ProfileArgs;
use crate::config::Config;
use crate::dataset::Location;
use crate::error::UsageError;
use crate::profile::Profile;
use crate::render::Theme;

pub use env::Env;

/// A subcommand: its arguments, run in the context every command shares.
pub trait Run {
    fn run(&self, cx: &Context<'_, '_>) -> anyhow::Result<()>;
}

/// What every command runs with, built once in `lib.rs`: the environment, the global options,
/// the config file and the local time (each read once, when first asked for, so a query that
/// needs neither pays for neither), and the two output streams.
pub struct Context<'a, 'w> {
    pub env: &'a Env,
    pub theme: Theme,
    /// `--no-pager`.
    pub no_pager: bool,
    /// `--config FILE`, which every command reads instead of the standard file.
    pub config_path: Option<&'a Path>,
    stdout: RefCell<&'a mut (dyn Write + 'w)>,
    stderr: RefCell<&'a mut (dyn Write + 'w)>,
    config: OnceCell<Config>,
    now: OnceCell<DateTime<Local>>,
}

impl<'a, 'w> Context<'a, 'w> {
    pub fn new(
        env: &'a Env,
        theme: Theme,
        no_pager: bool,
        config_path: Option<&'a Path>,
        stdout: &'a mut (dyn Write + 'w),
        stderr: &'a mut (dyn Write + 'w),
    ) -> Self {
        Context {
            env,
            theme,
            no_pager,
            config_path,
            stdout: RefCell::new(stdout),
            stderr: RefCell::new(stderr),
            config: OnceCell::new(),
            now: OnceCell::new(),
        }
    }

    /// The config file (`--config`, else the standard one, else the defaults), read the first
    /// time it is asked for. A broken file is an error, never silently passed over.
    pub fn config(&self) -> Result<&Config, UsageError> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let config = Config::discover(self.config_path).map_err(UsageError::from)?;
        Ok(self.config.get_or_init(|| config))
    }

    /// The local time, read once: every part of a command sees the same moment.
    pub fn now(&self) -> DateTime<Local> {
        *self.now.get_or_init(Local::now)
    }

    /// Standard output, for a command that writes as it goes (a guided session, the reminder
    /// loop); everything else goes through `report`, `print` or `stream`.
    pub fn stdout(&self) -> RefMut<'_, &'a mut (dyn Write + 'w)> {
        self.stdout.borrow_mut()
    }

    pub fn stderr(&self) -> RefMut<'_, &'a mut (dyn Write + 'w)> {
        self.stderr.borrow_mut()
    }

    /// Bytes a program reads (JSON, completions, schedules): never paged.
    pub fn print(&self, bytes: &[u8]) -> anyhow::Result<()> {
        print(&mut **self.stdout(), bytes)
    }

    /// A report, as JSON or as the table a person reads (paged when it is taller than the terminal).
    pub fn report(&self, report: &impl crate::render::Render, json: bool) -> anyhow::Result<()> {
        let bytes = crate::render::render(report, json, &self.theme);
        if json || self.page(&bytes)? {
            return if json { self.print(&bytes) } else { Ok(()) };
        }
        self.print(&bytes)
    }

    /// Output a person reads that comes a line at a time (`history`): `write` gets a writer
    /// that goes to the terminal, or to the pager once more than a screen has come, as the rest.
    pub fn stream(&self, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> std::io::Result<()> {
        let env = self.env;
        let pager = match (env.rows, env.pager.as_deref()) {
            (Some(rows), Some(pager)) if self.pages() => Some((rows, pager)),
            _ => None,
        };
        let mut stdout = self.stdout();
        match pager {
            Some((rows, pager)) => {
                let mut paged = crate::term::pager::Paged::new(&mut **stdout, pager, rows, env.columns.unwrap_or(80));
                let written = write(&mut paged);
                match (written, paged.finish()) {
                    // SIGTERM or SIGHUP ended the pager: that, not the broken pipe it left.
                    (_, Err(err)) if err.kind() == std::io::ErrorKind::Interrupted => Err(err),
                    (Err(err), _) => Err(err),
                    (Ok(()), finished) => finished,
                }
            }
            None => write(&mut **stdout),
        }
    }

    /// Whether long output here goes through the pager: on a terminal with a pager, and not
    /// turned off by `--no-pager` or `pager = false`. The config is read only now, when paging
    /// would happen; a broken file is said on stderr and the output paged as usual, since
    /// nothing else here depends on it (commands that do depend on it refuse it).
    fn pages(&self) -> bool {
        if self.no_pager || !self.env.stdout_is_terminal || self.env.pager.is_none() {
            return false;
        }
        match self.config() {
            Ok(config) => config.pager != Some(false),
            Err(err) => {
                let _ = writeln!(self.stderr(), "backpain: warning: {err}; paging as usual");
                true
            }
        }
    }

    /// Shows `bytes` through the pager when stdout is a terminal they do not fit; `false` when
    /// the caller should print them itself (it fits, no pager wanted, or none could start).
    fn page(&self, bytes: &[u8]) -> anyhow::Result<bool> {
        let env = self.env;
        let (Some(rows), Some(pager)) = (env.rows, env.pager.as_deref()) else { return Ok(false) };
        if !env.stdout_is_terminal || !crate::term::pager::taller_than(bytes, rows, env.columns.unwrap_or(80)) {
            return Ok(false);
        }
        if !self.pages() {
            return Ok(false);
        }
        match crate::term::pager::page(bytes, pager) {
            // SIGTERM or SIGHUP while paging: the pager is ended, and so is backpain, with 130.
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => Err(crate::error::Interrupted(None).into()),
            paged => paged.context("cannot write to the pager"),
        }
    }
}

/// Writes a command's output and flushes it; a closed pipe surfaces as `BrokenPipe`.
pub fn print(stdout: &mut dyn Write, bytes: &[u8]) -> anyhow::Result<()> {
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to stdout")
}

/// The location from `--location`, or from the words typed after the subcommand
/// (`backpain route low back pain`), read with the same parser; `command` names the help to see.
pub fn location(
    flag: Option<&'static Location>,
    place: &[String],
    command: &str,
) -> Result<Option<&'static Location>, UsageError> {
    if flag.is_some() || place.is_empty() {
        return Ok(flag);
    }
    let text = place.join(" ");
    crate::profile::location(&text).map(Some).map_err(|err| {
        // The words are echoed back: a control character must not break the one-line error.
        let shown = crate::term::text::printable(&text);
        UsageError::Invalid(format!("{}; see 'backpain {command} --help'", err.replace(&text, &shown)))
    })
}

/// The person's profile: `--condition`/`--region` together with the config file's `[profile]`.
pub fn profile(args: &ProfileArgs, config: &Config) -> Profile {
    let flags = Profile { conditions: args.conditions.clone(), region: args.region };
    Profile::merge(&flags, &config.profile.profile())
}

/// The history a command reads or writes: `--data-dir`, else the config file's
/// `[history] data-dir`, else the platform's data directory.
pub fn store(args: &crate::cli::DataArgs, config: &Config) -> Result<crate::history::Store, crate::error::UsageError> {
    let dir = args
        .data_dir
        .clone()
        .or_else(|| config.history.data_dir.clone())
        .or_else(crate::history::Store::default_data_dir);
    dir.map(|dir| crate::history::Store::in_data_dir(&dir)).ok_or_else(|| {
        crate::error::UsageError::Invalid(
            "there is no home directory to keep the history in; pass --data-dir DIR or set data-dir in [history]"
                .into(),
        )
    })
}

/// Where a session or reminder loop records itself, and whether it does: `[history] record =
/// false` turns it off. A history that cannot be found is a warning; the session still runs.
pub fn journal(
    data: &crate::cli::DataArgs,
    config: &Config,
    stderr: &mut dyn std::io::Write,
) -> (Box<dyn crate::history::Journal>, bool) {
    if config.history.record == Some(false) {
        return (Box::new(crate::history::Nowhere), false);
    }
    match store(data, config) {
        Ok(store) => (Box::new(store), true),
        Err(err) => {
            let _ = writeln!(stderr, "backpain: warning: not recorded in the history: {err}");
            (Box::new(crate::history::Nowhere), false)
        }
    }
}
