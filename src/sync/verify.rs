//! Reading and verifying a bundle (format in `bundle.rs`). Every refusal names the
//! check that failed and the record (seq and id).

use sha2::{Digest, Sha256};

use super::SyncError;
use super::bundle::{
    BUNDLE_FORMAT, BUNDLE_VERSION, Header, HeaderLine, Manifest, ManifestLine, RecordLine, SigLine,
};
use super::keys::verify_hex;
use crate::store::IncomingRecord;
use crate::store::chain::chain_hash;

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

#[cfg(test)]
mod tests {
    use super::super::bundle::{BundleWriter, ManifestBase};
    use super::*;
    use crate::store::OutboxRow;
    use crate::store::chain::GENESIS_HASH;
    use ed25519_dalek::SigningKey;

    fn rows(n: i64) -> Vec<OutboxRow> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let payload = format!(
                    r#"{{"custody_event":{{"id":"r{seq}","reason":"line\nbreak \"q\" é"}},"kind":"custody_event"}}"#
                );
                let hash = chain_hash(&prev, &payload);
                let row = OutboxRow {
                    device_id: "dev".into(),
                    seq,
                    kind: "custody_event".into(),
                    record_id: format!("r{seq}"),
                    payload,
                    hash: hash.clone(),
                    prev_hash: prev.clone(),
                    created_at: "2026-01-01T00:00:00.000Z".into(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    fn write(rows: &[OutboxRow], key: &SigningKey) -> Vec<u8> {
        let header = Header {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            bundle_id: "b1".into(),
            device_id: "dev".into(),
        };
        let mut w = BundleWriter::new(Vec::new(), header).unwrap();
        for r in rows {
            w.record(r).unwrap();
        }
        let base = ManifestBase {
            created_at: "2026-01-01T00:00:00.000Z".into(),
            device_name: "laptop".into(),
            schema_version: 1,
            rule_pack_version: "p".into(),
            last_receipt_id: None,
            officers: Vec::new(),
        };
        w.finish(base, key).unwrap().0
    }

    #[test]
    fn a_written_bundle_verifies_with_exact_payload_bytes() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let rs = rows(3);
        let bytes = write(&rs, &key);
        let pk = key.verifying_key().to_bytes();
        let v = verify(&bytes, |id| Ok((id == "dev").then_some(pk)), 1).unwrap();
        assert_eq!(v.manifest.seq_from, 1);
        assert_eq!(v.manifest.chain_head, rs[2].hash);
        let payloads: Vec<_> = v.records.iter().map(|r| r.payload.clone()).collect();
        let expected: Vec<_> = rs.iter().map(|r| r.payload.clone()).collect();
        assert_eq!(payloads, expected);
    }

    #[test]
    fn wrong_key_unknown_device_and_altered_record_are_named() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let other = SigningKey::from_bytes(&[8; 32]).verifying_key().to_bytes();
        let bytes = write(&rows(3), &key);
        let e = verify(&bytes, |_| Ok(Some(other)), 1)
            .unwrap_err()
            .to_string();
        assert!(e.contains("signature check failed"), "{e}");
        let e = verify(&bytes, |_| Ok(None), 1).unwrap_err().to_string();
        assert!(e.contains("unknown device dev"), "{e}");
        let text = String::from_utf8(bytes).unwrap();
        let altered = text.replacen("\"reason\":\"line", "\"reason\":\"lime", 2);
        let pk = key.verifying_key().to_bytes();
        let e = verify(altered.as_bytes(), |_| Ok(Some(pk)), 1)
            .unwrap_err()
            .to_string();
        assert!(e.contains("record seq 1 (id r1): SHA-256"), "{e}");
        let e = verify(text.as_bytes(), |_| Ok(Some(pk)), 0)
            .unwrap_err()
            .to_string();
        assert!(e.contains("schema version"), "{e}");
    }

    #[test]
    fn a_broken_local_chain_is_not_exported() {
        let mut rs = rows(3);
        rs[2].prev_hash = GENESIS_HASH.into();
        let header = Header {
            format: BUNDLE_FORMAT.into(),
            version: BUNDLE_VERSION,
            bundle_id: "b".into(),
            device_id: "dev".into(),
        };
        let mut w = BundleWriter::new(Vec::new(), header).unwrap();
        w.record(&rs[0]).unwrap();
        w.record(&rs[1]).unwrap();
        let e = w.record(&rs[2]).unwrap_err().to_string();
        assert!(e.contains("chain is broken at seq 3"), "{e}");
    }
}
