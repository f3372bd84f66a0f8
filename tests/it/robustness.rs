//! Nothing a user types crashes backpain (issue 5): thousands of generated command lines run
//! in-process end in exit 0 or 2, and a refusal is one line on stderr. Every parser a user
//! feeds (locations, myth ids, drill ids, minutes) holds its contract for any spelling, and every
//! subcommand in every format survives `| head -1`. A mangled config file is read or refused
//! at a line and column inside it (issue 9). The generated cases are seeded; CI (`CI=true`, as
//! `.ci/run` sets) runs 10,000 of each, a local `cargo test` fewer.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use backpain::platform::exit::Exit;
use proptest::prelude::*;

/// Words a user might type: subcommands, flags and values, valid and almost valid.
///
/// Left out on purpose: `man` (writes files), `remind` (waits for hours) and `--guided` (plays a
/// session on the terminal). When those can be bounded, add them here with what bounds them
/// (`remind --dry-run --count 2 --every 1s`, ...) and loosen `runs_too_long_or_writes` to match.
const WORDS: &[&str] = &[
    "myths",
    "route",
    "routine",
    "drills",
    "sources",
    "faq",
    "completions",
    "help",
    "--json",
    "--location",
    "-l",
    "--id",
    "--micro",
    "--minutes",
    "--morning",
    "--wake-time",
    "--quiet",
    "--color",
    "--help",
    "-h",
    "--version",
    "-V",
    "--",
    "-",
    "lower",
    "Upper",
    " sciatic ",
    "HIP",
    "neck",
    "a",
    "E",
    "lumbar",
    "lower back",
    "t-spine",
    "lumbr",
    "elbow",
    "all-the-same",
    "morning",
    "cat-cow",
    "cat-cw",
    "bash",
    "zsh",
    "fish",
    "elvish",
    "powershell",
    "auto",
    "always",
    "never",
    "0",
    "1",
    "8",
    "240",
    "241",
    "-5",
    "99999999999999999999",
    "07:30",
    "25:99",
    "--location=lower",
    "--id=",
    "--json=true",
    "-lneck",
];

/// One argument: a known word most of the time, else garbage of every kind.
fn argument() -> impl Strategy<Value = OsString> {
    prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(OsString::from),
        1 => Just(OsString::new()),
        1 => "[-a-zA-Z0-9=:_ ]{1,12}".prop_map(OsString::from),
        1 => "\\PC{1,16}".prop_map(OsString::from),
        1 => "[\\u{0}-\\u{1f}\\u{7f}\\u{200b}\\u{202e}\\u{1f600}é]{1,8}".prop_map(OsString::from),
        1 => (1usize..20_000).prop_map(|len| OsString::from("x".repeat(len))),
        1 => proptest::collection::vec(any::<u8>(), 1..16).prop_map(OsString::from_vec),
    ]
}

fn command_line() -> impl Strategy<Value = Vec<OsString>> {
    proptest::collection::vec(argument(), 0..8)
}

/// Command lines this test must not run in-process (see `WORDS`). A stray generated `man` or
/// `remind` anywhere is treated the same, whichever position clap would read it in.
fn runs_too_long_or_writes(args: &[OsString]) -> bool {
    args.iter().any(|arg| {
        let arg = arg.to_string_lossy();
        arg == "man" || arg == "remind" || arg.starts_with("--guided") || arg.starts_with("--gui")
    })
}

struct Outcome {
    exit: Exit,
    stdout: Vec<u8>,
    stderr: String,
}

fn run(args: &[OsString]) -> Outcome {
    let env = backpain::Env::default();
    let argv: Vec<OsString> = std::iter::once(OsString::from("backpain")).chain(args.iter().cloned()).collect();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let exit = catch_unwind(AssertUnwindSafe(|| backpain::run(argv, &env, &mut stdout, &mut stderr)))
        .unwrap_or_else(|_| panic!("backpain panicked on {args:?}"));
    Outcome { exit, stdout, stderr: String::from_utf8_lossy(&stderr).into_owned() }
}

/// The contract for any command line: done (0, nothing on stderr) or refused (2, one line);
/// a command line that names no subcommand at all gets the help on stderr with exit 2.
fn assert_done_or_refused(args: &[OsString], outcome: &Outcome) {
    const SUBCOMMANDS: [&str; 10] =
        ["myths", "route", "routine", "drills", "sources", "faq", "remind", "completions", "man", "help"];
    match outcome.exit {
        Exit::Success => assert!(outcome.stderr.is_empty(), "{args:?}: exit 0 with stderr {:?}", outcome.stderr),
        Exit::Usage if outcome.stderr.contains("Usage: backpain [OPTIONS] <COMMAND>") => {
            let named = args.iter().any(|arg| SUBCOMMANDS.iter().any(|sub| arg == sub));
            assert!(!named, "{args:?}: help instead of a one-line error");
            assert!(outcome.stdout.is_empty(), "{args:?}: help on stdout for a usage error");
        }
        Exit::Usage => assert_one_line_error(args, outcome),
        other => panic!("{args:?}: exit {other:?}, stderr {:?}", outcome.stderr),
    }
}

