//! Who may map the first login of a headquarters database (the bootstrap), `officer map`,
//! and audit rows that name the OS account that acted. The binary runs as three OS users:
//! root (the test process), `officer` (.ci/run creates it) and a uid with no passwd entry
//! (a container's arbitrary uid). Needs root: skips outside CI, fails under CI=true.

use std::path::Path;
use std::process::Output;

use crate::support::as_user::{add_supervisor, as_uid};
use crate::support::binary::*;
use serde_json::{Value, json};

/// A uid (and gid) with no passwd entry.
const NAMELESS: (u32, u32) = (54321, 54321);

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).trim().to_string()
}

/// Asserts a refusal: exit 2, one line on stderr starting with `says`.
fn refused(o: &Output, says: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.starts_with(&format!("minspect: {says}")), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

fn succeeded(o: &Output) -> String {
    assert!(o.status.success(), "{}", stderr(o));
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

/// `officer map --badge BADGE --login LOGIN` run as `uid`.
fn map(uid: (u32, u32), db: &Path, badge: &str, login: &str) -> Output {
    as_uid(
        uid,
        db,
        &["officer", "map", "--badge", badge, "--login", login],
    )
}

fn officer_by(db: &Path, badge: &str) -> Value {
    table(db, "officers")
        .into_iter()
        .find(|o| o["badge"] == badge)
        .unwrap()
}

/// The audit rows about officers, oldest first, with `new`/`old` parsed.
fn officer_audit(db: &Path) -> Vec<Value> {
    let parse = |v: &Value| {
        v.as_str()
            .map_or(Value::Null, |s| serde_json::from_str(s).unwrap())
    };
    table(db, "audit")
        .into_iter()
        .filter(|a| a["entity"] == "officer")
        .map(|a| {
            json!({"actor": a["actor"], "action": a["action"], "entity_id": a["entity_id"],
                   "old": parse(&a["old"]), "new": parse(&a["new"])})
        })
        .collect()
}

fn assert_nameless_uid_is_free() {
    let taken = std::process::Command::new("getent")
        .args(["passwd", &NAMELESS.0.to_string()])
        .output()
        .unwrap()
        .status
        .success();
    assert!(!taken, "uid {} has a passwd entry here", NAMELESS.0);
}

/// `init --hq` run by a uid without a login name: it warns that nobody can review yet,
/// maps the creator to no login, and audits the uid. Returns the creator's officer id.
fn init_as_the_nameless_uid(hq: &Path) -> Value {
    let out = as_uid(
        NAMELESS,
        hq,
        &[
            "init",
            "--officer",
            "Officer Li",
            "--badge",
            "HQ-0001",
            "--device",
            "hq",
            "--hq",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "minspect: warning: this process's user (uid 54321) has no login name, so Officer Li (badge HQ-0001) was not mapped to a login and nobody can review yet; the owner of {} maps it later with `minspect officer map --badge HQ-0001 --login LOGIN`",
            hq.display()
        )
    );
    assert_eq!(officer_by(hq, "HQ-0001")["login"], Value::Null);
    let li = officer_by(hq, "HQ-0001")["id"].clone();
    let init_row = table(hq, "audit")
        .into_iter()
        .find(|a| a["action"] == "init")
        .unwrap();
    let init_new: Value = serde_json::from_str(init_row["new"].as_str().unwrap()).unwrap();
    assert_eq!(
        (&init_new["os_login"], &init_new["os_uid"]),
        (&Value::Null, &json!(54321))
    );
    li
}

/// 'officer' now acts as Officer Li (`li`), a supervisor: adds, remaps, is audited by id.
fn officer_acts_as_li(officer: (u32, u32), hq: &Path, li: &Value) {
    let o = add_supervisor(officer, hq, "Chen Jie", "HQ-0002", "chenj");
    succeeded(&o);
    let o = as_uid(
        officer,
        hq,
        &[
            "officer", "map", "--badge", "HQ-0002", "--login", "root", "--json",
        ],
    );
    let v: Value = serde_json::from_str(&succeeded(&o)).unwrap();
    assert_eq!(
        (&v["officer"]["login"], &v["old_login"]),
        (&json!("root"), &json!("chenj"))
    );
    let chen = officer_by(hq, "HQ-0002")["id"].clone();
    let audit = officer_audit(hq);
    assert_eq!(audit.len(), 3);
    assert_eq!(&audit[1]["actor"], li);
    assert_eq!(audit[1]["action"], "add");
    assert_eq!(audit[1]["new"]["os_login"], "officer");
    assert_eq!(
        audit[2],
        json!({"actor": li, "action": "map_login", "entity_id": chen,
            "old": {"login": "chenj"}, "new": {"login": "root", "os_login": "officer", "os_uid": officer.0}})
    );
}

#[test]
fn init_hq_under_a_nameless_uid_warns_and_only_the_file_owner_maps_the_first_login() {
    let Some(officer) = crate::support::officer_ids() else {
        return;
    };
    assert_nameless_uid_is_free();
    let t = tempfile::tempdir().unwrap();
    let hq = t.path().join("hq.db");
    let li = init_as_the_nameless_uid(&hq);

    // nobody is mapped: only the file's owner (the nameless uid) may map the first login
    let before = snapshot(&hq);
    let owner_only = format!(
        "no officer of this headquarters database is mapped to a login yet, so only the owner of {}, uid 54321 (no login name), may map the first one; this process runs as ",
        hq.display()
    );
    let o = add_supervisor(officer, &hq, "Me", "X-1", "officer");
    refused(&o, &format!("adding an officer: {owner_only}"));
    assert!(
        stderr(&o).ends_with(&format!("login 'officer' (uid {})", officer.0)),
        "{}",
        stderr(&o)
    );
    let o = map(officer, &hq, "HQ-0001", "officer");
    refused(&o, &format!("mapping a login: {owner_only}login 'officer'"));
    // root is not the owner either
    let err = fails(
        &hq,
        &["officer", "map", "--badge", "HQ-0001", "--login", "root"],
        2,
    );
    assert_eq!(
        err.trim(),
        format!("minspect: mapping a login: {owner_only}login 'root' (uid 0)")
    );
    // the owner's own bad input
    for (args, says) in [
        (
            ["--badge", "HQ-0009", "--login", "officer"],
            "--badge: no officer has badge \"HQ-0009\"",
        ),
        (
            ["--badge", "HQ-0001", "--login", "no body"],
            "--login: \"no body\" is not a login name",
        ),
    ] {
        let o = as_uid(NAMELESS, &hq, &[&["officer", "map"][..], &args].concat());
        refused(&o, says);
    }
    assert_eq!(snapshot(&hq), before, "nothing written");

    // the owner maps the creator to the login 'officer'
    let o = map(NAMELESS, &hq, "HQ-0001", "officer");
    assert!(
        succeeded(&o)
            .starts_with("mapped supervisor Officer Li (badge HQ-0001) to login 'officer' ["),
        "{}",
        succeeded(&o)
    );
    assert_eq!(officer_by(&hq, "HQ-0001")["login"], "officer");
    assert_eq!(
        officer_audit(&hq),
        vec![
            json!({"actor": "uid:54321", "action": "map_login", "entity_id": li,
            "old": {"login": null}, "new": {"login": "officer", "os_login": null, "os_uid": 54321}})
        ],
        "the account that acted, not the configured officer"
    );

    // the bootstrap is over: the owner, mapped to nobody, may no longer map
    let o = map(NAMELESS, &hq, "HQ-0001", "root");
    refused(
        &o,
        "mapping a login: this process's user (uid 54321) has no login name",
    );

    officer_acts_as_li(officer, &hq, &li);

    // a login mapped to someone else is refused; mapping the same login again changes nothing
    let before = snapshot(&hq);
    let o = map(officer, &hq, "HQ-0001", "root");
    refused(
        &o,
        "--login: login 'root' is already mapped to Chen Jie (badge HQ-0002)",
    );
    let o = map(officer, &hq, "HQ-0001", "officer");
    assert_eq!(
        succeeded(&o),
        "Officer Li (badge HQ-0001) already acts as login 'officer'; nothing changed"
    );
    assert_eq!(snapshot(&hq), before);
}

/// A headquarters file whose officers have no login (made before logins existed, or the
/// mapping was lost): another OS user who can write the file may not take it over.
#[test]
fn a_file_without_logins_is_bootstrapped_by_its_owner_not_by_whoever_can_write_it() {
    let Some(officer) = crate::support::officer_ids() else {
        return;
    };
    let t = tempfile::tempdir().unwrap();
    let hq = init(t.path(), "hq", "hq");
    crate::support::harness::raw_connection(&hq)
        .unwrap()
        .execute("UPDATE officers SET login = NULL", [])
        .unwrap();
    let before = snapshot(&hq);
    let o = add_supervisor(officer, &hq, "Me", "X-1", "officer");
    refused(
        &o,
        &format!(
            "adding an officer: no officer of this headquarters database is mapped to a login yet, so only the owner of {}, login 'root' (uid 0), may map the first one; this process runs as login 'officer' (uid {})",
            hq.display(),
            officer.0
        ),
    );
    let o = map(officer, &hq, "hq", "officer");
    refused(
        &o,
        "mapping a login: no officer of this headquarters database",
    );
    assert_eq!(snapshot(&hq), before, "nothing written");

    // the owner (root) maps itself back; the row names the login, as no officer was its
    let out = ok(&hq, &["officer", "map", "--badge", "hq", "--login", "root"]);
    assert!(
        out.starts_with("mapped supervisor Officer Li (badge hq) to login 'root'"),
        "{out}"
    );
    let audit = officer_audit(&hq);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["actor"], "login:root");
    assert_eq!(audit[0]["new"]["os_login"], "root");
    // and 'officer' is now an unmapped login like any other
    let o = map(officer, &hq, "hq", "officer");
    refused(
        &o,
        "mapping a login: login 'officer' is not mapped to an officer of this headquarters database",
    );
}
