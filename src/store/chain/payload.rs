//! The chain payload of an inspection: what finalizing hashes, and what verification
//! recomputes from the rows as they stand.

use serde_json::{Value, json};

use crate::store::Result;
use crate::store::rows::{Row, query_rows, row_by_id};

/// The version of the inspection payload finalizing writes. 1 (no `payload_version` key):
/// before shipments had `intermediaries`; 2: the shipment row carries them. Verification
/// accepts every earlier version ([`added_in`]).
pub(crate) const PAYLOAD_VERSION: i64 = 2;

/// Shipment columns added after payload version 1, with the version that added them and
/// their default: a payload older than that never hashed them, and the live row must
/// still hold the default.
pub(crate) const SHIPMENT_COLUMNS_ADDED: &[(&str, i64, &str)] = &[("intermediaries", 2, "")];

/// The payload version of a stored payload (1 when it names none).
pub(crate) fn version_of(payload: &Value) -> i64 {
    payload
        .get("payload_version")
        .and_then(Value::as_i64)
        .unwrap_or(1)
}

/// The columns `version` did not hash yet (see [`SHIPMENT_COLUMNS_ADDED`]).
pub(crate) fn added_in(version: i64) -> impl Iterator<Item = (&'static str, &'static str)> {
    SHIPMENT_COLUMNS_ADDED
        .iter()
        .filter(move |(_, since, _)| *since > version)
        .map(|(col, _, default)| (*col, *default))
}

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
