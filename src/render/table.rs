//! Human output: short headings and comfy-table tables that wrap to `Theme::width`.

use std::fmt::Write as _;

use comfy_table::{presets, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::bodymap::{self, Layout};
use super::{Render, Theme};
use crate::dataset::{self, Citation, Status, Urgency, Variant};
use crate::report::{
    ClaimView, ConditionView, DrillsReport, EvidenceView, FaqReport, LocationsReport, MythsReport, RedFlagView,
    RouteReport, RoutineReport, RoutineSummary, RuleView, StepView,
};
use crate::term::style::Tone;
use crate::time::words as minutes_or_seconds;

impl Theme {
    fn table(&self) -> Table {
        let mut table = Table::new();
        if self.ascii {
            table.load_preset(presets::ASCII_FULL_CONDENSED);
        } else {
            table.load_preset(presets::UTF8_FULL_CONDENSED).apply_modifier(comfy_table::modifiers::UTF8_ROUND_CORNERS);
        }
        table.set_content_arrangement(ContentArrangement::Dynamic).force_no_tty().set_width(self.width);
        if self.color {
            table.enforce_styling();
        }
        table
    }

    /// A two-column card, labels in bold, drawn in the tables' own lines and corners (the
    /// `table` preset's) to the full width. The values are wrapped here, each list item ("- ")
    /// hanging under its dash: a card's layout is known, and drawing it directly costs a fifth
    /// of comfy-table's dynamic layout (`drills --id`, bench/run, issue 21).
    fn card(&self, rows: &[(&str, String)]) -> String {
        let (v, h, sep, top, bottom) = if self.ascii {
            ('|', '-', '|', ['+', '+', '+'], ['+', '+', '+'])
        } else {
            ('│', '─', '┆', ['╭', '┬', '╮'], ['╰', '┴', '╯'])
        };
        let label_width = rows.iter().map(|(label, _)| crate::term::text::width(label)).max().unwrap_or(0);
        let value_width = usize::from(self.width).max(40).saturating_sub(label_width + 7);
        let mut out = String::with_capacity((usize::from(self.width) * 3 + 16) * (rows.len() * 3 + 2));
        let rule = |out: &mut String, corners: [char; 3]| {
            out.push(corners[0]);
            out.extend(std::iter::repeat_n(h, label_width + 2));
            out.push(corners[1]);
            out.extend(std::iter::repeat_n(h, value_width + 2));
            out.push(corners[2]);
            out.push('\n');
        };
        rule(&mut out, top);
        let mut wrapped = String::new();
        let mut cell = String::new();
        for (label, value) in rows {
            wrapped.clear();
            for line in value.lines() {
                match line.strip_prefix("- ") {
                    Some(item) => crate::term::text::hang_into(&mut wrapped, item, value_width, "- ", "  "),
                    None => crate::term::text::hang_into(&mut wrapped, line, value_width, "", ""),
                }
            }
            for (index, line) in wrapped.lines().enumerate() {
                let name = if index == 0 { *label } else { "" };
                cell.clear();
                cell.push(' ');
                cell.push_str(name);
                cell.extend(std::iter::repeat_n(' ', label_width - crate::term::text::width(name) + 1));
                out.push(v);
                if self.color {
                    out.push_str(&self.paint(&cell, Tone::Bold));
                } else {
                    out.push_str(&cell);
                }
                out.push(sep);
                out.push(' ');
                out.push_str(line);
                out.extend(std::iter::repeat_n(' ', value_width.saturating_sub(crate::term::text::width(line)) + 1));
                out.push(v);
                out.push('\n');
            }
        }
        rule(&mut out, bottom);
        out
    }

    fn header(&self, names: &[&str]) -> Vec<Cell> {
        names.iter().map(|name| Cell::new(name).add_attribute(Attribute::Bold)).collect()
    }

    /// Text in a tone when colour is on (the one styling path, `crate::term::style`).
    fn paint(&self, text: &str, tone: Tone) -> String {
        if self.color {
            crate::term::style::paint(text, tone, true)
        } else {
            text.to_string()
        }
    }

    /// A bold title, wrapped to the width (no trailing newline).
    fn heading(&self, text: &str) -> String {
        self.paint(self.wrap(text, "").trim_end_matches('\n'), Tone::Bold)
    }

    fn status(&self, status: Status) -> Cell {
        let cell = Cell::new(status.label());
        match status {
            Status::Supported => cell.fg(Color::Green),
            Status::PartlySupported | Status::Plausible => cell.fg(Color::Yellow),
            Status::NotFound => cell.fg(Color::Red),
            Status::Hypothesis => cell.fg(Color::Magenta),
        }
    }

    /// A drill's key positions drawn side by side at the size that fits the width (each at
    /// most 32 columns by 11 rows), the moving parts marked, with a blank line after; nothing
    /// for a drill without positions.
    pub(super) fn pictures(&self, positions: &'static [dataset::KeyPosition]) -> String {
        if positions.is_empty() {
            return String::new();
        }
        let view = crate::figure::view_for(positions);
        let figures = crate::figure::figures(positions, view);
        let gap = 2;
        let count = figures.len();
        let width = (usize::from(self.width).saturating_sub(gap * (count - 1)) / count).clamp(8, 32);
        let height = (width * 11 / 32).max(4);
        let panels = crate::figure::canvas::panels(&figures, width, height, self.ascii, self.color);
        let names: Vec<&str> = figures.iter().map(|figure| figure.name).collect();
        let mut out = String::new();
        // Rows blank in every panel (a figure lying down is short) take no screen space.
        let lines = crate::figure::canvas::side_by_side(&panels, &names, width, gap);
        for line in lines.iter().skip_while(|line| line.trim().is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
        let seen = match view {
            crate::figure::View::Side => "seen from the side",
            crate::figure::View::Front => "seen from the front",
            crate::figure::View::Above => "seen from above",
        };
        let heavy = if self.color { "heavier, coloured lines" } else { "heavier lines" };
        let text = format!("The key positions, {seen}; what moves is drawn in {heavy}.");
        let _ = writeln!(out, "{}", self.wrap(&text, "").trim_end());
        out.push('\n');
        out
    }

    /// A paragraph wrapped to the width, for text outside tables.
    fn wrap(&self, text: &str, indent: &str) -> String {
        self.hang(text, indent, indent)
    }

    /// A list item wrapped to the width: `bullet` before its first line, the continuation
    /// lines indented to match.
    fn bullet(&self, text: &str, bullet: &str) -> String {
        self.hang(text, bullet, &" ".repeat(bullet.chars().count()))
    }

    /// `text` wrapped to the width, `first` before the first line and `indent` before the rest.
    pub(super) fn hang(&self, text: &str, first: &str, indent: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8 + 8);
        self.hang_into(&mut out, text, first, indent);
        out
    }

    /// `hang`, appended to `out`.
    fn hang_into(&self, out: &mut String, text: &str, first: &str, indent: &str) {
        let width = usize::from(self.width).max(30);
        crate::term::text::hang_into(out, text, width, first, indent);
    }

    /// `heading` and a newline, appended to `out`.
    fn heading_into(&self, out: &mut String, text: &str) {
        if self.color {
            out.push_str(&self.heading(text));
            out.push('\n');
        } else {
            self.hang_into(out, text, "", "");
        }
    }

    fn warning(&self, text: &str) -> String {
        let mut table = self.table();
        table.add_row(vec![Cell::new(format!("WARNING  {text}")).fg(Color::Red).add_attribute(Attribute::Bold)]);
        format!("{table}\n")
    }

    /// The red flags by urgency, emergencies first, each group headed by what to do in the
    /// reader's region: never cut short.
    pub(super) fn red_flags(&self, flags: &[RedFlagView]) -> String {
        self.red_flag_groups(
            flags,
            &[Urgency::Emergency, Urgency::Urgent, Urgency::Gp],
            "Stop and get medical help if:",
        )
    }

    /// The groups of `urgencies` under `heading`, each under its own urgency's title (so no flag
    /// is ever listed under another urgency's words); nothing when none of them has a flag.
    fn red_flag_groups(&self, flags: &[RedFlagView], urgencies: &[Urgency], heading: &str) -> String {
        if !flags.iter().any(|flag| urgencies.contains(&flag.urgency)) {
            return String::new();
        }
        let mut out = format!("{}\n", self.heading(heading));
        for &urgency in urgencies {
            let group: Vec<&RedFlagView> = flags.iter().filter(|flag| flag.urgency == urgency).collect();
            let Some(first) = group.first() else { continue };
            let style = match urgency {
                Urgency::Emergency => Tone::Danger,
                Urgency::Urgent => Tone::Alert,
                Urgency::Gp => Tone::Caution,
            };
            let title = self.wrap(&format!("{}: {}", urgency.heading(), first.when), "");
            out.push_str(&self.paint(title.trim_end_matches('\n'), style));
            out.push('\n');
            for flag in group {
                out.push_str(&self.bullet(flag.text, "  - "));
            }
        }
        out.push('\n');
        out
    }

    /// What each condition the person named asks them to do first.
    fn conditions(&self, conditions: &[ConditionView]) -> String {
        let mut out = String::new();
        for condition in conditions {
            if let Some(first) = condition.first {
                out.push_str(&self.bullet(&format!("{}: {first}", condition.name), "* "));
            }
        }
        out
    }

    fn footer(&self, disclaimer: &str) -> String {
        self.paint(&self.wrap(disclaimer, ""), Tone::Dim)
    }
}

/// "nhs-lbp, snook-1998": citation ids, short enough for a table cell.
fn source_ids(sources: &[&Citation]) -> String {
    sources.iter().map(|citation| citation.id).collect::<Vec<_>>().join(", ")
}

fn evidence_text(evidence: &EvidenceView) -> String {
    format!("{} [{}]", evidence.summary, source_ids(&evidence.sources))
}

fn claim_rows(table: &mut Table, theme: &Theme, label: &str, claim: &ClaimView) {
    table.add_row(vec![Cell::new(label).add_attribute(Attribute::Bold), Cell::new(claim.text)]);
    table.add_row(vec![theme.status(claim.evidence.status), Cell::new(evidence_text(&claim.evidence))]);
}

fn routine_line(summary: &RoutineSummary) -> String {
    if summary.drills.is_empty() {
        return "No suitable drills with your conditions (see below).".to_string();
    }
    let names: Vec<&str> = summary.drills.iter().map(|drill| drill.name).collect();
    format!("{}: {}\n$ {}", minutes_or_seconds(summary.total_seconds), names.join(", "), summary.command)
}

impl Render for MythsReport {
    fn table(&self, theme: &Theme) -> String {
        let mut out = String::new();
        for (index, myth) in self.0.items().iter().enumerate() {
            if index > 0 {
                out.push('\n');
            }
            let _ = writeln!(out, "{}", theme.heading(&format!("Myth: \"{}\" ({})", myth.myth, myth.id)));
            let mut table = theme.table();
            let reality = ClaimView {
                text: myth.reality,
                evidence: EvidenceView {
                    status: myth.evidence.status,
                    summary: myth.evidence.summary,
                    sources: myth.evidence.sources.clone(),
                },
            };
            claim_rows(&mut table, theme, "Reality", &reality);
            if let Some(claim) = &myth.guide_claim {
                claim_rows(&mut table, theme, "Guide says", claim);
            }
            let _ = writeln!(out, "{table}");
        }
        out.push_str(&theme.footer(crate::dataset::dataset().meta.disclaimer));
        out
    }
}

impl Render for LocationsReport {
    fn table(&self, theme: &Theme) -> String {
        let mut table = theme.table();
        table.set_header(theme.header(&["", "Location", "Where it hurts", "Also"]));
        for line in &self.0 {
            table.add_row(vec![
                Cell::new(line.code).add_attribute(Attribute::Bold),
                Cell::new(line.location),
                Cell::new(format!("{}: {}", line.name, line.area)),
                Cell::new(line.aliases.join(", ")),
            ]);
        }
        let legend: Vec<String> = self.0.iter().map(|line| format!("{}  {}", line.code, line.name)).collect();
        // Beside the map, legend rows start level with the zones' own rows, a third of the way down.
        let padding = 6;
        let legend_width = legend.iter().map(|line| line.chars().count()).max().unwrap_or(0);
        let rows = (padding + legend.len(), legend.len());
        let mut out = String::new();
        let heading = theme.heading("Where does it hurt? (body map, back view)");
        match bodymap::layout(usize::from(theme.width), None, 4, legend_width, rows) {
            Layout::Beside => {
                let legend: Vec<String> = std::iter::repeat_n(String::new(), padding).chain(legend).collect();
                let _ = writeln!(out, "{heading}");
                for line in bodymap::with_legend(&legend, 4) {
                    let _ = writeln!(out, "{line}");
                }
                out.push('\n');
            }
            Layout::Below => {
                let _ = writeln!(out, "{heading}");
                for line in bodymap::with_legend(&[], 0) {
                    let _ = writeln!(out, "{line}");
                }
                let _ = writeln!(out, "\n{}\n", legend.join("\n"));
            }
            // The table below is the list: nothing to add.
            Layout::ListOnly => {}
        }
        let _ = writeln!(out, "{table}\nNext: backpain route --location <LOCATION>");
        out
    }
}

impl Render for RouteReport {
    fn table(&self, theme: &Theme) -> String {
        let mut out = format!("{}\n", theme.heading(&format!("Pain type {}: {}", self.code, self.name)));
        out.push_str(&theme.wrap(self.area, ""));
        out.push('\n');
        if let Some(warning) = self.warning {
            out.push_str(&theme.warning(warning));
        }
        out.push_str(&theme.conditions(&self.conditions));
        out.push_str(&theme.red_flag_groups(&self.red_flags, &[Urgency::Emergency], "Stop and get medical help if:"));
        // What to do first (the routines and their commands), then why (the likely cause).
        let mut table = theme.table();
        table.add_row(vec![
            Cell::new("Full routine").add_attribute(Attribute::Bold),
            Cell::new(routine_line(&self.routine)),
        ]);
        table.add_row(vec![
            Cell::new("Micro routine").add_attribute(Attribute::Bold),
            Cell::new(routine_line(&self.micro_routine)),
        ]);
        claim_rows(&mut table, theme, "Likely cause", &self.cause);
        let _ = writeln!(out, "{table}");
        let mut seen: Vec<&str> = Vec::new();
        for adjustment in self.routine.adjustments.iter().chain(&self.micro_routine.adjustments) {
            if !seen.contains(&adjustment.as_str()) {
                seen.push(adjustment);
                out.push_str(&theme.bullet(adjustment, "* "));
            }
        }
        if !seen.is_empty() {
            out.push('\n');
        }
        out.push_str(&theme.red_flag_groups(
            &self.red_flags,
            &[Urgency::Urgent, Urgency::Gp],
            "Also get medical help if:",
        ));
        out.push_str(&theme.paint(&theme.wrap(&format!("Next: {}", self.next), ""), Tone::Bold));
        out.push_str(&theme.footer(self.disclaimer));
        out
    }
}

/// A rule with a routine: its title, what to do, the guide's own claim when it differs, and its
/// evidence in one line (status and sources); the evidence in full is in `backpain faq`.
fn rule_rows(table: &mut Table, rule: &RuleView) {
    let sources = source_ids(&rule.evidence.sources);
    let mut text = rule.text.to_string();
    if let Some(guide) = rule.guide_says {
        let _ = write!(text, "\nThe guide says: {guide}");
    }
    let _ = write!(text, "\n({}: {sources})", rule.evidence.status.label());
    table.add_row(vec![Cell::new(rule.title).add_attribute(Attribute::Bold), Cell::new(text)]);
}

/// "a. b. c.": list items as sentences, for a line of prose instead of a cell of dashes.
fn sentences(items: &[&str]) -> String {
    let mut out = String::new();
    for item in items {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(item);
        if !item.ends_with(['.', '!', '?']) {
            out.push('.');
        }
    }
    out
}

/// "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The ids of every source the steps cite, each once, in order.
fn step_sources(steps: &[StepView]) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for citation in steps.iter().flat_map(|step| &step.sources) {
        if !ids.contains(&citation.id) {
            ids.push(citation.id);
        }
    }
    ids
}

