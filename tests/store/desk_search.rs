//! The review desk's own search and tallies (migration 13): free text finds exactly the
//! desk rows the shipment log's index found (Chinese too), and the tallies the triggers
//! keep are the desk's counts, as the migration's fill computes them.

use rusqlite::Connection;

use minspect::fixture::{FixtureOptions, generate_headquarters};
use minspect::store::Store;
use minspect::store::queue::{MATCH_CAP, QueueFilter, QueueFrom, QueueSort};

use crate::migrations::q;

fn generated(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("hq.db");
    let opts = FixtureOptions {
        shipments: 3000,
        seed: 5,
        batch: 1000,
    };
    generate_headquarters(&path, &opts, |_| {}).unwrap();
    path
}

/// The desk rows a free text finds through the shipment log's index (the search before
/// migration 13), by inspection id.
fn by_the_log(path: &std::path::Path, text: &str) -> Vec<String> {
    let c = Connection::open(path).unwrap();
    let Some(m) = minspect::store::query::shipments::fts_query(text) else {
        // no word in it: the text filters nothing
        let mut s = c
            .prepare("SELECT inspection_id FROM review_desk ORDER BY inspection_id")
            .unwrap();
        return s
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
    };
    let mut s = c
        .prepare(
            "SELECT d.inspection_id FROM review_desk d JOIN shipments s ON s.id = d.shipment_id
             WHERE s.rowid IN (SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH ?1)
             ORDER BY d.inspection_id",
        )
        .unwrap();
    s.query_map([m], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The desk rows the queue finds for `text`, with its count.
fn by_the_queue(hq: &Store, text: &str) -> (Vec<String>, u64) {
    let r = hq
        .hq()
        .resolve_queue_filter(&QueueFilter::parse(text).unwrap())
        .unwrap()
        .unwrap();
    let mut ids: Vec<String> = hq
        .hq()
        .queue_page(&r, QueueSort::Received, &QueueFrom::First, 1_000_000)
        .unwrap()
        .into_iter()
        .map(|p| p.inspection_id)
        .collect();
    ids.sort();
    (ids, hq.hq().queue_counts(&r).unwrap().matching)
}

/// Words of the desk's shipments (declaration numbers, names, descriptions, HS codes,
/// containers), their prefixes, and words that are nowhere.
pub(crate) fn words(path: &std::path::Path) -> Vec<String> {
    let text = q(
        path,
        "SELECT s.declaration_no || ' ' || s.exporter_name || ' ' || s.consignee || ' ' || s.end_user
             || ' ' || s.description || ' ' || s.hs_code || ' ' || s.container_nos
         FROM review_desk d JOIN shipments s ON s.id = d.shipment_id ORDER BY d.rowid LIMIT 40",
    );
    let mut out: Vec<String> = text
        .iter()
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    out.sort();
    out.dedup();
    let prefixes: Vec<String> = out
        .iter()
        .filter_map(|w| w.get(..3).map(str::to_string))
        .collect();
    out.extend(prefixes);
    out.extend(
        [
            "gallium",
            "tungsten ore",
            "Co",
            "zzqx",
            "金属镓",
            "镓",
            "金属",
        ]
        .map(String::from),
    );
    out
}

#[test]
fn free_text_finds_exactly_the_desk_rows_the_log_search_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(&dir);
    // a received shipment described in Chinese (a copy of one on the desk)
    let c = Connection::open(&path).unwrap();
    c.execute_batch(
        "CREATE TEMP TABLE s AS SELECT * FROM shipments WHERE id = (SELECT shipment_id FROM review_desk LIMIT 1);
         UPDATE s SET id = 'cjk-shipment', declaration_no = '999920260999999999', description = '金属镓 锭 99.99%';
         INSERT INTO shipments SELECT * FROM s;
         CREATE TEMP TABLE d AS SELECT * FROM review_desk LIMIT 1;
         UPDATE d SET inspection_id = 'cjk-inspection', shipment_id = 'cjk-shipment';
         INSERT INTO review_desk SELECT * FROM d;",
    )
    .unwrap();
    drop(c);
    let hq = crate::support::harness::open(&path);
    let mut found_some = 0;
    for w in words(&path) {
        let old = by_the_log(&path, &w);
        let (new, matching) = by_the_queue(&hq, &w);
        assert_eq!(new, old, "free text [{w}]");
        assert_eq!(matching, (old.len() as u64).min(MATCH_CAP), "[{w}]");
        found_some += usize::from(!old.is_empty());
    }
    assert!(found_some > 20, "the words find rows");
    assert_eq!(by_the_queue(&hq, "金属镓").0, ["cjk-inspection"]);
    assert_eq!(
        by_the_queue(&hq, "99.99%").0.len(),
        by_the_log(&path, "99.99%").len()
    );
}

const TALLIES: &str =
    "SELECT term || ' ' || value || ' ' || n FROM review_desk_tally ORDER BY term, value";
const DAYS: &str = "SELECT declared_on || ' ' || n || ' ' || first_received || ' ' || last_received
    FROM review_desk_declared_days ORDER BY declared_on";

#[test]
fn the_tallies_the_triggers_keep_are_the_ones_the_migration_fills() {
    let dir = tempfile::tempdir().unwrap();
    let path = generated(&dir);
    let (tallies, days) = (q(&path, TALLIES), q(&path, DAYS));
    assert!(tallies.iter().any(|t| t.starts_with("officer ")));
    let rows: u64 = q(&path, "SELECT count(*) FROM review_desk")[0]
        .parse()
        .unwrap();
    let by_port: u64 = q(
        &path,
        "SELECT sum(n) FROM review_desk_tally WHERE term = 'port'",
    )[0]
    .parse()
    .unwrap();
    assert_eq!(by_port, rows);
    let gallium = by_the_log(&path, "gallium");
    // the file before migration 13, brought forward: the same tallies, the same search
    let c = Connection::open(&path).unwrap();
    crate::migrations::undo_draft_focus(&c);
    crate::migrations::undo_sealing_keys(&c);
    crate::migrations::undo_desk_search(&c);
    c.pragma_update(None, "user_version", 12).unwrap();
    drop(c);
    let hq = crate::support::harness::open(&path);
    assert_eq!(q(&path, TALLIES), tallies);
    assert_eq!(q(&path, DAYS), days);
    assert_eq!(by_the_queue(&hq, "gallium").0, gallium);
}
