//! The history commands (`log`, `history`, `stats`) in-process with a temporary data dir, and
//! through the real binary where processes matter: concurrent writers, the locale, the config.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use backpain::platform::exit::Exit;
use serde::Deserialize;

use crate::common::in_process::{ok, run};

fn refused(dir: &Path, args: &[&str], exit: Exit) -> String {
    let run = run(dir, args);
    assert_eq!(run.exit, exit, "{args:?}: {}", run.stdout);
    assert!(run.stderr.starts_with("backpain: ") && run.stderr.lines().count() == 1, "{args:?}: {}", run.stderr);
    run.stderr
}

fn month_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("history")).unwrap().map(|f| f.unwrap().path()).collect();
    files.sort();
    files
}

/// The stored line shape, pinned: every field a manual entry may carry, and no other.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManualLine {
    v: u32,
    id: String,
    at: String,
    kind: String,
    location: String,
    #[serde(default)]
    variant: Option<String>,
    #[serde(default)]
    rating: Option<u8>,
    #[serde(default)]
    note: Option<String>,
}

#[test]
fn log_pain_and_done_append_one_self_describing_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let said = ok(dir.path(), &["log", "pain", "4", "--location", "lumbar", "--note", "after a long drive"]);
    assert!(said.starts_with("Recorded pain 4/10, Lower back (lumbar), at "), "{said}");
    let said = ok(dir.path(), &["log", "done", "--location", "neck", "--micro", "--at", "2026-11-30 18:05"]);
    assert!(said.starts_with("Recorded micro routine done, Neck & upper back, at 2026-11-30 18:05"), "{said}");
    ok(dir.path(), &["log", "done", "-l", "hip"]);
    let files = month_files(dir.path());
    let text: String = files.iter().map(|file| std::fs::read_to_string(file).unwrap()).collect();
    let lines: Vec<ManualLine> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|line| line.v == 1 && line.id.len() == 36), "{lines:?}");
    let pain = lines.iter().find(|line| line.kind == "pain").unwrap();
    assert_eq!(
        (pain.location.as_str(), pain.rating, pain.note.as_deref()),
        ("lower", Some(4), Some("after a long drive"))
    );
    let neck = lines.iter().find(|line| line.location == "neck").unwrap();
    assert_eq!((neck.kind.as_str(), neck.variant.as_deref()), ("break", Some("micro")));
    assert!(neck.at.starts_with("2026-11-30T18:05:00"), "{}", neck.at);
    assert!(files.iter().any(|file| file.ends_with("history/2026-11.jsonl")), "filed by its own month: {files:?}");
    let hip = lines.iter().find(|line| line.location == "hip").unwrap();
    assert_eq!(hip.variant.as_deref(), Some("full"));
    let ids: std::collections::HashSet<&str> = lines.iter().map(|line| line.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "unique ids");
}

#[test]
fn log_json_prints_the_entry_and_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["log", "pain", "0", "-l", "neck", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["entry"]["rating"], 0);
    assert_eq!(value["entry"]["kind"], "pain");
    let file = value["file"].as_str().unwrap();
    assert!(file.starts_with(dir.path().join("history").to_str().unwrap()) && file.ends_with(".jsonl"), "{file}");
}

/// Issue 19: `log pain 5 lower` was refused though `route lower` takes the location in words:
/// `log` takes it the same way, and refuses a word that names no location the same way too.
#[test]
fn log_takes_the_location_in_words_as_route_does() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["log", "pain", "5", "lower"]);
    ok(dir.path(), &["log", "done", "low", "back", "--micro"]);
    ok(dir.path(), &["log", "pain", "2", "E"]);
    let listed = ok(dir.path(), &["history", "--json"]);
    let locations: Vec<String> = listed
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["location"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(locations, ["lower", "lower", "neck"]);
    let err = refused(dir.path(), &["log", "pain", "5", "elbow"], Exit::Usage);
    assert!(err.contains("unknown location `elbow`; valid: lower, upper, sciatic, hip, neck"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "5"], Exit::Usage);
    assert!(err.contains("`backpain log pain 4 lower` (or --location lower)"), "{err}");
}

