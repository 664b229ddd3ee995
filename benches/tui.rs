//! Console budgets on a generated database (DESIGN §10): first frame, one key that
//! changes the filter or moves a page (with its query), a frame at 200x60, bytes sent
//! when the selection moves one row. `MINSPECT_BENCH_SHIPMENTS=N` for a smaller run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

mod common;
#[path = "common/percentiles.rs"]
mod percentiles;
use percentiles::percentiles;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn clock() -> minspect::domain::Clock {
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0);
    minspect::domain::Clock::fixed(noon.unwrap().and_utc())
}

fn open_app(path: &std::path::Path, w: u16, h: u16) -> (Store, App) {
    let mut store = Store::open(path).unwrap();
    let app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (w, h),
    )
    .unwrap();
    (store, app)
}

fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    t.draw(|f| view::render(app, f)).unwrap();
}

#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn budgets(c: &mut Criterion) {
    let path = common::bench_db();
    eprintln!("database {}", path.display());

    c.bench_function("first_frame_80x24 (open + state + draw)", |b| {
        b.iter(|| {
            let (_s, app) = open_app(&path, 80, 24);
            let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
            draw(&mut t, &app);
        })
    });
    c.bench_function(
        "first_frame_shipments_200x60 (open + first page + draw)",
        |b| {
            b.iter(|| {
                let (mut s, mut app) = open_app(&path, 200, 60);
                app.handle_key(key(KeyCode::Char('2')), &mut s);
                let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
                draw(&mut t, &app);
            })
        },
    );

    let (mut store, mut app) = open_app(&path, 200, 60);
    app.handle_key(key(KeyCode::Char('2')), &mut store);
    paging(c, &mut store, &mut app);
    filtering(c, &mut store, &mut app);
    frames(c, &mut store, &mut app);
}

/// Page down/up and the review-queue toggle on the Shipments tab, each with its query.
fn paging(c: &mut Criterion, store: &mut Store, app: &mut App) {
    let mut page_down = true;
    c.bench_function("key_page_down_up (keyset query + detail)", |b| {
        b.iter(|| {
            let k = if page_down {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            };
            page_down = !page_down;
            app.handle_key(key(k), store);
        })
    });
    percentiles("key_page_down_up", 400, || {
        let k = if page_down {
            KeyCode::PageDown
        } else {
            KeyCode::PageUp
        };
        page_down = !page_down;
        app.handle_key(key(k), store);
    });
    // `w`: the review queue (shipments awaiting review) on, then off: each a page query
    let mut toggle = || {
        app.handle_key(key(KeyCode::Char('w')), store);
    };
    c.bench_function("key_toggle_awaiting_review", |b| b.iter(&mut toggle));
    percentiles("key_toggle_awaiting_review", 200, &mut toggle);
    if app.screens.shipments.filter.awaiting_review {
        app.handle_key(key(KeyCode::Char('w')), store);
    }
}

/// One key typed into the filter line, for filters of several kinds.
fn filtering(c: &mut Criterion, store: &mut Store, app: &mut App) {
    for (name, filter, extra) in [
        ("key_filter_text_broad", "zin", 'c'),
        ("key_filter_text_exporter", "Baor", 'u'),
        ("key_filter_text_narrow", "MSCU12", '3'),
        ("key_filter_dest", "dest:JP zin", 'c'),
        ("key_filter_status", "status:seized galliu", 'm'),
        ("key_filter_dates", "from:2024-01-01 to:2024-03-3", '1'),
    ] {
        app.handle_key(key(KeyCode::Char('x')), store);
        app.handle_key(key(KeyCode::Char('/')), store);
        for ch in filter.chars() {
            app.handle_key(key(KeyCode::Char(ch)), store);
        }
        let mut add = true;
        let mut step = || {
            let k = if add {
                KeyCode::Char(extra)
            } else {
                KeyCode::Backspace
            };
            add = !add;
            app.handle_key(key(k), store);
        };
        c.bench_function(name, |b| b.iter(&mut step));
        percentiles(name, 200, &mut step);
        app.handle_key(key(KeyCode::Enter), store);
    }
    app.handle_key(key(KeyCode::Char('x')), store);
}

/// Frames at 200x60 and the bytes sent when the selection moves one row.
fn frames(c: &mut Criterion, store: &mut Store, app: &mut App) {
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("frame_200x60_shipments", |b| b.iter(|| draw(&mut t, app)));
    app.handle_key(key(KeyCode::Char('1')), store);
    c.bench_function("frame_200x60_rules", |b| b.iter(|| draw(&mut t, app)));
    app.handle_key(key(KeyCode::Char('2')), store);

    // bytes sent to a real crossterm backend when the selection moves one row
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)),
        },
    )
    .unwrap();
    term.draw(|f| view::render(app, f)).unwrap();
    let mut samples = Vec::new();
    for k in [
        KeyCode::Char('j'),
        KeyCode::Char('j'),
        KeyCode::Char('k'),
        KeyCode::Char('j'),
    ] {
        app.handle_key(key(k), store);
        let before = counter.0.load(Ordering::Relaxed);
        term.draw(|f| view::render(app, f)).unwrap();
        samples.push(counter.0.load(Ordering::Relaxed) - before);
    }
    eprintln!("bytes per one-row selection move at 200x60 (list + detail pane): {samples:?}");
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = budgets
}
criterion_main!(benches);
