//! The real `Presence`: which sources this desktop has, asked with deadlines so that a hung bus
//! or display never holds the caller up.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use super::parts::Parts;
use super::source::{combine, within, NotificationServer, Source, CONNECT_LIMIT, READ_LIMIT, SNAPSHOT_LIMIT};
use super::{Presence, Probe, Signal, Snapshot};

/// This desktop's presence sources, found once by `connect`.
pub struct Desktop {
    parts: Parts,
    /// The sources that answered when last asked: the only ones `snapshot` reads.
    answered: Vec<Source>,
    /// A `snapshot` thread that has not come back yet: no second one is started beside it.
    reading: Arc<AtomicBool>,
}

impl Desktop {
    /// Finds which sources answer. Never fails and never takes much longer than
    /// `CONNECT_LIMIT`: a bus or display that does not answer in time is left out.
    pub fn connect() -> Desktop {
        let parts = Parts::connect(Instant::now() + CONNECT_LIMIT);
        let answered = parts.answered.clone();
        Desktop { parts, answered, reading: Arc::new(AtomicBool::new(false)) }
    }

    /// A desktop with no sources: what macOS and Windows have, and tests want.
    pub fn none() -> Desktop {
        Desktop { parts: Parts::none(), answered: Vec::new(), reading: Arc::new(AtomicBool::new(false)) }
    }

    /// The sources that answered, in the order they are tried.
    pub fn sources(&self) -> &[Source] {
        &self.answered
    }

    /// The session bus address used, when there is one.
    pub fn session_bus(&self) -> Option<&str> {
        self.parts.session_address.as_deref()
    }

    /// Every source asked now, with its answer or why it has none (for `backpain doctor`).
    /// The sources that answer become the ones `snapshot` reads.
    pub fn probe_all(&mut self) -> Vec<Probe> {
        let parts = self.parts.clone();
        let readings = within(READ_LIMIT, move || parts.read_all(&Source::ORDER)).unwrap_or_default();
        let probes: Vec<Probe> = Source::ORDER
            .iter()
            .map(|&source| {
                let answer = readings
                    .iter()
                    .find(|(read, _)| *read == source)
                    .map(|(_, reading)| reading.clone().map(|reading| reading.to_string()))
                    .unwrap_or_else(|| Err(format!("did not answer within {} s", READ_LIMIT.as_secs())));
                Probe { source: source.id(), describe: source.describe().to_string(), signal: source.signal(), answer }
            })
            .collect();
        self.answered = readings.iter().filter(|(_, reading)| reading.is_ok()).map(|(source, _)| *source).collect();
        probes
    }

    /// The notification server's name, version and capabilities, or why there is none.
    pub fn notification_server(&self) -> Result<NotificationServer, String> {
        let parts = self.parts.clone();
        within(READ_LIMIT * 2, move || parts.notification_server()).unwrap_or_else(|| {
            Err(format!("the notification server did not answer within {} s", (READ_LIMIT * 2).as_secs()))
        })
    }
}

impl Presence for Desktop {
    fn available(&self) -> bool {
        !self.answered.is_empty()
    }

    fn rediscover(&mut self) -> bool {
        if self.answered.is_empty() {
            let fresh = Desktop::connect();
            if !fresh.answered.is_empty() {
                *self = fresh;
            }
        }
        !self.answered.is_empty()
    }

    fn sources(&self) -> Vec<(Signal, &'static str)> {
        Signal::ALL
            .into_iter()
            .filter_map(|signal| {
                self.answered.iter().find(|source| source.signal() == signal).map(|source| (signal, source.id()))
            })
            .collect()
    }

    fn snapshot(&mut self) -> Snapshot {
        if self.answered.is_empty() || self.reading.swap(true, Ordering::SeqCst) {
            return Snapshot::default();
        }
        let parts = self.parts.clone();
        let sources = self.answered.clone();
        let reading = self.reading.clone();
        let readings = within(SNAPSHOT_LIMIT, move || {
            let readings = parts.read_all(&sources);
            reading.store(false, Ordering::SeqCst);
            readings
        });
        readings.map(|readings| combine(&readings)).unwrap_or_default()
    }
}
