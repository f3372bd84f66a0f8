//! The JSON shapes scripts rely on, pinned: a field added, renamed or removed fails here
//! (every struct denies unknown fields). The README documents the same shapes.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Deserialize;

fn parse<T: DeserializeOwned>(args: &[&str]) -> T {
    let output = crate::common::backpain().args(args).arg("--json").output().unwrap();
    assert!(output.status.success(), "{args:?}");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|err| panic!("{args:?}: {err}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Citation {
    id: String,
    text: String,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence {
    status: Status,
    summary: String,
    sources: Vec<Citation>,
}

#[derive(Deserialize, PartialEq, Debug)]
#[serde(rename_all = "snake_case")]
enum Status {
    Supported,
    PartlySupported,
    Plausible,
    NotFound,
    Hypothesis,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Claim {
    text: String,
    evidence: Evidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Myth {
    id: String,
    myth: String,
    reality: String,
    evidence: Evidence,
    guide_claim: Option<Claim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedFlag {
    text: String,
    urgency: Urgency,
    when: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Condition {
    id: String,
    name: String,
    caution: String,
    first: Option<String>,
    sources: Vec<Citation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    conditions: Vec<String>,
    drill: String,
    replaced_by: Option<String>,
    added: bool,
    reason: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Urgency {
    Emergency,
    Urgent,
    Gp,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrillRef {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoutineSummary {
    variant: String,
    total_seconds: u32,
    drills: Vec<DrillRef>,
    command: String,
    adjustments: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Route {
    location: String,
    code: String,
    name: String,
    area: String,
    cause: Claim,
    warning: Option<String>,
    red_flags: Vec<RedFlag>,
    routine: RoutineSummary,
    micro_routine: RoutineSummary,
    next: String,
    conditions: Vec<Condition>,
    disclaimer: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationLine {
    location: String,
    code: String,
    name: String,
    area: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Dose {
    text: String,
    reps: u32,
    hold_seconds: u32,
    rep_seconds: u32,
    sets: u32,
    each_side: bool,
    rest_seconds: u32,
    seconds: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    id: String,
    name: String,
    position: String,
    dose: Dose,
    cues: Vec<String>,
    cautions: Vec<String>,
    sources: Vec<Citation>,
    kind: String,
    positions: Vec<KeyPosition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    id: String,
    title: String,
    text: String,
    guide_says: Option<String>,
    evidence: Evidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Routine {
    location: String,
    code: String,
    name: String,
    variant: String,
    total_seconds: u32,
    warning: Option<String>,
    advice: Vec<Claim>,
    steps: Vec<Step>,
    adjustments: Vec<String>,
    changes: Vec<Change>,
    conditions: Vec<Condition>,
    rules: Vec<Rule>,
    red_flags: Vec<RedFlag>,
    disclaimer: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Drill {
    id: String,
    name: String,
    targets: Vec<String>,
    position: String,
    desk_friendly: bool,
    spinal_flexion: bool,
    dose: Dose,
    cues: Vec<String>,
    cautions: Vec<String>,
    sources: Vec<Citation>,
    morning_swap: Option<String>,
    locations: Vec<String>,
    kind: String,
    movements: Vec<String>,
    precautions: Vec<String>,
    positions: Vec<KeyPosition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyPosition {
    name: String,
    posture: String,
    side: Option<String>,
    held: bool,
    support: Vec<String>,
    load: Vec<String>,
    lumbar: Segment,
    thoracic: Segment,
    neck: Segment,
    left: Limb,
    right: Limb,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Segment {
    flexion: i16,
    side_bend: i16,
    rotation: i16,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Limb {
    hip_flexion: i16,
    hip_abduction: i16,
    hip_rotation: i16,
    knee_flexion: i16,
    ankle: i16,
    shoulder_flexion: i16,
    shoulder_abduction: i16,
    shoulder_rotation: i16,
    elbow_flexion: i16,
    scapula_retraction: i16,
    scapula_elevation: i16,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    id: String,
    question: String,
    answer: String,
    guide_says: Option<String>,
    evidence: Evidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Faq {
    guide: Vec<Rule>,
    questions: Vec<Question>,
    disclaimer: String,
}

#[test]
fn myths_json_is_an_array_of_myths_with_evidence() {
    let myths: Vec<Myth> = parse(&["myths"]);
    assert_eq!(myths.len(), 3);
    assert!(myths.iter().all(|m| !m.evidence.sources.is_empty()));
}

/// One id asked for, one object printed (`jq .reality` works without `.[0]`); the strict
/// structs below fail on an array.
#[test]
fn an_id_prints_one_object() {
    let myth: Myth = parse(&["myths", "--id", "no-pain-no-gain"]);
    assert_eq!(myth.id, "no-pain-no-gain");
    let drill: Drill = parse(&["drills", "--id", "cat-cow"]);
    assert_eq!(drill.id, "cat-cow");
    assert!(!drill.cautions.is_empty());
    let source: Citation = parse(&["sources", "--id", "snook-1998"]);
    assert_eq!(source.id, "snook-1998");
    assert!(source.text.contains("Snook"), "{}", source.text);
}

#[test]
fn route_json_names_the_location_code_cause_flags_and_routine() {
    let route: Route = parse(&["route", "--location", "lower-back"]);
    assert_eq!((route.location.as_str(), route.code.as_str()), ("lower", "A"));
    assert!(!route.red_flags.is_empty());
    assert_eq!(route.routine.variant, "full");
    assert_eq!(route.micro_routine.variant, "micro");
    assert_eq!(route.next, "backpain routine --location lower");
    let list: Vec<LocationLine> = parse(&["route"]);
    let codes: Vec<_> = list.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["A", "B", "C", "D", "E"]);
}

#[test]
fn routine_json_has_variant_total_and_steps() {
    let full: Routine = parse(&["routine", "--location", "upper"]);
    assert_eq!((full.location.as_str(), full.variant.as_str()), ("upper", "full"));
    let sum: u32 = full.steps.iter().map(|s| s.dose.seconds).sum::<u32>() + 5 * (full.steps.len() as u32 - 1);
    assert_eq!(full.total_seconds, sum, "total = steps + 5 s between steps");
    let micro: Routine = parse(&["routine", "--location", "upper", "--micro"]);
    assert_eq!(micro.variant, "micro");
    assert!(micro.steps.iter().all(|s| s.position != "floor"));
}

#[test]
fn a_condition_names_each_change_with_its_reason_and_sources() {
    let routine: Routine =
        parse(&["routine", "--location", "lower", "--condition", "hip-replacement", "--region", "uk"]);
    assert_eq!(routine.conditions.len(), 1);
    assert_eq!(routine.conditions[0].id, "hip-replacement");
    assert!(!routine.conditions[0].sources.is_empty() && !routine.conditions[0].caution.is_empty());
    assert!(routine.conditions[0].first.is_some());
    assert!(!routine.changes.is_empty());
    for change in &routine.changes {
        assert_eq!(change.conditions, ["hip-replacement"]);
        assert!(!change.reason.is_empty() && !change.sources.is_empty(), "{}", change.drill);
        assert!(routine.steps.iter().all(|step| step.id != change.drill), "{} is still in the routine", change.drill);
        if let Some(to) = &change.replaced_by {
            assert!(routine.steps.iter().any(|step| &step.id == to), "{to} is in the routine");
        }
    }
    assert!(routine.changes.iter().all(|change| !change.added));
    assert!(routine.red_flags.iter().any(|flag| flag.when.contains("999")), "the UK wording names 999");
    // Osteoporosis adds strength, balance and back-extension work: `added`, nothing replaced.
    let routine: Routine = parse(&["routine", "--location", "upper", "--condition", "osteoporosis"]);
    let added: Vec<&Change> = routine.changes.iter().filter(|change| change.added).collect();
    assert!(added.iter().any(|change| change.drill == "supported-balance"), "balance work is added");
    for change in added {
        assert!(change.replaced_by.is_none() && routine.steps.iter().any(|step| step.id == change.drill));
    }
    let route: Route = parse(&["route", "--location", "lower", "--condition", "pregnancy"]);
    assert_eq!(route.conditions[0].id, "pregnancy");
    assert!(!route.routine.adjustments.is_empty());
    assert_eq!(route.next, "backpain routine --location lower --condition pregnancy");
}

#[test]
fn drills_sources_and_faq_json() {
    let drills: Vec<Drill> = parse(&["drills"]);
    assert!(drills.len() >= 20);
    for drill in &drills {
        assert!(drill.positions.len() >= 2, "{}: a start and an end position", drill.id);
        assert!(drill.positions.iter().all(|position| !position.name.is_empty() && !position.posture.is_empty()));
    }
    let sources: Vec<Citation> = parse(&["sources"]);
    assert!(sources.iter().any(|c| c.id == "snook-1998"));
    let faq: Faq = parse(&["faq"]);
    assert_eq!(faq.questions.len(), 10);
    assert!(faq.guide.iter().any(|r| r.id == "trigger-action"));
}
