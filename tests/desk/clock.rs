//! The wall clock set again and again under a running loop (issue 20). In a binary of its
//! own: every step wakes every process waiting on the wall clock, so a test counting a waiting
//! loop's wake-ups, or timing its reminders, must not run beside it.

use std::time::{Duration, Instant};

/// Sets the realtime clock to the time it reads: a step of microseconds, but a "clock was set"
/// all the same, which is what an NTP step after a resume is to a timer. Root only.
#[cfg(target_os = "linux")]
fn step_the_clock() -> bool {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: both calls only read or write the timespec on this stack frame.
    unsafe {
        libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) == 0 && libc::clock_settime(libc::CLOCK_REALTIME, &now) == 0
    }
}

/// Issue 20: a wall-clock step while the loop arms its timer (timerfd_settime answers ECANCELED)
/// killed `remind` with "cannot write to stdout: Operation canceled". Hundreds of steps across
/// a loop of three reminders: it re-plans each time and still gives all three, exit 0.
#[cfg(target_os = "linux")]
#[test]
fn a_loop_survives_the_wall_clock_being_set_again_and_again() {
    if !step_the_clock() {
        let what = "stepping the realtime clock (clock_settime needs root)";
        assert!(std::env::var_os("BACKPAIN_REQUIRE_REAL").is_none(), "{what} is required here");
        eprintln!("SKIPPED: {what}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = crate::common::spawn_remind(dir.path(), &["--dry-run", "--json", "--every", "1s", "--count", "3"]);
    let started = Instant::now();
    let mut steps = 0;
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(20) {
        step_the_clock();
        steps += 1;
        std::thread::sleep(Duration::from_micros(500));
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "after {steps} clock steps: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().filter(|line| line.starts_with('{')).count(), 3, "three reminders: {stdout}");
    assert!(steps > 100, "the clock was set {steps} times");
}
