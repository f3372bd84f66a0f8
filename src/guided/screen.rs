//! The guided session on a terminal: an introduction to read before starting, then one screen
//! redrawn in place with the drill, its cues, a live countdown and a progress bar for the
//! whole session. Drawn on the alternate screen that `tui::TerminalGuard` sets up and restores.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::style::{Attribute, Stylize};

use crate::term::style::{styled, Tone};
use crossterm::{cursor, queue, style, terminal};

use super::cues::Cue;
use super::lines::{intro, Said};
use super::player::{Event, Progress, View};
use crate::dataset::Urgency;
use crate::platform::clock::Clock;
use crate::report::RoutineReport;
use crate::term::text::wrap;
use crate::time::{clock as clock_text, words as minutes_or_seconds};
use crate::tui::{self, Key, Keys};

/// How a line is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Bold,
    Dim,
    Title,
    Warning,
    Paused,
    /// A drill's cue: the first to go when the screen is short.
    Cue,
    /// A drill's caution: kept when cues give way.
    Caution,
}

/// Lines to draw, each cut to the terminal's width, and a drawing beside them.
struct Frame {
    lines: Vec<(Look, String)>,
    /// The drill's figure: its column and rows, drawn after the text, at its right.
    figure: Option<(u16, Vec<String>)>,
}

impl Frame {
    fn new() -> Self {
        Frame { lines: Vec::new(), figure: None }
    }

    fn push(&mut self, look: Look, text: impl Into<String>) {
        self.lines.push((look, text.into()));
    }

    /// `text` wrapped to `width` after `bullet`; continuation lines are indented to match.
    fn wrap(&mut self, look: Look, text: &str, bullet: &str, width: usize) {
        for line in crate::term::text::hang(text, width, bullet, &" ".repeat(crate::term::text::width(bullet))) {
            self.push(look, line);
        }
    }

    /// On a short terminal, the countdown, the progress bar and the keys matter more than
    /// spacing and cues: blank lines go first, then cue lines from the last.
    /// Says whether everything left fits.
    fn fit_height(&mut self, rows: usize) -> bool {
        if self.lines.len() > rows {
            self.lines.retain(|(look, text)| !(*look == Look::Plain && text.is_empty()));
        }
        while self.lines.len() > rows {
            match self.lines.iter().rposition(|(look, _)| *look == Look::Cue) {
                Some(index) => {
                    self.lines.remove(index);
                }
                None => break,
            }
        }
        self.lines.len() <= rows
    }

    /// Draws from the top of the screen, clearing what was there.
    fn draw(&self, out: &mut dyn Write, color: bool) -> io::Result<()> {
        // One write per frame: no half-drawn screens.
        let mut buffer = Vec::new();
        let (columns, rows) = tui::size();
        // Beside the figure, text stops short of it.
        let beside = |row: usize| match &self.figure {
            Some((column, figure)) if (2..2 + figure.len()).contains(&row) => usize::from(*column).saturating_sub(1),
            _ => usize::from(columns),
        };
        for (row, (look, text)) in self.lines.iter().take(usize::from(rows)).enumerate() {
            let text: String = text.chars().take(beside(row)).collect();
            let tone = match look {
                Look::Plain | Look::Cue => Tone::Plain,
                Look::Bold => Tone::Bold,
                Look::Dim => Tone::Dim,
                Look::Title => Tone::Title,
                Look::Warning => Tone::Danger,
                Look::Paused => Tone::Paused,
                Look::Caution => Tone::Caution,
            };
            // Dim shows even without colour on a terminal: the disclaimer is set apart.
            let styled =
                if tone == Tone::Dim { text.as_str().attribute(Attribute::Dim) } else { styled(&text, tone, color) };
            let row = u16::try_from(row).unwrap_or(u16::MAX);
            queue!(
                buffer,
                cursor::MoveTo(0, row),
                style::PrintStyledContent(styled),
                terminal::Clear(terminal::ClearType::UntilNewLine)
            )?;
        }
        queue!(buffer, terminal::Clear(terminal::ClearType::FromCursorDown))?;
        if let Some((column, figure)) = &self.figure {
            // Below the title line; the text beside it was wrapped short of it.
            for (row, line) in figure.iter().enumerate().take(usize::from(rows).saturating_sub(2)) {
                let row = u16::try_from(row + 2).unwrap_or(u16::MAX);
                queue!(buffer, cursor::MoveTo(*column, row), style::Print(line))?;
            }
        }
        out.write_all(&buffer)?;
        out.flush()
    }
}

/// What the person chose on the introduction screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Go,
    Cancel,
    Interrupted,
}

