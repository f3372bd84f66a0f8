//! The figures of `backpain stats`, from a stream of entries: per-day aggregates (a few
//! thousand days at most, however many entries), then weeks, streaks, the heatmap and pain.
//! Pure: "now" and the time zone come in as arguments, so tests pin both.

use std::collections::{BTreeMap, BTreeSet};

use std::borrow::Cow;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone};
use serde::de::IgnoredAny;
use serde::Deserialize;

use super::measures::{self, CheckIn};
use super::store::{Line, LineError};
use super::{Activity, Answer, Delivered, Entry, Fields, Kind, Peg};
use crate::dataset::UrgencyWording;
use crate::report::{
    Advice, AfterSnooze, BreakStats, CheckInStatus, HeatWeek, MeasureView, PainGroup, PainTrend, PainVsBreaks,
    SessionStats, StatsReport, Streak, WeekStats,
};

/// How many weeks with pain entries a comparison needs.
pub const WEEKS_NEEDED: usize = 4;

/// The streak rule, as the README and the report state it.
pub const STREAK_RULE: &str = "a day counts when any routine or break was done; one day off in any 7 is allowed, \
    and today is not a miss until it is over";

#[derive(Debug, Default, Clone)]
struct Day {
    reminded: u32,
    held: u32,
    /// Breaks taken and routines done: what streaks and "taken" count.
    taken: u32,
    done_on_notification: u32,
    logged: u32,
    snoozes: u32,
    expired: u32,
    sessions: u32,
    seconds: u64,
    snoozed_shown: u32,
    after_snooze_done: u32,
    after_snooze_snoozed: u32,
    after_snooze_expired: u32,
}

/// A reminder entry that was not shown: held, skipped or retimed (`Delivered::withheld`). Only
/// "held" counts as held back (once: a held reminder that is later dropped is also "skipped");
/// "skipped" and "retimed" (a natural break moved the next one) are neither held back nor shown.
fn withheld(delivered: Option<&Delivered>) -> bool {
    delivered.is_some_and(Delivered::withheld)
}

fn held_back(delivered: Option<&Delivered>) -> bool {
    delivered == Some(&Delivered::Held)
}

/// What stats need of an entry, and no more: reading only this much of each line is what
/// keeps `stats` over years of history fast.
#[derive(Debug, Clone)]
pub struct Counted {
    pub id: String,
    pub at: DateTime<FixedOffset>,
    pub kind: Kind,
    pub location: Option<String>,
    /// A break taken or a routine done (`Entry::is_activity`).
    pub activity: bool,
    /// A reminder not shown (held, skipped or retimed).
    pub held: bool,
    /// A reminder held back ("held"): what `held_back` counts.
    pub held_back: bool,
    pub snoozed: bool,
    pub action: Option<Answer>,
    pub seconds: u64,
    pub rating: Option<u8>,
    /// check-in: the PEG answers and the rated activities.
    pub peg: Option<Peg>,
    pub activities: Vec<Activity>,
}

impl Counted {
    pub fn of(entry: &Entry, at: DateTime<FixedOffset>) -> Counted {
        Counted {
            id: entry.id.clone(),
            at,
            kind: entry.kind,
            location: entry.location.clone(),
            activity: entry.is_activity(),
            held: withheld(entry.delivered.as_ref()),
            held_back: held_back(entry.delivered.as_ref()),
            snoozed: entry.snoozed == Some(true),
            action: entry.action.clone(),
            seconds: entry.seconds.unwrap_or(0),
            rating: entry.rating,
            peg: entry.peg,
            activities: entry.activities.clone(),
        }
    }
}

/// The fields `Counted` reads, borrowed from the line where JSON escapes allow; `done` is
/// counted, not kept (a Vec of zero-sized values does not allocate).
#[derive(Deserialize)]
struct CountedLine<'a> {
    v: u32,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    at: Cow<'a, str>,
    kind: Kind,
    #[serde(default, borrow)]
    location: Option<Cow<'a, str>>,
    #[serde(default)]
    delivered: Option<Delivered>,
    #[serde(default)]
    snoozed: Option<bool>,
    #[serde(default)]
    action: Option<Answer>,
    #[serde(default)]
    done: Vec<IgnoredAny>,
    #[serde(default)]
    seconds: Option<u64>,
    #[serde(default)]
    rating: Option<u8>,
    #[serde(default)]
    peg: Option<Peg>,
    #[serde(default)]
    activities: Vec<Activity>,
}

