//! `backpain history`: the entries, oldest first, streamed month by month to a renderer so
//! years of history never sit in memory at once.

use std::io::Write;

use chrono::{DateTime, Duration, TimeZone};

use crate::cli::HistoryArgs;
use crate::config::Config;
use crate::error::UsageError;
use crate::exit::Exit;
use crate::history::when;
use crate::render::history::{Csv, JsonLines, Sink, Table};

pub fn run<Tz: TimeZone>(
    args: &HistoryArgs,
    config: &Config,
    now: &DateTime<Tz>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let store = super::store(&args.data, config)?;
    if args.path {
        writeln!(out, "{}", store.dir.display())?;
        out.flush()?;
        return Ok(Exit::Success);
    }
    let since = match &args.since {
        Some(text) => Some(when::since(text, now).map_err(|err| UsageError::Invalid(format!("--since: {err}")))?),
        None => None,
    };
    // Files are named by each entry's own local month: start a month early, then filter by time.
    let from = since.map(|since| (since - Duration::days(1)).format("%Y-%m").to_string());
    let location = args.location.map(|location| location.id);
    let mut sink: Box<dyn Sink + '_> = if args.json {
        Box::new(JsonLines { out })
    } else if args.csv {
        Box::new(Csv { out })
    } else {
        Box::new(Table { out, shown: 0, dir: store.dir.display().to_string() })
    };
    sink.begin()?;
    store.read(
        from.as_deref(),
        |entry, line| {
            if since.is_some_and(|since| entry.time().is_some_and(|at| at < since)) {
                return Ok(());
            }
            if location.is_some_and(|location| entry.location.as_deref() != Some(location)) {
                return Ok(());
            }
            sink.entry(entry, line)
        },
        // Said once per run, on stderr, and never stops the listing.
        |problem| {
            let _ = writeln!(err, "backpain: {problem}");
        },
    )?;
    sink.end()?;
    Ok(Exit::Success)
}
