//! The Sync tab's reads and the writes it asks for: what it shows (read once per visit or
//! after a write, never in render), and the path prompts that become a [`PendingWrite`]
//! (run by `tui::pending` with the same `crate::sync` functions as `minspect sync export |
//! ack | import`).

use std::path::{Path, PathBuf};

use crate::domain::{DbKind, Lang, sanitize};
use crate::report::SyncOverview;
use crate::sync;
use crate::t;
use crate::tui::pending::{Confirm, PendingWrite, plain};

/// How many queued records and review decisions the tab lists.
pub const LIST_LIMIT: usize = 200;

/// The directory offered for the next export: the last one used, else home.
pub fn export_dir(d: &SyncOverview) -> String {
    let last = d.status.last_export.as_ref().map(|e| e.path.as_str());
    dir_of(last).unwrap_or_else(home)
}

/// Where receipts (device) or bundles (headquarters) are looked for first: the
/// directory of the last receipt, else of the last export, else home.
pub fn file_dir(d: &SyncOverview) -> String {
    let receipt = d.status.last_receipt.as_ref().map(|e| e.path.as_str());
    let export = d.status.last_export.as_ref().map(|e| e.path.as_str());
    dir_of(receipt)
        .or_else(|| dir_of(export))
        .unwrap_or_else(home)
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
    /// The catalogue id of what the prompt asks for.
    pub fn label(self) -> &'static str {
        match self {
            Op::Export => "sync-op-export-dir",
            Op::Ack => "sync-op-receipt-file",
            Op::Import => "sync-op-bundle-file",
        }
    }

    /// Checks what was typed and asks before writing (`pending`: the records an export
    /// writes); the message names the field. Nothing is written.
    pub fn validate(self, text: &str, pending: i64, lang: Lang) -> Result<Confirm, String> {
        let label = t!(lang, self.label());
        let text = text.trim();
        if text.is_empty() {
            return Err(t!(lang, "sync-path-empty", label = label.as_str()));
        }
        let path = expand_home(text);
        let shown = sanitize(&path.display().to_string()).into_owned();
        let said = |id: &str| t!(lang, id, label = label.as_str(), path = shown.as_str());
        let meta = std::fs::metadata(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => said("sync-path-missing"),
            std::io::ErrorKind::PermissionDenied => said("sync-path-denied"),
            _ => format!("{label}: {shown}: {e}"),
        })?;
        match self {
            Op::Export if !meta.is_dir() => Err(said("sync-path-not-dir")),
            Op::Export => Ok(PendingWrite::Export { dir: path }.ask(t!(
                lang,
                "sync-export-confirm",
                count = pending,
                path = shown.as_str()
            ))),
            _ if meta.is_dir() => Err(said("sync-path-is-dir")),
            Op::Ack => Ok(PendingWrite::Ack { receipt: path }.ask(said("sync-ack-confirm"))),
            Op::Import => {
                Ok(PendingWrite::Import { bundle: path }.ask(said("sync-import-confirm")))
            }
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

/// Refuses at once what this kind of database never does (before asking for a path).
pub fn refusal(op: Op, kind: DbKind) -> Option<String> {
    let r = match op {
        Op::Export => sync::export::check_can_export(kind),
        Op::Ack => sync::receipt::check_can_ack(kind),
        Op::Import => sync::bundle_import::check_can_import(kind),
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
