//! Shared helpers for the sync tests: real database files in temp dirs, the real binary.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

pub use minspect::store::chain::RECORD_TABLES;

pub fn bin() -> Command {
    crate::support::harness::minspect()
}

/// Runs `minspect --db DB args...` and returns its output (no assertion).
pub fn run(db: &Path, args: &[&str]) -> Output {
    bin().arg("--db").arg(db).args(args).output().unwrap()
}

/// Runs and asserts success; returns stdout trimmed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(
        out.status.success(),
        "minspect {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Runs and asserts failure with exit code `code`; returns stderr.
pub fn fails(db: &Path, args: &[&str], code: i32) -> String {
    let out = run(db, args);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(code),
        "minspect {args:?}: expected exit {code}; stdout {} stderr {err}",
        String::from_utf8_lossy(&out.stdout)
    );
    err
}

/// Creates a database: kind is "field", "hq" or "training".
pub fn init(dir: &Path, name: &str, kind: &str) -> PathBuf {
    let db = dir.join(format!("{name}.db"));
    let mut args = vec![
        "init",
        "--officer",
        "Officer Li",
        "--badge",
        name,
        "--device",
        name,
    ];
    match kind {
        "hq" => args.push("--hq"),
        "training" => args.push("--training"),
        _ => {}
    }
    ok(&db, &args);
    db
}

/// HQ trusts the field device and the field device trusts HQ (key files on disk).
pub fn pair(hq: &Path, field: &Path, dir: &Path) {
    let fk = dir.join(format!(
        "{}.key.json",
        field.file_stem().unwrap().to_string_lossy()
    ));
    let hk = dir.join("hq.key.json");
    assert_eq!(
        ok(
            field,
            &["device", "export-key", "--out", fk.to_str().unwrap()]
        ),
        fk.display().to_string()
    );
    // the same HQ key pairs with every device: a deliberate overwrite
    ok(
        hq,
        &[
            "device",
            "export-key",
            "--force",
            "--out",
            hk.to_str().unwrap(),
        ],
    );
    assert!(ok(hq, &["device", "trust", fk.to_str().unwrap()]).starts_with("trusted"));
    assert!(ok(field, &["device", "trust", hk.to_str().unwrap()]).starts_with("trusted"));
}

/// Appends `n` finalized records to a device (test support in the store).
pub fn add_records(db: &Path, n: usize) {
    let mut s = crate::support::harness::try_open(db).unwrap();
    s.test_support_finalize_samples(n).unwrap();
}

pub fn export(db: &Path, out: &Path) -> PathBuf {
    let p = PathBuf::from(ok(db, &["sync", "export", "--out", out.to_str().unwrap()]));
    assert!(p.is_file(), "export printed {}", p.display());
    assert_eq!(p.parent().unwrap(), out);
    p
}

pub fn import(hq: &Path, bundle: &Path, receipts: &Path) -> PathBuf {
    let p = PathBuf::from(ok(
        hq,
        &[
            "sync",
            "import",
            bundle.to_str().unwrap(),
            "--receipt-out",
            receipts.to_str().unwrap(),
        ],
    ));
    assert!(p.is_file(), "import printed {}", p.display());
    p
}

pub fn status(db: &Path) -> Value {
    serde_json::from_str(&ok(db, &["sync", "status", "--json"])).unwrap()
}

pub fn table(db: &Path, t: &str) -> Vec<Value> {
    crate::support::harness::try_open_read_only(db)
        .unwrap()
        .test_support_table_json(t)
        .unwrap()
}

/// Everything in a database that sync could touch, for "unchanged" assertions.
pub fn snapshot(db: &Path) -> Vec<(String, Vec<Value>)> {
    RECORD_TABLES
        .iter()
        .chain(&[
            "outbox", "reviews", "sync_log", "audit", "officers", "devices", "meta",
        ])
        .map(|t| (t.to_string(), table(db, t)))
        .collect()
}

/// The immutable chain columns of a device's outbox rows.
pub fn chain_rows(db: &Path, device_id: &str) -> Vec<Value> {
    table(db, "outbox")
        .into_iter()
        .filter(|r| r["device_id"] == device_id)
        .map(|r| {
            serde_json::json!([
                r["device_id"],
                r["seq"],
                r["kind"],
                r["record_id"],
                r["payload"],
                r["hash"],
                r["prev_hash"],
                r["created_at"]
            ])
        })
        .collect()
}

