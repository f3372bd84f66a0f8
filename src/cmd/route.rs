use std::io::IsTerminal;

use crate::cli::RouteArgs;
use crate::cmd::routine::{prepare, Request};
use crate::dataset::{self, Location, Variant};
use crate::profile::Profile;
use crate::report::{red_flags, ClaimView, ConditionView, LocationLine, LocationsReport, RouteReport, RoutineSummary};

/// The whole subcommand: one location's route, the body map to pick one on a terminal, or the
/// list of locations.
impl super::Run for RouteArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        let args = self;
        let location = super::location(args.location, &args.place, "route")?;
        let profile = super::profile(&args.profile, cx.config()?);
        let env = cx.env;
        match location {
            Some(location) => cx.report(&run(location, &profile), args.output.json),
            // The picker needs keys as well as a screen: both ends must be the terminal.
            None if !args.output.json
                && env.stdout_is_terminal
                && !env.dumb_terminal
                && std::io::stdin().is_terminal() =>
            {
                let picked = crate::tui::pick::pick(&mut **cx.stdout(), cx.theme.color)?;
                match picked {
                    Some(location) => cx.report(&run(location, &profile), false),
                    None => Ok(()),
                }
            }
            None => cx.report(&list(), args.output.json),
        }
    }
}

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
        red_flags: red_flags(location, &profile.conditions, profile.wording()),
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