/// The drills that carry the morning caution, when there are several: then it is said once.
fn shared_morning(steps: &[StepView]) -> Vec<&StepView> {
    let bending: Vec<&StepView> =
        steps.iter().filter(|step| step.cautions.iter().any(|caution| caution == dataset::MORNING_CAUTION)).collect();
    if bending.len() > 1 {
        bending
    } else {
        Vec::new()
    }
}

/// The steps as rows of "#, Drill, How, Take care", numbered from `first + 1`.
fn steps_table(theme: &Theme, steps: &[StepView], first: usize, shared_morning: bool) -> Table {
    let mut table = theme.table();
    table.set_header(theme.header(&["#", "Drill", "How", "Take care"]));
    for (index, step) in steps.iter().enumerate() {
        let drill = format!("{}\n{}\n({})\n{}", step.name, step.dose.text, step.position.label(), step.kind.label());
        let cues: Vec<String> = step.cues.iter().map(|cue| format!("- {cue}")).collect();
        let cautions: Vec<String> =
            step_cautions(step, shared_morning).iter().map(|caution| format!("- {caution}")).collect();
        table.add_row(vec![
            Cell::new(first + index + 1),
            Cell::new(drill).add_attribute(Attribute::Bold),
            Cell::new(cues.join("\n")),
            Cell::new(cautions.join("\n")).fg(Color::Yellow),
        ]);
    }
    table
}

