//! `--minutes` and `--morning` checked against the dataset for every location and both
//! routines: what the user asked for is what the JSON (and so the table) shows.

use std::collections::HashSet;

use backpain::dataset::{self, Variant};
use backpain::platform::exit::Exit;
use serde_json::Value;

struct Outcome {
    exit: Exit,
    json: Value,
    stderr: String,
}

fn run_routine(location: &str, variant: Variant, extra: &[String]) -> Outcome {
    let env = backpain::Env::default();
    let mut args =
        vec!["backpain".to_string(), "routine".into(), "--location".into(), location.into(), "--json".into()];
    if variant == Variant::Micro {
        args.push("--micro".into());
    }
    args.extend(extra.iter().cloned());
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let exit = backpain::run(args, &env, &mut stdout, &mut stderr);
    let json = serde_json::from_slice(&stdout).unwrap_or(Value::Null);
    Outcome { exit, json, stderr: String::from_utf8(stderr).unwrap() }
}

fn ids(json: &Value) -> Vec<String> {
    json["steps"].as_array().unwrap().iter().map(|step| step["id"].as_str().unwrap().to_string()).collect()
}

/// The drill each dataset step becomes: itself, or its morning swap in morning mode.
fn expected_drill(step: &dataset::Step, morning: bool) -> &'static str {
    let drill = step.drill();
    match (morning && drill.spinal_flexion, drill.morning_swap) {
        (true, Some(swap)) => swap,
        _ => drill.id,
    }
}

fn is_subsequence(part: &[String], whole: &[&str]) -> bool {
    let mut whole = whole.iter();
    part.iter().all(|id| whole.any(|candidate| candidate == id))
}

#[test]
fn every_budget_fits_keeps_the_core_drills_and_the_order_or_names_the_minimum() {
    for location in dataset::dataset().locations {
        for variant in [Variant::Full, Variant::Micro] {
            for morning in [false, true] {
                let routine = location.routine(variant);
                let context = format!("{} {variant:?} morning={morning}", location.id);
                let flags = |minutes: u32| {
                    let mut flags = vec!["--minutes".to_string(), minutes.to_string()];
                    if morning {
                        flags.push("--morning".into());
                    }
                    flags
                };
                let order: Vec<&str> = routine.steps.iter().map(|step| expected_drill(step, morning)).collect();
                let core: HashSet<&str> = routine
                    .steps
                    .iter()
                    .filter(|step| step.priority == 1)
                    .map(|step| expected_drill(step, morning))
                    .collect();
                let priorities: Vec<u8> = routine.steps.iter().map(|step| step.priority).collect();
                let morning_flag = if morning { vec!["--morning".to_string()] } else { Vec::new() };
                let unbudgeted = run_routine(location.id, variant, &morning_flag);
                let mut minimum = None;
                for minutes in 1..=routine.total_seconds().div_ceil(60) + 1 {
                    let outcome = run_routine(location.id, variant, &flags(minutes));
                    if outcome.exit != Exit::Success {
                        assert_eq!(outcome.exit, Exit::Usage, "{context} --minutes {minutes}");
                        assert!(minimum.is_none(), "{context}: --minutes {minutes} fails after a smaller one fitted");
                        let stderr = &outcome.stderr;
                        assert_eq!(stderr.lines().count(), 1, "{context}: {stderr}");
                        assert!(stderr.contains(&format!("--minutes {minutes} is too short")), "{context}: {stderr}");
                        assert!(stderr.contains("the minimum is --minutes "), "{context}: {stderr}");
                        continue;
                    }
                    minimum.get_or_insert(minutes);
                    let json = &outcome.json;
                    let total = json["total_seconds"].as_u64().unwrap();
                    assert!(total <= u64::from(minutes) * 60, "{context}: {total} s in a {minutes} min budget");
                    let steps = ids(json);
                    for id in &core {
                        assert!(
                            steps.iter().any(|step| step == id),
                            "{context} --minutes {minutes}: core drill {id} kept"
                        );
                    }
                    assert!(is_subsequence(&steps, &order), "{context} --minutes {minutes}: order kept: {steps:?}");
                    let adjustments = json["adjustments"].as_array().unwrap();
                    let budget_line = format!("Time budget {minutes} min");
                    assert!(
                        adjustments.iter().any(|line| line.as_str().unwrap().starts_with(&budget_line)),
                        "{context}: {adjustments:?}"
                    );
                    if morning {
                        assert!(
                            steps.iter().all(|id| !dataset::drill(id).unwrap().spinal_flexion),
                            "{context}: a bending drill in morning mode: {steps:?}"
                        );
                    }
                    for step in json["steps"].as_array().unwrap() {
                        let dose = &step["dose"];
                        assert!(
                            dose["sets"].as_u64().unwrap() >= 1 && dose["reps"].as_u64().unwrap() >= 1,
                            "{context}"
                        );
                    }
                    let context = format!("{context} --minutes {minutes}");
                    assert_the_budget_rule_was_followed(&context, json, &unbudgeted.json, &priorities);
                }
                // The error's minimum is the smallest budget that works.
                let minimum = minimum.unwrap_or_else(|| panic!("{context}: no budget fitted"));
                if minimum > 1 {
                    let outcome = run_routine(location.id, variant, &flags(minimum - 1));
                    assert!(
                        outcome.stderr.contains(&format!("the minimum is --minutes {minimum}")),
                        "{context}: {}",
                        outcome.stderr
                    );
                }
                // A budget the routine fits in changes nothing but says so.
                let roomy = run_routine(location.id, variant, &flags(240));
                assert_eq!(ids(&roomy.json), ids(&unbudgeted.json), "{context}");
                assert_eq!(roomy.json["total_seconds"], unbudgeted.json["total_seconds"], "{context}");
            }
        }
    }
}

