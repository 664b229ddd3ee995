//! The rule-pack format (TOML), parsed into plain types. Pure: no I/O.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::EndUse;

/// A whole rule pack as written in `fixtures/rules/*.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePack {
    pub pack: PackInfo,
    /// Mineral families (names, description words, controlled elements).
    #[serde(default)]
    pub families: Vec<Family>,
    #[serde(default)]
    pub announcements: Vec<Announcement>,
    #[serde(default)]
    pub suspensions: Vec<Suspension>,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub clauses: Vec<Clause>,
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// Match thresholds of party screening.
    #[serde(default)]
    pub party_screening: super::party::PartyScreening,
    #[serde(default)]
    pub party_lists: Vec<super::party::PartyList>,
    #[serde(default)]
    pub parties: Vec<super::party::Party>,
    /// Built on first use, never read from or written to TOML.
    #[serde(skip)]
    pub party_index: super::party_index::PartyIndexCache,
}

impl RulePack {
    /// The token index of this pack's listed names (built on first use, then kept).
    pub fn party_index(&self) -> &super::party_index::PartyIndex {
        self.party_index
            .get_or_init(|| super::party_index::PartyIndex::new(&self.parties))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    /// Sortable version, e.g. `2026.03.1`.
    pub version: String,
    pub published: NaiveDate,
    pub title: String,
    /// Screening a date later than `published + stale_after_days` warns that the pack may be stale.
    #[serde(default = "default_stale_days")]
    pub stale_after_days: u32,
    #[serde(default)]
    pub notes: String,
}

fn default_stale_days() -> u32 {
    180
}

/// A mineral family, e.g. `gallium`: its names, the words that mention it in a
/// description, and its controlled elements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: String,
    pub name_en: String,
    #[serde(default)]
    pub name_zh: String,
    /// Words (English, Chinese) that mention the family in a description.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Element symbols of the family, e.g. `["Ga"]`.
    #[serde(default)]
    pub elements: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnouncementStatus {
    InForce,
    Suspended,
    Superseded,
    Framework,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// Stable id, e.g. `2023-23`.
    pub id: String,
    /// As cited, e.g. `2023 No. 23`.
    pub number: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: String,
    pub issuers: Vec<String>,
    pub published: NaiveDate,
    /// The day it applies (or was to apply: an announcement suspended before it took
    /// effect keeps its planned date; the suspension window decides). None = never.
    pub effective: Option<NaiveDate>,
    /// Last day in force of a superseded or repealed announcement.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    /// Status as the reference reports it; screening decides from the dates.
    pub status: AnnouncementStatus,
    #[serde(default)]
    pub notes: String,
    /// Facts the reference marks UNCONFIRMED; empty when everything is confirmed.
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    pub sources: Vec<String>,
}

/// A time-boxed suspension of a whole announcement or of one clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    /// Announcement suspended.
    pub target: String,
    /// When only part of the announcement is suspended: a clause `id` or a clause
    /// number (`clause_no`, e.g. `2`) of the target announcement.
    #[serde(default)]
    pub clause: Option<String>,
    /// Announcement that suspends it.
    pub by: String,
    pub start: NaiveDate,
    /// Last day of the suspension (inclusive).
    pub end: NaiveDate,
    #[serde(default)]
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
}

impl Op {
    pub fn holds(self, measured: f64, threshold: f64) -> bool {
        match self {
            Op::Gt => measured > threshold,
            Op::Ge => measured >= threshold,
            Op::Lt => measured < threshold,
            Op::Le => measured <= threshold,
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::Lt => "<",
            Op::Le => "≤",
        }
    }
}

