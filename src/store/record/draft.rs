//! Shipments and inspections as drafts: create, update (one transaction each, with its
//! audit row), load, and list the open drafts offered after a restart.

use std::ops::Deref;

use rusqlite::{Connection, Transaction};
use serde::Serialize;
use serde_json::Value;

use crate::domain::{
    Finding, Inspection, Measurement, Record, Seizure, Shipment, Stored, StoredSeizure, new_id,
};
use crate::store::audit::{Who, audit, who};
use crate::store::record::RecordState;
use crate::store::rows::{diff, insert_row, query_rows, row_by_id, stored, to_row, update_row};
use crate::store::{Context, Records, Result, Store, StoreError};

/// A draft waiting to be finished: the shipment and, when started, its draft inspection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftSummary {
    pub shipment_id: String,
    pub inspection_id: Option<String>,
    pub declaration_no: String,
    pub exporter_name: String,
    pub description: String,
    /// Original inspection when this draft is an amendment.
    pub amends: Option<String>,
    pub updated_at: String,
}

pub fn create_shipment_tx(
    tx: &Transaction<'_>,
    who: &Who,
    data: &Shipment,
    amends: Option<&str>,
) -> Result<String> {
    crate::store::audit::refuse_field_work(tx, "a new record")?;
    let id = new_id();
    let now = who.clock.now_rfc3339();
    let new = to_row(&data.normalized());
    let mut row = new.clone();
    row.insert("id".into(), id.clone().into());
    row.insert("amends".into(), amends.into());
    row.insert("device_id".into(), who.device_id.clone().into());
    row.insert("created_by".into(), who.officer_id.clone().into());
    row.insert("created_at".into(), now.clone().into());
    row.insert("updated_at".into(), now.into());
    insert_row(tx, "shipments", &row, "saving the new shipment")?;
    audit(
        tx,
        who,
        "create",
        "shipment",
        &id,
        None,
        Some(&Value::Object(new)),
    )?;
    Ok(id)
}

pub fn create_inspection_tx(
    tx: &Transaction<'_>,
    who: &Who,
    shipment_id: &str,
    data: &Inspection,
    amends: Option<(&str, &str)>,
) -> Result<String> {
    crate::store::audit::refuse_field_work(tx, "an inspection")?;
    row_by_id(tx, "shipments", shipment_id, "shipment")?;
    let id = new_id();
    let now = who.clock.now_rfc3339();
    let mut data = data.normalized();
    if data.started_at.trim().is_empty() {
        data.started_at = now.clone();
    }
    let new = to_row(&data);
    let mut row = new.clone();
    row.insert("id".into(), id.clone().into());
    row.insert("shipment_id".into(), shipment_id.into());
    row.insert("officer_id".into(), who.officer_id.clone().into());
    row.insert("device_id".into(), who.device_id.clone().into());
    row.insert("amends".into(), amends.map(|a| a.0).into());
    row.insert("amend_reason".into(), amends.map_or("", |a| a.1).into());
    row.insert("created_at".into(), now.clone().into());
    row.insert("updated_at".into(), now.clone().into());
    insert_row(tx, "inspections", &row, "saving the new inspection")?;
    // the shipment is now being inspected (a derived, mutable column)
    tx.execute(
        "UPDATE shipments SET status = 'inspecting' WHERE id = ?1 AND status = 'declared'",
        [shipment_id],
    )
    .map_err(|e| StoreError::Invalid(format!("marking shipment {shipment_id} inspected: {e}")))?;
    audit(
        tx,
        who,
        "create",
        "inspection",
        &id,
        None,
        Some(&Value::Object(new)),
    )?;
    Ok(id)
}

/// Refuses a change to a finalized record with a message that says what to do instead.
pub(crate) fn ensure_draft(conn: &Connection, table: &str, id: &str, what: &str) -> Result<()> {
    let row = row_by_id(conn, table, id, what)?;
    if row.get("state").and_then(|v| v.as_str()) == Some(RecordState::Finalized.as_str()) {
        return Err(StoreError::Invalid(format!(
            "{what} {id} is finalized and cannot change; record an amendment instead"
        )));
    }
    Ok(())
}