/// A step's cautions, without the morning caution when the morning line says it once for every
/// drill that bends the low back, naming each (each caution once).
fn step_cautions(step: &StepView, shared: bool) -> Vec<&str> {
    step.cautions
        .iter()
        .filter(|caution| !(shared && *caution == dataset::MORNING_CAUTION))
        .map(AsRef::as_ref)
        .collect()
}

impl Theme {
    /// The morning caution once for every drill that bends the low back, with what `--morning`
    /// does instead of each (its swap), so the reader knows the way out as well as the rule.
    fn morning_line(&self, bending: &[&StepView]) -> String {
        if bending.is_empty() {
            return String::new();
        }
        let names: Vec<&str> = bending.iter().map(|step| step.name).collect();
        let swaps: Vec<String> = bending
            .iter()
            .filter_map(|step| {
                let swap = dataset::drill(step.id)?.morning_swap.and_then(dataset::drill)?;
                Some(format!("{} -> {}", step.name, swap.name))
            })
            .collect();
        let swaps = if swaps.is_empty() { String::new() } else { format!(": {}", swaps.join(", ")) };
        let text = format!(
            "Morning: {} bend the low back, so not in the first ~2 h after rising; --morning swaps them{swaps}.",
            and_list(&names)
        );
        self.paint(&self.bullet(&text, "* "), Tone::Caution)
    }

