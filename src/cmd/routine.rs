//! `backpain routine`: a location's routine, changed by `--condition`, `--morning` and
//! `--minutes` when asked, with the rules that go with it, shown as a table or JSON or played
//! (`--guided`). `prepare` is shared with `route` and the guided player.

use crate::cli::{RoutineArgs, SheetFormat};
use crate::dataset::{self, Drill, Location, Variant};
use crate::error::{Interrupted, UsageError};
use crate::guided::{self, SessionEnd};
use crate::plan::budget::{self, Cut};
use crate::plan::conditions::{self, Change};
use crate::plan::morning::{self, Swap, WakeTime, Why};
use crate::plan::Plan;
use crate::platform::browser;
use crate::profile::Profile;
use crate::report::{red_flags, ChangeView, ClaimView, ConditionView, RoutineReport, RuleView, StepView};
use crate::time::words as minutes_or_seconds;

impl super::Run for RoutineArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        run(self, cx)
    }
}

/// The whole subcommand: the config file, the wake time and the profile, then the routine as
/// a table, JSON or a guided session, whose end decides the exit code.
fn run(args: &RoutineArgs, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
    // The local time of day decides whether a wake time turns morning mode on; --morning and
    // --wake-time win over the config file's wake time, but a broken file is an error either
    // way, never silently passed over.
    let config = cx.config()?;
    let configured_wake = config.routine.wake_time.map(WakeTime::from);
    // The clock only when a wake time can decide: reading the local time zone (a file, its
    // parser's code) costs a query that needs no time ~5k instructions and some memory.
    let now = if !args.morning && args.wake_time.or(configured_wake).is_some() {
        cx.now().time()
    } else {
        chrono::NaiveTime::default()
    };
    let location = super::location(args.location, &args.place, "routine")?.ok_or_else(|| {
        UsageError::Invalid(
            "routine needs to know where it hurts: `backpain routine lower` (or --location lower); \
             valid: lower, upper, sciatic, hip, neck; `backpain route` shows them on a body map; \
             see 'backpain routine --help'"
                .into(),
        )
    })?;
    let request = Request::new(location, args, configured_wake, super::profile(&args.profile, config), now);
    let morning = request.morning.is_some();
    let prepared = prepare(request)?;
    let mut report = report(&prepared);
    report.pictures = args.pictures;
    if let Some(format) = args.sheet {
        return sheet(cx, &report, format);
    }
    if !args.guided {
        return cx.report(&report, args.output.json);
    }
    if prepared.is_empty() {
        // Nothing to play: say why, as the table does, and start no session.
        let text: String = report.adjustments.iter().map(|line| format!("{line}\n")).collect();
        return cx.print(text.as_bytes());
    }
    let env = cx.env;
    let output = if args.output.json {
        guided::Output::Json
    } else if env.stdout_is_terminal && !env.dumb_terminal {
        guided::Output::Terminal { color: cx.theme.color, bell: !args.quiet, ascii: env.ascii }
    } else {
        // TERM=dumb cannot draw a screen: it gets the plain lines a pipe gets.
        guided::Output::Plain
    };
    let cues = guided::cues::cues(&prepared.plan);
    if env.stdout_is_terminal && env.dumb_terminal && !args.output.json {
        // Plain lines on a person's screen: say how it is steered, since no keys are read.
        cx.print(
            b"This terminal (TERM=dumb) cannot take keys: the session plays through to its end; Ctrl-C stops it.\n",
        )?;
    }
    let mut stderr = cx.stderr();
    let (mut history, ask_pain) = super::journal(&args.data, config, &mut **stderr);
    let recording = guided::Recording { history: &mut *history, morning, ask_pain, warnings: &mut **stderr };
    let mut stdout = cx.stdout();
    // A terminal that cannot show the screen's glyphs (LANG=C) gets them in ASCII; JSON is
    // for programs and stays as it is.
    let mut ascii;
    let stdout: &mut dyn std::io::Write = if env.ascii && !args.output.json {
        ascii = crate::term::text::AsciiGlyphs::new(&mut **stdout);
        &mut ascii
    } else {
        &mut **stdout
    };
    match guided::run(&report, &cues, output, env.test_speed, stdout, recording)? {
        SessionEnd::Played(_) => Ok(()),
        SessionEnd::Interrupted(_) => Err(Interrupted(None).into()),
    }
}

