//! A received record's trail for the Review tab's record view, read once when the view
//! opens: the audit rows about the record (its shipment, inspection, measurements,
//! findings, seizures and custody transfers; at headquarters the review decisions), the
//! actors named, and the chain status of each of its chained links (verified, or where
//! broken and why). Values are as stored: the renderer sanitizes what it prints.

use std::collections::HashMap;

use crate::domain::{Msg, Record};
use crate::store::query::record_chain::RecordChain;
use crate::store::{AuditEntry, Store, StoreError};

/// One audit row, its actor named where an officer has that id.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
}

/// The chain status of the record, in one word and where broken.
#[derive(Debug, Clone, PartialEq)]
pub enum ChainStatus {
    /// Not in a chain (a draft, or nothing finalized).
    NotChained,
    /// Every link checked: the count.
    Verified(usize),
    /// The first broken link: its kind, device, seq and what is wrong.
    Broken {
        kind: String,
        device_id: String,
        seq: i64,
        problem: Msg,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordTrail {
    pub audit: Vec<AuditLine>,
    pub chain: ChainStatus,
}

/// Every id the record's audit rows may name.
fn ids(r: &Record) -> Vec<String> {
    let mut v = vec![r.shipment.id.to_string(), r.inspection.id.to_string()];
    v.extend(r.measurements.iter().map(|m| m.id.to_string()));
    v.extend(r.findings.iter().map(|f| f.id.to_string()));
    for s in &r.seizures {
        v.push(s.seizure.id.to_string());
        v.extend(s.custody.iter().map(|c| c.id.to_string()));
    }
    v
}

fn status(chain: &RecordChain) -> ChainStatus {
    match chain.broken() {
        Some(l) => ChainStatus::Broken {
            kind: l.kind.clone(),
            device_id: l.device_id.clone(),
            seq: l.seq,
            problem: l
                .problem
                .clone()
                .unwrap_or_else(|| Msg::new("chain-broken")),
        },
        None if chain.links.is_empty() => ChainStatus::NotChained,
        None => ChainStatus::Verified(chain.links.len()),
    }
}

impl RecordTrail {
    /// The trail of `record` (loaded by the caller).
    pub fn build(store: &Store, record: &Record) -> Result<RecordTrail, StoreError> {
        let names: HashMap<String, String> = store
            .hq()
            .officers()?
            .into_iter()
            .map(|o| (o.id, format!("{} {}", o.name, o.badge)))
            .collect();
        let mut rows: Vec<AuditEntry> = Vec::new();
        for id in ids(record) {
            rows.extend(store.query().audit_for(&id)?);
        }
        rows.sort_by_key(|a| a.id);
        rows.dedup_by_key(|a| a.id);
        let audit = rows
            .into_iter()
            .map(|a| AuditLine {
                actor: names.get(&a.actor).cloned().unwrap_or(a.actor),
                at: a.at,
                action: a.action,
                entity: a.entity,
            })
            .collect();
        let chain = store.query().record_chain(record.inspection.id.as_str())?;
        Ok(RecordTrail {
            audit,
            chain: status(&chain),
        })
    }
}
