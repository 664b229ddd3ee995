//! The screening engine: `screen(&RulePack, &Facts) -> Screening`. Pure.
//! Contract: DESIGN.md §4 and issue 2 §5.

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use super::hits::{Hit, HitKind, PackRef, Screening, Verdict};
use super::matching::{HsHit, Input, ItemKeys, ItemMatch, Outcome, evaluate, match_items};
use super::pack::{ClauseKind, Item, RulePack};
use super::standing::{Standing, announcement_standing};
use super::{Facts, clauses};
use crate::domain::EndUse;

/// A pack with its matching tables built once: use it for repeated screenings.
#[derive(Debug, Clone)]
pub struct ScreeningIndex<'p> {
    pack: &'p RulePack,
    keys: Vec<ItemKeys>,
}

/// Screens `facts` against `pack` as of `facts.date` (the pack's date when absent).
pub fn screen(pack: &RulePack, facts: &Facts) -> Screening {
    ScreeningIndex::new(pack).screen(facts)
}

/// Per-item result kept for clauses and red flags.
pub(super) struct Judged<'p> {
    pub item: &'p Item,
    pub m: ItemMatch,
    pub outcome: Outcome,
}

pub(super) struct Out {
    pub hits: Vec<Hit>,
    pub notes: Vec<String>,
    pub missing: Vec<String>,
}

impl Out {
    pub fn hit(
        &mut self,
        kind: HitKind,
        rule_id: &str,
        ann: &str,
        code: Option<String>,
        effect: Verdict,
        message: String,
    ) {
        self.hits.push(Hit {
            kind,
            rule_id: rule_id.into(),
            announcement: ann.into(),
            control_code: code,
            message,
            effect,
        });
    }
    pub fn stale(&mut self, rule_id: String, ann: &str, message: String) {
        if !self
            .hits
            .iter()
            .any(|h| h.kind == HitKind::Stale && h.rule_id == rule_id)
        {
            self.hit(
                HitKind::Stale,
                &rule_id,
                ann,
                None,
                Verdict::NotControlled,
                message,
            );
        }
    }
}

impl<'p> ScreeningIndex<'p> {
    pub fn new(pack: &'p RulePack) -> Self {
        ScreeningIndex {
            pack,
            keys: pack.items.iter().map(ItemKeys::new).collect(),
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
            missing: Vec::new(),
        };
        let input = Input::new(facts);
        let matches = match_items(pack, &self.keys, &input);
        let matched_families: BTreeSet<String> = matches
            .iter()
            .map(|m| pack.items[m.item].family.clone())
            .collect();
        let shared_hs = matches_sharing_hs(pack, facts);
        let mut judged: Vec<Judged<'p>> = Vec::new();
        for m in matches {
            let item = &pack.items[m.item];
            if let Some(j) = self.judge_item(item, m, &shared_hs, &input, date, &mut out) {
                judged.push(j);
            }
        }
        clauses::family_mentions(pack, &matched_families, facts, date, &mut out);
        clauses::red_flags(pack, &judged, &input, &mut out);
        clauses::apply(pack, &judged, facts, date, &mut out);
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
        }
        for name in facts.measurements.keys() {
            if !super::measurements::is_known_measurement(name) {
                out.notes.push(format!(
                    "measurement '{name}' is not used by any rule (known names: purity_pct, flexural_strength_mpa, density_g_cm3, <element>_pct ...; see the README)."
                ));
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
        }
    }

