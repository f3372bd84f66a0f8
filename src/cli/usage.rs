//! clap's mistakes said in one line, as every other error is.

/// clap's multi-line error as one line: what was wrong and what would be right, and the help of
/// the subcommand it was in (`subcommand`, or the one clap's usage line names).
pub fn one_line(err: &clap::Error, subcommand: Option<String>) -> String {
    let text = err.render().to_string();
    // Point to the help of the subcommand the mistake was in: clap's usage line names it.
    let command = text
        .lines()
        .find_map(|line| line.trim().strip_prefix("Usage: "))
        .map(|usage| {
            let words: Vec<&str> =
                usage.split_whitespace().take_while(|word| !word.starts_with(['[', '<', '-'])).collect();
            words.join(" ")
        })
        .filter(|command| command.contains(' '))
        .or_else(|| subcommand.map(|name| format!("backpain {name}")))
        .unwrap_or_else(|| "backpain".to_string());
    let parts: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("Usage:") && !line.starts_with("For more information"))
        .map(|line| line.strip_prefix("error: ").unwrap_or(line))
        .collect();
    // clap's "tip: a similar argument exists" is a line of its own: here, a clause of its own.
    let joined = parts
        .iter()
        .enumerate()
        .map(|(index, part)| match part.strip_prefix("tip: ") {
            Some(tip) if index > 0 => format!("; {tip}"),
            _ if index > 0 => format!(" {part}"),
            _ => part.to_string(),
        })
        .collect::<String>();
    format!("{joined}; see '{command} --help'")
}
