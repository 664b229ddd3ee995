//! Searching a pack's parties by any of their names: id, English or Chinese name, alias
//! (whole name, start, word or substring, after the same normalisation screening uses),
//! and, when nothing matches, names within the weak match threshold. Pure.

use serde::Serialize;

use super::names::{normalize_name, similarity};
use super::pack::RulePack;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyHit {
    pub party_id: String,
    /// Higher is better.
    pub score: u32,
    /// The name or alias that matched (empty for an id or the empty query).
    pub matched: String,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Parties matching `query`, best first; the empty query lists them all in pack order.
pub fn search_parties(pack: &RulePack, query: &str) -> Vec<PartyHit> {
    let q = query.trim();
    if q.is_empty() {
        return pack
            .parties
            .iter()
            .map(|p| PartyHit {
                party_id: p.id.clone(),
                score: 0,
                matched: String::new(),
            })
            .collect();
    }
    let (ql, qn) = (lower(q), normalize_name(q));
    let mut hits: Vec<(usize, PartyHit)> = Vec::new();
    for (n, p) in pack.parties.iter().enumerate() {
        let mut best: Option<(u32, String)> = None;
        let mut take = |s: u32, name: &str| {
            if best.as_ref().is_none_or(|(b, _)| s > *b) {
                best = Some((s, name.to_string()));
            }
        };
        if p.id.eq_ignore_ascii_case(q) {
            take(1000, "");
        }
        for name in p.names() {
            let (nl, nn) = (lower(name), normalize_name(name));
            if nl == ql || (!qn.is_empty() && nn == qn) {
                take(900, name);
            } else if nl.starts_with(&ql) {
                take(760, name);
            } else if nl.match_indices(&ql).any(|(at, _)| {
                nl[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            }) {
                take(620, name);
            } else if q.chars().count() >= 2 && nl.contains(&ql) {
                take(480, name);
            }
        }
        if let Some((score, matched)) = best {
            hits.push((
                n,
                PartyHit {
                    party_id: p.id.clone(),
                    score,
                    matched,
                },
            ));
        }
    }
    if hits.is_empty() && qn.chars().count() >= 4 {
        hits = near(pack, &qn);
    }
    hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(_, h)| h).collect()
}

/// Names at or above the pack's weak match threshold (a name typed with a slip).
fn near(pack: &RulePack, qn: &str) -> Vec<(usize, PartyHit)> {
    let weak = pack.party_screening.match_weak;
    let mut out = Vec::new();
    for (n, p) in pack.parties.iter().enumerate() {
        let best = p
            .names()
            .map(|name| (similarity(qn, &normalize_name(name)), name))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((score, name)) = best.filter(|(s, _)| *s >= weak) {
            out.push((
                n,
                PartyHit {
                    party_id: p.id.clone(),
                    score: (score * 300.0) as u32,
                    matched: name.to_string(),
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    fn ids(q: &str) -> Vec<String> {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        search_parties(&pack, q)
            .into_iter()
            .map(|h| h.party_id)
            .collect()
    }

    #[test]
    fn any_name_or_alias_finds_the_party() {
        assert_eq!(ids("Lockheed Martin Corporation")[0], "eccl-6");
        assert_eq!(ids("洛克希德·马丁公司")[0], "eccl-6");
        assert_eq!(ids("洛克希德")[0], "eccl-6");
        assert_eq!(ids("NCSIST")[0], "eccl-74"); // an alias
        assert_eq!(ids("eccl-118")[0], "eccl-118");
        assert!(ids("Shield AI").starts_with(&["eccl-36".to_string(), "uel-43".to_string()]));
        assert!(ids("lockheed").len() >= 8);
        assert_eq!(ids("Mitsubishi Materials Corp")[0], "wl-8"); // legal form aside
        assert_eq!(ids("Rheinmettal")[0], "eccl-143"); // a slip
        assert!(ids("no such party zz").is_empty());
        assert_eq!(ids("").len(), 230);
    }
}
