//! Statistics budgets (DESIGN.md section 10, issue 12): the supervisor's statistics panel
//! for a year (< 200 ms) and `report summary` for a year (< 1 s) on a training-world
//! headquarters with many review-desk rows.
//!
//! The database is the shared generated log (`common::bench_db`, `MINSPECT_BENCH_SHIPMENTS`
//! shipments, default 1,000,000) copied once to target/bench-data, with a review-desk row
//! for every finalized inspection added through the store's test-support path
//! (`Store::fill_review_desk_for_bench`, which calls the bundle import's own desk writer).
//!
//! Run: `cargo bench -p minspect-benches --bench stats -- --warm-up-time 1 --measurement-time 5`

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use minspect_testkit::StoreKit;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use minspect::report::desk::{self, panel::DeskPanel};
use minspect::store::Store;
use minspect::store::stats::StatsScope;

/// The generated log with its review desk filled, made on first use.
fn hq_db() -> PathBuf {
    let log = common::bench_db();
    let path = log.with_file_name(format!(
        "stats-hq-{}",
        log.file_name().unwrap().to_string_lossy()
    ));
    if !path.exists() {
        let tmp = path.with_extension("partial");
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
        }
        std::fs::copy(&log, &tmp).unwrap();
        let t0 = std::time::Instant::now();
        let n = Store::open(&tmp)
            .unwrap()
            .fill_review_desk_for_bench()
            .unwrap();
        eprintln!(
            "filled {n} review-desk rows in {:.1} s",
            t0.elapsed().as_secs_f64()
        );
        drop(Store::open(&tmp).unwrap());
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}

fn year() -> StatsScope {
    StatsScope {
        from: Some("2025-01-01".into()),
        to: Some("2025-12-31".into()),
        ..StatsScope::default()
    }
}

fn bench(c: &mut Criterion) {
    let store = Store::open(&hq_db()).unwrap();
    let scope = year();
    let rows = store
        .query_raw_for_tests(
            "SELECT count(*) FROM review_desk WHERE declared_on BETWEEN '2025-01-01' AND '2025-12-31'",
        )
        .unwrap()
        .unwrap_or_default();
    let all = store
        .query_raw_for_tests("SELECT count(*) FROM review_desk")
        .unwrap()
        .unwrap_or_default();
    eprintln!("review desk: {all} rows, {rows} declared in 2025");
    let mut g = c.benchmark_group("stats");
    g.sample_size(10);
    g.bench_function("panel_year", |b| {
        b.iter(|| DeskPanel::build(&store, &scope).unwrap());
    });
    g.bench_function("report_summary_year", |b| {
        b.iter(|| desk::summary(&store, &scope).unwrap());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
