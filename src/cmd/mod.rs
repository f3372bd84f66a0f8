//! One file per subcommand. Each builds a typed report from the dataset and never prints;
//! `crate::run` hands the report to a renderer.

pub mod doctor;
pub mod drills;
pub mod faq;
pub mod history;
pub mod log;
pub mod myths;
pub mod remind;
pub mod route;
pub mod routine;
pub mod sources;
pub mod stats;

use std::io::Write;

use anyhow::Context as _;

use crate::cli::ProfileArgs;
use crate::config::Config;
use crate::dataset::Location;
use crate::error::UsageError;
use crate::profile::Profile;

/// The standard config file, or none; a broken one is an error, never silently passed over.
pub fn discover_config() -> anyhow::Result<Config> {
    Ok(Config::discover(None).map_err(UsageError::from)?)
}

/// Writes a command's output and flushes it; a closed pipe surfaces as `BrokenPipe`.
pub fn print(stdout: &mut dyn Write, bytes: &[u8]) -> anyhow::Result<()> {
    stdout.write_all(bytes).and_then(|()| stdout.flush()).context("cannot write to stdout")
}

/// Where a command's output goes: standard output, paged on a terminal it does not fit, in the
/// theme the environment and `--color` chose.
pub struct Out<'a, 'w> {
    pub stdout: std::cell::RefCell<&'a mut (dyn Write + 'w)>,
    pub env: &'a crate::Env,
    pub theme: crate::render::Theme,
    /// `--no-pager`.
    pub no_pager: bool,
}

impl Out<'_, '_> {
    /// Bytes a program reads (JSON, completions): never paged.
    pub fn print(&self, bytes: &[u8]) -> anyhow::Result<()> {
        print(&mut **self.stdout.borrow_mut(), bytes)
    }

    /// A report, as JSON or as the table a person reads (paged when it is taller than the terminal).
    pub fn report(&self, report: &impl crate::render::Render, json: bool) -> anyhow::Result<()> {
        let bytes = crate::render::render(report, json, &self.theme);
        if json || self.page(&bytes)? {
            return if json { self.print(&bytes) } else { Ok(()) };
        }
        self.print(&bytes)
    }

    /// Shows `bytes` through the pager when stdout is a terminal they do not fit; `false` when
    /// the caller should print them itself (it fits, no pager wanted, or none could start).
    /// Never when piped, and not with `--no-pager` or `pager = false` in the config file.
    fn page(&self, bytes: &[u8]) -> anyhow::Result<bool> {
        let env = self.env;
        let (Some(rows), Some(pager)) = (env.rows, env.pager.as_deref()) else { return Ok(false) };
        if self.no_pager
            || !env.stdout_is_terminal
            || !crate::pager::taller_than(bytes, rows, env.columns.unwrap_or(80))
        {
            return Ok(false);
        }
        // Read only now, when paging would happen: a short answer costs no file read.
        if discover_config()?.pager == Some(false) {
            return Ok(false);
        }
        match crate::pager::page(bytes, pager) {
            // SIGTERM or SIGHUP while paging: the pager is ended, and so is backpain, with 130.
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => Err(crate::error::Interrupted(None).into()),
            paged => paged.context("cannot write to the pager"),
        }
    }
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
        let shown = crate::text::printable(&text);
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
