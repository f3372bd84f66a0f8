//! Guided sessions (`routine --guided`): `cues` turns a plan into what is said and timed (pure),
//! `player` times it against a clock and keys, and the views show it: `screen` on a terminal,
//! `lines` as plain text or JSON lines when the output is piped.

pub mod cues;
pub mod lines;
pub mod player;
pub mod record;
pub mod screen;

use std::io::{self, Write};
use std::sync::atomic::Ordering;

use anyhow::Context as _;

use crate::history::{Journal, Warned};
use crate::platform::clock::SessionClock;
use crate::report::RoutineReport;
use crate::tui;
use cues::Cue;
use player::{play, Ending, Summary};

/// Where and how the session is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// A live screen on the terminal; `bell` rings at each change.
    Terminal { color: bool, bell: bool, ascii: bool },
    /// One plain line per change.
    Plain,
    /// One JSON object per line.
    Json,
}

/// Where a session records itself, and what the plan does not say.
pub struct Recording<'a> {
    pub history: &'a mut dyn Journal,
    /// Morning mode was on.
    pub morning: bool,
    /// On a terminal, ask for a pain rating afterwards (off when the history is not kept).
    pub ask_pain: bool,
    /// Where a failure to record is said, once.
    pub warnings: &'a mut dyn Write,
}

/// How a session ended, for the caller to turn into an exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionEnd {
    /// Played to the end, or quit with q; `None` when it was cancelled before it started.
    Played(Option<Summary>),
    /// Ctrl-C or a stop signal (after its summary was printed).
    Interrupted(Option<Summary>),
}

/// Plays `cues` (the session for `report`) in real time, sped up `speed` times (1 unless
/// testing), records its summary (and, on a terminal, the pain rating asked for after it), and
/// says how it ended.
pub fn run(
    report: &RoutineReport,
    cues: &[Cue],
    output: Output,
    speed: u32,
    out: &mut dyn Write,
    recording: Recording,
) -> anyhow::Result<SessionEnd> {
    let stop = tui::stop_signal()?;
    let mut clock = SessionClock::new(speed);
    let started = chrono::Local::now().fixed_offset();
    let mut history = Warned::new(recording.history);
    let mut recorded: Option<String> = None;
    let summary = match output {
        Output::Terminal { color, bell, ascii } => {
            // The terminal for keys first: without one, say so before touching the screen.
            let mut keys = tui::TerminalKeys::open()?;
            let summary = {
                let _screen = tui::TerminalGuard::enter()?;
                match screen::introduce(out, report, &mut clock, &mut keys, color) {
                    Ok(screen::Start::Go) => {
                        let mut view = screen::SessionView { out, title: screen::title(report), bell, color, ascii };
                        Some(play(cues, &mut clock, &mut keys, &mut view)?)
                    }
                    Ok(screen::Start::Cancel) => None,
                    Ok(screen::Start::Interrupted) => return Ok(SessionEnd::Interrupted(None)),
                    // The terminal closed before the session started: nothing to record.
                    Err(err) if tui::hung_up(&err) => return Ok(SessionEnd::Interrupted(None)),
                    Err(err) => return Err(err.into()),
                }
            };
            // Recorded before anything more is written: a terminal that has gone away (its window
            // closed) fails every write, and the session must be in the history all the same.
            let entry =
                summary.as_ref().map(|summary| record::entry(report, cues, summary, recording.morning, started));
            if let Some(entry) = &entry {
                if let Some(warning) = history.record(entry) {
                    let _ = writeln!(recording.warnings, "{warning}");
                }
                recorded = Some(entry.id.clone());
            }
            // The alternate screen is gone: the summary stays in the scrollback.
            let text = match &summary {
                Some(summary) => lines::summary_text(summary, cues),
                None => "Not started.".to_string(),
            };
            // Word-wrapped to the terminal: a session with several drills skipped runs long.
            let text = crate::term::text::wrap(&text, usize::from(tui::size().0)).join("\n");
            match writeln!(out, "{text}").and_then(|()| out.flush()) {
                Err(err) if tui::hung_up(&err) => return Ok(SessionEnd::Interrupted(summary)),
                shown => shown?,
            }
            if let (Some(summary), Some(entry)) = (&summary, entry) {
                // Asked only after a session played to the end with a drill done: quitting means
                // "let me go", and a rating after every drill was skipped is not one "after a routine".
                let did_something = !summary.done.is_empty();
                if recording.ask_pain && summary.ending == Ending::Finished && did_something && !history.warned {
                    let rating = {
                        let _raw = tui::RawMode::enter()?;
                        record::ask_pain(out, &mut keys, &mut clock)?
                    };
                    if let Some(rating) = rating {
                        let mut pain =
                            crate::history::Entry::new(crate::history::Kind::Pain, chrono::Local::now().fixed_offset());
                        pain.location = Some(report.location.to_string());
                        pain.rating = Some(rating);
                        pain.after = Some(entry.id);
                        if let Some(warning) = history.record(&pain) {
                            let _ = writeln!(recording.warnings, "{warning}");
                        }
                    }
                }
            }
            summary
        }
        Output::Plain | Output::Json => {
            let mut keys = tui::SignalKeys { stop: stop.clone() };
            let played = if output == Output::Json {
                let mut view = lines::JsonLines { out };
                view.start(report).and_then(|()| play(cues, &mut clock, &mut keys, &mut view))
            } else {
                let mut view = lines::PlainLines { out };
                lines::say_intro(view.out, report).and_then(|()| play(cues, &mut clock, &mut keys, &mut view))
            };
            match played {
                // Ctrl-C on `backpain ... | less` ends the reader too: still an interruption.
                Err(err) if stop.load(Ordering::SeqCst) && err.kind() == io::ErrorKind::BrokenPipe => {
                    return Ok(SessionEnd::Interrupted(None));
                }
                played => Some(played.context("cannot write to stdout")?),
            }
        }
    };
    if let (Some(summary), None) = (&summary, &recorded) {
        let entry = record::entry(report, cues, summary, recording.morning, started);
        if let Some(warning) = history.record(&entry) {
            let _ = writeln!(recording.warnings, "{warning}");
        }
    }
    Ok(match summary {
        Some(summary) if summary.ending == Ending::Interrupted => SessionEnd::Interrupted(Some(summary)),
        summary => SessionEnd::Played(summary),
    })
}
