use crate::dataset;
use crate::report::SourcesReport;

pub fn run() -> SourcesReport {
    SourcesReport(dataset::dataset().citations.iter().collect())
}
