//! Unit tests of bundle verification.

use super::super::bundle::{BundleWriter, ManifestBase};
use super::*;
use crate::store::OutboxRow;
use crate::store::chain::GENESIS_HASH;
use crate::store::chain::chain_hash;
use ed25519_dalek::SigningKey;
use std::io::Cursor;

pub(in crate::sync) fn rows(n: i64) -> Vec<OutboxRow> {
    rows_with_reason(n, |_| r#"line\nbreak \"q\" é"#.into())
}

/// `n` linked custody-event rows of device "dev"; `reason(seq)` is JSON string text.
pub(in crate::sync) fn rows_with_reason(n: i64, reason: impl Fn(i64) -> String) -> Vec<OutboxRow> {
    let mut prev = GENESIS_HASH.to_string();
    (1..=n)
        .map(|seq| {
            let payload = format!(
                r#"{{"custody_event":{{"id":"r{seq}","reason":"{}"}},"kind":"custody_event"}}"#,
                reason(seq)
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

pub(in crate::sync) fn write(rows: &[OutboxRow], key: &SigningKey) -> Vec<u8> {
    let header = Header {
        format: BUNDLE_FORMAT.into(),
        version: BUNDLE_VERSION,
        world: World::Live,
        bundle_id: "b1".into(),
        device_id: "dev".into(),
        seq_from: rows.first().map_or(0, |r| r.seq),
        seq_to: rows.last().map_or(0, |r| r.seq),
        sealed: false,
        seal: None,
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
    let v = verify(
        &mut Cursor::new(&bytes[..]),
        World::Live,
        |id| Ok((id == "dev").then_some(pk)),
        1,
    )
    .unwrap();
    assert_eq!(v.manifest.seq_from, 1);
    assert_eq!(v.manifest.chain_head, rs[2].hash);
    let mut records = v.reread(Cursor::new(&bytes[..])).unwrap();
    let mut payloads = Vec::new();
    while let Some(r) = records.next_record().unwrap() {
        payloads.push(r.payload);
    }
    let expected: Vec<_> = rs.iter().map(|r| r.payload.clone()).collect();
    assert_eq!(payloads, expected);
}

#[test]
fn wrong_key_unknown_device_and_altered_record_are_named() {
    let key = SigningKey::from_bytes(&[7; 32]);
    let other = SigningKey::from_bytes(&[8; 32]).verifying_key().to_bytes();
    let bytes = write(&rows(3), &key);
    let e = verify(
        &mut Cursor::new(&bytes[..]),
        World::Live,
        |_| Ok(Some(other)),
        1,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("signature check failed"), "{e}");
    let e = verify(&mut Cursor::new(&bytes[..]), World::Live, |_| Ok(None), 1)
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown device dev"), "{e}");
    let text = String::from_utf8(bytes).unwrap();
    let altered = text.replacen("\"reason\":\"line", "\"reason\":\"lime", 2);
    let pk = key.verifying_key().to_bytes();
    let e = verify(
        &mut Cursor::new(altered.as_bytes()),
        World::Live,
        |_| Ok(Some(pk)),
        1,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("record seq 1 (id r1): SHA-256"), "{e}");
    let e = verify(
        &mut Cursor::new(text.as_bytes()),
        World::Live,
        |_| Ok(Some(pk)),
        0,
    )
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
        world: World::Live,
        bundle_id: "b".into(),
        device_id: "dev".into(),
        seq_from: 1,
        seq_to: 3,
        sealed: false,
        seal: None,
    };
    let mut w = BundleWriter::new(Vec::new(), header).unwrap();
    w.record(&rs[0]).unwrap();
    w.record(&rs[1]).unwrap();
    let e = w.record(&rs[2]).unwrap_err().to_string();
    assert!(e.contains("chain is broken at seq 3"), "{e}");
}
