//! Pass 1 of an import: reading and verifying a bundle (format in `bundle.rs`) without
//! writing anything and without holding it in memory. The signed manifest and its
//! signature are read from the end of the file, then the record lines are streamed one at
//! a time. Every refusal names the check that failed and the record (seq and id); the
//! checks and their order are those of reading the whole file at once.

use std::io::{BufRead, Read, Seek, SeekFrom};

use sha2::{Digest, Sha256};

use super::SyncError;
use super::bundle::{
    BUNDLE_FORMAT, BUNDLE_VERSION, Header, HeaderLine, HeaderLineV1, HeaderProbe, Manifest,
    ManifestLine, RecordLine, Sig, SigLine, signed_bytes,
};
use super::keys::verify_hex;
use super::scan::{self, next_line, rio, seq_and_id};
use crate::domain::World;
use crate::store::chain::chain_hash;

/// The longest first line read as a bundle header.
const MAX_HEADER: u64 = 64 * 1024;

/// A bundle whose signature, record hashes and internal chain links all check out. It
/// holds no records: pass 2 (`records.rs`) reads them again from the same file, each line
/// checked against `shas`.
#[derive(Debug, Clone)]
pub struct VerifiedBundle {
    /// the header (a version-1 header as world live, seq 0..0)
    pub header: Header,
    /// the signed manifest; its `record_sha256` list is moved into `shas` (decoded)
    pub manifest: Manifest,
    /// byte offset of the first record line
    pub(super) records_at: u64,
    /// SHA-256 of every record line, in seq order, from the verified manifest
    pub(super) shas: Vec<[u8; 32]>,
    /// byte offsets of the attachment lines: from the first one to the manifest line
    pub(super) attachments_at: (u64, u64),
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
pub(super) fn describe(line: &[u8], fallback_seq: i64) -> String {
    match seq_and_id(line) {
        Some(at) => format!("record {at}"),
        None => format!("record seq {fallback_seq}"),
    }
}

/// Reads the (unverified) header line: who claims to have written the bundle, in which
/// world. A version-1 header is of the live world and names no sequence range (0..0).
pub fn peek_device(bytes: &[u8]) -> Result<Header, SyncError> {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let not_header =
        || refused("not a minspect bundle: the first line is not a bundle header".into());
    let probe: HeaderProbe = serde_json::from_slice(first).map_err(|_| not_header())?;
    if probe.bundle.format != BUNDLE_FORMAT {
        return Err(refused(format!(
            "not a minspect bundle: format is '{}'",
            probe.bundle.format
        )));
    }
    match probe.bundle.version {
        1 => {
            let h: HeaderLineV1 = serde_json::from_slice(first).map_err(|_| not_header())?;
            Ok(Header {
                format: h.bundle.format,
                version: 1,
                world: World::Live,
                bundle_id: h.bundle.bundle_id,
                device_id: h.bundle.device_id,
                seq_from: 0,
                seq_to: 0,
                sealed: false,
            })
        }
        BUNDLE_VERSION => serde_json::from_slice::<HeaderLine>(first)
            .map(|h| h.bundle)
            .map_err(|e| {
                refused(format!(
                    "signature check failed: the header line is not a version-{BUNDLE_VERSION} bundle header ({e}); the bundle was altered"
                ))
            }),
        v => Err(refused(format!(
            "bundle format version {v} is not supported (this minspect reads versions 1 and {BUNDLE_VERSION})"
        ))),
    }
}

/// The header's world is this database's, and its payload is not sealed.
fn check_header(header: &Header, world: World) -> Result<(), SyncError> {
    if header.world != world {
        return Err(refused(format!(
            "world: the bundle is of the {} world (device {}) and this database is of the {world} world; live and training never mix",
            header.world, header.device_id
        )));
    }
    if header.sealed {
        return Err(refused(
            "sealed: the bundle's records are sealed, which this minspect cannot read yet".into(),
        ));
    }
    Ok(())
}

/// Verifies a bundle read from `src` (pass 1: nothing is written, one line is held at a
/// time besides the header and the manifest) for a database of `world`. `trusted_key`
/// returns the trusted public key of a device id (None: unknown device). Every refusal
/// names the check and the record.
pub fn verify<R: BufRead + Seek>(
    src: &mut R,
    world: World,
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
    max_schema: i64,
) -> Result<VerifiedBundle, SyncError> {
    let len = src.seek(SeekFrom::End(0)).map_err(rio)?;
    if len == 0 {
        return Err(refused("not a minspect bundle: the file is empty".into()));
    }
    src.seek(SeekFrom::Start(0)).map_err(rio)?;
    let mut first = Vec::new();
    (&mut *src)
        .take(MAX_HEADER)
        .read_until(b'\n', &mut first)
        .map_err(rio)?;
    let header = peek_device(&first)?;
    check_header(&header, world)?;
    let records_at = first.len() as u64;
    if first.last() == Some(&b'\n') {
        first.pop();
    }
    if !scan::ends_in_newline(src, len)? {
        return Err(scan::truncated_inside(src)?);
    }
    let tail = scan::tail(src, len)?;
    let sig = signature(src, &tail, len)?;
    if tail.lines < 3 {
        return Err(refused(
            "bundle damaged: no manifest before the signature".into(),
        ));
    }
    let (mut manifest, manifest_line) = signed_manifest(src, &tail)?;
    let signed = Signed {
        header: &header,
        header_line: &first,
        manifest: &manifest,
        manifest_line: &manifest_line,
    };
    check_signer(&signed, &sig, trusted_key)?;
    drop(manifest_line);
    drop(first);
    check_shape(&manifest, max_schema)?;
    let at = check_records(src, records_at, &tail, &manifest)?;
    let shas = record_shas(&mut manifest)?;
    Ok(VerifiedBundle {
        header,
        manifest,
        records_at,
        shas,
        attachments_at: (at, tail.before_last),
    })
}

/// The signature line (the last line), or why it is not one.
fn signature<R: BufRead + Seek>(
    src: &mut R,
    tail: &scan::Tail,
    len: u64,
) -> Result<Sig, SyncError> {
    let sig_line = scan::read_range(src, tail.last, len - 1)?;
    match serde_json::from_slice::<SigLine>(&sig_line) {
        Ok(s) => Ok(s.signature),
        Err(_) if serde_json::from_slice::<ManifestLine>(&sig_line).is_ok() => Err(refused(
            "unsigned bundle: no signature line after the manifest".into(),
        )),
        Err(_) if tail.lines == 1 || seq_and_id(&sig_line).is_some() => Err(refused(format!(
            "bundle truncated: no manifest and signature after the last record (last complete record: {})",
            seq_and_id(&sig_line).as_deref().unwrap_or("none")
        ))),
        Err(_) => Err(refused(
            "signature check failed: the signature line is unreadable (the bundle was altered)"
                .into(),
        )),
    }
}

/// The manifest line (before the signature) and its text, as signed.
fn signed_manifest<R: BufRead + Seek>(
    src: &mut R,
    tail: &scan::Tail,
) -> Result<(Manifest, Vec<u8>), SyncError> {
    let manifest_line = scan::read_range(src, tail.before_last, tail.last - 1)?;
    let manifest = match serde_json::from_slice::<ManifestLine>(&manifest_line) {
        Ok(m) => m.manifest,
        Err(_) => {
            return Err(refused(
                "signature check failed: the manifest line is unreadable (the bundle was altered or a line is missing)"
                    .into(),
            ));
        }
    };
    Ok((manifest, manifest_line))
}

/// The header and the manifest as read, with their exact bytes.
struct Signed<'a> {
    header: &'a Header,
    header_line: &'a [u8],
    manifest: &'a Manifest,
    manifest_line: &'a [u8],
}

