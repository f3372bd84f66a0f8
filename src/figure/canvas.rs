//! Figures drawn in the terminal: Braille dots (2 × 4 to a cell, so a cell-sized stroke is a
//! fine line), or ASCII characters under `LANG=C` and `TERM=dumb`. The parts that move are drawn
//! heavier (a doubled line, in ASCII too, and `@` for a head that moves), and in colour when
//! colour is on, so nothing relies on colour alone.

use super::{bounds, Figure, Point, Stroke};
use crate::term::style::{paint, Tone};

/// Each figure of a drill in a box of `width` × `height` cells, all at one scale (so the
/// positions compare), as lines of exactly `width` columns.
pub fn panels(figures: &[Figure], width: usize, height: usize, ascii: bool, color: bool) -> Vec<Vec<String>> {
    draw(figures, width, height, ascii, color).into_iter().map(|(lines, _)| lines).collect()
}

/// `panels`, each with how many dots fell outside its box (none should).
fn draw(figures: &[Figure], width: usize, height: usize, ascii: bool, color: bool) -> Vec<(Vec<String>, usize)> {
    let (min_x, min_y, max_x, max_y) = bounds(figures);
    let (span_x, span_y) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
    // Dots across and down a cell, and how tall a dot is against its width (a cell is about
    // twice as tall as it is wide).
    let (across, down, tall) = if ascii { (1, 1, 2.0) } else { (2, 4, 1.0) };
    let (dots_x, dots_y) = ((width * across) as f32, (height * down) as f32);
    // A dot of margin at the top and the right, where a heavier stroke is doubled.
    let scale = ((dots_x - 2.0) / span_x).min((dots_y - 2.0) * tall / span_y);
    // Centred across the box, standing on its bottom.
    let left = (dots_x - 2.0 - span_x * scale) / 2.0;
    let place = move |point: Point| -> (f32, f32) {
        (left + (point.x - min_x) * scale, dots_y - 1.0 - (point.y - min_y) * scale / tall)
    };
    figures
        .iter()
        .map(|figure| {
            let mut grid = Grid::new(width * across, height * down);
            // Props first: the body is drawn over them.
            for pass in [Stroke::Prop, Stroke::Body, Stroke::Moving] {
                for line in figure.lines.iter().filter(|line| line.kind == pass) {
                    grid.line(place(line.from), place(line.to), pass);
                }
            }
            let (centre, radius) = figure.head;
            let head = if figure.head_moves { Stroke::Moving } else { Stroke::Body };
            grid.circle(place(centre), radius * scale, tall, head);
            let lines = match ascii {
                true => grid.ascii(color),
                false => grid.braille(width, height, color),
            };
            (lines, grid.clipped)
        })
        .collect()
}

/// Panels next to each other, `gap` columns apart, each with its name centred under it.
pub fn side_by_side(panels: &[Vec<String>], names: &[&str], width: usize, gap: usize) -> Vec<String> {
    let rows = panels.iter().map(Vec::len).max().unwrap_or(0);
    let joined = |cells: &mut dyn Iterator<Item = &str>| {
        let mut line = String::with_capacity((width * 3 + gap) * panels.len());
        for (index, cell) in cells.enumerate() {
            if index > 0 {
                line.extend(std::iter::repeat_n(' ', gap));
            }
            line.push_str(cell);
        }
        line.truncate(line.trim_end().len());
        line
    };
    let mut out: Vec<String> = (0..rows)
        .map(|row| joined(&mut panels.iter().map(|panel| panel.get(row).map_or("", String::as_str))))
        .collect();
    let labels: Vec<String> = names
        .iter()
        .map(|name| {
            let name: String = name.chars().take(width).collect();
            let pad = (width - name.chars().count()) / 2;
            format!("{}{name}{}", " ".repeat(pad), " ".repeat(width - pad - name.chars().count()))
        })
        .collect();
    out.push(joined(&mut labels.iter().map(String::as_str)));
    out
}

/// Dots (or, in ASCII, cells), each with the heaviest stroke drawn through it.
struct Grid {
    width: usize,
    height: usize,
    /// Per dot: 0 for none, else the heaviest stroke's `ink`.
    dots: Vec<u8>,
    /// Per dot, the ASCII character of that stroke (read only when drawing in ASCII).
    glyphs: Vec<u8>,
    /// Dots that fell outside the grid.
    clipped: usize,
}

