//! `backpain stats` and `backpain log` as text: the figures in a few lines, a week table, a
//! calendar heatmap and a pain sparkline per location, in Unicode blocks or, when the locale
//! is not UTF-8, ASCII.

use std::fmt::Write as _;

use super::{Render, Theme};
use crate::history::LoggedReport;
use crate::report::{CheckInStatus, StatsReport};

/// Heatmap shades for 0, 1, 2, 3 and 4 or more breaks in a day.
const HEAT_UNICODE: [char; 5] = ['·', '░', '▒', '▓', '█'];
const HEAT_ASCII: [char; 5] = ['.', '-', '+', '*', '#'];
const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The shade of a day with `count` breaks.
pub fn heat(count: u32, unicode: bool) -> char {
    let shades = if unicode { HEAT_UNICODE } else { HEAT_ASCII };
    shades[(count as usize).min(shades.len() - 1)]
}

/// The mark of a week's average pain (0-10); in ASCII the rounded number, X for 10.
pub fn spark(pain: Option<f64>, unicode: bool) -> char {
    match pain {
        None => ' ',
        Some(pain) if unicode => SPARK[((pain.clamp(0.0, 10.0) / 10.0) * 7.0).round() as usize],
        Some(pain) => match pain.clamp(0.0, 10.0).round() as u32 {
            10 => 'X',
            digit => char::from_digit(digit, 10).unwrap_or('?'),
        },
    }
}

fn location_name(id: &str) -> String {
    crate::dataset::location(id).map_or_else(|| id.to_string(), |location| location.name.to_string())
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Render for StatsReport {
    fn table(&self, theme: &Theme) -> String {
        let mut out = String::new();
        let scope = self.location.as_deref().map_or_else(|| "all locations".to_string(), location_name);
        let _ = writeln!(
            out,
            "The last {} ({} to {}), {scope}",
            plural(self.weeks, "week", "weeks"),
            self.from,
            self.today
        );
        let _ = writeln!(out);
        out.push_str(&self.measures_text(theme));
        let _ = writeln!(out);
        let b = &self.breaks;
        let held = if b.held_back > 0 { format!(", {} held back", b.held_back) } else { String::new() };
        // "Label         text", the text wrapped to the terminal under itself.
        let labelled = |out: &mut String, label: &str, text: String| {
            out.push_str(&theme.hang(&text, &format!("{label:<14}"), &" ".repeat(14)));
        };
        labelled(
            &mut out,
            "Reminders",
            format!(
                "{} shown{held}: {} Done, {} snoozed, {} closed unanswered",
                b.reminded, b.done_on_notification, b.snoozed, b.expired
            ),
        );
        let a = &b.after_snooze;
        if a.shown > 0 {
            labelled(
                &mut out,
                "After Snooze",
                format!(
                    "{}: {} Done, {} snoozed again, {} closed unanswered, {} no answer",
                    plural(a.shown, "repeat", "repeats"),
                    a.done,
                    a.snoozed_again,
                    a.expired,
                    a.no_answer
                ),
            );
        }
        let sessions = b.taken.saturating_sub(b.done_on_notification + b.logged);
        labelled(
            &mut out,
            "Breaks taken",
            format!(
                "{} ({} Done on a notification, {} logged, {})",
                b.taken,
                b.done_on_notification,
                b.logged,
                plural(sessions, "guided session", "guided sessions")
            ),
        );
        labelled(&mut out, "Sessions", format!("{}, {} min", self.sessions.count, self.sessions.minutes));
        labelled(
            &mut out,
            "Streak",
            format!(
                "{} now, best {} (one day off in any 7 allowed)",
                plural(self.streak.current_days, "day", "days"),
                self.streak.best_days
            ),
        );
        let _ = writeln!(out);
        let _ = writeln!(out, "Week of     Reminded  Taken  Sessions  Minutes  Pain");
        for week in &self.per_week {
            let pain: Vec<String> = week.pain.iter().map(|(location, pain)| format!("{location} {pain:.1}")).collect();
            let _ = writeln!(
                out,
                "{}  {:>8}  {:>5}  {:>8}  {:>7}  {}",
                week.week,
                week.reminded,
                week.taken,
                week.sessions,
                week.minutes,
                pain.join(", ")
            );
        }
        let _ = writeln!(out);
        let unicode = !theme.ascii;
        let _ = writeln!(out, "Breaks taken per day, a column per week (oldest left):");
        for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].iter().enumerate() {
            let cells: String = self
                .heatmap
                .iter()
                .map(|week| week.days.get(row).copied().flatten().map_or(' ', |count| heat(count, unicode)))
                .collect();
            let _ = writeln!(out, "  {name} {}", cells.trim_end());
        }
        let legend: Vec<String> =
            (0..5).map(|n| format!("{} {n}{}", heat(n, unicode), if n == 4 { "+" } else { "" })).collect();
        let _ = writeln!(out, "  {}", legend.join("  "));
        let _ = writeln!(out);
        if self.pain.is_empty() {
            let text = "Pain: no ratings in these weeks; add one with `backpain log pain N --location LOC`.";
            out.push_str(&theme.hang(text, "", ""));
        } else {
            let scale = if unicode { "▁ is 0, █ is 10" } else { "digits are the rating, X is 10" };
            let _ = writeln!(out, "Weekly average pain, 0-10 ({scale}; blank: no rating):");
            for trend in &self.pain {
                let line: String = trend.weekly.iter().map(|pain| spark(*pain, unicode)).collect();
                let rated: Vec<f64> = trend.weekly.iter().flatten().copied().collect();
                let span = match (rated.first(), rated.last()) {
                    (Some(first), Some(last)) if rated.len() > 1 => format!("  first {first:.1}, latest {last:.1}"),
                    (Some(only), _) => format!("  {only:.1}"),
                    _ => String::new(),
                };
                let _ = writeln!(out, "  {:<24} |{line}|{span}", location_name(&trend.location));
            }
        }
        let _ = writeln!(out);
        out.push_str(&theme.hang(&self.pain_vs_breaks.observation, "", ""));
        if self.skipped_lines > 0 {
            let _ = writeln!(
                out,
                "\n{} left out: they could not be read (see above).",
                plural(self.skipped_lines as u32, "line", "lines")
            );
        }
        let _ = writeln!(out);
        out.push_str(&theme.hang(&check_in_line(&self.check_in), "", ""));
        out
    }
}

