//! `backpain completions SHELL`: the completion script, generated from the parser itself.

use crate::cli::CompletionsArgs;

impl super::Run for CompletionsArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        cx.print(&crate::cli::generate::completion(self.shell))
    }
}
