//! Presence against real parts where they can run here (Xvfb with xdotool, dunst on a private
//! bus) and, for logind, GNOME Mutter and the KDE services, which cannot, against stand-in
//! services of the tests' own on private buses, as each test's name says. The stand-ins answer
//! at the names, paths, interfaces and property names the real services publish.
//!
//! `Desktop::connect` reads DISPLAY and the bus addresses from the environment, so the tests
//! that connect in-process take `ENV` while they set them; the ones that run the binary set
//! every variable themselves.

#![cfg(all(unix, not(target_os = "macos")))]

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use backpain::presence::{Desktop, Presence, Snapshot, Source};
use serde::Deserialize;

use crate::common;
use common::session::Session;

static ENV: Mutex<()> = Mutex::new(());

/// A `Desktop` connected with exactly these variables (`None` removes one), and how long
/// connecting took.
fn desktop(display: Option<&str>, session: Option<&str>, system: Option<&str>) -> (Desktop, Duration) {
    let _env = ENV.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let set = |name: &str, value: Option<&str>| match value {
        Some(value) => std::env::set_var(name, value),
        None => std::env::remove_var(name),
    };
    set("DISPLAY", display);
    set("DBUS_SESSION_BUS_ADDRESS", session);
    // Never the machine's own system bus: an unset variable would fall back to it.
    set("DBUS_SYSTEM_BUS_ADDRESS", Some(system.unwrap_or("unix:path=/nonexistent/backpain-test-system-bus")));
    std::env::set_var("XDG_RUNTIME_DIR", "/nonexistent/backpain-test-runtime");
    // Never the machine's own compositor (tests/wayland.rs has a stand-in of its own).
    std::env::remove_var("WAYLAND_DISPLAY");
    std::env::remove_var("XDG_CURRENT_DESKTOP");
    let started = Instant::now();
    let desktop = Desktop::connect();
    (desktop, started.elapsed())
}

