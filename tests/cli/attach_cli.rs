//! `minspect record attach`, `record show --json`, `record receipt` and
//! `record open-attachment` as a user runs them, with their refusals (exit 2, the problem
//! named, nothing changed).

use std::path::{Path, PathBuf};

use crate::support::binary::{fails, init, ok};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples/record.json");
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR seal 44120";

/// A field database with the example record as a draft; its inspection id.
fn draft_db() -> (TempDir, PathBuf, String) {
    let dir = TempDir::new().unwrap();
    let db = init(dir.path(), "field", "field");
    // the example without its custody transfers (those are recorded once finalized)
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    for s in record["seizures"].as_array_mut().unwrap() {
        s["custody"] = serde_json::json!([]);
    }
    let draft = file(dir.path(), "draft.json", record.to_string().as_bytes());
    let out: serde_json::Value =
        serde_json::from_str(&ok(&db, &["record", "import", &draft, "--json"])).unwrap();
    let id = out["inspection_id"].as_str().unwrap().to_string();
    (dir, db, id)
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn attachments(db: &Path, id: &str) -> Vec<serde_json::Value> {
    let shown: serde_json::Value =
        serde_json::from_str(&ok(db, &["record", "show", id, "--json"])).unwrap();
    shown["attachments"].as_array().unwrap().clone()
}

#[test]
fn attach_show_receipt_and_open_an_attachment() {
    let (dir, db, id) = draft_db();
    let png = file(dir.path(), "seal.png", PNG);
    let sha = hex::encode(Sha256::digest(PNG));
    let said = ok(
        &db,
        &[
            "record",
            "attach",
            &id,
            &png,
            "--caption",
            "Seal 44120 intact",
        ],
    );
    assert!(said.contains(&sha) && said.contains("image/png"), "{said}");
    let listed = attachments(&db, &id);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["sha256"], sha.as_str());
    assert_eq!(listed[0]["media_type"], "image/png");
    assert_eq!(listed[0]["size"], PNG.len());
    assert_eq!(listed[0]["caption"], "Seal 44120 intact");
    assert_eq!(listed[0]["file_name"], "seal.png");
    // --json of attach itself
    let pdf = file(dir.path(), "lab.pdf", b"%PDF-1.4 lab");
    let a: serde_json::Value =
        serde_json::from_str(&ok(&db, &["record", "attach", &id, &pdf, "--json"])).unwrap();
    assert_eq!(a["media_type"], "application/pdf");
    // the plain show names them; the receipt names each with its hash
    let text = ok(&db, &["record", "show", &id]);
    assert!(text.contains("seal.png") && text.contains(&sha), "{text}");
    ok(&db, &["record", "finalize", &id]);
    let receipt = ok(&db, &["record", "receipt", &id]);
    assert!(receipt.contains("Evidence attachments"), "{receipt}");
    assert!(
        receipt.contains("seal.png") && receipt.contains(&sha),
        "{receipt}"
    );
    assert!(receipt.contains(a["sha256"].as_str().unwrap()), "{receipt}");
    open_attachment_writes_0600(&db, &id, &sha, dir.path());
}

/// Written out 0600; an existing --out is refused unless --force; an unknown hash named.
fn open_attachment_writes_0600(db: &Path, id: &str, sha: &str, dir: &Path) {
    let (db, id, sha) = (db.to_path_buf(), id.to_string(), sha.to_string());
    let out = dir.join("out.png");
    let out_s = out.display().to_string();
    ok(
        &db,
        &["record", "open-attachment", &id, &sha, "--out", &out_s],
    );
    assert_eq!(std::fs::read(&out).unwrap(), PNG);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    std::fs::write(&out, b"viewer's copy").unwrap();
    let e = fails(
        &db,
        &["record", "open-attachment", &id, &sha, "--out", &out_s],
        2,
    );
    assert!(e.contains("--out") && e.contains("--force"), "{e}");
    assert_eq!(std::fs::read(&out).unwrap(), b"viewer's copy");
    ok(
        &db,
        &[
            "record",
            "open-attachment",
            &id,
            &sha,
            "--out",
            &out_s,
            "--force",
        ],
    );
    assert_eq!(std::fs::read(&out).unwrap(), PNG);
    let e = fails(
        &db,
        &[
            "record",
            "open-attachment",
            &id,
            &"0".repeat(64),
            "--out",
            &format!("{out_s}.2"),
        ],
        2,
    );
    assert!(e.contains("no attachment"), "{e}");
    assert!(!Path::new(&format!("{out_s}.2")).exists());
}

#[test]
fn attach_refuses_a_finalized_record_a_missing_file_and_a_file_over_the_cap() {
    let (dir, db, id) = draft_db();
    let missing = dir.path().join("missing.png").display().to_string();
    let e = fails(&db, &["record", "attach", &id, &missing], 2);
    assert!(e.contains("file:") && e.contains("missing.png"), "{e}");
    let huge = dir.path().join("huge.bin");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(25 * 1024 * 1024 + 1)
        .unwrap();
    let e = fails(&db, &["record", "attach", &id, huge.to_str().unwrap()], 2);
    assert!(e.contains("file:") && e.contains("26214400"), "{e}");
    let png = file(dir.path(), "seal.png", PNG);
    let e = fails(
        &db,
        &["record", "attach", &id, &png, "--caption", &"x".repeat(301)],
        2,
    );
    assert!(e.contains("caption:"), "{e}");
    let e = fails(&db, &["--read-only", "record", "attach", &id, &png], 2);
    assert!(e.contains("--read-only"), "{e}");
    assert!(attachments(&db, &id).is_empty());
    ok(&db, &["record", "finalize", &id]);
    let e = fails(&db, &["record", "attach", &id, &png], 2);
    assert!(e.contains("finalized") && e.contains("amendment"), "{e}");
    assert!(attachments(&db, &id).is_empty());
}
