//! The D-Bus sources, through the zbus that notify-rust already brings. Every call has a short
//! timeout; a service, method or property that is missing is an answer-less source, never an
//! error. Names, paths and units as the services publish them:
//! - logind: `org.freedesktop.login1`, `/org/freedesktop/login1/session/auto` (the caller's
//!   session), `org.freedesktop.login1.Session` properties `LockedHint` (b), `IdleHint` (b) and
//!   `IdleSinceHint` (t, µs since the epoch);
//! - GNOME: `org.gnome.Mutter.IdleMonitor`, `/org/gnome/Mutter/IdleMonitor/Core`,
//!   `GetIdletime` → t, milliseconds;
//! - `org.freedesktop.ScreenSaver` at `/org/freedesktop/ScreenSaver`: `GetActive` → b and
//!   `GetSessionIdleTime` → u, milliseconds (KDE's kscreenlocker returns KIdleTime's
//!   milliseconds; on Wayland it answers NotSupported);
//! - dunst: `org.freedesktop.Notifications`, `/org/freedesktop/Notifications`, interface
//!   `org.dunstproject.cmd0`, property `paused` (b);
//! - KDE: the same name and path, interface `org.freedesktop.Notifications`, property
//!   `Inhibited` (b);
//! - GNOME `org.gnome.desktop.notifications show-banners` (b) through
//!   `org.freedesktop.portal.Settings` (`ReadOne`, else the older `Read`), else `gsettings`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use zbus::OwnedVariant;

use super::source::{NotificationServer, Reading, Source};

/// How long one call may take before its source counts as not answering.
const CALL_TIMEOUT: Duration = Duration::from_millis(250);

const NOTIFICATIONS: (&str, &str) = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications");
const SCREENSAVER: (&str, &str) = ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver");

pub enum Bus {
    /// `DBUS_SYSTEM_BUS_ADDRESS`, else the standard socket.
    System,
    /// This address.
    Session(String),
}

/// A connection to the bus, or why there is none.
pub fn connect(bus: Bus) -> Result<zbus::Connection, String> {
    let (builder, name) = match bus {
        Bus::System => (zbus::connection::Builder::system(), "system bus"),
        Bus::Session(address) => (zbus::connection::Builder::address(address.as_str()), "session bus"),
    };
    zbus::block_on(builder.method_timeout(CALL_TIMEOUT).build()).map_err(|err| format!("no {name}: {}", short(&err)))
}

/// One source's reading now.
pub fn read(bus: &zbus::Connection, source: Source) -> Result<Reading, String> {
    zbus::block_on(async {
        match source {
            Source::LogindLocked => logind(bus, "LockedHint").await.and_then(flag).map(Reading::Flag),
            Source::LogindIdle => {
                let idle = logind(bus, "IdleHint").await.and_then(flag)?;
                let since = logind(bus, "IdleSinceHint").await.and_then(number)?;
                let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
                Ok(Reading::Idle(logind_idle(idle, since, now)))
            }
            Source::MutterIdle => {
                let ms: u64 = call(
                    bus,
                    ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core"),
                    "org.gnome.Mutter.IdleMonitor",
                    "GetIdletime",
                )
                .await?;
                Ok(Reading::Idle(Duration::from_millis(ms)))
            }
            Source::ScreenSaverIdle => {
                let ms: u32 = call(bus, SCREENSAVER, SCREENSAVER.0, "GetSessionIdleTime").await?;
                Ok(Reading::Idle(Duration::from_millis(ms.into())))
            }
            Source::ScreenSaverActive => call(bus, SCREENSAVER, SCREENSAVER.0, "GetActive").await.map(Reading::Flag),
            Source::DunstPaused => {
                property(bus, NOTIFICATIONS, "org.dunstproject.cmd0", "paused").await.and_then(flag).map(Reading::Flag)
            }
            Source::KdeInhibited => property(bus, NOTIFICATIONS, "org.freedesktop.Notifications", "Inhibited")
                .await
                .and_then(flag)
                .map(Reading::Flag),
            Source::GnomeBanners => show_banners(bus).await.map(|banners| Reading::Flag(!banners)),
            Source::WaylandIdle | Source::X11Idle | Source::X11Fullscreen => Err("not a D-Bus source".into()),
        }
    })
}

/// logind's idle time: since `IdleSinceHint` while `IdleHint` is set, else none to speak of
/// (the desktop has not yet called the session idle).
pub fn logind_idle(idle_hint: bool, since_micros: u64, now: Duration) -> Duration {
    if !idle_hint || since_micros == 0 {
        return Duration::ZERO;
    }
    now.saturating_sub(Duration::from_micros(since_micros))
}

async fn logind(bus: &zbus::Connection, name: &str) -> Result<OwnedVariant, String> {
    property(
        bus,
        ("org.freedesktop.login1", "/org/freedesktop/login1/session/auto"),
        "org.freedesktop.login1.Session",
        name,
    )
    .await
}

