//! Finalizing an inspection: validate, screen, then in ONE transaction freeze the
//! shipment and inspection, append the record to the device chain and outbox, and
//! write the audit row.

use std::ops::Deref;

use rusqlite::Transaction;
use serde::Serialize;
use serde_json::json;

use crate::domain::{FieldError, Msg, Record};
use crate::rules::{RulePack, Screening, ScreeningIndex, facts_for};
use crate::store::audit::{Who, audit, who};
use crate::store::chain::payload::inspection_payload;
use crate::store::chain::{ChainLink, append_to_chain};
use crate::store::record::RecordState;
use crate::store::record::checks::legal_basis_problems;
use crate::store::record::draft::load_record_tx;
use crate::store::{Context, Records, Result, Store, StoreError};

/// What finalizing produced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finalized {
    pub inspection_id: String,
    pub shipment_id: String,
    pub seq: i64,
    pub hash: String,
    pub verdict: String,
    pub rule_pack_version: String,
}

/// Every problem that stops `inspection_id` from being finalized: the draft's own, and
/// its seizures' legal basis against a screening with the active pack.
pub(crate) fn finalize_problems_tx(
    conn: &rusqlite::Connection,
    inspection_id: &str,
) -> Result<Vec<FieldError>> {
    let record = load_record_tx(conn, inspection_id)?;
    let draft = record.draft();
    let mut problems = draft.validate_for_finalize();
    // the pack is parsed only for a draft with seizures (a finalized record is not re-judged)
    if !draft.seizures.is_empty()
        && !record.inspection.is_finalized()
        && let Some(pack) = crate::store::rules::active_pack_in(conn)?
    {
        let screening =
            crate::rules::screen(&pack, &facts_for(&draft.shipment, &draft.measurements));
        problems.extend(legal_basis_problems(&draft, Some(&pack), &screening));
    }
    Ok(problems)
}

/// Refuses a record with `problems`, naming each.
fn refuse(inspection_id: &str, problems: &[FieldError]) -> StoreError {
    let list: Vec<Msg> = problems.iter().map(FieldError::to_msg).collect();
    StoreError::Said(
        Msg::new("store-cannot-finalize")
            .arg("id", inspection_id)
            .arg("count", list.len())
            .arg("list", list),
    )
}

pub(crate) fn finalize_tx(
    tx: &Transaction<'_>,
    who: &Who,
    inspection_id: &str,
    pack: &RulePack,
) -> Result<Finalized> {
    crate::store::audit::refuse_field_work(tx, "finalizing an inspection")?;
    let record = load_record_tx(tx, inspection_id)?;
    if record.inspection.is_finalized() {
        return Err(StoreError::Invalid(format!(
            "inspection {inspection_id} is already finalized"
        )));
    }
    let problems = record.draft().validate_for_finalize();
    if !problems.is_empty() {
        return Err(refuse(inspection_id, &problems));
    }
    seal_tx(tx, who, &record, &ScreeningIndex::new(pack))
}

/// The part of finalizing after validation: screens the draft `record` with the pack's `index`,
/// appends it to the chain and freezes its rows. The only writer of inspection payloads.
pub fn seal_tx(
    tx: &Transaction<'_>,
    who: &Who,
    record: &Record,
    index: &ScreeningIndex<'_>,
) -> Result<Finalized> {
    let inspection_id = record.inspection.id.as_str();
    let measurements: Vec<_> = record.measurements.iter().map(|m| m.data.clone()).collect();
    let screening = index.screen(&facts_for(&record.shipment.data, &measurements));
    let problems = legal_basis_problems(&record.draft(), Some(index.pack()), &screening);
    if !problems.is_empty() {
        return Err(refuse(inspection_id, &problems));
    }
    let verdict = screening.verdict.as_str();
    let shipment_id = record.shipment.id.clone();
    let now = who.clock.now_rfc3339();
    store_screening(tx, record, &screening, &now)?;
    let shipment_was_draft = !record.shipment.is_finalized();

    // the payload as the rows will stand once finalized
    let mut payload = inspection_payload(tx, &shipment_id, inspection_id)?;
    for key in ["inspection", "shipment"] {
        if let Some(obj) = payload[key].as_object_mut()
            && (key == "inspection" || shipment_was_draft)
        {
            obj.insert("state".into(), RecordState::Finalized.as_str().into());
            obj.insert("finalized_at".into(), now.clone().into());
        }
    }
    let link: ChainLink = append_to_chain(
        tx,
        who.clock,
        &who.device_id,
        "inspection",
        inspection_id,
        &payload,
    )?;
    freeze(tx, record, shipment_was_draft, &now, &link.hash)?;

    // the frozen rows must be exactly what was hashed
    if inspection_payload(tx, &shipment_id, inspection_id)? != payload {
        return Err(StoreError::Invalid(format!(
            "inspection {inspection_id}: the frozen rows differ from the hashed payload; nothing was finalized"
        )));
    }
    audit(
        tx,
        who,
        "finalize",
        "inspection",
        inspection_id,
        Some(&json!({"state": "draft"})),
        Some(
            &json!({"state": "finalized", "finalized_at": now, "device_id": link.device_id,
                     "seq": link.seq, "hash": link.hash, "verdict": verdict,
                     "rule_pack_version": screening.rule_pack.version}),
        ),
    )?;
    Ok(Finalized {
        inspection_id: inspection_id.to_string(),
        shipment_id,
        seq: link.seq,
        hash: link.hash,
        verdict: verdict.to_string(),
        rule_pack_version: screening.rule_pack.version,
    })
}

