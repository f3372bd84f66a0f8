//! Does it help? The weekly check-in and pain ratings judged against the person's own
//! baseline (README, "Measures"): per measure the first value in the period, the latest, the
//! change and a verdict by the thresholds in `data/measures.json`. Pure: "now" comes in as an
//! argument, so tests pin it.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Activity, Peg};
use crate::dataset::{Better, OutcomeMeasure, Urgency, UrgencyWording};
use crate::report::{CheckInStatus, MeasurePoint, MeasureView, RedFlagView, Verdict};

/// How far from a threshold a value still counts as on it: PEG scores are thirds, pain
/// averages tenths, and exactly 2 points or exactly 30% must count.
const EPSILON: f64 = 1e-9;

/// What the advice says when the numbers call for it.
pub const ADVICE: &str = "These are your own numbers, not a diagnosis. Back pain that is getting worse, or is not \
    getting better over several weeks, is worth showing to a doctor or physiotherapist: they can look for a cause \
    and change what you do.";

/// The emergency red flags of `locations` (the general ones when there are none), each once.
pub fn emergency_flags(locations: &[&str], wording: &'static UrgencyWording) -> Vec<RedFlagView> {
    let dataset = crate::dataset::dataset();
    let mut flags: Vec<RedFlagView> = Vec::new();
    let found: Vec<&'static crate::dataset::Location> =
        locations.iter().filter_map(|id| crate::dataset::location(id)).collect();
    let lists: Vec<Vec<RedFlagView>> = if found.is_empty() {
        vec![dataset.meta.general_red_flags.iter().map(|flag| RedFlagView::new(flag, wording)).collect()]
    } else {
        found.into_iter().map(|location| crate::report::red_flags(location, &[], wording)).collect()
    };
    for flag in lists.into_iter().flatten() {
        if flag.urgency == Urgency::Emergency && !flags.iter().any(|seen| seen.text == flag.text) {
            flags.push(flag);
        }
    }
    flags
}

/// The verdict on a change from `baseline` to `latest` over `count` values, by `measure`'s
/// thresholds: improved by at least its points (or its percentage of the baseline), worse by
/// at least its worse points, unchanged between; too early with fewer than two values.
pub fn verdict(measure: &OutcomeMeasure, baseline: f64, latest: f64, count: usize) -> Verdict {
    if count < 2 {
        return Verdict::TooEarly;
    }
    let better_by = match measure.better {
        Better::Lower => baseline - latest,
        Better::Higher => latest - baseline,
    };
    let by_points = better_by + EPSILON >= f64::from(measure.improved_points);
    let by_percent = measure.improved_percent.is_some_and(|percent| {
        better_by > EPSILON && baseline > 0.0 && better_by + EPSILON >= baseline * f64::from(percent) / 100.0
    });
    if by_points || by_percent {
        Verdict::Improved
    } else if -better_by + EPSILON >= f64::from(measure.worse_points) {
        Verdict::Worse
    } else {
        Verdict::Unchanged
    }
}

/// The thresholds of `measure` in words, as `stats` and `report` print them.
pub fn thresholds(measure: &OutcomeMeasure) -> String {
    let (better, worse) = match measure.better {
        Better::Lower => ("lower", "higher"),
        Better::Higher => ("higher", "lower"),
    };
    let percent = measure.improved_percent.map(|percent| format!(" or {percent}% ")).unwrap_or_else(|| " ".into());
    format!(
        "improved at {} points{percent}{better}, worse at {} points {worse}",
        measure.improved_points, measure.worse_points
    )
}

/// One check-in as the measures need it.
#[derive(Debug, Clone)]
pub struct CheckIn {
    pub at: DateTime<FixedOffset>,
    pub date: NaiveDate,
    pub peg: Option<Peg>,
    pub activities: Vec<Activity>,
}

/// A measure's values over the period, oldest first: (date, value).
type Series = Vec<(NaiveDate, f64)>;

