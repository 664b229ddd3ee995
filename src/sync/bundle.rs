//! The bundle file format: JSON lines, UTF-8, each line ending in `\n`. Version 2:
//!
//! ```text
//! {"bundle":{"format":"minspect-bundle","version":2,"world":"live","bundle_id":…,"device_id":…,"seq_from":1,"seq_to":3,"sealed":false}}   header
//! {"seq":1,"kind":"inspection","record_id":…,"created_at":…,"prev_hash":…,"hash":…,"payload":{…}}
//! …                                                                                   one line per record, seq order
//! {"manifest":{…,"record_sha256":["<hex sha256 of record line 1>",…]}}              manifest
//! {"signature":{"alg":"ed25519","signer":<device id>,"value":"<hex>"}}              signature
//! ```
//!
//! The signature covers the exact bytes of the header line, a `\n`, and the exact bytes of
//! the manifest line (neither with its own `\n`): an extra key, a changed value or a space
//! in the header fails verification. The header names the world (`live` or `training`),
//! the device, the sequence range (equal to the manifest's) and whether the payload is
//! sealed. A sealed header ends `"sealed":true,"seal":{"alg":…,"recipient":…,"ephemeral":…}`
//! and each record line is replaced by its sealed form (`seal.rs`), which the manifest's
//! hashes and so the signature cover: a sealed bundle is verified before it is opened.
//! The manifest lists the SHA-256 of the exact bytes of every record line, so a changed byte
//! is traced to its record. `payload` is the outbox payload (canonical compact JSON)
//! embedded verbatim, byte for byte as hashed into the device chain:
//! `hash = sha256(prev_hash || "\n" || payload)`; readers take its exact bytes. The manifest comes after
//! the records so that export streams (constant memory); a file cut short has no manifest
//! and no signature and is refused as truncated.
//!
//! Version 1 (still imported, as the live world): the header was
//! `{"bundle":{"format":"minspect-bundle","version":1,"bundle_id":…,"device_id":…}}` and the
//! signature covered the manifest line only.

use std::io::Write;

use ed25519_dalek::SigningKey;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::SyncError;
use super::keys::sign_hex;
use super::seal::{SealInfo, Sealer};
use crate::domain::World;
use crate::store::{OfficerRow, OutboxRow};

pub const BUNDLE_FORMAT: &str = "minspect-bundle";
pub const BUNDLE_VERSION: u32 = 2;

/// The header line's fields (version 2; a version-1 header is read into it as world live,
/// with the sequence range 0..0 as it names none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub format: String,
    pub version: u32,
    pub world: World,
    pub bundle_id: String,
    pub device_id: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub sealed: bool,
    /// how the lines are sealed (a sealed header only)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<SealInfo>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HeaderLine {
    pub bundle: Header,
}

/// A version-1 header line.
#[derive(Deserialize)]
pub(super) struct HeaderLineV1 {
    pub bundle: HeaderV1,
}

#[derive(Deserialize)]
pub(super) struct HeaderV1 {
    pub format: String,
    pub bundle_id: String,
    pub device_id: String,
}

/// Just the format and version of a header line, to pick its reader.
#[derive(Deserialize)]
pub(super) struct HeaderProbe {
    pub bundle: Probe,
}

#[derive(Deserialize)]
pub(super) struct Probe {
    pub format: String,
    pub version: u32,
}

/// The bytes a version-2 signature covers: the header line, `\n`, the manifest line.
pub(super) fn signed_bytes(header_line: &[u8], manifest_line: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(header_line.len() + 1 + manifest_line.len());
    v.extend_from_slice(header_line);
    v.push(b'\n');
    v.extend_from_slice(manifest_line);
    v
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
    /// the files the attachment lines carry, in their order (absent: none)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<ManifestAttachment>,
    /// a sealed bundle: `device_name` and `officers` sealed to headquarters (`seal.rs`),
    /// and empty in clear
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed_about: Option<String>,
}

/// The manifest's words about people, sealed in a sealed bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct About {
    pub device_name: String,
    pub officers: Vec<OfficerRow>,
}

