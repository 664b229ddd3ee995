//! Sync budgets (DESIGN.md §10): export and import of 100,000 records, compared in the
//! same run with the sqlite3 shell's `.import` of the same rows as CSV.
//!
//! The rows for the CSV import are exactly the rows one real import wrote at
//! headquarters (outbox + outbox_payloads + shipments, inspections, measurements, findings, seizures,
//! custody events, officers), imported into a copy of the same headquarters database in
//! one transaction. Every iteration starts from a fresh copy of the prepared database
//! (copying is outside the timing). `MINSPECT_BENCH_RECORDS` changes the record count.
//!
//! `MINSPECT_BENCH_KEEP=DIR` prepares the fixture in a new DIR and leaves it there (field.db,
//! hq.db, the bundle), e.g. to measure the peak RSS of one import of the real binary:
//! `cp DIR/hq.db X/hq.db && /usr/bin/time -v target/release/minspect --db X/hq.db sync
//! import DIR/minspect-*.bundle --receipt-out X` (delete DIR afterwards: ~4 GB).
//!
//! Run: `cargo bench -p minspect-benches --bench sync -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use minspect_testkit::StoreKit;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use minspect::domain::{DbKind, Role};
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect::sync::{self, ExportOutcome};
use rusqlite::types::ValueRef;

const TABLES: [&str; 9] = [
    "officers",
    "shipments",
    "measurements",
    "findings",
    "seizures",
    "inspections",
    "custody_events",
    "outbox",
    "outbox_payloads",
];

fn records() -> usize {
    std::env::var("MINSPECT_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn new_db(path: &Path, name: &str, kind: DbKind, role: Role) -> Store {
    let mut s = Store::open(path).unwrap();
    setup_new_database(
        &mut s,
        &InitOptions {
            officer_name: format!("Officer {name}"),
            badge: name.into(),
            device_name: name.into(),
            kind,
            role,
        },
    )
    .unwrap();
    s
}

fn copy_db(from: &Path, to: &Path) {
    for ext in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{ext}", to.display()));
    }
    fs::copy(from, to).unwrap();
}

/// Writes `table` of `db` as CSV (header row + rows, RFC 4180 quoting) in column order.
fn dump_csv(db: &Path, table: &str, out: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
    let n = stmt.column_count();
    let names: Vec<String> = stmt.column_names().map(String::from).collect();
    let mut w = std::io::BufWriter::new(fs::File::create(out).unwrap());
    writeln!(w, "{}", names.join(",")).unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        for i in 0..n {
            if i > 0 {
                w.write_all(b",").unwrap();
            }
            match r.get_ref(i).unwrap() {
                ValueRef::Null => {}
                ValueRef::Integer(v) => write!(w, "{v}").unwrap(),
                ValueRef::Real(v) => write!(w, "{v}").unwrap(),
                ValueRef::Text(t) => {
                    let s = String::from_utf8_lossy(t).replace('"', "\"\"");
                    write!(w, "\"{s}\"").unwrap();
                }
                ValueRef::Blob(_) => panic!("no blobs in record tables"),
            }
        }
        w.write_all(b"\n").unwrap();
    }
}

struct Fixture {
    _dir: Option<tempfile::TempDir>,
    work: PathBuf,
    field: PathBuf,
    hq: PathBuf,
    bundle: PathBuf,
    csv_script: String,
    n: usize,
}

