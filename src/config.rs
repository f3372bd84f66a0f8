//! The optional config file: TOML at the platform's config directory
//! (`$XDG_CONFIG_HOME/backpain/config.toml` on Linux), or the file `--config` names.
//!
//! ```toml
//! [remind]
//! every = "90m"
//! location = "neck"
//! between = "09:00-17:30"
//! days = "mon-fri"
//! snooze = "5m"
//!
//! [routine]
//! wake_time = "07:00"
//!
//! [history]
//! data-dir = "~/Sync/backpain"
//! ```
//!
//! Every value is checked as the command line checks it, and a bad one is an error naming the
//! file, line and column. The file is only ever read.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveTime};
use serde::{Deserialize, Deserializer};

use crate::dataset::{Condition, Location, Region};
use crate::profile::{self, Profile};
use crate::remind::parse;
use crate::remind::schedule::{Days, Window};
use crate::remind::{Busy, NaturalBreak};

/// The whole file; every table and key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `pager = false`: long output is printed straight to the terminal (`--no-pager`).
    #[serde(default)]
    pub pager: Option<bool>,
    #[serde(default)]
    pub remind: RemindConfig,
    #[serde(default)]
    pub routine: RoutineConfig,
    #[serde(default)]
    pub profile: ProfileConfig,
    #[serde(default)]
    pub history: HistoryConfig,
}

/// `[history]`: where the history is kept, and whether sessions and reminders record in it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HistoryConfig {
    /// The data directory (`--data-dir` wins): absolute, or starting with `~/`.
    #[serde(default, deserialize_with = "some_data_dir", alias = "data_dir")]
    pub data_dir: Option<PathBuf>,
    /// `false`: sessions and reminders record nothing (`backpain log` still does).
    pub record: Option<bool>,
}

/// `[profile]`: what applies to the person, for every command that shows a routine.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileConfig {
    /// Conditions whose precautions apply (`--condition` adds to them).
    #[serde(default, deserialize_with = "conditions")]
    pub conditions: Vec<&'static Condition>,
    /// The region whose emergency numbers the red flags name (`--region` wins).
    #[serde(default, deserialize_with = "some_region")]
    pub region: Option<&'static Region>,
}

impl ProfileConfig {
    pub fn profile(&self) -> Profile {
        Profile { conditions: self.conditions.clone(), region: self.region }
    }
}

/// `[remind]`: a default for every `backpain remind` flag; flags override them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RemindConfig {
    #[serde(default, deserialize_with = "some_duration")]
    pub every: Option<Duration>,
    #[serde(default, deserialize_with = "some_location")]
    pub location: Option<&'static Location>,
    #[serde(default, deserialize_with = "some_trigger")]
    pub trigger: Option<String>,
    #[serde(default, deserialize_with = "some_action")]
    pub action: Option<String>,
    #[serde(default, deserialize_with = "some_count")]
    pub count: Option<u64>,
    #[serde(default, deserialize_with = "some_window")]
    pub between: Option<Window>,
    #[serde(default, deserialize_with = "some_days")]
    pub days: Option<Days>,
    /// How long the notification's Snooze button puts a reminder off [default: 10m].
    #[serde(default, deserialize_with = "some_duration")]
    pub snooze: Option<Duration>,
    #[serde(alias = "dry_run")]
    pub dry_run: Option<bool>,
    pub json: Option<bool>,
    /// Time away that counts as a break: a duration or "off" [default: 5m].
    #[serde(default, alias = "natural_break", deserialize_with = "some_natural_break")]
    pub natural_break: Option<NaturalBreak>,
    /// "hold" or "notify" when a reminder falls due while the screen is locked or nobody is at
    /// the keyboard [default: hold].
    #[serde(default, alias = "when_away", deserialize_with = "some_busy")]
    pub when_away: Option<Busy>,
    /// "hold" or "notify" when a reminder falls due while a window is fullscreen [default: hold].
    #[serde(default, alias = "when_fullscreen", deserialize_with = "some_busy")]
    pub when_fullscreen: Option<Busy>,
    /// "hold" or "notify" when a reminder falls due in do-not-disturb [default: hold].
    #[serde(default, alias = "when_dnd", deserialize_with = "some_busy")]
    pub when_dnd: Option<Busy>,
    /// The command a click on a notification runs, with the guided routine's arguments after it
    /// [default: $TERMINAL -e, else x-terminal-emulator -e].
    #[serde(default, alias = "open_command", deserialize_with = "some_open_command")]
    pub open_command: Option<String>,
}

