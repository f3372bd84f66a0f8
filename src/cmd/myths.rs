use crate::cli::MythsArgs;
use crate::dataset;
use crate::report::{ClaimView, EvidenceView, MythView, MythsReport};

pub fn run(args: &MythsArgs) -> MythsReport {
    let myths: Vec<_> = match args.id {
        Some(myth) => vec![myth],
        None => dataset::dataset().myths.iter().collect(),
    };
    MythsReport(
        myths
            .into_iter()
            .map(|myth| MythView {
                id: myth.id,
                myth: myth.myth,
                reality: myth.reality,
                evidence: EvidenceView::new(&myth.evidence),
                guide_claim: myth.guide_claim.as_ref().map(ClaimView::new),
            })
            .collect(),
    )
}
