//! Scripted keys against an App on an in-memory store: state assertions and insta
//! snapshots of the whole screen at 80x24 and 120x40.

use crate::support::flow::*;
use minspect::tui::app::Overlay;
use minspect::tui::keymap::Context;
use minspect::tui::screens::{Pane, Tab};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(base: &str, app: &minspect::tui::app::App) {
    insta::assert_snapshot!(snap_name(base, app), draw(app).backend());
}

#[test]
fn rules_search_as_you_type_and_open_the_detail() {
    for (w, h) in SIZES {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        assert_eq!(a.tab, Tab::Rules);
        assert_eq!(a.screens.rules.hits.len(), 3);
        snap("rules_start", &a);
        keys(&mut a, &mut s, "/gall");
        assert_eq!(a.context(), Context::Filter);
        let ids: Vec<&str> = a
            .screens
            .rules
            .hits
            .iter()
            .map(|h| h.item_id.as_str())
            .collect();
        assert_eq!(ids, ["ga-metal", "ga-arsenide"]);
        keys(&mut a, &mut s, "<enter>j<enter>");
        assert_eq!(a.context(), Context::Rules);
        assert_eq!(a.screens.rules.focus, Pane::Detail);
        assert_eq!(a.screens.rules.selected_item().unwrap().id, "ga-arsenide");
        let text = screen_text(&a);
        assert!(text.contains("Gallium arsenide"), "{text}");
        assert!(text.contains("2853909026"), "{text}");
        assert!(text.contains("2023 No. 23"), "{text}");
        snap("rules_detail", &a);
        // Esc goes back to the list, Esc again clears the search
        keys(&mut a, &mut s, "<esc>");
        assert_eq!(a.screens.rules.focus, Pane::List);
        keys(&mut a, &mut s, "<esc>");
        assert_eq!(a.screens.rules.hits.len(), 3);
    }
}

#[test]
fn filter_escape_restores_the_previous_search() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "/germ<enter>");
    assert_eq!(a.screens.rules.hits.len(), 1);
    keys(&mut a, &mut s, "/<bs><bs><bs><bs>xyz");
    assert_eq!(a.screens.rules.hits.len(), 0);
    assert!(screen_text(&a).contains("no item matches"));
    keys(&mut a, &mut s, "<esc>");
    assert_eq!(a.screens.rules.query.text(), "germ");
    assert_eq!(a.screens.rules.hits.len(), 1);
}

#[test]
fn screening_form_shows_field_errors_and_the_verdict_live() {
    for (w, h) in SIZES {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "s");
        assert_eq!(a.context(), Context::Screening);
        let form = a.screens.rules.form.as_ref().unwrap();
        // the date is filled in (today) so a verdict shows at once
        assert!(form.result.is_some());
        keys(&mut a, &mut s, "81AB");
        let form = a.screens.rules.form.as_ref().unwrap();
        assert!(
            form.errors[0].as_deref().unwrap().contains("'A'"),
            "{:?}",
            form.errors
        );
        keys(
            &mut a,
            &mut s,
            "<c-u>8112929090<tab>gallium ingots 4N<tab>Ga 30, Zn 70<tab>purity_pct 9x",
        );
        let form = a.screens.rules.form.as_ref().unwrap();
        assert_eq!(form.errors[0], None);
        assert_eq!(form.errors[2], None);
        assert!(
            form.errors[3]
                .as_deref()
                .unwrap()
                .contains("'9x' is not a number")
        );
        let text = screen_text(&a);
        assert!(
            text.contains("measurements: '9x' is not a number"),
            "{text}"
        );
        // an unknown measurement name is refused, naming the entry
        keys(&mut a, &mut s, "<c-u>purity 99.99");
        let form = a.screens.rules.form.as_ref().unwrap();
        let err = form.errors[3].as_deref().unwrap();
        assert!(err.starts_with("purity: unknown measurement"), "{err}");
        keys(
            &mut a,
            &mut s,
            "<c-u>purity_pct 99.99<tab>US<tab>civil<tab><c-u>2026-13-01",
        );
        let form = a.screens.rules.form.as_ref().unwrap();
        assert_eq!(form.errors[3], None);
        assert!(form.errors[6].as_deref().unwrap().contains("YYYY-MM-DD"));
        assert!(form.result.is_none(), "no verdict without a valid date");
        keys(&mut a, &mut s, "<c-u>2026-04-01");
        let form = a.screens.rules.form.as_ref().unwrap();
        let result = form.result.as_ref().expect("a verdict");
        assert_eq!(result.rule_pack.version, "2026.03.1-test");
        let text = screen_text(&a);
        assert!(text.contains("Verdict:"), "{text}");
        snap("screening_form", &a);
        // what was typed is dropped only after a yes
        keys(&mut a, &mut s, "<esc>y");
        assert!(a.screens.rules.form.is_none());
        assert_eq!(a.context(), Context::Rules);
    }
}

