//! The device side of sync: reading the unacknowledged outbox for export, marking rows
//! sent, and the sync status (counts per state, oldest unacknowledged, last export/receipt).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Context, Result, Store, StoreError};

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
    pub state: String,
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

impl Store {
    /// The first seq of `device_id` not yet acknowledged, if any.
    fn first_unacked_seq(&self, device_id: &str) -> Result<Option<i64>> {
        self.conn()
            .query_row(
                "SELECT min(seq) FROM outbox WHERE state IN ('finalized', 'sent') AND device_id = ?1",
                [device_id],
                |r| r.get(0),
            )
            .doing(|| "finding the first unacknowledged record".into())
    }

    /// The seq range to export for `device_id`: from the first unacknowledged record to
    /// the head; None when everything is acknowledged.
    pub fn unacked_range(&self, device_id: &str) -> Result<Option<(i64, i64)>> {
        let Some(first) = self.first_unacked_seq(device_id)? else {
            return Ok(None);
        };
        let (head, _) = super::chain::chain_head(self.conn(), device_id)?;
        Ok(Some((first, head)))
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
            .conn()
            .unchecked_transaction()
            .doing(|| "starting a read transaction for export".into())?;
        let mut stmt = tx
            .prepare(
                "SELECT o.device_id, o.seq, o.kind, o.record_id, p.payload, o.hash, o.prev_hash,
                        o.created_at, o.state
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
                    state: r.get(8)?,
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

    /// Marks the rows of a written bundle sent (finalized -> sent; rows already sent get the
    /// new bundle id), records the export in sync_log and meta, in one transaction.
    /// Returns how many rows were marked.
    pub fn mark_exported(&mut self, b: &ExportedBatch) -> Result<u64> {
        let actor = self.meta("officer_id")?.unwrap_or_default();
        self.write("marking exported records sent", |tx| {
            let n = tx
                .execute(
                    "UPDATE outbox SET state = 'sent', bundle_id = ?1, sent_at = ?2
                     WHERE device_id = ?3 AND seq BETWEEN ?4 AND ?5 AND state IN ('finalized', 'sent')",
                    params![b.bundle_id, b.at, b.device_id, b.seq_from, b.seq_to],
                )
                .doing(|| "marking records sent".into())?;
            tx.execute(
                "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message)
                 VALUES (?1, 'export', ?2, ?3, ?4, ?5, ?6, ?7, 1, '')",
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

    /// Records of this device waiting for headquarters (finalized + sent): the status bar's
    /// pending count.
    pub fn pending_sync_count(&self) -> Result<i64> {
        let Some(device) = self.meta("device_id")? else {
            return Ok(0);
        };
        self.conn()
            .query_row(
                "SELECT count(*) FROM outbox WHERE state IN ('finalized', 'sent') AND device_id = ?1",
                [device],
                |r| r.get(0),
            )
            .doing(|| "counting pending records".into())
    }

    /// This device's queued (unacknowledged) records in seq order, at most `limit`.
    pub fn queued_records(&self, limit: usize) -> Result<Vec<OutboxSummary>> {
        let device = self.meta("device_id")?.unwrap_or_default();
        let Some(first) = self.first_unacked_seq(&device)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT seq, kind, record_id, created_at, state, bundle_id, sent_at FROM outbox
                 WHERE device_id = ?1 AND seq >= ?2 AND state IN ('finalized', 'sent')
                 ORDER BY seq LIMIT ?3",
            )
            .doing(|| "listing queued records".into())?;
        stmt.query_map(params![device, first, limit as i64], summary_of)
            .doing(|| "listing queued records".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading queued records".into())
    }

    fn last_log(&self, kind: &str) -> Result<Option<SyncLogEntry>> {
        self.conn()
            .query_row(
                "SELECT id, kind, at, device_id, path, seq_from, seq_to, records, message
                 FROM sync_log WHERE kind = ?1 AND ok = 1 ORDER BY at DESC, id DESC LIMIT 1",
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
        let device_id = self.meta("device_id")?.unwrap_or_default();
        let kind = self.db_kind()?;
        let mut counts = StateCounts::default();
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT state, count(*) FROM outbox WHERE device_id = ?1 OR state = 'received'
                 GROUP BY state",
            )
            .doing(|| "counting records per state".into())?;
        let rows = stmt
            .query_map([&device_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .doing(|| "counting records per state".into())?;
        for row in rows {
            let (state, n) = row.doing(|| "counting records per state".into())?;
            match state.as_str() {
                "finalized" => counts.finalized = n,
                "sent" => counts.sent = n,
                "acknowledged" => counts.acknowledged = n,
                "received" => counts.received = n,
                _ => {}
            }
        }
        let oldest_unacknowledged = match self.first_unacked_seq(&device_id)? {
            None => None,
            Some(seq) => Some(
                self.conn()
                    .query_row(
                        "SELECT seq, kind, record_id, created_at, state, bundle_id, sent_at
                         FROM outbox WHERE device_id = ?1 AND seq = ?2",
                        params![device_id, seq],
                        summary_of,
                    )
                    .doing(|| "reading the oldest unacknowledged record".into())?,
            ),
        };
        let (last_export, last_receipt) = if kind == crate::domain::DbKind::Hq {
            (None, self.last_log("receipt")?)
        } else {
            (self.last_log("export")?, self.last_log("ack")?)
        };
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT o.device_id, coalesce(d.name, ''), count(*), max(o.seq) FROM outbox o
                 LEFT JOIN devices d ON d.id = o.device_id
                 WHERE o.state = 'received' GROUP BY o.device_id ORDER BY o.device_id",
            )
            .doing(|| "summarising devices".into())?;
        let devices = stmt
            .query_map([], |r| {
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

fn summary_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxSummary> {
    Ok(OutboxSummary {
        seq: r.get(0)?,
        kind: r.get(1)?,
        record_id: r.get(2)?,
        created_at: r.get(3)?,
        state: r.get(4)?,
        bundle_id: r.get(5)?,
        sent_at: r.get(6)?,
    })
}
