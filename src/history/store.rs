//! The history's files: `<data dir>/history/YYYY-MM.jsonl`, one JSON line per entry.
//!
//! Appending takes an advisory lock (flock) on the month file, writes the whole line with one
//! `write`, and fsyncs before letting go, so concurrent writers (a reminder loop, a session and
//! two `log` commands) never interleave or lose a line. A file is never rewritten: a torn last
//! line stays where it is, reported and skipped by readers, and the next append starts on a new
//! line after it.
//!
//! Reading streams one month at a time. Copies of a month synced from another machine (a
//! Syncthing conflict copy `2026-12.sync-conflict-….jsonl`, say) are read with it, and entries
//! merge by `id`.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{Entry, Fields, Kind};

/// The history directory of a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
}

/// Why an append failed; the message names the file.
#[derive(Debug, thiserror::Error)]
// The io error is part of the message, not a `source`: `{err:#}` would say it twice.
#[error("cannot write to {}: {error}", path.display())]
pub struct AppendError {
    pub path: PathBuf,
    pub error: io::Error,
}

/// A line that was skipped, and why: shown as `file:line: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            // The whole file (line 0): it could not be read at all.
            0 => write!(f, "{}: {}", self.path.display(), self.message),
            line => write!(f, "{}:{line}: {}", self.path.display(), self.message),
        }
    }
}

/// The most one month file is read: a month of heavy use is well under a megabyte, so this is
/// room for decades in one file, and a mistaken link to `/dev/zero` or a disk image stops here.
pub const MAX_MONTH_BYTES: u64 = 64 << 20;

/// What a read found besides the entries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReadSummary {
    pub entries: usize,
    /// Entries seen before under the same id (a synced copy), counted once.
    pub duplicates: usize,
    pub problems: usize,
}

impl Store {
    /// The history under a data directory: `<data_dir>/history`.
    pub fn in_data_dir(data_dir: &Path) -> Store {
        Store { dir: data_dir.join("history") }
    }

