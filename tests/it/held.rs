//! The reminder loop with real presence parts: Xvfb's idle time and EWMH properties (set by
//! xdotool and the test playing the window manager) and dunst's do-not-disturb on a private
//! bus. Each runs `backpain remind --json` for real and reads what a script would read.

#![cfg(all(unix, not(target_os = "macos")))]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Command as Process, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common;
use common::session::Session;

/// `backpain remind ARGS` on the session's bus and display, recording into `data`.
fn remind(session: &Session, data: &Path, args: &[&str]) -> (Child, BufReader<ChildStdout>) {
    let mut child = Process::new(assert_cmd::cargo::cargo_bin("backpain"))
        .arg("remind")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        // Never the machine's own system bus (logind): only what the test set up answers.
        .env("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-system-bus")
        .env("DISPLAY", session.display.as_deref().unwrap_or_default())
        .env("XDG_CONFIG_HOME", session.dir.path())
        .env("XDG_DATA_HOME", data)
        .env("XDG_RUNTIME_DIR", "/nonexistent/backpain-test-runtime")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("XDG_CURRENT_DESKTOP")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    (child, stdout)
}

/// The next JSON line, and when the test read it.
fn next_line(stdout: &mut BufReader<ChildStdout>) -> (Value, Instant) {
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let value = serde_json::from_str(&line).unwrap_or_else(|err| panic!("not a JSON line ({err}): {line:?}"));
    (value, Instant::now())
}

fn tool(name: &str, args: &[&str], session: &Session) {
    let output = Process::new(name)
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("DISPLAY", session.display.as_deref().unwrap_or_default())
        .output()
        .unwrap();
    assert!(output.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// Mouse input on the session's display about once a second, as a person at the desk gives,
/// until stopped.
struct Typist {
    typing: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Typist {
    fn start(session: &Session) -> Typist {
        let typing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let still = typing.clone();
        let (address, display) = (session.address.clone(), session.display.clone().unwrap_or_default());
        let thread = std::thread::spawn(move || {
            let mut x = 0;
            while still.load(std::sync::atomic::Ordering::SeqCst) {
                x = (x + 7) % 300;
                let _ = Process::new("xdotool")
                    .args(["mousemove", &x.to_string(), "100"])
                    .env("DBUS_SESSION_BUS_ADDRESS", &address)
                    .env("DISPLAY", &display)
                    .status();
                std::thread::sleep(Duration::from_millis(1000));
            }
        });
        Typist { typing, thread }
    }

    fn stop(self) {
        self.typing.store(false, std::sync::atomic::Ordering::SeqCst);
        self.thread.join().unwrap();
    }
}

fn stop(mut child: Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn seconds(time: &Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(time.as_str().unwrap()).unwrap().timestamp()
}

#[test]
fn a_loop_every_20s_with_a_5s_natural_break_restarts_after_an_idle_spell_and_the_json_says_why() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "xdotool"], "the natural-break test") {
        return;
    }
    let session = Session::with_xvfb();
    let data = tempfile::tempdir().unwrap();
    tool("xdotool", &["mousemove", "10", "10"], &session);
    let started = Instant::now();
    let (child, mut stdout) =
        remind(&session, data.path(), &["--every", "20s", "--natural-break", "5s", "--json", "--dry-run"]);
    // Eight seconds without input, then the person is back.
    std::thread::sleep(Duration::from_secs(8));
    tool("xdotool", &["mousemove", "300", "200"], &session);
    let (retimed, _) = next_line(&mut stdout);
    assert_eq!(retimed["delivered"], "retimed", "{retimed}");
    let reason = retimed["reason"].as_str().unwrap();
    assert!(reason.starts_with("a natural break: away "), "{reason}");
    let next = seconds(&retimed["next"]);
    // A full interval after the return, which the loop sees within a poll (2.5 s here).
    assert!((16..=20).contains(&(next - seconds(&retimed["time"]))), "{retimed}");
    // Back at the desk: input every second or so, as a person typing gives.
    let typist = Typist::start(&session);
    let (shown, at) = next_line(&mut stdout);
    typist.stop();
    stop(child);
    assert_eq!(shown["delivered"], "dry-run", "{shown}");
    assert!(shown["retimed"].as_str().unwrap().contains("a full interval after you came back"), "{shown}");
    assert!(at - started >= Duration::from_secs(26), "came {:?} after the start, not at the plain 20 s", at - started);
    assert!((seconds(&shown["time"]) - next).abs() <= 1, "at the `next` it announced: {shown}");
}

#[test]
fn dunstctl_set_paused_holds_a_reminder_and_unpausing_releases_it_once() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], "the do-not-disturb test") {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    tool("dunstctl", &["set-paused", "true"], &session);
    let (child, mut stdout) =
        remind(&session, data.path(), &["--every", "3s", "--json", "--natural-break", "off", "--when-away", "notify"]);
    let (held, _) = next_line(&mut stdout);
    assert_eq!(held["delivered"], "held", "{held}");
    assert_eq!(held["reason"], "do-not-disturb is on; it comes when that ends");
    // Three more intervals pass in do-not-disturb: still one reminder waiting, not four.
    std::thread::sleep(Duration::from_secs(9));
    tool("dunstctl", &["set-paused", "false"], &session);
    let released_at = Instant::now();
    let (shown, read_at) = next_line(&mut stdout);
    assert_eq!(shown["delivered"], "notification", "{shown}");
    assert!(shown["retimed"].as_str().unwrap().contains("while do-not-disturb is on"), "{shown}");
    assert!(read_at - released_at < Duration::from_secs(3), "released within a poll: {:?}", read_at - released_at);
    let (after, then) = next_line(&mut stdout);
    stop(child);
    assert_eq!(after["delivered"], "notification", "{after}");
    assert!(after["retimed"].is_null(), "the next one is a plain reminder: {after}");
    assert!(then - read_at >= Duration::from_millis(2500), "a full interval later, not a burst: {:?}", then - read_at);
    assert_eq!(session.history().len(), 2, "dunst showed the released reminder and the next, nothing queued");
}

