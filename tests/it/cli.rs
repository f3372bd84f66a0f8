//! The binary as a user meets it: every subcommand in table and JSON form, golden output,
//! bad input, closed pipes and colour.

use std::io::{self, Write};

use predicates::prelude::*;

use crate::common::backpain;

use crate::common;

fn stdout_of(args: &[&str]) -> String {
    let output = backpain().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{args:?} wrote to stderr");
    String::from_utf8(output.stdout).unwrap()
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&stdout_of(&args)).unwrap_or_else(|err| panic!("{args:?}: not JSON: {err}"))
}

/// Every subcommand that prints a report, in the forms a user types.
const REPORTS: &[&[&str]] = &[
    &["myths"],
    &["myths", "--id", "morning-stretch"],
    &["route"],
    &["route", "--location", "lower"],
    &["route", "--location", "sciatic"],
    &["routine", "--location", "lower"],
    &["routine", "--location", "neck", "--micro"],
    &["drills"],
    &["drills", "--id", "cat-cow"],
    &["sources"],
    &["faq"],
];

#[test]
fn every_report_prints_a_table_within_80_columns() {
    for args in REPORTS {
        let text = stdout_of(args);
        assert!(text.lines().count() > 3, "{args:?}: too short:\n{text}");
        for line in text.lines() {
            // A web address longer than the width stays whole on a line of its own, so that it
            // can be clicked or copied; everything else fits.
            let whole_url = line.trim_start().starts_with("http") && !line.trim().contains(' ');
            assert!(line.chars().count() <= 80 || whole_url, "{args:?}: line wider than 80 columns:\n{line}");
        }
        assert!(!text.contains('\x1b'), "{args:?}: escape codes in piped output");
    }
}

#[test]
fn tables_wrap_to_the_given_width() {
    let wide = backpain().args(["routine", "--location", "lower"]).env("COLUMNS", "140").output().unwrap();
    let wide = String::from_utf8(wide.stdout).unwrap();
    assert!(wide.lines().any(|line| line.chars().count() > 100), "a 140-column terminal gets wider tables");
    assert!(wide.lines().all(|line| line.chars().count() <= 140));
}

#[test]
fn every_report_has_a_json_form() {
    for args in REPORTS {
        let value = json_of(args);
        assert!(value.is_array() || value.is_object(), "{args:?}");
    }
}