/// Shows the warning, the red flags, the intensity rule and the changes made, and waits for
/// space or Enter (start), q or Esc (cancel), or Ctrl-C. When the emergency red flags do not fit
/// the terminal, the introduction pages: space, Enter, ↓ or j read on, ↑ or k go back, and only
/// at its end does space or Enter start the session.
pub fn introduce(
    out: &mut dyn Write,
    report: &RoutineReport,
    clock: &mut dyn Clock,
    keys: &mut dyn Keys,
    color: bool,
) -> io::Result<Start> {
    let mut offset = 0;
    loop {
        let intro = intro_frame(report, tui::size(), offset);
        offset = intro.offset;
        intro.frame.draw(out, color)?;
        match keys.wait(clock, Duration::from_secs(3600))? {
            Some(Key::Char(' ') | Key::Enter) if intro.at_end => return Ok(Start::Go),
            Some(Key::Char(' ') | Key::Enter) => offset += intro.page,
            Some(Key::Down | Key::Char('j')) => offset += 1,
            Some(Key::Up | Key::Char('k')) => offset = offset.saturating_sub(1),
            Some(Key::Char('q') | Key::Escape) => return Ok(Start::Cancel),
            Some(Key::Interrupt) => return Ok(Start::Interrupted),
            _ => {}
        }
    }
}

/// The introduction as drawn: the frame, whether its end is on screen, the lines one page moves,
/// and the scroll offset it was drawn at (kept within range).
struct Intro {
    frame: Frame,
    at_end: bool,
    page: usize,
    offset: usize,
}

/// The introduction for a terminal of `columns` × `rows`, scrolled down `offset` lines. The
/// title, the warning and every emergency red flag are always there in full, scrolled if the
/// terminal is too small; the prompt and the disclaimer stay at the bottom; the other flags,
/// rules and changes follow while there is room, and the flags that do not fit are counted with
/// where to see them.
fn intro_frame(report: &RoutineReport, (columns, rows): (u16, u16), offset: usize) -> Intro {
    let width = usize::from(columns).max(10);
    let said = intro(report);
    let block = |said: &Said, line: &str| -> (Look, Vec<String>) {
        let (look, bullet) = match said {
            Said::Title => (Look::Title, ""),
            Said::Warning | Said::Urgency(Urgency::Emergency) => (Look::Warning, ""),
            Said::Rule | Said::FlagsHeading | Said::Urgency(_) | Said::Adapted => (Look::Bold, ""),
            Said::Adjustment => (Look::Plain, "* "),
            Said::Flag(_) => (Look::Plain, "- "),
            Said::Disclaimer => (Look::Dim, ""),
        };
        let wrapped = wrap(line, width.saturating_sub(bullet.len()).max(10));
        let lines = wrapped
            .into_iter()
            .enumerate()
            .map(|(index, part)| {
                format!("{}{part}", if index == 0 { bullet.to_string() } else { " ".repeat(bullet.len()) })
            })
            .collect();
        (look, lines)
    };
    let must_show = |said: &Said| {
        matches!(
            said,
            Said::Title | Said::Warning | Said::Adapted | Said::FlagsHeading | Said::Urgency(Urgency::Emergency)
        ) || *said == Said::Flag(Urgency::Emergency)
    };
    let mut must = Frame::new();
    for (kind, line) in said.iter().filter(|(kind, _)| must_show(kind)) {
        let (look, lines) = block(kind, line);
        for line in lines {
            must.push(look, line);
        }
    }
    // The rest in the order that matters most: the intensity rule, the other flags, then the
    // day's rule and the changes made.
    let rank = |said: &Said| match said {
        Said::Rule => 0,
        Said::Urgency(_) | Said::Flag(_) => 1,
        _ => 2,
    };
    let mut rest: Vec<&(Said, String)> =
        said.iter().filter(|(kind, _)| !must_show(kind) && *kind != Said::Disclaimer).collect();
    rest.sort_by_key(|(kind, _)| rank(kind));
    let rules_first: Vec<&(Said, String)> = rest
        .iter()
        .copied()
        .filter(|(kind, line)| *kind != Said::Rule || !line.starts_with("When not to exercise"))
        .collect();
    let not_today: Vec<&(Said, String)> = rest
        .iter()
        .copied()
        .filter(|(kind, line)| *kind == Said::Rule && line.starts_with("When not to exercise"))
        .collect();

    // On a small terminal the red flags come before the full disclaimer: a short one and a
    // prompt without blank lines around it.
    let full = wrap(report.disclaimer, width);
    let compact = usize::from(rows) < 14 || (3 + full.len()) * 3 > usize::from(rows);
    let disclaimer = if compact { wrap(SHORT_DISCLAIMER, width) } else { full };
    let prompts: [&str; 2] = if compact {
        // The session's own footer's form, 20 columns at most.
        ["space start · q quit", "space more · q quit"]
    } else {
        ["Press space or Enter to start, q to quit.", "Press space or ↓ for more, q to quit."]
    };
    let prompt_lines = wrap(prompts[1], width).len();
    let flags_in_rest = rest.iter().filter(|(kind, _)| matches!(kind, Said::Flag(_))).count();
    // Room is kept for the count of flags left out (as many lines as it wraps to).
    let conditions: String =
        report.conditions.iter().map(|condition| format!(" --condition {}", condition.id)).collect();
    let count = format!(
        "... and {flags_in_rest} more signs to see a clinician: backpain route --location {}{conditions}",
        report.location
    );
    let count_lines = if flags_in_rest > 0 { wrap(&count, width).len() } else { 0 };
    // Blank lines around the prompt, unless dropping them keeps the flags on one page.
    let room_for = |spaced: bool| {
        let foot = if spaced { 2 + prompt_lines + disclaimer.len() } else { prompt_lines + disclaimer.len() };
        usize::from(rows).saturating_sub(foot).max(1)
    };
    let spaced = !compact
        && (must.lines.len() + count_lines <= room_for(true) || must.lines.len() + count_lines > room_for(false));
    let room = room_for(spaced);
    let mut body = must;
    let mut flags_shown = 0;
    let mut paged = false;
    if body.lines.len() + count_lines <= room {
        let limit = room.saturating_sub(count_lines);
        // The urgency whose heading was shown last: a flag goes only under its own heading, never
        // under another urgency's words when its own did not fit.
        let mut heading = Some(Urgency::Emergency);
        for (kind, line) in rules_first.iter().chain(&not_today) {
            let (look, lines) = block(kind, line);
            if let Said::Flag(urgency) = kind {
                if heading != Some(*urgency) {
                    continue;
                }
            }
            // A heading without any of its flags says nothing: leave it for the count.
            if let Said::Urgency(urgency) = kind {
                if body.lines.len() + lines.len() + 1 > limit {
                    heading = None;
                    continue;
                }
                heading = Some(*urgency);
            }
            if body.lines.len() + lines.len() > limit {
                continue;
            }
            if matches!(kind, Said::Flag(_)) {
                flags_shown += 1;
            }
            for line in lines {
                body.push(look, line);
            }
        }
        // Drop headings left with no flag under them.
        let mut index = 0;
        while index < body.lines.len() {
            let heading = body.lines[index].0 == Look::Bold
                && body.lines[index].1.ends_with(':')
                && body.lines[index].1 != "Stop and get medical help if:";
            let followed = body.lines.get(index + 1).is_some_and(|(_, text)| text.starts_with("- "));
            if heading && !followed && index + 1 >= body.lines.len() {
                body.lines.remove(index);
            } else {
                index += 1;
            }
        }
    } else {
        paged = true;
    }
    if flags_shown < flags_in_rest {
        // With the conditions given, so their own warning signs are in the list it points to.
        let conditions: String =
            report.conditions.iter().map(|condition| format!(" --condition {}", condition.id)).collect();
        let more = format!(
            "... and {} more signs to see a clinician: backpain route --location {}{conditions}",
            flags_in_rest - flags_shown,
            report.location
        );
        for line in wrap(&more, width) {
            body.push(Look::Dim, line);
        }
    }
    let total = body.lines.len();
    let window = if paged { room } else { total.max(1) };
    let offset = offset.min(total.saturating_sub(window));
    let at_end = offset + window >= total;
    let mut frame = Frame::new();
    frame.lines.extend(body.lines.into_iter().skip(offset).take(window));
    if spaced {
        frame.push(Look::Plain, "");
    }
    frame.wrap(Look::Bold, prompts[usize::from(!at_end)], "", width);
    if spaced {
        frame.push(Look::Plain, "");
    }
    for line in disclaimer {
        frame.push(Look::Dim, line);
    }
    Intro { frame, at_end, page: window.saturating_sub(1).max(1), offset }
}

