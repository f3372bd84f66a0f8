//! A private D-Bus session, optionally with Xvfb and dunst on it, torn down by a guard even
//! when the test fails (tests/notify.rs, tests/presence.rs).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// A private session bus, optionally with Xvfb and dunst on it; everything dies with it.
pub struct Session {
    /// The Xvfb display (`:N`), when there is one.
    pub display: Option<String>,
    pub dir: tempfile::TempDir,
    pub address: String,
    bus: Child,
    xvfb: Option<Child>,
    dunst: Option<Child>,
}

impl Session {
    /// A bus with no service files: nothing is activated behind the test's back.
    pub fn bus() -> Session {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("bus.conf");
        std::fs::write(
            &config,
            format!(
                r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
                dir.path().join("bus").display()
            ),
        )
        .unwrap();
        let mut bus = Process::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut address = String::new();
        BufReader::new(bus.stdout.take().unwrap()).read_line(&mut address).unwrap();
        let address = address.trim().to_string();
        assert!(address.starts_with("unix:"), "dbus-daemon printed no address");
        Session { dir, address, bus, xvfb: None, dunst: None, display: None }
    }

    /// The bus and a fresh Xvfb display (no window manager: nothing sets EWMH properties).
    pub fn with_xvfb() -> Session {
        let mut session = Session::bus();
        let mut xvfb = Process::new("Xvfb")
            .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "640x480x24"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut display = String::new();
        BufReader::new(xvfb.stdout.take().unwrap()).read_line(&mut display).unwrap();
        session.xvfb = Some(xvfb);
        let display = display.trim();
        assert!(!display.is_empty(), "Xvfb printed no display number");
        session.display = Some(format!(":{display}"));
        session
    }

    /// The bus with dunst on a fresh Xvfb display, once dunst owns the notification name.
    pub fn with_dunst() -> Session {
        let mut session = Session::with_xvfb();
        let display = session.display.clone().unwrap_or_default();
        let log = std::fs::File::create(session.dir.path().join("dunst.log")).unwrap();
        session.dunst = Some(
            Process::new("dunst")
                .env("DISPLAY", &display)
                .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
                .env("XDG_CONFIG_HOME", session.dir.path())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .unwrap(),
        );
        let started = Instant::now();
        while !session.has_owner("org.freedesktop.Notifications") {
            if started.elapsed() > Duration::from_secs(10) {
                let log = std::fs::read_to_string(session.dir.path().join("dunst.log")).unwrap_or_default();
                panic!("dunst did not take org.freedesktop.Notifications within 10 s:\n{log}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        session
    }

    /// What dunst sends when the user picks `action` on the notification: the ActionInvoked
    /// signal. The only notification has one of the first few ids (dunst starts at 1 or 2); the
    /// listener ignores the others.
    ///
    /// Sent once the listener has subscribed to the signal (a person clicks later than a test
    /// can): the bus's own list of match rules says when.
    #[allow(dead_code)]
    pub fn invoke(&self, action: &str) {
        self.wait_for_listener("ActionInvoked");
        for id in 1..=3 {
            let invoked = Process::new("dbus-send")
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .args(["--session", "--type=signal", "/org/freedesktop/Notifications"])
                .args([
                    "org.freedesktop.Notifications.ActionInvoked",
                    &format!("uint32:{id}"),
                    &format!("string:{action}"),
                ])
                .status()
                .unwrap();
            assert!(invoked.success());
        }
    }

    /// Waits (up to 10 s) until a connection on the bus has subscribed to the signal `member`,
    /// read from dbus-daemon's statistics interface (Debian's is built with it). Where that
    /// interface is missing, a fixed half second stands in, and says so.
    #[allow(dead_code)]
    pub fn wait_for_listener(&self, member: &str) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let wanted = format!("member='{member}'");
        loop {
            let output = Process::new("dbus-send")
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .args(["--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus"])
                .arg("org.freedesktop.DBus.Debug.Stats.GetAllMatchRules")
                .output()
                .unwrap();
            if !output.status.success() {
                eprintln!("no bus statistics here: waiting a fixed 500 ms for the listener");
                std::thread::sleep(Duration::from_millis(500));
                return;
            }
            if String::from_utf8_lossy(&output.stdout).contains(&wanted) {
                return;
            }
            assert!(std::time::Instant::now() < deadline, "nobody subscribed to {member} in 10 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn has_owner(&self, name: &str) -> bool {
        let output = Process::new("dbus-send")
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/",
                "org.freedesktop.DBus.NameHasOwner",
            ])
            .arg(format!("string:{name}"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).contains("boolean true")
    }

    pub fn backpain(&self) -> Command {
        let mut cmd = Command::cargo_bin("backpain").unwrap();
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path())
            .timeout(Duration::from_secs(30));
        cmd
    }

    /// dunst's history (closed notifications), newest first, as (appname, summary, body).
    pub fn history(&self) -> Vec<(String, String, String)> {
        let dunstctl = |args: &[&str]| {
            Process::new("dunstctl").env("DBUS_SESSION_BUS_ADDRESS", &self.address).args(args).output().unwrap()
        };
        let started = Instant::now();
        loop {
            assert!(dunstctl(&["close-all"]).status.success());
            let output = dunstctl(&["history"]);
            assert!(output.status.success(), "dunstctl history: {}", String::from_utf8_lossy(&output.stderr));
            let json: Value = serde_json::from_slice(&output.stdout).unwrap();
            let field = |entry: &Value, key: &str| entry[key]["data"].as_str().unwrap_or_default().to_string();
            let entries: Vec<_> = json["data"][0]
                .as_array()
                .into_iter()
                .flatten()
                .map(|entry| (field(entry, "appname"), field(entry, "summary"), field(entry, "body")))
                .collect();
            if !entries.is_empty() || started.elapsed() > Duration::from_secs(5) {
                return entries;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn signal_dunst(&self, signal: i32) {
        if let Some(dunst) = &self.dunst {
            // SAFETY: signalling our own child by pid.
            unsafe { libc::kill(dunst.id() as i32, signal) };
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.signal_dunst(libc::SIGCONT);
        for child in [self.dunst.as_mut(), self.xvfb.as_mut(), Some(&mut self.bus)].into_iter().flatten() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
