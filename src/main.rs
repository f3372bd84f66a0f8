use std::process::ExitCode;

// Sees whether standard output was closed before Rust's runtime puts /dev/null on it (see
// `stdio::look_at_stdout_before_the_runtime`): the loader runs `.init_array` entries before
// `main`, and the runtime's repair happens inside it.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static LOOK_AT_STDOUT: extern "C" fn() = backpain::term::stdio::look_at_stdout_before_the_runtime;

fn main() -> ExitCode {
    // First, before any file is opened: a closed stdout must not lend its number to one.
    let problem = backpain::term::stdio::guard();
    // Before anything tells the time: a TZ that names a FIFO or a device would hang or swamp it.
    #[cfg(unix)]
    if let Some(tz) = std::env::var("TZ").ok().filter(|tz| !tz.is_empty()) {
        if let Some(problem) = backpain::platform::fsutil::time_zone_problem(&tz) {
            use std::io::Write as _;
            let shown = backpain::term::text::printable(&tz);
            let _ = writeln!(std::io::stderr(), "backpain: TZ={shown}: {problem}; using the system's time zone");
            // Single-threaded still: nothing else reads the environment yet.
            std::env::remove_var("TZ");
        }
    }
    let env = backpain::Env::from_process();
    let mut stdout = backpain::term::stdio::Checked { inner: std::io::stdout().lock(), problem };
    let exit = backpain::run_process(std::env::args_os(), &env, &mut stdout, &mut std::io::stderr().lock());
    exit.into()
}
