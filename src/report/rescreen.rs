//! Re-screening: the finalized inspections whose verdict would differ under a rule pack
//! (a newer one, or the active one), and why. Each is screened again from its frozen
//! shipment and measurements as of its own shipment date; nothing is written. `minspect
//! rules rescreen` renders it as a table, Markdown, CSV or JSON; the console shows the
//! same rows.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::domain::Lang;
use crate::rules::{Hit, PackIndex, RulePack, Verdict, facts_for};
use crate::store::{Result, Store};
use crate::t;

/// One reason of the new screening that the frozen one did not have, or the reverse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub rule_id: String,
    pub announcement: String,
    pub effect: Verdict,
    /// The reason in English (JSON and CSV stay English).
    pub message: String,
    #[serde(skip)]
    pub hit: Option<Hit>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RescreenRow {
    pub inspection_id: String,
    pub shipment_id: String,
    pub declaration_no: String,
    pub finalized_at: String,
    pub declared_on: String,
    pub before: String,
    pub before_pack: String,
    pub after: Verdict,
    /// Reasons the new screening gives that the frozen one did not.
    pub new_reasons: Vec<Reason>,
    /// Rules of the frozen screening that no longer give a reason.
    pub gone: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rescreen {
    pub pack_version: String,
    pub since: Option<String>,
    /// Finalized inspections screened again.
    pub checked: usize,
    pub changed: Vec<RescreenRow>,
}

/// Rule ids of the hits that decide or could decide a verdict.
fn reasons(hits: &[Hit]) -> BTreeSet<&str> {
    hits.iter()
        .filter(|h| h.effect > Verdict::NotControlled)
        .map(|h| h.rule_id.as_str())
        .collect()
}

/// The finalized inspections (finalized on or after `since`, a date) whose verdict
/// differs under `pack`.
pub fn rescreen(store: &Store, pack: &RulePack, since: Option<&str>) -> Result<Rescreen> {
    let index = PackIndex::new(pack.clone());
    let frozen = store.records().finalized_since(since)?;
    let mut changed = Vec::new();
    for f in &frozen {
        let now = index.screen(&facts_for(&f.shipment, &f.measurements));
        if now.verdict.as_str() == f.verdict {
            continue;
        }
        let old_hits = f
            .screening
            .as_ref()
            .map(|s| s.hits.as_slice())
            .unwrap_or(&[]);
        let was = reasons(old_hits);
        let is = reasons(&now.hits);
        let new_reasons = now
            .hits
            .iter()
            .filter(|h| h.effect > Verdict::NotControlled && !was.contains(h.rule_id.as_str()))
            .map(|h| Reason {
                rule_id: h.rule_id.clone(),
                announcement: h.announcement.clone(),
                effect: h.effect,
                message: h.message.clone(),
                hit: Some(h.clone()),
            })
            .collect();
        let gone = was.difference(&is).map(|s| s.to_string()).collect();
        changed.push(RescreenRow {
            inspection_id: f.inspection_id.clone(),
            shipment_id: f.shipment_id.clone(),
            declaration_no: f.shipment.declaration_no.clone(),
            finalized_at: f.finalized_at.clone(),
            declared_on: f.shipment.declared_on.clone(),
            before: f.verdict.clone(),
            before_pack: f.rule_pack_version.clone(),
            after: now.verdict,
            new_reasons,
            gone,
        });
    }
    Ok(Rescreen {
        pack_version: pack.pack.version.clone(),
        since: since.map(str::to_string),
        checked: frozen.len(),
        changed,
    })
}

impl RescreenRow {
    /// The frozen verdict (None when what is stored is not a verdict).
    pub fn before_verdict(&self) -> Option<Verdict> {
        serde_json::from_value(serde_json::Value::String(self.before.clone())).ok()
    }

    /// Why, in `lang`: the new reasons' sentences, then the rules that no longer apply.
    pub fn why(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .new_reasons
            .iter()
            .map(|r| match &r.hit {
                Some(h) => super::screening::hit_text(lang, h),
                None => r.message.clone(),
            })
            .collect();
        if !self.gone.is_empty() {
            out.push(t!(lang, "rescreen-gone", rules = self.gone.join(", ")));
        }
        out
    }
}