fn assert_one_line_error(args: &[OsString], outcome: &Outcome) {
    let stderr = &outcome.stderr;
    assert!(stderr.starts_with("backpain: "), "{args:?}: {stderr:?}");
    assert!(stderr.ends_with('\n') && stderr.matches('\n').count() == 1, "{args:?}: not one line: {stderr:?}");
    assert!(outcome.stdout.is_empty(), "{args:?}: a refusal printed to stdout too");
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut args = os(args);
    args.push("--json".into());
    let outcome = run(&args);
    assert_eq!(outcome.exit, Exit::Success, "{args:?}: {}", outcome.stderr);
    serde_json::from_slice(&outcome.stdout).unwrap_or_else(|err| panic!("{args:?}: not JSON: {err}"))
}

/// `name` with its letters' case flipped where `flips` says and blanks around it.
fn respell(name: &str, flips: &[bool], before: &str, after: &str) -> String {
    let body: String = name
        .chars()
        .zip(flips.iter().copied().chain(std::iter::repeat(false)))
        .map(|(c, flip)| if flip { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect();
    format!("{before}{body}{after}")
}

fn blanks() -> impl Strategy<Value = String> {
    "[ \t]{0,3}"
}

fn flips() -> impl Strategy<Value = Vec<bool>> {
    proptest::collection::vec(any::<bool>(), 0..24)
}

/// Every name a location answers to (id, letter, aliases), with the location's id.
fn location_names() -> Vec<(&'static str, &'static str)> {
    backpain::dataset::dataset()
        .locations
        .iter()
        .flat_map(|location| location.names().map(move |name| (name, location.id)))
        .collect()
}

/// Whether `text` names one of `names` the way the parsers match: trimmed, ASCII case ignored.
fn names_one_of<'a>(text: &str, mut names: impl Iterator<Item = &'a str>) -> bool {
    names.any(|name| name.eq_ignore_ascii_case(text.trim()))
}

/// Whether `text`, read as a phrase ("hip pain", "low back"; issue 11.5), has a word or word
/// pair naming a location, or is about the back: those are found or asked about, not unknown.
fn mentions_a_location(text: &str) -> bool {
    let lowered = text.to_lowercase().replace(['-', '_'], " ");
    let words: Vec<&str> = lowered.split_whitespace().collect();
    let names = location_names();
    let names_one = |word: &str| names.iter().any(|(name, _)| name.eq_ignore_ascii_case(word));
    words.iter().enumerate().any(|(at, word)| {
        names_one(word)
            || words.get(at + 1).is_some_and(|next| names_one(&format!("{word} {next}")))
            || matches!(*word, "back" | "backs" | "spine" | "spinal" | "low" | "mid" | "middle")
    })
}

/// How many generated command lines to run: at least 10,000 in CI (issue 9.8), where time is
/// cheaper than a missed crash, and 3000 locally so `cargo test` stays quick.
fn command_line_cases(ci: bool) -> u32 {
    if ci {
        10_000
    } else {
        3000
    }
}

/// Seeded, so a failure in CI reproduces on any machine with the same cases; PROPTEST_RNG_SEED
/// picks another seed to explore further.
fn seeded(cases: u32) -> ProptestConfig {
    let seed = std::env::var("PROPTEST_RNG_SEED").ok().and_then(|seed| seed.parse().ok()).unwrap_or(20_261_201);
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_algorithm: proptest::test_runner::RngAlgorithm::ChaCha,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..ProptestConfig::default()
    }
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value == "true" || value == "1")
}

#[test]
fn ci_runs_at_least_ten_thousand_command_lines_the_same_every_time() {
    assert!(command_line_cases(true) >= 10_000);
    assert!(command_line_cases(false) >= 3000, "never fewer than before issue 9");
    assert_eq!(seeded(1).rng_seed, seeded(1).rng_seed);
    assert_ne!(seeded(1).rng_seed, proptest::test_runner::RngSeed::Random);
}

