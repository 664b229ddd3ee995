//! `minspect record ...` and `minspect db check` as a user runs them.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples/record.json");

pub(crate) fn minspect(db: &Path) -> Command {
    let mut c = crate::support::harness::minspect();
    c.arg("--db").arg(db).env_remove("MINSPECT_DB");
    c
}

pub(crate) fn new_db() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    minspect(&db)
        .args([
            "init",
            "--officer",
            "Li Wei",
            "--badge",
            "3101",
            "--device",
            "yangshan-01",
        ])
        .assert()
        .success();
    (dir, db)
}

/// A field database holding the example record (case C12), imported and finalized.
fn finalized_example_db() -> (TempDir, PathBuf) {
    let (dir, db) = new_db();
    minspect(&db)
        .args(["record", "import", EXAMPLE, "--finalize"])
        .assert()
        .success();
    (dir, db)
}

pub(crate) fn counts(db: &Path) -> Vec<(String, i64)> {
    crate::support::harness::try_open(db)
        .unwrap()
        .query()
        .record_counts()
        .unwrap()
}

#[test]
fn import_the_example_finalized_then_show_receipt_and_check() {
    let (dir, db) = new_db();
    let out = minspect(&db)
        .args(["record", "import", EXAMPLE, "--finalize", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let imported: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let inspection = imported["inspection_id"].as_str().unwrap().to_string();
    assert_eq!(imported["finalized"]["seq"], 1);
    assert_eq!(imported["custody_ids"].as_array().unwrap().len(), 2);

    let shown = minspect(&db)
        .args(["record", "show", &inspection, "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown: serde_json::Value = serde_json::from_slice(&shown).unwrap();
    assert_eq!(shown["inspection"]["state"], "finalized");
    assert_eq!(
        shown["shipment"]["exporter_credit_code"],
        "91310115MA1K3T8W50"
    );
    assert_eq!(shown["measurements"].as_array().unwrap().len(), 5);
    assert_eq!(
        shown["seizures"][0]["custody_events"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(shown["outbox"]["seq"], 1);
    assert_eq!(shown["outbox"]["state"], "finalized");

    // by shipment id too, in text
    let shipment = imported["shipment_id"].as_str().unwrap();
    minspect(&db)
        .args(["record", "show", shipment])
        .assert()
        .success()
        .stdout(predicate::str::contains("[finalized]").and(predicate::str::contains("Dy = 0.36")));

    let receipt = dir.path().join("receipt.md");
    minspect(&db)
        .args(["record", "receipt", &inspection, "--markdown", "--out"])
        .arg(&receipt)
        .assert()
        .success();
    let md = std::fs::read_to_string(&receipt).unwrap();
    assert!(
        md.contains("# Seizure receipt") && md.contains("CS-0705-001"),
        "{md}"
    );
    // the receipt holds the record in clear: owner-only, whatever the umask
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&receipt).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "receipt file mode {mode:o}");

    minspect(&db)
        .args(["record", "drafts"])
        .assert()
        .success()
        .stdout("no open drafts\n");
    minspect(&db)
        .args(["db", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("3 records on 1 device chain"));
}

#[test]
fn a_draft_import_is_listed_and_finalized_later() {
    let (dir, db) = new_db();
    let mut rec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    rec["seizures"][0]["custody"] = serde_json::json!([]);
    let file = dir.path().join("draft.json");
    std::fs::write(&file, rec.to_string()).unwrap();
    minspect(&db)
        .args(["record", "import"])
        .arg(&file)
        .assert()
        .success();
    let drafts = minspect(&db)
        .args(["record", "drafts", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let drafts: serde_json::Value = serde_json::from_slice(&drafts).unwrap();
    let id = drafts[0]["inspection_id"].as_str().unwrap().to_string();
    minspect(&db)
        .args(["record", "finalize", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("seq 1"));
    minspect(&db)
        .args(["record", "drafts"])
        .assert()
        .stdout("no open drafts\n");
}

/// Each broken file: exit 2, the field path named, nothing written.
#[test]
fn a_broken_import_changes_nothing() {
    let (dir, db) = new_db();
    let good: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let before = counts(&db);
    type Edit = fn(&mut serde_json::Value);
    let cases: Vec<(&str, Edit, bool)> = vec![
        (
            "shipment.destination",
            |v| v["shipment"]["destination"] = "XX".into(),
            true,
        ),
        (
            "shipment.exporter_credit_code",
            |v| v["shipment"]["exporter_credit_code"] = "91310115MA1K3T8W5O".into(),
            true,
        ),
        (
            "measurements[0].value",
            |v| v["measurements"][0]["value"] = "lots".into(),
            true,
        ),
        (
            "measurements[2].value",
            |v| v["measurements"][2]["value"] = 130.into(),
            true,
        ),
        (
            "shipment.net_weigth_g",
            |v| v["shipment"]["net_weigth_g"] = 5.into(),
            true,
        ),
        (
            "seizures[0].custody[1].at",
            |v| v["seizures"][0]["custody"][1]["at"] = "next Tuesday".into(),
            true,
        ),
        ("seizures[0].custody", |_| {}, false),
        (
            "inspection.locode",
            |v| v["inspection"]["locode"] = "SHANGHAI".into(),
            true,
        ),
    ];
    for (field, edit, finalize) in cases {
        let mut v = good.clone();
        edit(&mut v);
        let file = dir.path().join("broken.json");
        std::fs::write(&file, v.to_string()).unwrap();
        let mut cmd = minspect(&db);
        cmd.args(["record", "import"]).arg(&file);
        if finalize {
            cmd.arg("--finalize");
        }
        cmd.assert()
            .code(2)
            .stderr(predicate::str::contains(field))
            .stdout("");
        assert_eq!(counts(&db), before, "{field}: nothing may be written");
    }
    std::fs::write(dir.path().join("broken.json"), "{\"shipment\": ").unwrap();
    minspect(&db)
        .args(["record", "import"])
        .arg(dir.path().join("broken.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("malformed JSON"));
    assert_eq!(counts(&db), before);
}

#[test]
fn db_check_names_the_first_broken_link() {
    let (_dir, db) = finalized_example_db();
    minspect(&db).args(["db", "check"]).assert().success();
    {
        // tamper with the second record's payload behind the store's back
        let store = crate::support::harness::try_open(&db).unwrap();
        store
            .execute_raw_for_tests("DROP TRIGGER outbox_payloads_immutable")
            .unwrap();
        store
            .execute_raw_for_tests(
                "UPDATE outbox_payloads SET payload = replace(payload, 'seizure store', 'nowhere') WHERE seq = 2",
            )
            .unwrap();
        let report = store.chain().verify_chains().unwrap();
        let broken = report.broken.unwrap();
        assert_eq!(broken.seq, 2);
        assert!(broken.problem.contains("payload"), "{}", broken.problem);
    }
    minspect(&db)
        .args(["db", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("BROKEN CHAIN").and(predicate::str::contains("seq 2")));
}

#[test]
fn a_gap_in_the_chain_is_named() {
    let (_dir, db) = finalized_example_db();
    let store = crate::support::harness::try_open(&db).unwrap();
    for sql in [
        "DROP TRIGGER outbox_no_delete",
        "DROP TRIGGER outbox_payloads_no_delete",
        "DELETE FROM outbox_payloads WHERE seq = 2",
        "DELETE FROM outbox WHERE seq = 2",
    ] {
        store.execute_raw_for_tests(sql).unwrap();
    }
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert_eq!(broken.seq, 3);
    assert!(
        broken.problem.contains("expected seq 2"),
        "{}",
        broken.problem
    );
}

#[test]
fn a_missing_payload_is_named() {
    let (_dir, db) = finalized_example_db();
    let store = crate::support::harness::try_open(&db).unwrap();
    for sql in [
        "DROP TRIGGER outbox_payloads_no_delete",
        "DELETE FROM outbox_payloads WHERE seq = 2",
    ] {
        store.execute_raw_for_tests(sql).unwrap();
    }
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert_eq!(broken.seq, 2);
    assert!(
        broken.problem.contains("payload is missing"),
        "{}",
        broken.problem
    );
}

#[test]
fn a_delivery_mark_beyond_the_chain_head_is_named() {
    let (_dir, db) = finalized_example_db();
    {
        let store = crate::support::harness::try_open(&db).unwrap();
        let head = store.chain().verify_chains().unwrap().records();
        assert!(store.chain().verify_chains().unwrap().is_ok());
        // marks can only grow, so an altered mark is one that runs ahead of the chain
        store
            .execute_raw_for_tests(&format!(
                "INSERT INTO outbox_marks (device_id, sent_through, acked_through)
                 SELECT device_id, {head}, {} FROM outbox LIMIT 1",
                head + 4
            ))
            .unwrap();
        let broken = store.chain().verify_chains().unwrap().broken.unwrap();
        assert_eq!(broken.seq, head + 4);
        assert!(
            broken.problem.contains("acknowledged")
                && broken.problem.contains(&format!("ends at seq {head}")),
            "{}",
            broken.problem
        );
    }
    minspect(&db)
        .args(["db", "check"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("INCONSISTENT DELIVERY MARKS"));
    // and export refuses rather than skipping records the marks claim were delivered
    let out = db.parent().unwrap().join("usb");
    std::fs::create_dir_all(&out).unwrap();
    minspect(&db)
        .args(["sync", "export", "--out", out.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("run past its last record"));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
}

#[test]
fn read_only_refuses_import() {
    let (_dir, db) = new_db();
    minspect(&db)
        .args(["--read-only", "record", "import", EXAMPLE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--read-only"));
}

/// Someone with the sqlite3 shell drops the immutability trigger and edits a finalized
/// row: the outbox payload is intact, but `db check` compares the live rows with what was
/// hashed and names the field.
#[test]
fn db_check_catches_an_edited_finalized_row() {
    let (_dir, db) = finalized_example_db();
    {
        let store = crate::support::harness::try_open(&db).unwrap();
        store
            .execute_raw_for_tests("DROP TRIGGER shipments_immutable")
            .unwrap();
        store
            .execute_raw_for_tests("UPDATE shipments SET exporter_name = 'Tampered Co.'")
            .unwrap();
        // the derived columns may change after finalizing: that alone is not tampering
        store
            .execute_raw_for_tests("UPDATE shipments SET status = 'released'")
            .unwrap();
        let broken = store
            .chain()
            .verify_chains()
            .unwrap()
            .broken
            .expect("tampering found");
        assert_eq!(broken.seq, 1);
        assert!(
            broken.problem.contains("shipment.exporter_name"),
            "{}",
            broken.problem
        );
    }
    minspect(&db).args(["db", "check"]).assert().code(1).stdout(
        predicate::str::contains("BROKEN CHAIN").and(predicate::str::contains("exporter_name")),
    );
}

#[test]
fn derived_shipment_columns_may_follow_later_inspections() {
    let (_dir, db) = finalized_example_db();
    let store = crate::support::harness::try_open(&db).unwrap();
    store
        .execute_raw_for_tests("UPDATE shipments SET status = 'released', verdict = 'needs_review'")
        .unwrap();
    assert!(store.chain().verify_chains().unwrap().is_ok());
}