/// `[routine]`: settings for the routines and guided sessions.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RoutineConfig {
    /// When the user usually wakes ("HH:MM"); morning mode applies for ~2 hours after it.
    #[serde(default, deserialize_with = "some_time", alias = "wake_time")]
    pub wake_time: Option<NaiveTime>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {problem}", path.display())]
    Read { path: PathBuf, problem: String },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid { path: PathBuf, line: usize, column: usize, message: String },
}

impl Config {
    /// The standard path: `$XDG_CONFIG_HOME/backpain/config.toml` on Linux, the platform's
    /// equivalent elsewhere; `None` when there is no home directory.
    pub fn default_path() -> Option<PathBuf> {
        // As `directories` computes it on Linux, without computing the seven other directories
        // (~8k instructions of every query that reads the config).
        #[cfg(all(unix, not(target_os = "macos")))]
        let dir = std::env::var_os("XDG_CONFIG_HOME")
            .and_then(dirs_sys::is_absolute_path)
            .or_else(|| dirs_sys::home_dir().map(|home| home.join(".config")))
            .map(|config| config.join("backpain"));
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        let dir = directories::ProjectDirs::from("", "", "backpain").map(|dirs| dirs.config_dir().to_path_buf());
        dir.map(|dir| dir.join("config.toml"))
    }

    /// Reads and checks the file at `path`; a missing file is an error.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read_text(path)?;
        Config::parse(path, &text)
    }

    /// `--config FILE` when given (it must exist), else the standard file if there is one.
    /// Only a standard path with nothing at all there is skipped: a dangling symlink, a
    /// directory or an unreadable file there is an error, never silently passed over.
    pub fn discover(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Config::load(path),
            None => match Config::default_path() {
                Some(path) => match std::fs::symlink_metadata(&path) {
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
                    _ => Config::load(&path),
                },
                None => Ok(Config::default()),
            },
        }
    }

    /// Parses `text` as the file `path`; errors carry the line and column of the bad value.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|err| {
            let offset = err.span().map(|span| span.start).unwrap_or(0).min(text.len());
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map(|line| line.chars().count()).unwrap_or(0) + 1;
            let message = err.message().lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
            let message = explain(&message, text, offset);
            ConfigError::Invalid { path: path.to_path_buf(), line, column, message }
        })
    }
}

/// serde's words for a config mistake, said as a person would want them: an unknown key gets
/// its table, the likely key it was meant to be and the keys there are (each once, in the file's
/// spelling, not serde's list of 21 with both spellings); a value of the wrong type gets how to
/// write it.
fn explain(message: &str, text: &str, offset: usize) -> String {
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let line = text[line_start..].lines().next().unwrap_or_default();
    let table = text[..line_start]
        .lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix('[').and_then(|rest| rest.split(']').next()))
        .map(str::trim);
    let quoted = |text: &str| -> Vec<String> { text.split('`').skip(1).step_by(2).map(String::from).collect() };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (wrong, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        let wrong = wrong.trim_matches('`');
        let mut known = quoted(expected);
        // The kebab-case spelling stands for its snake_case alias.
        let kebab: Vec<String> = known.iter().map(|key| key.replace('_', "-")).collect();
        known.retain(|key| !key.contains('_') || !kebab.contains(&key.replace('_', "-")));
        let nearest = crate::term::text::nearest(wrong, known.iter().map(String::as_str));
        let header = line.trim_start().starts_with('[');
        return match (table, header) {
            // `[remnd]`: a table at the top level.
            (_, true) | (None, false) => {
                let what = if header { format!("table [{wrong}]") } else { format!("key `{wrong}` at the top") };
                let meant = nearest.map(|name| format!("; did you mean [{name}]?")).unwrap_or_default();
                let tables: Vec<&String> = known.iter().filter(|name| *name != "pager").collect();
                let tables = tables.iter().map(|name| format!("[{name}]")).collect::<Vec<_>>().join(", ");
                let keys_go = if header { String::new() } else { ", and keys go in a table".to_string() };
                format!("unknown {what}{meant} (the tables are {tables}, beside `pager`{keys_go})")
            }
            (Some(table), false) => {
                let meant = nearest.map(|name| format!("; did you mean `{name}`?")).unwrap_or_default();
                format!("unknown key `{wrong}` in [{table}]{meant} (the keys there: {})", known.join(", "))
            }
        };
    }
    // A bare word where TOML wants a value (`pager = nope`, `every = 2h`): the parser's words
    // ("invalid float, expected `nan`") are about TOML's grammar, not the key. Say how to write
    // this key's value instead.
    let (key, value) = line.split_once('=').map(|(key, value)| (key.trim(), value.trim())).unwrap_or_default();
    // (`count` takes a number: its own message says how.)
    let bare = !message.starts_with("invalid type")
        && !value.is_empty()
        && !value.starts_with(['"', '\'', '[', '{'])
        && key != "count";
    if bare && !key.is_empty() && offset >= line_start + line.find('=').unwrap_or(0) {
        let value = value.split('#').next().unwrap_or(value).trim();
        return if BOOLEAN_KEYS.contains(&key.replace('_', "-").as_str()) {
            format!("`{key}` is true or false, not {value}: write {key} = true or {key} = false")
        } else {
            format!("`{key}`: a text value goes in double quotes: {key} = \"{value}\"")
        };
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let key = line.split('=').next().unwrap_or_default().trim();
        let value = line.split_once('=').map(|(_, value)| value.trim()).unwrap_or_default();
        let how = if rest.ends_with("expected a string") {
            format!("; put it in double quotes: {key} = \"{}\"", value.trim_matches(['\'', '"']))
        } else if rest.ends_with("expected a boolean") {
            format!("; write {key} = true or {key} = false, without quotes")
        } else if rest.rsplit("expected ").next().is_some_and(|kind| {
            kind == "an integer" || (kind.len() > 1 && kind.starts_with(['i', 'u']) && kind[1..].parse::<u8>().is_ok())
        }) {
            format!("; write a whole number without quotes: {key} = 3")
        } else {
            String::new()
        };
        return format!("`{key}`: {rest}{how}");
    }
    message.to_string()
}

