//! TEST SUPPORT ONLY (tests and benchmarks): creates finalized records without the
//! recording workflow, following the payload contract of `chain.rs` exactly: a shipment +
//! inspection (+ measurements, a finding, optionally a seizure) finalized and appended to
//! the chain, and custody events. Not used by the program itself; the lead may switch the
//! tests to the real finalize once recording lands.

use rusqlite::{Transaction, params, types::ValueRef};
use serde_json::{Map, Value, json};

use super::{Context, Result, Store, StoreError};
use crate::domain::{Clock, new_id};
use crate::store::chain::append_to_chain;

/// Ids of a sample finalized inspection.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleIds {
    pub shipment_id: String,
    pub inspection_id: String,
    pub seizure_id: Option<String>,
}

/// The rows of `table` where `col = id`, as JSON objects keyed by column name.
fn rows_json(tx: &Transaction<'_>, table: &str, col: &str, id: &str) -> Result<Vec<Value>> {
    let mut stmt = tx
        .prepare_cached(&format!(
            "SELECT * FROM {table} WHERE {col} = ?1 ORDER BY id"
        ))
        .doing(|| format!("reading {table}"))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let rows = stmt.query([id]).doing(|| format!("reading {table}"))?;
    collect_json(rows, &names, table)
}

fn collect_json(mut rows: rusqlite::Rows<'_>, names: &[String], table: &str) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    while let Some(r) = rows.next().doing(|| format!("reading {table}"))? {
        let mut obj = Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i).doing(|| format!("reading {table}.{name}"))? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => json!(n),
                ValueRef::Real(f) => json!(f),
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::String(hex::encode(b)),
            };
            obj.insert(name.clone(), v);
        }
        out.push(Value::Object(obj));
    }
    Ok(out)
}

fn one(mut rows: Vec<Value>, what: &str) -> Result<Value> {
    rows.pop()
        .ok_or_else(|| StoreError::NotFound(what.to_string()))
}

