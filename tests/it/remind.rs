//! `backpain remind` as a user meets it, without a notification server: bad values, the config
//! file, JSON lines, printed schedules checked by systemd-analyze, and signals.

use std::io::{BufRead, BufReader};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use crate::common::backpain_in;
use serde::Deserialize;

use crate::common;

/// A tool a test needs: missing, it fails under BACKPAIN_REQUIRE_REAL (CI) and skips loudly
/// elsewhere.
fn require(tool: &str) -> bool {
    common::require_tools(&[tool], "this test")
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Line {
    time: String,
    location: String,
    summary: String,
    drills: Vec<DrillRef>,
    delivered: String,
    reason: Option<String>,
    snoozed: bool,
    retimed: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DrillRef {
    id: String,
    name: String,
}

fn lines(stdout: &[u8]) -> Vec<Line> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("not a JSON line ({err}): {line}")))
        .collect()
}

fn one_line_usage_error(args: &[&str], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let output = backpain_in(dir.path()).arg("remind").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn bad_values_are_one_line_errors_with_the_right_form() {
    one_line_usage_error(&["--every", "90x"], "unknown unit `x` in `90x`; units are s, m, h, d, w: 90m, 2h, 1h30m");
    one_line_usage_error(&["--every", "0s"], "at least 1s");
    one_line_usage_error(&["--natural-break", "5"], "did you mean `5m`?");
    one_line_usage_error(&["--natural-break", "of"], "did you mean `off`?");
    one_line_usage_error(&["--when-dnd", "hld"], "a similar value exists: 'hold'");
    one_line_usage_error(&["--when-fullscreen", "later"], "[possible values: hold, notify]");
    one_line_usage_error(&["--every", "90"], "did you mean `90m`?");
    one_line_usage_error(&["--between", "9-5"], "did you mean `09:00-17:00`?");
    one_line_usage_error(&["--days", "funday"], "did you mean `sunday`?");
    one_line_usage_error(&["--location", "nek"], "did you mean `neck`?");
    one_line_usage_error(&["--count", "0"], "--count must be at least 1");
    one_line_usage_error(&["--count", "many"], "`many` is not a whole number; --count must be at least 1");
    one_line_usage_error(&["--trigger", ""], "the trigger is empty");
    one_line_usage_error(&["--trigger", "I stand up", "--action", "  "], "the action is empty");
    one_line_usage_error(&["--every", "9h", "--between", "09:00-17:30"], "never fits");
    one_line_usage_error(&["--once", "--count", "2"], "cannot be used with");
}

#[test]
fn dry_run_json_lines_rotate_drills() {
    let dir = tempfile::tempdir().unwrap();
    let output = backpain_in(dir.path())
        .args(["remind", "--dry-run", "--json", "--every", "1s", "--count", "3", "--location", "neck"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines = lines(&output.stdout);
    assert_eq!(lines.len(), 3);
    for pair in lines.windows(2) {
        assert_ne!(pair[0].drills[0].id, pair[1].drills[0].id, "consecutive reminders differ");
        assert!(pair[0].time < pair[1].time);
    }
    assert_eq!(lines[0].location, "neck");
    assert_eq!(lines[0].delivered, "dry-run");
    assert_eq!(lines[0].reason, None);
    chrono::DateTime::parse_from_rfc3339(&lines[0].time).expect("RFC 3339 time");
}

#[test]
fn once_without_a_bus_prints_the_reminder_and_the_reason_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let output = backpain_in(dir.path())
        .args(["remind", "--once", "--location", "neck", "--trigger", "I stand up", "--action", "3 chin tucks"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(10), "fell back within the deadline: {:?}", started.elapsed());
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("IF I stand up, THEN 3 chin tucks"), "{stdout}");
    // Which two of the neck drills depends on the time of day (the --once rotation).
    let named =
        ["Chin tuck", "Neck side-bend", "Shoulder rolls"].iter().filter(|drill| stdout.contains(*drill)).count();
    assert_eq!(named, 2, "{stdout}");
    assert!(!stdout.contains('\x07'), "no bell into a pipe");
    assert!(
        stderr.starts_with("backpain: reminder shown here, not as a notification: no D-Bus session bus"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn flags_override_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backpain").join("config.toml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "[remind]\nevery = \"1s\"\nlocation = \"neck\"\ncount = 2\ndry-run = true\njson = true\n")
        .unwrap();

    // Found at $XDG_CONFIG_HOME/backpain/config.toml without --config.
    let output = backpain_in(dir.path()).args(["remind"]).timeout(Duration::from_secs(20)).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let from_file = lines(&output.stdout);
    assert_eq!(from_file.len(), 2);
    assert!(from_file.iter().all(|line| line.location == "neck" && line.delivered == "dry-run"));

    let output = backpain_in(dir.path())
        .args(["remind", "--location", "hip", "--count", "1"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let overridden = lines(&output.stdout);
    assert_eq!(overridden.len(), 1);
    assert_eq!(overridden[0].location, "hip");

    // --config names another file, which wins over the standard one.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "[remind]\nevery = \"1s\"\nlocation = \"upper\"\ncount = 1\ndry-run = true\njson = true\n")
        .unwrap();
    let output = backpain_in(dir.path())
        .args(["remind", "--config"])
        .arg(&other)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(lines(&output.stdout)[0].location, "upper");
}

#[test]
fn a_bad_config_file_is_an_error_naming_file_and_line_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    let text = "# mine\n[remind]\nlocation = \"neck\"\nevery = \"90x\"\n";
    std::fs::write(&file, text).unwrap();
    let before = std::fs::metadata(&file).unwrap().modified().unwrap();
    let output = backpain_in(dir.path()).args(["remind", "--dry-run", "--config"]).arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "backpain: {}:4:9: unknown unit `x` in `90x`; units are s, m, h, d, w: 90m, 2h, 1h30m\n",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "never rewritten");
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), before);

    // The same file at the standard path is not skipped either.
    std::fs::create_dir_all(dir.path().join("backpain")).unwrap();
    std::fs::write(dir.path().join("backpain/config.toml"), "[remind]\nevry = \"2h\"\n").unwrap();
    let output = backpain_in(dir.path()).args(["remind", "--dry-run"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("backpain/config.toml:2:1: unknown key `evry` in [remind]; did you mean `every`?"),
        "{stderr}"
    );

    // A blank trigger in the file is refused as on the command line.
    std::fs::write(dir.path().join("backpain/config.toml"), "[remind]\ntrigger = \"\"\n").unwrap();
    let output = backpain_in(dir.path()).args(["remind", "--dry-run", "--once"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("backpain/config.toml:2:11: the trigger is empty;"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let output = backpain_in(dir.path()).args(["remind", "--config", "/nonexistent/backpain.toml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read config file /nonexistent/backpain.toml"));
}

#[test]
fn printed_systemd_units_pass_systemd_analyze_verify() {
    if !require("systemd-analyze") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cases: &[&[&str]] = &[
        &["--trigger", "I stand up; 100% sure", "--location", "neck"],
        &["--every", "90m"],
        &["--every", "2h", "--between", "09:00-17:30", "--days", "mon-fri"],
        &["--every", "7h"],
        &["--every", "1h", "--between", "22:00-02:00", "--days", "fri"],
    ];
    for args in cases {
        for (kind, file) in [("systemd-service", "backpain-remind.service"), ("systemd-timer", "backpain-remind.timer")]
        {
            let output =
                backpain_in(dir.path()).args(["remind", "--print-schedule", kind]).args(*args).output().unwrap();
            assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
            std::fs::write(dir.path().join(file), &output.stdout).unwrap();
        }
        let timer = std::fs::read_to_string(dir.path().join("backpain-remind.timer")).unwrap();
        let service = std::fs::read_to_string(dir.path().join("backpain-remind.service")).unwrap();
        let exe = assert_cmd::cargo::cargo_bin("backpain");
        assert!(service.contains(&format!("ExecStart={} remind --once", exe.display())), "{service}");
        let verify = Process::new("systemd-analyze")
            .args(["verify", "backpain-remind.timer", "backpain-remind.service"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        let complaints = String::from_utf8_lossy(&verify.stderr);
        assert!(verify.status.success(), "{args:?}: systemd-analyze verify failed:\n{complaints}\n{timer}\n{service}");
        assert!(!complaints.contains("ignoring") && !complaints.contains("Failed"), "{args:?}:\n{complaints}\n{timer}");
        if !args.contains(&"7h") {
            assert!(timer.contains("OnCalendar=") && timer.contains("Persistent=true"), "{timer}");
        }
        // Without --between the timer fires at night; it says so, and still verifies.
        let night = timer.contains("\n# No --between: this fires at night too.");
        assert_eq!(night, !args.contains(&"--between"), "{args:?}:\n{timer}");
    }
}

#[test]
fn printed_cron_and_launchd_schedules() {
    let dir = tempfile::tempdir().unwrap();
    let output = backpain_in(dir.path())
        .args(["remind", "--print-schedule", "cron", "--between", "09:00-17:30", "--days", "mon-fri", "-l", "neck"])
        .output()
        .unwrap();
    let cron = String::from_utf8_lossy(&output.stdout);
    assert!(
        cron.contains("\n0 11,13,15,17 * * 1-5 '/")
            && cron.contains("'remind' '--once' '--location' 'neck' '--every' '2h'\n"),
        "{cron}"
    );
    assert!(!cron.contains("at night"), "{cron}");
    let output = backpain_in(dir.path()).args(["remind", "--print-schedule", "cron"]).output().unwrap();
    let cron = String::from_utf8_lossy(&output.stdout);
    assert!(
        cron.contains("\n# No --between: this fires at night too. For working hours only, print it again with --between 09:00-17:30 --days mon-fri.\n0 0,2,4,"),
        "{cron}"
    );
    let output = backpain_in(dir.path()).args(["remind", "--print-schedule", "launchd"]).output().unwrap();
    let plist = String::from_utf8_lossy(&output.stdout);
    assert!(plist.contains("<!-- No time window: this fires at night too."), "{plist}");
    assert!(plist.contains("<key>StartInterval</key>\n  <integer>7200</integer>"), "{plist}");
    assert!(plist.trim_end().ends_with("</plist>"), "{plist}");
}

/// `--once` rotates by counting whole `--every` intervals, so the scheduled command must carry
/// the interval the schedule runs at (from the flag or the config file), or runs 90 minutes apart
/// would count 2-hour steps and show the same lead drill twice.
#[test]
fn the_scheduled_command_line_keeps_every() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let output = backpain_in(dir.path()).args(["remind"]).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let cron = run(&["--every", "90m", "--print-schedule", "cron"]);
    assert!(cron.contains("'remind' '--once' '--location' 'lower' '--every' '1h30m'\n"), "{cron}");
    let service = run(&["--every", "45m", "--print-schedule", "systemd-service"]);
    assert!(service.contains(" remind --once --location lower --every 45m"), "{service}");
    let plist = run(&["--every", "3h", "--print-schedule", "launchd"]);
    assert!(plist.contains("<string>--every</string>\n    <string>3h</string>"), "{plist}");
    let config = dir.path().join("every.toml");
    std::fs::write(&config, "[remind]\nevery = \"90m\"\n").unwrap();
    let cron = run(&["--config", config.to_str().unwrap(), "--print-schedule", "cron"]);
    assert!(cron.contains("'--every' '1h30m'"), "the config file's interval is carried too:\n{cron}");
}

/// `backpain remind ARGS` as a child with its own config and data in `dir`, its output piped.
/// Starts a waiting `remind --dry-run --every 2s`, waits for its first reminder (so the signal
/// handlers are in place and it is asleep again), then sends `signal`.
fn stop_with(signal: i32) {
    let dir = tempfile::tempdir().unwrap();
    let mut child = common::spawn_remind(dir.path(), &["--dry-run", "--every", "2s"]);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("Reminders every 2s; the first at ") && line.ends_with(". Ctrl-C stops.\n"), "{line}");
    common::read_until(&mut stdout, "Desk break", "remind");
    let (status, took) = common::signal_and_wait(&mut child, signal, Duration::from_secs(5));
    assert!(took < Duration::from_secs(1), "stopped at once, took {took:?}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert_eq!(stderr, "backpain: stopped after 1 reminder\n");
}

#[test]
fn sigint_stops_a_sleeping_remind_with_130_and_a_summary() {
    stop_with(libc::SIGINT);
}

#[test]
fn sigterm_stops_a_sleeping_remind_with_130_and_a_summary() {
    stop_with(libc::SIGTERM);
}

#[test]
fn sighup_and_sigquit_stop_a_sleeping_remind_with_130_and_a_summary() {
    stop_with(libc::SIGHUP);
    stop_with(libc::SIGQUIT);
}

#[test]
fn a_closed_pipe_ends_it_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("backpain"))
        .args(["remind", "--dry-run", "--json", "--every", "1s"])
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // The reader is gone; the next reminder's write fails with EPIPE.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("still running after its reader left");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}

/// Context switches of every thread of `pid`, and its CPU ticks: how often it woke.
fn activity(pid: u32) -> (u64, u64) {
    let mut switches = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap().flatten() {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        switches += status
            .lines()
            .filter(|line| line.contains("ctxt_switches"))
            .filter_map(|line| line.split_whitespace().last()?.parse::<u64>().ok())
            .sum::<u64>();
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let fields: Vec<&str> = stat.rsplit_once(')').unwrap().1.split_whitespace().collect();
    let ticks = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    (switches, ticks)
}

#[test]
fn a_waiting_remind_does_not_wake_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("backpain"))
        .args(["remind", "--every", "2h"])
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Past start-up (the loop says its plan once it waits), so only the wait is measured.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    common::read_until(&mut stdout, "Ctrl-C stops", "the loop's first line");
    let before = activity(child.id());
    std::thread::sleep(Duration::from_secs(4));
    let after = activity(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(after.0 - before.0 <= 1, "woke {} times in 4 s", after.0 - before.0);
    assert_eq!(after.1, before.1, "used CPU while waiting");
}
