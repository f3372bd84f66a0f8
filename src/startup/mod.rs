//! What every run pays for, fenced (issue 19): the code between the process starting and the
//! subcommand running, and the JSON writer every `--json` query goes through. `bench/run`
//! holds each query to an instruction ceiling (`bench/run --check`), and the margins are a few
//! thousand instructions: a change here is measured there, not guessed.
//!
//! - `parse_command` builds clap's command with only the global options a command line can use
//!   (each one costs ~3.5k instructions to clone), and `Typed` carries the ones typed after the
//!   subcommand up to `Cli` (a test fails when a new `global = true` option is not carried);
//! - `help` writes the top level's command list and wraps help text without clap's renderer;
//! - `json` is the pretty JSON writer, sized up front.

pub mod help;
pub mod json;

use std::ffi::OsString;

use crate::term::style::ColorWhen;

/// The global options (`--color`, `--no-pager`), as clap's `global = true` would place them, in
/// the subcommand typed only. clap clones global options into all thirteen subcommands at every
/// start and copies their values between levels (~65k instructions a query); here the top
/// level keeps its own copy and the one subcommand that parses gets the global clones, which
/// clap still carries down to its own subcommands (`log pain`) and back up to `Cli`.
/// Completions and man pages use `Cli::command()` as it is. `command` is `Cli::command()`;
/// `nested` names the subcommands that have subcommands of their own (`cli::NESTED`).
/// Also says whether no subcommand was named (the top level's help or an error follows).
/// Only the global options a command line can use are put in its subcommand: those typed (by a
/// word that starts with their name), or all of them for a help text, which lists them. Each
/// one costs ~3.5k instructions to clone and build, and most command lines type none.
pub(crate) fn parse_command(
    mut command: clap::Command,
    nested: &[&str],
    args: &[OsString],
    which: Globals,
) -> (clap::Command, bool) {
    let globals: Vec<clap::Arg> = command.get_arguments().filter(|arg| arg.is_global_set()).cloned().collect();
    for global in &globals {
        command = command.mut_arg(global.get_id(), |arg| arg.global(false));
    }
    // The first word that is not an option (nor the value of one) names the subcommand;
    // `help NAME` shows NAME's help, which lists the global options too.
    let takes_value: Vec<String> = globals
        .iter()
        .filter(|arg| arg.get_action().takes_values())
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    let mut words = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    let mut name = None;
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if takes_value.iter().any(|option| *option == word) {
            words.next();
            continue;
        }
        if word.starts_with('-') {
            continue;
        }
        if word == "help" && name.is_none() {
            name = Some(word);
            continue;
        }
        name = Some(word);
        break;
    }
    let Some(name) = name.and_then(|name| command.find_subcommand(name.as_ref()).map(|sub| sub.get_name().to_string()))
    else {
        return (command, true);
    };
    let command = command.mut_subcommand(name, |sub| {
        // Plain options unless the subcommand has its own subcommands (`log pain`) for clap to
        // carry them down to: `Typed` reads what was typed, without clap copying values between
        // levels. As clap's propagation does, the clones keep their display order and the
        // subcommand's own options still count theirs from 0 (the help sorts by it, then by
        // name). (Deferred, a subcommand shows its own subcommands only once built.)
        let carry = nested.contains(&sub.get_name());
        let help = args.iter().skip(1).any(|arg| matches!(arg.to_str(), Some("-h" | "--help" | "help")));
        let typed = |arg: &clap::Arg| {
            let long = arg.get_long().map(|long| format!("--{long}")).unwrap_or_default();
            args.iter().skip(1).any(|word| {
                // clap reads `--color=never` and an unambiguous prefix is not taken: the name itself.
                word.to_str().is_some_and(|word| {
                    word == long || word.strip_prefix(long.as_str()).is_some_and(|rest| rest.starts_with('='))
                })
            })
        };
        globals
            .into_iter()
            .filter(|arg| which == Globals::All || help || typed(arg))
            .fold(sub, |sub, arg| sub.arg(arg.global(carry)))
            .next_display_order(0)
    });
    (command, false)
}

/// Which global options `parse_command` puts in the subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Globals {
    /// Those the command line types (all, for a help text).
    Typed,
    /// All of them: for the error message of a command line that did not parse.
    All,
}

/// The global options `Typed` carries from the subcommand to `Cli`, in `Cli`'s order: a new
/// `global = true` option must be read there too (a test holds this list to `Cli`).
#[cfg(test)]
const GLOBALS: [&str; 3] = ["color", "no_pager", "config"];

/// The global options typed after the subcommand (`myths --color never`), which win over the top
/// level's as they do with clap's own propagation; `parse_command` leaves them in the
/// subcommand's matches. Read before `Cli` takes the subcommand's matches apart.
pub(crate) struct Typed {
    pub(crate) color: Option<ColorWhen>,
    pub(crate) no_pager: bool,
    pub(crate) config: Option<std::path::PathBuf>,
}

impl Typed {
    pub(crate) fn of(matches: &clap::ArgMatches) -> Typed {
        let Some((_, sub)) = matches.subcommand() else { return Typed { color: None, no_pager: false, config: None } };
        let typed = |id: &str| {
            matches!(sub.try_get_raw(id), Ok(Some(_)))
                && sub.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
        };
        Typed {
            color: if typed("color") { sub.try_get_one::<ColorWhen>("color").ok().flatten().copied() } else { None },
            no_pager: typed("no_pager") && sub.get_flag("no_pager"),
            config: if typed("config") {
                sub.try_get_one::<std::path::PathBuf>("config").ok().flatten().cloned()
            } else {
                None
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    /// A `global = true` option that `Typed` does not carry would be parsed after the
    /// subcommand and then silently dropped (issue 19): every one is in `GLOBALS`.
    #[test]
    fn every_global_option_is_carried_by_typed() {
        use clap::CommandFactory;
        let command = Cli::command();
        let globals: Vec<String> =
            command.get_arguments().filter(|arg| arg.is_global_set()).map(|arg| arg.get_id().to_string()).collect();
        assert_eq!(globals, GLOBALS, "add the new global option to Typed and GLOBALS");
        for (args, check) in [
            (&["backpain", "myths", "--color", "always"][..], "color"),
            (&["backpain", "myths", "--no-pager"], "no_pager"),
            (&["backpain", "myths", "--config", "x.toml"], "config"),
        ] {
            let words = args.iter().map(OsString::from).collect::<Vec<_>>();
            let (command, _) = parse_command(Cli::command(), crate::cli::NESTED, &words, Globals::Typed);
            let matches = command.clone().try_get_matches_from(args.iter()).unwrap();
            let typed = Typed::of(&matches);
            let carried = match check {
                "color" => typed.color == Some(ColorWhen::Always),
                "no_pager" => typed.no_pager,
                _ => typed.config.as_deref() == Some(std::path::Path::new("x.toml")),
            };
            assert!(carried, "{args:?}: {check} typed after the subcommand is carried");
        }
    }
}
