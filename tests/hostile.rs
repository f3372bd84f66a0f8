//! Issue 9: hostile input and hostile environments. Each test drives the real binary with
//! something a user, a file or the system might do, and checks it gets a one-line error with
//! the documented exit code, never a panic, a hang or a file it should not write.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

fn backpain(config_home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("backpain").unwrap();
    cmd.env("XDG_CONFIG_HOME", config_home).env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-bus");
    cmd
}

/// The one line on stderr of a failed run with `code`; fails if there is more or no line.
fn one_line(output: &Output, code: i32, what: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(code), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: one line on stderr: {stderr:?}");
    assert!(stderr.starts_with("backpain: "), "{what}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    stderr
}

#[test]
fn control_characters_never_reach_a_printed_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "x\n* * * * * touch /tmp/p #";
    for kind in ["cron", "systemd", "systemd-service", "launchd"] {
        for flag in ["--trigger", "--action"] {
            let output =
                backpain(dir.path()).args(["remind", "--print-schedule", kind, flag, hostile]).output().unwrap();
            let stderr = one_line(&output, 2, &format!("{kind} {flag}"));
            assert!(stderr.contains("contains a newline (U+000A)"), "{stderr}");
            assert!(output.stdout.is_empty(), "nothing printed: {}", String::from_utf8_lossy(&output.stdout));
        }
        // (A NUL cannot be in an argument at all; the config file test below has one.)
        for text in ["a\rb", "a\u{1b}[2Jb", "a\tb"] {
            let output = backpain(dir.path()).args(["remind", "--print-schedule", kind, "--trigger", text]).output();
            one_line(&output.unwrap(), 2, &format!("{kind} {text:?}"));
        }
    }
    // The config file is checked by the same parser, and the error names its line and column.
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, "[remind]\naction = \"x\\n* * * * * touch /tmp/p #\"\n").unwrap();
    let output =
        backpain(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "config");
    assert!(stderr.contains("hostile.toml:2:10: the action contains a newline"), "{stderr}");
    std::fs::write(&file, "[remind]\ntrigger = \"a\\u0000b\"\n").unwrap();
    let output =
        backpain(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "config NUL");
    assert!(stderr.contains("hostile.toml:2:11: the trigger contains a NUL byte"), "{stderr}");
    // Ordinary text with shell and cron specials is quoted, one line per time.
    let output = backpain(dir.path())
        .args(["remind", "--print-schedule", "cron", "--between", "09:00-17:30", "--trigger", "it's 100% $HOME; `x`"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let jobs: Vec<&str> = text.lines().filter(|line| !line.starts_with('#')).collect();
    assert_eq!(jobs.len(), 1, "{text}");
    assert!(jobs[0].ends_with("'--trigger' 'it'\\''s 100\\% $HOME; `x`'"), "{text}");
}

#[test]
fn a_config_path_that_is_not_utf8_is_refused_for_schedules() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(std::ffi::OsStr::from_bytes(b"conf\xffig.toml"));
    std::fs::write(&file, "[remind]\nevery = \"2h\"\n").unwrap();
    let output =
        backpain(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "non-UTF-8 --config");
    assert!(stderr.contains("is not valid UTF-8"), "{stderr}");
    assert!(output.stdout.is_empty());
}
