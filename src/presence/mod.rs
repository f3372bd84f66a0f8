//! Whether the person is at the desk, and whether now is a moment to interrupt: time since the
//! last keyboard or mouse input, a locked screen, do-not-disturb, a fullscreen window.
//!
//! Each signal comes from the first source that answers, tried in order, each only where it
//! exists (logind on the system bus; GNOME Mutter, org.freedesktop.ScreenSaver, dunst and KDE on
//! the session bus; a Wayland compositor's ext-idle-notify-v1; the X11 screen-saver extension and
//! EWMH properties on an X display). A source
//! that is missing is skipped, never an error: with none at all, `available()` is false and the
//! reminder loop never polls. Domain code: nothing here knows about the command line.
//!
//! `Desktop` is the real `Presence`: `parts` holds the platform's connections (D-Bus through
//! zbus, Wayland through wayland-client and X11 through x11rb where those exist, nothing on
//! macOS and Windows); `combine` picks
//! each signal from the readings, and is pure.

#[cfg(all(unix, not(target_os = "macos")))]
mod dbus;
mod desktop;
mod parts;
mod source;
#[cfg(all(unix, not(target_os = "macos")))]
mod wayland;
#[cfg(all(unix, not(target_os = "macos")))]
mod x11;

pub use desktop::Desktop;
pub use source::{combine, session_bus, NotificationServer, Reading, Source};

use std::time::Duration;

/// What the desk looks like at one moment; `None` where no source could say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Time since the last keyboard or mouse input.
    pub idle: Option<Duration>,
    /// The screen is locked (or the screen saver is active).
    pub locked: Option<bool>,
    /// The notification server is in do-not-disturb (paused, inhibited, banners off).
    pub dnd: Option<bool>,
    /// The active window is fullscreen (a presentation, a video, a game).
    pub fullscreen: Option<bool>,
}

/// The four things presence can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    Idle,
    Locked,
    Dnd,
    Fullscreen,
}

impl Signal {
    pub const ALL: [Signal; 4] = [Signal::Idle, Signal::Locked, Signal::Dnd, Signal::Fullscreen];

    pub fn name(self) -> &'static str {
        match self {
            Signal::Idle => "idle",
            Signal::Locked => "locked",
            Signal::Dnd => "dnd",
            Signal::Fullscreen => "fullscreen",
        }
    }
}

/// One source asked once, for `backpain doctor`: what it is, what it tells, and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// A stable short id: "logind", "mutter", "screensaver", "wayland", "x11", "dunst", "kde", "gnome".
    pub source: &'static str,
    /// What it is, in words: "logind LockedHint (system bus)".
    pub describe: String,
    pub signal: Signal,
    /// The value it gave ("312 s idle", "false"), or why it did not answer ("not on the bus").
    pub answer: Result<String, String>,
}

/// Where the loop learns whether the person is there.
pub trait Presence {
    /// Whether any source answered when it was set up; when false, `snapshot` is always empty
    /// and the loop never wakes to ask.
    fn available(&self) -> bool;
    /// Asks the sources now. Cheap enough to call once a minute; never blocks for long (each
    /// source has a short timeout and is skipped when it does not answer).
    fn snapshot(&mut self) -> Snapshot;
    /// For each signal a source answers, the first such source's id ("x11", "dunst"), in
    /// `Signal::ALL` order: what the loop will read, to say so when it starts.
    fn sources(&self) -> Vec<(Signal, &'static str)> {
        Vec::new()
    }
    /// When no source answered, looks for them again (the desktop may have come up since);
    /// true when some answer now. Costs what `Desktop::connect` costs, so it is asked only at
    /// moments the caller is awake anyway.
    fn rediscover(&mut self) -> bool {
        self.available()
    }
}

/// No presence sources: reminders come on the clock alone.
pub struct Absent;

impl Presence for Absent {
    fn available(&self) -> bool {
        false
    }
    fn snapshot(&mut self) -> Snapshot {
        Snapshot::default()
    }
}
