//! Encryption at rest: a copied file without the passphrase reveals nothing, a wrong
//! passphrase changes nothing, a rekey retires the old passphrase, files are private
//! whatever the umask, and the argon2id parameters are kept with the file.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use minspect::store::{KdfParams, NewFile, Passphrase, Store, StoreError, kdf_path};
use tempfile::TempDir;

use crate::support::harness::{self, PASSPHRASE};
use crate::support::{count, draft, init_opts, raw};

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Every run of 4+ printable ASCII bytes, as `strings` prints them.
fn strings(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|b| !(0x20..0x7f).contains(b))
        .filter(|run| run.len() >= 4)
        .map(|run| String::from_utf8_lossy(run).into_owned())
        .collect()
}

#[test]
fn a_copied_file_without_the_passphrase_reveals_no_table_name_or_key() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    let mut store = harness::open(&db);
    minspect::store::setup_new_database(&mut store, &init_opts()).unwrap();
    draft(&mut store);
    let seed = raw(
        &store,
        "SELECT hex(private_key) FROM devices WHERE private_key IS NOT NULL",
    )
    .expect("the device has a signing seed");
    let seed_bytes = hex::decode(&seed).unwrap();
    // the store stays open: the newest pages are still in the -wal
    let wal = side(&db, "-wal");
    assert!(wal.exists() && std::fs::metadata(&wal).unwrap().len() > 0);
    let mut secrets: Vec<Vec<u8>> = vec![
        b"Shanghai Example Magnetics".to_vec(),
        b"Li Wei".to_vec(),
        b"yangshan-01".to_vec(),
        b"CREATE TABLE".to_vec(),
        b"SQLite format 3".to_vec(),
        seed.as_bytes().to_vec(),
        seed.to_lowercase().into_bytes(),
        seed_bytes,
    ];
    for table in [
        "shipments",
        "inspections",
        "measurements",
        "findings",
        "seizures",
        "custody_events",
        "devices",
        "officers",
        "outbox",
        "rule_packs",
        "audit",
    ] {
        secrets.push(table.as_bytes().to_vec());
    }
    for file in [&db, &wal] {
        let bytes = std::fs::read(file).unwrap();
        for s in &secrets {
            assert!(
                !contains(&bytes, s),
                "{} holds {:?} in clear",
                file.display(),
                String::from_utf8_lossy(s)
            );
        }
        // what `strings` would print: no SQL, no schema name, no internal table
        let words = strings(&bytes).join("\n");
        for w in [
            "CREATE",
            "INSERT",
            "STRICT",
            "PRIMARY KEY",
            "REFERENCES",
            "sqlite_",
            "fts5",
        ] {
            assert!(!words.contains(w), "{} shows {w:?}", file.display());
        }
    }
    // the sqlite3 shell, when installed, sees no database at all
    if let Ok(out) = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg(".tables")
        .output()
    {
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() || !text.contains("shipments"),
            "{text}"
        );
        assert!(!text.contains("shipments"), "{text}");
    }
    // the right passphrase reads it all
    assert_eq!(count(&store, "shipments"), 1);
}

#[test]
fn a_wrong_passphrase_says_so_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    drop(harness::open(&db));
    let before = std::fs::read(&db).unwrap();
    let names = |d: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let files = names(dir.path());
    let wrong = Passphrase::new("not the passphrase");
    let e = Store::check_passphrase(&db, &wrong).err().unwrap();
    assert!(matches!(e, StoreError::WrongPassphrase(_)), "{e:?}");
    let e = Store::open_with(&db, Some(&wrong)).err().unwrap();
    assert!(matches!(e, StoreError::WrongPassphrase(_)), "{e:?}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(names(dir.path()), files);
    Store::check_passphrase(&db, &Passphrase::new(PASSPHRASE)).unwrap();
}

#[test]
fn a_rekey_retires_the_old_passphrase_and_keeps_every_row() {
    let (dir, mut store) = crate::support::new_store();
    draft(&mut store);
    let db = dir.path().join("field.db");
    let new = Passphrase::new("a new passphrase for the laptop");
    store.rekey(&new).unwrap();
    // this connection goes on working
    assert_eq!(count(&store, "shipments"), 1);
    drop(store);
    let old = Passphrase::new(PASSPHRASE);
    let e = Store::check_passphrase(&db, &old).err().unwrap();
    assert!(matches!(e, StoreError::WrongPassphrase(_)), "{e:?}");
    let reopened = Store::open_with(&db, Some(&new)).unwrap();
    assert_eq!(count(&reopened, "shipments"), 1);
    assert_eq!(count(&reopened, "inspections"), 1);
    assert!(reopened.integrity_check().unwrap().is_empty());
}

