//! The device side of sync: reading the unacknowledged outbox for export, marking rows
//! sent, and the sync status (counts per state, oldest unacknowledged, last export/receipt).

use std::ops::Deref;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::store::chain::marks::{DeliveryState, advance_sent, marks};
use crate::store::{Chain, Context, Result, Store, StoreError};

/// One outbox row (a link of a device chain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub device_id: String,
    pub seq: i64,
    pub kind: String,
    pub record_id: String,
    pub payload: String,
    pub hash: String,
    pub prev_hash: String,
    pub created_at: String,
}

/// An officer carried in a bundle so that headquarters can satisfy the records' references.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct OfficerRow {
    pub id: String,
    pub name: String,
    pub badge: String,
    pub role: String,
}

/// A bundle that was written (renamed to its final name) and now marks its rows sent.
#[derive(Debug, Clone)]
pub struct ExportedBatch {
    pub bundle_id: String,
    pub path: String,
    pub device_id: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub at: String,
}

/// A queued record as the Sync screen lists it (no payload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxSummary {
    pub seq: i64,
    pub kind: String,
    pub record_id: String,
    pub created_at: String,
    pub state: String,
    pub bundle_id: Option<String>,
    pub sent_at: Option<String>,
}

/// A sync_log row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncLogEntry {
    pub id: String,
    pub kind: String,
    pub at: String,
    pub device_id: String,
    pub path: String,
    pub seq_from: Option<i64>,
    pub seq_to: Option<i64>,
    pub records: i64,
    pub message: String,
}

/// Records per delivery state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StateCounts {
    pub finalized: i64,
    pub sent: i64,
    pub acknowledged: i64,
    pub received: i64,
}

/// Records held at headquarters for one field device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceHead {
    pub device_id: String,
    pub name: String,
    pub records: i64,
    pub head_seq: i64,
}

/// `minspect sync status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    pub device_id: String,
    pub kind: String,
    /// this device's own records per state (at HQ: `received` counts every device)
    pub counts: StateCounts,
    pub oldest_unacknowledged: Option<OutboxSummary>,
    pub last_export: Option<SyncLogEntry>,
    /// field: the last receipt acknowledged here; HQ: the last receipt issued
    pub last_receipt: Option<SyncLogEntry>,
    /// HQ only: what is held per field device
    pub devices: Vec<DeviceHead>,
}

impl<S: Deref<Target = Store>> Chain<S> {
    /// The seq range to export for `device_id`: from the first unacknowledged record to
    /// the head; None when everything is acknowledged.
    pub fn unacked_range(&self, device_id: &str) -> Result<Option<(i64, i64)>> {
        let (head, _) = crate::store::chain::chain_head(self.0.conn(), device_id)?;
        let m = marks(self.0.conn(), device_id)?;
        if m.sent_through > head || m.acked_through > head {
            // only an edited file gets here (a receipt for a seq this device lacks is
            // refused): records finalized from now on would silently count as delivered
            return Err(StoreError::Invalid(format!(
                "this device's delivery marks (sent up to seq {}, acknowledged up to seq {}) run past its last record (seq {head}); nothing is exported: run `minspect db check`",
                m.sent_through, m.acked_through
            )));
        }
        let first = m.acked_through + 1;
        Ok((first <= head).then_some((first, head)))
    }

