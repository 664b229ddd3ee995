//! Headquarters side of sync: inserting a verified bundle in one transaction.
//!
//! The sync layer has already checked the signature, each record's SHA-256 and the links
//! inside the bundle. Here, inside the write transaction, the bundle is checked against
//! what headquarters already holds for the device (continuity, the link to the held head,
//! identical overlap), then the outbox rows (`received`: another device's) and the records themselves
//! are inserted by id. Insertion is generic: payload object keys are schema.sql column
//! names (contract in `chain.rs`), every insert is `ON CONFLICT DO NOTHING`.

use std::collections::{HashMap, HashSet};

use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use super::outbox::OfficerRow;
use super::{Context, Result, Store, StoreError};
use crate::domain::now_utc;

/// A record of a verified bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingRecord {
    pub seq: i64,
    pub kind: String,
    pub record_id: String,
    pub created_at: String,
    pub prev_hash: String,
    pub hash: String,
    pub payload: String,
}

/// A verified bundle, ready to insert.
#[derive(Debug, Clone)]
pub struct IncomingBundle {
    pub bundle_id: String,
    pub path: String,
    pub device_id: String,
    pub officers: Vec<OfficerRow>,
    /// contiguous, in seq order, linked (checked by the caller)
    pub records: Vec<IncomingRecord>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub device_id: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub new_records: u64,
    pub already_held: u64,
    /// what headquarters holds for the device after the import
    pub held_seq: i64,
    pub held_hash: String,
}

/// Page cache during an import (negative = KiB): 512 MiB, so a 100,000-record bundle
/// (~650 MB of rows) spills little to the WAL before commit. Headquarters is a server.
const IMPORT_CACHE_KIB: i64 = -524_288;

fn refused(msg: String) -> StoreError {
    StoreError::Invalid(msg)
}