    /// The platform's data directory for backpain (`$XDG_DATA_HOME/backpain` on Linux).
    pub fn default_data_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "backpain").map(|dirs| dirs.data_dir().to_path_buf())
    }

    /// The file an entry goes into.
    pub fn file_for(&self, entry: &Entry) -> PathBuf {
        let month = entry.month().unwrap_or_else(|| "undated".into());
        self.dir.join(format!("{month}.jsonl"))
    }

    /// Appends `entry` as one line and returns the file it went into.
    pub fn append(&self, entry: &Entry) -> Result<PathBuf, AppendError> {
        let path = self.file_for(entry);
        let failed = |error| AppendError { path: path.clone(), error };
        private_dir(&self.dir).map_err(failed)?;
        let created = !path.exists();
        let file = private_append(&path).map_err(failed)?;
        // An advisory lock (flock on Unix, LockFileEx on Windows) for the whole append.
        file.lock().map_err(failed)?;
        let mut line = Vec::with_capacity(512);
        if ends_torn(&file).map_err(failed)? {
            // A torn line left by a writer that died: start on a fresh line, so that this one
            // is whole; the torn one stays as it is, for readers to report.
            line.push(b'\n');
        }
        serde_json::to_writer(&mut line, entry).map_err(|err| failed(io::Error::other(err)))?;
        line.push(b'\n');
        // One write, so that the line is whole or absent. A write that fails part-way (a full
        // disk, a file size limit) is cut back to where the file ended, under the same lock, so
        // no partial line is left for readers to trip on.
        let before = file.metadata().map_err(failed)?.len();
        let written = (&file).write(&line);
        if !matches!(written, Ok(count) if count == line.len()) {
            let _ = file.set_len(before);
            return Err(failed(match written {
                Err(err) => err,
                Ok(_) => {
                    io::Error::other("the write was cut short (a full disk or a file size limit); nothing was recorded")
                }
            }));
        }
        file.sync_data().map_err(failed)?;
        if created {
            // A new file's name must survive a crash as well as its contents.
            File::open(&self.dir).and_then(|dir| dir.sync_all()).map_err(failed)?;
        }
        Ok(path)
    }

    /// The month files, grouped by month (a month's synced copies with it), oldest first.
    pub fn months(&self) -> io::Result<Vec<(String, Vec<PathBuf>)>> {
        let listing = match std::fs::read_dir(&self.dir) {
            Ok(listing) => listing,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(err),
        };
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for item in listing {
            let path = item?.path();
            let Some(name) = path.file_name().and_then(|name| name.to_str()) else { continue };
            if let Some(month) = month_of(name) {
                files.push((month.to_string(), path));
            }
        }
        files.sort();
        let mut months: Vec<(String, Vec<PathBuf>)> = Vec::new();
        for (month, path) in files {
            match months.last_mut() {
                Some((last, paths)) if *last == month => paths.push(path),
                _ => months.push((month, vec![path])),
            }
        }
        Ok(months)
    }

    /// Streams every entry from month `from` (YYYY-MM) on, each month in time order, each id
    /// once, to `visit` with its line as written; skipped lines go to `problem`. `T` says how
    /// much of each line is read: all of it (`Entry`), or just enough to list it (`Listed`).
    ///
    /// A month is held as its text in one buffer and a small record per line, and `T` is
    /// parsed only as each line is visited, so memory is about the largest month's size
    /// however many months there are (a million entries over five years: a few MiB).
    pub fn read<T: Line>(
        &self,
        from: Option<&str>,
        mut visit: impl FnMut(&T, &str) -> io::Result<()>,
        mut problem: impl FnMut(Problem),
    ) -> io::Result<ReadSummary> {
        let mut summary = ReadSummary::default();
        let mut month = Month::default();
        let mut problem = |found| {
            summary.problems += 1;
            problem(found)
        };
        for (name, paths) in self.months()? {
            if from.is_some_and(|from| name.as_str() < from) {
                continue;
            }
            // An entry goes to the file of its own month, and a synced copy keeps the month in
            // its name, so the same id can only be met within one month: the ids seen are kept
            // a month at a time, and memory stays flat however long the history grows.
            month.clear();
            for (file, path) in paths.iter().enumerate() {
                read_file(path, file, &mut month, &mut problem)?;
            }
            // Appends come in time order, but `log --at` and merged copies need not.
            month.lines.sort_by_key(|read| read.at);
            for read in &month.lines {
                let text = &month.text[read.start..read.end];
                let entry = match T::parse(text) {
                    Ok((_, entry)) => entry,
                    // Only what this reader reads beyond the fields every reader checks.
                    Err(err) => {
                        problem(Problem {
                            path: paths[read.file].clone(),
                            line: read.number,
                            message: format!("{}; skipped", err.describe()),
                        });
                        continue;
                    }
                };
                match month.seen.insert(entry.id(), read.digest, read.file) {
                    Met::First => {}
                    Met::Again => {
                        summary.duplicates += 1;
                        continue;
                    }
                    // Two copies disagree about one entry (edited on one machine): neither is
                    // dropped, and the conflict is said once, with both files.
                    Met::Differs { first } => problem(Problem {
                        path: paths[read.file].clone(),
                        line: 0,
                        message: format!(
                            "entry {} differs from the one in {}; both are kept",
                            crate::term::text::printable(entry.id()),
                            paths[first].display()
                        ),
                    }),
                    Met::DiffersAgain => {}
                }
                summary.entries += 1;
                visit(&entry, text)?;
            }
        }
        Ok(summary)
    }
}

/// Why a month file could not be opened, in the words a person fixing the folder needs: what
/// the name really is (a socket, a link to nothing, a loop of links) before the OS error.
fn unopened(path: &Path, err: &io::Error) -> String {
    if crate::platform::fsutil::is_symlink_loop(err) {
        return "is a loop of symbolic links; skipped".into();
    }
    match (std::fs::symlink_metadata(path), std::fs::metadata(path)) {
        (Ok(link), Err(_)) if link.file_type().is_symlink() => match std::fs::read_link(path) {
            Ok(target) => format!(
                "is a link to {}, which does not exist; skipped",
                crate::term::text::printable(&target.display().to_string())
            ),
            Err(_) => "is a link to nothing; skipped".into(),
        },
        (_, Ok(metadata)) => match crate::platform::fsutil::special_file(&metadata.file_type()) {
            Some(kind) => format!("is {kind}, not a history file; skipped"),
            None => format!("cannot be read ({err}); skipped"),
        },
        _ => format!("cannot be read ({err}); skipped"),
    }
}