fn finalize_one(
    tx: &Transaction<'_>,
    clock: Clock,
    device: &str,
    officer: &str,
    n: usize,
    with_seizure: bool,
) -> Result<SampleIds> {
    let now = clock.now_rfc3339();
    let (sid, iid) = (new_id(), new_id());
    tx.prepare_cached(
        "INSERT INTO shipments (id, declaration_no, declared_on, exporter_name, exporter_credit_code,
           consignee, end_user, end_use, destination, transport_mode, container_nos, seal_nos, hs_code,
           description, composition, quantity, quantity_unit, net_weight_g, value_minor, currency,
           licence_no, family, verdict, status, device_id, created_by, created_at, updated_at)
         VALUES (?1, ?2, '2026-03-02', 'Hunan Sample Metals Co.', '91430000MA4L000000', 'Rotterdam Trading BV',
           'unknown', 'civil', 'NL', 'sea', 'MSKU1234565', 'SL-77', '8112923010',
           'gallium ingots 99.99% — \"quoted\" and é', 'Ga 99.99%', ?3, 'kg', ?4, ?5, 'USD', '',
           'gallium', 'licence_required', 'held', ?6, ?7, ?8, ?8)",
    )
    .doing(|| "preparing a sample shipment".into())?
    .execute(params![sid, format!("DEC-{n:08}"), format!("{}.5", n % 1000), (n as i64) * 1000, (n as i64) * 100, device, officer, now])
    .doing(|| "inserting a sample shipment".into())?;
    tx.prepare_cached(
        "INSERT INTO inspections (id, shipment_id, officer_id, device_id, locode, terminal, started_at,
           ended_at, trigger, outcome, verdict, screening, rule_pack_version, narrative, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'CNSHA', 'Yangshan T4', ?5, ?5, 'rule_hit', ?6, 'licence_required',
           '{\"verdict\":\"licence_required\"}', 'test-pack', ?7, ?5, ?5)",
    )
    .doing(|| "preparing a sample inspection".into())?
    .execute(params![iid, sid, officer, device, now, if with_seizure { "seized" } else { "held" },
        format!("Sample narrative {n}: XRF shows Ga; line two\nwith a newline and a tab\t.")])
    .doing(|| "inserting a sample inspection".into())?;
    for (name, el, value) in [
        ("purity_pct", None, 99.99 + (n % 7) as f64 / 1000.0),
        ("xrf_pct", Some("Ga"), 98.5),
    ] {
        tx.prepare_cached(
            "INSERT INTO measurements (id, inspection_id, name, element, value, unit, method, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, '%', 'xrf', ?6)",
        )
        .doing(|| "preparing a sample measurement".into())?
        .execute(params![new_id(), iid, name, el, value, now])
        .doing(|| "inserting a sample measurement".into())?;
    }
    tx.prepare_cached(
        "INSERT INTO findings (id, inspection_id, kind, declared, found, evidence, created_at)
         VALUES (?1, ?2, 'missing_licence', 'no licence', 'licence required', 'photo 1', ?3)",
    )
    .doing(|| "preparing a sample finding".into())?
    .execute(params![new_id(), iid, now])
    .doing(|| "inserting a sample finding".into())?;
    let seizure_id = with_seizure.then(new_id);
    if let Some(z) = &seizure_id {
        tx.prepare_cached(
            "INSERT INTO seizures (id, inspection_id, goods, family, quantity, unit, est_value_minor,
               currency, legal_basis, seal_nos, storage_location, created_at)
             VALUES (?1, ?2, 'gallium ingots', 'gallium', '25', 'kg', 500000, 'CNY', '[\"ga-metal\"]',
               'CS-1', 'Warehouse 3', ?3)",
        )
        .doing(|| "preparing a sample seizure".into())?
        .execute(params![z, iid, now])
        .doing(|| "inserting a sample seizure".into())?;
    }
    // the payload: the rows as finalized (record_hash is set with the state change)
    let mut shipment = one(rows_json(tx, "shipments", "id", &sid)?, "sample shipment")?;
    let mut inspection = one(
        rows_json(tx, "inspections", "id", &iid)?,
        "sample inspection",
    )?;
    for obj in [&mut shipment, &mut inspection] {
        obj["state"] = json!("finalized");
        obj["finalized_at"] = json!(now);
        obj["record_hash"] = Value::Null;
    }
    let payload = json!({
        "kind": "inspection",
        "shipment": shipment,
        "inspection": inspection,
        "measurements": rows_json(tx, "measurements", "inspection_id", &iid)?,
        "findings": rows_json(tx, "findings", "inspection_id", &iid)?,
        "seizures": rows_json(tx, "seizures", "inspection_id", &iid)?,
    });
    let link = append_to_chain(tx, clock, device, "inspection", &iid, &payload)?;
    for table in ["shipments", "inspections"] {
        let id = if table == "shipments" { &sid } else { &iid };
        tx.prepare_cached(&format!(
            "UPDATE {table} SET state = 'finalized', finalized_at = ?1, record_hash = ?2 WHERE id = ?3"
        ))
        .doing(|| format!("finalizing the sample {table}"))?
        .execute(params![now, link.hash, id])
        .doing(|| format!("finalizing the sample {table}"))?;
    }
    tx.prepare_cached(
        "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
         VALUES (?1, ?2, 'finalize', 'inspection', ?3, NULL, NULL)",
    )
    .doing(|| "writing the audit row".into())?
    .execute(params![now, officer, iid])
    .doing(|| "writing the audit row".into())?;
    Ok(SampleIds {
        shipment_id: sid,
        inspection_id: iid,
        seizure_id,
    })
}

fn custody_one(
    tx: &Transaction<'_>,
    clock: Clock,
    device: &str,
    officer: &str,
    seizure_id: &str,
    to: &str,
) -> Result<String> {
    let (id, now) = (new_id(), clock.now_rfc3339());
    let event = json!({
        "id": id, "seizure_id": seizure_id, "from_party": "Seizing officer", "to_party": to,
        "at": now, "reason": "transfer to bonded storage", "officer_id": officer,
        "device_id": device, "created_at": now, "record_hash": Value::Null,
    });
    let payload = json!({"kind": "custody_event", "custody_event": event});
    let link = append_to_chain(tx, clock, device, "custody_event", &id, &payload)?;
    tx.prepare_cached(
        "INSERT INTO custody_events (id, seizure_id, from_party, to_party, at, reason, officer_id,
           device_id, created_at, record_hash)
         VALUES (?1, ?2, 'Seizing officer', ?3, ?4, 'transfer to bonded storage', ?5, ?6, ?4, ?7)",
    )
    .doing(|| "preparing a sample custody event".into())?
    .execute(params![id, seizure_id, to, now, officer, device, link.hash])
    .doing(|| "inserting a sample custody event".into())?;
    Ok(id)
}

