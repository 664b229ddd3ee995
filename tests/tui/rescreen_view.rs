//! The re-screening list in the console: `E` on the Rules tab of a laptop and on the Review
//! tab at headquarters shows the rows `minspect rules rescreen --format json` prints for
//! the same database (records finalized under the test pack, the full pack with its party
//! lists installed since), Enter shows a record read-only, `/` takes a "finalized since"
//! date (a bad one is refused in place), help and the palette name the action in both
//! places, and nothing in the database changes. Snapshots at 80x24 with NO_COLOR and at
//! 120x40.

use std::path::{Path, PathBuf};

use crate::support::binary::{field_db_with_pack, ok, snapshot};
use crate::support::flow::*;
use crate::support::hq::hq_with_received;
use minspect::domain::Outcome;
use minspect::report::rescreen::Rescreen;
use minspect::store::Store;
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::{Context, Key, Keymap};
use minspect::tui::theme::Theme;
use serde_json::Value;

const FULL_PACK: &str = include_str!("../../fixtures/rules/cn-strategic-minerals.toml");

fn mono_app(store: &mut Store, w: u16, h: u16) -> App {
    App::new(store, Keymap::default(), Theme::mono(), clock(), (w, h)).unwrap()
}

/// A laptop whose records were finalized under the test pack (one for a listed consignee,
/// one for an ordinary one, one for a listed end user), then the full pack installed.
fn laptop(dir: &Path) -> PathBuf {
    let db = dir.join("field.db");
    field_db_with_pack(&db, TEST_PACK);
    let mut store = crate::support::harness::open(&db);
    for (consignee, end_user) in [
        ("Lockheed Martin Corporation", ""),
        ("Swiss Magnet Trading AG", ""),
        ("Nordic Alloys AB", "General Dynamics Corporation"),
    ] {
        let mut ex = crate::support::example();
        ex.shipment.consignee = consignee.into();
        if !end_user.is_empty() {
            ex.shipment.end_user = end_user.into();
        }
        ex.inspection.outcome = Some(Outcome::Released);
        let s = store.records_mut().create_shipment(&ex.shipment).unwrap();
        let i = store
            .records_mut()
            .start_inspection(&s, &ex.inspection)
            .unwrap();
        store.records_mut().finalize_inspection(&i).unwrap();
    }
    store
        .rules_mut()
        .import_pack(FULL_PACK, "full", true)
        .unwrap();
    db
}

/// (inspection, before, after, new reasons' rule ids) of a row.
type Row = (String, String, String, Vec<String>);

