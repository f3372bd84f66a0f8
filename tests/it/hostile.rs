//! Issue 9: hostile input and hostile environments. Each test drives the real binary with
//! something a user, a file or the system might do, and checks it gets a one-line error with
//! the documented exit code, never a panic, a hang or a file it should not write.

use std::path::Path;
use std::process::Output;

use crate::common::backpain_in;

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
                backpain_in(dir.path()).args(["remind", "--print-schedule", kind, flag, hostile]).output().unwrap();
            let stderr = one_line(&output, 2, &format!("{kind} {flag}"));
            assert!(stderr.contains("contains a newline (U+000A)"), "{stderr}");
            assert!(output.stdout.is_empty(), "nothing printed: {}", String::from_utf8_lossy(&output.stdout));
        }
        // (A NUL cannot be in an argument at all; the config file test below has one.)
        for text in ["a\rb", "a\u{1b}[2Jb", "a\tb"] {
            let output = backpain_in(dir.path()).args(["remind", "--print-schedule", kind, "--trigger", text]).output();
            one_line(&output.unwrap(), 2, &format!("{kind} {text:?}"));
        }
    }
    // The config file is checked by the same parser, and the error names its line and column.
    let file = dir.path().join("hostile.toml");
    std::fs::write(&file, "[remind]\naction = \"x\\n* * * * * touch /tmp/p #\"\n").unwrap();
    let output =
        backpain_in(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "config");
    assert!(stderr.contains("hostile.toml:2:10: the action contains a newline"), "{stderr}");
    std::fs::write(&file, "[remind]\ntrigger = \"a\\u0000b\"\n").unwrap();
    let output =
        backpain_in(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "config NUL");
    assert!(stderr.contains("hostile.toml:2:11: the trigger contains a NUL byte"), "{stderr}");
    // Ordinary text with shell and cron specials is quoted, one line per time.
    let output = backpain_in(dir.path())
        .args(["remind", "--print-schedule", "cron", "--between", "09:00-17:30", "--trigger", "it's 100% $HOME; `x`"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let jobs: Vec<&str> = text.lines().filter(|line| !line.starts_with('#')).collect();
    assert_eq!(jobs.len(), 1, "{text}");
    assert!(jobs[0].ends_with("'--trigger' 'it'\\''s 100'\\%' $HOME; `x`'"), "{text}");
}

#[test]
fn a_config_path_that_is_not_utf8_is_refused_for_schedules() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(std::ffi::OsStr::from_bytes(b"conf\xffig.toml"));
    std::fs::write(&file, "[remind]\nevery = \"2h\"\n").unwrap();
    let output =
        backpain_in(dir.path()).args(["remind", "--print-schedule", "cron", "--config"]).arg(&file).output().unwrap();
    let stderr = one_line(&output, 2, "non-UTF-8 --config");
    assert!(stderr.contains("is not valid UTF-8"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// Puts `make` at the standard config path under a fresh XDG_CONFIG_HOME and checks that both
/// commands that read it refuse it in one line naming the file and `problem`, at once.
fn standard_config_is_refused(what: &str, make: impl Fn(&Path), problem: &str) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("backpain/config.toml");
    std::fs::create_dir_all(dir.path().join("backpain")).unwrap();
    make(&config);
    for args in [&["remind", "--dry-run", "--once"][..], &["routine", "--location", "neck"]] {
        let started = std::time::Instant::now();
        let output = backpain_in(dir.path()).args(args).timeout(std::time::Duration::from_secs(10)).output().unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{what}: {args:?} took {:?}", started.elapsed());
        let stderr = one_line(&output, 2, &format!("{what}: {args:?}"));
        assert!(stderr.contains(&config.display().to_string()), "{what}: names the file: {stderr}");
        assert!(stderr.contains(problem), "{what}: says {problem:?}: {stderr}");
    }
}

#[test]
fn a_standard_config_that_cannot_be_read_is_an_error_never_skipped() {
    use std::os::unix::fs::symlink;
    standard_config_is_refused("directory", |path| std::fs::create_dir(path).unwrap(), "it is a directory, not a file");
    standard_config_is_refused(
        "dangling symlink",
        |path| symlink(path.with_file_name("gone.toml"), path).unwrap(),
        "symbolic link to a file that does not exist",
    );
    standard_config_is_refused(
        "symlink loop",
        |path| {
            symlink(path.with_file_name("b.toml"), path).unwrap();
            symlink(path, path.with_file_name("b.toml")).unwrap();
        },
        "loop of symbolic links",
    );
    standard_config_is_refused(
        "FIFO",
        |path| {
            let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
            assert!(made.success());
        },
        "it is a FIFO (named pipe), not a file",
    );
    standard_config_is_refused("device", |path| symlink("/dev/zero", path).unwrap(), "it is a device, not a file");
    standard_config_is_refused(
        "too large",
        |path| std::fs::write(path, format!("# {}\n", "x".repeat(2 << 20))).unwrap(),
        "larger than 1024 KiB",
    );
    standard_config_is_refused(
        "not UTF-8",
        |path| std::fs::write(path, b"[remind]\nevery = \"2h\"\n# caf\xe9\n").unwrap(),
        "config.toml:3:6: not valid UTF-8 (byte 0xE9); save the file as UTF-8",
    );
    // root reads every file whatever its mode: run as nobody then (setpriv, util-linux).
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("backpain/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "[remind]\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    for (path, mode) in [(dir.path(), 0o755), (config.parent().unwrap(), 0o755), (config.as_path(), 0o000)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    // SAFETY: geteuid cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut command = if root {
        let mut command = std::process::Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_backpain")]);
        command
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_backpain"))
    };
    let output = command.args(["routine", "--location", "neck"]).env("XDG_CONFIG_HOME", dir.path()).output().unwrap();
    let stderr = one_line(&output, 2, "unreadable");
    assert!(stderr.contains(&format!("{}: permission denied", config.display())), "{stderr}");
}

#[test]
fn config_devices_and_fifos_end_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for path in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &fifo] {
        let started = std::time::Instant::now();
        let output = backpain_in(dir.path())
            .args(["remind", "--dry-run", "--once", "--config"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{path:?}: {:?}", started.elapsed());
        let stderr = one_line(&output, 2, &format!("--config {path:?}"));
        assert!(stderr.contains("not a file"), "{stderr}");
    }
}

#[test]
fn man_never_follows_a_symlink_planted_in_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let man = dir.path().join("man1");
    std::fs::create_dir(&man).unwrap();
    std::os::unix::fs::symlink(&victim, man.join("backpain.1")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("created"), man.join("backpain-route.1")).unwrap();
    let output = backpain_in(dir.path()).arg("man").arg(&man).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious", "the link's target is untouched");
    assert!(!outside.path().join("created").exists(), "a dangling link's target is not created");
    let page = std::fs::symlink_metadata(man.join("backpain.1")).unwrap();
    assert!(page.file_type().is_file(), "the link was replaced by the page");
    let left: Vec<_> = std::fs::read_dir(&man)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".1"))
        .collect();
    assert!(left.is_empty(), "no temporary files left: {left:?}");
}

