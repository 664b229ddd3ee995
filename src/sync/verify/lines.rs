//! Pass 1's check of the record lines: each line's SHA-256 against the signed manifest,
//! then (a sealed bundle: only once that hash matched, so nothing unsigned is ever
//! decrypted) its plain record: seq, link to the record before it, own hash.

use std::io::{BufRead, Read, Seek, SeekFrom};

use sha2::{Digest, Sha256};

use super::super::SyncError;
use super::super::bundle::{About, Manifest, RecordLine};
use super::super::scan::{self, next_line, rio};
use super::super::seal::Opener;
use super::{describe, refused};
use crate::store::chain::chain_hash;

/// `bytes` equals the lowercase hex text `hex`.
fn hex_eq(bytes: &[u8], hex: &str) -> bool {
    let mut buf = [0u8; 32];
    bytes.len() == 32 && hex::decode_to_slice(hex, &mut buf).is_ok() && buf == bytes[..]
}

/// Every line between the header and the manifest, checked in order; returns where the
/// attachment lines (`attachments.rs`) start.
pub(super) fn check_records<R: BufRead + Seek>(
    src: &mut R,
    (records_at, manifest_at): (u64, u64),
    manifest: &Manifest,
    opener: Option<&Opener>,
) -> Result<u64, SyncError> {
    let (from, to, count) = (manifest.seq_from, manifest.seq_to, manifest.count);
    // the record lines lie between the header and the manifest; the first problem found
    // is reported once the count is known to be right (as when reading the whole file)
    let region = manifest_at.saturating_sub(records_at);
    src.seek(SeekFrom::Start(records_at)).map_err(rio)?;
    let mut lines = (&mut *src).take(region);
    let (mut held, mut problem, mut bad_at) = (0u64, None, None);
    let mut prev = manifest.prev_hash.clone();
    let mut line = Vec::with_capacity(8192);
    let mut attachments =
        super::super::sealed_attachments::Region::checking(&manifest.attachments, opener)?;
    let mut offset = records_at;
    while next_line(&mut lines, &mut line)?.is_some() {
        offset += line.len() as u64 + 1;
        if attachments.took(&line, offset, &mut problem) {
            continue;
        }
        if problem.is_none() && held < count {
            let i = held as usize;
            let at = (from + i as i64, i as u64);
            match check_record(&line, at, &manifest.record_sha256[i], &prev, opener) {
                Ok(hash) => prev = hash,
                Err(msg) => (problem, bad_at) = (Some(msg), Some(at.0)),
            }
        }
        held += 1;
    }
    if held != count {
        if held < count {
            let missing = match opener {
                // sealed lines cannot be read before their hash matched: the first line
                // out of place is where one is missing
                Some(_) => bad_at.unwrap_or(from + held as i64),
                None => scan::first_missing_seq(src, records_at, region, (from, to))?,
            };
            return Err(refused(format!(
                "record missing: the manifest lists {count} records (seq {from}..{to}) but the bundle holds {held}; record seq {missing} is missing"
            )));
        }
        return Err(refused(format!(
            "extra record: the bundle holds {held} record lines but the manifest lists {count} (seq {from}..{to})"
        )));
    }
    if let Some(msg) = problem {
        return Err(refused(msg));
    }
    let started = attachments.started_at();
    attachments.finish()?;
    if prev != manifest.chain_head {
        return Err(refused(format!(
            "chain head wrong: the last record seq {to} does not end at the manifest's chain head"
        )));
    }
    Ok(started.unwrap_or(offset))
}

/// The manifest's record hashes as bytes (taken out of the manifest).
pub(super) fn record_shas(manifest: &mut Manifest) -> Result<Vec<[u8; 32]>, SyncError> {
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

/// The checks of one record line at (`expect_seq`, its place among the record lines):
/// its SHA-256 against the manifest, then (opened, when sealed) its seq, its link to the
/// record before it (`prev`) and its own hash. Returns its hash.
fn check_record(
    line: &[u8],
    (expect_seq, index): (i64, u64),
    sha: &str,
    prev: &str,
    opener: Option<&Opener>,
) -> Result<String, String> {
    if !hex_eq(&Sha256::digest(line), sha) {
        return Err(format!(
            "{}: SHA-256 does not match the signed manifest (the record was altered)",
            describe(line, expect_seq)
        ));
    }
    let opened;
    let line = match opener {
        Some(o) => {
            opened = o
                .open_line(index, line)
                .map_err(|m| format!("record seq {expect_seq}: {m}"))?;
            &opened[..]
        }
        None => line,
    };
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

/// A sealed bundle's device name and officers, opened into the manifest once the signature
/// and every line's hash are verified; an unsealed bundle carries them in clear and no
/// sealed part.
pub(super) fn open_about(
    manifest: &mut Manifest,
    opener: Option<&Opener>,
) -> Result<(), SyncError> {
    let about = match (opener, manifest.sealed_about.take()) {
        (None, None) => return Ok(()),
        (Some(o), Some(sealed)) => o
            .open_field(0, &sealed)
            .map_err(|m| format!("sealed_about: {m}"))
            .and_then(|plain| {
                serde_json::from_slice::<About>(&plain)
                    .map_err(|e| format!("sealed_about: unreadable: {e}"))
            }),
        (Some(_), None) => Err(
            "sealed_about: a sealed bundle's manifest must seal the device name and officers"
                .into(),
        ),
        (None, Some(_)) => {
            Err("sealed_about: an unsealed bundle's manifest carries a sealed part".into())
        }
    }
    .map_err(refused)?;
    if !manifest.device_name.is_empty() || !manifest.officers.is_empty() {
        return Err(refused(
            "sealed_about: a sealed bundle names its device and officers in clear".into(),
        ));
    }
    manifest.device_name = about.device_name;
    manifest.officers = about.officers;
    Ok(())
}
