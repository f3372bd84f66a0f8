// The shape of `data/*.json`, written once and expanded twice: by `build.rs` into owned types
// that deserialize the JSON and print themselves as Rust, and by `src/dataset/mod.rs` into
// `'static` types that the generated literal fills in. The binary therefore never parses JSON
// at start-up. Both sides define `records!`, `choices!`, `Str`, `List` and `Opt` before they
// `include!` this file.

choices! {
    /// How well the literature supports a claim.
    #[serde(rename_all = "snake_case")]
    pub enum Status { Supported, PartlySupported, Plausible, NotFound, Hypothesis }

    /// Where a drill is done.
    #[serde(rename_all = "snake_case")]
    pub enum Position { Floor, Seated, Standing }

    /// Which of a location's two routines.
    #[serde(rename_all = "snake_case")]
    pub enum Variant { Full, Micro }

    /// How soon a red flag needs a clinician.
    #[serde(rename_all = "snake_case")]
    pub enum Urgency { Emergency, Urgent, Gp }

    /// Where a rule is shown: with every routine, or in the implementation guide.
    #[serde(rename_all = "snake_case")]
    pub enum RuleKind { Safety, Habit }

    /// What a drill trains: the evidence favours strength and activity over stretching alone.
    #[serde(rename_all = "snake_case")]
    pub enum DrillKind { Stretch, Mobility, Strength, Activity }

    /// Where the body's weight is in a key position of a drill.
    #[serde(rename_all = "snake_case")]
    pub enum Posture { Standing, OneLeg, Sitting, Kneeling, HalfKneeling, AllFours, LyingBack, LyingFront, LyingSide }

    /// Which side of the body.
    #[serde(rename_all = "snake_case")]
    pub enum Side { Left, Right }

    /// Which way an outcome measure gets better.
    #[serde(rename_all = "snake_case")]
    pub enum Better { Lower, Higher }

    /// What the hands hold or the body rests on besides the floor or the chair it sits on.
    #[serde(rename_all = "snake_case")]
    pub enum Support { ChairBack, ChairArms, Desk, Wall, DoorFrame, Step, Pillow, FloorHands, HeadHands }

    /// A load beyond the body's own weight: the hands pulling a part further, or a weight.
    #[serde(rename_all = "snake_case")]
    pub enum Load { HandsPull, Weight }

    /// An angle a movement rule reads from a key position, in degrees from neutral standing.
    /// Hip and knee measures are read per side; a rule's bounds must all hold on one side.
    #[serde(rename_all = "snake_case")]
    pub enum Measure {
        HipFlexion,
        HipExtension,
        HipAbduction,
        HipAdduction,
        HipExternalRotation,
        HipInternalRotation,
        KneeFlexion,
        LumbarFlexion,
        TrunkFlexion,
        TrunkExtension,
        TrunkRotation,
        TrunkSideBend,
        NeckFlexion,
        NeckExtension,
        NeckRotation,
        NeckSideBend,
        LegsApart,
    }
}

