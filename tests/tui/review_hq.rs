//! The Review tab at headquarters, driven by scripted keys on a headquarters file filled
//! from a laptop's bundle: it opens there; the queue with its counts, the filter (refusals
//! in place), the record view, approve / return / change, a Space selection approved in
//! one step, the "new" marks and the visit stored when the tab is left, and no field work
//! in keys, help or palette. Screens are snapshotted with digits masked (times are now).

use crate::support::flow::*;
use crate::support::hq::{Hq, hq_with_received, new_hq, receive};
use minspect::domain::Role;
use minspect::store::Store;
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::Context;
use minspect::tui::screens::Tab;
use minspect_testkit::StoreKit;

use crate::support::login as me;

/// The screen with digits masked and this login named LOGIN.
fn masked(a: &App) -> String {
    let text = screen_text(a).replace(&format!("'{}'", me()), "'LOGIN'");
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn snap(base: &str, a: &App) {
    insta::assert_snapshot!(snap_name(base, a), masked(a));
}

fn reviews(s: &Store) -> Vec<serde_json::Value> {
    s.test_support_table_json("reviews").unwrap()
}

fn status(a: &App) -> String {
    a.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_headquarters_console_opens_on_the_review_queue() {
    for (w, h) in [(80, 24), (120, 40)] {
        let Hq {
            dir: _d, mut hq, ..
        } = hq_with_received(3);
        let a = app(&mut hq, w, h);
        assert_eq!(a.tab, Tab::Review);
        assert_eq!(a.context(), Context::Review);
        let text = screen_text(&a);
        assert!(
            text.contains(
                "Review · 3 pending · 0 approved · 0 returned · 0 resubmitted · 3 in all"
            ),
            "{text}"
        );
        assert!(text.contains("• new (first visit)"), "{text}");
        assert!(text.contains("A approve"), "the footer offers it: {text}");
        snap("review_queue", &a);
    }
}

#[test]
fn approve_asks_and_a_second_decision_is_refused_until_changed() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(2);
    let mut a = app(&mut hq, 80, 24);
    keys(&mut a, &mut hq, "A");
    assert_eq!(a.context(), Context::ReviewComment, "it asks first");
    snap("review_approve_modal", &a);
    keys(&mut a, &mut hq, "Seals match<enter>");
    assert_eq!(reviews(&hq).len(), 1);
    assert!(
        status(&a).starts_with("approved: 1 inspection"),
        "{}",
        status(&a)
    );
    assert_eq!(a.screens.review.counts.approved, 1);
    // R on the approved inspection: refused before a comment is typed, C is the way
    keys(&mut a, &mut hq, "R");
    assert!(a.screens.review.prompt.is_none());
    assert!(
        status(&a).contains("already approved: press C to change"),
        "{}",
        status(&a)
    );
    snap("review_already_decided", &a);
    assert_eq!(reviews(&hq).len(), 1, "nothing written");
    keys(&mut a, &mut hq, "C<enter>");
    let text = screen_text(&a);
    assert!(text.contains("a return needs a comment"), "{text}");
    assert!(text.contains("Change the decision: return"), "{text}");
    keys(&mut a, &mut hq, "weigh again<enter>");
    let r = reviews(&hq);
    assert_eq!(r.len(), 2, "the history keeps both");
    assert_eq!(a.screens.review.counts.returned, 1);
}

#[test]
fn space_selects_and_a_approves_the_selection_in_one_step() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(4);
    let mut a = app(&mut hq, 120, 40);
    keys(&mut a, &mut hq, "  j ");
    assert_eq!(a.screens.review.chosen.len(), 3);
    assert!(
        screen_text(&a).contains("+ 3 selected"),
        "{}",
        screen_text(&a)
    );
    keys(&mut a, &mut hq, "A");
    assert!(
        screen_text(&a).contains("3 selected inspections"),
        "{}",
        screen_text(&a)
    );
    keys(&mut a, &mut hq, "<enter>");
    assert_eq!(reviews(&hq).len(), 3);
    assert_eq!(a.screens.review.counts.pending, 1);
    assert!(a.screens.review.chosen.is_empty());
}

