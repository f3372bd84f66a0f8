//! The weekly check-in and the measures (issue 22): `log check-in` as scripts call it, its line
//! pinned, and `stats` on simulated twelve-week histories that improve, worsen and stay flat.

use std::path::Path;

use backpain::platform::exit::Exit;
use chrono::{Duration, Local};
use serde_json::Value;

use crate::common::in_process::{ok, run};

/// "YYYY-MM-DD 10:00", `weeks_ago` weeks before today.
fn weeks_ago(weeks: i64) -> String {
    (Local::now().date_naive() - Duration::weeks(weeks)).format("%Y-%m-%d 10:00").to_string()
}

/// Twelve weekly check-ins and pain ratings, 11 weeks ago to today, from `week(n)` = (pain,
/// PEG answers, the meeting activity's score) for week n = 0 (the first) to 11.
fn twelve_weeks(dir: &Path, week: impl Fn(i64) -> (u8, [u8; 3], u8)) {
    for n in 0..12 {
        let (pain, peg, meeting) = week(n);
        let at = weeks_ago(11 - n);
        ok(dir, &["log", "pain", &pain.to_string(), "lower", "--at", &at]);
        let peg = format!("{},{},{}", peg[0], peg[1], peg[2]);
        let activity = format!("sit through a 2-hour meeting={meeting}");
        ok(dir, &["log", "check-in", "--peg", &peg, "--activity", &activity, "--at", &at]);
    }
}

/// Text as one line: the terminal width decides where it wraps.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn stats(dir: &Path) -> Value {
    serde_json::from_str(&ok(dir, &["stats", "--json"])).unwrap()
}

fn verdicts(stats: &Value) -> Vec<(String, String)> {
    stats["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["measure"].as_str().unwrap().to_string(), m["verdict"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn twelve_weeks_that_improve_say_improved_and_give_no_advice() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    twelve_weeks(d, |n| {
        (7 - (n / 2) as u8, [7 - (n / 3) as u8, 6 - (n / 3) as u8, 6 - (n / 3) as u8], 2 + (n / 2) as u8)
    });
    let stats = stats(d);
    assert_eq!(
        verdicts(&stats),
        [("pain".into(), "improved".into()), ("peg".into(), "improved".into()), ("psfs".into(), "improved".into())]
    );
    let pain = &stats["measures"][0];
    assert_eq!(
        (pain["location"].as_str(), pain["baseline"]["value"].as_f64(), pain["latest"]["value"].as_f64()),
        (Some("lower"), Some(7.0), Some(2.0))
    );
    assert_eq!(pain["count"], 12);
    assert_eq!(stats["advice"], Value::Null);
    assert_eq!(stats["check_in"]["due"], false, "one was made today");
    let text = ok(d, &["stats"]);
    let first: Vec<&str> = text.lines().take(8).collect();
    assert!(first[2].starts_with("Is it helping?"), "the verdicts lead:\n{text}");
    assert!(first.iter().any(|line| line.contains("Pain, Lower back (lumbar)") && line.contains("improved")), "{text}");
    let flat = flat(&text);
    assert!(flat.contains("Ostelo 2008") && flat.contains("Stratford 1995"), "thresholds and their sources:\n{text}");
    assert!(!flat.contains("See a doctor"), "{text}");
    assert!(flat.ends_with("Last check-in 0 days ago; the next is due in 7 days."), "{text}");
}

#[test]
fn twelve_weeks_that_worsen_say_worse_and_advise_a_clinician_with_the_emergency_flags_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    twelve_weeks(d, |n| {
        (3 + (n / 3) as u8, [3 + (n / 3) as u8, 3 + (n / 4) as u8, 3 + (n / 4) as u8], 7 - (n / 3) as u8)
    });
    let stats = stats(d);
    assert_eq!(
        verdicts(&stats),
        [("pain".into(), "worse".into()), ("peg".into(), "worse".into()), ("psfs".into(), "worse".into())]
    );
    let advice = &stats["advice"];
    assert!(advice["because"].as_str().unwrap().starts_with("Lower back (lumbar) pain is worse"), "{advice}");
    let flags = advice["red_flags"].as_array().unwrap();
    assert!(!flags.is_empty() && flags.iter().all(|flag| flag["urgency"] == "emergency"), "{advice}");
    let text = flat(&ok(d, &["stats"]));
    assert_eq!(text.matches("See a doctor or physiotherapist.").count(), 1, "{text}");
    for flag in flags {
        assert!(text.contains(flag["text"].as_str().unwrap()), "every emergency flag, in full:\n{text}");
    }
}

