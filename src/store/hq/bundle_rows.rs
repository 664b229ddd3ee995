//! Headquarters import: the rows of one incoming record, inserted generically.
//!
//! Payload object keys are schema.sql column names (contract in `chain.rs`); every insert
//! is `ON CONFLICT DO NOTHING`. A key that is not a column of this schema is refused.

use std::collections::{HashMap, HashSet};

use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use crate::store::chain::RECORD_TABLES;
use crate::store::chain::outbox::OfficerRow;
use crate::store::hq::incoming::IncomingBundleRecord;
use crate::store::{Context, Result, StoreError};

fn refused(msg: String) -> StoreError {
    StoreError::Invalid(msg)
}

/// Column names per record table, read once per import.
struct Columns(HashMap<&'static str, HashSet<String>>);

impl Columns {
    fn load(tx: &Transaction<'_>) -> Result<Self> {
        let mut map = HashMap::new();
        for t in RECORD_TABLES {
            let mut stmt = tx
                .prepare(&format!("SELECT name FROM pragma_table_info('{t}')"))
                .doing(|| format!("reading the columns of {t}"))?;
            let cols = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .doing(|| format!("reading the columns of {t}"))?
                .collect::<rusqlite::Result<HashSet<_>>>()
                .doing(|| format!("reading the columns of {t}"))?;
            map.insert(t, cols);
        }
        Ok(Columns(map))
    }
}

/// A JSON value bound to SQL without copying strings.
fn sql_value(v: &Value) -> ToSqlOutput<'_> {
    match v {
        Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
        Value::Bool(b) => ToSqlOutput::Owned(SqlValue::Integer(*b as i64)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => ToSqlOutput::Owned(SqlValue::Integer(i)),
            None => ToSqlOutput::Owned(SqlValue::Real(n.as_f64().unwrap_or(f64::NAN))),
        },
        Value::String(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        other => ToSqlOutput::Owned(SqlValue::Text(other.to_string())),
    }
}

/// Inserts the record tables' rows of incoming records (one per payload object).
pub(super) struct Inserter<'a> {
    tx: &'a Transaction<'a>,
    cols: Columns,
    /// when the records are received (their review desk rows)
    now: String,
    /// headquarters' active pack, indexed once for the import (the declared verdicts)
    pack: Option<crate::rules::PackIndex>,
}

impl<'a> Inserter<'a> {
    pub(super) fn new(tx: &'a Transaction<'a>, now: &str) -> Result<Self> {
        Ok(Inserter {
            tx,
            cols: Columns::load(tx)?,
            now: now.to_string(),
            pack: super::desk::active_pack_in(tx)?.map(crate::rules::PackIndex::new),
        })
    }

