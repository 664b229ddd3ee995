//! Sibling items that share an HS code: when the description positively identifies an
//! item (its name, formula or synonym) that also matches the declared code, another item
//! matched only because it shares that code (or a prefix of it) is a note, not a reason
//! for review; the identified item's own criteria decide. When the description
//! identifies nothing, an HS-only match stays `needs_review`. Pure.

use super::facts::Facts;
use super::judged::Out;
use super::matching::{HsHit, ItemMatch};
use super::pack::RulePack;
use crate::domain::Msg;

/// The items the description names (by a specific or generic word) that also match the
/// declared HS code.
pub(super) fn named_by_description(pack: &RulePack, matches: &[ItemMatch]) -> Vec<usize> {
    matches
        .iter()
        .filter(|m| m.by_description() && m.hs != HsHit::None)
        .filter(|m| !pack.items[m.item].technology)
        .map(|m| m.item)
        .collect()
}

/// True (and a note said) when `m` matched by the HS code alone while the description
/// names another item under that code.
pub(super) fn only_a_sibling(
    pack: &RulePack,
    m: &ItemMatch,
    named: &[usize],
    facts: &Facts,
    out: &mut Out,
) -> bool {
    let hs_only = m.hs != HsHit::None && !m.by_description() && m.element.is_none();
    let others: Vec<usize> = named.iter().copied().filter(|n| *n != m.item).collect();
    if !hs_only || others.is_empty() {
        return false;
    }
    let item = &pack.items[m.item];
    let declared = facts
        .hs_code
        .as_ref()
        .map(|h| h.as_str().to_string())
        .unwrap_or_default();
    let names: Vec<String> = others
        .iter()
        .map(|n| {
            let i = &pack.items[*n];
            format!("{} ({})", i.name_en, i.id)
        })
        .collect();
    let names_zh: Vec<String> = others
        .iter()
        .map(|n| {
            let i = &pack.items[*n];
            match i.name_zh.trim() {
                "" => format!("{}（{}）", i.name_en, i.id),
                zh => format!("{zh}（{}）", i.id),
            }
        })
        .collect();
    let text = format!(
        "HS {declared} also covers {} ({}); the description names {}: not a reason for review on its own.",
        item.name_en,
        item.id,
        names.join(", ")
    );
    let msg = Msg::new("note-hs-sibling")
        .arg("declared", declared)
        .arg("name_en", &item.name_en)
        .arg("name_zh", &item.name_zh)
        .arg("id", &item.id)
        .arg("named", names.join(", "))
        .arg("named_zh", names_zh.join("、"));
    out.note(text, Some(msg));
    true
}