/// What every command that prints for people prints, as a person reads it: a change to any
/// of it shows up here as a diff to check (issue 19). `BACKPAIN_BLESS=1` rewrites the files
/// after an intended change.
/// A golden case: its file's name, the arguments and the environment.
type Golden = (&'static str, &'static [&'static str], &'static [(&'static str, &'static str)]);

const GOLDEN: [Golden; 13] = [
    ("route-lower", &["route", "--location", "lower"], &[]),
    ("myths", &["myths"], &[]),
    ("myths-ascii", &["myths"], &[("LANG", "C")]),
    ("routine-lower", &["routine", "lower"], &[]),
    ("routine-neck-micro", &["routine", "neck", "--micro"], &[]),
    ("routine-sciatic-pregnancy-5min", &["routine", "sciatic", "--condition", "pregnancy", "--minutes", "5"], &[]),
    ("routine-upper-morning-ascii", &["routine", "upper", "--morning"], &[("LANG", "C")]),
    ("drills", &["drills"], &[]),
    ("drills-cat-cow", &["drills", "--id", "cat-cow"], &[]),
    ("sources", &["sources"], &[]),
    ("faq", &["faq"], &[]),
    ("history", &["history", "--data-dir", "tests/golden/data"], &[("TZ", "UTC")]),
    ("history-csv", &["history", "--csv", "--data-dir", "tests/golden/data"], &[("TZ", "UTC")]),
];

#[test]
fn what_each_command_prints_matches_its_golden_file() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut changed = Vec::new();
    for (name, args, env) in GOLDEN {
        let output = backpain().current_dir(root).args(args).envs(env.iter().copied()).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        let actual = String::from_utf8(output.stdout).unwrap();
        let path = format!("{root}/tests/golden/{name}.txt");
        if std::env::var_os("BACKPAIN_BLESS").is_some() {
            std::fs::write(&path, &actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("no {path}: bless it"));
        if actual != expected {
            changed.push(format!("{name} ({})", args.join(" ")));
        }
    }
    assert!(changed.is_empty(), "output changed: {changed:?}; check it and rerun with BACKPAIN_BLESS=1");
}

#[test]
fn route_by_alias_gives_the_pain_type_code() {
    assert_eq!(json_of(&["route", "--location", "lumbar"])["code"], "A");
    assert_eq!(json_of(&["route", "-l", "CERVICAL"])["location"], "neck");
    assert_eq!(json_of(&["route", "--location", "d"])["location"], "hip");
}

#[test]
fn route_shows_red_flags_cause_status_routine_and_next_command() {
    let text = stdout_of(&["route", "--location", "lower"]);
    assert!(text.contains("Pain type A: Lower back"));
    assert!(text.contains("hypothesis"), "the cause's evidence status is shown");
    assert!(text.contains("Stop and get medical help"));
    assert!(text.contains("emergency"));
    assert!(text.contains("Next: backpain routine --location lower"));
    assert!(text.contains("not medical advice") || text.contains("Not medical advice"));
}

#[test]
fn sciatic_shows_the_medical_warning_first() {
    let text = stdout_of(&["routine", "--location", "sciatic"]);
    let warning = text.find("WARNING").expect("warning shown");
    let first_drill = text.find("│ 1 ").expect("steps shown");
    assert!(warning < first_drill, "the warning comes before the drills");
    assert!(text.to_lowercase().contains("bladder"));
}

#[test]
fn routine_shows_intensity_rule_morning_caution_and_red_flags() {
    let full = stdout_of(&["routine", "--location", "lower"]);
    assert!(full.contains("partly supported"));
    assert!(full.contains("The guide says"), "the guide's 6-7/10 is shown as the guide's claim");
    assert!(full.contains("Stop and get medical help"));
    let json = json_of(&["routine", "--location", "lower"]);
    let rules: Vec<_> = json["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(rules.contains(&"intensity"));
    assert_eq!(
        rules.contains(&"morning"),
        json["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| { backpain::dataset::drill(s["id"].as_str().unwrap()).unwrap().spinal_flexion })
    );
}

#[test]
fn micro_routines_take_two_to_three_minutes() {
    for location in ["lower", "upper", "sciatic", "hip", "neck"] {
        let json = json_of(&["routine", "--location", location, "--micro"]);
        assert_eq!(json["variant"], "micro");
        let seconds = json["total_seconds"].as_u64().unwrap();
        assert!((120..=180).contains(&seconds), "{location}: {seconds}");
    }
}

#[test]
fn myths_show_the_guides_figure_as_not_found() {
    let text = stdout_of(&["myths", "--id", "all-the-same"]);
    assert!(text.contains("Guide says"));
    assert!(text.contains("58"));
    assert!(text.contains("not found"));
    let json = json_of(&["myths"]);
    assert_eq!(json[0]["guide_claim"]["evidence"]["status"], "not_found");
}

#[test]
fn unknown_location_is_one_line_with_a_suggestion_and_exit_2() {
    let output = backpain().args(["route", "--location", "lumbr"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("backpain: "), "{stderr}");
    assert!(stderr.contains("did you mean `lumbar`?"), "{stderr}");
    for id in ["lower", "upper", "sciatic", "hip", "neck"] {
        assert!(stderr.contains(id), "valid values listed: {stderr}");
    }
}

#[test]
fn unknown_myth_and_drill_ids_suggest_the_nearest() {
    backpain().args(["myths", "--id", "morning"]).assert().code(2).stderr(
        predicate::str::contains("did you mean `morning-stretch`?").and(predicate::str::contains("all-the-same")),
    );
    backpain().args(["drills", "--id", "cat-cw"]).assert().code(2).stderr(predicate::str::contains("`cat-cow`"));
}

#[test]
fn a_far_miss_lists_values_without_a_wild_guess() {
    let output = backpain().args(["routine", "--location", "elbow"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("did you mean"), "{stderr}");
    assert!(stderr.contains("valid: lower, upper, sciatic, hip, neck"), "{stderr}");
}

#[test]
fn command_line_mistakes_are_one_line_usage_errors() {
    for args in [&["rout"][..], &["route", "--locaton", "lower"], &["routine"], &["--color", "blue", "faq"]] {
        let output = backpain().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("backpain: "), "{args:?}: {stderr}");
    }
    backpain().arg("rout").assert().stderr(predicate::str::contains("'route'"));
}

#[test]
fn no_arguments_prints_help_to_stderr_as_a_usage_error() {
    let output = backpain().output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("Usage: backpain") && stderr.contains("route"), "{stderr}");
}

#[test]
fn help_shows_examples_and_exit_codes() {
    backpain()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("130 interrupted")));
    backpain()
        .args(["route", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("backpain route --location lower"));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let colored = backpain().args(["--color", "always", "myths"]).output().unwrap();
    assert!(colored.stdout.contains(&b'\x1b'), "--color always colours even in a pipe");
    let never = backpain().args(["myths", "--color", "never"]).output().unwrap();
    assert!(!never.stdout.contains(&b'\x1b'));
    // auto in a pipe: no colour; NO_COLOR does not override an explicit --color always.
    let forced = backpain().args(["--color", "always", "faq"]).env("NO_COLOR", "1").output().unwrap();
    assert!(forced.stdout.contains(&b'\x1b'));
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let env = backpain::Env { stdout_is_terminal: true, no_color: false, ..backpain::Env::default() };
    assert!(env.theme(backpain::cli::ColorWhen::Auto).color);
    let env = backpain::Env { no_color: true, ..env };
    assert!(!env.theme(backpain::cli::ColorWhen::Auto).color);
    assert!(env.theme(backpain::cli::ColorWhen::Always).color);
}

/// A reader that takes the first line and then goes away, as `head -1` does.
struct HeadOne {
    taken: Vec<u8>,
}

impl Write for HeadOne {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.taken.contains(&b'\n') {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        let end = buf.iter().position(|&b| b == b'\n').map_or(buf.len(), |i| i + 1);
        self.taken.extend_from_slice(&buf[..end]);
        Ok(end)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_is_a_quiet_success_for_every_subcommand() {
    let env = backpain::Env::default();
    let mut all: Vec<Vec<&str>> = REPORTS.iter().map(|args| args.to_vec()).collect();
    all.extend(REPORTS.iter().map(|args| [*args, &["--json"][..]].concat()));
    all.push(vec!["--help"]);
    all.push(vec!["completions", "bash"]);
    for args in all {
        let mut stdout = HeadOne { taken: Vec::new() };
        let mut stderr = Vec::new();
        let argv = std::iter::once("backpain").chain(args.iter().copied());
        let exit = backpain::run(argv, &env, &mut stdout, &mut stderr);
        assert_eq!(exit, backpain::platform::exit::Exit::Success, "{args:?}");
        assert!(stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&stderr));
        assert_eq!(stdout.taken.iter().filter(|&&b| b == b'\n').count(), 1, "{args:?}");
    }
}

#[test]
fn piping_into_head_exits_quietly() {
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    for args in ["myths", "route --location lower", "routine --location lower --json", "drills", "faq", "sources"] {
        let script = format!("set -o pipefail; '{}' {args} | head -1", bin.display());
        let output = std::process::Command::new("bash").args(["-c", &script]).output().unwrap();
        assert!(output.status.success(), "{args}: {:?}", output.status);
        assert!(output.stderr.is_empty(), "{args}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);
    }
}

#[test]
fn completions_print_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        backpain().args(["completions", shell]).assert().success().stdout(predicate::str::contains("backpain"));
    }
}

#[test]
fn man_writes_pages_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("man1");
    let output = backpain().arg("man").arg(&target).output().unwrap();
    assert!(output.status.success());
    assert!(target.join("backpain.1").is_file());
    assert!(target.join("backpain-route.1").is_file());
    // Issue 19: success was silence; it says how many pages, where, and how to read one.
    let pages = std::fs::read_dir(&target).unwrap().count();
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(said.starts_with(&format!("Wrote {pages} man pages into {}", target.display())), "{said}");
    assert!(said.contains("backpain.1"), "{said}");
}

/// Runs the binary with stdout on a real pseudo-terminal (util-linux `script`), so `--color
/// auto` sees a terminal as it does for a person.
fn on_a_terminal(args: &str, no_color: Option<&str>) -> Option<Vec<u8>> {
    if !common::require_tools(&["script"], "the terminal colour test") {
        return None;
    }
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("'{}' {args}", bin.display()), "/dev/null"]).env_remove("NO_COLOR").env("COLUMNS", "80");
    if let Some(value) = no_color {
        cmd.env("NO_COLOR", value);
    }
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{args}: {:?}", output.status);
    Some(output.stdout)
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let Some(colored) = on_a_terminal("myths --id morning-stretch", None) else { return };
    assert!(colored.windows(2).any(|w| w == b"\x1b["), "colour on a terminal");
    let plain = on_a_terminal("myths --id morning-stretch", Some("1")).unwrap();
    assert!(!plain.contains(&b'\x1b'), "NO_COLOR=1 turns colour off");
    assert!(String::from_utf8_lossy(&plain).contains("Stretch first thing in the morning"));
    let empty = on_a_terminal("myths --id morning-stretch", Some("")).unwrap();
    assert!(empty.windows(2).any(|w| w == b"\x1b["), "an empty NO_COLOR does not count");
    let never = on_a_terminal("--color never myths --id morning-stretch", None).unwrap();
    assert!(!never.contains(&b'\x1b'));
}

