//! What every presence source shares, below them all: the sources and their readings, the pure
//! rule that turns readings into a `Snapshot`, the deadlines, and where the session bus is.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::{Signal, Snapshot};

/// How long `Desktop::connect` may take in all, however many buses hang.
pub const CONNECT_LIMIT: Duration = Duration::from_millis(900);
/// How long one `probe_all` (for doctor) may take.
pub const READ_LIMIT: Duration = Duration::from_secs(1);
/// How long one `snapshot` may take: local buses answer in milliseconds, and the loop must
/// still stop within a second of a signal while a source hangs.
pub const SNAPSHOT_LIMIT: Duration = Duration::from_millis(500);

/// One place a signal can come from, in the order each signal's sources are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// logind's `LockedHint` of this session (system bus).
    LogindLocked,
    /// `org.freedesktop.ScreenSaver.GetActive` (KDE, and others that implement it).
    ScreenSaverActive,
    /// GNOME's `org.gnome.Mutter.IdleMonitor.GetIdletime`, in milliseconds.
    MutterIdle,
    /// `org.freedesktop.ScreenSaver.GetSessionIdleTime`, in milliseconds as KDE returns it.
    ScreenSaverIdle,
    /// The Wayland compositor's `ext-idle-notify-v1`. Before X11: on a Wayland session the X
    /// server is XWayland, whose idle time sees only the input that goes to X clients.
    WaylandIdle,
    /// The X11 screen-saver extension's time since the last input.
    X11Idle,
    /// logind's `IdleHint` and `IdleSinceHint`: coarse, set only by desktops that track idleness.
    LogindIdle,
    /// dunst's `paused` property.
    DunstPaused,
    /// KDE's `Inhibited` property of its notification server.
    KdeInhibited,
    /// GNOME's `show-banners` setting, off meaning do-not-disturb.
    GnomeBanners,
    /// `_NET_WM_STATE_FULLSCREEN` on the window `_NET_ACTIVE_WINDOW` names (X11).
    X11Fullscreen,
}

impl Source {
    /// Every source, in the order they are tried.
    pub const ORDER: [Source; 11] = [
        Source::LogindLocked,
        Source::ScreenSaverActive,
        Source::MutterIdle,
        Source::ScreenSaverIdle,
        Source::WaylandIdle,
        Source::X11Idle,
        Source::LogindIdle,
        Source::DunstPaused,
        Source::KdeInhibited,
        Source::GnomeBanners,
        Source::X11Fullscreen,
    ];

    /// The stable short id `Probe::source` carries.
    pub fn id(self) -> &'static str {
        match self {
            Source::LogindLocked | Source::LogindIdle => "logind",
            Source::ScreenSaverActive | Source::ScreenSaverIdle => "screensaver",
            Source::MutterIdle => "mutter",
            Source::WaylandIdle => "wayland",
            Source::X11Idle | Source::X11Fullscreen => "x11",
            Source::DunstPaused => "dunst",
            Source::KdeInhibited => "kde",
            Source::GnomeBanners => "gnome",
        }
    }

    pub fn signal(self) -> Signal {
        match self {
            Source::LogindLocked | Source::ScreenSaverActive => Signal::Locked,
            Source::MutterIdle
            | Source::ScreenSaverIdle
            | Source::WaylandIdle
            | Source::X11Idle
            | Source::LogindIdle => Signal::Idle,
            Source::DunstPaused | Source::KdeInhibited | Source::GnomeBanners => Signal::Dnd,
            Source::X11Fullscreen => Signal::Fullscreen,
        }
    }

    /// What it is, in words, for `backpain doctor`.
    pub fn describe(self) -> &'static str {
        match self {
            Source::LogindLocked => "logind LockedHint (system bus)",
            Source::ScreenSaverActive => "org.freedesktop.ScreenSaver GetActive (session bus)",
            Source::MutterIdle => "GNOME Mutter IdleMonitor GetIdletime (session bus)",
            Source::ScreenSaverIdle => "org.freedesktop.ScreenSaver GetSessionIdleTime (session bus)",
            Source::WaylandIdle => "Wayland ext-idle-notify-v1 (compositor)",
            Source::X11Idle => "X11 screen-saver extension idle time",
            Source::LogindIdle => "logind IdleHint and IdleSinceHint (system bus)",
            Source::DunstPaused => "dunst paused (session bus)",
            Source::KdeInhibited => "KDE notifications Inhibited (session bus)",
            Source::GnomeBanners => "GNOME show-banners setting (portal, else gsettings)",
            Source::X11Fullscreen => "X11 _NET_WM_STATE_FULLSCREEN of _NET_ACTIVE_WINDOW",
        }
    }
}

