use std::process::ExitCode;

fn main() -> ExitCode {
    // First, before any file is opened: a closed stdout must not lend its number to one.
    let problem = backpain::stdio::guard();
    let env = backpain::Env::from_process();
    let mut stdout = backpain::stdio::Checked { inner: std::io::stdout().lock(), problem };
    let exit = backpain::run_process(std::env::args_os(), &env, &mut stdout, &mut std::io::stderr().lock());
    exit.into()
}