fn usage_error(args: &[&str]) -> String {
    let output = backpain().args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{args:?} is a usage error");
    assert!(output.stdout.is_empty(), "{args:?} printed to stdout");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{args:?}: one line:\n{stderr}");
    assert!(stderr.starts_with("backpain: "), "{stderr}");
    stderr
}

/// What a new user types first: the location as a word, or in their own words.
#[test]
fn the_location_can_be_typed_as_a_word_or_a_phrase() {
    assert_eq!(stdout_of(&["route", "lower"]), stdout_of(&["route", "--location", "lower"]));
    assert_eq!(stdout_of(&["routine", "neck"]), stdout_of(&["routine", "--location", "neck"]));
    assert_eq!(stdout_of(&["routine", "neck", "--micro"]), stdout_of(&["routine", "--location", "neck", "--micro"]));
    for (words, code) in [
        (&["hip", "pain"][..], "D"),
        (&["low back pain"], "A"),
        (&["lower", "back"], "A"),
        (&["upper", "back"], "B"),
        (&["pain", "in", "my", "neck"], "E"),
        (&["sciatica"], "C"),
    ] {
        let mut args = vec!["route"];
        args.extend_from_slice(words);
        let json = json_of(&args);
        assert_eq!(json["code"], code, "{words:?}");
    }
    let back = usage_error(&["route", "back"]);
    assert!(back.contains("which part of the back?") && back.contains("`lower`") && back.contains("`upper`"), "{back}");
    assert!(back.trim_end().ends_with("see 'backpain route --help'"), "{back}");
    let typo = usage_error(&["routine", "lumbr"]);
    assert!(typo.contains("did you mean `lumbar`?") && typo.contains("see 'backpain routine --help'"), "{typo}");
}

