//! Delivery against real parts: a private D-Bus session, Xvfb and dunst, started per test and
//! torn down by a guard even when the test fails. The notification is read back from dunst's
//! history. Missing tools fail the test under BACKPAIN_REQUIRE_REAL (CI) and skip loudly
//! elsewhere.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command as Process, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use common::session::Session;
use serde_json::Value;

const TOOLS: &[&str] = &["dbus-daemon", "dbus-send", "Xvfb", "dunst", "dunstctl", "busctl"];

fn real_parts_available() -> bool {
    common::require_tools(TOOLS, "the real notification-server tests")
}

/// The neck micro routine; a `--once` reminder names two of them, by the time of day.
const NECK_DRILLS: [&str; 3] = ["Chin tuck", "Neck side-bend", "Shoulder rolls"];

fn text(output: &Output) -> (String, String) {
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn once_lands_in_dunst_with_app_name_summary_and_body() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let output = session.backpain().args(["remind", "--once", "--location", "neck"]).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "no fallback: {stderr}");
    assert_eq!(stdout, "", "the notification is the output; cron would mail anything printed");
    let history = session.history();
    assert_eq!(history.len(), 1, "{history:?}");
    let (app, summary, body) = &history[0];
    assert_eq!(app, "backpain");
    // The routine's real length, as `routine --micro` gives it, not a round "2-minute".
    let micro = session.backpain().args(["routine", "--location", "neck", "--micro", "--json"]).output().unwrap();
    let micro: serde_json::Value = serde_json::from_slice(&micro.stdout).unwrap();
    let seconds = micro["total_seconds"].as_u64().unwrap();
    let length = if seconds.is_multiple_of(60) {
        format!("{} min", seconds / 60)
    } else {
        format!("{} min {} s", seconds / 60, seconds % 60)
    };
    assert_eq!(summary, &format!("Desk break: {length} neck & upper back stretch"));
    // The lead drill follows the wall clock (the --once rotation); each names its dose and cue.
    let drills: Vec<&str> = body.lines().take(2).collect();
    assert_eq!(drills.len(), 2, "{body}");
    for drill in drills {
        assert!(NECK_DRILLS.iter().any(|name| drill.starts_with(&format!("{name} ("))), "{body}");
        // Each suggestion names its caution in a few words, as the drill tables do in full.
        let name = NECK_DRILLS.iter().find(|name| drill.starts_with(&format!("{name} ("))).unwrap();
        let brief = backpain::dataset::dataset().drills.iter().find(|d| d.name == *name).unwrap().brief;
        assert!(drill.ends_with(&format!("Take care: {brief}.")), "{drill}");
    }
    assert!(body.contains("Chin tuck (10 × 5 s hold): Glide your head straight back") || !body.contains("Chin tuck"));
}

/// A due weekly check-in is said at the end of the next reminder's body, once (issue 22).
#[test]
fn a_due_check_in_is_said_once_at_the_end_of_the_next_notification() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let once = || {
        let output = session.backpain().args(["remind", "--once", "--location", "neck"]).output().unwrap();
        assert!(output.status.success(), "{}", text(&output).1);
        session.history()[0].2.clone()
    };
    let due = backpain::remind::reminder::CHECK_IN_DUE;
    let first = once();
    assert!(first.ends_with(&format!("\n{due}")), "no check-in yet, so one is due:\n{first}");
    let second = once();
    assert!(!second.contains(due), "said once:\n{second}");
    // A check-in today: not due.
    let logged = session.backpain().args(["log", "check-in", "--peg", "4,4,4"]).output().unwrap();
    assert!(logged.status.success(), "{}", text(&logged).1);
    assert!(!once().contains(due));
    let history = session.backpain().args(["history", "--json"]).output().unwrap();
    let said = String::from_utf8_lossy(&history.stdout).matches("\"check_in_due\":true").count();
    assert_eq!(said, 1, "the reminder that said it records so");
}

#[test]
fn a_running_loop_sends_rotating_reminders_with_the_users_plan() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let output = session
        .backpain()
        .args(["remind", "--every", "1s", "--count", "2", "--json", "--location", "neck"])
        .args(["--trigger", "I stand up from my desk", "--action", "I do 3 chin tucks"])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let lines: Vec<Value> = stdout.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines.iter().all(|line| line["delivered"] == "notification" && line["reason"].is_null()), "{stdout}");
    let history = session.history();
    assert_eq!(history.len(), 2, "{history:?}");
    for (app, summary, _) in &history {
        assert_eq!(app, "backpain");
        assert_eq!(summary, "IF I stand up from my desk, THEN I do 3 chin tucks");
    }
    assert_ne!(history[0].2, history[1].2, "consecutive reminders name different drills");
}