/// The disclaimer where the full one would push the red flags off a small screen.
const SHORT_DISCLAIMER: &str = "Not medical advice.";

/// The live session screen.
pub struct SessionView<'a> {
    pub out: &'a mut dyn Write,
    /// "Lower back (lumbar) · full routine".
    pub title: String,
    pub bell: bool,
    pub color: bool,
    /// Draw the figure in ASCII (`LANG=C`).
    pub ascii: bool,
}

/// The narrowest terminal that gets the figure beside the text, and the figure's widest.
const FIGURE_MIN_COLUMNS: u16 = 60;
const FIGURE_MAX_WIDTH: usize = 30;

/// Which key position the figure shows now: the start while getting into position or resting;
/// the held position (the one after the start: later ones are variations, such as
/// knee-to-chest's "both"), still, through a hold; through moving reps, each position in turn, one
/// rep per cycle (cat-cow breathes: start, rounded, arched).
pub fn pose(status: &Progress, positions: usize) -> usize {
    if positions < 2 {
        return 0;
    }
    match status.cue() {
        Some(Cue::Hold { .. }) => 1,
        Some(Cue::Reps { rep_seconds, .. }) => {
            let period = u128::from((*rep_seconds).max(1)) * 1000;
            let into = status.into.as_millis() % period;
            usize::try_from(into * positions as u128 / period).unwrap_or(0).min(positions - 1)
        }
        _ => 0,
    }
}

/// Digits three rows tall, for the countdown read from the floor (Stretchly and Workrave show
/// large numbers too): half blocks, or `#` in ASCII.
fn big_clock(text: &str, ascii: bool) -> [String; 3] {
    let glyph = |c: char| -> [&str; 3] {
        match c {
            '0' => ["█▀█", "█ █", "▀▀▀"],
            '1' => ["▀█ ", " █ ", "▀▀▀"],
            '2' => ["▀▀█", "█▀▀", "▀▀▀"],
            '3' => ["▀▀█", " ▀█", "▀▀▀"],
            '4' => ["█ █", "▀▀█", "  ▀"],
            '5' => ["█▀▀", "▀▀█", "▀▀▀"],
            '6' => ["█▀▀", "█▀█", "▀▀▀"],
            '7' => ["▀▀█", "  █", "  ▀"],
            '8' => ["█▀█", "█▀█", "▀▀▀"],
            '9' => ["█▀█", "▀▀█", "▀▀▀"],
            _ => [" ", "▀", "▀"],
        }
    };
    let mut rows = [String::new(), String::new(), String::new()];
    for c in text.chars() {
        for (row, part) in rows.iter_mut().zip(glyph(c)) {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(part);
        }
    }
    if ascii {
        rows = rows.map(|row| row.replace(['█', '▀'], "#"));
    }
    rows
}

