//! Helper programs asked a question (`gsettings`, `systemctl --user`), each with a deadline: a
//! hung one is killed, never waited on.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `command` with no input and returns its output, or why there is none: it is not
/// installed, or it did not finish within `limit` (then it is killed).
pub fn output_within(command: &mut Command, limit: Duration) -> Result<Output, String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child =
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().map_err(|err| match err
            .kind()
        {
            std::io::ErrorKind::NotFound => format!("{program} is not installed"),
            _ => format!("cannot run {program}: {err}"),
        })?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{program} did not finish within {} ms", limit.as_millis()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(err) => return Err(format!("cannot wait for {program}: {err}")),
        }
    }
    child.wait_with_output().map_err(|err| format!("cannot read what {program} printed: {err}"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_program_that_hangs_is_killed_at_the_deadline() {
        let started = Instant::now();
        let result = output_within(Command::new("sleep").arg("10"), Duration::from_millis(100));
        assert!(result.unwrap_err().contains("did not finish"));
        assert!(started.elapsed() < Duration::from_secs(2));
        let missing = output_within(&mut Command::new("backpain-no-such-program"), Duration::from_secs(1));
        assert_eq!(missing.unwrap_err(), "backpain-no-such-program is not installed");
        let output = output_within(Command::new("sh").args(["-c", "echo hi"]), Duration::from_secs(5)).unwrap();
        assert_eq!(output.stdout, b"hi\n");
    }
}
