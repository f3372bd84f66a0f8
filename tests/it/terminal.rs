//! End-to-end in a real terminal: tmux runs the binary in a shell, the test types keys and
//! reads the screen with `capture-pane`, and checks that the terminal is given back (no
//! alternate screen, `stty` shows icanon and echo) after q, Ctrl-C, SIGTERM and a pick.
//! Without tmux these tests skip loudly, and fail when BACKPAIN_REQUIRE_REAL is set (CI).

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::common;

const BIN: &str = env!("CARGO_BIN_EXE_backpain");

/// A private tmux server with one window (80 × 24 unless asked) running bash; killed on drop.
struct Tmux {
    socket: String,
    /// XDG_DATA_HOME for everything run in the window: sessions record their history here.
    data: tempfile::TempDir,
    /// The server's socket file, removed on drop (kill-server leaves it behind).
    socket_path: Option<String>,
}

impl Tmux {
    fn start(test: &str) -> Option<Tmux> {
        Tmux::start_sized(test, 80, 24)
    }

    /// A window of `columns` × `rows` instead of 80 × 24.
    fn start_sized(test: &str, columns: u16, rows: u16) -> Option<Tmux> {
        if !common::require_tools(&["tmux"], &format!("{test} (real-terminal test)")) {
            return None;
        }
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!("backpain-test-{}-{}-{test}", std::process::id(), COUNT.fetch_add(1, Ordering::SeqCst));
        let mut tmux = Tmux { socket, data: tempfile::tempdir().unwrap(), socket_path: None };
        let data_home = format!("XDG_DATA_HOME={}", tmux.data.path().display());
        let started = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &columns.to_string(),
            "-y",
            &rows.to_string(),
            "env",
            "PS1=$ ",
            "NO_COLOR=",
            &data_home,
            // Long output would wait in less for a q: the tests that are not about the pager
            // turn it off (empty), and the pager tests set their own per command line.
            "BACKPAIN_PAGER=",
            "bash",
            "--norc",
            "--noprofile",
        ]);
        assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
        let path = tmux.run(&["display-message", "-p", "#{socket_path}"]);
        tmux.socket_path =
            Some(String::from_utf8_lossy(&path.stdout).trim().to_string()).filter(|path| !path.is_empty());
        // Keys typed before bash reads the terminal are echoed raw and again after its prompt:
        // a doubled command line the screen checks would read as the program's output.
        tmux.wait_until("the shell's prompt", |text| text.lines().any(|line| line.starts_with('$')));
        Some(tmux)
    }

    /// The process id of the program the pane's shell is running.
    fn program(&self) -> String {
        let shell = self.run(&["display-message", "-p", "-t", "0", "#{pane_pid}"]);
        let shell = String::from_utf8(shell.stdout).unwrap().trim().to_string();
        let program = children(&shell).into_iter().next();
        program.unwrap_or_else(|| panic!("a program runs under the shell {shell}"))
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    /// Types a command line and runs it.
    fn type_line(&self, line: &str) {
        let sent = self.run(&["send-keys", "-t", "0", "-l", line]);
        assert!(sent.status.success());
        self.keys(&["Enter"]);
    }

    /// On the first drill's screen, which waits while the person gets into position: space
    /// starts the clock.
    fn start_clock(&self) {
        self.wait_for("space start · n skip drill · q quit");
        self.keys(&["Space"]);
    }

    /// The visible screen.
    fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p", "-t", "0"]).stdout).unwrap()
    }

    /// The screen with everything scrolled off it, wrapped lines joined.
    fn history(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p", "-J", "-t", "0", "-S", "-"]).stdout).unwrap()
    }

    fn alternate_screen(&self) -> bool {
        let output = self.run(&["display-message", "-p", "-t", "0", "#{alternate_on}"]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    }

    /// Waits up to 20 s (CI shares two cores) for `what` to be on the screen or in its history.
    fn wait_for(&self, what: &str) -> String {
        self.wait_until(what, |text| text.contains(what))
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.history();
            if done(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "{what} never appeared; the screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The value printed on a line of its own as `name=value` (see `report`).
    fn wait_for_value(&self, name: &str) -> (String, String) {
        let prefix = format!("{name}=");
        let find = |text: &str| {
            text.lines().rev().find_map(|line| line.strip_prefix(&prefix)).map(str::trim).map(String::from)
        };
        let text = self.wait_until(&prefix, |text| find(text).is_some());
        let value = find(&text).unwrap_or_default();
        (value, text)
    }

    /// After the program ended: its exit code, the screen given back, and the terminal's line
    /// discipline back to cooked mode with echo.
    fn assert_restored(&self, code: i32) -> String {
        let (rc, text) = self.wait_for_value("rc");
        assert_eq!(rc, code.to_string(), "exit code; screen:\n{text}");
        assert!(!self.alternate_screen(), "still on the alternate screen");
        self.type_line(&report(
            "modes",
            "$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | paste -sd, -)",
        ));
        let (modes, text) = self.wait_for_value("modes");
        assert_eq!(modes, "icanon,echo", "terminal modes after the program; screen:\n{text}");
        text
    }
}

/// A shell command printing `name=value` such that the typed command itself never shows
/// `name=` (its echo on the screen must not be mistaken for the output).
///
/// It starts with a newline: a typed command that fills the width exactly is joined to what
/// follows it in the scrollback, and the value must still start a line.
fn report(name: &str, value: &str) -> String {
    format!("printf '\\n{name}%s\\n' \"={value}\"")
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn routine_line(extra: &str) -> String {
    format!("{BIN} routine --location neck --micro --guided {extra}; {}", report("rc", "$?"))
}

#[test]
fn guided_session_pauses_skips_and_quits_and_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start("quit") else { return };
    tmux.type_line(&routine_line("--quiet"));
    let intro = tmux.wait_for("Press space or Enter to start");
    assert!(intro.contains("WARNING: Stop: emergency help now"), "the warning first:\n{intro}");
    assert!(intro.contains("Gentle tension, never sharp pain"), "the intensity rule:\n{intro}");
    assert!(intro.contains("Stop and get medical help if:"), "{intro}");
    assert!(intro.contains("not medical advice"), "the disclaimer:\n{intro}");
    assert!(tmux.alternate_screen());

    tmux.keys(&["Space"]);
    let waiting = tmux.wait_for("Drill 1 of 3: Chin tuck · seated");
    assert!(waiting.contains("space start · n skip drill · q quit"), "the clock waits:\n{waiting}");
    tmux.start_clock();
    let screen = tmux.wait_for("HOLD · rep 1 of 10");
    assert!(screen.contains("Glide your head straight back"), "the cues:\n{screen}");
    assert!(screen.contains("0:00 elapsed · 2:45 left"), "the session progress bar:\n{screen}");

    tmux.keys(&["Space"]);
    tmux.wait_for("PAUSED · space to resume");
    let paused = tmux.screen();
    std::thread::sleep(Duration::from_millis(2200));
    assert_eq!(tmux.screen(), paused, "nothing moves while paused");

    tmux.keys(&["Space"]);
    let deadline = Instant::now() + Duration::from_secs(20);
    while tmux.screen().contains("PAUSED") {
        assert!(Instant::now() < deadline, "space resumes");
        std::thread::sleep(Duration::from_millis(50));
    }
    tmux.keys(&["n"]);
    let screen = tmux.wait_for("Drill 2 of 3: Neck side-bend");
    assert!(screen.contains("GET INTO POSITION"), "{screen}");
    assert!(screen.contains("Next: Shoulder rolls"), "{screen}");

    tmux.keys(&["q"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Stopped after 0:"), "the summary stays on the screen:\n{text}");
    // Word-wrapped to the 80-column terminal (issue 19): read as one text, no line past the edge.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("0 of 3 drills done, 1 skipped (Chin tuck), 1 stopped part-way (Neck side-bend), 1 not reached."),
        "{text}"
    );
    // (The shell's own lines, the typed commands, are the terminal's to wrap.)
    assert!(text.lines().filter(|line| !line.starts_with('$')).all(|line| line.chars().count() <= 80), "{text}");
}

#[test]
fn ctrl_c_stops_the_session_with_130_and_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start("ctrl-c") else { return };
    tmux.type_line(&routine_line(""));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Enter"]);
    tmux.start_clock();
    tmux.wait_for("HOLD · rep 1 of 10");
    tmux.keys(&["C-c"]);
    let text = tmux.assert_restored(130);
    assert!(text.contains("Interrupted after 0:0"), "{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("0 of 3 drills done, 1 stopped part-way (Chin tuck), 2 not reached."), "{text}");
    assert!(text.contains("backpain: interrupted"), "{text}");
}

#[test]
fn sigterm_stops_the_session_with_130_and_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start("sigterm") else { return };
    tmux.type_line(&routine_line(""));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.start_clock();
    tmux.wait_for("HOLD · rep 1 of 10");
    let player = tmux.program();
    // bash's own kill: /bin/kill comes with procps, which a fresh machine may not have.
    let killed = Command::new("bash").args(["-c", &format!("kill -TERM {player}")]).status().unwrap();
    assert!(killed.success());
    let text = tmux.assert_restored(130);
    assert!(text.contains("Interrupted after"), "{text}");
}

/// The processes whose parent is `parent`, from /proc (pgrep is not on every machine).
fn children(parent: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let pid = entry.file_name().to_string_lossy().to_string();
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // "pid (comm) state ppid ...": comm may hold spaces, so read after its last ')'.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.to_string();
            (ppid == parent).then_some(pid)
        })
        .collect()
}