proptest! {
    #![proptest_config(seeded(command_line_cases(in_ci())))]

    #[test]
    fn no_command_line_crashes_or_mumbles(args in command_line()) {
        prop_assume!(!runs_too_long_or_writes(&args));
        let outcome = run(&args);
        assert_done_or_refused(&args, &outcome);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_location_is_found_by_any_case_and_blanks(
        index in any::<prop::sample::Index>(), flips in flips(), before in blanks(), after in blanks(),
    ) {
        let names = location_names();
        let (name, id) = names[index.index(names.len())];
        let typed = respell(name, &flips, &before, &after);
        prop_assert_eq!(backpain::dataset::location(&typed).map(|location| location.id), Some(id));
        prop_assert_eq!(&json(&["route", "--location", &typed])["location"], id);
        prop_assert_eq!(&json(&["routine", "-l", &typed])["location"], id);
    }

    #[test]
    fn anything_else_is_not_a_location_and_lists_the_valid_ones(text in "\\PC{0,24}") {
        prop_assume!(!names_one_of(&text, location_names().into_iter().map(|(name, _)| name)));
        prop_assert!(backpain::dataset::location(&text).is_none());
        prop_assume!(!mentions_a_location(&text));
        // `--location=` so that a value starting with `-` is not read as a flag.
        let args = os(&["route", &format!("--location={text}")]);
        let outcome = run(&args);
        prop_assert_eq!(outcome.exit, Exit::Usage);
        assert_one_line_error(&args, &outcome);
        prop_assert!(outcome.stderr.contains("valid: lower, upper, sciatic, hip, neck"), "{}", outcome.stderr);
    }

    #[test]
    fn a_myth_is_found_by_any_case_and_blanks(
        index in any::<prop::sample::Index>(), flips in flips(), before in blanks(), after in blanks(),
    ) {
        let myths = backpain::dataset::dataset().myths;
        let id = myths[index.index(myths.len())].id;
        let typed = respell(id, &flips, &before, &after);
        prop_assert_eq!(backpain::dataset::myth(&typed).map(|myth| myth.id), Some(id));
        prop_assert_eq!(&json(&["myths", "--id", &typed])["id"], id);
    }

    #[test]
    fn a_drill_is_found_by_any_case_and_blanks(
        index in any::<prop::sample::Index>(), flips in flips(), before in blanks(), after in blanks(),
    ) {
        let drills = backpain::dataset::dataset().drills;
        let id = drills[index.index(drills.len())].id;
        let typed = respell(id, &flips, &before, &after);
        prop_assert_eq!(backpain::dataset::drill(&typed).map(|drill| drill.id), Some(id));
        prop_assert_eq!(&json(&["drills", "--id", &typed])["id"], id);
    }

    #[test]
    fn unknown_myth_and_drill_ids_are_one_line_refusals(text in "\\PC{0,24}") {
        let dataset = backpain::dataset::dataset();
        for (subcommand, known) in [
            ("myths", names_one_of(&text, dataset.myths.iter().map(|myth| myth.id))),
            ("drills", names_one_of(&text, dataset.drills.iter().map(|drill| drill.id))),
        ] {
            let args = os(&[subcommand, &format!("--id={text}")]);
            let outcome = run(&args);
            if known {
                prop_assert_eq!(outcome.exit, Exit::Success);
            } else {
                prop_assert_eq!(outcome.exit, Exit::Usage);
                assert_one_line_error(&args, &outcome);
            }
        }
    }

    #[test]
    fn a_suggestion_is_always_a_real_name(text in "\\PC{0,24}") {
        let names: Vec<&str> = location_names().into_iter().map(|(name, _)| name).collect();
        if let Some(suggested) = backpain::dataset::nearest(&text, names.iter().copied()) {
            prop_assert!(names.contains(&suggested));
        }
    }

    #[test]
    fn minutes_outside_1_to_240_are_refused(minutes in any::<i64>()) {
        let args = os(&["routine", "--location", "lower", &format!("--minutes={minutes}")]);
        let outcome = run(&args);
        if (1..=240).contains(&minutes) {
            prop_assert_eq!(outcome.exit, Exit::Success, "{}", outcome.stderr);
        } else {
            prop_assert_eq!(outcome.exit, Exit::Usage);
            assert_one_line_error(&args, &outcome);
        }
    }
}

/// Every subcommand in every format, and every help text, through a real `| head -1`.
#[test]
fn every_subcommand_in_every_format_survives_head_1() {
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    let mut commands: Vec<String> = Vec::new();
    for report in [
        "myths",
        "myths --id morning-stretch",
        "route",
        "route --location lower",
        "routine --location sciatic",
        "routine --location neck --micro",
        "drills",
        "drills --id cat-cow",
        "sources",
        "faq",
    ] {
        commands.push(report.to_string());
        commands.push(format!("{report} --json"));
        commands.push(format!("--color always {report}"));
    }
    for subcommand in ["", "myths", "route", "routine", "drills", "sources", "faq", "remind", "completions", "man"] {
        commands.push(format!("{subcommand} --help"));
    }
    commands.push("--version".into());
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        commands.push(format!("completions {shell}"));
    }
    for args in commands {
        let script = format!("set -o pipefail; '{}' {args} | head -1", bin.display());
        let output = std::process::Command::new("bash").args(["-c", &script]).env("COLUMNS", "80").output().unwrap();
        assert!(output.status.success(), "{args}: {:?}", output.status);
        assert!(output.stderr.is_empty(), "{args}: {}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1, "{args}");
    }
}

/// A parser's refusal: one line that says what would be right.
fn one_line_refusal(message: &str) -> bool {
    !message.is_empty() && !message.contains('\n')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn durations_read_back_what_they_say(hours in 0i64..=48, minutes in 0i64..=59, seconds in 0i64..=59) {
        prop_assume!(hours + minutes + seconds > 0);
        let text = format!("{hours}h{minutes}m{seconds}s");
        let parsed = backpain::time::within_a_week(&text);
        prop_assert_eq!(parsed, Ok(chrono::Duration::seconds(hours * 3600 + minutes * 60 + seconds)));
        let spaced = format!(" {}H{}M ", hours.max(1), minutes);
        prop_assert!(backpain::time::within_a_week(&spaced).is_ok(), "{spaced:?}");
    }

    #[test]
    fn any_duration_text_is_read_or_refused_in_one_line(text in "\\PC{0,16}") {
        if let Err(message) = backpain::time::within_a_week(&text) {
            prop_assert!(one_line_refusal(&message), "{text:?}: {message:?}");
        }
    }

    #[test]
    fn times_of_day_read_back_what_they_say(hour in 0u32..24, minute in 0u32..60) {
        let expected = chrono::NaiveTime::from_hms_opt(hour, minute, 0);
        prop_assert_eq!(backpain::time::time_of_day(&format!("{hour:02}:{minute:02}")).ok(), expected);
        prop_assert_eq!(backpain::time::time_of_day(&format!("{hour}:{minute:02}")).ok(), expected);
        let wake: Result<backpain::plan::morning::WakeTime, _> = format!("{hour:02}:{minute:02}").parse();
        prop_assert_eq!(wake.map(|w| (u32::from(w.hour), u32::from(w.minute))), Ok((hour, minute)));
    }

    #[test]
    fn out_of_range_times_are_refused(hour in 24u32..100, minute in 60u32..100) {
        let late = format!("{hour}:00");
        let past = format!("12:{minute}");
        prop_assert!(backpain::time::time_of_day(&late).is_err(), "{}", late);
        prop_assert!(backpain::time::time_of_day(&past).is_err(), "{}", past);
    }

    #[test]
    fn windows_keep_their_ends(start in (0u32..24, 0u32..60), end in (0u32..24, 0u32..60)) {
        prop_assume!(start != end);
        let text = format!("{:02}:{:02}-{:02}:{:02}", start.0, start.1, end.0, end.1);
        let window = backpain::remind::parse::window(&text);
        prop_assert!(window.is_ok(), "{text}: {window:?}");
        let window = window.unwrap();
        prop_assert_eq!(window.start, chrono::NaiveTime::from_hms_opt(start.0, start.1, 0).unwrap());
        prop_assert_eq!(window.end, chrono::NaiveTime::from_hms_opt(end.0, end.1, 0).unwrap());
    }

    #[test]
    fn any_window_or_days_text_is_read_or_refused_in_one_line(text in "\\PC{0,24}") {
        if let Err(message) = backpain::remind::parse::window(&text) {
            prop_assert!(one_line_refusal(&message), "{text:?}: {message:?}");
        }
        if let Err(message) = backpain::remind::parse::days(&text) {
            prop_assert!(one_line_refusal(&message), "{text:?}: {message:?}");
        }
    }

    #[test]
    fn day_ranges_hold_exactly_their_days(first in 0u32..7, last in 0u32..7, upper in any::<bool>()) {
        use chrono::Weekday;
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let name = |i: u32| if upper { names[i as usize].to_uppercase() } else { names[i as usize].to_string() };
        let days = backpain::remind::parse::days(&format!("{}-{}", name(first), name(last)));
        prop_assert!(days.is_ok(), "{:?}", days);
        let days = days.unwrap();
        for i in 0..7u32 {
            // A range that ends before it starts wraps over the weekend (fri-mon).
            let inside = if first <= last { (first..=last).contains(&i) } else { i >= first || i <= last };
            let day = Weekday::try_from(i as u8).unwrap();
            prop_assert_eq!(days.contains(day), inside, "{}-{} on {}", name(first), name(last), names[i as usize]);
        }
    }

    /// remind's flags parse and print a schedule (no waiting), or are refused in one line.
    #[test]
    fn remind_flags_are_used_or_refused_in_one_line(
        every in prop::sample::select(vec!["2h", "90m", "1h30m", "45s", "0s", "90x", "", "2 h", "1d"]),
        between in prop::sample::select(vec!["09:00-17:30", "22:00-02:00", "9-5", "25:00-26:00", "-", ""]),
        days in prop::sample::select(vec!["mon-fri", "Sat-Sun", "mon,wed,fri", "funday", "", "weekdays"]),
        location in "\\PC{0,10}",
    ) {
        let args = os(&[
            "remind", "--print-schedule", "cron", "--every", every, "--between", between, "--days", days,
            "--location", &location,
        ]);
        let outcome = run(&args);
        assert_done_or_refused(&args, &outcome);
    }
}

/// A config file using every key, as the README shows it.
const VALID_CONFIG: &str =
    "# mine\n[remind]\nevery = \"90m\"\nlocation = \"neck\"\ntrigger = \"I stand up from my desk\"\n\
action = \"I do 3 chin tucks\"\nbetween = \"09:00-17:30\"\ndays = \"mon-fri\"\nsnooze = \"10m\"\ncount = 8\n\
dry-run = false\njson = false\n\n[routine]\nwake_time = \"07:00\"   # when you usually get up\n";

/// One edit to a config file's text.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, char),
    DuplicateLine(usize),
    DropLine(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let text = prop_oneof![
        4 => "[\\[\\]=\"'#.,{} \n\t0-9a-z_-]{1,6}",
        1 => "\\PC{1,4}",
        1 => "[\\u{0}-\\u{1f}\\u{7f}\\u{85}\\u{2028}\\u{feff}é😀]{1,3}",
    ];
    prop_oneof![
        4 => (any::<usize>(), text).prop_map(|(at, text)| Mutation::Insert(at, text)),
        2 => (any::<usize>(), 1usize..8).prop_map(|(at, len)| Mutation::Delete(at, len)),
        2 => (any::<usize>(), any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => any::<usize>().prop_map(Mutation::DropLine),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// `text` with `mutation` applied; positions are taken modulo the text, in characters.
fn mutate(text: &str, mutation: &Mutation) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = |n: usize, len: usize| if len == 0 { 0 } else { n % (len + 1) };
    match mutation {
        Mutation::Insert(n, insert) => {
            let at = at(*n, chars.len());
            chars.splice(at..at, insert.chars());
        }
        Mutation::Delete(n, len) => {
            let start = at(*n, chars.len());
            chars.drain(start..(start + len).min(chars.len()));
        }
        Mutation::Replace(n, c) if !chars.is_empty() => {
            let at = n % chars.len();
            chars[at] = *c;
        }
        Mutation::Replace(..) => {}
        Mutation::DuplicateLine(n) | Mutation::DropLine(n) => {
            let mut lines: Vec<String> = chars.iter().collect::<String>().split('\n').map(String::from).collect();
            let index = n % lines.len();
            if matches!(mutation, Mutation::DuplicateLine(_)) {
                let line = lines[index].clone();
                lines.insert(index, line);
            } else {
                lines.remove(index);
            }
            return lines.join("\n");
        }
        Mutation::Truncate(n) => chars.truncate(at(*n, chars.len())),
    }
    chars.into_iter().collect()
}

/// Whether line `line`, column `column` (both from 1, columns in characters) is a place in
/// `text`: on one of its lines, at most one past that line's last character.
fn inside(text: &str, line: usize, column: usize) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    line >= 1 && column >= 1 && lines.get(line - 1).is_some_and(|found| column <= found.chars().count() + 1)
}

proptest! {
    #![proptest_config(seeded(if in_ci() { 10_000 } else { 2000 }))]

    /// Issue 9.8: a config file mangled in any way is read or refused, never a panic, and the
    /// refusal names a line and column that exist in the file.
    #[test]
    fn a_mutated_config_file_is_read_or_refused_at_a_place_in_it(
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let text = mutations.iter().fold(VALID_CONFIG.to_string(), |text, mutation| mutate(&text, mutation));
        let path = std::path::Path::new("/home/me/.config/backpain/config.toml");
        let parsed = catch_unwind(|| backpain::config::Config::parse(path, &text))
            .unwrap_or_else(|_| panic!("parsing panicked on {text:?}"));
        if let Err(err) = parsed {
            let shown = err.to_string();
            prop_assert!(!shown.contains('\n'), "one line: {:?}", shown);
            match err {
                backpain::config::ConfigError::Invalid { line, column, .. } => {
                    prop_assert!(shown.starts_with(&format!("{}:{line}:{column}: ", path.display())), "{}", shown);
                    prop_assert!(inside(&text, line, column), "{}:{} is not in the file {:?}: {}", line, column, text, shown);
                }
                other => prop_assert!(false, "not a file:line:col error: {other}"),
            }
        }
    }

    /// The same through the file system, with bytes that are not UTF-8 mixed in.
    #[test]
    fn a_config_file_with_any_bytes_is_read_or_refused_at_a_place_in_it(
        at in any::<usize>(),
        bytes in proptest::collection::vec(any::<u8>(), 1..6),
    ) {
        let mut data = VALID_CONFIG.as_bytes().to_vec();
        let at = at % (data.len() + 1);
        data.splice(at..at, bytes);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, &data).unwrap();
        if let Err(err) = backpain::config::Config::load(&path) {
            let shown = err.to_string();
            prop_assert!(!shown.contains('\n'), "one line: {:?}", shown);
            let text = String::from_utf8_lossy(&data);
            match err {
                backpain::config::ConfigError::Invalid { line, column, .. } => {
                    prop_assert!(inside(&text, line, column), "{}:{} is not in the file {:?}: {}", line, column, text, shown);
                }
                other => prop_assert!(false, "not a file:line:col error: {other}"),
            }
        }
    }
}

// Issue 20: what the adversarial pass found, kept in the fuzz so it stays found.

/// Runs the real binary under bash with `redirects` applied to it, bounded in time (a hang is a
/// failure, not a stuck CI).
#[cfg(unix)]
fn real(command: &str, data: &std::path::Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("backpain");
    let script = format!("timeout 20 '{}' {command}", bin.display());
    // Guided sessions at 1000 times the wall clock: minutes of holds in a fraction of a second.
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env("DATA", data)
        .env("BACKPAIN_TEST_SPEED", "1000")
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(124), "{command}: hung (killed after 20 s)");
    output
}