records! {
    /// Everything in `data/`, one field per file.
    pub struct Dataset {
        pub meta: Meta,
        pub citations: List<Citation>,
        pub myths: List<Myth>,
        pub locations: List<Location>,
        pub drills: List<Drill>,
        pub routines: List<Routine>,
        pub rules: List<Rule>,
        pub faq: List<Faq>,
        pub conditions: List<Condition>,
        /// The movement rules conditions refer to (`data/conditions.json`).
        pub movement_rules: List<MovementRule>,
        /// The rule whose movement the morning caution is about (bending the low back).
        pub morning_rule: Str,
        pub regions: List<Region>,
        pub measures: Measures,
    }

    /// `data/measures.json`: the weekly check-in, what it asks and how change is judged.
    pub struct Measures {
        /// A check-in is due this many days after the last one (or when there is none).
        pub due_days: u32,
        /// After this many weeks of check-ins without pain improved, the advice to see a clinician.
        pub not_improving_weeks: u32,
        pub measures: List<OutcomeMeasure>,
        /// Measures considered and left out, and why (licences, terms).
        pub left_out: List<LeftOut>,
    }

    /// A measure judged against the person's own baseline.
    pub struct OutcomeMeasure {
        /// `pain` (the 0-10 ratings of `log pain`), `peg` or `psfs`.
        pub id: Str,
        pub name: Str,
        /// What it measures, in a sentence.
        pub about: Str,
        pub better: Better,
        /// The questions asked at a check-in (none for pain, which `log pain` records).
        pub items: List<MeasureItem>,
        /// Improved: better by at least this many points (the minimal important change)...
        pub improved_points: u8,
        /// ... or by at least this percentage of the baseline, where the source gives one.
        pub improved_percent: Opt<u8>,
        /// Worse: by at least this many points.
        pub worse_points: u8,
        /// Where the thresholds come from, in a sentence.
        pub thresholds: Str,
        pub sources: List<Str>,
    }

    /// One 0-10 question of a measure, with the words at its ends.
    pub struct MeasureItem {
        pub id: Str,
        pub question: Str,
        pub low: Str,
        pub high: Str,
    }

    /// A measure backpain does not ask, and why.
    pub struct LeftOut {
        pub name: Str,
        pub why: Str,
    }

    /// `data/meta.json`.
    pub struct Meta {
        pub disclaimer: Str,
        pub guide: Str,
        pub general_red_flags: List<RedFlag>,
        pub red_flag_sources: List<Str>,
        /// How soon to get help, in words that name no country's numbers (no `--region`).
        pub urgency_wording: UrgencyWording,
    }

    /// What each urgency tells the reader to do.
    pub struct UrgencyWording {
        pub emergency: Str,
        pub urgent: Str,
        pub gp: Str,
    }

    /// A country or area whose emergency numbers and services the red flags can name.
    pub struct Region {
        pub id: Str,
        pub name: Str,
        pub aliases: List<Str>,
        pub wording: UrgencyWording,
        pub sources: List<Str>,
    }

    /// `data/conditions.json`: the movement rules, then the conditions that use them.
    pub struct ConditionsFile {
        pub morning_rule: Str,
        pub rules: List<MovementRule>,
        pub conditions: List<Condition>,
    }

    /// A movement or position, defined by thresholds on a drill's key positions, that a
    /// condition's precautions may rule out. A drill has the movement when any clause holds in
    /// any of its key positions.
    pub struct MovementRule {
        pub id: Str,
        /// What a drill with this movement does, for a reason: "bends the hip past 90°".
        pub says: Str,
        pub when: List<Clause>,
        pub sources: List<Str>,
    }

    /// Everything a clause names must hold in one key position (and its angles on one side).
    #[derive(Default)]
    pub struct Clause {
        /// One of these postures (any, when empty).
        #[serde(default)]
        pub postures: List<Posture>,
        /// One of these loads (none needed, when empty).
        #[serde(default)]
        pub loads: List<Load>,
        /// Nothing held for support.
        #[serde(default)]
        pub unsupported: bool,
        /// The position is held still, not passed through.
        #[serde(default)]
        pub held: bool,
        #[serde(default)]
        pub angles: List<Bound>,
    }

    /// A measure beyond a threshold: more than `over`, less than `under`.
    pub struct Bound {
        pub measure: Measure,
        #[serde(default)]
        pub over: Opt<i16>,
        #[serde(default)]
        pub under: Opt<i16>,
    }

    /// Something that applies to a person (`--condition`) and rules drills out.
    pub struct Condition {
        pub id: Str,
        pub name: Str,
        pub aliases: List<Str>,
        /// Drills with any of these movements (rule ids) are swapped or left out.
        pub avoid: List<Str>,
        /// Every drill is left out: the person's own clinical team decides.
        pub avoid_all: bool,
        /// The precaution in full, shown with every drill this condition rules out when the
        /// person named the condition, and in `drills --id`.
        pub caution: Str,
        /// The precaution in a few words, for drills shown to someone without the condition:
        /// "not after a hip replacement".
        pub short: Str,
        /// Why the drills are changed, shown with each change.
        pub reason: Str,
        /// What to do first, shown before the routine when the condition is given.
        pub first: Opt<Str>,
        /// Warning signs of the condition itself, shown with the location's red flags when the
        /// condition is given (a wound infection after a hip replacement, labour in pregnancy).
        #[serde(default)]
        pub red_flags: List<RedFlag>,
        /// Drills a full routine gains when the condition is given (a positive programme, not
        /// only subtraction), each checked against every condition given.
        #[serde(default)]
        pub adds: List<Str>,
        /// Why those drills are added, with the sources in `sources`.
        #[serde(default)]
        pub adds_why: Opt<Str>,
        pub sources: List<Str>,
    }

    /// A source the dataset may cite; `id` is what `sources` lists name.
    pub struct Citation {
        pub id: Str,
        pub text: Str,
        pub url: Opt<Str>,
    }

    /// How well a claim is supported, and by what.
    pub struct Evidence {
        pub status: Status,
        pub summary: Str,
        pub sources: List<Str>,
    }

    /// A statement the tool shows, with its evidence.
    pub struct Claim {
        pub text: Str,
        pub evidence: Evidence,
    }

    /// One of the guide's myths: the myth, what is true instead, and the guide's own figure.
    pub struct Myth {
        pub id: Str,
        pub myth: Str,
        pub reality: Str,
        pub evidence: Evidence,
        pub guide_claim: Opt<Claim>,
    }

    /// A reason to stop and see a clinician.
    pub struct RedFlag {
        pub text: Str,
        pub urgency: Urgency,
    }

    /// A pain location (the guide's pain types A-E).
    pub struct Location {
        pub id: Str,
        pub code: Str,
        pub name: Str,
        pub aliases: List<Str>,
        pub area: Str,
        pub cause: Claim,
        pub warning: Opt<Str>,
        pub advice: List<Claim>,
        pub red_flags: List<RedFlag>,
        pub red_flag_sources: List<Str>,
    }

    /// How much of a drill: `reps` per set (per side when `each_side`), each held
    /// `hold_seconds`, or taking `rep_seconds` when it is a moving repetition (hold 0).
    pub struct Dose {
        pub reps: u32,
        pub hold_seconds: u32,
        pub rep_seconds: u32,
        pub sets: u32,
        pub each_side: bool,
        pub rest_seconds: u32,
    }

    /// One exercise of the catalogue.
    pub struct Drill {
        pub id: Str,
        pub name: Str,
        pub targets: List<Str>,
        pub position: Position,
        pub desk_friendly: bool,
        /// Whether it bends the low back (the morning rule): computed from `positions`.
        #[serde(default)]
        pub spinal_flexion: bool,
        pub dose: Dose,
        pub cues: List<Str>,
        pub cautions: List<Str>,
        pub sources: List<Str>,
        pub morning_swap: Opt<Str>,
        pub kind: DrillKind,
        /// The movement, described once: key positions in the order it passes through them.
        pub positions: List<KeyPosition>,
        /// The movement rules its positions meet: computed by the build, never written by hand.
        #[serde(default)]
        pub movements: List<Str>,
        /// The conditions that rule it out, each named once: computed by the build.
        #[serde(default)]
        pub not_for: List<Str>,
        /// The caution in a few words, for a notification.
        pub brief: Str,
        /// Drills that may stand in for this one when a condition rules it out, best first.
        pub alternatives: List<Str>,
    }

    /// One key position of a drill: where the weight is, what is held, and the angles of each
    /// joint in degrees from neutral standing (README "Movement descriptions" has the signs).
    /// An each-side drill is described with its right side working; the rules read both sides.
    pub struct KeyPosition {
        pub name: Str,
        pub posture: Posture,
        /// The knee down (half-kneeling), the foot on the ground (one leg), the side underneath.
        #[serde(default)]
        pub side: Opt<Side>,
        /// Held still for the dose's hold, rather than passed through.
        #[serde(default)]
        pub held: bool,
        #[serde(default)]
        pub support: List<Support>,
        #[serde(default)]
        pub load: List<Load>,
        #[serde(default)]
        pub lumbar: Segment,
        #[serde(default)]
        pub thoracic: Segment,
        #[serde(default)]
        pub neck: Segment,
        pub left: Limb,
        pub right: Limb,
    }

    /// A part of the spine: + flexion, + side-bend to the right, + rotation to the right.
    #[derive(Default)]
    pub struct Segment {
        #[serde(default)]
        pub flexion: i16,
        #[serde(default)]
        pub side_bend: i16,
        #[serde(default)]
        pub rotation: i16,
    }

    /// One side's hip, knee, ankle, shoulder, elbow and shoulder blade: + flexion, + abduction,
    /// + external rotation, + dorsiflexion, + retraction, + elevation; negative values are
    /// extension, adduction, internal rotation, plantarflexion, protraction and depression.
    #[derive(Default)]
    pub struct Limb {
        #[serde(default)]
        pub hip_flexion: i16,
        #[serde(default)]
        pub hip_abduction: i16,
        #[serde(default)]
        pub hip_rotation: i16,
        #[serde(default)]
        pub knee_flexion: i16,
        #[serde(default)]
        pub ankle: i16,
        #[serde(default)]
        pub shoulder_flexion: i16,
        #[serde(default)]
        pub shoulder_abduction: i16,
        #[serde(default)]
        pub shoulder_rotation: i16,
        #[serde(default)]
        pub elbow_flexion: i16,
        /// The shoulder blade drawn back toward the spine (+) or forward around the ribs (−).
        #[serde(default)]
        pub scapula_retraction: i16,
        /// The shoulder blade raised toward the ear (+, a shrug) or drawn down (−).
        #[serde(default)]
        pub scapula_elevation: i16,
    }

    /// A drill in a routine; `dose` overrides the drill's own, `priority` 1 is kept first
    /// when a time budget trims the routine, 3 dropped first.
    pub struct Step {
        pub drill: Str,
        pub dose: Opt<Dose>,
        pub priority: u8,
    }

    /// A location's full (10-15 min) or micro (2-3 min, desk) routine.
    pub struct Routine {
        pub location: Str,
        pub variant: Variant,
        pub steps: List<Step>,
    }

    /// A rule of practice (intensity, morning caution, habits) with its evidence.
    pub struct Rule {
        pub id: Str,
        pub kind: RuleKind,
        pub title: Str,
        pub text: Str,
        pub guide_says: Opt<Str>,
        pub evidence: Evidence,
    }

    /// A common question from the guide, answered honestly.
    pub struct Faq {
        pub id: Str,
        pub question: Str,
        pub answer: Str,
        pub guide_says: Opt<Str>,
        pub evidence: Evidence,
    }
}
