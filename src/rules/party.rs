//! Party lists in the rule pack: MOFCOM's export control control list, watch list and
//! unreliable entity list, the parties on them, and the match thresholds. Pure.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::effect::Effect;

/// How close a name must be to a listed name (Jaro-Winkler over normalised,
/// token-sorted names): at `match_strong` the party is taken as listed, from
/// `match_weak` the officer confirms who it is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyScreening {
    #[serde(default = "default_strong")]
    pub match_strong: f64,
    #[serde(default = "default_weak")]
    pub match_weak: f64,
}

fn default_strong() -> f64 {
    0.93
}

fn default_weak() -> f64 {
    0.85
}

impl Default for PartyScreening {
    fn default() -> Self {
        PartyScreening {
            match_strong: default_strong(),
            match_weak: default_weak(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    ControlList,
    WatchList,
    UnreliableEntityList,
}

impl ListKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::ControlList => "control_list",
            ListKind::WatchList => "watch_list",
            ListKind::UnreliableEntityList => "unreliable_entity_list",
        }
    }
}

/// One list: what being on it means for a dual-use export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyList {
    pub id: String,
    pub kind: ListKind,
    pub name_en: String,
    #[serde(default)]
    pub name_zh: String,
    /// The verdict a strong match gives (the watch list: a single licence).
    pub effect: Effect,
    /// Legal basis, as cited.
    #[serde(default)]
    pub basis: String,
    /// What the listing prohibits, in English and Chinese.
    pub prohibits: String,
    #[serde(default)]
    pub prohibits_zh: String,
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    pub sources: Vec<String>,
}

/// One listed party. Its listing announcement's suspension windows (`[[suspensions]]`)
/// apply to it; its own dates decide when the listing starts and ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Rule id (shared namespace with items and clauses), e.g. `eccl-6`.
    pub id: String,
    /// `[[party_lists]]` id.
    pub list: String,
    pub name_en: String,
    #[serde(default)]
    pub name_zh: String,
    /// Other names (English or Chinese) it is known by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// ISO 3166 alpha-2, when the source gives one (weak evidence: never filters a match).
    #[serde(default)]
    pub country: Option<String>,
    /// The listing announcement (`[[announcements]]` id).
    pub announcement: String,
    pub listed: NaiveDate,
    /// From when the measures apply (default: `listed`).
    #[serde(default)]
    pub effective: Option<NaiveDate>,
    /// Last day the measures applied, when they ceased.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    /// Overrides the list's effect for this party.
    #[serde(default)]
    pub effect: Option<Effect>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    /// Sources of this row (the announcement's sources apply as well).
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Party {
    pub fn effective_from(&self) -> NaiveDate {
        self.effective.unwrap_or(self.listed)
    }

    /// Every name it is screened by: English, Chinese, aliases (non-empty).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name_en.as_str())
            .chain(std::iter::once(self.name_zh.as_str()))
            .chain(self.aliases.iter().map(String::as_str))
            .filter(|n| !n.trim().is_empty())
    }
}
