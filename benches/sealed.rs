//! The cost of sealing (issue 15 item 3, DESIGN.md §5 and §10): export and import of
//! 10,000 records and one record with a 5 MiB attachment, sealed to headquarters' X25519
//! key and unsealed, in the same run.
//!
//! One laptop database with the records is prepared twice: trusting headquarters' key
//! without its sealing key (a version-1 key: unsealed bundles) and with it (sealed). Each
//! iteration exports from a fresh copy of a laptop, or imports its bundle into a fresh copy
//! of headquarters (copying is outside the timing). `MINSPECT_BENCH_RECORDS` changes the
//! record count, `MINSPECT_BENCH_ATTACHMENT_MIB` the attachment's size (0: none).
//!
//! Run: `cargo bench -p minspect-benches --bench sealed -- --warm-up-time 1 --measurement-time 3`

#![allow(clippy::unwrap_used, clippy::expect_used)]

use minspect_testkit::StoreKit;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use minspect::domain::{DbKind, RecordImport, Role, World};
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

/// Megabytes of evidence attached to one more record (`MINSPECT_BENCH_ATTACHMENT_MIB`,
/// default 5; 0: none): the sealed bundle seals its attachment lines too.
fn attachment_mib() -> usize {
    std::env::var("MINSPECT_BENCH_ATTACHMENT_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

/// The example record with a lab report of `attachment_mib()` MiB attached, finalized.
fn attach_evidence(f: &mut Store, dir: &Path) {
    let mib = attachment_mib();
    if mib == 0 {
        return;
    }
    let pack = f.rules().active_pack().unwrap().unwrap();
    let mut example = RecordImport::from_json(minspect::cli::EXAMPLE_RECORD).unwrap();
    example.seizures.iter_mut().for_each(|s| s.custody.clear());
    let draft = f
        .records_mut()
        .import_record(&example, false, &pack)
        .unwrap();
    let mut pdf = b"%PDF-1.7 lab report\n".to_vec();
    let mut x = 0x9e37_79b9_u32;
    while pdf.len() < mib << 20 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        pdf.extend_from_slice(&x.to_le_bytes());
    }
    let file = dir.join("report.pdf");
    fs::write(&file, &pdf).unwrap();
    let id = &draft.inspection_id;
    f.records_mut()
        .attach_file(id, &file, "XRF", None)
        .unwrap()
        .unwrap();
    f.records_mut().finalize_inspection_with(id, &pack).unwrap();
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
        attach_evidence(&mut f, d);
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
                    assert!(r.outcome.new_records >= fx.n as u64);
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