    fn sources_line(&self, steps: &[StepView]) -> String {
        let ids = step_sources(steps);
        if ids.is_empty() {
            return String::new();
        }
        self.bullet(&format!("Sources: {} (backpain sources --id ID)", ids.join(", ")), "")
    }

    /// Only the emergency red flags, in full, under their heading: what a short screen keeps.
    fn emergency_flags(&self, flags: &[RedFlagView]) -> String {
        let group: Vec<&RedFlagView> = flags.iter().filter(|flag| flag.urgency == Urgency::Emergency).collect();
        let Some(first) = group.first() else { return String::new() };
        // "Call 999 now or go to A&E if:", one line at 80 columns where the wording allows.
        let mut when = first.when.chars();
        let when: String = when.next().map(|c| c.to_uppercase().chain(when).collect()).unwrap_or_default();
        let title = self.wrap(&format!("{when} if:"), "");
        let mut out = self.paint(title.trim_end_matches('\n'), Tone::Danger);
        out.push('\n');
        for flag in group {
            out.push_str(&self.bullet(flag.text, "  - "));
        }
        out
    }
}

impl RoutineReport {
    /// `--condition` flags to repeat in a suggested command, so it shows the same routine.
    fn condition_flags(&self) -> String {
        self.conditions.iter().map(|condition| format!(" --condition {}", condition.id)).collect()
    }