#[test]
fn a_plain_file_stays_plain_and_cannot_be_rekeyed() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("plain.db");
    let mut store = harness::try_open_plain(&db).unwrap();
    assert!(
        std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    assert!(!Store::is_encrypted_file(&db));
    let e = store.rekey(&Passphrase::new("x")).err().unwrap();
    assert!(matches!(e, StoreError::NotEncrypted(_)), "{e:?}");
}

/// The umask is the process's: these files are made in a child process with the umask set.
#[test]
fn files_are_private_whatever_the_umask() {
    for umask in ["022", "000"] {
        let dir = TempDir::new().unwrap();
        let db = dir.path().join("field.db");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
            .arg(harness::BIN)
            .args(["--db", db.to_str().unwrap(), "init"])
            .args([
                "--officer",
                "Li Wei",
                "--badge",
                "3101",
                "--device",
                "yangshan-01",
            ])
            .envs(harness::ENV.iter().copied())
            .env_remove("MINSPECT_DB")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // a second process writes, so SQLite makes the -wal and -shm under the same umask
        let store = harness::open(&db);
        for f in [
            db.clone(),
            side(&db, "-wal"),
            side(&db, "-shm"),
            kdf_path(&db),
        ] {
            assert!(f.exists(), "{}", f.display());
            assert_eq!(mode(&f), 0o600, "{} under umask {umask}", f.display());
        }
        drop(store);
        let key = dir.path().join("key");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
            .arg(harness::BIN)
            .args(["db", "key-file", key.to_str().unwrap()])
            .envs(harness::ENV.iter().copied())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(mode(&key), 0o600, "key file under umask {umask}");
    }
}

#[test]
fn a_group_file_is_0660_and_belongs_to_the_group() {
    use std::os::unix::fs::MetadataExt;
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("hq.db");
    // SAFETY: getegid has no preconditions
    let gid = unsafe { libc::getegid() };
    let mut new = harness::new_file();
    new.group = Some(gid);
    drop(Store::create(&db, &new).unwrap());
    for f in [db.clone(), kdf_path(&db)] {
        assert_eq!(mode(&f), 0o660, "{}", f.display());
        assert_eq!(std::fs::metadata(&f).unwrap().gid(), gid);
    }
}

#[test]
fn the_parameters_are_kept_with_the_file_and_the_field_set_opens_it() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    let new = NewFile {
        passphrase: Some(Passphrase::new(PASSPHRASE)),
        params: KdfParams::FIELD,
        group: None,
    };
    drop(Store::create(&db, &new).unwrap());
    let line = std::fs::read_to_string(kdf_path(&db)).unwrap();
    assert_eq!(line, "minspect-kdf 1 argon2id v=19 m=19456 t=2 p=1\n");
    const { assert!(KdfParams::FIELD.m_kib >= 19 * 1024 && KdfParams::FIELD.t >= 2) };
    let store = Store::open_with(&db, Some(&Passphrase::new(PASSPHRASE))).unwrap();
    // SQLCipher runs on the system OpenSSL (not a vendored build)
    assert_eq!(
        raw(&store, "PRAGMA cipher_provider").as_deref(),
        Some("openssl")
    );
    // the test files carry the cheaper set, in their own sidecar
    let t = dir.path().join("test.db");
    drop(harness::open(&t));
    let line = std::fs::read_to_string(kdf_path(&t)).unwrap();
    assert_eq!(line, "minspect-kdf 1 argon2id v=19 m=64 t=1 p=1\n");
    // the same passphrase and salt with other parameters give another key
    let salt = [7u8; 16];
    let p = Passphrase::new(PASSPHRASE);
    let a = minspect::store::derive_key(&p, &salt, KdfParams::TEST).unwrap();
    let b = minspect::store::derive_key(&p, &salt, KdfParams::FIELD).unwrap();
    assert_ne!(a, b);
    assert_eq!(
        a,
        minspect::store::derive_key(&p, &salt, KdfParams::TEST).unwrap()
    );
}