/// The keys whose value is `true` or `false`, in the file's spelling.
const BOOLEAN_KEYS: [&str; 4] = ["pager", "record", "dry-run", "json"];

/// The most a config file may hold. A real one is a few hundred bytes; the limit keeps a
/// mistaken `--config` (a log, a disk image) from being read into memory whole.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The file's text, or why it cannot be a config file. Never blocks (a FIFO is opened
/// non-blocking and refused) and never reads more than `MAX_BYTES` (`/dev/zero` is a device,
/// refused before reading; a file that grows while read is cut off at the limit).
fn read_text(path: &Path) -> Result<String, ConfigError> {
    use std::io::{ErrorKind, Read};

    let fail = |problem: String| ConfigError::Read { path: path.to_path_buf(), problem };
    let file = crate::platform::fsutil::open_without_blocking(path).map_err(|err| {
        fail(match err.kind() {
            ErrorKind::NotFound if std::fs::symlink_metadata(path).is_ok() => {
                "it is a symbolic link to a file that does not exist; fix or remove the link".into()
            }
            ErrorKind::NotFound => "no such file; check the path".into(),
            ErrorKind::PermissionDenied => "permission denied; make it readable (chmod u+r)".into(),
            _ if crate::platform::fsutil::is_symlink_loop(&err) => {
                "it is a loop of symbolic links; point the link at a real file".into()
            }
            _ => format!("{err}"),
        })
    })?;
    let metadata = file.metadata().map_err(|err| fail(err.to_string()))?;
    let kind = metadata.file_type();
    let not_a_file = if kind.is_dir() {
        Some("a directory")
    } else if let Some(special) = crate::platform::fsutil::special_file(&kind) {
        Some(special)
    } else if !kind.is_file() {
        Some("not a regular file")
    } else {
        None
    };
    if let Some(what) = not_a_file {
        return Err(fail(format!("it is {what}, not a file; point it at a TOML file")));
    }
    let too_big = || fail(format!("it is larger than {} KiB; a config file is a few lines of TOML", MAX_BYTES / 1024));
    if metadata.len() > MAX_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|err| fail(err.to_string()))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map(|line| line.chars().count()).unwrap_or(0) + 1;
        let byte = bytes.get(valid).copied().unwrap_or(0);
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: format!("not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8"),
        }
    })
}

fn with<'de, D, T>(deserializer: D, parse: fn(&str) -> Result<T, String>) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    parse(&text).map(Some).map_err(serde::de::Error::custom)
}

fn some_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    with(d, crate::time::within_a_week)
}

fn some_natural_break<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaturalBreak>, D::Error> {
    with(d, parse::natural_break)
}

fn some_busy<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Busy>, D::Error> {
    with(d, parse::busy)
}

