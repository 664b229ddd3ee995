//! The semantic checks of a pack's party lists: thresholds in order, list and party ids
//! unique and known, names present, country codes, dates in order, source URLs. Pure.

use std::collections::HashSet;

use super::pack::RulePack;
use super::pack_checks::Problems;
use crate::domain::is_country;

impl RulePack {
    /// Problems of the party lists, each (text to locate it by, reason).
    pub(super) fn check_parties<'p>(
        &'p self,
        anns: &HashSet<&str>,
        rule_ids: &mut HashSet<&'p str>,
        out: &mut Problems,
    ) {
        let mut bad = |needle: String, reason: String| out.push((needle, reason));
        let t = &self.party_screening;
        let ok = |v: f64| v.is_finite() && v > 0.0 && v <= 1.0;
        if !ok(t.match_strong) || !ok(t.match_weak) || t.match_weak > t.match_strong {
            bad(
                "party_screening".into(),
                format!(
                    "party_screening: match_weak ({}) and match_strong ({}) must be in (0, 1] with match_weak <= match_strong",
                    t.match_weak, t.match_strong
                ),
            );
        }
        let mut lists = HashSet::new();
        for l in &self.party_lists {
            let at = format!("\"{}\"", l.id);
            if !lists.insert(l.id.as_str()) {
                bad(at.clone(), format!("party list id {} is used twice", l.id));
            }
            if l.name_en.trim().is_empty() || l.prohibits.trim().is_empty() {
                bad(
                    at.clone(),
                    format!(
                        "party list {}: name_en and prohibits must not be empty",
                        l.id
                    ),
                );
            }
            if l.sources.is_empty() {
                bad(
                    at.clone(),
                    format!("party list {}: needs at least one source URL", l.id),
                );
            }
            urls(&l.id, &l.sources, &mut bad);
        }
        for p in &self.parties {
            let at = format!("\"{}\"", p.id);
            let mut say = |reason: String| bad(at.clone(), format!("party {}: {reason}", p.id));
            if !rule_ids.insert(p.id.as_str()) {
                say("the rule id is used twice".into());
            }
            if !lists.contains(p.list.as_str()) {
                say(format!("unknown list '{}'", p.list));
            }
            if !anns.contains(p.announcement.as_str()) {
                say(format!("unknown announcement '{}'", p.announcement));
            }
            if p.name_en.trim().is_empty() && p.name_zh.trim().is_empty() {
                say("needs name_en or name_zh".into());
            }
            if p.aliases.iter().any(|a| a.trim().is_empty()) {
                say("an alias is empty".into());
            }
            if p.names()
                .all(|n| super::names::normalize_name(n).is_empty())
            {
                say("no name is left once legal forms and punctuation are removed".into());
            }
            if let Some(c) = &p.country
                && !is_country(c)
            {
                say(format!("'{c}' is not an ISO 3166 alpha-2 code"));
            }
            if p.effective_from() < p.listed {
                say(format!(
                    "effective {} is before listed {}",
                    p.effective_from(),
                    p.listed
                ));
            }
            if let Some(to) = p.valid_to
                && to < p.effective_from()
            {
                say(format!(
                    "valid_to {to} is before effective {}",
                    p.effective_from()
                ));
            }
            urls(&p.id, &p.sources, &mut bad);
        }
    }
}

fn urls(id: &str, urls: &[String], bad: &mut impl FnMut(String, String)) {
    for u in urls {
        if !(u.starts_with("http://") || u.starts_with("https://")) {
            bad(
                format!("\"{u}\""),
                format!("{id}: source '{u}' is not an http(s) URL"),
            );
        }
    }
}
