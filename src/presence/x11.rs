//! The X display through x11rb's pure-Rust connection: idle time from the MIT screen-saver
//! extension (`ms_since_user_input`), fullscreen from the EWMH properties a window manager
//! keeps (`_NET_ACTIVE_WINDOW` on the root window, `_NET_WM_STATE` on that window).

use std::time::Duration;

use x11rb::connection::{Connection as _, RequestConnection as _};
use x11rb::protocol::screensaver::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt as _, Window};
use x11rb::rust_connection::RustConnection;

/// An open display and the atoms the fullscreen check needs.
pub struct Display {
    conn: RustConnection,
    root: Window,
    has_screensaver: bool,
    active_window: u32,
    wm_state: u32,
    fullscreen: u32,
}

impl Display {
    /// The display `DISPLAY` names, or why there is none.
    pub fn connect() -> Result<Display, String> {
        if std::env::var_os("DISPLAY").is_none_or(|display| display.is_empty()) {
            return Err("no X display: DISPLAY is not set".into());
        }
        let (conn, screen) = x11rb::connect(None).map_err(|err| format!("no X display: {err}"))?;
        let root = conn.setup().roots.get(screen).map(|screen| screen.root).ok_or("the X display has no screen")?;
        let has_screensaver =
            conn.extension_information(screensaver::X11_EXTENSION_NAME).map_err(|err| err.to_string())?.is_some();
        let atom = |name: &[u8]| -> Result<u32, String> {
            let cookie = conn.intern_atom(false, name).map_err(|err| err.to_string())?;
            cookie.reply().map(|reply| reply.atom).map_err(|err| err.to_string())
        };
        let (active_window, wm_state, fullscreen) =
            (atom(b"_NET_ACTIVE_WINDOW")?, atom(b"_NET_WM_STATE")?, atom(b"_NET_WM_STATE_FULLSCREEN")?);
        Ok(Display { conn, root, has_screensaver, active_window, wm_state, fullscreen })
    }

    /// Time since the last keyboard or mouse input.
    pub fn idle(&self) -> Result<Duration, String> {
        if !self.has_screensaver {
            return Err("the X server has no MIT-SCREEN-SAVER extension".into());
        }
        let reply = self.conn.screensaver_query_info(self.root).map_err(|err| err.to_string())?;
        let info = reply.reply().map_err(|err| err.to_string())?;
        Ok(Duration::from_millis(info.ms_since_user_input.into()))
    }

    /// Whether the active window is fullscreen.
    pub fn fullscreen(&self) -> Result<bool, String> {
        let active = self.property(self.root, self.active_window, AtomEnum::WINDOW)?;
        let Some(window) = active_window(active.as_deref()) else {
            return Err(
                "no _NET_ACTIVE_WINDOW on the root window (the window manager does not say which window is active)"
                    .into(),
            );
        };
        if window == x11rb::NONE {
            return Ok(false);
        }
        let states = self.property(window, self.wm_state, AtomEnum::ATOM)?.unwrap_or_default();
        Ok(has_state(&states, self.fullscreen))
    }

    /// A 32-bit property's values, `None` when the window does not have it.
    fn property(&self, window: Window, property: u32, kind: AtomEnum) -> Result<Option<Vec<u32>>, String> {
        let cookie = self.conn.get_property(false, window, property, kind, 0, 64).map_err(|err| err.to_string())?;
        let reply = cookie.reply().map_err(|err| err.to_string())?;
        // A missing property comes back with format 0, so no 32-bit values.
        Ok(reply.value32().map(Iterator::collect))
    }
}

/// The window `_NET_ACTIVE_WINDOW` names: its first value (0 when none is active); `None` when
/// the property is missing or empty.
pub fn active_window(values: Option<&[u32]>) -> Option<Window> {
    values.and_then(|values| values.first().copied())
}

/// Whether `_NET_WM_STATE`'s atoms include `state`.
pub fn has_state(states: &[u32], state: u32) -> bool {
    state != x11rb::NONE && states.contains(&state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_active_window_is_the_first_value_and_missing_means_no_window_manager_said() {
        assert_eq!(active_window(Some(&[0x400007])), Some(0x400007));
        assert_eq!(active_window(Some(&[0])), Some(0), "0: no window is active");
        assert_eq!(active_window(Some(&[])), None);
        assert_eq!(active_window(None), None);
    }

    #[test]
    fn fullscreen_is_one_atom_among_the_states() {
        let (above, fullscreen, hidden) = (301, 302, 303);
        assert!(has_state(&[above, fullscreen], fullscreen));
        assert!(!has_state(&[above, hidden], fullscreen));
        assert!(!has_state(&[], fullscreen));
        assert!(!has_state(&[0, 5], 0), "an atom that failed to intern matches nothing");
    }
}
