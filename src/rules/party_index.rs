//! The token index of a pack's listed names, built once with the pack index: a screened
//! name is scored (Jaro-Winkler over normalised, token-sorted names) only against the
//! listed names that share an index key with it, never against every alias. Pure.

use std::collections::HashMap;

use super::names::{index_keys, normalize_name, similarity};
use super::party::Party;

/// A name shorter than this (normalised) matches only when equal: `HII` is not `HI`.
const MIN_FUZZY_CHARS: usize = 4;

#[derive(Debug, Clone)]
struct Listed {
    party: usize,
    /// The name as the pack writes it.
    raw: String,
    normalized: String,
}

/// Every listed name of a pack, normalised, and the index keys that lead to them.
#[derive(Debug, Clone, Default)]
pub struct PartyIndex {
    names: Vec<Listed>,
    postings: HashMap<String, Vec<u32>>,
}

/// A pack's [`PartyIndex`], built the first time a screening needs it and kept with the
/// pack (packs compare equal whatever their caches hold).
#[derive(Debug, Clone, Default)]
pub struct PartyIndexCache(std::sync::OnceLock<PartyIndex>);

impl PartialEq for PartyIndexCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl PartyIndexCache {
    pub fn get_or_init(&self, f: impl FnOnce() -> PartyIndex) -> &PartyIndex {
        self.0.get_or_init(f)
    }
}

/// A listed party a screened name resembles.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyMatch {
    /// Index into `pack.parties`.
    pub party: usize,
    /// The listed name (or alias) that scored best, as the pack writes it.
    pub listed_name: String,
    /// 0..=1; 1 = the same name once normalised.
    pub score: f64,
}

impl PartyIndex {
    /// The index of `parties` (a pack's `parties`, in order).
    pub fn new(parties: &[Party]) -> Self {
        let mut index = PartyIndex::default();
        for (p, party) in parties.iter().enumerate() {
            let first = index.names.len();
            for raw in party.names() {
                let normalized = normalize_name(raw);
                if normalized.is_empty()
                    || index.names[first..]
                        .iter()
                        .any(|l| l.normalized == normalized)
                {
                    continue;
                }
                let at = u32::try_from(index.names.len()).unwrap_or(u32::MAX);
                for key in index_keys(&normalized) {
                    index.postings.entry(key).or_default().push(at);
                }
                index.names.push(Listed {
                    party: p,
                    raw: raw.to_string(),
                    normalized,
                });
            }
        }
        index
    }

    /// How many listed names the index holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The listed names sharing an index key with `name` (what would be scored).
    pub fn candidates(&self, name: &str) -> Vec<usize> {
        self.candidates_of(&normalize_name(name))
    }

    fn candidates_of(&self, normalized: &str) -> Vec<usize> {
        let mut out: Vec<usize> = index_keys(normalized)
            .iter()
            .filter_map(|k| self.postings.get(k))
            .flatten()
            .map(|i| *i as usize)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The listed parties `name` scores at least `min` against, each once (its best
    /// name), best first.
    pub fn matches(&self, name: &str, min: f64) -> Vec<PartyMatch> {
        let query = normalize_name(name);
        if query.is_empty() {
            return Vec::new();
        }
        let short = query.chars().count() < MIN_FUZZY_CHARS;
        let mut best: Vec<PartyMatch> = Vec::new();
        for i in self.candidates_of(&query) {
            let l = &self.names[i];
            let score = if short || l.normalized.chars().count() < MIN_FUZZY_CHARS {
                if l.normalized == query { 1.0 } else { 0.0 }
            } else {
                similarity(&query, &l.normalized)
            };
            if score < min {
                continue;
            }
            match best.iter_mut().find(|m| m.party == l.party) {
                Some(m) if m.score >= score => {}
                Some(m) => {
                    m.score = score;
                    m.listed_name = l.raw.clone();
                }
                None => best.push(PartyMatch {
                    party: l.party,
                    listed_name: l.raw.clone(),
                    score,
                }),
            }
        }
        best.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.party.cmp(&b.party)));
        best
    }

    /// The listed parties one of whose names (at least [`MIN_FUZZY_CHARS`] long) `name`
    /// holds whole and says more besides: every listed word among its words, a Chinese
    /// listed word inside one of its words ("Lockheed Martin Space Systems" and
    /// "洛克希德·马丁空间系统" of "Lockheed Martin"). That is how a branch, subsidiary or
    /// unit of a listed group is named; candidates come from the same token index.
    pub fn contained(&self, name: &str) -> Vec<PartyMatch> {
        let query = normalize_name(name);
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        let mut best: Vec<PartyMatch> = Vec::new();
        for i in self.candidates_of(&query) {
            let l = &self.names[i];
            if l.normalized == query || l.normalized.chars().count() < MIN_FUZZY_CHARS {
                continue;
            }
            let holds = l.normalized.split(' ').all(|w| {
                words.contains(&w) || (!w.is_ascii() && words.iter().any(|q| q.contains(w)))
            });
            if !holds || best.iter().any(|m| m.party == l.party) {
                continue;
            }
            best.push(PartyMatch {
                party: l.party,
                listed_name: l.raw.clone(),
                score: similarity(&query, &l.normalized),
            });
        }
        best.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.party.cmp(&b.party)));
        best
    }
}