fn some_open_command<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    with(d, |text| {
        if text.trim().is_empty() {
            Err("open-command is empty; give a command such as \"xterm -e\"".to_string())
        } else if let Some(bad) = parse::control_character(text) {
            Err(format!("open-command holds a control character ({bad})"))
        } else if crate::remind::open::words(text).is_none() {
            Err("open-command has an unclosed quote; quote words as a shell would: \"kitty --title 'Back break'\""
                .to_string())
        } else {
            Ok(text.trim().to_string())
        }
    })
}

fn some_trigger<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    with(d, parse::trigger)
}

fn some_action<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    with(d, parse::action)
}

fn some_window<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Window>, D::Error> {
    with(d, parse::window)
}

fn some_days<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Days>, D::Error> {
    with(d, parse::days)
}

fn some_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    with(d, crate::time::time_of_day)
}

fn some_location<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static Location>, D::Error> {
    with(d, crate::dataset::find::location)
}

fn conditions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static Condition>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    names.iter().map(|name| profile::condition(name).map_err(serde::de::Error::custom)).collect()
}

fn some_region<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static Region>, D::Error> {
    with(d, profile::region)
}

fn some_data_dir<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    with(d, |text| {
        let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
        let path = match text.strip_prefix("~/") {
            Some(rest) => home().map(|home| home.join(rest)).ok_or("`~/` needs a home directory, and there is none")?,
            None => PathBuf::from(text),
        };
        if !path.is_absolute() {
            return Err(format!("data-dir `{text}` must be an absolute path or start with `~/`"));
        }
        Ok(path)
    })
}

