//! The platform's connections to the sources, and the one place presence is `#[cfg]`-gated:
//! the system and session buses, the Wayland compositor and the X display where there are such
//! things, nothing on
//! macOS and Windows (where `Desktop` has no sources and reminders come on the clock).

use std::time::Instant;

use super::source::{NotificationServer, Reading, Source};

#[cfg(all(unix, not(target_os = "macos")))]
pub use freedesktop::Parts;
#[cfg(not(all(unix, not(target_os = "macos"))))]
pub use nothing::Parts;

/// Readings of some sources, each with its answer or why it has none.
pub type Readings = Vec<(Source, Result<Reading, String>)>;

#[cfg(all(unix, not(target_os = "macos")))]
mod freedesktop {
    use std::path::Path;
    use std::sync::{mpsc, Arc};

    use super::super::{dbus, wayland, x11};
    use super::*;

    /// Each part, or why it is missing ("no system bus: ...").
    #[derive(Clone)]
    pub struct Parts {
        system: Result<zbus::Connection, String>,
        session: Result<zbus::Connection, String>,
        wayland: Result<Arc<wayland::Compositor>, String>,
        x11: Result<Arc<x11::Display>, String>,
        pub session_address: Option<String>,
        /// The sources that answered while connecting.
        pub answered: Vec<Source>,
    }

    impl Parts {
        pub fn none() -> Parts {
            let missing = "not asked".to_string();
            Parts {
                system: Err(missing.clone()),
                session: Err(missing.clone()),
                wayland: Err(missing.clone()),
                x11: Err(missing),
                session_address: None,
                answered: Vec::new(),
            }
        }

        /// Connects to the four parts side by side, each given until `deadline`, and asks
        /// every source once.
        pub fn connect(deadline: Instant) -> Parts {
            let session_address = session_address();
            let address = session_address.clone();
            let system = started(|| dbus::connect(dbus::Bus::System));
            let session = started(move || match address {
                Some(address) => dbus::connect(dbus::Bus::Session(address)),
                None => Err(
                    "no session bus: DBUS_SESSION_BUS_ADDRESS is unset and there is no bus socket in $XDG_RUNTIME_DIR"
                        .into(),
                ),
            });
            let wayland = started(|| {
                let display = std::env::var_os("WAYLAND_DISPLAY");
                let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
                wayland::Compositor::connect(display.as_deref(), runtime_dir.as_deref(), Instant::now()).map(Arc::new)
            });
            let x11 = started(|| x11::Display::connect().map(Arc::new));
            let mut parts = Parts {
                system: wait(system, deadline, "the system bus"),
                session: wait(session, deadline, "the session bus"),
                wayland: wait(wayland, deadline, "the Wayland compositor"),
                x11: wait(x11, deadline, "the X display"),
                session_address,
                answered: Vec::new(),
            };
            let remaining = deadline.saturating_duration_since(Instant::now());
            let reader = parts.clone();
            let readings = super::super::source::within(remaining, move || reader.read_all(&Source::ORDER));
            parts.answered = readings
                .unwrap_or_default()
                .into_iter()
                .filter(|(_, reading)| reading.is_ok())
                .map(|(source, _)| source)
                .collect();
            parts
        }

        /// Asks `sources` now, in order.
        pub fn read_all(&self, sources: &[Source]) -> Readings {
            sources.iter().map(|&source| (source, self.read(source))).collect()
        }

        fn read(&self, source: Source) -> Result<Reading, String> {
            let on = |bus: &Result<zbus::Connection, String>| bus.clone();
            match source {
                Source::WaylandIdle => {
                    self.wayland.as_ref().map_err(Clone::clone)?.idle(Instant::now()).map(Reading::Idle)
                }
                Source::X11Idle => self.x11.as_ref().map_err(Clone::clone)?.idle().map(Reading::Idle),
                Source::X11Fullscreen => self.x11.as_ref().map_err(Clone::clone)?.fullscreen().map(Reading::Flag),
                Source::LogindLocked | Source::LogindIdle => dbus::read(&on(&self.system)?, source),
                _ => dbus::read(&on(&self.session)?, source),
            }
        }

        pub fn notification_server(&self) -> Result<NotificationServer, String> {
            dbus::notification_server(&self.session.clone()?)
        }
    }

    /// The part `receiver` brings, if it comes by `deadline`.
    fn wait<T>(receiver: mpsc::Receiver<Result<T, String>>, deadline: Instant, what: &str) -> Result<T, String> {
        receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())).unwrap_or_else(|_| {
            Err(format!("{what} did not answer within {} ms", super::super::source::CONNECT_LIMIT.as_millis()))
        })
    }

    /// Starts `work` on its own thread; its answer arrives on the receiver.
    fn started<T: Send + 'static>(
        work: impl FnOnce() -> Result<T, String> + Send + 'static,
    ) -> mpsc::Receiver<Result<T, String>> {
        let (done, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new().name("backpain-presence".into()).spawn({
            let done = done.clone();
            move || {
                let _ = done.send(work());
            }
        });
        if let Err(err) = spawned {
            let _ = done.send(Err(format!("cannot start a thread: {err}")));
        }
        receiver
    }

    /// The session bus as notifications find it: `DBUS_SESSION_BUS_ADDRESS`, else the user's
    /// bus socket (cron and launchers leave the variable unset).
    fn session_address() -> Option<String> {
        let address = std::env::var("DBUS_SESSION_BUS_ADDRESS").ok();
        let runtime_dir = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
        let uid = rustix::process::getuid().as_raw();
        super::super::source::session_bus(address.as_deref(), runtime_dir.as_deref(), uid, Path::exists)
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
mod nothing {
    use super::*;

    /// Nothing to connect to: notifications here go through the system's own service.
    #[derive(Clone)]
    pub struct Parts {
        pub session_address: Option<String>,
        pub answered: Vec<Source>,
    }

    impl Parts {
        pub fn none() -> Parts {
            Parts { session_address: None, answered: Vec::new() }
        }

        pub fn connect(_deadline: Instant) -> Parts {
            Parts::none()
        }

        pub fn read_all(&self, sources: &[Source]) -> Readings {
            let why = "no presence sources on this platform (there is no D-Bus, Wayland or X11 here)";
            sources.iter().map(|&source| (source, Err(why.to_string()))).collect()
        }

        pub fn notification_server(&self) -> Result<NotificationServer, String> {
            Err("notifications here go through the system's own service, not a D-Bus server".into())
        }
    }
}
