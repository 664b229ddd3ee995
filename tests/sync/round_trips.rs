//! Sync round trips on real database files with the real binary: two field devices and
//! one headquarters; export, import, ack; idempotent and overlapping imports; review
//! decisions delivered back; 10,000 records with identical content on both sides.

use std::collections::HashSet;
use std::path::Path;

use crate::support::binary::*;
use minspect::store::Decision;

/// `device list` at headquarters: itself first, then the two field devices.
fn hq_lists_itself_and_the_laptops(hq: &Path) {
    let list: serde_json::Value =
        serde_json::from_str(&ok(hq, &["device", "list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    assert_eq!(list[0]["local"], true);
    assert_eq!(list[0]["kind"], "hq");
    assert!(
        list.as_array().unwrap()[1..]
            .iter()
            .all(|d| d["kind"] == "field")
    );
}

/// Nothing left: export writes no file.
fn nothing_left_to_export(a: &Path, usb: &Path) {
    // nothing left: export writes no file
    let before: Vec<_> = std::fs::read_dir(usb).unwrap().collect();
    let out = run(a, &["sync", "export", "--out", usb.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to export"));
    assert_eq!(std::fs::read_dir(usb).unwrap().count(), before.len());
}

/// Headquarters returns the first inspection (a return needs a comment) and approves the
/// second; a field device cannot review; both decisions are audited. Returns the ids of
/// `a`'s inspections.
fn return_one_approve_one(hq: &Path, a: &Path) -> Vec<String> {
    let a_insp: Vec<String> = table(a, "inspections")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let err = fails(hq, &["review", "return", &a_insp[0], "--comment", "  "], 2);
    assert!(err.contains("--comment"), "{err}");
    ok(
        hq,
        &[
            "review",
            "return",
            &a_insp[0],
            "--comment",
            "Photo of the seal missing",
        ],
    );
    ok(hq, &["review", "approve", &a_insp[1]]);
    let err = fails(a, &["review", "approve", &a_insp[1]], 2);
    assert!(err.contains("headquarters"), "{err}");
    let audit = table(hq, "audit");
    assert_eq!(audit.iter().filter(|r| r["action"] == "review").count(), 2);
    a_insp
}

/// The laptop holds both decisions on its inspections, as headquarters made them.
fn decisions_arrived(a: &Path, a_insp: &[String]) {
    let store = crate::support::harness::try_open_read_only(a).unwrap();
    let reviews = store.hq().reviews_for(&a_insp[0]).unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].decision, Decision::Returned);
    assert_eq!(reviews[0].comment, "Photo of the seal missing");
    assert_eq!(reviews[0].reviewer, "Officer Li");
    assert_eq!(
        store.hq().reviews_for(&a_insp[1]).unwrap()[0].decision,
        Decision::Approved
    );
}

/// Every record of `a` is acknowledged; acknowledging the same receipt again changes nothing.
fn all_acknowledged_and_acking_again_changes_nothing(a: &Path, receipt: &Path) {
    let sa = status(a);
    assert_eq!(sa["counts"]["acknowledged"], 12);
    assert_eq!(sa["counts"]["sent"], 0);
    assert!(sa["oldest_unacknowledged"].is_null());
    assert!(sa["last_receipt"]["at"].is_string());
    let out = ok(a, &["sync", "ack", receipt.to_str().unwrap()]);
    assert!(out.starts_with("acknowledged 0 records"), "{out}");
}

/// B's next receipt carries nothing of A's; A's next receipt carries both decisions.
fn next_receipts_carry_the_decisions(hq: &Path, a: &Path, b: &Path, usb: &Path, rec: &Path) {
    add_records(b, 1);
    let rb = import(hq, &export(b, usb), rec);
    let out = ok(b, &["sync", "ack", rb.to_str().unwrap()]);
    assert!(out.contains("0 new review decisions"), "{out}");
    add_records(a, 2);
    let ra = import(hq, &export(a, usb), rec);
    let out = ok(a, &["sync", "ack", ra.to_str().unwrap()]);
    assert!(out.contains("2 new review decisions"), "{out}");
    assert!(out.contains("Photo of the seal missing"), "{out}");
}

#[test]
fn two_devices_and_hq_round_trip_with_review_decisions() {
    let t = tempfile::tempdir().unwrap();
    let (dir, usb, rec) = (t.path(), t.path().join("usb"), t.path().join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&rec).unwrap();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    let b = init(dir, "laptop-b", "field");
    pair(&hq, &a, dir);
    pair(&hq, &b, dir);
    hq_lists_itself_and_the_laptops(&hq);

    add_records(&a, 12); // 11 inspections, one with a seizure and its custody event
    add_records(&b, 3);
    let sa = status(&a);
    assert_eq!(sa["counts"]["finalized"], 12);
    assert_eq!(sa["oldest_unacknowledged"]["seq"], 1);
    assert!(sa["last_export"].is_null());

    let first = table(&a, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let entry = |db: &std::path::Path| -> serde_json::Value {
        let shown: serde_json::Value =
            serde_json::from_str(&ok(db, &["record", "show", &first, "--json"])).unwrap();
        shown["outbox"].clone()
    };
    assert_eq!(entry(&a)["state"], "finalized");
    assert!(entry(&a)["bundle_id"].is_null());
    let bundle_a = export(&a, &usb);
    let sa = status(&a);
    assert_eq!(sa["counts"]["finalized"], 0);
    assert_eq!(sa["counts"]["sent"], 12);
    assert_eq!(sa["last_export"]["seq_to"], 12);
    let e = entry(&a);
    assert_eq!(e["state"], "sent");
    assert_eq!(e["bundle_id"], sa["last_export"]["id"]);
    assert_eq!(e["sent_at"], sa["last_export"]["at"]);
    assert!(e["acked_at"].is_null());
    let bundle_b = export(&b, &usb);

    let receipt_a = import(&hq, &bundle_a, &rec);
    let receipt_b = import(&hq, &bundle_b, &rec);
    assert_same_records(&a, &hq);
    assert_same_records(&b, &hq);
    assert_eq!(count(&hq, "inspections"), 11 + 3);
    assert_eq!(count(&hq, "custody_events"), 1);
    let hs = status(&hq);
    assert_eq!(hs["counts"]["received"], 15);
    assert_eq!(hs["devices"].as_array().unwrap().len(), 2);
    assert!(
        table(&hq, "outbox")
            .iter()
            .all(|r| r["state"] == "received")
    );

    // ack on each device
    let at_hq = entry(&hq);
    assert_eq!(at_hq["state"], "received");
    assert_eq!(at_hq["bundle_id"], sa["last_export"]["id"]);
    let out = ok(&a, &["sync", "ack", receipt_a.to_str().unwrap()]);
    assert!(out.starts_with("acknowledged 12 records"), "{out}");
    let e = entry(&a);
    assert_eq!(e["state"], "acknowledged");
    assert_eq!(
        e["bundle_id"], sa["last_export"]["id"],
        "the bundle is kept"
    );
    assert!(e["acked_at"].is_string(), "{e}");
    ok(&b, &["sync", "ack", receipt_b.to_str().unwrap()]);
    all_acknowledged_and_acking_again_changes_nothing(&a, &receipt_a);
    nothing_left_to_export(&a, &usb);

    // HQ reviews A's inspections: one returned, one approved
    let a_insp = return_one_approve_one(&hq, &a);

    next_receipts_carry_the_decisions(&hq, &a, &b, &usb, &rec);
    decisions_arrived(&a, &a_insp);
    assert_eq!(status(&a)["counts"]["acknowledged"], 14);
    assert_same_records(&a, &hq);

    // the decisions are not delivered again once A acknowledged that receipt
    add_records(&a, 1);
    let ra2 = import(&hq, &export(&a, &usb), &rec);
    let out = ok(&a, &["sync", "ack", ra2.to_str().unwrap()]);
    assert!(out.contains("0 new review decisions"), "{out}");
    assert_eq!(table(&a, "reviews").len(), 2);
}

#[test]
fn lost_receipt_decisions_are_delivered_again() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 2);
    let r1 = import(&hq, &export(&a, dir), dir);
    ok(&a, &["sync", "ack", r1.to_str().unwrap()]);
    let insp = table(&hq, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&hq, &["review", "approve", &insp]);
    add_records(&a, 1);
    let lost = import(&hq, &export(&a, dir), dir); // carries the decision; never acked
    std::fs::remove_file(&lost).unwrap();
    add_records(&a, 1);
    let r3 = import(&hq, &export(&a, dir), dir);
    let out = ok(&a, &["sync", "ack", r3.to_str().unwrap()]);
    assert!(out.contains("1 new review decisions"), "{out}");
    assert_eq!(status(&a)["counts"]["acknowledged"], 4);
}

#[test]
fn the_same_bundle_imported_twice_changes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 25);
    let bundle = export(&a, dir);
    import(&hq, &bundle, dir);
    let records_before: Vec<_> = RECORD_TABLES.iter().map(|t| table(&hq, t)).collect();
    let outbox_before = table(&hq, "outbox");
    let out = run(
        &hq,
        &[
            "sync",
            "import",
            bundle.to_str().unwrap(),
            "--receipt-out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 new, 25 already held"), "{err}");
    let records_after: Vec<_> = RECORD_TABLES.iter().map(|t| table(&hq, t)).collect();
    for (i, t) in RECORD_TABLES.iter().enumerate() {
        assert_rows_eq(&records_before[i], &records_after[i], t);
    }
    assert_rows_eq(&outbox_before, &table(&hq, "outbox"), "outbox");
    assert_eq!(count(&hq, "outbox"), 25);
    // the second receipt is as good as the first
    let receipt = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    ok(&a, &["sync", "ack", receipt.to_str().unwrap()]);
    assert_eq!(status(&a)["counts"]["acknowledged"], 25);
}

