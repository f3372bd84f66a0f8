use crate::cli::FaqArgs;
use crate::dataset::{self, RuleKind};
use crate::report::{EvidenceView, FaqReport, FaqView, RuleView};

impl super::Run for FaqArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        cx.report(&report(), self.output.json)
    }
}

pub fn report() -> FaqReport {
    let data = dataset::dataset();
    FaqReport {
        guide: data.rules.iter().filter(|rule| rule.kind == RuleKind::Habit).map(RuleView::new).collect(),
        questions: data
            .faq
            .iter()
            .map(|faq| FaqView {
                id: faq.id,
                question: faq.question,
                answer: faq.answer,
                guide_says: faq.guide_says,
                evidence: EvidenceView::new(&faq.evidence),
            })
            .collect(),
        disclaimer: data.meta.disclaimer,
    }
}
