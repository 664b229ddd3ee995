//! A unit of a listed group (a name that holds a listed name whole and says more, such as
//! "TechInsights Europe GmbH" of the listed "TechInsights Inc.", whose listing covers its
//! branches) is never cleared by a low similarity score: `minspect screen` answers
//! `needs_review` with a `party` hit of its own, worded in both languages.

use crate::support::harness::minspect;
use serde_json::Value;

const FACTS: &str = r#"{"date": "2026-01-15", "hs_code": "7318150000",
    "description": "steel hex bolts", "destination": "DE",
    "consignee": "TechInsights Europe GmbH", "end_user": "", "end_use": "civil",
    "intermediaries": ["Acme Forwarding B.V."]}"#;

fn screen(dir: &std::path::Path, args: &[&str]) -> String {
    let out = minspect()
        .arg("--db")
        .arg(dir.join("none.db"))
        .env_remove("MINSPECT_DB")
        .env("NO_COLOR", "1")
        .args(["screen", "--facts", "-"])
        .args(args)
        .write_stdin(FACTS)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_branch_of_a_listed_party_needs_review_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let v: Value = serde_json::from_str(&screen(dir.path(), &["--json"])).unwrap();
    assert_eq!(v["verdict"], "needs_review", "{v}");
    let hits = v["hits"].as_array().unwrap();
    let h = hits
        .iter()
        .find(|h| h["kind"] == "party" && h["rule_id"] == "uel-65")
        .unwrap_or_else(|| panic!("no uel-65 hit: {v}"));
    assert_eq!(h["effect"], "needs_review");
    assert_eq!(h["message_id"], "party-hit-group");
    let message = h["message"].as_str().unwrap();
    assert!(
        message.starts_with("Consignee \"TechInsights Europe GmbH\" holds the listed name"),
        "{message}"
    );
    // the ordinary intermediary gives no party reason
    assert_eq!(
        hits.iter().filter(|h| h["kind"] == "party").count(),
        1,
        "{v}"
    );
    let en = screen(dir.path(), &["--lang", "en"]);
    assert!(
        en.contains("may be a branch, subsidiary or unit of the listed party"),
        "{en}"
    );
    let zh = screen(dir.path(), &["--lang", "zh"]);
    assert!(zh.contains("可能是所列当事方的分支机构"), "{zh}");
}