impl Line for Counted {
    fn parse(text: &str) -> Result<(DateTime<FixedOffset>, Self), LineError> {
        let line: CountedLine = serde_json::from_str(text).map_err(LineError::Json)?;
        let fields = Fields {
            v: line.v,
            id: &line.id,
            at: &line.at,
            kind: line.kind,
            rating: line.rating,
            has_action: line.action.is_some(),
            scores: &super::scores(line.peg.as_ref(), &line.activities),
        };
        let at = fields.check().map_err(LineError::Invalid)?;
        let action = line.action;
        // The same rule as `Entry::is_activity`, on the fields read here.
        let activity = match line.kind {
            Kind::Break => true,
            Kind::Response => action == Some(Answer::Done),
            Kind::Session => !line.done.is_empty(),
            _ => false,
        };
        let counted = Counted {
            id: line.id.into_owned(),
            at,
            kind: line.kind,
            location: line.location.map(Cow::into_owned),
            activity,
            held: withheld(line.delivered.as_ref()),
            held_back: held_back(line.delivered.as_ref()),
            snoozed: line.snoozed == Some(true),
            action,
            seconds: line.seconds.unwrap_or(0),
            rating: line.rating,
            peg: line.peg,
            activities: line.activities,
        };
        Ok((at, counted))
    }

    fn id(&self) -> &str {
        &self.id
    }
}

/// Entries folded into days, for one location or all.
pub struct Aggregates<Tz: TimeZone> {
    tz: Tz,
    location: Option<String>,
    days: BTreeMap<NaiveDate, Day>,
    /// (location, Monday of the week) -> (sum of ratings, how many).
    pain: BTreeMap<(String, NaiveDate), (u32, u32)>,
    /// Every check-in read, in the order read (sorted when reported).
    check_ins: Vec<CheckIn>,
    /// How the advice's red flags say when to get help (`--region`).
    wording: &'static UrgencyWording,
}

