//! `backpain stats` and `backpain log` as text: the figures in a few lines, a week table, a
//! calendar heatmap and a pain sparkline per location, in Unicode blocks or, when the locale
//! is not UTF-8, ASCII.

use std::fmt::Write as _;

use super::{Render, Theme};
use crate::history::LoggedReport;
use crate::report::StatsReport;

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
        out
    }
}

impl Render for LoggedReport {
    fn table(&self, _theme: &Theme) -> String {
        let entry = &self.entry;
        let location = entry.location.as_deref().map(location_name).unwrap_or_default();
        let when = entry.time().map(|at| at.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default();
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
