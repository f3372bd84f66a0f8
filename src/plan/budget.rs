//! The time budget (`--minutes`): fits a plan into the time given by one fixed rule, documented
//! in the README and in `--help`:
//!
//! 1. If the plan fits, nothing changes.
//! 2. Drop priority-3 drills, the last one first, until it fits; then priority-2 drills the same
//!    way. Priority-1 drills are never dropped, and the order of the rest never changes.
//! 3. Then take away sets (and the rest before each), the last drill first, down to one set.
//! 4. Then take away reps, one at a time from the drill with the most to spare (the later drill
//!    on a tie), down to half of each drill's reps, rounded up.
//!
//! Stop as soon as it fits. When even the end of step 4 (every priority-1 drill, one set, half
//! the reps) is longer than the budget, the budget is too short: that is a usage error that
//! names the minimum.

use super::{Plan, PlannedStep};
use crate::dataset::{Dose, Drill};

/// One change the budget made, compared with the plan it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    Dropped { drill: &'static Drill, priority: u8 },
    FewerSets { drill: &'static Drill, from: u32, to: u32 },
    FewerReps { drill: &'static Drill, from: u32, to: u32 },
}

/// The budget is shorter than the shortest useful version of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooShort {
    pub budget_seconds: u32,
    pub minimum_seconds: u32,
}

impl TooShort {
    /// The smallest whole number of minutes that fits.
    pub fn minimum_minutes(&self) -> u32 {
        self.minimum_seconds.div_ceil(60)
    }
}

/// The fewest reps a drill keeps under a budget: half, rounded up, and at least one.
pub fn rep_floor(dose: &Dose) -> u32 {
    dose.reps.div_ceil(2).max(1)
}

/// Seconds the shortest useful version of `plan` takes: its priority-1 drills, one set each,
/// at their rep floor.
pub fn minimum_seconds(plan: &Plan) -> u32 {
    let floor: Vec<Dose> = plan
        .steps
        .iter()
        .filter(|step| step.priority <= 1)
        .map(|step| Dose { sets: 1, reps: rep_floor(&step.dose), ..step.dose.clone() })
        .collect();
    total(floor.iter())
}

/// Fits `plan` into `budget_seconds` by the rule above, returning the fitted plan and what was
/// cut (empty when it already fitted).
pub fn fit(plan: &Plan, budget_seconds: u32) -> Result<(Plan, Vec<Cut>), TooShort> {
    if plan.total_seconds() <= budget_seconds {
        return Ok((plan.clone(), Vec::new()));
    }
    let minimum_seconds = minimum_seconds(plan);
    if minimum_seconds > budget_seconds {
        return Err(TooShort { budget_seconds, minimum_seconds });
    }
    // Each kept step remembers its index in `plan`, to describe the cuts afterwards.
    let mut kept: Vec<(usize, PlannedStep)> = plan.steps.iter().cloned().enumerate().collect();
    let fits = |kept: &[(usize, PlannedStep)]| total(kept.iter().map(|(_, step)| &step.dose)) <= budget_seconds;

    let lowest = plan.steps.iter().map(|step| step.priority).max().unwrap_or(1);
    for priority in (2..=lowest).rev() {
        while !fits(&kept) {
            let Some(last) = kept.iter().rposition(|(_, step)| step.priority == priority) else { break };
            kept.remove(last);
        }
    }
    while !fits(&kept) {
        let Some((_, step)) = kept.iter_mut().rev().find(|(_, step)| step.dose.sets > 1) else { break };
        step.dose.sets -= 1;
    }
    while !fits(&kept) {
        // The floor comes from the dose the plan was given, not the one being cut: otherwise it
        // would fall with every rep taken.
        let spare =
            |index: usize, step: &PlannedStep| step.dose.reps.saturating_sub(rep_floor(&plan.steps[index].dose));
        // `max_by_key` keeps the last of equal maxima: the later drill on a tie.
        let Some((_, step)) = kept
            .iter_mut()
            .filter(|(index, step)| spare(*index, step) > 0)
            .max_by_key(|(index, step)| spare(*index, step))
        else {
            break;
        };
        step.dose.reps -= 1;
    }
    // `minimum_seconds` fits and the steps above end there at the latest.
    debug_assert!(fits(&kept));

    let mut cuts = Vec::new();
    for (index, original) in plan.steps.iter().enumerate() {
        let drill = original.drill;
        match kept.iter().find(|(kept_index, _)| *kept_index == index) {
            None => cuts.push(Cut::Dropped { drill, priority: original.priority }),
            Some((_, step)) => {
                if step.dose.sets != original.dose.sets {
                    cuts.push(Cut::FewerSets { drill, from: original.dose.sets, to: step.dose.sets });
                }
                if step.dose.reps != original.dose.reps {
                    cuts.push(Cut::FewerReps { drill, from: original.dose.reps, to: step.dose.reps });
                }
            }
        }
    }
    let steps = kept.into_iter().map(|(_, step)| step).collect();
    Ok((Plan { steps, ..plan.clone() }, cuts))
}

