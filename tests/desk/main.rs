//! The tests that change what other tests' programs share (`cargo test --test desk`), in a
//! binary of their own so that nothing runs beside them: the presence tests set the process
//! environment that the presence code they call in process reads (DISPLAY, WAYLAND_DISPLAY,
//! XDG_RUNTIME_DIR), which programs other tests started would inherit; and one test sets the
//! machine's wall clock again and again, which wakes every waiting loop.

// The shared helpers; not every one is used here.
#[allow(dead_code)]
#[path = "../it/common/mod.rs"]
mod common;

mod clock;
mod presence;
mod wayland;
