//! The text forms of `--natural-break`, `--between`, `--days` and the habit, shared by the
//! command line and the config file (spans and times of day are `crate::time`'s). Every error is one line: what was wrong and what would be right.

use chrono::Weekday;

use super::schedule::{Days, Window};

/// `--natural-break`: a duration as `--every` takes it, or `off`.
pub fn natural_break(text: &str) -> Result<super::NaturalBreak, String> {
    let word = text.trim().to_ascii_lowercase();
    if word == "off" {
        return Ok(super::NaturalBreak(None));
    }
    if ["of", "offf", "0ff", "no", "none", "never", "false", "disable", "disabled"].contains(&word.as_str()) {
        return Err(format!("`{text}` is not a duration (did you mean `off`?); use a duration such as 5m, or off"));
    }
    crate::time::within_a_week(text)
        .map(|length| super::NaturalBreak(Some(length)))
        .map_err(|err| format!("{err}, or off"))
}

/// `when-fullscreen` and `when-dnd` in the config file: `hold` or `notify`.
pub fn busy(text: &str) -> Result<super::Busy, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "hold" => Ok(super::Busy::Hold),
        "notify" => Ok(super::Busy::Notify),
        _ => Err(format!("`{text}` is not hold or notify")),
    }
}

/// "09:00-17:30"; an end before the start wraps past midnight ("22:00-02:00").
pub fn window(text: &str) -> Result<Window, String> {
    let example = "use HH:MM-HH:MM in 24-hour time, e.g. 09:00-17:30";
    let Some((start, end)) = text.trim().split_once('-') else {
        return Err(format!("`{text}` is not a time window; {example}"));
    };
    match (crate::time::time_of_day(start), crate::time::time_of_day(end)) {
        (Ok(start), Ok(end)) if start == end => {
            Err(format!("`{text}` opens and closes at the same time; {example}, or leave --between out"))
        }
        (Ok(start), Ok(end)) => Ok(Window { start, end }),
        _ => {
            // "9-5": bare hours, probably a working day in 12-hour time.
            let hint = match (start.trim().parse::<u32>(), end.trim().parse::<u32>()) {
                (Ok(start), Ok(end)) if start < 24 && end < 24 => {
                    let end = if end <= start && end < 12 { end + 12 } else { end };
                    format!(" (did you mean `{start:02}:00-{end:02}:00`?)")
                }
                _ => String::new(),
            };
            Err(format!("`{text}` is not a time window{hint}; {example}"))
        }
    }
}

/// `--trigger`: the IF of the habit plan; blank text is refused, the rest is trimmed.
pub fn trigger(text: &str) -> Result<String, String> {
    habit_text(text, "trigger", "I stand up from my desk")
}

/// `--action`: the THEN of the habit plan; blank text is refused, the rest is trimmed.
pub fn action(text: &str) -> Result<String, String> {
    habit_text(text, "action", "I do 3 cat-cows")
}

fn habit_text(text: &str, what: &str, example: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("the {what} is empty; write it out, e.g. '{example}', or leave --{what} out"));
    }
    // The text goes into notifications and into printed crontabs, units and plists, where a
    // newline would start a line of its own: refuse every control character outright.
    if let Some(found) = control_character(trimmed) {
        return Err(format!("the {what} contains {found}; write it on one line of plain text, e.g. '{example}'"));
    }
    Ok(trimmed.to_string())
}

/// The first control character in `text`, named for an error message ("a newline (U+000A)").
pub fn control_character(text: &str) -> Option<String> {
    let c = text.chars().find(|c| c.is_control())?;
    let name = match c {
        '\n' => "a newline",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\0' => "a NUL byte",
        '\x1b' => "an escape character",
        _ => "a control character",
    };
    Some(format!("{name} (U+{:04X})", u32::from(c)))
}

/// `--count`: a whole number of reminders, at least 1.
pub fn count(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(0) => Err("--count must be at least 1, e.g. --count 3".into()),
        Ok(count) => Ok(count),
        Err(_) => Err(format!("`{text}` is not a whole number; --count must be at least 1, e.g. --count 3")),
    }
}

const DAY_NAMES: [(&str, &str, Weekday); 7] = [
    ("mon", "monday", Weekday::Mon),
    ("tue", "tuesday", Weekday::Tue),
    ("wed", "wednesday", Weekday::Wed),
    ("thu", "thursday", Weekday::Thu),
    ("fri", "friday", Weekday::Fri),
    ("sat", "saturday", Weekday::Sat),
    ("sun", "sunday", Weekday::Sun),
];

