//! Lookups by what a person types, with the one-line error the command line and the config file
//! both give for a miss: what was not found, the nearest name, and the valid ones.

use super::{dataset, nearest, Citation, Condition, Drill, Location, Myth, PhraseMatch, Region};

/// "unknown location `lumbr` (did you mean `lumbar`?); valid: lower, upper, ..."
fn unknown(what: &str, text: &str, nearest: Option<&str>, valid: &str) -> String {
    let hint = nearest.map(|name| format!(" (did you mean `{name}`?)")).unwrap_or_default();
    format!("unknown {what} `{text}`{hint}; {valid}")
}

fn valid(ids: impl Iterator<Item = &'static str>) -> String {
    format!("valid: {}", ids.collect::<Vec<_>>().join(", "))
}

/// Where it hurts, by id, letter, alias or a phrase around one ("hip pain", "low back"); a miss
/// says what would be right: which part of the back, which one of several, or the valid names and
/// the nearest. The one location parser: flags, the positional word and the config file share it.
pub fn location(text: &str) -> Result<&'static Location, String> {
    let locations = dataset().locations;
    match super::location_phrase(text) {
        PhraseMatch::One(location) => Ok(location),
        PhraseMatch::WhichBack => Err(format!(
            "`{text}`: which part of the back? `lower` (A, the lumbar low back), `upper` (B, between the \
             shoulder blades), or `sciatic` (C) when it runs down a leg"
        )),
        PhraseMatch::Several(found) => {
            let names: Vec<String> = found.iter().map(|location| format!("`{}`", location.id)).collect();
            Err(format!("`{text}` names more than one location ({}): pick the one that hurts most", names.join(", ")))
        }
        PhraseMatch::None => {
            let near = nearest(text, locations.iter().flat_map(Location::names));
            Err(unknown("location", text, near, &valid(locations.iter().map(|location| location.id))))
        }
    }
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

pub fn source(text: &str) -> Result<&'static Citation, String> {
    let ids = || dataset().citations.iter().map(|citation| citation.id);
    super::citation(text.trim())
        .ok_or_else(|| unknown("source id", text, nearest(text, ids()), "run `backpain sources` for the list"))
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
