//! How the facts of a shipment meet the items of a pack: by reference HS code, by
//! description (keywords, names, formulae) and by composition. Pure.

use std::collections::BTreeMap;

use super::Facts;
use super::elements::is_element_symbol;
use super::pack::{Item, RulePack};

/// The facts with the element contents declared in the description (`Dy 0.18%`).
pub(super) struct Input<'f> {
    pub facts: &'f Facts,
    /// From the description: used when `facts.composition` lacks the element.
    pub declared: BTreeMap<String, f64>,
}

impl<'f> Input<'f> {
    pub fn new(facts: &'f Facts) -> Self {
        Input {
            facts,
            declared: super::declared::declared_composition(&facts.description),
        }
    }

    /// Measured composition first, then the declared elements it lacks (flagged `true`).
    pub fn composition(&self) -> impl Iterator<Item = (&String, f64, bool)> {
        let measured = self.facts.composition.iter().map(|(k, v)| (k, *v, false));
        let declared = self
            .declared
            .iter()
            .filter(|(k, _)| !self.facts.composition.contains_key(*k))
            .map(|(k, v)| (k, *v, true));
        measured.chain(declared)
    }
}

/// Lower-cased matching tables, built once per pack.
#[derive(Debug, Clone)]
pub(super) struct ItemKeys {
    /// Lower-cased keywords and the Chinese name.
    pub words: Vec<String>,
    /// Formulae used on descriptions: case-sensitive whole tokens, 3+ characters.
    pub formulae: Vec<String>,
    pub generic: Vec<String>,
}

impl ItemKeys {
    pub fn new(item: &Item) -> Self {
        let mut words: Vec<String> = item.keywords.iter().map(|k| k.to_lowercase()).collect();
        if !item.name_zh.trim().is_empty() {
            words.push(item.name_zh.clone());
        }
        ItemKeys {
            words,
            formulae: item
                .formulae
                .iter()
                .filter(|f| {
                    f.chars().count() >= 3
                        && f.chars().all(|c| c.is_ascii_alphanumeric())
                        && !is_element_symbol(f)
                })
                .cloned()
                .collect(),
            generic: item
                .generic_keywords
                .iter()
                .map(|k| k.to_lowercase())
                .collect(),
        }
    }
}

/// The description, prepared once per screening.
pub(super) struct Description {
    pub lower: String,
    pub tokens: Vec<String>,
}

