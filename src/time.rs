//! Time as people type it and read it, in one place: one grammar for a span of time (`--every`,
//! `--natural-break`, `snooze`, `--since`: `m` is minutes everywhere, months and years are
//! refused everywhere with the same words), one time of day (`--between`, `wake-time`, `--at`),
//! the dates `--since` and `--at` take, and one family of duration formats. Pure: "now" and the
//! time zone are arguments.

use chrono::{DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// What a span may be where it is typed: its longest, and what to suggest.
pub struct Limit {
    /// The longest span taken, how to type it ("7d") and how to say it ("a week").
    pub most: Duration,
    pub most_text: &'static str,
    pub most_words: &'static str,
    /// The unit a bare number most likely meant ("m" for `--every 90`, "d" for `--since 7`).
    pub usual_unit: &'static str,
    /// Examples, after "use a number and a unit: ".
    pub example: &'static str,
}

/// `--every`, `--natural-break` and `snooze`: a second to a week.
pub const WITHIN_A_WEEK: Limit = Limit {
    most: Duration::days(7),
    most_text: "7d",
    most_words: "a week",
    usual_unit: "m",
    example: "90m, 2h, 1h30m",
};

/// `--since`'s span back from now: any length the years 1970-9999 hold (checked after).
const SINCE: Limit = Limit {
    most: Duration::days(10_000 * 366),
    most_text: "10000 years",
    most_words: "ten thousand years",
    usual_unit: "d",
    example: "7d, 4w, 12h",
};

/// A span of at most a week (`--every`, `--natural-break`, `snooze`).
pub fn within_a_week(text: &str) -> Result<Duration, String> {
    span(text, &WITHIN_A_WEEK)
}

/// The units a span takes, each with its seconds.
const UNITS: [(&[&str], i64); 5] = [
    (&["s", "sec", "secs", "second", "seconds"], 1),
    (&["m", "min", "mins", "minute", "minutes"], 60),
    (&["h", "hr", "hrs", "hour", "hours"], 3600),
    (&["d", "day", "days"], 86_400),
    (&["w", "wk", "wks", "week", "weeks"], 604_800),
];

/// Units whose length varies: refused, wherever a span is typed, with how to say it instead.
const VARYING: [&str; 8] = ["mo", "mon", "month", "months", "y", "yr", "year", "years"];

fn unit_seconds(unit: &str) -> Option<i64> {
    UNITS.iter().find(|(names, _)| names.contains(&unit)).map(|(_, seconds)| *seconds)
}

/// A span of time: a number and a unit, or several (`90m`, `2h`, `1h30m`, `1h 30min`, `4w`,
/// `7 days`); `s`, `m` (minutes), `h`, `d`, `w`. Longer than `limit.most` or no time at all is
/// refused; so are months and years, which differ in length.
pub fn span(text: &str, limit: &Limit) -> Result<Duration, String> {
    let trimmed = text.trim().to_ascii_lowercase();
    let example = format!("use a number and a unit: {}", limit.example);
    if trimmed.is_empty() {
        return Err(format!("empty duration; {example}"));
    }
    if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{text}` has no unit (did you mean `{trimmed}{}`?); {example}", limit.usual_unit));
    }
    if let Some(whole) = decimal(&trimmed) {
        return Err(format!("decimals are not accepted in `{text}`; write it in whole units: {whole}"));
    }
    let mut total = Duration::zero();
    let mut rest = trimmed.as_str();
    let past_most = limit.most.num_seconds().saturating_add(1);
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(format!("`{text}` is not a duration; {example}"));
        }
        let value: i64 = rest[..digits].parse().unwrap_or(i64::MAX);
        rest = rest[digits..].trim_start();
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = &rest[..unit_len];
        let seconds = match unit_seconds(unit) {
            Some(seconds) => seconds,
            None if unit.is_empty() => return Err(format!("`{text}` ends without a unit; {example}")),
            None if VARYING.contains(&unit) => {
                let days = value.saturating_mul(if unit.starts_with('y') { 365 } else { 30 });
                return Err(format!(
                    "`{text}`: months and years differ in length; say it in days or weeks ({days}d or {}w)",
                    days / 7
                ));
            }
            None => {
                let names = ["s", "m", "h", "d", "w", "min", "hours", "minutes", "seconds", "days", "weeks"];
                let nearest = crate::term::text::nearest(unit, names)
                    .map(|unit| format!(" (did you mean `{value}{unit}`?)"))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown unit `{unit}` in `{text}`{nearest}; units are s, m, h, d, w: {}",
                    limit.example
                ));
            }
        };
        let added = value.saturating_mul(seconds).min(past_most);
        total = Duration::seconds(total.num_seconds().saturating_add(added).min(past_most));
        rest = rest[unit_len..].trim_start();
    }
    if total <= Duration::zero() {
        return Err(format!(
            "`{text}` is no time at all; it must be at least 1s, e.g. {}",
            limit.example.split(", ").next().unwrap_or("2h")
        ));
    }
    if total > limit.most {
        return Err(format!("`{text}` is longer than {}; at most {}", limit.most_words, limit.most_text));
    }
    Ok(total)
}

/// "1.5h" -> "`1h30m`": what a one-number decimal duration means in whole units, so the error
/// can say exactly what to type; `None` when `text` is not one.
fn decimal(text: &str) -> Option<String> {
    let number_len = text.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',').count();
    let (number, unit) = text.split_at(number_len);
    if !number.contains(['.', ',']) {
        return None;
    }
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let unit_seconds = match unit.trim() {
        "" => 3600.0,
        unit => match unit_seconds(unit) {
            Some(seconds) => seconds as f64,
            None => return Some("e.g. 1h30m, 90m".to_string()),
        },
    };
    let seconds = (value * unit_seconds).round();
    if !(1.0..=7.0 * 86_400.0).contains(&seconds) {
        return Some("e.g. 1h30m, 90m".to_string());
    }
    // Whole seconds that fit in 7 days: the cast cannot truncate.
    Some(format!("`{}`", compact(Duration::seconds(seconds as i64))))
}

/// "2h", "1h30m", "90s": the shortest way to write a span, as it is typed.
pub fn compact(duration: Duration) -> String {
    let total = duration.num_seconds();
    let (days, hours, minutes, seconds) = (total / 86_400, total / 3600 % 24, total / 60 % 60, total % 60);
    let mut text = String::new();
    for (value, unit) in [(days, "d"), (hours, "h"), (minutes, "m"), (seconds, "s")] {
        if value > 0 {
            text.push_str(&format!("{value}{unit}"));
        }
    }
    if text.is_empty() {
        text.push_str("0s");
    }
    text
}

/// "4:05": minutes and seconds, as a countdown shows them.
pub fn clock(duration: std::time::Duration) -> String {
    let seconds = duration.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// "2 min", "90 s", "1 min 30 s": a dose or a routine's length, in words.
pub fn words(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// "09:00", "9:00" or "17:30".
pub fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    let trimmed = text.trim();
    // Digits only: one or two for the hour (7:05 or 07:05), always two for the minute; no sign.
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())).then(|| part.parse().ok())?
    };
    let parsed = trimmed
        .split_once(':')
        .and_then(|(hours, minutes)| NaiveTime::from_hms_opt(digits(hours, 1..=2)?, digits(minutes, 2..=2)?, 0));
    parsed.ok_or_else(|| {
        let hint = match trimmed.parse::<u32>() {
            Ok(hour) if hour < 24 => format!(" (did you mean `{hour:02}:00`?)"),
            _ => String::new(),
        };
        format!("`{text}` is not a time of day{hint}; use 24-hour HH:MM, e.g. 09:00 or 17:30")
    })
}

const SINCE_EXAMPLE: &str = "use a date (2026-11-01) or a span back from now (7d, 4w, 12h, 30m)";
const AT_EXAMPLE: &str =
    "use HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339 (2026-12-01T09:30:00+01:00)";

/// The local midnight starting `date`; on a day whose midnight a DST change skips, the first
/// moment of the day that exists.
pub fn start_of_day<Tz: TimeZone>(date: NaiveDate, tz: &Tz) -> DateTime<Tz> {
    let mut time = date.and_time(NaiveTime::MIN);
    for _ in 0..4 {
        match tz.from_local_datetime(&time) {
            LocalResult::Single(at) => return at,
            LocalResult::Ambiguous(earliest, _) => return earliest,
            LocalResult::None => time += Duration::minutes(30),
        }
    }
    tz.from_utc_datetime(&date.and_time(NaiveTime::MIN))
}

/// The years a history entry can have: the month files are named by year, and a date outside
/// these (a typo `0026-11-30`, a date at chrono's limits) would be written where no reader looks
/// or overflow the arithmetic on it.
const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

/// `at`, when its year is one a history can hold; else one line that says which years are.
fn in_years(text: &str, at: DateTime<FixedOffset>, example: &str) -> Result<DateTime<FixedOffset>, String> {
    if YEARS.contains(&at.year()) {
        Ok(at)
    } else {
        Err(format!("`{text}` is outside the years {} to {}; {example}", YEARS.start(), YEARS.end()))
    }
}

/// `--since`: `2026-11-01` (from that local midnight), `7d`, `4w`, `12h` (back from `now`), or
/// an RFC 3339 time, in the years 1970 to 9999.
pub fn since<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>, String> {
    since_any_year(text, now).and_then(|at| in_years(text, at, SINCE_EXAMPLE)).map_err(shown)
}

/// The error with any control character escaped: it echoes what was typed to a terminal.
fn shown(err: String) -> String {
    crate::term::text::printable(&err).into_owned()
}

fn since_any_year<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>, String> {
    let trimmed = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(trimmed) {
        return Ok(at);
    }
    if let Ok(date) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        return Ok(start_of_day(date, &now.timezone()).fixed_offset());
    }
    if trimmed.bytes().next().is_some_and(|byte| byte.is_ascii_digit()) {
        let span = span(trimmed, &SINCE).map_err(|err| match err.contains("is longer than") {
            true => format!("`{text}` reaches back too far; {SINCE_EXAMPLE}"),
            false => err,
        })?;
        return now
            .clone()
            .fixed_offset()
            .checked_sub_signed(span)
            .ok_or_else(|| format!("`{text}` reaches back too far; {SINCE_EXAMPLE}"));
    }
    Err(format!("`{text}` is not a date or a span; {SINCE_EXAMPLE}"))
}

/// "yesterday …" or "today …" (any case): that local date, and what follows the word.
fn relative_day<'t, Tz: TimeZone>(text: &'t str, now: &DateTime<Tz>) -> Option<(NaiveDate, Option<&'t str>)> {
    let (word, rest) = match text.split_once(' ') {
        Some((word, rest)) => (word, Some(rest)),
        None => (text, None),
    };
    let today = now.naive_local().date();
    match word.to_ascii_lowercase().as_str() {
        "today" => Some((today, rest)),
        "yesterday" => Some((today.pred_opt()?, rest)),
        _ => None,
    }
}

/// `--at`: `09:30` (today), `2026-12-01 09:30` (or with a `T`), or RFC 3339; never in the future,
/// never before 1970.
pub fn at<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>, String> {
    at_any_year(text, now).and_then(|at| in_years(text, at, AT_EXAMPLE)).map_err(shown)
}

fn at_any_year<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>, String> {
    let trimmed = text.trim();
    let tz = now.timezone();
    let local = |naive: NaiveDateTime| match tz.from_local_datetime(&naive) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => Ok(at.fixed_offset()),
        LocalResult::None => {
            Err(format!("{naive} does not exist here (the clocks changed); give the offset in RFC 3339"))
        }
    };
    let parsed = if let Ok(at) = DateTime::parse_from_rfc3339(trimmed) {
        Ok(at)
    } else if let Some(naive) = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(trimmed, format).ok())
    {
        local(naive)
    } else if let Ok(time) = time_of_day(trimmed) {
        local(now.naive_local().date().and_time(time))
    } else if let Some((day, time)) = relative_day(trimmed, now) {
        // "yesterday 18:00", "today 9:30".
        match time.map(|time| time_of_day(time.trim())) {
            Some(Ok(time)) => local(day.and_time(time)),
            _ => Err(format!(
                "`{text}` needs a time of day: `{} 18:00`; {AT_EXAMPLE}",
                trimmed.split(' ').next().unwrap_or(trimmed)
            )),
        }
    } else if NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").is_ok() {
        Err(format!("`{text}` needs a time of day: `{trimmed} 18:00`; {AT_EXAMPLE}"))
    } else {
        Err(format!("`{text}` is not a time; {AT_EXAMPLE}"))
    }?;
    // A minute's grace for clocks that differ a little between machines.
    let latest = now.clone().fixed_offset().checked_add_signed(Duration::minutes(1));
    if latest.is_none_or(|latest| parsed > latest) {
        return Err(format!("`{text}` is in the future; a history records what has happened"));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every(text: &str) -> Result<Duration, String> {
        span(text, &WITHIN_A_WEEK)
    }

    #[test]
    fn spans_in_the_forms_people_type() {
        assert_eq!(every("90m"), Ok(Duration::minutes(90)));
        assert_eq!(every("2h"), Ok(Duration::hours(2)));
        assert_eq!(every("1h30m"), Ok(Duration::minutes(90)));
        assert_eq!(every("1h 30min"), Ok(Duration::minutes(90)));
        assert_eq!(every("45S"), Ok(Duration::seconds(45)));
        assert_eq!(every("1w"), Ok(Duration::weeks(1)));
    }

    #[test]
    fn bad_spans_say_what_would_be_right() {
        assert_eq!(every("90x").unwrap_err(), "unknown unit `x` in `90x`; units are s, m, h, d, w: 90m, 2h, 1h30m");
        assert!(every("90").unwrap_err().contains("did you mean `90m`?"));
        assert!(every("0s").unwrap_err().contains("at least 1s"));
        assert!(every("2hours3").unwrap_err().contains("ends without a unit"));
        assert!(every("8d").unwrap_err().contains("at most 7d"));
        assert!(every("99999999999999999999h").is_err());
        assert!(every("h").is_err());
    }

    /// Issue 19: `m` was minutes for `--every` and months for `--since` (refused there); now a
    /// span means the same wherever it is typed, and months are refused with the same words.
    #[test]
    fn a_span_means_the_same_wherever_it_is_typed() {
        let now = now();
        for (text, minutes) in [("30m", 30), ("30min", 30), ("90 minutes", 90), ("1h30m", 90), ("2h", 120)] {
            assert_eq!(every(text), Ok(Duration::minutes(minutes)), "{text}");
            let back = now - since(text, &now).unwrap();
            assert_eq!(back, Duration::minutes(minutes), "--since {text}");
        }
        for text in ["2mo", "1 month", "1y"] {
            let from_every = every(text).unwrap_err();
            let from_since = since(text, &now).unwrap_err();
            assert!(from_every.contains("months and years differ in length"), "{from_every}");
            assert_eq!(from_every, from_since, "{text}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(compact(Duration::minutes(90)), "1h30m");
        assert_eq!(compact(Duration::seconds(20)), "20s");
        assert_eq!(clock(std::time::Duration::from_secs(245)), "4:05");
        assert_eq!(words(90), "1 min 30 s");
        assert_eq!(words(120), "2 min");
        assert_eq!(words(45), "45 s");
    }

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap()
    }

    #[test]
    fn since_takes_dates_and_spans() {
        assert_eq!(since("2026-11-01", &now()).unwrap().to_rfc3339(), "2026-11-01T00:00:00+01:00");
        assert_eq!(since("7d", &now()).unwrap().to_rfc3339(), "2026-11-24T10:00:00+01:00");
        assert_eq!(since("2w", &now()).unwrap().to_rfc3339(), "2026-11-17T10:00:00+01:00");
        assert_eq!(since("12h", &now()).unwrap().to_rfc3339(), "2026-11-30T22:00:00+01:00");
        assert!(since("7", &now()).unwrap_err().contains("did you mean `7d`?"));
        assert_eq!(since("3wk", &now()).unwrap().to_rfc3339(), "2026-11-10T10:00:00+01:00");
        assert!(
            since("3wek", &now()).unwrap_err().contains("did you mean `3w"),
            "{}",
            since("3wek", &now()).unwrap_err()
        );
        assert!(since("2mo", &now()).unwrap_err().contains("(60d or 8w)"));
        assert!(since("last tuesday", &now()).unwrap_err().starts_with("`last tuesday` is not a date or a span"));
    }

    #[test]
    fn dates_outside_1970_to_9999_are_refused_not_overflowed() {
        for text in ["-262143-01-01", "0026-11-30", "1969-12-31", "99999d", "1000000w"] {
            let err = since(text, &now()).unwrap_err();
            assert!(err.contains("outside the years 1970 to 9999") || err.contains("too far"), "{text}: {err}");
        }
        for text in ["0026-11-30 09:00", "1969-12-31T23:59:00Z", "0999-06-01T00:00:00Z"] {
            let err = at(text, &now()).unwrap_err();
            assert!(err.contains("outside the years 1970 to 9999"), "{text}: {err}");
        }
        assert!(since("1970-01-02", &now()).is_ok());
        let echoed = since("7\x1b[2Jd", &now()).unwrap_err();
        assert!(!echoed.contains('\x1b') && echoed.contains("\\u{1b}"), "{echoed}");
    }

    #[test]
    fn at_takes_local_times_and_refuses_the_future() {
        assert_eq!(at("09:30", &now()).unwrap().to_rfc3339(), "2026-12-01T09:30:00+01:00");
        assert_eq!(at("2026-11-30 18:05", &now()).unwrap().to_rfc3339(), "2026-11-30T18:05:00+01:00");
        assert_eq!(at("2026-11-30T17:05:00Z", &now()).unwrap().to_rfc3339(), "2026-11-30T17:05:00+00:00");
        assert!(at("11:00", &now()).unwrap_err().contains("is in the future"));
        assert!(at("9.30", &now()).unwrap_err().contains("use HH:MM"));
        // Issue 19: `--at yesterday` and a date alone were refused as "not a time".
        assert_eq!(at("yesterday 18:05", &now()).unwrap().to_rfc3339(), "2026-11-30T18:05:00+01:00");
        assert_eq!(at("Today 09:15", &now()).unwrap().to_rfc3339(), "2026-12-01T09:15:00+01:00");
        assert!(at("yesterday", &now()).unwrap_err().starts_with("`yesterday` needs a time of day: `yesterday 18:00`"));
        assert!(at("2026-11-30", &now())
            .unwrap_err()
            .starts_with("`2026-11-30` needs a time of day: `2026-11-30 18:00`"));
    }
}