/// The README's rule, checked on the result: drop priority 3 (last first), then priority 2, then
/// sets (last drill first), then reps, never below half of each drill's own dose (rounded up),
/// taken from the drill with the most to spare, the later drill on a tie.
fn assert_the_budget_rule_was_followed(context: &str, fitted: &Value, original: &Value, priorities: &[u8]) {
    let dose = |step: &Value, field: &str| step["dose"][field].as_u64().unwrap();
    let original: Vec<&Value> = original["steps"].as_array().unwrap().iter().collect();
    assert_eq!(original.len(), priorities.len(), "{context}");
    // Where each kept step sits in the unbudgeted plan.
    let mut position = 0;
    let kept: Vec<(usize, &Value)> = fitted["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| {
            while original[position]["id"] != step["id"] {
                position += 1;
            }
            position += 1;
            (position - 1, step)
        })
        .collect();
    let is_kept = |index: usize| kept.iter().any(|(kept_index, _)| *kept_index == index);
    let dropped =
        |priority: u8| (0..original.len()).filter(move |&index| priorities[index] == priority && !is_kept(index));
    let all_dropped = |priority: u8| (0..original.len()).all(|index| priorities[index] != priority || !is_kept(index));
    // Drops: the last of a priority first, and priority 2 only once priority 3 is gone.
    for priority in [2, 3] {
        if let Some(first) = dropped(priority).min() {
            let later = (first..original.len()).filter(|&index| priorities[index] == priority);
            assert!(later.clone().all(|index| !is_kept(index)), "{context}: priority {priority} dropped last first");
        }
    }
    if dropped(2).next().is_some() {
        assert!(all_dropped(3), "{context}: priority 2 dropped while priority 3 was kept");
    }
    let sets_cut = kept.iter().any(|(index, step)| dose(step, "sets") < dose(original[*index], "sets"));
    let reps_cut = kept.iter().any(|(index, step)| dose(step, "reps") < dose(original[*index], "reps"));
    if sets_cut || reps_cut {
        assert!(all_dropped(2) && all_dropped(3), "{context}: sets or reps cut before every droppable drill went");
    }
    if sets_cut {
        // The last drill first: a cut drill still above one set has only one-set drills after it.
        for (place, (index, step)) in kept.iter().enumerate() {
            if dose(step, "sets") < dose(original[*index], "sets") && dose(step, "sets") > 1 {
                assert!(kept[place + 1..].iter().all(|(_, later)| dose(later, "sets") == 1), "{context}: sets order");
            }
        }
    }
    if reps_cut {
        assert!(kept.iter().all(|(_, step)| dose(step, "sets") == 1), "{context}: reps cut before sets");
    }
    let spare: Vec<(u64, bool)> = kept
        .iter()
        .map(|(index, step)| {
            let (reps, from) = (dose(step, "reps"), dose(original[*index], "reps"));
            let floor = from.div_ceil(2).max(1);
            assert!(reps >= floor, "{context}: {} cut to {reps} reps, below half of {from}", step["id"]);
            (reps - floor, reps < from)
        })
        .collect();
    // The most to spare first, the later drill on a tie: every cut drill ends within one rep of
    // the most any drill has left, and the ones one below are all after the ones left at the most.
    let most = spare.iter().map(|(spare, _)| *spare).max().unwrap_or(0);
    for (place, &(left, cut)) in spare.iter().enumerate() {
        if !cut {
            continue;
        }
        assert!(left + 1 >= most, "{context}: a drill cut to {left} spare reps while another keeps {most}");
        if left + 1 == most {
            assert!(
                spare[place + 1..].iter().all(|(later, _)| *later != most),
                "{context}: an earlier drill cut while a later one kept {most} spare reps"
            );
        }
    }
}

