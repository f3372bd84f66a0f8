//! What the integration tests share.

use std::io::Write as _;
use std::process::Command;

/// Whether every tool in `tools` is on PATH. When one is missing the test cannot meet the real
/// part it needs: under BACKPAIN_REQUIRE_REAL (set by .ci/run) that fails the test; elsewhere it
/// prints a loud skip notice and returns false, so a machine without the packages never passes
/// in silence.
pub fn require_tools(tools: &[&str], what: &str) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| {
            !Command::new("sh").args(["-c", &format!("command -v {tool}")]).output().is_ok_and(|o| o.status.success())
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("BACKPAIN_REQUIRE_REAL").is_none(),
        "missing {missing:?} and BACKPAIN_REQUIRE_REAL is set: install them as .ci/run does ({what})"
    );
    // Straight to stderr: libtest captures eprintln! of passing tests, and a skip must be seen.
    let _ = writeln!(std::io::stderr(), "\n!!! SKIPPED: {missing:?} not installed; {what} did not run !!!\n");
    false
}
