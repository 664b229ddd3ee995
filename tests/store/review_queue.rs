//! The review queue after the delivery-marks migration: its backfill statement gives the
//! same queue as the triggers that keep it.

use crate::migrations::q;
use minspect_testkit::StoreKit;

#[test]
fn the_review_queue_backfill_agrees_with_the_triggers() {
    use minspect::domain::{DbKind, Role};
    use minspect::store::{Decision, InitOptions, Review, setup_new_database};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.db");
    let mut s = crate::support::harness::try_open(&path).unwrap();
    setup_new_database(
        &mut s,
        &InitOptions {
            officer_name: "Officer Q".into(),
            badge: "Q1".into(),
            device_name: "q".into(),
            kind: DbKind::Field,
            role: Role::Officer,
        },
    )
    .unwrap();
    let made = s.test_support_finalize_samples(30).unwrap();
    for (n, ids) in made.iter().enumerate().filter(|(n, _)| n % 3 == 0) {
        s.test_support_insert_review(&Review {
            id: format!("rv-{n}"),
            inspection_id: ids.inspection_id.clone(),
            device_id: "dev".into(),
            decision: Decision::Approved,
            comment: String::new(),
            reviewer: "sup".into(),
            decided_at: "2026-11-29T10:00:00Z".into(),
            receipt_id: None,
        })
        .unwrap();
    }
    drop(s);
    let queue = "SELECT shipment_id || ' ' || declared_on || ' ' || pending FROM review_queue ORDER BY shipment_id";
    let by_triggers = q(&path, queue);
    assert!(!by_triggers.is_empty());
    // the migration's backfill statement, run on the same data, gives the same queue
    let migration = include_str!("../../src/store/migrations/002_delivery_marks.sql");
    let backfill = &migration[migration.rfind("INSERT INTO review_queue").unwrap()..];
    let c = crate::support::harness::raw_connection(&path).unwrap();
    c.execute_batch(&format!("DELETE FROM review_queue; {backfill}"))
        .unwrap();
    drop(c);
    assert_eq!(q(&path, queue), by_triggers);
}
