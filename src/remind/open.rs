//! A click on a reminder's body opens the guided micro routine in a terminal: the config
//! file's `open-command`, else `$TERMINAL -e`, else `x-terminal-emulator -e` (Debian's
//! alternative for the desktop's terminal).

use std::process::{Command, Stdio};

/// The command line that opens `routine` (the program and its arguments) in a terminal.
/// `open_command` and `$TERMINAL` are split on whitespace (no shell quoting).
pub fn command_line(open_command: Option<&str>, terminal: Option<&str>, routine: &[String]) -> Vec<String> {
    let mut words: Vec<String> = match (open_command, terminal.filter(|t| !t.trim().is_empty())) {
        (Some(command), _) => command.split_whitespace().map(String::from).collect(),
        (None, Some(terminal)) => terminal.split_whitespace().map(String::from).chain(["-e".to_string()]).collect(),
        (None, None) => vec!["x-terminal-emulator".into(), "-e".into()],
    };
    words.extend(routine.iter().cloned());
    words
}

/// Starts `words` detached from the loop's terminal and reaps it when it ends.
pub fn spawn(words: &[String]) -> Result<(), String> {
    let (program, args) = words.split_first().ok_or("the open command is empty")?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("{program}: {err} (set open-command in the [remind] table of the config file)"))?;
    // The terminal lives as long as the person keeps it open: wait on a thread, not here.
    std::thread::Builder::new()
        .name("backpain-open".into())
        .spawn(move || {
            let _ = child.wait();
        })
        .map(|_| ())
        .map_err(|err| format!("cannot start a thread to wait for {program}: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routine() -> Vec<String> {
        ["/usr/bin/backpain", "routine", "--location", "neck", "--micro", "--guided"].map(String::from).to_vec()
    }

    #[test]
    fn the_config_command_comes_first_then_terminal_then_the_debian_default() {
        let line = command_line(Some("kitty --hold"), Some("xterm"), &routine());
        assert_eq!(line[..3], ["kitty", "--hold", "/usr/bin/backpain"]);
        let line = command_line(None, Some("alacritty"), &routine());
        assert_eq!(line[..3], ["alacritty", "-e", "/usr/bin/backpain"]);
        let line = command_line(None, Some("  "), &routine());
        assert_eq!(line[..2], ["x-terminal-emulator", "-e"]);
        assert_eq!(line.last().map(String::as_str), Some("--guided"));
    }

    #[test]
    fn a_missing_terminal_is_an_error_that_says_what_to_set() {
        let err = spawn(&["backpain-no-such-terminal".to_string()]).unwrap_err();
        assert!(err.starts_with("backpain-no-such-terminal: "), "{err}");
        assert!(err.contains("open-command"), "{err}");
    }
}
