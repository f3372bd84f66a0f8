//! The body map: a back view in text with the guide's five pain zones marked by their letters
//! (A lower back, B upper back, C sciatic path down one leg, D hips and pelvis, E neck). Shown
//! by `route` without a location: printed when piped, as a picker on a terminal.

/// The back view. Zone letters are the only capitals, so a zone is found (and highlighted) by
/// its letter.
pub const MAP: &[&str] = &[
    r#"            .-"""-.          "#,
    r#"           /       \         "#,
    r#"           \       /         "#,
    r#"            '-. .-'          "#,
    r#"          E   | |   E        "#,
    r#"     .-------' '-------.     "#,
    r#"    /    B     |    B    \   "#,
    r#"   /   .-.     |     .-.  \  "#,
    r#"  /   / |  B   |   B  | \  \ "#,
    r#" /   /  |      |      |  \  \"#,
    r#"(   (   |  A   |   A  |   )  )"#,
    r#" \   \  |      |      |  /  /"#,
    r#"  '-. \ /  D   |   D  \ / .-'"#,
    r#"     '-|       |       |-'   "#,
    r#"       |  D    |    D  |     "#,
    r#"       |\______|______/|     "#,
    r#"       |   C   |       |     "#,
    r#"       |   C   |       |     "#,
    r#"       |   C   |       |     "#,
    r#"       |   C   |       |     "#,
    r#"       |_______|_______|     "#,
];

/// The widest line of the map.
pub fn width() -> usize {
    MAP.iter().map(|line| line.chars().count()).max().unwrap_or(0)
}

/// Where the legend goes, given the room there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The legend to the right of the map.
    Beside,
    /// The map, a blank line, then the legend: narrow but tall enough.
    Below,
    /// No map, only the legend (the list of zones): even the map alone does not fit.
    ListOnly,
}

/// How the map and a legend of `legend_width` columns fit in `columns` × `rows` (`rows` is
/// `None` when any height will do, as on a pipe). `beside_rows` and `below_rows` are the legend's
/// heights in each layout (beside it is padded to line up with the zones).
pub fn layout(
    columns: usize,
    rows: Option<usize>,
    gap: usize,
    legend_width: usize,
    legend_rows: (usize, usize),
) -> Layout {
    let (beside_rows, below_rows) = legend_rows;
    let fits = |height: usize| rows.is_none_or(|rows| height <= rows);
    if columns >= width() + gap + legend_width && fits(MAP.len().max(beside_rows)) {
        Layout::Beside
    } else if columns >= width().max(legend_width) && fits(MAP.len() + 1 + below_rows) {
        Layout::Below
    } else {
        Layout::ListOnly
    }
}

/// The map with `legend` beside it, line by line from the top; trailing spaces trimmed.
pub fn with_legend(legend: &[String], gap: usize) -> Vec<String> {
    let width = width();
    let rows = MAP.len().max(legend.len());
    (0..rows)
        .map(|row| {
            let map = MAP.get(row).copied().unwrap_or("");
            let text = legend.get(row).map(String::as_str).unwrap_or("");
            format!("{map:<width$}{:gap$}{text}", "").trim_end().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_is_marked_and_nothing_else_is_a_capital() {
        let text = MAP.concat();
        for zone in ['A', 'B', 'C', 'D', 'E'] {
            assert!(text.contains(zone), "zone {zone} is on the map");
        }
        assert!(text.chars().filter(char::is_ascii_uppercase).all(|c| ('A'..='E').contains(&c)));
        // Top to bottom: neck, upper back, lower back, hips, leg.
        let first_row = |zone| MAP.iter().position(|line| line.contains(zone)).unwrap();
        let rows: Vec<usize> = ['E', 'B', 'A', 'D', 'C'].map(first_row).to_vec();
        assert!(rows.windows(2).all(|pair| pair[0] < pair[1]), "{rows:?}");
    }

    #[test]
    fn the_legend_moves_under_the_map_then_the_map_goes_when_there_is_no_room() {
        let legend = (24, (11, 5));
        let at = |columns, rows| layout(columns, rows, 4, legend.0, legend.1);
        assert_eq!(at(80, Some(24)), Layout::Beside);
        assert_eq!(at(80, None), Layout::Beside);
        assert_eq!(at(58, None), Layout::Beside, "30 + 4 + 24 columns is just enough");
        assert_eq!(at(57, None), Layout::Below);
        assert_eq!(at(40, None), Layout::Below, "piped at COLUMNS=40: the map is 30 wide");
        assert_eq!(at(40, Some(50)), Layout::Below);
        assert_eq!(at(40, Some(20)), Layout::ListOnly, "a 40 × 20 terminal: the map alone is 21 rows");
        assert_eq!(at(80, Some(20)), Layout::ListOnly);
        assert_eq!(at(29, None), Layout::ListOnly, "narrower than the map");
        assert_eq!(at(40, Some(MAP.len() + 6)), Layout::Below);
        assert_eq!(at(40, Some(MAP.len() + 5)), Layout::ListOnly);
    }

    #[test]
    fn the_legend_sits_beside_the_map() {
        let lines = with_legend(&[String::new(), "A  Lower back".to_string()], 3);
        assert_eq!(lines.len(), MAP.len());
        assert_eq!(lines[1], format!("{:w$}   A  Lower back", MAP[1], w = width()));
        assert!(lines.iter().all(|line| line.chars().count() <= 80));
    }
}
