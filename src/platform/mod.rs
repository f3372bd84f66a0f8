//! The process and the operating system: child processes, files written safely, the session
//! clock and the exit codes. What differs between Linux, macOS and Windows is kept here (and in
//! `remind/clock/`, `tui/keys/`), not spread through the domain.

pub mod browser;
pub mod child;
pub mod clock;
pub mod exit;
pub mod fsutil;
