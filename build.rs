//! Turns `data/*.json` into a Rust literal in `OUT_DIR/dataset.rs`, so the binary starts
//! without parsing JSON (see the speed budget in the README). The schema is shared with the
//! library through `src/dataset/schema.rs`; a data file that does not match it fails the build
//! with the file's name and serde's line and column.

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

type Str = String;
type List<T> = Vec<T>;
type Opt<T> = Option<T>;

/// Prints a value as a Rust expression of the matching `'static` type.
trait Literal {
    fn literal(&self, out: &mut String);
}

impl Literal for String {
    fn literal(&self, out: &mut String) {
        // `str`'s Debug output is a valid Rust string literal.
        let _ = write!(out, "{self:?}");
    }
}

impl<T: Literal> Literal for Vec<T> {
    fn literal(&self, out: &mut String) {
        out.push_str("&[");
        for item in self {
            item.literal(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<T: Literal> Literal for Option<T> {
    fn literal(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.literal(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! display_literal {
    ($($t:ty),*) => {$(
        impl Literal for $t {
            fn literal(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
display_literal!(bool, u8, u32, i16);

macro_rules! records {
    ($( $(#[$m:meta])* pub struct $name:ident { $( $(#[$fm:meta])* pub $field:ident : $ty:ty ),* $(,)? } )*) => {$(
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        $(#[$m])*
        pub struct $name { $( $(#[$fm])* pub $field: $ty ),* }

        impl Literal for $name {
            fn literal(&self, out: &mut String) {
                out.push_str(concat!(stringify!($name), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.literal(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    )*};
}

macro_rules! choices {
    ($( $(#[$m:meta])* pub enum $name:ident { $($variant:ident),* $(,)? } )*) => {$(
        #[derive(Deserialize, Clone, Copy, PartialEq)]
        $(#[$m])*
        pub enum $name { $($variant),* }

        impl Literal for $name {
            fn literal(&self, out: &mut String) {
                out.push_str(match self {
                    $( $name::$variant => concat!(stringify!($name), "::", stringify!($variant)), )*
                });
            }
        }
    )*};
}

include!("src/dataset/schema.rs");
include!("src/dataset/movement.rs");

fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let path = Path::new("data").join(name);
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Fills in each drill's movements, its morning flag and the conditions that rule it out from
/// its key positions. A drill file
/// that still lists movements by hand must list exactly the computed ones.
fn compute_movements(drills: &mut [Drill], rules: &[MovementRule], morning_rule: &str, conditions: &[Condition]) {
    assert!(rules.iter().any(|rule| rule.id == morning_rule), "data/conditions.json: no rule {morning_rule:?}");
    for drill in drills {
        let computed: Vec<String> =
            rules.iter().filter(|rule| rule_applies(rule, &drill.positions)).map(|rule| rule.id.clone()).collect();
        assert!(
            drill.movements.is_empty() || drill.movements == computed,
            "data/drills.json: {} lists movements {:?} by hand, but its positions give {:?}; remove the list",
            drill.id,
            drill.movements,
            computed
        );
        drill.spinal_flexion = computed.iter().any(|id| id == morning_rule);
        assert!(drill.not_for.is_empty(), "data/drills.json: {} lists not_for by hand; remove it", drill.id);
        drill.not_for = not_for(conditions, &computed).into_iter().map(|condition| condition.id.clone()).collect();
        drill.movements = computed;
    }
}

fn main() {
    println!("cargo::rerun-if-changed=src/dataset/schema.rs");
    println!("cargo::rerun-if-changed=src/dataset/movement.rs");
    let conditions: ConditionsFile = load("conditions.json");
    let mut drills: Vec<Drill> = load("drills.json");
    compute_movements(&mut drills, &conditions.rules, &conditions.morning_rule, &conditions.conditions);
    let dataset = Dataset {
        meta: load("meta.json"),
        citations: load("citations.json"),
        myths: load("myths.json"),
        locations: load("locations.json"),
        drills,
        routines: load("routines.json"),
        rules: load("rules.json"),
        faq: load("faq.json"),
        conditions: conditions.conditions,
        movement_rules: conditions.rules,
        morning_rule: conditions.morning_rule,
        regions: load("regions.json"),
        measures: load("measures.json"),
    };
    let mut code = String::from("pub static DATASET: Dataset = ");
    dataset.literal(&mut code);
    code.push_str(";\n");
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dataset.rs");
    std::fs::write(&out, code).unwrap_or_else(|err| panic!("cannot write {}: {err}", out.display()));
}
