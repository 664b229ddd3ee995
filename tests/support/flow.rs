//! Driving the App in-process: an in-memory store with the test pack, scripted keys,
//! and a TestBackend to draw on.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use minspect::domain::{Clock, DbKind, Role};
use minspect::store::{InitOptions, Store};
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use minspect::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const TEST_PACK: &str = include_str!("../fixtures/rules-test.toml");

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
}

/// The console's clock: noon UTC of `today()`.
pub fn clock() -> Clock {
    Clock::fixed(today().and_hms_opt(12, 0, 0).unwrap().and_utc())
}

/// An initialized in-memory database with the test rule pack.
pub fn store() -> Store {
    let mut s = crate::support::harness::try_open_in_memory().unwrap();
    // the store writes "now" from the console's clock, as one process does
    s.set_clock(clock());
    s.db_mut()
        .initialize(&InitOptions {
            officer_name: "Li Wei".into(),
            badge: "GZ-0417".into(),
            device_name: "laptop-7".into(),
            kind: DbKind::Field,
            role: Role::Officer,
        })
        .unwrap();
    s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
    s
}

pub fn app(store: &mut Store, w: u16, h: u16) -> App {
    App::new(
        store,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (w, h),
    )
    .unwrap()
}

/// Parses a key script: literal characters, plus `<enter> <esc> <tab> <backtab> <up>
/// <down> <left> <right> <pgup> <pgdn> <bs> <f1> <f4> <f8> <c-x>`.
pub fn parse_keys(script: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            let name = &rest[1..end];
            let ev = match name {
                "enter" => Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                "esc" => Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
                "tab" => Some(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
                "backtab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                "up" => Some(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
                "down" => Some(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
                "left" => Some(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE)),
                "right" => Some(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE)),
                "pgup" => Some(KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE)),
                "pgdn" => Some(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE)),
                "bs" => Some(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
                "f1" => Some(KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE)),
                "f4" => Some(KeyEvent::new(KeyCode::F(4), KeyModifiers::NONE)),
                "f8" => Some(KeyEvent::new(KeyCode::F(8), KeyModifiers::NONE)),
                n if n.starts_with("c-") && n.len() == 3 => Some(KeyEvent::new(
                    KeyCode::Char(n.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                )),
                _ => None,
            };
            if let Some(ev) = ev {
                out.push(ev);
                rest = &rest[end + 1..];
                continue;
            }
        }
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        out.push(KeyEvent::new(KeyCode::Char(c), mods));
        rest = &rest[c.len_utf8()..];
    }
    out
}

pub fn keys(app: &mut App, store: &mut Store, script: &str) {
    for ev in parse_keys(script) {
        app.handle_key(ev, store);
    }
}

/// Draws the app at its size and returns the terminal (its backend prints the screen).
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| view::render(app, f)).unwrap();
    t
}

pub fn screen_text(app: &App) -> String {
    draw(app).backend().to_string()
}

/// `store()` plus `n` generated shipments (seeded).
pub fn store_with_shipments(n: usize) -> Store {
    let mut s = store();
    minspect::fixture::populate(
        &mut s,
        &minspect::fixture::FixtureOptions {
            shipments: n,
            seed: 7,
            batch: 1000,
        },
        |_| {},
    )
    .unwrap();
    s
}

/// Snapshot name with the size, e.g. `rules_detail_80x24`.
pub fn snap_name(base: &str, app: &App) -> String {
    format!("{base}_{}x{}", app.size.0, app.size.1)
}

/// The shipment form, field by field (Tab moves on; C-u clears a prefilled field).
pub const SHIPMENT_KEYS: &str = concat!(
    "223320260501000123<tab>",          // declaration_no
    "<tab>",                            // declared_on (today, prefilled)
    "Yunnan Example Metals Co<tab>",    // exporter_name
    "91310115MA1K3T8W50<tab>",          // exporter_credit_code
    "Example Trading Inc, Boston<tab>", // consignee
    "Example Semiconductors<tab>",      // end_user
    "<c-u>civil<tab>",                  // end_use
    "US<tab>",                          // destination
    "<tab>",                            // transshipment
    "<tab>",                            // transport_mode (sea)
    "TGHU8765436<tab>",                 // container_nos
    "YS2026050101<tab>",                // seal_nos
    "8112929090<tab>",                  // hs_code
    "gallium ingots<tab>",              // description
    "Ga 99.99%<tab>",                   // composition
    "600<tab>",                         // quantity
    "<tab>",                            // quantity_unit (kg)
    "600 kg<tab>",                      // net_weight_g
    "180000",                           // value_minor
);

/// The Record tab's open editor.
pub fn editor(a: &App) -> &minspect::tui::screens::record::Editor {
    a.screens.record.editor.as_ref().expect("editor open")
}

/// Types `text` into field `field` of the shipment form, returns its inline message.
pub fn shipment_error(a: &mut App, s: &mut Store, field: &str, text: &str) -> Option<String> {
    let idx = minspect::tui::screens::record::shipment::FIELDS
        .iter()
        .position(|f| f.0 == field)
        .unwrap();
    let ed = a.screens.record.editor.as_mut().unwrap();
    ed.section = Some(minspect::tui::screens::record::Section::Shipment);
    ed.shipment.focus = idx;
    keys(a, s, &format!("<c-u>{text}"));
    let screen = screen_text(a);
    let err = editor(a).shipment.fields[idx].error.clone();
    if let Some(e) = &err {
        let head: String = e.chars().take(20).collect();
        assert!(
            screen.contains(&head),
            "{field}: '{head}' not on screen\n{screen}"
        );
    }
    err
}
