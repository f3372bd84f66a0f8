//! Figures as SVG, for the printable sheet and `drills --id ID --svg`: one drawing with a drill's
//! key positions side by side at one scale, each named under it. Self-contained: no fonts,
//! scripts or links to fetch. The parts that move are drawn heavier and in colour.

use std::fmt::Write as _;

use super::{bounds, Figure, Stroke};

/// Width of one position's box, in SVG units (the drawing scales to its container).
const BOX: f32 = 160.0;

/// An `<svg>` element with `figures` side by side, `title` as its accessible name.
pub fn drawing(figures: &[Figure], title: &str) -> String {
    let (min_x, min_y, max_x, max_y) = bounds(figures);
    let (span_x, span_y) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
    let height = (BOX * span_y / span_x).clamp(80.0, 200.0);
    let scale = ((BOX - 16.0) / span_x).min((height - 8.0) / span_y);
    let label = 16.0;
    let total = BOX * figures.len().max(1) as f32;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total:.0} {:.0}" role="img" aria-label="{}">"#,
        height + label,
        escape(title)
    );
    let _ = write!(out, "<title>{}</title>", escape(title));
    for (index, figure) in figures.iter().enumerate() {
        let left = index as f32 * BOX + (BOX - span_x * scale) / 2.0;
        let place = |x: f32, y: f32| (left + (x - min_x) * scale, height - 4.0 - (y - min_y) * scale);
        let _ = write!(out, r#"<g stroke-linecap="round" fill="none">"#);
        for pass in [Stroke::Prop, Stroke::Body, Stroke::Moving] {
            for line in figure.lines.iter().filter(|line| line.kind == pass) {
                let (x1, y1) = place(line.from.x, line.from.y);
                let (x2, y2) = place(line.to.x, line.to.y);
                let _ = write!(out, r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {}/>"#, style(pass));
            }
        }
        let (centre, radius) = figure.head;
        let (cx, cy) = place(centre.x, centre.y);
        let head = if figure.head_moves { Stroke::Moving } else { Stroke::Body };
        let _ = write!(out, r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{:.1}" {}/>"#, radius * scale, style(head));
        let _ = write!(
            out,
            r##"</g><text x="{:.1}" y="{:.1}" text-anchor="middle" font-family="sans-serif" font-size="11" fill="#333">{}</text>"##,
            index as f32 * BOX + BOX / 2.0,
            height + label - 4.0,
            escape(figure.name)
        );
    }
    out.push_str("</svg>");
    out
}

fn style(stroke: Stroke) -> &'static str {
    match stroke {
        Stroke::Prop => r##"stroke="#999" stroke-width="1.5""##,
        Stroke::Body => r##"stroke="#222" stroke-width="3""##,
        Stroke::Moving => r##"stroke="#0a6ebd" stroke-width="5""##,
    }
}

/// Text for XML: `&`, `<`, `>` and quotes escaped.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