    /// The micro routine for a 2-minute break: it fits 80 × 24 without a pager. Each step with its
    /// dose, first cue and every caution, then the emergency red flags in full, then one line to
    /// the rest (the other red flags, the rules, the full routine).
    fn micro_table(&self, theme: &Theme) -> String {
        let mut out = String::new();
        let bending = shared_morning(&self.steps);
        for (index, step) in self.steps.iter().enumerate() {
            if self.pictures {
                out.push_str(&theme.pictures(step.positions));
            }
            let cue = step.cues.first().map(|cue| format!(" {}", sentences(&[cue]))).unwrap_or_default();
            let head = format!("{}: {}, {}.{cue}", step.name, step.dose.text, step.position.label());
            out.push_str(&theme.bullet(&head, &format!("{}. ", index + 1)));
            let cautions: Vec<&str> = step_cautions(step, !bending.is_empty());
            if !cautions.is_empty() {
                let care = theme.hang(&format!("Take care: {}", sentences(&cautions)), "   ", "   ");
                out.push_str(&theme.paint(care.trim_end_matches('\n'), Tone::Caution));
                out.push('\n');
            }
        }
        out.push_str(&theme.morning_line(&bending));
        out.push_str(&theme.emergency_flags(&self.red_flags));
        // The command is kept whole on its line, to be copied.
        let command = format!("backpain route --location {}{}", self.location, self.condition_flags());
        let pointer = format!("Every red flag: {command} (not medical advice)");
        let pointer = if pointer.chars().count() <= usize::from(theme.width) {
            pointer
        } else {
            format!("Every red flag:\n{command}")
        };
        out.push_str(&theme.paint(&pointer, Tone::Dim));
        out.push('\n');
        out
    }

