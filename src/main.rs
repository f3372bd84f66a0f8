use std::process::ExitCode;

fn main() -> ExitCode {
    let env = backpain::Env::from_process();
    let exit = backpain::run(std::env::args_os(), &env, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    exit.into()
}