/// The last draft-time values: screening, end time, derived shipment columns.
fn store_screening(
    tx: &Transaction<'_>,
    record: &Record,
    screening: &Screening,
    now: &str,
) -> Result<()> {
    let inspection_id = record.inspection.id.as_str();
    let doing = |what: &str| format!("finalizing inspection {inspection_id}: {what}");
    let screening_json = serde_json::to_string(screening)
        .map_err(|e| StoreError::Invalid(format!("screening does not serialize: {e}")))?;
    let verdict = screening.verdict.as_str();
    let outcome = record
        .inspection
        .data
        .outcome
        .map(|o| o.as_str())
        .unwrap_or("held");
    tx.prepare_cached(
        "UPDATE inspections SET screening = ?2, verdict = ?3, rule_pack_version = ?4,
             ended_at = coalesce(ended_at, ?5), updated_at = ?5
         WHERE id = ?1 AND state = 'draft'",
    )
    .and_then(|mut st| {
        st.execute(rusqlite::params![
            inspection_id,
            screening_json,
            verdict,
            screening.rule_pack.version,
            now
        ])
    })
    .doing(|| doing("storing the screening"))?;
    tx.prepare_cached("UPDATE shipments SET verdict = ?2, family = ?3, status = ?4 WHERE id = ?1")
        .and_then(|mut st| {
            st.execute(rusqlite::params![
                record.shipment.id,
                verdict,
                screening.families.join(" "),
                outcome
            ])
        })
        .doing(|| doing("updating the shipment's status"))?;
    Ok(())
}

/// Freezes the rows: state finalized, the time, the chain hash.
fn freeze(
    tx: &Transaction<'_>,
    record: &Record,
    shipment_was_draft: bool,
    now: &str,
    hash: &str,
) -> Result<()> {
    let inspection_id = record.inspection.id.as_str();
    let doing = |what: &str| format!("finalizing inspection {inspection_id}: {what}");
    if shipment_was_draft {
        tx.prepare_cached(
            "UPDATE shipments SET state = ?4, finalized_at = ?2, record_hash = ?3
             WHERE id = ?1 AND state = ?5",
        )
        .and_then(|mut st| {
            st.execute(rusqlite::params![
                record.shipment.id,
                now,
                hash,
                RecordState::Finalized,
                RecordState::Draft
            ])
        })
        .doing(|| doing("freezing the shipment"))?;
    }
    tx.prepare_cached(
        "UPDATE inspections SET state = ?4, finalized_at = ?2, record_hash = ?3
         WHERE id = ?1 AND state = ?5",
    )
    .and_then(|mut st| {
        st.execute(rusqlite::params![
            inspection_id,
            now,
            hash,
            RecordState::Finalized,
            RecordState::Draft
        ])
    })
    .doing(|| doing("freezing the inspection"))?;
    Ok(())
}

impl<S: Deref<Target = Store>> Records<S> {
    /// Every problem that stops the inspection from being finalized (empty = ready).
    pub fn finalize_problems(&self, inspection_id: &str) -> Result<Vec<FieldError>> {
        finalize_problems_tx(self.0.conn(), inspection_id)
    }
}

impl Records<&mut Store> {
    /// Finalizes with the active rule pack (see [`Store::finalize_inspection_with`]).
    pub fn finalize_inspection(&mut self, inspection_id: &str) -> Result<Finalized> {
        let pack = self.0.rules().active_pack()?.ok_or_else(|| {
            StoreError::Invalid("no rule pack is installed; cannot screen the record".into())
        })?;
        self.finalize_inspection_with(inspection_id, &pack)
    }

    /// Validates, screens with `pack` and, in one transaction, freezes the shipment and
    /// inspection, appends the record to this device's chain and outbox and audits it.
    /// An invalid draft is refused with every problem named; nothing changes.
    pub fn finalize_inspection_with(
        &mut self,
        inspection_id: &str,
        pack: &RulePack,
    ) -> Result<Finalized> {
        let clock = self.0.clock;
        self.0.write("finalizing the inspection", |tx| {
            let who = who(tx, clock)?;
            finalize_tx(tx, &who, inspection_id, pack)
        })
    }
}
