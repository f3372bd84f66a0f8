//! Reports to bytes: one renderer per format. `json` is serde; `table` is comfy-table at a width
//! the caller picks (tests pin it).

pub mod bodymap;
pub mod doctor;
pub mod history;
pub mod sheet;
pub mod stats;
pub mod table;

use serde::Serialize;

/// How human output looks: colour on or off, and the width tables wrap to.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub width: u16,
    /// ASCII borders (`LANG=C`, `TERM=dumb`) instead of box-drawing characters.
    pub ascii: bool,
}

/// `C`, `POSIX` and locales naming a charset that is not UTF-8 cannot show box-drawing characters.
pub fn locale_is_ascii(locale: &str) -> bool {
    let charset = locale.split('@').next().unwrap_or_default();
    if charset == "C" || charset == "POSIX" {
        return true;
    }
    match charset.split_once('.') {
        Some((_, charset)) => !matches!(charset.to_ascii_lowercase().as_str(), "utf-8" | "utf8"),
        // "en_US" alone: the system's default charset, today UTF-8 nearly everywhere.
        None => false,
    }
}

/// A report that can be shown as a human table; every report is also `Serialize` for `--json`.
pub trait Render: Serialize {
    fn table(&self, theme: &Theme) -> String;
}

/// The bytes for a report: pretty JSON (with a final newline) or the human table.
pub fn render(report: &impl Render, json: bool, theme: &Theme) -> Vec<u8> {
    if json {
        crate::startup::json::render(report)
    } else {
        let mut text = report.table(theme);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        if theme.ascii {
            // Borders are ASCII already; the glyphs in the text become ASCII too.
            text = crate::term::text::ascii_glyphs(&text).into_owned();
        }
        text.into_bytes()
    }
}