/// A date or time as a user or a script might type it, with years at and past what chrono can
/// hold (±262,143), before 1970, in AD 0-999 and past 9999, and offsets at and past ±24 h.
fn date_text() -> impl Strategy<Value = String> {
    let year = prop_oneof![
        proptest::sample::select(vec![
            -262_144i64,
            -262_143,
            -1,
            0,
            1,
            26,
            999,
            1000,
            1969,
            1970,
            2026,
            9999,
            10_000,
            262_142,
            262_143,
            262_144,
            i64::from(i32::MAX)
        ]),
        any::<i32>().prop_map(i64::from),
    ];
    let number = |most: u32| prop_oneof![0..=most, any::<u32>()];
    let offset = proptest::sample::select(vec!["", "Z", "+00:00", "+23:59", "-23:59", "+24:00", "-99:99", "+01"]);
    let absolute = (year, number(13), number(32), number(25), number(60), offset, any::<bool>()).prop_map(
        |(year, month, day, hour, minute, offset, with_time)| {
            let year = if (0..=9999).contains(&year) { format!("{year:04}") } else { format!("{year:+}") };
            if with_time {
                let sep = if offset.is_empty() { " " } else { "T" };
                let seconds = if offset.is_empty() { "" } else { ":00" };
                format!("{year}-{month:02}-{day:02}{sep}{hour:02}:{minute:02}{seconds}{offset}")
            } else {
                format!("{year}-{month:02}-{day:02}")
            }
        },
    );
    let units = proptest::sample::select(vec!["d", "w", "h", "m", "min", "s", "mo", "y", "days", "weeks", ""]);
    let relative = (prop_oneof![0u64..1000, any::<u64>()], units, any::<bool>())
        .prop_map(|(count, unit, minus)| format!("{}{count}{unit}", if minus { "-" } else { "" }));
    prop_oneof![3 => absolute, 1 => relative, 1 => "\\PC{0,12}"]
}

