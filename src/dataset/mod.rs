//! The embedded dataset: typed `'static` records generated from `data/` at build time, and the
//! lookups the commands need (by id, by alias, nearest match for a typo). Knows no output format.

pub mod find;

use std::borrow::Cow;

use serde::Serialize;

pub type Str = &'static str;
pub type List<T> = &'static [T];
pub type Opt<T> = Option<T>;

macro_rules! records {
    ($( $(#[$m:meta])* pub struct $name:ident { $( $(#[$fm:meta])* pub $field:ident : $ty:ty ),* $(,)? } )*) => {$(
        // Clone and Eq let plans (src/plan) own and compare copies of the `'static` records.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        $(#[$m])*
        pub struct $name { $( $(#[$fm])* pub $field: $ty ),* }
    )*};
}

macro_rules! choices {
    ($( $(#[$m:meta])* pub enum $name:ident { $($variant:ident),* $(,)? } )*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        $(#[$m])*
        pub enum $name { $($variant),* }
    )*};
}

include!("schema.rs");
include!("movement.rs");
include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// Seconds between two steps of a routine (moving into position), counted in its total time.
pub const TRANSITION_SECONDS: u32 = 5;

impl Status {
    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Status::Supported => "supported",
            Status::PartlySupported => "partly supported",
            Status::Plausible => "plausible, unproven",
            Status::NotFound => "not found",
            Status::Hypothesis => "hypothesis",
        }
    }
}

impl Variant {
    pub fn label(self) -> &'static str {
        match self {
            Variant::Full => "full",
            Variant::Micro => "micro",
        }
    }
}

impl Position {
    pub fn label(self) -> &'static str {
        match self {
            Position::Floor => "floor",
            Position::Seated => "seated",
            Position::Standing => "standing",
        }
    }
}

impl Urgency {
    /// The heading a group of red flags of this urgency goes under.
    pub fn heading(self) -> &'static str {
        match self {
            Urgency::Emergency => "Emergency",
            Urgency::Urgent => "Urgent",
            Urgency::Gp => "Soon",
        }
    }
}

impl UrgencyWording {
    /// What to do for a red flag of `urgency`.
    pub fn says(&self, urgency: Urgency) -> &'static str {
        match urgency {
            Urgency::Emergency => self.emergency,
            Urgency::Urgent => self.urgent,
            Urgency::Gp => self.gp,
        }
    }

    /// The wording for `region`, or the neutral one that names no country's numbers.
    pub fn of(region: Option<&'static Region>) -> &'static UrgencyWording {
        match region {
            Some(region) => &region.wording,
            None => &DATASET.meta.urgency_wording,
        }
    }
}

impl DrillKind {
    pub fn label(self) -> &'static str {
        match self {
            DrillKind::Stretch => "stretch",
            DrillKind::Mobility => "mobility",
            DrillKind::Strength => "strength",
            DrillKind::Activity => "activity",
        }
    }
}

impl Condition {
    /// Whether this condition's precautions rule `drill` out.
    pub fn rules_out(&self, drill: &Drill) -> bool {
        self.avoid_all || drill.movements.iter().any(|movement| self.avoid.contains(movement))
    }

    /// The movement rules of `drill` this condition rules out, in the dataset's order.
    pub fn conflicts(&self, drill: &'static Drill) -> impl Iterator<Item = &'static MovementRule> + '_ {
        drill.movements.iter().filter(|movement| self.avoid.contains(movement)).filter_map(|id| movement_rule(id))
    }

    /// Every name this condition answers to: id and aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.id].into_iter().chain(self.aliases.iter().copied())
    }
}

impl Region {
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.id].into_iter().chain(self.aliases.iter().copied())
    }
}

