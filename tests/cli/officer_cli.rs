//! `minspect officer add | list` and who a review decision is made by at headquarters:
//! the officer mapped to the real OS login of the process (not $USER). The tests run as
//! whatever user runs them (root in CI); the second login is the OS user `officer`,
//! which .ci/run creates (a test that needs it and root may skip only outside CI).

use std::path::Path;

use crate::support::as_user::{add_supervisor, as_uid as as_officer};
use crate::support::binary::*;
use serde_json::Value;

use crate::support::login as me;

fn officers(db: &Path) -> Vec<Value> {
    serde_json::from_str::<Value>(&ok(db, &["officer", "list", "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// `officer add` that must succeed; its output.
fn add(db: &Path, name: &str, badge: &str, role: &str, login: &str) -> String {
    let mut a = vec![
        "officer", "add", "--name", name, "--badge", badge, "--role", role,
    ];
    if !login.is_empty() {
        a.extend(["--login", login]);
    }
    ok(db, &a)
}

/// An HQ database holding one received inspection from a field device; its id.
fn hq_with_inspection(dir: &Path) -> (std::path::PathBuf, String) {
    let (usb, rec) = (dir.join("usb"), dir.join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&rec).unwrap();
    let hq = init(dir, "hq", "hq");
    let a = init(dir, "laptop-a", "field");
    pair(&hq, &a, dir);
    add_records(&a, 1);
    let bundle = export(&a, &usb);
    import(&hq, &bundle, &rec);
    let id = table(&hq, "inspections")[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    (hq, id)
}

/// A duplicate badge or login, a bad login and an empty name are refused in one line,
/// with nothing written.
fn refused_adds_change_nothing(hq: &Path) {
    let before = (snapshot(hq), table(hq, "audit").len());
    for (args, says) in [
        (
            vec!["--name", "X", "--badge", "HQ-0002", "--role", "officer"],
            "--badge: badge HQ-0002 is already Chen Jie's",
        ),
        (
            vec![
                "--name", "X", "--badge", "HQ-9", "--role", "officer", "--login", "chenj",
            ],
            "--login: login 'chenj' is already mapped to Chen Jie (badge HQ-0002)",
        ),
        (
            vec![
                "--name",
                "X",
                "--badge",
                "HQ-9",
                "--role",
                "officer",
                "--login",
                "bad login",
            ],
            "--login: \"bad login\" is not a login name",
        ),
        (
            vec!["--name", " ", "--badge", "HQ-9", "--role", "officer"],
            "--name: must not be empty",
        ),
    ] {
        let mut a = vec!["officer", "add"];
        a.extend(args);
        let err = fails(hq, &a, 2);
        assert!(err.starts_with(&format!("minspect: {says}")), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    assert_eq!(
        (snapshot(hq), table(hq, "audit").len()),
        before,
        "nothing written"
    );
}

#[test]
fn init_hq_maps_the_creating_officer_to_the_login_and_add_refuses_duplicates() {
    let t = tempfile::tempdir().unwrap();
    let hq = init(t.path(), "hq", "hq");
    let list = officers(&hq);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["name"], "Officer Li");
    assert_eq!(list[0]["role"], "supervisor");
    assert_eq!(list[0]["login"], me().as_str(), "the real login, not $USER");

    let out = add(&hq, "Chen Jie", "HQ-0002", "supervisor", "chenj");
    assert!(
        out.starts_with("added supervisor Chen Jie (badge HQ-0002) acting as login 'chenj'"),
        "{out}"
    );
    add(&hq, "Wang Fang", "HQ-0003", "officer", "");
    let text = ok(&hq, &["officer", "list"]);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Chen Jie") && l.contains("supervisor") && l.contains("chenj")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("Wang Fang") && l.contains(" - ")),
        "{text}"
    );

    refused_adds_change_nothing(&hq);
    let adds: Vec<Value> = table(&hq, "audit")
        .into_iter()
        .filter(|r| r["entity"] == "officer")
        .collect();
    assert_eq!(adds.len(), 2, "each add audited");
    assert_eq!(adds[0]["actor"], list[0]["id"], "by the acting supervisor");
    let new: Value = serde_json::from_str(adds[0]["new"].as_str().unwrap()).unwrap();
    assert_eq!(new["login"], "chenj");
    assert_eq!(new["os_login"], me().as_str(), "the OS account that acted");

    // a field database has one officer, set by init
    let f = init(t.path(), "laptop", "field");
    let err = fails(
        &f,
        &[
            "officer", "add", "--name", "X", "--badge", "B", "--role", "officer",
        ],
        2,
    );
    assert!(err.contains("managed at headquarters"), "{err}");
    assert_eq!(
        officers(&f)[0]["login"],
        Value::Null,
        "a field officer has no login"
    );
}

#[test]
fn a_review_is_made_by_the_supervisor_mapped_to_the_login() {
    let t = tempfile::tempdir().unwrap();
    let (hq, insp) = hq_with_inspection(t.path());
    let out = ok(&hq, &["review", "approve", &insp]);
    assert!(out.contains("by Officer Li"), "{out}");
    let me_id = officers(&hq)
        .into_iter()
        .find(|o| o["login"] == me().as_str())
        .unwrap()["id"]
        .clone();
    let reviews = table(&hq, "reviews");
    assert_eq!(reviews[0]["reviewer"], me_id);
    // on a field database there is nothing to review
    let err = fails(
        &t.path().join("laptop-a.db"),
        &["review", "approve", &insp],
        2,
    );
    assert!(err.contains("not a headquarters database"), "{err}");
}

#[test]
fn a_login_mapped_to_a_plain_officer_may_not_review() {
    let t = tempfile::tempdir().unwrap();
    // an HQ database whose creator (mapped to this login) is an officer, not a supervisor
    let db = t.path().join("hq.db");
    let mut s = crate::support::harness::try_open(&db).unwrap();
    s.db_mut()
        .initialize(&minspect::store::InitOptions {
            officer_name: "Wang Fang".into(),
            badge: "HQ-0003".into(),
            device_name: "hq".into(),
            kind: minspect::domain::DbKind::Hq,
            role: minspect::domain::Role::Officer,
        })
        .unwrap();
    drop(s);
    let err = fails(
        &db,
        &["review", "approve", "0190f000-0000-7000-8000-000000000001"],
        2,
    );
    assert!(
        err.starts_with(&format!("minspect: login '{}' is mapped to Wang Fang (badge HQ-0003), who is an officer, not a supervisor", me())),
        "{err}"
    );
    assert!(table(&db, "reviews").is_empty());
}

#[test]
fn an_unmapped_login_is_refused_until_a_supervisor_maps_it() {
    let t = tempfile::tempdir().unwrap();
    let (hq, insp) = hq_with_inspection(t.path());
    let Some(uid) = crate::support::officer_ids() else {
        return;
    };
    // the login 'officer' reads and writes the headquarters file (owner of dir and files)
    for e in std::fs::read_dir(t.path()).unwrap() {
        std::os::unix::fs::chown(e.unwrap().path(), Some(uid.0), Some(uid.1)).unwrap();
    }
    std::os::unix::fs::chown(t.path(), Some(uid.0), Some(uid.1)).unwrap();

    let out = as_officer(uid, &hq, &["review", "approve", &insp]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        "minspect: login 'officer' is not mapped to an officer of this headquarters database; a supervisor maps it with `minspect officer add --name NAME --badge BADGE --role supervisor --login officer`"
    );
    assert!(table(&hq, "reviews").is_empty());
    // nor may it map itself
    let out = add_supervisor(uid, &hq, "Me", "X-1", "officer");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(officers(&hq).len(), 2, "HQ's officer and the field officer");

    add(&hq, "Chen Jie", "HQ-0002", "supervisor", "officer");
    let out = as_officer(
        uid,
        &hq,
        &["review", "return", &insp, "--comment", "Seal photo missing"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("by Chen Jie"));
    let chen = officers(&hq)
        .into_iter()
        .find(|o| o["name"] == "Chen Jie")
        .unwrap()["id"]
        .clone();
    let r = table(&hq, "reviews");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["reviewer"], chen);
    let audit: Vec<Value> = table(&hq, "audit")
        .into_iter()
        .filter(|a| a["action"] == "review")
        .collect();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["actor"], chen, "audited as the login's supervisor");
    let new: Value = serde_json::from_str(audit[0]["new"].as_str().unwrap()).unwrap();
    assert_eq!(
        (&new["os_login"], &new["os_uid"]),
        (&Value::from("officer"), &Value::from(uid.0)),
        "and names the OS account"
    );
}
