//! The sync status: counts per delivery state, the oldest unacknowledged record, the last
//! export and receipt, and at headquarters what is held per device. `minspect sync
//! status` prints [`status_lines`] (or the store's `SyncStatus` as JSON); the console's
//! Sync tab reads a [`SyncOverview`] once per visit and shows [`SyncOverview::summary`].

use crate::domain::{DbKind, sanitize};
use crate::store::{OutboxSummary, Review, Store, StoreError, SyncLogEntry, SyncStatus};

/// `1 record`, `2 records`.
pub fn plural(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `2026-11-29T07:40:12.123Z` as `2026-11-29 07:40` (UTC, as stored); other text
/// sanitized as is.
pub fn short_time(s: &str) -> String {
    if s.len() >= 16 && s.is_char_boundary(16) {
        format!("{} {}", &s[..10], &s[11..16])
    } else {
        sanitize(s).into_owned()
    }
}

/// The plain-text lines of `minspect sync status`, sanitized.
pub fn status_lines(s: &SyncStatus) -> Vec<String> {
    let c = &s.counts;
    let mut out = vec![
        format!("device {} ({})", s.device_id, s.kind),
        format!(
            "finalized {}  sent {}  acknowledged {}  received {}",
            c.finalized, c.sent, c.acknowledged, c.received
        ),
        match &s.oldest_unacknowledged {
            Some(o) => format!(
                "oldest unacknowledged: seq {} {} {} ({}, since {})",
                o.seq, o.kind, o.record_id, o.state, o.created_at
            ),
            None => "oldest unacknowledged: none".into(),
        },
        match &s.last_export {
            Some(e) => format!(
                "last export: {} seq {}..{} {}",
                e.at,
                e.seq_from.unwrap_or(0),
                e.seq_to.unwrap_or(0),
                sanitize(&e.path)
            ),
            None => "last export: never".into(),
        },
        match &s.last_receipt {
            Some(e) => format!(
                "last receipt: {} up to seq {} {}",
                e.at,
                e.seq_to.unwrap_or(0),
                sanitize(&e.path)
            ),
            None => "last receipt: never".into(),
        },
    ];
    for d in &s.devices {
        out.push(format!(
            "held for device '{}' [{}]: {} records, head seq {}",
            sanitize(&d.name),
            d.device_id,
            d.records,
            d.head_seq
        ));
    }
    out
}

/// `last export   2026-11-29 07:40  seq 1..3  3 records  /path` (receipts: `up to seq
/// N`), sanitized; `never` when there is none.
pub fn log_line(label: &str, e: Option<&SyncLogEntry>, receipt: bool) -> String {
    match e {
        None => format!("{label:<13} never"),
        Some(e) => {
            let range = if receipt {
                format!("up to seq {}", e.seq_to.unwrap_or(0))
            } else {
                format!(
                    "seq {}..{}  {}",
                    e.seq_from.unwrap_or(0),
                    e.seq_to.unwrap_or(0),
                    plural(e.records, "record")
                )
            };
            format!(
                "{label:<13} {}  {range}  {}",
                short_time(&e.at),
                sanitize(&e.path)
            )
        }
    }
}

/// Everything the Sync tab shows, read in one go (never per frame).
#[derive(Debug, Clone)]
pub struct SyncOverview {
    pub kind: DbKind,
    pub device_name: String,
    pub status: SyncStatus,
    /// records waiting for headquarters (finalized + sent), as in the status bar
    pub pending: i64,
    /// at most `list_limit` queued records
    pub queued: Vec<OutboxSummary>,
    /// at most `list_limit` recent review decisions
    pub reviews: Vec<Review>,
}

impl SyncOverview {
    pub fn build(store: &Store, list_limit: usize) -> Result<SyncOverview, StoreError> {
        let local = store.device().local_key()?;
        Ok(SyncOverview {
            kind: local.kind,
            device_name: local.name,
            status: store.chain().sync_status()?,
            pending: store.chain().pending_sync_count()?,
            queued: store.chain().queued_records(list_limit)?,
            reviews: store.hq().recent_reviews(list_limit)?,
        })
    }

    /// The summary's lines (sanitized, not fitted to a width); the first is the title.
    pub fn summary(&self) -> Vec<String> {
        let c = &self.status.counts;
        let name = sanitize(&self.device_name).into_owned();
        let last_receipt = log_line("last receipt", self.status.last_receipt.as_ref(), true);
        if self.kind == DbKind::Hq {
            return vec![
                format!(
                    "{name} · headquarters · received {} records from {} devices",
                    c.received,
                    self.status.devices.len()
                ),
                "Import bundles from field devices here; each import writes a signed receipt."
                    .into(),
                last_receipt,
            ];
        }
        let kind = if self.kind == DbKind::Training {
            "training database (never exports)"
        } else {
            "field device"
        };
        vec![
            match &self.status.oldest_unacknowledged {
                Some(o) => format!(
                    "{name} · {kind} · waiting for headquarters: {} (oldest {})",
                    self.pending,
                    short_time(&o.created_at)
                ),
                None => format!("{name} · {kind} · waiting for headquarters: 0"),
            },
            format!(
                "finalized {}   sent {}   acknowledged {}",
                c.finalized, c.sent, c.acknowledged
            ),
            log_line("last export", self.status.last_export.as_ref(), false),
            last_receipt,
        ]
    }
}