/// One month as read: the text of its lines in one buffer, a record per line and the ids met.
/// Cleared between months, keeping its capacity, so the largest month sets the memory.
#[derive(Default)]
struct Month {
    text: String,
    lines: Vec<MonthLine>,
    seen: Seen,
}

impl Month {
    fn clear(&mut self) {
        self.text.clear();
        self.lines.clear();
        self.seen.uuids.clear();
        self.seen.others.clear();
    }
}

/// A line of a month: its time, where its text is in the month's buffer, where it came from
/// (file and line number) and a digest of its text (to tell a synced copy from a conflict).
struct MonthLine {
    at: i64,
    start: usize,
    end: usize,
    file: usize,
    number: usize,
    digest: u64,
}

/// How much of a line a reader keeps.
pub trait Line: Sized {
    /// The line's time and value, or why it cannot be used.
    fn parse(text: &str) -> Result<(DateTime<FixedOffset>, Self), LineError>;
    fn id(&self) -> &str;
}

/// Why a line was skipped.
pub enum LineError {
    /// Not JSON, or not an object of the right shape.
    Json(serde_json::Error),
    /// A field every reader needs is missing or wrong.
    Invalid(String),
}

impl LineError {
    /// What is wrong with the line, for a `file:line: …; skipped` report.
    fn describe(&self) -> String {
        match self {
            LineError::Json(err) => format!("not a history entry ({err})"),
            LineError::Invalid(message) => message.clone(),
        }
    }
}

