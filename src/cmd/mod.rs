//! One file per subcommand. Each builds a typed report from the dataset and never prints;
//! `crate::run` hands the report to a renderer.

pub mod drills;
pub mod faq;
pub mod myths;
pub mod remind;
pub mod route;
pub mod routine;
pub mod sources;

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