/// A mistake in a subcommand points to that subcommand's help, where the right spelling is.
#[test]
fn an_error_in_a_subcommand_points_to_its_help() {
    let err = usage_error(&["routine", "--location", "lumbr"]);
    assert!(err.trim_end().ends_with("see 'backpain routine --help'"), "{err}");
    let err = usage_error(&["route", "--lcation", "lower"]);
    assert!(err.trim_end().ends_with("see 'backpain route --help'"), "{err}");
    let err = usage_error(&["remind", "--every", "1.5h"]);
    assert!(err.contains("decimals are not accepted") && err.contains("`1h30m`"), "{err}");
    assert!(err.trim_end().ends_with("see 'backpain remind --help'"), "{err}");
    let err = usage_error(&["routine", "--micro"]);
    assert!(err.contains("`backpain routine lower`") && err.contains("valid: lower, upper"), "{err}");
    assert!(err.trim_end().ends_with("see 'backpain routine --help'"), "{err}");
    let err = usage_error(&["rout"]);
    assert!(err.trim_end().ends_with("see 'backpain --help'"), "{err}");
    // Issue 20: `backpain log` alone printed 25 lines of help; it is one line like the rest.
    let err = usage_error(&["log"]);
    assert_eq!(
        err.trim_end(),
        "backpain: `backpain log` needs one of: pain, done, check-in; see 'backpain log --help'"
    );
    // A nested subcommand's mistake points to its own help, where the range is.
    let err = usage_error(&["log", "pain", "11", "--location", "lower"]);
    assert!(
        err.contains("use 0 (no pain) to 10") && err.trim_end().ends_with("see 'backpain log pain --help'"),
        "{err}"
    );
    // clap's tip is a clause of the line, not glued on after "found".
    let err = usage_error(&["routine", "--locaton", "neck"]);
    assert!(err.contains("unexpected argument '--locaton' found; a similar argument exists: '--location';"), "{err}");
}