#[test]
fn bad_input_is_one_line_that_says_what_would_be_right() {
    let dir = tempfile::tempdir().unwrap();
    let err = refused(dir.path(), &["log", "pain", "11", "-l", "lower"], Exit::Usage);
    assert!(err.contains("pain rating `11` is out of range; use 0 (no pain) to 10"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "4.5", "-l", "lower"], Exit::Usage);
    assert!(err.contains("is not a whole number (did you mean `5`?)"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "3", "-l", "lowr"], Exit::Usage);
    assert!(err.contains("unknown location `lowr` (did you mean `lower`?)"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "3", "-l", "lower", "--at", "25:00"], Exit::Usage);
    assert!(err.contains("--at: `25:00` is not a time; use HH:MM"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "3", "-l", "lower", "--at", "2099-01-01 10:00"], Exit::Usage);
    assert!(err.contains("is in the future"), "{err}");
    let err = refused(dir.path(), &["log", "done", "-l", "lower", "--note", "  "], Exit::Usage);
    assert!(err.contains("the note is empty"), "{err}");
    let err = refused(dir.path(), &["log", "done"], Exit::Usage);
    assert!(err.contains("--location"), "{err}");
    let err = refused(dir.path(), &["log", "mood", "3"], Exit::Usage);
    assert!(err.contains("mood"), "{err}");
    let err = refused(dir.path(), &["history", "--since", "3wek"], Exit::Usage);
    assert!(err.contains("did you mean `3w"), "{err}");
    let err = refused(dir.path(), &["history", "--since", "2mo"], Exit::Usage);
    assert!(err.contains("months and years differ in length; say it in days or weeks (60d or 8w)"), "{err}");
    // Issue 20: a date at chrono's limits panicked (exit 101); a year before 1970 was written
    // to a file no reader looks at.
    let err = refused(dir.path(), &["history", "--since=-262143-01-01"], Exit::Usage);
    assert!(err.contains("outside the years 1970 to 9999"), "{err}");
    let err = refused(dir.path(), &["log", "pain", "3", "-l", "lower", "--at", "0026-11-30 09:00"], Exit::Usage);
    assert!(err.contains("outside the years 1970 to 9999"), "{err}");
    let err = refused(dir.path(), &["history", "--json", "--csv"], Exit::Usage);
    assert!(err.contains("--csv"), "{err}");
    let err = refused(dir.path(), &["stats", "--weeks", "0"], Exit::Usage);
    assert!(err.contains("--weeks"), "{err}");
    assert!(!dir.path().join("history").exists(), "nothing was written by a refused command");
}

#[test]
fn a_history_that_cannot_be_written_fails_log_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "mine").unwrap();
    let err = refused(&file, &["log", "pain", "3", "-l", "lower"], Exit::Failure);
    assert!(err.starts_with(&format!("backpain: cannot write to {}", file.join("history").display())), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn history_lists_filters_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ok(d, &["history"]).starts_with("No entries in "), "an empty history says so");
    assert_eq!(ok(d, &["history", "--json"]), "");
    ok(d, &["log", "pain", "6", "-l", "lower", "--at", "2026-10-01 08:00"]);
    ok(d, &["log", "done", "-l", "neck", "--note", "desk, \"quick\" one", "--at", "2026-11-20 12:00"]);
    ok(d, &["log", "pain", "3", "-l", "lower", "--at", "2026-11-21 08:00"]);

    let table = ok(d, &["history"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("2026-10-01 08:00  pain      lower    6/10"), "{table}");
    assert!(lines[1].contains("break     neck     full routine, done without backpain - desk"), "{table}");

    let json = ok(d, &["history", "--json", "--location", "lower"]);
    let entries: Vec<serde_json::Value> = json.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(entries.iter().map(|e| e["rating"].as_u64().unwrap()).collect::<Vec<_>>(), [6, 3], "oldest first");

    let since = ok(d, &["history", "--json", "--since", "2026-11-01"]);
    assert_eq!(since.lines().count(), 2, "{since}");
    // Spans count back from now; 2026-10 is longer ago than a week.
    assert!(!ok(d, &["history", "--since", "1w"]).contains("2026-10-01"));

    let csv = ok(d, &["history", "--csv"]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|row| !row.is_empty()).collect();
    assert_eq!(rows.len(), 4, "a header and a row per entry: {csv}");
    assert!(rows[0].starts_with("id,at,kind,location,variant,"), "{}", rows[0]);
    // Columns are only ever added at the end: a check-in's after the note.
    assert!(
        rows[0].ends_with(",rating,after,note,peg_pain,peg_enjoyment,peg_activity,activities,check_in_due"),
        "{}",
        rows[0]
    );
    assert!(rows[2].ends_with(",\"desk, \"\"quick\"\" one\",,,,,"), "quoted as RFC 4180: {}", rows[2]);
    let columns = rows[0].split(',').count();
    assert!(rows[1].split(',').count() == columns, "{}", rows[1]);

    let path = ok(d, &["history", "--path"]);
    assert_eq!(path, format!("{}\n", d.join("history").display()));
}

