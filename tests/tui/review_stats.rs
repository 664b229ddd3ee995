//! The Review tab's statistics view at headquarters (filled from two laptops' bundles):
//! `S` opens it, its numbers are those `minspect report` prints for the same scope (the
//! panel and `report summary|officers|exporters|review --format json` side by side on one
//! database), the filter line in the queue's grammar narrows it or is refused in place,
//! and snapshots at 80x24 with NO_COLOR (labels and values on every bar) and at 120x40.

use std::path::Path;

use crate::support::binary::ok;
use crate::support::flow::*;
use crate::support::hq::{Hq, hq_with_received, receive_from};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::{Context, Keymap};
use minspect::tui::theme::Theme;
use serde_json::Value;

/// 11 inspections of GZ-0417 (one seizure) and 3 of SH-0101, from two laptops.
fn two_laptops() -> (Hq, tempfile::TempDir) {
    let mut h = hq_with_received(12);
    let second = tempfile::TempDir::new().unwrap();
    receive_from(&mut h.hq, &second, 3, "SH-0101");
    (h, second)
}

fn mono_app(store: &mut Store, w: u16, h: u16) -> App {
    App::new(store, Keymap::default(), Theme::mono(), clock(), (w, h)).unwrap()
}

fn report(db: &Path, name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["report", name, "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&ok(db, &args)).unwrap()
}

/// (key, inspections, seizures, seized kg, value minor, findings) of a JSON section.
fn json_rows(j: &Value, section: usize) -> Vec<(String, u64, u64, f64, i64, u64)> {
    j["sections"][section]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_string(),
                r["inspections"].as_u64().unwrap(),
                r["seizures"].as_u64().unwrap(),
                r["seized_kg"].as_f64().unwrap(),
                r["seized_value_cny_minor"].as_i64().unwrap(),
                r["findings"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn panel_rows(
    rows: &[minspect::store::stats::GroupStats],
) -> Vec<(String, u64, u64, f64, i64, u64)> {
    rows.iter()
        .map(|g| {
            (
                g.key.clone(),
                g.inspections,
                g.seizures,
                g.seized_kg,
                g.seized_value_cny_minor,
                g.findings,
            )
        })
        .collect()
}

fn assert_agree(a: &App, db: &Path, extra: &[&str]) {
    let p = a.screens.review.stats.panel.as_ref().expect("numbers read");
    let summary = report(db, "summary", extra);
    assert_eq!(
        panel_rows(p.by_family()),
        json_rows(&summary, 0),
        "by family"
    );
    assert_eq!(panel_rows(p.by_month()), json_rows(&summary, 1), "by month");
    let t = p.total();
    let jt = &summary["sections"][0]["total"];
    assert_eq!(t.inspections, jt["inspections"].as_u64().unwrap());
    assert_eq!(t.seizures, jt["seizures"].as_u64().unwrap());
    assert_eq!(
        t.seized_value_cny_minor,
        jt["seized_value_cny_minor"].as_i64().unwrap()
    );
    let officers = report(db, "officers", extra);
    assert_eq!(
        panel_rows(p.by_officer()),
        json_rows(&officers, 0),
        "by officer"
    );
    let exporters = report(db, "exporters", extra);
    assert_eq!(
        panel_rows(p.by_exporter()),
        json_rows(&exporters, 0),
        "exporters"
    );
    let review = report(db, "review", extra);
    assert_eq!(
        review["review"]["pending"].as_u64().unwrap(),
        p.review.pending
    );
    assert_eq!(
        review["review"]["approved"].as_u64().unwrap(),
        p.review.approved
    );
    assert_eq!(
        review["review"]["turnaround_median_s"].as_i64(),
        p.review.turnaround_median_s
    );
}

#[test]
fn the_panel_and_report_json_agree_on_the_same_database() {
    let (mut h, _second) = two_laptops();
    let mut a = app(&mut h.hq, 120, 40);
    keys(&mut a, &mut h.hq, "S");
    assert_eq!(a.context(), Context::ReviewStats);
    assert_eq!(
        a.screens
            .review
            .stats
            .panel
            .as_ref()
            .unwrap()
            .total()
            .inspections,
        14
    );
    assert_agree(&a, &h.hq_path, &[]);
    // a scope in the queue's grammar: the numbers follow, and still agree
    keys(&mut a, &mut h.hq, "/officer:SH-0101 to:2026-12-31<enter>");
    let p = a.screens.review.stats.panel.as_ref().unwrap();
    assert_eq!(p.total().inspections, 3);
    assert_agree(
        &a,
        &h.hq_path,
        &["--officer", "SH-0101", "--to", "2026-12-31"],
    );
    // a decision made on the queue shows after a re-read
    keys(&mut a, &mut h.hq, "xSA<enter>S");
    assert_eq!(
        a.screens
            .review
            .stats
            .panel
            .as_ref()
            .unwrap()
            .review
            .approved,
        1
    );
    assert_agree(&a, &h.hq_path, &[]);
}

#[test]
fn terms_the_statistics_do_not_take_are_refused_in_place() {
    let (mut h, _second) = two_laptops();
    let mut a = app(&mut h.hq, 80, 24);
    keys(&mut a, &mut h.hq, "S/state:pending<enter>");
    let text = screen_text(&a);
    assert!(text.contains("'state:' does not apply"), "{text}");
    assert_eq!(a.context(), Context::Filter, "the line stays open to fix");
    assert_eq!(
        a.screens
            .review
            .stats
            .panel
            .as_ref()
            .unwrap()
            .total()
            .inspections,
        14
    );
    keys(&mut a, &mut h.hq, "<c-u>officer:NOPE<enter>");
    assert!(screen_text(&a).contains("NOPE"), "{}", screen_text(&a));
    keys(&mut a, &mut h.hq, "<c-u>port:cnsha<enter>");
    assert_eq!(a.context(), Context::ReviewStats);
    assert!(a.screens.review.stats.error.is_none());
    keys(&mut a, &mut h.hq, "S");
    assert_eq!(a.context(), Context::Review, "S goes back to the queue");
}

#[test]
fn snapshots_read_without_colour_at_80x24_and_at_120x40() {
    let (mut h, _second) = two_laptops();
    let mut a = mono_app(&mut h.hq, 80, 24);
    keys(&mut a, &mut h.hq, "S");
    let text = screen_text(&a);
    assert!(text.contains("14 inspections"), "{text}");
    assert!(text.contains("not controlled"), "{text}");
    insta::assert_snapshot!("stats_overview_nocolor_80x24", screen_text(&a));
    keys(&mut a, &mut h.hq, "<tab>");
    let text = screen_text(&a);
    assert!(text.contains("By mineral family · inspections"), "{text}");
    insta::assert_snapshot!("stats_family_nocolor_80x24", text);
    keys(&mut a, &mut h.hq, "<tab><tab><tab>m");
    let text = screen_text(&a);
    assert!(text.contains("GZ-0417"), "labels on the bars: {text}");
    insta::assert_snapshot!("stats_officer_seizures_nocolor_80x24", text);
    let mut b = app(&mut h.hq, 120, 40);
    keys(&mut b, &mut h.hq, "S");
    insta::assert_snapshot!("stats_overview_120x40", screen_text(&b));
    keys(&mut b, &mut h.hq, "<tab><tab>");
    insta::assert_snapshot!("stats_month_120x40", screen_text(&b));
}

#[test]
fn help_and_palette_offer_the_statistics() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(3);
    let mut a = app(&mut hq, 120, 40);
    keys(&mut a, &mut hq, "?");
    assert!(
        screen_text(&a).contains("statistics"),
        "{}",
        screen_text(&a)
    );
    keys(&mut a, &mut hq, "<esc>S?");
    let help = screen_text(&a);
    assert!(help.contains("next chart"), "the view's own keys: {help}");
    assert!(help.contains("measure"), "{help}");
    // from the palette on another tab: the Review tab opens on the statistics
    keys(&mut a, &mut hq, "<esc>S1:statistics<enter>");
    assert_eq!(a.tab, minspect::tui::screens::Tab::Review);
    assert_eq!(a.context(), Context::ReviewStats);
    assert!(
        screen_text(&a).contains("3 inspections"),
        "{}",
        screen_text(&a)
    );
}

/// A panel of six months (the samples are all of one month), drawn as the view draws
/// any: the months as a line chart above their bars at 120x40, bars alone at 80x24.
fn six_months() -> minspect::report::desk::panel::DeskPanel {
    use minspect::report::desk::{DeskReport, ReportName, ScopeOut, Section};
    use minspect::store::stats::{GroupStats, ReviewStats, StatsScope};
    let month = |m: u32, n: u64| GroupStats {
        key: format!("2026-{m:02}"),
        inspections: n,
        seizures: n / 4,
        seized_kg: n as f64 * 2.5,
        seized_value_cny_minor: n as i64 * 10_000,
        findings: n / 2,
        ..GroupStats::default()
    };
    let rows: Vec<GroupStats> = [(1, 12), (2, 30), (3, 21), (4, 44), (5, 8), (6, 27)]
        .into_iter()
        .map(|(m, n)| month(m, n))
        .collect();
    let total = rows.iter().fold(GroupStats::default(), |mut t, g| {
        t.add(g);
        t
    });
    let report = |sections: Vec<Section>| DeskReport {
        report: ReportName::Summary,
        training: false,
        scope: ScopeOut::default(),
        sections,
        review: None,
    };
    let section = |name: &'static str, key: &'static str, rows: Vec<GroupStats>| Section {
        section: name,
        key,
        rows,
        total: total.clone(),
    };
    minspect::report::desk::panel::DeskPanel {
        scope: StatsScope::default(),
        summary: report(vec![
            section("by_family", "family", vec![]),
            section("by_month", "month", rows),
        ]),
        by_port: vec![],
        officers: report(vec![]),
        exporters: report(vec![]),
        declared: vec![],
        found: vec![],
        review: ReviewStats::default(),
    }
}

#[test]
fn the_months_read_as_a_line_chart_and_as_labelled_bars() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(1);
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = mono_app(&mut hq, w, h);
        keys(&mut a, &mut hq, "S<tab><tab>m");
        a.screens.review.stats.panel = Some(six_months());
        let text = screen_text(&a);
        assert!(
            text.contains("2026-04 11"),
            "each bar labelled with its value: {text}"
        );
        assert!(text.contains("2026-05  2"), "{text}");
        insta::assert_snapshot!(format!("stats_months_seizures_nocolor_{w}x{h}"), text);
    }
}

#[test]
fn back_on_the_tab_the_statistics_are_read_again() {
    let Hq {
        dir: _d,
        mut hq,
        field,
        ..
    } = hq_with_received(3);
    let mut a = app(&mut hq, 80, 24);
    keys(&mut a, &mut hq, "S");
    assert_eq!(
        a.screens
            .review
            .stats
            .panel
            .as_ref()
            .unwrap()
            .review
            .approved,
        0
    );
    keys(&mut a, &mut hq, "4");
    hq.hq_mut()
        .record_review(
            &field.inspections[0],
            minspect::store::Decision::Approved,
            "ok",
        )
        .unwrap();
    keys(&mut a, &mut hq, "5");
    assert_eq!(a.context(), Context::ReviewStats, "the view stays open");
    assert_eq!(
        a.screens
            .review
            .stats
            .panel
            .as_ref()
            .unwrap()
            .review
            .approved,
        1
    );
    assert!(
        screen_text(&a).contains("1 approved"),
        "{}",
        screen_text(&a)
    );
}