    /// Judges one matched item as of `date`; None when it cannot count on that date.
    fn judge_item(
        &self,
        item: &'p Item,
        m: ItemMatch,
        shared_hs: &[usize],
        input: &Input<'_>,
        date: NaiveDate,
        out: &mut Out,
    ) -> Option<Judged<'p>> {
        let pack = self.pack;
        let facts = input.facts;
        let ann = pack
            .announcements
            .iter()
            .find(|a| a.id == item.announcement)?;
        let (standing, lapsed) = announcement_standing(pack, &ann.id, date);
        if let Some(s) = lapsed.filter(|_| standing.is_in_force()) {
            out.stale(
                format!("suspension:{}", s.target),
                &ann.number,
                format!(
                    "{} was suspended until {} (by {}); this pack does not know whether the suspension was extended. Confirm the current status before acting on {}.",
                    ann.number, s.end, number_of(pack, &s.by), item.id
                ),
            );
        }
        if !standing.is_in_force() {
            out.notes.push(format!(
                "{} ({}, {}): on {date} {}; not controlled by it on this date.",
                item.name_en,
                item.id,
                ann.number,
                standing.describe()
            ));
            if let Standing::Suspended { until, .. } = standing {
                out.notes.push(format!(
                    "{} may apply again after {until}: check before then.",
                    ann.number
                ));
            }
            return None;
        }
        if !item.licence_required {
            out.notes.push(format!(
                "{} ({}): not controlled. {}",
                item.name_en, item.id, item.notes
            ));
            return None;
        }
        let basis = how_matched(item, &m, facts);
        let licence = licence_note(facts);
        let code_txt = item
            .control_code
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        let hs_only = m.word.is_none() && m.generic.is_none() && m.element.is_none();
        if hs_only && (m.hs == HsHit::Partial || shared_hs.len() > 1) {
            out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::NeedsReview, format!(
                "{} ({}) may be controlled under {}{code_txt}: {basis}. Identify the goods (and declare the full 10-digit code).",
                item.name_en, item.name_zh, ann.number
            ));
            return Some(Judged {
                item,
                m,
                outcome: Outcome::Missing(Vec::new()),
            });
        }
        let outcome = evaluate(item, input);
        let unconf = if item.unconfirmed.is_empty() {
            String::new()
        } else {
            format!(" UNCONFIRMED: {}.", item.unconfirmed.join("; "))
        };
        match &outcome {
            Outcome::Controlled(held) => {
                let crit = if held.is_empty() {
                    String::from("no threshold: every grade is listed")
                } else {
                    format!("criteria met: {}", held.join(", "))
                };
                out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::LicenceRequired, format!(
                    "{} ({}) is controlled under {}{code_txt} ({crit}); {basis}. Export needs a dual-use items export licence (document code 3).{licence}{unconf}",
                    item.name_en, item.name_zh, ann.number
                ));
            }
            Outcome::Missing(names) => {
                for n in names {
                    if !out.missing.contains(n) {
                        out.missing.push(n.clone());
                    }
                }
                out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::NeedsReview, format!(
                    "{} ({}) is controlled under {}{code_txt} if {}; {basis}. Measure: {}.{unconf}",
                    item.name_en, item.name_zh, ann.number, criteria_text(item), names.join(", ")
                ));
            }
            Outcome::BelowUnconfirmed(failed) if failed.is_empty() => {
                out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::NeedsReview, format!(
                    "{} ({}) is listed in {}{code_txt}, but its technical criteria are UNCONFIRMED; {basis}. Have the goods identified (customs query under GAC 2025 No. 123) before release.{licence}{unconf}",
                    item.name_en, item.name_zh, ann.number
                ));
            }
            Outcome::BelowUnconfirmed(failed) => {
                out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::NeedsReview, format!(
                    "{} ({}) under {}{code_txt}: {}, below a threshold that is UNCONFIRMED; {basis}. Confirm the threshold with the official text or an expert identification.",
                    item.name_en, item.name_zh, ann.number, failed.join(", ")
                ));
            }
            Outcome::Below(failed) => {
                out.notes.push(format!(
                    "{} ({}, {}{code_txt}): {}; below the thresholds, not controlled by this item.",
                    item.name_en,
                    item.id,
                    ann.number,
                    failed.join(", ")
                ));
                return None;
            }
        }
        Some(Judged { item, m, outcome })
    }
}

fn matches_sharing_hs(pack: &RulePack, facts: &Facts) -> Vec<usize> {
    let Some(declared) = facts.hs_code.as_ref() else {
        return Vec::new();
    };
    pack.items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            !i.technology
                && i.licence_required
                && i.hs_codes
                    .iter()
                    .any(|h| declared.as_str().starts_with(h.code.as_str()))
        })
        .map(|(n, _)| n)
        .collect()
}

pub(super) fn number_of(pack: &RulePack, id: &str) -> String {
    pack.announcements
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.number.clone())
        .unwrap_or_else(|| id.to_string())
}

fn how_matched(item: &Item, m: &ItemMatch, facts: &Facts) -> String {
    let mut why = Vec::new();
    if let (Some((code, _)), Some(declared)) = (&m.hs_code, &facts.hs_code) {
        let kind = if m.hs == HsHit::Exact { "is" } else { "covers" };
        why.push(format!(
            "declared HS {declared} {kind} reference code {code}"
        ));
    }
    if let Some(w) = m.word.as_ref().or(m.generic.as_ref()) {
        why.push(format!("description mentions \"{w}\""));
    }
    if let Some((el, pct)) = &m.element {
        why.push(format!(
            "composition has {el} {} %",
            super::matching::fmt_num(*pct)
        ));
    }
    if why.is_empty() {
        why.push(format!("matched item {}", item.id));
    }
    format!("matched by {}", why.join("; "))
}

fn criteria_text(item: &Item) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for c in &item.criteria {
        let t = format!(
            "{} {} {}",
            c.measurement,
            c.op.symbol(),
            super::matching::fmt_num(c.value)
        );
        match groups.iter_mut().find(|(g, _)| *g == c.group) {
            Some((_, v)) => v.push(t),
            None => groups.push((&c.group, vec![t])),
        }
    }
    groups
        .into_iter()
        .map(|(_, v)| v.join(" and "))
        .collect::<Vec<_>>()
        .join(", or ")
}

pub(super) fn licence_note(facts: &Facts) -> String {
    if facts.licence_no.trim().is_empty() {
        " No licence number declared.".into()
    } else {
        format!(
            " Licence no. {} declared: check that it covers these goods, the quantity and the end user.",
            facts.licence_no.trim()
        )
    }
}

pub(super) fn end_use_is(facts: &Facts, wanted: EndUse, keywords: &[String]) -> Option<bool> {
    let user = facts.end_user.to_lowercase();
    if keywords.iter().any(|k| user.contains(&k.to_lowercase())) {
        return Some(true);
    }
    match facts.end_use {
        EndUse::Unknown => None,
        e => Some(e == wanted),
    }
}

pub(super) fn is_destination(kind: ClauseKind) -> bool {
    kind == ClauseKind::Destination
}
