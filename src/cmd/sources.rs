use crate::cli::SourcesArgs;
use crate::dataset;
use crate::report::{Listing, SourcesReport};

pub fn run(args: &SourcesArgs) -> SourcesReport {
    SourcesReport(match args.id {
        Some(citation) => Listing::One(citation),
        None => Listing::All(dataset::dataset().citations.iter().collect()),
    })
}