#[test]
fn unreadable_lines_are_reported_once_skipped_and_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", "pain", "5", "-l", "lower", "--at", "2026-11-02 08:00"]);
    let file = month_files(d).remove(0);
    let mut handle = std::fs::OpenOptions::new().append(true).open(&file).unwrap();
    handle.write_all(b"garbage in the middle\n").unwrap();
    drop(handle);
    ok(d, &["log", "pain", "4", "-l", "lower", "--at", "2026-11-03 08:00"]);
    std::fs::OpenOptions::new().append(true).open(&file).unwrap().write_all(b"{\"v\":1,\"id\":\"torn").unwrap();
    let before = std::fs::read(&file).unwrap();

    let listed = run(d, &["history", "--json"]);
    assert_eq!(listed.exit, Exit::Success);
    assert_eq!(listed.stdout.lines().count(), 2, "{}", listed.stdout);
    let problems: Vec<&str> = listed.stderr.lines().collect();
    assert_eq!(problems.len(), 2, "each once: {}", listed.stderr);
    assert!(problems[0].starts_with(&format!("backpain: {}:2: not a history entry (", file.display())), "{problems:?}");
    assert_eq!(
        problems[1],
        format!("backpain: {}:4: the last line is cut short (a write that did not finish); skipped", file.display())
    );

    let stats = run(d, &["stats", "--json"]);
    assert_eq!(stats.stderr.lines().count(), 2, "{}", stats.stderr);
    let value: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    assert_eq!(value["skipped_lines"], 2);
    assert_eq!(std::fs::read(&file).unwrap(), before, "reading never rewrites");

    // The next append starts on its own line: nothing is glued to the torn one.
    ok(d, &["log", "done", "-l", "lower", "--at", "2026-11-04 08:00"]);
    assert_eq!(run(d, &["history", "--json"]).stdout.lines().count(), 3);
}

#[test]
fn a_synced_copy_counts_each_entry_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", "done", "-l", "lower", "--at", "2026-11-02 08:00"]);
    ok(d, &["log", "done", "-l", "lower", "--at", "2026-11-03 08:00"]);
    let file = month_files(d).remove(0);
    std::fs::copy(&file, d.join("history/2026-11.sync-conflict-20261104-090000-XYZ.jsonl")).unwrap();
    assert_eq!(ok(d, &["history", "--json"]).lines().count(), 2);
    let value: serde_json::Value = serde_json::from_str(&ok(d, &["stats", "--json", "--weeks", "520"])).unwrap();
    assert_eq!(value["breaks"]["logged"], 2);
}

