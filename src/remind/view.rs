//! What the reminder loop says (issue 19): each `Event` as a line of text for a person, word-
//! wrapped to the terminal, or as a JSON line (`ReminderLine`, the README's documented format)
//! for a script. The engine never writes to stdout itself.

use std::io::{self, Write};

use chrono::{DateTime, SecondsFormat, TimeZone};

use super::event::{spell, Event, Why};
use super::reminder::{Delivery, Note, ReminderLine};
use super::settings::Settings;
use super::Busy;
use crate::history::Delivered;
use crate::presence::Signal;

pub struct View<'a> {
    stdout: &'a mut dyn Write,
    stderr: &'a mut dyn Write,
    settings: Settings,
    /// How times are printed (`Settings::time_format`).
    hm: &'static str,
}

impl<'a> View<'a> {
    pub fn new(settings: &Settings, stdout: &'a mut dyn Write, stderr: &'a mut dyn Write) -> View<'a> {
        View { stdout, stderr, settings: settings.clone(), hm: settings.time_format() }
    }

    /// A diagnostic on stderr. Diagnostics never stop the reminders: a closed stderr is ignored.
    pub fn warn(&mut self, line: &str) {
        let _ = writeln!(self.stderr, "{line}");
    }

    /// Says `event`, which happened at `now`.
    pub fn show<Tz: TimeZone>(&mut self, now: &DateTime<Tz>, event: &Event<Tz>) -> io::Result<()>
    where
        Tz::Offset: std::fmt::Display,
    {
        let json = self.settings.json;
        let clock = now.format(self.hm).to_string();
        match event {
            Event::Started { first, sources } if !json => self.started(now, first, sources)?,
            Event::Watching { sources } if !json => {
                if let Some(line) = presence_line(&self.settings, sources) {
                    let line = line.replacen("Holding", "holding", 1);
                    self.say(&format!("{clock}  now watching: {line}"))?;
                }
            }
            Event::Fired { note, delivery, snoozed, later } => {
                let later = later.map(|why| why.later(self.hm));
                self.fired(now, note, delivery, *snoozed, later)?
            }
            Event::Withheld { note, snoozed, delivered, why, next } => {
                self.withheld(now, note, *snoozed, delivered, why, next.as_ref())?
            }
            Event::StillHolding(reason) if !json => {
                self.say(&format!("{clock}  still holding the reminder: {}", reason.words()))?
            }
            Event::Snoozed { until } if !json => {
                self.say(&format!("{clock}  snoozed until {}", until.format(self.hm)))?
            }
            Event::OpenFailed(err) => self.warn(&format!("backpain: cannot open the routine: {err}")),
            _ => return Ok(()),
        }
        self.stdout.flush()
    }

    /// One line of what the loop says, word-wrapped to the terminal when it is one (the time
    /// stays alone in its column: continuation lines start under the text after it).
    fn say(&mut self, line: &str) -> io::Result<()> {
        let Some(width) = self.settings.width else { return writeln!(self.stdout, "{line}") };
        // "10:00  " or "10:00:20  ", when the line starts with a time: kept as it is, the text
        // wrapped after it.
        let lead = line.find("  ").filter(|&at| at <= 8 && line[..at].bytes().all(|b| b.is_ascii_digit() || b == b':'));
        let (first, text) = line.split_at(lead.map_or(0, |at| at + 2));
        for part in crate::term::text::hang(text, width, first, &" ".repeat(first.len())) {
            writeln!(self.stdout, "{part}")?;
        }
        Ok(())
    }

    /// "Reminders every 2h (09:00-17:30, mon-fri); the first at 11:00. Ctrl-C stops."
    fn started<Tz: TimeZone>(
        &mut self,
        now: &DateTime<Tz>,
        first: &DateTime<Tz>,
        sources: &[(Signal, &str)],
    ) -> io::Result<()>
    where
        Tz::Offset: std::fmt::Display,
    {
        let plan = &self.settings.schedule;
        let mut limits = Vec::new();
        if let Some(window) = plan.window {
            // 17:00-09:00 is easy to type for 09:00-17:00; say plainly that it means the night.
            let overnight = if window.wraps_midnight() { " overnight" } else { "" };
            limits.push(format!("{window}{overnight}"));
        }
        if !plan.days.is_all() {
            limits.push(plan.days.to_string());
        }
        let limits = if limits.is_empty() { String::new() } else { format!(" ({})", limits.join(", ")) };
        let when = match first.date_naive() == now.date_naive() {
            true => first.format(self.hm).to_string(),
            false => first.format(&format!("%a {}", self.hm)).to_string(),
        };
        let every = crate::time::compact(plan.every);
        self.say(&format!("Reminders every {every}{limits}; the first at {when}. Ctrl-C stops."))?;
        if let Some(line) = presence_line(&self.settings, sources) {
            self.say(&line)?;
        }
        Ok(())
    }

    fn fired<Tz: TimeZone>(
        &mut self,
        now: &DateTime<Tz>,
        note: &Note,
        delivery: &Delivery,
        snoozed: bool,
        later: Option<String>,
    ) -> io::Result<()>
    where
        Tz::Offset: std::fmt::Display,
    {
        if self.settings.json {
            let mut line = ReminderLine::new(now.to_rfc3339_opts(SecondsFormat::Secs, false), note, delivery, snoozed);
            line.retimed = later;
            self.json_line(&line)?;
        } else {
            self.fired_text(&now.format(self.hm).to_string(), note, delivery, snoozed, later)?;
        }
        if let Delivery::Terminal { reason } = delivery {
            self.stdout.flush()?;
            self.warn(&format!(
                "backpain: reminder shown here, not as a notification: {reason}; `backpain doctor` says how to fix it"
            ));
        }
        Ok(())
    }

    /// A reminder shown, for a person: a line when it was a notification; where it fell back to
    /// the terminal, the reminder itself, wrapped under its time (`clock`).
    fn fired_text(
        &mut self,
        clock: &str,
        note: &Note,
        delivery: &Delivery,
        snoozed: bool,
        later: Option<String>,
    ) -> io::Result<()> {
        let again = match (snoozed, &later) {
            (_, Some(later)) => format!(" ({later})"),
            (true, None) => " (snoozed)".to_string(),
            (false, None) => String::new(),
        };
        match delivery {
            // The notification is the output of `--once`: cron mails whatever a job prints.
            Delivery::Notification if self.settings.once => {}
            Delivery::Notification => self.say(&format!("{clock}  notified{again}: {}", note.drill_names()))?,
            Delivery::Terminal { .. } | Delivery::DryRun => {
                let bell = if self.settings.bell && *delivery != Delivery::DryRun { "\x07" } else { "" };
                writeln!(self.stdout, "{bell}{clock}  {}{again}", note.summary)?;
                for line in note.body.lines() {
                    match self.settings.width {
                        Some(width) => {
                            for part in crate::term::text::hang(line, width, "       ", "         ") {
                                writeln!(self.stdout, "{part}")?;
                            }
                        }
                        None => writeln!(self.stdout, "       {line}")?,
                    }
                }
            }
        }
        Ok(())
    }

    fn withheld<Tz: TimeZone>(
        &mut self,
        now: &DateTime<Tz>,
        note: &Note,
        snoozed: bool,
        delivered: &Delivered,
        why: &Why<Tz>,
        next: Option<&DateTime<Tz>>,
    ) -> io::Result<()>
    where
        Tz::Offset: std::fmt::Display,
    {
        let words = why.words(self.hm);
        if self.settings.json {
            let time = now.to_rfc3339_opts(SecondsFormat::Secs, false);
            let mut line = ReminderLine::new(time, note, &Delivery::DryRun, snoozed);
            line.delivered = match delivered {
                Delivered::Held => "held",
                Delivered::Skipped => "skipped",
                _ => "retimed",
            };
            line.reason = Some(words);
            line.next = next.map(|next| next.to_rfc3339_opts(SecondsFormat::Secs, false));
            return self.json_line(&line);
        }
        if self.settings.once && !self.settings.bell {
            // A scheduled --once prints nothing for cron to mail; a person trying it sees why.
            return Ok(());
        }
        let clock = now.format(self.hm);
        let then = next.map(|next| format!("; the next reminder at {}", next.format(self.hm))).unwrap_or_default();
        let line = match (delivered, why.away()) {
            // --once holds nothing: nothing stays running to show it later.
            (Delivered::Held, _) if self.settings.once => format!("{clock}  not reminding now: {words}"),
            (Delivered::Held, _) => format!("{clock}  holding the reminder: {words}"),
            (Delivered::Retimed, Some(away)) => format!("{clock}  welcome back: {away}, a natural break{then}"),
            (_, Some(away)) => {
                format!("{clock}  welcome back: {away}, a natural break, so the held reminder is dropped{then}")
            }
            _ => format!("{clock}  reminder skipped: {words}{then}"),
        };
        self.say(&line)
    }

    fn json_line(&mut self, line: &ReminderLine) -> io::Result<()> {
        let mut bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        self.stdout.write_all(&bytes)
    }
}