async fn call<R>(bus: &zbus::Connection, (name, path): (&str, &str), interface: &str, method: &str) -> Result<R, String>
where
    R: for<'de> serde::Deserialize<'de> + zbus::Type,
{
    let reply = bus.call_method(Some(name), path, Some(interface), method, &()).await.map_err(|err| short(&err))?;
    reply.body().deserialize::<R>().map_err(|err| format!("unexpected answer from {name}: {err}"))
}

async fn property(
    bus: &zbus::Connection,
    (name, path): (&str, &str),
    interface: &str,
    property: &str,
) -> Result<OwnedVariant, String> {
    let reply = bus
        .call_method(Some(name), path, Some("org.freedesktop.DBus.Properties"), "Get", &(interface, property))
        .await
        .map_err(|err| short(&err))?;
    reply.body().deserialize::<OwnedVariant>().map_err(|err| format!("unexpected answer from {name}: {err}"))
}

fn flag(value: OwnedVariant) -> Result<bool, String> {
    bool::try_from(unwrap_variant(value)).map_err(|_| "the property is not a boolean".to_string())
}

fn number(value: OwnedVariant) -> Result<u64, String> {
    u64::try_from(unwrap_variant(value)).map_err(|_| "the property is not a 64-bit number".to_string())
}

/// The portal's older `Read` wraps the value in one more variant.
fn unwrap_variant(value: OwnedVariant) -> OwnedVariant {
    match &*value {
        zbus::Variant::Variant(inner) => OwnedVariant::try_from(&**inner).unwrap_or(value),
        _ => value,
    }
}

async fn show_banners(bus: &zbus::Connection) -> Result<bool, String> {
    let portal = ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop");
    let key = ("org.gnome.desktop.notifications", "show-banners");
    let mut why = String::new();
    for method in ["ReadOne", "Read"] {
        let reply =
            bus.call_method(Some(portal.0), portal.1, Some("org.freedesktop.portal.Settings"), method, &key).await;
        match reply
            .map_err(|err| short(&err))
            .and_then(|reply| reply.body().deserialize::<OwnedVariant>().map_err(|err| err.to_string()).and_then(flag))
        {
            Ok(banners) => return Ok(banners),
            Err(err) => why = err,
        }
    }
    gsettings().map_err(|gsettings| format!("portal: {why}; {gsettings}"))
}

/// `gsettings get`, only on GNOME and only when it is installed: elsewhere the schema is
/// missing or means nothing.
fn gsettings() -> Result<bool, String> {
    let desktop = std::env::var("XDG_CURRENT_DESKTOP").unwrap_or_default();
    if !desktop.to_ascii_uppercase().contains("GNOME") {
        return Err("not GNOME (XDG_CURRENT_DESKTOP)".into());
    }
    let output = crate::platform::child::output_within(
        std::process::Command::new("gsettings").args(["get", "org.gnome.desktop.notifications", "show-banners"]),
        CALL_TIMEOUT * 2,
    )?;
    match String::from_utf8_lossy(&output.stdout).trim() {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(format!("gsettings said `{other}`")),
    }
}

/// The notification server's information and capabilities.
pub fn notification_server(bus: &zbus::Connection) -> Result<NotificationServer, String> {
    zbus::block_on(async {
        let (name, vendor, version, spec_version): (String, String, String, String) =
            call(bus, NOTIFICATIONS, NOTIFICATIONS.0, "GetServerInformation").await?;
        let capabilities: Vec<String> = call(bus, NOTIFICATIONS, NOTIFICATIONS.0, "GetCapabilities").await?;
        Ok(NotificationServer { name, vendor, version, spec_version, capabilities })
    })
}

/// A zbus error as a short reason: which name or member is missing, or that it timed out.
fn short(err: &zbus::Error) -> String {
    let text = err.to_string();
    let first = text.lines().next().unwrap_or(&text).trim();
    if text.contains("ServiceUnknown") || text.contains("NameHasNoOwner") || text.contains("was not provided by any") {
        "not on the bus".into()
    } else if text.contains("UnknownMethod")
        || text.contains("UnknownInterface")
        || text.contains("UnknownProperty")
        || text.contains("UnknownObject")
        || text.contains("InvalidArgs")
    {
        format!("not offered here ({first})")
    } else if text.contains("TimedOut") || text.to_ascii_lowercase().contains("timed out") {
        format!("did not answer within {} ms", CALL_TIMEOUT.as_millis())
    } else {
        first.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logind_idle_counts_from_the_hint_only_while_it_is_set() {
        let now = Duration::from_secs(1_000_000);
        let since = (1_000_000 - 300) * 1_000_000;
        assert_eq!(logind_idle(true, since, now), Duration::from_secs(300));
        assert_eq!(logind_idle(false, since, now), Duration::ZERO);
        assert_eq!(logind_idle(true, 0, now), Duration::ZERO, "0 is logind's 'never'");
        // A clock that went back never makes the idle time negative.
        assert_eq!(logind_idle(true, 2_000_000 * 1_000_000, now), Duration::ZERO);
    }
}