/// The last line of `stats`: whether a check-in is due.
pub fn check_in_line(status: &CheckInStatus) -> String {
    match (status.due, status.days_since) {
        (true, None) => {
            "A check-in is due: `backpain log check-in` (about 20 seconds) gives your measures a baseline.".into()
        }
        (true, Some(days)) => format!(
            "A check-in is due: the last was {} ago. `backpain log check-in` takes about 20 seconds.",
            plural(days as u32, "day", "days")
        ),
        (false, Some(days)) => format!(
            "Last check-in {} ago; the next is due in {}.",
            plural(days as u32, "day", "days"),
            plural((i64::from(status.due_days) - days).max(1) as u32, "day", "days")
        ),
        (false, None) => String::new(),
    }
}

/// A value as the table shows it: whole numbers without a decimal.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

impl StatsReport {
    /// "Is it helping?": each measure against its baseline, the thresholds with their sources,
    /// and the advice when the numbers call for it.
    fn measures_text(&self, theme: &Theme) -> String {
        let mut out = String::new();
        if self.measures.is_empty() {
            let text =
                "Is it helping? Nothing to judge yet: rate your pain with `backpain log pain N LOC`, and once a week \
                        `backpain log check-in` (about 20 seconds).";
            out.push_str(&theme.hang(text, "", ""));
            return out;
        }
        let _ = writeln!(out, "Is it helping? Each measure, from the first value in these weeks to the latest:");
        let arrow = if theme.ascii { "->" } else { "→" };
        let rows: Vec<(String, String, &str)> = self
            .measures
            .iter()
            .map(|view| {
                let mut title = match (view.measure, &view.location, &view.activity) {
                    ("pain", Some(location), _) => format!("Pain, {}", location_name(location)),
                    ("peg", _, _) => "PEG score".to_string(),
                    (_, _, Some(activity)) => crate::term::text::printable(activity).into_owned(),
                    (id, _, _) => id.to_string(),
                };
                if view.current == Some(false) {
                    title.push_str(" (no longer rated)");
                }
                let values = if view.count < 2 {
                    format!("{} ({})", number(view.baseline.value), view.baseline.date)
                } else {
                    let sign = if view.change > 0.0 { "+" } else { "" };
                    format!(
                        "{} {arrow} {} ({sign}{}) over {} {}",
                        number(view.baseline.value),
                        number(view.latest.value),
                        number(view.change),
                        view.count,
                        if view.measure == "pain" { "weeks" } else { "check-ins" }
                    )
                };
                (title, values, view.verdict.name())
            })
            .collect();
        // Columns: the title (at most 30 wide; a longer one gets a line of its own), the
        // verdict, the values.
        let width =
            rows.iter().map(|(title, _, _)| crate::term::text::width(title)).filter(|&w| w <= 30).max().unwrap_or(0);
        for (title, values, verdict) in &rows {
            let title_width = crate::term::text::width(title);
            let title = if title_width > 30 {
                let _ = writeln!(out, "  {title}");
                String::new()
            } else {
                format!("{title}{}", " ".repeat(width - title_width))
            };
            let _ = writeln!(out, "  {title:<width$}  {verdict:<9}  {values}");
        }
        let mut thresholds: Vec<String> = Vec::new();
        for id in ["pain", "peg", "psfs"] {
            if let (Some(measure), true) =
                (crate::dataset::outcome_measure(id), self.measures.iter().any(|view| view.measure == id))
            {
                let sources: Vec<String> = measure
                    .sources
                    .iter()
                    .filter_map(|id| crate::dataset::citation(id))
                    .map(|citation| short_citation(citation.text))
                    .collect();
                let name = match id {
                    "pain" => "pain",
                    "peg" => "PEG",
                    _ => "an activity",
                };
                thresholds.push(format!(
                    "{name}: {} ({})",
                    crate::history::measures::thresholds(measure),
                    sources.join("; ")
                ));
            }
        }
        let text = format!(
            "Judged by the smallest change that matters: {}. Too early: fewer than two values.",
            thresholds.join("; ")
        );
        out.push_str(&theme.hang(&text, "  ", "  "));
        if let Some(advice) = &self.advice {
            let _ = writeln!(out);
            let text = format!("See a doctor or physiotherapist. {} {}", advice.because, advice.text);
            out.push_str(&theme.hang(&text, "", ""));
            out.push_str(theme.red_flags(&advice.red_flags).trim_end());
            out.push('\n');
        }
        out
    }
}

