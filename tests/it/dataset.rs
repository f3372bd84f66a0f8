//! Invariants of the embedded dataset: what the commands rely on without checking at run time.

use std::collections::HashSet;

use backpain::dataset::{self, Evidence, Position, Variant};

fn data() -> &'static dataset::Dataset {
    dataset::dataset()
}

fn assert_unique<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(seen.insert(id.to_lowercase()), "duplicate {what} id `{id}`");
    }
}

fn assert_cited(context: &str, sources: &[&str]) {
    assert!(!sources.is_empty(), "{context}: no sources");
    for source in sources {
        assert!(dataset::citation(source).is_some(), "{context}: source `{source}` is not in citations.json");
    }
}

fn assert_evidence(context: &str, evidence: &Evidence) {
    assert!(!evidence.summary.trim().is_empty(), "{context}: empty evidence summary");
    assert_cited(context, evidence.sources);
}

#[test]
fn ids_are_unique() {
    let data = data();
    assert_unique("citation", data.citations.iter().map(|c| c.id));
    assert_unique("myth", data.myths.iter().map(|m| m.id));
    assert_unique("drill", data.drills.iter().map(|d| d.id));
    assert_unique("rule", data.rules.iter().map(|r| r.id));
    assert_unique("faq", data.faq.iter().map(|f| f.id));
    assert_unique("location name", data.locations.iter().flat_map(|l| l.names()));
}

#[test]
fn the_guide_outline_is_all_there() {
    let data = data();
    let myths: Vec<_> = data.myths.iter().map(|m| m.id).collect();
    assert_eq!(myths, ["all-the-same", "morning-stretch", "no-pain-no-gain"]);
    let locations: Vec<_> = data.locations.iter().map(|l| (l.id, l.code)).collect();
    assert_eq!(locations, [("lower", "A"), ("upper", "B"), ("sciatic", "C"), ("hip", "D"), ("neck", "E")]);
    for rule in ["intensity", "morning", "micro-breaks", "trigger-action", "daily", "start-15"] {
        assert!(dataset::rule(rule).is_some(), "rule `{rule}` missing");
    }
    // The guide's three questions, then what a self-help resource must also say (tests/safety.rs).
    let faq: Vec<_> = data.faq.iter().map(|q| q.id).collect();
    for id in ["every-day", "hurts-more", "motion-is-lotion"] {
        assert!(faq.contains(&id), "the guide's question `{id}` is missing: {faq:?}");
    }
    assert_eq!(faq.len(), 10, "{faq:?}");
    assert!(data.drills.len() >= 20, "only {} drills", data.drills.len());
    assert!(dataset::location("sciatic").and_then(|l| l.warning).is_some(), "the sciatic medical warning is missing");
}

#[test]
fn aliases_from_the_issue_resolve() {
    for (alias, id) in [
        ("a", "lower"),
        ("LUMBAR", "lower"),
        ("lower-back", "lower"),
        ("thoracic", "upper"),
        ("B", "upper"),
        ("sciatica", "sciatic"),
        ("pelvis", "hip"),
        ("hips", "hip"),
        ("cervical", "neck"),
        (" Neck ", "neck"),
    ] {
        assert_eq!(dataset::location(alias).map(|l| l.id), Some(id), "alias `{alias}`");
    }
    assert!(dataset::location("elbow").is_none());
}

#[test]
fn every_claim_has_a_status_and_cited_sources() {
    let data = data();
    for myth in data.myths {
        assert_evidence(myth.id, &myth.evidence);
        let claim = myth.guide_claim.as_ref().unwrap_or_else(|| panic!("myth {} has no guide claim", myth.id));
        assert_evidence(myth.id, &claim.evidence);
    }
    for location in data.locations {
        assert_evidence(location.id, &location.cause.evidence);
        for advice in location.advice {
            assert_evidence(location.id, &advice.evidence);
        }
        assert_cited(location.id, location.red_flag_sources);
        assert!(!location.red_flags.is_empty(), "{}: no red flags", location.id);
    }
    for rule in data.rules {
        assert_evidence(rule.id, &rule.evidence);
    }
    for faq in data.faq {
        assert_evidence(faq.id, &faq.evidence);
    }
    for drill in data.drills {
        assert_cited(drill.id, drill.sources);
    }
    assert_cited("meta", data.meta.red_flag_sources);
}

