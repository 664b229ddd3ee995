//! The catalogue on a keystroke (issue 16): the same keys and frames as `tui.rs`, once with
//! the console in English and once in Chinese, on the generated database, plus the cost of
//! one catalogue lookup. Budget: a keystroke p99 under 16 ms at 1M in both languages.
//! `MINSPECT_BENCH_SHIPMENTS=N` for a smaller run.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

mod common;
#[path = "common/percentiles.rs"]
mod percentiles;
use percentiles::percentiles;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::domain::{Lang, Msg};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn open_app(path: &std::path::Path, lang: Lang) -> (Store, App) {
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc();
    let mut store = Store::open(path).unwrap();
    let mut app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        minspect::domain::Clock::fixed(noon),
        (200, 60),
    )
    .unwrap();
    app.set_lang(lang, &mut store).unwrap();
    (store, app)
}

/// One key and its frame: what an officer waits for.
fn key_and_frame(app: &mut App, store: &mut Store, t: &mut Terminal<TestBackend>, k: KeyCode) {
    app.handle_key(key(k), store);
    t.draw(|f| view::render(app, f)).unwrap();
}

fn in_language(c: &mut Criterion, path: &std::path::Path, lang: Lang) {
    let tag = format!("{lang:?}").to_lowercase();
    let (mut store, mut app) = open_app(path, lang);
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    key_and_frame(&mut app, &mut store, &mut t, KeyCode::Char('2'));
    let mut down = true;
    let mut page = || {
        let k = if down {
            KeyCode::PageDown
        } else {
            KeyCode::PageUp
        };
        down = !down;
        key_and_frame(&mut app, &mut store, &mut t, k);
    };
    c.bench_function(&format!("{tag}: key_page_down_up + frame 200x60"), |b| {
        b.iter(&mut page)
    });
    percentiles(&format!("{tag}: key_page_down_up + frame"), 400, &mut page);
    for ch in "/zin".chars() {
        key_and_frame(&mut app, &mut store, &mut t, KeyCode::Char(ch));
    }
    let mut add = true;
    let mut filter = || {
        let k = if add {
            KeyCode::Char('c')
        } else {
            KeyCode::Backspace
        };
        add = !add;
        key_and_frame(&mut app, &mut store, &mut t, k);
    };
    c.bench_function(&format!("{tag}: key_filter_text_broad + frame"), |b| {
        b.iter(&mut filter)
    });
    percentiles(
        &format!("{tag}: key_filter_text_broad + frame"),
        200,
        &mut filter,
    );
    key_and_frame(&mut app, &mut store, &mut t, KeyCode::Enter);
    key_and_frame(&mut app, &mut store, &mut t, KeyCode::Char('1'));
    let mut rules = || t.draw(|f| view::render(&app, f)).map(|_| ()).unwrap();
    c.bench_function(&format!("{tag}: frame_200x60_rules"), |b| {
        b.iter(&mut rules)
    });
}

fn budgets(c: &mut Criterion) {
    let path = common::bench_db();
    eprintln!("database {}", path.display());
    for lang in Lang::ALL {
        in_language(c, &path, lang);
    }
    // one catalogue lookup with arguments, and a Msg from a lower layer
    let m = Msg::new("list-separator");
    for lang in Lang::ALL {
        c.bench_function(&format!("{lang:?}: t! with an argument"), |b| {
            b.iter(|| minspect::t!(lang, "verdict-licence_required", count = 3usize))
        });
        c.bench_function(&format!("{lang:?}: i18n::msg"), |b| {
            b.iter(|| minspect::i18n::msg(lang, &m))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = budgets
}
criterion_main!(benches);
