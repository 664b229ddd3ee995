//! Supervisors' budgets (DESIGN.md section 10, issue 12) on a generated 1,000,000-shipment
//! training headquarters (`fixture::generate_headquarters`, cached under target/bench-data;
//! `MINSPECT_BENCH_SHIPMENTS=N` for a smaller one):
//! - the generator itself: the time to make the 1M headquarters is printed when it is made
//!   (wall and CPU seconds: the README's figure), and `fixture/generate_100k` times a
//!   100,000-shipment one;
//! - a review-queue page (50 rows, with its counts) for each single filter term of the
//!   grammar and for the default sort (p99 < 5 ms), and combinations of terms, measured;
//! - the first frame of the Review tab (< 20 ms): drawn from an already loaded state, and
//!   open + load + draw.
//!
//! Run: `cargo bench -p minspect-benches --bench review`

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

#[path = "common/percentiles.rs"]
mod percentiles;
use percentiles::percentiles;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;
use minspect::store::queue::{QueueFilter, QueueFrom, QueueSort};
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::tab::Tab;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn shipments() -> usize {
    std::env::var("MINSPECT_BENCH_SHIPMENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn data_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// CPU seconds of this process so far (user + system).
fn cpu_s() -> f64 {
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
fn generate(path: &Path, n: usize, batch: usize) -> Duration {
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
fn hq_db() -> PathBuf {
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

/// Every single term of the grammar with a value the desk holds, then combinations.
fn lines(store: &Store) -> (Vec<String>, Vec<String>) {
    let v = |col: &str| {
        store
            .query_raw_for_tests(&format!(
                "SELECT {col} FROM review_desk WHERE {col} <> '' LIMIT 1"
            ))
            .unwrap()
            .unwrap()
    };
    let device = store
        .query_raw_for_tests("SELECT name FROM devices WHERE is_local = 1")
        .unwrap()
        .unwrap();
    let (officer, port, family) = (v("officer_badge"), v("locode"), v("family"));
    let single = vec![
        String::new(),
        format!("officer:{officer}"),
        format!("device:{device}"),
        format!("port:{port}"),
        format!("family:{family}"),
        "verdict:licence_required".into(),
        "found:prohibited".into(),
        "outcome:seized".into(),
        "seized:yes".into(),
        "received:2025-01-01..2025-12-31".into(),
        "from:2025-01-01".into(),
        "to:2024-12-31".into(),
        "state:pending".into(),
        "gallium".into(),
    ];
    let combined = vec![
        format!("state:pending port:{port}"),
        format!("family:{family} found:prohibited"),
        format!("port:{port} seized:yes from:2025-01-01"),
        "outcome:seized received:2025-01-01..2025-06-30".into(),
        format!("officer:{officer} state:approved"),
        format!("family:{family} tungsten"),
        "verdict:not_controlled found:prohibited state:pending".into(),
    ];
    (single, combined)
}

/// One queue page as the Review tab reads it: resolve, 51 rows, the counts.
fn page(store: &Store, line: &str, sort: QueueSort) -> usize {
    let f = QueueFilter::parse(line).unwrap();
    let r = store.hq().resolve_queue_filter(&f).unwrap().unwrap();
    let rows = store
        .hq()
        .queue_page(&r, sort, &QueueFrom::First, 51)
        .unwrap();
    store.hq().queue_counts(&r).unwrap();
    rows.len()
}

fn queue(c: &mut Criterion, store: &Store) {
    let (single, combined) = lines(store);
    let mut over = Vec::new();
    eprintln!("queue pages (50 rows + counts), default sort:");
    for line in single.iter().chain(&combined) {
        let p99 = percentiles(&format!("  [{line}]"), 400, || {
            page(store, line, QueueSort::Received);
        });
        if p99 > Duration::from_millis(5) && single.contains(line) {
            over.push(line.clone());
        }
    }
    eprintln!("queue pages with no filter, each sort:");
    for sort in [QueueSort::Declared, QueueSort::Officer, QueueSort::Port] {
        percentiles(&format!("  sort {}", sort.as_str()), 400, || {
            page(store, "", sort);
        });
    }
    eprintln!("single terms over the 5 ms p99 budget: {over:?}");
    let mut g = c.benchmark_group("queue_page");
    for line in &single {
        g.bench_function(format!("[{line}]"), |b| {
            b.iter(|| page(store, line, QueueSort::Received))
        });
    }
    g.finish();
}

fn clock() -> minspect::domain::Clock {
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0);
    minspect::domain::Clock::fixed(noon.unwrap().and_utc())
}

fn open_app(path: &Path, w: u16, h: u16) -> (Store, App) {
    let mut store = Store::open(path).unwrap();
    let mut app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (w, h),
    )
    .unwrap();
    if app.tab != Tab::Review {
        // (a headquarters opens on Review; when this login is not mapped, go there)
        let five = KeyEvent::new(KeyCode::Char('5'), KeyModifiers::NONE);
        app.handle_key(five, &mut store);
    }
    (store, app)
}

fn first_frame(c: &mut Criterion, path: &Path) {
    let mut g = c.benchmark_group("review_first_frame");
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let (_s, app) = open_app(path, w, h);
        assert_eq!(app.tab, Tab::Review, "the Review tab");
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        percentiles(
            &format!("review first frame {w}x{h}, loaded state"),
            200,
            || {
                t.draw(|f| view::render(&app, f)).unwrap();
            },
        );
        g.bench_function(format!("draw_{w}x{h}"), |b| {
            b.iter(|| {
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| view::render(&app, f)).unwrap();
            })
        });
        percentiles(
            &format!("review first frame {w}x{h}, open+load+draw"),
            50,
            || {
                let (_s, app) = open_app(path, w, h);
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| view::render(&app, f)).unwrap();
            },
        );
        g.bench_function(format!("open_load_draw_{w}x{h}"), |b| {
            b.iter(|| {
                let (_s, app) = open_app(path, w, h);
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| view::render(&app, f)).unwrap();
            })
        });
    }
    g.finish();
}

fn generator(c: &mut Criterion) {
    let path = data_dir().join("hq-generate-100k.db");
    let mut g = c.benchmark_group("fixture");
    g.sample_size(10);
    g.bench_function("generate_100k", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| generate(&path, 100_000, 50_000)).sum())
    });
    g.finish();
    let _ = std::fs::remove_file(&path);
}

fn budgets(c: &mut Criterion) {
    let path = hq_db();
    let store = Store::open(&path).unwrap();
    let rows = store
        .query_raw_for_tests("SELECT count(*) FROM review_desk")
        .unwrap()
        .unwrap_or_default();
    eprintln!("headquarters {}: {rows} review-desk rows", path.display());
    queue(c, &store);
    first_frame(c, &path);
    if std::env::var("MINSPECT_BENCH_GENERATOR").as_deref() == Ok("1") {
        generator(c);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(2));
    targets = budgets
}
criterion_main!(benches);