/// Asks until `check` holds for the snapshot (the servers apply changes asynchronously), at
/// most 5 s; returns the last snapshot.
fn until(desktop: &mut Desktop, check: impl Fn(&Snapshot) -> bool) -> Snapshot {
    let started = Instant::now();
    loop {
        let snapshot = desktop.snapshot();
        if check(&snapshot) || started.elapsed() > Duration::from_secs(5) {
            return snapshot;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn run(tool: &str, args: &[&str], session: &Session) {
    let output = std::process::Command::new(tool)
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("DISPLAY", session.display.as_deref().unwrap_or_default())
        .output()
        .unwrap();
    assert!(output.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn x11_idle_time_grows_while_nothing_happens_and_resets_after_xdotool_input() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "xdotool"], "the X11 idle-time test") {
        return;
    }
    let session = Session::with_xvfb();
    let (mut desktop, _) = desktop(session.display.as_deref(), Some(&session.address), None);
    assert!(desktop.sources().contains(&Source::X11Idle), "{:?}", desktop.sources());
    assert!(desktop.available());
    run("xdotool", &["mousemove", "10", "10"], &session);
    std::thread::sleep(Duration::from_millis(2200));
    let idle = desktop.snapshot().idle.expect("an idle time from X11");
    assert!(idle >= Duration::from_secs(2), "2.2 s without input, idle {idle:?}");
    assert!(idle < Duration::from_secs(30), "{idle:?}");
    run("xdotool", &["mousemove", "200", "150"], &session);
    let after = until(&mut desktop, |snapshot| snapshot.idle.is_some_and(|idle| idle < Duration::from_secs(1)));
    assert!(after.idle.is_some_and(|idle| idle < Duration::from_secs(1)), "input resets idle: {after:?}");
}

#[test]
fn a_window_marked_fullscreen_by_real_x_properties_on_the_active_window_is_seen_as_fullscreen() {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, CreateWindowAux, PropMode, WindowClass};
    use x11rb::wrapper::ConnectionExt as _;

    if !common::require_tools(&["dbus-daemon", "Xvfb"], "the X11 fullscreen test") {
        return;
    }
    let session = Session::with_xvfb();
    let display = session.display.clone().unwrap();
    // Xvfb has no window manager: the test plays its part and sets the EWMH properties itself.
    let (conn, screen) = x11rb::connect(Some(&display)).unwrap();
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| conn.intern_atom(false, name).unwrap().reply().unwrap().atom;
    let (active, state, fullscreen, above) = (
        atom(b"_NET_ACTIVE_WINDOW"),
        atom(b"_NET_WM_STATE"),
        atom(b"_NET_WM_STATE_FULLSCREEN"),
        atom(b"_NET_WM_STATE_ABOVE"),
    );
    let window = conn.generate_id().unwrap();
    conn.create_window(0, window, root, 0, 0, 640, 480, 0, WindowClass::INPUT_OUTPUT, 0, &CreateWindowAux::new())
        .unwrap();
    conn.map_window(window).unwrap();
    let mark = |states: &[u32]| {
        conn.change_property32(PropMode::REPLACE, window, state, AtomEnum::ATOM, states).unwrap();
        conn.flush().unwrap();
    };

    // No _NET_ACTIVE_WINDOW yet: nothing says which window is active, so no answer at all.
    let (mut desktop, _) = desktop(Some(&display), Some(&session.address), None);
    assert_eq!(desktop.snapshot().fullscreen, None);

    conn.change_property32(PropMode::REPLACE, root, active, AtomEnum::WINDOW, &[window]).unwrap();
    mark(&[above, fullscreen]);
    let (mut desktop, _) = self::desktop(Some(&display), Some(&session.address), None);
    assert!(desktop.sources().contains(&Source::X11Fullscreen), "{:?}", desktop.sources());
    assert_eq!(until(&mut desktop, |s| s.fullscreen == Some(true)).fullscreen, Some(true));

    mark(&[above]);
    assert_eq!(until(&mut desktop, |s| s.fullscreen == Some(false)).fullscreen, Some(false), "fullscreen ended");

    mark(&[fullscreen]);
    assert_eq!(until(&mut desktop, |s| s.fullscreen == Some(true)).fullscreen, Some(true));
    // Another window becomes active: the fullscreen one is in the background now.
    conn.change_property32(PropMode::REPLACE, root, active, AtomEnum::WINDOW, &[0]).unwrap();
    conn.flush().unwrap();
    assert_eq!(until(&mut desktop, |s| s.fullscreen == Some(false)).fullscreen, Some(false), "no active window");
}

#[test]
fn dunstctl_set_paused_is_seen_as_do_not_disturb_and_unpausing_clears_it() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], "the dunst do-not-disturb test") {
        return;
    }
    let session = Session::with_dunst();
    let (mut desktop, _) = desktop(None, Some(&session.address), None);
    assert!(desktop.sources().contains(&Source::DunstPaused), "{:?}", desktop.sources());
    assert_eq!(desktop.snapshot().dnd, Some(false));
    run("dunstctl", &["set-paused", "true"], &session);
    assert_eq!(until(&mut desktop, |s| s.dnd == Some(true)).dnd, Some(true), "paused is do-not-disturb");
    run("dunstctl", &["set-paused", "false"], &session);
    assert_eq!(until(&mut desktop, |s| s.dnd == Some(false)).dnd, Some(false), "unpaused clears it");
}

#[test]
fn connect_gives_up_on_buses_that_never_answer_within_about_a_second() {
    // Sockets that accept and then say nothing: the D-Bus handshake never completes.
    let dir = tempfile::tempdir().unwrap();
    let listen = |name: &str| {
        let path = dir.path().join(name);
        let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
        std::thread::spawn(move || {
            let held: Vec<_> = listener.incoming().take(4).collect();
            std::thread::sleep(Duration::from_secs(30));
            drop(held);
        });
        format!("unix:path={}", path.display())
    };
    let (session, system) = (listen("session"), listen("system"));
    let (mut desktop, took) = desktop(None, Some(&session), Some(&system));
    assert!(took < Duration::from_millis(1500), "connect took {took:?}");
    assert!(!desktop.available(), "{:?}", desktop.sources());
    assert_eq!(desktop.snapshot(), Snapshot::default());
}

// --- Stand-in services on private buses -----------------------------------------------------

/// logind's session object, as systemd-logind publishes it (org.freedesktop.login1.Session).
struct Logind {
    locked: Arc<AtomicBool>,
    idle_since_micros: u64,
}

#[zbus::interface(name = "org.freedesktop.login1.Session")]
impl Logind {
    #[zbus(property, name = "LockedHint")]
    fn locked_hint(&self) -> bool {
        self.locked.load(Ordering::SeqCst)
    }
    #[zbus(property, name = "IdleHint")]
    fn idle_hint(&self) -> bool {
        true
    }
    #[zbus(property, name = "IdleSinceHint")]
    fn idle_since_hint(&self) -> u64 {
        self.idle_since_micros
    }
}