/// Issue 11.4: a 2-minute break fits an 80 × 24 screen without a pager, and still shows every
/// precaution of each drill and every emergency red flag in full.
#[test]
fn a_micro_routine_fits_80_by_24_with_every_caution_and_emergency_flag() {
    for location in ["lower", "upper", "sciatic", "hip", "neck"] {
        for region in [None, Some("uk")] {
            let mut args = vec!["routine", location, "--micro"];
            args.extend(region.iter().flat_map(|region| ["--region", *region]));
            let text = stdout_of(&args);
            assert!(text.lines().count() <= 24, "{args:?}: {} lines:\n{text}", text.lines().count());
            assert!(text.lines().all(|line| line.chars().count() <= 80), "{args:?}:\n{text}");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let json = json_of(&args);
            for step in json["steps"].as_array().unwrap() {
                assert!(flat.contains(step["name"].as_str().unwrap()), "{args:?}: {}", step["name"]);
                assert!(
                    flat.contains(step["dose"]["text"].as_str().unwrap()),
                    "{args:?}: the dose of {}",
                    step["name"]
                );
                for caution in step["cautions"].as_array().unwrap() {
                    let caution = caution.as_str().unwrap();
                    // The conditions that rule a drill out are one line; the morning caution is
                    // said once, on the line that names every drill that bends the low back.
                    let shown = caution.split(" (").next().unwrap();
                    let shown = if shown.starts_with("Bends the low back") {
                        "bend the low back, so not in the first ~2 h after rising"
                    } else {
                        shown
                    };
                    assert!(flat.contains(shown), "{args:?}: {} lost the caution {caution:?}:\n{text}", step["name"]);
                }
            }
            for flag in json["red_flags"].as_array().unwrap().iter().filter(|flag| flag["urgency"] == "emergency") {
                let flag = flag["text"].as_str().unwrap();
                assert!(flat.contains(flag), "{args:?}: emergency flag {flag:?} missing:\n{text}");
            }
            let pointer = format!("backpain route --location {location}");
            assert!(
                text.lines().any(|line| line.contains(&pointer)),
                "{args:?}: one whole line points to {pointer}:\n{text}"
            );
        }
    }
}

