//! Rule packs and the screening engine. Pure: no SQL, no terminal.

mod facts;
pub mod pack;
mod screen;
mod search;

pub use facts::{Facts, FactsError};
pub use pack::RulePack;
pub use screen::{Hit, HitKind, Screening, Verdict, screen};
pub use search::{SearchHit, search};

/// The default rule pack, embedded in the binary.
pub const EMBEDDED_PACK: &str = include_str!("../../fixtures/rules/cn-strategic-minerals.toml");

mod reconcile;
pub use reconcile::{Suggestion, WEIGHT_TOLERANCE_PCT, facts_for, reconcile};