fn fixture() -> Fixture {
    let n = records();
    let (dir, kept) = match std::env::var_os("MINSPECT_BENCH_KEEP") {
        Some(keep) => {
            let keep = PathBuf::from(keep);
            fs::create_dir_all(&keep).unwrap();
            (None, keep)
        }
        None => {
            let t = tempfile::tempdir().unwrap();
            let p = t.path().to_path_buf();
            (Some(t), p)
        }
    };
    let d = kept.as_path();
    let (field, hq) = (d.join("field.db"), d.join("hq.db"));
    {
        let mut f = new_db(&field, "field-1", DbKind::Field, Role::Officer);
        let mut h = new_db(&hq, "hq-1", DbKind::Hq, Role::Supervisor);
        let (fk, hk) = (
            f.device().local_key().unwrap(),
            h.device().local_key().unwrap(),
        );
        h.device_mut()
            .trust_device(&fk.device_id, &fk.name, DbKind::Field, fk.public_key)
            .unwrap();
        f.device_mut()
            .trust_device(&hk.device_id, &hk.name, DbKind::Hq, hk.public_key)
            .unwrap();
        let t = std::time::Instant::now();
        f.test_support_finalize_samples(n).unwrap();
        eprintln!("prepared {n} finalized records in {:.1?}", t.elapsed());
    }
    // one real export and import: the bundle for the import benchmark, and the rows
    // headquarters holds afterwards for the CSV comparison
    let work = d.join("work");
    fs::create_dir_all(&work).unwrap();
    let scratch = d.join("scratch.db");
    copy_db(&field, &scratch);
    let bundle = match sync::export_bundle(&mut Store::open(&scratch).unwrap(), d).unwrap() {
        ExportOutcome::Written(r) => r.path,
        ExportOutcome::NothingToExport => panic!("nothing exported"),
    };
    eprintln!(
        "bundle: {} bytes for {n} records",
        fs::metadata(&bundle).unwrap().len()
    );
    let hq_full = d.join("hq-full.db");
    copy_db(&hq, &hq_full);
    sync::import_bundle(&mut Store::open(&hq_full).unwrap(), &bundle, Some(&work)).unwrap();
    let mut script = String::from("PRAGMA synchronous=FULL;\nBEGIN;\n");
    for t in TABLES {
        let csv = d.join(format!("{t}.csv"));
        dump_csv(&hq_full, t, &csv);
        // the prepared HQ already holds its own officer; import only the new rows
        script += &format!(".import --csv --skip 1 {} {t}\n", csv.display());
    }
    script += "COMMIT;\n";
    // officers.csv holds the HQ officer too: keep only the field officers
    let off = d.join("officers.csv");
    let text = fs::read_to_string(&off).unwrap();
    let hq_officer = Store::open_read_only(&hq)
        .unwrap()
        .db()
        .meta("officer_id")
        .unwrap()
        .unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains(&hq_officer)).collect();
    fs::write(&off, kept.join("\n") + "\n").unwrap();
    Fixture {
        _dir: dir,
        work,
        field,
        hq,
        bundle,
        csv_script: script,
        n,
    }
}

fn bench(c: &mut Criterion) {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        panic!("the sqlite3 shell is missing: install it (apt-get install sqlite3; .ci/run does)");
    }
    let fx = fixture();
    let mut g = c.benchmark_group(format!("sync_{}", fx.n));
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.throughput(Throughput::Elements(fx.n as u64));
    g.measurement_time(Duration::from_secs(3));
    let db = fx.work.join("db.db");
    let out = fx.work.join("out");

    g.bench_function("export", |b| {
        b.iter_batched(
            || {
                let _ = fs::remove_dir_all(&out);
                fs::create_dir_all(&out).unwrap();
                copy_db(&fx.field, &db);
            },
            |()| {
                let mut s = Store::open(&db).unwrap();
                match sync::export_bundle(&mut s, &out).unwrap() {
                    ExportOutcome::Written(r) => assert_eq!(r.records, fx.n as u64),
                    ExportOutcome::NothingToExport => panic!("nothing exported"),
                }
            },
            BatchSize::PerIteration,
        )
    });

    g.bench_function("import", |b| {
        b.iter_batched(
            || {
                let _ = fs::remove_dir_all(&out);
                fs::create_dir_all(&out).unwrap();
                copy_db(&fx.hq, &db);
            },
            |()| {
                let mut s = Store::open(&db).unwrap();
                let r = sync::import_bundle(&mut s, &fx.bundle, Some(&out)).unwrap();
                assert_eq!(r.outcome.new_records, fx.n as u64);
            },
            BatchSize::PerIteration,
        )
    });

    g.bench_function("sqlite3_shell_csv_import", |b| {
        b.iter_batched(
            || copy_db(&fx.hq, &db),
            |()| {
                let mut child = Command::new("sqlite3")
                    .arg("-bail")
                    .arg(&db)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(fx.csv_script.as_bytes())
                    .unwrap();
                let out = child.wait_with_output().unwrap();
                assert!(
                    out.status.success() && out.stderr.is_empty(),
                    "sqlite3 .import failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let conn = rusqlite::Connection::open(&db).unwrap();
                let rows: i64 = conn
                    .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(rows, fx.n as i64);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
