//! `minspect training hq` and the worlds through the real binary: a training headquarters
//! is made (text and --json), an existing file or an empty name is refused (exit 2, nothing
//! written), and every crossing between live and training exits 2 saying why, with nothing
//! changed, while the training loop runs end to end.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::binary::{add_records, export, fails, import, init, ok, snapshot, status};
use crate::support::harness::{minspect, open};
use minspect::domain::{DbKind, World};

fn training_hq(dir: &Path) -> PathBuf {
    let out = dir.join("class/training-hq.db");
    let o = minspect()
        .args(["training", "hq", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("created the training headquarters") && text.contains("training-hq"),
        "{text}"
    );
    assert!(text.contains("device export-key"), "{text}");
    out
}

fn trainee(dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(format!("{name}.db"));
    let o = minspect()
        .args([
            "training",
            "new",
            "--scenario",
            "clean-release",
            "--trainee",
            name,
        ])
        .args(["--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn key(db: &Path, dir: &Path) -> PathBuf {
    let name = db.file_stem().unwrap().to_string_lossy().to_string();
    let out = dir.join(format!("{name}.key.json"));
    ok(
        db,
        &[
            "device",
            "export-key",
            "--force",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    out
}

/// `args` on `db` exits 2 naming both worlds, and `db` is unchanged.
fn crossing(db: &Path, args: &[&str]) -> String {
    let before = snapshot(db);
    let e = fails(db, args, 2);
    assert!(
        e.contains("world") && e.contains("live") && e.contains("training"),
        "{e}"
    );
    assert_eq!(snapshot(db), before, "{args:?} changed the database");
    e
}

#[test]
fn training_hq_makes_a_headquarters_of_the_training_world() {
    let t = tempfile::tempdir().unwrap();
    let path = training_hq(t.path());
    let s = open(&path);
    assert_eq!(s.device().db_kind().unwrap(), DbKind::Hq);
    assert_eq!(s.device().world().unwrap(), World::Training);
    drop(s);
    let k: Value =
        serde_json::from_str(&std::fs::read_to_string(key(&path, t.path())).unwrap()).unwrap();
    assert_eq!(
        (
            k["version"].as_u64(),
            k["kind"].as_str(),
            k["world"].as_str()
        ),
        (Some(2), Some("hq"), Some("training"))
    );
    // --json, other names
    let j = t.path().join("j.db");
    let o = minspect()
        .args([
            "training",
            "hq",
            "--json",
            "--supervisor",
            "Chen",
            "--badge",
            "TRN-9",
        ])
        .args(["--out", j.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["world"].as_str()),
        (Some("hq"), Some("training"))
    );
    assert_eq!(
        (v["officer"].as_str(), v["badge"].as_str()),
        (Some("Chen"), Some("TRN-9"))
    );
}

#[test]
fn training_hq_refuses_an_existing_file_and_an_empty_name() {
    let t = tempfile::tempdir().unwrap();
    let path = training_hq(t.path());
    let bytes = std::fs::read(&path).unwrap();
    let o = minspect()
        .args(["training", "hq", "--out", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let other = t.path().join("other.db");
    let o = minspect()
        .args([
            "training",
            "hq",
            "--supervisor",
            " ",
            "--out",
            other.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--supervisor: must not be empty"));
    assert!(!other.exists());
}

#[test]
fn every_crossing_between_live_and_training_exits_2_and_the_training_loop_runs() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (thq, lap) = (training_hq(dir), trainee(dir, "ann"));
    let (hq, field) = (init(dir, "hq", "hq"), init(dir, "laptop", "field"));
    let (k_thq, k_lap, k_hq, k_field) = (
        key(&thq, dir),
        key(&lap, dir),
        key(&hq, dir),
        key(&field, dir),
    );
    let arg = |p: &PathBuf| p.to_str().unwrap().to_string();
    // keys
    crossing(&hq, &["device", "trust", &arg(&k_lap)]);
    crossing(&field, &["device", "trust", &arg(&k_thq)]);
    crossing(&thq, &["device", "trust", &arg(&k_field)]);
    crossing(&lap, &["device", "trust", &arg(&k_hq)]);
    // each world pairs within itself
    for (db, k, says) in [
        (&thq, &k_lap, "trusted: training training device"),
        (&lap, &k_thq, "trusted: training hq device"),
        (&hq, &k_field, "trusted: live field device"),
        (&field, &k_hq, "trusted: live hq device"),
    ] {
        let out = ok(db, &["device", "trust", &arg(k)]);
        assert!(out.starts_with(says), "{out}");
    }
    // bundles: the trainee's laptop exports now, to the training headquarters only
    add_records(&lap, 1);
    add_records(&field, 1);
    let (b_lap, b_field) = (export(&lap, dir), export(&field, dir));
    crossing(&hq, &["sync", "import", &arg(&b_lap)]);
    crossing(&thq, &["sync", "import", &arg(&b_field)]);
    let (r_lap, r_field) = (import(&thq, &b_lap, dir), import(&hq, &b_field, dir));
    // receipts
    crossing(&field, &["sync", "ack", &arg(&r_lap)]);
    crossing(&lap, &["sync", "ack", &arg(&r_field)]);
    ok(&lap, &["sync", "ack", &arg(&r_lap)]);
    assert_eq!(status(&lap)["counts"]["acknowledged"], 1);
    assert_eq!(
        (
            status(&lap)["world"].as_str(),
            status(&field)["world"].as_str()
        ),
        (Some("training"), Some("live"))
    );
    let list: Value = serde_json::from_str(&ok(&thq, &["device", "list", "--json"])).unwrap();
    let worlds: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap(), d["world"].as_str().unwrap()))
        .collect();
    assert_eq!(worlds, [("hq", "training"), ("training", "training")]);
    // a supervisor at the training headquarters reviews, and the decision comes back
    let insp = crate::support::binary::table(&thq, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(
        &thq,
        &["review", "return", &insp, "--comment", "seal photo missing"],
    );
    add_records(&lap, 1);
    let r2 = import(&thq, &export(&lap, dir), dir);
    ok(&lap, &["sync", "ack", &arg(&r2)]);
    let shown = ok(&lap, &["record", "show", &insp]);
    assert!(
        shown.contains("RETURNED") && shown.contains("seal photo missing"),
        "{shown}"
    );
}