/// What one source said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Time since the last input.
    Idle(Duration),
    /// Locked, do-not-disturb or fullscreen: whether it is so.
    Flag(bool),
}

impl std::fmt::Display for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reading::Idle(idle) => write!(f, "{} s idle", idle.as_secs()),
            Reading::Flag(flag) => write!(f, "{flag}"),
        }
    }
}

/// The snapshot the readings make: each signal from the first source (in `Source::ORDER`) that
/// answered; locked when any lock source says so (logind's hint or an active screen saver).
pub fn combine(readings: &[(Source, Result<Reading, String>)]) -> Snapshot {
    let answered =
        |signal: Signal| readings.iter().filter(move |(source, _)| source.signal() == signal).filter_map(answer);
    let first_flag = |signal: Signal| {
        answered(signal).find_map(|reading| match reading {
            Reading::Flag(flag) => Some(flag),
            Reading::Idle(_) => None,
        })
    };
    let locked = answered(Signal::Locked)
        .filter_map(|reading| match reading {
            Reading::Flag(flag) => Some(flag),
            Reading::Idle(_) => None,
        })
        .reduce(|any, flag| any || flag);
    Snapshot {
        idle: answered(Signal::Idle).find_map(|reading| match reading {
            Reading::Idle(idle) => Some(idle),
            Reading::Flag(_) => None,
        }),
        locked,
        dnd: first_flag(Signal::Dnd),
        fullscreen: first_flag(Signal::Fullscreen),
    }
}

fn answer((_, reading): &(Source, Result<Reading, String>)) -> Option<Reading> {
    reading.as_ref().ok().copied()
}

/// The notification server on the session bus, as `GetServerInformation` and
/// `GetCapabilities` describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationServer {
    pub name: String,
    pub vendor: String,
    pub version: String,
    pub spec_version: String,
    pub capabilities: Vec<String>,
}

/// Runs `work` on a thread of its own and waits for it until `limit`; `None` when it did not
/// finish in time (the thread is left to end by itself) or could not start.
pub(super) fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (done, result) = mpsc::channel();
    std::thread::Builder::new()
        .name("backpain-presence".into())
        .spawn(move || {
            let _ = done.send(work());
        })
        .ok()?;
    result.recv_timeout(limit).ok()
}

