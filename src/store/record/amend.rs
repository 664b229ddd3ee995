//! Amendments: a finalized record is never changed; an amendment is a new draft (shipment
//! and inspection with their children copied) that points at the original.

use std::ops::Deref;

use rusqlite::Transaction;
use serde_json::json;

use crate::store::audit::{Who, audit, who};
use crate::store::record::children::add_child_tx;
use crate::store::record::draft::{create_inspection_tx, create_shipment_tx, load_record_tx};
use crate::store::{Context, Records, Result, Store, StoreError};

/// Copies a finalized inspection (and its shipment, measurements, findings, seizures)
/// into new drafts that point at the originals.
pub(crate) fn start_amendment_tx(
    tx: &Transaction<'_>,
    who: &Who,
    original_id: &str,
    reason: &str,
) -> Result<(String, String)> {
    crate::store::audit::refuse_field_work(tx, "an amendment")?;
    if reason.trim().is_empty() {
        return Err(StoreError::Invalid(
            "amend_reason: is empty; say why the record is amended".into(),
        ));
    }
    let original = load_record_tx(tx, original_id)?;
    if !original.inspection.is_finalized() {
        return Err(StoreError::Invalid(format!(
            "inspection {original_id} is still a draft; edit it instead of amending it"
        )));
    }
    let shipment_id = create_shipment_tx(
        tx,
        who,
        &original.shipment.data,
        Some(&original.shipment.id),
    )?;
    let inspection_id = create_inspection_tx(
        tx,
        who,
        &shipment_id,
        &original.inspection.data,
        Some((original_id, reason.trim())),
    )?;
    for m in &original.measurements {
        add_child_tx(
            tx,
            who,
            ("measurements", "measurement"),
            &inspection_id,
            &m.data,
        )?;
    }
    for f in &original.findings {
        add_child_tx(tx, who, ("findings", "finding"), &inspection_id, &f.data)?;
    }
    for s in &original.seizures {
        add_child_tx(
            tx,
            who,
            ("seizures", "seizure"),
            &inspection_id,
            &s.seizure.data,
        )?;
    }
    crate::store::record::attachments::copy_for_amendment_tx(tx, who, original_id, &inspection_id)?;
    audit(
        tx,
        who,
        "amend",
        "inspection",
        &inspection_id,
        None,
        Some(&json!({"amends": original_id, "reason": reason.trim(), "shipment_id": shipment_id})),
    )?;
    Ok((shipment_id, inspection_id))
}

impl<S: Deref<Target = Store>> Records<S> {
    /// Amendments of an inspection (ids), oldest first.
    pub fn amendments_of(&self, inspection_id: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .0
            .conn()
            .prepare_cached("SELECT id FROM inspections WHERE amends = ?1 ORDER BY created_at, id")
            .doing(|| "listing amendments".into())?;
        let ids = stmt
            .query_map([inspection_id], |r| r.get(0))
            .doing(|| "listing amendments".into())?
            .collect::<rusqlite::Result<Vec<String>>>()
            .doing(|| "listing amendments".into())?;
        Ok(ids)
    }
}

impl Records<&mut Store> {
    /// Starts an amendment of a finalized inspection: new draft shipment and inspection
    /// (with `amends` = the originals and the reason) carrying copies of its data.
    /// Returns (shipment_id, inspection_id). The original is untouched.
    pub fn start_amendment(
        &mut self,
        original_inspection_id: &str,
        reason: &str,
    ) -> Result<(String, String)> {
        let clock = self.0.clock;
        self.0.write("starting an amendment", |tx| {
            let who = who(tx, clock)?;
            start_amendment_tx(tx, &who, original_inspection_id, reason)
        })
    }
}
