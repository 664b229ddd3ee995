//! Output safety and exit codes that scripts can trust (issue 15 items 5 and 7, DESIGN
//! section 7): a bundle whose record id carries terminal escapes is refused without one
//! byte of them reaching the terminal; a read-only refusal exits 2 for every write
//! subcommand; an import whose receipt could not be written exits 3 with the records
//! kept; re-imports overwrite one receipt per bundle; an altered rule pack fails
//! `db check`; the README prints the limits table of the code.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::limits;
use minspect::store::chain::chain_hash;

use crate::support::binary::{
    add_records, count, export, fails, hq_and_laptop, import, ok, run, snapshot,
};
use crate::support::harness::open;

/// Rewrites the laptop's last record as `change` says, behind its triggers, so that its
/// own export signs the result.
fn forge(laptop: &Path, change: impl FnOnce(&str, &str) -> (String, String)) {
    let s = open(laptop);
    let q = |sql: String| s.query_raw_for_tests(&sql).unwrap().unwrap();
    let seq = q("SELECT max(seq) FROM outbox".into());
    let payload = q(format!(
        "SELECT payload FROM outbox_payloads WHERE seq = {seq}"
    ));
    let record_id = q(format!("SELECT record_id FROM outbox WHERE seq = {seq}"));
    let (payload, record_id) = change(&payload, &record_id);
    let prev = q(format!("SELECT prev_hash FROM outbox WHERE seq = {seq}"));
    let hash = chain_hash(&prev, &payload);
    let lit = |t: &str| format!("'{}'", t.replace('\'', "''"));
    for sql in [
        "DROP TRIGGER outbox_immutable".to_string(),
        "DROP TRIGGER outbox_payloads_immutable".into(),
        format!(
            "UPDATE outbox_payloads SET payload = {} WHERE seq = {seq}",
            lit(&payload)
        ),
        format!(
            "UPDATE outbox SET hash = '{hash}', record_id = {} WHERE seq = {seq}",
            lit(&record_id)
        ),
    ] {
        s.execute_raw_for_tests(&sql).unwrap();
    }
}

fn setup(n: usize) -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let dir = tempfile::TempDir::new().unwrap();
    let (hq, laptop) = hq_and_laptop(dir.path());
    add_records(&laptop, n);
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    (dir, hq, laptop, usb)
}

#[test]
fn a_record_id_with_terminal_escapes_never_reaches_the_terminal() {
    let (_dir, hq, laptop, usb) = setup(1);
    forge(&laptop, |p, id| {
        (p.to_string(), format!("{id}\u{1b}]0;x\u{7}"))
    });
    let bundle = export(&laptop, &usb);
    let out = run(
        &hq,
        &[
            "sync",
            "import",
            bundle.to_str().unwrap(),
            "--receipt-out",
            usb.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !stream.contains(&0x1b) && !stream.contains(&0x07),
            "{}",
            String::from_utf8_lossy(stream)
        );
    }
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refused") && err.contains("record_id"),
        "{err}"
    );
    assert_eq!(count(&hq, "inspections"), 0);
}

