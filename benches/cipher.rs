//! The cost of encryption at rest (issue 15), each against the plain file in the same run:
//! - a first open in a process (argon2id with the field parameters, then SQLCipher), budget:
//!   at most 100 ms more than a plain open;
//! - a durable save (one draft change, synchronous=FULL) on a plain and an encrypted file;
//! - the filter keystroke (+ frame at 200x60) on the generated 1M-shipment database and on
//!   an encrypted copy of it (p99 budget 16 ms). `MINSPECT_BENCH_SHIPMENTS=N` for less, `=0`
//!   for the open and save figures only.
//!
//! cargo bench -p minspect-benches --bench cipher -- --warm-up-time 1 --measurement-time 3

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on a broken set-up

mod common;
#[path = "common/percentiles.rs"]
mod percentiles;
use percentiles::percentiles;

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::domain::{DbKind, RecordImport, Role};
use minspect::store::{
    InitOptions, KdfParams, NewFile, Passphrase, Store, forget_keys, setup_new_database,
    use_passphrase,
};
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PASS: &str = "bench passphrase";

fn field(path: &Path, pass: Option<&str>) -> Store {
    let new = NewFile {
        passphrase: pass.map(Passphrase::new),
        params: KdfParams::FIELD,
        group: None,
    };
    let mut store = Store::create(path, &new).unwrap();
    let opts = InitOptions {
        officer_name: "Bench".into(),
        badge: "1".into(),
        device_name: "bench".into(),
        kind: DbKind::Field,
        role: Role::Officer,
    };
    setup_new_database(&mut store, &opts).unwrap();
    store
}

fn open_cost(c: &mut Criterion, dir: &Path) {
    let plain = dir.join("plain.db");
    let enc = dir.join("encrypted.db");
    drop(field(&plain, None));
    drop(field(&enc, Some(PASS)));
    let first_query = |s: &Store| s.db().is_initialized().unwrap();
    let mut g = c.benchmark_group("open");
    g.sample_size(20);
    g.bench_function("plain: open + first query", |b| {
        b.iter(|| first_query(&Store::open(&plain).unwrap()))
    });
    g.bench_function(
        "encrypted, first in a process: argon2id + open + first query",
        |b| {
            b.iter(|| {
                forget_keys();
                first_query(&Store::open(&enc).unwrap())
            })
        },
    );
    g.bench_function("encrypted, key derived already: open + first query", |b| {
        b.iter(|| first_query(&Store::open(&enc).unwrap()))
    });
    g.finish();
    open_budget(&plain, &enc);
}

/// The budget in words: the median of 15 first opens in a process, encrypted (argon2id
/// included) against plain, and whether it adds at most 100 ms.
fn open_budget(plain: &Path, enc: &Path) {
    let median = |path: &Path, forget: bool| {
        let mut t: Vec<f64> = (0..15)
            .map(|_| {
                if forget {
                    forget_keys();
                }
                let start = std::time::Instant::now();
                Store::open(path).unwrap().db().is_initialized().unwrap();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    let (p, e) = (median(plain, false), median(enc, true));
    let verdict = if e - p <= 100.0 { "within" } else { "OVER" };
    eprintln!(
        "open budget: plain {p:.1} ms, encrypted first open {e:.1} ms: {:.1} ms more, {verdict} the 100 ms allowed",
        e - p
    );
}

fn durable_save(c: &mut Criterion, dir: &Path) {
    let mut example = RecordImport::from_json(minspect::cli::EXAMPLE_RECORD).unwrap();
    example.seizures.iter_mut().for_each(|s| s.custody.clear());
    let mut g = c.benchmark_group("durable");
    g.sample_size(30);
    for (tag, pass) in [("plain", None), ("encrypted", Some(PASS))] {
        let mut store = field(&dir.join(format!("save-{tag}.db")), pass);
        let id = store
            .records_mut()
            .create_shipment(&example.shipment)
            .unwrap();
        let mut shipment = example.shipment.clone();
        let mut n = 0u64;
        g.bench_function(format!("{tag}: draft save (one shipment field)"), |b| {
            b.iter(|| {
                n += 1;
                shipment.consignee = format!("Example Magnet Trading AG, Zug #{n}");
                store.records_mut().update_shipment(&id, &shipment).unwrap();
            })
        });
    }
    g.finish();
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn filter_keystroke(c: &mut Criterion, tag: &str, path: &Path) {
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc();
    let mut store = Store::open(path).unwrap();
    let clock = minspect::domain::Clock::fixed(noon);
    let mut app = App::new(
        &mut store,
        Keymap::default(),
        Theme::new(false, 16),
        clock,
        (200, 60),
    )
    .unwrap();
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut press = |app: &mut App, store: &mut Store, k: KeyCode| {
        app.handle_key(key(k), store);
        t.draw(|f| view::render(app, f)).unwrap();
    };
    for ch in "2/zin".chars() {
        press(&mut app, &mut store, KeyCode::Char(ch));
    }
    let mut add = true;
    let mut filter = || {
        let k = if add {
            KeyCode::Char('c')
        } else {
            KeyCode::Backspace
        };
        add = !add;
        press(&mut app, &mut store, k);
    };
    c.bench_function(&format!("{tag}: filter keystroke + frame 200x60"), |b| {
        b.iter(&mut filter)
    });
    percentiles(
        &format!("{tag}: filter keystroke + frame"),
        400,
        &mut filter,
    );
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::TempDir::new_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    use_passphrase(Some(Passphrase::new(PASS)));
    open_cost(c, dir.path());
    durable_save(c, dir.path());
    if std::env::var("MINSPECT_BENCH_SHIPMENTS").as_deref() == Ok("0") {
        return; // the open and save figures only
    }
    let plain = common::bench_db();
    let enc = plain.with_extension("encrypted.db");
    if !enc.exists() {
        let partial = plain.with_extension("encrypted.partial");
        for f in [&partial, &minspect::store::kdf_path(&partial)] {
            let _ = std::fs::remove_file(f);
        }
        let source = Store::open(&plain).unwrap();
        source
            .encrypted_copy(&partial, &Passphrase::new(PASS), KdfParams::FIELD)
            .unwrap();
        std::fs::rename(
            minspect::store::kdf_path(&partial),
            minspect::store::kdf_path(&enc),
        )
        .unwrap();
        std::fs::rename(&partial, &enc).unwrap();
    }
    let n = std::env::var("MINSPECT_BENCH_SHIPMENTS").unwrap_or_else(|_| "1000000".into());
    filter_keystroke(c, &format!("plain {n}"), &plain);
    filter_keystroke(c, &format!("encrypted {n}"), &enc);
}

criterion_group!(benches, bench);
criterion_main!(benches);
