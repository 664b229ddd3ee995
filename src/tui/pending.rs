//! Risky writes wait for the officer's yes as data: a screen builds a [`PendingWrite`]
//! and returns it in `Effect::Confirm`; the App's confirm modal holds it and, on Yes,
//! runs it here (one store or `crate::sync` call, as the CLI makes), then hands the
//! outcome back to the screen that asked.

use std::path::PathBuf;

use crate::domain::{CustodyEvent, Lang, sanitize};
use crate::i18n::said_or;
use crate::store::{Store, StoreError};
use crate::sync::{self, ExportOutcome, SyncError};
use crate::t;
use crate::tui::tab::Tab;

/// A write waiting for its yes: exactly what will be done.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingWrite {
    /// Finalize the draft inspection (Record tab).
    Finalize { inspection_id: String },
    /// Append a custody transfer to a seizure of a finalized record (Record tab).
    Custody {
        seizure_id: String,
        event: CustodyEvent,
    },
    /// Discard a draft shipment or inspection (Record tab).
    Discard { id: String },
    /// Write the unacknowledged records into a bundle in `dir` (Sync tab).
    Export { dir: PathBuf },
    /// Apply a headquarters receipt (Sync tab).
    Ack { receipt: PathBuf },
    /// Import a field device's bundle (Sync tab, headquarters).
    Import { bundle: PathBuf },
}

/// The confirm modal's content: the question and the write a yes runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: String,
    pub write: PendingWrite,
}

impl PendingWrite {
    /// The modal asking `question` before this write.
    pub fn ask(self, question: String) -> Confirm {
        Confirm {
            question,
            write: self,
        }
    }

    /// The tab that asked, which re-reads after the write.
    pub fn tab(&self) -> Tab {
        match self {
            PendingWrite::Finalize { .. }
            | PendingWrite::Custody { .. }
            | PendingWrite::Discard { .. } => Tab::Record,
            PendingWrite::Export { .. }
            | PendingWrite::Ack { .. }
            | PendingWrite::Import { .. } => Tab::Sync,
        }
    }

    /// Runs the write (one transaction, or one `crate::sync` call); the outcome in words
    /// of `lang`.
    pub fn run(&self, store: &mut Store, lang: Lang) -> Result<String, String> {
        let store_err = |id: &str, e: StoreError| {
            let why = said_or(lang, e.said(), &e);
            t!(lang, id, error = sanitize(&why).into_owned())
        };
        match self {
            PendingWrite::Finalize { inspection_id } => store
                .records_mut()
                .finalize_inspection(inspection_id)
                .map(|f| {
                    t!(
                        lang,
                        "pending-finalized",
                        seq = f.seq,
                        hash = f.hash.get(..12).unwrap_or(&f.hash),
                        verdict = f.verdict.to_string(),
                        pack = f.rule_pack_version.as_str()
                    )
                })
                .map_err(|e| store_err("pending-finalizing-failed", e)),
            PendingWrite::Custody { seizure_id, event } => store
                .records_mut()
                .add_custody_event(seizure_id, event)
                .map(|c| t!(lang, "pending-custody-recorded", seq = c.seq))
                .map_err(|e| store_err("pending-custody-failed", e)),
            PendingWrite::Discard { id } => store
                .records_mut()
                .discard_draft(id)
                .map(|()| t!(lang, "pending-discarded"))
                .map_err(|e| store_err("pending-discard-failed", e)),
            PendingWrite::Export { dir } => export(store, dir, lang),
            PendingWrite::Ack { receipt } => match sync::ack_receipt(store, receipt) {
                Ok(r) => Ok(t!(
                    lang,
                    "pending-acknowledged",
                    records = r.outcome.acknowledged,
                    reviews = r.outcome.new_reviews,
                    hq = sanitize(&r.receipt.hq_name).into_owned(),
                    seq = r.receipt.held_seq
                )),
                Err(e) => Err(worded(lang, e)),
            },
            PendingWrite::Import { bundle } => match sync::import_bundle(store, bundle, None) {
                Ok(r) => Ok(t!(
                    lang,
                    "pending-imported",
                    records = r.outcome.new_records,
                    device = sanitize(&r.device_name).into_owned(),
                    held = r.outcome.already_held,
                    path = sanitize(&r.receipt_path.display().to_string()).into_owned()
                )),
                Err(e) => Err(worded(lang, e)),
            },
        }
    }
}

fn export(store: &mut Store, dir: &std::path::Path, lang: Lang) -> Result<String, String> {
    match sync::export_bundle(store, dir) {
        Ok(ExportOutcome::Written(r)) => {
            let path = sanitize(&r.path.display().to_string()).into_owned();
            let mut msg = t!(
                lang,
                "pending-exported",
                records = r.records,
                from = r.seq_from,
                to = r.seq_to,
                path = path
            );
            if !r.removed_partials.is_empty() {
                msg += &t!(
                    lang,
                    "pending-removed-partials",
                    count = r.removed_partials.len()
                );
            }
            Ok(msg)
        }
        Ok(ExportOutcome::NothingToExport) => Ok(t!(lang, "pending-nothing-to-export")),
        Err(e) => Err(worded(lang, e)),
    }
}

/// A sync failure in plain English words (one line, sanitized).
pub fn plain(e: SyncError) -> String {
    worded(Lang::En, e)
}

/// A sync failure in words of `lang` (one line, sanitized): a refusal said as a message
/// id in the language, a file that cannot be read or written by what went wrong.
pub fn worded(lang: Lang, e: SyncError) -> String {
    let text = match e {
        SyncError::Refused(m) | SyncError::Incomplete(m) => m,
        SyncError::Io { doing, source } => {
            let id = match source.kind() {
                std::io::ErrorKind::NotFound => "pending-io-missing",
                std::io::ErrorKind::PermissionDenied => "pending-io-denied",
                std::io::ErrorKind::StorageFull => "pending-io-full",
                _ => "pending-io-other",
            };
            t!(lang, id, doing = doing, error = source.to_string())
        }
        other => said_or(lang, other.said(), &other),
    };
    sanitize(&text).into_owned()
}
