//! Sealed bundles (format version 2): a laptop that trusts a headquarters key file with an
//! X25519 key seals every record line to it; the file reveals no record value; headquarters
//! verifies before opening, imports it, and refuses a tampered line or another key's bundle.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::DbKind;
use minspect::store::{Store, TrustOutcome};
use minspect::sync::{self, ExportOutcome};

use crate::support::binary::snapshot;
use crate::support::sync_flow::db;

/// A laptop with `n` finalized records that trusts `hq` through its key file, and is
/// trusted by it.
fn laptop_of(dir: &Path, hq: &mut Store, n: usize) -> Store {
    let mut lap = db(dir, "laptop", DbKind::Field);
    let f = lap.device().local_key().unwrap();
    hq.device_mut()
        .trust_device(&f.device_id, &f.name, DbKind::Field, f.public_key)
        .unwrap();
    let key = dir.join("hq.key");
    sync::export_key(hq, Some(&key), true).unwrap();
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .contains("\"seal_key\"")
    );
    let (_, outcome) = sync::trust_key_file(&mut lap, &key).unwrap();
    assert_eq!(outcome, TrustOutcome::Added);
    lap.test_support_finalize_samples(n).unwrap();
    lap
}

fn export(lap: &mut Store, usb: &Path) -> (PathBuf, bool) {
    match sync::export_bundle(lap, usb).unwrap() {
        ExportOutcome::Written(r) => (r.path, r.sealed),
        other => panic!("export: {other:?}"),
    }
}

#[test]
fn a_sealed_bundle_reveals_no_record_value_and_imports_at_headquarters() {
    let t = tempfile::tempdir().unwrap();
    let mut hq = db(t.path(), "hq", DbKind::Hq);
    let mut lap = laptop_of(t.path(), &mut hq, 3);
    let (bundle, sealed) = export(&mut lap, t.path());
    assert!(sealed);
    let bytes = std::fs::read(&bundle).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("\"sealed\":true,\"seal\":{")
    );
    let mut values = Vec::new();
    for s in lap.test_support_table_json("shipments").unwrap() {
        for k in [
            "exporter_name",
            "declaration_no",
            "destination",
            "consignee",
        ] {
            if let Some(v) = s[k].as_str().filter(|v| v.len() > 1) {
                values.push(v.to_string());
            }
        }
    }
    for r in lap.test_support_table_json("outbox").unwrap() {
        values.push(r["record_id"].as_str().unwrap().to_string());
    }
    assert!(values.len() > 6, "{values:?}");
    for v in &values {
        assert!(!text.contains(&format!("\"{v}\"")), "{v} in clear");
    }
    let r = sync::import_bundle(&mut hq, &bundle, None).unwrap();
    assert_eq!(r.outcome.new_records, 3);
}

#[test]
fn a_tampered_sealed_line_or_another_keys_bundle_is_refused_changing_nothing() {
    let t = tempfile::tempdir().unwrap();
    let mut hq = db(t.path(), "hq", DbKind::Hq);
    let mut lap = laptop_of(t.path(), &mut hq, 2);
    let (bundle, _) = export(&mut lap, t.path());
    let text = std::fs::read_to_string(&bundle).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // one base64 character of record line 1 changed
    let l = &mut lines[1];
    let i = l.len() - 10;
    let c = if &l[i..i + 1] == "A" { "B" } else { "A" };
    l.replace_range(i..i + 1, c);
    let tampered = t.path().join("tampered.bundle");
    std::fs::write(&tampered, lines.join("\n") + "\n").unwrap();
    let other_dir = t.path().join("other");
    std::fs::create_dir_all(&other_dir).unwrap();
    let mut other = db(&other_dir, "hq2", DbKind::Hq);
    let f = lap.device().local_key().unwrap();
    other
        .device_mut()
        .trust_device(&f.device_id, &f.name, DbKind::Field, f.public_key)
        .unwrap();
    let cut = t.path().join("cut.bundle");
    let n = text.lines().count();
    let head: Vec<&str> = text.lines().take(n - 2).collect();
    std::fs::write(&cut, head.join("\n") + "\n").unwrap();
    let before = snapshot(&t.path().join("hq.db"));
    for (file, says) in [(&tampered, "SHA-256 does not match"), (&cut, "truncated")] {
        let e = sync::import_bundle(&mut hq, file, None)
            .unwrap_err()
            .to_string();
        assert!(e.contains(says), "{e}");
    }
    assert_eq!(snapshot(&t.path().join("hq.db")), before);
    let e = sync::import_bundle(&mut other, &bundle, Some(&other_dir))
        .unwrap_err()
        .to_string();
    assert!(e.contains("sealed to another key"), "{e}");
}

/// `line` (a sealed record line) with one base64 character of its box changed: still a
/// sealed line, no longer the one the manifest lists.
pub fn tamper_sealed(line: &str) -> String {
    assert!(
        line.starts_with("{\"sealed\":\""),
        "not a sealed line: {line}"
    );
    let mut l = line.to_string();
    let i = l.len() / 2;
    let c = if &l[i..i + 1] == "A" { "B" } else { "A" };
    l.replace_range(i..i + 1, c);
    assert_ne!(l, line);
    l
}