/// "Ostelo 2008" from "Ostelo RW, Deyo RA, ... Spine. 2008."
fn short_citation(text: &str) -> String {
    let author = text.split_whitespace().next().unwrap_or("").trim_end_matches(',');
    let year = text
        .split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 4 && (part.starts_with("19") || part.starts_with("20")))
        .unwrap_or("");
    format!("{author} {year}")
}

impl Render for LoggedReport {
    fn table(&self, _theme: &Theme) -> String {
        let entry = &self.entry;
        let when = entry.time().map(|at| at.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
        if entry.kind == crate::history::Kind::CheckIn {
            let what = crate::term::text::printable(&super::history::describe(entry)).into_owned();
            let location = entry.location.as_deref().map(|id| format!(", {}", location_name(id))).unwrap_or_default();
            return format!(
                "Recorded your check-in{location} at {when}: {what} (in {}).\n\
                 `backpain stats` compares it with your first.\n",
                self.file
            );
        }
        let location = entry.location.as_deref().map(location_name).unwrap_or_default();
        let what = match entry.rating {
            Some(rating) => format!("pain {rating}/10"),
            None => format!("{} routine done", entry.variant.as_deref().unwrap_or("full")),
        };
        format!("Recorded {what}, {location}, at {when} (in {}).\n", self.file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_and_sparks_have_an_ascii_form() {
        assert_eq!([0, 1, 2, 3, 4, 9].map(|n| heat(n, true)), ['·', '░', '▒', '▓', '█', '█']);
        assert_eq!([0, 1, 2, 3, 4, 9].map(|n| heat(n, false)), ['.', '-', '+', '*', '#', '#']);
        assert_eq!([Some(0.0), Some(5.0), Some(10.0), None].map(|p| spark(p, true)), ['▁', '▅', '█', ' ']);
        assert_eq!([Some(0.0), Some(4.6), Some(10.0), None].map(|p| spark(p, false)), ['0', '5', 'X', ' ']);
    }

    #[test]
    fn the_locale_decides_unicode() {
        // The locale Env::from_process reads (the first of LC_ALL, LC_CTYPE, LANG that is set);
        // none at all is taken as the platform default, UTF-8 nearly everywhere today.
        use crate::render::locale_is_ascii;
        assert!(!locale_is_ascii("en_GB.UTF-8"));
        assert!(locale_is_ascii("C"));
        assert!(locale_is_ascii("POSIX"));
        assert!(!locale_is_ascii("C.utf8"));
        assert!(locale_is_ascii("en_US.ISO-8859-1"));
        assert!(!locale_is_ascii("en_US"));
    }
}