/// The Monday of `date`'s week.
pub fn monday(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

impl<Tz: TimeZone> Aggregates<Tz> {
    pub fn new(tz: Tz, location: Option<String>) -> Self {
        let wording = &crate::dataset::dataset().meta.urgency_wording;
        Aggregates { tz, location, days: BTreeMap::new(), pain: BTreeMap::new(), check_ins: Vec::new(), wording }
    }

    /// Red flags in the words for the person's region.
    pub fn with_wording(mut self, wording: &'static UrgencyWording) -> Self {
        self.wording = wording;
        self
    }

    pub fn add_entry(&mut self, entry: &Entry) {
        if let Some(at) = entry.time() {
            self.add(&Counted::of(entry, at));
        }
    }

    pub fn add(&mut self, entry: &Counted) {
        // A check-in without a location is about the person, whatever the location asked for.
        let everywhere = entry.kind == Kind::CheckIn && entry.location.is_none();
        if !everywhere && self.location.as_ref().is_some_and(|location| entry.location.as_ref() != Some(location)) {
            return;
        }
        let date = entry.at.with_timezone(&self.tz).date_naive();
        if entry.kind == Kind::CheckIn {
            self.check_ins.push(CheckIn { at: entry.at, date, peg: entry.peg, activities: entry.activities.clone() });
            return;
        }
        let snoozed = entry.snoozed;
        if entry.kind == Kind::Pain {
            let location = entry.location.clone().unwrap_or_else(|| "unknown".into());
            let cell = self.pain.entry((location, monday(date))).or_default();
            cell.0 += u32::from(entry.rating.unwrap_or(0));
            cell.1 += 1;
            return;
        }
        let day = self.days.entry(date).or_default();
        if entry.activity {
            day.taken += 1;
        }
        match entry.kind {
            Kind::Session => {
                day.sessions += 1;
                day.seconds += entry.seconds;
            }
            Kind::Reminder if entry.held => day.held += u32::from(entry.held_back),
            Kind::Reminder => {
                day.reminded += 1;
                day.snoozed_shown += u32::from(snoozed);
            }
            Kind::Response => match &entry.action {
                Some(Answer::Done) => {
                    day.done_on_notification += 1;
                    day.after_snooze_done += u32::from(snoozed);
                }
                Some(Answer::Snooze) => {
                    day.snoozes += 1;
                    day.after_snooze_snoozed += u32::from(snoozed);
                }
                Some(Answer::Expired) => {
                    day.expired += 1;
                    day.after_snooze_expired += u32::from(snoozed);
                }
                // Opening the routine is not an answer stats count; nor is a newer version's word.
                Some(Answer::Open | Answer::Unknown(_)) | None => {}
            },
            Kind::Break => day.logged += 1,
            Kind::Pain | Kind::CheckIn | Kind::Other => {}
        }
    }

    /// The days on which something was done.
    pub fn active_days(&self) -> BTreeSet<NaiveDate> {
        self.days.iter().filter(|(_, day)| day.taken > 0).map(|(date, _)| *date).collect()
    }

    /// The report for the `weeks` weeks up to and including the one holding `now`.
    pub fn report(&self, now: &DateTime<Tz>, weeks: u32, skipped_lines: usize) -> StatsReport {
        let today = now.with_timezone(&self.tz).date_naive();
        let this_week = monday(today);
        let mondays: Vec<NaiveDate> =
            (0..i64::from(weeks.max(1))).rev().map(|back| this_week - Duration::weeks(back)).collect();
        let first = mondays[0];
        let mut total = Day::default();
        let mut per_week = Vec::with_capacity(mondays.len());
        let mut heatmap = Vec::with_capacity(mondays.len());
        for &week in &mondays {
            let mut sum = Day::default();
            let mut cells = Vec::with_capacity(7);
            for offset in 0..7 {
                let date = week + Duration::days(offset);
                let day = self.days.get(&date);
                if let Some(day) = day {
                    add_day(&mut sum, day);
                }
                cells.push((date <= today).then(|| day.map_or(0, |day| day.taken)));
            }
            add_day(&mut total, &sum);
            let pain: BTreeMap<String, f64> = self
                .pain
                .iter()
                .filter(|((_, monday), _)| *monday == week)
                .map(|((location, _), &(sum, count))| (location.clone(), average(sum, count)))
                .collect();
            per_week.push(WeekStats {
                week: week.to_string(),
                reminded: sum.reminded,
                taken: sum.taken,
                sessions: sum.sessions,
                minutes: minutes(sum.seconds),
                pain,
            });
            heatmap.push(HeatWeek { week: week.to_string(), days: cells });
        }
        let locations: BTreeSet<&String> = self
            .pain
            .keys()
            .filter(|(_, week)| *week >= first && *week <= this_week)
            .map(|(location, _)| location)
            .collect();
        let pain = locations
            .into_iter()
            .map(|location| PainTrend {
                location: location.clone(),
                weekly: mondays
                    .iter()
                    .map(|week| self.pain.get(&(location.clone(), *week)).map(|&(sum, count)| average(sum, count)))
                    .collect(),
            })
            .collect();
        let (current, best) = streaks(&self.active_days(), today);
        let (measures, check_in, advice) = self.measures(first, today);
        let answered_snoozed = total.after_snooze_done + total.after_snooze_snoozed + total.after_snooze_expired;
        StatsReport {
            today: today.to_string(),
            from: first.to_string(),
            weeks: mondays.len() as u32,
            location: self.location.clone(),
            breaks: BreakStats {
                reminded: total.reminded,
                held_back: total.held,
                taken: total.taken,
                done_on_notification: total.done_on_notification,
                logged: total.logged,
                snoozed: total.snoozes,
                expired: total.expired,
                after_snooze: AfterSnooze {
                    shown: total.snoozed_shown,
                    done: total.after_snooze_done,
                    snoozed_again: total.after_snooze_snoozed,
                    expired: total.after_snooze_expired,
                    no_answer: total.snoozed_shown.saturating_sub(answered_snoozed),
                },
            },
            sessions: SessionStats { count: total.sessions, minutes: minutes(total.seconds) },
            streak: Streak { current_days: current, best_days: best, rule: STREAK_RULE },
            per_week,
            heatmap,
            pain,
            pain_vs_breaks: self.compare(&mondays),
            skipped_lines,
            measures,
            check_in,
            advice,
        }
    }

    /// The measures from `first` (a Monday) to `today`, whether a check-in is due, and the
    /// advice the numbers call for.
    fn measures(&self, first: NaiveDate, today: NaiveDate) -> (Vec<MeasureView>, CheckInStatus, Option<Advice>) {
        let mut pain: BTreeMap<String, Vec<(NaiveDate, f64)>> = BTreeMap::new();
        for ((location, week), &(sum, count)) in &self.pain {
            if *week >= first && *week <= today {
                pain.entry(location.clone()).or_default().push((*week, average(sum, count)));
            }
        }
        let mut check_ins: Vec<&CheckIn> = self.check_ins.iter().collect();
        check_ins.sort_by_key(|check_in| check_in.at);
        let last = check_ins.iter().rfind(|check_in| check_in.date <= today).map(|check_in| check_in.date);
        let period: Vec<CheckIn> = check_ins
            .into_iter()
            .filter(|check_in| check_in.date >= first && check_in.date <= today)
            .cloned()
            .collect();
        let views = measures::measures(&pain, &period);
        let status = measures::check_in_status(last, period.first().map(|check_in| check_in.date), today);
        let advice = measures::advice(&views, &status).map(|because| {
            // The red flags of the locations the numbers are about; the general ones without any.
            let mut locations: Vec<&str> = views.iter().filter_map(|view| view.location.as_deref()).collect();
            locations.extend(self.location.as_deref());
            locations.dedup();
            Advice { because, text: measures::ADVICE, red_flags: measures::emergency_flags(&locations, self.wording) }
        });
        (views, status, advice)
    }

    /// Average pain in weeks with many breaks against weeks with few, over the weeks of
    /// `mondays` that have pain entries.
    fn compare(&self, mondays: &[NaiveDate]) -> PainVsBreaks {
        let mut weeks: Vec<(u32, f64)> = Vec::new();
        for &week in mondays {
            let (sum, count) = self
                .pain
                .iter()
                .filter(|((_, monday), _)| *monday == week)
                .fold((0, 0), |(sum, count), (_, &(s, c))| (sum + s, count + c));
            if count == 0 {
                continue;
            }
            let taken =
                (0..7).filter_map(|offset| self.days.get(&(week + Duration::days(offset)))).map(|day| day.taken).sum();
            weeks.push((taken, f64::from(sum) / f64::from(count)));
        }
        compare_weeks(&weeks)
    }
}

/// The comparison over (breaks taken, average pain) per week.
pub fn compare_weeks(weeks: &[(u32, f64)]) -> PainVsBreaks {
    let none = |status: &'static str, observation: String| PainVsBreaks {
        status,
        weeks_with_pain: weeks.len(),
        threshold: None,
        many: None,
        few: None,
        observation,
    };
    if weeks.len() < WEEKS_NEEDED {
        return none(
            "too_few_weeks",
            format!(
                "{} of the {WEEKS_NEEDED} weeks with pain entries needed to compare; log pain with `backpain log pain N --location LOC`",
                weeks.len()
            ),
        );
    }
    let mut counts: Vec<u32> = weeks.iter().map(|(taken, _)| *taken).collect();
    counts.sort_unstable();
    // Split at the median; when many weeks sit on it, put them with the few instead.
    let median = counts[counts.len() / 2];
    let threshold = if counts.iter().all(|&count| count >= median) { median + 1 } else { median };
    let group = |many: bool| {
        let chosen: Vec<f64> =
            weeks.iter().filter(|(taken, _)| (*taken >= threshold) == many).map(|(_, pain)| *pain).collect();
        (!chosen.is_empty()).then(|| PainGroup {
            weeks: chosen.len(),
            average_pain: round1(chosen.iter().sum::<f64>() / chosen.len() as f64),
        })
    };
    let (Some(many), Some(few)) = (group(true), group(false)) else {
        return none(
            "no_spread",
            "every week with pain entries had about as many breaks; nothing to compare yet".into(),
        );
    };
    let plural = |n: usize| if n == 1 { "week" } else { "weeks" };
    let observation = format!(
        "In the {} {} with {threshold} or more breaks your average pain was {:.1}; in the {} {} with fewer it was {:.1}. \
         An observation, not a cause: pain changes for many reasons, and a bad week can itself mean fewer breaks.",
        many.weeks,
        plural(many.weeks),
        many.average_pain,
        few.weeks,
        plural(few.weeks),
        few.average_pain
    );
    PainVsBreaks {
        status: "compared",
        weeks_with_pain: weeks.len(),
        threshold: Some(threshold),
        many: Some(many),
        few: Some(few),
        observation,
    }
}

