//! Custody transfers of seized goods: appended one by one after the seizure is
//! finalized, each its own chain/outbox record (kind `custody_event`).

use rusqlite::Transaction;
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::domain::{CustodyEvent, Msg, limits, new_id, normalize_timestamp, parse_timestamp};
use crate::store::audit::{Who, audit, who};
use crate::store::chain::append_to_chain;
use crate::store::rows::{insert_row, row_by_id};
use crate::store::{Records, Result, Store, StoreError};

/// A custody transfer appended to the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustodyAppended {
    pub id: String,
    pub seq: i64,
    pub hash: String,
}

pub fn add_custody_tx(
    tx: &Transaction<'_>,
    who: &Who,
    seizure_id: &str,
    event: &CustodyEvent,
) -> Result<CustodyAppended> {
    crate::store::audit::refuse_field_work(tx, "a custody transfer")?;
    let event = &event.normalized();
    let problems = event.problems();
    if let Some(p) = problems.first() {
        return Err(StoreError::Said(
            Msg::new("store-custody-problem").arg("problem", p.to_msg()),
        ));
    }
    let seizure = row_by_id(tx, "seizures", seizure_id, "seizure")?;
    let inspection_id = seizure["inspection_id"].as_str().unwrap_or_default();
    let inspection = row_by_id(tx, "inspections", inspection_id, "inspection")?;
    if inspection["state"].as_str() != Some("finalized") {
        return Err(StoreError::Said(
            Msg::new("store-custody-before-finalize").arg("id", seizure_id),
        ));
    }
    // DESIGN section 3: between the seizure (the inspection's start) and now
    let seized = inspection["started_at"]
        .as_str()
        .and_then(|s| parse_timestamp("started_at", s).ok());
    // limits.rs words its problems in English still: the console shows this as it is
    limits::transfer_time(&event.at, seized, who.clock.now()).map_err(|e| {
        StoreError::Said(Msg::new("store-custody-problem").arg("problem", e.to_msg()))
    })?;
    let id = new_id();
    let mut row = Map::new();
    row.insert("id".into(), id.clone().into());
    row.insert("seizure_id".into(), seizure_id.into());
    row.insert("from_party".into(), event.from_party.trim().into());
    row.insert("to_party".into(), event.to_party.trim().into());
    row.insert("at".into(), normalize_timestamp(&event.at).into());
    row.insert("reason".into(), event.reason.trim().into());
    row.insert("officer_id".into(), who.officer_id.clone().into());
    row.insert("device_id".into(), who.device_id.clone().into());
    row.insert("created_at".into(), who.clock.now_rfc3339().into());
    let payload = json!({"kind": "custody_event", "custody_event": Value::Object(row.clone())});
    let link = append_to_chain(
        tx,
        who.clock,
        &who.device_id,
        "custody_event",
        &id,
        &payload,
    )?;
    let mut stored = row.clone();
    stored.insert("record_hash".into(), link.hash.clone().into());
    insert_row(tx, "custody_events", &stored, "saving the custody transfer")?;
    let mut back = row_by_id(tx, "custody_events", &id, "custody transfer")?;
    back.remove("record_hash");
    if back != row {
        return Err(StoreError::Invalid(
            "the stored custody transfer differs from the hashed payload; nothing was saved".into(),
        ));
    }
    audit(
        tx,
        who,
        "create",
        "custody_event",
        &id,
        None,
        Some(
            &json!({"seizure_id": seizure_id, "from_party": row["from_party"], "to_party": row["to_party"],
                     "at": row["at"], "reason": row["reason"], "seq": link.seq, "hash": link.hash}),
        ),
    )?;
    Ok(CustodyAppended {
        id,
        seq: link.seq,
        hash: link.hash,
    })
}

impl Records<&mut Store> {
    /// Appends a custody transfer to a finalized seizure: validated, chained and
    /// written to the outbox with its audit row, in one transaction.
    pub fn add_custody_event(
        &mut self,
        seizure_id: &str,
        event: &CustodyEvent,
    ) -> Result<CustodyAppended> {
        let clock = self.0.clock;
        self.0.write("recording a custody transfer", |tx| {
            let who = who(tx, clock)?;
            add_custody_tx(tx, &who, seizure_id, event)
        })
    }
}
