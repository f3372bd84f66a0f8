//! What the integration tests share.

// Not every test binary uses every helper.
#[allow(dead_code)]
pub mod session;

/// The history commands in-process (`backpain::run`), with `--data-dir DIR` appended.
#[allow(dead_code)]
pub mod in_process {
    use std::ffi::OsString;
    use std::path::Path;

    use backpain::platform::exit::Exit;

    pub struct Run {
        pub exit: Exit,
        pub stdout: String,
        pub stderr: String,
    }

    /// `backpain ARGS --data-dir DIR` in-process.
    pub fn run(dir: &Path, args: &[&str]) -> Run {
        let env = backpain::Env::default();
        let mut argv: Vec<OsString> =
            std::iter::once("backpain").chain(args.iter().copied()).map(OsString::from).collect();
        argv.push("--data-dir".into());
        argv.push(dir.into());
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let exit = backpain::run(argv, &env, &mut stdout, &mut stderr);
        Run { exit, stdout: String::from_utf8(stdout).unwrap(), stderr: String::from_utf8(stderr).unwrap() }
    }

    /// Its standard output, once it exited 0 with nothing on stderr.
    pub fn ok(dir: &Path, args: &[&str]) -> String {
        let run = run(dir, args);
        assert_eq!(run.exit, Exit::Success, "{args:?}: {}", run.stderr);
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
        run.stdout
    }
}

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

/// The binary as every test runs it (the one builder): nothing leaks in from the machine
/// running the tests (no user config, history or desktop bus, no colour settings), a UTF-8
/// terminal type and locale unless a test says otherwise, 80 columns, and the history in a
/// directory of the test run's own.
pub fn backpain() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("backpain").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env("COLUMNS", "80");
    cmd.env("LANG", "C.UTF-8").env_remove("LC_ALL").env_remove("LC_CTYPE").env("TERM", "xterm");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/backpain-test").env("XDG_DATA_HOME", data_home());
    cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/backpain-test-bus");
    cmd
}

/// `backpain remind ARGS` started in the background with its config and data under `dir`,
/// stdout and stderr piped.
pub fn spawn_remind(dir: &Path, args: &[&str]) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("backpain"))
        .arg("remind")
        .args(args)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_DATA_HOME", dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// `backpain()` with its config and data under `home`.
pub fn backpain_in(home: &Path) -> assert_cmd::Command {
    let mut cmd = backpain();
    cmd.env("XDG_CONFIG_HOME", home).env("XDG_DATA_HOME", home);
    cmd
}

/// Every line of the history in `dir` (its month files, oldest first), parsed.
#[allow(dead_code)]
pub fn history_lines(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|file| file.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .flat_map(|file| std::fs::read_to_string(file).unwrap().lines().map(str::to_string).collect::<Vec<_>>())
        .map(|line| serde_json::from_str(&line).unwrap())
        .collect()
}

/// Whether every tool in `tools` is on PATH. When one is missing the test cannot meet the real
/// part it needs: under BACKPAIN_REQUIRE_REAL (set by .ci/run) that fails the test; elsewhere it
/// prints a loud skip notice and returns false, so a machine without the packages never passes
/// in silence.
#[allow(dead_code)]
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

/// Reads lines from `reader` until one contains `what`; fails when the stream ends first.
#[allow(dead_code)]
pub fn read_until(reader: &mut impl std::io::BufRead, what: &str, context: &str) -> String {
    let mut line = String::new();
    while !line.contains(what) {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "{context}: ended before `{what}`");
    }
    line
}

/// Sends `signal` to `child` and waits for it to end, at most `limit`; returns its status and
/// how long it took after the signal.
#[allow(dead_code)]
pub fn signal_and_wait(
    child: &mut std::process::Child,
    signal: i32,
    limit: std::time::Duration,
) -> (std::process::ExitStatus, std::time::Duration) {
    let sent = std::time::Instant::now();
    // SAFETY: signalling our own child by pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, sent.elapsed());
        }
        if sent.elapsed() > limit {
            let _ = child.kill();
            panic!("signal {signal}: still running {limit:?} after it");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A data directory for the whole test binary, so that sessions and reminders run by tests
/// record their history there and never in the real home.
#[allow(dead_code)]
pub fn data_home() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory")).path()
}