    /// What to run next from here, each command whole on its own line to copy.
    fn next_commands(&self, theme: &Theme) -> String {
        let base = format!("backpain routine {}{}", self.location, self.condition_flags());
        let mut lines = vec![(format!("{base} --guided"), "play it: timers, sides, rests")];
        if self.variant == Variant::Full {
            lines.push((format!("{base} --micro"), "a 2-3 minute desk break"));
        }
        if self.rules.iter().any(|rule| rule.id == "morning") {
            lines.push((format!("{base} --morning"), "within ~2 hours of getting up"));
        }
        if self.total_seconds > 15 * 60 {
            lines.push((format!("{base} --minutes 15"), "fit it into 15 minutes"));
        } else if self.variant == Variant::Full {
            lines.push((format!("{base} --minutes 5"), "when there are only 5 minutes"));
        }
        let width = lines.iter().map(|(command, _)| command.chars().count()).max().unwrap_or(0);
        let mut out = theme.paint("Next:", Tone::Bold);
        out.push('\n');
        for (command, why) in lines {
            // The comment goes on its own line rather than break a command in two.
            if 2 + width + 3 + why.chars().count() <= usize::from(theme.width) {
                let _ = writeln!(out, "  {command:width$}   # {why}");
            } else {
                let _ = writeln!(out, "  {command}\n    # {why}");
            }
        }
        out
    }
}