/// GNOME's idle monitor (org.gnome.Mutter.IdleMonitor): milliseconds since the last input.
struct Mutter(Arc<AtomicU64>);

#[zbus::interface(name = "org.gnome.Mutter.IdleMonitor")]
impl Mutter {
    #[zbus(name = "GetIdletime")]
    fn get_idletime(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// KDE's org.freedesktop.ScreenSaver: idle time in milliseconds, as kscreenlocker returns it.
struct ScreenSaver {
    idle_ms: u32,
    active: bool,
}

#[zbus::interface(name = "org.freedesktop.ScreenSaver")]
impl ScreenSaver {
    #[zbus(name = "GetSessionIdleTime")]
    fn get_session_idle_time(&self) -> u32 {
        self.idle_ms
    }
    #[zbus(name = "GetActive")]
    fn get_active(&self) -> bool {
        self.active
    }
}

/// KDE's notification server: its `Inhibited` property is do-not-disturb.
struct KdeNotifications(Arc<AtomicBool>);

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl KdeNotifications {
    #[zbus(property, name = "Inhibited")]
    fn inhibited(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
    #[zbus(name = "GetServerInformation")]
    fn get_server_information(&self) -> (String, String, String, String) {
        ("Plasma".into(), "KDE".into(), "6.4".into(), "1.2".into())
    }
    #[zbus(name = "GetCapabilities")]
    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into(), "body-markup".into()]
    }
}

/// The settings portal (org.freedesktop.portal.Settings) answering for GNOME's show-banners;
/// `old` plays a portal from before `ReadOne`, whose `Read` wraps the value in a second variant.
struct Portal {
    banners: Arc<AtomicBool>,
    old: bool,
}

#[zbus::interface(name = "org.freedesktop.portal.Settings")]
impl Portal {
    #[zbus(name = "ReadOne")]
    fn read_one(&self, namespace: &str, key: &str) -> zbus::fdo::Result<zbus::OwnedVariant> {
        if self.old {
            return Err(zbus::fdo::Error::UnknownMethod("no ReadOne before version 2".into()));
        }
        self.value(namespace, key).map(|value| zbus::OwnedVariant::try_from(value).unwrap())
    }
    #[zbus(name = "Read")]
    fn read(&self, namespace: &str, key: &str) -> zbus::fdo::Result<zbus::OwnedVariant> {
        let value = self.value(namespace, key)?;
        Ok(zbus::OwnedVariant::try_from(zbus::Variant::Variant(Box::new(value))).unwrap())
    }
}

impl Portal {
    fn value(&self, namespace: &str, key: &str) -> zbus::fdo::Result<zbus::Variant<'static>> {
        if (namespace, key) != ("org.gnome.desktop.notifications", "show-banners") {
            return Err(zbus::fdo::Error::Failed("Requested setting not found".into()));
        }
        Ok(zbus::Variant::from(self.banners.load(Ordering::SeqCst)))
    }
}

/// Puts `service` on the bus at `address` under `name` and `path`; it answers for as long as
/// the returned connection lives.
fn serve<I: zbus::object_server::Interface>(address: &str, name: &str, path: &str, service: I) -> zbus::Connection {
    zbus::block_on(async {
        zbus::connection::Builder::address(address)
            .name(name.to_string())
            .serve_at(path.to_string(), service)
            .build()
            .await
            .unwrap()
    })
}

fn stand_ins_available() -> bool {
    common::require_tools(&["dbus-daemon"], "the stand-in service tests")
}

#[test]
fn logind_locked_hint_from_a_stand_in_service_on_a_private_system_bus() {
    if !stand_ins_available() {
        return;
    }
    let (system, session) = (Session::bus(), Session::bus());
    let locked = Arc::new(AtomicBool::new(true));
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    let idle_since_micros = (now - Duration::from_secs(600)).as_micros() as u64;
    let _logind = serve(
        &system.address,
        "org.freedesktop.login1",
        "/org/freedesktop/login1/session/auto",
        Logind { locked: locked.clone(), idle_since_micros },
    );
    let (mut desktop, _) = desktop(None, Some(&session.address), Some(&system.address));
    assert!(desktop.sources().contains(&Source::LogindLocked), "{:?}", desktop.sources());
    let snapshot = desktop.snapshot();
    assert_eq!(snapshot.locked, Some(true));
    // With no other idle source, logind's IdleSinceHint gives the time away.
    let idle = snapshot.idle.expect("idle from IdleSinceHint");
    assert!((Duration::from_secs(599)..Duration::from_secs(660)).contains(&idle), "{idle:?}");
    locked.store(false, Ordering::SeqCst);
    assert_eq!(until(&mut desktop, |s| s.locked == Some(false)).locked, Some(false), "unlocked");
}

