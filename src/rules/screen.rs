//! The screening engine: `screen(&RulePack, &Facts) -> Screening`. Pure.
//! Contract: DESIGN.md §4 and issue 2 §5.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::criteria::Outcome;
pub use super::hits::{Hit, HitKind, PackRef, Screening, Verdict};
use super::judge::{judge_item, matches_sharing_hs};
use super::judged::{Judged, Out};
use super::matching::{Input, ItemKeys, match_items};
use super::pack::RulePack;
use super::party_index::PartyIndex;
use super::{Facts, clauses, party_screen};

/// A pack with its matching tables built once: use it for repeated screenings.
#[derive(Debug, Clone)]
pub struct ScreeningIndex<'p> {
    pack: &'p RulePack,
    keys: Cow<'p, [ItemKeys]>,
    parties: &'p PartyIndex,
}

/// A pack and its matching tables, owned together: for a batch that keeps them, such as
/// headquarters' import screening every received declaration.
#[derive(Debug, Clone)]
pub struct PackIndex {
    pack: RulePack,
    keys: Vec<ItemKeys>,
}

impl PackIndex {
    pub fn new(pack: RulePack) -> Self {
        let keys = pack.items.iter().map(ItemKeys::new).collect();
        pack.party_index();
        PackIndex { pack, keys }
    }

    pub fn pack(&self) -> &RulePack {
        &self.pack
    }

    pub fn screen(&self, facts: &Facts) -> Screening {
        ScreeningIndex {
            pack: &self.pack,
            keys: Cow::Borrowed(&self.keys),
            parties: self.pack.party_index(),
        }
        .screen(facts)
    }
}

/// Screens `facts` against `pack` as of `facts.date` (the pack's date when absent).
pub fn screen(pack: &RulePack, facts: &Facts) -> Screening {
    ScreeningIndex::new(pack).screen(facts)
}

impl<'p> ScreeningIndex<'p> {
    pub fn new(pack: &'p RulePack) -> Self {
        ScreeningIndex {
            pack,
            keys: Cow::Owned(pack.items.iter().map(ItemKeys::new).collect()),
            parties: pack.party_index(),
        }
    }

    pub fn pack(&self) -> &'p RulePack {
        self.pack
    }

    pub fn screen(&self, facts: &Facts) -> Screening {
        let pack = self.pack;
        let date = facts.date.unwrap_or(pack.pack.published);
        let mut out = Out {
            hits: Vec::new(),
            notes: Vec::new(),
            note_msgs: Vec::new(),
            missing: Vec::new(),
        };
        let input = Input::new(facts);
        let matches = match_items(pack, &self.keys, &input);
        let matched_families: BTreeSet<String> = matches
            .iter()
            .map(|m| pack.items[m.item].family.clone())
            .collect();
        let shared_hs = matches_sharing_hs(pack, facts);
        let named = super::siblings::named_by_description(pack, &matches);
        let mut judged: Vec<Judged<'p>> = Vec::new();
        for m in matches {
            let item = &pack.items[m.item];
            if super::siblings::only_a_sibling(pack, &m, &named, facts, &mut out) {
                continue;
            }
            if let Some(j) = judge_item(pack, item, m, &shared_hs, &input, date, &mut out) {
                judged.push(j);
            }
        }
        clauses::family_mentions(pack, &matched_families, facts, date, &mut out);
        clauses::red_flags(pack, &judged, &input, &mut out);
        clauses::apply(pack, &judged, facts, date, &mut out);
        party_screen::screen_parties(pack, self.parties, facts, date, &mut out);
        pack_age(pack, date, &mut out);
        for name in facts.measurements.keys() {
            if !super::measurements::is_known_measurement(name) {
                out.note(format!(
                    "measurement '{name}' is not used by any rule (known names: purity_pct, flexural_strength_mpa, density_g_cm3, <element>_pct ...; see the README)."
                ), None);
            }
        }
        // reasons that decide the verdict first; red flags and stale warnings after them
        out.hits.sort_by_key(|h| std::cmp::Reverse(h.effect));
        let verdict = out
            .hits
            .iter()
            .map(|h| h.effect)
            .max()
            .unwrap_or(Verdict::NotControlled);
        let mut families: Vec<String> = judged
            .iter()
            .filter(|j| {
                matches!(j.outcome, Outcome::Controlled(_) | Outcome::Missing(_))
                    && j.item.licence_required
            })
            .map(|j| j.item.family.clone())
            .collect();
        families.sort();
        families.dedup();
        Screening {
            verdict,
            hits: out.hits,
            missing_measurements: out.missing,
            rule_pack: PackRef {
                version: pack.pack.version.clone(),
                published: pack.pack.published.to_string(),
            },
            families,
            as_of: date.to_string(),
            notes: out.notes,
            note_msgs: out.note_msgs,
        }
    }
}

/// The stale warning of a pack screened against a date past its `stale_after_days`.
fn pack_age(pack: &RulePack, date: chrono::NaiveDate, out: &mut Out) {
    let stale_from = pack.pack.published + chrono::Days::new(pack.pack.stale_after_days.into());
    if date > stale_from {
        out.stale(
            "pack-age".into(),
            "",
            format!(
                "Rule pack {} was published {}; {date} is more than {} days later. The rules may have changed: confirm the current status with MOFCOM and import a newer pack.",
                pack.pack.version, pack.pack.published, pack.pack.stale_after_days
            ),
        );
        out.said(
            crate::domain::Msg::new("stale-pack-age")
                .arg("version", &pack.pack.version)
                .arg("published", pack.pack.published.to_string())
                .arg("date", date.to_string())
                .arg("days", pack.pack.stale_after_days.to_string()),
        );
    }
}
