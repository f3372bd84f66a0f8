//! When reminders fall due: pure functions of a plan and a wall-clock time, no clock, no sleep.
//!
//! A plan allows reminders in *periods*: maximal stretches of local time inside the `--between`
//! window on a `--days` day (the whole day when there is no window). Within a period a reminder
//! falls due `every` after the last one; the count restarts when a period opens, so the first
//! reminder of a working day comes one interval after the window opens, not at the open.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Weekday};

/// A time of day window, `start` inclusive, `end` exclusive; `end < start` wraps past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Window {
    /// An overnight window such as 17:00-09:00: it closes on the day after it opens.
    pub fn wraps_midnight(&self) -> bool {
        self.end < self.start
    }

    /// How long the window is open each day.
    pub fn length(&self) -> Duration {
        let length = self.end - self.start;
        if length <= Duration::zero() {
            length + Duration::days(1)
        } else {
            length
        }
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
    }
}

/// The weekdays reminders may fire on (a window that wraps midnight belongs to the day it opens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days([bool; 7]);

impl Days {
    pub const ALL: Days = Days([true; 7]);

    pub fn from_weekdays(days: impl IntoIterator<Item = Weekday>) -> Days {
        let mut set = [false; 7];
        for day in days {
            set[day.num_days_from_monday() as usize] = true;
        }
        Days(set)
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0[day.num_days_from_monday() as usize]
    }

    pub fn is_all(&self) -> bool {
        self.0.iter().all(|&allowed| allowed)
    }

    /// The day after each of these days (for window times past midnight).
    pub fn next_day(&self) -> Days {
        let mut set = [false; 7];
        for (day, &allowed) in self.0.iter().enumerate() {
            set[(day + 1) % 7] = allowed;
        }
        Days(set)
    }

    pub fn is_empty(&self) -> bool {
        !self.0.iter().any(|&allowed| allowed)
    }
}

impl std::fmt::Display for Days {
    /// "mon-fri", "mon,wed,fri", "sat-sun": runs of three or more days as ranges.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut parts = Vec::new();
        let mut day = 0;
        while day < 7 {
            if !self.0[day] {
                day += 1;
                continue;
            }
            let first = day;
            while day + 1 < 7 && self.0[day + 1] {
                day += 1;
            }
            parts.push(match day - first {
                0 => NAMES[first].to_string(),
                1 => format!("{},{}", NAMES[first], NAMES[day]),
                _ => format!("{}-{}", NAMES[first], NAMES[day]),
            });
            day += 1;
        }
        write!(f, "{}", parts.join(","))
    }
}

/// How often, and when, reminders may fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub every: Duration,
    pub window: Option<Window>,
    pub days: Days,
}

/// A stretch of time in which reminders may fire: `[start, end)`.
pub type Period<Tz> = (DateTime<Tz>, DateTime<Tz>);

impl Schedule {
    /// No window and every day: reminders simply follow each other.
    fn unrestricted(&self) -> bool {
        self.window.is_none() && self.days.is_all()
    }

    /// The allowed periods from the day before `around` to a week and a bit after, merged.
    fn periods<Tz: TimeZone>(&self, tz: &Tz, around: NaiveDate) -> Vec<Period<Tz>> {
        let mut periods: Vec<Period<Tz>> = Vec::new();
        for offset in -1..=8 {
            let date = around + Duration::days(offset);
            if !self.days.contains(date.weekday()) {
                continue;
            }
            let (start, end) = match self.window {
                None => (at(tz, date, NaiveTime::MIN), at(tz, date + Duration::days(1), NaiveTime::MIN)),
                Some(window) if window.end > window.start => (at(tz, date, window.start), at(tz, date, window.end)),
                Some(window) => (at(tz, date, window.start), at(tz, date + Duration::days(1), window.end)),
            };
            match periods.last_mut() {
                Some(last) if last.1 >= start => last.1 = end,
                _ => periods.push((start, end)),
            }
        }
        periods
    }

    /// The period `t` is in, if reminders are allowed at `t`.
    pub fn period_at<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> Option<Period<Tz>> {
        if self.unrestricted() {
            let far = Duration::days(3650);
            return Some((t.clone() - far, t.clone() + far));
        }
        self.periods(&t.timezone(), t.date_naive()).into_iter().find(|(start, end)| start <= t && t < end)
    }

