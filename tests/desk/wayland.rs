//! Wayland idle time (ext-idle-notify-v1) against a stand-in compositor of the tests' own: no
//! compositor that can run here has the protocol (Debian's sway 1.7 and weston 10 predate it).
//! The stand-in is a real Wayland server (wayland-server) on a socket in a temporary
//! XDG_RUNTIME_DIR; it advertises `wl_seat` and, when asked, `ext_idle_notifier_v1`, records the
//! notifications clients make, and sends `idled` and `resumed` when the test says the seat went
//! idle or came back, as a compositor does when the timeout passes and at the next input.
//!
//! `Desktop::connect` reads WAYLAND_DISPLAY, XDG_RUNTIME_DIR, DISPLAY and the bus addresses
//! from the environment, so the tests that connect in-process take `ENV` while they set them;
//! the ones that run the binary set every variable themselves.

#![cfg(all(unix, not(target_os = "macos")))]

use std::path::Path;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use backpain::presence::{Desktop, Presence, Source};
use wayland_protocols::ext::idle_notify::v1::server::ext_idle_notification_v1::{self, ExtIdleNotificationV1};
use wayland_protocols::ext::idle_notify::v1::server::ext_idle_notifier_v1::{self, ExtIdleNotifierV1};
use wayland_server::protocol::wl_seat::{self, WlSeat};
use wayland_server::{
    Client, DataInit, Dispatch, Display, DisplayHandle, GlobalDispatch, ListeningSocket, New, Resource,
};

use crate::common;

/// The socket's name in the stand-in's XDG_RUNTIME_DIR, as WAYLAND_DISPLAY gives it.
const SOCKET: &str = "wayland-backpain-test";

static ENV: Mutex<()> = Mutex::new(());

// --- The stand-in compositor ----------------------------------------------------------------

/// One notification a client made: its timeout in milliseconds, and whether it was version 2's
/// input notification (`get_input_idle_notification`) or the plain one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Made {
    timeout_ms: u32,
    input: bool,
}

enum Say {
    /// The seat is idle (true) or in use again (false); answered once the events are sent.
    Idle(bool, mpsc::Sender<()>),
    Stop,
}

/// A Wayland server on its own thread; it stops when dropped.
struct Compositor {
    runtime_dir: tempfile::TempDir,
    say: mpsc::Sender<Say>,
    made: Arc<Mutex<Vec<Made>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// What the server knows: the live notifications and whether the seat is idle.
struct Seat {
    idle: bool,
    notifications: Vec<ExtIdleNotificationV1>,
    made: Arc<Mutex<Vec<Made>>>,
}

struct Connected;
impl wayland_server::backend::ClientData for Connected {}

impl Compositor {
    /// Advertises `wl_seat`, and `ext_idle_notifier_v1` at `notifier_version` unless it is
    /// `None`.
    fn start(notifier_version: Option<u32>) -> Compositor {
        let runtime_dir = tempfile::tempdir().unwrap();
        let path = runtime_dir.path().join(SOCKET);
        let made = Arc::new(Mutex::new(Vec::new()));
        let (say, said) = mpsc::channel();
        let (ready, listening) = mpsc::channel();
        let seat = Seat { idle: false, notifications: Vec::new(), made: made.clone() };
        let thread = std::thread::spawn(move || serve(&path, notifier_version, seat, &said, &ready));
        listening.recv_timeout(Duration::from_secs(5)).expect("the stand-in compositor listens");
        Compositor { runtime_dir, say, made, thread: Some(thread) }
    }

    /// WAYLAND_DISPLAY and XDG_RUNTIME_DIR for a client of this compositor.
    fn env(&self) -> (&str, &Path) {
        (SOCKET, self.runtime_dir.path())
    }

    /// Says the seat went idle (or came back), and returns once the events are on the socket.
    fn set_idle(&self, idle: bool) {
        let (done, sent) = mpsc::channel();
        self.say.send(Say::Idle(idle, done)).unwrap();
        sent.recv_timeout(Duration::from_secs(5)).expect("the stand-in compositor sent the events");
    }