    /// Inserts one row by column name; `fill_hash` sets a null/absent `record_hash`.
    fn insert(
        &self,
        table: &'static str,
        obj: &Map<String, Value>,
        fill_hash: Option<&str>,
        at: &str,
    ) -> Result<()> {
        let known = &self.cols.0[table];
        let mut names: Vec<&str> = Vec::with_capacity(obj.len() + 1);
        let mut values: Vec<ToSqlOutput<'_>> = Vec::with_capacity(obj.len() + 1);
        for (k, v) in obj {
            if !known.contains(k) {
                return Err(refused(format!(
                    "{at}: payload field {table}.{k} is not a column of this headquarters schema"
                )));
            }
            if k == "record_hash"
                && v.is_null()
                && let Some(h) = fill_hash
            {
                names.push(k);
                values.push(ToSqlOutput::Borrowed(ValueRef::Text(h.as_bytes())));
                continue;
            }
            names.push(k);
            values.push(sql_value(v));
        }
        if let Some(h) = fill_hash
            && known.contains("record_hash")
            && !obj.contains_key("record_hash")
        {
            names.push("record_hash");
            values.push(ToSqlOutput::Borrowed(ValueRef::Text(h.as_bytes())));
        }
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({}) ON CONFLICT DO NOTHING",
            names.join(", "),
            placeholders.join(", ")
        );
        let mut stmt = self
            .tx
            .prepare_cached(&sql)
            .doing(|| format!("{at}: preparing the insert into {table}"))?;
        stmt.execute(rusqlite::params_from_iter(values.iter()))
            .doing(|| format!("{at}: inserting into {table}"))?;
        Ok(())
    }

    fn object<'v>(
        payload: &'v Map<String, Value>,
        key: &str,
        at: &str,
    ) -> Result<&'v Map<String, Value>> {
        payload
            .get(key)
            .and_then(Value::as_object)
            .ok_or_else(|| refused(format!("{at}: payload has no '{key}' object")))
    }

    fn list<'v>(
        payload: &'v Map<String, Value>,
        key: &str,
        at: &str,
    ) -> Result<Vec<&'v Map<String, Value>>> {
        match payload.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_object().ok_or_else(|| {
                        refused(format!("{at}: an item of '{key}' is not an object"))
                    })
                })
                .collect(),
            Some(_) => Err(refused(format!("{at}: payload '{key}' is not a list"))),
        }
    }

    /// Inserts a new record of `device_id` received at headquarters: its outbox row, its
    /// payload, and the rows of the payload. Refuses a record id held under another seq.
    pub(super) fn received(&self, device_id: &str, r: &IncomingBundleRecord) -> Result<()> {
        let at = || format!("record seq {} (id {})", r.seq, r.record_id);
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
            )
            .and_then(|mut s| {
                s.execute(params![
                    device_id,
                    r.seq,
                    r.kind,
                    r.record_id,
                    r.hash,
                    r.prev_hash,
                    r.created_at
                ])
            })
            .doing(|| format!("{}: saving the outbox row", at()))?;
        if n != 1 {
            return Err(refused(format!(
                "conflict: record id {} (seq {}) is already held for device {device_id} under another seq",
                r.record_id, r.seq
            )));
        }
        self.tx
            .prepare_cached(
                "INSERT INTO outbox_payloads (device_id, seq, payload) VALUES (?1, ?2, ?3)",
            )
            .and_then(|mut s| s.execute(params![device_id, r.seq, r.payload]))
            .doing(|| format!("{}: saving the outbox payload", at()))?;
        self.record(r)
    }

    /// Inserts the rows of `r`'s payload (a shipment with its inspection and children, or
    /// a custody event).
    fn record(&self, r: &IncomingBundleRecord) -> Result<()> {
        let at = format!("record seq {} (id {})", r.seq, r.record_id);
        let payload: Value = serde_json::from_str(&r.payload)
            .map_err(|e| refused(format!("{at}: payload is not JSON: {e}")))?;
        let payload = payload
            .as_object()
            .ok_or_else(|| refused(format!("{at}: payload is not an object")))?;
        if payload.get("kind").and_then(Value::as_str) != Some(r.kind.as_str()) {
            return Err(refused(format!(
                "{at}: payload kind does not match record kind {}",
                r.kind
            )));
        }
        match r.kind.as_str() {
            "inspection" => {
                let shipment = Self::object(payload, "shipment", &at)?;
                let inspection = Self::object(payload, "inspection", &at)?;
                if inspection.get("id").and_then(Value::as_str) != Some(r.record_id.as_str()) {
                    return Err(refused(format!(
                        "{at}: the inspection id in the payload is not the record id"
                    )));
                }
                self.insert("shipments", shipment, Some(&r.hash), &at)?;
                // children first: the frozen-child triggers refuse rows added under an
                // inspection that is already finalized (foreign keys are deferred)
                for m in Self::list(payload, "measurements", &at)? {
                    self.insert("measurements", m, None, &at)?;
                }
                for f in Self::list(payload, "findings", &at)? {
                    self.insert("findings", f, None, &at)?;
                }
                for s in Self::list(payload, "seizures", &at)? {
                    self.insert("seizures", s, None, &at)?;
                }
                for a in Self::list(payload, "attachments", &at)? {
                    self.insert("attachments", a, None, &at)?;
                }
                self.insert("inspections", inspection, Some(&r.hash), &at)?;
                super::desk::add_to_desk(self.tx, &r.record_id, &self.now, self.pack.as_ref())
            }
            "custody_event" => {
                let ev = Self::object(payload, "custody_event", &at)?;
                if ev.get("id").and_then(Value::as_str) != Some(r.record_id.as_str()) {
                    return Err(refused(format!(
                        "{at}: the custody event id in the payload is not the record id"
                    )));
                }
                self.insert("custody_events", ev, Some(&r.hash), &at)
            }
            other => Err(refused(format!("{at}: unknown record kind '{other}'"))),
        }
    }
}

/// Adds the bundle's field officers headquarters does not know yet.
pub(super) fn insert_officers(
    tx: &Transaction<'_>,
    officers: &[OfficerRow],
    now: &str,
) -> Result<()> {
    for o in officers {
        let exists: bool = tx
            .query_row("SELECT 1 FROM officers WHERE id = ?1", [&o.id], |_| Ok(()))
            .optional()
            .doing(|| format!("looking up officer {}", o.id))?
            .is_some();
        if exists {
            continue;
        }
        let role = match o.role.as_str() {
            "officer" | "supervisor" | "trainer" => o.role.as_str(),
            _ => "officer",
        };
        // a badge already used by another officer here gets the officer id appended
        let taken: bool = tx
            .query_row(
                "SELECT 1 FROM officers WHERE badge = ?1",
                [&o.badge],
                |_| Ok(()),
            )
            .optional()
            .doing(|| format!("checking badge {}", o.badge))?
            .is_some();
        let badge = if taken {
            format!("{} ({})", o.badge, o.id)
        } else {
            o.badge.clone()
        };
        tx.execute(
            "INSERT INTO officers (id, name, badge, role, login, created_at)
             VALUES (?1, ?2, ?3, ?4, NULL, ?5)",
            params![o.id, o.name, badge, role, now],
        )
        .doing(|| format!("saving field officer {}", o.id))?;
    }
    Ok(())
}
