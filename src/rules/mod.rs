//! Rule packs and the screening engine. Pure: no SQL, no terminal.

mod clauses;
mod criteria;
mod declared;
mod effect;
mod elements;
mod facts;
mod hits;
mod judge;
mod judged;
mod matching;
pub mod measurements;
mod names;
pub mod pack;
mod pack_checks;
pub mod party;
mod party_checks;
mod party_index;
mod party_screen;
mod party_search;
pub use party_screen::party_standing;
mod said;
mod screen;
mod search;
mod search_notices;
mod siblings;
mod standing;
mod validate;

pub use declared::declared_composition;
pub use elements::is_element_symbol;
pub use facts::{Facts, FactsError};
pub use measurements::{MEASUREMENTS, is_known_measurement};
pub use names::normalize_name;
pub use pack::RulePack;
pub use party_index::{PartyIndex, PartyMatch};
pub use party_search::{PartyHit, search_parties};
pub use screen::{Hit, HitKind, PackIndex, PackRef, Screening, ScreeningIndex, Verdict, screen};
pub use search::{SearchHit, search};
pub use search_notices::{search_announcements, search_red_flags};
pub use standing::{Standing, announcement_standing, clause_standing, suspends_clause};
pub use validate::PackError;

/// The default rule pack, embedded in the binary.
pub const EMBEDDED_PACK: &str = include_str!("../../fixtures/rules/cn-strategic-minerals.toml");

mod reconcile;
pub use reconcile::{Suggestion, WEIGHT_TOLERANCE_PCT, facts_for, reconcile};
#[cfg(test)]
mod party_tests;
