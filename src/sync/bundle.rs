//! The bundle file format (version 1): JSON lines, UTF-8, each line ending in `\n`.
//!
//! ```text
//! {"bundle":{"format":"minspect-bundle","version":1,"bundle_id":…,"device_id":…}}   header
//! {"seq":1,"kind":"inspection","record_id":…,"created_at":…,"prev_hash":…,"hash":…,"payload":{…}}
//! …                                                                                   one line per record, seq order
//! {"manifest":{…,"record_sha256":["<hex sha256 of record line 1>",…]}}              manifest
//! {"signature":{"alg":"ed25519","signer":<device id>,"value":"<hex>"}}              signature
//! ```
//!
//! The signature covers the exact bytes of the manifest line (without its `\n`). The
//! manifest lists the SHA-256 of the exact bytes of every record line, so a changed byte
//! is traced to its record. `payload` is the outbox payload (canonical compact JSON)
//! embedded verbatim, byte for byte as hashed into the device chain:
//! `hash = sha256(prev_hash || "\n" || payload)`; readers take its exact bytes. The manifest comes after
//! the records so that export streams (constant memory); a file cut short has no manifest
//! and no signature and is refused as truncated.

use std::io::Write;

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::SyncError;
use super::keys::sign_hex;
use crate::store::{OfficerRow, OutboxRow};

pub const BUNDLE_FORMAT: &str = "minspect-bundle";
pub const BUNDLE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub bundle_id: String,
    pub device_id: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct HeaderLine {
    pub bundle: Header,
}

/// A record line as read back; `payload` borrows the exact bytes of the line.
#[derive(Debug, Deserialize)]
pub(super) struct RecordLine<'a> {
    pub seq: i64,
    pub kind: String,
    pub record_id: String,
    pub created_at: String,
    pub prev_hash: String,
    pub hash: String,
    #[serde(borrow)]
    pub payload: &'a RawValue,
}

/// The signed manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub bundle_id: String,
    pub created_at: String,
    pub device_id: String,
    pub device_name: String,
    pub schema_version: i64,
    pub rule_pack_version: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub count: u64,
    /// prev_hash of the first record (links the bundle to what came before)
    pub prev_hash: String,
    /// hash of the last record
    pub chain_head: String,
    /// the last receipt the device acknowledged (drives re-delivery of review decisions)
    pub last_receipt_id: Option<String>,
    pub officers: Vec<OfficerRow>,
    pub record_sha256: Vec<String>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ManifestLine {
    pub manifest: Manifest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sig {
    pub alg: String,
    pub signer: String,
    pub value: String,
}

#[derive(Serialize, Deserialize)]
pub(crate) struct SigLine {
    pub signature: Sig,
}

/// Manifest fields the exporter knows before writing.
#[derive(Debug, Clone)]
pub struct ManifestBase {
    pub created_at: String,
    pub device_name: String,
    pub schema_version: i64,
    pub rule_pack_version: String,
    pub last_receipt_id: Option<String>,
    pub officers: Vec<OfficerRow>,
}

fn wio(e: std::io::Error) -> SyncError {
    SyncError::Io {
        doing: "writing the bundle".into(),
        source: e,
    }
}

/// Streams a bundle: header, records, then the signed manifest.
pub struct BundleWriter<W: Write> {
    out: W,
    header: Header,
    line: Vec<u8>,
    shas: Vec<String>,
    first: Option<(i64, String)>,
    last: Option<(i64, String)>,
}

impl<W: Write> BundleWriter<W> {
    pub fn new(mut out: W, header: Header) -> Result<Self, SyncError> {
        serde_json::to_writer(
            &mut out,
            &HeaderLine {
                bundle: header.clone(),
            },
        )
        .map_err(|e| wio(e.into()))?;
        out.write_all(b"\n").map_err(wio)?;
        Ok(Self {
            out,
            header,
            line: Vec::with_capacity(4096),
            shas: Vec::new(),
            first: None,
            last: None,
        })
    }

    pub fn out(&mut self) -> &mut W {
        &mut self.out
    }

    /// Appends the next chain record; refuses a row that does not follow the previous one.
    pub fn record(&mut self, row: &OutboxRow) -> Result<(), SyncError> {
        if let Some((seq, hash)) = &self.last
            && (row.seq != seq + 1 || &row.prev_hash != hash)
        {
            return Err(SyncError::Refused(format!(
                "this device's chain is broken at seq {} (record {}): run `minspect db check`",
                row.seq, row.record_id
            )));
        }
        if row.payload.contains('\n') || !row.payload.starts_with('{') {
            return Err(SyncError::Refused(format!(
                "record seq {} ({}): its payload is not compact JSON; run `minspect db check`",
                row.seq, row.record_id
            )));
        }
        let line = &mut self.line;
        line.clear();
        line.extend_from_slice(b"{\"seq\":");
        line.extend_from_slice(row.seq.to_string().as_bytes());
        for (key, value) in [
            ("kind", &row.kind),
            ("record_id", &row.record_id),
            ("created_at", &row.created_at),
            ("prev_hash", &row.prev_hash),
            ("hash", &row.hash),
        ] {
            line.extend_from_slice(b",\"");
            line.extend_from_slice(key.as_bytes());
            line.extend_from_slice(b"\":");
            serde_json::to_writer(&mut *line, value).map_err(|e| wio(e.into()))?;
        }
        line.extend_from_slice(b",\"payload\":");
        line.extend_from_slice(row.payload.as_bytes());
        line.push(b'}');
        self.shas.push(hex::encode(Sha256::digest(&self.line)));
        self.line.push(b'\n');
        self.out.write_all(&self.line).map_err(wio)?;
        if self.first.is_none() {
            self.first = Some((row.seq, row.prev_hash.clone()));
        }
        self.last = Some((row.seq, row.hash.clone()));
        Ok(())
    }

    /// Writes the manifest and its signature; returns the output and the manifest.
    pub fn finish(
        mut self,
        base: ManifestBase,
        key: &SigningKey,
    ) -> Result<(W, Manifest), SyncError> {
        let (Some((seq_from, prev_hash)), Some((seq_to, chain_head))) = (self.first, self.last)
        else {
            return Err(SyncError::Refused("nothing to export".into()));
        };
        let manifest = Manifest {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            bundle_id: self.header.bundle_id.clone(),
            created_at: base.created_at,
            device_id: self.header.device_id.clone(),
            device_name: base.device_name,
            schema_version: base.schema_version,
            rule_pack_version: base.rule_pack_version,
            seq_from,
            seq_to,
            count: self.shas.len() as u64,
            prev_hash,
            chain_head,
            last_receipt_id: base.last_receipt_id,
            officers: base.officers,
            record_sha256: std::mem::take(&mut self.shas),
        };
        let line = serde_json::to_vec(&ManifestLine { manifest }).map_err(|e| wio(e.into()))?;
        let sig = SigLine {
            signature: Sig {
                alg: "ed25519".into(),
                signer: self.header.device_id.clone(),
                value: sign_hex(key, &line),
            },
        };
        self.out.write_all(&line).map_err(wio)?;
        self.out.write_all(b"\n").map_err(wio)?;
        serde_json::to_writer(&mut self.out, &sig).map_err(|e| wio(e.into()))?;
        self.out.write_all(b"\n").map_err(wio)?;
        let ManifestLine { manifest } = serde_json::from_slice(&line).map_err(|e| wio(e.into()))?;
        Ok((self.out, manifest))
    }
}