impl SessionView<'_> {
    /// The drill's figure in its pose now, `width` columns wide, with its position's name.
    fn figure(&self, status: &Progress, width: usize, rows: usize) -> Option<Vec<String>> {
        let Some(Cue::Drill { id, .. }) = status.drill() else { return None };
        let positions = crate::dataset::drill(id)?.positions;
        if positions.is_empty() {
            return None;
        }
        let height = (width * 11 / 32).min(rows).max(4);
        let figures = crate::figure::figures(positions, crate::figure::view_for(positions));
        let mut panels = crate::figure::canvas::panels(&figures, width, height, self.ascii, self.color);
        let index = pose(status, panels.len()).min(panels.len() - 1);
        let mut panel = panels.swap_remove(index);
        let name = figures[index].name;
        let pad = width.saturating_sub(name.chars().count()) / 2;
        panel.push(format!(
            "{}{name}{}",
            " ".repeat(pad),
            " ".repeat(width.saturating_sub(pad + name.chars().count()))
        ));
        Some(panel)
    }

    /// The screen for `status` on a terminal of `columns` × `rows`.
    fn frame(&self, status: &Progress, (columns, rows): (u16, u16)) -> Frame {
        let mut width = usize::from(columns);
        let mut frame = Frame::new();
        if columns >= FIGURE_MIN_COLUMNS && rows >= 16 {
            let figure_width = (width / 3).min(FIGURE_MAX_WIDTH);
            if let Some(mut figure) = self.figure(status, figure_width, usize::from(rows) / 2) {
                width -= figure_width + 2;
                // The countdown in large digits under the figure, where there is room for it.
                if figure.len() + 6 <= usize::from(rows) {
                    figure.push(String::new());
                    let left = Duration::from_secs(status.left.as_secs() + u64::from(status.left.subsec_nanos() > 0));
                    for line in big_clock(&clock_text(left), self.ascii) {
                        let pad = figure_width.saturating_sub(line.chars().count()) / 2;
                        figure.push(format!("{}{line}", " ".repeat(pad)));
                    }
                }
                frame.figure = Some((u16::try_from(width + 2).unwrap_or(u16::MAX), figure));
            }
        }
        frame.push(Look::Title, format!("backpain · {}", self.title));
        frame.push(Look::Plain, "");
        if let Some(Cue::Drill { step, steps, name, position, dose, cues, cautions, .. }) = status.drill() {
            frame.wrap(Look::Bold, &format!("Drill {step} of {steps}: {name} · {}", position.label()), "", width);
            frame.push(Look::Plain, dose.clone());
            for cue in cues.iter() {
                frame.wrap(Look::Cue, cue, "  - ", width);
            }
            // Cautions are never the ones to go on a short screen: cues go first.
            for caution in cautions {
                frame.wrap(Look::Caution, caution, "  ! ", width);
            }
        }
        frame.push(Look::Plain, "");
        let doing = match status.cue() {
            Some(Cue::Position { .. }) => "GET INTO POSITION".to_string(),
            Some(Cue::Hold { set, sets, side, rep, reps, .. }) => {
                format!("HOLD{}{}{}", rep_text(u64::from(*rep), *reps), side_text(*side), set_text(*set, *sets))
            }
            Some(Cue::Reps { set, sets, side, reps, rep_seconds, .. }) => {
                let rep = (status.into.as_secs() / u64::from((*rep_seconds).max(1)) + 1).min(u64::from(*reps));
                format!("MOVE{}{}{}", rep_text(rep, *reps), side_text(*side), set_text(*set, *sets))
            }
            Some(Cue::Rest { next_set, .. }) => format!("REST · set {next_set} next"),
            Some(Cue::Drill { .. } | Cue::SwitchSides { .. }) | None => String::new(),
        };
        if status.waiting {
            // The first drill's clock waits until the person is down on the floor or the chair.
            frame.wrap(Look::Paused, "GET INTO POSITION · space or Enter starts the clock", "", width);
        } else if status.paused {
            frame.wrap(Look::Paused, &format!("PAUSED · space to resume · {doing}"), "", width);
        } else {
            frame.wrap(Look::Bold, &doing, "", width);
        }
        frame.push(Look::Plain, "");
        // Whole seconds left, rounded up: 0:20 at the start of a 20 s hold, 0:01 in its last second.
        let left = Duration::from_secs(status.left.as_secs() + u64::from(status.left.subsec_nanos() > 0));
        frame.push(Look::Bold, format!("    {}", clock_text(left)));
        frame.push(Look::Plain, "");
        frame.push(Look::Dim, next_line(status));
        frame.push(Look::Plain, "");
        // As wide as the text beside the figure, so it is never cut by it.
        frame.push(Look::Plain, progress_bar(status, width));
        frame.push(Look::Plain, "");
        frame.push(Look::Dim, keys_line(status, "skip drill"));
        if frame.fit_height(usize::from(rows)) {
            frame
        } else {
            self.tiny_frame(status, &doing, (columns, rows))
        }
    }

    /// The screen for a terminal too small for the whole drill (50 × 12 with a long drill,
    /// 20 × 5): the countdown and what to do first, then the drill's cautions, as many as fit,
    /// and a line that says when some did not; cues, the title, the progress bar and the keys
    /// give way before any of them.
    fn tiny_frame(&self, status: &Progress, doing: &str, (columns, rows): (u16, u16)) -> Frame {
        let width = usize::from(columns).max(10);
        let rows = usize::from(rows).max(1);
        let left = Duration::from_secs(status.left.as_secs() + u64::from(status.left.subsec_nanos() > 0));
        let now = if status.waiting {
            "GET INTO POSITION · space starts".to_string()
        } else if status.paused {
            format!("{} PAUSED · space resumes", clock_text(left))
        } else {
            format!("{} {doing}", clock_text(left))
        };
        // The countdown on one line, shortened rather than wrapped ("0:59 MOVE").
        let now = match crate::term::text::width(&now) <= width {
            true => now,
            false => now.split(" · ").next().unwrap_or_default().to_string(),
        };
        let mut frame = Frame::new();
        frame.wrap(if status.waiting || status.paused { Look::Paused } else { Look::Bold }, &now, "", width);
        let Some(Cue::Drill { name, cautions, .. }) = status.drill() else {
            frame.lines.truncate(rows);
            return frame;
        };
        frame.wrap(Look::Bold, name, "", width);
        let wrapped: Vec<Vec<String>> =
            cautions.iter().map(|caution| crate::term::text::hang(caution, width, "! ", "  ")).collect();
        if frame.lines.len() + wrapped.iter().map(Vec::len).sum::<usize>() <= rows {
            for line in wrapped.into_iter().flatten() {
                frame.push(Look::Caution, line);
            }
            // Then, while there is room, the rest in the order it matters.
            let rest = [
                (Look::Plain, progress_bar(status, width)),
                (Look::Dim, keys_line(status, "skip")),
                (Look::Dim, next_line(status)),
            ];
            for (look, line) in rest {
                if frame.lines.len() < rows && crate::term::text::width(&line) <= width {
                    frame.push(look, line);
                }
            }
            return frame;
        }
        // Whole cautions while they fit with a line to spare, then that line says how many
        // are not shown; the first caution is shown cut rather than not at all.
        let mut shown = 0;
        for lines in &wrapped {
            if frame.lines.len() + lines.len() + 1 > rows {
                break;
            }
            for line in lines {
                frame.push(Look::Caution, line.clone());
            }
            shown += 1;
        }
        if shown == 0 {
            for line in wrapped[0].iter().take(rows.saturating_sub(frame.lines.len() + 1)) {
                frame.push(Look::Caution, line.clone());
            }
        }
        let hidden = cautions.len() - shown;
        let more = format!("! {hidden} more caution{}: make the window taller", if hidden == 1 { "" } else { "s" });
        let more = match crate::term::text::width(&more) <= width {
            true => more,
            false => format!("! {hidden} more caution{}", if hidden == 1 { "" } else { "s" }),
        };
        frame.lines.truncate(rows.saturating_sub(1));
        frame.push(Look::Caution, more);
        frame
    }
}

