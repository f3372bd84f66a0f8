//! One file per subcommand. Each builds a typed report from the dataset and never prints;
//! `crate::run` hands the report to a renderer.

pub mod drills;
pub mod faq;
pub mod myths;
pub mod route;
pub mod routine;
pub mod sources;
