//! p50 and p99 of a closure over `n` runs (criterion reports means; the budgets are p99).
//! Included by the benchmarks that measure a keystroke or a page: `#[path] mod percentiles;`.

use std::time::{Duration, Instant};

/// Runs `f` `n` times, prints p50, p99 and the maximum under `name`, and returns the p99.
pub fn percentiles(name: &str, n: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q) as usize];
    eprintln!(
        "{name:<55} p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}  (n={n})",
        p(0.5),
        p(0.99),
        v[v.len() - 1]
    );
    p(0.99)
}