/// One technical threshold. Criteria with the same `group` must all hold; an item is
/// controlled when any group holds (OR of ANDs). No criteria = every grade is controlled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Measurement name, e.g. `purity_pct`, `flexural_strength_mpa`, `density_g_cm3`.
    pub measurement: String,
    pub op: Op,
    pub value: f64,
    #[serde(default)]
    pub group: String,
    /// The threshold is not confirmed: a measured value that fails it gives
    /// `needs_review` instead of releasing the goods.
    #[serde(default)]
    pub unconfirmed: bool,
    /// Where the threshold comes from, when not the announcement text itself.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HsRef {
    pub code: String,
    #[serde(default)]
    pub note: String,
    /// The code is printed in a source but is probably a misprint of this one.
    #[serde(default)]
    pub misprint_of: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, e.g. `ga-metal`.
    pub id: String,
    /// gallium, germanium, antimony, superhard, graphite, tungsten, tellurium, bismuth,
    /// molybdenum, indium, rare_earth, rare_earth_equipment, battery ...
    pub family: String,
    pub announcement: String,
    pub name_en: String,
    #[serde(default)]
    pub name_zh: String,
    /// Chemical symbols and formulae, e.g. `["GaAs"]`.
    #[serde(default)]
    pub formulae: Vec<String>,
    /// Description keywords (English and Chinese) that suggest this item.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Words that mention this item only generically (e.g. `gallium` for gallium metal):
    /// they match when no item sharing an element with this one matched more specifically.
    #[serde(default)]
    pub generic_keywords: Vec<String>,
    /// Controlled elements: a declared or measured composition containing one of them
    /// (at or above `element_min_pct`) matches this item.
    #[serde(default)]
    pub elements: Vec<String>,
    #[serde(default)]
    pub element_min_pct: f64,
    /// The item that stands for its family when only the composition matched.
    #[serde(default)]
    pub family_primary: bool,
    /// Words (English or Chinese) that, with one of `elements` in the composition, pick
    /// this item instead of the family's primary one (`magnet` with Dy: the Dy magnet).
    #[serde(default)]
    pub composition_keywords: Vec<String>,
    #[serde(default)]
    pub control_code: Option<String>,
    #[serde(default)]
    pub hs_codes: Vec<HsRef>,
    /// HS codes the goods are declared under in practice (enforcement cases) without being
    /// a reference code of the item (whether they are listed is UNCONFIRMED): a search aid
    /// (`8505` finds the NdFeB magnets), never a screening match.
    #[serde(default)]
    pub declared_hs: Vec<String>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// The item has technical criteria that the sources do not give (UNCONFIRMED): a
    /// match needs review (expert identification) instead of `licence_required`.
    #[serde(default)]
    pub criteria_unconfirmed: bool,
    #[serde(default = "yes")]
    pub licence_required: bool,
    /// Technology items are not goods at a border; they never match goods facts.
    #[serde(default)]
    pub technology: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub unconfirmed: Vec<String>,
    pub sources: Vec<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    Destination,
    EndUse,
}

pub use super::effect::Effect;

/// A destination or end-use clause (2024 No. 46 cl. 1 and 2, 2026 No. 1 ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: String,
    pub announcement: String,
    /// The clause number inside the announcement, e.g. `2` (several rule clauses may
    /// share one, as D-US-2 and D-US-GR share clause 2 of 2024 No. 46).
    #[serde(default)]
    pub clause_no: Option<String>,
    pub kind: ClauseKind,
    /// ISO 3166 alpha-2; None = any destination.
    #[serde(default)]
    pub country: Option<String>,
    /// None = any end use.
    #[serde(default)]
    pub end_use: Option<EndUse>,
    /// Words in the declared end user that make it a military end user for this
    /// clause (lower-case match), e.g. `army`, `ministry of defense`, `自卫队`.
    #[serde(default)]
    pub end_user_keywords: Vec<String>,
    /// Families covered; empty = every controlled item.
    #[serde(default)]
    pub families: Vec<String>,
    pub effect: Effect,
    pub valid_from: NaiveDate,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
    pub text: String,
    #[serde(default)]
    pub unconfirmed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// `M1` .. `M10`.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_zh: String,
    pub guidance: String,
    #[serde(default)]
    pub sources: Vec<String>,
}
