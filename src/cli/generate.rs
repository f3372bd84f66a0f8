//! Completions and man pages, generated from the same `Cli` the binary parses. `completions/`
//! and `man/` hold the committed copies; `tests/it/sync.rs` fails when they drift.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The shells `completions/` ships a script for.
pub const SHELLS: [Shell; 5] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell];

/// The completion script for a shell.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut offer_places(Cli::command()), "backpain", &mut out);
    out
}

/// The location in words (`route hip pain`, `log pain 5 lower`) takes any words, so its parser
/// lists no values; completions still offer the locations there. Set here, for the scripts
/// only: a run never pays for it.
fn offer_places(mut command: clap::Command) -> clap::Command {
    // Subcommands get their arguments when built (clap's `defer`).
    command.build();
    let names: Vec<String> = command.get_subcommands().map(|sub| sub.get_name().to_string()).collect();
    names.into_iter().fold(command, |command, name| {
        command.mut_subcommand(name, |sub| {
            let nested: Vec<String> = sub.get_subcommands().map(|nested| nested.get_name().to_string()).collect();
            let sub = nested.into_iter().fold(sub, |sub, name| sub.mut_subcommand(name, place_values));
            place_values(sub)
        })
    })
}

fn place_values(command: clap::Command) -> clap::Command {
    if !command.get_arguments().any(|arg| arg.get_id() == "place") {
        return command;
    }
    command.mut_arg("place", |arg| arg.value_parser(super::location_parser()).hide_possible_values(true))
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
    let mut command = Cli::command();
    command.build();
    // clap's `help` subcommand has no page of its own; `backpain.1` must name only pages that exist.
    let command = command.mut_subcommand("help", |help| help.hide(true));
    let mut pages = vec![("backpain.1".to_string(), render_page(command.clone()))];
    add_pages(&command, "backpain", &mut pages);
    // What every good man page ends with: the top page names the files and the environment,
    // and every page points to the others it belongs with.
    let names: Vec<String> = pages.iter().skip(1).map(|(name, _)| name.trim_end_matches(".1").to_string()).collect();
    for (name, page) in &mut pages {
        if name == "backpain.1" {
            page.extend_from_slice(FILES_AND_ENVIRONMENT.as_bytes());
            let see: Vec<String> =
                names.iter().map(|name| format!("\\fB{}\\fR(1)", name.replace('-', "\\-"))).collect();
            page.extend_from_slice(format!(".SH \"SEE ALSO\"\n{}\n", see.join(", ")).as_bytes());
        } else {
            page.extend_from_slice(b".SH \"SEE ALSO\"\n\\fBbackpain\\fR(1)\n");
        }
    }
    pages
}

/// The FILES and ENVIRONMENT sections of `backpain.1` (README, "The config file", "History"
/// and "Testing aid").
const FILES_AND_ENVIRONMENT: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/backpain/config.toml\fR
The config file (usually \fI~/.config/backpain/config.toml\fR; on macOS
\fI~/Library/Application Support/backpain/config.toml\fR); \fB\-\-config\fR names another.
.TP
\fI$XDG_DATA_HOME/backpain/history/YYYY\-MM.jsonl\fR
The history, one JSON line per entry, a file per month (usually under \fI~/.local/share\fR);
\fB\-\-data\-dir\fR or \fBdata\-dir\fR in the config file's [history] table names another
folder. Copies a sync tool makes of a month are read with it.
.TP
\fI~/.config/systemd/user/backpain\-remind.service\fR, \fIbackpain\-remind.timer\fR
What \fBbackpain remind \-\-print\-schedule systemd\fR prints, for a scheduled reminder.
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (as \fB\-\-color never\fR).
.TP
\fBBACKPAIN_PAGER\fR, \fBPAGER\fR, \fBLESS\fR
The pager for long output on a terminal (the first set; empty or \fBcat\fR for none), else
\fBless \-FRX\fR; \fBLESS\fR is left as it is when set.
.TP
\fBCOLUMNS\fR, \fBTERM\fR, \fBLANG\fR, \fBLC_ALL\fR, \fBLC_CTYPE\fR
The width when the terminal does not say; \fBTERM=dumb\fR or a locale that is not UTF\-8 gets
plain ASCII.
.TP
\fBTERMINAL\fR
The terminal a click on a reminder opens the routine in, when the config file sets no
\fBopen\-command\fR (without either, \fBx\-terminal\-emulator\fR).
.TP
\fBDBUS_SESSION_BUS_ADDRESS\fR, \fBXDG_RUNTIME_DIR\fR, \fBDISPLAY\fR, \fBWAYLAND_DISPLAY\fR
Where notifications go and where presence (idle, lock, do\-not\-disturb, fullscreen) is read;
\fBbackpain doctor\fR shows what was found.
.TP
\fBTZ\fR
The time zone; a value naming a file that cannot be a zone file is said once and ignored.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR
Where the config file and the history live (see FILES).
.TP
\fBBACKPAIN_TEST_SPEED\fR
A testing aid: guided sessions and reminder loops run this many times faster than the wall
clock. Not meant for use.
"#;

