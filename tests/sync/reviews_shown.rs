//! Review decisions made at headquarters reach the officer's records: after HQ returns
//! an inspection with a comment and the device acknowledges the receipt, `record show`
//! (text and --json) carries the decision, in local time with the offset.

use crate::support::binary::*;
use serde_json::Value;

#[test]
fn record_show_carries_the_returned_decision_after_ack() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 2);
    let r1 = import(&hq, &export(&a, dir), dir);
    ok(&a, &["sync", "ack", r1.to_str().unwrap()]);
    let insp: Vec<String> = table(&a, "inspections")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();

    // before any decision: no review line, an empty list in JSON
    let text = ok(&a, &["record", "show", &insp[0]]);
    assert!(!text.contains("review:"), "{text}");
    let v: Value = serde_json::from_str(&ok(&a, &["record", "show", &insp[0], "--json"])).unwrap();
    assert_eq!(v["reviews"], Value::Array(vec![]));

    ok(
        &hq,
        &[
            "review",
            "return",
            &insp[0],
            "--comment",
            "Photo of the seal\x1b[2J missing",
        ],
    );
    ok(&hq, &["review", "approve", &insp[1]]);
    add_records(&a, 1);
    let r2 = import(&hq, &export(&a, dir), dir);
    ok(&a, &["sync", "ack", r2.to_str().unwrap()]);

    let show = |id: &str, tz: &str| {
        let out = bin()
            .env("TZ", tz)
            .arg("--db")
            .arg(&a)
            .args(["record", "show", id])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let text = show(&insp[0], "Asia/Shanghai");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("review:"))
        .unwrap_or_else(|| panic!("no review line in {text}"));
    assert!(line.contains("RETURNED by Officer Li "), "{line}");
    assert!(line.contains(" +08:00: Photo of the seal"), "{line}");
    assert!(line.ends_with("missing"), "{line}");
    assert!(
        !text.contains('\x1b'),
        "control characters reach the terminal: {text:?}"
    );
    // the same instant in another zone: the clock time moves with the offset
    let utc = show(&insp[0], "UTC");
    assert!(utc.contains(" +00:00: Photo of the seal"), "{utc}");
    assert_ne!(text, utc);
    let approved = show(&insp[1], "Asia/Shanghai");
    assert!(
        approved.contains("review: APPROVED by Officer Li "),
        "{approved}"
    );

    let v: Value = serde_json::from_str(&ok(&a, &["record", "show", &insp[0], "--json"])).unwrap();
    let reviews = v["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{v}");
    assert_eq!(reviews[0]["decision"], "returned");
    assert_eq!(reviews[0]["reviewer"], "Officer Li");
    assert_eq!(reviews[0]["inspection_id"], insp[0].as_str());
    assert!(
        reviews[0]["comment"]
            .as_str()
            .unwrap()
            .starts_with("Photo of the seal"),
        "{v}"
    );
    assert!(
        reviews[0]["decided_at"].as_str().unwrap().ends_with('Z'),
        "{v}"
    );
}
