//! Review decisions: made at headquarters (`minspect review`), delivered to the device in
//! receipts, stored there when the receipt is acknowledged.
//!
//! Delivery is at-least-once: a receipt carries every decision for the device that is not
//! yet delivered or whose last carrying receipt is newer than the last receipt the device
//! reported as acknowledged (bundle manifest `last_receipt_id`; receipt ids are UUIDv7, so
//! they sort by time). The device stores decisions by id, so a repeat changes nothing.

use std::ops::Deref;

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::domain::new_id;
use crate::store::{Context, Hq, Result, Store, StoreError};

/// approved / returned (with a comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Returned,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Returned => "returned",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "approved" => Some(Decision::Approved),
            "returned" => Some(Decision::Returned),
            _ => None,
        }
    }
}

/// A review decision as stored (and as carried in receipts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    pub inspection_id: String,
    pub device_id: String,
    pub decision: Decision,
    pub comment: String,
    /// HQ: the reviewing officer's id; device: the reviewer's name from the receipt
    pub reviewer: String,
    pub decided_at: String,
    pub receipt_id: Option<String>,
}

/// What a receipt says about a device's chain, prepared at headquarters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptContent {
    pub held_seq: i64,
    pub held_hash: String,
    pub reviews: Vec<Review>,
}

/// A verified receipt to apply on the device.
#[derive(Debug, Clone)]
pub struct AckInput {
    pub receipt_id: String,
    pub hq_device_id: String,
    pub held_seq: i64,
    pub held_hash: String,
    pub reviews: Vec<Review>,
    pub path: String,
    /// a verified rule pack the receipt carries, installed in the same transaction
    pub pack: Option<crate::store::PackInstall>,
}

/// What acknowledging a receipt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AckOutcome {
    pub acknowledged: u64,
    pub new_reviews: u64,
    /// the receipt's rule pack became the active pack
    pub pack_installed: bool,
}

pub(super) fn review_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Review> {
    Ok(Review {
        id: r.get(0)?,
        inspection_id: r.get(1)?,
        device_id: r.get(2)?,
        decision: r.get(3)?,
        comment: r.get(4)?,
        reviewer: r.get(5)?,
        decided_at: r.get(6)?,
        receipt_id: r.get(7)?,
    })
}

pub(super) const REVIEW_COLS: &str =
    "id, inspection_id, device_id, decision, comment, reviewer, decided_at, receipt_id";

/// The columns read for display: the reviewer's name where the reviewer is an officer
/// here (headquarters stores the id; a device stores the name carried in the receipt).
const SHOWN_COLS: &str = "r.id, r.inspection_id, r.device_id, r.decision, r.comment,
    coalesce((SELECT name FROM officers o WHERE o.id = r.reviewer), r.reviewer), r.decided_at, r.receipt_id";

impl<S: Deref<Target = Store>> Hq<S> {
    /// Every review decision on an inspection, oldest first, the reviewer by name (for
    /// display; [`Store::reviews_stored`] gives the rows as stored).
    pub fn reviews_for(&self, inspection_id: &str) -> Result<Vec<Review>> {
        self.reviews_of(SHOWN_COLS, inspection_id)
    }

    /// Every review decision on an inspection as stored (HQ: the reviewer's officer id).
    pub fn reviews_stored(&self, inspection_id: &str) -> Result<Vec<Review>> {
        self.reviews_of("r.id, r.inspection_id, r.device_id, r.decision, r.comment, r.reviewer, r.decided_at, r.receipt_id", inspection_id)
    }

