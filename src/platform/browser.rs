//! Printing a page to PDF through an installed Chromium-family browser, run headless with a
//! throw-away profile, so the person's own browser profile is never touched. Used by
//! `routine --sheet pdf`; nothing is fetched (the page is self-contained).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The programs looked for on `PATH`, in order, when `BACKPAIN_BROWSER` names none.
pub const CANDIDATES: &[&str] =
    &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];

/// How long a browser may take to print before it is killed.
const LIMIT: Duration = Duration::from_secs(90);

/// The browser to print with: `BACKPAIN_BROWSER` (a path or a name on `PATH`), else the first of
/// `CANDIDATES` on `PATH`.
pub fn find() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("BACKPAIN_BROWSER").filter(|named| !named.is_empty()) {
        return on_path(&named).or_else(|| Some(PathBuf::from(named)));
    }
    CANDIDATES.iter().find_map(|name| on_path(&OsString::from(name)))
}

fn on_path(name: &OsString) -> Option<PathBuf> {
    let candidate = Path::new(name);
    if candidate.components().count() > 1 {
        return candidate.is_file().then(|| candidate.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let full = dir.join(name);
        if full.is_file() {
            return Some(full);
        }
        let exe = dir.join(format!("{}.exe", name.to_string_lossy()));
        exe.is_file().then_some(exe)
    })
}

/// `html` printed to PDF by `browser`; the work files live in a private temporary directory
/// that is removed whatever happens.
pub fn print_to_pdf(browser: &Path, html: &str) -> Result<Vec<u8>, PrintError> {
    // Ctrl-C reaches this process only (the browser has its own process group): the wait
    // below stops the browser and the directory is removed before the program ends.
    let stop = super::exit::stop_signal().map_err(|err| format!("cannot watch for Ctrl-C: {err}"))?;
    let dir = Scratch::new().map_err(|err| format!("cannot make a temporary directory: {err}"))?;
    let page = dir.0.join("sheet.html");
    let pdf = dir.0.join("sheet.pdf");
    std::fs::write(&page, html).map_err(|err| format!("cannot write {}: {err}", page.display()))?;
    let mut command = Command::new(browser);
    command
        .arg("--headless")
        .arg("--disable-gpu")
        .arg("--no-first-run")
        .arg("--no-default-browser-check")
        .arg("--disable-extensions")
        .arg("--disable-background-networking")
        .arg("--disable-sync")
        .arg("--no-pdf-header-footer")
        .arg("--print-to-pdf-no-header")
        .arg(format!("--user-data-dir={}", dir.0.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()));
    if running_as_root() {
        // Chromium refuses to start its sandbox as root (a container, CI); the page is our own,
        // without scripts.
        command.arg("--no-sandbox");
    }
    command.arg(file_url(&page));
    // What it says goes to a file, not a pipe: a browser's helper processes can hold a pipe
    // open after it exits, and a full pipe would stall it.
    let said = dir.0.join("said.txt");
    let log = std::fs::File::create(&said).map_err(|err| format!("cannot write {}: {err}", said.display()))?;
    command.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).stderr(log);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => format!("{} is not installed", browser.display()),
        _ => format!("cannot run {}: {err}", browser.display()),
    })?;
    let started = std::time::Instant::now();
    let status = loop {
        if stop.load(std::sync::atomic::Ordering::SeqCst) {
            stop_group(&mut child);
            return Err(PrintError::Interrupted);
        }
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= LIMIT => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(err) => return Err(format!("cannot wait for {}: {err}", browser.display()).into()),
        }
    };
    // The browser and every helper it started go, whether it finished or not.
    stop_group(&mut child);
    match std::fs::read(&pdf) {
        // A complete PDF is kept even from a browser that did not exit by itself.
        Ok(bytes) if bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF") => Ok(bytes),
        _ => {
            let said = std::fs::read_to_string(&said).unwrap_or_default();
            let last = said.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or("no message");
            let how = match status {
                Some(status) => status.to_string(),
                None => format!("stopped after {} s", LIMIT.as_secs()),
            };
            Err(format!("{} printed no PDF ({how}; it said: {last})", browser.display()).into())
        }
    }
}

/// Why no PDF came back.
#[derive(Debug)]
pub enum PrintError {
    /// A stop signal (Ctrl-C) arrived: the browser was stopped.
    Interrupted,
    /// What went wrong, to say.
    Failed(String),
}

impl From<String> for PrintError {
    fn from(why: String) -> Self {
        PrintError::Failed(why)
    }
}

#[cfg(unix)]
fn stop_group(child: &mut std::process::Child) {
    if let Some(pid) = rustix::process::Pid::from_raw(child.id() as i32) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(not(unix))]
fn stop_group(child: &mut std::process::Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if text.starts_with('/') { "file://" } else { "file:///" });
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => url.push(byte as char),
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(unix)]
fn running_as_root() -> bool {
    rustix::process::geteuid().is_root()
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}

/// A private temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Self> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let nanos =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
            let dir = base.join(format!("backpain-sheet-{}-{nanos}-{attempt}", std::process::id()));
            // Only the person's own user may read it (Unix); elsewhere the temp dir is theirs.
            #[cfg(unix)]
            let builder = {
                let mut builder = std::fs::DirBuilder::new();
                std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
                builder
            };
            #[cfg(not(unix))]
            let builder = std::fs::DirBuilder::new();
            match builder.create(&dir) {
                Ok(()) => return Ok(Scratch(dir)),
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(err),
            }
        }
        Err(std::io::Error::other("no free name"))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_url_escapes_what_a_url_cannot_hold() {
        assert_eq!(file_url(Path::new("/tmp/a b/sheet.html")), "file:///tmp/a%20b/sheet.html");
        assert_eq!(file_url(Path::new("/tmp/100%/s.html")), "file:///tmp/100%25/s.html");
    }
}
