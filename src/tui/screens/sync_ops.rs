//! The Sync tab's reads and writes: what it shows (read once per visit or after a write,
//! never in render) and the pending write a confirm modal holds as data. The writes call
//! the same `crate::sync` functions as `minspect sync export | ack | import`.

use std::path::{Path, PathBuf};

use crate::domain::{DbKind, sanitize};
use crate::store::{OutboxSummary, Review, Store, StoreError, SyncStatus};
use crate::sync::{self, ExportOutcome, SyncError};

/// How many queued records and review decisions the tab lists.
pub const LIST_LIMIT: usize = 200;

/// Everything the tab draws, read in one go.
#[derive(Debug, Clone)]
pub struct SyncData {
    pub kind: DbKind,
    pub device_name: String,
    pub status: SyncStatus,
    /// records waiting for headquarters (finalized + sent), as in the status bar
    pub pending: i64,
    pub queued: Vec<OutboxSummary>,
    pub reviews: Vec<Review>,
}

impl SyncData {
    pub fn load(store: &Store) -> Result<SyncData, StoreError> {
        let local = store.local_key()?;
        Ok(SyncData {
            kind: local.kind,
            device_name: local.name,
            status: store.sync_status()?,
            pending: store.pending_sync_count()?,
            queued: store.queued_records(LIST_LIMIT)?,
            reviews: store.recent_reviews(LIST_LIMIT)?,
        })
    }

    /// The directory offered for the next export: the last one used, else home.
    pub fn export_dir(&self) -> String {
        let last = self.status.last_export.as_ref().map(|e| e.path.as_str());
        dir_of(last).unwrap_or_else(home)
    }

    /// Where receipts (device) or bundles (headquarters) are looked for first: the
    /// directory of the last receipt, else of the last export, else home.
    pub fn file_dir(&self) -> String {
        let receipt = self.status.last_receipt.as_ref().map(|e| e.path.as_str());
        let export = self.status.last_export.as_ref().map(|e| e.path.as_str());
        dir_of(receipt)
            .or_else(|| dir_of(export))
            .unwrap_or_else(home)
    }
}

/// The directory of a stored file path, absolute and canonical. A relative path (written
/// by a CLI run from some other working directory) or a directory that is gone gives
/// None, so the caller offers the home directory instead.
fn dir_of(file: Option<&str>) -> Option<String> {
    let path = Path::new(file?);
    if !path.is_absolute() {
        return None;
    }
    let parent = std::fs::canonicalize(path.parent()?).ok()?;
    parent
        .is_dir()
        .then(|| with_slash(&parent.display().to_string()))
}

fn with_slash(dir: &str) -> String {
    if dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}/")
    }
}

fn home() -> String {
    directories::BaseDirs::new()
        .map(|d| with_slash(&d.home_dir().display().to_string()))
        .unwrap_or_else(|| "./".into())
}

/// What a prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Export,
    Ack,
    Import,
}

impl Op {
    pub fn label(self) -> &'static str {
        match self {
            Op::Export => "export directory",
            Op::Ack => "receipt file",
            Op::Import => "bundle file",
        }
    }

    /// Checks what was typed; the message names the field. Nothing is written.
    pub fn validate(self, text: &str) -> Result<PendingWrite, String> {
        let label = self.label();
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("{label}: type a path"));
        }
        let path = expand_home(text);
        let shown = sanitize(&path.display().to_string()).into_owned();
        let meta = std::fs::metadata(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{label}: {shown} does not exist"),
            std::io::ErrorKind::PermissionDenied => {
                format!("{label}: {shown} cannot be read (permission denied)")
            }
            _ => format!("{label}: {shown}: {e}"),
        })?;
        match self {
            Op::Export if !meta.is_dir() => {
                Err(format!("{label}: {shown} is a file, not a directory"))
            }
            Op::Export => Ok(PendingWrite::Export { dir: path }),
            _ if meta.is_dir() => Err(format!(
                "{label}: {shown} is a directory; add the file's name"
            )),
            Op::Ack => Ok(PendingWrite::Ack { receipt: path }),
            Op::Import => Ok(PendingWrite::Import { bundle: path }),
        }
    }
}

fn expand_home(text: &str) -> PathBuf {
    match text.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .map(|d| d.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(text)),
        None => PathBuf::from(text),
    }
}

/// A write waiting for its yes: the confirm modal holds this, and Yes runs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PendingWrite {
    Export { dir: PathBuf },
    Ack { receipt: PathBuf },
    Import { bundle: PathBuf },
}

impl PendingWrite {
    /// The question the confirm modal asks.
    pub fn question(&self, pending: i64) -> String {
        match self {
            PendingWrite::Export { dir } => format!(
                "Write the {pending} unacknowledged records into a bundle in {}? They are marked sent.",
                sanitize(&dir.display().to_string())
            ),
            PendingWrite::Ack { receipt } => format!(
                "Apply the receipt {}? Records headquarters holds become acknowledged.",
                sanitize(&receipt.display().to_string())
            ),
            PendingWrite::Import { bundle } => format!(
                "Import the bundle {}? Its receipt is written beside it.",
                sanitize(&bundle.display().to_string())
            ),
        }
    }

    /// Runs the write (one `crate::sync` call); the outcome in words.
    pub fn run(&self, store: &mut Store) -> Result<String, String> {
        match self {
            PendingWrite::Export { dir } => match sync::export_bundle(store, dir) {
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
            },
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

/// `1 record`, `3 records`.
pub fn plural(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A sync failure in plain words (one line, sanitized).
pub fn plain(e: SyncError) -> String {
    let text = match e {
        SyncError::Refused(m) => m,
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

/// Refuses at once what this kind of database never does (before asking for a path).
pub fn refusal(op: Op, kind: DbKind) -> Option<String> {
    let r = match op {
        Op::Export => sync::export::check_can_export(kind),
        Op::Ack => sync::receipt::check_can_ack(kind),
        Op::Import => sync::import::check_can_import(kind),
    };
    r.err().map(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_or_vanished_export_path_is_not_offered() {
        assert_eq!(dir_of(Some("out/bundle.json")), None);
        assert_eq!(dir_of(Some("bundle.json")), None);
        assert_eq!(dir_of(Some("/nonexistent-minspect-dir/bundle.json")), None);
        assert_eq!(dir_of(None), None);
    }

    #[test]
    fn an_absolute_export_path_is_offered_canonical() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("out")).unwrap();
        let stored = tmp.path().join("out/../out/bundle.json");
        let got = dir_of(Some(&stored.display().to_string())).unwrap();
        let want = std::fs::canonicalize(tmp.path().join("out")).unwrap();
        assert_eq!(got, format!("{}/", want.display()));
        assert!(Path::new(&got).is_absolute());
        assert!(!got.contains(".."));
    }
}
