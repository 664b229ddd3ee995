//! The benchmark database: generated once (seeded) under target/bench-data.

use std::path::PathBuf;

/// `MINSPECT_BENCH_SHIPMENTS` (default 1,000,000) shipments, generated on first use.
pub fn bench_db() -> PathBuf {
    let n: usize = std::env::var("MINSPECT_BENCH_SHIPMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    let path = dir.join(format!("shipments-{n}.db"));
    if !path.exists() {
        let tmp = dir.join(format!("shipments-{n}.db.partial"));
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", tmp.display()));
        }
        let opts = minspect::fixture::FixtureOptions {
            shipments: n,
            seed: 1,
            ..Default::default()
        };
        let s =
            minspect::fixture::generate(&tmp, &opts, |done| eprintln!("  generated {done}/{n}"))
                .unwrap_or_else(|e| panic!("generating the benchmark database: {e}"));
        eprintln!(
            "generated {n} shipments in {:.1} s",
            s.elapsed.as_secs_f64()
        );
        // checkpoint the WAL into the file, then move it into place
        drop(
            minspect::store::Store::open(&tmp)
                .unwrap_or_else(|e| panic!("checkpointing {}: {e}", tmp.display())),
        );
        std::fs::rename(&tmp, &path)
            .unwrap_or_else(|e| panic!("moving {} into place: {e}", tmp.display()));
    }
    path
}
