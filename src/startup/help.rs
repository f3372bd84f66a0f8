//! The top level's help (`backpain --help`, `backpain help`, `backpain` alone) with its about,
//! command list and closing text written here instead of by clap's help renderer, which measures
//! and re-wraps every word through its styled strings (~240k instructions of a ~860k `--help`;
//! README "Performance"). Usage and options are still clap's, through a template. It is laid
//! out exactly as clap lays it out (a test compares the two at every width from 20 to 250
//! columns, plain and styled); where clap would do something this does not (a command's help on
//! the next line in a narrow terminal, aliases to show, an empty about, long forms), the command
//! is left to clap as it is.

/// The commands' names and abouts for the list, `help` included as clap adds it; `None` when
/// clap's own layout is needed.
fn entries(command: &clap::Command) -> Option<Vec<(String, String)>> {
    let mut entries = Vec::new();
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let shown_aliases = sub.get_visible_aliases().next().is_some()
            || sub.get_visible_short_flag_aliases().next().is_some()
            || sub.get_visible_long_flag_aliases().next().is_some();
        if shown_aliases || sub.get_short_flag().is_some() || sub.get_long_flag().is_some() {
            return None;
        }
        let about = plain(sub.get_about().or_else(|| sub.get_long_about())?)?;
        if about.is_empty() || about.contains(['{', '}', '\n']) {
            return None;
        }
        entries.push((sub.get_name().to_string(), about));
    }
    let helps_itself = !command.is_disable_help_subcommand_set() && command.has_subcommands();
    if helps_itself && command.find_subcommand("help").is_none() {
        entries.push(("help".into(), "Print this message or the help of the given subcommand(s)".into()));
    }
    (!entries.is_empty()).then_some(entries)
}

/// The text of a help string that carries no styles of its own (as all of backpain's do), or
/// `None`. Read raw: clap's plain `Display` strips escape codes byte by byte, which costs more
/// than the whole list.
fn plain(text: &clap::builder::StyledStr) -> Option<String> {
    let raw = text.ansi().to_string();
    (!raw.contains('\x1b')).then_some(raw)
}

