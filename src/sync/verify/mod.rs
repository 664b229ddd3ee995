//! Pass 1 of an import: reading and verifying a bundle (format in `bundle.rs`) without
//! writing anything and without holding it in memory. The signed manifest and its
//! signature are read from the end of the file, then the record lines are streamed one at
//! a time. Every refusal names the check that failed and the record (seq and id); the
//! checks and their order are those of reading the whole file at once.

use std::io::{BufRead, Read, Seek, SeekFrom};

use super::SyncError;
use super::bundle::{
    BUNDLE_FORMAT, BUNDLE_VERSION, Header, HeaderLine, HeaderLineV1, HeaderProbe, Manifest,
    ManifestLine, Sig, SigLine, signed_bytes,
};
use super::keys::verify_hex;
use super::scan::{self, rio, seq_and_id};
use super::seal::{Opener, is_sealed_attachment_line, is_sealed_line};
use crate::domain::World;

mod lines;

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
    /// opens the record lines of a sealed bundle (with headquarters' sealing key)
    pub(super) opener: Option<Opener>,
}

fn refused(msg: String) -> SyncError {
    SyncError::Refused(msg)
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
                seal: None,
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

/// The header's world is this database's, and a sealed header says how it is sealed.
fn check_header(header: &Header, world: World) -> Result<(), SyncError> {
    if header.world != world {
        return Err(refused(format!(
            "world: the bundle is of the {} world (device {}) and this database is of the {world} world; live and training never mix",
            header.world, header.device_id
        )));
    }
    if header.sealed != header.seal.is_some() {
        return Err(refused(
            "sealed: the header's `sealed` and `seal` disagree (the bundle was altered)".into(),
        ));
    }
    Ok(())
}

/// The opener of a sealed bundle, once its signature is verified: refuses a bundle sealed
/// to another key, or one sealed where this database has no sealing key.
fn opener_for(
    header: &Header,
    seal_secret: Option<&[u8; 32]>,
) -> Result<Option<Opener>, SyncError> {
    let Some(info) = &header.seal else {
        return Ok(None);
    };
    let Some(secret) = seal_secret else {
        return Err(refused(
            "sealed to another key: the bundle is sealed and this database has no sealing key (only headquarters opens sealed bundles)".into(),
        ));
    };
    Opener::new(secret, info).map(Some).map_err(refused)
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
    verify_with(src, world, trusted_key, max_schema, None)
}

/// [`verify`] with headquarters' X25519 secret, which opens a sealed bundle's lines once
/// its signature and then each line's hash are verified.
pub fn verify_with<R: BufRead + Seek>(
    src: &mut R,
    world: World,
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
    max_schema: i64,
    seal_secret: Option<&[u8; 32]>,
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
        return Err(scan::truncated_inside(src, header.seq_from)?);
    }
    let tail = scan::tail(src, len)?;
    let sig = signature(src, &tail, len, header.seq_from)?;
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
    let opener = opener_for(&header, seal_secret)?;
    check_shape(&manifest, max_schema)?;
    let region = (records_at, tail.before_last);
    let at = lines::check_records(src, region, &manifest, opener.as_ref())?;
    lines::open_about(&mut manifest, opener.as_ref())?;
    let shas = lines::record_shas(&mut manifest)?;
    Ok(VerifiedBundle {
        header,
        manifest,
        records_at,
        shas,
        attachments_at: (at, tail.before_last),
        opener,
    })
}

/// The signature line (the last line), or why it is not one.
fn signature<R: BufRead + Seek>(
    src: &mut R,
    tail: &scan::Tail,
    len: u64,
    seq_from: i64,
) -> Result<Sig, SyncError> {
    let sig_line = scan::read_range(src, tail.last, len - 1)?;
    match serde_json::from_slice::<SigLine>(&sig_line) {
        Ok(s) => Ok(s.signature),
        Err(_) if serde_json::from_slice::<ManifestLine>(&sig_line).is_ok() => Err(refused(
            "unsigned bundle: no signature line after the manifest".into(),
        )),
        Err(_)
            if tail.lines == 1
                || seq_and_id(&sig_line).is_some()
                || is_sealed_line(&sig_line)
                || is_sealed_attachment_line(&sig_line)
                || sig_line.starts_with(b"{\"attachment\":") =>
        {
            let (_, last) = scan::last_record(src, seq_from)?;
            Err(refused(format!(
                "bundle truncated: no manifest and signature after the last record (last complete record: {})",
                last.as_deref().unwrap_or("none")
            )))
        }
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
        // a sealed bundle's device name is sealed: only the id names the device
        let name = match manifest.device_name.as_str() {
            "" => String::new(),
            n => format!(" ('{}')", crate::domain::sanitize(n)),
        };
        return Err(refused(format!(
            "unknown device {dev}{name}: its key is not trusted here; run `minspect device trust KEYFILE` with the device's key file"
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

#[cfg(test)]
pub(super) mod tests;
