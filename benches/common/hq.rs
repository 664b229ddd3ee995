//! The benchmarks' generated training headquarters (`fixture::generate_headquarters`:
//! 1,000,000 shipments by default, `MINSPECT_BENCH_SHIPMENTS=N` for another size, seed 1),
//! made once under target/bench-data and shared by the review and statistics benches. Its
//! generation is timed (wall and CPU seconds: the README's figure for the generator).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;

pub fn shipments() -> usize {
    std::env::var("MINSPECT_BENCH_SHIPMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

pub fn data_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// CPU seconds of this process so far (user + system).
pub fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // fields 14 and 15 (utime, stime) are at 11 and 12 after the command name
    (f.get(11).unwrap_or(&0.0) + f.get(12).unwrap_or(&0.0)) / 100.0
}

/// A generated training headquarters of `n` shipments at `path`, timed.
pub fn generate(path: &Path, n: usize, batch: usize) -> Duration {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let opts = FixtureOptions {
        shipments: n,
        seed: 1,
        batch,
    };
    let (t0, c0) = (Instant::now(), cpu_s());
    generate_headquarters(path, &opts, |_| {}).unwrap();
    let wall = t0.elapsed();
    eprintln!(
        "generated a {n}-shipment training headquarters in {:.1} s ({:.1} s of CPU)",
        wall.as_secs_f64(),
        cpu_s() - c0
    );
    wall
}

/// The benchmark headquarters, made on first use.
pub fn hq_db() -> PathBuf {
    let n = shipments();
    let path = data_dir().join(format!("hq-{n}.db"));
    if !path.exists() {
        let tmp = path.with_extension("partial");
        generate(&tmp, n, 50_000);
        drop(Store::open(&tmp).unwrap()); // checkpoint the WAL into the file
        std::fs::rename(&tmp, &path).unwrap();
    }
    path
}
