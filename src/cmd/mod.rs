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
use crate::dataset::Location;
use crate::error::UsageError;
use crate::profile::Profile;

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
        let shown: String =
            text.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() }).collect();
        UsageError::Invalid(format!("{}; see 'backpain {command} --help'", err.replace(&text, &shown)))
    })
}

/// The person's profile: `--condition`/`--region` together with the config file's `[profile]`.
pub fn profile(args: &ProfileArgs, config: &Config) -> Profile {
    let flags = Profile { conditions: args.conditions.clone(), region: args.region };
    Profile::merge(&flags, &config.profile.profile())
}