    fn made(&self) -> Vec<Made> {
        self.made.lock().unwrap().clone()
    }
}

impl Drop for Compositor {
    fn drop(&mut self) {
        let _ = self.say.send(Say::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    path: &Path,
    notifier_version: Option<u32>,
    mut seat: Seat,
    said: &mpsc::Receiver<Say>,
    ready: &mpsc::Sender<()>,
) {
    let mut display: Display<Seat> = Display::new().unwrap();
    let handle = display.handle();
    handle.create_global::<Seat, WlSeat, ()>(7, ());
    if let Some(version) = notifier_version {
        handle.create_global::<Seat, ExtIdleNotifierV1, ()>(version, ());
    }
    let socket = ListeningSocket::bind_absolute(path.to_path_buf()).unwrap();
    ready.send(()).unwrap();
    loop {
        while let Ok(Some(stream)) = socket.accept() {
            let _ = display.handle().insert_client(stream, Arc::new(Connected));
        }
        let _ = display.dispatch_clients(&mut seat);
        let _ = display.flush_clients();
        match said.recv_timeout(Duration::from_millis(5)) {
            Ok(Say::Idle(idle, done)) => {
                if idle != seat.idle {
                    seat.idle = idle;
                    for notification in seat.notifications.iter().filter(|n| n.is_alive()) {
                        if idle {
                            notification.idled();
                        } else {
                            notification.resumed();
                        }
                    }
                }
                let _ = display.flush_clients();
                let _ = done.send(());
            }
            Ok(Say::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
}

impl GlobalDispatch<WlSeat, ()> for Seat {
    fn bind(_: &mut Seat, _: &DisplayHandle, _: &Client, seat: New<WlSeat>, _: &(), init: &mut DataInit<'_, Seat>) {
        let seat = init.init(seat, ());
        seat.capabilities(wl_seat::Capability::Pointer | wl_seat::Capability::Keyboard);
        if seat.version() >= 2 {
            seat.name("seat0".into());
        }
    }
}

impl Dispatch<WlSeat, ()> for Seat {
    fn request(
        _: &mut Seat,
        _: &Client,
        _: &WlSeat,
        _: wl_seat::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Seat>,
    ) {
        // backpain asks the seat for nothing: no pointer, keyboard or touch.
    }
}

impl GlobalDispatch<ExtIdleNotifierV1, ()> for Seat {
    fn bind(
        _: &mut Seat,
        _: &DisplayHandle,
        _: &Client,
        notifier: New<ExtIdleNotifierV1>,
        _: &(),
        init: &mut DataInit<'_, Seat>,
    ) {
        init.init(notifier, ());
    }
}

impl Dispatch<ExtIdleNotifierV1, ()> for Seat {
    fn request(
        seat: &mut Seat,
        _: &Client,
        _: &ExtIdleNotifierV1,
        request: ext_idle_notifier_v1::Request,
        _: &(),
        _: &DisplayHandle,
        init: &mut DataInit<'_, Seat>,
    ) {
        let (id, timeout_ms, input) = match request {
            ext_idle_notifier_v1::Request::GetIdleNotification { id, timeout, .. } => (id, timeout, false),
            ext_idle_notifier_v1::Request::GetInputIdleNotification { id, timeout, .. } => (id, timeout, true),
            _ => return,
        };
        let notification = init.init(id, ());
        seat.made.lock().unwrap().push(Made { timeout_ms, input });
        // A seat already idle: as a compositor does once the timeout has passed without input.
        if seat.idle {
            notification.idled();
        }
        seat.notifications.push(notification);
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for Seat {
    fn request(
        _: &mut Seat,
        _: &Client,
        _: &ExtIdleNotificationV1,
        _: ext_idle_notification_v1::Request,
        _: &(),
        _: &DisplayHandle,
        _: &mut DataInit<'_, Seat>,
    ) {
        // Only `destroy`, which the library handles.
    }
}

// --- In-process: Desktop ----------------------------------------------------------------------

/// A `Desktop` connected with WAYLAND_DISPLAY and XDG_RUNTIME_DIR as `wayland` gives them (no
/// Wayland session with `None`), no buses and `display` as the X display; and how long
/// connecting took.
fn desktop(wayland: Option<(&str, &Path)>, display: Option<&str>) -> (Desktop, Duration) {
    let _env = ENV.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    match wayland {
        Some((wayland_display, runtime_dir)) => {
            std::env::set_var("WAYLAND_DISPLAY", wayland_display);
            std::env::set_var("XDG_RUNTIME_DIR", runtime_dir);
        }
        None => {
            std::env::remove_var("WAYLAND_DISPLAY");
            std::env::set_var("XDG_RUNTIME_DIR", "/nonexistent/backpain-test-runtime");
        }
    }
    match display {
        Some(display) => std::env::set_var("DISPLAY", display),
        None => std::env::remove_var("DISPLAY"),
    }
    std::env::remove_var("WAYLAND_SOCKET");
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-session-bus");
    std::env::set_var("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-system-bus");
    let started = Instant::now();
    let desktop = Desktop::connect();
    (desktop, started.elapsed())
}

fn idle(desktop: &mut Desktop) -> Duration {
    desktop.snapshot().idle.expect("an idle time")
}

#[test]
fn wayland_idle_from_a_stand_in_compositor_on_a_private_socket_grows_and_resets() {
    let compositor = Compositor::start(Some(2));
    let (mut desktop, took) = desktop(Some(compositor.env()), None);
    assert!(took < Duration::from_millis(1500), "connect took {took:?}");
    assert_eq!(desktop.sources(), [Source::WaylandIdle], "the only source here");
    assert_eq!(
        compositor.made(),
        [Made { timeout_ms: 10_000, input: true }],
        "one 10 s notification, version 2's input one that idle inhibitors do not hold back"
    );
    assert_eq!(idle(&mut desktop), Duration::ZERO, "in use until the compositor says idled");

    compositor.set_idle(true);
    let first = idle(&mut desktop);
    assert!((Duration::from_secs(10)..Duration::from_secs(11)).contains(&first), "the timeout passed: {first:?}");
    std::thread::sleep(Duration::from_millis(1500));
    let later = idle(&mut desktop);
    assert!(later >= first + Duration::from_millis(1400), "grows while idle: {first:?} then {later:?}");
    assert!(later < first + Duration::from_secs(3), "{later:?}");

    compositor.set_idle(false);
    assert_eq!(idle(&mut desktop), Duration::ZERO, "input resets it");
    std::thread::sleep(Duration::from_millis(300));
    compositor.set_idle(true);
    let again = idle(&mut desktop);
    assert!(again < Duration::from_millis(10_300), "counts from the new idled, not the old: {again:?}");
    assert_eq!(compositor.made().len(), 1, "no new notification per reading");
}

#[test]
fn a_version_1_notifier_gets_the_plain_idle_notification_and_still_reports_idle() {
    let compositor = Compositor::start(Some(1));
    let (mut desktop, _) = desktop(Some(compositor.env()), None);
    assert_eq!(compositor.made(), [Made { timeout_ms: 10_000, input: false }]);
    compositor.set_idle(true);
    assert!(idle(&mut desktop) >= Duration::from_secs(10));
    compositor.set_idle(false);
    assert_eq!(idle(&mut desktop), Duration::ZERO);
}

#[test]
fn a_compositor_without_ext_idle_notify_is_skipped_quietly() {
    let compositor = Compositor::start(None);
    let (mut desktop, took) = desktop(Some(compositor.env()), None);
    assert!(took < Duration::from_millis(1500), "connect took {took:?}");
    assert!(!desktop.available(), "{:?}", desktop.sources());
    assert_eq!(desktop.snapshot().idle, None);
    let probe = desktop.probe_all().into_iter().find(|probe| probe.source == "wayland").unwrap();
    assert_eq!(probe.answer, Err("the compositor has no ext_idle_notifier_v1".to_string()));
    assert!(compositor.made().is_empty());

    let (mut desktop, _) = self::desktop(None, None);
    let probe = desktop.probe_all().into_iter().find(|probe| probe.source == "wayland").unwrap();
    assert_eq!(probe.answer, Err("not a Wayland session: WAYLAND_DISPLAY is not set".to_string()));
}

#[test]
fn a_compositor_that_never_answers_is_given_up_on_within_the_connect_deadline() {
    // A socket that accepts and then says nothing: the registry's roundtrip never returns.
    // WAYLAND_DISPLAY as an absolute path, which libwayland and backpain take as it is.
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join(SOCKET);
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let (mut desktop, took) = desktop(Some((socket.to_str().unwrap(), Path::new("/nonexistent"))), None);
    assert!(took < Duration::from_millis(1500), "connect took {took:?}");
    assert!(!desktop.available(), "{:?}", desktop.sources());
    let probe = desktop.probe_all().into_iter().find(|probe| probe.source == "wayland").unwrap();
    assert!(
        probe.answer.as_ref().is_err_and(|why| why.contains("the Wayland compositor did not answer")),
        "{:?}",
        probe.answer
    );
    drop(listener);
}

#[test]
fn on_a_wayland_session_the_compositor_idle_time_wins_over_xwaylands() {
    use common::session::Session;
    if !common::require_tools(&["dbus-daemon", "Xvfb"], "the Wayland-over-X11 order test") {
        return;
    }
    // Xvfb plays XWayland: no input reaches it, so its idle time only grows.
    let session = Session::with_xvfb();
    let compositor = Compositor::start(Some(2));
    std::thread::sleep(Duration::from_millis(1200));
    let (mut desktop, _) = desktop(Some(compositor.env()), session.display.as_deref());
    // No window manager on Xvfb, so no fullscreen source.
    assert_eq!(desktop.sources(), [Source::WaylandIdle, Source::X11Idle]);
    assert_eq!(idle(&mut desktop), Duration::ZERO, "the compositor says in use; X11 says idle 1 s and more");
    let probes = desktop.probe_all();
    let x11 = probes.iter().find(|probe| probe.source == "x11").unwrap();
    assert!(x11.answer.as_ref().is_ok_and(|value| value.ends_with(" s idle") && value != "0 s idle"), "{x11:?}");
}

// --- The binary: backpain doctor --------------------------------------------------------------

/// `backpain doctor` with the stand-in compositor (or none) and no buses or X display.
fn doctor(compositor: Option<&Compositor>, args: &[&str]) -> std::process::Output {
    let mut command = assert_cmd::Command::cargo_bin("backpain").unwrap();
    command
        .arg("doctor")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-session-bus")
        .env("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-system-bus")
        .env("XDG_CONFIG_HOME", common::data_home())
        .env("XDG_DATA_HOME", common::data_home())
        .env("COLUMNS", "100")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env_remove("XDG_CURRENT_DESKTOP")
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(30));
    match compositor {
        Some(compositor) => {
            let (wayland_display, runtime_dir) = compositor.env();
            command.env("WAYLAND_DISPLAY", wayland_display).env("XDG_RUNTIME_DIR", runtime_dir)
        }
        None => command.env_remove("WAYLAND_DISPLAY").env("XDG_RUNTIME_DIR", "/nonexistent/backpain-test-runtime"),
    };
    let output = command.output().unwrap();
    assert!(output.status.success(), "doctor exits 0: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// The wayland entry of doctor's `presence`, and the source it says idle comes from.
fn wayland_probe(output: &std::process::Output) -> (serde_json::Value, serde_json::Value) {
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let probes = report["presence"].as_array().unwrap();
    let wayland: Vec<_> = probes.iter().filter(|probe| probe["source"] == "wayland").collect();
    assert_eq!(wayland.len(), 1, "{probes:?}");
    (wayland[0].clone(), report["signals"]["idle"].clone())
}

#[test]
fn doctor_json_lists_the_wayland_source_with_the_idle_time_the_stand_in_compositor_reports() {
    let compositor = Compositor::start(Some(2));
    // The seat is idle before doctor connects, so its notification is idled at once.
    compositor.set_idle(true);
    let (probe, idle_from) = wayland_probe(&doctor(Some(&compositor), &["--json"]));
    assert_eq!(probe["signal"], "idle");
    assert_eq!(probe["describe"], "Wayland ext-idle-notify-v1 (compositor)");
    assert_eq!(
        (&probe["ok"], &probe["value"], &probe["reason"]),
        (&true.into(), &"10 s idle".into(), &serde_json::Value::Null)
    );
    assert_eq!(idle_from, "wayland", "remind reads idle from the compositor");

    let text = doctor(Some(&compositor), &[]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.lines().any(|line| line.starts_with("ok") && line.contains("wayland idle") && line.contains("10 s idle")),
        "{text}"
    );
    assert!(text.lines().any(|line| line.contains("remind idle") && line.contains("from wayland")), "{text}");
}

#[test]
fn doctor_says_why_the_wayland_source_is_off_without_the_protocol_or_a_wayland_session() {
    let compositor = Compositor::start(None);
    let output = doctor(Some(&compositor), &["--json"]);
    assert!(output.stderr.is_empty(), "quietly: {}", String::from_utf8_lossy(&output.stderr));
    let (probe, idle_from) = wayland_probe(&output);
    assert_eq!((&probe["ok"], &probe["value"]), (&false.into(), &serde_json::Value::Null));
    assert_eq!(probe["reason"], "the compositor has no ext_idle_notifier_v1");
    assert_eq!(idle_from, serde_json::Value::Null);

    let (probe, _) = wayland_probe(&doctor(None, &["--json"]));
    assert_eq!(probe["reason"], "not a Wayland session: WAYLAND_DISPLAY is not set");
}