/// The current and the best streak, in days, over the days something was done.
///
/// A streak runs from an active day to an active day. A missed day inside it is a rest day when
/// the streak missed no other day in the 6 days before it; a second miss ends it. Today is not
/// a miss until it is over. The length counts every calendar day from the first to the last
/// active day, rest days included.
pub fn streaks(active: &BTreeSet<NaiveDate>, today: NaiveDate) -> (u32, u32) {
    let Some(&first) = active.first() else { return (0, 0) };
    let length = |start: NaiveDate, end: NaiveDate| (end - start).num_days() as u32 + 1;
    let mut best = 0;
    let mut run: Option<(NaiveDate, NaiveDate)> = None;
    let mut last_rest: Option<NaiveDate> = None;
    let mut date = first;
    while date <= today {
        if active.contains(&date) {
            run = Some(run.map_or((date, date), |(start, _)| (start, date)));
        } else if date < today {
            if let Some((start, end)) = run {
                if last_rest.is_none_or(|rest| (date - rest).num_days() >= 7) {
                    last_rest = Some(date);
                } else {
                    best = best.max(length(start, end));
                    run = None;
                    last_rest = None;
                }
            }
        }
        date += Duration::days(1);
    }
    let current = run.map_or(0, |(start, end)| length(start, end));
    (current, best.max(current))
}

