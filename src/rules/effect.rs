//! What a clause or a party listing does to a verdict. Pure.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    NeedsReview,
    LicenceRequired,
    Prohibited,
}
