//! The one styling path: every coloured or bold piece of text, in tables and on the guided
//! screens, is a `Tone` painted by crossterm, and plain when colour is off (NO_COLOR, a pipe,
//! `--color never`). Bold survives without colour where it carries meaning (headings, warnings).

use crossterm::style::{Attribute, Color, StyledContent, Stylize};

/// `--color`: when output is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What a piece of text is, and so how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Bold,
    Dim,
    /// A screen's title.
    Title,
    /// An emergency, a warning: red and bold.
    Danger,
    /// Urgent, or not found: red.
    Alert,
    /// A caution, a paused session, partly supported: yellow.
    Caution,
    /// Paused: yellow and bold.
    Paused,
    /// Supported: green.
    Good,
    /// A hypothesis: magenta.
    Guess,
    /// The part of a drawn figure that moves: cyan (it is drawn heavier too).
    Moving,
}

/// `text` styled for a terminal that shows `color` (or not), as crossterm content.
pub fn styled(text: &str, tone: Tone, color: bool) -> StyledContent<&str> {
    match (tone, color) {
        (Tone::Plain, _) | (Tone::Good | Tone::Guess | Tone::Alert, false) => text.stylize(),
        (Tone::Bold, _) => text.attribute(Attribute::Bold),
        (Tone::Dim, true) => text.attribute(Attribute::Dim),
        (Tone::Dim, false) => text.stylize(),
        (Tone::Title, true) => text.with(Color::Cyan).attribute(Attribute::Bold),
        (Tone::Danger, true) => text.with(Color::Red).attribute(Attribute::Bold),
        (Tone::Alert, true) => text.with(Color::Red),
        (Tone::Caution, true) => text.with(Color::Yellow),
        (Tone::Paused, true) => text.with(Color::Yellow).attribute(Attribute::Bold),
        (Tone::Good, true) => text.with(Color::Green),
        (Tone::Guess, true) => text.with(Color::Magenta),
        (Tone::Moving, true) => text.with(Color::Cyan),
        (Tone::Moving, false) => text.stylize(),
        (Tone::Title | Tone::Danger | Tone::Paused | Tone::Caution, false) => text.attribute(Attribute::Bold),
    }
}

/// `text` with its escape codes when `color` is on, else exactly `text`.
pub fn paint(text: &str, tone: Tone, color: bool) -> String {
    if color {
        styled(text, tone, true).to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_is_plain_text_and_on_is_escaped() {
        for tone in [Tone::Bold, Tone::Danger, Tone::Caution, Tone::Good] {
            assert_eq!(paint("x", tone, false), "x");
            let on = paint("x", tone, true);
            assert!(on.starts_with('\x1b') && on.contains('x') && on.ends_with('m'), "{on:?}");
        }
    }
}
