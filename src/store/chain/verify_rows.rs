//! The chain check's second half: every finalized row must still say what was hashed.
//! Triggers refuse changes to finalized rows, but someone with the file and the sqlite3
//! shell can drop a trigger; this catches what such an edit left behind.

use rusqlite::Connection;
use serde_json::Value;

use crate::store::Result;
use crate::store::chain::payload::inspection_payload;
use crate::store::rows::row_by_id;

/// Shipment columns derived after finalizing (latest verdict, family, status): they
/// follow later inspections and amendments, so they are not compared.
const SHIPMENT_DERIVED: [&str; 3] = ["family", "verdict", "status"];

/// Compares the live rows of one chained record with its payload; Some(problem) when
/// they differ.
pub(crate) fn live_rows_differ(
    conn: &Connection,
    kind: &str,
    record_id: &str,
    payload: &str,
) -> Result<Option<String>> {
    let Ok(mut hashed) = serde_json::from_str::<Value>(payload) else {
        return Ok(None); // reported by the payload check
    };
    let mut live = match kind {
        "inspection" => {
            let Some(shipment_id) = hashed["shipment"]["id"].as_str().map(str::to_string) else {
                return Ok(Some("payload names no shipment".into()));
            };
            inspection_payload(conn, &shipment_id, record_id)?
        }
        "custody_event" => {
            let mut row = row_by_id(conn, "custody_events", record_id, "custody event")?;
            row.remove("record_hash");
            serde_json::json!({"kind": "custody_event", "custody_event": Value::Object(row)})
        }
        other => return Ok(Some(format!("unknown record kind {other}"))),
    };
    if kind == "inspection" {
        as_of_version(&hashed, &mut live);
    }
    for v in [&mut hashed, &mut live] {
        if let Some(ship) = v.get_mut("shipment").and_then(Value::as_object_mut) {
            for col in SHIPMENT_DERIVED {
                ship.remove(col);
            }
            ship.remove("record_hash");
        }
        for key in ["inspection", "custody_event"] {
            if let Some(row) = v.get_mut(key).and_then(Value::as_object_mut) {
                row.remove("record_hash");
            }
        }
    }
    if hashed == live {
        return Ok(None);
    }
    Ok(Some(first_difference(&hashed, &live, "")))
}

/// Live rows as a payload of the hashed payload's version would have had them: version 1
/// had no `payload_version` key and no `seizures[].legal_basis_reason` (its rows hold the
/// column's default since).
fn as_of_version(hashed: &Value, live: &mut Value) {
    let version = super::payload::version_of(hashed);
    if version >= super::payload::PAYLOAD_VERSION {
        return;
    }
    let Some(obj) = live.as_object_mut() else {
        return;
    };
    match hashed.get("payload_version") {
        Some(v) => obj.insert("payload_version".into(), v.clone()),
        None => obj.remove("payload_version"),
    };
    for (part, col, default) in super::payload::added_in(version) {
        let rows: Vec<&mut serde_json::Map<String, Value>> = match obj.get_mut(part) {
            Some(Value::Object(row)) => vec![row],
            Some(Value::Array(rows)) => rows.iter_mut().filter_map(Value::as_object_mut).collect(),
            _ => Vec::new(),
        };
        for row in rows {
            if row.get(col).and_then(Value::as_str) == Some(default) {
                row.remove(col);
            }
        }
    }
    for part in super::payload::parts_added_in(version) {
        if obj
            .get(part)
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            obj.remove(part);
        }
    }
}

/// Names the first field whose live value differs from the hashed one.
fn first_difference(hashed: &Value, live: &Value, at: &str) -> String {
    match (hashed, live) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                let path = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                match b.get(k) {
                    Some(vb) if vb == va => {}
                    Some(vb) => return first_difference(va, vb, &path),
                    None => return format!("the live rows lack {path}"),
                }
            }
            let extra = b
                .keys()
                .find(|k| !a.contains_key(*k))
                .cloned()
                .unwrap_or_default();
            format!("the live rows have {at}.{extra} that was never hashed")
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                if va != vb {
                    return first_difference(va, vb, &format!("{at}[{i}]"));
                }
            }
            format!("{at} differs")
        }
        (Value::Array(a), Value::Array(b)) => {
            format!("{at} has {} rows now but {} were hashed", b.len(), a.len())
        }
        _ => format!("{at} was changed after finalizing (the row no longer matches the chain)"),
    }
}