fn some_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let count = i64::deserialize(d)?;
    if count < 1 {
        return Err(serde::de::Error::custom(format!("count must be 1 or more, not {count}")));
    }
    Ok(Some(count as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/home/me/.config/backpain/config.toml"), text)
    }

    #[test]
    fn every_key_is_read() {
        let config = parse(
            "[remind]\nevery = \"90m\"\nlocation = \"neck\"\ntrigger = \"I stand up\"\naction = \"3 chin tucks\"\n\
             count = 4\nsnooze = \"5m\"\nbetween = \"09:00-17:30\"\ndays = \"mon-fri\"\ndry-run = true\njson = false\n\n\
             [routine]\nwake_time = \"06:45\"\n",
        )
        .unwrap();
        assert_eq!(config.remind.every, Some(Duration::minutes(90)));
        assert_eq!(config.remind.location.map(|location| location.id), Some("neck"));
        assert_eq!(config.remind.count, Some(4));
        assert_eq!(config.remind.snooze, Some(Duration::minutes(5)));
        assert_eq!(config.remind.days.map(|days| days.to_string()).as_deref(), Some("mon-fri"));
        assert_eq!(config.remind.dry_run, Some(true));
        assert_eq!(config.routine.wake_time, NaiveTime::from_hms_opt(6, 45, 0));
    }

    #[test]
    fn the_presence_keys_are_read_in_either_spelling_and_checked() {
        let config = parse(
            "[remind]\nnatural-break = \"off\"\nwhen_away = \"notify\"\nwhen-fullscreen = \"Hold\"\n\
             when-dnd = \"notify\"\nopen-command = \" kitty --hold \"\n",
        )
        .unwrap();
        assert_eq!(config.remind.natural_break, Some(NaturalBreak(None)));
        assert_eq!(config.remind.when_away, Some(Busy::Notify));
        assert_eq!(config.remind.when_fullscreen, Some(Busy::Hold));
        assert_eq!(config.remind.when_dnd, Some(Busy::Notify));
        assert_eq!(config.remind.open_command.as_deref(), Some("kitty --hold"));
        let config = parse("[remind]\nnatural_break = \"10m\"\n").unwrap();
        assert_eq!(config.remind.natural_break, Some(NaturalBreak(Some(Duration::minutes(10)))));
        let err = parse("[remind]\nwhen-dnd = \"later\"\n").unwrap_err().to_string();
        assert!(err.contains("`later` is not hold or notify"), "{err}");
        let err = parse("[remind]\nnatural-break = \"5\"\n").unwrap_err().to_string();
        assert!(err.contains("did you mean `5m`?") && err.contains("or off"), "{err}");
        let err = parse("[remind]\nopen-command = \"  \"\n").unwrap_err().to_string();
        assert!(err.contains("open-command is empty"), "{err}");
        let err = parse("[remind]\nopen-command = \"kitty --title 'Back\"\n").unwrap_err().to_string();
        assert!(err.contains("open-command has an unclosed quote"), "{err}");
    }

    #[test]
    fn the_profile_names_conditions_and_a_region() {
        let config = parse("[profile]\nconditions = [\"pregnancy\", \"osteoporosis\"]\nregion = \"nz\"\n").unwrap();
        let ids: Vec<_> = config.profile.conditions.iter().map(|condition| condition.id).collect();
        assert_eq!(ids, ["pregnancy", "osteoporosis"]);
        assert_eq!(config.profile.region.map(|region| region.id), Some("nz"));
        let err = parse("[profile]\nconditions = [\"pregnancy\", \"osteoporsis\"]\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:2:") && err.contains("did you mean `osteoporosis`?"), "{err}");
        let err = parse("[profile]\nregion = \"mars\"\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:2:10: unknown region `mars`"), "{err}");
    }

    #[test]
    fn the_history_table_names_a_data_dir() {
        let config = parse("[history]\ndata-dir = \"/srv/me/backpain\"\nrecord = false\n").unwrap();
        assert_eq!(config.history.data_dir.as_deref(), Some(Path::new("/srv/me/backpain")));
        assert_eq!(config.history.record, Some(false));
        let err = parse("[history]\ndata_dir = \"backpain\"\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:2:12: data-dir `backpain` must be an absolute path"), "{err}");
    }

    #[test]
    fn an_empty_file_is_all_defaults() {
        let config = parse("").unwrap();
        assert!(config.remind.every.is_none() && config.routine.wake_time.is_none());
    }

    #[test]
    fn a_bad_value_names_the_file_line_and_problem() {
        let err = parse("[remind]\nlocation = \"neck\"\nevery = \"90x\"\n").unwrap_err().to_string();
        assert_eq!(
            err,
            "/home/me/.config/backpain/config.toml:3:9: unknown unit `x` in `90x`; units are s, m, h, d, w: 90m, 2h, 1h30m"
        );
        let err = parse("[routine]\nwake_time = \"7\"\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:2:") && err.contains("did you mean `07:00`"), "{err}");
    }

    #[test]
    fn unknown_keys_and_broken_toml_are_errors() {
        let err = parse("[remind]\nevry = \"2h\"\n").unwrap_err().to_string();
        assert!(
            err.contains(":2:1: unknown key `evry` in [remind]; did you mean `every`? (the keys there: every,"),
            "{err}"
        );
        assert!(err.contains("when-dnd, open-command)") && !err.contains("when_dnd"), "each key once: {err}");
        assert!(!err.contains('\n'));
        let err = parse("[remnd]\nevery = \"2h\"\n").unwrap_err().to_string();
        assert!(err.contains(":1:2: unknown table [remnd]; did you mean [remind]? (the tables are [remind]"), "{err}");
        let err = parse("every = \"2h\"\n").unwrap_err().to_string();
        assert!(err.contains(":1:1: unknown key `every` at the top (the tables are "), "{err}");
        assert!(err.ends_with("and keys go in a table)"), "{err}");
        let err = parse("[remind]\nevery = 90\n").unwrap_err().to_string();
        assert!(
            err.ends_with(":2:9: `every`: integer `90`, expected a string; put it in double quotes: every = \"90\""),
            "{err}"
        );
        // A bare word where a value belongs: how to write this key's value, not TOML's grammar
        // ("invalid float, expected `nan`", issue 19).
        let err = parse("pager = nope\n").unwrap_err().to_string();
        assert!(
            err.ends_with(":1:9: `pager` is true or false, not nope: write pager = true or pager = false"),
            "{err}"
        );
        let err = parse("[remind]\nevery = 2h # often\n").unwrap_err().to_string();
        assert!(err.ends_with(":2:9: `every`: a text value goes in double quotes: every = \"2h\""), "{err}");
        let err = parse("[remind]\ncount = \"3\"\n").unwrap_err().to_string();
        assert!(err.ends_with("; write a whole number without quotes: count = 3"), "{err}");
        let err = parse("[history]\nrecord = \"no\"\n").unwrap_err().to_string();
        assert!(err.ends_with("; write record = true or record = false, without quotes"), "{err}");
        let err = parse("[remind]\nsnooze = \"0s\"\n").unwrap_err().to_string();
        assert!(err.contains("`0s` is no time at all; it must be at least 1s"), "{err}");
        let err = parse("[remind\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:1:"), "{err}");
        assert!(parse("[remind]\ncount = 0\n").unwrap_err().to_string().contains("1 or more"));
        let err = parse("[remind]\ntrigger = \"I stand up\"\naction = \"  \"\n").unwrap_err().to_string();
        assert!(err.contains("config.toml:3:10: the action is empty;"), "{err}");
    }
}