impl Description {
    pub fn new(text: &str) -> Self {
        Description {
            lower: text.to_lowercase(),
            tokens: text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }

    /// `word` occurs at a word start (ASCII words) or anywhere (CJK).
    pub fn has_word(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        let ascii_start = word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if !ascii_start {
            return self.lower.contains(word);
        }
        self.lower.match_indices(word).any(|(at, _)| {
            self.lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    }

    pub fn has_token(&self, formula: &str) -> bool {
        self.tokens.iter().any(|t| t == formula)
    }

    /// The first keyword or formula of `keys` found, for the message.
    pub fn specific(&self, keys: &ItemKeys) -> Option<String> {
        keys.words
            .iter()
            .filter(|w| self.has_word(w))
            .max_by_key(|w| w.len())
            .or_else(|| keys.formulae.iter().find(|f| self.has_token(f)))
            .cloned()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HsHit {
    None,
    /// The declared code is the reference code or lies inside it.
    Exact,
    /// The declared code is shorter and covers the reference code.
    Partial,
}

/// How one item matched.
#[derive(Debug, Clone)]
pub(super) struct ItemMatch {
    pub item: usize,
    pub hs: HsHit,
    /// Reference code matched, and the code it is a misprint of (if so).
    pub hs_code: Option<(String, Option<String>)>,
    pub word: Option<String>,
    pub generic: Option<String>,
    pub element: Option<(String, f64)>,
    /// The element content comes from the description, not from a measurement.
    pub element_declared: bool,
}

impl ItemMatch {
    pub fn by_description(&self) -> bool {
        self.word.is_some() || self.generic.is_some()
    }
    pub fn specific(&self) -> bool {
        self.word.is_some() || self.hs == HsHit::Exact
    }
}

pub(super) fn hs_hit(item: &Item, declared: &str) -> (HsHit, Option<(String, Option<String>)>) {
    let mut best = (HsHit::None, None);
    for h in &item.hs_codes {
        if declared.starts_with(h.code.as_str()) {
            return (HsHit::Exact, Some((h.code.clone(), h.misprint_of.clone())));
        }
        if h.code.starts_with(declared) && best.0 == HsHit::None {
            best = (
                HsHit::Partial,
                Some((h.code.clone(), h.misprint_of.clone())),
            );
        }
    }
    best
}

/// Every item the facts point at (technology items never match goods).
pub(super) fn match_items(pack: &RulePack, keys: &[ItemKeys], input: &Input<'_>) -> Vec<ItemMatch> {
    let desc = Description::new(&input.facts.description);
    let mut out = specific_matches(pack, keys, input, &desc);
    generic_matches(pack, keys, &desc, &mut out);
    element_matches(pack, input, &desc, &mut out);
    out
}

/// Items matched by reference HS code or by a specific word of the description.
fn specific_matches(
    pack: &RulePack,
    keys: &[ItemKeys],
    input: &Input<'_>,
    desc: &Description,
) -> Vec<ItemMatch> {
    let declared = input.facts.hs_code.as_ref().map(|h| h.as_str());
    let mut out: Vec<ItemMatch> = Vec::new();
    for (i, item) in pack.items.iter().enumerate() {
        if item.technology {
            continue;
        }
        let (hs, hs_code) = declared
            .map(|d| hs_hit(item, d))
            .unwrap_or((HsHit::None, None));
        let word = desc.specific(&keys[i]);
        if hs != HsHit::None || word.is_some() {
            out.push(ItemMatch {
                item: i,
                hs,
                hs_code,
                word,
                generic: None,
                element: None,
                element_declared: false,
            });
        }
    }
    // "区熔锗锭" names zone-refined germanium; the "锗锭" inside it is not a second item
    let words: Vec<String> = out.iter().filter_map(|m| m.word.clone()).collect();
    out.retain(|m| {
        m.hs != HsHit::None
            || m.word.as_ref().is_none_or(|w| {
                !words
                    .iter()
                    .any(|o| o.len() > w.len() && o.contains(w.as_str()))
            })
    });
    out
}

/// Items matched by a generic word, unless a specific match already covers one of
/// their elements.
fn generic_matches(
    pack: &RulePack,
    keys: &[ItemKeys],
    desc: &Description,
    out: &mut Vec<ItemMatch>,
) {
    let shares_element = |out: &[ItemMatch], item: &Item, only_specific: bool| {
        out.iter().any(|m| {
            (!only_specific || m.specific())
                && pack.items[m.item]
                    .elements
                    .iter()
                    .any(|e| item.elements.contains(e))
        })
    };
    for (i, item) in pack.items.iter().enumerate() {
        if item.technology || keys[i].generic.is_empty() || out.iter().any(|m| m.item == i) {
            continue;
        }
        if let Some(g) = keys[i].generic.iter().find(|g| desc.has_word(g))
            && !shares_element(out, item, true)
        {
            out.push(ItemMatch {
                item: i,
                hs: HsHit::None,
                hs_code: None,
                word: None,
                generic: Some(g.clone()),
                element: None,
                element_declared: false,
            });
        }
    }
}

/// Element contents: added to the matches that carry the element, else matching the
/// item the description names by a composition keyword, else the family's primary item.
fn element_matches(
    pack: &RulePack,
    input: &Input<'_>,
    desc: &Description,
    out: &mut Vec<ItemMatch>,
) {
    for (el, pct, declared) in input.composition().filter(|(_, p, _)| *p > 0.0) {
        let mut covered = false;
        for m in out
            .iter_mut()
            .filter(|m| pack.items[m.item].elements.contains(el))
        {
            if m.element.is_none() || !declared {
                m.element = Some((el.clone(), pct));
                m.element_declared = declared;
            }
            covered = true;
        }
        if covered {
            continue;
        }
        // "magnets" with Dy: the Dy magnet item, not the family's primary (Dy metal)
        let named = |item: &Item| {
            item.composition_keywords
                .iter()
                .any(|k| desc.has_word(&k.to_lowercase()))
        };
        let by_word = pack.items.iter().any(|item| {
            !item.technology
                && item.elements.contains(el)
                && pct >= item.element_min_pct
                && named(item)
        });
        for (i, item) in pack.items.iter().enumerate() {
            let pick = if by_word {
                !item.technology && named(item)
            } else {
                item.family_primary
            };
            if pick && item.elements.contains(el) && pct >= item.element_min_pct {
                out.push(ItemMatch {
                    item: i,
                    hs: HsHit::None,
                    hs_code: None,
                    word: None,
                    generic: None,
                    element: Some((el.clone(), pct)),
                    element_declared: declared,
                });
            }
        }
    }
}