/// The width clap wraps help at: the terminal's (stdout's, else stderr's, else stdin's: `backpain
/// --help | head` still fits the terminal), else `COLUMNS`, else 100 (as clap with `wrap_help`
/// and no maximum set).
pub fn clap_width() -> usize {
    terminal_size::terminal_size()
        .map(|(columns, _)| usize::from(columns.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(100)
}

/// `command` with its help drawn from a template holding the command list, at `width` columns
/// (given to clap too, so both parts wrap alike); with clap's own layout when that is needed.
pub fn top_level(command: clap::Command, width: usize) -> clap::Command {
    let command = command.term_width(width);
    match template(&command, width) {
        Some(template) => command.help_template(template),
        None => command,
    }
}

/// The help template with the command list written in, or `None` for clap's own layout.
fn template(command: &clap::Command, width: usize) -> Option<String> {
    let entries = entries(command)?;
    if command.is_next_line_help_set() || command.get_arguments().any(|arg| arg.get_help_heading().is_some()) {
        return None;
    }
    let width_of = |text: &str| if text.is_ascii() { text.len() } else { crate::term::text::width(text) };
    let longest = entries.iter().map(|(name, _)| width_of(name)).max().unwrap_or(0).max(2);
    let taken = longest + 4;
    // clap puts every about on the next line when one does not fit beside the names and they
    // take over 40 % of the width: left to clap.
    let next_line = entries
        .iter()
        .any(|(_, about)| width >= taken && (taken as f32 / width as f32) > 0.40 && width_of(about) > width - taken);
    if next_line {
        return None;
    }
    // The about and the closing text, wrapped as clap wraps them (`--help` and `-h` show the
    // same when there are no long forms).
    if command.get_long_about().is_some() || command.get_after_long_help().is_some() {
        return None;
    }
    let about = match command.get_about() {
        Some(about) => Some(plain(about)?),
        None => None,
    };
    let after = match command.get_after_help() {
        Some(after) => Some(plain(after)?),
        None => None,
    };
    if [&about, &after].into_iter().flatten().any(|text| text.contains(['{', '}']) || text.contains("{n}")) {
        return None;
    }
    let about = about.map(|about| wrap(&about, width) + "\n").unwrap_or_default();
    let after = after.map(|after| "\n\n".to_string() + &wrap(&after, width)).unwrap_or_default();
    let styles = command.get_styles();
    let (header, literal) = (styles.get_header(), styles.get_literal());
    let (on, off) = (literal.render().to_string(), literal.render_reset().to_string());
    let mut list = String::with_capacity(2048);
    for (index, (name, about)) in entries.iter().enumerate() {
        if index > 0 {
            list.push('\n');
        }
        list.push_str("  ");
        list.push_str(&on);
        list.push_str(name);
        list.push_str(&off);
        list.extend(std::iter::repeat_n(' ', longest + 2 - width_of(name)));
        for (line, text) in wrap(about, width.saturating_sub(taken)).split('\n').enumerate() {
            if line > 0 {
                list.push('\n');
                list.extend(std::iter::repeat_n(' ', taken));
            }
            list.push_str(text);
        }
    }
    Some(format!(
        "{{before-help}}{about}\n{{usage-heading}} {{usage}}\n\n\
         {header}Commands:{header:#}\n{list}\n\n{header}Options:{header:#}\n{{options}}{after}"
    ))
}

/// `text` wrapped to `width` exactly as clap's help wraps plain text: each line on its own,
/// split after runs of ASCII spaces (kept with the word before them), a word moved to the next
/// line when the line so far, its spaces included, and the word would pass `width`; the spaces
/// before a break dropped, the first word of a line never moved, a line's leading spaces
/// repeated on the lines it wraps onto, the end trimmed.
fn wrap(text: &str, width: usize) -> String {
    let ascii = text.is_ascii();
    let measure = |word: &str| if ascii { word.len() } else { crate::term::text::width(word) };
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        // A line that fits is left as it is: no word of it would move.
        if measure(line.trim_end_matches([' ', '\n'])) <= width {
            out.push_str(line);
            continue;
        }
        let mut line_width = 0;
        let mut first_word = true;
        let mut indent = None;
        for word in words(line) {
            let indent = *indent.get_or_insert(if word.bytes().all(|b| b == b' ') { word } else { "" });
            let trimmed = word.trim_end();
            let word_width = measure(trimmed);
            if first_word && word_width > 0 {
                first_word = false;
            } else if width < line_width + word_width {
                let kept = out.trim_end_matches(' ').len();
                out.truncate(kept);
                out.push('\n');
                out.push_str(indent);
                line_width = indent.len();
            }
            line_width += word_width + (word.len() - trimmed.len());
            out.push_str(word);
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

/// The words of one line as clap splits them: each with the ASCII spaces after it. (A space
/// is one byte in UTF-8, so the line is split by its bytes.)
fn words(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        while end < bytes.len() && bytes[end] == b' ' {
            end += 1;
        }
        let word = &line[start..end];
        start = end;
        Some(word)
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    fn help(command: clap::Command, styled: bool) -> String {
        let mut command = command;
        let help = command.render_help();
        if styled {
            help.ansi().to_string()
        } else {
            help.to_string()
        }
    }

    #[test]
    fn the_command_list_is_laid_out_as_clap_lays_it_out_at_every_width() {
        let mut written_here = 0;
        for width in 20..=250 {
            for styled in [false, true] {
                let base = || {
                    let command = Cli::command();
                    if styled {
                        command
                    } else {
                        command.styles(clap::builder::Styles::plain())
                    }
                };
                let clap = help(base().term_width(width), styled);
                written_here += usize::from(template(&base(), width).is_some());
                let ours = top_level(base(), width);
                let ours = help(ours, styled);
                for (a, b) in ours.lines().zip(clap.lines()) {
                    assert_eq!(a, b, "at {width} columns, styled {styled}");
                }
                assert_eq!(ours, clap, "at {width} columns, styled {styled}");
            }
        }
        // Not only clap's own layout passing through: the list is written here from 42 columns up.
        assert!(written_here >= 2 * 200, "the list was written here at only {written_here} of 462 widths");
    }
}
