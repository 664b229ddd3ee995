//! Statistics budgets (DESIGN.md section 10, issue 12): the supervisor's statistics panel
//! for a year (< 200 ms) and `report summary` for a year (< 1 s) on a training-world
//! headquarters with many review-desk rows.
//!
//! The database is the review bench's generated training headquarters (`common/hq.rs`:
//! `fixture::generate_headquarters`, `MINSPECT_BENCH_SHIPMENTS` shipments, default
//! 1,000,000, recorded by 40 laptops and 60 officers), every finalized inspection on its
//! review desk.
//!
//! Run: `cargo bench -p minspect-benches --bench stats -- --warm-up-time 1 --measurement-time 5`

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/hq.rs"]
mod hq;

use criterion::{Criterion, criterion_group, criterion_main};
use minspect::report::desk::{self, panel::DeskPanel};
use minspect::store::Store;
use minspect::store::stats::StatsScope;
use minspect_testkit::StoreKit;

fn year() -> StatsScope {
    StatsScope {
        from: Some("2025-01-01".into()),
        to: Some("2025-12-31".into()),
        ..StatsScope::default()
    }
}

fn bench(c: &mut Criterion) {
    let store = Store::open(&hq::hq_db()).unwrap();
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
