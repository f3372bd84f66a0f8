//! The real `Presence`: which sources this desktop has, asked with deadlines so that a hung bus
//! or display never holds the caller up, and the pure rule that turns their readings into a
//! `Snapshot`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use super::parts::Parts;
use super::{Presence, Probe, Signal, Snapshot};

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

/// This desktop's presence sources, found once by `connect`.
pub struct Desktop {
    parts: Parts,
    /// The sources that answered when last asked: the only ones `snapshot` reads.
    answered: Vec<Source>,
    /// A `snapshot` thread that has not come back yet: no second one is started beside it.
    reading: Arc<AtomicBool>,
}

impl Desktop {
    /// Finds which sources answer. Never fails and never takes much longer than
    /// `CONNECT_LIMIT`: a bus or display that does not answer in time is left out.
    pub fn connect() -> Desktop {
        let parts = Parts::connect(Instant::now() + CONNECT_LIMIT);
        let answered = parts.answered.clone();
        Desktop { parts, answered, reading: Arc::new(AtomicBool::new(false)) }
    }

    /// A desktop with no sources: what macOS and Windows have, and tests want.
    pub fn none() -> Desktop {
        Desktop { parts: Parts::none(), answered: Vec::new(), reading: Arc::new(AtomicBool::new(false)) }
    }

    /// The sources that answered, in the order they are tried.
    pub fn sources(&self) -> &[Source] {
        &self.answered
    }

    /// The session bus address used, when there is one.
    pub fn session_bus(&self) -> Option<&str> {
        self.parts.session_address.as_deref()
    }

    /// Every source asked now, with its answer or why it has none (for `backpain doctor`).
    /// The sources that answer become the ones `snapshot` reads.
    pub fn probe_all(&mut self) -> Vec<Probe> {
        let parts = self.parts.clone();
        let readings = within(READ_LIMIT, move || parts.read_all(&Source::ORDER)).unwrap_or_default();
        let probes: Vec<Probe> = Source::ORDER
            .iter()
            .map(|&source| {
                let answer = readings
                    .iter()
                    .find(|(read, _)| *read == source)
                    .map(|(_, reading)| reading.clone().map(|reading| reading.to_string()))
                    .unwrap_or_else(|| Err(format!("did not answer within {} s", READ_LIMIT.as_secs())));
                Probe { source: source.id(), describe: source.describe().to_string(), signal: source.signal(), answer }
            })
            .collect();
        self.answered = readings.iter().filter(|(_, reading)| reading.is_ok()).map(|(source, _)| *source).collect();
        probes
    }

    /// The notification server's name, version and capabilities, or why there is none.
    pub fn notification_server(&self) -> Result<NotificationServer, String> {
        let parts = self.parts.clone();
        within(READ_LIMIT * 2, move || parts.notification_server()).unwrap_or_else(|| {
            Err(format!("the notification server did not answer within {} s", (READ_LIMIT * 2).as_secs()))
        })
    }
}

impl Presence for Desktop {
    fn available(&self) -> bool {
        !self.answered.is_empty()
    }

    fn rediscover(&mut self) -> bool {
        if self.answered.is_empty() {
            let fresh = Desktop::connect();
            if !fresh.answered.is_empty() {
                *self = fresh;
            }
        }
        !self.answered.is_empty()
    }

    fn sources(&self) -> Vec<(Signal, &'static str)> {
        Signal::ALL
            .into_iter()
            .filter_map(|signal| {
                self.answered.iter().find(|source| source.signal() == signal).map(|source| (signal, source.id()))
            })
            .collect()
    }

    fn snapshot(&mut self) -> Snapshot {
        if self.answered.is_empty() || self.reading.swap(true, Ordering::SeqCst) {
            return Snapshot::default();
        }
        let parts = self.parts.clone();
        let sources = self.answered.clone();
        let reading = self.reading.clone();
        let readings = within(SNAPSHOT_LIMIT, move || {
            let readings = parts.read_all(&sources);
            reading.store(false, Ordering::SeqCst);
            readings
        });
        readings.map(|readings| combine(&readings)).unwrap_or_default()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let started = Instant::now();
        let result = within(Duration::from_millis(100), || std::thread::sleep(Duration::from_secs(5)));
        assert!(result.is_none());
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