#[test]
fn quitting_with_a_filled_form_asks_first() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "sgallium");
    keys(&mut a, &mut s, "<c-c>");
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    assert!(!a.quit);
    keys(&mut a, &mut s, "n");
    assert_eq!(a.overlay, None);
    assert!(!a.quit);
    keys(&mut a, &mut s, "<c-c>y");
    assert!(a.quit);
    // with nothing typed, q quits at once
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "q");
    assert!(a.quit);
}

#[test]
fn shipments_keyset_pages_newest_first() {
    for (w, h) in SIZES {
        let mut s = store_with_shipments(300);
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "2");
        assert_eq!(a.tab, Tab::Shipments);
        let sh = &a.screens.shipments;
        let page = sh.page_size;
        assert_eq!(sh.rows.len(), page);
        assert!(sh.has_older && !sh.has_newer);
        let dates: Vec<String> = sh.rows.iter().map(|r| r.declared_on.clone()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|x, y| y.cmp(x));
        assert_eq!(dates, sorted, "newest first");
        let first_page: Vec<String> = sh.rows.iter().map(|r| r.id.clone()).collect();
        let last = sh.rows.last().unwrap();
        let first_last = (last.declared_on.clone(), last.id.clone());
        assert_eq!(sh.detail.as_ref().unwrap().row.id, first_page[0]);
        snap("shipments_start", &a);
        keys(&mut a, &mut s, "<pgdn>");
        let sh = &a.screens.shipments;
        assert!(sh.has_newer);
        let key =
            |r: &minspect::store::shipments::ShipmentRow| (r.declared_on.clone(), r.id.clone());
        assert!(key(&sh.rows[0]) < first_last, "page 2 starts below page 1");
        assert!(
            !sh.rows.iter().any(|r| first_page.contains(&r.id)),
            "the next page has no row of the first"
        );
        keys(&mut a, &mut s, "<pgup>");
        let ids: Vec<String> = a
            .screens
            .shipments
            .rows
            .iter()
            .map(|r| r.id.clone())
            .collect();
        assert_eq!(ids, first_page);
        // moving down past the last row scrolls one row
        keys(&mut a, &mut s, "G");
        let sh = &a.screens.shipments;
        assert!(!sh.has_older && sh.has_newer);
        assert_eq!(sh.selected, sh.rows.len() - 1);
        keys(&mut a, &mut s, "g");
        for _ in 0..page {
            keys(&mut a, &mut s, "j");
        }
        let sh = &a.screens.shipments;
        assert_eq!(sh.selected, page - 1);
        assert_eq!(sh.rows[0].id, first_page[1], "scrolled by one row");
        assert_eq!(sh.detail.as_ref().unwrap().row.id, sh.rows[page - 1].id);
    }
}

#[test]
fn shipments_filter_by_terms_and_text() {
    let mut s = store_with_shipments(300);
    let mut a = app(&mut s, 120, 40);
    keys(&mut a, &mut s, "2/dest:US");
    let sh = &a.screens.shipments;
    assert!(!sh.rows.is_empty());
    assert!(sh.rows.iter().all(|r| r.destination == "US"));
    keys(&mut a, &mut s, " status:released<enter>");
    let sh = &a.screens.shipments;
    assert_eq!(a.context(), Context::Shipments);
    assert!(
        sh.rows
            .iter()
            .all(|r| r.destination == "US" && r.status == "released")
    );
    snap("shipments_filtered", &a);
    // a bad term names the field and leaves the rows as they were
    keys(&mut a, &mut s, "/ dest:X");
    let before = a.screens.shipments.rows.clone();
    keys(&mut a, &mut s, "X");
    let sh = &a.screens.shipments;
    assert!(
        sh.filter_error.as_deref().unwrap().starts_with("dest:"),
        "{:?}",
        sh.filter_error
    );
    assert_eq!(sh.rows, before);
    assert!(screen_text(&a).contains("dest: 'XX' is not an ISO 3166"));
    keys(&mut a, &mut s, "<c-u>gallium<enter>");
    let sh = &a.screens.shipments;
    assert!(!sh.rows.is_empty());
    assert!(
        sh.rows
            .iter()
            .all(|r| r.description.to_lowercase().contains("gallium")),
        "{:?}",
        sh.rows
    );
    keys(&mut a, &mut s, "x");
    assert!(a.screens.shipments.filter.is_empty());
}