impl Drill {
    /// The conditions whose precautions rule this drill out (not those that rule out every drill).
    pub fn precautions(&'static self) -> impl Iterator<Item = &'static Condition> {
        DATASET.conditions.iter().filter(move |condition| !condition.avoid_all && condition.rules_out(self))
    }

    /// Everything to take care of, in full: the drill's own cautions, then each condition's
    /// precaution (`drills --id`).
    pub fn all_cautions(&'static self) -> Vec<&'static str> {
        let morning = self.spinal_flexion.then_some(MORNING_CAUTION);
        let own = morning.into_iter().chain(self.cautions.iter().copied());
        own.chain(self.precautions().map(|condition| condition.caution)).collect()
    }

    /// What a routine shows wherever the drill is shown, whether or not the person named a
    /// condition: its own cautions in full, then one short line naming the conditions that rule
    /// it out ("Not after a hip replacement; not in pregnancy"). The person's own conditions
    /// have already swapped such a drill out, with their reasons in full.
    pub fn shown_cautions(&'static self) -> Vec<Cow<'static, str>> {
        let morning = self.spinal_flexion.then_some(MORNING_CAUTION);
        let mut cautions: Vec<Cow<'static, str>> =
            morning.into_iter().chain(self.cautions.iter().copied()).map(Cow::Borrowed).collect();
        let names: Vec<&str> = self.not_for().into_iter().map(|condition| condition.short).collect();
        if let Some((first, rest)) = names.split_first() {
            let mut line = String::with_capacity(80);
            line.extend(first.chars().next().map(|c| c.to_ascii_uppercase()));
            line.push_str(first.get(1..).unwrap_or_default());
            for name in rest {
                line.push_str("; ");
                line.push_str(name);
            }
            cautions.push(Cow::Owned(line));
        }
        cautions
    }

    /// The conditions that rule this drill out, each named once (computed by the build: see
    /// `not_for` in `movement.rs`).
    pub fn not_for(&'static self) -> Vec<&'static Condition> {
        self.not_for.iter().filter_map(|id| DATASET.conditions.iter().find(|condition| condition.id == *id)).collect()
    }
}

impl Dose {
    /// How many sides each set is done on.
    pub fn sides(&self) -> u32 {
        if self.each_side {
            2
        } else {
            1
        }
    }

    /// Seconds one repetition takes: its hold, or the time of a moving repetition.
    pub fn rep_duration(&self) -> u32 {
        if self.hold_seconds > 0 {
            self.hold_seconds
        } else {
            self.rep_seconds
        }
    }

    /// Seconds the whole dose takes, rests between sets included.
    pub fn seconds(&self) -> u32 {
        self.sides() * self.sets * self.reps * self.rep_duration() + self.sets.saturating_sub(1) * self.rest_seconds
    }

    /// The dose as people write it: "3 × 25 s hold, each side", "10 reps", "2 min".
    pub fn describe(&self) -> String {
        let mut text = if self.hold_seconds > 0 {
            if self.reps == 1 {
                format!("{} s hold", self.hold_seconds)
            } else {
                format!("{} × {} s hold", self.reps, self.hold_seconds)
            }
        } else if self.reps == 1 {
            crate::time::words(self.rep_seconds)
        } else {
            format!("{} reps", self.reps)
        };
        if self.sets > 1 {
            text = format!("{} sets of {text}", self.sets);
        }
        if self.each_side {
            text.push_str(", each side");
        }
        text
    }
}

/// Seconds a session of these doses takes, in order: each dose, plus the move into position
/// between two drills (the one formula the routines, plans and guided sessions use).
pub fn session_seconds<'a>(doses: impl Iterator<Item = &'a Dose>) -> u32 {
    let (work, steps) = doses.fold((0, 0u32), |(work, steps), dose| (work + dose.seconds(), steps + 1));
    work + TRANSITION_SECONDS * steps.saturating_sub(1)
}

/// The caution every drill that bends the low back carries (computed from its positions by the
/// morning rule); screens that show several such drills say it once and mark each drill.
pub const MORNING_CAUTION: &str = "Bends the low back: skip it in the first ~2 hours after rising";

impl Step {
    /// The drill this step names. The dataset tests prove every step's drill exists.
    pub fn drill(&self) -> &'static Drill {
        drill(self.drill).unwrap_or_else(|| unreachable!("dataset test: step drill resolves"))
    }

    /// The dose of this step: its own override, or the drill's.
    pub fn dose(&'static self) -> &'static Dose {
        match &self.dose {
            Some(dose) => dose,
            None => &self.drill().dose,
        }
    }
}

impl Routine {
    /// Seconds the routine takes, moving between drills included.
    pub fn total_seconds(&'static self) -> u32 {
        session_seconds(self.steps.iter().map(|step| step.dose()))
    }

    /// Whether any drill bends the lumbar spine forward (the morning caution applies).
    pub fn has_flexion(&self) -> bool {
        self.steps.iter().any(|step| step.drill().spinal_flexion)
    }
}

impl Location {
    /// This location's routine of the given variant. Every location has both (dataset test).
    pub fn routine(&self, variant: Variant) -> &'static Routine {
        DATASET
            .routines
            .iter()
            .find(|routine| routine.location == self.id && routine.variant == variant)
            .unwrap_or_else(|| unreachable!("dataset test: every location has both routines"))
    }

    /// Every name this location answers to: id, letter code and aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        [self.id, self.code].into_iter().chain(self.aliases.iter().copied())
    }
}

pub fn dataset() -> &'static Dataset {
    &DATASET
}