/// The keys as they are now (space resumes a paused session), `n` named `skip`.
fn keys_line(status: &Progress, skip: &str) -> String {
    let space = match (status.waiting, status.paused) {
        (true, _) => "start",
        (false, true) => "resume",
        (false, false) => "pause",
    };
    format!("space {space} · n {skip} · q quit")
}

/// "Next: Knee rolls", or "Next: done" after the last drill.
fn next_line(status: &Progress) -> String {
    match status.next_drill() {
        Some(Cue::Drill { name, .. }) => format!("Next: {name}"),
        _ => "Next: done".to_string(),
    }
}

/// " · rep 3 of 10", or nothing for a single rep (a 3-minute walk is not "rep 1 of 1").
fn rep_text(rep: u64, reps: u32) -> String {
    if reps > 1 {
        format!(" · rep {rep} of {reps}")
    } else {
        String::new()
    }
}

fn side_text(side: Option<super::cues::Side>) -> String {
    side.map(|side| format!(" · {}", side.label())).unwrap_or_default()
}

fn set_text(set: u32, sets: u32) -> String {
    if sets > 1 {
        format!(" · set {set} of {sets}")
    } else {
        String::new()
    }
}

/// "[█████░░░░░]  38%  4:12 elapsed · 6:53 left", as wide as the terminal allows: the
/// time since the start (which a skip does not jump) and the planned time still to play.
fn progress_bar(status: &Progress, width: usize) -> String {
    let total = status.total.as_secs_f64().max(1.0);
    let fraction = (status.covered.as_secs_f64() / total).clamp(0.0, 1.0);
    let elapsed = Duration::from_secs(status.elapsed.as_secs());
    let left = status.total.saturating_sub(status.covered);
    let left = Duration::from_secs(left.as_secs() + u64::from(left.subsec_nanos() > 0));
    let percent = (fraction * 100.0).floor();
    let mut label = format!(" {percent:>3}%  {} elapsed · {} left", clock_text(elapsed), clock_text(left));
    if label.chars().count() + 12 > width {
        // Narrow: what is left matters more than what is done.
        label = format!(" {percent:>3}%  {} left", clock_text(left));
    }
    let bar = width.saturating_sub(label.chars().count() + 2).clamp(10, 60);
    let filled = ((bar as f64) * fraction).round() as usize;
    format!("[{}{}]{label}", "█".repeat(filled), "░".repeat(bar - filled))
}