/// `--sheet`: the printable page as HTML, or printed to PDF by a browser found on this machine.
fn sheet(cx: &super::Context<'_, '_>, report: &RoutineReport, format: SheetFormat) -> anyhow::Result<()> {
    let date = cx.now().format("%-d %B %Y").to_string();
    if cx.env.stdout_is_terminal {
        // A page of markup (or a PDF's bytes) is no use on a screen: say where it should go.
        let (what, command) = match format {
            SheetFormat::Html => ("an HTML page for a browser", "--sheet > routine.html"),
            SheetFormat::Pdf => ("a PDF", "--sheet pdf > routine.pdf"),
        };
        return Err(UsageError::Invalid(format!(
            "--sheet writes {what}, not text for the terminal: send it to a file, `backpain routine {} {command}`",
            report.location
        ))
        .into());
    }
    let html = crate::render::sheet::sheet(report, &date);
    if format == SheetFormat::Html {
        return cx.print(html.as_bytes());
    }
    let Some(browser) = browser::find() else {
        anyhow::bail!(
            "--sheet pdf prints through Chromium or Chrome, and none was found (looked on PATH for {}; \
             BACKPAIN_BROWSER names another): install one, or write the page with \
             `backpain routine {} --sheet > routine.html` and print it from any browser",
            browser::CANDIDATES.join(", "),
            report.location
        );
    };
    match browser::print_to_pdf(&browser, &html) {
        Ok(pdf) => cx.print(&pdf),
        Err(browser::PrintError::Interrupted) => anyhow::bail!(crate::error::Interrupted(None)),
        Err(browser::PrintError::Failed(why)) => anyhow::bail!(
            "--sheet pdf: {why}; write the page with `backpain routine {} --sheet > routine.html` \
             and print it from a browser instead",
            report.location
        ),
    }
}

/// What the user asked for, with the time of day already looked at.
#[derive(Debug, Clone)]
pub struct Request {
    pub location: &'static Location,
    pub variant: Variant,
    pub minutes: Option<u32>,
    /// Why morning mode is on, or `None`.
    pub morning: Option<Why>,
    /// The person's conditions and region (flags and config file together).
    pub profile: Profile,
}

impl Request {
    /// The request for `location` and `args`, where `now` is the local time of day and `configured_wake` the
    /// config file's wake time (`--wake-time` wins over it).
    pub fn new(
        location: &'static Location,
        args: &RoutineArgs,
        configured_wake: Option<WakeTime>,
        profile: Profile,
        now: chrono::NaiveTime,
    ) -> Self {
        Request {
            location,
            variant: if args.micro { Variant::Micro } else { Variant::Full },
            minutes: args.minutes,
            morning: morning::decide(args.morning, args.wake_time.or(configured_wake), now),
            profile,
        }
    }

    /// The routine as the dataset has it: no budget, no morning mode, no conditions.
    pub fn plain(location: &'static Location, variant: Variant) -> Self {
        Request { location, variant, minutes: None, morning: None, profile: Profile::default() }
    }
}

/// The plan to do today and what was changed to get it, in words.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub request: Request,
    pub plan: Plan,
    pub adjustments: Vec<String>,
    /// What the conditions changed.
    pub changes: Vec<Change>,
}

impl Prepared {
    /// The conditions ruled out every drill: there is no routine to show or play.
    pub fn is_empty(&self) -> bool {
        self.plan.steps.is_empty()
    }
}

/// Morning swaps first, then the conditions (whose swaps keep morning mode), then the time
/// budget, so the budget fits the drills that will be done.
pub fn prepare(request: Request) -> Result<Prepared, UsageError> {
    let mut plan = Plan::new(request.location, request.variant);
    let mut adjustments = Vec::new();
    if let Some(why) = request.morning {
        let (swapped, swaps) = morning::swap(&plan);
        adjustments.extend(describe_morning(why, &swaps));
        plan = swapped;
    }
    let (adapted, changes) = conditions::adapt(&plan, &request.profile.conditions, request.morning.is_some());
    adjustments.extend(describe_changes(&changes));
    plan = adapted;
    if plan.steps.is_empty() {
        adjustments.push(nothing_left(&request));
        return Ok(Prepared { request, plan, adjustments, changes });
    }
    if let Some(minutes) = request.minutes {
        let before = plan.total_seconds();
        let (fitted, cuts) = budget::fit(&plan, minutes * 60).map_err(|short| too_short(&request, minutes, short))?;
        adjustments.extend(describe_cuts(minutes, before, &fitted, &cuts));
        plan = fitted;
    }
    Ok(Prepared { request, plan, adjustments, changes })
}