impl About {
    /// Seals `device_name` and `officers` of a manifest into its `sealed_about`.
    fn seal_into(m: &mut Manifest, sealer: &Sealer) -> Result<(), SyncError> {
        let about = About {
            device_name: std::mem::take(&mut m.device_name),
            officers: std::mem::take(&mut m.officers),
        };
        let plain = serde_json::to_vec(&about).map_err(|e| wio(e.into()))?;
        m.sealed_about = Some(sealer.seal_field(0, &plain)?);
        Ok(())
    }
}

/// One file the attachment lines carry (`attachments.rs`): its SHA-256 and size, the
/// number of its lines, and the first record of the bundle that attaches it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestAttachment {
    pub sha256: String,
    pub size: u64,
    pub parts: u64,
    pub record_id: String,
    /// a sealed bundle: the SHA-256 of each of its sealed lines, in order (verified
    /// before a line is opened; `sealed_attachments.rs`)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sealed_sha256: Vec<String>,
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
    /// the header line's bytes as written (without `\n`), signed with the manifest
    header_line: Vec<u8>,
    line: Vec<u8>,
    /// seals every record line (a sealed bundle), into `sealed`
    sealer: Option<Sealer>,
    sealed: Vec<u8>,
    shas: Vec<String>,
    first: Option<(i64, String)>,
    last: Option<(i64, String)>,
    /// the attachment lines written (`attachments.rs`), listed in the manifest
    pub(super) attachments: Vec<ManifestAttachment>,
}

impl<W: Write> BundleWriter<W> {
    /// Writes the header line; the records must then be `header.seq_from..=seq_to`.
    pub fn new(out: W, header: Header) -> Result<Self, SyncError> {
        Self::start(out, header, None)
    }

    /// A sealed bundle: `header.seal` names the key `sealer` seals every record line to.
    pub fn sealed(
        out: W,
        mut header: Header,
        sealer: (Sealer, SealInfo),
    ) -> Result<Self, SyncError> {
        header.sealed = true;
        header.seal = Some(sealer.1);
        Self::start(out, header, Some(sealer.0))
    }

    fn start(mut out: W, header: Header, sealer: Option<Sealer>) -> Result<Self, SyncError> {
        let header_line = serde_json::to_vec(&HeaderLine {
            bundle: header.clone(),
        })
        .map_err(|e| wio(e.into()))?;
        out.write_all(&header_line).map_err(wio)?;
        out.write_all(b"\n").map_err(wio)?;
        Ok(Self {
            out,
            header,
            header_line,
            line: Vec::with_capacity(4096),
            sealer,
            sealed: Vec::new(),
            shas: Vec::new(),
            first: None,
            last: None,
            attachments: Vec::new(),
        })
    }

    pub fn out(&mut self) -> &mut W {
        &mut self.out
    }

    /// The output and, for a sealed bundle, the sealer (which seals the attachment lines).
    pub(super) fn out_and_sealer(&mut self) -> (&mut W, Option<&mut Sealer>) {
        (&mut self.out, self.sealer.as_mut())
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
        let out_line = match &mut self.sealer {
            Some(sealer) => {
                self.sealed.clear();
                sealer.seal_line(&self.line, &mut self.sealed)?;
                &mut self.sealed
            }
            None => &mut self.line,
        };
        self.shas.push(hex::encode(Sha256::digest(&*out_line)));
        out_line.push(b'\n');
        self.out.write_all(out_line).map_err(wio)?;
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
        if (seq_from, seq_to) != (self.header.seq_from, self.header.seq_to) {
            return Err(SyncError::Refused(format!(
                "the bundle's records are seq {seq_from}..{seq_to}, not the header's {}..{}",
                self.header.seq_from, self.header.seq_to
            )));
        }
        let mut manifest = Manifest {
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
            attachments: std::mem::take(&mut self.attachments),
            sealed_about: None,
        };
        if let Some(sealer) = &self.sealer {
            About::seal_into(&mut manifest, sealer)?;
        }
        let line = serde_json::to_vec(&ManifestLine { manifest }).map_err(|e| wio(e.into()))?;
        let sig = SigLine {
            signature: Sig {
                alg: "ed25519".into(),
                signer: self.header.device_id.clone(),
                value: sign_hex(key, &signed_bytes(&self.header_line, &line)),
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
