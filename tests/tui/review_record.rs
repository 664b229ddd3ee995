//! The Review tab's record view at headquarters: the review history, the audit trail and
//! the chain status of the record, read once when the view opens: "verified" on a record
//! as received, "BROKEN" naming the link and what is wrong after a payload or a frozen
//! row was altered behind the store's back. And the console's drafts list at
//! headquarters offers no new record.

use crate::support::flow::*;
use crate::support::hq::{Hq, hq_with_received};
use crate::support::raw;
use minspect_testkit::StoreKit;

fn selected_id(a: &minspect::tui::app::App) -> String {
    a.screens.review.current().unwrap().inspection_id.clone()
}

fn record_text(a: &minspect::tui::app::App) -> String {
    a.screens.review.record.as_ref().unwrap().lines.join("\n")
}

#[test]
fn the_record_view_shows_history_audit_and_a_verified_chain() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(2);
    let mut a = app(&mut hq, 120, 40);
    keys(&mut a, &mut hq, "A<enter><enter>");
    let text = record_text(&a);
    assert!(text.contains("Review history:"), "{text}");
    assert!(text.contains("APPROVED by"), "{text}");
    assert!(text.contains("Chain: verified (1 chained links"), "{text}");
    assert!(text.contains("Audit trail:"), "{text}");
    assert!(
        text.contains("Zhang Min HQ-0001: review inspection"),
        "the decision's audit row, its actor named: {text}"
    );
}

#[test]
fn a_tampered_payload_reads_broken_with_the_link_named() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(3);
    let mut a = app(&mut hq, 120, 40);
    let id = selected_id(&a);
    let seq = raw(
        &hq,
        &format!("SELECT seq FROM outbox WHERE record_id = '{id}'"),
    )
    .unwrap();
    hq.execute_raw_for_tests("DROP TRIGGER outbox_payloads_immutable")
        .unwrap();
    hq.execute_raw_for_tests(&format!(
        "UPDATE outbox_payloads SET payload = payload || ' ' WHERE seq = {seq} \
         AND device_id = (SELECT device_id FROM outbox WHERE record_id = '{id}')"
    ))
    .unwrap();
    keys(&mut a, &mut hq, "<enter>");
    let text = record_text(&a);
    assert!(
        text.contains("Chain: BROKEN at inspection device"),
        "{text}"
    );
    assert!(
        text.contains(&format!("seq {seq}: the hash of seq {seq}")),
        "{text}"
    );
    let screen = screen_text(&a);
    assert!(screen.contains("BROKEN"), "on screen: {screen}");
    // the other records still verify
    keys(&mut a, &mut hq, "<esc>j<enter>");
    assert!(
        record_text(&a).contains("Chain: verified"),
        "{}",
        record_text(&a)
    );
}

#[test]
fn an_altered_frozen_row_reads_broken() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(2);
    let mut a = app(&mut hq, 80, 24);
    let id = selected_id(&a);
    hq.execute_raw_for_tests("DROP TRIGGER inspections_immutable")
        .unwrap();
    hq.execute_raw_for_tests(&format!(
        "UPDATE inspections SET narrative = 'nothing found' WHERE id = '{id}'"
    ))
    .unwrap();
    keys(&mut a, &mut hq, "<enter>");
    let text = record_text(&a);
    assert!(text.contains("Chain: BROKEN"), "{text}");
    assert!(text.contains("differ from what was hashed"), "{text}");
}

#[test]
fn the_drafts_list_at_headquarters_offers_no_new_record() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(1);
    let mut a = app(&mut hq, 80, 24);
    keys(&mut a, &mut hq, "3");
    let text = screen_text(&a);
    assert!(!text.contains("n: start a new record"), "{text}");
    assert!(
        text.contains("Headquarters records no field work"),
        "{text}"
    );
    // a field laptop still offers it
    let mut s = store();
    let b = app(&mut s, 80, 24);
    let mut b = b;
    keys(&mut b, &mut s, "3");
    assert!(screen_text(&b).contains("n: start a new record"));
}

#[test]
fn the_sync_decisions_list_names_shipment_and_officer_and_opens_the_record() {
    let Hq {
        dir: _d, mut hq, ..
    } = hq_with_received(3);
    let mut a = app(&mut hq, 120, 40);
    let first = selected_id(&a);
    keys(&mut a, &mut hq, "A<enter>jA<enter>");
    keys(&mut a, &mut hq, "4");
    let text = screen_text(&a);
    assert!(
        text.contains("Review decisions made here (2 in all)"),
        "the title counts them all: {text}"
    );
    assert!(text.contains("officer GZ-0417"), "{text}");
    let declaration = a.screens.sync.decisions[1].declaration_no.clone();
    assert!(!declaration.is_empty());
    assert!(text.contains(&declaration), "{text}");
    assert_eq!(a.screens.sync.decisions_total, 2);
    // the decisions pane and the footer (the summary above names a temporary path)
    let pane: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("Review decisions made here"))
        .collect();
    insta::assert_snapshot!(
        "sync_decisions_120x40",
        pane.join("\n")
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect::<String>()
    );
    // the older decision (the first approved) opens its record in the Review tab
    keys(&mut a, &mut hq, "<tab>j<enter>");
    assert_eq!(a.tab, minspect::tui::screens::Tab::Review);
    let rec = a.screens.review.record.as_ref().expect("record view open");
    assert_eq!(rec.inspection_id, first);
    assert!(
        record_text(&a).contains("APPROVED by"),
        "{}",
        record_text(&a)
    );
}