/// The view of one series, judged.
fn judge(measure: &'static OutcomeMeasure, series: &Series) -> Option<MeasureView> {
    let (&(first_date, baseline), &(last_date, latest)) = (series.first()?, series.last()?);
    Some(MeasureView {
        measure: measure.id,
        name: measure.name,
        location: None,
        activity: None,
        current: None,
        better: measure.better,
        baseline: MeasurePoint { date: first_date.to_string(), value: round1(baseline) },
        latest: MeasurePoint { date: last_date.to_string(), value: round1(latest) },
        change: round1(latest - baseline),
        count: series.len(),
        verdict: verdict(measure, baseline, latest, series.len()),
        thresholds: thresholds(measure),
    })
}

/// The measures over the period: pain per location from its weekly averages (`pain`: location
/// -> (Monday, average), oldest first), the PEG score and each activity from `check_ins`
/// (oldest first, already limited to the period).
pub fn measures(pain: &BTreeMap<String, Vec<(NaiveDate, f64)>>, check_ins: &[CheckIn]) -> Vec<MeasureView> {
    let mut views = Vec::new();
    if let Some(measure) = crate::dataset::outcome_measure("pain") {
        for (location, weekly) in pain {
            if let Some(mut view) = judge(measure, weekly) {
                view.location = Some(location.clone());
                views.push(view);
            }
        }
    }
    if let Some(measure) = crate::dataset::outcome_measure("peg") {
        let series: Series = check_ins
            .iter()
            .filter_map(|check_in| check_in.peg.as_ref()?.score().map(|score| (check_in.date, score)))
            .collect();
        views.extend(judge(measure, &series));
    }
    if let Some(measure) = crate::dataset::outcome_measure("psfs") {
        // Activities by name, in the order first named; the latest check-in's are current.
        let mut names: Vec<&str> = Vec::new();
        for check_in in check_ins {
            for activity in &check_in.activities {
                if !names.iter().any(|name| activity_key(name) == activity_key(&activity.name)) {
                    names.push(&activity.name);
                }
            }
        }
        let latest = check_ins.iter().rev().find(|check_in| !check_in.activities.is_empty());
        for name in names {
            let key = activity_key(name);
            let series: Series = check_ins
                .iter()
                .filter_map(|check_in| {
                    let activity = check_in.activities.iter().find(|activity| activity_key(&activity.name) == key)?;
                    activity.score.map(|score| (check_in.date, f64::from(score)))
                })
                .collect();
            if let Some(mut view) = judge(measure, &series) {
                view.activity = Some(name.to_string());
                view.current = Some(
                    latest.is_some_and(|check_in| check_in.activities.iter().any(|a| activity_key(&a.name) == key)),
                );
                views.push(view);
            }
        }
    }
    views
}

/// Activities are the same when their names differ only in case and spaces.
pub fn activity_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether the reminder shown at `now` should say a check-in is due: none was made in the last
/// 7 days (or ever), and no reminder since the last one has said so.
pub fn reminder_says_check_in_due(store: &super::Store, now: &DateTime<FixedOffset>) -> bool {
    let mut last_check_in: Option<DateTime<FixedOffset>> = None;
    let mut said: Vec<DateTime<FixedOffset>> = Vec::new();
    let read = store.read::<super::Entry>(
        None,
        |entry, _| {
            if let Some(at) = entry.time() {
                match entry.kind {
                    super::Kind::CheckIn => last_check_in = last_check_in.max(Some(at)),
                    super::Kind::Reminder if entry.check_in_due == Some(true) => said.push(at),
                    _ => {}
                }
            }
            Ok(())
        },
        |_| {},
    );
    if read.is_err() {
        return false;
    }
    let due_days = i64::from(crate::dataset::dataset().measures.due_days);
    let due = last_check_in.is_none_or(|last| *now - last >= chrono::Duration::days(due_days));
    due && !said.iter().any(|at| last_check_in.is_none_or(|last| *at > last))
}