/// Runs `backpain ARGS` under bash with `redirect` applied to it, with no config and no bus.
fn with_redirect(args: &str, redirect: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_backpain");
    std::process::Command::new("bash")
        .args(["-c", &format!("exec {bin} {args} {redirect}")])
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-bus")
        .env("BACKPAIN_TEST_SPEED", "1000")
        .output()
        .unwrap()
}

#[test]
fn output_that_cannot_be_written_is_exit_1_with_one_line() {
    let commands = [
        "--help",
        "--version",
        "route --help",
        "myths",
        "myths --json",
        "route",
        "route --location lower",
        "routine --location neck --micro",
        "routine --location neck --micro --guided",
        "routine --location neck --micro --guided --json",
        "drills",
        "sources",
        "faq",
        "completions bash",
        "remind --print-schedule cron",
        "remind --print-schedule systemd",
        "remind --dry-run --once",
        "remind --dry-run --every 1s --count 1",
    ];
    for (redirect, problem) in [
        (">&-", "standard output is closed"),
        ("1</dev/null", "standard output is open only for reading"),
        (">/dev/full", "No space left on device"),
    ] {
        for command in commands {
            let output = with_redirect(command, redirect);
            let stderr = one_line(&output, 1, &format!("{command} {redirect}"));
            assert!(
                stderr.contains("cannot write to stdout") && stderr.contains(problem),
                "{command} {redirect}: {stderr}"
            );
        }
    }
    // Output thrown away on purpose is still written, and a reader that goes away is no error.
    // /dev/null read-write is what Python's subprocess.DEVNULL, Node's 'ignore' and daemon(3)
    // hand a child (issue 20): a working stdout, not a closed one.
    for command in commands {
        let output = with_redirect(command, "1<>/dev/null");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{command} 1<>/dev/null: {stderr}");
    }
    for command in ["--help", "myths", "remind --print-schedule cron"] {
        let output = with_redirect(command, ">/dev/null");
        assert_eq!(output.status.code(), Some(0), "{command} >/dev/null");
        let output = with_redirect(&format!("{command} | head -c1 >/dev/null; exit ${{PIPESTATUS[0]}}"), "");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{command} | head: {stderr}");
        assert!(stderr.is_empty(), "{command} | head: quiet: {stderr}");
    }
}

/// Issue 20: TZ naming a device or a FIFO made every command that tells the time eat memory or
/// hang (the time library reads the file whole, blocking). It is named once and not used.
#[cfg(unix)]
#[test]
fn a_time_zone_that_is_not_a_zone_file_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("zone");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for tz in ["/dev/zero".to_string(), format!(":{}", fifo.display()), dir.path().display().to_string()] {
        for command in [&["history", "--since", "1d"][..], &["stats"], &["log", "pain", "2", "-l", "neck"]] {
            let output = backpain_in(dir.path())
                .args(command)
                .arg("--data-dir")
                .arg(dir.path())
                .env("TZ", &tz)
                .timeout(std::time::Duration::from_secs(20))
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(0), "TZ={tz} {command:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "TZ={tz} {command:?}: {stderr}");
            assert!(stderr.contains("not a time zone file; using the system's time zone"), "{stderr}");
        }
    }
    let output = backpain_in(dir.path())
        .args(["stats", "--data-dir"])
        .arg(dir.path())
        .env("TZ", "Europe/London")
        .output()
        .unwrap();
    assert!(output.status.success() && output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Issue 20: an error that echoed a 120 KB argument printed all of it. The value is cut to its
/// start and end with a count, and the line still says what would be right.
#[test]
fn an_error_echoing_a_huge_value_stays_one_short_line() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(120_000);
    for args in [vec!["route", huge.as_str()], vec!["log", "pain", "3", "-l", "lower", "--id", huge.as_str()]] {
        let output = backpain_in(dir.path()).args(&args).output().unwrap();
        let stderr = one_line(&output, 2, args[0]);
        assert!(stderr.len() < 400, "{}: {} bytes", args[0], stderr.len());
        assert!(stderr.contains("characters left out") && stderr.contains("see 'backpain"), "{stderr}");
    }
}