/// What the loop will do with what the desktop tells, said once when it starts: "Holding
/// reminders while you are away (x11) or in do-not-disturb (dunst); 5 min away counts as a
/// break." `None` when nothing is asked for (every setting off).
pub(super) fn presence_line(settings: &Settings, sources: &[(Signal, &str)]) -> Option<String> {
    if !settings.watches_presence() {
        return None;
    }
    let from = |signal: Signal| sources.iter().find(|(found, _)| *found == signal).map(|(_, source)| *source);
    let mut holds = Vec::new();
    if settings.when_away == Busy::Hold {
        if let Some(source) = from(Signal::Idle) {
            holds.push(format!("away ({source})"));
        }
        if let Some(source) = from(Signal::Locked) {
            holds.push(format!("locked ({source})"));
        }
    }
    if settings.when_dnd == Busy::Hold {
        if let Some(source) = from(Signal::Dnd) {
            holds.push(format!("in do-not-disturb ({source})"));
        }
    }
    if settings.when_fullscreen == Busy::Hold {
        if let Some(source) = from(Signal::Fullscreen) {
            holds.push(format!("fullscreen ({source})"));
        }
    }
    let natural = settings.natural_break.filter(|_| from(Signal::Idle).is_some() || from(Signal::Locked).is_some());
    let natural = natural.map(|after| format!("{} away counts as a break", spell(after)));
    let holding = match holds.as_slice() {
        [] => None,
        [one] => Some(format!("Holding reminders while you are {one}")),
        [rest @ .., last] => Some(format!("Holding reminders while you are {} or {last}", rest.join(", "))),
    };
    match (holding, natural) {
        (Some(holding), Some(natural)) => Some(format!("{holding}; {natural}.")),
        (Some(holding), None) => Some(format!("{holding}.")),
        (None, Some(natural)) => Some(format!("{}{}.", natural[..1].to_uppercase(), &natural[1..])),
        (None, None) if sources.is_empty() => {
            Some("No presence sources here (see backpain doctor): reminders come on the clock.".to_string())
        }
        (None, None) => Some(
            "Nothing this desktop tells is watched with these settings (see backpain doctor): reminders come on \
             the clock."
                .to_string(),
        ),
    }
}