pub fn device_id(db: &Path) -> String {
    crate::support::harness::try_open_read_only(db)
        .unwrap()
        .db()
        .meta("device_id")
        .unwrap()
        .unwrap()
}

/// Rows of a record table that belong to `device_id` (via the inspection or directly).
pub fn rows_of(db: &Path, t: &str, ids: &std::collections::HashSet<String>) -> Vec<Value> {
    table(db, t)
        .into_iter()
        .filter(|r| {
            ["id", "inspection_id", "shipment_id", "seizure_id"]
                .iter()
                .any(|k| r[*k].as_str().is_some_and(|v| ids.contains(v)))
        })
        .collect()
}

/// Every record-table row of the device database `field` is present, identical, at HQ.
pub fn assert_same_records(field: &Path, hq: &Path) {
    let dev = device_id(field);
    assert_rows_eq(
        &chain_rows(field, &dev),
        &chain_rows(hq, &dev),
        "outbox chain rows",
    );
    for t in RECORD_TABLES {
        let mine = table(field, t);
        let theirs: std::collections::HashMap<String, Value> = table(hq, t)
            .into_iter()
            .map(|r| (r["id"].as_str().unwrap().to_string(), r))
            .collect();
        for row in &mine {
            let id = row["id"].as_str().unwrap();
            assert!(
                Some(row) == theirs.get(id),
                "{t} row {id} differs at HQ:\n  {row}\n  {:?}",
                theirs.get(id)
            );
        }
    }
}

pub fn count(db: &Path, t: &str) -> usize {
    table(db, t).len()
}

/// Asserts two row lists are equal, reporting only the first difference.
pub fn assert_rows_eq(a: &[Value], b: &[Value], what: &str) {
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(x == y, "{what}: row {i} differs:\n  {x}\n  {y}");
    }
    assert_eq!(a.len(), b.len(), "{what}: row counts differ");
}

/// Runs `import`, an import expected to be refused that returns its message; asserts the
/// message is one line saying "refused" with every one of `needles`, and that neither
/// headquarters nor the receipt directory changed.
pub fn assert_refused(
    hq: &Path,
    receipts: &Path,
    needles: &[&str],
    import: impl FnOnce() -> String,
) -> String {
    let before = snapshot(hq);
    let receipts_before = std::fs::read_dir(receipts).unwrap().count();
    let err = import();
    assert!(err.contains("refused"), "{err}");
    for n in needles {
        assert!(err.contains(n), "expected '{n}' in: {err}");
    }
    assert_eq!(err.trim().lines().count(), 1, "one-line message: {err}");
    let after = snapshot(hq);
    for ((name, b), (_, a)) in before.iter().zip(&after) {
        assert_rows_eq(b, a, name);
    }
    assert_eq!(
        std::fs::read_dir(receipts).unwrap().count(),
        receipts_before,
        "no receipt written"
    );
    err
}

/// `minspect sync import BUNDLE --receipt-out DIR` expecting a refusal (exit 2): see
/// `assert_refused`.
pub fn refused(hq: &Path, bundle: &Path, dir: &Path, needles: &[&str]) -> String {
    assert_refused(hq, dir, needles, || {
        fails(
            hq,
            &[
                "sync",
                "import",
                bundle.to_str().unwrap(),
                "--receipt-out",
                dir.to_str().unwrap(),
            ],
            2,
        )
    })
}

/// A headquarters and a field laptop that trust each other: (hq, laptop-a).
pub fn hq_and_laptop(dir: &Path) -> (PathBuf, PathBuf) {
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    (hq, a)
}

/// A field database at `db` made by the real `init` (officer Li Wei, GZ-0417, laptop-7)
/// with the rule pack `pack` installed: what a console session in a terminal starts on.
pub fn field_db_with_pack(db: &Path, pack: &str) {
    let out = super::harness::minspect_std()
        .args(["--db", db.to_str().unwrap(), "init", "--officer", "Li Wei"])
        .args(["--badge", "GZ-0417", "--device", "laptop-7"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    super::harness::try_open(db)
        .unwrap()
        .rules_mut()
        .install_pack(pack, "test")
        .unwrap();
}
