//! Domain errors that decide the exit code; everything else is `anyhow` and exits 1.

use std::io;

use crate::exit::Exit;

/// An error the user can fix by changing what they typed or wrote.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("{0}")]
    Invalid(String),
    /// The config file (named in the message, with the line and column when it was read).
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
}

/// Ended by a signal: the one line to say (how far it got), or `None` for "interrupted" when
/// the command has already said what it did.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.as_deref().unwrap_or("interrupted"))]
pub struct Interrupted(pub Option<String>);

/// The exit code for an error, looking through its whole chain.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    if is_broken_pipe(err) {
        Exit::Success
    } else if err.chain().any(|cause| cause.is::<UsageError>()) {
        Exit::Usage
    } else if err.chain().any(|cause| cause.is::<Interrupted>()) {
        Exit::Interrupted
    } else {
        Exit::Failure
    }
}

/// A reader that went away (`backpain ... | head -1`) is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe))
}

/// clap's multi-line error as one line: what was wrong and what would be right, and the help of
/// the subcommand it was in (`subcommand`, or the one clap's usage line names).
pub fn one_line(err: &clap::Error, subcommand: Option<String>) -> String {
    let text = err.render().to_string();
    // Point to the help of the subcommand the mistake was in: clap's usage line names it.
    let command = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("Usage: "))
        .map(|usage| {
            let words: Vec<&str> =
                usage.split_whitespace().take_while(|word| !word.starts_with(['[', '<', '-'])).collect();
            words.join(" ")
        })
        .filter(|command| command.contains(' '))
        .or_else(|| subcommand.map(|name| format!("backpain {name}")))
        .unwrap_or_else(|| "backpain".to_string());
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .map(|line| line.strip_prefix("error: ").unwrap_or(line))
        .collect();
    // clap's "tip: a similar argument exists" is a line of its own: here, a clause of its own.
    let joined = parts
        .iter()
        .enumerate()
        .map(|(index, part)| match part.strip_prefix("tip: ") {
            Some(tip) if index > 0 => format!("; {tip}"),
            _ if index > 0 => format!(" {part}"),
            _ => part.to_string(),
        })
        .collect::<String>();
    format!("{joined}; see '{command} --help'")
}
