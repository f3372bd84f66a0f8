//! One file per subcommand. Each builds a typed report from the dataset and never prints;
//! `crate::run` hands the report to a renderer.

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