/// Xvfb has no window manager: the test plays its part with real X properties, a mapped window
/// named the active one on the root. The connection keeps the window alive.
fn active_window(session: &Session) -> (x11rb::rust_connection::RustConnection, u32) {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, CreateWindowAux, PropMode, WindowClass};
    use x11rb::wrapper::ConnectionExt as _;

    let (conn, screen) = x11rb::connect(session.display.as_deref()).unwrap();
    let root = conn.setup().roots[screen].root;
    let window = conn.generate_id().unwrap();
    conn.create_window(0, window, root, 0, 0, 640, 480, 0, WindowClass::INPUT_OUTPUT, 0, &CreateWindowAux::new())
        .unwrap();
    conn.map_window(window).unwrap();
    let active = conn.intern_atom(false, b"_NET_ACTIVE_WINDOW").unwrap().reply().unwrap().atom;
    conn.change_property32(PropMode::REPLACE, root, active, AtomEnum::WINDOW, &[window]).unwrap();
    conn.flush().unwrap();
    (conn, window)
}

#[test]
fn a_fullscreen_active_window_holds_a_reminder_until_it_leaves_fullscreen() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "xprop", "xdotool"], "the fullscreen test") {
        return;
    }
    let session = Session::with_xvfb();
    let (_conn, window) = active_window(&session);
    let id = format!("{window:#x}");
    tool(
        "xprop",
        &["-id", &id, "-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN"],
        &session,
    );
    let data = tempfile::tempdir().unwrap();
    let (child, mut stdout) = remind(
        &session,
        data.path(),
        &["--every", "3s", "--json", "--dry-run", "--natural-break", "off", "--when-away", "notify"],
    );
    let (held, _) = next_line(&mut stdout);
    assert_eq!(held["delivered"], "held", "{held}");
    assert_eq!(held["reason"], "a window is fullscreen; it comes when that ends");
    std::thread::sleep(Duration::from_secs(4));
    tool(
        "xprop",
        &["-id", &id, "-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_ABOVE"],
        &session,
    );
    let left_at = Instant::now();
    // Back at the desk: input every second or so, as a person typing gives.
    let typist = Typist::start(&session);
    let (shown, at) = next_line(&mut stdout);
    typist.stop();
    stop(child);
    assert_eq!(shown["delivered"], "dry-run", "{shown}");
    assert!(shown["retimed"].as_str().unwrap().contains("while a window is fullscreen"), "{shown}");
    assert!(at - left_at < Duration::from_secs(3), "released within a poll: {:?}", at - left_at);

    // With --when-fullscreen notify the same window does not hold it.
    tool(
        "xprop",
        &["-id", &id, "-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN"],
        &session,
    );
    let (child, mut stdout) = remind(
        &session,
        data.path(),
        &[
            "--every",
            "2s",
            "--json",
            "--dry-run",
            "--natural-break",
            "off",
            "--when-away",
            "notify",
            "--when-fullscreen",
            "notify",
        ],
    );
    let (shown, _) = next_line(&mut stdout);
    stop(child);
    assert_eq!(shown["delivered"], "dry-run", "{shown}");
}

