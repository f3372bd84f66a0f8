//! What the program reads from its surroundings (the terminal, the locale, `NO_COLOR`, the
//! pager), gathered once so tests can set it.

use std::io::IsTerminal;

use crate::cli::ColorWhen;
use crate::render::{self, Theme};
use crate::term::pager;

/// What the program reads from its surroundings.
#[derive(Debug, Clone)]
pub struct Env {
    pub stdout_is_terminal: bool,
    /// The terminal's width, or `COLUMNS`, when known.
    pub columns: Option<u16>,
    /// `NO_COLOR` is set to something non-empty.
    pub no_color: bool,
    /// `BACKPAIN_TEST_SPEED`: how many times faster than the wall clock guided sessions run.
    pub test_speed: u32,
    /// Tables in ASCII: the locale is `C`/`POSIX` or names a charset other than UTF-8
    /// (`LANG=C`, `LC_ALL=C`), or `TERM=dumb`.
    pub ascii: bool,
    /// `TERM=dumb`: a terminal that cannot move the cursor, so no full-screen session or body map.
    pub dumb_terminal: bool,
    /// The terminal's height when stdout is one: output taller than it goes through the pager.
    pub rows: Option<u16>,
    /// The pager to run (`BACKPAIN_PAGER`, `PAGER`, `less -FRX`), or none.
    pub pager: Option<String>,
}

/// A piped, 80-column, colourless run at real speed: what tests start from.
impl Default for Env {
    fn default() -> Self {
        Env {
            stdout_is_terminal: false,
            columns: Some(80),
            no_color: true,
            test_speed: 1,
            ascii: false,
            dumb_terminal: false,
            rows: None,
            pager: None,
        }
    }
}

impl Env {
    pub fn from_process() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|value| value.trim().parse::<u16>().ok())
            .filter(|&columns| columns > 0)
            .or_else(|| stdout_is_terminal.then(terminal_width).flatten());
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        let dumb_terminal = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
        // The first of these that is set decides, as setlocale(3) reads them.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|value| !value.is_empty()));
        let ascii = dumb_terminal || locale.as_deref().is_some_and(render::locale_is_ascii);
        let rows = if stdout_is_terminal {
            terminal_size::terminal_size_of(std::io::stdout()).map(|(_, rows)| rows.0).filter(|&rows| rows > 0)
        } else {
            None
        };
        let (backpain_pager, pager) = (std::env::var("BACKPAIN_PAGER").ok(), std::env::var("PAGER").ok());
        // A dumb terminal (an editor's shell buffer) cannot page: less warns and waits there.
        // Only a pager asked for by name runs on one.
        let pager = match dumb_terminal && backpain_pager.is_none() && pager.is_none() {
            true => None,
            false => pager::command(backpain_pager, pager),
        };
        Env { stdout_is_terminal, columns, no_color, test_speed: test_speed(), ascii, dumb_terminal, rows, pager }
    }

    /// Colour only on a terminal without NO_COLOR, unless asked for explicitly.
    pub fn theme(&self, color: ColorWhen) -> Theme {
        let color = match color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => self.stdout_is_terminal && !self.no_color,
        };
        // Tables are for reading: wrap to the terminal, 80 columns when it is unknown, and
        // never so narrow that words break mid-cell.
        Theme { color, width: self.columns.unwrap_or(80).clamp(40, 200), ascii: self.ascii }
    }
}

/// `BACKPAIN_TEST_SPEED=N` makes guided sessions run N times faster: a testing aid (README,
/// "Testing aids"), so the end-to-end tests see whole sessions in seconds.
fn test_speed() -> u32 {
    std::env::var("BACKPAIN_TEST_SPEED")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .filter(|&speed| speed >= 1)
        .unwrap_or(1)
}

fn terminal_width() -> Option<u16> {
    terminal_size::terminal_size_of(std::io::stdout()).map(|(columns, _)| columns.0).filter(|&columns| columns > 0)
}