/// A page for every visible subcommand of `command` (typed as `typed`), and for theirs in turn
/// (`backpain log pain` is backpain-log-pain.1), so every page a SEE ALSO names exists.
fn add_pages(command: &clap::Command, typed: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set() && sub.get_name() != "help") {
        let typed = format!("{typed} {}", sub.get_name());
        // The page is named backpain-route, but its SYNOPSIS shows the command as it is typed.
        let page = typed.replace(' ', "-");
        let renamed = sub.clone().name(page.clone()).display_name(page.clone()).bin_name(typed.clone());
        // clap's own `help` subcommand has no page: hide it where there is one.
        let renamed = if renamed.find_subcommand("help").is_some() {
            renamed.mut_subcommand("help", |help| help.hide(true))
        } else {
            renamed
        };
        pages.push((format!("{page}.1"), render_page(renamed)));
        add_pages(sub, &typed, pages);
    }
}

/// clap_mangen's sections, except that the after-help text is split into EXAMPLES, EXIT STATUS
/// and NOTES (clap_mangen puts it all under "EXTRA"), with the examples kept as typed lines.
fn render_page(command: clap::Command) -> Vec<u8> {
    let source = format!("backpain {}", env!("CARGO_PKG_VERSION"));
    let after_help = command.get_after_long_help().or_else(|| command.get_after_help()).map(|text| text.to_string());
    let has_options = command.get_arguments().any(|arg| !arg.is_hide_set());
    let has_subcommands = command.get_subcommands().any(|sub| !sub.is_hide_set());
    let man = clap_mangen::Man::new(command).date("2026-11-25").source(source).manual("backpain manual");
    let mut out = Vec::new();
    let written = (|| -> std::io::Result<()> {
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        if has_options {
            man.render_options_section(&mut out)?;
        }
        if has_subcommands {
            man.render_subcommands_section(&mut out)?;
        }
        if let Some(text) = &after_help {
            out.extend_from_slice(after_help_sections(text).as_bytes());
        }
        Ok(())
    })();
    written.unwrap_or_else(|err| unreachable!("writing to a Vec cannot fail: {err}"));
    // Each section clap_mangen renders on its own repeats roff's two-line preamble: keep the first.
    let text = String::from_utf8_lossy(&out).into_owned();
    let mut preamble_seen = 0;
    let mut page = String::new();
    for line in text.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if preamble {
            preamble_seen += 1;
            if preamble_seen > 2 {
                continue;
            }
        }
        page.push_str(line);
        page.push('\n');
    }
    page.into_bytes()
}

/// The after-help paragraphs as man sections: "Examples:" and "Exit status:" get their own
/// headings, anything else goes under NOTES.
fn after_help_sections(text: &str) -> String {
    let mut examples = Vec::new();
    let mut exit_status = Vec::new();
    let mut notes = Vec::new();
    for paragraph in text.split("\n\n") {
        if let Some(rest) = paragraph.strip_prefix("Examples:") {
            examples.extend(rest.lines().map(str::trim).filter(|line| !line.is_empty()));
        } else if let Some(rest) = paragraph.strip_prefix("Exit status:") {
            exit_status.push(rest.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            notes.push(paragraph.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let mut out = String::new();
    if !examples.is_empty() {
        out.push_str(".SH EXAMPLES\n.nf\n");
        for line in examples {
            out.push_str(&roff_line(line));
            out.push('\n');
        }
        out.push_str(".fi\n");
    }
    for (heading, paragraphs) in [("EXIT STATUS", exit_status), ("NOTES", notes)] {
        if paragraphs.is_empty() {
            continue;
        }
        out.push_str(&format!(".SH \"{heading}\"\n"));
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if index > 0 {
                out.push_str(".PP\n");
            }
            out.push_str(&roff_line(paragraph));
            out.push('\n');
        }
    }
    out
}

/// `backpain man DIR`: every page written into `dir` (created if missing), each through a
/// temporary file renamed into place, so a planted symlink is never followed.
/// Writes every man page into `dir`; the names of the pages written.
pub fn write_man_pages(dir: &std::path::Path) -> anyhow::Result<Vec<String>> {
    use anyhow::Context as _;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut written = Vec::new();
    for (name, page) in man_pages() {
        crate::platform::fsutil::write_atomic(dir, &name, &page)
            .with_context(|| format!("cannot write {}", dir.join(&name).display()))?;
        written.push(name);
    }
    Ok(written)
}

/// One line of text for roff: backslashes and hyphens escaped, a leading dot or quote disarmed.
fn roff_line(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
