//! `backpain man DIR`: the man pages, generated from the parser itself, written into DIR.

use crate::cli::ManArgs;

impl super::Run for ManArgs {
    fn run(&self, _cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        crate::generate::write_man_pages(&self.dir)
    }
}
