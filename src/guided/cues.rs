//! The pure half of a guided session: a plan becomes the exact sequence of cues a person is
//! talked through. No clock, no terminal; `player` times them.

use serde::Serialize;

use crate::dataset::{Position, TRANSITION_SECONDS};
use crate::plan::Plan;

/// Which side an each-side drill is on; the left side comes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left side",
            Side::Right => "right side",
        }
    }
}

/// One thing the session says or times. `step` counts drills from 1. Its JSON form (with
/// `"event"` naming the variant) is the `--guided --json` event shape documented in the README.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Cue {
    /// A drill begins: what it is and how to do it. Takes no time.
    Drill {
        step: usize,
        steps: usize,
        id: &'static str,
        name: &'static str,
        position: Position,
        dose: String,
        cues: &'static [&'static str],
        /// Everything to take care of: the drill's cautions and any condition precautions.
        cautions: Vec<std::borrow::Cow<'static, str>>,
    },
    /// Moving into position for the drill: the pause between two drills.
    Position { step: usize, seconds: u32 },
    /// A held stretch, counted down.
    Hold { step: usize, set: u32, sets: u32, side: Option<Side>, rep: u32, reps: u32, seconds: u32 },
    /// Moving repetitions, counted: `reps` of `rep_seconds` each.
    Reps { step: usize, set: u32, sets: u32, side: Option<Side>, reps: u32, rep_seconds: u32, seconds: u32 },
    /// Change to the other side. Takes no time.
    SwitchSides { step: usize, side: Side },
    /// Rest before the next set.
    Rest { step: usize, next_set: u32, seconds: u32 },
}

impl Cue {
    /// How long the cue lasts; 0 for announcements.
    pub fn seconds(&self) -> u32 {
        match self {
            Cue::Drill { .. } | Cue::SwitchSides { .. } => 0,
            Cue::Position { seconds, .. }
            | Cue::Hold { seconds, .. }
            | Cue::Reps { seconds, .. }
            | Cue::Rest { seconds, .. } => *seconds,
        }
    }

    /// The drill (counted from 1) the cue belongs to.
    pub fn step(&self) -> usize {
        match self {
            Cue::Drill { step, .. }
            | Cue::Position { step, .. }
            | Cue::Hold { step, .. }
            | Cue::Reps { step, .. }
            | Cue::SwitchSides { step, .. }
            | Cue::Rest { step, .. } => *step,
        }
    }
}

/// The cues for a whole plan. For each drill: its announcement, the move into position (not
/// before the first), then per set and per side either one countdown per held rep or one
/// counter for the moving reps, "switch sides" between the sides, a rest between sets. The cues'
/// seconds add up to `plan.total_seconds()`.
pub fn cues(plan: &Plan) -> Vec<Cue> {
    let steps = plan.steps.len();
    let mut cues = Vec::new();
    for (index, planned) in plan.steps.iter().enumerate() {
        let step = index + 1;
        let (drill, dose) = (planned.drill, &planned.dose);
        cues.push(Cue::Drill {
            step,
            steps,
            id: drill.id,
            name: drill.name,
            position: drill.position,
            dose: dose.describe(),
            cues: drill.cues,
            cautions: drill.shown_cautions(),
        });
        if index > 0 {
            cues.push(Cue::Position { step, seconds: TRANSITION_SECONDS });
        }
        let sides: &[Option<Side>] = if dose.each_side { &[Some(Side::Left), Some(Side::Right)] } else { &[None] };
        let sets = dose.sets;
        for set in 1..=sets {
            if set > 1 && dose.rest_seconds > 0 {
                cues.push(Cue::Rest { step, next_set: set, seconds: dose.rest_seconds });
            }
            for &side in sides {
                if side == Some(Side::Right) {
                    cues.push(Cue::SwitchSides { step, side: Side::Right });
                }
                if dose.hold_seconds > 0 {
                    let reps = dose.reps;
                    cues.extend((1..=reps).map(|rep| Cue::Hold {
                        step,
                        set,
                        sets,
                        side,
                        rep,
                        reps,
                        seconds: dose.hold_seconds,
                    }));
                } else if dose.reps > 0 {
                    let (reps, rep_seconds) = (dose.reps, dose.rep_seconds);
                    cues.push(Cue::Reps { step, set, sets, side, reps, rep_seconds, seconds: reps * rep_seconds });
                }
            }
        }
    }
    cues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self, Dose, Variant};
    use crate::plan::PlannedStep;

    fn planned(drill: &str, dose: Dose) -> PlannedStep {
        PlannedStep { drill: dataset::drill(drill).unwrap(), dose, priority: 1 }
    }

    #[test]
    fn holds_sides_reps_and_rests_come_in_order() {
        let plan = Plan {
            location: dataset::location("lower").unwrap(),
            variant: Variant::Full,
            steps: vec![
                planned(
                    "knee-to-chest",
                    Dose { reps: 2, hold_seconds: 20, rep_seconds: 0, sets: 1, each_side: true, rest_seconds: 0 },
                ),
                planned(
                    "cat-cow",
                    Dose { reps: 5, hold_seconds: 0, rep_seconds: 6, sets: 2, each_side: false, rest_seconds: 15 },
                ),
            ],
        };
        let cues = cues(&plan);
        let knee = dataset::drill("knee-to-chest").unwrap();
        let hold = |side, rep| Cue::Hold { step: 1, set: 1, sets: 1, side: Some(side), rep, reps: 2, seconds: 20 };
        let reps = |set| Cue::Reps { step: 2, set, sets: 2, side: None, reps: 5, rep_seconds: 6, seconds: 30 };
        assert_eq!(
            cues[0],
            Cue::Drill {
                step: 1,
                steps: 2,
                id: "knee-to-chest",
                name: knee.name,
                position: knee.position,
                dose: "2 × 20 s hold, each side".into(),
                cues: knee.cues,
                cautions: knee.shown_cautions(),
            }
        );
        assert!(matches!(cues[6], Cue::Drill { step: 2, id: "cat-cow", .. }));
        assert_eq!(
            cues[1..6],
            [
                hold(Side::Left, 1),
                hold(Side::Left, 2),
                Cue::SwitchSides { step: 1, side: Side::Right },
                hold(Side::Right, 1),
                hold(Side::Right, 2)
            ]
        );
        assert_eq!(
            cues[7..],
            [Cue::Position { step: 2, seconds: 5 }, reps(1), Cue::Rest { step: 2, next_set: 2, seconds: 15 }, reps(2)]
        );
        assert_eq!(cues.len(), 11, "{cues:#?}");
        assert_eq!(cues.iter().map(Cue::seconds).sum::<u32>(), plan.total_seconds());
    }

    #[test]
    fn every_routine_plays_for_exactly_its_total_time() {
        for location in dataset::dataset().locations {
            for variant in [Variant::Full, Variant::Micro] {
                let plan = Plan::new(location, variant);
                let cues = cues(&plan);
                assert_eq!(cues.iter().map(Cue::seconds).sum::<u32>(), plan.total_seconds(), "{}", location.id);
                let drills = cues.iter().filter(|cue| matches!(cue, Cue::Drill { .. })).count();
                assert_eq!(drills, plan.steps.len());
                assert!(matches!(cues[0], Cue::Drill { step: 1, .. }));
            }
        }
    }

    #[test]
    fn cues_serialize_as_tagged_events() {
        let cue = Cue::SwitchSides { step: 3, side: Side::Right };
        let json = serde_json::to_value(&cue).unwrap();
        assert_eq!(json, serde_json::json!({"event": "switch_sides", "step": 3, "side": "right"}));
    }
}
