//! The device hash chain and outbox: one row per finalized record.
//!
//! Contract shared by recording and sync:
//! - `payload` is the canonical JSON of the record as finalized: a `serde_json::Value`
//!   serialized compactly (object keys sorted, as serde_json's default map does).
//!   For an inspection: `{"kind":"inspection","shipment":{..},"inspection":{..},
//!   "measurements":[..],"findings":[..],"seizures":[..]}`; for a custody transfer:
//!   `{"kind":"custody_event","custody_event":{..}}`. Object keys are the column names of
//!   schema.sql. The rows appear as they stand once finalized (`state` = `finalized`,
//!   `finalized_at` set) except `record_hash`, which is left out: it is the chain `hash`
//!   of this very payload (the stored rows carry it). `measurements`, `findings` and
//!   `seizures` are ordered by (created_at, id).
//! - `hash = hex(sha256(prev_hash_hex || "\n" || payload))`; the first record of a device
//!   has `prev_hash` = 64 zeros; `seq` counts from 1 per device.
//! - Storage: the chain columns and the delivery state are the `outbox` row; the payload
//!   text is the `outbox_payloads` row with the same (device_id, seq), inserted with it in
//!   the same transaction (both immutable). Keeping the payload out of the outbox row
//!   keeps state changes (finalized -> sent -> acknowledged) cheap.

pub(crate) mod marks;
pub(crate) mod outbox;
pub(crate) mod payload;
pub(crate) mod verify;
pub(crate) mod verify_rows;

use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use crate::domain::Clock;
use crate::store::{Context, Result};

/// The tables that hold finalized records (a chain payload's objects are rows of these,
/// keyed by schema.sql column names), in the order a record's rows are written.
pub const RECORD_TABLES: [&str; 7] = [
    "shipments",
    "inspections",
    "measurements",
    "findings",
    "seizures",
    "attachments",
    "custody_events",
];

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Canonical text of a JSON value (sorted keys, compact).
pub fn canonical_json(value: &serde_json::Value) -> String {
    // `Value`'s Display is the compact serializer
    value.to_string()
}

/// `hex(sha256(prev_hash || "\n" || payload))`.
pub fn chain_hash(prev_hash: &str, payload: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(payload.as_bytes());
    hex::encode(h.finalize())
}

/// A link appended to a device chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainLink {
    pub device_id: String,
    pub seq: i64,
    pub hash: String,
    pub prev_hash: String,
}

/// The head of `device_id`'s chain: (seq, hash), or (0, GENESIS) when empty.
pub(crate) fn chain_head(tx: &rusqlite::Connection, device_id: &str) -> Result<(i64, String)> {
    let head: Option<(i64, String)> = tx
        .query_row(
            "SELECT seq, hash FROM outbox WHERE device_id = ?1 ORDER BY seq DESC LIMIT 1",
            [device_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .doing(|| "reading the chain head".into())?;
    Ok(head.unwrap_or((0, GENESIS_HASH.to_string())))
}

/// Appends a finalized record to this device's chain and outbox, inside the caller's
/// transaction (the record, its audit row and this row commit together).
pub(crate) fn append_to_chain(
    tx: &Transaction<'_>,
    clock: Clock,
    device_id: &str,
    kind: &str,
    record_id: &str,
    payload: &serde_json::Value,
) -> Result<ChainLink> {
    let (head_seq, prev_hash) = chain_head(tx, device_id)?;
    let text = canonical_json(payload);
    let hash = chain_hash(&prev_hash, &text);
    let seq = head_seq + 1;
    tx.prepare_cached(
        "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut st| {
        st.execute(params![
            device_id,
            seq,
            kind,
            record_id,
            hash,
            prev_hash,
            clock.now_rfc3339()
        ])
    })
    .doing(|| format!("appending {kind} {record_id} to the outbox"))?;
    tx.prepare_cached("INSERT INTO outbox_payloads (device_id, seq, payload) VALUES (?1, ?2, ?3)")
        .and_then(|mut st| st.execute(params![device_id, seq, text]))
        .doing(|| format!("saving the payload of {kind} {record_id} in the outbox"))?;
    Ok(ChainLink {
        device_id: device_id.to_string(),
        seq,
        hash,
        prev_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_prev_and_payload() {
        let a = chain_hash(GENESIS_HASH, "{}");
        assert_eq!(a.len(), 64);
        assert_ne!(a, chain_hash(GENESIS_HASH, "{ }"));
        assert_ne!(a, chain_hash(&a, "{}"));
    }

    #[test]
    fn canonical_json_sorts_keys() {
        let v: serde_json::Value = serde_json::from_str(r#"{"b":1,"a":{"d":2,"c":3}}"#).unwrap();
        assert_eq!(canonical_json(&v), r#"{"a":{"c":3,"d":2},"b":1}"#);
    }
}