/// Issue 11.4: the full routine says the morning caution once, lists sources on one line (not
/// in the drill column), shows each morning swap, and ends with the next commands to run.
#[test]
fn the_full_routine_says_the_morning_caution_once_and_what_to_run_next() {
    let text = stdout_of(&["routine", "lower"]);
    assert_eq!(text.matches("Bends the low back: skip it").count(), 0, "{text}");
    assert_eq!(text.matches("bend the low back").count(), 1, "the morning caution once:\n{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Cat-cow -> All-fours rotation"), "the swap is shown:\n{text}");
    assert!(!text.contains("┆ ["), "no citation ids in the drill column:\n{text}");
    // The drills' own sources on one line; Snook 1998 is the morning rule's, shown with it.
    assert!(flat.contains("Sources: acsm-2021,"), "{text}");
    assert!(text.contains("(partly supported: snook-1998,"), "{text}");
    for next in ["--guided", "--micro", "--morning", "--minutes"] {
        assert!(
            text.lines().any(|line| line.trim_start().starts_with(&format!("backpain routine lower {next}"))),
            "next: {next}:\n{text}"
        );
    }
    let route = stdout_of(&["route", "lower"]);
    assert!(route.contains("Micro routine") && !route.contains("Desk break"), "{route}");
    // What to do comes first, then why: the routines before the likely cause; drills before rules.
    assert!(route.find("Full routine") < route.find("Likely cause"), "{route}");
    assert!(text.find("│ 1 ") < text.find("Gentle tension, never sharp pain"), "{text}");
    let faq = stdout_of(&["faq"]);
    assert!(!faq.contains('│') && !faq.contains('┆'), "faq is prose, not table cells");
    assert!(faq.contains("\nLink it to a habit\n  Tie stretching"), "headings over wrapped paragraphs:\n{faq}");
}

/// Issue 11.6: an id copied from the screen is whole: never broken across lines at 80 columns.
#[test]
fn ids_stay_whole_at_80_columns() {
    let dataset = backpain::dataset::dataset();
    let drills = stdout_of(&["drills"]);
    for drill in dataset.drills {
        assert!(
            drills.lines().any(|line| line.split(['│', '┆', ' ']).any(|word| word == drill.id)),
            "drill id {} is not whole on one line:\n{drills}",
            drill.id
        );
    }
    let sources = stdout_of(&["sources"]);
    for citation in dataset.citations {
        assert!(
            sources.lines().any(|line| line.split_whitespace().next() == Some(citation.id)),
            "source id {} is not whole at the start of a line",
            citation.id
        );
    }
    // A URL longer than the screen is kept whole on its own line (to click or copy); nothing else.
    let long = |line: &&str| line.chars().count() > 80 && !line.trim_start().starts_with("http");
    assert_eq!(drills.lines().chain(sources.lines()).filter(long).count(), 0);
}

/// Issue 11.6: a C locale or a dumb terminal gets ASCII borders, which it can show.
#[test]
fn a_c_locale_or_a_dumb_terminal_gets_ascii_borders() {
    let boxes = ['│', '┆', '─', '╭', '╰', '═'];
    for (name, value) in
        [("LANG", "C"), ("LC_ALL", "C"), ("LC_ALL", "POSIX"), ("TERM", "dumb"), ("LANG", "en_US.ISO-8859-1")]
    {
        for args in [&["drills"][..], &["routine", "lower"], &["route", "neck"], &["myths"]] {
            let output = backpain().args(args).env(name, value).output().unwrap();
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success());
            assert!(!text.contains(boxes), "{name}={value} {args:?} drew box characters:\n{text}");
            assert!(text.contains("+--") && text.contains('|'), "{name}={value} {args:?}: ASCII borders:\n{text}");
            // Issue 19: the text's own glyphs too (×, ·, no-break spaces), not only the borders.
            assert!(text.is_ascii(), "{name}={value} {args:?}: {:?}", text.chars().find(|c| !c.is_ascii()));
        }
        for args in [&["routine", "neck", "--micro"][..], &["routine", "neck", "--micro", "--guided"], &["faq"]] {
            let output = backpain().args(args).env(name, value).env("BACKPAIN_TEST_SPEED", "1000").output().unwrap();
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(output.status.success() && text.contains(" x ") || args == ["faq"], "{args:?}: {text}");
            assert!(text.is_ascii(), "{name}={value} {args:?}: {:?}", text.chars().find(|c| !c.is_ascii()));
        }
    }
    let utf8 = stdout_of(&["drills"]);
    assert!(utf8.contains('│'), "a UTF-8 locale keeps the box-drawing borders");
    // LC_ALL wins over LANG, as in setlocale(3).
    let output = backpain().args(["drills"]).env("LANG", "C").env("LC_ALL", "en_GB.UTF-8").output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains('│'));
}

