//! Measurements, findings and seizures of a draft inspection: add, update, remove.
//! Each is one transaction with its audit row; a finalized inspection refuses them
//! (and the schema's triggers refuse them too).

use std::ops::Deref;

use rusqlite::Transaction;
use serde::Serialize;
use serde_json::Value;

use crate::domain::{Finding, Measurement, Seizure, new_id};
use crate::store::audit::{Who, audit, who};
use crate::store::record::draft::{ensure_draft, update_draft_tx};
use crate::store::rows::{insert_row, row_by_id, to_row};
use crate::store::{Context, Records, Result, Store};

/// (table, entity name) of each child kind.
const MEASUREMENT: (&str, &str) = ("measurements", "measurement");
const FINDING: (&str, &str) = ("findings", "finding");
const SEIZURE: (&str, &str) = ("seizures", "seizure");

pub fn add_child_tx<T: Serialize>(
    tx: &Transaction<'_>,
    who: &Who,
    (table, entity): (&str, &str),
    inspection_id: &str,
    data: &T,
) -> Result<String> {
    ensure_draft(tx, "inspections", inspection_id, "inspection")?;
    let id = new_id();
    let new = to_row(data);
    let mut row = new.clone();
    row.insert("id".into(), id.clone().into());
    row.insert("inspection_id".into(), inspection_id.into());
    row.insert("created_at".into(), who.clock.now_rfc3339().into());
    insert_row(tx, table, &row, &format!("saving the new {entity}"))?;
    touch_inspection(tx, who, inspection_id)?;
    audit(
        tx,
        who,
        "create",
        entity,
        &id,
        None,
        Some(&Value::Object(new)),
    )?;
    Ok(id)
}

fn touch_inspection(tx: &Transaction<'_>, who: &Who, inspection_id: &str) -> Result<()> {
    tx.prepare_cached("UPDATE inspections SET updated_at = ?2 WHERE id = ?1")
        .and_then(|mut s| s.execute([inspection_id, &who.clock.now_rfc3339()]))
        .doing(|| format!("touching inspection {inspection_id}"))?;
    Ok(())
}

fn parent_of(tx: &Transaction<'_>, (table, entity): (&str, &str), id: &str) -> Result<String> {
    let row = row_by_id(tx, table, id, entity)?;
    Ok(row
        .get("inspection_id")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string())
}

fn update_child_tx<T: Serialize>(
    tx: &Transaction<'_>,
    who: &Who,
    kind: (&str, &str),
    id: &str,
    data: &T,
) -> Result<bool> {
    let parent = parent_of(tx, kind, id)?;
    ensure_draft(tx, "inspections", &parent, "inspection")?;
    let changed = update_draft_tx(tx, who, kind.0, kind.1, id, data)?;
    if changed {
        touch_inspection(tx, who, &parent)?;
    }
    Ok(changed)
}

fn remove_child_tx(
    tx: &Transaction<'_>,
    who: &Who,
    (table, entity): (&str, &str),
    id: &str,
) -> Result<()> {
    let old = row_by_id(tx, table, id, entity)?;
    let parent = parent_of(tx, (table, entity), id)?;
    ensure_draft(tx, "inspections", &parent, "inspection")?;
    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
        .doing(|| format!("removing {entity} {id}"))?;
    touch_inspection(tx, who, &parent)?;
    audit(
        tx,
        who,
        "delete",
        entity,
        id,
        Some(&Value::Object(old)),
        None,
    )
}

impl<S: Deref<Target = Store>> Records<S> {
    /// Keys of the suggestions dismissed for an inspection.
    pub fn dismissed_suggestions(&self, inspection_id: &str) -> Result<Vec<String>> {
        Ok(self
            .0
            .query()
            .audit_of("inspection", inspection_id)?
            .into_iter()
            .filter(|a| a.action == "dismiss_suggestion")
            .filter_map(|a| a.new?.get("suggestion")?.as_str().map(str::to_string))
            .collect())
    }
}

impl Records<&mut Store> {
    pub fn add_measurement(&mut self, inspection_id: &str, m: &Measurement) -> Result<String> {
        let clock = self.0.clock;
        self.0.write("adding a measurement", |tx| {
            add_child_tx(tx, &who(tx, clock)?, MEASUREMENT, inspection_id, m)
        })
    }

    pub fn update_measurement(&mut self, id: &str, m: &Measurement) -> Result<bool> {
        let clock = self.0.clock;
        self.0.write("saving a measurement", |tx| {
            update_child_tx(tx, &who(tx, clock)?, MEASUREMENT, id, m)
        })
    }

    pub fn remove_measurement(&mut self, id: &str) -> Result<()> {
        let clock = self.0.clock;
        self.0.write("removing a measurement", |tx| {
            remove_child_tx(tx, &who(tx, clock)?, MEASUREMENT, id)
        })
    }

    /// Adds a finding; an accepted reconciliation suggestion has `suggested = true`.
    pub fn add_finding(&mut self, inspection_id: &str, f: &Finding) -> Result<String> {
        let clock = self.0.clock;
        self.0.write("adding a finding", |tx| {
            add_child_tx(tx, &who(tx, clock)?, FINDING, inspection_id, f)
        })
    }

    pub fn update_finding(&mut self, id: &str, f: &Finding) -> Result<bool> {
        let clock = self.0.clock;
        self.0.write("saving a finding", |tx| {
            update_child_tx(tx, &who(tx, clock)?, FINDING, id, f)
        })
    }

    pub fn remove_finding(&mut self, id: &str) -> Result<()> {
        let clock = self.0.clock;
        self.0.write("removing a finding", |tx| {
            remove_child_tx(tx, &who(tx, clock)?, FINDING, id)
        })
    }

    pub fn add_seizure(&mut self, inspection_id: &str, s: &Seizure) -> Result<String> {
        let clock = self.0.clock;
        self.0.write("adding a seizure", |tx| {
            add_child_tx(tx, &who(tx, clock)?, SEIZURE, inspection_id, s)
        })
    }

    pub fn update_seizure(&mut self, id: &str, s: &Seizure) -> Result<bool> {
        let clock = self.0.clock;
        self.0.write("saving a seizure", |tx| {
            update_child_tx(tx, &who(tx, clock)?, SEIZURE, id, s)
        })
    }

    pub fn remove_seizure(&mut self, id: &str) -> Result<()> {
        let clock = self.0.clock;
        self.0.write("removing a seizure", |tx| {
            remove_child_tx(tx, &who(tx, clock)?, SEIZURE, id)
        })
    }

    /// Records that the officer dismissed a reconciliation suggestion (audit only), so
    /// it is not offered again; `key` is the suggestion's key.
    pub fn dismiss_suggestion(&mut self, inspection_id: &str, key: &str) -> Result<()> {
        let clock = self.0.clock;
        self.0.write("dismissing a suggestion", |tx| {
            let who = who(tx, clock)?;
            ensure_draft(tx, "inspections", inspection_id, "inspection")?;
            audit(
                tx,
                &who,
                "dismiss_suggestion",
                "inspection",
                inspection_id,
                None,
                Some(&serde_json::json!({ "suggestion": key })),
            )
        })
    }
}
