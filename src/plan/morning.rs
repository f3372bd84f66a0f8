//! Morning mode: for about two hours after waking, drills that bend the low back forward are
//! swapped for the dataset's `morning_swap`, a drill that doesn't (the morning caution in
//! `data/rules.json`, partly supported). Pure: "now" is an argument.

use chrono::Timelike;
use std::fmt;
use std::str::FromStr;

use super::{no_longer_than, Plan, PlannedStep};
use crate::dataset::{self, Dose, Drill};

/// How long after waking morning mode lasts (Snook 1998's instruction covered ~2 hours).
pub const WINDOW_MINUTES: u32 = 120;

/// A time of day, as `--wake-time` and the config file write it: `HH:MM`, 24-hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WakeTime {
    pub hour: u8,
    pub minute: u8,
}

impl From<chrono::NaiveTime> for WakeTime {
    fn from(time: chrono::NaiveTime) -> Self {
        // hour() < 24 and minute() < 60 always fit a u8.
        WakeTime { hour: time.hour() as u8, minute: time.minute() as u8 }
    }
}

/// The flag and the config file read a wake time with the one time-of-day parser.
impl FromStr for WakeTime {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        crate::time::time_of_day(text).map(WakeTime::from)
    }
}

impl fmt::Display for WakeTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// Why morning mode is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// `--morning`.
    Asked,
    /// The wake time was less than two hours before now.
    Woke { at: WakeTime, minutes_ago: u32 },
}

/// Morning mode is on when asked for, or when `now` (local time of day) is within two hours
/// after the wake time; across midnight too (woke 23:30, now 00:10).
pub fn decide(asked: bool, wake: Option<WakeTime>, now: chrono::NaiveTime) -> Option<Why> {
    if asked {
        return Some(Why::Asked);
    }
    let wake = wake?;
    let woke = i32::from(wake.hour) * 60 + i32::from(wake.minute);
    let now = (now.hour() * 60 + now.minute()) as i32;
    let minutes_ago = (now - woke).rem_euclid(24 * 60).unsigned_abs();
    (minutes_ago < WINDOW_MINUTES).then_some(Why::Woke { at: wake, minutes_ago })
}

/// One change morning mode made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Swap {
    /// `from` bends the spine; `to` takes its place at `dose`.
    Swapped { from: &'static Drill, to: &'static Drill, dose: Dose },
    /// `drill`'s swap is already in the plan, so it was dropped rather than done twice.
    Merged { drill: &'static Drill, into: &'static Drill },
    /// A bending drill without a swap (the dataset tests rule this out) is left out.
    Dropped { drill: &'static Drill },
}