/// Updates a draft row's editable columns from `data`; audits the changed fields only.
pub(crate) fn update_draft_tx<T: Serialize>(
    tx: &Transaction<'_>,
    who: &Who,
    table: &str,
    entity: &str,
    id: &str,
    data: &T,
) -> Result<bool> {
    let old = row_by_id(tx, table, id, entity)?;
    if old.get("state").and_then(|v| v.as_str()) == Some("finalized") {
        return Err(StoreError::Invalid(format!(
            "{entity} {id} is finalized and cannot change; record an amendment instead"
        )));
    }
    let (before, after) = diff(&old, &to_row(data));
    if after.is_empty() {
        return Ok(false);
    }
    let mut set = after.clone();
    if old.contains_key("updated_at") {
        set.insert("updated_at".into(), who.clock.now_rfc3339().into());
    }
    update_row(tx, table, id, &set, &format!("saving {entity} {id}"))?;
    audit(
        tx,
        who,
        "update",
        entity,
        id,
        Some(&Value::Object(before)),
        Some(&Value::Object(after)),
    )?;
    Ok(true)
}

pub fn load_record_tx(conn: &Connection, inspection_id: &str) -> Result<Record> {
    let inspection: Stored<Inspection> =
        stored(row_by_id(conn, "inspections", inspection_id, "inspection")?)?;
    let shipment_id = inspection
        .meta_str("shipment_id")
        .unwrap_or_default()
        .to_string();
    let shipment = stored(row_by_id(conn, "shipments", &shipment_id, "shipment")?)?;
    let children = |table: &str| {
        query_rows(
            conn,
            &format!("SELECT * FROM {table} WHERE inspection_id = ?1 ORDER BY created_at, id"),
            [inspection_id],
            &format!("reading the {table} of inspection {inspection_id}"),
        )
    };
    let measurements = children("measurements")?
        .into_iter()
        .map(stored::<Measurement>)
        .collect::<Result<Vec<_>>>()?;
    let findings = children("findings")?
        .into_iter()
        .map(stored::<Finding>)
        .collect::<Result<Vec<_>>>()?;
    let mut seizures = Vec::new();
    for row in children("seizures")? {
        let seizure = stored::<Seizure>(row)?;
        let custody = query_rows(
            conn,
            "SELECT * FROM custody_events WHERE seizure_id = ?1 ORDER BY at, created_at, id",
            [&seizure.id],
            "reading the custody transfers",
        )?
        .into_iter()
        .map(stored)
        .collect::<Result<Vec<_>>>()?;
        seizures.push(StoredSeizure { seizure, custody });
    }
    Ok(Record {
        shipment,
        inspection,
        measurements,
        findings,
        seizures,
    })
}

impl<S: Deref<Target = Store>> Records<S> {
    pub fn shipment(&self, id: &str) -> Result<Stored<Shipment>> {
        stored(row_by_id(self.0.conn(), "shipments", id, "shipment")?)
    }

    /// An inspection with its shipment, measurements, findings, seizures and custody.
    pub fn load_record(&self, inspection_id: &str) -> Result<Record> {
        load_record_tx(self.0.conn(), inspection_id)
    }