#[test]
fn mutter_idle_monitor_from_a_stand_in_service_on_a_private_bus_comes_before_the_screensaver() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let mutter_ms = Arc::new(AtomicU64::new(123_456));
    let _mutter = serve(
        &session.address,
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        Mutter(mutter_ms.clone()),
    );
    let _screensaver = serve(
        &session.address,
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        ScreenSaver { idle_ms: 45_000, active: false },
    );
    let (mut desktop, _) = desktop(None, Some(&session.address), None);
    let snapshot = desktop.snapshot();
    assert_eq!(snapshot.idle, Some(Duration::from_millis(123_456)), "Mutter first, in milliseconds");
    assert_eq!(snapshot.locked, Some(false), "the screen saver is not active");
    mutter_ms.store(2_000, Ordering::SeqCst);
    assert_eq!(desktop.snapshot().idle, Some(Duration::from_secs(2)), "read again at each snapshot");
}

#[test]
fn kde_screensaver_idle_time_and_active_from_a_stand_in_service_on_a_private_bus() {
    if !stand_ins_available() {
        return;
    }
    let (system, session) = (Session::bus(), Session::bus());
    // logind says unlocked; an active screen saver still counts as locked.
    let _logind = serve(
        &system.address,
        "org.freedesktop.login1",
        "/org/freedesktop/login1/session/auto",
        Logind { locked: Arc::new(AtomicBool::new(false)), idle_since_micros: 0 },
    );
    let _screensaver = serve(
        &session.address,
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        ScreenSaver { idle_ms: 45_000, active: true },
    );
    let (mut desktop, _) = desktop(None, Some(&session.address), Some(&system.address));
    let snapshot = desktop.snapshot();
    assert_eq!(snapshot.idle, Some(Duration::from_secs(45)), "GetSessionIdleTime is in milliseconds");
    assert_eq!(snapshot.locked, Some(true));
}

#[test]
fn kde_notifications_inhibited_from_a_stand_in_service_on_a_private_bus_is_do_not_disturb() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let inhibited = Arc::new(AtomicBool::new(true));
    let _kde = serve(
        &session.address,
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        KdeNotifications(inhibited.clone()),
    );
    let (mut desktop, _) = desktop(None, Some(&session.address), None);
    assert!(desktop.sources().contains(&Source::KdeInhibited), "{:?}", desktop.sources());
    assert!(!desktop.sources().contains(&Source::DunstPaused), "not dunst: no org.dunstproject.cmd0");
    assert_eq!(desktop.snapshot().dnd, Some(true));
    inhibited.store(false, Ordering::SeqCst);
    assert_eq!(until(&mut desktop, |s| s.dnd == Some(false)).dnd, Some(false));
}

#[test]
fn gnome_show_banners_off_from_a_stand_in_settings_portal_on_a_private_bus_is_do_not_disturb() {
    if !stand_ins_available() {
        return;
    }
    for old in [false, true] {
        let session = Session::bus();
        let banners = Arc::new(AtomicBool::new(false));
        let _portal = serve(
            &session.address,
            "org.freedesktop.portal.Desktop",
            "/org/freedesktop/portal/desktop",
            Portal { banners: banners.clone(), old },
        );
        let (mut desktop, _) = desktop(None, Some(&session.address), None);
        assert!(desktop.sources().contains(&Source::GnomeBanners), "old portal {old}: {:?}", desktop.sources());
        assert_eq!(desktop.snapshot().dnd, Some(true), "banners off is do-not-disturb (old portal {old})");
        banners.store(true, Ordering::SeqCst);
        assert_eq!(desktop.snapshot().dnd, Some(false), "banners on (old portal {old})");
    }
}

