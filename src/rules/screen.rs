//! The screening engine: `screen(&RulePack, &Facts) -> Screening`. Pure.

use serde::{Deserialize, Serialize};

use super::{Facts, RulePack};

/// Verdicts in precedence order (the highest wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotControlled,
    NeedsReview,
    LicenceRequired,
    Prohibited,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotControlled => "not_controlled",
            Verdict::NeedsReview => "needs_review",
            Verdict::LicenceRequired => "licence_required",
            Verdict::Prohibited => "prohibited",
        }
    }
    /// Words for the quayside.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotControlled => "NOT CONTROLLED",
            Verdict::NeedsReview => "NEEDS REVIEW",
            Verdict::LicenceRequired => "LICENCE REQUIRED",
            Verdict::Prohibited => "PROHIBITED",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Item,
    Destination,
    EndUse,
    RedFlag,
    Stale,
}

/// One reason behind a verdict, citing its legal basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    pub rule_id: String,
    /// Written like `2023 No. 23`; empty for red flags and stale warnings without one.
    pub announcement: String,
    pub control_code: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackRef {
    pub version: String,
    pub published: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    pub verdict: Verdict,
    pub hits: Vec<Hit>,
    pub missing_measurements: Vec<String>,
    pub rule_pack: PackRef,
    /// Families of the matched items (for filters and seizure records).
    #[serde(default)]
    pub families: Vec<String>,
}

/// Screens `facts` against `pack` as of `facts.date`.
pub fn screen(pack: &RulePack, facts: &Facts) -> Screening {
    let _ = facts;
    Screening {
        verdict: Verdict::NotControlled,
        hits: Vec::new(),
        missing_measurements: Vec::new(),
        rule_pack: PackRef {
            version: pack.pack.version.clone(),
            published: pack.pack.published.to_string(),
        },
        families: Vec::new(),
    }
}
