//! Lookups by what a person types, with the one-line error the command line and the config file
//! both give for a miss: what was not found, the nearest name, and the valid ones.

use super::{dataset, nearest, Condition, Drill, Location, Myth, Region};

/// "unknown location `lumbr` (did you mean `lumbar`?); valid: lower, upper, ..."
fn unknown(what: &str, text: &str, nearest: Option<&str>, valid: &str) -> String {
    let hint = nearest.map(|name| format!(" (did you mean `{name}`?)")).unwrap_or_default();
    format!("unknown {what} `{text}`{hint}; {valid}")
}

fn valid(ids: impl Iterator<Item = &'static str>) -> String {
    format!("valid: {}", ids.collect::<Vec<_>>().join(", "))
}

pub fn location(text: &str) -> Result<&'static Location, String> {
    let locations = dataset().locations;
    super::location(text).ok_or_else(|| {
        let near = nearest(text, locations.iter().flat_map(Location::names));
        unknown("location", text, near, &valid(locations.iter().map(|location| location.id)))
    })
}

pub fn myth(text: &str) -> Result<&'static Myth, String> {
    let ids = || dataset().myths.iter().map(|myth| myth.id);
    super::myth(text).ok_or_else(|| unknown("myth id", text, nearest(text, ids()), &valid(ids())))
}

pub fn drill(text: &str) -> Result<&'static Drill, String> {
    let ids = || dataset().drills.iter().map(|drill| drill.id);
    super::drill(text)
        .ok_or_else(|| unknown("drill id", text, nearest(text, ids()), "run `backpain drills` for the list"))
}

pub fn condition(text: &str) -> Result<&'static Condition, String> {
    let conditions = dataset().conditions;
    super::condition(text).ok_or_else(|| {
        let near = nearest(text, conditions.iter().flat_map(Condition::names));
        unknown("condition", text, near, &valid(conditions.iter().map(|condition| condition.id)))
    })
}

pub fn region(text: &str) -> Result<&'static Region, String> {
    let regions = dataset().regions;
    super::region(text).ok_or_else(|| {
        let near = nearest(text, regions.iter().flat_map(Region::names));
        unknown("region", text, near, &valid(regions.iter().map(|region| region.id)))
    })
}