/// The command list of `backpain --help` at 80 columns, `help` left out: each name with its
/// summary, wrapped lines joined.
fn command_list() -> Vec<(String, String)> {
    let top = stdout_of(&["--help"]);
    let mut list: Vec<(String, String)> = Vec::new();
    for line in top.lines().skip_while(|line| *line != "Commands:").skip(1).take_while(|line| !line.is_empty()) {
        match (line.strip_prefix("  ").filter(|rest| !rest.starts_with(' ')), list.last_mut()) {
            (Some(entry), _) => {
                let (name, summary) = entry.split_once(' ').unwrap_or((entry, ""));
                list.push((name.to_string(), summary.trim().to_string()));
            }
            // A summary wrapped onto the next line.
            (None, Some((_, summary))) => *summary = format!("{summary} {}", line.trim()),
            (None, None) => panic!("the command list starts with a continuation: {line:?}"),
        }
    }
    list.retain(|(name, _)| name != "help");
    assert!(list.len() >= 13, "the command list:\n{top}");
    list
}

/// Each command's own help opens with what it does, the summary the command list gives it (a doc
/// comment on a flattened option struct once became the summary of five commands: "Where the
/// history lives").
#[test]
fn every_command_s_help_opens_with_its_own_summary_from_the_command_list() {
    let mut firsts = std::collections::HashSet::new();
    for (name, summary) in command_list() {
        let help = stdout_of(&[name.as_str(), "--help"]);
        let first = help.lines().next().unwrap_or_default().to_string();
        let start: String = summary.chars().take(40).collect();
        assert!(first.starts_with(&start), "backpain {name} --help begins {first:?}, its summary {summary:?}");
        assert!(firsts.insert(first.clone()), "two commands share the summary {first:?}");
    }
}

/// At 80 columns every example in every help is one line, so what a person copies is the whole
/// command (a wrapped `--days mon-fri` once showed up as a line of its own).
#[test]
fn every_help_example_fits_one_line_at_80_columns() {
    let mut commands: Vec<Vec<String>> = vec![vec![]];
    commands.extend(command_list().into_iter().map(|(name, _)| vec![name]));
    commands.extend([["log", "pain"], ["log", "done"]].map(|words| words.map(String::from).to_vec()));
    let mut seen = 0;
    for words in commands {
        let mut args: Vec<&str> = words.iter().map(String::as_str).collect();
        args.push("--help");
        let help = stdout_of(&args);
        assert!(help.lines().all(|line| line.chars().count() <= 80), "{args:?}:\n{help}");
        let examples: Vec<&str> =
            help.lines().skip_while(|line| *line != "Examples:").skip(1).take_while(|line| !line.is_empty()).collect();
        for line in &examples {
            assert!(line.starts_with("  backpain "), "{args:?}: a wrapped example {line:?}:\n{help}");
        }
        seen += examples.len();
    }
    assert!(seen >= 30, "examples found: {seen}");
}

