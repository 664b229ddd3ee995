//! The sync status: counts per delivery state, the oldest unacknowledged record, the last
//! export and receipt, and at headquarters what is held per device. `minspect sync
//! status` prints [`status_lines`] (or the store's `SyncStatus` as JSON); the console's
//! Sync tab reads a [`SyncOverview`] once per visit and shows [`SyncOverview::summary`].

use crate::domain::{DbKind, Lang, sanitize};
use crate::store::{OutboxSummary, Review, Store, StoreError, SyncLogEntry, SyncStatus};
use crate::t;

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

/// The plain-text lines of `minspect sync status` in `lang`, sanitized.
pub fn status_lines(s: &SyncStatus, lang: Lang) -> Vec<String> {
    let c = &s.counts;
    let mut out = vec![
        t!(
            lang,
            "sync-status-device",
            device = s.device_id.as_str(),
            kind = s.kind.to_string()
        ),
        t!(
            lang,
            "sync-status-counts",
            finalized = c.finalized,
            sent = c.sent,
            acknowledged = c.acknowledged,
            received = c.received
        ),
        match &s.oldest_unacknowledged {
            Some(o) => t!(
                lang,
                "sync-status-oldest",
                seq = o.seq,
                kind = o.kind.to_string(),
                record = o.record_id.to_string(),
                state = o.state.to_string(),
                since = o.created_at.to_string()
            ),
            None => t!(lang, "sync-status-oldest-none"),
        },
        match &s.last_export {
            Some(e) => t!(
                lang,
                "sync-status-export",
                at = e.at.as_str(),
                from = e.seq_from.unwrap_or(0),
                to = e.seq_to.unwrap_or(0),
                path = sanitize(&e.path).into_owned()
            ),
            None => t!(lang, "sync-status-export-never"),
        },
        match &s.last_receipt {
            Some(e) => t!(
                lang,
                "sync-status-receipt",
                at = e.at.as_str(),
                to = e.seq_to.unwrap_or(0),
                path = sanitize(&e.path).into_owned()
            ),
            None => t!(lang, "sync-status-receipt-never"),
        },
    ];
    for d in &s.devices {
        out.push(t!(
            lang,
            "sync-status-held",
            name = sanitize(&d.name).into_owned(),
            device = d.device_id.as_str(),
            records = d.records,
            head = d.head_seq
        ));
    }
    out
}

/// `last export   2026-11-29 07:40  seq 1..3  3 records  /path` (receipts: `up to seq
/// N`), sanitized; `never` when there is none. `label` is already in `lang`.
pub fn log_line_in(label: &str, e: Option<&SyncLogEntry>, receipt: bool, lang: Lang) -> String {
    match e {
        None => format!("{label:<13} {}", t!(lang, "sync-never")),
        Some(e) => {
            let range = if receipt {
                t!(lang, "sync-up-to-seq", seq = e.seq_to.unwrap_or(0))
            } else {
                t!(
                    lang,
                    "sync-seq-range",
                    from = e.seq_from.unwrap_or(0),
                    to = e.seq_to.unwrap_or(0),
                    records = e.records
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

/// [`log_line_in`] in English.
pub fn log_line(label: &str, e: Option<&SyncLogEntry>, receipt: bool) -> String {
    log_line_in(label, e, receipt, Lang::En)
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
    /// the trusted headquarters the next bundle is sealed to (None: it goes unsealed)
    pub sealed_to: Option<String>,
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
            sealed_to: store.device().seal_recipient()?.map(|r| r.name),
        })
    }

    /// The summary's lines in English (see [`SyncOverview::summary_in`]).
    pub fn summary(&self) -> Vec<String> {
        self.summary_in(Lang::En)
    }

    /// The summary's lines in `lang` (sanitized, not fitted to a width); the first is the
    /// title.
    pub fn summary_in(&self, lang: Lang) -> Vec<String> {
        let c = &self.status.counts;
        let name = sanitize(&self.device_name).into_owned();
        let receipt_label = t!(lang, "sync-last-receipt");
        let last_receipt = log_line_in(
            &receipt_label,
            self.status.last_receipt.as_ref(),
            true,
            lang,
        );
        if self.kind == DbKind::Hq {
            return vec![
                t!(
                    lang,
                    "sync-summary-hq",
                    name = name,
                    records = c.received,
                    devices = self.status.devices.len()
                ),
                t!(lang, "sync-summary-hq-hint"),
                last_receipt,
            ];
        }
        let kind = t!(
            lang,
            match self.kind == DbKind::Training {
                true => "sync-kind-training",
                false => "sync-kind-field",
            }
        );
        let export_label = t!(lang, "sync-last-export");
        vec![
            match &self.status.oldest_unacknowledged {
                Some(o) => t!(
                    lang,
                    "sync-summary-waiting",
                    name = name,
                    kind = kind,
                    count = self.pending,
                    oldest = short_time(&o.created_at)
                ),
                None => t!(lang, "sync-summary-waiting-none", name = name, kind = kind),
            },
            t!(
                lang,
                "sync-summary-counts",
                finalized = c.finalized,
                sent = c.sent,
                acknowledged = c.acknowledged
            ),
            log_line_in(&export_label, self.status.last_export.as_ref(), false, lang),
            last_receipt,
        ]
    }
}
