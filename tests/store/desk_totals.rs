//! The review desk's per-inspection totals (seizures, seized kg and CNY value, findings;
//! migration 9): a desk whose rows were made before that step, brought forward on open,
//! gives exactly the statistics of a fresh import of the same bundle.

use minspect::report::desk::{self, panel::DeskPanel};
use minspect::store::SCHEMA_VERSION;
use minspect::store::stats::StatsScope;

use crate::support::harness;
use crate::support::hq::{Hq, hq_with_received};
use crate::support::raw;

/// Samples 0..=10 and sample 9's seizure (25 kg, 5,000.00 CNY) with its custody transfer.
const RECORDS: usize = 12;

const TOTALS: [&str; 4] = [
    "seizure_count",
    "seized_kg",
    "seized_value_cny_minor",
    "finding_count",
];

/// The columns of migration 10: the exporter's name and the finalized time.
const LATER: [&str; 2] = ["exporter_name", "finalized_at"];

#[test]
fn a_desk_made_before_the_totals_gives_the_reports_of_a_fresh_import() {
    let Hq {
        dir: _d,
        hq,
        hq_path,
        ..
    } = hq_with_received(RECORDS);
    let scope = StatsScope::default();
    let fresh = DeskPanel::build(&hq, &scope).unwrap();
    let fresh_seizures = desk::seizures(&hq, &scope).unwrap();
    let fresh_inspections = desk::inspections(&hq, &scope).unwrap();
    let t = fresh.total();
    assert_eq!((t.seizures, t.findings, t.inspections), (1, 11, 11));
    assert_eq!(t.seized_value_cny_minor, 500_000);
    drop(hq);

    // the desk as the step before held it: no totals on its rows (nor the exporter and
    // finalized time of the step after)
    let c = crate::support::harness::raw_connection(&hq_path).unwrap();
    for col in TOTALS.iter().chain(&LATER) {
        c.execute_batch(&format!("ALTER TABLE review_desk DROP COLUMN {col}"))
            .unwrap();
    }
    // and the steps after it (a measurement's value may be NULL; attachments; the desk's
    // search; sealing keys)
    crate::migrations::undo_draft_focus(&c);
    crate::migrations::undo_sealing_keys(&c);
    crate::migrations::undo_desk_search(&c);
    crate::migrations::undo_attachments(&c);
    crate::migrations::undo_measurement_null(&c);
    c.pragma_update(None, "user_version", 8).unwrap();
    drop(c);

    let migrated = harness::open(&hq_path);
    assert_eq!(migrated.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        raw(
            &migrated,
            "SELECT sum(seizure_count) || ' ' || sum(finding_count) FROM review_desk"
        )
        .as_deref(),
        Some("1 11"),
        "the step fills the totals of the rows it finds"
    );
    assert_eq!(DeskPanel::build(&migrated, &scope).unwrap(), fresh);
    assert_eq!(desk::seizures(&migrated, &scope).unwrap(), fresh_seizures);
    assert_eq!(
        desk::inspections(&migrated, &scope).unwrap(),
        fresh_inspections
    );
}

#[test]
fn a_desk_made_before_its_exporters_gives_the_panel_of_a_fresh_import() {
    let Hq {
        dir: _d,
        mut hq,
        hq_path,
        field,
    } = hq_with_received(RECORDS);
    // a decision 3 hours after finalizing, so the turnaround has something to measure
    let id = &field.inspections[0];
    let at = crate::report_stats::finalized_at(&hq, id) + chrono::Duration::hours(3);
    hq.set_clock(minspect::domain::Clock::fixed(at));
    hq.hq_mut()
        .record_review(
            id,
            minspect::store::Decision::Returned,
            "Seal photo missing",
        )
        .unwrap();
    let scope = StatsScope::default();
    let fresh = DeskPanel::build(&hq, &scope).unwrap();
    assert!(!fresh.by_exporter().is_empty());
    assert_eq!(fresh.review.decided, 1);
    assert_eq!(fresh.review.turnaround_median_s, Some(3 * 3600));
    drop(hq);

    let c = crate::support::harness::raw_connection(&hq_path).unwrap();
    for col in LATER {
        c.execute_batch(&format!("ALTER TABLE review_desk DROP COLUMN {col}"))
            .unwrap();
    }
    // and the steps after it (a measurement's value may be NULL; attachments; the desk's
    // search; sealing keys)
    crate::migrations::undo_draft_focus(&c);
    crate::migrations::undo_sealing_keys(&c);
    crate::migrations::undo_desk_search(&c);
    crate::migrations::undo_attachments(&c);
    crate::migrations::undo_measurement_null(&c);
    c.pragma_update(None, "user_version", 9).unwrap();
    drop(c);

    let migrated = harness::open(&hq_path);
    assert_eq!(migrated.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        raw(
            &migrated,
            "SELECT count(*) FROM review_desk WHERE exporter_name = '' OR finalized_at IS NULL"
        )
        .as_deref(),
        Some("0"),
        "the step fills the exporter and finalized time of the rows it finds"
    );
    assert_eq!(DeskPanel::build(&migrated, &scope).unwrap(), fresh);
    assert_eq!(
        desk::review(&migrated, &scope).unwrap().review.unwrap(),
        fresh.review,
        "the report and the panel agree"
    );
}