    fn reviews_of(&self, cols: &str, inspection_id: &str) -> Result<Vec<Review>> {
        let mut stmt = self.0
            .conn()
            .prepare_cached(&format!(
                "SELECT {cols} FROM reviews r WHERE r.inspection_id = ?1 ORDER BY r.decided_at, r.id"
            ))
            .doing(|| "reading reviews".into())?;
        stmt.query_map([inspection_id], review_of)
            .doing(|| "reading reviews".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading reviews".into())
    }

    /// The newest review decisions held here (device: delivered by receipts; HQ: made
    /// here), newest first, at most `limit`. For the Sync screen.
    pub fn recent_reviews(&self, limit: usize) -> Result<Vec<Review>> {
        let mut stmt = self
            .0
            .conn()
            .prepare(&format!(
                "SELECT {SHOWN_COLS} FROM reviews r ORDER BY r.decided_at DESC, r.id DESC LIMIT ?1"
            ))
            .doing(|| "reading recent reviews".into())?;
        stmt.query_map([limit as i64], review_of)
            .doing(|| "reading recent reviews".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading recent reviews".into())
    }
}

impl Hq<&mut Store> {
    /// Headquarters: prepares receipt `receipt_id` for `device_id` in one transaction:
    /// what is held for the device and the decisions to deliver (marked with the receipt
    /// id), and a sync_log row.
    pub fn issue_receipt(
        &mut self,
        receipt_id: &str,
        device_id: &str,
        last_acked_receipt: Option<&str>,
        path: &str,
    ) -> Result<ReceiptContent> {
        let clock = self.0.clock;
        let now = clock.now_rfc3339();
        let reviewer_names = "(SELECT name FROM officers o WHERE o.id = r.reviewer)";
        self.0.write("issuing a receipt", |tx| {
            let (held_seq, held_hash) = crate::store::chain::chain_head(tx, device_id)?;
            let mut stmt = tx
                .prepare(&format!(
                    "SELECT r.id, r.inspection_id, r.device_id, r.decision, r.comment,
                            coalesce({reviewer_names}, r.reviewer), r.decided_at, ?3
                     FROM reviews r WHERE r.device_id = ?1 AND (r.receipt_id IS NULL OR r.receipt_id > ?2)
                     ORDER BY r.decided_at, r.id"
                ))
                .doing(|| "reading decisions to deliver".into())?;
            let reviews = stmt
                .query_map(params![device_id, last_acked_receipt.unwrap_or(""), receipt_id], review_of)
                .doing(|| "reading decisions to deliver".into())?
                .collect::<rusqlite::Result<Vec<_>>>()
                .doing(|| "reading decisions to deliver".into())?;
            for r in &reviews {
                tx.execute("UPDATE reviews SET receipt_id = ?1 WHERE id = ?2", params![receipt_id, r.id])
                    .doing(|| "marking a decision delivered".into())?;
            }
            tx.execute(
                "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message)
                 VALUES (?1, 'receipt', ?2, ?3, ?4, NULL, ?5, ?5, 1, ?6)",
                params![receipt_id, now, device_id, path, held_seq, format!("{} review decisions", reviews.len())],
            )
            .doing(|| "writing the sync log".into())?;
            Ok(ReceiptContent { held_seq, held_hash, reviews })
        })
    }

    /// Device: applies a verified receipt in one transaction. Every record up to the held
    /// seq becomes acknowledged (headquarters holds the chain without gaps); the decisions
    /// are stored by id. Refuses a receipt whose held head is not this device's chain.
    pub fn apply_receipt(&mut self, a: &AckInput) -> Result<AckOutcome> {
        let clock = self.0.clock;
        let device_id = self
            .0
            .db()
            .meta("device_id")?
            .ok_or_else(|| StoreError::NotFound("this database's device".into()))?;
        let now = clock.now_rfc3339();
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        self.0.write("acknowledging a receipt", |tx| {
            if a.held_seq > 0 {
                let local: Option<String> = tx
                    .query_row(
                        "SELECT hash FROM outbox WHERE device_id = ?1 AND seq = ?2",
                        params![device_id, a.held_seq],
                        |r| r.get(0),
                    )
                    .map(Some)
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        e => Err(e),
                    })
                    .doing(|| "reading the acknowledged head".into())?;
                match local {
                    None => {
                        return Err(StoreError::Invalid(format!(
                            "receipt {}: headquarters claims seq {} but this device has no such record",
                            a.receipt_id, a.held_seq
                        )));
                    }
                    Some(h) if h != a.held_hash => {
                        return Err(StoreError::Invalid(format!(
                            "receipt {}: the record seq {} held at headquarters is not this device's record (hash differs)",
                            a.receipt_id, a.held_seq
                        )));
                    }
                    Some(_) => {}
                }
            }
            // every record up to the held seq exists here (checked above): one mark moves
            let acknowledged = crate::store::chain::marks::advance_acked(tx, &device_id, a.held_seq)?;
            let mut new_reviews = 0u64;
            for r in &a.reviews {
                new_reviews += tx
                    .execute(
                        &format!("INSERT INTO reviews ({REVIEW_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING"),
                        params![r.id, r.inspection_id, device_id, r.decision, r.comment, r.reviewer, r.decided_at, a.receipt_id],
                    )
                    .doing(|| format!("saving review {}", r.id))? as u64;
            }
            for (k, v) in [("last_receipt_at", now.as_str()), ("last_receipt_id", a.receipt_id.as_str())] {
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
                    params![k, v],
                )
                .doing(|| format!("saving {k}"))?;
            }
            tx.execute(
                "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message)
                 VALUES (?1, 'ack', ?2, ?3, ?4, NULL, ?5, ?6, 1, ?7)",
                params![new_id(), now, device_id, a.path, a.held_seq, acknowledged as i64,
                    format!("receipt {} from {}: {new_reviews} new review decisions", a.receipt_id, a.hq_device_id)],
            )
            .doing(|| "writing the sync log".into())?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'ack', 'receipt', ?3, NULL, ?4)",
                params![now, actor, a.receipt_id, serde_json::json!({
                    "hq_device_id": a.hq_device_id, "held_seq": a.held_seq,
                    "acknowledged": acknowledged, "new_reviews": new_reviews
                }).to_string()],
            )
            .doing(|| "writing the audit row".into())?;
            let pack_installed = match &a.pack {
                Some(p) => crate::store::rules::install_in(tx, &now, &actor, p)?,
                None => false,
            };
            Ok(AckOutcome { acknowledged, new_reviews, pack_installed })
        })
    }
}