    /// Calls `f` for every outbox row of `device_id` with seq in `from..=to`, in seq order,
    /// inside one read transaction (a consistent snapshot). Returns the rows visited.
    pub fn for_each_outbox_row<E: From<StoreError>>(
        &self,
        device_id: &str,
        (from, to): (i64, i64),
        mut f: impl FnMut(&OutboxRow) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let tx = self
            .0
            .conn()
            .unchecked_transaction()
            .doing(|| "starting a read transaction for export".into())?;
        let mut stmt = tx
            .prepare(
                "SELECT o.device_id, o.seq, o.kind, o.record_id, p.payload, o.hash, o.prev_hash,
                        o.created_at
                 FROM outbox o LEFT JOIN outbox_payloads p ON p.device_id = o.device_id AND p.seq = o.seq
                 WHERE o.device_id = ?1 AND o.seq BETWEEN ?2 AND ?3 ORDER BY o.seq",
            )
            .doing(|| "reading the outbox".into())?;
        let mut rows = stmt
            .query(params![device_id, from, to])
            .doing(|| "reading the outbox".into())?;
        let mut n = 0;
        while let Some(r) = rows.next().doing(|| "reading an outbox row".into())? {
            let payload: Option<String> = r.get(4).doing(|| "reading an outbox row".into())?;
            let Some(payload) = payload else {
                let seq: i64 = r.get(1).doing(|| "reading an outbox row".into())?;
                let id: String = r.get(3).doing(|| "reading an outbox row".into())?;
                return Err(StoreError::Invalid(format!(
                    "record seq {seq} ({id}): its payload is missing; run `minspect db check`"
                ))
                .into());
            };
            let row = (|| -> rusqlite::Result<OutboxRow> {
                Ok(OutboxRow {
                    device_id: r.get(0)?,
                    seq: r.get(1)?,
                    kind: r.get(2)?,
                    record_id: r.get(3)?,
                    payload,
                    hash: r.get(5)?,
                    prev_hash: r.get(6)?,
                    created_at: r.get(7)?,
                })
            })()
            .doing(|| "reading an outbox row".into())?;
            f(&row)?;
            n += 1;
        }
        Ok(n)
    }

    /// The officers of this database (carried in bundles).
    pub fn officers_for_export(&self) -> Result<Vec<OfficerRow>> {
        let mut stmt = self
            .0
            .conn()
            .prepare("SELECT id, name, badge, role FROM officers ORDER BY id")
            .doing(|| "reading officers".into())?;
        stmt.query_map([], |r| {
            Ok(OfficerRow {
                id: r.get(0)?,
                name: r.get(1)?,
                badge: r.get(2)?,
                role: r.get(3)?,
            })
        })
        .doing(|| "reading officers".into())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .doing(|| "reading officers".into())
    }

    /// Records of this device waiting for headquarters (finalized + sent): the status bar's
    /// pending count.
    pub fn pending_sync_count(&self) -> Result<i64> {
        let Some(device) = self.0.db().meta("device_id")? else {
            return Ok(0);
        };
        let (head, _) = crate::store::chain::chain_head(self.0.conn(), &device)?;
        let (finalized, sent, _) = marks(self.0.conn(), &device)?.counts(head);
        Ok(finalized + sent)
    }

    /// This device's queued (unacknowledged) records in seq order, at most `limit`.
    pub fn queued_records(&self, limit: usize) -> Result<Vec<OutboxSummary>> {
        let device = self.0.db().meta("device_id")?.unwrap_or_default();
        let Some((first, _)) = self.unacked_range(&device)? else {
            return Ok(Vec::new());
        };
        self.summaries(&device, first, limit)
    }