/// A stroke as a dot's byte: heavier strokes are larger, and 0 is no ink.
fn ink(stroke: Stroke) -> u8 {
    stroke as u8 + 1
}

fn stroke(ink: u8) -> Option<Stroke> {
    match ink {
        0 => None,
        1 => Some(Stroke::Prop),
        2 => Some(Stroke::Body),
        _ => Some(Stroke::Moving),
    }
}

impl Grid {
    fn new(width: usize, height: usize) -> Grid {
        Grid { width, height, dots: vec![0; width * height], glyphs: vec![b' '; width * height], clipped: 0 }
    }

    fn set(&mut self, x: f32, y: f32, stroke: Stroke, glyph: u8) {
        // Rounded to the nearest dot (half up; a dot half a step off the grid is clipped).
        let (x, y) = (x + 0.5, y + 0.5);
        if !(x >= 0.0 && y >= 0.0) {
            self.clipped += 1;
            return;
        }
        let (x, y) = (x as usize, y as usize);
        if x >= self.width || y >= self.height {
            self.clipped += 1;
            return;
        }
        let at = y * self.width + x;
        if ink(stroke) >= self.dots[at] {
            self.dots[at] = ink(stroke);
            self.glyphs[at] = glyph;
        }
    }

    fn line(&mut self, from: (f32, f32), to: (f32, f32), stroke: Stroke) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let steps = libm::ceilf(dx.abs().max(dy.abs())).max(1.0) as usize;
        // The character a line of this slope is drawn with in ASCII (y runs down the screen,
        // and a cell is twice as tall as wide).
        let glyph = match stroke {
            _ if dy.abs() * 2.0 < dx.abs() * 0.6 => {
                if stroke == Stroke::Prop {
                    b'_'
                } else {
                    b'-'
                }
            }
            _ if dx.abs() < dy.abs() * 2.0 * 0.6 => b'|',
            _ if (dx > 0.0) == (dy > 0.0) => b'\\',
            _ => b'/',
        };
        for step in 0..=steps {
            let t = step as f32 / steps as f32;
            let (x, y) = (from.0 + dx * t, from.1 + dy * t);
            self.set(x, y, stroke, glyph);
            if stroke == Stroke::Moving {
                // Heavier: a second line beside the first, across the line's run.
                if dx.abs() >= dy.abs() {
                    self.set(x, y - 1.0, stroke, glyph);
                } else {
                    self.set(x + 1.0, y, stroke, glyph);
                }
            }
        }
    }

    fn circle(&mut self, centre: (f32, f32), radius: f32, tall: f32, stroke: Stroke) {
        let steps = libm::ceilf(radius * 8.0).max(12.0) as usize;
        for step in 0..steps {
            let angle = step as f32 / steps as f32 * std::f32::consts::TAU;
            let (x, y) = (centre.0 + radius * libm::cosf(angle), centre.1 + radius / tall * libm::sinf(angle));
            self.set(x, y, stroke, if stroke == Stroke::Moving { b'@' } else { b'O' });
        }
        if radius < 1.5 {
            self.set(centre.0, centre.1, stroke, if stroke == Stroke::Moving { b'@' } else { b'O' });
        }
    }

    fn tone(stroke: Stroke) -> Tone {
        match stroke {
            Stroke::Moving => Tone::Moving,
            Stroke::Prop => Tone::Dim,
            Stroke::Body => Tone::Plain,
        }
    }

    fn ascii(&self, color: bool) -> Vec<String> {
        (0..self.height)
            .map(|row| {
                let at = row * self.width..(row + 1) * self.width;
                let cells = self.dots[at.clone()]
                    .iter()
                    .zip(&self.glyphs[at])
                    .map(|(&ink, &glyph)| (char::from(glyph), stroke(ink)));
                line(cells, color)
            })
            .collect()
    }

    fn braille(&self, width: usize, height: usize, color: bool) -> Vec<String> {
        // The dot at (column, row) of a cell, as its bit in the Braille pattern.
        const BITS: [[u32; 2]; 4] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]];
        let mut bits = vec![0u32; width];
        let mut heaviest = vec![0u8; width];
        (0..height)
            .map(|row| {
                bits.fill(0);
                heaviest.fill(0);
                for (dy, row_bits) in BITS.iter().enumerate() {
                    let dots = &self.dots[(row * 4 + dy) * self.width..][..width * 2];
                    for (column, pair) in dots.chunks_exact(2).enumerate() {
                        for (dx, &ink) in pair.iter().enumerate() {
                            if ink != 0 {
                                bits[column] |= row_bits[dx];
                                heaviest[column] = heaviest[column].max(ink);
                            }
                        }
                    }
                }
                let cells = bits.iter().zip(&heaviest).map(|(&bits, &ink)| match bits {
                    0 => (' ', None),
                    _ => (char::from_u32(0x2800 + bits).unwrap_or(' '), stroke(ink)),
                });
                line(cells, color)
            })
            .collect()
    }
}

