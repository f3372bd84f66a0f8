//! `backpain history`: the entries, oldest first, streamed month by month to a renderer so
//! years of history never sit in memory at once.

use std::io::{BufWriter, Write};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};

use crate::cli::HistoryArgs;
use crate::config::Config;
use crate::error::UsageError;
use crate::history::store::{Listed, Store};
use crate::history::Entry;
use crate::render::history::{Csv, Sink, Table};

impl super::Run for HistoryArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        run(self, cx.config()?, &cx.now(), cx)
    }
}

fn run<Tz: TimeZone>(
    args: &HistoryArgs,
    config: &Config,
    now: &DateTime<Tz>,
    cx: &super::Context<'_, '_>,
) -> anyhow::Result<()> {
    let store = super::store(&args.data, config)?;
    if args.path {
        return cx.print(format!("{}\n", store.dir.display()).as_bytes());
    }
    let since = match &args.since {
        Some(text) => {
            Some(crate::time::since(text, now).map_err(|err| UsageError::Invalid(format!("--since: {err}")))?)
        }
        None => None,
    };
    // Files are named by each entry's own local month: start a month early, then filter by time.
    // A day's margin for an entry in another time zone; `since` is within 1970-9999 (time.rs).
    let from =
        since.map(|since| since.checked_sub_signed(Duration::days(1)).unwrap_or(since).format("%Y-%m").to_string());
    let location = args.location.map(|location| location.id);
    let keep = |at: &DateTime<FixedOffset>, place: Option<&str>| {
        since.is_none_or(|since| *at >= since) && location.is_none_or(|location| place == Some(location))
    };
    let failed = std::cell::Cell::new(false);
    let listing = |out: &mut dyn Write| {
        let mut watched = Watched { out, failed: &failed };
        list(args, &store, from.as_deref(), keep, &mut watched, &mut **cx.stderr())
    };
    // What a program reads is never paged; the table a person reads is, as every other report.
    let listed = if args.json || args.csv { listing(&mut **cx.stdout()) } else { cx.stream(listing) };
    match listed {
        Ok(()) => Ok(()),
        // SIGTERM or SIGHUP while paging: the pager is ended, and so is backpain, with 130.
        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => Err(crate::error::Interrupted(None).into()),
        // A write that failed is stdout's (or the pager's) problem; anything else is the folder's.
        Err(err) if failed.get() => Err(anyhow::Error::new(err).context("cannot write to stdout")),
        Err(err) => Err(anyhow::Error::new(err).context(format!("cannot read {}", store.dir.display()))),
    }
}

/// Standard output, remembering whether a write to it failed.
struct Watched<'a> {
    out: &'a mut dyn Write,
    failed: &'a std::cell::Cell<bool>,
}

impl Write for Watched<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(buf);
        if written.is_err() {
            self.failed.set(true);
        }
        written
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.out.flush();
        if flushed.is_err() {
            self.failed.set(true);
        }
        flushed
    }
}

/// The entries from month `from` on that `keep` keeps, in the format asked for.
fn list(
    args: &HistoryArgs,
    store: &Store,
    from: Option<&str>,
    keep: impl Fn(&DateTime<FixedOffset>, Option<&str>) -> bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    // A line per entry: buffered, so that years of history are a few writes, not one per line.
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    // Said once per run, on stderr; it never stops the listing.
    let problem = |problem| {
        let _ = writeln!(err, "backpain: {problem}");
    };
    if args.json {
        // The lines as stored: only what filtering needs is parsed.
        store.read(
            from,
            |entry: &Listed, line| {
                if keep(&entry.at, entry.location.as_deref()) {
                    out.write_all(line.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            },
            problem,
        )?;
        out.flush()?;
        return Ok(());
    }
    let mut sink: Box<dyn Sink + '_> = if args.csv {
        Box::new(Csv { out: &mut out })
    } else {
        Box::new(Table { out: &mut out, shown: 0, dir: store.dir.display().to_string() })
    };
    sink.begin()?;
    store.read(
        from,
        |entry: &Entry, line| match entry.time() {
            Some(at) if keep(&at, entry.location.as_deref()) => sink.entry(entry, line),
            _ => Ok(()),
        },
        problem,
    )?;
    sink.end()?;
    drop(sink);
    out.flush()?;
    Ok(())
}
