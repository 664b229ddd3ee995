//! What screening answers: the verdict and the hits behind it (serialized as the
//! `screen --json` contract of issue 2 §5).

use serde::{Deserialize, Serialize};

use super::pack::Effect;
use std::collections::BTreeMap;

use crate::domain::{Msg, MsgArg};

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

impl From<Effect> for Verdict {
    fn from(e: Effect) -> Self {
        match e {
            Effect::NeedsReview => Verdict::NeedsReview,
            Effect::LicenceRequired => Verdict::LicenceRequired,
            Effect::Prohibited => Verdict::Prohibited,
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
    /// The consignee, end user or an intermediary is (or resembles) a listed party.
    Party,
}

/// One reason behind a verdict, citing its legal basis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub kind: HitKind,
    pub rule_id: String,
    /// Written like `2023 No. 23`; empty for red flags and stale warnings without one.
    pub announcement: String,
    pub control_code: Option<String>,
    /// The reason in English, as stored with the record (frozen once finalized).
    pub message: String,
    /// The reason's stable message id (DESIGN section 7), for the other languages; empty
    /// in screenings stored before ids existed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_id: String,
    /// The arguments of `message_id`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub message_args: BTreeMap<String, MsgArg>,
    /// What this hit alone would make the verdict (`not_controlled` for red flags and
    /// stale warnings, which accompany other hits).
    #[serde(default = "not_controlled")]
    pub effect: Verdict,
}

impl Hit {
    /// The reason as a message, when it has an id.
    pub fn msg(&self) -> Option<Msg> {
        (!self.message_id.is_empty()).then(|| Msg {
            id: self.message_id.clone(),
            args: self.message_args.clone(),
        })
    }
}

fn not_controlled() -> Verdict {
    Verdict::NotControlled
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
    /// The date screened against (YYYY-MM-DD).
    #[serde(default)]
    pub as_of: String,
    /// Things the officer should know that do not change the verdict: suspended or
    /// not-yet-effective announcements that would cover the goods, values below thresholds.
    #[serde(default)]
    pub notes: Vec<String>,
    /// The notes as message ids, index for index (absent in older screenings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note_msgs: Vec<Option<Msg>>,
}
