//! The shipment log's read side: keyset pages, filters, and query plans that use the
//! indexes (no sort of the whole log, no full scan for a filter).

use crate::support::flow::*;
use minspect::store::shipments::{PageFrom, ShipmentFilter, fts_query};
use minspect_testkit::StoreKit;

fn all_pages(s: &minspect::store::Store, f: &ShipmentFilter, size: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut from = PageFrom::Newest;
    loop {
        let page = s.query().shipments_page(f, &from, size).unwrap();
        if page.is_empty() {
            return out;
        }
        from = PageFrom::OlderThan(page.last().unwrap().key());
        out.extend(page.into_iter().map(|r| r.id));
    }
}

#[test]
fn keyset_paging_visits_every_row_once_in_order() {
    let s = store_with_shipments(500);
    let ids = all_pages(&s, &ShipmentFilter::default(), 37);
    assert_eq!(ids.len(), 500);
    let mut dedup = ids.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(dedup.len(), 500);
    // the oldest page read upwards ends where paging down ended
    let oldest = s
        .query()
        .shipments_page(&ShipmentFilter::default(), &PageFrom::Oldest, 10)
        .unwrap();
    let tail: Vec<String> = oldest.into_iter().map(|r| r.id).collect();
    assert_eq!(tail, ids[490..]);
    let filtered = ShipmentFilter::parse("dest:JP from:2024-01-01 to:2024-12-31").unwrap();
    let rows = all_pages(&s, &filtered, 7);
    assert!(!rows.is_empty());
    for id in &rows {
        let d = s.query().shipment_detail(id).unwrap().unwrap();
        assert_eq!(d.row.destination, "JP");
        assert!(
            d.row.declared_on.as_str() >= "2024-01-01"
                && d.row.declared_on.as_str() <= "2024-12-31"
        );
    }
}

#[test]
fn filter_parsing_names_the_bad_field() {
    let f =
        ShipmentFilter::parse("gallium ingots dest:us family:Gallium status:held from:2025-01-01")
            .unwrap();
    assert_eq!(f.text, "gallium ingots");
    assert_eq!(f.destination.as_deref(), Some("US"));
    assert_eq!(f.family.as_deref(), Some("gallium"));
    assert_eq!(f.status.as_deref(), Some("held"));
    assert_eq!(
        ShipmentFilter::parse("status:lost").unwrap_err().field,
        "status"
    );
    assert_eq!(
        ShipmentFilter::parse("to:2025-02-30").unwrap_err().field,
        "to"
    );
    assert_eq!(
        fts_query("Ga\"As 99.99%"),
        Some("\"Ga\"\"As\" \"99.99\"*".into())
    );
    assert_eq!(fts_query("gallium in"), Some("\"gallium\" \"in\"".into()));
    assert_eq!(fts_query("zin"), Some("\"zin\"*".into()));
    assert_eq!(fts_query("  ..  "), None);
}

#[test]
fn every_filter_uses_an_index_and_never_sorts_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let opts = minspect::fixture::FixtureOptions {
        shipments: 3000,
        seed: 3,
        batch: 1000,
    };
    minspect::fixture::generate(&path, &opts, |_| {}).unwrap();
    let s = crate::support::harness::try_open_read_only(&path).unwrap();
    // the full-text index was rebuilt after the bulk load
    let zinc = s
        .query()
        .shipments_page(
            &ShipmentFilter::parse("zinc").unwrap(),
            &PageFrom::Newest,
            50,
        )
        .unwrap();
    assert!(
        !zinc.is_empty()
            && zinc
                .iter()
                .all(|r| r.description.to_lowercase().contains("zinc")),
        "{zinc:?}"
    );
    let key = s
        .query()
        .shipments_page(&ShipmentFilter::default(), &PageFrom::Newest, 5)
        .unwrap()[4]
        .key();
    for line in [
        "",
        "dest:US",
        "family:gallium",
        "status:held",
        "from:2024-01-01 to:2024-06-30",
        "dest:US status:seized",
        "zinc",
        "zinc dest:DE",
        "review:pending",
        "review:pending dest:US from:2024-01-01",
        "review:pending zinc",
    ] {
        let f = ShipmentFilter::parse(line).unwrap();
        for from in [
            PageFrom::Newest,
            PageFrom::OlderThan(key.clone()),
            PageFrom::NewerThan(key.clone()),
            PageFrom::Oldest,
        ] {
            let plan = s.query().explain_page(&f, &from).unwrap().join(" | ");
            // only a narrow text match (fewer than FTS_SORT_CAP rows) may be sorted
            let bounded_sort = !f.text.is_empty() && !s.query().fts_is_broad(&f.text).unwrap();
            assert!(
                bounded_sort || !plan.contains("TEMP B-TREE"),
                "{line:?} {from:?} sorts: {plan}"
            );
            assert!(
                plan.contains("INDEX") || plan.contains("VIRTUAL TABLE"),
                "{line:?} {from:?}: {plan}"
            );
            eprintln!("{line:?}: {plan}");
            // the broad-text path walks an index in order and never sorts
            let broad = s
                .query()
                .explain_page_as(&f, &from, true)
                .unwrap()
                .join(" | ");
            assert!(
                !broad.contains("TEMP B-TREE") && broad.contains("INDEX"),
                "{line:?} {from:?}: {broad}"
            );
        }
    }
}

