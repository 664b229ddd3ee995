//! Re-screening at headquarters scale (issue 14): `report::rescreen` (what `minspect rules
//! rescreen` and the console's re-screening list run) over a generated training
//! headquarters (`fixture::generate_headquarters`, cached under target/bench-data as
//! `hq-N.db`, shared with the review bench; `MINSPECT_BENCH_SHIPMENTS=N`, default
//! 1,000,000), under the embedded pack with one more control-list party naming a consignee
//! of the log, so rows change:
//! - one timed run over every finalized inspection (printed: wall time, records per second,
//!   rows changed, the peak RSS of the process);
//! - criterion: the last 30 days of finalizing (`--since`), the question "the rules changed
//!   last week: which shipments would we stop today?".
//!
//! Run: `cargo bench -p minspect-benches --bench rescreen`

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

use minspect_testkit::StoreKit;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::report::rescreen::rescreen;
use minspect::rules::{EMBEDDED_PACK, RulePack};
use minspect::store::Store;

fn shipments() -> usize {
    std::env::var("MINSPECT_BENCH_SHIPMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// The benchmark headquarters, made on first use (the review bench makes the same file).
fn hq_db() -> PathBuf {
    let n = shipments();
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("hq-{n}.db"));
    if !path.exists() {
        let tmp = path.with_extension("partial");
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
        }
        let opts = FixtureOptions {
            shipments: n,
            seed: 1,
            batch: 50_000,
        };
        let t0 = Instant::now();
        generate_headquarters(&tmp, &opts, |_| {}).unwrap();
        eprintln!(
            "generated a {n}-shipment training headquarters in {:.1} s",
            t0.elapsed().as_secs_f64()
        );
        drop(Store::open(&tmp).unwrap()); // checkpoint the WAL into the file
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}

/// The embedded pack with the log's most frequent consignee on the control list.
fn pack(store: &Store) -> RulePack {
    let consignee = store
        .query_raw_for_tests(
            "SELECT consignee FROM shipments WHERE consignee <> '' GROUP BY consignee
             ORDER BY count(*) DESC LIMIT 1",
        )
        .unwrap()
        .unwrap_or_default();
    let text = format!(
        "{EMBEDDED_PACK}\n[[parties]]\nid = \"eccl-bench\"\nlist = \"eccl\"\nname_en = \"{}\"\ncountry = \"NL\"\nannouncement = \"2025-1\"\nlisted = \"2025-01-02\"\n",
        consignee.replace('"', "")
    );
    RulePack::parse(&text, "bench").unwrap()
}

/// The peak resident set of this process, in MiB.
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

fn bench(c: &mut Criterion) {
    let store = Store::open(&hq_db()).unwrap();
    let pack = pack(&store);
    let t0 = Instant::now();
    let all = rescreen(&store, &pack, None).unwrap();
    let wall = t0.elapsed().as_secs_f64();
    eprintln!(
        "rescreen of every finalized inspection: {} screened again, {} changed, {wall:.1} s ({:.0} records/s), peak RSS {:.0} MiB",
        all.checked,
        all.changed.len(),
        all.checked as f64 / wall.max(1e-9),
        peak_rss_mib()
    );
    let last = store
        .query_raw_for_tests("SELECT max(finalized_at) FROM inspections WHERE state = 'finalized'")
        .unwrap()
        .unwrap_or_default();
    let last = chrono::DateTime::parse_from_rfc3339(&last)
        .map(|d| d.date_naive())
        .unwrap_or_default();
    let since = (last - chrono::Days::new(30)).to_string();
    let month = rescreen(&store, &pack, Some(&since)).unwrap();
    eprintln!(
        "rescreen since {since}: {} screened again, {} changed",
        month.checked,
        month.changed.len()
    );
    let mut g = c.benchmark_group("rescreen");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("since_30_days", |b| {
        b.iter(|| rescreen(&store, &pack, Some(&since)).unwrap());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