/// Issue 20: every sync tool's conflict-copy naming is read and merged by id, not only
/// Syncthing's (60 of 121 entries vanished when the others were skipped without a word).
#[test]
fn every_sync_tools_conflict_copy_is_read_and_merged_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", "done", "-l", "lower", "--at", "2026-11-02 08:00"]);
    let main = month_files(d).remove(0);
    let names = [
        "2026-11 (Ann's conflicted copy 2026-11-04).jsonl",
        "2026-11 (Ann's conflicted copy).jsonl",
        "2026-11 (conflicted copy 2026-11-04 090000).jsonl",
        "2026-11_conflict-20261104-090000.jsonl",
        "2026-11-LAPTOP.jsonl",
        "2026-11(1).jsonl",
        "2026-11 (SFConflict ann@example.com 2026-11-04-09-00-00).jsonl",
        "2026-11 2.jsonl",
        "2026-11.sync-conflict-20261104-090000-XYZ.jsonl",
    ];
    for (day, name) in names.iter().enumerate() {
        // Each copy holds the entry every copy shares, and one of its own.
        let own = tempfile::tempdir().unwrap();
        ok(own.path(), &["log", "pain", "2", "-l", "neck", "--at", &format!("2026-11-{:02} 09:00", day + 10)]);
        let mine = std::fs::read_to_string(month_files(own.path()).remove(0)).unwrap();
        let shared = std::fs::read_to_string(&main).unwrap();
        std::fs::write(d.join("history").join(name), format!("{shared}{mine}")).unwrap();
    }
    let listed = ok(d, &["history", "--json"]);
    assert_eq!(listed.lines().count(), 1 + names.len(), "one shared entry and one per copy:\n{listed}");
    let value: serde_json::Value = serde_json::from_str(&ok(d, &["stats", "--json", "--weeks", "520"])).unwrap();
    assert_eq!(value["breaks"]["logged"], 1);
}

