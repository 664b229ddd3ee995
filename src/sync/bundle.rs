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
use super::keys::{sign_hex, verify_hex};
use crate::store::chain::chain_hash;
use crate::store::{IncomingRecord, OfficerRow, OutboxRow};

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
struct HeaderLine {
    bundle: Header,
}

/// A record line as read back; `payload` borrows the exact bytes of the line.
#[derive(Debug, Deserialize)]
struct RecordLine<'a> {
    seq: i64,
    kind: String,
    record_id: String,
    created_at: String,
    prev_hash: String,
    hash: String,
    #[serde(borrow)]
    payload: &'a RawValue,
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
struct ManifestLine {
    manifest: Manifest,
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
        let ManifestLine { manifest } = serde_json::from_slice(&line).expect("just written");
        Ok((self.out, manifest))
    }
}

/// A bundle whose signature, record hashes and internal chain links all check out.
#[derive(Debug, Clone)]
pub struct VerifiedBundle {
    pub manifest: Manifest,
    pub records: Vec<IncomingRecord>,
}

fn refused(msg: String) -> SyncError {
    SyncError::Refused(msg)
}

/// `bytes` equals the lowercase hex text `hex`.
fn hex_eq(bytes: &[u8], hex: &str) -> bool {
    let mut buf = [0u8; 32];
    bytes.len() == 32 && hex::decode_to_slice(hex, &mut buf).is_ok() && buf == bytes[..]
}

/// Best-effort seq and id of a (possibly damaged) record line, for messages.
fn describe(line: &[u8], fallback_seq: i64) -> String {
    match serde_json::from_slice::<RecordLine>(line) {
        Ok(r) => format!("record seq {} (id {})", r.seq, r.record_id),
        Err(_) => format!("record seq {fallback_seq}"),
    }
}

/// Reads the header and the (unverified) manifest: who claims to have signed the bundle.
pub fn peek_device(bytes: &[u8]) -> Result<Header, SyncError> {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let h: HeaderLine = serde_json::from_slice(first).map_err(|_| {
        refused("not a minspect bundle: the first line is not a bundle header".into())
    })?;
    if h.bundle.format != BUNDLE_FORMAT {
        return Err(refused(format!(
            "not a minspect bundle: format is '{}'",
            h.bundle.format
        )));
    }
    if h.bundle.version != BUNDLE_VERSION {
        return Err(refused(format!(
            "bundle format version {} is not supported (this minspect reads version {BUNDLE_VERSION})",
            h.bundle.version
        )));
    }
    Ok(h.bundle)
}