proptest! {
    #![proptest_config(seeded(if in_ci() { 2000 } else { 300 }))]

    /// No date a user types can panic (`history --since=-262143-01-01` once aborted, issue 20),
    /// and a date `log --at` takes lands in a month file the readers read (years before 1970
    /// or past 9999 are refused, not written to `undated.jsonl`).
    #[test]
    fn dates_at_and_past_chronos_limits_are_read_or_refused_never_a_panic(text in date_text()) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().as_os_str().to_owned();
        for args in [
            vec!["history".into(), "--since".into(), text.clone().into(), "--data-dir".into(), data.clone()],
            vec!["history".into(), format!("--since={text}").into(), "--json".into(), "--data-dir".into(), data.clone()],
        ] {
            let outcome = run(&args);
            prop_assert!(matches!(outcome.exit, Exit::Success | Exit::Usage), "{args:?}: {:?}", outcome.exit);
            if outcome.exit == Exit::Usage {
                assert_one_line_error(&args, &outcome);
            }
        }
        let args: Vec<OsString> = ["log", "pain", "3", "-l", "lower", "--at", &text, "--data-dir"]
            .iter()
            .map(OsString::from)
            .chain([data.clone()])
            .collect();
        let outcome = run(&args);
        match outcome.exit {
            Exit::Success => {
                let files: Vec<String> = std::fs::read_dir(dir.path().join("history"))
                    .unwrap()
                    .map(|file| file.unwrap().file_name().to_string_lossy().into_owned())
                    .collect();
                prop_assert_eq!(files.len(), 1, "{:?}", files);
                let year: u32 = files[0][..4].parse().unwrap_or(0);
                prop_assert!(
                    (1970..=9999).contains(&year) && files[0].ends_with(".jsonl"),
                    "--at {:?} was written to {:?}, where no reader looks", text, files
                );
                let listed = run(&[OsString::from("history"), "--json".into(), "--data-dir".into(), data]);
                prop_assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 1, "--at {:?}", text);
            }
            Exit::Usage => assert_one_line_error(&args, &outcome),
            other => prop_assert!(false, "log --at {text:?}: {other:?}: {}", outcome.stderr),
        }
    }
}

