//! `route` without a location when it is not on a terminal: the map and the list, exit 0; the
//! JSON list is unchanged. (The picker on a real terminal is in tests/terminal.rs.)

use std::process::Command;

fn route(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_backpain")).arg("route").args(args).env("COLUMNS", "80").output().unwrap()
}

#[test]
fn piped_route_prints_the_map_with_every_zone_then_the_list() {
    let output = route(&[]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let map = text.find("Where does it hurt? (body map, back view)").expect("the map's heading");
    let list = text.find("│ A ┆ lower").expect("the list of locations");
    assert!(map < list, "{text}");
    for line in backpain::render::bodymap::MAP {
        assert!(text.contains(line.trim_end()), "map line missing: {line}");
    }
    for legend in ["A  Lower back", "B  Upper back", "C  Sciatic nerve", "D  Hip & pelvis", "E  Neck & upper back"] {
        assert!(text.contains(legend), "{legend}:\n{text}");
    }
    assert!(text.ends_with("Next: backpain route --location <LOCATION>\n"), "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn piped_route_at_40_columns_puts_the_legend_under_the_map() {
    let output = Command::new(env!("CARGO_BIN_EXE_backpain")).arg("route").env("COLUMNS", "40").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for line in backpain::render::bodymap::MAP {
        assert!(lines.contains(&line.trim_end()), "map line alone on its row: {line}\n{text}");
    }
    let last_map_row = lines.iter().position(|line| *line == "       |_______|_______|").unwrap();
    for legend in ["A  Lower back", "B  Upper back", "C  Sciatic nerve", "D  Hip & pelvis", "E  Neck & upper back"] {
        let row = lines.iter().position(|line| line.starts_with(legend)).unwrap_or_else(|| panic!("{legend}:\n{text}"));
        assert!(row > last_map_row, "{legend} under the map:\n{text}");
    }
    let table = lines.iter().position(|line| line.starts_with('╭')).expect("the list");
    // Under the heading, the map and its legend fit in 40 columns (it was 58 wide).
    for line in &lines[1..table] {
        assert!(line.chars().count() <= 40, "{} columns: {line}", line.chars().count());
    }
}

#[test]
fn route_json_without_a_location_is_still_the_plain_list() {
    let output = route(&["--json"]);
    assert!(output.status.success());
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = list.as_array().unwrap().iter().map(|line| line["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["A", "B", "C", "D", "E"]);
}

#[test]
fn a_piped_guided_session_read_by_head_ends_quietly() {
    let bin = env!("CARGO_BIN_EXE_backpain");
    let script = format!("set -o pipefail; '{bin}' routine --location neck --micro --guided | head -1");
    // The closed pipe shows at the next write, 5 session seconds in: speed the clock up.
    let output = Command::new("bash").args(["-c", &script]).env("BACKPAIN_TEST_SPEED", "50").output().unwrap();
    assert!(output.status.success(), "{:?}", output.status);
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8(output.stdout).unwrap().starts_with("Guided session: Neck & upper back"));
}
