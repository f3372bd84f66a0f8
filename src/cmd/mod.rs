//! One file per subcommand. Each builds a typed report from the dataset and never prints;
//! `crate::run` hands the report to a renderer.

pub mod drills;
pub mod faq;
pub mod myths;
pub mod route;
pub mod routine;
pub mod sources;

use crate::cli::ProfileArgs;
use crate::config::Config;
use crate::profile::Profile;

/// The person's profile: `--condition`/`--region` together with the config file's `[profile]`.
pub fn profile(args: &ProfileArgs, config: &Config) -> Profile {
    let flags = Profile { conditions: args.conditions.clone(), region: args.region };
    Profile::merge(&flags, &config.profile.profile())
}
