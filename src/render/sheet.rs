//! The routine sheet (`routine LOC --sheet`): one self-contained HTML page to print on A4 or
//! Letter, or to hand to a physiotherapist. A drawing of each drill, its dose, cues and every
//! caution; the conditions it was adapted for; the red flags, emergencies first and in full; the
//! sources; the date; and the not-medical-advice line. No scripts, fonts or links it would fetch:
//! it prints the same offline, and it is well-formed XML, so a test can read it back.

use std::fmt::Write as _;

use crate::dataset::Urgency;
use crate::figure::svg::{drawing, escape};
use crate::report::{RedFlagView, RoutineReport, StepView};
use crate::time::words as minutes_or_seconds;

/// Sized so that the longest routine, with conditions, prints on two pages of A4 or Letter
/// (the tests print it in a real browser and count).
const STYLE: &str = "\
@page { margin: 9mm 10mm; }
* { box-sizing: border-box; }
body { font: 8pt/1.18 sans-serif; color: #111; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 1pt; }
h2 { font-size: 9.5pt; margin: 4pt 0 1pt; }
h3 { font-size: 9.5pt; margin: 0; }
p { margin: 1pt 0; }
ul, ol { margin: 0; padding-left: 11pt; }
.meta { color: #444; }
.emergency { border: 1.5pt solid #a00; padding: 2pt 6pt; margin: 4pt 0; break-inside: avoid; }
.emergency h2 { color: #a00; margin-top: 0; }
.emergency ul, .flags ul { columns: 2; column-gap: 14pt; }
.flags { font-size: 7.5pt; }
.sources ul { columns: 4; column-gap: 8pt; font-size: 6.5pt; line-height: 1.15; }
.sources li { break-inside: avoid; overflow-wrap: anywhere; }
.drills { list-style: none; padding: 0; margin: 3pt 0; display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0 10pt; }
.drill { border-top: 0.5pt solid #999; padding: 3pt 0 5pt; }
.drill svg, .drill h3, .drill p:first-of-type { break-after: avoid; break-inside: avoid; }
.drill li { break-inside: avoid; }
.drill svg { display: block; width: 100%; height: auto; max-height: 15mm; margin-bottom: 1pt; }
.label { font-weight: bold; }
.care { color: #6b3d00; }
.small { font-size: 7.5pt; color: #333; }
.adapted { font-size: 7pt; line-height: 1.18; }
.adapted ul { columns: 2; column-gap: 12pt; }
";

/// The page for `report`, made on `date` (as the person reads dates, say "4 December 2026").
pub fn sheet(report: &RoutineReport, date: &str) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let title = format!("{}: {} routine", report.name, report.variant.label());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width\"/><title>{}</title><style>\n{STYLE}</style></head>\n<body>\n",
        escape(&title)
    );
    let length = minutes_or_seconds(report.total_seconds);
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"meta\">Pain type {} · {} · made by backpain {} on {}. \
         <strong>{}</strong></p></header>",
        escape(&title),
        escape(report.code),
        escape(&length),
        env!("CARGO_PKG_VERSION"),
        escape(date),
        escape(report.disclaimer)
    );
    if let Some(warning) = report.warning {
        let _ = writeln!(out, "<p class=\"emergency\"><strong>Warning:</strong> {}</p>", escape(warning));
    }
    flags(&mut out, &report.red_flags, &[Urgency::Emergency], "Stop and get medical help now if:", "emergency");
    if !report.conditions.is_empty() || !report.adjustments.is_empty() {
        out.push_str("<section class=\"adapted\"><h2>Adapted for you</h2><ul>");
        for condition in &report.conditions {
            // The caution names its condition ("Osteoporosis: ...") or is given its name.
            if condition.caution.starts_with(condition.name) {
                let _ = write!(out, "<li>{}", escape(condition.caution));
            } else {
                let _ = write!(
                    out,
                    "<li><span class=\"label\">{}:</span> {}",
                    escape(condition.name),
                    escape(condition.caution)
                );
            }
            if let Some(first) = condition.first {
                let _ = write!(out, " {}", escape(first));
            }
            out.push_str("</li>");
        }
        let changed = changes(report);
        if !changed.is_empty() {
            let _ =
                write!(out, "<li><span class=\"label\">Changed for your conditions:</span> {}.</li>", escape(&changed));
        }
        for note in &report.notes {
            let _ = write!(out, "<li>{}</li>", escape(note));
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("<ol class=\"drills\">\n");
    for (index, step) in report.steps.iter().enumerate() {
        drill(&mut out, index + 1, step);
    }
    out.push_str("</ol>\n");
    for advice in &report.advice {
        let _ = writeln!(
            out,
            "<p class=\"small\">{} ({})</p>",
            escape(advice.text),
            escape(advice.evidence.status.label())
        );
    }
    flags(&mut out, &report.red_flags, &[Urgency::Urgent, Urgency::Gp], "Also get medical help if:", "flags");
    sources(&mut out, report);
    out.push_str("</body></html>\n");
    out
}

/// The conditions' changes in short: "Cat-cow -> Seated extension; Knee-to-chest left out;
/// added: Heel raises" (each condition's caution, above them, says why).
fn changes(report: &RoutineReport) -> String {
    let name = |id: &str| crate::dataset::drill(id).map_or(id, |drill| drill.name).to_string();
    let mut parts: Vec<String> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    for change in &report.changes {
        match (change.added, change.replaced_by) {
            (true, _) => added.push(name(change.drill)),
            (false, Some(to)) => parts.push(format!("{} → {}", name(change.drill), name(to))),
            (false, None) => parts.push(format!("{} left out", name(change.drill))),
        }
    }
    if !added.is_empty() {
        parts.push(format!("added: {}", added.join(", ")));
    }
    parts.join("; ")
}

/// One drill: its drawing beside its name, dose, position, cues and every caution.
fn drill(out: &mut String, number: usize, step: &StepView) {
    let _ = write!(out, "<li class=\"drill\" id=\"{}\">", escape(step.id));
    if !step.positions.is_empty() {
        let figures = crate::figure::figures(step.positions, crate::figure::view_for(step.positions));
        out.push_str(&drawing(&figures, &format!("{}: key positions", step.name)));
    }
    let _ = write!(
        out,
        "<h3>{number}. {}</h3><p><span class=\"label\">{}</span> · {} · {}</p><ul class=\"how\">",
        escape(step.name),
        escape(&step.dose.text),
        escape(step.position.label()),
        escape(step.kind.label())
    );
    for cue in step.cues {
        let _ = write!(out, "<li>{}</li>", escape(cue));
    }
    out.push_str("</ul>");
    if !step.cautions.is_empty() {
        out.push_str("<p class=\"care\"><span class=\"label\">Take care:</span>");
        for caution in &step.cautions {
            let _ = write!(out, " {}", escape(&sentence(caution)));
        }
        out.push_str("</p>");
    }
    out.push_str("</li>\n");
}

/// The red flags of `urgencies`, each group under the words for it (neutral, or the region's).
fn flags(out: &mut String, flags: &[RedFlagView], urgencies: &[Urgency], heading: &str, class: &str) {
    let shown: Vec<&RedFlagView> = flags.iter().filter(|flag| urgencies.contains(&flag.urgency)).collect();
    if shown.is_empty() {
        return;
    }
    let _ = write!(out, "<section class=\"{class}\"><h2>{}</h2>", escape(heading));
    for urgency in urgencies {
        let group: Vec<&&RedFlagView> = shown.iter().filter(|flag| flag.urgency == *urgency).collect();
        let Some(first) = group.first() else { continue };
        let _ = write!(out, "<p class=\"label\">{}:</p><ul>", escape(&capitalised(first.when)));
        for flag in group {
            let _ = write!(out, "<li>{}</li>", escape(flag.text));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// Every source the drills and the conditions cite, once each, with its address.
fn sources(out: &mut String, report: &RoutineReport) {
    let mut seen: Vec<&str> = Vec::new();
    let mut items = String::new();
    let cited = report.steps.iter().flat_map(|step| &step.sources);
    for citation in cited.chain(report.conditions.iter().flat_map(|condition| &condition.sources)) {
        if seen.contains(&citation.id) {
            continue;
        }
        seen.push(citation.id);
        let _ = write!(items, "<li>[{}] {}", escape(citation.id), escape(citation.text));
        // A DOI in the reference already finds the paper; the link would only repeat it.
        if let Some(url) = citation.url.filter(|_| !citation.text.contains("doi:")) {
            let _ = write!(items, " {}", escape(url));
        }
        items.push_str("</li>");
    }
    if !items.is_empty() {
        let _ = writeln!(out, "<section class=\"small sources\"><h2>Sources</h2><ul>{items}</ul></section>");
    }
}

/// `text` ending as a sentence does.
fn sentence(text: &str) -> std::borrow::Cow<'_, str> {
    if text.ends_with(['.', '!', '?']) {
        text.into()
    } else {
        format!("{text}.").into()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
