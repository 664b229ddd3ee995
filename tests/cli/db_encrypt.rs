//! `minspect db encrypt`: a plain field file made an encrypted one in place, keeping every
//! record; its refusals (an encrypted file, no key, a shared headquarters file without
//! `--group`) change nothing; killed after each of its steps, the file is still whole
//! (plain or encrypted) and a second run finishes the work. And `db check` warns about a
//! file made with the test key-derivation parameters.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::support::harness::minspect;

const EXPORTER: &str = "Shanghai Example Magnetics";

fn init(db: &Path, extra: &[&str]) {
    minspect()
        .arg("--db")
        .arg(db)
        .args(["init", "--officer", "Li Wei", "--badge", "3101"])
        .args(["--device", "yangshan-01", "--no-encryption"])
        .args(extra)
        .assert()
        .success();
}

/// A plain field file holding the example record, finalized.
fn plain_field(dir: &Path) -> PathBuf {
    let db = dir.join("field.db");
    init(&db, &[]);
    let f = dir.join("record.json");
    std::fs::write(&f, minspect::cli::EXAMPLE_RECORD).unwrap();
    minspect()
        .arg("--db")
        .arg(&db)
        .args(["record", "import", "--finalize"])
        .arg(&f)
        .assert()
        .success();
    assert!(
        std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    db
}

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    minspect().arg("--db").arg(db).args(args).output().unwrap()
}

fn said(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn kdf(db: &Path) -> PathBuf {
    minspect::store::kdf_path(db)
}

/// `db check` says ok and counts the example's three chain records.
fn checks_ok(db: &Path) {
    let out = run(db, &["db", "check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text} {}", said(&out));
    assert!(text.contains("(3 records on 1 device"), "{text}");
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("encrypting"))
        .collect()
}

#[test]
fn a_plain_file_is_encrypted_in_place_with_every_record() {
    let dir = TempDir::new().unwrap();
    let db = plain_field(dir.path());
    let out = run(&db, &["db", "encrypt"]);
    assert!(out.status.success(), "{}", said(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is now encrypted (mode 0600)"));
    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    for needle in [EXPORTER.as_bytes(), b"CREATE TABLE", b"Li Wei"] {
        assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    }
    assert_eq!((mode(&db), mode(&kdf(&db))), (0o600, 0o600));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    checks_ok(&db);
    let locked = minspect()
        .arg("--db")
        .arg(&db)
        .args(["db", "check"])
        .env_remove("MINSPECT_PASSPHRASE")
        .output()
        .unwrap();
    assert_eq!(locked.status.code(), Some(2));
    assert!(said(&locked).contains("give MINSPECT_PASSPHRASE or --key-file"));
    // a file made with the test parameters is said to be one
    assert!(said(&run(&db, &["db", "check"])).contains("MINSPECT_KDF=test"));
}

#[test]
fn an_encrypted_file_no_key_or_a_shared_headquarters_without_its_group_is_refused() {
    let dir = TempDir::new().unwrap();
    let db = plain_field(dir.path());
    let before = std::fs::read(&db).unwrap();
    let no_key = minspect()
        .arg("--db")
        .arg(&db)
        .args(["db", "encrypt"])
        .env_remove("MINSPECT_PASSPHRASE")
        .output()
        .unwrap();
    assert_eq!(no_key.status.code(), Some(2), "{}", said(&no_key));
    assert!(said(&no_key).contains("MINSPECT_PASSPHRASE or --key-file"));
    let field_group = run(&db, &["db", "encrypt", "--group", "root"]);
    assert_eq!(field_group.status.code(), Some(2), "{}", said(&field_group));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!kdf(&db).exists() && leftovers(dir.path()).is_empty());
    assert!(run(&db, &["db", "encrypt"]).status.success());
    let encrypted = std::fs::read(&db).unwrap();
    let again = run(&db, &["db", "encrypt"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        said(&again).contains("already encrypted"),
        "{}",
        said(&again)
    );
    assert_eq!(std::fs::read(&db).unwrap(), encrypted);
    // a headquarters file its group shares
    let group = std::process::Command::new("id")
        .arg("-gn")
        .output()
        .unwrap();
    let group = String::from_utf8(group.stdout).unwrap().trim().to_string();
    let hq = dir.path().join("hq.db");
    init(&hq, &["--hq", "--group", &group]);
    assert_eq!(mode(&hq), 0o660);
    let refused = run(&hq, &["db", "encrypt"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        said(&refused).contains("--group GROUP"),
        "{}",
        said(&refused)
    );
    assert!(
        std::fs::read(&hq)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    let out = run(&hq, &["db", "encrypt", "--group", &group]);
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!((mode(&hq), mode(&kdf(&hq))), (0o660, 0o660));
    assert!(run(&hq, &["db", "check"]).status.success());
}

#[test]
fn killed_after_any_step_the_file_is_whole_and_a_second_run_finishes() {
    let steps = ["sidecar", "copy", "closed", "sidecar-moved", "renamed"];
    for step in steps {
        let dir = TempDir::new().unwrap();
        let db = plain_field(dir.path());
        let killed = minspect()
            .arg("--db")
            .arg(&db)
            .args(["db", "encrypt"])
            .env("MINSPECT_TEST_CRASH_AT", step)
            .output()
            .unwrap();
        assert!(!killed.status.success(), "{step}: it ran through");
        // whole, plain until the last rename, encrypted after it
        let plain = std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0");
        assert_eq!(plain, step != "renamed", "{step}");
        checks_ok(&db);
        let second = run(&db, &["db", "encrypt"]);
        if step == "renamed" {
            assert_eq!(second.status.code(), Some(2), "{step}");
        } else {
            assert!(second.status.success(), "{step}: {}", said(&second));
        }
        assert!(!std::fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
        assert!(
            leftovers(dir.path()).is_empty(),
            "{step}: {:?}",
            leftovers(dir.path())
        );
        checks_ok(&db);
    }
}
