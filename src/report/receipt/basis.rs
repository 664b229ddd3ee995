//! A seizure's legal basis in words: each rule it cites named as the console names a
//! reason (the item's name, then `[kind · announcement · control code]`), never by the
//! pack's internal rule id. From the rule pack when given, else from the screening stored
//! with the inspection; a rule neither knows stays as typed.

use std::collections::BTreeMap;

use crate::domain::{Lang, Record, sanitize};
use crate::report::screening::kind_word;
use crate::rules::pack::ClauseKind;
use crate::rules::{HitKind, RulePack};

/// What one cited rule is, enough to name it in either language.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Basis {
    name_en: String,
    name_zh: String,
    kind: HitKind,
    announcement: String,
    control_code: Option<String>,
}

impl Basis {
    /// `Dysprosium-containing NdFeB permanent magnets [controlled item · 2025 No. 18 ·
    /// 1C905.a.4]` in `lang` (the Chinese name where the pack has one).
    pub(super) fn words(&self, lang: Lang) -> String {
        let name = match lang {
            Lang::Zh if !self.name_zh.trim().is_empty() => &self.name_zh,
            _ => &self.name_en,
        };
        let mut cite = vec![kind_word(lang, self.kind)];
        cite.extend(
            [Some(&self.announcement), self.control_code.as_ref()]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .map(|s| clean(s)),
        );
        crate::t!(
            lang,
            "receipt-basis-cited",
            name = clean(name),
            cite = cite.join(" · ")
        )
    }
}

fn clean(s: &str) -> String {
    sanitize(s.trim()).into_owned()
}

/// rule id -> what it is, from the rule pack when given, completed from the screening
/// stored with the inspection (a rule of a pack no longer installed).
pub(super) fn index(record: &Record, pack: Option<&RulePack>) -> BTreeMap<String, Basis> {
    let mut out = BTreeMap::new();
    if let Some(p) = pack {
        let number = |a: &str| {
            p.announcements
                .iter()
                .find(|x| x.id == a)
                .map_or(a.to_string(), |x| x.number.clone())
        };
        for i in &p.items {
            let basis = Basis {
                name_en: i.name_en.clone(),
                name_zh: i.name_zh.clone(),
                kind: HitKind::Item,
                announcement: number(&i.announcement),
                control_code: i.control_code.clone(),
            };
            out.insert(i.id.clone(), basis);
        }
        for c in &p.clauses {
            let kind = match c.kind {
                ClauseKind::Destination => HitKind::Destination,
                ClauseKind::EndUse => HitKind::EndUse,
            };
            let basis = Basis {
                name_en: c.text.clone(),
                name_zh: String::new(),
                kind,
                announcement: number(&c.announcement),
                control_code: None,
            };
            out.insert(c.id.clone(), basis);
        }
    }
    let screening: serde_json::Value = record
        .inspection
        .meta_str("screening")
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    for hit in screening["hits"].as_array().into_iter().flatten() {
        let (Some(id), Some(ann)) = (hit["rule_id"].as_str(), hit["announcement"].as_str()) else {
            continue;
        };
        if out.contains_key(id) || ann.is_empty() {
            continue;
        }
        let kind = serde_json::from_value(hit["kind"].clone()).unwrap_or(HitKind::Item);
        let basis = Basis {
            name_en: hit["message"].as_str().unwrap_or_default().to_string(),
            name_zh: String::new(),
            kind,
            announcement: ann.to_string(),
            control_code: hit["control_code"].as_str().map(str::to_string),
        };
        out.insert(id.to_string(), basis);
    }
    out
}
