use crate::dataset::{self, Location, Variant};
use crate::report::{red_flags, ClaimView, RoutineReport, RuleView, StepView};

/// The routine as the dataset has it, with the rules that go with it: always the intensity
/// rule, and the morning caution when a drill bends the spine forward.
pub fn run(location: &'static Location, variant: Variant) -> RoutineReport {
    let routine = location.routine(variant);
    let mut rules = vec!["intensity"];
    if routine.has_flexion() {
        rules.push("morning");
    }
    RoutineReport {
        location: location.id,
        code: location.code,
        name: location.name,
        variant,
        total_seconds: routine.total_seconds(),
        warning: location.warning,
        advice: location.advice.iter().map(ClaimView::new).collect(),
        steps: routine.steps.iter().map(|step| StepView::new(step.drill(), step.dose())).collect(),
        adjustments: Vec::new(),
        rules: rules.into_iter().filter_map(dataset::rule).map(RuleView::new).collect(),
        red_flags: red_flags(location),
        disclaimer: dataset::dataset().meta.disclaimer,
    }
}
