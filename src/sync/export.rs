//! `minspect sync export --out DIR`: every unacknowledged record of this device, in seq
//! order, into one signed bundle written crash-safely; then the rows are marked sent.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::bundle::{BundleWriter, Header, ManifestBase};
use super::keys::signing_key;
use super::{SyncError, fsio};
use crate::domain::{DbKind, new_id};
use crate::store::{ExportedBatch, LocalKey, SCHEMA_VERSION, Store};

/// A bundle that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportReport {
    pub path: PathBuf,
    pub bundle_id: String,
    pub device_id: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub records: u64,
    /// the record lines are sealed to headquarters' X25519 key
    pub sealed: bool,
    /// the name of the headquarters they are sealed to (None: not sealed, no trusted
    /// headquarters key carries a sealing key)
    pub sealed_to: Option<String>,
    /// rows that moved to (or stayed in, with the new bundle id) state `sent`
    pub marked_sent: u64,
    /// partial bundles of this device that interrupted exports had left in the directory,
    /// removed before writing
    pub removed_partials: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written(ExportReport),
    /// every record is acknowledged (or none exists): no file is written
    NothingToExport,
}

/// Refuses export from databases that never export (headquarters). A training laptop
/// exports bundles of the training world, which only a training headquarters imports.
pub fn check_can_export(kind: DbKind) -> Result<(), SyncError> {
    match kind {
        DbKind::Field | DbKind::Training => Ok(()),
        DbKind::Hq => Err(SyncError::Refused(
            "this is a headquarters database: it imports bundles and issues receipts, it does not export"
                .into(),
        )),
    }
}

/// Export writes: the store must be writable (records are marked sent), `dir` a directory.
fn check_writable_into(store: &Store, dir: &Path) -> Result<(), SyncError> {
    if store.is_read_only() {
        return Err(SyncError::Refused(
            "the database is open read-only; export marks records sent and needs write access"
                .into(),
        ));
    }
    if !dir.is_dir() {
        return Err(SyncError::Refused(format!(
            "--out: {} is not a directory",
            dir.display()
        )));
    }
    Ok(())
}

/// The bundle-level facts the manifest carries besides the records.
fn manifest_base(store: &Store, local: &LocalKey) -> Result<ManifestBase, SyncError> {
    Ok(ManifestBase {
        created_at: store.clock().now_rfc3339(),
        device_name: local.name.clone(),
        schema_version: SCHEMA_VERSION,
        rule_pack_version: store
            .rules()
            .active_pack()?
            .map(|p| p.pack.version)
            .unwrap_or_default(),
        last_receipt_id: store.db().meta("last_receipt_id")?,
        officers: store.chain().officers_for_export()?,
    })
}

/// The header of an unsealed bundle (the writer seals it when it seals the lines).
fn header_of(local: &LocalKey, bundle_id: &str, (from, to): (i64, i64)) -> Header {
    Header {
        format: super::bundle::BUNDLE_FORMAT.into(),
        version: super::bundle::BUNDLE_VERSION,
        world: local.world,
        bundle_id: bundle_id.to_string(),
        device_id: local.device_id.clone(),
        seq_from: from,
        seq_to: to,
        sealed: false,
        seal: None,
    }
}

/// Writes the bundle into `dir` and marks its records sent. Prints nothing.
pub fn export_bundle(store: &mut Store, dir: &Path) -> Result<ExportOutcome, SyncError> {
    let local = store.device().local_key()?;
    check_can_export(local.kind)?;
    check_writable_into(store, dir)?;
    let Some((from, to)) = store.chain().unacked_range(&local.device_id)? else {
        return Ok(ExportOutcome::NothingToExport);
    };
    let bundle_id = new_id();
    let base = manifest_base(store, &local)?;
    let name = format!(
        "minspect-{}-s{from}-{to}-{}.bundle",
        super::device_tag(&local.device_id),
        &bundle_id[bundle_id.len() - 12..]
    );
    let removed_partials = fsio::remove_partials(
        dir,
        &format!("minspect-{}-s", super::device_tag(&local.device_id)),
    );
    let key = signing_key(&local);
    let header = header_of(&local, &bundle_id, (from, to));
    // sealed to the trusted headquarters' X25519 key when its key file carried one
    let recipient = store.device().seal_recipient()?;
    let sealer = match &recipient {
        Some(r) => Some(super::seal::Sealer::new(&r.seal_key)?),
        None => None,
    };
    let sealed = sealer.is_some();
    let mut records = 0u64;
    let path = fsio::write_atomic(dir, &name, |w| {
        let mut bw = match sealer {
            Some(s) => BundleWriter::sealed(w, header, s)?,
            None => BundleWriter::new(w, header)?,
        };
        let half = ((to - from + 1) / 2).max(1);
        records = store.chain().for_each_outbox_row::<SyncError>(
            &local.device_id,
            (from, to),
            |row| {
                bw.record(row)?;
                if row.seq - from + 1 == half && std::env::var_os("MINSPECT_TEST_PAUSE").is_some() {
                    bw.out().flush().map_err(|source| SyncError::Io {
                        doing: "writing the bundle".into(),
                        source,
                    })?;
                    fsio::test_pause("mid-write");
                }
                Ok(())
            },
        )?;
        super::sealed_attachments::write_lines(&mut bw, store, &local.device_id, (from, to))?;
        bw.finish(base, &key)?;
        Ok(())
    })?;
    let at = store.clock().now_rfc3339();
    let marked_sent = store.chain_mut().mark_exported(&ExportedBatch {
        bundle_id: bundle_id.clone(),
        path: path.display().to_string(),
        device_id: local.device_id.clone(),
        seq_from: from,
        seq_to: to,
        at,
    })?;
    Ok(ExportOutcome::Written(ExportReport {
        path,
        bundle_id,
        device_id: local.device_id,
        seq_from: from,
        seq_to: to,
        records,
        sealed,
        sealed_to: recipient.map(|r| r.name),
        marked_sent,
        removed_partials,
    }))
}
