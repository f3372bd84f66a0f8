//! The terminal and the standard streams: the pager, what stdout and stderr are, the one
//! styling path and the one word-wrapper. Anything that prints uses these; they know nothing of
//! back pain. (The full-screen keys and raw mode are `tui/`.)

pub mod pager;
pub mod stdio;
pub mod style;
pub mod text;