impl Render for RoutineReport {
    fn table(&self, theme: &Theme) -> String {
        let length = if self.steps.is_empty() {
            "nothing to show".to_string()
        } else {
            minutes_or_seconds(self.total_seconds).replace(' ', "\u{a0}")
        };
        let title = format!("Pain type {}: {} · {} routine, {length}", self.code, self.name, self.variant.label());
        let mut out = format!("{}\n", theme.heading(&title));
        if let Some(warning) = self.warning {
            if self.variant == Variant::Micro {
                // Unboxed on the short screen, where every line counts; still first and red.
                let text = theme.bullet(warning, "WARNING  ");
                out.push_str(&theme.paint(text.trim_end_matches('\n'), Tone::Danger));
                out.push('\n');
            } else {
                out.push_str(&theme.warning(warning));
            }
        }
        out.push_str(&theme.conditions(&self.conditions));
        for adjustment in &self.adjustments {
            out.push_str(&theme.bullet(adjustment, "* "));
        }
        if self.steps.is_empty() {
            // Nothing suits the conditions given: say so (above), and still show the red flags.
            out.push('\n');
            out.push_str(&theme.red_flags(&self.red_flags));
            out.push_str(&theme.footer(self.disclaimer));
            return out;
        }
        if self.variant == Variant::Micro {
            out.push_str(&self.micro_table(theme));
            return out;
        }
        // The emergencies before the drills, where nobody has to scroll to them; the rest after.
        out.push_str(&theme.red_flag_groups(&self.red_flags, &[Urgency::Emergency], "Stop and get medical help if:"));
        let bending = shared_morning(&self.steps);
        if self.pictures {
            // Each drill's drawing directly above its own row.
            for (index, step) in self.steps.iter().enumerate() {
                out.push('\n');
                out.push_str(&theme.pictures(step.positions));
                let _ = writeln!(out, "{}", steps_table(theme, &self.steps[index..=index], index, !bending.is_empty()));
            }
        } else {
            let _ = writeln!(out, "{}", steps_table(theme, &self.steps, 0, !bending.is_empty()));
        }
        out.push_str(&theme.sources_line(&self.steps));
        out.push_str(&theme.morning_line(&bending));
        for advice in &self.advice {
            let text = format!(
                "{} ({}: {})",
                advice.text,
                advice.evidence.status.label(),
                source_ids(&advice.evidence.sources)
            );
            out.push_str(&theme.bullet(&text, "* "));
        }
        let mut rules = theme.table();
        for rule in &self.rules {
            rule_rows(&mut rules, rule);
        }
        let _ = writeln!(out, "{rules}");
        out.push_str(&theme.red_flag_groups(
            &self.red_flags,
            &[Urgency::Urgent, Urgency::Gp],
            "Also get medical help if:",
        ));
        out.push_str(&self.next_commands(theme));
        out.push('\n');
        out.push_str(&theme.footer(self.disclaimer));
        out
    }
}