/// The header agrees with the manifest, which (version 2: with the header) the trusted key
/// of its device signed.
fn check_signer(
    s: &Signed<'_>,
    sig: &Sig,
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
) -> Result<(), SyncError> {
    let (header, manifest) = (s.header, s.manifest);
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
    let ok = if header.version == 1 {
        verify_hex(&public_key, s.manifest_line, &sig.value)
    } else {
        verify_hex(
            &public_key,
            &signed_bytes(s.header_line, s.manifest_line),
            &sig.value,
        )
    };
    if !ok {
        return Err(refused(format!(
            "signature check failed: the header and manifest are not signed by the trusted key of device {dev} (wrong key, or the header or manifest was altered)"
        )));
    }
    if header.version != 1
        && (manifest.version != header.version
            || (header.seq_from, header.seq_to) != (manifest.seq_from, manifest.seq_to))
    {
        return Err(refused(format!(
            "manifest inconsistent: the header names version {} seq {}..{}, the signed manifest version {} seq {}..{}",
            header.version,
            header.seq_from,
            header.seq_to,
            manifest.version,
            manifest.seq_from,
            manifest.seq_to
        )));
    }
    Ok(())
}

/// The manifest's schema is readable here and its counts agree.
fn check_shape(manifest: &Manifest, max_schema: i64) -> Result<(), SyncError> {
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
    Ok(())
}