/// The `stats --json` shape, pinned.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Stats {
    today: String,
    from: String,
    weeks: u32,
    location: Option<String>,
    breaks: Breaks,
    sessions: Sessions,
    streak: Streak,
    per_week: Vec<Week>,
    heatmap: Vec<HeatWeek>,
    pain: Vec<PainTrend>,
    pain_vs_breaks: PainVsBreaks,
    skipped_lines: usize,
    measures: Vec<serde_json::Value>,
    check_in: serde_json::Value,
    advice: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Breaks {
    reminded: u32,
    held_back: u32,
    taken: u32,
    done_on_notification: u32,
    logged: u32,
    snoozed: u32,
    expired: u32,
    after_snooze: AfterSnooze,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct AfterSnooze {
    shown: u32,
    done: u32,
    snoozed_again: u32,
    expired: u32,
    no_answer: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Sessions {
    count: u32,
    minutes: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Streak {
    current_days: u32,
    best_days: u32,
    rule: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Week {
    week: String,
    reminded: u32,
    taken: u32,
    sessions: u32,
    minutes: u64,
    pain: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct HeatWeek {
    week: String,
    days: Vec<Option<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PainTrend {
    location: String,
    weekly: Vec<Option<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PainVsBreaks {
    status: String,
    weeks_with_pain: usize,
    threshold: Option<u32>,
    many: Option<PainGroup>,
    few: Option<PainGroup>,
    observation: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PainGroup {
    weeks: usize,
    average_pain: f64,
}

/// A month of use, in whole weeks: the last two weeks 3 breaks a day and pain 2, the two
/// before 1 break a day and pain 6; this week so far 3 breaks a day and no pain rating.
/// Returns the days used, this week's included.
fn a_month_of_use(d: &Path) -> i64 {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let this_monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let first = this_monday - chrono::Duration::weeks(4);
    let mut day = first;
    while day < today {
        let weeks_back = ((this_monday - day).num_days() + 6).div_euclid(7);
        let (breaks, rating) = match weeks_back {
            0 => (3, None),
            1 | 2 => (3, Some("2")),
            _ => (1, Some("6")),
        };
        let date = day.format("%Y-%m-%d");
        for n in 0..breaks {
            ok(d, &["log", "done", "-l", "lower", "--micro", "--at", &format!("{date} 1{n}:00")]);
        }
        if let Some(rating) = rating.filter(|_| day.weekday() == chrono::Weekday::Wed) {
            ok(d, &["log", "pain", rating, "-l", "lower", "--at", &format!("{date} 09:00")]);
        }
        day += chrono::Duration::days(1);
    }
    (today - first).num_days()
}

#[test]
fn stats_show_breaks_streaks_the_heatmap_and_pain_in_one_screen_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let days = a_month_of_use(d);
    let this_week = days - 28;
    let stats: Stats = serde_json::from_str(&ok(d, &["stats", "--json"])).unwrap();
    assert_eq!(stats.weeks, 12);
    assert_eq!((stats.per_week.len(), stats.heatmap.len()), (12, 12));
    assert_eq!(stats.streak.current_days as i64, days, "every day up to yesterday; today is not over");
    assert_eq!(i64::from(stats.breaks.logged), 14 * 3 + 14 + this_week * 3);
    assert_eq!(stats.pain_vs_breaks.threshold, Some(21));
    assert_eq!(stats.pain.len(), 1);
    assert_eq!(stats.pain_vs_breaks.status, "compared", "{:?}", stats.pain_vs_breaks);
    let (many, few) = (stats.pain_vs_breaks.many.unwrap(), stats.pain_vs_breaks.few.unwrap());
    assert!(many.average_pain < few.average_pain, "the weeks with more breaks had less pain here");
    assert!(stats.pain_vs_breaks.observation.contains("An observation, not a cause"));

    let text = ok(d, &["stats"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() <= 50, "one screen: {} lines\n{text}", lines.len());
    assert!(text.contains(&format!("Streak        {days} days now, best {days}")), "{text}");
    assert!(text.contains(&format!("Breaks taken  {}", 56 + this_week * 3)), "{text}");
    assert!(text.contains("Weekly average pain"), "{text}");
    assert!(text.contains("An observation, not a cause"), "{text}");

    let four: Stats = serde_json::from_str(&ok(d, &["stats", "--json", "--weeks", "4", "--location", "neck"])).unwrap();
    assert_eq!((four.weeks, four.location.as_deref(), four.breaks.logged), (4, Some("neck"), 0));
    assert_eq!(four.pain_vs_breaks.status, "too_few_weeks");
}

#[test]
fn the_heatmap_is_unicode_blocks_or_ascii_under_lang_c() {
    let dir = tempfile::tempdir().unwrap();
    a_month_of_use(dir.path());
    let stats = |lang: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_backpain"))
            .args(["stats", "--data-dir"])
            .arg(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let unicode = stats("en_GB.UTF-8");
    assert!(unicode.contains('▓') && unicode.contains('▁'), "{unicode}");
    let ascii = stats("C");
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(ascii.contains("  Mon ") && ascii.contains('*'), "{ascii}");
}

#[test]
fn twenty_concurrent_log_processes_leave_twenty_whole_lines() {
    let dir = tempfile::tempdir().unwrap();
    let note = "x".repeat(400);
    let children: Vec<_> = (0..20)
        .map(|n| {
            Command::new(env!("CARGO_BIN_EXE_backpain"))
                .args(["log", "pain", &(n % 11).to_string(), "-l", "lower", "--note", &note, "--data-dir"])
                .arg(dir.path())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let files = month_files(dir.path());
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.ends_with('\n'));
    let lines: Vec<ManualLine> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 20);
    let mut ratings: Vec<u8> = lines.iter().filter_map(|line| line.rating).collect();
    ratings.sort_unstable();
    let mut expected: Vec<u8> = (0..20).map(|n| (n % 11) as u8).collect();
    expected.sort_unstable();
    assert_eq!(ratings, expected);
}

#[test]
fn the_config_file_names_the_data_dir_and_the_flag_wins() {
    let home = tempfile::tempdir().unwrap();
    let configured = home.path().join("synced");
    std::fs::create_dir_all(home.path().join("backpain")).unwrap();
    std::fs::write(
        home.path().join("backpain/config.toml"),
        format!("[history]\ndata-dir = \"{}\"\n", configured.display()),
    )
    .unwrap();
    let backpain = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_backpain"))
            .args(args)
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("default"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(backpain(&["history", "--path"]), format!("{}\n", configured.join("history").display()));
    let flag = home.path().join("flag");
    assert_eq!(
        backpain(&["history", "--path", "--data-dir", flag.to_str().unwrap()]),
        format!("{}\n", flag.join("history").display())
    );
    std::fs::remove_file(home.path().join("backpain/config.toml")).unwrap();
    assert_eq!(
        backpain(&["history", "--path"]),
        format!("{}\n", home.path().join("default/backpain/history").display())
    );
}

#[test]
fn a_printed_schedule_records_where_the_flag_says() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["remind", "--print-schedule", "cron", "--data-dir", "rel/data"])
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let cron = String::from_utf8(output.stdout).unwrap();
    let absolute = dir.path().join("rel/data");
    assert!(
        cron.contains(&format!("'--data-dir' '{}'", absolute.display())),
        "absolute, as cron has its own cwd:\n{cron}"
    );
}

#[test]
fn a_dry_run_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["remind", "--dry-run", "--count", "2", "--every", "1s", "--data-dir"])
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!dir.path().join("history").exists(), "nothing recorded");
    // Without --dry-run the same loop records both reminders (printed here: no desktop bus).
    let output = Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["remind", "--count", "2", "--every", "1s", "--data-dir"])
        .arg(dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-bus")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let listed = ok(dir.path(), &["history", "--json"]);
    let lines: Vec<serde_json::Value> = listed.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines.iter().all(|line| line["kind"] == "reminder" && line["delivered"] == "terminal"), "{listed}");
    assert!(lines[0]["reason"].as_str().is_some_and(|reason| reason.contains("D-Bus")), "{listed}");
}

/// Issue 20: a note (or a synced field) that a spreadsheet would run as a formula opens as text.
#[test]
fn csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["log", "done", "-l", "lower", "--note", "=HYPERLINK(\"http://example.invalid\",\"x\")"]);
    ok(dir.path(), &["log", "done", "-l", "lower", "--note=-2+3"]);
    let csv = ok(dir.path(), &["history", "--csv"]);
    assert!(csv.contains(r#","'=HYPERLINK(""http://example.invalid"",""x"")""#), "{csv}");
    assert!(csv.contains(r#","'-2+3""#), "{csv}");
    assert!(!csv.contains(",=") && !csv.contains(",-2"), "{csv}");
}

/// Issue 20: a `log` whose entry is written has done its work. A confirmation that cannot be
/// printed (a full disk on stdout) is a warning and exit 0, so a caller does not retry and
/// record it twice; `--id` makes a retry safe anyway: one id counts once.
#[test]
fn log_succeeds_once_recorded_and_an_id_makes_a_retry_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["log", "pain", "3", "-l", "lower", "--data-dir"])
        .arg(dir.path())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.starts_with("backpain: recorded in ") && stderr.contains("No space left"), "{stderr}");
    assert_eq!(ok(dir.path(), &["history", "--json"]).lines().filter(|line| line.contains("\"pain\"")).count(), 1);

    let id = "3F2B8C1E-5D4A-4B6F-9E21-7C0D8A1B2C3D";
    for _ in 0..3 {
        ok(dir.path(), &["log", "done", "-l", "neck", "--id", id]);
    }
    let history = ok(dir.path(), &["history"]);
    assert_eq!(history.lines().filter(|line| line.contains("neck")).count(), 1, "{history}");
    let err = refused(dir.path(), &["log", "done", "-l", "neck", "--id", "nope"], Exit::Usage);
    assert!(err.contains("`nope` is not a UUID"), "{err}");
}

/// Issue 20: a file in the history folder that looks like a month but is a directory, a FIFO
/// or a link to a device is named once on stderr and skipped: never fatal, never a hang (a FIFO
/// hung every reader; a directory stopped stats with a bare OS error).
#[cfg(unix)]
#[test]
fn a_month_file_that_is_not_a_file_is_named_once_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["log", "pain", "3", "-l", "lower", "--at", "2026-11-02 09:00"]);
    let history = dir.path().join("history");
    std::fs::create_dir(history.join("2026-10.jsonl")).unwrap();
    let fifo = history.join("2026-09.jsonl");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::os::unix::fs::symlink("/dev/zero", history.join("2026-08.jsonl")).unwrap();
    for command in [&["history"][..], &["stats"], &["history", "--csv"]] {
        let output = assert_cmd::Command::cargo_bin("backpain")
            .unwrap()
            .args(command)
            .arg("--data-dir")
            .arg(dir.path())
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{command:?}: {stderr}");
        for (name, kind) in
            [("2026-10.jsonl", "a directory"), ("2026-09.jsonl", "a FIFO"), ("2026-08.jsonl", "a device")]
        {
            let lines: Vec<&str> = stderr.lines().filter(|line| line.contains(name)).collect();
            assert_eq!(lines.len(), 1, "{command:?}: {name} named once: {stderr}");
            assert!(lines[0].contains(kind) && lines[0].ends_with("skipped"), "{command:?}: {stderr}");
        }
        if command == ["history"] {
            assert!(String::from_utf8_lossy(&output.stdout).contains("3/10"), "the good month is still read");
        }
    }
}

/// Issue 20: control characters never reach the terminal from data. `--note` refuses them, and
/// a hand-edited or synced file's fields are shown escaped (an OSC title change, a screen clear).
#[test]
fn control_characters_in_notes_are_refused_and_in_files_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let err = refused(dir.path(), &["log", "done", "-l", "lower", "--note", "ok\x1b]0;pwned\x07"], Exit::Usage);
    assert!(err.contains("an escape character (U+001B)"), "{err}");
    let err = refused(dir.path(), &["log", "done", "-l", "lower", "--note", "two\nlines"], Exit::Usage);
    assert!(err.contains("a newline (U+000A)"), "{err}");
    let history = dir.path().join("history");
    std::fs::create_dir_all(&history).unwrap();
    let line = r#"{"v":1,"id":"x1","at":"2026-11-02T09:00:00+00:00","kind":"break","location":"lower","note":"hi\u001b[2J\u001b]52;c;Zm9v\u0007there"}"#;
    std::fs::write(history.join("2026-11.jsonl"), format!("{line}\n")).unwrap();
    let shown = ok(dir.path(), &["history"]);
    assert!(!shown.contains('\x1b') && !shown.contains('\x07'), "{shown:?}");
    assert!(shown.contains(r"hi\u{1b}[2J\u{1b}]52;c;Zm9v\u{7}there"), "{shown}");
}