#[test]
fn once_in_do_not_disturb_records_why_and_exits_0_without_notifying() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], "the --once do-not-disturb test") {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    tool("dunstctl", &["set-paused", "true"], &session);
    let (child, mut stdout) = remind(&session, data.path(), &["--once", "--when-away", "notify"]);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(rest, "", "nothing for cron to mail");
    let waiting = Process::new("dunstctl")
        .arg("count")
        .arg("waiting")
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&waiting.stdout).trim(), "0", "nothing queued behind do-not-disturb");
    let history = std::fs::read_dir(data.path().join("backpain/history")).unwrap().flatten().next().unwrap().path();
    let line: Value = serde_json::from_str(std::fs::read_to_string(history).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(line["delivered"], "held", "{line}");
    assert_eq!(line["reason"], "do-not-disturb is on (a scheduled --once reminder is not repeated)");

    // "Why didn't it remind me?": doctor shows the held reminder and its reason.
    let doctor = |json: bool| {
        let mut command = session.backpain();
        command.env("XDG_DATA_HOME", data.path()).env("COLUMNS", "80").arg("doctor");
        if json {
            command.arg("--json");
        }
        String::from_utf8(command.output().unwrap().stdout).unwrap()
    };
    let report: Value = serde_json::from_str(&doctor(true)).unwrap();
    let recent = report["history"]["recent_reminders"].as_array().unwrap();
    assert_eq!(recent.len(), 1, "{recent:?}");
    assert_eq!((recent[0]["delivered"].as_str(), recent[0]["at"].as_str()), (Some("held"), line["at"].as_str()));
    assert_eq!(recent[0]["reason"], line["reason"]);
    let text = doctor(false);
    let shown: Vec<&str> = text.lines().skip_while(|line| !line.contains("last reminders")).take(2).collect();
    assert!(shown[0].contains("held: do-not-disturb is on"), "{text}");
    let words = shown.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("held: do-not-disturb is on (a scheduled --once reminder is not repeated)"), "{text}");
    // Wrapped under the text after the time, so the next reminder's time stands out.
    let indent = shown[0].find("held:").unwrap();
    assert_eq!(shown[1].len() - shown[1].trim_start().len(), indent, "{text}");
    // And that it is still on, with how to end it.
    let dnd: Vec<&str> = text.lines().skip_while(|line| !line.contains("remind dnd")).take(4).collect();
    let dnd = dnd.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(dnd.contains("it is on now, so reminders are waiting; `dunstctl set-paused false` turns it off"), "{text}");
}

