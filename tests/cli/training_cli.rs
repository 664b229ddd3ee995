//! `minspect training` through the real binary: list, new (pending declarations, the
//! trainee as an officer, never the key), class (distinct devices), reset (the starting
//! state exactly, the attempt kept), grade (table, md, csv, json).

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::harness::{minspect, open};
use crate::support::{count, raw};

fn run(args: &[&str]) -> std::process::Output {
    minspect().args(args).output().unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "minspect {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "minspect {args:?}");
    String::from_utf8(out.stderr).unwrap()
}

fn new_file(dir: &Path, name: &str, scenario: &str) -> PathBuf {
    let out = dir.join(name);
    let p = out.to_str().unwrap();
    ok(&[
        "training",
        "new",
        "--scenario",
        scenario,
        "--trainee",
        "Li Wei",
        "--out",
        p,
    ]);
    out
}

#[test]
fn list_shows_every_scenario_with_difficulty_and_lesson() {
    let text = ok(&["training", "list"]);
    for id in ["gallium-as-zinc", "dysprosium-magnet", "clean-release"] {
        assert!(text.contains(id), "{id}: {text}");
    }
    assert!(text.contains("difficulty 3"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["training", "list", "--json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert!(rows.len() >= 8);
    assert!(
        rows.iter()
            .all(|r| r["teaches"].as_str().is_some_and(|t| !t.is_empty()))
    );
}

#[test]
fn new_holds_pending_declarations_a_trainee_and_no_key() {
    let dir = TempDir::new().unwrap();
    let f = new_file(dir.path(), "li.db", "graphite-thresholds");
    let s = open(&f);
    assert_eq!(count(&s, "shipments"), 2);
    assert_eq!(count(&s, "inspections"), 0, "nothing decided yet");
    assert_eq!(
        raw(
            &s,
            "SELECT group_concat(state || ' ' || status, ',') FROM shipments"
        )
        .as_deref(),
        Some("draft declared,draft declared")
    );
    assert_eq!(
        raw(&s, "SELECT name || ' ' || role FROM officers").as_deref(),
        Some("Li Wei officer")
    );
    assert_eq!(
        raw(&s, "SELECT value FROM meta WHERE key = 'kind'").as_deref(),
        Some("training")
    );
    let setup = s.training().setup().unwrap().unwrap();
    assert_eq!(setup.scenarios[0].id, "graphite-thresholds");
    assert_eq!(setup.scenarios[0].key_sha256.len(), 64);
    drop(s);
    // the key is not in the file: none of its reasons, no points table
    let bytes = std::fs::read(&f).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("The lab next door has tested"),
        "the briefing is in the file"
    );
    for needle in [
        "every threshold holds, as in case C10",
        "custody_steps",
        "Nothing to seize.",
    ] {
        assert!(!text.contains(needle), "{needle} is in the trainee's file");
    }
    // refusals: an unknown scenario, an existing file, no scenario named (nothing written)
    let other = dir.path().join("x.db");
    let err = refused(&[
        "training",
        "new",
        "--scenario",
        "nope",
        "--trainee",
        "A",
        "--out",
        other.to_str().unwrap(),
    ]);
    assert!(err.contains("--scenario") && err.contains("nope"), "{err}");
    assert!(!other.exists());
    let err = refused(&[
        "training",
        "new",
        "--all",
        "--trainee",
        "A",
        "--out",
        f.to_str().unwrap(),
    ]);
    assert!(err.contains("already exists"), "{err}");
    let err = refused(&[
        "training",
        "new",
        "--trainee",
        "A",
        "--out",
        other.to_str().unwrap(),
    ]);
    assert!(err.contains("--all"), "{err}");
    assert!(!other.exists());
}

#[test]
fn class_gives_each_trainee_a_file_and_a_device_of_their_own() {
    let dir = TempDir::new().unwrap();
    let roster = dir.path().join("roster.txt");
    std::fs::write(&roster, "# morning class\nLi Wei\nWang Fang\n\nZhang Min\n").unwrap();
    let out = dir.path().join("class");
    let (r, o) = (roster.to_str().unwrap(), out.to_str().unwrap());
    let text = ok(&["training", "class", "--roster", r, "--all", "--out", o]);
    assert_eq!(text.lines().count(), 3, "{text}");
    let files = ["01-li-wei.db", "02-wang-fang.db", "03-zhang-min.db"];
    let mut devices = Vec::new();
    for (i, name) in files.iter().enumerate() {
        let s = open(&out.join(name));
        let setup = s.training().setup().unwrap().unwrap();
        assert_eq!(setup.badge, format!("TRN-{:02}", i + 1));
        assert!(setup.scenarios.len() >= 8);
        devices.push(setup.device_id.clone());
    }
    devices.sort();
    devices.dedup();
    assert_eq!(devices.len(), 3, "distinct device ids");
    // again: the files exist, nothing is written
    let err = refused(&["training", "class", "--roster", r, "--all", "--out", o]);
    assert!(err.contains("01-li-wei.db"), "{err}");
    std::fs::write(&roster, "Li Wei\nLi Wei\n").unwrap();
    let err = refused(&[
        "training",
        "class",
        "--roster",
        r,
        "--all",
        "--out",
        dir.path().join("b").to_str().unwrap(),
    ]);
    assert!(err.contains(":2:"), "{err}");
}

#[test]
fn reset_gives_the_exact_starting_state_and_keeps_the_attempt() {
    let dir = TempDir::new().unwrap();
    let f = new_file(dir.path(), "li.db", "dysprosium-magnet");
    let start = open(&f).training().dump().unwrap();
    {
        let mut s = open(&f);
        let id: String = raw(&s, "SELECT id FROM shipments").unwrap();
        assert!(s.training_mut().mark_opened(&id).unwrap());
        s.records_mut()
            .start_inspection(&id, &Default::default())
            .unwrap();
    }
    assert_ne!(open(&f).training().dump().unwrap(), start);
    let text = ok(&["training", "reset", f.to_str().unwrap()]);
    let kept = dir.path().join("li.db.attempt-1.db");
    assert!(text.contains("li.db.attempt-1.db"), "{text}");
    assert_eq!(
        open(&f).training().dump().unwrap(),
        start,
        "the starting state, row for row"
    );
    assert_eq!(count(&open(&kept), "inspections"), 1, "the attempt is kept");
    ok(&["training", "reset", f.to_str().unwrap()]);
    assert!(dir.path().join("li.db.attempt-2.db").exists());
    assert_eq!(open(&f).training().dump().unwrap(), start);
    // not a training file
    let other = crate::support::binary::init(dir.path(), "field", "field");
    let err = refused(&["training", "reset", other.to_str().unwrap()]);
    assert!(err.contains("not a training file"), "{err}");
}

#[test]
fn grade_in_every_format() {
    let dir = TempDir::new().unwrap();
    let a = new_file(dir.path(), "a.db", "clean-release");
    let b = new_file(dir.path(), "b.db", "clean-release");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let table = ok(&["training", "grade", a, b]);
    assert!(
        table.contains("Li Wei") && table.contains("0 / 10 points"),
        "{table}"
    );
    assert!(table.contains("not finalized"), "{table}");
    assert!(table.contains("Class summary"), "{table}");
    assert!(table.contains("2 of 2 missed outcome"), "{table}");
    let md = ok(&["training", "grade", "--format", "md", a]);
    assert!(md.starts_with("## Li Wei"), "{md}");
    assert!(
        md.contains("| item | key | trainee | points | rule | why |"),
        "{md}"
    );
    let csv = ok(&["training", "grade", "--format", "csv", a, b]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "file,trainee,scenario,shipment,declaration_no,finalized,seconds,item,expected,done,points,max,rule,why"
        )
    );
    assert_eq!(lines.count(), 8, "4 items for each of 2 files: {csv}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["training", "grade", "--format", "json", a])).unwrap();
    let t = &json["trainees"][0];
    assert_eq!(
        (t["points"].as_u64(), t["max"].as_u64()),
        (Some(0), Some(10))
    );
    let items = &t["scenarios"][0]["shipments"][0]["items"];
    assert_eq!(items[0]["item"], "verdict");
    assert_eq!(items[0]["expected"], "not_controlled");
    assert!(
        json["summary"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["item"] == "outcome")
    );
    // JSON never changes with the language
    let zh = minspect()
        .args(["--lang", "zh", "training", "grade", "--format", "json", a])
        .output()
        .unwrap();
    let zh: serde_json::Value = serde_json::from_slice(&zh.stdout).unwrap();
    assert_eq!(zh, json);
}

#[test]
fn a_folder_of_scenarios_is_checked_like_a_rule_pack() {
    let dir = TempDir::new().unwrap();
    let good = minspect::fixture::scenario::EMBEDDED[0].1;
    std::fs::write(dir.path().join("mine.toml"), good).unwrap();
    let d = dir.path().to_str().unwrap();
    let text = ok(&["training", "list", "--scenarios", d]);
    assert!(text.starts_with("mine  difficulty"), "{text}");
    std::fs::write(
        dir.path().join("broken.toml"),
        good.replace("difficulty = 3", "difficulty = 0"),
    )
    .unwrap();
    let err = refused(&["training", "list", "--scenarios", d]);
    let line = good[..good.find("difficulty = 3").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        err.contains(&format!("broken.toml:{line}: difficulty is 0")),
        "{err}"
    );
}

#[test]
fn grading_against_a_changed_key_warns() {
    let dir = TempDir::new().unwrap();
    let src = dir.path().join("scenarios");
    std::fs::create_dir(&src).unwrap();
    let (id, text) = minspect::fixture::scenario::EMBEDDED
        .iter()
        .find(|(id, _)| *id == "clean-release")
        .unwrap();
    std::fs::write(src.join(format!("{id}.toml")), text).unwrap();
    let f = dir.path().join("t.db");
    let (s, fp) = (src.to_str().unwrap(), f.to_str().unwrap());
    ok(&[
        "training",
        "new",
        "--all",
        "--scenarios",
        s,
        "--trainee",
        "Li Wei",
        "--out",
        fp,
    ]);
    std::fs::write(
        src.join(format!("{id}.toml")),
        text.replace("clean = 3", "clean = 4"),
    )
    .unwrap();
    let out = run(&[
        "training",
        "grade",
        "--format",
        "json",
        "--scenarios",
        s,
        fp,
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("answer key of scenario clean-release changed"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["trainees"][0]["scenarios"][0]["key_matches"], false);
    assert_eq!(v["trainees"][0]["max"], 11);
}
