//! The body-map picker for `route` without a location: the map with the zones' letters, a
//! list beside it, and keys: a letter picks its zone, the arrow keys (or j/k) move and Enter
//! picks, q or Esc cancels, Ctrl-C interrupts.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::style::{Attribute, Stylize};
use crossterm::{cursor, queue, style, terminal};

use super::{Key, Keys, TerminalGuard, TerminalKeys};
use crate::dataset::{self, Location};
use crate::error::Interrupted;
use crate::platform::clock::SessionClock;
use crate::render::bodymap;
use crate::term::text::wrap;

/// What a key does on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Move the selection to this index.
    Select(usize),
    Pick(usize),
    Cancel,
    Interrupt,
    Nothing,
}

/// The pure part: what `key` does with `selected` of `count` zones lettered from A.
pub fn choose(key: Key, selected: usize, count: usize) -> Choice {
    match key {
        Key::Char('q') | Key::Escape => Choice::Cancel,
        Key::Interrupt => Choice::Interrupt,
        Key::Enter | Key::Char(' ') => Choice::Pick(selected),
        Key::Up | Key::Left | Key::Char('k') => Choice::Select((selected + count - 1) % count),
        Key::Down | Key::Right | Key::Char('j') => Choice::Select((selected + 1) % count),
        Key::Char(letter @ 'a'..='z') => {
            let index = usize::from(letter as u8 - b'a');
            if index < count {
                Choice::Pick(index)
            } else {
                Choice::Nothing
            }
        }
        _ => Choice::Nothing,
    }
}

/// Shows the map until a zone is picked (`Some`) or the person cancels (`None`); Ctrl-C and
/// the stop signals are an `Interrupted` error. The terminal is restored before returning.
pub fn pick(out: &mut dyn Write, color: bool) -> anyhow::Result<Option<&'static Location>> {
    let locations = dataset::dataset().locations;
    let mut keys = TerminalKeys::open()?;
    let mut clock = SessionClock::new(1);
    let _screen = TerminalGuard::enter()?;
    let mut selected = 0;
    loop {
        draw(out, locations, selected, color)?;
        let Some(key) = keys.wait(&mut clock, Duration::from_secs(3600))? else { continue };
        match choose(key, selected, locations.len()) {
            Choice::Select(index) => selected = index,
            Choice::Pick(index) => return Ok(locations.get(index)),
            Choice::Cancel => return Ok(None),
            Choice::Interrupt => anyhow::bail!(Interrupted(None)),
            Choice::Nothing => {}
        }
    }
}