    /// Up to `limit` of `device`'s records from seq `first` on, with their delivery state
    /// (and, for sent ones, the bundle of the last export, which covers every record still
    /// sent: an export runs from the first unacknowledged record to the head).
    fn summaries(&self, device: &str, first: i64, limit: usize) -> Result<Vec<OutboxSummary>> {
        let m = marks(self.0.conn(), device)?;
        let last = match m.sent_through > m.acked_through {
            true => self.last_log("export")?,
            false => None,
        };
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT seq, kind, record_id, created_at FROM outbox
                 WHERE device_id = ?1 AND seq >= ?2 ORDER BY seq LIMIT ?3",
            )
            .doing(|| "listing queued records".into())?;
        let rows = stmt
            .query_map(params![device, first, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .doing(|| "listing queued records".into())?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, kind, record_id, created_at) =
                row.doing(|| "reading queued records".into())?;
            let state = m.state_of(seq);
            let export = last.as_ref().filter(|_| state == DeliveryState::Sent);
            out.push(OutboxSummary {
                seq,
                kind,
                record_id,
                created_at,
                state: state.as_str().to_string(),
                bundle_id: export.map(|e| e.id.clone()),
                sent_at: export.map(|e| e.at.clone()),
            });
        }
        Ok(out)
    }

    /// The last successful log entry of `kind`; for receipts applied on a device, the one
    /// that reached furthest (a late, older receipt changes nothing and is not "last").
    fn last_log(&self, kind: &str) -> Result<Option<SyncLogEntry>> {
        self.0
            .conn()
            .query_row(
                "SELECT id, kind, at, device_id, path, seq_from, seq_to, records, message
                 FROM sync_log WHERE kind = ?1 AND ok = 1
                 ORDER BY CASE WHEN kind = 'ack' THEN seq_to END DESC, at DESC, id DESC LIMIT 1",
                [kind],
                |r| {
                    Ok(SyncLogEntry {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        at: r.get(2)?,
                        device_id: r.get(3)?,
                        path: r.get(4)?,
                        seq_from: r.get(5)?,
                        seq_to: r.get(6)?,
                        records: r.get(7)?,
                        message: r.get(8)?,
                    })
                },
            )
            .optional()
            .doing(|| format!("reading the last {kind}"))
    }

    /// Counts per state, the oldest unacknowledged record, the last export and receipt.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let device_id = self.0.db().meta("device_id")?.unwrap_or_default();
        let kind = self.0.device().db_kind()?;
        let (head, _) = crate::store::chain::chain_head(self.0.conn(), &device_id)?;
        let (finalized, sent, acknowledged) = marks(self.0.conn(), &device_id)?.counts(head);
        let received = self
            .0
            .conn()
            .query_row(
                "SELECT count(*) FROM outbox WHERE device_id <> ?1",
                [&device_id],
                |r| r.get(0),
            )
            .doing(|| "counting received records".into())?;
        let counts = StateCounts {
            finalized,
            sent,
            acknowledged,
            received,
        };
        let oldest_unacknowledged = match self.unacked_range(&device_id)? {
            None => None,
            Some((first, _)) => self.summaries(&device_id, first, 1)?.pop(),
        };
        let (last_export, last_receipt) = if kind == crate::domain::DbKind::Hq {
            (None, self.last_log("receipt")?)
        } else {
            (self.last_log("export")?, self.last_log("ack")?)
        };
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT o.device_id, coalesce(d.name, ''), count(*), max(o.seq) FROM outbox o
                 LEFT JOIN devices d ON d.id = o.device_id
                 WHERE o.device_id <> ?1 GROUP BY o.device_id ORDER BY o.device_id",
            )
            .doing(|| "summarising devices".into())?;
        let devices = stmt
            .query_map([&device_id], |r| {
                Ok(DeviceHead {
                    device_id: r.get(0)?,
                    name: r.get(1)?,
                    records: r.get(2)?,
                    head_seq: r.get(3)?,
                })
            })
            .doing(|| "summarising devices".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "summarising devices".into())?;
        Ok(SyncStatus {
            device_id,
            kind: kind.as_str().to_string(),
            counts,
            oldest_unacknowledged,
            last_export,
            last_receipt,
            devices,
        })
    }
}

impl Chain<&mut Store> {
    /// Marks the records of a written bundle sent (finalized -> sent; records already sent
    /// now belong to the new bundle), records the export in sync_log and meta, in one
    /// transaction. Returns how many records the bundle holds, all of them now sent.
    /// Cost does not grow with the bundle: one mark moves (see `marks.rs`).
    pub fn mark_exported(&mut self, b: &ExportedBatch) -> Result<u64> {
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        self.0.write("marking exported records sent", |tx| {
            let acked = marks(tx, &b.device_id)?.acked_through;
            let n = (b.seq_to - b.seq_from.max(acked + 1) + 1).max(0);
            advance_sent(tx, &b.device_id, b.seq_to)?;
            tx.execute(
                "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message, bundle_id)
                 VALUES (?1, 'export', ?2, ?3, ?4, ?5, ?6, ?7, 1, '', ?1)",
                params![b.bundle_id, b.at, b.device_id, b.path, b.seq_from, b.seq_to, b.seq_to - b.seq_from + 1],
            )
            .doing(|| "writing the sync log".into())?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('last_export_at', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&b.at],
            )
            .doing(|| "saving last_export_at".into())?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'export', 'bundle', ?3, NULL, ?4)",
                params![b.at, actor, b.bundle_id, serde_json::json!({
                    "path": b.path, "seq_from": b.seq_from, "seq_to": b.seq_to, "marked_sent": n
                }).to_string()],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(n as u64)
        })
    }
}
