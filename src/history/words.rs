//! The history's words (issue 19): what a field may hold, as types. Each reads back any word
//! a newer backpain writes (`Unknown`, kept as written), serializes to exactly the stored word,
//! and derefs to it, so a line is written byte for byte as before and the README's table of
//! values stays the one source.

use serde::{Deserialize, Serialize};

macro_rules! words {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant,)+
            /// A word this version does not know (written by a newer one): kept as written.
            #[serde(untagged)]
            Unknown(String),
        }

        impl $name {
            /// The word as stored.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $word,)+
                    $name::Unknown(word) => word,
                }
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }

        impl From<&str> for $name {
            fn from(word: &str) -> $name {
                match word {
                    $($word => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }
        }
    };
}

words! {
    /// reminder: how it reached the person, or why it did not (`delivered`).
    Delivered {
        /// A desktop notification.
        Notification = "notification",
        /// Printed in the terminal: no notification server (`reason` says why).
        Terminal = "terminal",
        /// Held back: due while the person was away or busy, it comes when that ends. The same
        /// word records a reminder missed while the computer slept, whose window closed before
        /// it woke: `Delivered::MISSED_ASLEEP` names that one in code.
        Held = "held",
        /// Dropped: a natural break or a closed window covered it.
        Skipped = "skipped",
        /// A natural break moved the next reminder (`reason` says to when).
        Retimed = "retimed",
    }
}

impl Delivered {
    /// A reminder due while the computer slept, whose window had closed when it woke: stored as
    /// `held` (README, "History"), with a `reason` that says so.
    pub const MISSED_ASLEEP: Delivered = Delivered::Held;

    /// Not shown (held, skipped or retimed).
    pub fn withheld(&self) -> bool {
        matches!(self, Delivered::Held | Delivered::Skipped | Delivered::Retimed)
    }
}

words! {
    /// response: what the person did with a notification (`action`): the one name for it is
    /// an answer.
    Answer {
        /// Done: the break was taken.
        Done = "done",
        /// Snooze: show it again later.
        Snooze = "snooze",
        /// Closed or timed out unanswered.
        Expired = "expired",
        /// A click on the body: the routine opened in a terminal.
        Open = "open",
    }
}

words! {
    /// session: how a guided session ended (`ending`).
    Ending {
        Finished = "finished",
        Quit = "quit",
        Interrupted = "interrupted",
    }
}

words! {
    /// session, break: which routine (`variant`).
    RoutineVariant {
        Full = "full",
        Micro = "micro",
    }
}

impl From<crate::dataset::Variant> for RoutineVariant {
    fn from(variant: crate::dataset::Variant) -> RoutineVariant {
        match variant {
            crate::dataset::Variant::Full => RoutineVariant::Full,
            crate::dataset::Variant::Micro => RoutineVariant::Micro,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_unknown_ones_are_kept_as_written() {
        for word in ["notification", "terminal", "held", "skipped", "retimed", "paged-by-a-newer-version"] {
            let json = format!("\"{word}\"");
            let read: Delivered = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
            assert_eq!(&*read, word);
        }
        assert_eq!(serde_json::from_str::<Answer>("\"done\"").unwrap(), Answer::Done);
        assert_eq!(serde_json::from_str::<Answer>("\"later\"").unwrap(), Answer::Unknown("later".into()));
        assert_eq!(Ending::from("quit"), Ending::Quit);
        assert_eq!(serde_json::to_string(&RoutineVariant::Micro).unwrap(), "\"micro\"");
    }
}
