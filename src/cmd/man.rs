//! `backpain man DIR`: the man pages, generated from the parser itself, written into DIR.

use crate::cli::ManArgs;

impl super::Run for ManArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        let written = crate::cli::generate::write_man_pages(&self.dir)?;
        // Said, so that success is not silence: how many, where, and how to read one.
        let dir = self.dir.display();
        let text = format!(
            "Wrote {} man pages into {dir} (backpain.1 and one per subcommand); read one with \
             `man {dir}/backpain.1`, or add the directory's parent to MANPATH.\n",
            written.len()
        );
        cx.print(text.as_bytes())
    }
}