/// The names each sync tool gives a conflicting copy of `2026-11.jsonl` (README, "Synced
/// folders"), with a generated user, host or date in them.
fn sync_copy_name() -> impl Strategy<Value = String> {
    let who = "[A-Za-z][A-Za-z0-9 ._-]{0,14}";
    let stamp = (2000u32..2100, 1u32..13, 1u32..29, 0u32..24, 0u32..60, 0u32..60);
    (who, stamp, 0usize..10, 1u32..20).prop_map(|(who, (y, mo, d, h, mi, s), tool, n)| {
        let who = who.trim().replace(['(', ')'], "");
        let who = if who.is_empty() { "ann".to_string() } else { who };
        match tool {
            0 => format!("2026-11.sync-conflict-{y}{mo:02}{d:02}-{h:02}{mi:02}{s:02}-ABCDEFG.jsonl"),
            1 => format!("2026-11 ({who}'s conflicted copy {y}-{mo:02}-{d:02}).jsonl"),
            2 => format!("2026-11 ({who}'s conflicted copy {y}-{mo:02}-{d:02} ({n})).jsonl"),
            3 => format!("2026-11 (conflicted copy {y}-{mo:02}-{d:02} {h:02}{mi:02}{s:02}).jsonl"),
            4 => format!("2026-11_conflict-{y}{mo:02}{d:02}-{h:02}{mi:02}{s:02}.jsonl"),
            5 => format!("2026-11-{}.jsonl", who.replace([' ', '.'], "-")),
            6 => format!("2026-11({n}).jsonl"),
            7 => format!("2026-11 (SFConflict {who}@example.com {y}-{mo:02}-{d:02}-{h:02}-{mi:02}-{s:02}).jsonl"),
            8 => format!("2026-11 {}.jsonl", n + 1),
            _ => "2026-11.Conflict.jsonl".to_string(),
        }
    })
}