impl View for SessionView<'_> {
    fn waits_to_start(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event, status: &Progress) -> io::Result<()> {
        if let Event::End(_) = event {
            return Ok(());
        }
        let starts_timed_cue = matches!(event, Event::Cue(cue) if cue.seconds() > 0);
        if self.bell && starts_timed_cue {
            self.out.write_all(b"\x07")?;
        }
        self.frame(status, tui::size()).draw(self.out, self.color)
    }

    fn tick(&mut self, status: &Progress) -> io::Result<()> {
        self.frame(status, tui::size()).draw(self.out, self.color)
    }
}

/// "Lower back (lumbar) · full routine · 12 min 5 s".
pub fn title(report: &RoutineReport) -> String {
    format!("{} · {} routine · {}", report.name, report.variant.label(), minutes_or_seconds(report.total_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_fills_with_the_session() {
        let cues = [Cue::Position { step: 1, seconds: 100 }];
        let status = |covered: u64| Progress {
            cues: &cues,
            index: 0,
            into: Duration::ZERO,
            left: Duration::ZERO,
            covered: Duration::from_secs(covered),
            total: Duration::from_secs(100),
            paused: false,
            elapsed: Duration::ZERO,
            waiting: false,
        };
        let half = progress_bar(&status(50), 40);
        assert_eq!(half.chars().count(), 40, "{half}");
        assert!(half.ends_with("  50%  0:50 left"), "{half}");
        let wide = progress_bar(&status(50), 60);
        assert!(wide.ends_with("  50%  0:00 elapsed · 0:50 left"), "{wide}");
        assert_eq!(half.matches('█').count(), half.matches('░').count());
        assert!(progress_bar(&status(100), 40).contains("100%"));
        assert!(!progress_bar(&status(0), 40).contains('█'));
    }

    fn texts(frame: &Frame) -> Vec<&str> {
        frame.lines.iter().map(|(_, text)| text.as_str()).collect()
    }

    #[test]
    fn the_screen_shows_drill_cues_countdown_next_and_progress() {
        let plan = crate::plan::Plan::new(crate::dataset::location("neck").unwrap(), crate::dataset::Variant::Micro);
        let cues = crate::guided::cues::cues(&plan);
        let status = Progress {
            cues: &cues,
            index: 3,
            into: Duration::from_millis(1500),
            left: Duration::from_millis(3500),
            covered: Duration::from_secs(11),
            total: Duration::from_secs(165),
            paused: false,
            elapsed: Duration::from_secs(11),
            waiting: false,
        };
        let mut out = Vec::new();
        let screen = SessionView { out: &mut out, title: "Neck".into(), bell: true, color: false, ascii: false };
        let frame = screen.frame(&status, (80, 24));
        let lines = texts(&frame);
        assert_eq!(lines[2], "Drill 1 of 3: Chin tuck · seated");
        assert_eq!(lines[4], "  - Glide your head straight back into a double chin");
        assert!(lines.contains(&"HOLD · rep 3 of 10"), "{lines:#?}");
        assert!(lines.contains(&"    0:04"), "3.5 s left shows as 0:04: {lines:#?}");
        assert!(lines.contains(&"Next: Neck side-bend"));
        assert!(lines.iter().any(|line| line.ends_with("6%  0:11 elapsed · 2:34 left")), "{lines:#?}");
        let (column, figure) = frame.figure.as_ref().expect("the drill's figure beside the text at 80 × 24");
        assert!(usize::from(*column) + 26 <= 80, "{figure:#?}");
        assert!(figure.iter().any(|line| line.trim() == "hold"), "the held position, named: {figure:#?}");
        assert!(figure.iter().any(|line| line.contains("█▀█")), "the countdown in large digits: {figure:#?}");
        assert!(lines.iter().take(2 + figure.len()).skip(2).all(|line| line.chars().count() < usize::from(*column)));

        let paused = screen.frame(&Progress { paused: true, ..status }, (80, 24));
        assert!(texts(&paused).contains(&"PAUSED · space to resume · HOLD · rep 3 of 10"));
        assert!(texts(&paused).contains(&"space resume · n skip drill · q quit"), "the footer agrees");
        assert!(!texts(&paused).contains(&"space pause · n skip drill · q quit"));
        let waiting = screen.frame(&Progress { paused: true, waiting: true, ..status }, (80, 24));
        assert!(texts(&waiting).contains(&"GET INTO POSITION · space or Enter starts the clock"));
        assert!(texts(&waiting).contains(&"space start · n skip drill · q quit"));

        // On a 40 × 12 terminal blank lines and cues give way; the rest stays.
        let short = screen.frame(&status, (40, 12));
        let lines = texts(&short);
        assert!(lines.len() <= 12, "{lines:#?}");
        for kept in ["HOLD · rep 3 of 10", "    0:04", "space pause · n skip drill · q quit"] {
            assert!(lines.contains(&kept), "{kept}: {lines:#?}");
        }
        assert!(lines.iter().any(|line| line.ends_with("6%  2:34 left")), "{lines:#?}");
        assert!(short.figure.is_none(), "no room for the figure at 40 × 12");
    }

    /// The figure moves with the drill: the start while getting into position, the held
    /// position through a hold, and each position in turn through every moving rep.
    #[test]
    fn the_figure_holds_still_in_a_hold_and_cycles_through_each_rep() {
        let cues = [
            Cue::Position { step: 1, seconds: 5 },
            Cue::Hold { step: 1, set: 1, sets: 1, side: None, rep: 1, reps: 1, seconds: 20 },
            Cue::Reps { step: 1, set: 1, sets: 1, side: None, reps: 5, rep_seconds: 6, seconds: 30 },
        ];
        let at = |index: usize, into: u64| Progress {
            cues: &cues,
            index,
            into: Duration::from_millis(into),
            left: Duration::ZERO,
            covered: Duration::ZERO,
            total: Duration::from_secs(55),
            paused: false,
            elapsed: Duration::ZERO,
            waiting: false,
        };
        assert_eq!(pose(&at(0, 2000), 3), 0);
        assert!((0..20).all(|second| pose(&at(1, second * 1000), 3) == 1), "a hold stays still, held");
        let cycle: Vec<usize> = (0..12).map(|second| pose(&at(2, second * 1000), 3)).collect();
        assert_eq!(cycle, [0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2], "one cycle a rep");
        assert_eq!(pose(&at(2, 1000), 1), 0, "one position: nothing to move");
    }

    #[test]
    fn every_flag_on_the_introduction_sits_under_its_own_urgency_and_the_adaptation_is_kept() {
        use crate::cmd::routine::{prepare, report, Request};
        use crate::dataset::{self, Urgency, Variant};
        let given = [dataset::condition("pregnancy").unwrap(), dataset::condition("hip-replacement").unwrap()];
        for location in dataset::dataset().locations {
            for conditions in [&given[..0], &given[..1], &given[..]] {
                let mut request = Request::plain(location, Variant::Full);
                request.profile.conditions = conditions.to_vec();
                let Ok(prepared) = prepare(request) else { continue };
                let report = report(&prepared);
                for size in [(60, 20), (80, 24), (50, 30), (100, 40), (40, 60)] {
                    let lines: Vec<String> =
                        intro_frame(&report, size, 0).frame.lines.into_iter().map(|(_, text)| text).collect();
                    let context = format!("{} {conditions:?} {size:?}:\n{}", location.id, lines.join("\n"));
                    let mut under: Option<Urgency> = None;
                    for line in &lines {
                        for urgency in [Urgency::Emergency, Urgency::Urgent, Urgency::Gp] {
                            if line.starts_with(&format!("{}: ", urgency.heading())) {
                                under = Some(urgency);
                            }
                        }
                        if let Some(start) = line.strip_prefix("- ") {
                            let flag = report.red_flags.iter().find(|flag| flag.text.starts_with(start));
                            let flag = flag.unwrap_or_else(|| panic!("{line} is no flag: {context}"));
                            assert_eq!(Some(flag.urgency), under, "{line}: {context}");
                        }
                    }
                    if !conditions.is_empty() {
                        let adapted = lines.iter().any(|line| line.starts_with("Adapted for "));
                        assert!(adapted, "the adaptation is named: {context}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_introduction_shows_the_disclaimer_under_the_prompt_whatever_the_size() {
        use crate::cmd::routine::{prepare, report, Request};
        let lower = crate::dataset::location("lower").unwrap();
        let report = report(&prepare(Request::plain(lower, crate::dataset::Variant::Full)).unwrap());
        for size in [(80, 24), (40, 20), (60, 14), (50, 12), (20, 5)] {
            let intro = intro_frame(&report, size, 0);
            let frame = intro.frame;
            let lines = texts(&frame);
            assert!(lines.len() <= usize::from(size.1), "{size:?}: {lines:#?}");
            assert!(
                lines.iter().all(|line| crate::term::text::width(line) <= usize::from(size.0)),
                "{size:?}: {lines:#?}"
            );
            let prompt =
                lines.iter().rposition(|line| line.contains("q to quit") || line.contains("q quit")).expect("prompt");
            let below = lines[prompt + 1..].join(" ").to_lowercase();
            assert!(below.contains("not medical advice"), "{size:?}: {lines:#?}");
            let dim = frame.lines.iter().filter(|(look, _)| *look == Look::Dim).map(|(_, text)| text.as_str());
            assert!(dim.collect::<Vec<_>>().join(" ").to_lowercase().contains("not medical advice"), "dim: {size:?}");
            // The red flags come first: on a small screen the disclaimer is one short line.
            assert!(lines.iter().any(|line| line.starts_with("Guided session")), "{size:?}: {lines:#?}");
            if size.1 < 14 {
                assert!(below.split_whitespace().count() <= 3, "{size:?}: {lines:#?}");
            }
        }
    }

    /// Issue 21: at 20 x 5 paging through the introduction shows every emergency flag's every
    /// line, and the last page offers the start.
    #[test]
    fn paging_a_tiny_introduction_shows_every_emergency_flag() {
        use crate::cmd::routine::{prepare, report, Request};
        let lower = crate::dataset::location("lower").unwrap();
        let report = report(&prepare(Request::plain(lower, crate::dataset::Variant::Full)).unwrap());
        let mut seen: Vec<String> = Vec::new();
        let mut offset = 0;
        for _ in 0..200 {
            let intro = intro_frame(&report, (20, 5), offset);
            let body: Vec<String> = intro
                .frame
                .lines
                .iter()
                .take_while(|(look, _)| *look != Look::Bold || seen.is_empty() || !intro.at_end)
                .map(|(_, text)| text.clone())
                .collect();
            for line in body {
                if !seen.contains(&line) {
                    seen.push(line);
                }
            }
            if intro.at_end {
                assert!(texts(&intro.frame).iter().any(|line| line.contains("start")), "{seen:#?}");
                break;
            }
            offset += intro.page;
        }
        let flat = seen.join(" ");
        let flat: String = flat.split_whitespace().collect::<Vec<_>>().join(" ");
        for flag in lower.red_flags.iter().filter(|flag| flag.urgency == Urgency::Emergency) {
            assert!(flat.contains(flag.text), "`{}` never shown at 20x5: {seen:#?}", flag.text);
        }
    }

    /// Issue 21: on a screen too small for the whole drill, the countdown comes first and every
    /// caution that fits follows it; when one does not fit, the screen says so.
    #[test]
    fn a_tiny_session_screen_keeps_the_countdown_and_the_cautions() {
        let plan = crate::plan::Plan::new(crate::dataset::location("lower").unwrap(), crate::dataset::Variant::Full);
        let cues = crate::guided::cues::cues(&plan);
        let index = cues.iter().position(|cue| matches!(cue, Cue::Reps { .. } | Cue::Hold { .. })).unwrap();
        let Some(Cue::Drill { cautions, .. }) = cues[..index].iter().rev().find(|cue| matches!(cue, Cue::Drill { .. }))
        else {
            panic!("a drill before its first timed cue")
        };
        assert!(cautions.len() >= 2, "the first drill has cautions to keep");
        let status = Progress {
            cues: &cues,
            index,
            into: Duration::from_secs(1),
            left: Duration::from_secs(59),
            covered: Duration::from_secs(1),
            total: Duration::from_secs(680),
            paused: false,
            elapsed: Duration::from_secs(1),
            waiting: false,
        };
        let mut out = Vec::new();
        let screen = SessionView { out: &mut out, title: "Lower back".into(), bell: false, color: false, ascii: false };
        for size in [(80u16, 24u16), (50, 12), (40, 10), (20, 5)] {
            let frame = screen.frame(&status, size);
            let lines = texts(&frame);
            assert!(lines.len() <= usize::from(size.1), "{size:?}: {lines:#?}");
            assert!(lines.iter().any(|line| line.contains("0:59")), "the countdown at {size:?}: {lines:#?}");
            let shown = frame.lines.iter().filter(|(look, _)| *look == Look::Caution).count();
            let flat = lines.join(" ");
            let flat: String = flat.split_whitespace().collect::<Vec<_>>().join(" ");
            let whole = cautions.iter().all(|caution| flat.contains(&**caution));
            let said = lines.last().is_some_and(|line| line.starts_with("! ") && line.contains("more caution"));
            assert!(whole || said, "{size:?}: every caution, or a line that says some are not shown: {lines:#?}");
            assert!(lines[0].starts_with("0:59") || !lines[0].contains("0:"), "{size:?}: {lines:#?}");
            assert!(shown >= 1, "{size:?}: {lines:#?}");
            if size.1 >= 12 {
                assert!(whole, "{size:?}: every caution fits: {lines:#?}");
            }
        }
    }

    #[test]
    fn the_bell_rings_when_a_timed_cue_starts_unless_quiet() {
        let cues = [
            Cue::SwitchSides { step: 1, side: crate::guided::cues::Side::Right },
            Cue::Rest { step: 1, next_set: 2, seconds: 15 },
        ];
        let status = Progress {
            cues: &cues,
            index: 0,
            into: Duration::ZERO,
            left: Duration::ZERO,
            covered: Duration::ZERO,
            total: Duration::from_secs(15),
            paused: false,
            elapsed: Duration::ZERO,
            waiting: false,
        };
        for bell in [true, false] {
            let mut out = Vec::new();
            let mut screen = SessionView { out: &mut out, title: String::new(), bell, color: false, ascii: false };
            screen.event(&Event::Cue(cues[0].clone()), &status).unwrap();
            screen.event(&Event::Paused, &status).unwrap();
            let rest = Progress { index: 1, left: Duration::from_secs(15), ..status };
            screen.event(&Event::Cue(cues[1].clone()), &rest).unwrap();
            let bells = out.iter().filter(|&&byte| byte == 0x07).count();
            assert_eq!(bells, usize::from(bell), "one bell, for the rest, when not quiet");
        }
    }

    #[test]
    fn long_text_wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    }
}
