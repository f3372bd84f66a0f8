//! The presence tests (`cargo test --test desk`): a binary of their own because they set the
//! process environment that the presence code they call in process reads (DISPLAY,
//! WAYLAND_DISPLAY, XDG_RUNTIME_DIR); in the shared binary (`tests/it`) programs other tests
//! started would inherit it.

// The shared helpers; not every one is used here.
#[allow(dead_code)]
#[path = "../it/common/mod.rs"]
mod common;

mod presence;
mod wayland;