fn draw(out: &mut dyn Write, locations: &[Location], selected: usize, color: bool) -> io::Result<()> {
    let (columns, rows) = super::size();
    let chosen = locations.get(selected);
    let letter = chosen.and_then(|location| location.code.chars().next());
    let mut buffer = Vec::new();
    let mut row = 0u16;
    let mut line = |buffer: &mut Vec<u8>, parts: Vec<style::StyledContent<String>>| -> io::Result<()> {
        if row < rows {
            queue!(buffer, cursor::MoveTo(0, row))?;
            let mut width = usize::from(columns);
            for part in parts {
                let text: String = part.content().chars().take(width).collect();
                width -= text.chars().count();
                queue!(buffer, style::PrintStyledContent(style::StyledContent::new(*part.style(), text)))?;
            }
            queue!(buffer, terminal::Clear(terminal::ClearType::UntilNewLine))?;
        }
        row += 1;
        Ok(())
    };
    let heading = "Where does it hurt? (back view)".to_string();
    line(&mut buffer, vec![if color { heading.cyan().bold() } else { heading.bold() }])?;
    let gap = 4;
    let keys_help = ["Press a letter, or ↑/↓ and Enter.", "q quits."];
    let entries: Vec<String> =
        locations.iter().map(|location| format!("  {}  {}", location.code, location.name)).collect();
    let legend_width = keys_help
        .iter()
        .map(|text| text.chars().count())
        .chain(entries.iter().map(|e| e.chars().count()))
        .max()
        .unwrap_or(0);
    let columns = usize::from(columns);
    // The chosen zone's description takes what room the layout leaves.
    let area = |room: usize| chosen.map(|location| wrap(location.area, room.max(20))).unwrap_or_default();
    let beside_room = columns.saturating_sub(bodymap::width() + gap + 2);
    // Beside the map the legend is padded to line up with the zones: 2 + 2 + 2 + zones + 1 + area.
    let beside_rows = 7 + entries.len() + area(beside_room).len();
    let below_rows = 3 + entries.len() + area(columns).len();
    let layout = bodymap::layout(
        columns,
        Some(usize::from(rows).saturating_sub(1)),
        gap,
        legend_width,
        (beside_rows, below_rows),
    );
    let (padding, room) = match layout {
        bodymap::Layout::Beside => (true, beside_room),
        bodymap::Layout::Below | bodymap::Layout::ListOnly => (false, columns),
    };
    let blank = || String::new().stylize();
    let mut legend: Vec<style::StyledContent<String>> = Vec::new();
    if padding {
        legend.extend([blank(), blank()]);
    }
    legend.extend(keys_help.map(|text| text.to_string().bold()));
    legend.push(blank());
    if padding {
        legend.push(blank());
    }
    for (location, entry) in locations.iter().zip(entries) {
        legend.push(if Some(location) == chosen {
            format!("> {}", entry.trim_start()).reverse().bold()
        } else {
            entry.stylize()
        });
    }
    legend.push(blank());
    legend.extend(area(room).into_iter().map(|text| text.attribute(Attribute::Dim)));
    // The chosen zone's letters stand out on the map.
    let map_line = |map_line: &str| -> Vec<style::StyledContent<String>> {
        format!("{map_line:<width$}", width = bodymap::width())
            .chars()
            .map(|c| if Some(c) == letter { c.to_string().reverse().bold() } else { c.to_string().stylize() })
            .collect()
    };
    match layout {
        bodymap::Layout::Beside => {
            for (index, map_text) in bodymap::MAP.iter().enumerate() {
                let mut parts = map_line(map_text);
                parts.push(" ".repeat(gap).stylize());
                if let Some(text) = legend.get(index) {
                    parts.push(text.clone());
                }
                line(&mut buffer, parts)?;
            }
        }
        bodymap::Layout::Below => {
            for map_text in bodymap::MAP {
                line(&mut buffer, map_line(map_text))?;
            }
            line(&mut buffer, vec![blank()])?;
            for text in legend {
                line(&mut buffer, vec![text])?;
            }
        }
        // Too small for the map: the list alone, picked the same way.
        bodymap::Layout::ListOnly => {
            for text in legend {
                line(&mut buffer, vec![text])?;
            }
        }
    }
    queue!(buffer, terminal::Clear(terminal::ClearType::FromCursorDown))?;
    out.write_all(&buffer)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_pick_arrows_move_and_wrap_q_cancels() {
        assert_eq!(choose(Key::Char('c'), 0, 5), Choice::Pick(2));
        assert_eq!(choose(Key::Char('e'), 0, 5), Choice::Pick(4));
        assert_eq!(choose(Key::Char('f'), 0, 5), Choice::Nothing);
        assert_eq!(choose(Key::Down, 4, 5), Choice::Select(0));
        assert_eq!(choose(Key::Up, 0, 5), Choice::Select(4));
        assert_eq!(choose(Key::Char('j'), 1, 5), Choice::Select(2));
        assert_eq!(choose(Key::Enter, 3, 5), Choice::Pick(3));
        assert_eq!(choose(Key::Char('q'), 3, 5), Choice::Cancel);
        assert_eq!(choose(Key::Escape, 3, 5), Choice::Cancel);
        assert_eq!(choose(Key::Interrupt, 3, 5), Choice::Interrupt);
        assert_eq!(choose(Key::Resize, 3, 5), Choice::Nothing);
    }
}
