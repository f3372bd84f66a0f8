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
    pub enum Kind { Stretch, Mobility, Strength, Activity }

    /// A movement or position that a condition's precautions may rule out.
    #[serde(rename_all = "snake_case")]
    pub enum Movement {
        // hip_flexion: past a right angle; hip_adduction: across the midline; hip_rotation: turning
        // or twisting at the hip; lying_on_back/front; end_range_flexion: spine bent forward to its
        // limit or under load; spinal_twist; nerve_tension: long, strong hamstring holds.
        HipFlexion,
        HipAdduction,
        HipRotation,
        LyingOnBack,
        LyingOnFront,
        EndRangeFlexion,
        SpinalTwist,
        NerveTension,
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
        pub regions: List<Region>,
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

    /// Something that applies to a person (`--condition`) and rules drills out.
    pub struct Condition {
        pub id: Str,
        pub name: Str,
        pub aliases: List<Str>,
        /// Drills with any of these movements are swapped or left out.
        pub avoid: List<Movement>,
        /// Every drill is left out: the person's own clinical team decides.
        pub avoid_all: bool,
        /// Shown with every drill this condition rules out, whether or not it was given.
        pub caution: Str,
        /// Why the drills are changed, shown with each change.
        pub reason: Str,
        /// What to do first, shown before the routine when the condition is given.
        pub first: Opt<Str>,
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
        pub spinal_flexion: bool,
        pub dose: Dose,
        pub cues: List<Str>,
        pub cautions: List<Str>,
        pub sources: List<Str>,
        pub morning_swap: Opt<Str>,
        pub kind: Kind,
        /// Movements that a condition's precautions may rule out.
        pub movements: List<Movement>,
        /// The caution in a few words, for a notification.
        pub brief: Str,
        /// Drills that may stand in for this one when a condition rules it out, best first.
        pub alternatives: List<Str>,
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
