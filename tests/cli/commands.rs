//! The real binary, end to end: init, db check, screen, bad input (exit 2, the field
//! named, nothing written), a closed pipe, device key export and trust.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

pub(crate) fn bin(db: &Path) -> Command {
    let mut c = crate::support::harness::minspect();
    c.arg("--db")
        .arg(db)
        .env_remove("MINSPECT_DB")
        .env("NO_COLOR", "1");
    c
}

pub(crate) fn fresh() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    bin(&db)
        .args([
            "init",
            "--officer",
            "Li Wei",
            "--badge",
            "GZ-1042",
            "--device",
            "laptop-7",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("created field database"));
    (dir, db)
}

pub(crate) fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Bytes of the database and its WAL: equal before and after = nothing written.
pub(crate) fn snapshot(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    (
        std::fs::read(db).unwrap(),
        std::fs::read(wal).unwrap_or_default(),
    )
}

#[test]
fn init_check_and_refuse_overwrite() {
    let (_dir, db) = fresh();
    bin(&db)
        .args(["db", "check"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok:"));
    bin(&db)
        .args(["db", "check", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"ok\":true"));
    bin(&db)
        .args(["init", "--officer", "X", "--badge", "2", "--device", "d"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("refusing to overwrite"));
}

pub(crate) const DY: &str = r#"{"date":"2025-04-30","hs_code":"8505111000","description":"NdFeB permanent magnets","composition":{"Nd":14.0,"Dy":0.18},"destination":"CH","licence_no":""}"#;

#[test]
fn screen_text_and_json() {
    let (dir, db) = fresh();
    let out = stdout(bin(&db).args(["screen", "--facts", "-"]).write_stdin(DY));
    assert!(out.starts_with("LICENCE REQUIRED"), "{out}");
    // reasons are cited as the console cites them, never by the pack's rule ids
    assert!(
        out.contains("1. [controlled item · 2025 No. 18 · 1C905.a.4]"),
        "{out}"
    );
    assert!(
        out.contains("Dysprosium-containing NdFeB permanent magnets"),
        "{out}"
    );
    assert!(out.contains("2. [RED FLAG]"), "{out}");
    // the reasons (a note below the thresholds still carries its item's id: its words
    // are the engine's stored English)
    let reasons = out.split("\nNote").next().unwrap();
    for id in ["re-dy-magnet", "M2", "[rule", "rule re"] {
        assert!(
            !reasons.contains(id),
            "no rule id {id} in the reasons: {out}"
        );
    }
    let zh = stdout(
        bin(&db)
            .args(["--lang", "zh", "screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(zh.contains("[管制物项 · 2025 No. 18 · 1C905.a.4]"), "{zh}");
    let reasons = zh.split("\n注意").next().unwrap();
    assert!(!reasons.contains("re-dy-magnet"), "{zh}");
    // machine output keeps the ids
    let j: serde_json::Value = serde_json::from_str(&stdout(
        bin(&db)
            .args(["screen", "--json", "--facts", "-"])
            .write_stdin(DY),
    ))
    .unwrap();
    let ids: Vec<&str> = j["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["rule_id"].as_str())
        .collect();
    assert!(ids.contains(&"re-dy-magnet") && ids.contains(&"M2"), "{j}");
    let file = dir.path().join("facts.json");
    std::fs::write(&file, r#"{"date":"2026-11-28","description":"gallium metal","destination":"US","end_use":"civil"}"#).unwrap();
    let j: serde_json::Value = serde_json::from_str(&stdout(
        bin(&db).args(["screen", "--json", "--facts"]).arg(&file),
    ))
    .unwrap();
    assert_eq!(j["verdict"], "prohibited");
    assert_eq!(j["rule_pack"]["version"], "2026.03.1");
    assert_eq!(j["rule_pack"]["published"], "2026-03-15");
    let hits = j["hits"].as_array().unwrap();
    assert!(hits.iter().any(|h| h["kind"] == "destination"
        && h["rule_id"] == "D-US-2"
        && h["announcement"] == "2024 No. 46"));
    assert!(hits.iter().any(|h| h["kind"] == "stale"));
    assert!(
        hits.iter().all(|h| h.get("control_code").is_some()),
        "control_code is always present (null when none)"
    );
    let j: serde_json::Value = serde_json::from_str(&stdout(
        bin(&db).args(["screen", "--json", "--facts", "-"]).write_stdin(r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"density_g_cm3":1.8}}"#),
    ))
    .unwrap();
    assert_eq!(j["verdict"], "needs_review");
    assert_eq!(
        j["missing_measurements"],
        serde_json::json!(["purity_pct", "flexural_strength_mpa"])
    );
}

#[test]
fn screen_works_without_a_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("none.db");
    let out = stdout(bin(&db).args(["screen", "--facts", "-"]).write_stdin(DY));
    assert!(out.starts_with("LICENCE REQUIRED"));
    assert!(!db.exists(), "screening must not create a database");
}

#[test]
fn bad_facts_exit_2_naming_the_field_and_write_nothing() {
    let (_dir, db) = fresh();
    let before = snapshot(&db);
    let cases = [
        (r#"{"date":"2025-01-01","#, "facts: malformed JSON"),
        (
            r#"{"date":"2025-01-01","colour":"red"}"#,
            "colour: unknown field",
        ),
        (
            r#"{"date":"2025-02-30"}"#,
            "date: '2025-02-30' is not a date",
        ),
        (r#"{"hs_code":"2825909001"}"#, "date: missing"),
        (
            r#"{"date":"2025-01-01","hs_code":"2825AB9001"}"#,
            "hs_code: '2825AB9001' contains 'A'",
        ),
        (
            r#"{"date":"2025-01-01","destination":"XX"}"#,
            "destination: 'XX' is not an ISO 3166",
        ),
        (
            r#"{"date":"2025-01-01","measurements":{"purity_pct":-0.5}}"#,
            "measurements.purity_pct: -0.5 is negative",
        ),
        (
            r#"{"date":"2025-01-01","measurements":{"purity_pct":"high"}}"#,
            "measurements.purity_pct: expected a number",
        ),
        (
            r#"{"date":"2025-01-01","end_use":"peaceful"}"#,
            "end_use: 'peaceful' is not one of",
        ),
        (
            r#"{"date":"2025-01-01","composition":{"Xx":3}}"#,
            "composition.Xx: is not a chemical element",
        ),
        (
            r#"{"date":"2025-06-01","measurements":{"purity_pct":150}}"#,
            "measurements.purity_pct: 150 is not a percentage from 0 to 100",
        ),
        (
            r#"{"date":"2025-06-01","composition":{"Ga":60,"Zn":60}}"#,
            "composition: the percentages add up to 120.00, more than 100",
        ),
        (
            r#"{"date":"2025-06-01","composition":{"Ga":101}}"#,
            "composition.Ga: 101 is not a percentage",
        ),
        (
            r#"{"date":"2025-06-01","measurements":{"purity":99.99}}"#,
            "measurements.purity: unknown measurement; known: purity_pct, ",
        ),
        (
            r#"{"date":"2025-06-01","measurements":{"foo_pct":9}}"#,
            "measurements.foo_pct: unknown measurement",
        ),
        (r#"[1]"#, "facts: expected a JSON object"),
    ];
    for (facts, want) in cases {
        let out = bin(&db)
            .args(["screen", "--facts", "-"])
            .write_stdin(facts)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{facts}: {err}");
        assert!(err.contains(want), "{facts}: expected '{want}' in {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(out.stdout.is_empty());
    }
    bin(&db)
        .args(["screen", "--facts", "/no/such/file.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("facts: cannot read"));
    assert!(snapshot(&db) == before, "bad input changed the database");
}

/// Piping a listing into a reader that stops early (`| head -1`) ends quietly: no panic
/// message, no backtrace.
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = crate::support::harness::minspect_std()
        .args(["--db", "/nonexistent/minspect-test.db", "rules", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the listing is written (the child is still parsing
    // the pack), so its first write meets a closed pipe.
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    child.wait().unwrap();
    assert!(!err.contains("panicked"), "stderr: {err}");
}

#[test]
fn export_key_refuses_to_overwrite_and_trust_refuses_control_characters() {
    let (dir, db) = fresh();
    let key = dir.path().join("f.key");
    std::fs::write(&key, "keep me").unwrap();
    let out = bin(&db)
        .args(["device", "export-key", "--out"])
        .arg(&key)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("f.key") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&key).unwrap(), "keep me");
    stdout(
        bin(&db)
            .args(["device", "export-key", "--force", "--out"])
            .arg(&key),
    );
    let mut kf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&key).unwrap()).unwrap();
    assert_eq!(kf["format"], "minspect-device-key");

    let other_dir = TempDir::new().unwrap();
    let other = other_dir.path().join("hq.db");
    bin(&other)
        .args([
            "init",
            "--officer",
            "Zhao",
            "--badge",
            "HQ-1",
            "--device",
            "hq",
            "--hq",
        ])
        .assert()
        .success();
    let hq_key = other_dir.path().join("hq.key");
    stdout(
        bin(&other)
            .args(["device", "export-key", "--out"])
            .arg(&hq_key),
    );
    kf = serde_json::from_str(&std::fs::read_to_string(&hq_key).unwrap()).unwrap();
    let before = snapshot(&db);
    for bad in ["hq\u{1b}[2J", "hq\u{7}", "hq\nfake line", "  "] {
        kf["name"] = serde_json::Value::String(bad.into());
        std::fs::write(&hq_key, kf.to_string()).unwrap();
        let out = bin(&db)
            .args(["device", "trust"])
            .arg(&hq_key)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {err}");
        assert!(
            err.contains("name:") && err.contains("control characters"),
            "{err}"
        );
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert!(
        snapshot(&db) == before,
        "a refused trust changed the database"
    );
    kf["name"] = serde_json::Value::String("hq".into());
    std::fs::write(&hq_key, kf.to_string()).unwrap();
    let out = stdout(bin(&db).args(["device", "trust"]).arg(&hq_key));
    assert!(out.contains("trusted"), "{out}");
}