#[test]
fn twelve_flat_weeks_are_unchanged_and_after_six_weeks_of_check_ins_say_see_a_clinician() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    twelve_weeks(d, |n| (5 + (n % 2) as u8, [5, 5, 5 + (n % 2) as u8], 4));
    let stats = stats(d);
    assert_eq!(
        verdicts(&stats),
        [("pain".into(), "unchanged".into()), ("peg".into(), "unchanged".into()), ("psfs".into(), "unchanged".into())]
    );
    let because = stats["advice"]["because"].as_str().unwrap();
    assert!(because.starts_with("After 6 weeks of check-ins, Lower back (lumbar) pain has not improved"), "{because}");
    // The first four weeks alone: not six weeks of check-ins yet, so no advice.
    let early = tempfile::tempdir().unwrap();
    for n in 0..4 {
        let at = weeks_ago(3 - n);
        ok(early.path(), &["log", "pain", "5", "lower", "--at", &at]);
        ok(early.path(), &["log", "check-in", "--peg", "5,5,5", "--at", &at]);
    }
    assert_eq!(stats_of(early.path())["advice"], Value::Null);
}

fn stats_of(dir: &Path) -> Value {
    stats(dir)
}

#[test]
fn one_check_in_is_too_early_and_a_check_in_is_due_after_seven_days() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = ok(d, &["stats"]);
    assert!(flat(&text).ends_with("gives your measures a baseline."), "none yet: due\n{text}");
    ok(d, &["log", "check-in", "--peg", "6,6,6", "--at", &weeks_ago(1)]);
    let stats = stats(d);
    assert_eq!(verdicts(&stats), [("peg".into(), "too_early".into())]);
    assert_eq!((stats["check_in"]["due"].as_bool(), stats["check_in"]["days_since"].as_i64()), (Some(true), Some(7)));
    let text = ok(d, &["stats"]);
    assert!(
        flat(&text)
            .ends_with("A check-in is due: the last was 7 days ago. `backpain log check-in` takes about 20 seconds."),
        "{text}"
    );
}

#[test]
fn a_gap_of_weeks_compares_the_first_and_the_latest_and_stats_weeks_moves_the_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (ago, peg) in [(10, "8,8,8"), (9, "8,8,7"), (1, "5,6,6"), (0, "6,6,6")] {
        ok(d, &["log", "check-in", "--peg", peg, "--at", &weeks_ago(ago)]);
    }
    let all = stats(d);
    let peg = &all["measures"][0];
    assert_eq!(
        (peg["baseline"]["value"].as_f64(), peg["latest"]["value"].as_f64(), peg["count"].as_u64()),
        (Some(8.0), Some(6.0), Some(4))
    );
    assert_eq!(peg["verdict"], "improved", "exactly 2 points");
    // The last 4 weeks only: the baseline is the first check-in in them.
    let four: Value = serde_json::from_str(&ok(d, &["stats", "--json", "--weeks", "4"])).unwrap();
    let peg = &four["measures"][0];
    assert_eq!(
        (peg["baseline"]["value"].as_f64(), peg["count"].as_u64(), peg["verdict"].as_str()),
        (Some(5.7), Some(2), Some("unchanged"))
    );
}

