//! The Sync tab's decisions list: the newest review decisions with what they are on (the
//! shipment's declaration number, the inspecting officer's badge), and how many there
//! are in all (the list shows a page; its title the total).

use std::ops::Deref;

use crate::store::{Context, Decision, Query, Result, Store};

/// One decision as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRow {
    pub review_id: String,
    pub inspection_id: String,
    pub decision: Decision,
    pub comment: String,
    /// The reviewer by name (headquarters: the officer; device: as the receipt said).
    pub reviewer: String,
    pub decided_at: String,
    /// The shipment's declaration number ('' when the record is not held here).
    pub declaration_no: String,
    /// The inspecting officer's badge ('' when unknown here).
    pub officer_badge: String,
}

impl<S: Deref<Target = Store>> Query<S> {
    /// The newest `limit` decisions, newest first, and the count of all.
    pub fn decisions(&self, limit: usize) -> Result<(Vec<DecisionRow>, u64)> {
        let conn = self.0.conn();
        let doing = || "reading the review decisions".to_string();
        let mut stmt = conn
            .prepare_cached(
                "SELECT r.id, r.inspection_id, r.decision, r.comment,
                    coalesce((SELECT name FROM officers o WHERE o.id = r.reviewer), r.reviewer),
                    r.decided_at, coalesce(s.declaration_no, ''),
                    coalesce((SELECT badge FROM officers o WHERE o.id = i.officer_id), '')
                 FROM reviews r LEFT JOIN inspections i ON i.id = r.inspection_id
                 LEFT JOIN shipments s ON s.id = i.shipment_id
                 ORDER BY r.decided_at DESC, r.id DESC LIMIT ?1",
            )
            .doing(doing)?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(DecisionRow {
                    review_id: r.get(0)?,
                    inspection_id: r.get(1)?,
                    decision: r.get(2)?,
                    comment: r.get(3)?,
                    reviewer: r.get(4)?,
                    decided_at: r.get(5)?,
                    declaration_no: r.get(6)?,
                    officer_badge: r.get(7)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .doing(doing)?;
        let total: i64 = conn
            .prepare_cached("SELECT count(*) FROM reviews")
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .doing(doing)?;
        Ok((rows, total.max(0) as u64))
    }
}