#[test]
fn broad_and_narrow_text_paths_give_the_same_pages() {
    let s = store_with_shipments(6_000);
    // "Co" (as in "Co., Ltd.") is in nearly every row: the broad path
    assert!(s.query().fts_is_broad("Co").unwrap());
    assert!(!s.query().fts_is_broad("Ferro").unwrap());
    let first = s
        .query()
        .shipments_page(&ShipmentFilter::default(), &PageFrom::Newest, 300)
        .unwrap();
    let key = first[299].key();
    for line in [
        "Co",
        "Co dest:JP",
        "Co from:2024-01-01 to:2024-06-30",
        "Co Ferro",
        "Co status:seized",
    ] {
        let f = ShipmentFilter::parse(line).unwrap();
        for from in [
            PageFrom::Newest,
            PageFrom::OlderThan(key.clone()),
            PageFrom::NewerThan(key.clone()),
            PageFrom::Oldest,
            PageFrom::AtOrOlder(key.clone()),
        ] {
            for limit in [1, 25, 400] {
                let broad = s.query().page_by(&f, &from, limit, true).unwrap();
                let narrow = s.query().page_by(&f, &from, limit, false).unwrap();
                assert_eq!(broad, narrow, "{line:?} {from:?} {limit}");
            }
        }
    }
}

/// Shipments with a finalized inspection and no decision on it, newest first: the
/// definition the review queue must agree with.
fn awaiting_by_definition(s: &minspect::store::Store, extra: &str) -> Vec<String> {
    s.query_raw_for_tests(&format!(
        "SELECT group_concat(id, ',') FROM (SELECT s.id FROM shipments s WHERE EXISTS (
            SELECT 1 FROM inspections i WHERE i.shipment_id = s.id AND i.state = 'finalized'
              AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.inspection_id = i.id)) {extra}
         ORDER BY s.declared_on DESC, s.id DESC)"
    ))
    .unwrap()
    .map(|l| l.split(',').map(String::from).collect())
    .unwrap_or_default()
}

#[test]
fn the_review_queue_follows_decisions_and_pages_like_the_log() {
    use minspect::store::{Decision, Review};
    let mut s = store_with_shipments(400);
    let pending = ShipmentFilter::parse("review:pending").unwrap();
    let everything = awaiting_by_definition(&s, "");
    assert!(everything.len() > 20, "{}", everything.len());
    assert_eq!(all_pages(&s, &pending, 23), everything);
    // decide on most inspections, newest first, leaving the oldest awaiting (the case
    // that used to scan the whole log); a second decision on one changes nothing more
    let ids = s
        .query_raw_for_tests(
            "SELECT group_concat(id, ',') FROM (SELECT i.id FROM inspections i
               JOIN shipments s ON s.id = i.shipment_id WHERE i.state = 'finalized'
               ORDER BY s.declared_on DESC, s.id DESC, i.id)",
        )
        .unwrap()
        .unwrap();
    let ids: Vec<&str> = ids.split(',').collect();
    let keep = 12;
    for (n, id) in ids[..ids.len() - keep].iter().enumerate() {
        for round in 0..(1 + usize::from(n % 7 == 0)) {
            s.test_support_insert_review(&Review {
                id: format!("rv-{n}-{round}"),
                inspection_id: id.to_string(),
                device_id: "dev".into(),
                decision: if round == 0 {
                    Decision::Approved
                } else {
                    Decision::Returned
                },
                comment: "checked".into(),
                reviewer: "sup".into(),
                decided_at: "2026-11-29T10:00:00Z".into(),
                receipt_id: None,
            })
            .unwrap();
        }
    }
    let left = awaiting_by_definition(&s, "");
    assert!(!left.is_empty() && left.len() <= keep, "{left:?}");
    assert_eq!(all_pages(&s, &pending, 5), left);
    assert_eq!(
        s.query_raw_for_tests("SELECT sum(pending) FROM review_queue")
            .unwrap()
            .unwrap(),
        keep.to_string()
    );
    // with other filters the queue gives what the definition gives
    let dest = s
        .query_raw_for_tests(&format!(
            "SELECT destination FROM shipments WHERE id = '{}'",
            left[0]
        ))
        .unwrap()
        .unwrap();
    let f = ShipmentFilter::parse(&format!("review:pending dest:{dest}")).unwrap();
    assert_eq!(
        all_pages(&s, &f, 2),
        awaiting_by_definition(&s, &format!("AND s.destination = '{dest}'"))
    );
}