    /// The inspections of a shipment, oldest first: (id, state).
    pub fn inspections_of(&self, shipment_id: &str) -> Result<Vec<(String, String)>> {
        Ok(query_rows(
            self.0.conn(),
            "SELECT id, state FROM inspections WHERE shipment_id = ?1 ORDER BY started_at, id",
            [shipment_id],
            "listing the inspections of a shipment",
        )?
        .into_iter()
        .map(|r| {
            let s = |k: &str| {
                r.get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            (s("id"), s("state"))
        })
        .collect())
    }

    /// Where the draft of `shipment_id` was last edited (`section:item:field`), if known.
    pub fn draft_focus(&self, shipment_id: &str) -> Result<Option<String>> {
        let rows = query_rows(
            self.0.conn(),
            "SELECT focus FROM draft_focus WHERE shipment_id = ?1",
            [shipment_id],
            "reading where the draft was last edited",
        )?;
        Ok(rows
            .first()
            .and_then(|r| r.get("focus"))
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }

    /// Every unfinished draft, most recently changed first (offered on restart).
    pub fn open_drafts(&self) -> Result<Vec<DraftSummary>> {
        let rows = query_rows(
            self.0.conn(),
            // both halves use an index (inspections_state, shipments_status): a draft
            // shipment is 'declared' or 'inspecting'; a finalized one carries its outcome
            "SELECT s.id AS shipment_id, i.id AS inspection_id, s.declaration_no, s.exporter_name,
                    s.description, i.amends, max(s.updated_at, i.updated_at) AS updated_at
             FROM inspections i JOIN shipments s ON s.id = i.shipment_id
             WHERE i.state = 'draft'
             UNION ALL
             SELECT s.id, NULL, s.declaration_no, s.exporter_name, s.description, NULL, s.updated_at
             FROM shipments s
             WHERE s.status IN ('declared', 'inspecting') AND s.state = 'draft'
               AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.shipment_id = s.id AND i.state = 'draft')
             ORDER BY updated_at DESC, shipment_id DESC",
            [],
            "listing the open drafts",
        )?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let s = |k: &str| r.get(k).and_then(|v| v.as_str()).map(str::to_string);
                DraftSummary {
                    shipment_id: s("shipment_id").unwrap_or_default(),
                    inspection_id: s("inspection_id"),
                    declaration_no: s("declaration_no").unwrap_or_default(),
                    exporter_name: s("exporter_name").unwrap_or_default(),
                    description: s("description").unwrap_or_default(),
                    amends: s("amends"),
                    updated_at: s("updated_at").unwrap_or_default(),
                }
            })
            .collect())
    }
}

impl Records<&mut Store> {
    /// Saves a new draft shipment; returns its id.
    pub fn create_shipment(&mut self, data: &Shipment) -> Result<String> {
        let clock = self.0.clock;
        self.0.write("saving a new shipment", |tx| {
            let who = who(tx, clock)?;
            create_shipment_tx(tx, &who, data, None)
        })
    }

    /// Saves a draft shipment's fields (one transaction + audit row of the changed
    /// fields). Returns false when nothing changed. Refuses a finalized shipment.
    pub fn update_shipment(&mut self, id: &str, data: &Shipment) -> Result<bool> {
        let clock = self.0.clock;
        self.0.write("saving the shipment", |tx| {
            let who = who(tx, clock)?;
            update_draft_tx(tx, &who, "shipments", "shipment", id, &data.normalized())
        })
    }

    /// Starts a draft inspection of a shipment; returns its id. An empty `started_at`
    /// becomes now.
    pub fn start_inspection(&mut self, shipment_id: &str, data: &Inspection) -> Result<String> {
        let clock = self.0.clock;
        self.0.write("starting an inspection", |tx| {
            let who = who(tx, clock)?;
            create_inspection_tx(tx, &who, shipment_id, data, None)
        })
    }

    /// Remembers where the draft of `shipment_id` was last edited (console state: no audit
    /// row, not part of the record).
    pub fn set_draft_focus(&mut self, shipment_id: &str, focus: &str) -> Result<()> {
        let now = self.0.clock.now_rfc3339();
        self.0
            .write("remembering where the draft was edited", |tx| {
                tx.execute(
                    "INSERT INTO draft_focus (shipment_id, focus, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (shipment_id) DO UPDATE SET focus = excluded.focus,
                     updated_at = excluded.updated_at",
                    [shipment_id, focus, now.as_str()],
                )
                .doing(|| "saving where the draft was edited".into())?;
                Ok(())
            })
    }

    /// Saves a draft inspection's fields. Returns false when nothing changed.
    pub fn update_inspection(&mut self, id: &str, data: &Inspection) -> Result<bool> {
        let clock = self.0.clock;
        self.0.write("saving the inspection", |tx| {
            let who = who(tx, clock)?;
            update_draft_tx(
                tx,
                &who,
                "inspections",
                "inspection",
                id,
                &data.normalized(),
            )
        })
    }
}