/// Every line between the header and the manifest, checked in order; returns where the
/// attachment lines (`attachments.rs`) start.
fn check_records<R: BufRead + Seek>(
    src: &mut R,
    records_at: u64,
    tail: &scan::Tail,
    manifest: &Manifest,
) -> Result<u64, SyncError> {
    let (from, to, count) = (manifest.seq_from, manifest.seq_to, manifest.count);
    // the record lines lie between the header and the manifest; the first problem found
    // is reported once the count is known to be right (as when reading the whole file)
    let region = tail.before_last.saturating_sub(records_at);
    src.seek(SeekFrom::Start(records_at)).map_err(rio)?;
    let mut lines = (&mut *src).take(region);
    let (mut held, mut problem, mut offset) = (0u64, None, records_at);
    let mut prev = manifest.prev_hash.clone();
    let mut line = Vec::with_capacity(8192);
    let mut attachments = super::attachments::Lines::checking(&manifest.attachments)?;
    while next_line(&mut lines, &mut line)?.is_some() {
        offset += line.len() as u64 + 1;
        if attachments.took(&line, offset, &mut problem) {
            continue;
        }
        if problem.is_none() && held < count {
            let i = held as usize;
            match check_record(&line, from + i as i64, &manifest.record_sha256[i], &prev) {
                Ok(hash) => prev = hash,
                Err(msg) => problem = Some(msg),
            }
        }
        held += 1;
    }
    if held != count {
        if held < count {
            let missing = scan::first_missing_seq(src, records_at, region, (from, to))?;
            return Err(refused(format!(
                "record missing: the manifest lists {count} records (seq {from}..{to}) but the bundle holds {held}; record seq {missing} is missing"
            )));
        }
        return Err(refused(format!(
            "extra record: the bundle holds {held} record lines but the manifest lists {count} (seq {from}..{to})"
        )));
    }
    if let Some(msg) = problem.or_else(|| attachments.finish().err()) {
        return Err(refused(msg));
    }
    if prev != manifest.chain_head {
        return Err(refused(format!(
            "chain head wrong: the last record seq {to} does not end at the manifest's chain head"
        )));
    }
    Ok(attachments.started_at().unwrap_or(offset))
}

/// The manifest's record hashes as bytes (taken out of the manifest).
fn record_shas(manifest: &mut Manifest) -> Result<Vec<[u8; 32]>, SyncError> {
    std::mem::take(&mut manifest.record_sha256)
        .iter()
        .map(|h| {
            let mut b = [0u8; 32];
            hex::decode_to_slice(h, &mut b)
                .map(|()| b)
                .map_err(|e| refused(format!("record_sha256: {h}: {e}")))
        })
        .collect()
}

/// The checks of one record line: its SHA-256 against the manifest, then its seq, its
/// link to the record before it (`prev`) and its own hash. Returns its hash.
fn check_record(line: &[u8], expect_seq: i64, sha: &str, prev: &str) -> Result<String, String> {
    if !hex_eq(&Sha256::digest(line), sha) {
        return Err(format!(
            "{}: SHA-256 does not match the signed manifest (the record was altered)",
            describe(line, expect_seq)
        ));
    }
    let r: RecordLine = serde_json::from_slice(line)
        .map_err(|e| format!("record seq {expect_seq}: unreadable record line: {e}"))?;
    let at = format!("record seq {} (id {})", r.seq, r.record_id);
    if r.seq != expect_seq {
        return Err(format!(
            "sequence broken: {at} is at the place of seq {expect_seq}"
        ));
    }
    if r.prev_hash != prev {
        return Err(format!(
            "chain link broken: {at} does not point at the hash of the record before it"
        ));
    }
    if chain_hash(&r.prev_hash, r.payload.get()) != r.hash {
        return Err(format!(
            "record hash wrong: {at}: the hash does not match its payload"
        ));
    }
    Ok(r.hash)
}

#[cfg(test)]
pub(super) mod tests;