#[test]
fn the_guides_unverified_figures_are_never_stated_as_fact() {
    let data = data();
    let all_the_same = dataset::myth("all-the-same").unwrap();
    let claim = all_the_same.guide_claim.as_ref().unwrap();
    assert!(claim.text.contains("58"), "the guide's 58% vs 23% figure is shown as its claim");
    assert_eq!(claim.evidence.status, dataset::Status::NotFound);
    // Nowhere else may the figures appear: not in realities, rules or answers.
    for myth in data.myths {
        assert!(!myth.reality.contains("58%"), "{}", myth.id);
    }
    for rule in data.rules {
        assert!(!rule.text.contains("6-7/10") && !rule.text.contains("6–7/10"), "{}", rule.id);
        assert!(!rule.text.contains("3-4x") && !rule.text.contains("3–4x"), "{}", rule.id);
    }
}

#[test]
fn every_reference_resolves() {
    let data = data();
    for routine in data.routines {
        assert!(dataset::location(routine.location).is_some(), "routine for unknown `{}`", routine.location);
        for step in routine.steps {
            assert!(dataset::drill(step.drill).is_some(), "{}: unknown drill `{}`", routine.location, step.drill);
            assert!((1..=3).contains(&step.priority), "{}: priority {}", step.drill, step.priority);
        }
    }
    for drill in data.drills {
        match drill.morning_swap {
            Some(swap) => {
                let swap = dataset::drill(swap).unwrap_or_else(|| panic!("{}: unknown swap `{swap}`", drill.id));
                assert!(drill.spinal_flexion, "{}: swap given for a drill without flexion", drill.id);
                assert!(!swap.spinal_flexion, "{}: swap {} also bends forward", drill.id, swap.id);
                assert!(!drill.desk_friendly || swap.desk_friendly, "{}: swap {} needs the floor", drill.id, swap.id);
            }
            None => assert!(!drill.spinal_flexion, "{}: bends forward but has no morning swap", drill.id),
        }
    }
}

#[test]
fn every_location_has_a_full_and_a_micro_routine_of_the_right_length() {
    let data = data();
    for location in data.locations {
        for variant in [Variant::Full, Variant::Micro] {
            let count = data.routines.iter().filter(|r| r.location == location.id && r.variant == variant).count();
            assert_eq!(count, 1, "{} {variant:?}", location.id);
        }
        let full = location.routine(Variant::Full);
        assert!((600..=900).contains(&full.total_seconds()), "{} full: {} s", location.id, full.total_seconds());
        let micro = location.routine(Variant::Micro);
        assert!((120..=180).contains(&micro.total_seconds()), "{} micro: {} s", location.id, micro.total_seconds());
        for step in micro.steps {
            let drill = step.drill();
            assert!(drill.desk_friendly, "{} micro: {} is not desk-friendly", location.id, drill.id);
            assert_ne!(drill.position, Position::Floor, "{} micro: {} is floor work", location.id, drill.id);
        }
        let drills: HashSet<_> = full.steps.iter().map(|s| s.drill).collect();
        assert_eq!(drills.len(), full.steps.len(), "{}: a drill repeats", location.id);
    }
}

#[test]
fn doses_are_in_range() {
    for drill in data().drills {
        let dose = &drill.dose;
        assert!(dose.reps >= 1 && dose.sets >= 1, "{}: empty dose", drill.id);
        assert!(dose.hold_seconds <= 60, "{}: hold {} s", drill.id, dose.hold_seconds);
        assert!(dose.hold_seconds > 0 || dose.rep_seconds > 0, "{}: a rep takes no time", drill.id);
        assert!(dose.sets > 1 || dose.rest_seconds == 0, "{}: rest without a second set", drill.id);
        assert!(!drill.targets.is_empty() && !drill.cues.is_empty(), "{}: no targets or cues", drill.id);
    }
}

#[test]
fn no_text_is_empty() {
    let json = serde_json::to_value(data()).unwrap();
    fn walk(path: &str, value: &serde_json::Value) {
        match value {
            serde_json::Value::String(text) => assert!(!text.trim().is_empty(), "empty text at {path}"),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(&format!("{path}[{i}]"), item);
                }
            }
            serde_json::Value::Object(fields) => {
                for (key, item) in fields {
                    walk(&format!("{path}.{key}"), item);
                }
            }
            _ => {}
        }
    }
    walk("dataset", &json);
}

/// The morning caution is computed from the movement: every drill whose positions bend the low
/// back shows it wherever it is shown, no other drill does, and no drill writes it by hand.
#[test]
fn every_drill_that_bends_the_low_back_carries_a_morning_caution() {
    for drill in data().drills {
        let shown = drill.shown_cautions().iter().any(|caution| caution == dataset::MORNING_CAUTION);
        assert_eq!(shown, drill.spinal_flexion, "{}", drill.id);
        assert!(!drill.cautions.contains(&dataset::MORNING_CAUTION), "{}: written by hand", drill.id);
    }
}
