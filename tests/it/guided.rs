//! `routine --guided` without a terminal, through the real binary: plain lines or JSON lines,
//! no escape codes, one line per change, and a clean 130 on SIGTERM. The clock runs fast
//! (BACKPAIN_TEST_SPEED, a testing aid) so whole sessions take a fraction of a second.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use backpain::dataset::{self, Variant};
use backpain::guided::cues::cues;
use backpain::plan::Plan;
use serde::Deserialize;

use crate::common;

fn guided(args: &[&str], speed: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["routine", "--guided"])
        .args(args)
        .env("BACKPAIN_TEST_SPEED", speed)
        .env("XDG_DATA_HOME", common::data_home())
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn cue_count(location: &str, variant: Variant) -> usize {
    cues(&Plan::new(dataset::location(location).unwrap(), variant)).len()
}

#[test]
fn piped_sessions_print_one_plain_line_per_change_and_no_escape_codes() {
    for location in ["lower", "upper", "sciatic", "hip", "neck"] {
        let output = guided(&["--location", location, "--micro", "--color", "always"], "2000");
        assert!(output.status.success(), "{location}: {}", String::from_utf8_lossy(&output.stderr));
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(!text.contains('\x1b'), "{location}: escape codes in piped output");
        assert!(!text.contains('\x07'), "{location}: a bell in piped output");
        let timed: Vec<&str> = text.lines().filter(|line| line.starts_with('[')).collect();
        assert_eq!(timed.len(), cue_count(location, Variant::Micro) + 1, "{location}: one line per cue, then the end");
        assert!(timed.iter().all(|line| line.len() > 7 && line[1..].split_once("] ").is_some()), "{text}");
        assert!(timed[0].starts_with("[0:00] Drill 1 of "), "{}", timed[0]);
        assert!(timed.last().unwrap().contains("] Done: "), "{text}");
        assert!(text.contains("Stop and get medical help if:"), "red flags before the session");
        assert!(text.contains("Gentle tension, never sharp pain"), "the intensity rule before the session");
        let intro = text.find("Stop and get").unwrap();
        assert!(intro < text.find("[0:00]").unwrap());
    }
}

#[test]
fn the_sciatic_warning_comes_first() {
    let output = guided(&["--location", "sciatic", "--micro"], "2000");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("WARNING: Get advice before starting."), "{text}");
}

/// The `--guided --json` event shapes, pinned like tests/json.rs pins the reports.
#[derive(Debug, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
enum Event {
    Start {
        at: u64,
        routine: serde_json::Value,
    },
    Drill {
        at: u64,
        step: usize,
        steps: usize,
        id: String,
        name: String,
        position: String,
        dose: String,
        cues: Vec<String>,
        cautions: Vec<String>,
    },
    Position {
        at: u64,
        step: usize,
        seconds: u32,
    },
    Hold {
        at: u64,
        step: usize,
        set: u32,
        sets: u32,
        side: Option<String>,
        rep: u32,
        reps: u32,
        seconds: u32,
    },
    Reps {
        at: u64,
        step: usize,
        set: u32,
        sets: u32,
        side: Option<String>,
        reps: u32,
        rep_seconds: u32,
        seconds: u32,
    },
    SwitchSides {
        at: u64,
        step: usize,
        side: String,
    },
    Rest {
        at: u64,
        step: usize,
        next_set: u32,
        seconds: u32,
    },
    Paused {
        at: u64,
    },
    Resumed {
        at: u64,
    },
    Skipped {
        at: u64,
        step: usize,
        name: String,
    },
    End {
        at: u64,
        ending: String,
        steps: usize,
        done: usize,
        skipped: usize,
        stopped: usize,
        not_reached: usize,
        seconds: u64,
        paused_seconds: u64,
    },
}

