//! The chain payload of an inspection: what finalizing hashes, and what verification
//! recomputes from the rows as they stand.

use serde_json::{Value, json};

use crate::store::Result;
use crate::store::rows::{Row, query_rows, row_by_id};

fn rows_of(tx: &rusqlite::Connection, table: &str, inspection_id: &str) -> Result<Vec<Value>> {
    Ok(query_rows(
        tx,
        &format!("SELECT * FROM {table} WHERE inspection_id = ?1 ORDER BY created_at, id"),
        [inspection_id],
        &format!("reading the {table} to finalize"),
    )?
    .into_iter()
    .map(Value::Object)
    .collect())
}

/// What finalizing hashes, in the order it changed: 1 (no `payload_version` key) the rows
/// as they stood; 2 adds `seizures[].legal_basis_reason`. Verification accepts every one.
pub(crate) const PAYLOAD_VERSION: i64 = 2;

/// The chain payload of an inspection as its rows stand (record_hash left out: it is
/// the chain hash of this very payload).
pub(crate) fn inspection_payload(
    tx: &rusqlite::Connection,
    shipment_id: &str,
    inspection_id: &str,
) -> Result<Value> {
    let strip = |mut r: Row| {
        r.remove("record_hash");
        Value::Object(r)
    };
    Ok(json!({
        "kind": "inspection",
        "payload_version": PAYLOAD_VERSION,
        "shipment": strip(row_by_id(tx, "shipments", shipment_id, "shipment")?),
        "inspection": strip(row_by_id(tx, "inspections", inspection_id, "inspection")?),
        "measurements": rows_of(tx, "measurements", inspection_id)?,
        "findings": rows_of(tx, "findings", inspection_id)?,
        "seizures": rows_of(tx, "seizures", inspection_id)?,
    }))
}
