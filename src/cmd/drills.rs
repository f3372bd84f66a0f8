use crate::cli::DrillsArgs;
use crate::dataset::{self, Drill};
use crate::report::{cite, DoseView, DrillView, DrillsReport, Listing};

impl super::Run for DrillsArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        if let (true, Some(drill)) = (self.svg, self.id) {
            let figures = crate::figure::figures(drill.positions, crate::figure::view_for(drill.positions));
            let title = format!("{}: its key positions", drill.name);
            let mut svg = crate::figure::svg::drawing(&figures, &title);
            svg.push('\n');
            return cx.print(svg.as_bytes());
        }
        cx.report(&report(self), self.output.json)
    }
}

pub fn report(args: &DrillsArgs) -> DrillsReport {
    DrillsReport(match args.id {
        Some(drill) => Listing::One(view(drill)),
        None => Listing::All(dataset::dataset().drills.iter().map(view).collect()),
    })
}

fn view(drill: &'static Drill) -> DrillView {
    let data = dataset::dataset();
    let mut locations: Vec<&'static str> = data
        .routines
        .iter()
        .filter(|routine| routine.steps.iter().any(|step| step.drill == drill.id))
        .map(|routine| routine.location)
        .collect();
    locations.dedup();
    DrillView {
        id: drill.id,
        name: drill.name,
        targets: drill.targets,
        position: drill.position,
        desk_friendly: drill.desk_friendly,
        spinal_flexion: drill.spinal_flexion,
        dose: DoseView::new(&drill.dose),
        cues: drill.cues,
        cautions: drill.all_cautions(),
        sources: cite(drill.sources),
        morning_swap: drill.morning_swap,
        locations,
        kind: drill.kind,
        movements: drill.movements,
        positions: drill.positions,
        precautions: drill.precautions().map(|condition| condition.id).collect(),
    }
}