#[test]
fn a_bus_without_a_notification_server_falls_back_at_once() {
    if !real_parts_available() {
        return;
    }
    let session = Session::bus();
    let started = Instant::now();
    let output = session.backpain().args(["remind", "--once", "--location", "neck"]).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(started.elapsed() < Duration::from_secs(10), "took {:?}", started.elapsed());
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("Desk break") && NECK_DRILLS.iter().any(|drill| stdout.contains(drill)), "{stdout}");
    assert!(
        stderr.starts_with("backpain: reminder shown here, not as a notification: no notification server"),
        "{stderr}"
    );
}

#[test]
fn a_server_that_never_answers_falls_back_after_the_deadline() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    // dunst keeps the name but, stopped, never replies: a hung notification server.
    session.signal_dunst(libc::SIGSTOP);
    let started = Instant::now();
    let output = session.backpain().args(["remind", "--once", "--json", "--location", "neck"]).output().unwrap();
    let elapsed = started.elapsed();
    let (stdout, stderr) = text(&output);
    assert!(elapsed < Duration::from_secs(12), "deadline is 3 s, took {elapsed:?}");
    assert!(output.status.success(), "{stderr}");
    let line: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(line["delivered"], "terminal");
    assert_eq!(line["reason"], "the notification server did not answer within 3 s");
    assert!(stderr.contains("did not answer within 3 s"), "{stderr}");
    assert!(Path::new(&session.dir.path().join("bus")).exists());
}

/// Sends `signal` to `child` and waits for it to end; fails unless it ends within 1 s with 130
/// and says how many reminders it gave.
fn ends_at_once_with_130(mut child: Child, signal: i32, shown: &str) {
    let (status, took) = common::signal_and_wait(&mut child, signal, Duration::from_secs(10));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(
        took < Duration::from_secs(1),
        "signal {signal}: took {took:?} to stop a delivery in progress
{stderr}"
    );
    assert_eq!(status.code(), Some(130), "signal {signal}: {stderr}");
    assert!(stderr.ends_with(&format!("backpain: stopped after {shown}\n")), "signal {signal}: {stderr}");
}

/// Issue 9.3: a signal while a delivery waits on a hung server ends `--once` and a running
/// loop within 1 s, not after the 3 s deadline.
#[test]
fn signals_end_a_delivery_to_a_hung_server_at_once() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    session.signal_dunst(libc::SIGSTOP);
    let spawn = |args: &[&str]| {
        Process::new(assert_cmd::cargo::cargo_bin("backpain"))
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
            .env("XDG_CONFIG_HOME", session.dir.path())
            // What a test's reminders record stays out of the real home.
            .env("XDG_DATA_HOME", session.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT] {
        let child = spawn(&["remind", "--once", "--location", "neck"]);
        // Well inside the 3 s the delivery may take.
        std::thread::sleep(Duration::from_millis(1200));
        ends_at_once_with_130(child, signal, "1 reminder");
    }
    let mut child = spawn(&["remind", "--every", "1s"]);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("Reminders every 1s"), "{line}");
    // The first reminder falls due after 1 s and then waits on the stopped server.
    std::thread::sleep(Duration::from_millis(2000));
    ends_at_once_with_130(child, libc::SIGTERM, "1 reminder");
}

#[test]
fn a_hung_server_does_not_pile_up_stuck_deliveries() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    session.signal_dunst(libc::SIGSTOP);
    let started = Instant::now();
    let output = session.backpain().args(["remind", "--every", "1s", "--count", "4", "--json"]).output().unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let reasons: Vec<String> = stdout
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).unwrap()["reason"].as_str().unwrap_or_default().to_string())
        .collect();
    // Two deliveries wait out the deadline; with two stuck, the next ones fall back at once.
    assert_eq!(
        reasons,
        [
            "the notification server did not answer within 3 s",
            "the notification server did not answer within 3 s",
            "the notification server has not answered the last 2 reminders",
            "the notification server has not answered the last 2 reminders",
        ]
    );
    assert!(started.elapsed() < Duration::from_secs(25), "took {:?}", started.elapsed());
    assert_eq!(stderr.lines().count(), 4, "one reason line per reminder:\n{stderr}");
}

#[test]
fn from_cron_without_a_bus_address_it_finds_the_users_bus() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    // The private bus listens at <dir>/bus, where $XDG_RUNTIME_DIR/bus would be.
    let output = session
        .backpain()
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("XDG_RUNTIME_DIR", session.dir.path())
        .args(["remind", "--once", "--location", "hip"])
        .output()
        .unwrap();
    let (_, stderr) = text(&output);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    let history = session.history();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].0, "backpain");
}

