//! What the commands hand to the renderers: typed, serializable values whose JSON form is the
//! documented interface (README, "JSON output"). Commands build these; renderers print them.

use serde::Serialize;

use crate::dataset::{
    self, Better, Citation, Claim, Condition, Dose, Drill, DrillKind, Evidence, Location, RedFlag, Status, Urgency,
    UrgencyWording, Variant,
};
use crate::plan::Plan;

/// A claim's evidence with its sources resolved to full references.
#[derive(Debug, Serialize)]
pub struct EvidenceView {
    pub status: Status,
    pub summary: &'static str,
    pub sources: Vec<&'static Citation>,
}

impl EvidenceView {
    pub fn new(evidence: &'static Evidence) -> Self {
        EvidenceView { status: evidence.status, summary: evidence.summary, sources: cite(evidence.sources) }
    }
}

/// Citations by id; the dataset tests prove every id resolves.
pub fn cite(ids: &'static [&'static str]) -> Vec<&'static Citation> {
    ids.iter().filter_map(|id| dataset::citation(id)).collect()
}

#[derive(Debug, Serialize)]
pub struct ClaimView {
    pub text: &'static str,
    pub evidence: EvidenceView,
}

impl ClaimView {
    pub fn new(claim: &'static Claim) -> Self {
        ClaimView { text: claim.text, evidence: EvidenceView::new(&claim.evidence) }
    }
}

#[derive(Debug, Serialize)]
pub struct MythView {
    pub id: &'static str,
    pub myth: &'static str,
    pub reality: &'static str,
    pub evidence: EvidenceView,
    pub guide_claim: Option<ClaimView>,
}

/// What an `--id` asks for: one thing, printed as one JSON object, or the whole list, printed as
/// an array (`jq .name` works on `--id X --json` without `.[0]`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Listing<T> {
    One(T),
    All(Vec<T>),
}

impl<T> Listing<T> {
    pub fn items(&self) -> &[T] {
        match self {
            Listing::One(item) => std::slice::from_ref(item),
            Listing::All(items) => items,
        }
    }
}

/// `backpain myths`: one or all myths.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct MythsReport(pub Listing<MythView>);

#[derive(Debug, Serialize)]
pub struct RedFlagView {
    pub text: &'static str,
    pub urgency: Urgency,
    /// What to do, in the words for the reader's region (`--region`), neutral without one.
    pub when: &'static str,
}

impl RedFlagView {
    pub fn new(flag: &'static RedFlag, wording: &'static UrgencyWording) -> Self {
        RedFlagView { text: flag.text, urgency: flag.urgency, when: wording.says(flag.urgency) }
    }
}

