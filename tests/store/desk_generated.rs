//! The generated training headquarters (`fixture::generate_headquarters`, the one the
//! supervisors' benchmarks run on): kind hq in the training world, every finalized
//! inspection on the desk; and on it, a queue page for every single filter term of the
//! grammar, in every sort, is an index range with no sort of the log (EXPLAIN QUERY PLAN).

use minspect::domain::{DbKind, World};
use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;
use minspect::store::queue::{QueueFilter, QueueFrom, QueueSort};

use crate::support::raw;

fn generated() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hq.db");
    let opts = FixtureOptions {
        shipments: 3000,
        seed: 3,
        batch: 1000,
    };
    let s = generate_headquarters(&path, &opts, |_| {}).unwrap();
    assert_eq!(s.shipments, 3000);
    let hq = crate::support::harness::open(&path);
    (dir, hq)
}

#[test]
fn the_generated_headquarters_is_a_training_hq_with_its_log_on_the_desk() {
    let (_d, hq) = generated();
    let id = hq.db().identity().unwrap().unwrap();
    assert_eq!(id.kind, DbKind::Hq);
    assert_eq!(hq.device().world().unwrap(), World::Training);
    let finalized = raw(
        &hq,
        "SELECT count(*) FROM inspections WHERE state = 'finalized'",
    );
    assert_ne!(finalized.as_deref(), Some("0"));
    assert_eq!(raw(&hq, "SELECT count(*) FROM review_desk"), finalized);
    assert_eq!(
        raw(
            &hq,
            "SELECT count(*) FROM review_desk WHERE exporter_name = '' OR finalized_at IS NULL"
        )
        .as_deref(),
        Some("0")
    );
    let r = hq
        .hq()
        .resolve_queue_filter(&QueueFilter::default())
        .unwrap()
        .unwrap();
    let page = hq
        .hq()
        .queue_page(&r, QueueSort::Received, &QueueFrom::First, 50)
        .unwrap();
    assert_eq!(page.len(), 50);
    assert!(
        page.windows(2)
            .all(|w| w[0].received_at >= w[1].received_at)
    );
}

/// Every single term of the grammar, with a value the generated desk holds.
pub fn single_terms(hq: &Store) -> Vec<String> {
    let v = |col: &str| {
        raw(
            hq,
            &format!("SELECT {col} FROM review_desk WHERE {col} <> '' LIMIT 1"),
        )
        .unwrap()
    };
    let device = raw(hq, "SELECT name FROM devices WHERE is_local = 1").unwrap();
    vec![
        String::new(),
        format!("officer:{}", v("officer_badge")),
        format!("device:{device}"),
        format!("port:{}", v("locode")),
        format!("family:{}", v("family")),
        "verdict:licence_required".into(),
        "found:prohibited".into(),
        "outcome:seized".into(),
        "seized:yes".into(),
        "received:2024-01-01..2024-12-31".into(),
        "from:2025-01-01".into(),
        "to:2023-12-31".into(),
        "state:pending".into(),
    ]
}

#[test]
fn every_single_term_in_every_sort_pages_with_no_sort_of_the_log() {
    let (_d, hq) = generated();
    for line in single_terms(&hq) {
        let r = hq
            .hq()
            .resolve_queue_filter(&QueueFilter::parse(&line).unwrap())
            .unwrap()
            .unwrap();
        for sort in [
            QueueSort::Received,
            QueueSort::Declared,
            QueueSort::Officer,
            QueueSort::Port,
        ] {
            let plan = hq.hq().explain_queue_page(&r, sort).unwrap().join(" | ");
            let default = sort == QueueSort::Received;
            // the default sort under any single term, and any sort with no term
            if default || line.is_empty() {
                assert!(!plan.contains("TEMP B-TREE"), "{line} {sort:?}: {plan}");
            }
            assert!(plan.contains("review_desk"), "{line} {sort:?}: {plan}");
        }
    }
}
