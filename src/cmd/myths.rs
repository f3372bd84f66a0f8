use crate::cli::MythsArgs;
use crate::dataset;
use crate::report::{ClaimView, EvidenceView, Listing, MythView, MythsReport};

impl super::Run for MythsArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        cx.report(&report(self), self.output.json)
    }
}

pub fn report(args: &MythsArgs) -> MythsReport {
    let view = |myth: &'static dataset::Myth| MythView {
        id: myth.id,
        myth: myth.myth,
        reality: myth.reality,
        evidence: EvidenceView::new(&myth.evidence),
        guide_claim: myth.guide_claim.as_ref().map(ClaimView::new),
    };
    MythsReport(match args.id {
        Some(myth) => Listing::One(view(myth)),
        None => Listing::All(dataset::dataset().myths.iter().map(view).collect()),
    })
}
