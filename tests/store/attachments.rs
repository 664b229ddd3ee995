//! Evidence attachments in the store: content-addressed by SHA-256 in chunks, the media type
//! from the magic bytes, the caps of DESIGN section 3 naming the field, frozen with a
//! finalized record (the triggers refuse), part of what finalizing hashes (payload
//! version 4), copied into an amendment, and version-3 payloads still verify.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use crate::support::{count, example, new_store, pack, raw};
use minspect::domain::limits::MAX_ATTACHMENT_BYTES;
use minspect::store::Store;
use minspect::store::chain::chain_hash;
use sha2::{Digest, Sha256};

/// A draft of the example record (no custody, released); its inspection id.
fn draft(store: &mut Store) -> String {
    let mut ex = example();
    ex.seizures.clear();
    ex.inspection.outcome = Some(minspect::domain::Outcome::Released);
    let s = store.records_mut().create_shipment(&ex.shipment).unwrap();
    store
        .records_mut()
        .start_inspection(&s, &ex.inspection)
        .unwrap()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR seal photo";

#[test]
fn a_file_is_stored_by_its_hash_in_chunks_with_type_size_caption_and_officer() {
    let (dir, mut store) = new_store();
    let i = draft(&mut store);
    // 400 KiB: three chunks of 192 KiB
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(400 * 1024, b'x');
    let pdf = file(dir.path(), "lab report.pdf", &big);
    let a = store
        .records_mut()
        .attach_file(&i, &pdf, "  XRF lab report  ", None)
        .unwrap()
        .unwrap();
    assert_eq!(a.sha256, hex::encode(Sha256::digest(&big)));
    assert_eq!(
        (
            a.media_type.as_str(),
            a.size,
            a.caption.as_str(),
            a.file_name.as_str()
        ),
        (
            "application/pdf",
            400 * 1024,
            "XRF lab report",
            "lab report.pdf"
        )
    );
    assert!(!a.officer_id.is_empty());
    assert_eq!(count(&store, "attachment_chunks"), 3);
    let mut back = Vec::new();
    let n = store
        .records()
        .read_content::<minspect::store::StoreError>(&a.sha256, |b| {
            back.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
    assert_eq!((n, back == big), (400 * 1024, true));
    // the same content twice is stored once; a PNG, JPEG and an unknown type
    let png = file(dir.path(), "seal.png", PNG);
    let again = file(dir.path(), "copy.pdf", &big);
    store
        .records_mut()
        .attach_file(&i, &again, "", None)
        .unwrap()
        .unwrap();
    let p = store
        .records_mut()
        .attach_file(&i, &png, "", Some("text/plain"))
        .unwrap()
        .unwrap();
    assert_eq!(p.media_type, "image/png");
    let jpg = file(dir.path(), "c.jpg", b"\xFF\xD8\xFF\xE0 carton");
    let j = store
        .records_mut()
        .attach_file(&i, &jpg, "", None)
        .unwrap()
        .unwrap();
    assert_eq!(j.media_type, "image/jpeg");
    let txt = file(dir.path(), "notes.txt", b"plain notes");
    let t = store
        .records_mut()
        .attach_file(&i, &txt, "", Some("Text/Plain"))
        .unwrap()
        .unwrap();
    assert_eq!(t.media_type, "text/plain");
    let bin = file(dir.path(), "x.bin", b"\x00\x01");
    let b = store
        .records_mut()
        .attach_file(&i, &bin, "", None)
        .unwrap()
        .unwrap();
    assert_eq!(b.media_type, "application/octet-stream");
    assert_eq!(count(&store, "attachment_content"), 5);
    assert_eq!(store.records().attachments(&i).unwrap().len(), 6);
    // audited
    let audited = raw(&store, "SELECT count(*) FROM audit WHERE action = 'attach'");
    assert_eq!(audited.as_deref(), Some("6"));
}

#[test]
fn the_caps_name_the_field_and_change_nothing() {
    let (dir, mut store) = new_store();
    let i = draft(&mut store);
    let before = count(&store, "attachments");
    let missing = dir.path().join("nope.png");
    let e = store
        .records_mut()
        .attach_file(&i, &missing, "", None)
        .unwrap()
        .unwrap_err();
    assert_eq!(e.id, "attach-no-file");
    let e = store
        .records_mut()
        .attach_file(&i, dir.path(), "", None)
        .unwrap()
        .unwrap_err();
    assert_eq!(e.id, "attach-not-a-file");
    // one byte over 25 MiB (a sparse file: nothing is written to the disk)
    let huge = dir.path().join("huge.bin");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    let e = store
        .records_mut()
        .attach_file(&i, &huge, "", None)
        .unwrap()
        .unwrap_err();
    assert_eq!(e.id, "attach-too-big");
    let ok = file(dir.path(), "ok.png", PNG);
    let e = store
        .records_mut()
        .attach_file(&i, &ok, &"c".repeat(301), None)
        .unwrap()
        .unwrap_err();
    assert_eq!(
        (e.id.as_str(), e.args["field"].clone()),
        ("attach-too-long", "caption".into())
    );
    let e = store
        .records_mut()
        .attach_file(&i, &file(dir.path(), "a.bin", b"z"), "", Some("not a type"))
        .unwrap()
        .unwrap_err();
    assert_eq!(e.id, "attach-bad-type");
    assert_eq!(count(&store, "attachments"), before);
    assert_eq!(count(&store, "attachment_content"), 0);
    // exactly 25 MiB is accepted
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES)
        .unwrap();
    let a = store
        .records_mut()
        .attach_file(&i, &huge, "", None)
        .unwrap()
        .unwrap();
    assert_eq!(a.size, MAX_ATTACHMENT_BYTES);
}

#[test]
fn finalizing_hashes_the_attachments_and_freezes_them() {
    let (dir, mut store) = new_store();
    let i = draft(&mut store);
    let a = store
        .records_mut()
        .attach_file(&i, &file(dir.path(), "seal.png", PNG), "seal 44120", None)
        .unwrap()
        .unwrap();
    store
        .records_mut()
        .finalize_inspection_with(&i, &pack())
        .unwrap();
    let payload: serde_json::Value = serde_json::from_str(
        &raw(&store, "SELECT payload FROM outbox_payloads WHERE seq = 1").unwrap(),
    )
    .unwrap();
    assert_eq!(payload["payload_version"], 4);
    let hashed = &payload["attachments"][0];
    assert_eq!(
        (
            hashed["sha256"].as_str(),
            hashed["size"].as_i64(),
            hashed["media_type"].as_str(),
            hashed["caption"].as_str()
        ),
        (
            Some(a.sha256.as_str()),
            Some(PNG.len() as i64),
            Some("image/png"),
            Some("seal 44120")
        )
    );
    // after finalizing: no new attachment, the triggers refuse change and removal
    let e = store
        .records_mut()
        .attach_file(&i, &file(dir.path(), "late.png", PNG), "", None)
        .unwrap()
        .unwrap_err();
    assert_eq!(e.id, "attach-finalized");
    for sql in [
        "UPDATE attachments SET caption = 'other'".to_string(),
        "DELETE FROM attachments".into(),
        format!("DELETE FROM attachment_chunks WHERE sha256 = '{}'", a.sha256),
        format!("DELETE FROM attachment_content WHERE sha256 = '{}'", a.sha256),
        "UPDATE attachment_chunks SET bytes = x'00'".into(),
        "INSERT INTO attachments (id, inspection_id, sha256, media_type, size, officer_id, created_at)
         SELECT 'x', inspection_id, sha256, media_type, size, officer_id, created_at FROM attachments"
            .into(),
    ] {
        let e = store.execute_raw_for_tests(&sql).unwrap_err().to_string();
        assert!(e.contains("attachment"), "{sql}: {e}");
    }
    assert!(store.chain().verify_chains().unwrap().is_ok());
    // a caption changed behind the triggers' back is caught by the chain check
    store
        .execute_raw_for_tests("DROP TRIGGER attachments_frozen_u")
        .unwrap();
    store
        .execute_raw_for_tests("UPDATE attachments SET caption = 'other'")
        .unwrap();
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert!(broken.problem.contains("caption"), "{broken}");
}

#[test]
fn an_amendment_carries_the_attachments_and_the_original_keeps_its_own() {
    let (dir, mut store) = new_store();
    let i = draft(&mut store);
    let a = store
        .records_mut()
        .attach_file(&i, &file(dir.path(), "seal.png", PNG), "seal", None)
        .unwrap()
        .unwrap();
    store
        .records_mut()
        .finalize_inspection_with(&i, &pack())
        .unwrap();
    let (_, amendment) = store
        .records_mut()
        .start_amendment(&i, "wrong seal photo")
        .unwrap();
    let copied = store.records().attachments(&amendment).unwrap();
    assert_eq!(copied.len(), 1);
    assert_eq!(
        (copied[0].sha256.as_str(), copied[0].caption.as_str()),
        (a.sha256.as_str(), "seal")
    );
    assert_ne!(copied[0].id, a.id);
    // the draft amendment may gain a file; the original is untouched
    store
        .records_mut()
        .attach_file(
            &amendment,
            &file(dir.path(), "right.jpg", b"\xFF\xD8\xFF right"),
            "",
            None,
        )
        .unwrap()
        .unwrap();
    assert_eq!(store.records().attachments(&i).unwrap(), vec![a]);
    assert_eq!(count(&store, "attachment_content"), 2);
}

/// Rewrites record 1 as a finalize before payload version 4: version 3, no attachments.
fn as_version_3(store: &Store) {
    let payload = raw(store, "SELECT payload FROM outbox_payloads WHERE seq = 1").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(v["attachments"], serde_json::json!([]));
    v.as_object_mut().unwrap().remove("attachments");
    v["payload_version"] = 3.into();
    let old = serde_json::to_string(&v).unwrap();
    let prev = raw(store, "SELECT prev_hash FROM outbox WHERE seq = 1").unwrap();
    let hash = chain_hash(&prev, &old);
    for sql in [
        "DROP TRIGGER outbox_immutable".to_string(),
        "DROP TRIGGER outbox_payloads_immutable".into(),
        "DROP TRIGGER inspections_immutable".into(),
        "DROP TRIGGER shipments_immutable".into(),
        format!(
            "UPDATE outbox_payloads SET payload = '{}' WHERE seq = 1",
            old.replace('\'', "''")
        ),
        format!("UPDATE outbox SET hash = '{hash}' WHERE seq = 1"),
        format!("UPDATE inspections SET record_hash = '{hash}'"),
        format!("UPDATE shipments SET record_hash = '{hash}' WHERE record_hash IS NOT NULL"),
    ] {
        store.execute_raw_for_tests(&sql).unwrap();
    }
}

#[test]
fn a_version_3_record_migrated_forward_still_verifies_and_gains_no_attachment() {
    let (dir, mut store) = new_store();
    let i = draft(&mut store);
    store
        .records_mut()
        .finalize_inspection_with(&i, &pack())
        .unwrap();
    as_version_3(&store);
    let path = dir.path().join("field.db");
    drop(store);
    {
        // the file as the binary before attachments left it
        let c = crate::support::harness::raw_connection(&path).unwrap();
        crate::migrations::undo_draft_focus(&c);
        crate::migrations::undo_sealing_keys(&c);
        crate::migrations::undo_desk_search(&c);
        crate::migrations::undo_attachments(&c);
        c.pragma_update(None, "user_version", 11).unwrap();
    }
    let store = crate::support::harness::open(&path);
    assert_eq!(
        store.schema_version().unwrap(),
        minspect::store::SCHEMA_VERSION
    );
    let report = store.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    // an attachment slipped under the version-3 record behind the triggers' back is caught
    store
        .execute_raw_for_tests("DROP TRIGGER attachments_frozen_i")
        .unwrap();
    let zero = "0".repeat(64);
    store
        .execute_raw_for_tests(&format!(
            "INSERT INTO attachment_content (sha256, size, created_at) VALUES ('{zero}', 0, 'now')"
        ))
        .unwrap();
    store
        .execute_raw_for_tests(&format!(
            "INSERT INTO attachments (id, inspection_id, sha256, media_type, size, officer_id, created_at)
             SELECT 'late', id, '{zero}', 'image/png', 0, officer_id, 'now' FROM inspections WHERE id = '{i}'"
        ))
        .unwrap();
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert!(broken.problem.contains("attachments"), "{broken}");
}