fn add_day(sum: &mut Day, day: &Day) {
    sum.reminded += day.reminded;
    sum.held += day.held;
    sum.taken += day.taken;
    sum.done_on_notification += day.done_on_notification;
    sum.logged += day.logged;
    sum.snoozes += day.snoozes;
    sum.expired += day.expired;
    sum.sessions += day.sessions;
    sum.seconds += day.seconds;
    sum.snoozed_shown += day.snoozed_shown;
    sum.after_snooze_done += day.after_snooze_done;
    sum.after_snooze_snoozed += day.after_snooze_snoozed;
    sum.after_snooze_expired += day.after_snooze_expired;
}

fn average(sum: u32, count: u32) -> f64 {
    round1(f64::from(sum) / f64::from(count.max(1)))
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn minutes(seconds: u64) -> u64 {
    (seconds + 30) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{MappedLocalTime, NaiveDateTime, Utc};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days(list: &[&str]) -> BTreeSet<NaiveDate> {
        list.iter().map(|text| date(text)).collect()
    }

    fn entry(kind: Kind, at: &str) -> Entry {
        let mut entry = Entry::new(kind, DateTime::parse_from_rfc3339(at).unwrap());
        entry.location = Some("lower".into());
        entry
    }

    fn pain(at: &str, rating: u8) -> Entry {
        let mut entry = entry(Kind::Pain, at);
        entry.rating = Some(rating);
        entry
    }

    /// Central European time without a tz database: +01:00, and +02:00 from the last Sunday of
    /// March 01:00 UTC to the last Sunday of October 01:00 UTC (2026: 29 March, 25 October).
    #[derive(Debug, Clone, Copy)]
    struct Cet;

    impl Cet {
        fn offset_at_utc(utc: &NaiveDateTime) -> FixedOffset {
            let summer = *utc >= date("2026-03-29").and_hms_opt(1, 0, 0).unwrap()
                && *utc < date("2026-10-25").and_hms_opt(1, 0, 0).unwrap();
            FixedOffset::east_opt(if summer { 7200 } else { 3600 }).unwrap()
        }
    }

    impl TimeZone for Cet {
        type Offset = FixedOffset;
        fn from_offset(_: &FixedOffset) -> Self {
            Cet
        }
        fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<FixedOffset> {
            self.offset_from_local_datetime(&local.and_hms_opt(12, 0, 0).unwrap())
        }
        fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<FixedOffset> {
            let candidates: Vec<FixedOffset> = [3600, 7200]
                .into_iter()
                .map(|seconds| FixedOffset::east_opt(seconds).unwrap())
                .filter(|offset| {
                    Cet::offset_at_utc(&(*local - Duration::seconds(offset.local_minus_utc().into()))) == *offset
                })
                .collect();
            match candidates[..] {
                [one] => MappedLocalTime::Single(one),
                [a, b] => MappedLocalTime::Ambiguous(b, a),
                _ => MappedLocalTime::None,
            }
        }
        fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
            Cet::offset_at_utc(&utc.and_hms_opt(0, 0, 0).unwrap())
        }
        fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
            Cet::offset_at_utc(utc)
        }
    }

    #[test]
    fn one_rest_day_in_seven_keeps_a_streak_and_two_end_it() {
        let today = date("2026-12-10");
        assert_eq!(streaks(&days(&[]), today), (0, 0));
        // Every day up to yesterday; today is not over, so not a miss.
        assert_eq!(streaks(&days(&["2026-12-07", "2026-12-08", "2026-12-09"]), today), (3, 3));
        // One day off (the 8th) inside: still one streak, the rest day counted.
        assert_eq!(streaks(&days(&["2026-12-06", "2026-12-07", "2026-12-09", "2026-12-10"]), today), (5, 5));
        // Two days off in a row end it; the run before is the best.
        let list = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-10"];
        assert_eq!(
            streaks(&days(&list), today),
            (1, 4),
            "5-6 off end the first run, 8-9 off the second; today starts anew"
        );
        // A second day off 7 days after the first is allowed; 6 days after is not.
        let week_apart = [
            "2026-11-30",
            "2026-12-02",
            "2026-12-03",
            "2026-12-04",
            "2026-12-05",
            "2026-12-06",
            "2026-12-07",
            "2026-12-08",
            "2026-12-10",
        ];
        assert_eq!(streaks(&days(&week_apart), today), (11, 11), "off on the 1st and the 9th");
        let six_apart = [
            "2026-11-30",
            "2026-12-02",
            "2026-12-03",
            "2026-12-04",
            "2026-12-05",
            "2026-12-06",
            "2026-12-08",
            "2026-12-09",
            "2026-12-10",
        ];
        assert_eq!(streaks(&days(&six_apart), today), (3, 7), "off on the 1st and the 7th: broken at the 7th");
        // Yesterday off and today not yet done: the streak is alive, counted to the last active day.
        assert_eq!(streaks(&days(&["2026-12-07", "2026-12-08"]), today), (2, 2));
        // The streak runs over a month boundary like any other day.
        assert_eq!(streaks(&days(&["2026-11-29", "2026-11-30", "2026-12-01"]), date("2026-12-01")), (3, 3));
    }

    #[test]
    fn days_are_the_local_days_of_the_time_zone_given() {
        // 23:30 UTC on 30 November is 1 December in +02:00 and still 30 November in UTC.
        let late = entry(Kind::Break, "2026-11-30T23:30:00Z");
        let mut east = Aggregates::new(FixedOffset::east_opt(7200).unwrap(), None);
        east.add_entry(&late);
        assert_eq!(east.active_days(), days(&["2026-12-01"]));
        let mut utc = Aggregates::new(Utc, None);
        utc.add_entry(&late);
        assert_eq!(utc.active_days(), days(&["2026-11-30"]));
    }

    #[test]
    fn days_follow_the_clock_change() {
        // 00:30 local just after the spring change is on the 29th, under summer or winter time.
        let mut spring = Aggregates::new(Cet, None);
        spring.add_entry(&entry(Kind::Break, "2026-03-28T23:30:00Z"));
        spring.add_entry(&entry(Kind::Break, "2026-03-29T22:30:00Z"));
        assert_eq!(spring.active_days(), days(&["2026-03-29", "2026-03-30"]), "winter then summer offset");
        // In autumn 22:30 UTC on the 24th is 00:30 on the 25th (still summer time).
        let mut autumn = Aggregates::new(Cet, None);
        autumn.add_entry(&entry(Kind::Break, "2026-10-24T22:30:00Z"));
        assert_eq!(autumn.active_days(), days(&["2026-10-25"]));
        let now = Cet.from_utc_datetime(&date("2026-03-31").and_hms_opt(10, 0, 0).unwrap());
        let report = spring.report(&now, 1, 0);
        assert_eq!(report.heatmap[0].week, "2026-03-30");
        assert_eq!(report.heatmap[0].days, [Some(1), Some(0), None, None, None, None, None]);
        assert_eq!(report.streak.current_days, 2, "the 29th and the 30th, across the change");
        assert_eq!(crate::time::start_of_day(date("2026-03-29"), &Cet).to_rfc3339(), "2026-03-29T00:00:00+01:00");
    }

    #[test]
    fn the_heatmap_covers_whole_weeks_to_today_across_a_month_boundary() {
        let mut stats = Aggregates::new(Utc, None);
        for at in ["2026-11-30T09:00:00Z", "2026-11-30T15:00:00Z", "2026-12-01T09:00:00Z", "2026-11-23T09:00:00Z"] {
            stats.add_entry(&entry(Kind::Break, at));
        }
        let now = Utc.from_utc_datetime(&date("2026-12-02").and_hms_opt(8, 0, 0).unwrap());
        let report = stats.report(&now, 2, 0);
        let weeks: Vec<&str> = report.heatmap.iter().map(|week| week.week.as_str()).collect();
        assert_eq!(weeks, ["2026-11-23", "2026-11-30"]);
        assert_eq!(report.heatmap[0].days, [Some(1), Some(0), Some(0), Some(0), Some(0), Some(0), Some(0)]);
        assert_eq!(report.heatmap[1].days, [Some(2), Some(1), Some(0), None, None, None, None]);
        assert_eq!((report.breaks.taken, report.breaks.logged), (4, 4));
        assert_eq!(report.streak.best_days, 2, "the 23rd stands alone: six days off after it");
    }

    #[test]
    fn reminders_responses_and_snoozes_are_counted_apart() {
        let mut stats = Aggregates::new(Utc, None);
        let mut add = |kind, at: &str, tweak: &dyn Fn(&mut Entry)| {
            let mut entry = entry(kind, at);
            tweak(&mut entry);
            stats.add_entry(&entry);
        };
        add(Kind::Reminder, "2026-12-01T09:00:00Z", &|e| e.delivered = Some("notification".into()));
        add(Kind::Response, "2026-12-01T09:01:00Z", &|e| e.action = Some("snooze".into()));
        add(Kind::Reminder, "2026-12-01T09:11:00Z", &|e| {
            e.delivered = Some("notification".into());
            e.snoozed = Some(true);
        });
        add(Kind::Response, "2026-12-01T09:12:00Z", &|e| {
            e.action = Some("done".into());
            e.snoozed = Some(true);
        });
        add(Kind::Reminder, "2026-12-01T11:00:00Z", &|e| e.delivered = Some("terminal".into()));
        add(Kind::Reminder, "2026-12-01T19:00:00Z", &|e| e.delivered = Some("held".into()));
        // Held while away, dropped on return (a natural break), then the next one re-timed: one
        // held back, nothing shown.
        add(Kind::Reminder, "2026-12-01T19:30:00Z", &|e| e.delivered = Some("skipped".into()));
        add(Kind::Reminder, "2026-12-01T19:31:00Z", &|e| e.delivered = Some("retimed".into()));
        add(Kind::Session, "2026-12-01T12:00:00Z", &|e| {
            e.done = vec!["cat-cow".into()];
            e.seconds = Some(150);
        });
        add(Kind::Session, "2026-12-01T13:00:00Z", &|e| e.seconds = Some(10));
        let now = Utc.from_utc_datetime(&date("2026-12-01").and_hms_opt(20, 0, 0).unwrap());
        let report = stats.report(&now, 1, 0);
        let b = &report.breaks;
        assert_eq!((b.reminded, b.held_back, b.taken, b.done_on_notification, b.snoozed), (3, 1, 2, 1, 1));
        let after = &b.after_snooze;
        assert_eq!((after.shown, after.done, after.snoozed_again, after.no_answer), (1, 1, 0, 0));
        assert_eq!((report.sessions.count, report.sessions.minutes), (2, 3));
    }

    #[test]
    fn the_light_reading_counts_as_the_full_entry_does() {
        let lines = [
            r#"{"v":1,"id":"a","at":"2026-12-01T09:00:00Z","kind":"session","location":"neck","done":["chin-tuck"],"seconds":150}"#,
            r#"{"v":1,"id":"b","at":"2026-12-01T09:00:00Z","kind":"session","location":"neck","seconds":20}"#,
            r#"{"v":1,"id":"c","at":"2026-12-01T09:00:00Z","kind":"response","action":"done","snoozed":true}"#,
            r#"{"v":1,"id":"d","at":"2026-12-01T09:00:00Z","kind":"reminder","delivered":"held","reason":"asleep"}"#,
            r#"{"v":1,"id":"e","at":"2026-12-01T09:00:00Z","kind":"pain","rating":3,"note":"with \"quotes\""}"#,
            r#"{"v":1,"id":"f","at":"2026-12-01T09:00:00Z","kind":"break","future":{"nested":[1,2]}}"#,
        ];
        for line in lines {
            let entry: Entry = serde_json::from_str(line).unwrap();
            let full = Counted::of(&entry, entry.time().unwrap());
            let (_, light) = <Counted as Line>::parse(line).ok().unwrap();
            assert_eq!(format!("{full:?}"), format!("{light:?}"), "{line}");
        }
    }

    #[test]
    fn pain_is_compared_only_with_four_weeks_and_said_as_an_observation() {
        let mut stats = Aggregates::new(Utc, Some("lower".into()));
        // Weeks of 30 Nov, 23 Nov, 16 Nov, 9 Nov: 3, 3, 0, 1 breaks; pain 2, 3, 6, 5.
        for (week, breaks, rating) in
            [("2026-11-30", 3, 2), ("2026-11-23", 3, 3), ("2026-11-16", 0, 6), ("2026-11-09", 1, 5)]
        {
            for n in 0..breaks {
                stats.add_entry(&entry(Kind::Break, &format!("{week}T0{n}:00:00Z")));
            }
            stats.add_entry(&pain(&format!("{week}T12:00:00Z"), rating));
        }
        let mut neck = pain("2026-11-30T12:00:00Z", 9);
        neck.location = Some("neck".into());
        stats.add_entry(&neck);
        let now = Utc.from_utc_datetime(&date("2026-12-01").and_hms_opt(20, 0, 0).unwrap());
        let report = stats.report(&now, 4, 0);
        let compared = &report.pain_vs_breaks;
        assert_eq!((compared.status, compared.threshold), ("compared", Some(3)));
        assert_eq!(compared.many.as_ref().map(|g| (g.weeks, g.average_pain)), Some((2, 2.5)));
        assert_eq!(compared.few.as_ref().map(|g| (g.weeks, g.average_pain)), Some((2, 5.5)));
        assert!(compared.observation.contains("An observation, not a cause"), "{}", compared.observation);
        assert_eq!(report.pain.len(), 1, "the neck entry is another location");
        assert_eq!(report.pain[0].weekly, [Some(5.0), Some(6.0), Some(3.0), Some(2.0)]);
        let report = stats.report(&now, 3, 0);
        assert_eq!(report.pain_vs_breaks.status, "too_few_weeks");
        assert!(compare_weeks(&[(2, 1.0), (2, 3.0), (2, 4.0), (2, 5.0)]).status == "no_spread");
    }
}
