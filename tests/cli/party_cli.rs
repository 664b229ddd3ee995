//! Listed parties on the command line: `rules search` finds them by any name or alias,
//! `rules show` prints one, and `rules rescreen` lists the finalized inspections whose
//! verdict a pack with the party lists changes, and why, without changing the database.

use std::path::Path;

use crate::support::binary::{fails, field_db_with_pack, ok};
use crate::support::{TEST_PACK, example};
use serde_json::Value;

const FULL_PACK: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/rules/cn-strategic-minerals.toml"
);

/// Every row of every table, in rowid order: the database as a dump.
fn dump(db: &Path) -> Vec<String> {
    let c = crate::support::harness::raw_connection(db).unwrap();
    let tables: Vec<String> = c
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let vals: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(format!("{t}: {}", vals.join("|")))
            })
            .unwrap()
            .map(Result::unwrap);
        out.extend(rows);
    }
    out
}

/// A laptop whose records were finalized under the test pack (no party lists): one for
/// a listed consignee, one for an ordinary one.
fn laptop(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("field.db");
    field_db_with_pack(&db, TEST_PACK);
    let mut store = crate::support::harness::open(&db);
    for consignee in ["Lockheed Martin Corporation", "Swiss Magnet Trading AG"] {
        let mut ex = example();
        ex.shipment.consignee = consignee.into();
        ex.inspection.outcome = Some(minspect::domain::Outcome::Released);
        let s = store.records_mut().create_shipment(&ex.shipment).unwrap();
        let i = store
            .records_mut()
            .start_inspection(&s, &ex.inspection)
            .unwrap();
        store.records_mut().finalize_inspection(&i).unwrap();
    }
    db
}

#[test]
fn rules_search_and_show_find_parties_by_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db"); // no database: the embedded pack answers
    let out = ok(&db, &["rules", "search", "洛克希德"]);
    assert!(
        out.contains("Listed parties (") && out.contains("eccl-6"),
        "{out}"
    );
    let out = ok(&db, &["rules", "search", "NCSIST"]);
    assert!(
        out.contains("eccl-74") && out.contains("(as \"NCSIST\")"),
        "{out}"
    );
    let v: Value =
        serde_json::from_str(&ok(&db, &["rules", "search", "Shield AI", "--json"])).unwrap();
    let ids: Vec<&str> = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(&ids[..2], ["eccl-36", "uel-43"]);
    // items still come first, and a query matching nothing says so
    let out = ok(&db, &["rules", "search", "gallium"]);
    assert!(out.lines().next().unwrap().starts_with("ga-"), "{out}");
    assert!(ok(&db, &["rules", "search", "zzqqxx"]).contains("no rule matches"));
    let out = ok(&db, &["rules", "show", "eccl-6"]);
    for want in [
        "Lockheed Martin Corporation / 洛克希德·马丁公司",
        "Export Control Control List",
        "PROHIBITED",
        "2025 No. 1",
    ] {
        assert!(out.contains(want), "{want} in {out}");
    }
    let v: Value = serde_json::from_str(&ok(&db, &["rules", "show", "wl-1", "--json"])).unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["effect"].as_str()),
        (Some("party"), Some("licence_required"))
    );
    let zh = ok(&db, &["--lang", "zh", "rules", "show", "eccl-6"]);
    assert!(zh.contains("禁止出口经营者向其出口两用物项"), "{zh}");
}

#[test]
fn rescreen_lists_what_the_party_lists_change_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = laptop(dir.path());
    let before = dump(&db);
    let out = ok(&db, &["rules", "rescreen", "--pack", FULL_PACK]);
    assert!(
        out.contains("2 finalized inspections screened again"),
        "{out}"
    );
    assert!(out.contains("-> PROHIBITED"), "{out}");
    assert!(
        out.contains("Consignee \"Lockheed Martin Corporation\" matches"),
        "{out}"
    );
    let v: Value = serde_json::from_str(&ok(
        &db,
        &["rules", "rescreen", "--pack", FULL_PACK, "--format", "json"],
    ))
    .unwrap();
    let changed = v["changed"].as_array().unwrap();
    let lm = changed.iter().find(|r| r["after"] == "prohibited").unwrap();
    assert!(
        lm["new_reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["rule_id"] == "eccl-6")
    );
    assert_ne!(lm["before"], "prohibited");
    let csv = ok(
        &db,
        &["rules", "rescreen", "--pack", FULL_PACK, "--format", "csv"],
    );
    assert!(csv.starts_with("inspection_id,declaration_no,finalized_at,declared_on,before,before_pack,after,after_pack,new_reasons,gone"), "{csv}");
    assert!(
        csv.contains(",prohibited,") && csv.contains("eccl-6"),
        "{csv}"
    );
    let md = ok(
        &db,
        &["rules", "rescreen", "--pack", FULL_PACK, "--format", "md"],
    );
    assert!(
        md.starts_with("# Re-screening") && md.contains("| PROHIBITED |"),
        "{md}"
    );
    // the active pack is the one they were finalized with: nothing differs
    assert!(ok(&db, &["rules", "rescreen"]).contains(", 0 with another verdict"));
    // --since after every finalize: nothing to screen
    assert!(
        ok(
            &db,
            &[
                "rules",
                "rescreen",
                "--pack",
                FULL_PACK,
                "--since",
                "2999-01-01"
            ]
        )
        .contains(": 0 finalized")
    );
    assert_eq!(dump(&db), before, "re-screening changed the database");
    // bad input is refused, exit 2, naming the flag
    assert!(fails(&db, &["rules", "rescreen", "--format", "xml"], 2).contains("--format"));
    assert!(fails(&db, &["rules", "rescreen", "--since", "07/12/2026"], 2).contains("--since"));
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[pack]\nversion = \"1\"\n").unwrap();
    assert!(
        fails(
            &db,
            &["rules", "rescreen", "--pack", bad.to_str().unwrap()],
            2
        )
        .contains("bad.toml:")
    );
    assert_eq!(dump(&db), before);
}