/// The session bus address to use: `DBUS_SESSION_BUS_ADDRESS` when set, else the user's bus
/// socket (`$XDG_RUNTIME_DIR/bus`, then `/run/user/<uid>/bus`) as cron and launchers leave the
/// variable unset. `None` when there is none.
pub fn session_bus(
    address: Option<&str>,
    runtime_dir: Option<&Path>,
    uid: u32,
    exists: impl Fn(&Path) -> bool,
) -> Option<String> {
    if let Some(address) = address.filter(|address| !address.trim().is_empty()) {
        return Some(address.to_string());
    }
    let candidates =
        runtime_dir.map(|dir| dir.join("bus")).into_iter().chain([PathBuf::from(format!("/run/user/{uid}/bus"))]);
    candidates.into_iter().find(|path| exists(path)).map(|path| format!("unix:path={}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bus_is_found_where_cron_leaves_it() {
        let none = |_: &Path| false;
        let all = |_: &Path| true;
        assert_eq!(session_bus(Some("unix:path=/x"), None, 1000, none).as_deref(), Some("unix:path=/x"));
        assert_eq!(
            session_bus(None, Some(Path::new("/run/user/1000")), 1000, all).as_deref(),
            Some("unix:path=/run/user/1000/bus")
        );
        let only_run_user = |path: &Path| path == Path::new("/run/user/1001/bus");
        assert_eq!(
            session_bus(Some(""), Some(Path::new("/tmp/rt")), 1001, only_run_user).as_deref(),
            Some("unix:path=/run/user/1001/bus")
        );
        assert_eq!(session_bus(None, None, 1000, none), None);
    }

    fn idle(seconds: u64) -> Result<Reading, String> {
        Ok(Reading::Idle(Duration::from_secs(seconds)))
    }

    #[test]
    fn each_signal_comes_from_the_first_source_that_answered() {
        let readings = vec![
            (Source::MutterIdle, Err("not on the bus".to_string())),
            (Source::ScreenSaverIdle, idle(40)),
            (Source::X11Idle, idle(7)),
            (Source::DunstPaused, Err("no dunst".to_string())),
            (Source::KdeInhibited, Ok(Reading::Flag(true))),
            (Source::GnomeBanners, Ok(Reading::Flag(false))),
            (Source::X11Fullscreen, Ok(Reading::Flag(false))),
        ];
        let snapshot = combine(&readings);
        assert_eq!(snapshot.idle, Some(Duration::from_secs(40)), "ScreenSaver before X11, Mutter missing");
        assert_eq!(snapshot.dnd, Some(true), "KDE before GNOME, dunst missing");
        assert_eq!(snapshot.fullscreen, Some(false));
        assert_eq!(snapshot.locked, None, "no lock source answered");
    }

    #[test]
    fn on_wayland_the_compositor_idle_time_wins_over_xwaylands() {
        // XWayland sees only the input that goes to X clients: an hour "idle" while the person
        // types into Wayland windows.
        let readings = vec![
            (Source::MutterIdle, Err("not on the bus".to_string())),
            (Source::WaylandIdle, idle(0)),
            (Source::X11Idle, idle(3600)),
        ];
        assert_eq!(combine(&readings).idle, Some(Duration::ZERO));
        let readings = vec![
            (Source::WaylandIdle, Err("the compositor has no ext_idle_notifier_v1".to_string())),
            (Source::X11Idle, idle(3600)),
        ];
        assert_eq!(combine(&readings).idle, Some(Duration::from_secs(3600)), "X11 when Wayland has none");
    }

    #[test]
    fn an_active_screen_saver_counts_as_locked_even_when_logind_says_not() {
        let readings = vec![
            (Source::LogindLocked, Ok(Reading::Flag(false))),
            (Source::ScreenSaverActive, Ok(Reading::Flag(true))),
        ];
        assert_eq!(combine(&readings).locked, Some(true));
        let readings = vec![
            (Source::LogindLocked, Ok(Reading::Flag(false))),
            (Source::ScreenSaverActive, Err("not on the bus".to_string())),
        ];
        assert_eq!(combine(&readings).locked, Some(false));
    }

    #[test]
    fn no_readings_make_an_empty_snapshot_and_a_desktop_without_sources_is_unavailable() {
        use crate::presence::{Desktop, Presence};
        assert_eq!(combine(&[]), Snapshot::default());
        let mut none = Desktop::none();
        assert!(!none.available());
        assert_eq!(none.snapshot(), Snapshot::default());
    }

    #[test]
    fn the_order_lists_every_source_once_and_ids_match_the_probe_contract() {
        let ids: std::collections::BTreeSet<&str> = Source::ORDER.iter().map(|source| source.id()).collect();
        let expected: std::collections::BTreeSet<&str> =
            ["logind", "mutter", "screensaver", "wayland", "x11", "dunst", "kde", "gnome"].into_iter().collect();
        assert_eq!(ids, expected);
        let unique: std::collections::HashSet<Source> = Source::ORDER.into_iter().collect();
        assert_eq!(unique.len(), Source::ORDER.len());
        // Idle: Mutter, then ScreenSaver, then Wayland's compositor before XWayland's X11.
        let idle: Vec<Source> = Source::ORDER.into_iter().filter(|source| source.signal() == Signal::Idle).collect();
        assert_eq!(idle[..4], [Source::MutterIdle, Source::ScreenSaverIdle, Source::WaylandIdle, Source::X11Idle]);
    }

    #[test]
    fn a_hung_worker_is_given_up_on_at_the_deadline() {
        let started = std::time::Instant::now();
        let result = within(Duration::from_millis(100), || std::thread::sleep(Duration::from_secs(5)));
        assert!(result.is_none());
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
