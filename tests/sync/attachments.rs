//! Bundles carry attachments as lines of base64 chunks after the records (DESIGN section 5):
//! a bundle with two attachments round-trips through headquarters with every hash verified
//! and stored, the receipt lists the hashes, headquarters' `record show` lists them, a
//! second import changes nothing, and a tampered attachment is refused naming the record
//! and the hash with headquarters unchanged.

use std::path::{Path, PathBuf};

use crate::support::sync_flow::{db, pair};
use crate::support::{count, example, pack};
use minspect::domain::DbKind;
use minspect::store::{Store, StoreError};
use minspect::sync::{ExportOutcome, Receipt};
use sha2::{Digest, Sha256};

struct Sent {
    _dir: tempfile::TempDir,
    hq: Store,
    bundle: PathBuf,
    inspection: String,
    files: Vec<(String, Vec<u8>)>,
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A laptop finalizes one inspection with two attachments (a 400 KiB PDF in three chunks
/// and a small PNG) and one without, and exports them.
fn sent() -> Sent {
    let dir = tempfile::TempDir::new().unwrap();
    let mut hq = db(dir.path(), "hq", DbKind::Hq);
    let mut laptop = db(dir.path(), "laptop", DbKind::Field);
    pair(&mut hq, &mut laptop);
    let mut record = example();
    for s in &mut record.seizures {
        s.custody.clear();
    }
    let draft = laptop
        .records_mut()
        .import_record(&record, false, &pack())
        .unwrap();
    let inspection = draft.inspection_id.clone();
    let mut pdf = b"%PDF-1.7 lab report\n".to_vec();
    pdf.resize(400 * 1024, b'7');
    let png = b"\x89PNG\r\n\x1a\nseal 44120".to_vec();
    for (name, bytes, caption) in [("report.pdf", &pdf, "XRF"), ("seal.png", &png, "seal")] {
        let p = file(dir.path(), name, bytes);
        laptop
            .records_mut()
            .attach_file(&inspection, &p, caption, None)
            .unwrap()
            .unwrap();
    }
    laptop
        .records_mut()
        .finalize_inspection_with(&inspection, &pack())
        .unwrap();
    let other = laptop
        .records_mut()
        .import_record(&record, false, &pack())
        .unwrap();
    laptop
        .records_mut()
        .finalize_inspection_with(&other.inspection_id, &pack())
        .unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let bundle = match minspect::sync::export_bundle(&mut laptop, &usb).unwrap() {
        ExportOutcome::Written(r) => r.path,
        other => panic!("export: {other:?}"),
    };
    let files = [pdf, png]
        .into_iter()
        .map(|b| (hex::encode(Sha256::digest(&b)), b))
        .collect();
    Sent {
        _dir: dir,
        hq,
        bundle,
        inspection,
        files,
    }
}

fn content(store: &Store, sha: &str) -> Vec<u8> {
    let mut out = Vec::new();
    store
        .records()
        .read_content::<StoreError>(sha, |b| {
            out.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
    out
}

#[test]
fn a_bundle_with_two_attachments_round_trips_with_every_hash_verified() {
    let mut s = sent();
    let text = std::fs::read_to_string(&s.bundle).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // header, 2 records, 3 + 1 attachment lines, manifest, signature; no line holds a file
    assert_eq!(lines.len(), 1 + 2 + 4 + 2, "{}", lines.len());
    assert!(
        lines[3..7]
            .iter()
            .all(|l| l.starts_with("{\"attachment\":{"))
    );
    assert!(lines.iter().all(|l| l.len() < 300 * 1024));
    let manifest: serde_json::Value = serde_json::from_str(lines[7]).unwrap();
    let listed: Vec<&str> = manifest["manifest"]["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["sha256"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [s.files[0].0.as_str(), s.files[1].0.as_str()]);

    let report = minspect::sync::import_bundle(&mut s.hq, &s.bundle, None).unwrap();
    assert_eq!(report.outcome.new_records, 2);
    for (sha, bytes) in &s.files {
        assert_eq!(&content(&s.hq, sha), bytes, "{sha}");
    }
    let held = s.hq.records().attachments(&s.inspection).unwrap();
    assert_eq!(held.len(), 2);
    assert_eq!(
        (held[0].caption.as_str(), held[1].media_type.as_str()),
        ("XRF", "image/png")
    );
    assert!(s.hq.chain().verify_chains().unwrap().is_ok());
    // headquarters' record show lists them with their hashes
    let shown = s.hq.query().record_json(&s.inspection).unwrap();
    let shas: Vec<&str> = shown["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["sha256"].as_str().unwrap())
        .collect();
    assert_eq!(shas, [s.files[0].0.as_str(), s.files[1].0.as_str()]);
    // the receipt lists the attachment hashes
    let receipt_text = std::fs::read_to_string(&report.receipt_path).unwrap();
    let first = receipt_text.lines().next().unwrap();
    let receipt: Receipt = serde_json::from_value(
        serde_json::from_str::<serde_json::Value>(first).unwrap()["receipt"].clone(),
    )
    .unwrap();
    assert_eq!(
        receipt.attachments,
        vec![s.files[0].0.clone(), s.files[1].0.clone()]
    );
    // a second import changes nothing
    let before = (
        count(&s.hq, "attachments"),
        count(&s.hq, "attachment_chunks"),
    );
    let again = minspect::sync::import_bundle(&mut s.hq, &s.bundle, None).unwrap();
    assert_eq!(again.outcome.new_records, 0);
    assert_eq!(
        before,
        (
            count(&s.hq, "attachments"),
            count(&s.hq, "attachment_chunks")
        )
    );
    assert_eq!(before, (2, 4));
}

/// The bundle with one character of the second attachment's base64 changed.
fn tampered(bundle: &Path) {
    let text = std::fs::read_to_string(bundle).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let at = lines
        .iter()
        .rposition(|l| l.starts_with("{\"attachment\":"))
        .unwrap();
    let i = lines[at].find("\"data\":\"").unwrap() + 8 + 4;
    let c = if &lines[at][i..i + 1] == "A" {
        "B"
    } else {
        "A"
    };
    lines[at].replace_range(i..i + 1, c);
    std::fs::write(bundle, lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_tampered_attachment_is_refused_naming_the_record_and_the_hash() {
    let mut s = sent();
    tampered(&s.bundle);
    let before: Vec<_> = [
        "outbox",
        "inspections",
        "attachments",
        "attachment_content",
        "attachment_chunks",
    ]
    .iter()
    .map(|t| count(&s.hq, t))
    .collect();
    let e = minspect::sync::import_bundle(&mut s.hq, &s.bundle, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("attachment altered"), "{e}");
    assert!(e.contains(&s.inspection), "{e}");
    assert!(e.contains(&s.files[1].0), "{e}");
    let after: Vec<_> = [
        "outbox",
        "inspections",
        "attachments",
        "attachment_content",
        "attachment_chunks",
    ]
    .iter()
    .map(|t| count(&s.hq, t))
    .collect();
    assert_eq!(before, after);
    assert_eq!(after, [0, 0, 0, 0, 0]);
}

#[test]
fn an_attachment_line_left_out_is_refused() {
    let mut s = sent();
    let text = std::fs::read_to_string(&s.bundle).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 4)
        .map(|(_, l)| l)
        .collect();
    std::fs::write(&s.bundle, kept.join("\n") + "\n").unwrap();
    let e = minspect::sync::import_bundle(&mut s.hq, &s.bundle, None)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("attachment altered") && e.contains(&s.files[0].0),
        "{e}"
    );
    assert_eq!(count(&s.hq, "outbox"), 0);
}
