//! The chain payload of an inspection: what finalizing hashes, and what verification
//! recomputes from the rows as they stand.

use serde_json::{Value, json};

use crate::store::Result;
use crate::store::rows::{Row, query_rows, row_by_id};

/// What finalizing hashes, in the order it changed: 1 (no `payload_version` key) the rows
/// as they stood; 2 adds `seizures[].legal_basis_reason`; 3 adds `shipment.intermediaries`;
/// 4 adds `attachments` (each with its content's SHA-256, size, media type and caption).
/// Verification accepts every earlier version ([`added_in`], [`parts_added_in`]).
pub(crate) const PAYLOAD_VERSION: i64 = 4;

/// Columns added after payload version 1: the part of the payload (`shipment`, an object,
/// or `seizures`, an array of rows), the column, the version that added it and its default.
/// A payload older than that never hashed the column, and the live row must still hold
/// the default.
pub(crate) const COLUMNS_ADDED: &[(&str, &str, i64, &str)] = &[
    ("seizures", "legal_basis_reason", 2, ""),
    ("shipment", "intermediaries", 3, ""),
];

/// Parts (lists of rows) added after payload version 1, and the version that added each.
/// A payload older than that never hashed the part, and the live record must have none
/// (an empty list: an older record was finalized before attachments existed, and the
/// triggers refuse adding one to it since).
pub(crate) const PARTS_ADDED: &[(&str, i64)] = &[("attachments", 4)];

/// The parts that `version` did not hash yet (see [`PARTS_ADDED`]).
pub(crate) fn parts_added_in(version: i64) -> impl Iterator<Item = &'static str> {
    PARTS_ADDED
        .iter()
        .filter(move |(_, since)| *since > version)
        .map(|(part, _)| *part)
}

/// The payload version of a stored payload (1 when it names none).
pub(crate) fn version_of(payload: &Value) -> i64 {
    payload
        .get("payload_version")
        .and_then(Value::as_i64)
        .unwrap_or(1)
}

/// The (part, column, default) that `version` did not hash yet (see [`COLUMNS_ADDED`]).
pub(crate) fn added_in(
    version: i64,
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    COLUMNS_ADDED
        .iter()
        .filter(move |(_, _, since, _)| *since > version)
        .map(|(part, col, _, default)| (*part, *col, *default))
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
        "attachments": rows_of(tx, "attachments", inspection_id)?,
    }))
}