impl Store {
    /// TEST SUPPORT: appends `count` finalized chain records of this device in one
    /// transaction. Every 10th inspection carries a seizure followed by a custody event
    /// (a custody event is a record of its own). Returns the inspections created.
    #[doc(hidden)]
    pub fn test_support_finalize_samples(&mut self, count: usize) -> Result<Vec<SampleIds>> {
        let device = self
            .db()
            .meta("device_id")?
            .ok_or_else(|| StoreError::NotFound("this database's device".into()))?;
        let officer = self.db().meta("officer_id")?.unwrap_or_default();
        let clock = self.clock;
        self.write("creating sample records (test support)", |tx| {
            let mut made = Vec::new();
            let mut records = 0;
            let mut n = 0;
            while records < count {
                let with_seizure = n % 10 == 9 && records + 2 <= count;
                let ids = finalize_one(tx, clock, &device, &officer, n, with_seizure)?;
                records += 1;
                if let Some(z) = &ids.seizure_id {
                    custody_one(tx, clock, &device, &officer, z, "Bonded warehouse 3")?;
                    records += 1;
                }
                made.push(ids);
                n += 1;
            }
            Ok(made)
        })
    }

    /// TEST SUPPORT: appends a custody transfer of `seizure_id` as its own chain record.
    #[doc(hidden)]
    pub fn test_support_custody_transfer(&mut self, seizure_id: &str, to: &str) -> Result<String> {
        let device = self
            .db()
            .meta("device_id")?
            .ok_or_else(|| StoreError::NotFound("this database's device".into()))?;
        let officer = self.db().meta("officer_id")?.unwrap_or_default();
        let clock = self.clock;
        self.write("recording a custody transfer (test support)", |tx| {
            custody_one(tx, clock, &device, &officer, seizure_id, to)
        })
    }

    /// TEST SUPPORT: the rows of a record table for comparison across databases, as JSON
    /// objects sorted by id.
    #[doc(hidden)]
    pub fn test_support_table_json(&self, table: &str) -> Result<Vec<Value>> {
        let others = [
            "outbox", "reviews", "sync_log", "audit", "officers", "devices", "meta",
        ];
        if !(crate::store::chain::RECORD_TABLES.contains(&table) || others.contains(&table)) {
            return Err(StoreError::Invalid(format!(
                "table: {table} is not a record table"
            )));
        }
        let tx = self
            .conn()
            .unchecked_transaction()
            .doing(|| "starting a read transaction".into())?;
        let order = match table {
            "outbox" => "o.device_id, o.seq",
            "meta" => "key",
            _ => "id",
        };
        // an outbox row is shown with its delivery state (derived from the marks) and its
        // payload (stored in outbox_payloads), so that comparisons cover the chain text too
        let select = match table {
            "outbox" => "SELECT o.*, s.state, p.payload FROM outbox o
                 JOIN outbox_status s ON s.device_id = o.device_id AND s.seq = o.seq
                 LEFT JOIN outbox_payloads p ON p.device_id = o.device_id AND p.seq = o.seq"
                .to_string(),
            _ => format!("SELECT * FROM {table}"),
        };
        let mut stmt = tx
            .prepare(&format!("{select} ORDER BY {order}"))
            .doing(|| format!("reading {table}"))?;
        let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
        let rows = stmt.query([]).doing(|| format!("reading {table}"))?;
        collect_json(rows, &names, table)
    }
}

impl Store {
    /// TEST SUPPORT: stores a review decision here as if a receipt had delivered it (no
    /// receipt id), so screens can be tested without a headquarters round trip.
    #[doc(hidden)]
    pub fn test_support_insert_review(&mut self, r: &super::Review) -> Result<()> {
        self.write("storing a review decision (test support)", |tx| {
            tx.execute(
                "INSERT INTO reviews (id, inspection_id, device_id, decision, comment, reviewer,
                   decided_at, receipt_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    r.id,
                    r.inspection_id,
                    r.device_id,
                    r.decision.as_str(),
                    r.comment,
                    r.reviewer,
                    r.decided_at,
                    r.receipt_id
                ],
            )
            .doing(|| "inserting a review (test support)".into())?;
            Ok(())
        })
    }
}