/// Swaps every drill that bends the spine forward. The swap keeps the step's place and
/// priority and takes no longer than the drill it replaces (fewer sets, then fewer reps, down
/// to one). When the swap is already in the plan, the bending drill is dropped instead and the
/// drill that stays keeps the higher priority of the two.
pub fn swap(plan: &Plan) -> (Plan, Vec<Swap>) {
    let mut steps: Vec<PlannedStep> = Vec::new();
    let mut swaps = Vec::new();
    let mut raised: Vec<(&'static str, u8)> = Vec::new();
    for (index, step) in plan.steps.iter().enumerate() {
        if !step.drill.spinal_flexion {
            let priority = raised.iter().filter(|(id, _)| *id == step.drill.id).map(|&(_, p)| p).min();
            let priority = priority.map_or(step.priority, |p| p.min(step.priority));
            steps.push(PlannedStep { priority, ..step.clone() });
            continue;
        }
        let Some(to) = step.drill.morning_swap.and_then(dataset::drill).filter(|to| !to.spinal_flexion) else {
            swaps.push(Swap::Dropped { drill: step.drill });
            continue;
        };
        if let Some(earlier) = steps.iter_mut().find(|kept| kept.drill.id == to.id) {
            earlier.priority = earlier.priority.min(step.priority);
            swaps.push(Swap::Merged { drill: step.drill, into: to });
        } else if plan.steps[index + 1..].iter().any(|later| later.drill.id == to.id) {
            raised.push((to.id, step.priority));
            swaps.push(Swap::Merged { drill: step.drill, into: to });
        } else {
            let dose = no_longer_than(&to.dose, step.dose.seconds());
            swaps.push(Swap::Swapped { from: step.drill, to, dose: dose.clone() });
            steps.push(PlannedStep { drill: to, dose, priority: step.priority });
        }
    }
    (Plan { steps, ..plan.clone() }, swaps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Variant;

    fn time(hour: u32, minute: u32, second: u32, _nanos: u32) -> chrono::NaiveTime {
        chrono::NaiveTime::from_hms_opt(hour, minute, second).unwrap()
    }

    fn wake(text: &str) -> WakeTime {
        text.parse().unwrap()
    }

    #[test]
    fn wake_times_parse_as_hh_mm() {
        assert_eq!(wake("06:45"), WakeTime { hour: 6, minute: 45 });
        assert_eq!(wake("7:05"), WakeTime { hour: 7, minute: 5 });
        assert_eq!(wake("23:59").to_string(), "23:59");
        for bad in ["24:00", "7:5", "07:60", "0745", "7h45", "", "-1:00", "07:00:00", "+7:00"] {
            let err = bad.parse::<WakeTime>().unwrap_err();
            assert!(err.contains("HH:MM"), "{bad}: {err}");
        }
    }

    #[test]
    fn a_config_file_reads_wake_times_the_same_way() {
        let path = std::path::Path::new("config.toml");
        for (text, wake) in
            [("06:45", Some(wake("06:45"))), ("7:05", Some(wake("7:05"))), ("+7:00", None), ("6h45", None)]
        {
            let file = crate::config::Config::parse(path, &format!("[routine]\nwake_time = \"{text}\"\n"));
            let from_file = file.map(|config| config.routine.wake_time.map(WakeTime::from));
            match wake {
                Some(wake) => assert_eq!(from_file.unwrap(), Some(wake), "{text}"),
                None => {
                    let (flag, file) = (text.parse::<WakeTime>().unwrap_err(), from_file.unwrap_err().to_string());
                    assert!(flag.contains("use 24-hour HH:MM") && file.contains(&flag), "{text}: {flag} / {file}");
                }
            }
        }
    }

    #[test]
    fn morning_mode_is_on_for_two_hours_after_waking() {
        let at = wake("07:00");
        assert_eq!(decide(false, Some(at), time(7, 0, 0, 0)), Some(Why::Woke { at, minutes_ago: 0 }));
        assert_eq!(decide(false, Some(at), time(8, 59, 59, 0)), Some(Why::Woke { at, minutes_ago: 119 }));
        assert_eq!(decide(false, Some(at), time(9, 0, 0, 0)), None, "two hours on, it is off");
        assert_eq!(decide(false, Some(at), time(6, 59, 0, 0)), None, "before waking it is off");
        assert_eq!(decide(false, None, time(7, 30, 0, 0)), None);
        assert_eq!(decide(true, None, time(18, 0, 0, 0)), Some(Why::Asked));
        assert_eq!(decide(true, Some(at), time(7, 30, 0, 0)), Some(Why::Asked), "the flag says why first");
    }

    #[test]
    fn the_window_crosses_midnight() {
        let at = wake("23:30");
        assert_eq!(decide(false, Some(at), time(0, 10, 0, 0)), Some(Why::Woke { at, minutes_ago: 40 }));
        assert_eq!(decide(false, Some(at), time(1, 30, 0, 0)), None);
    }

    #[test]
    fn every_bending_drill_is_swapped_for_one_that_is_no_longer() {
        for location in dataset::dataset().locations {
            for variant in [Variant::Full, Variant::Micro] {
                let plan = Plan::new(location, variant);
                let (morning, swaps) = swap(&plan);
                let context = format!("{} {variant:?}", location.id);
                assert!(!morning.has_flexion(), "{context}");
                let bending = plan.steps.iter().filter(|step| step.drill.spinal_flexion).count();
                assert_eq!(swaps.len(), bending, "{context}: one change per bending drill");
                assert!(morning.total_seconds() <= plan.total_seconds(), "{context}: morning mode takes no longer");
                let mut ids: Vec<_> = morning.steps.iter().map(|step| step.drill.id).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), morning.steps.len(), "{context}: no drill twice");
                if variant == Variant::Micro {
                    assert!(morning.steps.iter().all(|step| step.drill.desk_friendly), "{context}: still at the desk");
                }
            }
        }
    }

    fn step(drill: &str, priority: u8) -> PlannedStep {
        let drill = dataset::drill(drill).unwrap();
        PlannedStep { drill, dose: drill.dose.clone(), priority }
    }

    #[test]
    fn a_swap_already_in_the_plan_is_not_done_twice() {
        // seated-knee-hug swaps to seated-figure-4, which the plan already has, later on.
        let hug = dataset::drill("seated-knee-hug").unwrap();
        let figure4 = dataset::drill("seated-figure-4").unwrap();
        assert_eq!(hug.morning_swap, Some(figure4.id));
        let plan = Plan {
            location: dataset::location("lower").unwrap(),
            variant: Variant::Micro,
            steps: vec![step("seated-knee-hug", 1), step("chin-tuck", 2), step("seated-figure-4", 3)],
        };
        let (morning, swaps) = swap(&plan);
        let kept: Vec<_> = morning.steps.iter().map(|step| (step.drill.id, step.priority)).collect();
        assert_eq!(kept, [("chin-tuck", 2), ("seated-figure-4", 1)], "the kept drill takes the higher priority");
        assert_eq!(swaps, [Swap::Merged { drill: hug, into: figure4 }]);

        // The same when the swap came first.
        let plan = Plan { steps: vec![step("seated-figure-4", 3), step("seated-knee-hug", 1)], ..plan };
        let (morning, _) = swap(&plan);
        let kept: Vec<_> = morning.steps.iter().map(|step| (step.drill.id, step.priority)).collect();
        assert_eq!(kept, [("seated-figure-4", 1)]);
    }

    #[test]
    fn a_swap_keeps_the_place_and_the_time_slot() {
        let plan = Plan::new(dataset::location("lower").unwrap(), Variant::Full);
        let (morning, swaps) = swap(&plan);
        let ids: Vec<_> = morning.steps.iter().map(|step| step.drill.id).collect();
        assert_eq!(
            ids,
            [
                "thread-the-needle",
                "knee-rolls",
                "seated-figure-4",
                "supine-figure-4",
                "half-kneeling-hip-flexor",
                "sit-to-stand",
                "prone-press-up"
            ]
        );
        for (before, after) in plan.steps.iter().zip(&morning.steps) {
            assert_eq!(before.priority, after.priority);
            assert!(after.dose.seconds() <= before.dose.seconds(), "{}", after.drill.id);
        }
        // cat-cow (10 × 6 s) to thread-the-needle (6 × 6 s each side = 72 s): 5 reps fit in 60 s.
        assert!(matches!(&swaps[0], Swap::Swapped { dose, .. } if dose.reps == 5));
    }
}