/// Each row as `rules rescreen --format json` prints it, and the whole answer.
fn cli_rows(db: &Path, extra: &[&str]) -> (Value, Vec<Row>) {
    let mut args = vec!["rules", "rescreen", "--format", "json"];
    args.extend(extra);
    let v: Value = serde_json::from_str(&ok(db, &args)).unwrap();
    let rows = v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["inspection_id"].as_str().unwrap().to_string(),
                r["before"].as_str().unwrap().to_string(),
                r["after"].as_str().unwrap().to_string(),
                r["new_reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x["rule_id"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    (v, rows)
}

fn view_rows(r: &Rescreen) -> Vec<Row> {
    r.changed
        .iter()
        .map(|row| {
            (
                row.inspection_id.clone(),
                row.before.clone(),
                row.after.as_str().to_string(),
                row.new_reasons.iter().map(|x| x.rule_id.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn the_rules_tab_lists_what_rules_rescreen_prints_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = laptop(dir.path());
    let before = snapshot(&db);
    let (json, cli) = cli_rows(&db, &[]);
    assert!(!cli.is_empty(), "the full pack changes something: {json}");
    let mut store = crate::support::harness::open(&db);
    let mut a = mono_app(&mut store, 80, 24);
    keys(&mut a, &mut store, "E");
    let v = &a.screens.rules.rescreen;
    assert!(v.open);
    assert_eq!(a.context(), Context::Rescreen);
    let r = v.result.as_ref().expect("the list is read when opened");
    assert_eq!(view_rows(r), cli, "console and CLI disagree");
    assert_eq!(r.checked as u64, json["checked"].as_u64().unwrap());
    assert_eq!(r.pack_version, json["pack_version"].as_str().unwrap());
    let text = screen_text(&a);
    assert!(text.contains("Re-screening under pack"), "{text}");
    assert!(text.contains("banned"), "{text}");
    insta::assert_snapshot!("rescreen_laptop_80x24", text);
    // Enter: the record, read-only; Esc: the list again
    keys(&mut a, &mut store, "<enter>");
    let rec = a.screens.rules.rescreen.record.as_ref().expect("record");
    assert_eq!(rec.inspection_id, cli[0].0);
    assert!(screen_text(&a).contains("Record (read-only"));
    keys(&mut a, &mut store, "<esc>");
    assert!(a.screens.rules.rescreen.record.is_none());
    assert!(a.screens.rules.rescreen.open);
    // a since date after every finalize: nothing, as --since says
    keys(&mut a, &mut store, "/2999-01-01<enter>");
    let r = a.screens.rules.rescreen.result.as_ref().unwrap();
    assert_eq!((r.checked, r.changed.len()), (0, 0));
    assert_eq!(cli_rows(&db, &["--since", "2999-01-01"]).1, view_rows(r));
    // a bad date is refused in place; the list stays as it was
    keys(&mut a, &mut store, "<c-u>07/12/2026<enter>");
    let v = &a.screens.rules.rescreen;
    assert!(v.error.as_deref().unwrap().contains("is not a date"));
    assert_eq!(
        v.result.as_ref().unwrap().since.as_deref(),
        Some("2999-01-01")
    );
    assert!(screen_text(&a).contains("is not a date"));
    keys(&mut a, &mut store, "<esc>x");
    assert_eq!(
        view_rows(a.screens.rules.rescreen.result.as_ref().unwrap()),
        cli
    );
    a.resize(120, 40, &mut store);
    insta::assert_snapshot!("rescreen_laptop_120x40", screen_text(&a));
    keys(&mut a, &mut store, "<esc>");
    assert!(!a.screens.rules.rescreen.open);
    assert_eq!(a.context(), Context::Rules);
    drop(a);
    drop(store);
    assert_eq!(snapshot(&db), before, "re-screening changed the database");
}

#[test]
fn the_review_tab_at_headquarters_shows_the_same_list() {
    let mut h = hq_with_received(4);
    // the full pack, its control list naming the laptop's consignee
    let pack = format!(
        "{FULL_PACK}\n[[parties]]\nid = \"eccl-test\"\nlist = \"eccl\"\nname_en = \"Rotterdam Trading B.V.\"\ncountry = \"NL\"\nannouncement = \"2025-1\"\nlisted = \"2025-01-02\"\n"
    );
    h.hq.rules_mut().import_pack(&pack, "full", true).unwrap();
    let before = snapshot(&h.hq_path);
    // at headquarters the view opens on the last 30 days of finalizing, as `--since` would
    let since = (clock().today() - chrono::Days::new(30)).to_string();
    let (json, cli) = cli_rows(&h.hq_path, &["--since", &since]);
    let mut a = mono_app(&mut h.hq, 80, 24);
    keys(&mut a, &mut h.hq, "E");
    assert_eq!(a.context(), Context::Rescreen);
    assert_eq!(a.screens.review.rescreen.since.text(), since);
    let r = a.screens.review.rescreen.result.as_ref().expect("read");
    assert_eq!(r.since.as_deref(), Some(since.as_str()));
    assert_eq!(view_rows(r), cli, "console and CLI disagree: {json}");
    assert_eq!(r.checked, 4);
    insta::assert_snapshot!("rescreen_hq_80x24", screen_text(&a));
    assert_eq!(cli.len(), 4, "{json}");
    assert!(
        cli.iter()
            .all(|r| r.2 == "prohibited" && r.3 == ["eccl-test"])
    );
    keys(&mut a, &mut h.hq, "j<enter>");
    let rec = a.screens.review.rescreen.record.as_ref().expect("record");
    assert_eq!(rec.inspection_id, cli[1].0);
    assert!(screen_text(&a).contains("Record (read-only"));
    keys(&mut a, &mut h.hq, "<esc>");
    keys(&mut a, &mut h.hq, "<esc>");
    assert_eq!(a.context(), Context::Review);
    assert_eq!(
        snapshot(&h.hq_path),
        before,
        "re-screening changed the database"
    );
}

#[test]
fn help_and_palette_name_the_action_in_both_tabs() {
    let km = Keymap::default();
    for ctx in [Context::Rules, Context::Review] {
        assert_eq!(
            km.lookup(ctx, Key::ch('E')),
            Some(Action::Rescreen),
            "{ctx:?}"
        );
        assert!(
            km.help_rows(ctx)
                .iter()
                .any(|b| b.action == Action::Rescreen),
            "{ctx:?}"
        );
    }
    assert_eq!(Action::from_name("rescreen"), Some(Action::Rescreen));
    // help on the Rules tab lists it; the palette finds and runs it
    let mut store = store();
    let mut a = mono_app(&mut store, 80, 24);
    keys(&mut a, &mut store, "?re-screening");
    assert!(screen_text(&a).contains("re-screening list"));
    keys(&mut a, &mut store, "<esc>:rescreen");
    assert!(screen_text(&a).contains("Re-screening: finalized records"));
    keys(&mut a, &mut store, "<enter>");
    assert!(a.screens.rules.rescreen.open);
    let r = a.screens.rules.rescreen.result.as_ref().unwrap();
    assert_eq!((r.checked, r.changed.len()), (0, 0));
    assert!(screen_text(&a).contains("No finalized record would get another verdict"));
    // and at headquarters, on the Review tab
    let mut h = hq_with_received(1);
    let mut a = mono_app(&mut h.hq, 80, 24);
    keys(&mut a, &mut h.hq, "?re-screening");
    assert!(screen_text(&a).contains("re-screening list"));
    keys(&mut a, &mut h.hq, "<esc>:rescreen<enter>");
    assert!(a.screens.review.rescreen.open);
    // the view's own help names its keys
    keys(&mut a, &mut h.hq, "?");
    let help = screen_text(&a);
    assert!(
        help.contains("finalized since") && help.contains("open record"),
        "{help}"
    );
}