impl Render for DrillsReport {
    fn table(&self, theme: &Theme) -> String {
        if let crate::report::Listing::One(drill) = &self.0 {
            let rows = [
                ("Drill", format!("{} ({})", drill.name, drill.id)),
                ("Targets", drill.targets.join(", ")),
                ("Position", drill.position.label().to_string()),
                ("Desk break", if drill.desk_friendly { "yes" } else { "no" }.to_string()),
                (
                    "Bends spine",
                    if drill.spinal_flexion { "yes: not in the first ~2 h after waking" } else { "no" }.to_string(),
                ),
                ("Dose", format!("{} (default; a routine may set its own)", drill.dose.text)),
                ("How", drill.cues.iter().map(|cue| format!("- {cue}")).collect::<Vec<_>>().join("\n")),
                (
                    "Take care",
                    drill.cautions.iter().map(|caution| format!("- {caution}")).collect::<Vec<_>>().join("\n"),
                ),
                ("Morning swap", drill.morning_swap.unwrap_or("-").to_string()),
                ("Used for", drill.locations.join(", ")),
                ("Sources", source_ids(&drill.sources)),
            ];
            let pictures = theme.pictures(drill.positions);
            let card = theme.card(&rows);
            return format!("{pictures}{card}{}", theme.footer(crate::dataset::dataset().meta.disclaimer));
        }
        let mut table = theme.table();
        table.set_header(theme.header(&["Drill", "Name", "Where", "Default dose"]));
        // The ids are what the reader copies into `--id`: their column gets its full width first,
        // and the prose columns wrap around it.
        let id_width = self.0.items().iter().map(|drill| drill.id.chars().count()).max().unwrap_or(0);
        // The names wrap at spaces only: their longest word ("Bottom-to-heels") fits whole.
        let word_width = self
            .0
            .items()
            .iter()
            .flat_map(|drill| drill.name.split(' '))
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0);
        for (index, width) in [(0, id_width), (1, word_width)] {
            if let Some(column) = table.column_mut(index) {
                let width = u16::try_from(width + 2).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
        for drill in self.0.items() {
            table.add_row(vec![
                Cell::new(drill.id),
                Cell::new(drill.name),
                Cell::new(if drill.desk_friendly {
                    format!("{}, desk", drill.position.label())
                } else {
                    drill.position.label().to_string()
                }),
                Cell::new(&drill.dose.text),
            ]);
        }
        let footer = theme.footer(crate::dataset::dataset().meta.disclaimer);
        format!("{table}\nMore: backpain drills --id <DRILL>\n{footer}")
    }
}

impl Theme {
    /// Prose as prose: a bold heading, the text as a wrapped paragraph, the guide's own words
    /// marked as such, then the evidence with its status and sources. Cheaper than table cells
    /// and read like a page.
    fn article(&self, out: &mut String, title: &str, text: &str, guide_says: Option<&str>, evidence: &EvidenceView) {
        self.heading_into(out, title);
        self.hang_into(out, text, "  ", "  ");
        if let Some(guide) = guide_says {
            self.hang_into(out, &format!("The guide says: {guide}"), "  ", "  ");
        }
        let line = format!("{}: {}", evidence.status.label(), evidence_text(evidence));
        if self.color {
            let status = self.paint(evidence.status.label(), status_style(evidence.status));
            out.push_str(&self.wrap(&line, "  ").replacen(evidence_status_label(&line), &status, 1));
        } else {
            self.hang_into(out, &line, "  ", "  ");
        }
        out.push('\n');
    }
}

/// The status at the start of an evidence line, to colour it after wrapping.
fn evidence_status_label(text: &str) -> &str {
    text.split(':').next().unwrap_or_default()
}

fn status_style(status: Status) -> Tone {
    match status {
        Status::Supported => Tone::Good,
        Status::PartlySupported | Status::Plausible => Tone::Caution,
        Status::NotFound => Tone::Alert,
        Status::Hypothesis => Tone::Guess,
    }
}

impl Render for FaqReport {
    fn table(&self, theme: &Theme) -> String {
        let rule = "=".repeat(usize::from(theme.width).min(40));
        // One buffer for the whole page, about the size it ends up.
        let mut out = String::with_capacity(8 * 1024);
        let _ = write!(out, "{}\n{rule}\n\n", theme.heading("Implementation guide"));
        for guide in &self.guide {
            theme.article(&mut out, guide.title, guide.text, guide.guide_says, &guide.evidence);
        }
        let _ = write!(out, "{}\n{rule}\n\n", theme.heading("Common questions"));
        for faq in &self.questions {
            theme.article(&mut out, faq.question, faq.answer, faq.guide_says, &faq.evidence);
        }
        out.push_str(&theme.footer(self.disclaimer));
        out
    }
}

impl Render for crate::report::SourcesReport {
    fn table(&self, theme: &Theme) -> String {
        // A list, not a table: a URL must stay whole on one line to be clicked or copied, and
        // the wrap never breaks a word.
        let width = self.0.items().iter().map(|citation| citation.id.chars().count()).max().unwrap_or(0) + 2;
        let mut out = String::new();
        for citation in self.0.items() {
            let id = format!("{:width$}", citation.id);
            out.push_str(&theme.bullet(citation.text, &id).replacen(citation.id, &theme.heading(citation.id), 1));
            if let Some(url) = citation.url {
                // Under the text when it fits, else less indented: never broken.
                let indent = if width + url.chars().count() <= usize::from(theme.width) { width } else { 2 };
                let _ = writeln!(out, "{:indent$}{url}", "");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_hang_their_continuation_lines_under_the_text() {
        let theme = Theme { color: false, width: 40, ascii: false };
        let text = "Morning mode: for about 2 hours after getting up, avoid hard forward bending.";
        let item = theme.bullet(text, "* ");
        let lines: Vec<&str> = item.lines().collect();
        assert!(lines.len() > 1, "{item}");
        assert!(lines[0].starts_with("* Morning mode"));
        assert!(lines[1..].iter().all(|line| line.starts_with("  ") && !line.starts_with("  *")), "{item}");
        assert!(lines.iter().all(|line| line.chars().count() <= 40));
    }
}
