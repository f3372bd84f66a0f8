//! Precautions by condition (`--condition`): drills whose movements a person's condition rules
//! out (deep hip bending after a hip replacement, lying on the back in pregnancy, ...) are
//! swapped for a listed alternative that is safe for every condition given, or left out. Pure:
//! it knows the dataset, not the command line.

use super::{no_longer_than, Plan, PlannedStep};
use crate::dataset::{self, Condition, Dose, Drill, Variant};

/// One change a condition made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub drill: &'static Drill,
    /// The drill that takes its place (at `dose`), or `None` when it is left out.
    pub swap: Option<(&'static Drill, Dose)>,
    /// The conditions that rule `drill` out, or that added it.
    pub because: Vec<&'static Condition>,
    /// `drill` was added by the conditions (their positive programme), not ruled out.
    pub added: bool,
}

/// Swaps or leaves out every drill that a condition in `conditions` rules out, then adds to a
/// full routine the drills a condition adds (that every condition allows). An alternative
/// must suit every condition, not bend the low back when `morning` is on, be a desk drill in a
/// micro routine, not be in the plan already, and fit the step's time at its shortest dose; it
/// keeps the step's place and priority and takes no longer. The plan may end up empty
/// (`recent-surgery` rules out every drill).
pub fn adapt(plan: &Plan, conditions: &[&'static Condition], morning: bool) -> (Plan, Vec<Change>) {
    let mut steps: Vec<PlannedStep> = Vec::new();
    let mut changes = Vec::new();
    for (index, step) in plan.steps.iter().enumerate() {
        let because: Vec<&'static Condition> =
            conditions.iter().copied().filter(|condition| condition.rules_out(step.drill)).collect();
        if because.is_empty() {
            steps.push(step.clone());
            continue;
        }
        let taken = |id: &str| {
            steps.iter().any(|kept| kept.drill.id == id)
                || plan.steps[index + 1..].iter().any(|later| later.drill.id == id)
        };
        let seconds = step.dose.seconds();
        let swap = step.drill.alternatives.iter().filter_map(|id| dataset::drill(id)).find_map(|to| {
            let dose = no_longer_than(&to.dose, seconds);
            let suits = conditions.iter().all(|condition| !condition.rules_out(to))
                && !(morning && to.spinal_flexion)
                && (plan.variant == Variant::Full || to.desk_friendly)
                && !taken(to.id)
                && dose.seconds() <= seconds;
            suits.then_some((to, dose))
        });
        if let Some((to, dose)) = &swap {
            steps.push(PlannedStep { drill: to, dose: dose.clone(), priority: step.priority });
        }
        changes.push(Change { drill: step.drill, swap, because, added: false });
    }
    if plan.variant == Variant::Full {
        for condition in conditions {
            for drill in condition.adds.iter().filter_map(|id| dataset::drill(id)) {
                let suits =
                    conditions.iter().all(|given| !given.rules_out(drill)) && !(morning && drill.spinal_flexion);
                if suits && !steps.iter().any(|step| step.drill.id == drill.id) {
                    steps.push(PlannedStep { drill, dose: drill.dose.clone(), priority: 2 });
                    changes.push(Change { drill, swap: None, because: vec![condition], added: true });
                }
            }
        }
    }
    (Plan { steps, ..plan.clone() }, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Location;

    fn condition(id: &str) -> &'static Condition {
        dataset::condition(id).unwrap()
    }

    fn every_plan() -> impl Iterator<Item = (&'static Location, Plan)> {
        dataset::dataset().locations.iter().flat_map(|location| {
            [Variant::Full, Variant::Micro].into_iter().map(move |variant| (location, Plan::new(location, variant)))
        })
    }

    #[test]
    fn nothing_a_condition_rules_out_is_left_in_any_routine() {
        for (location, plan) in every_plan() {
            for given in dataset::dataset().conditions {
                for morning in [false, true] {
                    let (adapted, changes) = adapt(&plan, &[given], morning);
                    let context = format!("{} {:?} {}", location.id, plan.variant, given.id);
                    assert!(adapted.steps.iter().all(|step| !given.rules_out(step.drill)), "{context}");
                    let ruled_out = plan.steps.iter().filter(|step| given.rules_out(step.drill)).count();
                    let removed = changes.iter().filter(|change| !change.added).count();
                    assert_eq!(removed, ruled_out, "{context}: one change per drill ruled out");
                    let added: u32 = changes
                        .iter()
                        .filter(|change| change.added)
                        .map(|change| change.drill.dose.seconds() + dataset::TRANSITION_SECONDS)
                        .sum();
                    assert!(adapted.total_seconds() <= plan.total_seconds() + added, "{context}: no longer");
                    let mut ids: Vec<_> = adapted.steps.iter().map(|step| step.drill.id).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    assert_eq!(ids.len(), adapted.steps.len(), "{context}: no drill twice");
                    if plan.variant == Variant::Micro {
                        assert!(adapted.steps.iter().all(|step| step.drill.desk_friendly), "{context}: at the desk");
                    }
                    if morning {
                        let swapped_in = changes.iter().filter_map(|change| change.swap.as_ref());
                        assert!(swapped_in.clone().all(|(to, _)| !to.spinal_flexion), "{context}: morning kept");
                    }
                }
            }
        }
    }

    #[test]
    fn several_conditions_are_all_respected() {
        let all: Vec<_> = ["hip-replacement", "pregnancy", "osteoporosis"].map(condition).to_vec();
        for (location, plan) in every_plan() {
            let (adapted, _) = adapt(&plan, &all, false);
            for step in &adapted.steps {
                assert!(all.iter().all(|given| !given.rules_out(step.drill)), "{} {}", location.id, step.drill.id);
            }
        }
    }

    #[test]
    fn a_hip_replacement_swaps_deep_hip_bending_and_says_why() {
        let plan = Plan::new(dataset::location("lower").unwrap(), Variant::Full);
        let (adapted, changes) = adapt(&plan, &[condition("hip-replacement")], false);
        assert!(adapted.steps.iter().all(|step| step.drill.id != "knee-to-chest"));
        let change = changes.iter().find(|change| change.drill.id == "knee-to-chest").unwrap();
        assert_eq!(change.because, [condition("hip-replacement")]);
        assert!(!adapted.steps.is_empty());
    }

    #[test]
    fn recent_surgery_leaves_no_drill() {
        for (location, plan) in every_plan() {
            let (adapted, changes) = adapt(&plan, &[condition("recent-surgery")], false);
            assert!(adapted.steps.is_empty(), "{}", location.id);
            assert_eq!(changes.len(), plan.steps.len());
        }
    }
}
