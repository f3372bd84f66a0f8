//! The times people type: `--since` (a date or a span back from now) and `--at` (when a manual
//! entry happened). Pure: "now" and the time zone are arguments.

use chrono::{DateTime, Datelike, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

const SINCE_EXAMPLE: &str = "use a date (2026-11-01) or a span back from now (7d, 4w, 12h)";
const AT_EXAMPLE: &str = "use HH:MM (today), YYYY-MM-DD HH:MM, or RFC 3339 (2026-12-01T09:30:00+01:00)";

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
    crate::text::printable(&err).into_owned()
}

fn since_any_year<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Result<DateTime<FixedOffset>, String> {
    let trimmed = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(trimmed) {
        return Ok(at);
    }
    if let Ok(date) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        return Ok(start_of_day(date, &now.timezone()).fixed_offset());
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = trimmed.split_at(digits);
    let Ok(number) = number.parse::<i64>() else {
        return Err(format!("`{text}` is not a date or a span; {SINCE_EXAMPLE}"));
    };
    let span = match unit.trim().to_ascii_lowercase().as_str() {
        "h" | "hour" | "hours" => Duration::try_hours(number),
        "d" | "day" | "days" => Duration::try_days(number),
        "w" | "week" | "weeks" => Duration::try_weeks(number),
        "" => return Err(format!("`{text}` has no unit (did you mean `{number}d`?); {SINCE_EXAMPLE}")),
        "m" | "min" | "mo" | "month" | "months" => {
            return Err(format!("`{text}`: months differ in length; say {}d or {}w", number * 30, number * 4))
        }
        other => {
            let nearest = crate::dataset::nearest(other, ["h", "d", "w", "hours", "days", "weeks"])
                .map(|unit| format!(" (did you mean `{number}{unit}`?)"))
                .unwrap_or_default();
            return Err(format!("unknown unit `{other}` in `{text}`{nearest}; {SINCE_EXAMPLE}"));
        }
    };
    span.and_then(|span| now.clone().fixed_offset().checked_sub_signed(span))
        .ok_or_else(|| format!("`{text}` reaches back too far; {SINCE_EXAMPLE}"))
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
    } else if let Ok(time) = NaiveTime::parse_from_str(trimmed, "%H:%M") {
        local(now.naive_local().date().and_time(time))
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
        assert!(
            since("3wk", &now()).unwrap_err().contains("did you mean `3w`?"),
            "{}",
            since("3wk", &now()).unwrap_err()
        );
        assert!(since("2mo", &now()).unwrap_err().contains("say 60d or 8w"));
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
    }
}
