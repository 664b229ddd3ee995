//! DESIGN.md §10: a durable save (one draft change) and a finalize, each at most 2x a
//! raw single-row rusqlite commit under synchronous=FULL, measured in the same run on
//! files in the same directory.
//!
//! cargo bench -p minspect-benches --bench record -- --warm-up-time 1 --measurement-time 3

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use minspect::domain::{DbKind, RecordImport, Role};
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect_testkit::RawCommitBaseline;

fn bench(c: &mut Criterion) {
    let dir = tempfile::TempDir::new_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut raw = RawCommitBaseline::open(&dir.path().join("raw.db")).unwrap();
    let mut store = Store::open(&dir.path().join("field.db")).unwrap();
    setup_new_database(
        &mut store,
        &InitOptions {
            officer_name: "Bench".into(),
            badge: "1".into(),
            device_name: "bench".into(),
            kind: DbKind::Field,
            role: Role::Officer,
        },
    )
    .unwrap();
    let pack = store.rules().active_pack().unwrap().unwrap();
    let mut example = RecordImport::from_json(minspect::cli::EXAMPLE_RECORD).unwrap();
    example.seizures.iter_mut().for_each(|s| s.custody.clear());
    let shipment_id = store
        .records_mut()
        .create_shipment(&example.shipment)
        .unwrap();
    let inspection_id = store
        .records_mut()
        .start_inspection(&shipment_id, &example.inspection)
        .unwrap();

    let mut g = c.benchmark_group("durable");
    g.sample_size(30);
    g.bench_function("raw single-row commit (baseline)", |b| {
        b.iter(|| raw.commit_one().unwrap())
    });
    let mut shipment = example.shipment.clone();
    let mut n = 0u64;
    g.bench_function("draft save (update one shipment field)", |b| {
        b.iter(|| {
            n += 1;
            shipment.consignee = format!("Example Magnet Trading AG, Zug #{n}");
            assert!(
                store
                    .records_mut()
                    .update_shipment(&shipment_id, &shipment)
                    .unwrap()
            );
        })
    });
    g.bench_function("draft save (add a measurement)", |b| {
        b.iter(|| {
            store
                .records_mut()
                .add_measurement(&inspection_id, &example.measurements[0])
                .unwrap()
        })
    });
    g.bench_function("finalize (validate, screen, chain, outbox, audit)", |b| {
        // a fresh draft each time (its creation is not measured)
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let id = store
                    .records_mut()
                    .import_record(&example, false, &pack)
                    .unwrap()
                    .inspection_id;
                let t = Instant::now();
                store
                    .records_mut()
                    .finalize_inspection_with(&id, &pack)
                    .unwrap();
                total += t.elapsed();
            }
            total
        })
    });
    // the baseline again: the disk is shared, so bracket the saves between two baselines
    g.bench_function("raw single-row commit (baseline, again)", |b| {
        b.iter(|| raw.commit_one().unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