/// The red flags shown with any routine: the location's own, then those of the conditions
/// given, then the general ones, emergencies first so that no shortened view can leave one out.
pub fn red_flags(
    location: &'static Location,
    conditions: &[&'static Condition],
    wording: &'static UrgencyWording,
) -> Vec<RedFlagView> {
    let meta = &dataset::dataset().meta;
    let own = conditions.iter().flat_map(|condition| condition.red_flags);
    let mut flags: Vec<RedFlagView> = location
        .red_flags
        .iter()
        .chain(own)
        .chain(meta.general_red_flags)
        .map(|flag| RedFlagView::new(flag, wording))
        .collect();
    // A condition may repeat one of the location's own flags (after a hip replacement, on the
    // hip's list too): each is said once.
    let mut seen: Vec<&str> = Vec::new();
    flags.retain(|flag| {
        let fresh = !seen.contains(&flag.text);
        seen.push(flag.text);
        fresh
    });
    flags.sort_by_key(|flag| flag.urgency as u8);
    flags
}

/// A condition the person named, with what it changes and what to do first.
#[derive(Debug, Serialize)]
pub struct ConditionView {
    pub id: &'static str,
    pub name: &'static str,
    /// Shown with every drill it rules out.
    pub caution: &'static str,
    pub first: Option<&'static str>,
    pub sources: Vec<&'static Citation>,
}

impl ConditionView {
    pub fn new(condition: &'static Condition) -> Self {
        ConditionView {
            id: condition.id,
            name: condition.name,
            caution: condition.caution,
            first: condition.first,
            sources: cite(condition.sources),
        }
    }
}

/// One change a condition made to a routine, for scripts (`adjustments` says it in words).
#[derive(Debug, Serialize)]
pub struct ChangeView {
    /// The conditions that rule the drill out.
    pub conditions: Vec<&'static str>,
    pub drill: &'static str,
    /// The drill done instead, or null when it is left out (or added).
    pub replaced_by: Option<&'static str>,
    /// The conditions added this drill (their positive programme) rather than ruled it out.
    pub added: bool,
    pub reason: String,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct DrillRef {
    pub id: &'static str,
    pub name: &'static str,
}

/// A routine in brief, as `route` shows it.
#[derive(Debug, Serialize)]
pub struct RoutineSummary {
    pub variant: Variant,
    pub total_seconds: u32,
    pub drills: Vec<DrillRef>,
    pub command: String,
    /// What the person's conditions changed, in words; empty when nothing was.
    pub adjustments: Vec<String>,
}

impl RoutineSummary {
    /// `plan` as it will be done, `command` the way to see it whole, `adjustments` what changed.
    pub fn new(plan: &Plan, command: String, adjustments: Vec<String>) -> Self {
        RoutineSummary {
            variant: plan.variant,
            total_seconds: plan.total_seconds(),
            drills: plan.steps.iter().map(|step| DrillRef { id: step.drill.id, name: step.drill.name }).collect(),
            command,
            adjustments,
        }
    }
}

/// `backpain route --location LOC`.
#[derive(Debug, Serialize)]
pub struct RouteReport {
    pub location: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub area: &'static str,
    pub cause: ClaimView,
    pub warning: Option<&'static str>,
    pub red_flags: Vec<RedFlagView>,
    pub routine: RoutineSummary,
    pub micro_routine: RoutineSummary,
    pub next: String,
    /// The conditions given (`--condition`, `[profile]`), with what to do first.
    pub conditions: Vec<ConditionView>,
    pub disclaimer: &'static str,
}

#[derive(Debug, Serialize)]
pub struct LocationLine {
    pub location: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub area: &'static str,
    pub aliases: &'static [&'static str],
}

/// `backpain route` without a location: the five locations.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct LocationsReport(pub Vec<LocationLine>);

#[derive(Debug, Serialize)]
pub struct DoseView {
    pub text: String,
    pub reps: u32,
    pub hold_seconds: u32,
    pub rep_seconds: u32,
    pub sets: u32,
    pub each_side: bool,
    pub rest_seconds: u32,
    pub seconds: u32,
}

impl DoseView {
    pub fn new(dose: &Dose) -> Self {
        DoseView {
            text: dose.describe(),
            reps: dose.reps,
            hold_seconds: dose.hold_seconds,
            rep_seconds: dose.rep_seconds,
            sets: dose.sets,
            each_side: dose.each_side,
            rest_seconds: dose.rest_seconds,
            seconds: dose.seconds(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct StepView {
    pub id: &'static str,
    pub name: &'static str,
    pub position: dataset::Position,
    pub dose: DoseView,
    pub cues: &'static [&'static str],
    /// The drill's own cautions, then one line naming the conditions that rule it out.
    pub cautions: Vec<std::borrow::Cow<'static, str>>,
    pub sources: Vec<&'static Citation>,
    pub kind: DrillKind,
    /// The movement, as key positions with posture and joint angles (to draw it).
    pub positions: &'static [dataset::KeyPosition],
}

impl StepView {
    pub fn new(drill: &'static Drill, dose: &Dose) -> Self {
        StepView {
            id: drill.id,
            name: drill.name,
            position: drill.position,
            dose: DoseView::new(dose),
            cues: drill.cues,
            cautions: drill.shown_cautions(),
            sources: cite(drill.sources),
            kind: drill.kind,
            positions: drill.positions,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct RuleView {
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub guide_says: Option<&'static str>,
    pub evidence: EvidenceView,
}

impl RuleView {
    pub fn new(rule: &'static dataset::Rule) -> Self {
        RuleView {
            id: rule.id,
            title: rule.title,
            text: rule.text,
            guide_says: rule.guide_says,
            evidence: EvidenceView::new(&rule.evidence),
        }
    }
}

/// `backpain routine --location LOC [--micro]`.
#[derive(Debug, Serialize)]
pub struct RoutineReport {
    pub location: &'static str,
    pub code: &'static str,
    pub name: &'static str,
    pub variant: Variant,
    pub total_seconds: u32,
    pub warning: Option<&'static str>,
    pub advice: Vec<ClaimView>,
    pub steps: Vec<StepView>,
    /// What --condition, --morning or --minutes changed, in words; empty when nothing was.
    pub adjustments: Vec<String>,
    /// Each change a condition made, for scripts.
    pub changes: Vec<ChangeView>,
    /// The conditions given (`--condition`, `[profile]`), with what to do first.
    pub conditions: Vec<ConditionView>,
    pub rules: Vec<RuleView>,
    pub red_flags: Vec<RedFlagView>,
    pub disclaimer: &'static str,
    /// Draw each drill's key positions in the table (`--pictures`); never in JSON.
    #[serde(skip)]
    pub pictures: bool,
    /// The adjustments other than the conditions' changes (morning mode, the time budget),
    /// for a page that lists `changes` in short.
    #[serde(skip)]
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DrillView {
    pub id: &'static str,
    pub name: &'static str,
    pub targets: &'static [&'static str],
    pub position: dataset::Position,
    pub desk_friendly: bool,
    pub spinal_flexion: bool,
    pub dose: DoseView,
    pub cues: &'static [&'static str],
    /// The drill's own cautions, then every condition precaution that applies to it.
    pub cautions: Vec<&'static str>,
    pub sources: Vec<&'static Citation>,
    pub morning_swap: Option<&'static str>,
    pub locations: Vec<&'static str>,
    pub kind: DrillKind,
    /// The movement rules its positions meet (computed, `data/conditions.json`).
    pub movements: &'static [&'static str],
    /// The movement, described once: key positions with posture and joint angles.
    pub positions: &'static [dataset::KeyPosition],
    /// The conditions (`--condition`) whose precautions rule this drill out.
    pub precautions: Vec<&'static str>,
}

/// `backpain drills [--id ID]`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct DrillsReport(pub Listing<DrillView>);

#[derive(Debug, Serialize)]
pub struct FaqView {
    pub id: &'static str,
    pub question: &'static str,
    pub answer: &'static str,
    pub guide_says: Option<&'static str>,
    pub evidence: EvidenceView,
}

/// `backpain faq`: the implementation guide and the common questions.
#[derive(Debug, Serialize)]
pub struct FaqReport {
    pub guide: Vec<RuleView>,
    pub questions: Vec<FaqView>,
    pub disclaimer: &'static str,
}

/// `backpain sources [--id ID]`: one or every reference the dataset cites.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SourcesReport(pub Listing<&'static Citation>);

/// `backpain stats`: what the history says about the last `weeks` weeks (README, "History").
#[derive(Debug, Serialize)]
pub struct StatsReport {
    /// The local date the figures end on.
    pub today: String,
    /// The Monday the window starts on.
    pub from: String,
    pub weeks: u32,
    /// The location the figures are limited to, or null for all.
    pub location: Option<String>,
    pub breaks: BreakStats,
    pub sessions: SessionStats,
    /// Over the whole history, not only the window.
    pub streak: Streak,
    /// One row per week, oldest first; `week` is its Monday.
    pub per_week: Vec<WeekStats>,
    /// One row per week, oldest first: breaks taken each day, Monday first; null for days to come.
    pub heatmap: Vec<HeatWeek>,
    /// The weekly average pain per location, aligned with `per_week`; null for weeks without.
    pub pain: Vec<PainTrend>,
    pub pain_vs_breaks: PainVsBreaks,
    /// Lines that could not be read and were left out (reported on stderr).
    pub skipped_lines: usize,
    /// Pain, the PEG and each activity judged against the first value in the period.
    pub measures: Vec<MeasureView>,
    /// When the last check-in was, and whether one is due.
    pub check_in: CheckInStatus,
    /// Why to see a doctor or physiotherapist, from these numbers, when they say so.
    pub advice: Option<Advice>,
}

/// A measure's verdict against the person's own baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Improved,
    Unchanged,
    Worse,
    TooEarly,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Improved => "improved",
            Verdict::Unchanged => "unchanged",
            Verdict::Worse => "worse",
            Verdict::TooEarly => "too early",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MeasurePoint {
    pub date: String,
    pub value: f64,
}

/// One measure (pain per location, the PEG, or one activity) over the period.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureView {
    /// `pain`, `peg` or `psfs`.
    pub measure: &'static str,
    pub name: &'static str,
    /// pain: the location id.
    pub location: Option<String>,
    /// psfs: the activity as the person named it.
    pub activity: Option<String>,
    /// psfs: the activity is in the latest check-in (false: dropped or renamed since).
    pub current: Option<bool>,
    /// `lower` or `higher`: which way is better.
    pub better: Better,
    pub baseline: MeasurePoint,
    pub latest: MeasurePoint,
    /// latest minus baseline.
    pub change: f64,
    /// How many values (weeks with pain ratings, or check-ins) the period holds.
    pub count: usize,
    pub verdict: Verdict,
    /// The thresholds the verdict used, in words.
    pub thresholds: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckInStatus {
    /// The date of the latest check-in, and of the first.
    pub last: Option<String>,
    pub first: Option<String>,
    pub days_since: Option<i64>,
    pub due_days: u32,
    pub due: bool,
}

/// The see-a-clinician advice, with the emergency red flags.
#[derive(Debug, Serialize)]
pub struct Advice {
    /// What in the numbers prompted it.
    pub because: String,
    pub text: &'static str,
    pub red_flags: Vec<RedFlagView>,
}

#[derive(Debug, Serialize)]
pub struct BreakStats {
    /// Reminders shown, as a notification or in the terminal.
    pub reminded: u32,
    /// Reminders not shown (missed while the computer slept past the window, say).
    pub held_back: u32,
    /// Breaks taken: Done on a notification, `log done`, and guided sessions with a drill done.
    pub taken: u32,
    pub done_on_notification: u32,
    pub logged: u32,
    /// Snooze pressed.
    pub snoozed: u32,
    /// Notifications that closed without Done or Snooze.
    pub expired: u32,
    pub after_snooze: AfterSnooze,
}

/// What happened to the repeats that Snooze asked for.
#[derive(Debug, Serialize)]
pub struct AfterSnooze {
    pub shown: u32,
    pub done: u32,
    pub snoozed_again: u32,
    pub expired: u32,
    /// Still open, shown in the terminal, or the loop stopped first.
    pub no_answer: u32,
}

#[derive(Debug, Serialize)]
pub struct SessionStats {
    pub count: u32,
    /// Time spent in sessions, pauses excluded, rounded.
    pub minutes: u64,
}

#[derive(Debug, Serialize)]
pub struct Streak {
    pub current_days: u32,
    pub best_days: u32,
    pub rule: &'static str,
}

#[derive(Debug, Serialize)]
pub struct WeekStats {
    pub week: String,
    pub reminded: u32,
    pub taken: u32,
    pub sessions: u32,
    pub minutes: u64,
    /// Average pain that week, by location.
    pub pain: std::collections::BTreeMap<String, f64>,
}

#[derive(Debug, Serialize)]
pub struct HeatWeek {
    pub week: String,
    pub days: Vec<Option<u32>>,
}

#[derive(Debug, Serialize)]
pub struct PainTrend {
    pub location: String,
    pub weekly: Vec<Option<f64>>,
}

/// Average pain in weeks with many breaks against weeks with few: an observation, not a cause.
#[derive(Debug, Serialize)]
pub struct PainVsBreaks {
    /// "compared", "too_few_weeks" (fewer than 4 weeks with pain entries) or "no_spread".
    pub status: &'static str,
    pub weeks_with_pain: usize,
    /// Weeks with at least this many breaks are the "many" group.
    pub threshold: Option<u32>,
    pub many: Option<PainGroup>,
    pub few: Option<PainGroup>,
    /// The finding in words, or why there is none yet.
    pub observation: String,
}

#[derive(Debug, Serialize)]
pub struct PainGroup {
    pub weeks: usize,
    pub average_pain: f64,
}

/// `backpain doctor`: what this desktop offers reminders, and what backpain will do with it.
/// Every part that is missing says why and, where something can be done, how (`fix`).
#[derive(Debug, Serialize)]
pub struct DoctorReport {
    /// The D-Bus session bus address notifications use, or null when there is none.
    pub session_bus: Option<String>,
    pub notification_server: NotificationServerView,
    /// Every presence source, in the order each signal's sources are tried.
    pub presence: Vec<PresenceView>,
    /// For each signal, the source `remind` will read it from (null: none, so it is not used).
    pub signals: SignalsView,
    pub timer: TimerView,
    pub config: ConfigView,
    pub history: HistoryView,
    pub remind: RemindView,
}

/// The notification server, or why there is none.
#[derive(Debug, Serialize)]
pub struct NotificationServerView {
    pub found: bool,
    pub name: Option<String>,
    pub vendor: Option<String>,
    pub version: Option<String>,
    pub spec_version: Option<String>,
    pub capabilities: Vec<String>,
    /// Buttons that report back: Done, Snooze and clicking need them.
    pub actions: bool,
    pub body_markup: bool,
    pub reason: Option<String>,
    pub fix: Option<String>,
}

/// One presence source asked once.
#[derive(Debug, Serialize)]
pub struct PresenceView {
    /// "logind", "mutter", "screensaver", "wayland", "x11", "dunst", "kde", "gnome".
    pub source: &'static str,
    /// "idle", "locked", "dnd", "fullscreen".
    pub signal: &'static str,
    pub describe: String,
    pub ok: bool,
    /// What it answered ("312 s idle", "false"), when it did.
    pub value: Option<String>,
    /// Why it did not answer, when it did not.
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SignalsView {
    pub idle: Option<&'static str>,
    pub locked: Option<&'static str>,
    pub dnd: Option<&'static str>,
    pub fullscreen: Option<&'static str>,
}

/// The printed systemd timer (`remind --print-schedule systemd`), as `systemctl --user` sees it.
#[derive(Debug, Serialize)]
pub struct TimerView {
    pub unit: &'static str,
    /// Null when systemctl could not tell (not installed, no user manager).
    pub installed: Option<bool>,
    pub active: Option<bool>,
    /// When it fires next, as systemd prints it.
    pub next: Option<String>,
    pub reason: Option<String>,
    pub fix: Option<String>,
}

/// The config file.
#[derive(Debug, Serialize)]
pub struct ConfigView {
    pub path: Option<String>,
    pub exists: bool,
    pub valid: bool,
    pub error: Option<String>,
}

/// Where the history is kept, and the reminders it holds from the last day.
#[derive(Debug, Serialize)]
pub struct HistoryView {
    pub dir: Option<String>,
    pub exists: bool,
    pub error: Option<String>,
    /// `[history] record = false`: sessions and reminders record nothing.
    pub recording: bool,
    /// The latest reminders of the last 24 hours (at most 5), oldest first: what came, and
    /// why one was held, skipped or re-timed.
    pub recent_reminders: Vec<RecentReminderView>,
}

/// A reminder as the history recorded it.
#[derive(Debug, Serialize)]
pub struct RecentReminderView {
    /// As written: RFC 3339 with the offset of the machine that wrote it.
    pub at: String,
    /// "notification", "terminal", "held", "skipped" or "retimed".
    pub delivered: Option<String>,
    pub reason: Option<String>,
    /// A repeat asked for with Snooze.
    pub snoozed: bool,
}

/// What `backpain remind` will do, from the config file's `[remind]` or the defaults.
#[derive(Debug, Serialize)]
pub struct RemindView {
    /// "5m", or "off".
    pub natural_break: String,
    /// "hold" or "notify".
    pub when_fullscreen: &'static str,
    pub when_dnd: &'static str,
    /// "hold" or "notify": while the screen is locked or nobody is at the keyboard.
    pub when_away: &'static str,
    /// The config file's `open-command`, or null: `$TERMINAL -e`, else `x-terminal-emulator -e`.
    pub open_command: Option<String>,
}
