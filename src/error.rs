//! Domain errors that decide the exit code; everything else is `anyhow` and exits 1.

use std::io;

use crate::platform::exit::Exit;

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
