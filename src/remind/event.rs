//! What the reminder loop did, as it happened (issue 19): the engine decides and emits an
//! `Event`; the view (`view.rs`) says it as text or a JSON line and the recorder
//! (`recorder.rs`) writes it to the history, as the guided player's `View` does for sessions.

use chrono::{DateTime, Duration, TimeZone};

use super::reminder::{Delivery, Note};
use crate::history::{Answer, Delivered};
use crate::presence::Signal;

/// Why a reminder that fell due waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoldReason {
    Locked,
    Away,
    Dnd,
    Fullscreen,
}

impl HoldReason {
    /// "the screen is locked": what holds it, in words.
    pub fn words(self) -> &'static str {
        match self {
            HoldReason::Locked => "the screen is locked",
            HoldReason::Away => "nobody is at the keyboard",
            HoldReason::Dnd => "do-not-disturb is on",
            HoldReason::Fullscreen => "a window is fullscreen",
        }
    }
}

/// Why a reminder is not shown now, or comes later than the plain schedule said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why<Tz: TimeZone> {
    /// The person was away from `left` to `back`, long enough for a natural break.
    NaturalBreak { left: DateTime<Tz>, back: DateTime<Tz> },
    /// Busy now: the reminder comes when that ends.
    Busy(HoldReason),
    /// Held from `since` for `reasons` (in the order they came, never empty).
    Held { since: DateTime<Tz>, reasons: Vec<HoldReason> },
    /// Held from `since` for `reasons` until after its window had closed: dropped.
    WindowClosed { since: DateTime<Tz>, reasons: Vec<HoldReason> },
    /// `--once`, busy now: nothing stays running to show it later.
    OnceBusy(HoldReason),
    /// `--once`, away this long so far, long enough for a natural break.
    OnceAway(Duration),
}

impl<Tz: TimeZone> Why<Tz>
where
    Tz::Offset: std::fmt::Display,
{
    /// The reason in words, times as `hm` formats them: printed, and recorded as the entry's
    /// `reason` (the stored words are the same as before the events).
    pub fn words(&self, hm: &str) -> String {
        let held = |since: &DateTime<Tz>, reasons: &[HoldReason]| {
            let reasons = reasons.iter().map(|reason| reason.words()).collect::<Vec<_>>().join(", then ");
            format!("held from {} while {reasons}", since.format(hm))
        };
        match self {
            Why::NaturalBreak { .. } | Why::OnceAway(_) => format!("a natural break: {}", self.away().unwrap()),
            Why::Busy(reason) => format!("{}; it comes when that ends", reason.words()),
            Why::Held { since, reasons } => held(since, reasons),
            Why::WindowClosed { since, reasons } => {
                format!("{}, until after its window had closed", held(since, reasons))
            }
            Why::OnceBusy(reason) => format!("{} (a scheduled --once reminder is not repeated)", reason.words()),
        }
    }

    /// "away 12 min from 10:02:00 to 10:14:00": the time away of a natural break.
    pub fn away(&self) -> Option<String> {
        match self {
            Why::NaturalBreak { left, back } => Some(format!(
                "away {} from {} to {}",
                spell(back.clone() - left.clone()),
                left.format("%H:%M:%S"),
                back.format("%H:%M:%S")
            )),
            Why::OnceAway(idle) => Some(format!("away {} so far", spell(*idle))),
            _ => None,
        }
    }

    /// Why a reminder shown late came late: a held one says how long it was held; the first
    /// after a natural break says the interval restarted.
    pub fn later(&self, hm: &str) -> String {
        match self {
            Why::NaturalBreak { .. } => format!("{}; a full interval after you came back", self.words(hm)),
            _ => self.words(hm),
        }
    }
}

/// "12 min", "45 s", "1h 5min": a spell's length for a line of text.
pub fn spell(length: Duration) -> String {
    let seconds = length.num_seconds().max(0);
    if seconds < 60 {
        format!("{seconds} s")
    } else if seconds < 2 * 3600 {
        format!("{} min", seconds / 60)
    } else {
        format!("{}h {:02}min", seconds / 3600, seconds / 60 % 60)
    }
}

/// What happened in the loop, at `now`.
#[derive(Debug)]
pub enum Event<'e, Tz: TimeZone> {
    /// The loop started; its first reminder is due at `first`; `sources` are what the desktop
    /// tells (presence).
    Started { first: DateTime<Tz>, sources: Vec<(Signal, &'static str)> },
    /// Presence sources were found after the start (the desktop came up later).
    Watching { sources: Vec<(Signal, &'static str)> },
    /// A reminder reached the person (or the terminal, or nowhere in a dry run); `later` says
    /// why it came later than the plain schedule.
    Fired { note: &'e Note, delivery: &'e Delivery, snoozed: bool, later: Option<&'e Why<Tz>> },
    /// A reminder not shown now: `Held` (it comes when that ends; `--once`: it is not
    /// repeated), `Skipped` (a natural break or a closed window covered it) or `Retimed` (a
    /// natural break moved the next one to `next`).
    Withheld { note: &'e Note, snoozed: bool, delivered: Delivered, why: &'e Why<Tz>, next: Option<DateTime<Tz>> },
    /// A held reminder now waits for another reason too.
    StillHolding(HoldReason),
    /// A reminder due at `due` whose window closed while the computer slept or the process was
    /// stopped: dropped.
    MissedAsleep { due: DateTime<Tz> },
    /// The person answered the notification of reminder `rotation`.
    Answered { answer: Answer, rotation: u64 },
    /// Snooze puts every reminder off until `until`.
    Snoozed { until: DateTime<Tz> },
    /// A click could not open the routine.
    OpenFailed(String),
}