/// The record id of the outbox row at `seq` of the database file `db` (a sealed line does
/// not show it).
pub fn record_id_at(db: &Path, seq: i64) -> String {
    crate::support::binary::table(db, "outbox")
        .iter()
        .find(|r| r["seq"] == seq)
        .map(|r| r["record_id"].as_str().unwrap().to_string())
        .unwrap()
}

/// Copies a database file with its WAL, shared memory and key-parameter sidecar.
pub fn copy_db(from: &Path, to: &Path) {
    std::fs::copy(from, to).unwrap();
    for ext in ["-wal", "-shm", ".kdf"] {
        let (f, t) = (
            format!("{}{ext}", from.display()),
            format!("{}{ext}", to.display()),
        );
        let _ = std::fs::remove_file(&t);
        if Path::new(&f).exists() {
            std::fs::copy(&f, &t).unwrap();
        }
    }
}

/// `hq` trusts the laptop's key file; the laptop trusts headquarters' key file as version 1
/// wrote it (no world, no X25519 key): it exports unsealed bundles (by the real binary).
pub fn pair_unsealed(hq: &Path, field: &Path, dir: &Path) -> PathBuf {
    use crate::support::binary::ok;
    let stem = field.file_stem().unwrap().to_string_lossy().to_string();
    let fk = dir.join(format!("{stem}.key.json"));
    ok(
        field,
        &["device", "export-key", "--out", fk.to_str().unwrap()],
    );
    ok(hq, &["device", "trust", fk.to_str().unwrap()]);
    let hk = dir.join(format!("hq-v1-for-{stem}.key.json"));
    ok(hq, &["device", "export-key", "--out", hk.to_str().unwrap()]);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&hk).unwrap()).unwrap();
    let o = v.as_object_mut().unwrap();
    o.insert("version".into(), 1.into());
    assert!(o.remove("seal_key").is_some() && o.remove("world").is_some());
    std::fs::write(&hk, v.to_string()).unwrap();
    ok(field, &["device", "trust", hk.to_str().unwrap()]);
    hk
}

#[test]
fn the_binary_refuses_another_keys_bundle_an_altered_seal_and_moved_lines_with_exit_2() {
    use crate::support::binary::{add_records, export as export_cli, init, ok, pair, refused};
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 3);
    let good = export_cli(&a, dir);
    let text = std::fs::read_to_string(&good).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("\"sealed\":true"), "{}", lines[0]);
    let out = dir.join("r");
    std::fs::create_dir_all(&out).unwrap();
    // another headquarters that trusts the laptop cannot open what was sealed to HQ
    let hq2 = init(dir, "hq2", "hq");
    ok(
        &hq2,
        &[
            "device",
            "trust",
            dir.join("laptop-a.key.json").to_str().unwrap(),
        ],
    );
    refused(&hq2, &good, &out, &["sealed to another key", "X25519"]);
    // the header names the recipient under the signature: pointing it at HQ2 breaks it
    let k2: serde_json::Value = serde_json::from_str(&ok(&hq2, &["device", "export-key"])).unwrap();
    let h: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let recipient = h["bundle"]["seal"]["recipient"].as_str().unwrap();
    let bad = out.join("x.bundle");
    let write = |ls: &[String]| std::fs::write(&bad, ls.join("\n") + "\n").unwrap();
    let mut m: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    m[0] = m[0].replace(recipient, k2["seal_key"].as_str().unwrap());
    write(&m);
    refused(&hq2, &bad, &out, &["signature check failed"]);
    // two sealed lines swapped: refused on their hashes, before either is opened
    let mut m: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    m.swap(1, 2);
    write(&m);
    let e = refused(&hq, &bad, &out, &["SHA-256", "record seq 1"]);
    assert!(!e.contains("does not open"), "{e}");
    // and the genuine bundle imports
    let r = crate::support::binary::import(&hq, &good, &out);
    assert!(r.is_file());
}

#[test]
fn a_laptop_that_trusts_a_version_1_headquarters_key_exports_unsealed_until_it_is_upgraded() {
    use crate::support::binary::{add_records, export as export_cli, import, init, ok};
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair_unsealed(&hq, &a, dir);
    add_records(&a, 2);
    let clear = export_cli(&a, dir);
    let text = std::fs::read_to_string(&clear).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.ends_with("\"sealed\":false}}"), "{header}");
    assert!(
        text.contains(&record_id_at(&a, 1)),
        "clear text is the point"
    );
    // the format-2 unsealed layout as before sealing existed: officers in clear, no
    // sealed part in the manifest
    let manifest = text.lines().nth(3).unwrap();
    assert!(manifest.contains("\"officers\":[{") && !manifest.contains("sealed_about"));
    let r = import(&hq, &clear, dir);
    ok(&a, &["sync", "ack", r.to_str().unwrap()]);
    // headquarters' current key file, same ed25519 key with the X25519 key: the upgrade
    let hk = dir.join("hq-now.key.json");
    ok(
        &hq,
        &["device", "export-key", "--out", hk.to_str().unwrap()],
    );
    assert!(ok(&a, &["device", "trust", hk.to_str().unwrap()]).starts_with("upgraded"));
    add_records(&a, 1);
    let sealed = export_cli(&a, dir);
    let text = std::fs::read_to_string(&sealed).unwrap();
    assert!(text.lines().next().unwrap().contains("\"sealed\":true"));
    assert!(!text.contains(&record_id_at(&a, 3)));
    import(&hq, &sealed, dir);
    assert_eq!(crate::support::binary::count(&hq, "outbox"), 3);
}