/// Whether a check-in is due at `today`, and since when the last one was made.
pub fn check_in_status(last: Option<NaiveDate>, first: Option<NaiveDate>, today: NaiveDate) -> CheckInStatus {
    let due_days = crate::dataset::dataset().measures.due_days;
    let days_since = last.map(|last| (today - last).num_days().max(0));
    CheckInStatus {
        last: last.map(|date| date.to_string()),
        first: first.map(|date| date.to_string()),
        days_since,
        due_days,
        due: days_since.is_none_or(|days| days >= i64::from(due_days)),
    }
}

/// Why the person should see a clinician, from their own numbers, if they should: a measure
/// judged worse, or pain (or the PEG where pain has no ratings) not improved after
/// `not_improving_weeks` weeks of check-ins.
pub fn advice(views: &[MeasureView], status: &CheckInStatus) -> Option<String> {
    if let Some(worse) = views.iter().find(|view| view.verdict == Verdict::Worse) {
        return Some(format!(
            "{} is worse than at the start of these weeks ({} on {}, {} on {}).",
            capitalised(&view_title(worse)),
            worse.baseline.value,
            worse.baseline.date,
            worse.latest.value,
            worse.latest.date
        ));
    }
    let weeks = crate::dataset::dataset().measures.not_improving_weeks;
    let span = match (&status.first, &status.last) {
        (Some(first), Some(last)) => {
            let parse = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
            parse(last).zip(parse(first)).map_or(0, |(last, first)| (last - first).num_days())
        }
        _ => 0,
    };
    if span < i64::from(weeks) * 7 {
        return None;
    }
    let pain: Vec<&MeasureView> = views.iter().filter(|view| view.measure == "pain").collect();
    let judged: Vec<&MeasureView> =
        if pain.is_empty() { views.iter().filter(|view| view.measure == "peg").collect() } else { pain };
    let improved = judged.iter().any(|view| view.verdict == Verdict::Improved);
    (!judged.is_empty() && !improved).then(|| {
        format!("After {weeks} weeks of check-ins, {} has not improved by the measure above.", view_title(judged[0]))
    })
}