/// Issue 20: a write cut short (here by a file size limit, as a full disk does) leaves no
/// partial line: the file is cut back to where it ended, and log exits 1 with one line.
#[cfg(unix)]
#[test]
fn a_write_cut_short_leaves_no_partial_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", "pain", "3", "-l", "lower", "--note", &"x".repeat(400)]);
    ok(d, &["log", "pain", "3", "-l", "lower", "--note", &"y".repeat(300)]);
    let file = month_files(d).remove(0);
    let before = std::fs::read(&file).unwrap();
    assert!((900..1024).contains(&before.len()), "{}", before.len());
    // bash's ulimit -f is in 1024-byte blocks; SIGXFSZ ignored, so the write returns short.
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' log pain 4 -l lower --data-dir '{}'",
        env!("CARGO_BIN_EXE_backpain"),
        d.display()
    );
    let output = Command::new("bash").args(["-c", &script]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cut short") && stderr.contains(&file.display().to_string()), "{stderr}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "the file is as it was: no torn line");
    assert!(!ok(d, &["history"]).contains("4/10"));
}

/// Issue 20: one id with different content in two copies (edited on one machine) was resolved
/// silently by keeping one. Both are kept, and the conflict is said once, naming both files.
#[test]
fn one_id_with_two_contents_keeps_both_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["log", "pain", "3", "-l", "lower", "--at", "2026-11-02 08:00"]);
    let main = month_files(d).remove(0);
    let original = std::fs::read_to_string(&main).unwrap();
    let edited = original.replace("\"rating\":3", "\"rating\":6");
    assert_ne!(original, edited);
    let copy = d.join("history/2026-11 (conflicted copy 2026-11-04 090000).jsonl");
    std::fs::write(&copy, &edited).unwrap();
    std::fs::write(d.join("history/2026-11.sync-conflict-20261105-090000-XYZ.jsonl"), &edited).unwrap();
    let run = run(d, &["history"]);
    assert_eq!(run.exit, Exit::Success, "{}", run.stderr);
    assert!(run.stdout.contains("3/10") && run.stdout.contains("6/10"), "both kept:\n{}", run.stdout);
    assert_eq!(run.stdout.lines().count(), 2, "the second copy of the edit counts once:\n{}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "said once: {}", run.stderr);
    assert!(lines[0].contains("differs from the one in") && lines[0].contains("both are kept"), "{}", run.stderr);
}
