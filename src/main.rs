use std::process::ExitCode;

// Sees whether standard output was closed before Rust's runtime puts /dev/null on it (see
// `stdio::look_at_stdout_before_the_runtime`): the loader runs `.init_array` entries before
// `main`, and the runtime's repair happens inside it.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static LOOK_AT_STDOUT: extern "C" fn() = backpain::stdio::look_at_stdout_before_the_runtime;

fn main() -> ExitCode {
    // First, before any file is opened: a closed stdout must not lend its number to one.
    let problem = backpain::stdio::guard();
    let env = backpain::Env::from_process();
    let mut stdout = backpain::stdio::Checked { inner: std::io::stdout().lock(), problem };
    let exit = backpain::run_process(std::env::args_os(), &env, &mut stdout, &mut std::io::stderr().lock());
    exit.into()
}
