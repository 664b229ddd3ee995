//! Receipts: headquarters' signed statement of what it holds for a device, plus review
//! decisions; `minspect sync ack RECEIPT` applies one on the device.
//!
//! Format (version 1), JSON lines:
//! ```text
//! {"receipt":{"format":"minspect-receipt","version":1,"receipt_id":…,"created_at":…,
//!   "hq_device_id":…,"hq_name":…,"device_id":…,"bundle_id":…,"seq_from":…,"seq_to":…,
//!   "new_records":…,"held_seq":…,"held_hash":…,"reviews":[…]}}
//! {"signature":{"alg":"ed25519","signer":<hq device id>,"value":"<hex>"}}
//! ```
//! The signature covers the exact bytes of the first line.

use std::path::Path;

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};

use super::SyncError;
use super::bundle::{Sig, SigLine};
use super::keys::{sign_hex, verify_hex};
use crate::domain::{DbKind, sanitize};
use crate::store::{AckInput, AckOutcome, Review, Store};

pub const RECEIPT_FORMAT: &str = "minspect-receipt";
pub const RECEIPT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub format: String,
    pub version: u32,
    pub receipt_id: String,
    pub created_at: String,
    pub hq_device_id: String,
    pub hq_name: String,
    pub device_id: String,
    pub bundle_id: String,
    /// the range of the imported bundle
    pub seq_from: i64,
    pub seq_to: i64,
    pub new_records: u64,
    /// headquarters holds the device's chain without gaps up to here
    pub held_seq: i64,
    pub held_hash: String,
    pub reviews: Vec<Review>,
}

#[derive(Serialize, Deserialize)]
struct ReceiptLine {
    receipt: Receipt,
}

/// The two signed lines of a receipt file.
pub fn encode(receipt: &Receipt, key: &SigningKey) -> Result<Vec<u8>, SyncError> {
    let unencodable =
        |e: serde_json::Error| SyncError::Refused(format!("encoding the receipt: {e}"));
    let mut line = serde_json::to_vec(&ReceiptLine {
        receipt: receipt.clone(),
    })
    .map_err(unencodable)?;
    let sig = SigLine {
        signature: Sig {
            alg: "ed25519".into(),
            signer: receipt.hq_device_id.clone(),
            value: sign_hex(key, &line),
        },
    };
    line.push(b'\n');
    line.extend(serde_json::to_vec(&sig).map_err(unencodable)?);
    line.push(b'\n');
    Ok(line)
}

fn refused(msg: String) -> SyncError {
    SyncError::Refused(msg)
}

/// Parses a receipt and checks its signature with `trusted_key(hq_device_id)`.
pub fn verify(
    bytes: &[u8],
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
) -> Result<Receipt, SyncError> {
    let mut lines = bytes.split(|b| *b == b'\n');
    let body = lines.next().unwrap_or_default();
    let receipt = serde_json::from_slice::<ReceiptLine>(body)
        .map_err(|_| {
            refused(
                "not a minspect receipt (or it was altered): the first line is unreadable".into(),
            )
        })?
        .receipt;
    if receipt.format != RECEIPT_FORMAT || receipt.version != RECEIPT_VERSION {
        return Err(refused(format!(
            "receipt format: expected {RECEIPT_FORMAT} version {RECEIPT_VERSION}, found {} version {}",
            receipt.format, receipt.version
        )));
    }
    let sig = lines
        .next()
        .and_then(|l| serde_json::from_slice::<SigLine>(l).ok())
        .ok_or_else(|| refused("unsigned receipt: no signature line".into()))?
        .signature;
    let hq = &receipt.hq_device_id;
    if sig.alg != "ed25519" || sig.signer != *hq {
        return Err(refused(format!(
            "receipt signature check failed: signed by '{}', expected headquarters device {hq}",
            sig.signer
        )));
    }
    let Some(pk) = trusted_key(hq)? else {
        return Err(refused(format!(
            "receipt signed by headquarters device {hq} ('{}'), which this device does not trust; run `minspect device trust HQ-KEYFILE`",
            sanitize(&receipt.hq_name)
        )));
    };
    if !verify_hex(&pk, body, &sig.value) {
        return Err(refused(format!(
            "receipt signature check failed: not signed by the trusted key of headquarters device {hq} (wrong key, or the receipt was altered)"
        )));
    }
    Ok(receipt)
}

/// What `sync ack` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AckReport {
    pub receipt: Receipt,
    pub outcome: AckOutcome,
}

/// Refuses databases that never acknowledge receipts (training, headquarters).
pub fn check_can_ack(kind: DbKind) -> Result<(), SyncError> {
    match kind {
        DbKind::Field => Ok(()),
        DbKind::Training => Err(refused(
            "this is a training database: it never syncs with headquarters".into(),
        )),
        DbKind::Hq => Err(refused(
            "this is a headquarters database: receipts are acknowledged on field devices".into(),
        )),
    }
}

/// Applies a receipt on this (field) device.
pub fn ack_receipt(store: &mut Store, path: &Path) -> Result<AckReport, SyncError> {
    let local = store.device().local_key()?;
    check_can_ack(local.kind)?;
    let bytes = std::fs::read(path).map_err(|source| SyncError::Io {
        doing: format!("reading {}", path.display()),
        source,
    })?;
    let receipt = verify(&bytes, |id| {
        Ok(store.device().trusted_device(id)?.map(|d| d.public_key))
    })?;
    if receipt.device_id != local.device_id {
        return Err(refused(format!(
            "wrong device: the receipt is for device {}, not this one ('{}', {}); receipt {}",
            receipt.device_id,
            sanitize(&local.name),
            local.device_id,
            receipt.receipt_id,
        )));
    }
    if let Some(r) = receipt
        .reviews
        .iter()
        .find(|r| r.device_id != local.device_id)
    {
        return Err(refused(format!(
            "receipt {}: review {} is for another device ({})",
            receipt.receipt_id, r.id, r.device_id
        )));
    }
    let outcome = store.hq_mut().apply_receipt(&AckInput {
        receipt_id: receipt.receipt_id.clone(),
        hq_device_id: receipt.hq_device_id.clone(),
        held_seq: receipt.held_seq,
        held_hash: receipt.held_hash.clone(),
        reviews: receipt.reviews.clone(),
        path: path.display().to_string(),
    })?;
    Ok(AckReport { receipt, outcome })
}
