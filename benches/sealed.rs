//! The cost of sealing (issue 15 item 3, DESIGN.md §5 and §10): export and import of
//! 10,000 records, sealed to headquarters' X25519 key and unsealed, in the same run.
//!
//! One laptop database with the records is prepared twice: trusting headquarters' key
//! without its sealing key (a version-1 key: unsealed bundles) and with it (sealed). Each
//! iteration exports from a fresh copy of a laptop, or imports its bundle into a fresh copy
//! of headquarters (copying is outside the timing). `MINSPECT_BENCH_RECORDS` changes the
//! record count.
//!
//! Run: `cargo bench -p minspect-benches --bench sealed -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use minspect_testkit::StoreKit;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use minspect::domain::{DbKind, Role, World};
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect::sync::{self, ExportOutcome};

fn records() -> usize {
    std::env::var("MINSPECT_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
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

fn export(db: &Path, out: &Path) -> (PathBuf, bool) {
    match sync::export_bundle(&mut Store::open(db).unwrap(), out).unwrap() {
        ExportOutcome::Written(r) => (r.path, r.sealed),
        ExportOutcome::NothingToExport => panic!("nothing exported"),
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    work: PathBuf,
    hq: PathBuf,
    /// (laptop database, its bundle) unsealed, then sealed
    laptops: [(PathBuf, PathBuf); 2],
    n: usize,
}

fn fixture() -> Fixture {
    let n = records();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (clear, sealed, hq) = (d.join("clear.db"), d.join("sealed.db"), d.join("hq.db"));
    {
        let mut f = new_db(&clear, "field-1", DbKind::Field, Role::Officer);
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
        drop(f);
        copy_db(&clear, &sealed);
        let seal = sync::seal::public_of(&hk.seal_secret.unwrap());
        Store::open(&sealed)
            .unwrap()
            .device_mut()
            .trust_device_keys(
                &hk.device_id,
                &hk.name,
                DbKind::Hq,
                World::Live,
                hk.public_key,
                Some(seal),
            )
            .unwrap();
    }
    let work = d.join("work");
    fs::create_dir_all(&work).unwrap();
    let laptops = [clear, sealed].map(|db| {
        let out = d.join(db.file_stem().unwrap());
        fs::create_dir_all(&out).unwrap();
        let scratch = work.join("scratch.db");
        copy_db(&db, &scratch);
        let (bundle, is_sealed) = export(&scratch, &out);
        eprintln!(
            "{}: {} bytes for {n} records (sealed: {is_sealed})",
            db.display(),
            fs::metadata(&bundle).unwrap().len()
        );
        (db, bundle)
    });
    Fixture {
        _dir: dir,
        work,
        hq,
        laptops,
        n,
    }
}

fn bench(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group(format!("sealed_{}", fx.n));
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.throughput(Throughput::Elements(fx.n as u64));
    g.measurement_time(Duration::from_secs(3));
    let db = fx.work.join("db.db");
    let out = fx.work.join("out");
    let fresh = |from: &Path| {
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out).unwrap();
        copy_db(from, &db);
    };
    for ((laptop, bundle), name) in fx.laptops.iter().zip(["unsealed", "sealed"]) {
        g.bench_function(format!("export_{name}"), |b| {
            b.iter_batched(
                || fresh(laptop),
                |()| {
                    let (_, sealed) = export(&db, &out);
                    assert_eq!(sealed, name == "sealed");
                },
                BatchSize::PerIteration,
            )
        });
        g.bench_function(format!("import_{name}"), |b| {
            b.iter_batched(
                || fresh(&fx.hq),
                |()| {
                    let mut s = Store::open(&db).unwrap();
                    let r = sync::import_bundle(&mut s, bundle, Some(&out)).unwrap();
                    assert_eq!(r.outcome.new_records, fx.n as u64);
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
