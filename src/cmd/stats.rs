//! `backpain stats`: the history folded into days, then the report over the last weeks.

use std::io::Write;

use chrono::{DateTime, TimeZone};

use crate::cli::StatsArgs;
use crate::config::Config;
use crate::history::stats::{Aggregates, Counted};
use crate::report::StatsReport;

impl super::Run for StatsArgs {
    fn run(&self, cx: &super::Context<'_, '_>) -> anyhow::Result<()> {
        let report = run(self, cx.config()?, &cx.now(), &mut **cx.stderr())?;
        cx.report(&report, self.json)
    }
}

/// The report at `now` in `now`'s time zone; unreadable lines are reported on `err` and left out.
pub fn run<Tz: TimeZone>(
    args: &StatsArgs,
    config: &Config,
    now: &DateTime<Tz>,
    err: &mut dyn Write,
) -> anyhow::Result<StatsReport> {
    let store = super::store(&args.data, config)?;
    // The advice's red flags say when to get help in the words for the config's region.
    let wording = config.profile.profile().wording();
    let mut aggregates =
        Aggregates::new(now.timezone(), args.location.map(|location| location.id.to_string())).with_wording(wording);
    let summary = store.read(
        None,
        |entry: &Counted, _| {
            aggregates.add(entry);
            Ok(())
        },
        |problem| {
            let _ = writeln!(err, "backpain: {problem}");
        },
    )?;
    Ok(aggregates.report(now, args.weeks, summary.problems))
}
