//! Draft-only operations: store the live screening with a draft, and discard a draft
//! (its data stays in the audit log).

use rusqlite::params;
use serde_json::{Value, json};

use crate::rules::{RulePack, Screening, facts_for, screen};
use crate::store::audit::{audit, who};
use crate::store::record::draft::load_record_tx;
use crate::store::rows::{query_rows, row_by_id};
use crate::store::{Context, Records, Result, Store, StoreError};

impl Records<&mut Store> {
    /// Screens a draft inspection (its shipment and measurements) with `pack` and stores
    /// the verdict, the screening JSON and the pack version with it (one transaction and
    /// an audit row). Finalizing does the same with the pack it is given.
    pub fn rescreen_draft(&mut self, inspection_id: &str, pack: &RulePack) -> Result<Screening> {
        let clock = self.0.clock;
        self.0.write("storing the screening", |tx| {
            let who = who(tx, clock)?;
            let record = load_record_tx(tx, inspection_id)?;
            if record.inspection.is_finalized() {
                return Err(StoreError::Invalid(format!(
                    "inspection {inspection_id} is finalized; its screening is frozen"
                )));
            }
            let ms: Vec<_> = record.measurements.iter().map(|m| m.data.clone()).collect();
            let s = screen(pack, &facts_for(&record.shipment.data, &ms));
            let text = serde_json::to_string(&s)
                .map_err(|e| StoreError::Invalid(format!("screening does not serialize: {e}")))?;
            tx.execute(
                "UPDATE inspections SET screening = ?2, verdict = ?3, rule_pack_version = ?4, updated_at = ?5
                 WHERE id = ?1",
                params![inspection_id, text, s.verdict.as_str(), s.rule_pack.version, clock.now_rfc3339()],
            )
            .doing(|| format!("storing the screening of inspection {inspection_id}"))?;
            audit(
                tx,
                &who,
                "screen",
                "inspection",
                inspection_id,
                Some(&json!({"verdict": record.inspection.meta_str("verdict")})),
                Some(&json!({"verdict": s.verdict.as_str(), "rule_pack_version": s.rule_pack.version})),
            )?;
            Ok(s)
        })
    }

    /// Discards a draft: a draft inspection (by inspection id) with its measurements,
    /// findings and seizures, and its shipment when that is a draft with no other
    /// inspection; or a draft shipment without inspections (by shipment id). The
    /// discarded rows are kept in the audit log (action `discard`). Finalized records
    /// are refused.
    pub fn discard_draft(&mut self, id: &str) -> Result<()> {
        let clock = self.0.clock;
        self.0.write("discarding the draft", |tx| {
            let who = who(tx, clock)?;
            let is_inspection = query_rows(tx, "SELECT id FROM inspections WHERE id = ?1", [id], "looking up the draft")?.len() == 1;
            let (inspection_id, shipment_id) = if is_inspection {
                let r = row_by_id(tx, "inspections", id, "inspection")?;
                (Some(id.to_string()), r["shipment_id"].as_str().unwrap_or_default().to_string())
            } else {
                (None, id.to_string())
            };
            let mut old = serde_json::Map::new();
            if let Some(i) = &inspection_id {
                let record = load_record_tx(tx, i)?;
                if record.inspection.is_finalized() {
                    return Err(StoreError::Invalid(format!(
                        "inspection {i} is finalized and cannot be discarded; record an amendment instead"
                    )));
                }
                old.insert("record".into(), crate::store::Store::record_json_tx(tx, i)?);
                for t in ["measurements", "findings", "seizures"] {
                    tx.execute(&format!("DELETE FROM {t} WHERE inspection_id = ?1"), [i])
                        .doing(|| format!("discarding the {t} of {i}"))?;
                }
                tx.execute("DELETE FROM inspections WHERE id = ?1", [i])
                    .doing(|| format!("discarding inspection {i}"))?;
            }
            let shipment = row_by_id(tx, "shipments", &shipment_id, "shipment")?;
            let others = query_rows(tx, "SELECT id FROM inspections WHERE shipment_id = ?1", [&shipment_id], "counting inspections")?.len();
            let shipment_draft = shipment["state"].as_str() == Some("draft");
            if inspection_id.is_none() && (!shipment_draft || others > 0) {
                return Err(StoreError::Invalid(format!(
                    "shipment {shipment_id} is finalized or has inspections; discard its draft inspection instead"
                )));
            }
            if shipment_draft && others == 0 {
                old.insert("shipment".into(), Value::Object(shipment));
                tx.execute("DELETE FROM shipments WHERE id = ?1", [&shipment_id])
                    .doing(|| format!("discarding shipment {shipment_id}"))?;
            }
            audit(tx, &who, "discard", if is_inspection { "inspection" } else { "shipment" }, id, Some(&Value::Object(old)), None)
        })
    }
}
