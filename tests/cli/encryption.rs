//! The command line and an encrypted file: where the passphrase comes from, what a script
//! without one is told, `init` without one, a wrong one, key files and `db rekey`.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use tempfile::TempDir;

use crate::support::harness::{PASSPHRASE, minspect};

fn init(db: &Path) -> assert_cmd::Command {
    let mut c = minspect();
    c.arg("--db").arg(db).arg("init");
    c.args([
        "--officer",
        "Li Wei",
        "--badge",
        "3101",
        "--device",
        "yangshan-01",
    ]);
    c
}

fn record(dir: &Path) -> std::path::PathBuf {
    let f = dir.join("record.json");
    std::fs::write(&f, minspect::cli::EXAMPLE_RECORD).unwrap();
    f
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn check(db: &Path) -> assert_cmd::Command {
    let mut c = minspect();
    c.arg("--db").arg(db).args(["db", "check"]);
    c
}

#[test]
fn a_script_without_a_key_is_told_what_to_give_and_a_wrong_one_is_refused() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    init(&db).assert().success();
    assert!(!std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
    let before = std::fs::read(&db).unwrap();
    let out = check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is encrypted: give MINSPECT_PASSPHRASE or --key-file"),
        "{}",
        stderr(&out)
    );
    let out = minspect()
        .arg("--db")
        .arg(&db)
        .args(["record", "import", "--finalize"])
        .arg(record(dir.path()))
        .env("MINSPECT_PASSPHRASE", "wrong horse")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("wrong passphrase for"), "{err}");
    // said once, in our words: SQLCipher's own log stays quiet
    assert!(
        !err.contains("ERROR CORE") && err.lines().count() == 1,
        "{err}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    check(&db).assert().success();
    // the same messages in Chinese
    let out = check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .env("MINSPECT_LANG", "zh")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("已加密"), "{}", stderr(&out));
}

#[test]
fn init_without_a_key_says_give_one_or_no_encryption_and_makes_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    let out = init(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("MINSPECT_PASSPHRASE or --key-file, or --no-encryption"),
        "{err}"
    );
    assert!(!db.exists());
    // --no-encryption: a plain field file that opens without any key
    init(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .arg("--no-encryption")
        .assert()
        .success();
    assert!(
        std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .assert()
        .success();
    // a training file is plain by default, passphrase or not
    let t = dir.path().join("training.db");
    init(&t).arg("--training").assert().success();
    assert!(std::fs::read(&t).unwrap().starts_with(b"SQLite format 3\0"));
}

#[test]
fn a_key_file_opens_the_file_and_one_others_can_read_is_refused() {
    let dir = TempDir::new().unwrap();
    let key = dir.path().join("hq.key");
    minspect()
        .args(["db", "key-file"])
        .arg(&key)
        .assert()
        .success();
    let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // never overwritten
    let out = minspect()
        .args(["db", "key-file"])
        .arg(&key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let db = dir.path().join("hq.db");
    init(&db)
        .arg("--hq")
        .arg("--key-file")
        .arg(&key)
        .env_remove("MINSPECT_PASSPHRASE")
        .assert()
        .success();
    // the key file, not the test passphrase, is the key
    let out = check(&db).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .arg("--key-file")
        .arg(&key)
        .assert()
        .success();
    check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .env("MINSPECT_KEY_FILE", &key)
        .assert()
        .success();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = check(&db)
        .env_remove("MINSPECT_PASSPHRASE")
        .env("MINSPECT_KEY_FILE", &key)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("readable by other users"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn db_rekey_changes_the_passphrase() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    init(&db).assert().success();
    minspect()
        .arg("--db")
        .arg(&db)
        .args(["record", "import", "--finalize"])
        .arg(record(dir.path()))
        .assert()
        .success();
    let out = minspect()
        .arg("--db")
        .arg(&db)
        .args(["db", "rekey"])
        .env("MINSPECT_NEW_PASSPHRASE", "the new one")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = check(&db).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "the old passphrase still opens it"
    );
    let out = check(&db)
        .env("MINSPECT_PASSPHRASE", "the new one")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // without a terminal and without the variable: told how, nothing changed
    let out = minspect()
        .arg("--db")
        .arg(&db)
        .args(["db", "rekey"])
        .env("MINSPECT_PASSPHRASE", "the new one")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("MINSPECT_NEW_PASSPHRASE"),
        "{}",
        stderr(&out)
    );
    let out = check(&db)
        .env("MINSPECT_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