/// A location by id, letter code or alias, ignoring case and surrounding space.
pub fn location(name: &str) -> Option<&'static Location> {
    let name = name.trim();
    DATASET.locations.iter().find(|location| location.names().any(|known| known.eq_ignore_ascii_case(name)))
}

/// What a phrase such as "low back pain" or "my stiff neck" names.
#[derive(Debug, PartialEq)]
pub enum PhraseMatch {
    One(&'static Location),
    /// "back" alone: the lower or the upper back, and only the person knows which.
    WhichBack,
    /// Words naming more than one location ("neck and hip").
    Several(Vec<&'static Location>),
    None,
}

/// Words that say "it hurts" and nothing about where.
const FILLER: &[&str] = &[
    "pain",
    "pains",
    "painful",
    "ache",
    "aches",
    "aching",
    "achy",
    "sore",
    "soreness",
    "stiff",
    "stiffness",
    "hurts",
    "hurt",
    "hurting",
    "tight",
    "tightness",
    "my",
    "in",
    "the",
    "a",
    "an",
    "of",
    "and",
    "area",
    "region",
    "side",
    "both",
    "left",
    "right",
    "problem",
    "problems",
    "down",
    "through",
    "into",
    "to",
    "i",
    "have",
];

/// A location for what a person might type after `backpain route`: an id, letter or alias, or a
/// phrase around one ("hip pain", "low back pain", "pain in my neck"). Only whole words count.
pub fn location_phrase(text: &str) -> PhraseMatch {
    if let Some(found) = location(text) {
        return PhraseMatch::One(found);
    }
    let lowered = text.to_lowercase().replace(['-', '_'], " ");
    let words: Vec<&str> = lowered
        .split_whitespace()
        .map(|word| match word {
            "low" => "lower",
            "mid" | "middle" => "upper",
            "backs" => "back",
            other => other,
        })
        .filter(|word| !FILLER.contains(word))
        .collect();
    if words.is_empty() {
        return PhraseMatch::None;
    }
    if let Some(found) = location(&words.join(" ")) {
        return PhraseMatch::One(found);
    }
    let mut found: Vec<&'static Location> = Vec::new();
    let mut index = 0;
    while index < words.len() {
        // "lower back" and "upper back" are one name; "back" alone is not yet an answer.
        let pair = words.get(index + 1).map(|next| format!("{} {next}", words[index]));
        let (hit, used) = match pair.as_deref().and_then(location) {
            Some(hit) => (Some(hit), 2),
            None => (location(words[index]), 1),
        };
        if let Some(hit) = hit {
            if !found.contains(&hit) {
                found.push(hit);
            }
        }
        index += used;
    }
    match found.as_slice() {
        [one] => PhraseMatch::One(one),
        [] if words.iter().all(|word| matches!(*word, "back" | "spine" | "spinal")) => PhraseMatch::WhichBack,
        [] => PhraseMatch::None,
        _ => PhraseMatch::Several(found),
    }
}

pub fn drill(id: &str) -> Option<&'static Drill> {
    DATASET.drills.iter().find(|drill| drill.id.eq_ignore_ascii_case(id.trim()))
}

pub fn myth(id: &str) -> Option<&'static Myth> {
    DATASET.myths.iter().find(|myth| myth.id.eq_ignore_ascii_case(id.trim()))
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    DATASET.rules.iter().find(|rule| rule.id == id)
}

/// A condition by id or alias, ignoring case and surrounding space.
pub fn condition(name: &str) -> Option<&'static Condition> {
    let name = name.trim();
    DATASET.conditions.iter().find(|condition| condition.names().any(|known| known.eq_ignore_ascii_case(name)))
}

/// A region by id or alias, ignoring case and surrounding space.
pub fn region(name: &str) -> Option<&'static Region> {
    let name = name.trim();
    DATASET.regions.iter().find(|region| region.names().any(|known| known.eq_ignore_ascii_case(name)))
}

/// A movement rule by id (`data/conditions.json`).
pub fn movement_rule(id: &str) -> Option<&'static MovementRule> {
    DATASET.movement_rules.iter().find(|rule| rule.id == id)
}

/// An outcome measure of the check-in by id: `pain`, `peg` or `psfs`.
pub fn outcome_measure(id: &str) -> Option<&'static OutcomeMeasure> {
    DATASET.measures.measures.iter().find(|measure| measure.id == id)
}

pub fn citation(id: &str) -> Option<&'static Citation> {
    DATASET.citations.iter().find(|citation| citation.id == id)
}

pub use crate::term::text::nearest;