fn weekday(text: &str) -> Result<Weekday, String> {
    let name = text.trim().to_ascii_lowercase();
    DAY_NAMES.iter().find(|(short, long, _)| name == *short || name == *long).map(|&(_, _, day)| day).ok_or_else(|| {
        let names = DAY_NAMES.iter().flat_map(|(short, long, _)| [*short, *long]);
        let hint =
            crate::term::text::nearest(&name, names).map(|day| format!(" (did you mean `{day}`?)")).unwrap_or_default();
        format!("unknown day `{}`{hint}; use mon..sun, a range like mon-fri or a list like mon,wed,fri", text.trim())
    })
}

/// "mon-fri", "mon,wed,fri", "sat-sun", "fri-mon" (wraps), "weekdays", "weekends", "daily";
/// any case.
pub fn days(text: &str) -> Result<Days, String> {
    let mut set = Vec::new();
    for part in text.split(',') {
        let part = part.trim().to_ascii_lowercase();
        match part.as_str() {
            "weekdays" => set.extend([Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]),
            "weekend" | "weekends" => set.extend([Weekday::Sat, Weekday::Sun]),
            "daily" | "all" | "every day" => set.extend(DAY_NAMES.iter().map(|&(_, _, day)| day)),
            _ => match part.split_once('-') {
                Some((first, last)) => {
                    let (first, last) = (weekday(first)?, weekday(last)?);
                    let mut day = first;
                    set.push(day);
                    while day != last {
                        day = day.succ();
                        set.push(day);
                    }
                }
                None => set.push(weekday(&part)?),
            },
        }
    }
    Ok(Days::from_weekdays(set))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows() {
        let window = window("09:00-17:30").unwrap();
        assert_eq!(window.to_string(), "09:00-17:30");
        assert_eq!(super::window("9:00-17:30").unwrap().start, chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        assert!(super::window("22:00-02:00").is_ok());
    }

    #[test]
    fn bad_windows_suggest_the_nearest_one() {
        assert_eq!(
            window("9-5").unwrap_err(),
            "`9-5` is not a time window (did you mean `09:00-17:00`?); use HH:MM-HH:MM in 24-hour time, e.g. 09:00-17:30"
        );
        assert!(window("09:00").unwrap_err().contains("not a time window"));
        assert!(window("25:00-26:00").is_err());
        assert!(window("09:00-09:00").unwrap_err().contains("same time"));
    }

    #[test]
    fn habit_text_with_control_characters_is_refused() {
        assert_eq!(
            trigger("x\n* * * * * touch /tmp/p #").unwrap_err(),
            "the trigger contains a newline (U+000A); write it on one line of plain text, e.g. 'I stand up from my desk'"
        );
        assert!(action("a\0b").unwrap_err().contains("a NUL byte (U+0000)"));
        assert!(action("a\x1b[2Jb").unwrap_err().contains("an escape character"));
        assert!(trigger("a\u{85}b").unwrap_err().contains("a control character (U+0085)"));
        assert!(trigger("tab\there").is_err());
        assert_eq!(trigger("I stand up, 100% sure"), Ok("I stand up, 100% sure".to_string()));
    }

    #[test]
    fn habit_text_is_trimmed_and_never_blank() {
        assert_eq!(trigger("  I stand up "), Ok("I stand up".to_string()));
        assert_eq!(
            trigger("").unwrap_err(),
            "the trigger is empty; write it out, e.g. 'I stand up from my desk', or leave --trigger out"
        );
        assert!(action(" \t").unwrap_err().starts_with("the action is empty;"));
    }

    #[test]
    fn counts_start_at_one() {
        assert_eq!(count("3"), Ok(3));
        assert_eq!(count("0").unwrap_err(), "--count must be at least 1, e.g. --count 3");
        assert!(count("three").unwrap_err().contains("not a whole number"));
        assert!(count("-1").is_err());
    }

    #[test]
    fn days_in_every_form() {
        assert_eq!(days("mon-fri").unwrap().to_string(), "mon-fri");
        assert_eq!(days("Mon,WED,fri").unwrap().to_string(), "mon,wed,fri");
        assert_eq!(days("sat-sun").unwrap().to_string(), "sat,sun");
        assert_eq!(days("fri-mon").unwrap().to_string(), "mon,fri-sun");
        assert_eq!(days("weekdays").unwrap().to_string(), "mon-fri");
        assert_eq!(days("Tuesday").unwrap().to_string(), "tue");
    }

    #[test]
    fn bad_days_suggest_the_nearest_one() {
        let err = days("funday").unwrap_err();
        assert!(err.starts_with("unknown day `funday` (did you mean `sunday`?)"), "{err}");
        assert!(days("mon-fryday").is_err());
    }
}
