//! Receipts: headquarters' signed statement of what it holds for a device, plus review
//! decisions; `minspect sync ack RECEIPT` applies one on the device.
//!
//! Format (version 2), JSON lines:
//! ```text
//! {"receipt":{"format":"minspect-receipt","version":2,"world":"live","receipt_id":…,"created_at":…,
//!   "hq_device_id":…,"hq_name":…,"device_id":…,"bundle_id":…,"seq_from":…,"seq_to":…,
//!   "new_records":…,"held_seq":…,"held_hash":…,"reviews":[…]}}
//! {"signature":{"alg":"ed25519","signer":<hq device id>,"value":"<hex>"}}
//! ```
//! The signature covers the exact bytes of the first line. `world` is the world of the
//! headquarters that wrote it (live or training); a device acknowledges only a receipt
//! of its own world. Version 1 had no `world` and is read as the live world.
//!
//! A receipt may carry a published rule pack: then the first line names it
//! (`"rule_pack":{"pack_version":…,"sha256":<hex of the pack file>,"size":…}`) and the pack
//! file's exact bytes follow the signature line (`pack_file.rs`); `sync ack` verifies the
//! pack and installs it with the acknowledgement, in one transaction.

use std::path::Path;

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use sha2::Digest;

use super::SyncError;
use super::bundle::{Sig, SigLine};
use super::keys::{sign_hex, verify_hex};
use crate::domain::{DbKind, World, sanitize};
use crate::store::{AckInput, AckOutcome, Review, Store};

pub const RECEIPT_FORMAT: &str = "minspect-receipt";
pub const RECEIPT_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub format: String,
    pub version: u32,
    /// live or training (version 2); absent in version 1, which is live
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub world: Option<World>,
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
    /// the published rule pack whose file follows the signature line
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_pack: Option<CarriedPack>,
    /// the SHA-256 of every attachment the bundle carried, verified and stored here
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
}

/// The pack file a receipt carries, named in its signed first line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedPack {
    pub pack_version: String,
    pub sha256: String,
    pub size: u64,
}

impl CarriedPack {
    /// The entry for a pack file (its version read from the file's header).
    pub fn of(file: &[u8], pack_version: &str) -> Self {
        CarriedPack {
            pack_version: pack_version.to_string(),
            sha256: hex::encode(sha2::Sha256::digest(file)),
            size: file.len() as u64,
        }
    }
}

/// The signed lines of a receipt followed by the pack file it names.
pub fn encode_with_pack(
    receipt: &Receipt,
    key: &SigningKey,
    pack_file: Option<&[u8]>,
) -> Result<Vec<u8>, SyncError> {
    let mut out = encode(receipt, key)?;
    if let Some(f) = pack_file {
        out.extend_from_slice(f);
    }
    Ok(out)
}

/// The receipt file headquarters writes: the receipt, carrying the newest published pack
/// when the laptop's pack (`laptop_pack`, from its bundle's manifest) is older or unknown.
pub fn encode_for(
    store: &Store,
    receipt: &mut Receipt,
    hq: &crate::store::LocalKey,
    laptop_pack: &str,
) -> Result<Vec<u8>, SyncError> {
    let pack = super::pack_file::for_receipt(store, laptop_pack)?;
    receipt.rule_pack = pack.as_ref().map(|p| CarriedPack::of(&p.file, &p.version));
    let key = super::keys::signing_key(hq);
    encode_with_pack(receipt, &key, pack.as_ref().map(|p| p.file.as_slice()))
}

/// The pack file bytes after the signature line, checked against the receipt's entry.
pub fn carried_pack<'a>(receipt: &Receipt, bytes: &'a [u8]) -> Result<Option<&'a [u8]>, SyncError> {
    let Some(entry) = &receipt.rule_pack else {
        return Ok(None);
    };
    let rest = bytes.splitn(3, |b| *b == b'\n').nth(2).unwrap_or_default();
    if rest.len() as u64 != entry.size || hex::encode(sha2::Sha256::digest(rest)) != entry.sha256 {
        return Err(refused(format!(
            "receipt {}: the rule pack {} it names is missing or altered (sha256 differs)",
            receipt.receipt_id,
            sanitize(&entry.pack_version)
        )));
    }
    Ok(Some(rest))
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

impl Receipt {
    /// The world of the headquarters that wrote it (version 1: live).
    pub fn world(&self) -> World {
        self.world.unwrap_or_default()
    }
}

/// The receipt names its world as its version says, and it is `world`.
fn check_world(receipt: &Receipt, world: World) -> Result<(), SyncError> {
    match (receipt.version, receipt.world) {
        (1, Some(_)) => Err(refused(
            "receipt format: a version-1 receipt has no world (version 2 names it)".into(),
        )),
        (RECEIPT_VERSION, None) => Err(refused(
            "receipt format: world missing (a version-2 receipt names live or training)".into(),
        )),
        _ if receipt.world() != world => Err(refused(format!(
            "world: the receipt is from a {} headquarters ('{}') and this device is of the {world} world; live and training never mix",
            receipt.world(),
            sanitize(&receipt.hq_name)
        ))),
        _ => Ok(()),
    }
}

/// Parses a receipt for a device of `world` and checks its signature with
/// `trusted_key(hq_device_id)`.
pub fn verify(
    bytes: &[u8],
    world: World,
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
    if receipt.format != RECEIPT_FORMAT || !(1..=RECEIPT_VERSION).contains(&receipt.version) {
        return Err(refused(format!(
            "receipt format: expected {RECEIPT_FORMAT} version 1 or {RECEIPT_VERSION}, found {} version {}",
            receipt.format, receipt.version
        )));
    }
    check_world(&receipt, world)?;
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

/// Refuses databases that never acknowledge receipts (headquarters). A training laptop
/// acknowledges the receipts of a training headquarters.
pub fn check_can_ack(kind: DbKind) -> Result<(), SyncError> {
    match kind {
        DbKind::Field | DbKind::Training => Ok(()),
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
    let receipt = verify(&bytes, local.world, |id| {
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
    let pack = match carried_pack(&receipt, &bytes)? {
        Some(file) => {
            let source = format!("receipt {}: rule pack", receipt.receipt_id);
            let v = super::pack_file::verify(file, &source, local.world, |id| {
                Ok(store.device().trusted_device(id)?.map(|d| d.public_key))
            })?;
            Some(v.install(&path.display().to_string(), true))
        }
        None => None,
    };
    let outcome = store.hq_mut().apply_receipt(&AckInput {
        receipt_id: receipt.receipt_id.clone(),
        hq_device_id: receipt.hq_device_id.clone(),
        held_seq: receipt.held_seq,
        held_hash: receipt.held_hash.clone(),
        reviews: receipt.reviews.clone(),
        path: path.display().to_string(),
        pack,
    })?;
    Ok(AckReport { receipt, outcome })
}