// --- backpain doctor ------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doctor {
    session_bus: Option<String>,
    notification_server: Server,
    presence: Vec<Probe>,
    signals: Signals,
    timer: Timer,
    config: Config,
    history: History,
    remind: Remind,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Server {
    found: bool,
    name: Option<String>,
    vendor: Option<String>,
    version: Option<String>,
    spec_version: Option<String>,
    capabilities: Vec<String>,
    actions: bool,
    body_markup: bool,
    reason: Option<String>,
    fix: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    source: String,
    signal: String,
    describe: String,
    ok: bool,
    value: Option<String>,
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Signals {
    idle: Option<String>,
    locked: Option<String>,
    dnd: Option<String>,
    fullscreen: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Timer {
    unit: String,
    installed: Option<bool>,
    active: Option<bool>,
    next: Option<String>,
    reason: Option<String>,
    fix: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    path: Option<String>,
    exists: bool,
    valid: bool,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct History {
    dir: Option<String>,
    exists: bool,
    error: Option<String>,
    recording: bool,
    recent_reminders: Vec<RecentReminder>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecentReminder {
    at: String,
    delivered: Option<String>,
    reason: Option<String>,
    snoozed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Remind {
    natural_break: String,
    when_fullscreen: String,
    when_dnd: String,
    when_away: String,
    open_command: Option<String>,
}

/// `backpain doctor` with exactly this desktop: the session's bus and display, no system bus.
fn doctor(session: &Session, args: &[&str]) -> (std::process::Output, Duration) {
    let mut command = session.backpain();
    command
        .arg("doctor")
        .args(args)
        .env("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-system-bus")
        .env_remove("XDG_CURRENT_DESKTOP")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", session.dir.path());
    match &session.display {
        Some(display) => command.env("DISPLAY", display),
        None => command.env_remove("DISPLAY"),
    };
    let started = Instant::now();
    let output = command.output().unwrap();
    (output, started.elapsed())
}

fn report(output: &std::process::Output) -> Doctor {
    assert!(output.status.success(), "doctor exits 0: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn doctor_json_under_xvfb_and_dunst_reports_the_server_and_each_source_it_found() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst", "dunstctl"], "the doctor test") {
        return;
    }
    let session = Session::with_dunst();
    run("dunstctl", &["set-paused", "true"], &session);
    let (output, took) = doctor(&session, &["--json"]);
    let report = report(&output);
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert_eq!(report.session_bus.as_deref(), Some(session.address.as_str()));
    let server = &report.notification_server;
    assert!(server.found);
    assert_eq!(server.name.as_deref(), Some("dunst"));
    assert!(server.vendor.is_some() && server.version.is_some() && server.spec_version.is_some(), "{server:?}");
    assert!(server.actions && server.body_markup, "dunst has both: {server:?}");
    assert!(server.capabilities.iter().any(|cap| cap == "actions"));
    assert_eq!((server.reason.as_deref(), server.fix.as_deref()), (None, None));

    let probe = |source: &str, signal: &str| {
        report.presence.iter().find(|p| p.source == source && p.signal == signal).unwrap_or_else(|| panic!("{source}"))
    };
    let x11 = probe("x11", "idle");
    assert!(x11.ok, "{x11:?}");
    assert!(x11.value.as_deref().is_some_and(|value| value.ends_with(" s idle")), "{x11:?}");
    let dunst = probe("dunst", "dnd");
    assert!(dunst.ok && dunst.value.as_deref() == Some("true"), "paused: {dunst:?}");
    for (source, signal) in [("mutter", "idle"), ("kde", "dnd"), ("logind", "locked"), ("x11", "fullscreen")] {
        let missing = probe(source, signal);
        assert!(!missing.ok && missing.value.is_none(), "{missing:?}");
        assert!(missing.reason.as_deref().is_some_and(|reason| !reason.is_empty()), "{missing:?}");
        assert!(!missing.describe.is_empty());
    }
    assert_eq!(report.presence.len(), 11, "every source, answered or not");
    assert_eq!(report.signals.idle.as_deref(), Some("x11"));
    assert_eq!(report.signals.dnd.as_deref(), Some("dunst"));
    assert_eq!((report.signals.locked.as_deref(), report.signals.fullscreen.as_deref()), (None, None));
    assert_eq!(report.remind.natural_break, "5m");
    assert_eq!((report.remind.when_fullscreen.as_str(), report.remind.when_dnd.as_str()), ("hold", "hold"));
    assert_eq!((report.remind.when_away.as_str(), report.remind.open_command.as_deref()), ("hold", None));
    assert!(report.config.valid && !report.config.exists && report.config.error.is_none(), "{:?}", report.config);
    assert!(report.config.path.is_some_and(|path| path.ends_with("backpain/config.toml")));
    assert!(report.history.dir.is_some_and(|dir| dir.ends_with("history")) && report.history.error.is_none());
    assert!(!report.history.exists);
    assert_eq!(report.timer.unit, "backpain-remind.timer");

    // The text says the same, a line per check.
    let (output, _) = doctor(&session, &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(text.lines().any(|line| line.starts_with("ok") && line.contains("dunst")), "{text}");
    assert!(
        text.lines().any(|line| line.starts_with("ok") && line.contains("remind dnd") && line.contains("from dunst")),
        "{text}"
    );
    assert!(text.lines().any(|line| line.starts_with("off") && line.contains("remind fullscreen")), "{text}");
}

#[test]
fn doctor_says_there_is_no_notification_server_and_how_to_get_one() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let (output, _) = doctor(&session, &["--json"]);
    let report = report(&output);
    let server = &report.notification_server;
    assert!(!server.found && server.name.is_none() && server.capabilities.is_empty(), "{server:?}");
    assert_eq!(server.reason.as_deref(), Some("not on the bus"));
    assert!(server.fix.as_deref().is_some_and(|fix| fix.contains("install dunst or use your desktop's")), "{server:?}");
    let (output, _) = doctor(&session, &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "a report exits 0 whatever is missing");
    let line = entry(&text, "notifications");
    assert!(line.starts_with("missing") && line.contains("no notification server: install dunst"), "{text}");
}

/// The check named `name` in doctor's text, its wrapped lines joined into one.
fn entry(text: &str, name: &str) -> String {
    let mut lines = text.lines().skip_while(|line| line.split_whitespace().nth(1) != Some(name));
    let first = lines.next().unwrap_or_default().to_string();
    lines.take_while(|line| line.starts_with(' ')).fold(first, |joined, line| format!("{joined} {}", line.trim()))
}

#[test]
fn doctor_finishes_quickly_when_the_notification_server_is_hung_and_says_so() {
    if !common::require_tools(&["dbus-daemon", "Xvfb", "dunst"], "the hung-server doctor test") {
        return;
    }
    let session = Session::with_dunst();
    // dunst keeps its name on the bus but answers nothing.
    session.signal_dunst(libc::SIGSTOP);
    let (output, took) = doctor(&session, &["--json"]);
    assert!(took < Duration::from_secs(5), "doctor took {took:?} with a hung server");
    let report = report(&output);
    let server = &report.notification_server;
    assert!(!server.found, "{server:?}");
    assert!(server.reason.as_deref().is_some_and(|reason| reason.contains("did not answer")), "{server:?}");
    assert!(server.fix.as_deref().is_some_and(|fix| fix.contains("hung")), "{server:?}");
    let dunst = report.presence.iter().find(|probe| probe.source == "dunst").unwrap();
    assert!(!dunst.ok, "{dunst:?}");
}

#[test]
fn doctor_says_once_when_the_server_has_no_actions_for_done_and_snooze() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let _kde = serve(
        &session.address,
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        KdeNotifications(Arc::new(AtomicBool::new(false))),
    );
    let report = report(&doctor(&session, &["--json"]).0);
    assert_eq!(report.notification_server.name.as_deref(), Some("Plasma"));
    assert!(!report.notification_server.actions && report.notification_server.body_markup);
    assert!(report.notification_server.fix.as_deref().is_some_and(|fix| fix.contains("without Done and Snooze")));
    assert_eq!(report.signals.dnd.as_deref(), Some("kde"));
    let (output, _) = doctor(&session, &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.matches("without Done and Snooze").count(), 1, "said once:\n{text}");
}

#[test]
fn doctor_reports_a_broken_config_file_and_still_exits_zero() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let config = session.dir.path().join("broken.toml");
    std::fs::write(&config, "[remind]\nnatural-break = \"soon\"\n").unwrap();
    let good = session.dir.path().join("good.toml");
    std::fs::write(
        &good,
        "[remind]\nnatural-break = \"off\"\nwhen-dnd = \"notify\"\nwhen-away = \"notify\"\nopen-command = \"kitty --hold\"\n",
    )
    .unwrap();
    let report = self::report(&doctor(&session, &["--json", "--config", config.to_str().unwrap()]).0);
    assert!(report.config.exists && !report.config.valid, "{:?}", report.config);
    let error = report.config.error.unwrap_or_default();
    assert!(error.contains("broken.toml:2:"), "names the file and line: {error}");
    assert_eq!(report.remind.natural_break, "5m", "the defaults, since the file cannot be read");
    let report = self::report(&doctor(&session, &["--json", "--config", good.to_str().unwrap()]).0);
    assert!(report.config.valid);
    assert_eq!((report.remind.natural_break.as_str(), report.remind.when_dnd.as_str()), ("off", "notify"));
    assert_eq!(
        (report.remind.when_away.as_str(), report.remind.open_command.as_deref()),
        ("notify", Some("kitty --hold"))
    );
}

/// "Why didn't it remind me at 11:00?": doctor lists the last five reminders of the last day,
/// oldest first, with why one was held or skipped; older ones are left to `backpain history`.
#[test]
fn doctor_shows_the_last_reminders_of_the_day_and_why_one_was_held() {
    if !stand_ins_available() {
        return;
    }
    let session = Session::bus();
    let history = session.dir.path().join("backpain/history");
    std::fs::create_dir_all(&history).unwrap();
    let now = chrono::Utc::now();
    let line = |hours_ago: i64, id: usize, delivered: &str, reason: Option<&str>| {
        let at = (now - chrono::Duration::hours(hours_ago)).to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let reason = reason.map(|reason| format!(",\"reason\":\"{reason}\"")).unwrap_or_default();
        format!(
            "{{\"v\":1,\"id\":\"r{id}\",\"at\":\"{at}\",\"kind\":\"reminder\",\"location\":\"lower\",\
             \"delivered\":\"{delivered}\"{reason},\"drills\":[\"seated-cat-cow\"]}}\n"
        )
    };
    let mut lines = line(30, 0, "held", Some("a day before yesterday"));
    for (index, hours_ago) in (1..=6).rev().enumerate() {
        lines += &line(hours_ago, index + 1, "notification", None);
    }
    lines += &line(0, 7, "held", Some("the screen is locked"));
    // Each line goes into its own month's file, as the history keeps them.
    for text in lines.lines() {
        let month = &text[text.find("\"at\":\"").unwrap() + 6..][..7];
        let path = history.join(format!("{month}.jsonl"));
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
        std::io::Write::write_all(&mut file, format!("{text}\n").as_bytes()).unwrap();
    }
    let report = report(&doctor(&session, &["--json"]).0);
    let recent = &report.history.recent_reminders;
    assert!(report.history.recording);
    assert_eq!(recent.len(), 5, "the last five: {recent:?}");
    assert!(recent.iter().all(|reminder| !reminder.snoozed));
    assert_eq!(recent[4].delivered.as_deref(), Some("held"));
    assert_eq!(recent[4].reason.as_deref(), Some("the screen is locked"));
    assert!(recent[..4].iter().all(|reminder| reminder.delivered.as_deref() == Some("notification")), "{recent:?}");
    assert!(recent.windows(2).all(|pair| pair[0].at < pair[1].at), "oldest first: {recent:?}");
    let (output, _) = doctor(&session, &[]);
    let text = String::from_utf8_lossy(&output.stdout);
    let shown: Vec<&str> = text.lines().skip_while(|line| !line.contains("last reminders")).take(5).collect();
    assert!(
        shown[0].starts_with("ok       last reminders ") && shown[0].ends_with("shown as a notification"),
        "{text}"
    );
    assert!(shown[4].contains("held: the screen is locked"), "{text}");
    assert!(!text.contains("a day before yesterday"), "older than a day is left out:\n{text}");

    // With recording turned off, doctor says so rather than "none".
    let quiet = tempfile::tempdir().unwrap();
    let config = session.dir.path().join("quiet.toml");
    std::fs::write(&config, "[history]\nrecord = false\n").unwrap();
    let args = ["--config", config.to_str().unwrap(), "--data-dir", quiet.path().to_str().unwrap()];
    let text = String::from_utf8(doctor(&session, &args).0.stdout).unwrap();
    assert!(entry(&text, "last").contains("not recorded: `record = false` in [history]"), "{text}");
    let text = String::from_utf8(doctor(&session, &args[2..]).0.stdout).unwrap();
    assert!(entry(&text, "last").starts_with("off      last reminders     none in the last 24 hours"), "{text}");
}