#[test]
fn json_events_parse_one_per_line_from_start_to_end() {
    // 200 times wall speed, not 2000: in the one test binary other tests run beside this one, and
    // a few milliseconds a busy machine adds to a sleep would be seconds of session time.
    let output = guided(&["--location", "lower", "--micro", "--json", "--morning", "--minutes", "2"], "200");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let events: Vec<Event> =
        text.lines().map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"))).collect();
    let Event::Start { routine, .. } = &events[0] else { panic!("first: {:?}", events[0]) };
    assert_eq!(routine["location"], "lower");
    assert!(routine["total_seconds"].as_u64().unwrap() <= 120, "the budget applies to the session");
    assert!(!routine["adjustments"].as_array().unwrap().is_empty());
    let Event::End { ending, done, steps, seconds, .. } = events.last().unwrap() else { panic!("last") };
    assert_eq!((ending.as_str(), done), ("finished", steps));
    // At 200 times wall speed each sleep overshoots by a fraction of a session second.
    let planned = routine["total_seconds"].as_u64().unwrap();
    assert!((planned..=planned + planned / 10).contains(seconds), "the session lasts as planned: {seconds} s");
    let drills = events.iter().filter(|event| matches!(event, Event::Drill { .. })).count();
    assert_eq!(drills, *steps);
    let mut last_at = 0;
    for event in &events {
        let at = match event {
            Event::Drill { at, .. } | Event::Hold { at, .. } | Event::Reps { at, .. } | Event::End { at, .. } => *at,
            _ => last_at,
        };
        assert!(at >= last_at, "times only go forward");
        last_at = at;
    }
}

#[test]
fn sigterm_stops_a_piped_session_with_130_and_a_summary() {
    stop_a_piped_session_with("TERM");
}

#[test]
fn sigint_stops_a_piped_session_with_130_and_a_summary() {
    // Ctrl-C in the shell that pipes the session somewhere sends SIGINT, not a key.
    stop_a_piped_session_with("INT");
}

fn stop_a_piped_session_with(signal: &str) {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_backpain"))
        .args(["routine", "--location", "neck", "--micro", "--guided", "--data-dir"])
        .arg(data.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    // Wait until the session runs, then stop it.
    while !line.starts_with("[0:00] Hold") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "the session started");
    }
    // bash's own kill: /bin/kill comes with procps, which a fresh machine may not have.
    let killed = Command::new("bash").args(["-c", &format!("kill -{signal} {}", child.id())]).status().unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(output.status.code(), Some(130), "{rest}");
    assert!(rest.lines().last().unwrap_or("").contains("] Interrupted after 0:0"), "{rest}");
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "backpain: interrupted\n");
    // Stopped sessions are history too: what was under way is named.
    let lines = common::history_lines(&data.path().join("history"));
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!((lines[0]["ending"].as_str(), lines[0]["stopped"].as_str()), (Some("interrupted"), Some("chin-tuck")));
}

#[test]
fn a_piped_session_records_its_summary_in_the_history() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    // Slower than the other tests on purpose: this one is about the history, not timing, and
    // at 2000x it competes for the CPU with the timing checks that run beside it.
    let output = guided(&["--location", "lower", "--micro", "--data-dir", dir], "400");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines = common::history_lines(&data.path().join("history"));
    assert_eq!(lines.len(), 1, "one session, and no question when piped: {lines:?}");
    let session = &lines[0];
    assert_eq!(session["v"], 1);
    assert_eq!((session["kind"].as_str(), session["ending"].as_str()), (Some("session"), Some("finished")));
    assert_eq!((session["location"].as_str(), session["variant"].as_str()), (Some("lower"), Some("micro")));
    let plan = Plan::new(dataset::location("lower").unwrap(), Variant::Micro);
    let ids: Vec<&str> = plan.steps.iter().map(|step| step.drill.id).collect();
    assert_eq!(session["done"], serde_json::json!(ids));
    assert_eq!(session["steps"], ids.len());
    assert_eq!(session["planned_seconds"], plan.total_seconds());
    assert!(session["id"].as_str().is_some_and(|id| id.len() == 36), "{session}");
    assert!(session["at"].as_str().is_some_and(chrono_like), "{session}");
}

/// RFC 3339 to the second with an offset: 2026-12-01T09:30:00+01:00.
fn chrono_like(at: &str) -> bool {
    at.len() == 25 && at.as_bytes()[10] == b'T' && (at.as_bytes()[19] == b'+' || at.as_bytes()[19] == b'-')
}

#[test]
fn a_history_that_cannot_be_written_is_one_warning_and_the_session_still_plays() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("not-a-dir");
    std::fs::write(&file, "").unwrap();
    let output = guided(&["--location", "neck", "--micro", "--data-dir", file.to_str().unwrap()], "400");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("backpain: warning: not recorded in the history: cannot write to "), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("] Done: "), "the session played");
}
