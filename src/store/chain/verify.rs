//! Chain verification: every device's chain is recomputed from the stored payloads
//! (seq continuity from 1, prev_hash links, hash over the stored payload text, the
//! payload's kind, and the frozen rows' record_hash), naming the first broken link.

use std::ops::Deref;

use serde::Serialize;

use crate::store::chain::verify_rows::live_rows_differ;
use crate::store::chain::{GENESIS_HASH, chain_hash};
use crate::store::{Chain, Context, Result, Store};

/// One device's chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceChain {
    pub device_id: String,
    pub records: i64,
    pub head_hash: String,
}

/// The first broken link found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokenLink {
    pub device_id: String,
    pub seq: i64,
    pub record_id: String,
    pub problem: String,
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "device {} seq {}", self.device_id, self.seq)?;
        if !self.record_id.is_empty() {
            write!(f, " (record {})", self.record_id)?;
        }
        write!(f, ": {}", self.problem)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainReport {
    pub devices: Vec<DeviceChain>,
    pub broken: Option<BrokenLink>,
}

impl ChainReport {
    pub fn is_ok(&self) -> bool {
        self.broken.is_none()
    }
    pub fn records(&self) -> i64 {
        self.devices.iter().map(|d| d.records).sum()
    }
}

struct Link {
    device_id: String,
    seq: i64,
    kind: String,
    record_id: String,
    /// None when the outbox_payloads row is missing
    payload: Option<String>,
    hash: String,
    prev_hash: String,
    row_hash: Option<String>,
}

impl<S: Deref<Target = Store>> Chain<S> {
    /// Recomputes every device chain; stops at the first broken link.
    pub fn verify_chains(&self) -> Result<ChainReport> {
        let doing = || "reading the outbox to verify the chains".to_string();
        let mut stmt = self.0
            .conn()
            .prepare(
                "SELECT o.device_id, o.seq, o.kind, o.record_id, p.payload, o.hash, o.prev_hash,
                        CASE o.kind
                          WHEN 'inspection' THEN (SELECT record_hash FROM inspections WHERE id = o.record_id)
                          ELSE (SELECT record_hash FROM custody_events WHERE id = o.record_id) END
                 FROM outbox o LEFT JOIN outbox_payloads p ON p.device_id = o.device_id AND p.seq = o.seq
                 ORDER BY o.device_id, o.seq",
            )
            .doing(doing)?;
        let mut rows = stmt.query([]).doing(doing)?;
        let mut devices: Vec<DeviceChain> = Vec::new();
        let mut broken = None;
        while let Some(r) = rows.next().doing(doing)? {
            let l = Link {
                device_id: r.get(0).doing(doing)?,
                seq: r.get(1).doing(doing)?,
                kind: r.get(2).doing(doing)?,
                record_id: r.get(3).doing(doing)?,
                payload: r.get(4).doing(doing)?,
                hash: r.get(5).doing(doing)?,
                prev_hash: r.get(6).doing(doing)?,
                row_hash: r.get(7).doing(doing)?,
            };
            let (expected_seq, expected_prev) = match devices.last() {
                Some(d) if d.device_id == l.device_id => (d.records + 1, d.head_hash.clone()),
                _ => {
                    devices.push(DeviceChain {
                        device_id: l.device_id.clone(),
                        records: 0,
                        head_hash: GENESIS_HASH.to_string(),
                    });
                    (1, GENESIS_HASH.to_string())
                }
            };
            let problem = match check(&l, expected_seq, &expected_prev) {
                Some(p) => Some(p),
                // check() already refused a missing payload
                None => live_rows_differ(
                    self.0.conn(),
                    &l.kind,
                    &l.record_id,
                    l.payload.as_deref().unwrap_or_default(),
                )?,
            };
            if let Some(problem) = problem {
                broken = Some(BrokenLink {
                    device_id: l.device_id,
                    seq: l.seq,
                    record_id: l.record_id,
                    problem,
                });
                break;
            }
            if let Some(d) = devices.last_mut() {
                d.records += 1;
                d.head_hash = l.hash;
            }
        }
        drop(rows);
        if broken.is_none() {
            broken = self.marks_beyond_heads(&devices)?;
        }
        Ok(ChainReport { devices, broken })
    }

    /// A delivery mark past its device's chain head would show records as sent or
    /// acknowledged that do not exist: the marks were altered or the outbox lost rows.
    fn marks_beyond_heads(&self, devices: &[DeviceChain]) -> Result<Option<BrokenLink>> {
        let doing = || "reading the delivery marks".to_string();
        let mut stmt = self.0
            .conn()
            .prepare("SELECT device_id, sent_through, acked_through FROM outbox_marks ORDER BY device_id")
            .doing(doing)?;
        let marks = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .doing(doing)?;
        for m in marks {
            let (device_id, sent, acked) = m.doing(doing)?;
            let head = devices
                .iter()
                .find(|d| d.device_id == device_id)
                .map_or(0, |d| d.records);
            if let Some((name, seq)) = [("sent", sent), ("acknowledged", acked)]
                .into_iter()
                .find(|(_, seq)| *seq > head)
            {
                return Ok(Some(BrokenLink {
                    device_id,
                    seq,
                    record_id: String::new(),
                    problem: format!(
                        "the delivery marks say records up to seq {seq} were {name}, but the chain ends at seq {head}"
                    ),
                }));
            }
        }
        Ok(None)
    }
}

fn check(l: &Link, expected_seq: i64, expected_prev: &str) -> Option<String> {
    if l.seq != expected_seq {
        return Some(format!("sequence gap: expected seq {expected_seq}"));
    }
    if l.prev_hash != expected_prev {
        return Some("prev_hash does not match the previous record's hash".into());
    }
    let Some(payload) = &l.payload else {
        return Some("the payload is missing (its outbox_payloads row was removed)".into());
    };
    if chain_hash(&l.prev_hash, payload) != l.hash {
        return Some("hash does not match the stored payload (the payload was altered)".into());
    }
    match serde_json::from_str::<serde_json::Value>(payload) {
        Err(e) => return Some(format!("payload is not JSON: {e}")),
        Ok(v) => {
            if v.get("kind").and_then(|k| k.as_str()) != Some(l.kind.as_str()) {
                return Some(format!(
                    "payload kind differs from the outbox kind {}",
                    l.kind
                ));
            }
        }
    }
    if let Some(row_hash) = &l.row_hash
        && row_hash != &l.hash
    {
        return Some(format!(
            "the {} row's record_hash differs from the chain",
            l.kind
        ));
    }
    None
}
