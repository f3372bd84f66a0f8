//! Reports to bytes: one renderer per format. `json` is serde; `table` is comfy-table at a width
//! the caller picks (tests pin it).

pub mod bodymap;
pub mod history;
pub mod json;
pub mod stats;
pub mod table;

use serde::Serialize;

/// How human output looks: colour on or off, and the width tables wrap to.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub width: u16,
    /// The terminal can show Unicode block characters (heatmaps, sparklines); ASCII when not.
    pub unicode: bool,
}

/// Whether the locale asks for UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set and
/// not empty names it (`LANG=C` and no locale at all mean ASCII).
pub fn unicode_locale(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|name| var(name).filter(|value| !value.is_empty())).is_some_and(
        |value| {
            let value = value.to_ascii_lowercase();
            value.contains("utf-8") || value.contains("utf8")
        },
    )
}

/// A report that can be shown as a human table; every report is also `Serialize` for `--json`.
pub trait Render: Serialize {
    fn table(&self, theme: &Theme) -> String;
}

/// The bytes for a report: pretty JSON (with a final newline) or the human table.
pub fn render(report: &impl Render, json: bool, theme: &Theme) -> Vec<u8> {
    if json {
        json::render(report)
    } else {
        let mut text = report.table(theme);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.into_bytes()
    }
}