use std::path::PathBuf;

#[test]
fn an_overlapping_bundle_adds_only_the_new_records() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 5);
    let first = export(&a, dir);
    let stale = import(&hq, &first, dir); // receipt never acknowledged on the device
    add_records(&a, 4);
    let second = export(&a, dir); // unacknowledged rows again + the new ones
    let text = std::fs::read_to_string(&second).unwrap();
    assert_eq!(
        text.lines().count(),
        1 + 9 + 2,
        "header, 9 records, manifest, signature"
    );
    assert_eq!(status(&a)["counts"]["sent"], 9);
    let out = run(
        &hq,
        &[
            "sync",
            "import",
            second.to_str().unwrap(),
            "--receipt-out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 new, 5 already held"));
    assert_eq!(count(&hq, "outbox"), 9);
    assert_same_records(&a, &hq);
    // the older, shorter bundle now adds nothing
    let before = snapshot(&hq);
    let out = run(
        &hq,
        &[
            "sync",
            "import",
            first.to_str().unwrap(),
            "--receipt-out",
            dir.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let after = snapshot(&hq);
    for ((name, b), (_, a)) in before.iter().zip(&after) {
        if !["sync_log"].contains(&name.as_str()) {
            assert_rows_eq(b, a, name);
        }
    }
    let receipt = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    ok(&a, &["sync", "ack", receipt.to_str().unwrap()]);
    assert_eq!(status(&a)["counts"]["acknowledged"], 9);
    // the first receipt (up to seq 5) arrives late: nothing moves back, and the last
    // receipt shown is still the one that reached furthest
    let out = ok(&a, &["sync", "ack", stale.to_str().unwrap()]);
    assert!(out.starts_with("acknowledged 0 records"), "{out}");
    let st = status(&a);
    assert_eq!(st["counts"]["acknowledged"], 9);
    assert_eq!(st["last_receipt"]["seq_to"], 9, "{st}");
}

#[test]
fn ten_thousand_records_round_trip_identical() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 10_000);
    let bundle = export(&a, dir);
    let receipt = import(&hq, &bundle, dir);
    let dev = device_id(&a);
    let mine = chain_rows(&a, &dev);
    assert_eq!(mine.len(), 10_000);
    assert_rows_eq(&mine, &chain_rows(&hq, &dev), "outbox chain rows");
    for t in RECORD_TABLES {
        assert_rows_eq(&table(&a, t), &table(&hq, t), t);
    }
    let ids: HashSet<String> = table(&a, "inspections")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rows_of(&hq, "measurements", &ids).len(), 2 * ids.len());
    ok(&a, &["sync", "ack", receipt.to_str().unwrap()]);
    assert_eq!(status(&a)["counts"]["acknowledged"], 10_000);
}