/// Issue 19: one `--config FILE` for every command, typed before or after the subcommand. It
/// was an option of `remind` and `doctor` only, so `routine --config FILE` (what a click on a
/// reminder opens) was refused.
#[test]
fn every_command_reads_the_config_file_one_global_option_names() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("settings.toml");
    std::fs::write(
        &config,
        format!("[profile]\nconditions = [\"pregnancy\"]\n\n[history]\ndata-dir = {:?}\n", data.to_str().unwrap()),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let run = |args: &[&str]| {
        let output = backpain().env("XDG_CONFIG_HOME", dir.path().join("none")).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        String::from_utf8(output.stdout).unwrap()
    };
    let conditions = |text: &str| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(text).unwrap();
        json["conditions"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
    };
    for args in [
        &["route", "lower", "--json", "--config", config][..],
        &["--config", config, "route", "lower", "--json"],
        &["routine", "lower", "--json", "--config", config],
        &["routine", "--location", "neck", "--micro", "--json", &format!("--config={config}")],
    ] {
        assert_eq!(conditions(&run(args)), ["pregnancy"], "{args:?}");
    }
    run(&["log", "pain", "3", "-l", "lower", "--config", config]);
    assert!(data.join("history").is_dir(), "log wrote where the config file says");
    assert_eq!(run(&["history", "--json", "--config", config]).lines().count(), 1);
    assert_eq!(run(&["--config", config, "log", "done", "-l", "neck"]).lines().count(), 1);
    let stats: serde_json::Value = serde_json::from_str(&run(&["stats", "--json", "--config", config])).unwrap();
    assert!(stats.to_string().contains("\"taken\":1"), "{stats}");
    let doctor: serde_json::Value = serde_json::from_str(&run(&["doctor", "--json", "--config", config])).unwrap();
    assert_eq!(doctor["config"]["path"], config);
    assert!(run(&["remind", "--print-schedule", "cron", "--config", config]).contains(config));
    for args in [&["myths", "--config", config][..], &["faq", "--config", config], &["drills", "--config", config]] {
        run(args);
    }
    // A file that is not there is refused the same way by every command, also by those that
    // need the file only for the pager: a file named on purpose is always read.
    for args in [
        &["route", "lower"][..],
        &["routine", "lower"],
        &["history"],
        &["stats"],
        &["log", "done", "-l", "neck"],
        &["myths"],
        &["drills"],
        &["faq"],
    ] {
        let output = backpain().args(args).args(["--config", "/nonexistent/backpain.toml"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim(),
            "backpain: cannot read config file /nonexistent/backpain.toml: no such file; check the path",
            "{args:?}"
        );
    }
}

/// Issue 19: on a dumb terminal (an editor's shell buffer) long output went to `less`, which
/// warns there and waits; and a guided session played with no word on how to steer it. On a
/// real pseudo-terminal with TERM=dumb and no pager asked for, nothing is paged, and the session
/// says that keys are not read and Ctrl-C stops it.
#[test]
fn a_dumb_terminal_is_not_paged_and_a_session_says_how_it_is_steered() {
    if !common::require_tools(&["script", "timeout"], "the dumb-terminal test") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    let dir = tempfile::tempdir().unwrap();
    for (args, expect) in [
        ("routine lower", "Pain type A: Lower back (lumbar)"),
        (
            "routine neck --micro --guided",
            "This terminal (TERM=dumb) cannot take keys: the session plays through to its end; Ctrl-C stops it.",
        ),
    ] {
        let output = std::process::Command::new("timeout")
            .args([
                "20",
                "script",
                "-qec",
                // The pseudo-terminal a screen tall, as a person's is (script's starts at 0 x 0).
                &format!("stty rows 24 cols 80; '{}' {args} --data-dir '{}'", bin.display(), dir.path().display()),
            ])
            .arg("/dev/null")
            .env("TERM", "dumb")
            .env_remove("PAGER")
            .env_remove("BACKPAIN_PAGER")
            .env("BACKPAIN_TEST_SPEED", "1000")
            .env("COLUMNS", "80")
            .env("LINES", "24")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{args}: not finished within 20 s (paged?):\n{text}");
        assert!(text.contains(expect), "{args}:\n{text}");
        assert!(!text.contains("not fully functional"), "{args}: less ran on a dumb terminal:\n{text}");
    }
}