    /// When the next reminder falls due after one fired (or the program started) at `anchor`:
    /// `every` later, within the same period, else `every` after the next period opens. `None`
    /// when no period within a week is long enough (rejected up front by `check`).
    pub fn next_due<Tz: TimeZone>(&self, anchor: &DateTime<Tz>) -> Option<DateTime<Tz>> {
        if self.unrestricted() {
            return Some(anchor.clone() + self.every);
        }
        self.periods(&anchor.timezone(), anchor.date_naive()).into_iter().filter(|(_, end)| end > anchor).find_map(
            |(start, end)| {
                let base = if &start > anchor { start } else { anchor.clone() };
                let due = base + self.every;
                (due <= end).then_some(due)
            },
        )
    }

    /// Whether any reminder can ever fire: the interval must fit in an allowed period.
    pub fn check(&self) -> Result<(), String> {
        if self.days.is_empty() {
            return Err("--days names no day".into());
        }
        let longest = match self.window {
            Some(window) => window.length(),
            None if self.days.is_all() => return Ok(()),
            None => Duration::days(self.longest_run_of_days()),
        };
        if self.every > longest {
            let limit = match self.window {
                Some(window) => format!("the window {window} is {}", crate::time::compact(longest)),
                None => format!("the longest run of --days {} is {}", self.days, crate::time::compact(longest)),
            };
            return Err(format!(
                "--every {} never fits: {limit}; use a shorter --every or a wider window",
                crate::time::compact(self.every)
            ));
        }
        Ok(())
    }

    fn longest_run_of_days(&self) -> i64 {
        let mut longest = 0;
        for first in 0..7 {
            let run = (0..7).take_while(|offset| self.days.0[(first + offset) % 7]).count();
            longest = longest.max(run);
        }
        longest as i64
    }
}

/// Which reminder of the rotation a `--once` run at `t` is. Each `--once` is a new process with
/// no memory of the last, so the rotation comes from the wall clock: the number of whole `every`
/// intervals from 1970-01-01 00:00 *local* time to `t`. Runs one interval apart (what the printed
/// schedules start) are one step apart, so they lead with different drills; counting on the local
/// clock keeps runs aligned to local times (11:00, 13:00) from straddling a boundary, and a
/// scheduler's usual lateness of seconds or a minute does not change the step.
pub fn once_rotation<Tz: TimeZone>(t: &DateTime<Tz>, every: Duration) -> u64 {
    let seconds = t.naive_local().and_utc().timestamp();
    let step = seconds.div_euclid(every.num_seconds().max(1));
    u64::try_from(step).unwrap_or(0)
}