/// Context switches summed over every thread of `pid`.
fn switches(pid: u32) -> u64 {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .flatten()
        .map(|task| std::fs::read_to_string(task.path().join("status")).unwrap_or_default())
        .flat_map(|status| {
            status
                .lines()
                .filter(|line| line.contains("ctxt_switches"))
                .filter_map(|line| line.split_whitespace().last()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

#[test]
fn after_a_real_notification_the_threads_left_behind_sleep() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    // Nothing to watch (presence would ask dunst whether it is paused every 1.25 s at this
    // interval): what is measured is the notification's own threads.
    let quiet =
        ["--natural-break", "off", "--when-away", "notify", "--when-fullscreen", "notify", "--when-dnd", "notify"];
    let mut child = waiting_after_a_notification(&session, &["--every", "5s"], &quiet);
    // zbus keeps a thread listening for the Done/Snooze buttons: it must block, not poll.
    std::thread::sleep(Duration::from_millis(1000));
    let before = switches(child.id());
    std::thread::sleep(Duration::from_millis(3000));
    let after = switches(child.id());
    let _ = child.kill();
    let _ = child.wait();
    assert!(after - before <= 1, "woke {} times in 3 s while waiting", after - before);
}

/// `backpain remind ARGS` on the session's bus, once it has shown its first notification.
fn waiting_after_a_notification(session: &Session, args: &[&str], more: &[&str]) -> Child {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("backpain"))
        .arg("remind")
        .args(args)
        .args(more)
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("XDG_DATA_HOME", session.dir.path())
        .env("XDG_CONFIG_HOME", session.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("notified") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "ended before its first notification");
    }
    child
}

#[test]
fn watching_dunsts_do_not_disturb_a_loop_asks_once_a_quarter_interval_and_sleeps_between() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    // Every 8 s: asked every 2 s. Between two asks the process sleeps; each ask is a few
    // switches (a D-Bus round trip), not a stream.
    let mut child = waiting_after_a_notification(&session, &["--every", "8s"], &["--natural-break", "off"]);
    std::thread::sleep(Duration::from_millis(500));
    let mut quiet_seconds = 0;
    let mut total = 0;
    let mut last = switches(child.id());
    for _ in 0..6 {
        std::thread::sleep(Duration::from_millis(500));
        let now = switches(child.id());
        quiet_seconds += u32::from(now == last);
        total += now - last;
        last = now;
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(total >= 1, "it asked dunst at least once in 3 s");
    assert!(total <= 20, "{total} switches in 3 s: at most two asks");
    assert!(quiet_seconds >= 3, "asleep between asks: only {quiet_seconds} quiet half-seconds of 6");
}

#[test]
fn snooze_on_the_notification_repeats_the_same_drills() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let config = session.dir.path().join("snooze.toml");
    std::fs::write(&config, "[remind]\nsnooze = \"1s\"\n").unwrap();
    let config = config.to_str().unwrap();
    let (mut child, mut stdout, first) =
        shown_once(&session, session.dir.path(), &["--every", "4s", "--config", config], &[]);
    // What dunst sends when the user picks "Snooze 1 s": the ActionInvoked signal, once the
    // listener has subscribed.
    let sent = Instant::now();
    session.invoke("snooze");
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let elapsed = sent.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    let second: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(second["snoozed"], true, "{line}");
    assert_eq!(second["drills"], first["drills"], "the snoozed reminder repeats its drills");
    assert!(elapsed < Duration::from_millis(3500), "came after the 1 s snooze, not the 4 s interval: {elapsed:?}");
}

