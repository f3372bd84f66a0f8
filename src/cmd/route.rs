use crate::cmd::routine::{prepare, Request};
use crate::dataset::{self, Location, Variant};
use crate::profile::Profile;
use crate::report::{red_flags, ClaimView, ConditionView, LocationLine, LocationsReport, RouteReport, RoutineSummary};

/// The route for `location`: its routines as the person's conditions leave them.
pub fn run(location: &'static Location, profile: &Profile) -> RouteReport {
    let summary = |variant: Variant| {
        let request = Request { profile: profile.clone(), ..Request::plain(location, variant) };
        let micro = if variant == Variant::Micro { " --micro" } else { "" };
        let conditions: String =
            profile.conditions.iter().map(|condition| format!(" --condition {}", condition.id)).collect();
        let command = format!("backpain routine --location {}{micro}{conditions}", location.id);
        // Without a time budget nothing fails; if it ever did, say so rather than show drills
        // the conditions might rule out.
        match prepare(request) {
            Ok(prepared) => RoutineSummary::new(&prepared.plan, command, prepared.adjustments),
            Err(err) => {
                let empty = crate::plan::Plan { steps: Vec::new(), ..crate::plan::Plan::new(location, variant) };
                RoutineSummary::new(&empty, command, vec![err.to_string()])
            }
        }
    };
    let routine = summary(Variant::Full);
    RouteReport {
        location: location.id,
        code: location.code,
        name: location.name,
        area: location.area,
        cause: ClaimView::new(&location.cause),
        warning: location.warning,
        red_flags: red_flags(location, profile.wording()),
        next: routine.command.clone(),
        routine,
        micro_routine: summary(Variant::Micro),
        conditions: profile.conditions.iter().copied().map(ConditionView::new).collect(),
        disclaimer: dataset::dataset().meta.disclaimer,
    }
}

/// The five locations, one line each, for `route` without `--location`.
pub fn list() -> LocationsReport {
    LocationsReport(
        dataset::dataset()
            .locations
            .iter()
            .map(|location| LocationLine {
                location: location.id,
                code: location.code,
                name: location.name,
                area: location.area,
                aliases: location.aliases,
            })
            .collect(),
    )
}
