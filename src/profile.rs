//! What applies to the person: the conditions whose precautions change the routines, and the
//! region whose emergency numbers and services the red flags name. Given with `--condition` and
//! `--region`, or in the config file's `[profile]` table.

use crate::dataset::{Condition, Region, UrgencyWording};

/// The person's conditions and region; empty means no precautions and neutral wording.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub conditions: Vec<&'static Condition>,
    pub region: Option<&'static Region>,
}

impl Profile {
    /// The conditions from both the flags and the file (a precaution is never dropped because
    /// the other place left it out), each once; the flag's region wins over the file's.
    pub fn merge(flags: &Profile, file: &Profile) -> Profile {
        let mut conditions: Vec<&'static Condition> = Vec::new();
        for condition in flags.conditions.iter().chain(&file.conditions) {
            if !conditions.iter().any(|known| known.id == condition.id) {
                conditions.push(condition);
            }
        }
        Profile { conditions, region: flags.region.or(file.region) }
    }

    /// How the red flags say what to do.
    pub fn wording(&self) -> &'static UrgencyWording {
        UrgencyWording::of(self.region)
    }
}

pub use crate::dataset::find::{condition, location, region};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_file_add_up_and_the_flag_region_wins() {
        let flags = Profile { conditions: vec![condition("pregnancy").unwrap()], region: Some(region("uk").unwrap()) };
        let file = Profile {
            conditions: vec![condition("osteoporosis").unwrap(), condition("pregnancy").unwrap()],
            region: Some(region("de").unwrap()),
        };
        let merged = Profile::merge(&flags, &file);
        let ids: Vec<_> = merged.conditions.iter().map(|condition| condition.id).collect();
        assert_eq!(ids, ["pregnancy", "osteoporosis"]);
        assert_eq!(merged.region.map(|region| region.id), Some("uk"));
        assert_eq!(Profile::merge(&Profile::default(), &file).region.map(|region| region.id), Some("de"));
    }

    #[test]
    fn a_near_miss_is_named_with_the_valid_names() {
        let err = condition("hip-replacment").unwrap_err();
        assert!(
            err.starts_with("unknown condition `hip-replacment` (did you mean `hip-replacement`?); valid: "),
            "{err}"
        );
        assert!(err.contains("pregnancy") && err.contains("recent-surgery"), "{err}");
        let err = region("ukk").unwrap_err();
        assert!(
            err.contains("(did you mean `uk`?)") && err.contains("valid: uk, us, ca, au, nz, ie, de, in, eu"),
            "{err}"
        );
        assert_eq!(condition("Pregnant").map(|condition| condition.id), Ok("pregnancy"));
    }

    #[test]
    fn natural_phrases_name_a_location_or_ask_which() {
        let id = |text: &str| location(text).map(|location| location.id);
        for (text, expected) in [
            ("hip pain", "hip"),
            ("low back pain", "lower"),
            ("Lower Back", "lower"),
            ("lower back pain", "lower"),
            ("upper back", "upper"),
            ("mid back ache", "upper"),
            ("pain in my neck", "neck"),
            ("stiff neck", "neck"),
            ("sciatica down my left leg", "sciatic"),
            ("sore hips", "hip"),
            ("E", "neck"),
        ] {
            assert_eq!(id(text), Ok(expected), "{text}");
        }
        let back = location("back").unwrap_err();
        assert!(
            back.contains("which part of the back?") && back.contains("`lower`") && back.contains("`upper`"),
            "{back}"
        );
        assert!(location("back pain").unwrap_err().contains("which part"));
        let both = location("neck and hip").unwrap_err();
        assert!(both.contains("more than one") && both.contains("`neck`") && both.contains("`hip`"), "{both}");
        assert!(location("lumbr").unwrap_err().contains("did you mean `lumbar`?"));
    }
}