fn entry_line(id: u32, day: u32) -> String {
    format!(
        r#"{{"v":1,"id":"00000000-0000-4000-8000-{id:012}","at":"2026-11-{day:02}T09:00:00+01:00","kind":"pain","location":"lower","rating":3}}"#
    )
}

proptest! {
    #![proptest_config(seeded(if in_ci() { 1000 } else { 200 }))]

    /// Every sync tool's conflict copy is read and merged by id (60 of 121 entries once vanished,
    /// issue 20): the month and its copy share some entries, and each entry is listed once.
    /// Names that are not a month's copy are left alone.
    #[test]
    fn every_sync_tools_conflict_copy_is_merged_by_id(name in sync_copy_name(), shared in 0u32..5, own in 1u32..5) {
        let dir = tempfile::tempdir().unwrap();
        let history = dir.path().join("history");
        std::fs::create_dir_all(&history).unwrap();
        let lines = |ids: std::ops::Range<u32>| ids.map(|id| entry_line(id, 1 + id % 28) + "\n").collect::<String>();
        // The month has entries 0..own+shared; the copy the shared ones and `own` more.
        std::fs::write(history.join("2026-11.jsonl"), lines(0..own + shared)).unwrap();
        std::fs::write(history.join(&name), lines(own..2 * own + shared)).unwrap();
        for stray in ["2026-11.jsonl.tmp", "x2026-11.jsonl", "2026-1.jsonl", "2026-11a.jsonl", "2026-11.json"] {
            std::fs::write(history.join(stray), lines(100..101)).unwrap();
        }
        let data = dir.path().as_os_str().to_owned();
        let outcome = run(&[OsString::from("history"), "--json".into(), "--data-dir".into(), data]);
        prop_assert_eq!(outcome.exit, Exit::Success, "{}", outcome.stderr);
        let stdout = String::from_utf8_lossy(&outcome.stdout);
        let mut ids: Vec<&str> = stdout.lines().map(|line| &line[18..54]).collect();
        prop_assert_eq!(ids.len() as u32, 2 * own + shared, "{:?}: {}", name, stdout);
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len() as u32, 2 * own + shared, "each entry once: {:?}", name);
        prop_assert!(outcome.stderr.is_empty(), "{:?}: {}", name, outcome.stderr);
    }
}

