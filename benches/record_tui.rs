//! The Record tab's keystroke budget (DESIGN §10: any keystroke p99 under 16 ms): one
//! printable key in the shipment form of a real WAL database file = a durable draft save
//! (one transaction), the live screening and reconciliation, and a frame at 80x24 and
//! 200x60. Printed as p50/p99 next to a raw single-row commit measured in the same run.
//!
//! cargo bench -p minspect-benches --bench record_tui -- --warm-up-time 1 --measurement-time 3

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::domain::{DbKind, Role};
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use minspect_testkit::RawCommitBaseline;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(c, m)
}

fn percentiles(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let p = |q: f64| v[((v.len() as f64 - 1.0) * q) as usize];
    eprintln!(
        "{name}: p50 {:?}  p99 {:?}  max {:?}  (n={})",
        p(0.5),
        p(0.99),
        v[v.len() - 1],
        v.len()
    );
}

/// A field database with a filled-in shipment form open in the Record tab, the cursor
/// in the description field.
fn filled_form(dir: &std::path::Path) -> (Store, App) {
    let none = KeyModifiers::NONE;
    let mut store = Store::open(&dir.join("field.db")).unwrap();
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
    let mut app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        minspect::domain::Clock::fixed(
            chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap()
                .and_utc(),
        ),
        (200, 60),
    )
    .unwrap();
    for k in ['3', 'n'] {
        app.handle_key(key(KeyCode::Char(k), none), &mut store);
    }
    // a filled-in shipment: declaration, date, exporter ... description, composition
    for (text, tab) in [
        ("223320260501000123", true),
        ("", true),
        ("Yunnan Example Metals Co", true),
        ("91310115MA1K3T8W50", true),
        ("Example Trading Inc", true),
        ("Example Semiconductors", true),
        ("", true),
        ("US", true),
        ("", true),
        ("", true),
        ("TGHU8765436", true),
        ("YS2026050101", true),
        ("8112929090", true),
        ("gallium ingots", true),
        ("Ga 99.99%", false),
    ] {
        for ch in text.chars() {
            app.handle_key(key(KeyCode::Char(ch), none), &mut store);
        }
        if tab {
            app.handle_key(key(KeyCode::Tab, none), &mut store);
        }
    }
    // the description field: type and delete in turn so the text stays the same size
    for _ in 0..2 {
        app.handle_key(key(KeyCode::BackTab, none), &mut store);
    }
    (store, app)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::TempDir::new_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut raw = RawCommitBaseline::open(&dir.path().join("raw.db")).unwrap();
    let (mut store, mut app) = filled_form(dir.path());
    let none = KeyModifiers::NONE;
    let mut small = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut big = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut i = 0u64;
    let mut keystroke = |app: &mut App, store: &mut Store| {
        i += 1;
        let k = if i % 2 == 1 {
            key(KeyCode::Char('x'), none)
        } else {
            key(KeyCode::Backspace, none)
        };
        assert!(app.handle_key(k, store));
    };

    let mut samples = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        keystroke(&mut app, &mut store);
        small.draw(|f| view::render(&app, f)).unwrap();
        samples.push(t.elapsed());
    }
    percentiles("record keystroke (save + screen + frame 80x24)", samples);
    let raws: Vec<Duration> = (0..300)
        .map(|_| {
            let t = Instant::now();
            raw.commit_one().unwrap();
            t.elapsed()
        })
        .collect();
    percentiles("raw single-row commit (same run)", raws);

    let mut g = c.benchmark_group("record_tui");
    g.sample_size(20);
    g.bench_function("keystroke in the shipment form (durable save)", |b| {
        b.iter(|| keystroke(&mut app, &mut store))
    });
    g.bench_function("frame 200x60 record form", |b| {
        b.iter(|| {
            big.draw(|f| view::render(&app, f)).unwrap();
        })
    });
    g.finish();
    assert!(
        app.message.is_none() || !app.message.as_ref().unwrap().text.contains("saving"),
        "{:?}",
        app.message
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