/// "Lower back (lumbar) pain", "the PEG score", "the activity \"sit through a meeting\"".
pub fn view_title(view: &MeasureView) -> String {
    match (view.measure, &view.location, &view.activity) {
        ("pain", Some(location), _) => {
            let name = crate::dataset::location(location).map_or(location.as_str(), |location| location.name);
            format!("{name} pain")
        }
        (_, _, Some(activity)) => format!("the activity \"{activity}\""),
        ("peg", _, _) => "the PEG score".into(),
        (id, _, _) => id.to_string(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn measure(id: &str) -> &'static OutcomeMeasure {
        crate::dataset::outcome_measure(id).unwrap()
    }

    #[test]
    fn exactly_two_points_or_exactly_thirty_percent_is_improved() {
        let pain = measure("pain");
        assert_eq!(verdict(pain, 5.0, 3.0, 2), Verdict::Improved, "exactly 2 points");
        assert_eq!(verdict(pain, 10.0, 7.0, 2), Verdict::Improved, "3 of 10 is exactly 30%");
        assert_eq!(verdict(pain, 10.0, 8.1, 2), Verdict::Unchanged, "1.9 points, 19%");
        assert_eq!(verdict(pain, 3.0, 2.1, 2), Verdict::Improved, "0.9 of 3 is 30%");
        assert_eq!(verdict(pain, 3.0, 2.2, 2), Verdict::Unchanged, "0.8 of 3 is 27%");
        assert_eq!(verdict(pain, 3.0, 5.0, 5), Verdict::Worse, "exactly 2 points higher");
        assert_eq!(verdict(pain, 3.0, 4.9, 5), Verdict::Unchanged, "1.9 higher");
        assert_eq!(verdict(pain, 0.0, 0.0, 5), Verdict::Unchanged, "no pain stays no pain");
        assert_eq!(verdict(pain, 7.0, 1.0, 1), Verdict::TooEarly, "one value is no change");
        // PEG scores are thirds: 6 2/3 to 4 2/3 is exactly 2.
        let peg = measure("peg");
        assert_eq!(verdict(peg, 20.0 / 3.0, 14.0 / 3.0, 2), Verdict::Improved);
        assert_eq!(verdict(peg, 20.0 / 3.0, 15.0 / 3.0, 2), Verdict::Unchanged, "1 2/3 is 25%");
        // Activities get better upwards, by 3 points, with no percentage.
        let psfs = measure("psfs");
        assert_eq!(verdict(psfs, 2.0, 5.0, 2), Verdict::Improved);
        assert_eq!(verdict(psfs, 2.0, 4.0, 2), Verdict::Unchanged, "2 points of one activity can be noise");
        assert_eq!(verdict(psfs, 6.0, 3.0, 2), Verdict::Worse);
        assert_eq!(verdict(psfs, 6.0, 4.0, 2), Verdict::Unchanged);
    }

    proptest! {
        /// The rule for every pair of 0-10 values in tenths: improved exactly when better by
        /// 2 or more or by 30% or more, worse exactly when 2 or more higher.
        #[test]
        fn pain_verdicts_follow_the_rule(baseline in 0u32..=100, latest in 0u32..=100, count in 0usize..6) {
            let (b, l) = (f64::from(baseline) / 10.0, f64::from(latest) / 10.0);
            let got = verdict(measure("pain"), b, l, count);
            let drop = i64::from(baseline) - i64::from(latest);
            let expected = if count < 2 {
                Verdict::TooEarly
            } else if drop >= 20 || (drop > 0 && drop * 100 >= i64::from(baseline) * 30) {
                Verdict::Improved
            } else if -drop >= 20 {
                Verdict::Worse
            } else {
                Verdict::Unchanged
            };
            prop_assert_eq!(got, expected, "{} -> {}", b, l);
        }

        /// A PEG score moved by whole items is judged the same as the exact fractions say.
        #[test]
        fn peg_verdicts_are_exact_in_thirds(baseline in 0u32..=30, latest in 0u32..=30) {
            let got = verdict(measure("peg"), f64::from(baseline) / 3.0, f64::from(latest) / 3.0, 2);
            let drop = i64::from(baseline) - i64::from(latest);
            let expected = if drop >= 6 || (drop > 0 && drop * 100 >= i64::from(baseline) * 30) {
                Verdict::Improved
            } else if -drop >= 6 {
                Verdict::Worse
            } else {
                Verdict::Unchanged
            };
            prop_assert_eq!(got, expected);
        }
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn check_in(day: &str, peg: [u8; 3], activities: &[(&str, Option<u8>)]) -> CheckIn {
        CheckIn {
            at: DateTime::parse_from_rfc3339(&format!("{day}T09:00:00Z")).unwrap(),
            date: date(day),
            peg: Some(Peg { pain: Some(peg[0]), enjoyment: Some(peg[1]), activity: Some(peg[2]) }),
            activities: activities
                .iter()
                .map(|(name, score)| Activity { name: name.to_string(), score: *score })
                .collect(),
        }
    }

    #[test]
    fn activities_renamed_and_dropped_keep_their_own_baselines() {
        let check_ins = [
            check_in("2026-11-02", [6, 6, 6], &[("Sit through a meeting", Some(3)), ("Lift my son", Some(2))]),
            check_in("2026-11-09", [5, 5, 5], &[("sit  through a meeting", Some(5)), ("Lift my son", None)]),
            // The son dropped, a new activity named.
            check_in("2026-11-16", [4, 4, 4], &[("Sit through a meeting", Some(7)), ("Garden for an hour", Some(4))]),
        ];
        let views = measures(&BTreeMap::new(), &check_ins);
        let activity = |name: &str| views.iter().find(|view| view.activity.as_deref() == Some(name)).unwrap();
        let meeting = activity("Sit through a meeting");
        assert_eq!((meeting.baseline.value, meeting.latest.value, meeting.count), (3.0, 7.0, 3));
        assert_eq!((meeting.verdict, meeting.current), (Verdict::Improved, Some(true)), "case and spaces ignored");
        let son = activity("Lift my son");
        assert_eq!(
            (son.count, son.verdict, son.current),
            (1, Verdict::TooEarly, Some(false)),
            "rated once, then dropped"
        );
        let garden = activity("Garden for an hour");
        assert_eq!((garden.count, garden.verdict, garden.current), (1, Verdict::TooEarly, Some(true)));
        let peg = views.iter().find(|view| view.measure == "peg").unwrap();
        assert_eq!(
            (peg.baseline.value, peg.latest.value, peg.change, peg.verdict),
            (6.0, 4.0, -2.0, Verdict::Improved)
        );
    }

    #[test]
    fn pain_is_judged_per_location_and_advice_comes_from_the_numbers() {
        let weekly = |values: &[(&str, f64)]| values.iter().map(|(day, value)| (date(day), *value)).collect::<Vec<_>>();
        let mut pain = BTreeMap::new();
        pain.insert("lower".to_string(), weekly(&[("2026-10-05", 6.0), ("2026-11-16", 5.5)]));
        pain.insert("neck".to_string(), weekly(&[("2026-10-05", 5.0), ("2026-11-16", 2.0)]));
        let views = measures(&pain, &[]);
        let verdicts: Vec<(Option<&str>, Verdict)> =
            views.iter().map(|view| (view.location.as_deref(), view.verdict)).collect();
        assert_eq!(verdicts, [(Some("lower"), Verdict::Unchanged), (Some("neck"), Verdict::Improved)]);
        // Six weeks of check-ins and one location improved: no advice; only the lower back, which did not: advice.
        let status = check_in_status(Some(date("2026-11-16")), Some(date("2026-10-05")), date("2026-11-17"));
        assert_eq!(advice(&views, &status), None);
        let lower: Vec<MeasureView> =
            views.into_iter().filter(|view| view.location.as_deref() == Some("lower")).collect();
        let said = advice(&lower, &status).unwrap();
        assert!(said.starts_with("After 6 weeks of check-ins, Lower back (lumbar) pain has not improved"), "{said}");
        // Five weeks: not yet.
        let status = check_in_status(Some(date("2026-11-09")), Some(date("2026-10-05")), date("2026-11-10"));
        assert_eq!(advice(&lower, &status), None);
    }

    #[test]
    fn a_reminder_says_a_check_in_is_due_once_per_check_in_due() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::history::Store::in_data_dir(dir.path());
        let at = |day: &str| DateTime::parse_from_rfc3339(&format!("{day}T09:00:00+01:00")).unwrap();
        let add = |kind, day: &str, said: bool| {
            let mut entry = crate::history::Entry::new(kind, at(day));
            entry.check_in_due = said.then_some(true);
            store.append(&entry).unwrap();
        };
        let says = |day: &str| reminder_says_check_in_due(&store, &at(day));
        assert!(says("2026-11-01"), "none yet");
        add(crate::history::Kind::Reminder, "2026-11-01", true);
        assert!(!says("2026-11-02"), "said once");
        add(crate::history::Kind::CheckIn, "2026-11-02", false);
        assert!(!says("2026-11-08"), "6 days after");
        assert!(says("2026-11-09"), "7 days after");
        add(crate::history::Kind::Reminder, "2026-11-09", false);
        assert!(says("2026-11-10"), "a reminder that did not say it does not count");
        add(crate::history::Kind::Reminder, "2026-11-10", true);
        assert!(!says("2026-11-20"), "said since the last check-in");
        add(crate::history::Kind::CheckIn, "2026-11-21", false);
        assert!(says("2026-11-28"), "due again after the next check-in");
    }

    #[test]
    fn a_check_in_is_due_after_seven_days_or_when_there_is_none() {
        let today = date("2026-12-10");
        assert!(check_in_status(None, None, today).due);
        assert!(!check_in_status(Some(date("2026-12-04")), None, today).due, "6 days");
        assert!(check_in_status(Some(date("2026-12-03")), None, today).due, "7 days");
        assert_eq!(check_in_status(Some(date("2026-12-03")), None, today).days_since, Some(7));
    }
}
