//! A routine as it will be done today: an owned copy of a location's routine that the time
//! budget and morning mode may change. Pure: it knows the dataset, not the clock or the output.

pub mod budget;
pub mod conditions;
pub mod morning;

use crate::dataset::{Dose, Drill, Location, Routine, Variant};

/// One drill of the plan with the dose it will be done at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStep {
    pub drill: &'static Drill,
    pub dose: Dose,
    /// 1 is kept first when a time budget trims the plan, 3 dropped first.
    pub priority: u8,
}

/// The drills of one session, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub location: &'static Location,
    pub variant: Variant,
    pub steps: Vec<PlannedStep>,
}

impl Plan {
    /// The location's routine of `variant`, unchanged.
    pub fn new(location: &'static Location, variant: Variant) -> Self {
        Plan::from_routine(location, location.routine(variant))
    }

    pub fn from_routine(location: &'static Location, routine: &'static Routine) -> Self {
        let steps = routine
            .steps
            .iter()
            .map(|step| PlannedStep { drill: step.drill(), dose: step.dose().clone(), priority: step.priority })
            .collect();
        Plan { location, variant: routine.variant, steps }
    }

    /// Seconds the plan takes, moving between drills included (as `Routine::total_seconds`).
    pub fn total_seconds(&self) -> u32 {
        crate::dataset::session_seconds(self.steps.iter().map(|step| &step.dose))
    }

    /// Whether any drill bends the lumbar spine forward (the morning caution applies).
    pub fn has_flexion(&self) -> bool {
        self.steps.iter().any(|step| step.drill.spinal_flexion)
    }
}

/// `dose` with fewer sets, then fewer reps (down to one), until it takes no more than `seconds`.
pub(crate) fn no_longer_than(dose: &Dose, seconds: u32) -> Dose {
    let mut dose = dose.clone();
    while dose.seconds() > seconds && dose.sets > 1 {
        dose.sets -= 1;
    }
    while dose.seconds() > seconds && dose.reps > 1 {
        dose.reps -= 1;
    }
    dose
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    #[test]
    fn an_unchanged_plan_takes_as_long_as_its_routine() {
        for location in dataset::dataset().locations {
            for variant in [Variant::Full, Variant::Micro] {
                let plan = Plan::new(location, variant);
                let routine = location.routine(variant);
                assert_eq!(plan.total_seconds(), routine.total_seconds(), "{} {variant:?}", location.id);
                assert_eq!(plan.steps.len(), routine.steps.len());
                assert_eq!(plan.has_flexion(), routine.has_flexion());
            }
        }
    }
}