/// "Hip replacement: Knee-to-chest (bends the hip past 90°) is swapped for Heel raises: 10
/// reps; Bottom-to-heels (...) is left out. Why: ...": one line per condition (or set of
/// conditions), each reason said once.
fn describe_changes(changes: &[Change]) -> Vec<String> {
    let mut groups: Vec<(Vec<&'static str>, bool, Vec<&Change>)> = Vec::new();
    for change in changes {
        let ids: Vec<&str> = change.because.iter().map(|condition| condition.id).collect();
        match groups.iter_mut().find(|(known, added, _)| *known == ids && *added == change.added) {
            Some((_, _, members)) => members.push(change),
            None => groups.push((ids, change.added, vec![change])),
        }
    }
    groups
        .into_iter()
        .map(|(_, added, members)| {
            let because = &members[0].because;
            let names: Vec<&str> = because.iter().map(|condition| condition.name).collect();
            let every = because.iter().any(|condition| condition.avoid_all);
            let what: Vec<String> = if every {
                vec!["every drill is left out".to_string()]
            } else {
                members.iter().map(|change| describe_change(change)).collect()
            };
            let reasons: Vec<String> = because
                .iter()
                .map(|condition| {
                    let why = if added { condition.adds_why.unwrap_or(condition.reason) } else { condition.reason };
                    format!("{why} [{}]", condition.sources.join(", "))
                })
                .collect();
            format!("{}: {}. Why: {}.", names.join(", "), what.join("; "), reasons.join("; "))
        })
        .collect()
}

/// One drill's change, without the reason: "Knee-to-chest (bends the hip past 90°) is left out".
fn describe_change(change: &Change) -> String {
    if change.added {
        return format!("{} is added ({})", change.drill.name, change.drill.dose.describe());
    }
    let what: Vec<&str> =
        change.because.iter().flat_map(|condition| condition.conflicts(change.drill)).map(|rule| rule.says).collect();
    let what = if what.is_empty() { String::new() } else { format!(" ({})", dedup(what).join("; ")) };
    match &change.swap {
        Some((to, dose)) => format!("{}{what} is swapped for {}: {}", change.drill.name, to.name, dose.describe()),
        None => format!("{}{what} is left out", change.drill.name),
    }
}

fn dedup(mut items: Vec<&'static str>) -> Vec<&'static str> {
    let mut seen = Vec::new();
    items.retain(|item| {
        let fresh = !seen.contains(item);
        seen.push(item);
        fresh
    });
    items
}

/// Said instead of an empty routine.
fn nothing_left(request: &Request) -> String {
    let names: Vec<&str> = request.profile.conditions.iter().map(|condition| condition.id).collect();
    // What to do first is already said above, with each condition given.
    let first = if request.profile.conditions.iter().any(|condition| condition.first.is_some()) {
        ""
    } else {
        " Ask a physiotherapist or your doctor which exercises suit you."
    };
    format!(
        "No drill of the {} is suitable with --condition {}, so there is no routine to show.{first}",
        routine_name(request),
        names.join(" --condition "),
    )
}

/// The changes for scripts: one per drill a condition ruled out.
fn change_views(changes: &[Change]) -> Vec<ChangeView> {
    changes
        .iter()
        .map(|change| ChangeView {
            conditions: change.because.iter().map(|condition| condition.id).collect(),
            drill: change.drill.id,
            replaced_by: change.swap.as_ref().map(|(to, _)| to.id),
            added: change.added,
            reason: change
                .because
                .iter()
                .map(
                    |condition| {
                        if change.added {
                            condition.adds_why.unwrap_or(condition.reason)
                        } else {
                            condition.reason
                        }
                    },
                )
                .collect::<Vec<_>>()
                .join("; "),
            sources: change.because.iter().flat_map(|condition| condition.sources.iter().copied()).collect(),
        })
        .collect()
}

/// The report for `routine` (table or JSON), and for the guided player's introduction.
pub fn report(prepared: &Prepared) -> RoutineReport {
    let Prepared { request, plan, adjustments, changes } = prepared;
    let location = request.location;
    let mut rules = vec!["not-today", "intensity"];
    if plan.has_flexion() || request.morning.is_some() {
        rules.push("morning");
    }
    RoutineReport {
        location: location.id,
        code: location.code,
        name: location.name,
        variant: plan.variant,
        total_seconds: plan.total_seconds(),
        warning: location.warning,
        advice: location.advice.iter().map(ClaimView::new).collect(),
        steps: plan.steps.iter().map(|step| StepView::new(step.drill, &step.dose)).collect(),
        adjustments: adjustments.clone(),
        changes: change_views(changes),
        conditions: request.profile.conditions.iter().copied().map(ConditionView::new).collect(),
        rules: rules.into_iter().filter_map(dataset::rule).map(RuleView::new).collect(),
        red_flags: red_flags(location, &request.profile.conditions, request.profile.wording()),
        disclaimer: dataset::dataset().meta.disclaimer,
        pictures: false,
        notes: {
            let described = describe_changes(changes);
            adjustments.iter().filter(|line| !described.contains(line)).cloned().collect()
        },
    }
}

fn routine_name(request: &Request) -> String {
    format!("{} {} routine", request.location.name, request.variant.label())
}

fn too_short(request: &Request, minutes: u32, short: budget::TooShort) -> UsageError {
    let morning = if request.morning.is_some() { " in morning mode" } else { "" };
    UsageError::Invalid(format!(
        "--minutes {minutes} is too short for the {}{morning}: its shortest useful form (the priority-1 drills, \
         one set each, half the reps) takes {}, so the minimum is --minutes {}",
        routine_name(request),
        minutes_or_seconds(short.minimum_seconds),
        short.minimum_minutes()
    ))
}

/// "Morning mode (--morning): ..." and one line per swap.
fn describe_morning(why: Why, swaps: &[Swap]) -> Vec<String> {
    let why = match why {
        Why::Asked => "--morning".to_string(),
        Why::Woke { at, minutes_ago } => {
            format!("you woke at {at}, {} ago", minutes_or_seconds(minutes_ago * 60))
        }
    };
    let mut lines = Vec::new();
    match dataset::rule("morning") {
        Some(rule) => {
            lines.push(format!("Morning mode ({why}): {}", rule.text));
            let evidence = &rule.evidence;
            lines.push(format!("The morning caution is {}: {}", evidence.status.label(), evidence.summary));
        }
        None => lines.push(format!("Morning mode ({why}).")),
    }
    if swaps.is_empty() {
        lines.push("No drill in this routine bends the low back forward, so nothing was swapped.".into());
    }
    for swap in swaps {
        lines.push(match swap {
            Swap::Swapped { from, to, dose } => {
                format!("{} (bends the low back) is swapped for {}: {}.", from.name, to.name, dose.describe())
            }
            Swap::Merged { drill, into } => format!(
                "{} (bends the low back) is left out: its morning swap, {}, is already in the routine.",
                drill.name, into.name
            ),
            Swap::Dropped { drill } => {
                format!("{} (bends the low back) is left out: there is no swap for it.", drill.name)
            }
        });
    }
    lines
}

/// "Time budget 10 min: ..." and what was cut, one line per kind of cut.
fn describe_cuts(minutes: u32, before: u32, plan: &Plan, cuts: &[Cut]) -> Vec<String> {
    let budget = minutes_or_seconds(minutes * 60);
    let before_text = minutes_or_seconds(before);
    if cuts.is_empty() {
        return vec![format!("Time budget {budget}: the routine takes {before_text}, so nothing was cut.")];
    }
    let mut lines = vec![format!(
        "Time budget {budget}: the routine takes {before_text}, so it was cut to {} (lower-priority drills go \
         first, the last first; then extra sets; then reps, down to half).",
        minutes_or_seconds(plan.total_seconds())
    )];
    let dropped: Vec<String> = cuts
        .iter()
        .filter_map(|cut| match cut {
            Cut::Dropped { drill, priority } => Some(format!("{}, priority {priority}", drill.name)),
            _ => None,
        })
        .collect();
    if !dropped.is_empty() {
        lines.push(format!("Left out: {}.", dropped.join("; ")));
    }
    // One entry per drill, its fewer sets and fewer reps together, in the order of the cuts.
    let mut fewer: Vec<(&Drill, Vec<String>)> = Vec::new();
    for cut in cuts {
        let (drill, text) = match cut {
            Cut::FewerSets { drill, from, to } => (*drill, count_instead(*to, *from, "set", "sets")),
            Cut::FewerReps { drill, from, to } if holds(plan, drill) => {
                (*drill, count_instead(*to, *from, "hold", "holds"))
            }
            Cut::FewerReps { drill, from, to } => (*drill, count_instead(*to, *from, "rep", "reps")),
            Cut::Dropped { .. } => continue,
        };
        match fewer.iter_mut().find(|(seen, _)| seen.id == drill.id) {
            Some((_, texts)) => texts.push(text),
            None => fewer.push((drill, vec![text])),
        }
    }
    if !fewer.is_empty() {
        let fewer: Vec<String> =
            fewer.iter().map(|(drill, texts)| format!("{}: {}", drill.name, texts.join(", "))).collect();
        lines.push(format!("Shortened: {}.", fewer.join("; ")));
    }
    lines
}

/// Whether `drill`'s reps in `plan` are holds (so a cut reads "2 holds instead of 3").
fn holds(plan: &Plan, drill: &Drill) -> bool {
    plan.steps.iter().any(|step| step.drill.id == drill.id && step.dose.hold_seconds > 0)
}

/// "1 rep instead of 2", "2 holds instead of 3".
fn count_instead(to: u32, from: u32, one: &str, many: &str) -> String {
    format!("{to} {} instead of {from}", if to == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower() -> &'static Location {
        dataset::location("lower").unwrap()
    }

    #[test]
    fn without_options_nothing_is_adjusted() {
        let prepared = prepare(Request::plain(lower(), Variant::Full)).unwrap();
        assert!(prepared.adjustments.is_empty());
        assert_eq!(report(&prepared).total_seconds, lower().routine(Variant::Full).total_seconds());
    }

    #[test]
    fn morning_mode_says_why_with_the_evidence_status() {
        let request = Request { morning: Some(Why::Asked), ..Request::plain(lower(), Variant::Full) };
        let prepared = prepare(request.clone()).unwrap();
        let first = &prepared.adjustments[0];
        assert!(first.starts_with("Morning mode (--morning): For about 2 hours"), "{first}");
        assert!(prepared.adjustments[1].starts_with("The morning caution is partly supported: Snook 1998"));
        assert!(prepared.adjustments.iter().any(|line| line.starts_with("Cat-cow (bends the low back) is swapped")));
        let woke = Why::Woke { at: "06:30".parse().unwrap(), minutes_ago: 45 };
        let prepared = prepare(Request { morning: Some(woke), ..request }).unwrap();
        assert!(prepared.adjustments[0].starts_with("Morning mode (you woke at 06:30, 45 min ago)"));
        let rules: Vec<_> = report(&prepared).rules.iter().map(|rule| rule.id).collect();
        assert_eq!(rules, ["not-today", "intensity", "morning"], "the caution is shown with the swaps");
    }

    #[test]
    fn a_budget_says_what_it_cut() {
        let request = Request { minutes: Some(5), ..Request::plain(lower(), Variant::Full) };
        let prepared = prepare(request.clone()).unwrap();
        assert!(prepared.plan.total_seconds() <= 300);
        assert!(prepared.adjustments[0].starts_with("Time budget 5 min: the routine takes"));
        assert!(prepared.adjustments[1].starts_with("Left out: "), "{:?}", prepared.adjustments);
        let roomy = prepare(Request { minutes: Some(60), ..request }).unwrap();
        assert_eq!(roomy.adjustments.len(), 1);
        assert!(roomy.adjustments[0].ends_with("so nothing was cut."));
    }

    #[test]
    fn a_budget_names_each_shortened_drill_once_and_counts_in_words() {
        let hip = dataset::location("hip").unwrap();
        let prepared = prepare(Request { minutes: Some(4), ..Request::plain(hip, Variant::Full) }).unwrap();
        let shortened = prepared.adjustments.iter().find(|line| line.starts_with("Shortened: ")).unwrap();
        assert_eq!(shortened.matches("Glute bridge").count(), 1, "{shortened}");
        assert!(shortened.contains("Glute bridge: 1 set instead of 2, "), "{shortened}");
        assert!(!shortened.contains(" 1 reps") && !shortened.contains(" 1 holds"), "{shortened}");
        let left_out = prepared.adjustments.iter().find(|line| line.starts_with("Left out: ")).unwrap();
        assert!(!left_out.contains(") (priority"), "no nested brackets: {left_out}");
        assert!(left_out.contains(", priority "), "{left_out}");
        assert_eq!(count_instead(1, 2, "rep", "reps"), "1 rep instead of 2");
        assert_eq!(count_instead(2, 3, "hold", "holds"), "2 holds instead of 3");
    }

    #[test]
    fn a_budget_below_the_minimum_names_it() {
        let request = Request { minutes: Some(1), ..Request::plain(lower(), Variant::Full) };
        let err = prepare(request).unwrap_err().to_string();
        assert!(err.starts_with("--minutes 1 is too short for the Lower back (lumbar) full routine:"), "{err}");
        assert!(err.contains("so the minimum is --minutes "), "{err}");
    }
}
