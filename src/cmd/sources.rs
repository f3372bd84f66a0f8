use crate::cli::SourcesArgs;
use crate::dataset;
use crate::report::{Listing, SourcesReport};

impl super::Run for SourcesArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        cx.report(&report(self), self.output.json)
    }
}

pub fn report(args: &SourcesArgs) -> SourcesReport {
    SourcesReport(match args.id {
        Some(citation) => Listing::One(citation),
        None => Listing::All(dataset::dataset().citations.iter().collect()),
    })
}
