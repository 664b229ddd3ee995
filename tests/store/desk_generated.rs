//! The generated training headquarters (`fixture::generate_headquarters`, the one the
//! supervisors' benchmarks run on): kind hq in the training world, every finalized
//! inspection on the desk, recorded by many officers on many laptops; and on it, a queue
//! page for every single filter term of the grammar, in every sort, is read along an index
//! or sorts only the few rows of a small term, never the log (EXPLAIN QUERY PLAN), and every
//! way in gives the same pages.

use minspect::domain::{DbKind, World};
use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;
use minspect::store::queue::plan::SMALL;
use minspect::store::queue::{Drive, QueueFilter, QueueFrom, QueueSort, Resolved};

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
    // recorded by the crew: 40 laptops and 60 officers, each row from a laptop of its port
    let spread = raw(
        &hq,
        "SELECT count(DISTINCT device_id) || ' ' || count(DISTINCT officer_badge) FROM review_desk",
    );
    assert_eq!(spread.as_deref(), Some("40 60"));
    let elsewhere = "SELECT count(*) FROM review_desk d JOIN devices v ON v.id = d.device_id
        WHERE v.name NOT LIKE lower(d.locode) || '-laptop-%'";
    assert_eq!(raw(&hq, elsewhere).as_deref(), Some("0"));
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

/// Every single term of the grammar, with a value the generated desk holds (a badge and
/// a laptop of its crew), and free text: a broad word and a declaration number.
pub fn single_terms(hq: &Store) -> Vec<String> {
    let v = |col: &str| {
        raw(
            hq,
            &format!("SELECT {col} FROM review_desk WHERE {col} <> '' ORDER BY {col} LIMIT 1"),
        )
        .unwrap()
    };
    let device = raw(
        hq,
        "SELECT v.name FROM devices v WHERE v.id = (SELECT min(device_id) FROM review_desk)",
    )
    .unwrap();
    let declaration = raw(
        hq,
        "SELECT s.declaration_no FROM review_desk d JOIN shipments s ON s.id = d.shipment_id LIMIT 1",
    )
    .unwrap();
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
        "gallium".into(),
        declaration,
    ]
}

const SORTS: [QueueSort; 4] = [
    QueueSort::Received,
    QueueSort::Declared,
    QueueSort::Officer,
    QueueSort::Port,
];

fn resolved(hq: &Store, line: &str) -> Resolved {
    hq.hq()
        .resolve_queue_filter(&QueueFilter::parse(line).unwrap())
        .unwrap()
        .unwrap()
}

/// The plan of every single term in every sort, both as the queue reads it (a term of at
/// most SMALL rows through its own index, its rows sorted) and with no term small (along an
/// index in the sort's order): it uses the index it names, and it sorts only the rows of a
/// term of at most SMALL rows, never the log; reading along an index never sorts.
#[test]
fn every_single_term_in_every_sort_pages_by_an_index_or_sorts_a_few_rows() {
    let (_d, hq) = generated();
    for line in single_terms(&hq) {
        let r = resolved(&hq, &line);
        let matching = hq.hq().queue_counts(&r).unwrap().matching;
        for sort in SORTS {
            for small in [SMALL, 0] {
                let plan = hq.hq().queue_plan(&r, sort, small).unwrap();
                let steps = hq
                    .hq()
                    .explain_queue_plan(&r, &plan, sort)
                    .unwrap()
                    .join(" | ");
                let at = format!("[{line}] {sort:?} small={small}: {plan:?}: {steps}");
                match &plan.drive {
                    Drive::Index(ix) => {
                        assert!(steps.contains(&format!("INDEX {ix} ")), "{at}")
                    }
                    Drive::Text => assert!(steps.contains("review_desk_fts"), "{at}"),
                    Drive::Nothing => assert_eq!(matching, 0, "{at}"),
                }
                if steps.contains("TEMP B-TREE") {
                    assert!(matching <= small, "a sort of {matching} rows: {at}");
                }
                if line.is_empty() || small == 0 {
                    assert!(!steps.contains("TEMP B-TREE"), "{at}");
                }
            }
        }
    }
}

/// Whichever way a page is read, it holds the same rows in the same order, page after
/// page (keyset), and the title's count is the number of rows the pages hold.
#[test]
fn every_way_in_gives_the_same_pages_and_the_count_their_rows() {
    let (_d, hq) = generated();
    for line in single_terms(&hq) {
        let r = resolved(&hq, &line);
        let counts = hq.hq().queue_counts(&r).unwrap();
        for sort in SORTS {
            let pages: Vec<Vec<String>> = [SMALL, 0]
                .iter()
                .map(|&small| {
                    let plan = hq.hq().queue_plan(&r, sort, small).unwrap();
                    let mut ids = Vec::new();
                    let mut from = QueueFrom::First;
                    loop {
                        let page = hq
                            .hq()
                            .queue_page_planned(&r, &plan, sort, &from, 40)
                            .unwrap();
                        ids.extend(page.iter().map(|p| p.inspection_id.clone()));
                        match page.last() {
                            Some(last) if page.len() == 40 => {
                                from = QueueFrom::After(last.key(sort))
                            }
                            _ => break,
                        }
                    }
                    ids
                })
                .collect();
            assert_eq!(pages[0], pages[1], "[{line}] {sort:?}");
            let unique: std::collections::HashSet<&String> = pages[0].iter().collect();
            assert_eq!(unique.len(), pages[0].len(), "[{line}] {sort:?}");
            assert_eq!(counts.matching, pages[0].len() as u64, "[{line}] {sort:?}");
        }
    }
}