#[test]
fn a_loop_holding_a_reminder_stops_within_a_second_even_while_dunst_hangs() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], "the stop-while-held test") {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    tool("dunstctl", &["set-paused", "true"], &session);
    let (mut child, mut stdout) =
        remind(&session, data.path(), &["--every", "2s", "--json", "--natural-break", "off", "--when-away", "notify"]);
    let (held, _) = next_line(&mut stdout);
    assert_eq!(held["delivered"], "held", "{held}");
    // dunst stops answering: the loop's next asks wait on it, up to their deadline.
    session.signal_dunst(libc::SIGSTOP);
    std::thread::sleep(Duration::from_millis(700));
    let (status, took) = common::signal_and_wait(&mut child, libc::SIGTERM, Duration::from_secs(5));
    assert_eq!(status.code(), Some(130), "stopped by a signal");
    assert!(took < Duration::from_secs(1), "stopped {took:?} after SIGTERM");
}

#[test]
fn the_loop_says_when_it_starts_what_it_holds_reminders_for_and_which_source_tells_it() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst"], "the presence announcement test") {
        return;
    }
    let session = Session::with_dunst();
    let data = tempfile::tempdir().unwrap();
    let said = |args: &[&str]| {
        let (mut child, mut stdout) = remind(&session, data.path(), args);
        let (mut plan, mut presence) = (String::new(), String::new());
        stdout.read_line(&mut plan).unwrap();
        stdout.read_line(&mut presence).unwrap();
        let _ = common::signal_and_wait(&mut child, libc::SIGTERM, Duration::from_secs(5));
        assert!(plan.starts_with("Reminders every 1h; the first at "), "{plan}");
        presence.trim_end().to_string()
    };
    // Xvfb has no window manager, so no active window: fullscreen is not said.
    assert_eq!(
        said(&["--every", "1h"]),
        "Holding reminders while you are away (x11) or in do-not-disturb (dunst); 5 min away counts as a break."
    );
    let _active = active_window(&session);
    assert_eq!(
        said(&["--every", "1h"]),
        "Holding reminders while you are away (x11), in do-not-disturb (dunst) or fullscreen (x11); \
         5 min away counts as a break."
    );
    assert_eq!(
        said(&["--every", "1h", "--when-fullscreen", "notify", "--when-away", "notify", "--natural-break", "10m"]),
        "Holding reminders while you are in do-not-disturb (dunst); 10 min away counts as a break."
    );
}

/// A process the test started, killed when the test ends however it ends.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_loop_started_before_the_x_server_finds_it_at_the_next_reminder() {
    if !common::require_tools(&["dbus-daemon", "Xvfb"], "the late-desktop test") {
        return;
    }
    // A display number nothing uses yet, handed to the loop before its X server exists.
    let number = (300..900)
        .map(|offset| offset + std::process::id() % 97)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .unwrap();
    let mut session = Session::bus();
    session.display = Some(format!(":{number}"));
    let data = tempfile::tempdir().unwrap();
    let (child, mut stdout) = remind(&session, data.path(), &["--every", "3s", "--count", "2"]);
    let mut child = Killed(child);
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(line.starts_with("Reminders every 3s;"), "{line}");
    line.clear();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "No presence sources here (see backpain doctor): reminders come on the clock.\n");
    let _xvfb = Killed(
        Process::new("Xvfb")
            .args([format!(":{number}").as_str(), "-nolisten", "tcp", "-screen", "0", "640x480x24"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // The first reminder (3 s after the start) looks again and finds the X server's idle time.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut said = String::new();
    while !said.contains("now watching:") {
        assert!(Instant::now() < deadline, "no 'now watching' line:\n{said}");
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            break;
        }
        said.push_str(&line);
    }
    let watching = said.lines().find(|line| line.contains("now watching:")).unwrap_or_else(|| panic!("{said}"));
    assert!(
        watching.ends_with("now watching: holding reminders while you are away (x11); 5 min away counts as a break."),
        "{said}"
    );
    let status = child.0.wait().unwrap();
    assert_eq!(status.code(), Some(0), "--count 2 ends the loop:\n{said}");
}
