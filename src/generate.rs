//! Completions and man pages, generated from the same `Cli` the binary parses. `completions/`
//! and `man/` hold the committed copies; `tests/sync.rs` fails when they drift.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The shells `completions/` ships a script for.
pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell];

/// The completion script for a shell.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "backpain", &mut out);
    out
}

/// The file name a shell's script is committed under in `completions/`.
pub fn completion_file(shell: Shell) -> String {
    match shell {
        Shell::Bash => "backpain.bash".into(),
        Shell::Zsh => "_backpain".into(),
        Shell::Fish => "backpain.fish".into(),
        Shell::Elvish => "backpain.elv".into(),
        Shell::PowerShell => "_backpain.ps1".into(),
        _ => format!("backpain.{shell}"),
    }
}

/// `backpain.1` and one page per subcommand (`backpain-route.1`, ...), as (file name, roff).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let command = Cli::command();
    let mut pages = vec![("backpain.1".to_string(), render_page(command.clone()))];
    for sub in command.get_subcommands() {
        let name = format!("backpain-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).display_name(name.clone());
        pages.push((format!("{name}.1"), render_page(sub)));
    }
    pages
}

fn render_page(command: clap::Command) -> Vec<u8> {
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command).date("2026-11-25");
    man.render(&mut out).unwrap_or_else(|err| unreachable!("writing to a Vec cannot fail: {err}"));
    out
}

/// `backpain man DIR`: every page written into `dir` (created if missing), each through a
/// temporary file renamed into place, so a planted symlink is never followed.
pub fn write_man_pages(dir: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context as _;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, page) in man_pages() {
        crate::fsutil::write_atomic(dir, &name, &page)
            .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
    }
    Ok(())
}