fn total<'a>(doses: impl Iterator<Item = &'a Dose>) -> u32 {
    crate::dataset::session_seconds(doses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self, Variant};

    fn step(drill: &str, priority: u8, reps: u32, hold_seconds: u32, sets: u32) -> PlannedStep {
        let drill = dataset::drill(drill).unwrap();
        let dose = Dose { reps, hold_seconds, rep_seconds: 0, sets, each_side: false, rest_seconds: 10 };
        PlannedStep { drill, dose, priority }
    }

    /// Five drills: 60 + 60 + 60 + 130 + 60 s of work, 4 transitions: 390 s.
    fn plan() -> Plan {
        Plan {
            location: dataset::location("lower").unwrap(),
            variant: Variant::Full,
            steps: vec![
                step("cat-cow", 2, 6, 10, 1),
                step("knee-rolls", 3, 6, 10, 1),
                step("knee-to-chest", 1, 6, 10, 1),
                step("glute-bridge", 1, 6, 10, 2),
                step("prone-press-up", 3, 6, 10, 1),
            ],
        }
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.steps.iter().map(|step| step.drill.id).collect()
    }

    #[test]
    fn a_plan_that_fits_is_unchanged() {
        assert_eq!(plan().total_seconds(), 390);
        let (fitted, cuts) = fit(&plan(), 390).unwrap();
        assert_eq!(fitted, plan());
        assert!(cuts.is_empty());
    }

    #[test]
    fn priority_three_goes_first_last_one_first_and_stops_when_it_fits() {
        let (fitted, cuts) = fit(&plan(), 325).unwrap();
        assert_eq!(ids(&fitted), ["cat-cow", "knee-rolls", "knee-to-chest", "glute-bridge"]);
        assert_eq!(fitted.total_seconds(), 325);
        assert_eq!(cuts, [Cut::Dropped { drill: dataset::drill("prone-press-up").unwrap(), priority: 3 }]);
    }

    #[test]
    fn then_priority_two_then_sets_then_reps() {
        let (fitted, _) = fit(&plan(), 260).unwrap();
        assert_eq!(ids(&fitted), ["cat-cow", "knee-to-chest", "glute-bridge"], "both priority-3 drills went");
        let (fitted, _) = fit(&plan(), 195).unwrap();
        assert_eq!(ids(&fitted), ["knee-to-chest", "glute-bridge"]);
        assert_eq!(fitted.steps[1].dose.sets, 2, "sets are only cut once every droppable drill is gone");
        let (fitted, cuts) = fit(&plan(), 125).unwrap();
        assert_eq!(fitted.total_seconds(), 125);
        assert_eq!(fitted.steps[1].dose.sets, 1);
        assert_eq!(fitted.steps[1].dose.reps, 6, "one set was enough: no reps cut");
        assert!(cuts.contains(&Cut::FewerSets { drill: fitted.steps[1].drill, from: 2, to: 1 }));
    }

    #[test]
    fn reps_go_from_the_drill_with_most_to_spare_the_later_on_a_tie() {
        // 125 s is two drills of 6 × 10 s; 10 s less takes one rep from the later drill.
        let (fitted, cuts) = fit(&plan(), 115).unwrap();
        assert_eq!(fitted.steps[0].dose.reps, 6);
        assert_eq!(fitted.steps[1].dose.reps, 5);
        assert!(cuts.contains(&Cut::FewerReps { drill: fitted.steps[1].drill, from: 6, to: 5 }));
        let (fitted, _) = fit(&plan(), 105).unwrap();
        assert_eq!((fitted.steps[0].dose.reps, fitted.steps[1].dose.reps), (5, 5));
    }

    #[test]
    fn below_the_minimum_is_an_error_that_names_it() {
        // Priority 1 only, one set, 3 of 6 reps: 30 + 30 + 5 s.
        assert_eq!(minimum_seconds(&plan()), 65);
        assert!(fit(&plan(), 65).is_ok());
        let err = fit(&plan(), 64).unwrap_err();
        assert_eq!(err, TooShort { budget_seconds: 64, minimum_seconds: 65 });
        assert_eq!(err.minimum_minutes(), 2);
    }

    #[test]
    fn reps_never_fall_below_half_of_the_original_dose() {
        // At the minimum both drills sit at 3 of 6 reps, never lower, whatever the budget above it.
        for budget in 65..=125 {
            let (fitted, _) = fit(&plan(), budget).unwrap();
            for step in &fitted.steps {
                assert!(step.dose.reps >= 3, "{budget} s: {} cut to {} reps", step.drill.id, step.dose.reps);
            }
        }
        let (fitted, _) = fit(&plan(), 65).unwrap();
        assert_eq!((fitted.steps[0].dose.reps, fitted.steps[1].dose.reps), (3, 3));
    }

    #[test]
    fn the_rep_floor_is_half_rounded_up_and_at_least_one() {
        let dose = |reps| Dose { reps, hold_seconds: 0, rep_seconds: 5, sets: 1, each_side: false, rest_seconds: 0 };
        assert_eq!([1, 2, 3, 10].map(|reps| rep_floor(&dose(reps))), [1, 1, 2, 5]);
    }
}