/// `date` at `time` in `tz`; a time skipped by a daylight-saving jump moves to just after it.
fn at<Tz: TimeZone>(tz: &Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    let naive = date.and_time(time);
    let mut shifted = naive;
    for _ in 0..4 {
        if let Some(t) = tz.from_local_datetime(&shifted).earliest() {
            return t;
        }
        shifted += Duration::minutes(30);
    }
    tz.from_utc_datetime(&naive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn t(text: &str) -> DateTime<Utc> {
        // 2026-11-23 is a Monday.
        DateTime::parse_from_rfc3339(&format!("{text}Z")).unwrap().with_timezone(&Utc)
    }

    fn hm(text: &str) -> NaiveTime {
        NaiveTime::parse_from_str(text, "%H:%M").unwrap()
    }

    fn work_hours() -> Schedule {
        Schedule {
            every: Duration::hours(2),
            window: Some(Window { start: hm("09:00"), end: hm("17:30") }),
            days: Days::from_weekdays([Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]),
        }
    }

    #[test]
    fn unrestricted_reminders_follow_each_other() {
        let plan = Schedule { every: Duration::minutes(90), window: None, days: Days::ALL };
        assert_eq!(plan.next_due(&t("2026-11-23T10:00:00")), Some(t("2026-11-23T11:30:00")));
    }

    #[test]
    fn before_the_window_the_count_starts_when_it_opens() {
        assert_eq!(work_hours().next_due(&t("2026-11-23T07:12:00")), Some(t("2026-11-23T11:00:00")));
    }

    #[test]
    fn a_reminder_that_would_fall_after_the_window_moves_to_the_next_working_day() {
        assert_eq!(work_hours().next_due(&t("2026-11-23T16:00:00")), Some(t("2026-11-24T11:00:00")));
        // Friday evening: Monday morning.
        assert_eq!(work_hours().next_due(&t("2026-11-27T17:00:00")), Some(t("2026-11-30T11:00:00")));
    }

    #[test]
    fn the_last_reminder_may_fall_on_the_closing_minute() {
        let plan = Schedule { every: Duration::minutes(30), ..work_hours() };
        assert_eq!(plan.next_due(&t("2026-11-23T17:00:00")), Some(t("2026-11-23T17:30:00")));
    }

    #[test]
    fn days_without_a_window_join_into_one_period() {
        let plan = Schedule { every: Duration::hours(2), window: None, ..work_hours() };
        assert_eq!(plan.next_due(&t("2026-11-23T23:00:00")), Some(t("2026-11-24T01:00:00")));
        assert_eq!(plan.next_due(&t("2026-11-27T23:00:00")), Some(t("2026-11-30T02:00:00")));
    }

    #[test]
    fn a_window_past_midnight_belongs_to_the_day_it_opens() {
        let plan = Schedule {
            every: Duration::hours(1),
            window: Some(Window { start: hm("22:00"), end: hm("02:00") }),
            days: Days::from_weekdays([Weekday::Mon]),
        };
        assert_eq!(plan.next_due(&t("2026-11-24T00:30:00")), Some(t("2026-11-24T01:30:00")));
        assert_eq!(plan.next_due(&t("2026-11-24T01:30:00")), Some(t("2026-11-30T23:00:00")));
        assert!(plan.period_at(&t("2026-11-24T01:00:00")).is_some());
        assert!(plan.period_at(&t("2026-11-25T01:00:00")).is_none());
    }

    #[test]
    fn an_interval_longer_than_the_window_is_refused() {
        let plan = Schedule { every: Duration::hours(9), ..work_hours() };
        let err = plan.check().unwrap_err();
        assert!(err.contains("--every 9h never fits: the window 09:00-17:30 is 8h30m"), "{err}");
        assert!(work_hours().check().is_ok());
        let days_only = Schedule {
            every: Duration::hours(49),
            window: None,
            days: Days::from_weekdays([Weekday::Sat, Weekday::Sun]),
        };
        assert!(days_only.check().unwrap_err().contains("sat,sun is 2d"));
    }

    #[test]
    fn once_rotation_steps_once_per_interval_of_local_time() {
        let every = Duration::hours(2);
        let at_11 = once_rotation(&t("2026-11-23T11:00:00"), every);
        assert_eq!(once_rotation(&t("2026-11-23T13:00:00"), every), at_11 + 1);
        assert_eq!(once_rotation(&t("2026-11-23T13:00:59"), every), at_11 + 1, "a late start is the same step");
        assert_eq!(once_rotation(&t("2026-11-23T11:59:00"), every), at_11);
        // Local, not UTC: 11:00 in Berlin is the same step as 11:00 in UTC.
        let berlin = chrono::FixedOffset::east_opt(3600).unwrap();
        let local_11 = t("2026-11-23T10:00:00").with_timezone(&berlin);
        assert_eq!(once_rotation(&local_11, every), at_11);
    }

    #[test]
    fn days_print_as_ranges() {
        assert_eq!(work_hours().days.to_string(), "mon-fri");
        assert_eq!(Days::from_weekdays([Weekday::Mon, Weekday::Wed, Weekday::Fri]).to_string(), "mon,wed,fri");
        assert_eq!(Days::ALL.to_string(), "mon-sun");
    }

    #[test]
    fn durations_print_as_typed() {
        assert_eq!(crate::time::compact(Duration::minutes(90)), "1h30m");
        assert_eq!(crate::time::compact(Duration::hours(2)), "2h");
        assert_eq!(crate::time::compact(Duration::seconds(1)), "1s");
    }
}
