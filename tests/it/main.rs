//! The integration tests, one binary (issue 19): a module per area, the helpers in `common`.
//! One link instead of eighteen; `cargo test --test it AREA::` runs one area
//! (`cargo test --test it sync::`), `cargo test --test it NAME` one test.
//!
//! The one other binary, `tests/desk/`, holds the tests that change what every program shares:
//! the presence tests set this process's environment (DISPLAY, WAYLAND_DISPLAY,
//! XDG_RUNTIME_DIR) for the presence code they call in process, and a clock test sets the wall
//! clock thousands of times, which wakes every waiting loop another test is timing.

mod common;

mod body_map;
mod cli;
mod dataset;
mod figures;
mod guided;
mod held;
mod history;
mod hostile;
mod json;
mod measures;
mod msrv;
mod notify;
mod remind;
mod robustness;
mod routine_options;
mod safety;
mod sheet;
mod sync;
mod terminal;
