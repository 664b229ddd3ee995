//! Looking records up by any of their ids, and the raw JSON view of one record.

use std::ops::Deref;

use serde_json::{Value, json};

use crate::store::rows::{query_rows, row_by_id};
use crate::store::{Context, Query, Result, Store, StoreError};

impl<S: Deref<Target = Store>> Query<S> {
    /// The inspection a given id belongs to: an inspection id, a shipment id (its latest
    /// inspection), a seizure id or a custody transfer id.
    pub fn resolve_inspection(&self, id: &str) -> Result<String> {
        let sql = "SELECT id FROM inspections WHERE id = ?1
             UNION ALL SELECT id FROM (SELECT id FROM inspections WHERE shipment_id = ?1 ORDER BY started_at DESC, id DESC LIMIT 1)
             UNION ALL SELECT inspection_id FROM seizures WHERE id = ?1
             UNION ALL SELECT s.inspection_id FROM custody_events c JOIN seizures s ON s.id = c.seizure_id WHERE c.id = ?1
             LIMIT 1";
        let rows = query_rows(self.0.conn(), sql, [id], "looking up the record")?;
        rows.first()
            .and_then(|r| r.get("id"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| {
                StoreError::NotFound(format!("no inspection, shipment or seizure with id '{id}'"))
            })
    }

    /// The stored rows of one inspection, column names as keys: shipment, inspection,
    /// measurements, findings, seizures (each with its custody_events), its outbox entry
    /// (device_id, seq, hash, state), the ids of its amendments and its review decisions
    /// (oldest first).
    pub fn record_json(&self, inspection_id: &str) -> Result<Value> {
        let mut v = Store::record_json_tx(self.0.conn(), inspection_id)?;
        v["reviews"] = serde_json::to_value(self.0.hq().reviews_stored(inspection_id)?)
            .map_err(|e| StoreError::Invalid(format!("encoding the reviews: {e}")))?;
        Ok(v)
    }

    /// Counts of rows in the record tables (tests, status lines).
    pub fn record_counts(&self) -> Result<Vec<(String, i64)>> {
        let mut out = Vec::new();
        for t in crate::store::chain::RECORD_TABLES
            .into_iter()
            .chain(["outbox", "audit"])
        {
            let n: i64 = self
                .0
                .conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .doing(|| format!("counting {t}"))?;
            out.push((t.to_string(), n));
        }
        Ok(out)
    }
}

impl Store {
    pub(crate) fn record_json_tx(c: &rusqlite::Connection, inspection_id: &str) -> Result<Value> {
        let inspection = row_by_id(c, "inspections", inspection_id, "inspection")?;
        let shipment_id = inspection["shipment_id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let shipment = row_by_id(c, "shipments", &shipment_id, "shipment")?;
        let children = |table: &str| -> Result<Vec<Value>> {
            Ok(query_rows(
                c,
                &format!("SELECT * FROM {table} WHERE inspection_id = ?1 ORDER BY created_at, id"),
                [inspection_id],
                &format!("reading the {table}"),
            )?
            .into_iter()
            .map(Value::Object)
            .collect())
        };
        let mut seizures = children("seizures")?;
        for s in &mut seizures {
            let id = s["id"].as_str().unwrap_or_default().to_string();
            let custody = query_rows(
                c,
                "SELECT * FROM custody_events WHERE seizure_id = ?1 ORDER BY at, created_at, id",
                [&id],
                "reading the custody transfers",
            )?;
            s["custody_events"] = Value::Array(custody.into_iter().map(Value::Object).collect());
        }
        let outbox = query_rows(c, OUTBOX_ENTRY, [inspection_id], "reading the outbox entry")?
            .pop()
            .map(Value::Object)
            .unwrap_or(Value::Null);
        let amendments: Vec<Value> = query_rows(
            c,
            "SELECT id FROM inspections WHERE amends = ?1 ORDER BY created_at, id",
            [inspection_id],
            "listing amendments",
        )?
        .into_iter()
        .filter_map(|mut r| r.remove("id"))
        .collect();
        Ok(json!({
            "shipment": shipment,
            "inspection": inspection,
            "measurements": children("measurements")?,
            "findings": children("findings")?,
            "seizures": seizures,
            "attachments": children("attachments")?,
            "outbox": outbox,
            "amendments": amendments,
        }))
    }
}

/// A record's outbox entry with its delivery state. The bundle is the last export whose
/// seq range covers the record (on the device) or the first import that brought it (at
/// headquarters); it was acknowledged by the first receipt that reached its seq.
const OUTBOX_ENTRY: &str = "
SELECT o.device_id, o.seq, o.hash, o.prev_hash, s.state, e.bundle_id, e.at AS sent_at,
       (SELECT min(k.at) FROM sync_log k
        WHERE s.state = 'acknowledged' AND k.kind = 'ack' AND k.ok = 1
          AND k.device_id = o.device_id AND k.seq_to >= o.seq) AS acked_at
FROM outbox o
JOIN outbox_status s ON s.device_id = o.device_id AND s.seq = o.seq
LEFT JOIN sync_log e ON e.id = (
    SELECT l.id FROM sync_log l
    WHERE l.device_id = o.device_id AND l.ok = 1 AND l.seq_from <= o.seq AND l.seq_to >= o.seq
      AND ((s.state IN ('sent', 'acknowledged') AND l.kind = 'export')
           OR (s.state = 'received' AND l.kind = 'import'))
    ORDER BY CASE WHEN l.kind = 'export' THEN l.at END DESC, l.at ASC
    LIMIT 1)
WHERE o.device_id = (SELECT device_id FROM inspections WHERE id = ?1) AND o.record_id = ?1";
