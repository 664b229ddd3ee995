//! `minspect review list | approve | return` at headquarters: the queue's filter grammar
//! (each refusal exits 2 naming the term), one decision per inspection unless `--change`,
//! and no field work at headquarters.

use std::path::{Path, PathBuf};

use crate::support::binary::*;
use serde_json::Value;

/// An HQ database (created by `init --hq`, so this login is its supervisor) holding `n`
/// inspections received from a laptop; the HQ path and the inspection ids.
fn hq_with(dir: &Path, n: usize) -> (PathBuf, Vec<String>) {
    let (usb, rec) = (dir.join("usb"), dir.join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&rec).unwrap();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, n);
    import(&hq, &export(&a, &usb), &rec);
    let ids = table(&hq, "inspections")
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    (hq, ids)
}

fn list(hq: &Path, args: &[&str]) -> Value {
    let mut a = vec!["review", "list", "--json"];
    a.extend(args);
    serde_json::from_str(&ok(hq, &a)).unwrap()
}

#[test]
fn review_list_filters_sorts_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (hq, ids) = hq_with(dir.path(), 4);
    let all = list(&hq, &[]);
    assert_eq!(all["counts"]["total"], 4);
    assert_eq!(all["counts"]["pending"], 4);
    assert_eq!(all["sort"], "received");
    let row = &all["rows"][0];
    for key in [
        "inspection_id",
        "received_at",
        "officer_badge",
        "port",
        "declared_verdict",
        "found_verdict",
        "state",
        "seized",
    ] {
        assert!(row.get(key).is_some(), "stable key {key}: {row}");
    }
    assert_eq!(
        list(&hq, &["officer:laptop-a", "device:laptop-a"])["counts"]["matching"],
        4
    );
    ok(&hq, &["review", "approve", &ids[0]]);
    let approved = list(&hq, &["state:approved"]);
    assert_eq!(approved["rows"].as_array().unwrap().len(), 1);
    assert_eq!(approved["rows"][0]["inspection_id"], ids[0].as_str());
    assert_eq!(
        list(&hq, &["review:pending", "--sort", "officer"])["counts"]["matching"],
        3
    );
    let text = ok(&hq, &["review", "list", "state:pending"]);
    assert!(text.contains("\n3 match the filter\n"), "{text}");
    let text = ok(&hq, &["review", "list", "--sort", "port"]);
    assert!(
        text.starts_with("3 pending · 1 approved · 0 returned · 0 resubmitted · 4 in all"),
        "{text}"
    );
    assert!(text.contains("RECEIVED"), "{text}");
    for (args, says) in [
        (
            vec!["colour:red"],
            "'colour:red' is not a filter term; the terms are: officer:BADGE",
        ),
        (
            vec!["received:2026-13-01"],
            "received: '2026-13-01' is not a date",
        ),
        (vec!["officer:NOPE"], "no officer here has badge 'NOPE'"),
        (
            vec!["port:XXXXX"],
            "no received inspection took place at 'XXXXX'",
        ),
        (
            vec!["state:lost"],
            "state: 'lost' is not accepted; use one of: pending, approved, returned, resubmitted",
        ),
        (vec!["--sort", "size"], "--sort: 'size' is not accepted"),
    ] {
        let mut a = vec!["review", "list"];
        a.extend(args);
        let e = fails(&hq, &a, 2);
        assert!(e.contains(says), "{a:?}: {e}");
    }
}

#[test]
fn a_second_decision_exits_2_unless_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (hq, ids) = hq_with(dir.path(), 1);
    ok(&hq, &["review", "approve", &ids[0], "--comment", "fine"]);
    let before = table(&hq, "reviews").len();
    let e = fails(
        &hq,
        &["review", "return", &ids[0], "--comment", "weigh again"],
        2,
    );
    assert!(e.contains("already approved by Officer Li at 20"), "{e}");
    assert_eq!(table(&hq, "reviews").len(), before, "nothing written");
    fails(&hq, &["review", "approve", &ids[0]], 2);
    ok(
        &hq,
        &[
            "review",
            "return",
            &ids[0],
            "--comment",
            "weigh again",
            "--change",
        ],
    );
    let reviews = table(&hq, "reviews");
    assert_eq!(reviews.len(), 2, "the history keeps both");
    assert_eq!(list(&hq, &["state:returned"])["counts"]["matching"], 1);
}

#[test]
fn headquarters_refuses_field_work() {
    let dir = tempfile::tempdir().unwrap();
    let (hq, _) = hq_with(dir.path(), 1);
    let before = snapshot(&hq);
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples/record.json");
    let e = fails(&hq, &["record", "import", example, "--finalize"], 2);
    assert!(e.contains("headquarters records no field work"), "{e}");
    let e = fails(
        &hq,
        &["sync", "export", "--out", dir.path().to_str().unwrap()],
        2,
    );
    assert!(e.contains("headquarters"), "{e}");
    assert_eq!(snapshot(&hq), before, "nothing written");
}