#[test]
fn the_filter_narrows_the_queue_and_refusals_show_in_place() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(3);
    let mut a = app(&mut hq, 80, 24);
    keys(&mut a, &mut hq, "A<enter>/state:pending<enter>");
    assert_eq!(a.screens.review.rows.len(), 2);
    assert_eq!(
        a.screens.review.counts.matching, 2,
        "the counts follow the filter"
    );
    keys(&mut a, &mut hq, "x/officer:NOPE");
    let text = screen_text(&a);
    assert!(text.contains("no officer here has badge 'NOPE'"), "{text}");
    snap("review_filter_refused", &a);
    keys(&mut a, &mut hq, "<c-u>colour:red");
    assert!(
        screen_text(&a).contains("is not a filter term"),
        "{}",
        screen_text(&a)
    );
    keys(&mut a, &mut hq, "<c-u>officer:GZ-0417<enter>");
    assert_eq!(a.screens.review.rows.len(), 3);
}

#[test]
fn enter_opens_the_read_only_record_with_its_history() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(2);
    let mut a = app(&mut hq, 120, 40);
    keys(&mut a, &mut hq, "A<enter><enter>");
    let text = screen_text(&a);
    for part in [
        "Record (read-only)",
        "Shipment: declaration",
        "Screening reasons:",
        "Measurements:",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let lines = &a.screens.review.record.as_ref().unwrap().lines;
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  APPROVED by Zhang Min")),
        "{lines:?}"
    );
    snap("review_record", &a);
    keys(&mut a, &mut hq, "<esc>");
    assert!(a.screens.review.record.is_none());
}

#[test]
fn leaving_the_tab_stores_the_visit_and_only_later_arrivals_are_new() {
    let Hq { dir, mut hq, .. } = hq_with_received(2);
    let mut a = app(&mut hq, 80, 24);
    assert!(
        a.screens
            .review
            .rows
            .iter()
            .all(|r| a.screens.review.is_new(r))
    );
    keys(&mut a, &mut hq, "2");
    assert_eq!(crate::support::count(&hq, "supervisor_visits"), 1);
    keys(&mut a, &mut hq, "5");
    assert!(a.screens.review.last_visit.is_some());
    assert!(
        a.screens
            .review
            .rows
            .iter()
            .all(|r| !a.screens.review.is_new(r)),
        "seen before"
    );
    assert!(
        screen_text(&a).contains("• new since"),
        "{}",
        screen_text(&a)
    );
    drop(dir);
}

#[test]
fn headquarters_offers_no_field_work() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(1);
    let mut a = app(&mut hq, 120, 40);
    for ctx in Context::ALL {
        assert!(
            a.keymap
                .help_rows(*ctx)
                .iter()
                .all(|b| !b.action.is_field_write()),
            "{ctx:?}"
        );
    }
    keys(&mut a, &mut hq, "2?");
    let help = screen_text(&a);
    assert!(
        !help.contains("new record") && !help.contains("record an inspection"),
        "{help}"
    );
    keys(&mut a, &mut hq, "<esc>:new_rec");
    assert!(
        !screen_text(&a).contains("new_record"),
        "not in the palette"
    );
    keys(&mut a, &mut hq, "<esc>");
    a.update(Action::NewRecord, &mut hq);
    assert!(
        status(&a).contains("headquarters records no field work"),
        "{}",
        status(&a)
    );
    assert_eq!(
        crate::support::count(&hq, "shipments"),
        1,
        "nothing recorded"
    );
}

#[test]
fn read_only_and_non_supervisors_get_no_decisions() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("hq.db");
    let mut s = new_hq(crate::support::harness::open(&path), Role::Supervisor);
    receive(&mut s, &t, 1);
    drop(s);
    let mut s = crate::support::harness::try_open_read_only(&path).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "A");
    assert!(a.screens.review.prompt.is_none(), "no modal");
    assert!(
        screen_text(&a).contains("the database is open read-only"),
        "{}",
        screen_text(&a)
    );
    drop(s);

    let mut s = new_hq(crate::support::harness::open_in_memory(), Role::Officer);
    let field = tempfile::tempdir().unwrap();
    receive(&mut s, &field, 1);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "A");
    assert!(a.screens.review.prompt.is_none());
    assert!(
        status(&a).contains("is not mapped to a supervisor"),
        "{}",
        status(&a)
    );
    assert!(reviews(&s).is_empty());
}