#[test]
fn morning_mode_swaps_every_bending_drill_and_says_why_with_the_evidence() {
    let caution = dataset::rule("morning").unwrap();
    for location in dataset::dataset().locations {
        for variant in [Variant::Full, Variant::Micro] {
            let context = format!("{} {variant:?}", location.id);
            let routine = location.routine(variant);
            let outcome = run_routine(location.id, variant, &["--morning".to_string()]);
            assert_eq!(outcome.exit, Exit::Success, "{context}: {}", outcome.stderr);
            let json = &outcome.json;
            let steps = ids(json);
            let expected: Vec<&str> = routine.steps.iter().map(|step| expected_drill(step, true)).collect();
            assert_eq!(steps, expected, "{context}: each bending drill replaced in place by its swap");
            assert!(json["total_seconds"].as_u64().unwrap() <= u64::from(routine.total_seconds()), "{context}");
            let adjustments: Vec<&str> =
                json["adjustments"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
            assert!(adjustments[0].starts_with("Morning mode (--morning)"), "{context}: {adjustments:?}");
            let evidence = format!("The morning caution is {}: ", caution.evidence.status.label());
            assert!(adjustments[1].starts_with(&evidence), "{context}: evidence status named: {adjustments:?}");
            let bending = routine.steps.iter().filter(|step| step.drill().spinal_flexion).count();
            assert_eq!(adjustments.len(), 2 + bending.max(1), "{context}: one line per swap: {adjustments:?}");
            let rules: Vec<&str> =
                json["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
            assert_eq!(rules, ["not-today", "intensity", "morning"], "{context}");
            if variant == Variant::Micro {
                assert!(
                    steps.iter().all(|id| dataset::drill(id).unwrap().desk_friendly),
                    "{context}: still a desk break"
                );
            }
        }
    }
}

#[test]
fn the_table_lists_what_was_changed_above_the_drills() {
    let bin = env!("CARGO_BIN_EXE_backpain");
    let output = std::process::Command::new(bin)
        .args(["routine", "--location", "lower", "--minutes", "5", "--morning"])
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let morning = text.find("* Morning mode (--morning)").expect("morning line");
    let budget = text.find("* Time budget 5 min").expect("budget line");
    let first_drill = text.find("│ 1 ").expect("drills");
    assert!(morning < budget && budget < first_drill, "{text}");
    assert!(text.contains("partly supported"));
    let drills = &text[first_drill..];
    assert!(drills.contains("Seated figure-4"), "knee-to-chest's morning swap is done instead:\n{text}");
    assert!(!drills.contains("Knee-to-chest"), "knee-to-chest bends the low back:\n{text}");
}

#[test]
fn a_bad_budget_or_wake_time_is_a_one_line_usage_error() {
    let bin = env!("CARGO_BIN_EXE_backpain");
    for args in [
        &["routine", "--location", "lower", "--minutes", "1"][..],
        &["routine", "--location", "lower", "--minutes", "0"],
        &["routine", "--location", "lower", "--minutes", "241"],
        &["routine", "--location", "lower", "--wake-time", "25:00"],
        &["routine", "--location", "lower", "--wake-time", "7"],
        &["routine", "--location", "lower", "--quiet"],
    ] {
        let output = std::process::Command::new(bin).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("backpain: "), "{stderr}");
        assert!(output.stdout.is_empty());
    }
    let output = std::process::Command::new(bin).args(["routine", "-l", "lower", "--minutes", "1"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("the minimum is --minutes "), "{stderr}");
}

#[test]
fn a_wake_time_turns_morning_mode_on_only_within_two_hours() {
    // "now" comes from the clock here, so pick wake times relative to it.
    let now = chrono::Local::now().time();
    // NaiveTime arithmetic wraps around midnight, as a wake time does.
    let at = |minutes_before: i64| (now - chrono::TimeDelta::minutes(minutes_before)).format("%H:%M").to_string();
    let adjustments = |wake: String| {
        let outcome = run_routine("lower", Variant::Full, &["--wake-time".to_string(), wake]);
        assert_eq!(outcome.exit, Exit::Success, "{}", outcome.stderr);
        outcome.json["adjustments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let recent = adjustments(at(30));
    assert!(recent[0].starts_with("Morning mode (you woke at "), "{recent:?}");
    assert!(adjustments(at(180)).is_empty(), "three hours after waking, no morning mode");
}

#[test]
fn the_config_files_wake_time_turns_morning_mode_on_and_a_bad_file_is_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("backpain");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    let woke = (chrono::Local::now().time() - chrono::TimeDelta::minutes(20)).format("%H:%M").to_string();
    std::fs::write(&file, format!("[routine]\nwake_time = \"{woke}\"\n")).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(&bin)
            .args(["routine", "--location", "lower", "--json"])
            .args(args)
            .env("XDG_CONFIG_HOME", home.path())
            .output()
            .unwrap()
    };
    let output = run(&[]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = json["adjustments"][0].as_str().unwrap_or_default();
    assert!(first.starts_with(&format!("Morning mode (you woke at {woke}")), "{first}");
    assert!(json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|step| { !backpain::dataset::drill(step["id"].as_str().unwrap()).unwrap().spinal_flexion }));

    // --wake-time wins over the file's: five hours ago, morning mode is off.
    let long_ago = (chrono::Local::now().time() - chrono::TimeDelta::hours(5)).format("%H:%M").to_string();
    let output = run(&["--wake-time", &long_ago]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["adjustments"], serde_json::json!([]), "the flag's wake time, not the file's");

    let broken = "[routine]\nwake_time = \"7 o'clock\"\n";
    std::fs::write(&file, broken).unwrap();
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("config.toml:2:"), "names the file and line: {stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken, "the file is left as the user wrote it");
    // The command line wins over the file, but does not hide that the file is broken.
    for flags in [&["--wake-time", "03:00"][..], &["--morning"]] {
        let output = run(flags);
        assert_eq!(output.status.code(), Some(2), "{flags:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("config.toml:2:"), "{flags:?}");
    }
}
