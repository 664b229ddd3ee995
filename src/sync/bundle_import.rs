//! `minspect sync import BUNDLE [--receipt-out DIR]` at headquarters: verify (pass 1),
//! insert in one transaction while reading the records again (pass 2, idempotent), then
//! write a signed receipt. Memory does not grow with the bundle: both passes stream it.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use super::receipt::{self, RECEIPT_FORMAT, RECEIPT_VERSION, Receipt};
use super::verify::VerifiedBundle;
use super::{SyncError, fsio};
use crate::domain::{DbKind, new_id};
use crate::store::{BundleImported, IncomingBundle, SCHEMA_VERSION, Store, StoreError};

/// Read buffer of both passes.
const READ_BUF: usize = 256 * 1024;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleImportReport {
    pub bundle: PathBuf,
    pub device_name: String,
    pub outcome: BundleImported,
    pub receipt_id: String,
    pub receipt_path: PathBuf,
    pub reviews_delivered: usize,
}

/// Reads and verifies a bundle against this database's trusted keys (no writes).
pub fn verify_file(store: &Store, path: &Path) -> Result<VerifiedBundle, SyncError> {
    open_verified(store, path).map(|(_, verified)| verified)
}

/// Opens and verifies a bundle (pass 1); returns the open file for pass 2.
fn open_verified(
    store: &Store,
    path: &Path,
) -> Result<(BufReader<File>, VerifiedBundle), SyncError> {
    let file = File::open(path).map_err(|source| SyncError::Io {
        doing: format!("reading {}", path.display()),
        source,
    })?;
    let mut src = BufReader::with_capacity(READ_BUF, file);
    let seal_secret = store.device().local_key()?.seal_secret;
    let verified = super::verify::verify_with(
        &mut src,
        store.device().world()?,
        |id| Ok(store.device().trusted_device(id)?.map(|d| d.public_key)),
        SCHEMA_VERSION,
        seal_secret.as_ref(),
    )?;
    Ok((src, verified))
}

/// `minspect-receipt-<bundle id>.receipt`; characters other than letters, digits and `-`
/// of the (signed, but device-chosen) bundle id are left out of the file name.
pub fn receipt_file_name(bundle_id: &str) -> String {
    let id: String = bundle_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    format!("minspect-receipt-{id}.receipt")
}

/// Refuses databases other than headquarters.
pub fn check_can_import(kind: DbKind) -> Result<(), SyncError> {
    if kind != DbKind::Hq {
        return Err(SyncError::Refused(format!(
            "bundles are imported at headquarters; this is a {} database (create one with `minspect init --hq`)",
            kind.as_str()
        )));
    }
    Ok(())
}

/// Imports a bundle and writes the receipt into `receipt_dir` (default: the bundle's
/// directory). A refused bundle changes nothing.
pub fn import_bundle(
    store: &mut Store,
    path: &Path,
    receipt_dir: Option<&Path>,
) -> Result<BundleImportReport, SyncError> {
    import_bundle_with_test_hook(store, path, receipt_dir, || ())
}

/// Where the receipt goes: `receipt_dir`, else the bundle's directory.
fn receipt_dir_for(path: &Path, receipt_dir: Option<&Path>) -> Result<PathBuf, SyncError> {
    let receipt_dir = match receipt_dir {
        Some(d) => d.to_path_buf(),
        None => match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    if !receipt_dir.is_dir() {
        return Err(SyncError::Refused(format!(
            "--receipt-out: {} is not a directory",
            receipt_dir.display()
        )));
    }
    Ok(receipt_dir)
}

/// A refusal of the bundle at `path`, saying which bundle.
fn bundle_refused(path: &Path, e: SyncError) -> SyncError {
    match e {
        SyncError::Refused(m) | SyncError::Store(StoreError::Invalid(m)) => {
            SyncError::Refused(format!("bundle {} refused: {m}", path.display()))
        }
        SyncError::Said(m) | SyncError::Store(StoreError::Said(m)) => SyncError::Said(
            crate::domain::Msg::new("yp-bundle-refused")
                .arg("path", path.display().to_string())
                .arg("why", m),
        ),
        other => other,
    }
}

/// TEST HOOK (hidden): `import_bundle`, running `between_passes` after the bundle is
/// verified and before it is read again inside the write transaction (a test changes the
/// file there).
#[doc(hidden)]
pub fn import_bundle_with_test_hook(
    store: &mut Store,
    path: &Path,
    receipt_dir: Option<&Path>,
    between_passes: impl FnOnce(),
) -> Result<BundleImportReport, SyncError> {
    let local = store.device().local_key()?;
    check_can_import(local.kind)?;
    let receipt_dir = receipt_dir_for(path, receipt_dir)?;
    let refuse = |e: SyncError| bundle_refused(path, e);
    let (src, verified) = open_verified(store, path).map_err(refuse)?;
    between_passes();
    let mut records = verified.reread(src)?;
    let m = &verified.manifest;
    let header = IncomingBundle {
        bundle_id: m.bundle_id.clone(),
        path: path.display().to_string(),
        device_id: m.device_id.clone(),
        officers: m.officers.clone(),
    };
    let outcome = store
        .hq_mut()
        .import_bundle_stream_with(
            &header,
            || records.next_record(),
            |sink| {
                let m = &verified.manifest;
                let with = (&m.attachments[..], verified.opener.as_ref());
                super::sealed_attachments::store_all(path, verified.attachments_at, with, sink)
            },
        )
        .map_err(refuse)?;
    let receipt_id = new_id();
    // one receipt file per bundle: importing it again overwrites it
    let name = receipt_file_name(&m.bundle_id);
    let incomplete = |e: &dyn std::fmt::Display| {
        SyncError::Incomplete(format!(
            "imported {} new records, but the receipt could not be written ({e}); import the bundle again to get a receipt",
            outcome.new_records
        ))
    };
    let content = store
        .hq_mut()
        .issue_receipt(
            &receipt_id,
            &m.device_id,
            m.last_receipt_id.as_deref(),
            &receipt_dir.join(&name).display().to_string(),
        )
        .map_err(|e| incomplete(&e))?;
    let mut receipt = Receipt {
        format: RECEIPT_FORMAT.into(),
        version: RECEIPT_VERSION,
        world: Some(local.world),
        receipt_id: receipt_id.clone(),
        created_at: store.clock().now_rfc3339(),
        hq_device_id: local.device_id.clone(),
        hq_name: local.name.clone(),
        device_id: m.device_id.clone(),
        bundle_id: m.bundle_id.clone(),
        seq_from: outcome.seq_from,
        seq_to: outcome.seq_to,
        new_records: outcome.new_records,
        held_seq: content.held_seq,
        held_hash: content.held_hash,
        reviews: content.reviews,
        rule_pack: None,
        attachments: m.attachments.iter().map(|a| a.sha256.clone()).collect(),
    };
    let bytes = receipt::encode_for(store, &mut receipt, &local, &m.rule_pack_version)
        .map_err(|e| incomplete(&e))?;
    let receipt_path =
        fsio::write_atomic_bytes(&receipt_dir, &name, &bytes).map_err(|e| incomplete(&e))?;
    Ok(BundleImportReport {
        bundle: path.to_path_buf(),
        device_name: m.device_name.clone(),
        outcome,
        receipt_id,
        receipt_path,
        reviews_delivered: receipt.reviews.len(),
    })
}