/// A row of cells as text; with colour, each run of one stroke painted once.
fn line(cells: impl Iterator<Item = (char, Option<Stroke>)>, color: bool) -> String {
    let mut out = String::with_capacity(128);
    if !color {
        out.extend(cells.map(|(cell, _)| cell));
        return out;
    }
    let mut run = String::new();
    let mut tone = None;
    for (cell, stroke) in cells {
        let this = stroke.map(Grid::tone);
        if this != tone && !run.is_empty() {
            out.push_str(&tone.map_or_else(|| run.clone(), |tone| paint(&run, tone, true)));
            run.clear();
        }
        tone = this;
        run.push(cell);
    }
    out.push_str(&tone.map_or_else(|| run.clone(), |tone| paint(&run, tone, true)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{figures, view_for};

    /// Every drill has a picture of each of its key positions, every stroke inside its box at
    /// every size the terminal may give it, in Braille and in ASCII.
    #[test]
    fn every_drill_is_drawn_inside_its_box_at_every_size() {
        for drill in crate::dataset::dataset().drills {
            assert!(!drill.positions.is_empty(), "{} has no key positions to draw", drill.id);
            let drawn = figures(drill.positions, view_for(drill.positions));
            assert_eq!(drawn.len(), drill.positions.len(), "{}", drill.id);
            for (width, height) in [(8, 4), (16, 6), (26, 9), (32, 11), (40, 16)] {
                for ascii in [false, true] {
                    for (lines, clipped) in draw(&drawn, width, height, ascii, false) {
                        assert_eq!(clipped, 0, "{} at {width}x{height} (ascii {ascii}) spills out", drill.id);
                        assert_eq!(lines.len(), height, "{}", drill.id);
                        assert!(lines.iter().all(|line| line.chars().count() == width), "{}", drill.id);
                        let inked = lines.iter().flat_map(|line| line.chars()).filter(|c| *c != ' ').count();
                        assert!(inked >= 4, "{} at {width}x{height}: next to nothing drawn", drill.id);
                    }
                }
            }
        }
    }

    /// What moves is marked without colour: a heavier stroke covers more dots than the same
    /// figure drawn with nothing moving.
    #[test]
    fn the_moving_part_is_heavier_without_colour() {
        let drill = crate::dataset::drill("cat-cow").unwrap();
        let drawn = figures(drill.positions, view_for(drill.positions));
        let still: Vec<Figure> = drawn
            .iter()
            .cloned()
            .map(|mut figure| {
                figure
                    .lines
                    .iter_mut()
                    .filter(|line| line.kind == Stroke::Moving)
                    .for_each(|line| line.kind = Stroke::Body);
                figure.head_moves = false;
                figure
            })
            .collect();
        let ink = |figures: &[Figure]| {
            panels(figures, 26, 9, false, false)
                .concat()
                .iter()
                .flat_map(|line| line.chars())
                .map(|c| (c as u32).saturating_sub(0x2800).count_ones())
                .sum::<u32>()
        };
        assert!(ink(&drawn) > ink(&still) + 20, "{} vs {}", ink(&drawn), ink(&still));
        let coloured = panels(&drawn, 26, 9, false, true).concat().join("\n");
        assert!(coloured.contains("\x1b[38;5;14m") || coloured.contains("\x1b[36m"), "cyan when colour is on");
    }
}
