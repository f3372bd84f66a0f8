//! A click on a reminder's body opens the guided micro routine in a terminal: the config
//! file's `open-command`, else `$TERMINAL -e`, else `x-terminal-emulator -e` (Debian's
//! alternative for the desktop's terminal).

use std::process::{Command, Stdio};

/// Splits a command as a POSIX shell would split its words (quotes and backslashes, no
/// expansion), so `kitty --title "Back break"` is three words; `None` for an unclosed quote.
pub fn words(command: &str) -> Option<Vec<String>> {
    shlex::split(command)
}

/// The command line that opens `routine` (the program and its arguments) in a terminal.
/// `open_command` (checked when the config is read) and `$TERMINAL` are split into words as a
/// shell would; a `$TERMINAL` that does not split is an error naming it.
pub fn command_line(
    open_command: Option<&str>,
    terminal: Option<&str>,
    routine: &[String],
) -> Result<Vec<String>, String> {
    let mut line: Vec<String> = match (open_command, terminal.filter(|t| !t.trim().is_empty())) {
        (Some(command), _) => {
            words(command).ok_or_else(|| format!("open-command {command:?} has an unclosed quote"))?
        }
        (None, Some(terminal)) => {
            let mut line = words(terminal).ok_or_else(|| {
                format!("$TERMINAL {terminal:?} has an unclosed quote (or set open-command in the [remind] table)")
            })?;
            line.push("-e".to_string());
            line
        }
        (None, None) => vec!["x-terminal-emulator".into(), "-e".into()],
    };
    line.extend(routine.iter().cloned());
    Ok(line)
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
        let line = command_line(Some("kitty --hold"), Some("xterm"), &routine()).unwrap();
        assert_eq!(line[..3], ["kitty", "--hold", "/usr/bin/backpain"]);
        let line = command_line(None, Some("alacritty"), &routine()).unwrap();
        assert_eq!(line[..3], ["alacritty", "-e", "/usr/bin/backpain"]);
        let line = command_line(None, Some("  "), &routine()).unwrap();
        assert_eq!(line[..2], ["x-terminal-emulator", "-e"]);
        assert_eq!(line.last().map(String::as_str), Some("--guided"));
    }

    #[test]
    fn quoted_words_stay_one_argument_as_a_shell_would_pass_them() {
        let line = command_line(Some(r#"kitty --title "Back break" --hold"#), None, &routine()).unwrap();
        assert_eq!(line[..4], ["kitty", "--title", "Back break", "--hold"]);
        let line = command_line(None, Some(r"'/opt/My Term/term' --class=back\ pain"), &routine()).unwrap();
        assert_eq!(line[..3], ["/opt/My Term/term", "--class=back pain", "-e"]);
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_where_it_came_from() {
        let err = command_line(None, Some("xterm -title 'back"), &routine()).unwrap_err();
        assert!(err.starts_with("$TERMINAL \"xterm -title 'back\" has an unclosed quote"), "{err}");
        assert!(command_line(Some("kitty \"x"), None, &routine()).unwrap_err().starts_with("open-command "));
    }

    #[test]
    fn a_missing_terminal_is_an_error_that_says_what_to_set() {
        let err = spawn(&["backpain-no-such-terminal".to_string()]).unwrap_err();
        assert!(err.starts_with("backpain-no-such-terminal: "), "{err}");
        assert!(err.contains("open-command"), "{err}");
    }
}
