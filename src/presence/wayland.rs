//! Idle time from a Wayland compositor's `ext-idle-notify-v1`, through wayland-client's
//! pure-Rust connection (no libwayland). The protocol gives no idle time to ask for: a client
//! registers a notification with a timeout on a seat (`ext_idle_notifier_v1`
//! `get_input_idle_notification`, or `get_idle_notification` before version 2), and the
//! compositor sends `idled` once the seat has had no input for that long and `resumed` at the
//! next input. So the connection stays open for as long as the `Desktop` lives, and each
//! reading takes the events that wait in the socket without blocking: no thread of its own,
//! nothing that wakes between readings.
//!
//! The compositor counts from when the notification is made, never from before: idleness from
//! before backpain connected is not seen, and until the first `idled` the seat counts as in use.

use std::ffi::OsStr;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use wayland_client::backend::WaylandError;
use wayland_client::globals::{registry_queue_init, BindError, GlobalListContents};
use wayland_client::protocol::{wl_registry, wl_seat};
use wayland_client::{Connection, Dispatch, EventQueue, Proxy, QueueHandle};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notification_v1::{self, ExtIdleNotificationV1};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notifier_v1::ExtIdleNotifierV1;

/// The notification's timeout: how long without input before the compositor says `idled`.
/// Below it the reading is 0, so it must stay well under the shortest time the loop acts on (a
/// reminder is held after at most a minute away, a natural break is minutes); shorter would
/// only make the compositor write to us at every pause in typing.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);

/// The open connection and what its notification has said so far.
pub struct Compositor {
    watch: Mutex<Watch>,
}

struct Watch {
    queue: EventQueue<Seen>,
    seen: Seen,
    /// Kept so the notification lives as long as the connection.
    _notification: ExtIdleNotificationV1,
}

/// The notification's state as its events left it.
struct Seen {
    /// When the events being dispatched were read: the nearest time to their sending we know.
    read_at: Instant,
    /// When the last `idled` was read, while no `resumed` has come after it.
    idled_at: Option<Instant>,
}

impl Compositor {
    /// The compositor `WAYLAND_DISPLAY` names (a socket in `XDG_RUNTIME_DIR`, or a path), with
    /// an idle notification on its first seat; or why there is none.
    pub fn connect(display: Option<&OsStr>, runtime_dir: Option<&Path>, now: Instant) -> Result<Compositor, String> {
        let path = socket_path(display, runtime_dir)?;
        let stream =
            UnixStream::connect(&path).map_err(|err| format!("no Wayland compositor at {}: {err}", path.display()))?;
        let conn = Connection::from_socket(stream).map_err(|err| format!("no Wayland connection: {err}"))?;
        let (globals, mut queue) =
            registry_queue_init::<Seen>(&conn).map_err(|err| format!("the Wayland compositor failed: {err}"))?;
        let handle = queue.handle();
        let notifier: ExtIdleNotifierV1 = globals.bind(&handle, 1..=2, ()).map_err(|err| match err {
            BindError::NotPresent => "the compositor has no ext_idle_notifier_v1".to_string(),
            other => format!("ext_idle_notifier_v1: {other}"),
        })?;
        let seat: wl_seat::WlSeat =
            globals.bind(&handle, 1..=1, ()).map_err(|_| "the compositor has no seat (wl_seat)".to_string())?;
        let timeout = u32::try_from(IDLE_TIMEOUT.as_millis()).unwrap_or(u32::MAX);
        // Version 2's input notification ignores idle inhibitors: a video playing to an empty
        // room is not someone at the desk, and the other sources count input alone too.
        let notification = if notifier.version() >= 2 {
            notifier.get_input_idle_notification(timeout, &seat, &handle, ())
        } else {
            notifier.get_idle_notification(timeout, &seat, &handle, ())
        };
        let mut seen = Seen { read_at: now, idled_at: None };
        // Makes sure the compositor took the notification (a refusal is a protocol error).
        queue.roundtrip(&mut seen).map_err(|err| format!("the Wayland compositor failed: {err}"))?;
        Ok(Compositor { watch: Mutex::new(Watch { queue, seen, _notification: notification }) })
    }