/// History files of every odd kind, each in its own month beside a good one: every reader
/// finishes (exit 0, within 20 s), names each bad file at most once, and still reads the good
/// month. Found by the adversarial pass: a FIFO hung every reader, a directory stopped `stats`,
/// a link to `/dev/zero` took it to 5 GB.
#[cfg(unix)]
#[test]
fn history_files_of_every_odd_kind_never_stop_or_hang_a_reader() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    std::fs::create_dir_all(&history).unwrap();
    std::fs::write(history.join("2026-11.jsonl"), entry_line(1, 2) + "\n").unwrap();
    let month = |n: u32| history.join(format!("2025-{n:02}.jsonl"));
    std::fs::create_dir(month(1)).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(month(2)).status().unwrap().success());
    symlink("/dev/zero", month(3)).unwrap();
    symlink(dir.path().join("nowhere"), month(4)).unwrap();
    let _socket = std::os::unix::net::UnixListener::bind(month(5)).unwrap();
    std::fs::write(month(6), "").unwrap();
    std::fs::write(month(7), (0..4096u32).map(|n| (n * 7919 % 251) as u8).collect::<Vec<u8>>()).unwrap();
    std::fs::write(month(8), vec![0u8; 1 << 16]).unwrap();
    // Past the size cap, sparse: nothing is written to disk.
    std::fs::File::create(month(9)).unwrap().set_len(65 << 20).unwrap();
    std::fs::write(month(10), "{\"v\":1,\"id\":\"".to_string() + &"x".repeat(1 << 20)).unwrap();
    symlink(month(11), month(11)).unwrap();
    std::fs::write(month(12), "{\"v\":1,\"id\":7,\"at\":[],\"kind\":\"pain\",\"rating\":\"3\"}\n\u{feff}\n\r\n")
        .unwrap();
    let commands = ["history", "history --json", "history --csv", "stats", "stats --json", "doctor", "doctor --json"];
    for command in commands {
        let output = real(&format!("{command} --data-dir \"$DATA\""), dir.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(0), "{command}: {stderr}");
        assert!(stderr.lines().all(|line| line.starts_with("backpain: ")), "{command}: {stderr}");
        for n in 1..=12 {
            let name = format!("2025-{n:02}.jsonl");
            let named = stderr.lines().filter(|line| line.contains(&name)).count();
            // A whole file at most once; bad lines one by one up to three, then one count.
            let most = if n == 7 || n == 12 { 4 } else { 1 };
            assert!(named <= most, "{command}: {name} named {named} times: {stderr}");
        }
        if command.starts_with("history") {
            assert!(
                stderr
                    .lines()
                    .any(|line| line.contains("2025-07.jsonl: ") && line.contains("more lines that cannot be read")),
                "{command}: a file of garbage is three lines and a count: {stderr}"
            );
            assert!(stdout.contains("000000000001") || stdout.contains("3/10"), "{command}: the good month: {stdout}");
            for (n, kind) in [
                (1, "a directory"),
                (2, "a FIFO"),
                (3, "a device"),
                (4, "which does not exist"),
                (5, "a socket"),
                (9, "larger than"),
                (11, "a loop of symbolic links"),
            ] {
                let name = format!("2025-{n:02}.jsonl");
                assert!(
                    stderr.lines().any(|line| line.contains(&name) && line.contains(kind)),
                    "{command}: {name} ({kind}) not named: {stderr}"
                );
            }
        }
    }
}

/// Every command in every format with standard output and input in every mode they are handed
/// in: closed, read-only, write-only and read-write `/dev/null`, `/dev/full` and a pipe its
/// reader closes at once. Thrown-away output is a working stdout; a closed or unwritable one
/// is one line and exit 1; a reader that leaves is no error; and `log` is recorded exactly once
/// whatever happens to its confirmation (exit 0, issue 20).
#[cfg(unix)]
#[test]
fn every_command_survives_standard_streams_in_every_mode() {
    let dir = tempfile::tempdir().unwrap();
    let commands = [
        "myths",
        "myths --json",
        "route --location lower",
        "route --json",
        "routine --location neck --micro",
        "routine --location sciatic --json",
        "routine --location hip --micro --guided --json",
        "drills",
        "drills --id cat-cow --json",
        "sources --json",
        "faq",
        "completions zsh",
        "history --data-dir \"$DATA\"",
        "history --csv --data-dir \"$DATA\"",
        "stats --data-dir \"$DATA\"",
        "doctor --data-dir \"$DATA\"",
        "remind --print-schedule launchd",
        "remind --dry-run --once",
        "--help",
        "--version",
    ];
    let stdouts = [
        ("1>&-", Some("standard output is closed")),
        ("1</dev/null", Some("standard output is open only for reading")),
        (">/dev/full", Some("No space left on device")),
        (">/dev/null", None),
        ("1<>/dev/null", None),
        ("| true", None),
    ];
    let stdins = ["0<&-", "0</dev/null", "0>/dev/null", "0<>/dev/null"];
    let mut cases = 0;
    for command in commands {
        for (stdout, problem) in stdouts {
            for stdin in stdins {
                cases += 1;
                let line = if stdout.starts_with('|') {
                    format!("{command} {stdin} {stdout}; exit ${{PIPESTATUS[0]}}")
                } else {
                    format!("{command} {stdin} {stdout}")
                };
                let output = real(&line, dir.path());
                let stderr = String::from_utf8_lossy(&output.stderr);
                // `timeout` closes nothing: the redirections apply to backpain itself.
                match problem {
                    Some(problem) => {
                        assert_eq!(output.status.code(), Some(1), "{line}: {stderr}");
                        assert_eq!(stderr.lines().count(), 1, "{line}: {stderr}");
                        assert!(
                            stderr.contains("cannot write to stdout") && stderr.contains(problem),
                            "{line}: {stderr}"
                        );
                    }
                    None => assert_eq!(output.status.code(), Some(0), "{line}: {stderr}"),
                }
            }
        }
    }
    // `log`: recorded once in every mode, exit 0 (a warning when the confirmation was lost).
    let mut logged = 0;
    for (stdout, problem) in stdouts {
        for stdin in stdins {
            cases += 1;
            logged += 1;
            let line = format!("log done -l neck --data-dir \"$DATA\" {stdin} {stdout}");
            let output = real(&line, dir.path());
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(0), "{line}: {stderr}");
            assert_eq!(stderr.lines().count(), usize::from(problem.is_some()), "{line}: {stderr}");
        }
    }
    let listed = real("history --json --data-dir \"$DATA\"", dir.path());
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), logged, "each log recorded once");
    assert!(cases >= 500, "{cases} cases");
}
