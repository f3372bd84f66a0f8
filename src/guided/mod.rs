//! Guided sessions (`routine --guided`): `cues` turns a plan into what is said and timed (pure),
//! `player` times it against a clock and keys, and the views show it: `screen` on a terminal,
//! `lines` as plain text or JSON lines when the output is piped.

pub mod cues;
pub mod player;
