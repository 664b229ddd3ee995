//! Free text in the default sort is read newest first straight from the desk's full-text
//! index (`queue/newest.rs`): whatever the order of the desk's rowids, every page holds
//! the rows the straightforward query gives (the text's matches, the other terms, newest
//! received first), page after page, with the count of them all. Three desks: as generated
//! (rowids in received order), with rows of one hour received at the same time and rows
//! received far out of turn, and with the received order the reverse of the rowids'.

use std::path::Path;

use rusqlite::Connection;

use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;
use minspect::store::queue::plan::SMALL;
use minspect::store::queue::{MATCH_CAP, QueueFilter, QueueFrom, QueueSort, Resolved};

use crate::migrations::q;

const TIES_AND_STRAYS: &str = "
    UPDATE review_desk SET received_at = substr(received_at, 1, 13) || ':00:00.000Z';
    UPDATE review_desk SET received_at = '2030-01-01T00:00:00.000Z' WHERE rowid % 53 = 0;
    UPDATE review_desk SET received_at = '2000-01-01T00:00:00.000Z' WHERE rowid % 61 = 0;";
const REVERSED: &str = "UPDATE review_desk SET received_at =
    strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '-' || rowid || ' minutes');";

fn generated(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("hq.db");
    let opts = FixtureOptions {
        shipments: 12_000,
        seed: 11,
        batch: 4000,
    };
    generate_headquarters(&path, &opts, |_| {}).unwrap();
    path
}

/// The filters: words of the desk (names, descriptions, declaration numbers, Chinese,
/// words in several columns, prefixes), broad ones alone and with each kind of term.
fn lines(path: &Path) -> Vec<String> {
    let mut words: Vec<String> = crate::desk_search::words(path)
        .into_iter()
        .filter(|w| w.chars().count() >= 2)
        .step_by(12)
        .collect();
    words.extend(
        [
            "Co",
            "Ltd",
            "Materials",
            "gallium",
            "Antimony",
            "金属",
            "Co Ltd",
        ]
        .map(String::from),
    );
    let v = |col: &str| {
        q(
            path,
            &format!("SELECT {col} FROM review_desk WHERE {col} <> '' LIMIT 1"),
        )[0]
        .clone()
    };
    let terms = [
        format!("family:{}", v("family")),
        format!("officer:{}", v("officer_badge")),
        format!("port:{}", v("locode")),
        "state:pending".into(),
        "seized:yes".into(),
        "found:prohibited".into(),
        "family:indium found:prohibited".into(),
    ];
    let mut out = words.clone();
    for w in ["Co", "Ltd", "gallium", "Materials"] {
        out.extend(terms.iter().map(|t| format!("{t} {w}")));
    }
    out
}

/// The straightforward query of `line`: every row matching its text and terms, newest
/// received first.
fn straight(c: &Connection, line: &str) -> Vec<String> {
    let f = QueueFilter::parse(line).unwrap();
    let mut conds = vec!["1".to_string()];
    let mut eq = |col: &str, v: &Option<String>| {
        if let Some(v) = v {
            conds.push(format!("d.{col} = '{v}'"));
        }
    };
    eq("family", &f.family);
    eq("officer_badge", &f.officer);
    eq("locode", &f.port);
    eq("state", &f.state);
    eq("found_verdict", &f.found);
    if let Some(s) = f.seized {
        conds.push(format!("d.seized = {}", i64::from(s)));
    }
    let m = minspect::store::query::shipments::fts_query(&f.text).unwrap();
    let sql = format!(
        "SELECT d.inspection_id FROM review_desk d WHERE {} AND d.rowid IN
             (SELECT rowid FROM review_desk_fts WHERE review_desk_fts MATCH ?1)
         ORDER BY d.received_at DESC, d.inspection_id DESC",
        conds.join(" AND ")
    );
    let mut s = c.prepare(&sql).unwrap();
    s.query_map([m], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Every page of `r` read as the queue plans it with `small`, `size` rows at a time.
fn paged(hq: &Store, r: &Resolved, small: u64, size: usize) -> Vec<String> {
    let plan = hq.hq().queue_plan(r, QueueSort::Received, small).unwrap();
    let mut ids = Vec::new();
    let mut from = QueueFrom::First;
    loop {
        let page = hq
            .hq()
            .queue_page_planned(r, &plan, QueueSort::Received, &from, size)
            .unwrap();
        ids.extend(page.iter().map(|p| p.inspection_id.clone()));
        match page.last() {
            Some(last) if page.len() == size => {
                from = QueueFrom::After(last.key(QueueSort::Received))
            }
            _ => break,
        }
    }
    ids
}

fn same_pages_on(path: &Path, world: &str) -> usize {
    let c = Connection::open(path).unwrap();
    c.execute_batch(world).unwrap();
    let hq = crate::support::harness::open(path);
    let mut newest = 0;
    for line in lines(path) {
        let want = straight(&c, &line);
        let r = hq
            .hq()
            .resolve_queue_filter(&QueueFilter::parse(&line).unwrap())
            .unwrap()
            .unwrap();
        for small in [SMALL, 0] {
            let plan = hq.hq().queue_plan(&r, QueueSort::Received, small).unwrap();
            newest += usize::from(plan.newest);
            // (short pages for one broad word: many cursors into ties and strays)
            let size = if line.ends_with("gallium") { 7 } else { 40 };
            assert_eq!(
                paged(&hq, &r, small, size),
                want,
                "[{line}] small={small} size={size}"
            );
        }
        let counted = hq.hq().queue_counts(&r).unwrap().matching;
        assert_eq!(counted, (want.len() as u64).min(MATCH_CAP), "[{line}]");
    }
    newest
}

#[test]
fn free_text_newest_first_gives_the_straightforward_pages_whatever_the_rowids_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(&dir);
    // each world sets the received times of the one before anew
    for world in ["", TIES_AND_STRAYS, REVERSED] {
        let newest = same_pages_on(&path, world);
        assert!(newest > 40, "the text is read newest first: {newest}");
    }
}

/// A first page of a broad word in the default sort is read from the full-text index in
/// rowid order and checked along an index: no sort of the log.
#[test]
fn a_broad_word_pages_newest_first_without_a_sort() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(&dir);
    let hq = crate::support::harness::open(&path);
    for line in [
        "Ltd",
        "gallium",
        "Co state:pending",
        "family:antimony Materials",
    ] {
        let r = hq
            .hq()
            .resolve_queue_filter(&QueueFilter::parse(line).unwrap())
            .unwrap()
            .unwrap();
        let plan = hq.hq().queue_plan(&r, QueueSort::Received, 0).unwrap();
        assert!(plan.newest, "[{line}] {plan:?}");
        let steps = hq
            .hq()
            .explain_queue_plan(&r, &plan, QueueSort::Received)
            .unwrap()
            .join(" | ");
        assert!(
            steps.contains("review_desk_fts VIRTUAL TABLE"),
            "[{line}] {steps}"
        );
        assert!(!steps.contains("TEMP B-TREE"), "[{line}] {steps}");
    }
}