#[test]
fn pain_is_judged_per_location_and_a_location_keeps_check_ins_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (ago, lower, neck) in [(3, "6", "2"), (2, "5", "3"), (1, "4", "4"), (0, "3", "4")] {
        ok(d, &["log", "pain", lower, "lower", "--at", &weeks_ago(ago)]);
        ok(d, &["log", "pain", neck, "neck", "--at", &weeks_ago(ago)]);
        ok(d, &["log", "check-in", "--peg", "4,4,4", "--at", &weeks_ago(ago)]);
    }
    let all = stats(d);
    let pain: Vec<(&str, &str)> = all["measures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["measure"] == "pain")
        .map(|m| (m["location"].as_str().unwrap(), m["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(pain, [("lower", "improved"), ("neck", "worse")]);
    let neck: Value = serde_json::from_str(&ok(d, &["stats", "--json", "--location", "neck"])).unwrap();
    assert_eq!(verdicts(&neck), [("pain".into(), "worse".into()), ("peg".into(), "unchanged".into())]);
    assert!(neck["advice"]["because"].as_str().unwrap().starts_with("Neck & upper back pain is worse"));
}

#[test]
fn the_check_in_line_is_pinned_and_history_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = ok(
        d,
        &[
            "log",
            "check-in",
            "--peg",
            "6,-,7",
            "--activity",
            "Sit through a 2-hour meeting=4",
            "--activity",
            "lift my son=-",
            "--location",
            "lower",
            "--note",
            "after the move",
            "--at",
            "2026-11-30 09:30",
            "--id",
            "3f6c0d0e-2b8e-4d55-9d0b-6f1c1b7f2a10",
        ],
    );
    assert!(out.starts_with("Recorded your check-in, Lower back (lumbar) at 2026-11-30 09:30: PEG (pain 6, enjoyment -, activity 7); Sit through a 2-hour meeting 4/10; lift my son not rated"), "{out}");
    let line = std::fs::read_to_string(d.join("history/2026-11.jsonl")).unwrap();
    let offset =
        chrono::DateTime::parse_from_rfc3339(serde_json::from_str::<Value>(&line).unwrap()["at"].as_str().unwrap())
            .unwrap()
            .format("%:z")
            .to_string();
    assert_eq!(
        line,
        format!(
            "{{\"v\":1,\"id\":\"3f6c0d0e-2b8e-4d55-9d0b-6f1c1b7f2a10\",\"at\":\"2026-11-30T09:30:00{offset}\",\"kind\":\"check-in\",\
             \"location\":\"lower\",\"note\":\"after the move\",\"peg\":{{\"pain\":6,\"activity\":7}},\
             \"activities\":[{{\"name\":\"Sit through a 2-hour meeting\",\"score\":4}},{{\"name\":\"lift my son\"}}]}}\n"
        )
    );
    let listed = ok(d, &["history"]);
    assert!(listed.contains("check-in") && listed.contains("Sit through a 2-hour meeting 4/10"), "{listed}");
    let csv = ok(d, &["history", "--csv"]);
    assert!(csv.lines().count() == 2, "{csv}");
}

#[test]
fn bad_check_ins_are_one_line_with_exit_2_and_record_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (args, says) in [
        (&["--peg", "6,5"][..], "three answers separated by commas"),
        (&["--peg", "6,5,11"], "is not a whole number from 0 to 10"),
        (&["--activity", "sit"], "takes NAME=SCORE"),
        (&["--activity", "=4"], "the activity has no name"),
        (&["--activity", "a=1", "--activity", "b=1", "--activity", "c=1", "--activity", "d=1"], "at most 3 activities"),
        (&["--activity", "Garden=1", "--activity", "garden =2"], "given twice"),
        (&[], "log check-in needs answers"),
    ] {
        let mut argv = vec!["log", "check-in"];
        argv.extend_from_slice(args);
        let run = run(d, &argv);
        assert_eq!(run.exit, Exit::Usage, "{args:?}");
        assert!(run.stderr.starts_with("backpain: ") && run.stderr.lines().count() == 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    assert!(!d.join("history").exists() || std::fs::read_dir(d.join("history")).unwrap().next().is_none());
}