/// Verifies a bundle read from disk. `trusted_key` returns the trusted public key of a
/// device id (None: unknown device). Every refusal names the check and the record.
pub fn verify(
    bytes: &[u8],
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
    max_schema: i64,
) -> Result<VerifiedBundle, SyncError> {
    if bytes.is_empty() {
        return Err(refused("not a minspect bundle: the file is empty".into()));
    }
    let header = peek_device(bytes)?;
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    let complete = bytes.ends_with(b"\n");
    lines.pop(); // the empty tail after the final newline, or the cut-off line
    let last_record = |lines: &[&[u8]]| -> String {
        lines
            .iter()
            .rev()
            .find_map(|l| serde_json::from_slice::<RecordLine>(l).ok())
            .map(|r| format!("seq {} (id {})", r.seq, r.record_id))
            .unwrap_or_else(|| "none".into())
    };
    if !complete {
        return Err(refused(format!(
            "bundle truncated: the file ends inside line {}; no signed manifest follows (last complete record: {})",
            lines.len() + 1,
            last_record(&lines)
        )));
    }
    let n = lines.len();
    let sig_line = lines[n - 1];
    let sig = match serde_json::from_slice::<SigLine>(sig_line) {
        Ok(s) => s.signature,
        Err(_) if serde_json::from_slice::<ManifestLine>(sig_line).is_ok() => {
            return Err(refused(
                "unsigned bundle: no signature line after the manifest".into(),
            ));
        }
        Err(_) if n == 1 || serde_json::from_slice::<RecordLine>(sig_line).is_ok() => {
            return Err(refused(format!(
                "bundle truncated: no manifest and signature after the last record (last complete record: {})",
                last_record(&lines)
            )));
        }
        Err(_) => {
            return Err(refused(
                "signature check failed: the signature line is unreadable (the bundle was altered)"
                    .into(),
            ));
        }
    };
    if n < 3 {
        return Err(refused(
            "bundle damaged: no manifest before the signature".into(),
        ));
    }
    let manifest_line = lines[n - 2];
    let manifest = match serde_json::from_slice::<ManifestLine>(manifest_line) {
        Ok(m) => m.manifest,
        Err(_) => {
            return Err(refused(
                "signature check failed: the manifest line is unreadable (the bundle was altered or a line is missing)"
                    .into(),
            ));
        }
    };
    let dev = &manifest.device_id;
    if header.device_id != *dev || header.bundle_id != manifest.bundle_id {
        return Err(refused(
            "signature check failed: the header does not match the signed manifest (device or bundle id altered)"
                .into(),
        ));
    }
    if sig.alg != "ed25519" || sig.signer != *dev {
        return Err(refused(format!(
            "signature check failed: signature by '{}' ({}), expected an ed25519 signature by device {dev}",
            sig.signer, sig.alg
        )));
    }
    let Some(public_key) = trusted_key(dev)? else {
        return Err(refused(format!(
            "unknown device {dev} ('{}'): its key is not trusted here; run `minspect device trust KEYFILE` with the device's key file",
            crate::domain::sanitize(&manifest.device_name)
        )));
    };
    if !verify_hex(&public_key, manifest_line, &sig.value) {
        return Err(refused(format!(
            "signature check failed: the manifest is not signed by the trusted key of device {dev} (wrong key, or the manifest was altered)"
        )));
    }
    if manifest.schema_version > max_schema {
        return Err(refused(format!(
            "schema version: the bundle was written with schema {}, newer than this minspect ({max_schema}); upgrade headquarters first",
            manifest.schema_version
        )));
    }
    let (from, to, count) = (manifest.seq_from, manifest.seq_to, manifest.count);
    if from < 1
        || to < from
        || count != (to - from + 1) as u64
        || manifest.record_sha256.len() as u64 != count
    {
        return Err(refused(format!(
            "manifest inconsistent: seq {from}..{to} with {count} records and {} hashes",
            manifest.record_sha256.len()
        )));
    }
    let record_lines = &lines[1..n - 2];
    if record_lines.len() as u64 != count {
        if (record_lines.len() as u64) < count {
            let held: std::collections::HashSet<i64> = record_lines
                .iter()
                .filter_map(|l| serde_json::from_slice::<RecordLine>(l).ok().map(|r| r.seq))
                .collect();
            let missing = (from..=to).find(|s| !held.contains(s)).unwrap_or(to);
            return Err(refused(format!(
                "record missing: the manifest lists {count} records (seq {from}..{to}) but the bundle holds {}; record seq {missing} is missing",
                record_lines.len()
            )));
        }
        return Err(refused(format!(
            "extra record: the bundle holds {} record lines but the manifest lists {count} (seq {from}..{to})",
            record_lines.len()
        )));
    }
    let mut records = Vec::with_capacity(record_lines.len());
    let mut prev = manifest.prev_hash.clone();
    for (i, line) in record_lines.iter().enumerate() {
        let expect_seq = from + i as i64;
        if !hex_eq(&Sha256::digest(line), &manifest.record_sha256[i]) {
            return Err(refused(format!(
                "{}: SHA-256 does not match the signed manifest (the record was altered)",
                describe(line, expect_seq)
            )));
        }
        let r: RecordLine = serde_json::from_slice(line).map_err(|e| {
            refused(format!(
                "record seq {expect_seq}: unreadable record line: {e}"
            ))
        })?;
        let at = format!("record seq {} (id {})", r.seq, r.record_id);
        if r.seq != expect_seq {
            return Err(refused(format!(
                "sequence broken: {at} is at the place of seq {expect_seq}"
            )));
        }
        if r.prev_hash != prev {
            return Err(refused(format!(
                "chain link broken: {at} does not point at the hash of the record before it"
            )));
        }
        let payload = r.payload.get();
        if chain_hash(&r.prev_hash, payload) != r.hash {
            return Err(refused(format!(
                "record hash wrong: {at}: the hash does not match its payload"
            )));
        }
        prev = r.hash.clone();
        records.push(IncomingRecord {
            seq: r.seq,
            kind: r.kind,
            record_id: r.record_id,
            created_at: r.created_at,
            prev_hash: r.prev_hash,
            hash: r.hash,
            payload: payload.to_string(),
        });
    }
    if prev != manifest.chain_head {
        return Err(refused(format!(
            "chain head wrong: the last record seq {to} does not end at the manifest's chain head"
        )));
    }
    Ok(VerifiedBundle { manifest, records })
}
