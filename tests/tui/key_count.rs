//! The key count of the clean example record (fixtures/examples/record.json: NdFeB
//! magnets to Switzerland) driven through the keys at 120x40: every key press that is
//! not text typed into a field or prompt counts as a key, every printable character
//! typed into one as a typed character. Prints both; typed characters must stay at least
//! 40 % below the count measured before pickers, completion and prefills.
//!
//! The officer takes the shipment from the declaration file (F8, the path completed with
//! Tab) instead of typing it: the declaration is data the officer already has. The count
//! of the same record with the shipment typed in full is printed too. Prefilled values
//! (the first custody transfer's destination from the seizure's storage location, the
//! "missing licence" finding suggested from the screening, custody reasons completed from
//! the common ones) are on screen and stored as shown.

use chrono::{FixedOffset, TimeZone, Utc};
use crossterm::event::{KeyCode, KeyModifiers};
use minspect::domain::{Clock, DbKind, RecordImport, Role};
use minspect::store::{InitOptions, Store};
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;

use crate::support::count;
use crate::support::flow::parse_keys;

/// Measured on the console before pickers, completion and prefills (the same record,
/// typing every value in full).
pub const BEFORE_KEYS: usize = 95;
pub const BEFORE_TYPED: usize = 1559;

/// 2025-07-05 16:00 at Yangshan (+08:00): after the inspection and the first transfer.
pub fn example_clock() -> Clock {
    Clock::fixed(Utc.with_ymd_and_hms(2025, 7, 5, 8, 0, 0).unwrap())
        .with_zone(FixedOffset::east_opt(8 * 3600).unwrap())
}

/// A field laptop with the embedded rule pack, its clock on the example's day.
pub fn example_store() -> Store {
    let mut s = crate::support::harness::try_open_in_memory().unwrap();
    s.set_clock(example_clock());
    s.db_mut()
        .initialize(&InitOptions {
            officer_name: "Li Wei".into(),
            badge: "GZ-0417".into(),
            device_name: "laptop-7".into(),
            kind: DbKind::Field,
            role: Role::Officer,
        })
        .unwrap();
    s.rules_mut()
        .install_pack(minspect::rules::EMBEDDED_PACK, "embedded")
        .unwrap();
    s
}

pub fn example_app(s: &mut Store, w: u16, h: u16) -> App {
    App::new(
        s,
        Keymap::default(),
        Theme::new(false, 16),
        example_clock(),
        (w, h),
    )
    .unwrap()
}

#[derive(Default, Debug)]
pub struct Tally {
    pub keys: usize,
    pub typed: usize,
}

impl Tally {
    /// Sends `script` and counts it: a printable key in a text context is typed text.
    pub fn send(&mut self, a: &mut App, s: &mut Store, script: &str) {
        for ev in parse_keys(script) {
            let printable = matches!(ev.code, KeyCode::Char(_))
                && !ev.modifiers.contains(KeyModifiers::CONTROL);
            if printable && a.context().is_text() {
                self.typed += 1;
            } else {
                self.keys += 1;
            }
            a.handle_key(ev, s);
        }
    }
}

pub const NARRATIVE: &str = "Risk-control instruction on HS 8505111000 to CH. 16 magnet models found against a single declared specification. Handheld XRF on each model; model P1179 shows Dy 0.36 %, which the declared composition does not list (no de-minimis threshold for Dy-containing NdFeB magnets, 1C905.a.4). No dual-use export licence presented. P1179 cartons sealed and moved to the seizure store; remaining models held pending the laboratory report.";

const SHIPMENT: &[&str] = &[
    "223320250704118806<tab>",
    "<c-u>2025-07-04<tab>",
    "Shanghai Example Magnetics Co., Ltd.<tab>",
    "91310115MA1K3T8W50<tab>",
    "Example Magnet Trading AG, Zug<tab>",
    "Example Motors AG (drive units for industrial pumps)<tab>",
    "c<enter>",
    "CH<tab>",
    "NLRTM<tab>",
    "<tab>",
    "TGHU8765436<tab>",
    "YS2025070411<tab>",
    "8505111000<tab>",
    "Sintered NdFeB permanent magnets, 16 models (declared as ordinary rare-earth magnets)<tab>",
    "0|2|Pr 4.49%, Nd 13.5%, Fe 65.7%, B 0.95%, Ce 15.36%|no brand|block and ring|sintered<tab>",
    "4000<tab>",
    "<tab>",
    "4000 kg<tab>",
    "110661.31<tab>",
    "<tab>",
];