    /// Time since the last input as the events so far tell it, reading those that wait without
    /// blocking.
    pub fn idle(&self, now: Instant) -> Result<Duration, String> {
        let mut watch = self.watch.lock().map_err(|_| "an earlier reading failed midway".to_string())?;
        let Watch { queue, seen, .. } = &mut *watch;
        seen.read_at = now;
        let failed = |err: &dyn std::fmt::Display| format!("the Wayland connection failed: {err}");
        queue.dispatch_pending(seen).map_err(|err| failed(&err))?;
        if let Some(read) = queue.prepare_read() {
            match read.read() {
                Ok(_) => {}
                Err(WaylandError::Io(err)) if err.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(err) => return Err(failed(&err)),
            }
        }
        queue.dispatch_pending(seen).map_err(|err| failed(&err))?;
        Ok(idle_time(seen.idled_at, now))
    }
}

/// The idle time an `idled` read at `idled_at` means at `now`: the notification's timeout had
/// passed without input when it came, and more time since; none while not idle.
pub fn idle_time(idled_at: Option<Instant>, now: Instant) -> Duration {
    idled_at.map_or(Duration::ZERO, |at| IDLE_TIMEOUT + now.saturating_duration_since(at))
}

/// Where the compositor's socket is, as libwayland finds it: `WAYLAND_DISPLAY` as a path when
/// it is absolute, else in `XDG_RUNTIME_DIR`.
pub fn socket_path(display: Option<&OsStr>, runtime_dir: Option<&Path>) -> Result<PathBuf, String> {
    let display = display.filter(|display| !display.is_empty()).map(Path::new);
    let display = display.ok_or("not a Wayland session: WAYLAND_DISPLAY is not set")?;
    if display.is_absolute() {
        return Ok(display.to_path_buf());
    }
    match runtime_dir.filter(|dir| dir.is_absolute()) {
        Some(dir) => Ok(dir.join(display)),
        None => Err("WAYLAND_DISPLAY is set but XDG_RUNTIME_DIR is not (or is not absolute)".into()),
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for Seen {
    fn event(
        seen: &mut Seen,
        _: &ExtIdleNotificationV1,
        event: ext_idle_notification_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Seen>,
    ) {
        match event {
            ext_idle_notification_v1::Event::Idled => seen.idled_at = Some(seen.read_at),
            ext_idle_notification_v1::Event::Resumed => seen.idled_at = None,
            _ => {}
        }
    }
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Seen {
    fn event(
        _: &mut Seen,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Seen>,
    ) {
        // Globals that come and go later do not matter: the notification is made once.
    }
}

// The seat's capabilities and name, and the notifier (which has no events), say nothing here.
wayland_client::delegate_noop!(Seen: ignore wl_seat::WlSeat);
wayland_client::delegate_noop!(Seen: ExtIdleNotifierV1);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_is_the_timeout_and_the_time_since_idled_was_read_and_none_while_in_use() {
        let read = Instant::now();
        assert_eq!(idle_time(None, read + Duration::from_secs(90)), Duration::ZERO);
        assert_eq!(idle_time(Some(read), read), IDLE_TIMEOUT);
        assert_eq!(idle_time(Some(read), read + Duration::from_secs(50)), IDLE_TIMEOUT + Duration::from_secs(50));
        // A reading stamped after `now` (a clock that cannot go back, but be safe) adds nothing.
        assert_eq!(idle_time(Some(read + Duration::from_secs(5)), read), IDLE_TIMEOUT);
    }

    #[test]
    fn the_socket_is_wayland_display_in_the_runtime_dir_or_its_own_absolute_path() {
        let runtime = Path::new("/run/user/1000");
        assert_eq!(
            socket_path(Some(OsStr::new("wayland-1")), Some(runtime)),
            Ok(PathBuf::from("/run/user/1000/wayland-1"))
        );
        assert_eq!(socket_path(Some(OsStr::new("/tmp/w/sock")), None), Ok(PathBuf::from("/tmp/w/sock")));
        let unset = socket_path(None, Some(runtime)).unwrap_err();
        assert!(unset.starts_with("not a Wayland session"), "{unset}");
        assert!(socket_path(Some(OsStr::new("")), Some(runtime)).unwrap_err().starts_with("not a Wayland session"));
        assert!(socket_path(Some(OsStr::new("wayland-0")), None).unwrap_err().contains("XDG_RUNTIME_DIR"));
        assert!(socket_path(Some(OsStr::new("wayland-0")), Some(Path::new("run"))).is_err(), "relative");
    }
}
