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
    fn the_legend_sits_beside_the_map() {
        let lines = with_legend(&[String::new(), "A  Lower back".to_string()], 3);
        assert_eq!(lines.len(), MAP.len());
        assert_eq!(lines[1], format!("{:w$}   A  Lower back", MAP[1], w = width()));
        assert!(lines.iter().all(|line| line.chars().count() <= 80));
    }
}