/// Column names per record table, read once per import.
struct Columns(HashMap<&'static str, HashSet<String>>);

const TABLES: [&str; 6] = [
    "shipments",
    "inspections",
    "measurements",
    "findings",
    "seizures",
    "custody_events",
];

impl Columns {
    fn load(tx: &Transaction<'_>) -> Result<Self> {
        let mut map = HashMap::new();
        for t in TABLES {
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

/// The hash of `device_id`'s record at `seq` held here.
fn held_hash_at(tx: &Transaction<'_>, device_id: &str, seq: i64) -> Result<Option<String>> {
    tx.query_row(
        "SELECT hash FROM outbox WHERE device_id = ?1 AND seq = ?2",
        params![device_id, seq],
        |r| r.get(0),
    )
    .optional()
    .doing(|| format!("reading held record seq {seq}"))
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

struct Inserter<'a> {
    tx: &'a Transaction<'a>,
    cols: Columns,
}

impl Inserter<'_> {
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

    fn record(&self, r: &IncomingRecord) -> Result<()> {
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
                self.insert("inspections", inspection, Some(&r.hash), &at)
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

fn insert_officers(tx: &Transaction<'_>, officers: &[OfficerRow], now: &str) -> Result<()> {
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

impl Store {
    /// What headquarters holds for `device_id`: (head seq, head hash), (0, GENESIS) if none.
    pub fn held_head(&self, device_id: &str) -> Result<(i64, String)> {
        super::chain::chain_head(self.conn(), device_id)
    }

    /// Inserts a verified bundle in one transaction, or refuses it leaving the database
    /// unchanged. Records already held must be identical; the first new record must follow
    /// the held head with no gap.
    pub fn import_bundle(&mut self, b: &IncomingBundle) -> Result<ImportOutcome> {
        let (Some(first), Some(last)) = (b.records.first(), b.records.last()) else {
            return Err(refused("the bundle holds no records".into()));
        };
        let (seq_from, seq_to) = (first.seq, last.seq);
        let now = now_utc();
        let actor = self.meta("officer_id")?.unwrap_or_default();
        // a bulk import: a larger page cache for this transaction (default 2 MiB)
        let cache: i64 = self
            .conn()
            .pragma_query_value(None, "cache_size", |r| r.get(0))
            .doing(|| "reading cache_size".into())?;
        self.conn()
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
            .doing(|| "enlarging the page cache for the import".into())?;
        let result = self.import_in_tx(b, seq_from, seq_to, &now, &actor);
        self.conn()
            .pragma_update(None, "cache_size", cache)
            .doing(|| "restoring cache_size".into())?;
        result
    }

    fn import_in_tx(
        &mut self,
        b: &IncomingBundle,
        seq_from: i64,
        seq_to: i64,
        now: &str,
        actor: &str,
    ) -> Result<ImportOutcome> {
        let first = &b.records[0];
        self.write("importing a bundle", |tx| {
            tx.pragma_update(None, "defer_foreign_keys", true)
                .doing(|| "deferring foreign keys".into())?;
            let (held_seq, held_hash) = super::chain::chain_head(tx, &b.device_id)?;
            if seq_from > held_seq + 1 {
                return Err(refused(format!(
                    "sequence gap: headquarters holds device {} up to seq {held_seq}; the bundle starts at seq {seq_from} (record id {}), so seq {}..{} are missing",
                    b.device_id, first.record_id, held_seq + 1, seq_from - 1
                )));
            }
            // the link into what is held: the record before seq_from
            if seq_from > 1 {
                let before = held_hash_at(tx, &b.device_id, seq_from - 1)?.unwrap_or_default();
                if before != first.prev_hash {
                    return Err(refused(format!(
                        "chain link broken: record seq {seq_from} (id {}) does not follow the record seq {} held at headquarters",
                        first.record_id, seq_from - 1
                    )));
                }
            } else if first.prev_hash != super::chain::GENESIS_HASH {
                return Err(refused(format!(
                    "chain link broken: record seq 1 (id {}) does not start the chain",
                    first.record_id
                )));
            }
            let mut already = 0u64;
            let mut fresh = Vec::new();
            for r in &b.records {
                if r.seq <= held_seq {
                    let held = held_hash_at(tx, &b.device_id, r.seq)?.unwrap_or_default();
                    if held != r.hash {
                        return Err(refused(format!(
                            "conflict: record seq {} (id {}) differs from the record seq {} already held for device {}",
                            r.seq, r.record_id, r.seq, b.device_id
                        )));
                    }
                    already += 1;
                } else {
                    fresh.push(r);
                }
            }
            if !fresh.is_empty() {
                insert_officers(tx, &b.officers, now)?;
                let ins = Inserter { tx, cols: Columns::load(tx)? };
                let mut out = tx
                    .prepare_cached(
                        "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
                    )
                    .doing(|| "preparing the outbox insert".into())?;
                let mut pay = tx
                    .prepare_cached(
                        "INSERT INTO outbox_payloads (device_id, seq, payload) VALUES (?1, ?2, ?3)",
                    )
                    .doing(|| "preparing the outbox payload insert".into())?;
                for r in &fresh {
                    let n = out
                        .execute(params![b.device_id, r.seq, r.kind, r.record_id, r.hash, r.prev_hash, r.created_at])
                        .doing(|| format!("record seq {} (id {}): saving the outbox row", r.seq, r.record_id))?;
                    if n != 1 {
                        return Err(refused(format!(
                            "conflict: record id {} (seq {}) is already held for device {} under another seq",
                            r.record_id, r.seq, b.device_id
                        )));
                    }
                    pay.execute(params![b.device_id, r.seq, r.payload])
                        .doing(|| format!("record seq {} (id {}): saving the outbox payload", r.seq, r.record_id))?;
                    ins.record(r)?;
                }
            }
            let (new_seq, new_hash) = if let Some(l) = fresh.last() {
                (l.seq, l.hash.clone())
            } else {
                (held_seq, held_hash)
            };
            tx.execute(
                "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message, bundle_id)
                 VALUES (?1, 'import', ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9)",
                params![crate::domain::new_id(), now, b.device_id, b.path, seq_from, seq_to,
                    fresh.len() as i64, format!("bundle {}: {} new, {already} already held", b.bundle_id, fresh.len()), b.bundle_id],
            )
            .doing(|| "writing the sync log".into())?;
            if !fresh.is_empty() {
                tx.execute(
                    "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                     VALUES (?1, ?2, 'import', 'bundle', ?3, NULL, ?4)",
                    params![now, actor, b.bundle_id, serde_json::json!({
                        "device_id": b.device_id, "seq_from": fresh[0].seq, "seq_to": new_seq, "records": fresh.len()
                    }).to_string()],
                )
                .doing(|| "writing the audit row".into())?;
            }
            Ok(ImportOutcome {
                device_id: b.device_id.clone(),
                seq_from,
                seq_to,
                new_records: fresh.len() as u64,
                already_held: already,
                held_seq: new_seq,
                held_hash: new_hash,
            })
        })
    }
}