impl Line for Entry {
    fn parse(text: &str) -> Result<(DateTime<FixedOffset>, Self), LineError> {
        let entry: Entry = serde_json::from_str(text).map_err(LineError::Json)?;
        let fields = Fields {
            v: entry.v,
            id: &entry.id,
            at: &entry.at,
            kind: entry.kind,
            rating: entry.rating,
            has_action: entry.action.is_some(),
            scores: &super::scores(entry.peg.as_ref(), &entry.activities),
        };
        let at = fields.check().map_err(LineError::Invalid)?;
        Ok((at, entry))
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// Just enough of an entry to filter and list it as written: `history --json` reads no more,
/// which is most of what makes it fast.
pub struct Listed {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub location: Option<String>,
}

/// The fields `Listed` reads, borrowed from the line where JSON escapes allow.
#[derive(Deserialize)]
struct Head<'a> {
    v: u32,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    at: Cow<'a, str>,
    kind: Kind,
    #[serde(default, borrow)]
    location: Option<Cow<'a, str>>,
    #[serde(default)]
    rating: Option<u8>,
    #[serde(default, borrow)]
    action: Option<Cow<'a, str>>,
    #[serde(default)]
    peg: Option<super::Peg>,
    #[serde(default)]
    activities: Vec<super::Activity>,
}

impl Listed {
    /// The line's time, once the fields every reader needs are checked.
    fn check(text: &str) -> Result<DateTime<FixedOffset>, LineError> {
        Head::read(text).map(|(at, _)| at)
    }
}

impl<'a> Head<'a> {
    fn read(text: &'a str) -> Result<(DateTime<FixedOffset>, Head<'a>), LineError> {
        let head: Head = serde_json::from_str(text).map_err(LineError::Json)?;
        let fields = Fields {
            v: head.v,
            id: &head.id,
            at: &head.at,
            kind: head.kind,
            rating: head.rating,
            has_action: head.action.is_some(),
            scores: &super::scores(head.peg.as_ref(), &head.activities),
        };
        let at = fields.check().map_err(LineError::Invalid)?;
        Ok((at, head))
    }
}

impl Line for Listed {
    fn parse(text: &str) -> Result<(DateTime<FixedOffset>, Self), LineError> {
        let (at, head) = Head::read(text)?;
        Ok((at, Listed { id: head.id.into_owned(), at, location: head.location.map(Cow::into_owned) }))
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// `2026-12` from `2026-12.jsonl` or from a copy a sync tool made of it: the month, then a
/// separator (`.` `_` `-` ` ` `(`) and anything, ending `.jsonl`. That covers Syncthing
/// (`2026-12.sync-conflict-20261201-101010-ABCDEF.jsonl`), Dropbox (`2026-12 (Ann's conflicted
/// copy 2026-12-03).jsonl`), Nextcloud (`2026-12 (conflicted copy 2026-12-03 101010).jsonl`),
/// ownCloud (`2026-12_conflict-20261203-101010.jsonl`), OneDrive (`2026-12-LAPTOP.jsonl`),
/// Google Drive (`2026-12(1).jsonl`), Seafile (`2026-12 (SFConflict ann@example.com
/// 2026-12-03-10-10-10).jsonl`), iCloud (`2026-12 2.jsonl`) and Resilio (`2026-12.Conflict.jsonl`).
fn month_of(name: &str) -> Option<&str> {
    let month = name.get(..7)?;
    let bytes = month.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let rest = &name[7..];
    (digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && (rest == ".jsonl" || rest.starts_with(['.', '_', '-', ' ', '(']))
        && rest.ends_with(".jsonl"))
    .then_some(month)
}

/// Whether the file's last byte is not a newline: a line was cut short.
fn ends_torn(mut file: &File) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut last = [0u8];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// The history's directory, created private (0700) where the platform has modes.
#[cfg(unix)]
fn private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// A month file opened to append, created readable by its owner only (0600) on Unix.
#[cfg(unix)]
fn private_append(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new().append(true).read(true).create(true).mode(0o600).open(path)
}

#[cfg(not(unix))]
fn private_append(path: &Path) -> io::Result<File> {
    OpenOptions::new().append(true).read(true).create(true).open(path)
}

/// Adds the lines of one of a month's files to `month`, each checked for the fields every
/// reader needs (`Listed`, which borrows them) and kept as text.
fn read_file(path: &Path, file_index: usize, month: &mut Month, problem: &mut dyn FnMut(Problem)) -> io::Result<()> {
    // A file that looks like a month but cannot be read as one (a directory, a FIFO, a device,
    // a file that cannot be opened, one far too large) is named once and skipped: one bad file
    // in a synced folder must not stop, hang or swamp every reader.
    let mut skip = |message: String| problem(Problem { path: path.to_path_buf(), line: 0, message });
    let file = match crate::platform::fsutil::open_without_blocking(path) {
        Ok(file) => file,
        Err(err) => {
            skip(unopened(path, &err));
            return Ok(());
        }
    };
    let kind = match file.metadata() {
        Ok(metadata) if metadata.is_file() && metadata.len() > MAX_MONTH_BYTES => {
            skip(format!("is larger than {} MiB, more than years of entries; skipped", MAX_MONTH_BYTES >> 20));
            return Ok(());
        }
        Ok(metadata) if metadata.is_file() => {
            // Room for the whole file at once: the buffer is not doubled past what it needs.
            month.text.reserve(usize::try_from(metadata.len()).unwrap_or(0));
            None
        }
        Ok(metadata) if metadata.is_dir() => Some("a directory"),
        Ok(metadata) => {
            Some(crate::platform::fsutil::special_file(&metadata.file_type()).unwrap_or("not a regular file"))
        }
        Err(err) => {
            skip(format!("cannot be read ({err}); skipped"));
            return Ok(());
        }
    };
    if let Some(kind) = kind {
        skip(format!("is {kind}, not a history file; skipped"));
        return Ok(());
    }
    // A file that grows while it is read stops at the limit too.
    let mut reader = BufReader::with_capacity(64 * 1024, file.take(MAX_MONTH_BYTES));
    let mut bytes = Vec::with_capacity(512);
    let mut number = 0;
    // The first few bad lines are named each; the rest of a file of garbage is one count.
    let mut bad = 0;
    loop {
        bytes.clear();
        if reader.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        number += 1;
        let complete = bytes.last() == Some(&b'\n');
        let mut report = |message: String| {
            bad += 1;
            if bad <= NAMED_BAD_LINES {
                problem(Problem { path: path.to_path_buf(), line: number, message });
            }
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            report("not UTF-8 text; skipped".into());
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match Listed::check(text) {
            Ok(at) => {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                std::hash::Hash::hash(text, &mut hasher);
                let start = month.text.len();
                month.text.push_str(text);
                month.lines.push(MonthLine {
                    at: at.timestamp(),
                    start,
                    end: month.text.len(),
                    file: file_index,
                    number,
                    digest: std::hash::Hasher::finish(&hasher),
                });
            }
            Err(LineError::Json(_)) if !complete => {
                report("the last line is cut short (a write that did not finish); skipped".into())
            }
            Err(err) => report(format!("{}; skipped", err.describe())),
        }
    }
    if bad > NAMED_BAD_LINES {
        let more = bad - NAMED_BAD_LINES;
        let plural = if more == 1 { "" } else { "s" };
        problem(Problem {
            path: path.to_path_buf(),
            line: 0,
            message: format!("{more} more line{plural} that cannot be read; skipped"),
        });
    }
    Ok(())
}

/// How many bad lines of one file are named one by one before the rest are counted.
const NAMED_BAD_LINES: usize = 3;

/// What meeting an id says about it.
#[derive(Debug, PartialEq, Eq)]
enum Met {
    First,
    /// The same entry again (a synced copy): counted once.
    Again,
    /// Another line under an id met before in file `first`: the first time this is seen.
    Differs {
        first: usize,
    },
    /// A conflict already reported.
    DiffersAgain,
}

/// The ids met this month, with the digest of the line each came with and its file: UUIDs as
/// 128-bit numbers, any other id (a hand-written one) by its text.
#[derive(Default)]
struct Seen {
    uuids: HashMap<u128, Sighting>,
    others: HashMap<String, Sighting>,
}

/// How an id was first met: its line's digest and file (`None` until then), and whether a
/// conflict under it was reported.
struct Sighting {
    digest: u64,
    file: Option<usize>,
    reported: bool,
}

impl Seen {
    fn insert(&mut self, id: &str, digest: u64, file: usize) -> Met {
        let fresh = || Sighting { digest, file: None, reported: false };
        let seen = match uuid::Uuid::try_parse(id) {
            Ok(uuid) => self.uuids.entry(uuid.as_u128()).or_insert_with(fresh),
            Err(_) => self.others.entry(id.to_string()).or_insert_with(fresh),
        };
        Self::met(seen, digest, file)
    }

    fn met(seen: &mut Sighting, digest: u64, file: usize) -> Met {
        match seen.file {
            None => {
                seen.file = Some(file);
                Met::First
            }
            Some(_) if seen.digest == digest => Met::Again,
            Some(_) if seen.reported => Met::DiffersAgain,
            Some(first) => {
                seen.reported = true;
                Met::Differs { first }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn at(text: &str) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn read_all(store: &Store) -> (Vec<Entry>, Vec<String>) {
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        store
            .read(
                None,
                |entry: &Entry, _| {
                    entries.push(entry.clone());
                    Ok(())
                },
                |problem| problems.push(problem.to_string()),
            )
            .unwrap();
        (entries, problems)
    }

    #[test]
    fn month_files_and_their_synced_copies_are_recognised() {
        assert_eq!(month_of("2026-12.jsonl"), Some("2026-12"));
        for copy in [
            "2026-12.sync-conflict-20261201-101010-ABCDEF.jsonl",
            "2026-12 (Ann's conflicted copy 2026-12-03).jsonl",
            "2026-12 (Ann's conflicted copy).jsonl",
            "2026-12 (conflicted copy 2026-12-03 101010).jsonl",
            "2026-12_conflict-20261203-101010.jsonl",
            "2026-12-LAPTOP.jsonl",
            "2026-12(1).jsonl",
            "2026-12 (1).jsonl",
            "2026-12 (SFConflict ann@example.com 2026-12-03-10-10-10).jsonl",
            "2026-12 2.jsonl",
            "2026-12.Conflict.jsonl",
        ] {
            assert_eq!(month_of(copy), Some("2026-12"), "{copy}");
        }
        assert_eq!(month_of("2026-123.jsonl"), None);
        assert_eq!(month_of("2026-12.jsonl.tmp"), None);
        assert_eq!(month_of("notes.jsonl"), None);
        assert_eq!(month_of(".lock"), None);
    }

    #[test]
    fn entries_go_to_the_file_of_their_month_and_the_files_are_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_data_dir(dir.path());
        let path = store.append(&Entry::new(Kind::Break, at("2026-11-30T23:59:00+01:00"))).unwrap();
        assert_eq!(path, dir.path().join("history/2026-11.jsonl"));
        store.append(&Entry::new(Kind::Break, at("2026-12-01T00:00:00+01:00"))).unwrap();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&store.dir).unwrap().permissions().mode() & 0o777, 0o700);
        let months: Vec<String> = store.months().unwrap().into_iter().map(|(month, _)| month).collect();
        assert_eq!(months, ["2026-11", "2026-12"]);
    }

    #[test]
    fn a_torn_last_line_and_garbage_are_reported_skipped_and_left_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_data_dir(dir.path());
        let first = Entry::new(Kind::Break, at("2026-12-01T09:00:00Z"));
        let path = store.append(&first).unwrap();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("this is not json\n");
        text.push_str(r#"{"v":1,"id":"half","at":"2026-12-01T10:00:00Z","ki"#);
        std::fs::write(&path, &text).unwrap();
        // The next append starts on a line of its own, after the torn one.
        let second = Entry::new(Kind::Break, at("2026-12-01T11:00:00Z"));
        store.append(&second).unwrap();
        let (entries, problems) = read_all(&store);
        assert_eq!(entries, [first, second]);
        let file = path.display();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with(&format!("{file}:2: not a history entry (")), "{problems:?}");
        assert!(problems[1].starts_with(&format!("{file}:3: not a history entry (")), "{problems:?}");
        assert!(std::fs::read_to_string(&path).unwrap().starts_with(&text), "never rewritten");
        // Torn at the very end (no append after it): named as cut short.
        std::fs::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"{\"v\":1,").unwrap();
        let (_, problems) = read_all(&store);
        assert_eq!(problems[2], format!("{file}:5: the last line is cut short (a write that did not finish); skipped"));
    }

    #[test]
    fn a_synced_copy_merges_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_data_dir(dir.path());
        let shared = Entry::new(Kind::Break, at("2026-12-01T09:00:00Z"));
        let path = store.append(&shared).unwrap();
        let copy = store.dir.join("2026-12.sync-conflict-20261202-080000-ABC.jsonl");
        std::fs::copy(&path, &copy).unwrap();
        let other = Entry::new(Kind::Break, at("2026-12-01T08:00:00Z"));
        let mut line = serde_json::to_vec(&other).unwrap();
        line.push(b'\n');
        std::fs::OpenOptions::new().append(true).open(&copy).unwrap().write_all(&line).unwrap();
        let mut entries = Vec::new();
        let summary = store
            .read(
                None,
                |entry: &Entry, _| {
                    entries.push(entry.clone());
                    Ok(())
                },
                |_| {},
            )
            .unwrap();
        assert_eq!(entries, [other, shared], "in time order, the shared one once");
        assert_eq!((summary.entries, summary.duplicates), (2, 1));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_sequence_of_appends_reads_back_exactly(
            items in proptest::collection::vec((0i64..200_000, 0u8..=10, proptest::option::of("\\PC{0,40}")), 0..30)
        ) {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::in_data_dir(dir.path());
            let start = at("2026-10-15T12:00:00+02:00");
            let mut written = Vec::new();
            for (minutes, rating, note) in items {
                let mut entry = Entry::new(Kind::Pain, start + Duration::minutes(minutes));
                entry.rating = Some(rating);
                entry.location = Some("neck".into());
                entry.note = note;
                store.append(&entry).unwrap();
                written.push(entry);
            }
            let (read, problems) = read_all(&store);
            prop_assert!(problems.is_empty(), "{:?}", problems);
            // Read back in time order; appends at the same second keep their order.
            written.sort_by_key(|entry| entry.time().unwrap().timestamp());
            prop_assert_eq!(read, written);
        }
    }
}
