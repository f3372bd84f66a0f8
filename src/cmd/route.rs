use crate::dataset::{self, Location, Variant};
use crate::report::{red_flags, ClaimView, LocationLine, LocationsReport, RouteReport, RoutineSummary};

pub fn run(location: &'static Location) -> RouteReport {
    let routine = RoutineSummary::new(location, location.routine(Variant::Full));
    RouteReport {
        location: location.id,
        code: location.code,
        name: location.name,
        area: location.area,
        cause: ClaimView::new(&location.cause),
        warning: location.warning,
        red_flags: red_flags(location),
        next: routine.command.clone(),
        routine,
        micro_routine: RoutineSummary::new(location, location.routine(Variant::Micro)),
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