/// Every entry of the session's history (`$XDG_DATA_HOME/backpain/history`).
fn history_of(tmux: &Tmux) -> Vec<serde_json::Value> {
    common::history_lines(&tmux.data.path().join("backpain/history"))
}

#[test]
fn a_whole_session_plays_to_the_end_and_says_what_was_done() {
    let Some(tmux) = Tmux::start("whole") else { return };
    // 2 min 45 s at 40 times wall speed: about 4 s.
    tmux.type_line(&format!("BACKPAIN_TEST_SPEED=40 {}", routine_line("--quiet")));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.start_clock();
    // Played to the end, it asks once how the back is, on the normal screen, one key.
    let asked = tmux.wait_for("How is your back now, 0-10? (Enter to skip)");
    assert!(asked.contains("Done: 3 of 3 drills, in 2:4"), "the summary comes first:\n{asked}");
    tmux.keys(&["3"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Done: 3 of 3 drills, in 2:4"), "{text}");
    assert!(text.contains("3 - recorded, thank you."), "{text}");
    // The summary and the answer are in the history, the answer pointing at the session.
    let lines = history_of(&tmux);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let (session, pain) = (&lines[0], &lines[1]);
    assert_eq!((session["kind"].as_str(), session["ending"].as_str()), (Some("session"), Some("finished")));
    assert_eq!(session["done"], serde_json::json!(["chin-tuck", "neck-side-bend", "shoulder-rolls"]));
    assert_eq!((session["location"].as_str(), session["variant"].as_str()), (Some("neck"), Some("micro")));
    assert_eq!((pain["kind"].as_str(), pain["rating"].as_u64()), (Some("pain"), Some(3)));
    assert_eq!(pain["after"], session["id"]);
}

#[test]
fn a_quit_session_is_recorded_without_the_question() {
    let Some(tmux) = Tmux::start("quit-recorded") else { return };
    tmux.type_line(&routine_line("--quiet"));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.start_clock();
    tmux.wait_for("HOLD · rep 1 of 10");
    tmux.keys(&["q"]);
    let text = tmux.assert_restored(0);
    assert!(!text.contains("How is your back now"), "{text}");
    let lines = history_of(&tmux);
    assert_eq!(lines.len(), 1, "the session only: {lines:?}");
    assert_eq!((lines[0]["ending"].as_str(), lines[0]["stopped"].as_str()), (Some("quit"), Some("chin-tuck")));
}

#[test]
fn a_session_with_every_drill_skipped_is_recorded_without_the_question() {
    let Some(tmux) = Tmux::start("all-skipped") else { return };
    tmux.type_line(&routine_line("--quiet"));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.wait_for("Drill 1 of 3: Chin tuck");
    tmux.keys(&["n"]);
    tmux.wait_for("Drill 2 of 3: Neck side-bend");
    tmux.keys(&["n"]);
    tmux.wait_for("Drill 3 of 3: Shoulder rolls");
    tmux.keys(&["n"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Done: 0 of 3 drills, 3 skipped"), "{text}");
    assert!(!text.contains("How is your back now"), "no rating after nothing was done:\n{text}");
    let lines = history_of(&tmux);
    assert_eq!(lines.len(), 1, "the session only, no pain entry: {lines:?}");
    assert_eq!(lines[0]["skipped"], serde_json::json!(["chin-tuck", "neck-side-bend", "shoulder-rolls"]));
}

#[test]
fn quitting_before_the_start_does_nothing() {
    let Some(tmux) = Tmux::start("not-started") else { return };
    tmux.type_line(&routine_line(""));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Escape"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Not started."), "{text}");
}

fn route_line() -> String {
    format!("{BIN} route; {}", report("rc", "$?"))
}

#[test]
fn the_body_map_picks_a_zone_by_letter_and_shows_its_route() {
    let Some(tmux) = Tmux::start("map-letter") else { return };
    tmux.type_line(&route_line());
    let map = tmux.wait_for("Where does it hurt? (back view)");
    for zone in ["A  Lower back", "B  Upper back", "C  Sciatic nerve", "D  Hip & pelvis", "E  Neck & upper back"] {
        assert!(map.contains(zone), "{zone}:\n{map}");
    }
    assert!(map.contains(r#".-"""-."#), "the drawing:\n{map}");
    tmux.keys(&["c"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Pain type C: Sciatic nerve"), "{text}");
    assert!(text.contains("Next: backpain routine --location sciatic"), "{text}");
}

#[test]
fn the_body_map_picks_with_arrows_and_enter() {
    let Some(tmux) = Tmux::start("map-arrows") else { return };
    tmux.type_line(&route_line());
    tmux.wait_for("> A  Lower back");
    tmux.keys(&["Down"]);
    tmux.wait_for("> B  Upper back");
    tmux.keys(&["Down", "Down", "Up"]);
    tmux.wait_for("> C  Sciatic nerve");
    tmux.keys(&["Down"]);
    let screen = tmux.wait_for("> D  Hip & pelvis");
    assert!(screen.contains("Pain around the hips"), "the chosen zone is described:\n{screen}");
    tmux.keys(&["Enter"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Pain type D: Hip & pelvis"), "{text}");
}

#[test]
fn the_body_map_cancels_with_q_and_interrupts_with_ctrl_c() {
    let Some(tmux) = Tmux::start("map-cancel") else { return };
    tmux.type_line(&route_line());
    tmux.wait_for("Where does it hurt? (back view)");
    tmux.keys(&["q"]);
    let text = tmux.assert_restored(0);
    assert!(!text.contains("Pain type"), "{text}");

    tmux.type_line("clear");
    tmux.type_line(&route_line());
    tmux.wait_for("Where does it hurt? (back view)");
    tmux.keys(&["C-c"]);
    tmux.assert_restored(130);
}

#[test]
fn a_small_terminal_shows_the_zone_list_whole_and_it_still_picks() {
    let Some(tmux) = Tmux::start_sized("map-small", 40, 20) else { return };
    tmux.type_line(&route_line());
    let screen = tmux.wait_for("> A  Lower back (lumbar)");
    for zone in ["B  Upper back (thoracic)", "C  Sciatic nerve", "D  Hip & pelvis", "E  Neck & upper back"] {
        assert!(screen.contains(zone), "{zone} whole:\n{screen}");
    }
    assert!(screen.contains("Press a letter, or ↑/↓ and Enter."), "{screen}");
    assert!(!screen.contains(r#".-"""-."#), "no half a figure: the map does not fit in 20 rows:\n{screen}");
    tmux.keys(&["Down"]);
    tmux.wait_for("> B  Upper back");
    tmux.keys(&["d"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Pain type D: Hip & pelvis"), "{text}");
}

/// Whether process `pid` has ended (or is a zombie nobody reaped) within `limit`.
fn ends_within(pid: &str, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| stat.rsplit_once(')').map(|(_, rest)| rest.trim_start().chars().next()))
            .flatten();
        if matches!(state, None | Some('Z')) {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Closing the terminal window (here: killing tmux) must end the program, not leave it
/// spinning on a hung-up terminal as crossterm's poll does.
fn closing_the_terminal_ends(test: &str, line: &str, shown: &str) {
    let Some(tmux) = Tmux::start(test) else { return };
    tmux.type_line(line);
    tmux.wait_for(shown);
    let program = tmux.program();
    tmux.run(&["kill-server"]);
    assert!(ends_within(&program, Duration::from_secs(5)), "{test}: still running after its terminal closed");
}

#[test]
fn closing_the_terminal_ends_the_body_map() {
    closing_the_terminal_ends("hangup-map", &route_line(), "Where does it hurt");
}

#[test]
fn closing_the_terminal_ends_a_guided_session() {
    closing_the_terminal_ends("hangup-guided", &routine_line(""), "Press space or Enter to start");
}

/// Issue 20: closing the terminal in the middle of a session (SIGHUP, then every write to the
/// hung-up terminal fails with EIO) still records the session, as Ctrl-C does.
#[test]
fn closing_the_terminal_mid_session_still_records_it_as_interrupted() {
    let Some(tmux) = Tmux::start("hangup-record") else { return };
    tmux.type_line(&routine_line(""));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.wait_for("Drill 1 of 3: Chin tuck");
    let program = tmux.program();
    tmux.run(&["kill-server"]);
    assert!(ends_within(&program, Duration::from_secs(5)), "still running after its terminal closed");
    let history = history_of(&tmux);
    let sessions: Vec<_> = history.iter().filter(|entry| entry["kind"] == "session").collect();
    assert_eq!(sessions.len(), 1, "the session is recorded once: {history:#?}");
    assert_eq!(sessions[0]["ending"], "interrupted", "{history:#?}");
    assert_eq!(sessions[0]["stopped"], "chin-tuck", "{history:#?}");
}

/// Issue 20: SIGTERM or SIGHUP while a routine is in the pager ends the pager and backpain
/// with 130; before, backpain died with 143 and left the pager drawing on the terminal.
#[test]
fn a_stop_signal_while_paging_ends_the_pager_too_with_130() {
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let Some(tmux) = Tmux::start("pager-stop") else { return };
        // A pager that reads its input and then waits, as less does for a key.
        let pager = "BACKPAIN_PAGER='cat >/dev/null; echo PAGING; sleep 37'";
        tmux.type_line(&format!("{pager} {BIN} routine lower; {}", report("rc", "$?")));
        tmux.wait_for("PAGING");
        let program = tmux.program();
        let mut pager: Vec<String> = Vec::new();
        let started = std::time::Instant::now();
        while pager.is_empty() && started.elapsed() < Duration::from_secs(5) {
            pager = children(&program).iter().flat_map(|shell| children(shell)).collect();
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!pager.is_empty(), "the pager's sleep runs under its shell");
        // SAFETY: a signal to a process this test started.
        unsafe { libc::kill(program.parse().unwrap(), signal) };
        let (rc, _) = tmux.wait_for_value("rc");
        assert_eq!(rc, "130", "signal {signal}");
        for pid in pager {
            assert!(ends_within(&pid, Duration::from_secs(2)), "signal {signal}: the pager ({pid}) still runs");
        }
    }
}

#[test]
fn the_sciatic_guided_start_screen_shows_every_emergency_flag_and_the_prompt_at_80x24() {
    let Some(tmux) = Tmux::start("sciaticintro") else { return };
    tmux.type_line(&format!("{BIN} routine --location sciatic --minutes 8 --morning --guided --quiet"));
    let intro = tmux.wait_for("Press space or Enter to start");
    assert!(intro.contains("WARNING: Get advice before starting."), "{intro}");
    let sciatic = backpain::dataset::location("sciatic").unwrap();
    let emergencies = sciatic.red_flags.iter().filter(|flag| flag.urgency == backpain::dataset::Urgency::Emergency);
    for flag in emergencies {
        // Each flag may wrap; its words are all on the screen in order.
        let screen: String = intro.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(screen.contains(flag.text), "emergency flag `{}` not on the 80x24 start screen:\n{intro}", flag.text);
    }
    assert!(intro.lines().count() <= 24, "{intro}");
    tmux.keys(&["q"]);
}

#[test]
fn a_start_screen_too_small_for_the_emergency_flags_pages_instead_of_cutting_them() {
    // Issue 21: at 50 x 12 the full disclaimer would take five of the twelve rows; a short one
    // stands in, under the prompt, so the flags get the room.
    let Some(tmux) = Tmux::start_sized("smallintro", 50, 12) else { return };
    tmux.type_line(&format!("{BIN} routine --location neck --guided --quiet"));
    let mut seen = tmux.wait_for("space more · q quit");
    assert!(seen.contains("Not medical advice."), "{seen}");
    for _ in 0..20 {
        if seen.contains("space start · q quit") {
            break;
        }
        let before = tmux.screen();
        tmux.keys(&["Space"]);
        // The next page is drawn: the screen changes.
        let deadline = Instant::now() + Duration::from_secs(20);
        while tmux.screen() == before {
            assert!(Instant::now() < deadline, "space shows the next page");
            std::thread::sleep(Duration::from_millis(20));
        }
        // ... and is whole: two looks 50 ms apart agree.
        let mut page = tmux.screen();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let again = tmux.screen();
            if again == page {
                break;
            }
            page = again;
        }
        seen.push_str(&page);
    }
    let flat: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    let neck = backpain::dataset::location("neck").unwrap();
    for flag in neck.red_flags.iter().filter(|flag| flag.urgency == backpain::dataset::Urgency::Emergency) {
        assert!(flat.contains(flag.text), "`{}` never shown:\n{seen}", flag.text);
    }
    assert!(seen.contains("space start · q quit"), "paging reaches the start: {seen}");
    tmux.keys(&["q"]);
}

/// The CPU time (utime + stime, in clock ticks) process `pid` has used, if it still exists.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Issue 9.7: space, `nn` in one write, a resize, q (or not), and the terminal killed straight
/// after, many times over: the session must never outlive its terminal (it used to stay behind in 2
/// of 4 tries, reading end-of-file at full CPU and deaf to SIGTERM), and both n's count.
#[test]
fn a_session_never_outlives_its_terminal_after_keys_a_resize_and_q() {
    // Odd rounds kill the terminal without the q, mid-session: then only the hang-up ends it.
    for round in 0..8 {
        let Some(tmux) = Tmux::start(&format!("outlive-{round}")) else { return };
        tmux.type_line(&routine_line("--quiet"));
        tmux.wait_for("Press space or Enter to start");
        let program = tmux.program();
        tmux.keys(&["Space"]);
        tmux.wait_for("Drill 1 of 3: Chin tuck");
        assert!(tmux.run(&["send-keys", "-t", "0", "-l", "nn"]).status.success());
        tmux.wait_for("Drill 3 of 3: Shoulder rolls");
        assert!(tmux.run(&["resize-window", "-t", "0", "-x", "100", "-y", "30"]).status.success());
        if round % 2 == 0 {
            tmux.keys(&["q"]);
        }
        tmux.run(&["kill-server"]);
        let ended = ends_within(&program, Duration::from_secs(3));
        let spent = cpu_ticks(&program);
        if !ended {
            let _ = Command::new("bash").args(["-c", &format!("kill -KILL {program}")]).status();
        }
        assert!(ended, "round {round}: still running after its terminal closed, {spent:?} CPU ticks used");
    }
}

/// Issue 9.7: keys sent in one write all take effect, on the body map too.
#[test]
fn keys_sent_in_one_write_all_take_effect_on_the_body_map() {
    let Some(tmux) = Tmux::start("map-jjj") else { return };
    tmux.type_line(&route_line());
    tmux.wait_for("> A  Lower back");
    assert!(tmux.run(&["send-keys", "-t", "0", "-l", "jjj"]).status.success());
    tmux.wait_for("> D  Hip & pelvis");
    tmux.keys(&["Enter"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Pain type D: Hip & pelvis"), "{text}");
}

fn signal(pid: &str, name: &str) {
    let sent = Command::new("bash").args(["-c", &format!("kill -{name} {pid}")]).status().unwrap();
    assert!(sent.success(), "kill -{name} {pid}");
}

/// Issue 9.3: every stop signal ends a guided session and the body map at once, with 130, the
/// terminal given back.
#[test]
fn every_stop_signal_gives_the_terminal_back_with_130() {
    for name in ["HUP", "QUIT", "INT", "TERM"] {
        let Some(tmux) = Tmux::start(&format!("signal-{name}")) else { return };
        tmux.type_line(&routine_line("--quiet"));
        tmux.wait_for("Press space or Enter to start");
        tmux.keys(&["Space"]);
        tmux.start_clock();
        tmux.wait_for("HOLD · rep 1 of 10");
        let started = Instant::now();
        signal(&tmux.program(), name);
        let text = tmux.assert_restored(130);
        assert!(started.elapsed() < Duration::from_secs(5), "SIG{name}: {:?}", started.elapsed());
        assert!(text.contains("Interrupted after"), "SIG{name}: the summary:\n{text}");

        tmux.type_line("clear");
        tmux.type_line(&route_line());
        tmux.wait_for("Where does it hurt?");
        signal(&tmux.program(), name);
        tmux.assert_restored(130);
    }
}

/// The terminal's modes as `stty` shows them, after the program gave it back to the shell.
fn cooked_modes(tmux: &Tmux, name: &str) -> String {
    tmux.type_line(&report(name, "$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | paste -sd, -)"));
    tmux.wait_for_value(name).0
}

/// Issue 9.3: Ctrl-Z (and `kill -TSTP`) gives the terminal back to the shell; `fg` takes it
/// again, redraws, and single keys work at once (raw mode is back).
#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let Some(tmux) = Tmux::start("suspend") else { return };
    tmux.type_line(&routine_line("--quiet"));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.start_clock();
    tmux.wait_for("HOLD · rep 1 of 10");
    let program = tmux.program();
    for (round, how) in ["C-z", "TSTP"].into_iter().enumerate() {
        if how == "C-z" {
            tmux.keys(&["C-z"]);
        } else {
            signal(&program, how);
        }
        tmux.wait_until("the shell says it stopped", |text| text.matches("Stopped").count() > round);
        assert!(!tmux.alternate_screen(), "{how}: off the alternate screen");
        assert_eq!(cooked_modes(&tmux, &format!("stopped{round}")), "icanon,echo", "{how}: cooked mode while stopped");
        tmux.type_line("fg");
        let deadline = Instant::now() + Duration::from_secs(20);
        while !(tmux.alternate_screen() && tmux.screen().contains("Drill")) {
            assert!(Instant::now() < deadline, "{how}: fg redraws the session; screen:\n{}", tmux.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
        // Back to a paused session: the time away did not count down the hold.
        tmux.wait_for("PAUSED · space to resume");
    }
    // One key, no Enter: raw mode is back.
    tmux.keys(&["n"]);
    tmux.wait_for("Drill 2 of 3: Neck side-bend");
    tmux.keys(&["q"]);
    // The shell ran the rest of the typed line at the first stop; `fg` now returns the exit code.
    tmux.wait_for("Stopped after");
    tmux.type_line(&report("after", "$?"));
    let (rc, text) = tmux.wait_for_value("after");
    assert_eq!(rc, "0", "{text}");
    assert!(!tmux.alternate_screen(), "still on the alternate screen");
    assert_eq!(cooked_modes(&tmux, "end"), "icanon,echo");
}

/// Issue 9.6: with no terminal to read keys from (no controlling terminal, stdin not one), a
/// guided session says a terminal is needed and suggests piping, in one line.
#[test]
fn no_terminal_for_keys_is_one_line_saying_so() {
    if !common::require_tools(&["setsid"], "no_terminal_for_keys_is_one_line_saying_so") {
        return;
    }
    let Some(tmux) = Tmux::start("no-tty") else { return };
    let line = format!(
        "setsid -w {BIN} routine --location neck --micro --guided </dev/null 2>err.txt; {}",
        report("rc", "$?")
    );
    let dir = tempfile::tempdir().unwrap();
    tmux.type_line(&format!("cd {}", dir.path().display()));
    tmux.type_line(&line);
    let (rc, _) = tmux.wait_for_value("rc");
    assert_eq!(rc, "1");
    let stderr = std::fs::read_to_string(dir.path().join("err.txt")).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("backpain: this needs a terminal to read keys from"), "{stderr}");
    assert!(stderr.contains("pipe the output"), "{stderr}");
    assert!(stderr.trim_end().ends_with("for plain lines without keys"), "the reason is not repeated: {stderr}");
    assert!(!tmux.alternate_screen());
}

/// Issue 9.3: the body map suspends and comes back the same way, arrows working after `fg`.
#[test]
fn ctrl_z_on_the_body_map_gives_the_terminal_back_and_fg_takes_it_again() {
    let Some(tmux) = Tmux::start("suspend-map") else { return };
    tmux.type_line(&format!("{BIN} route"));
    tmux.wait_for("> A  Lower back");
    tmux.keys(&["C-z"]);
    tmux.wait_for("Stopped");
    assert!(!tmux.alternate_screen(), "off the alternate screen");
    assert_eq!(cooked_modes(&tmux, "stopped"), "icanon,echo", "cooked mode while stopped");
    tmux.type_line("fg");
    tmux.wait_until("the map drawn again", |_| tmux.alternate_screen() && tmux.screen().contains("> A  Lower back"));
    tmux.keys(&["Down"]);
    tmux.wait_for("> B  Upper back");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Pain type B");
    tmux.type_line(&report("after", "$?"));
    let (rc, text) = tmux.wait_for_value("after");
    assert_eq!(rc, "0", "{text}");
    assert!(!tmux.alternate_screen());
    assert_eq!(cooked_modes(&tmux, "end"), "icanon,echo");
}

/// Issue 11.3: a routine taller than the terminal goes through the pager; --no-pager, the
/// config file's `pager = false`, a routine that fits, and a pipe do not.
#[test]
fn a_long_routine_goes_through_the_pager_and_no_pager_does_not() {
    let Some(tmux) = Tmux::start("pager") else { return };
    let dir = tempfile::tempdir().unwrap();
    let record = |name: &str| dir.path().join(name);
    // A pager that records what it was given and says so on the screen.
    // The pager's own line is `PAGER-42-RAN`, which the typed command does not contain: a
    // command that fills the width exactly is joined to the next line in the scrollback.
    let pager = |name: &str| format!("BACKPAIN_PAGER='cat > {}; echo PAGER-$((6*7))-RAN'", record(name).display());
    let run = |env: String, args: &str, name: &str| {
        tmux.type_line("clear");
        tmux.type_line(&format!("{env} {BIN} {args}; {}", report(name, "$?")));
        tmux.wait_for_value(name)
    };

    let (rc, screen) = run(pager("long"), "routine lower", "long");
    assert_eq!(rc, "0");
    let paged = std::fs::read_to_string(record("long")).expect("the pager was given the routine");
    assert!(paged.contains("Pain type A: Lower back (lumbar) · full routine"), "{paged}");
    assert!(paged.contains("Next:") && paged.lines().count() > 24, "the whole routine, not a screenful");
    let ran = |screen: &str| screen.contains("PAGER-42-RAN");
    assert!(ran(&screen), "{screen}");

    let (rc, screen) = run(pager("no-pager"), "routine lower --no-pager", "nopager");
    assert_eq!(rc, "0");
    assert!(!record("no-pager").exists(), "--no-pager ran the pager");
    assert!(!ran(&screen) && screen.contains("Educational information only"), "{screen}");

    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("backpain")).unwrap();
    std::fs::write(config.join("backpain/config.toml"), "pager = false\n").unwrap();
    let env = format!("XDG_CONFIG_HOME={} {}", config.display(), pager("config-paged"));
    let (rc, _) = run(env, "routine lower", "config");
    assert_eq!(rc, "0");
    assert!(!record("config-paged").exists(), "pager = false in the config file ran the pager:\n{}", tmux.history());

    let (rc, screen) = run(pager("fits"), "routine neck --micro", "fits");
    assert_eq!(rc, "0");
    assert!(!record("fits").exists(), "a micro routine fits 80 x 24 and needs no pager");
    assert!(screen.contains("Pain type E: Neck & upper back · micro routine"), "all of it on the screen:\n{screen}");

    let (rc, _) = run(pager("piped"), "routine lower | wc -l", "piped");
    assert_eq!(rc, "0");
    assert!(!record("piped").exists(), "never page into a pipe");
}

/// Issue 19: `history` goes through the pager like every other report when it is taller than
/// the terminal (it was never paged), streaming: a pager that quits early ends it with 0; a
/// history that fits, `--json`, `--csv` and a pipe are not paged.
#[test]
fn a_long_history_goes_through_the_pager_and_a_short_one_does_not() {
    let Some(tmux) = Tmux::start("history-pager") else { return };
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    std::fs::create_dir_all(&history).unwrap();
    let line = |n: u32| {
        format!(
            "{{\"v\":1,\"id\":\"00000000-0000-4000-8000-{n:012}\",\"at\":\"2026-11-{:02}T09:{:02}:00+00:00\",\"kind\":\"pain\",\"location\":\"lower\",\"rating\":{}}}\n",
            1 + n % 28,
            n % 60,
            n % 11
        )
    };
    std::fs::write(history.join("2026-11.jsonl"), (0..5000).map(line).collect::<String>()).unwrap();
    let short = dir.path().join("three-entries");
    std::fs::create_dir_all(short.join("history")).unwrap();
    std::fs::write(short.join("history/2026-11.jsonl"), (0..3).map(line).collect::<String>()).unwrap();
    let record = |name: &str| dir.path().join(name);
    let pager = |name: &str| format!("BACKPAIN_PAGER='cat > {}; echo PAGER-$((6*7))-RAN'", record(name).display());
    let run = |env: String, args: String, name: &str| {
        tmux.type_line("clear");
        tmux.type_line(&format!("{env} {BIN} {args}; {}", report(name, "$?")));
        tmux.wait_for_value(name)
    };
    let data = dir.path().display();
    let (rc, screen) = run(pager("long"), format!("history --data-dir {data}"), "long");
    assert_eq!(rc, "0", "{screen}");
    let paged = std::fs::read_to_string(record("long")).expect("the pager was given the history");
    assert_eq!(paged.lines().count(), 5000, "every line, not a screenful");
    assert!(screen.contains("PAGER-42-RAN"), "{screen}");

    // A pager that reads a little and quits, as `q` in less does: no error, exit 0.
    let (rc, screen) =
        run("BACKPAIN_PAGER='head -c 10 >/dev/null'".into(), format!("history --data-dir {data}"), "quit");
    assert_eq!(rc, "0", "{screen}");
    assert!(!screen.contains("backpain:"), "{screen}");

    for (name, args) in [
        ("short", format!("history --data-dir {}", short.display())),
        ("json", format!("history --json --data-dir {data} | tail -1")),
        ("csv", format!("history --csv --data-dir {data} >/dev/null")),
        ("piped", format!("history --data-dir {data} | wc -l")),
        ("nopager", format!("history --no-pager --data-dir {data} >/dev/null")),
    ] {
        let (rc, screen) = run(pager(name), args, name);
        assert_eq!(rc, "0", "{name}: {screen}");
        assert!(!record(name).exists(), "{name}: the pager ran");
    }
}

/// Issue 11.2: ↓↓↓ sent in one write moves three zones, and Enter picks the zone shown.
#[test]
fn arrows_sent_in_one_write_all_take_effect_on_the_body_map() {
    let Some(tmux) = Tmux::start("map-arrows-one-write") else { return };
    tmux.type_line(&route_line());
    tmux.wait_for("> A  Lower back");
    // One send-keys with the three escape sequences as one literal string: one write.
    assert!(tmux.run(&["send-keys", "-t", "0", "-l", "\x1b[B\x1b[B\x1b[B"]).status.success());
    tmux.wait_for("> D  Hip & pelvis");
    tmux.keys(&["Enter"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("Pain type D: Hip & pelvis"), "Enter picks the zone shown:\n{text}");
}

/// Issue 11.2: `nn` sent together skips two drills, and the summary says so.
#[test]
fn nn_sent_together_skips_two_drills() {
    let Some(tmux) = Tmux::start("guided-nn") else { return };
    tmux.type_line(&routine_line("--quiet"));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.wait_for("Drill 1 of 3: Chin tuck");
    assert!(tmux.run(&["send-keys", "-t", "0", "-l", "nn"]).status.success());
    tmux.wait_for("Drill 3 of 3: Shoulder rolls");
    tmux.keys(&["q"]);
    let text = tmux.assert_restored(0);
    assert!(text.contains("2 skipped (Chin tuck, Neck side-bend)"), "{text}");
}

/// The widest line on the screen, in characters, trailing blanks left out.
fn widest(screen: &str) -> usize {
    screen.lines().map(|line| line.trim_end().chars().count()).max().unwrap_or(0)
}

/// Issue 11.2: after a resize the session is redrawn for the new size without a key press, and
/// q then quits at once.
#[test]
fn a_resize_redraws_at_once_and_q_still_quits_at_once() {
    let Some(tmux) = Tmux::start("guided-resize") else { return };
    tmux.type_line(&routine_line("--quiet"));
    tmux.wait_for("Press space or Enter to start");
    tmux.keys(&["Space"]);
    tmux.start_clock();
    tmux.wait_for("HOLD · rep 1 of 10");
    tmux.keys(&["Space"]);
    tmux.wait_for("PAUSED");
    // Paused, nothing on the screen changes by itself: only the resize can redraw it. At 60
    // columns the progress bar must be drawn shorter to fit whole, with the time at its end.
    let bar = |screen: &str| {
        screen.lines().any(|line| line.trim_start().starts_with('[') && line.trim_end().ends_with("2:45 left"))
    };
    assert!(bar(&tmux.screen()), "{}", tmux.screen());
    assert!(tmux.run(&["resize-window", "-t", "0", "-x", "60", "-y", "30"]).status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let screen = tmux.screen();
        if bar(&screen) && widest(&screen) <= 60 && screen.contains("space resume") {
            break;
        }
        assert!(Instant::now() < deadline, "not redrawn for 60 columns without a key:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(tmux.screen().contains("PAUSED"), "still paused after the redraw:\n{}", tmux.screen());
    let program = tmux.program();
    let pressed = Instant::now();
    tmux.keys(&["q"]);
    assert!(ends_within(&program, Duration::from_secs(2)), "q after a resize did not quit at once");
    assert!(pressed.elapsed() < Duration::from_secs(2));
    tmux.assert_restored(0);
}

/// Issue 11.2: the body map too is redrawn for a new size at once (here one too small for the
/// drawing: the zone list alone), and q then quits at once.
#[test]
fn the_body_map_redraws_for_a_new_size_at_once() {
    let Some(tmux) = Tmux::start("map-resize") else { return };
    tmux.type_line(&route_line());
    tmux.wait_for(r#".-"""-."#);
    assert!(tmux.run(&["resize-window", "-t", "0", "-x", "40", "-y", "20"]).status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while tmux.screen().contains(r#".-"""-."#) || !tmux.screen().contains("> A  Lower back") {
        assert!(Instant::now() < deadline, "not redrawn for 40 x 20 without a key:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let program = tmux.program();
    tmux.keys(&["q"]);
    assert!(ends_within(&program, Duration::from_secs(2)), "q after a resize did not quit at once");
    tmux.assert_restored(0);
}

/// Issue 11.6: TERM=dumb cannot draw a full screen: a guided session prints plain lines.
#[test]
fn a_dumb_terminal_gets_plain_lines_not_a_full_screen_session() {
    let Some(tmux) = Tmux::start("dumb") else { return };
    tmux.type_line(&format!("TERM=dumb {}", routine_line("--quiet")));
    let text = tmux.wait_for("[0:00] Drill 1 of 3: Chin tuck");
    assert!(!tmux.alternate_screen(), "no alternate screen under TERM=dumb:\n{text}");
    tmux.keys(&["C-c"]);
    tmux.wait_for_value("rc");
}

#[test]
fn help_piped_into_a_pager_or_head_still_fits_the_terminal() {
    let Some(tmux) = Tmux::start_sized("help-piped", 60, 24) else { return };
    let file = tmux.data.path().join("help.txt");
    tmux.type_line(&format!("{BIN} --help | cat > {}; {}", file.display(), report("rc", "$?")));
    tmux.wait_for_value("rc");
    let help = std::fs::read_to_string(&file).unwrap();
    assert!(help.contains("Commands:") && help.contains("  doctor "), "{help}");
    let wide: Vec<&str> = help.lines().filter(|line| line.chars().count() > 60).collect();
    assert!(wide.is_empty(), "lines wider than the 60-column terminal: {wide:?}");
}

/// A reminder printed in the terminal (no notification server, or --dry-run) fits it: each
/// drill's lines wrapped under its first, no line running past the edge, every caution there.
#[test]
fn a_reminder_printed_in_an_80_column_terminal_is_wrapped_to_it() {
    let Some(tmux) = Tmux::start_sized("remind-wrapped", 80, 24) else { return };
    tmux.type_line(&format!("{BIN} remind --dry-run --count 1 --every 1s -l lower; {}", report("rc", "$?")));
    let (rc, _) = tmux.wait_for_value("rc");
    assert_eq!(rc, "0");
    // Joined lines: a line the terminal wrapped by itself would come back longer than 80.
    let text = tmux.history();
    let output: Vec<&str> = text.lines().skip_while(|line| !line.starts_with("Reminders every")).collect();
    let wide: Vec<&&str> = output.iter().filter(|line| line.chars().count() > 80).collect();
    assert!(!output.is_empty() && wide.is_empty(), "lines the terminal had to wrap: {wide:?}\n{text}");
    let body: Vec<&str> = text.lines().skip_while(|line| !line.contains("Desk break")).skip(1).collect();
    let drills: Vec<&&str> =
        body.iter().filter(|line| line.starts_with("       ") && !line.starts_with("        ")).collect();
    let under: Vec<&&str> = body.iter().filter(|line| line.starts_with("         ")).collect();
    assert!(drills.len() >= 2 && !under.is_empty(), "drills at 7 columns, their wrapped lines at 9:\n{text}");
    let words = body.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Take care:"), "the cautions are all there:\n{text}");
}

/// Issue 18: at 80 × 24 a guided start keeps the line that says what the session was adapted
/// for, and the condition's own emergency signs beside the location's.
#[test]
fn the_guided_start_screen_names_the_conditions_and_their_emergency_signs_at_80x24() {
    let Some(tmux) = Tmux::start("conditionintro") else { return };
    tmux.type_line(&format!(
        "{BIN} routine --location hip --guided --quiet --condition pregnancy --condition hip-replacement"
    ));
    let intro = tmux.wait_for("Press space or Enter to start");
    let screen: String = intro.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        screen.contains("Adapted for Pregnancy, Hip replacement (approach not known):"),
        "the adaptation is named:\n{intro}"
    );
    assert!(screen.contains("In pregnancy: heavy bleeding"), "the condition's emergency sign:\n{intro}");
    assert!(screen.contains("After a hip replacement: sudden hip pain"), "{intro}");
    assert!(intro.lines().count() <= 24, "{intro}");
}

/// Issue 21: the guided screen draws the drill beside the countdown and moves it in time: at
/// 80 × 24 and at 60 × 20, cat-cow's figure passes through each of its positions as the reps go
/// (named under it), a hold stays still, nothing changes while paused, the footer says space
/// resumes, and every line fits the width.
#[test]
fn the_guided_figure_moves_with_the_reps_and_stays_still_when_paused() {
    for (columns, rows) in [(80u16, 24u16), (60, 20)] {
        let Some(tmux) = Tmux::start_sized("guided-figure", columns, rows) else { return };
        tmux.type_line(&format!("{BIN} routine lower --guided --quiet; {}", report("rc", "$?")));
        // At 60 x 20 the start screen is the compact one (a short disclaimer, the flags first).
        tmux.wait_until("the start prompt", |text| {
            text.contains("Press space or Enter to start") || text.contains("space start · q quit")
        });
        tmux.keys(&["Space"]);
        tmux.wait_for("Drill 1 of 7: Cat-cow");
        tmux.start_clock();
        // One rep of cat-cow takes its rep seconds: within two reps each position shows.
        let mut seen = std::collections::BTreeSet::new();
        let deadline = Instant::now() + Duration::from_secs(25);
        while seen.len() < 3 && Instant::now() < deadline {
            let screen = tmux.screen();
            assert!(widest(&screen) <= usize::from(columns), "{columns}x{rows}:\n{screen}");
            for name in ["start", "rounded", "arched"] {
                // The position's name, centred under the figure at the right.
                if screen.lines().any(|line| line.trim_end().ends_with(&format!("   {name}"))) {
                    seen.insert(name);
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        assert_eq!(seen.len(), 3, "{columns}x{rows}: the figure moved through {seen:?}:\n{}", tmux.screen());
        let braille = tmux.screen().chars().filter(|c| ('\u{2801}'..='\u{28ff}').contains(c)).count();
        assert!(braille > 20, "drawn in Braille beside the text:\n{}", tmux.screen());
        tmux.keys(&["Space"]);
        tmux.wait_for("space resume · n skip drill · q quit");
        let paused = tmux.screen();
        std::thread::sleep(Duration::from_millis(3500));
        assert_eq!(tmux.screen(), paused, "{columns}x{rows}: nothing moves while paused");
        tmux.keys(&["q"]);
        tmux.assert_restored(0);
    }
}

/// `backpain log check-in` with its history in the test's own data dir, and its exit code.
fn check_in_line(tmux: &Tmux, extra: &str) -> String {
    let dir = tmux.data.path().display().to_string();
    format!("{BIN} log check-in --data-dir '{dir}' {extra}; {}", report("rc", "$?"))
}

/// The check-in lines the history holds.
fn check_ins(tmux: &Tmux) -> Vec<serde_json::Value> {
    let dir = tmux.data.path().join("history");
    if !dir.exists() {
        return Vec::new();
    }
    common::history_lines(&dir).into_iter().filter(|line| line["kind"] == "check-in").collect()
}

#[test]
fn the_check_in_names_activities_once_then_takes_keys_typed_fast_and_enter_skips() {
    let Some(tmux) = Tmux::start("check-in") else { return };
    tmux.type_line(&check_in_line(&tmux, ""));
    tmux.wait_for("Name up to 3 activities your back makes hard");
    tmux.type_line("sit through a 2-hour meeting");
    tmux.wait_for("  2. ");
    tmux.type_line("garden for an hour");
    tmux.wait_for("  3. ");
    tmux.keys(&["Enter"]);
    tmux.wait_for("What number best describes your pain on average in the past week?");
    // All the answers in one write, as fast as keys can come: 6, then 1 (not 10: a 5 follows),
    // 5, then 1 and 0 (10) for the meeting, and Enter skips the garden.
    let sent = tmux.run(&["send-keys", "-t", "0", "-l", "61510"]);
    assert!(sent.status.success());
    tmux.keys(&["Enter"]);
    let (rc, text) = tmux.wait_for_value("rc");
    assert_eq!(rc, "0", "{text}");
    assert!(text.contains("Recorded your check-in"), "{text}");
    let lines = check_ins(&tmux);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["peg"], serde_json::json!({"pain": 6, "enjoyment": 1, "activity": 5}));
    assert_eq!(
        lines[0]["activities"],
        serde_json::json!([{"name": "sit through a 2-hour meeting", "score": 10}, {"name": "garden for an hour"}])
    );

    // The next week it rates the same activities without asking their names; --peg is not asked.
    tmux.type_line(&check_in_line(&tmux, "--peg 5,5,5"));
    tmux.wait_for("  sit through a 2-hour meeting: ");
    tmux.keys(&["7"]);
    tmux.wait_for("  garden for an hour: ");
    tmux.keys(&["2"]);
    let text = tmux.wait_until("the second check-in's exit code", |text| text.matches("rc=").count() >= 2);
    assert!(text.contains("rc=0"), "{text}");
    assert_eq!(text.matches("Name up to 3 activities").count(), 1, "names asked once:\n{text}");
    let lines = check_ins(&tmux);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["activities"][1], serde_json::json!({"name": "garden for an hour", "score": 2}));
    tmux.assert_restored(0);
}

#[test]
fn ctrl_c_in_the_check_in_records_nothing_and_gives_the_terminal_back() {
    let Some(tmux) = Tmux::start("check-in-ctrl-c") else { return };
    tmux.type_line(&check_in_line(&tmux, "--activity 'garden=4'"));
    tmux.wait_for("What number best describes your pain on average in the past week?");
    tmux.keys(&["6"]);
    tmux.wait_for("enjoyment of life?");
    tmux.keys(&["C-c"]);
    let text = tmux.assert_restored(130);
    assert!(text.contains("check-in interrupted: nothing was recorded"), "{text}");
    assert!(check_ins(&tmux).is_empty());
    // Ctrl-C while naming the activities: the shell's own interrupt (it also drops the rest of
    // the command line), and nothing recorded.
    tmux.type_line(&check_in_line(&tmux, ""));
    tmux.wait_for("Name up to 3 activities");
    tmux.keys(&["C-c"]);
    tmux.type_line(&report("after", "$?"));
    let (rc, text) = tmux.wait_for_value("after");
    assert_eq!(rc, "130", "{text}");
    assert!(check_ins(&tmux).is_empty());
    // Every line of ours fits the 80 columns.
    assert!(text.lines().filter(|line| !line.starts_with('$')).all(|line| line.chars().count() <= 80), "{text}");
}
