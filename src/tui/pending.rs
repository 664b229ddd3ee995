//! Risky writes wait for the officer's yes as data: a screen builds a [`PendingWrite`]
//! and returns it in `Effect::Confirm`; the App's confirm modal holds it and, on Yes,
//! runs it here (one store or `crate::sync` call, as the CLI makes), then hands the
//! outcome back to the screen that asked.

use std::path::PathBuf;

use crate::domain::{CustodyEvent, sanitize};
use crate::report::sync_status::plural;
use crate::store::Store;
use crate::sync::{self, ExportOutcome, SyncError};
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

    /// Runs the write (one transaction, or one `crate::sync` call); the outcome in words.
    pub fn run(&self, store: &mut Store) -> Result<String, String> {
        match self {
            PendingWrite::Finalize { inspection_id } => store
                .records_mut()
                .finalize_inspection(inspection_id)
                .map(|f| {
                    format!(
                        "Finalized: chain record #{} ({}…), verdict {}, rule pack {}.",
                        f.seq,
                        f.hash.get(..12).unwrap_or(&f.hash),
                        f.verdict,
                        f.rule_pack_version
                    )
                })
                .map_err(|e| format!("finalizing: {e}")),
            PendingWrite::Custody { seizure_id, event } => store
                .records_mut()
                .add_custody_event(seizure_id, event)
                .map(|c| format!("Custody transfer recorded: chain record #{}.", c.seq))
                .map_err(|e| format!("custody transfer: {e}")),
            PendingWrite::Discard { id } => store
                .records_mut()
                .discard_draft(id)
                .map(|()| "Draft discarded (kept in the audit log).".to_string())
                .map_err(|e| format!("discarding: {e}")),
            PendingWrite::Export { dir } => export(store, dir),
            PendingWrite::Ack { receipt } => match sync::ack_receipt(store, receipt) {
                Ok(r) => Ok(format!(
                    "acknowledged {}, {} (headquarters '{}' holds up to seq {})",
                    plural(r.outcome.acknowledged as i64, "record"),
                    plural(r.outcome.new_reviews as i64, "new review decision"),
                    sanitize(&r.receipt.hq_name),
                    r.receipt.held_seq,
                )),
                Err(e) => Err(plain(e)),
            },
            PendingWrite::Import { bundle } => match sync::import_bundle(store, bundle, None) {
                Ok(r) => Ok(format!(
                    "imported {} of device '{}' ({} already held); receipt written to {}",
                    plural(r.outcome.new_records as i64, "new record"),
                    sanitize(&r.device_name),
                    r.outcome.already_held,
                    sanitize(&r.receipt_path.display().to_string())
                )),
                Err(e) => Err(plain(e)),
            },
        }
    }
}

fn export(store: &mut Store, dir: &std::path::Path) -> Result<String, String> {
    match sync::export_bundle(store, dir) {
        Ok(ExportOutcome::Written(r)) => {
            let mut msg = format!(
                "exported {} (seq {}..{}) to {}",
                plural(r.records as i64, "record"),
                r.seq_from,
                r.seq_to,
                sanitize(&r.path.display().to_string())
            );
            if !r.removed_partials.is_empty() {
                msg += &format!(
                    "; removed {} left by an interrupted export",
                    plural(r.removed_partials.len() as i64, "partial bundle")
                );
            }
            Ok(msg)
        }
        Ok(ExportOutcome::NothingToExport) => {
            Ok("nothing to export: every finalized record is acknowledged".into())
        }
        Err(e) => Err(plain(e)),
    }
}

/// A sync failure in plain words (one line, sanitized).
pub fn plain(e: SyncError) -> String {
    let text = match e {
        SyncError::Refused(m) | SyncError::Incomplete(m) => m,
        SyncError::Store(s) => s.to_string(),
        SyncError::Io { doing, source } => match source.kind() {
            std::io::ErrorKind::NotFound => format!("{doing}: the file does not exist"),
            std::io::ErrorKind::PermissionDenied => {
                format!("{doing}: permission denied (check the owner and mode)")
            }
            std::io::ErrorKind::StorageFull => format!("{doing}: the disk is full"),
            _ => format!("{doing}: {source}"),
        },
    };
    sanitize(&text).into_owned()
}