#[test]
fn help_overlay_lists_the_screen_keys_and_filters() {
    for (w, h) in SIZES {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "?");
        assert!(matches!(a.overlay, Some(Overlay::Help(_))));
        let text = screen_text(&a);
        assert!(text.contains("screen a shipment"), "{text}");
        snap("help", &a);
        keys(&mut a, &mut s, "pane");
        let Some(Overlay::Help(hs)) = &a.overlay else {
            panic!()
        };
        let rows = hs.rows(&a.keymap);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.help.contains("pane")));
        snap("help_filtered", &a);
        keys(&mut a, &mut s, "<esc>");
        assert_eq!(a.overlay, None);
        keys(&mut a, &mut s, "<f1>");
        assert!(matches!(a.overlay, Some(Overlay::Help(_))));
    }
}

#[test]
fn palette_runs_any_action_by_fuzzy_name() {
    for (w, h) in SIZES {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, ":tabship");
        let Some(Overlay::Palette(p)) = &a.overlay else {
            panic!()
        };
        assert_eq!(
            p.chosen(),
            Some(minspect::tui::action::Action::TabShipments)
        );
        snap("palette", &a);
        keys(&mut a, &mut s, "<enter>");
        assert_eq!(a.overlay, None);
        assert_eq!(a.tab, Tab::Shipments);
    }
}

#[test]
fn too_small_terminal_says_so() {
    let mut s = store();
    let mut a = app(&mut s, 60, 20);
    let text = screen_text(&a);
    assert!(
        text.contains("Enlarge the terminal to at least 80x24 (now 60x20)"),
        "{text}"
    );
    insta::assert_snapshot!("too_small_60x20", draw(&a).backend());
    keys(&mut a, &mut s, "j");
    assert!(!a.quit);
    a.resize(80, 24, &mut s);
    assert!(screen_text(&a).contains("Rules (6)"));
    keys(&mut a, &mut s, "q");
    assert!(a.quit);
}

#[test]
fn a_palette_action_that_does_not_apply_here_says_where_it_does() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, ":amend<enter>");
    assert_eq!(a.overlay, None);
    assert_eq!(a.tab, Tab::Rules);
    let m = a.message.as_ref().expect("a message, not silence");
    assert_eq!(
        m.text,
        "'amend' is not available here: open a finalized record in the Record tab"
    );
    assert!(screen_text(&a).contains("'amend' is not available here"));
    // the name as written in a key file finds its action; on a field database the
    // import is refused with a reason
    keys(&mut a, &mut s, ":sync_import");
    let Some(Overlay::Palette(p)) = &a.overlay else {
        panic!()
    };
    assert_eq!(p.chosen(), Some(minspect::tui::action::Action::SyncImport));
    keys(&mut a, &mut s, "<enter>");
    let m = a.message.as_ref().expect("a message, not silence");
    assert!(m.text.contains("import"), "{}", m.text);
    // nothing matching says so
    keys(&mut a, &mut s, ":zzqqxx<enter>");
    assert_eq!(
        a.message.as_ref().map(|m| m.text.as_str()),
        Some("no command matches 'zzqqxx'")
    );
}

#[test]
fn the_status_bar_keeps_role_pending_pack_age_and_marker_at_80_columns() {
    use minspect::tui::widgets::status::{StatusInfo, status_text};
    let info = StatusInfo {
        role: "trainer".into(),
        officer: "Ouyang Xiaoming-Alexandrovna Long Name".into(),
        badge: "GZ-0417".into(),
        kind: "training".into(),
        db_name: "minspect-training-2026-very-long-name.db".into(),
        pending_sync: 12,
        pack_version: Some("2026.03.1".into()),
        pack_published: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
        pack_trust: Default::default(),
        read_only: true,
        world: minspect::domain::World::Training,
    };
    let text = status_text(&info, today(), 80, minspect::domain::Lang::En);
    assert_eq!(text.chars().count(), 80, "{text}");
    for part in [
        "READ-ONLY",
        "trainer",
        "12 pending",
        "pack 2026.03.1 · 61 d",
        "TRAINING",
    ] {
        assert!(text.contains(part), "{part} missing: {text}");
    }
    assert!(text.contains('…'), "the name or file is shortened: {text}");
    // a short one is shown whole
    let short = StatusInfo {
        officer: "Li Wei".into(),
        db_name: "field.db".into(),
        read_only: false,
        kind: "field".into(),
        world: minspect::domain::World::Live,
        ..info.clone()
    };
    let text = status_text(&short, today(), 80, minspect::domain::Lang::En);
    assert!(
        text.starts_with(
            " trainer Li Wei GZ-0417 │ field.db │ sync 12 pending │ pack 2026.03.1 · 61 d"
        ),
        "{text}"
    );
    // the whole app at 80x24 on a training database
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    a.status = StatusInfo {
        read_only: false,
        ..info
    };
    let screen = screen_text(&a);
    let last = screen.lines().nth(23).unwrap().to_string();
    assert!(last.contains("TRAINING") && last.contains("61 d"), "{last}");
}