/// Every write subcommand, as (database, arguments split at spaces).
fn write_commands(dir: &Path, hq: &Path, laptop: &Path, usb: &Path) -> Vec<(PathBuf, String)> {
    let bundle = export(laptop, usb);
    let receipt = import(hq, &bundle, usb);
    add_records(laptop, 1);
    let bundle2 = export(laptop, usb);
    let root = env!("CARGO_MANIFEST_DIR");
    let record = format!("{root}/fixtures/examples/record.json");
    let pack = format!("{root}/fixtures/rules/cn-strategic-minerals.toml");
    let id = crate::support::binary::table(hq, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // a device headquarters does not trust yet
    let other = crate::support::binary::init(dir, "laptop-b", "field");
    let key = dir.join("laptop-b.key.json");
    ok(
        &other,
        &["device", "export-key", "--out", key.to_str().unwrap()],
    );
    let (f, h) = (laptop.to_path_buf(), hq.to_path_buf());
    let (usb, receipt, bundle2, key) = (
        usb.display(),
        receipt.display(),
        bundle2.display(),
        key.display(),
    );
    vec![
        (f.clone(), format!("record import {record} --finalize")),
        (f.clone(), format!("record finalize {id}")),
        (f.clone(), format!("rules import {pack} --force")),
        (f.clone(), format!("sync export --out {usb}")),
        (f, format!("sync ack {receipt}")),
        (
            h.clone(),
            format!("sync import {bundle2} --receipt-out {usb}"),
        ),
        (h.clone(), format!("device trust {key}")),
        (h.clone(), format!("review approve {id}")),
        (
            h.clone(),
            format!("review return {id} --comment weigh-again"),
        ),
        (
            h.clone(),
            "officer add --name Wu --badge HQ-9 --role supervisor".into(),
        ),
        (h, "officer map --badge hq --login someone-else".into()),
        (
            dir.join("new.db"),
            "init --officer Li --badge 1 --device d".into(),
        ),
        (
            dir.join("x.db"),
            format!(
                "fixture generate --shipments 5 --out {}",
                dir.join("t.db").display()
            ),
        ),
    ]
}

#[test]
fn a_read_only_refusal_exits_2_for_every_write_subcommand() {
    let (dir, hq, laptop, usb) = setup(2);
    for (db, args) in write_commands(dir.path(), &hq, &laptop, &usb) {
        let before = db.exists().then(|| snapshot(&db));
        let mut all = vec!["--read-only"];
        all.extend(args.split(' '));
        let err = fails(&db, &all, 2);
        assert!(err.contains("read-only"), "{args}: {err}");
        if let Some(before) = before {
            assert_eq!(snapshot(&db), before, "{args} changed the database");
        }
    }
    assert!(!dir.path().join("new.db").exists() && !dir.path().join("t.db").exists());
}

/// The bundle id of `bundle`, from its header line.
fn bundle_id(bundle: &Path) -> String {
    let text = std::fs::read_to_string(bundle).unwrap();
    let header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    header["bundle"]["bundle_id"].as_str().unwrap().to_string()
}

#[test]
fn an_import_whose_receipt_cannot_be_written_exits_3_and_keeps_the_records() {
    let (dir, hq, laptop, usb) = setup(3);
    let bundle = export(&laptop, &usb);
    let receipts = dir.path().join("receipts");
    let name = format!("minspect-receipt-{}.receipt", bundle_id(&bundle));
    // a directory holds the receipt's name: the rename over it fails
    std::fs::create_dir_all(receipts.join(&name).join("in-the-way")).unwrap();
    let args = [
        "sync",
        "import",
        bundle.to_str().unwrap(),
        "--receipt-out",
        receipts.to_str().unwrap(),
    ];
    let err = fails(&hq, &args, 3);
    assert!(
        err.contains("imported 3 new records") && err.contains("receipt could not be written"),
        "{err}"
    );
    assert_eq!(count(&hq, "inspections"), 3);
    std::fs::remove_dir_all(receipts.join(&name)).unwrap();
    let printed = ok(&hq, &args);
    assert_eq!(printed, receipts.join(&name).display().to_string());
}

#[test]
fn repeated_imports_overwrite_one_receipt_per_bundle() {
    let (_dir, hq, laptop, usb) = setup(2);
    let bundle = export(&laptop, &usb);
    let receipts = usb.join("receipts");
    std::fs::create_dir_all(&receipts).unwrap();
    let first = import(&hq, &bundle, &receipts);
    let again = import(&hq, &bundle, &receipts);
    import(&hq, &bundle, &receipts);
    assert_eq!(first, again);
    assert_eq!(
        first.file_name().unwrap().to_string_lossy(),
        format!("minspect-receipt-{}.receipt", bundle_id(&bundle))
    );
    assert_eq!(std::fs::read_dir(&receipts).unwrap().count(), 1);
    ok(&laptop, &["sync", "ack", first.to_str().unwrap()]);
}

#[test]
fn an_altered_rule_pack_fails_db_check_and_is_not_loaded() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = crate::support::binary::init(dir.path(), "laptop", "field");
    ok(&db, &["db", "check"]);
    {
        let s = open(&db);
        let err = s
            .execute_raw_for_tests("UPDATE rule_packs SET raw_toml = replace(raw_toml, 'value = 99.99 }', 'value = 99.9999 }')")
            .unwrap_err();
        assert!(err.to_string().contains("immutable"), "{err}");
        s.execute_raw_for_tests("DROP TRIGGER rule_packs_immutable")
            .unwrap();
        s.execute_raw_for_tests("UPDATE rule_packs SET raw_toml = replace(raw_toml, 'value = 99.99 }', 'value = 99.9999 }')")
            .unwrap();
    }
    let out = run(&db, &["db", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("ALTERED RULE PACK") && text.contains("was altered"),
        "{text}"
    );
    let err = fails(&db, &["rules", "list"], 2);
    assert!(err.contains("was altered"), "{err}");
}

#[test]
fn the_readme_prints_the_limits_table_of_the_code() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("| limit | allowed |")
        .expect("the README's limits table");
    let rows: Vec<&str> = readme[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let expected: Vec<String> = limits::table()
        .iter()
        .map(|l| format!("| {} | {} |", l.what, l.limit))
        .collect();
    assert_eq!(
        rows, expected,
        "README limits table vs src/domain/limits.rs"
    );
}

#[test]
fn record_import_refuses_an_implausible_fact_naming_the_field_exit_2() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = crate::support::binary::init(dir.path(), "laptop", "field");
    let mut v: serde_json::Value = serde_json::from_str(minspect::cli::EXAMPLE_RECORD).unwrap();
    v["shipment"]["net_weight_g"] = 9_200_000_000_000_000_i64.into();
    v["shipment"]["destination"] = "ch".into();
    let file = dir.path().join("heavy.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let err = fails(
        &db,
        &["record", "import", file.to_str().unwrap(), "--finalize"],
        2,
    );
    assert!(err.contains("shipment.net_weight_g"), "{err}");
    assert_eq!(count(&db, "shipments"), 0);
    v["shipment"]["net_weight_g"] = 4_000_000.into();
    std::fs::write(&file, v.to_string()).unwrap();
    ok(
        &db,
        &["record", "import", file.to_str().unwrap(), "--finalize"],
    );
    let shipments = crate::support::binary::table(&db, "shipments");
    assert_eq!(
        shipments[0]["destination"], "CH",
        "country codes stored upper case"
    );
}
