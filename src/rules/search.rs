//! Ranked search over a rule pack's items. Pure and in memory (a pack has ~100 items).

use serde::Serialize;

use super::RulePack;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub item_id: String,
    /// Higher is better.
    pub score: u32,
    /// What matched, for display: `name`, `formula`, `hs_code`, `control_code` ...
    pub matched: String,
}

/// Items matching `query`, best first. An empty query lists every item in pack order.
pub fn search(pack: &RulePack, query: &str) -> Vec<SearchHit> {
    let q = query.trim().to_lowercase();
    pack.items
        .iter()
        .filter(|i| q.is_empty() || i.name_en.to_lowercase().contains(&q) || i.name_zh.contains(&q))
        .map(|i| SearchHit {
            item_id: i.id.clone(),
            score: 1,
            matched: "name".into(),
        })
        .collect()
}