/// The history lines under `data` (an XDG_DATA_HOME), once `ready` holds for them or after 10 s.
fn history_lines(data: &Path, ready: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let started = Instant::now();
    loop {
        let dir = data.join("backpain/history");
        let lines: Vec<Value> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|file| {
                std::fs::read_to_string(file.path()).unwrap_or_default().lines().map(str::to_string).collect::<Vec<_>>()
            })
            .filter_map(|line| serde_json::from_str(&line).ok())
            .collect();
        if ready(&lines) || started.elapsed() > Duration::from_secs(10) {
            return lines;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `backpain remind --json --location neck ARGS` on the session's bus with `env`, recording
/// into `data`, once its first reminder went out as a notification.
/// Its stdout comes back too, kept open so that the loop can go on writing to it, and the first
/// reminder's JSON line.
fn shown_once(
    session: &Session,
    data: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (Child, BufReader<std::process::ChildStdout>, Value) {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("backpain"))
        .args(["remind", "--json", "--location", "neck"])
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("XDG_CONFIG_HOME", session.dir.path())
        .env("XDG_DATA_HOME", data)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let first: Value = serde_json::from_str(&line).unwrap_or_else(|err| panic!("{err}: {line}"));
    assert_eq!(first["delivered"], "notification", "{line}");
    (child, stdout, first)
}

#[test]
fn done_on_the_notification_records_the_break() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    let (mut child, _stdout, _) = shown_once(&session, data.path(), &["--every", "3s", "--count", "3"], &[]);
    // What dunst sends when the user picks "Done": the ActionInvoked signal, as in the snooze
    // test.
    session.invoke("done");
    let lines = history_lines(data.path(), |lines| lines.iter().any(|line| line["action"] == "done"));
    let _ = child.kill();
    let _ = child.wait();
    let reminder = lines.iter().find(|line| line["kind"] == "reminder").unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(reminder["delivered"], "notification");
    let done =
        lines.iter().find(|line| line["action"] == "done").unwrap_or_else(|| panic!("no Done recorded: {lines:?}"));
    assert_eq!(done["kind"], "response");
    assert_eq!(done["location"], "neck");
    let answered = lines.iter().find(|line| line["id"] == done["reminder"]).unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(answered["kind"], "reminder", "Done names the reminder it answers");
    // And stats count it as a break taken on a notification.
    let output = session.backpain().env("XDG_DATA_HOME", data.path()).args(["stats", "--json"]).output().unwrap();
    let stats: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["breaks"]["done_on_notification"], 1, "{stats}");
    assert!(stats["breaks"]["taken"].as_u64() >= Some(1));
}

/// Issue 19: `remind --config FILE` opened `routine ... --config FILE` on a click, which
/// `routine` refused (exit 2): `--config` was an option of two commands only. Every command
/// takes it now, and the routine opened reads the same file.
#[test]
fn a_click_on_a_reminder_with_a_config_file_opens_a_routine_that_runs() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    let config = session.dir.path().join("backpain.toml");
    std::fs::write(&config, "[profile]\nconditions = [\"pregnancy\"]\n").unwrap();
    let opened = session.dir.path().join("opened");
    let terminal = session.dir.path().join("terminal");
    std::fs::write(
        &terminal,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > {}.tmp && mv {0}.tmp {0}\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&terminal, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let config_arg = config.to_str().unwrap();
    let (mut child, _stdout, _) = shown_once(
        &session,
        data.path(),
        &["--every", "3s", "--config", config_arg],
        &[("TERMINAL", terminal.to_str().unwrap())],
    );
    session.invoke("default");
    let started = Instant::now();
    while !opened.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    let args = std::fs::read_to_string(&opened).unwrap_or_else(|_| panic!("the terminal was not started"));
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args[2..], ["routine", "--location", "neck", "--micro", "--guided", "--config", config_arg]);
    // What the terminal would run, run here: piped, it plays the plain session at test speed.
    let output = std::process::Command::new(args[1])
        .args(&args[2..])
        .args(["--data-dir", data.path().to_str().unwrap()])
        .env("BACKPAIN_TEST_SPEED", "1000")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "the opened routine runs: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.to_lowercase().contains("pregnan"), "it read the same config file: {stdout}");
}

#[test]
fn a_click_on_the_body_opens_the_guided_micro_routine_in_a_terminal() {
    if !real_parts_available() {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    // A stand-in for the terminal: it writes down what it was asked to run.
    let opened = session.dir.path().join("opened");
    let terminal = session.dir.path().join("terminal");
    std::fs::write(
        &terminal,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > {}.tmp && mv {0}.tmp {0}\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&terminal, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let terminal = terminal.to_str().unwrap();
    let (mut child, _stdout, _) =
        shown_once(&session, data.path(), &["--every", "3s", "--condition", "pregnancy"], &[("TERMINAL", terminal)]);
    session.invoke("default");
    let started = Instant::now();
    while !opened.exists() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let lines = history_lines(data.path(), |lines| lines.iter().any(|line| line["action"] == "open"));
    let _ = child.kill();
    let _ = child.wait();
    let args = std::fs::read_to_string(&opened).unwrap_or_else(|_| panic!("the terminal was not started"));
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args[0], "-e", "{args:?}");
    assert!(args[1].ends_with("backpain"), "the program by its path: {args:?}");
    assert_eq!(args[2..], ["routine", "--location", "neck", "--micro", "--guided", "--condition", "pregnancy"]);
    let open = lines.iter().find(|line| line["action"] == "open").unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(open["kind"], "response");
}
