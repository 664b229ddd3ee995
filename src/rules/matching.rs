//! How the facts of a shipment meet the items of a pack: by reference HS code, by
//! description (keywords, names, formulae) and by composition. Pure.

use std::collections::BTreeMap;

use super::Facts;
use super::elements::is_element_symbol;
use super::measurements::element_of;
use super::pack::{Criterion, Item, RulePack};

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
    let facts = input.facts;
    let desc = Description::new(&facts.description);
    let declared = facts.hs_code.as_ref().map(|h| h.as_str());
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
            && !shares_element(&out, item, true)
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
    out
}

/// A measured value: `measurements[name]`, else for `<el>_pct` the composition (an element
/// absent from a non-empty composition counts as 0).
pub(super) fn measured(input: &Input<'_>, name: &str) -> Option<f64> {
    let facts = input.facts;
    if let Some(v) = facts.measurements.get(name) {
        return Some(*v);
    }
    let el = element_of(name)?;
    match facts
        .composition
        .get(&el)
        .or_else(|| input.declared.get(&el))
    {
        Some(v) => Some(*v),
        None if !facts.composition.is_empty() => Some(0.0),
        None => None,
    }
}

/// What the criteria say about the facts.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    /// Controlled; the criteria that held (empty when the item has none).
    Controlled(Vec<String>),
    /// Needed measurements are missing (names).
    Missing(Vec<String>),
    /// Measured values fail an UNCONFIRMED threshold: review.
    BelowUnconfirmed(Vec<String>),
    /// Measured values fail the thresholds.
    Below(Vec<String>),
}

fn describe(c: &Criterion, v: Option<f64>) -> String {
    let mark = if c.unconfirmed { " (UNCONFIRMED)" } else { "" };
    match v {
        Some(v) => format!(
            "{} {} {} {}{mark}",
            c.measurement,
            fmt_num(v),
            c.op.symbol(),
            fmt_num(c.value)
        ),
        None => format!(
            "{} {} {}{mark}",
            c.measurement,
            c.op.symbol(),
            fmt_num(c.value)
        ),
    }
}

/// True when `name` was given: measured, or its element listed in a composition (a value
/// [`measured`] reads as 0 because the element is absent was not given).
fn given(input: &Input<'_>, name: &str) -> bool {
    input.facts.measurements.contains_key(name)
        || element_of(name).is_some_and(|el| {
            input.facts.composition.contains_key(&el) || input.declared.contains_key(&el)
        })
}

fn describe_fail(c: &Criterion, v: f64, given: bool) -> String {
    let mark = if c.unconfirmed { ", UNCONFIRMED" } else { "" };
    if !given && let Some(el) = element_of(&c.measurement) {
        return format!(
            "{el} not measured (absent from the composition; needs {} {} {}{mark})",
            c.measurement,
            c.op.symbol(),
            fmt_num(c.value)
        );
    }
    format!(
        "measured {} {} (needs {} {}{mark})",
        c.measurement,
        fmt_num(v),
        c.op.symbol(),
        fmt_num(c.value)
    )
}

pub(super) fn fmt_num(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// OR of AND-groups: controlled when a group holds; missing when no group holds but
/// some group could still hold once measured.
pub(super) fn evaluate(item: &Item, input: &Input<'_>) -> Outcome {
    if item.criteria.is_empty() {
        if item.criteria_unconfirmed {
            return Outcome::BelowUnconfirmed(Vec::new());
        }
        return Outcome::Controlled(Vec::new());
    }
    let mut groups: Vec<&str> = Vec::new();
    for c in &item.criteria {
        if !groups.contains(&c.group.as_str()) {
            groups.push(&c.group);
        }
    }
    let (mut missing, mut failed, mut unconfirmed_fail) = (Vec::new(), Vec::new(), false);
    for g in groups {
        let (mut held, mut open, mut fails) = (Vec::new(), Vec::new(), Vec::new());
        for c in item.criteria.iter().filter(|c| c.group == g) {
            match measured(input, &c.measurement) {
                Some(v) if c.op.holds(v, c.value) => held.push(describe(c, Some(v))),
                Some(v) => {
                    unconfirmed_fail |= c.unconfirmed;
                    fails.push(describe_fail(c, v, given(input, &c.measurement)));
                }
                None => open.push(c.measurement.clone()),
            }
        }
        if fails.is_empty() && open.is_empty() {
            return Outcome::Controlled(held);
        }
        if fails.is_empty() {
            missing.extend(open);
        }
        failed.extend(fails);
    }
    if !missing.is_empty() {
        let mut seen = Vec::new();
        missing.retain(|m| {
            !seen.contains(m) && {
                seen.push(m.clone());
                true
            }
        });
        Outcome::Missing(missing)
    } else if unconfirmed_fail {
        Outcome::BelowUnconfirmed(failed)
    } else {
        Outcome::Below(failed)
    }
}