const MEASUREMENTS: &[&str] = &[
    "<c-o>xrf_pct<tab>Dy<tab>0.36<tab>%<tab>xrf",
    "<c-o>xrf_pct<tab>Nd<tab>13.2<tab>%<tab>xrf",
    "<c-o>xrf_pct<tab>Pr<tab>4.5<tab>%<tab>xrf",
    "<c-o>weighed_mass_kg<tab><tab>4003.5<tab>kg<tab>scale",
    "<c-o>models_found<tab><tab>16<tab>pcs<tab>count",
];

const FINDINGS: &[&str] =
    &["<c-o>d<enter>1 specification<tab>16 models<tab>inspection record sheet, photos 14-31"];

const SEIZURE: &str = "<c-o><c-u>Sintered NdFeB magnets, model P1179 (Dy-containing), 12 cartons<tab><tab>250<tab><tab>66143.20<tab><tab><tab><tab><c-u>CS-0705-001 CS-0705-002<tab>Yangshan Customs seizure store, bay 3";

/// The first transfer goes to the seizure's storage (prefilled); the reasons are the
/// common ones, completed from two letters.
const CUSTODY: &[&str] = &[
    "<c-u>Yangshan Customs inspection team 2<tab><tab><tab>mo<enter><c-t>y",
    "<tab>Shanghai Customs anti-smuggling evidence store<tab><tab>tr<enter><c-t>y",
];

/// The declaration file, its path completed from `fi`, `ex` and `r`.
const DECLARATION: &str = "<f8>fi<tab>ex<tab>r<tab><enter>";

/// The example record, finalized, with its two custody transfers; the shipment from the
/// declaration file (`import`) or typed in full.
pub fn example_record(a: &mut App, s: &mut Store, import: bool) -> Tally {
    let mut t = example_draft(a, s, import);
    t.send(a, s, "<c-f>y");
    for step in CUSTODY {
        t.send(a, s, step);
    }
    t
}

/// The example record as a draft, every part filled, in its Seizures section.
pub fn example_draft(a: &mut App, s: &mut Store, import: bool) -> Tally {
    let mut t = Tally::default();
    t.send(a, s, "3n");
    if import {
        t.send(a, s, DECLARATION);
    } else {
        for step in SHIPMENT {
            t.send(a, s, step);
        }
    }
    t.send(
        a,
        s,
        "<c-n>CNSHA<tab>Yangshan Deep-Water Port, Phase IV<tab>r<enter>s<enter><tab>",
    );
    t.send(a, s, NARRATIVE);
    t.send(a, s, "<c-n>");
    for step in MEASUREMENTS {
        t.send(a, s, step);
    }
    // the suggested findings: Dy found, not declared; no licence for a licensable item
    t.send(a, s, "<c-n><c-y><c-y>");
    for step in FINDINGS {
        t.send(a, s, step);
    }
    t.send(a, s, "<c-n>");
    t.send(a, s, SEIZURE);
    t
}

#[test]
fn the_example_record_through_the_keys_and_its_count() {
    let mut typed_in_full = Tally::default();
    for import in [false, true] {
        let mut s = example_store();
        let mut a = example_app(&mut s, 120, 40);
        let t = example_record(&mut a, &mut s, import);
        let state = crate::support::raw(&s, "SELECT state FROM inspections");
        assert_eq!(state.as_deref(), Some("finalized"), "{:?}", a.message);
        assert_eq!(count(&s, "measurements"), 5);
        assert_eq!(count(&s, "findings"), 3);
        assert_eq!(count(&s, "custody_events"), 2, "{:?}", a.message);
        let first = crate::support::raw(
            &s,
            "SELECT to_party || ' / ' || reason FROM custody_events ORDER BY at LIMIT 1",
        );
        assert_eq!(
            first.as_deref(),
            Some("Yangshan Customs seizure store, bay 3 / Moved to storage pending case handling")
        );
        // the shipment stored is the declaration's, field for field, as the form showed it
        let id = crate::support::raw(&s, "SELECT id FROM inspections").unwrap();
        let stored = s.records().load_record(&id).unwrap().shipment.data;
        let file = std::fs::read_to_string("fixtures/examples/record.json").unwrap();
        let declared = RecordImport::from_json(&file).unwrap().shipment;
        assert_eq!(stored, declared);
        if !import {
            typed_in_full = t;
            continue;
        }
        println!(
            "example record at 120x40: {} keys + {} typed characters with the shipment from the declaration file; {} keys + {} typed with it typed in full (before: {BEFORE_KEYS} keys + {BEFORE_TYPED} typed)",
            t.keys, t.typed, typed_in_full.keys, typed_in_full.typed
        );
        assert!(
            t.typed * 100 <= BEFORE_TYPED * 60,
            "typed {} > 60 % of {BEFORE_TYPED}",
            t.typed
        );
        assert!(t.keys <= BEFORE_KEYS, "keys {} > {BEFORE_KEYS}", t.keys);
    }
}
