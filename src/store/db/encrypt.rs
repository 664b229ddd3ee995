//! `db encrypt`: an existing plain file turned into an encrypted one, without a moment in
//! which a crash loses it. The steps, each one durable before the next:
//!
//! 1. the new file's parameter sidecar `<db>.encrypting.kdf` (0600, or 0660 and the group);
//! 2. the encrypted copy `<db>.encrypting` (SQLCipher's `sqlcipher_export` from the plain
//!    file, WAL content included), fsynced, then opened with the key and compared;
//! 3. the plain file closed: its WAL folded in and its `-wal`/`-shm` gone (a file another
//!    process holds open is refused);
//! 4. the sidecar renamed to `<db>.kdf` (a plain file with a sidecar is still plain: its
//!    head says so), then the copy renamed over `<db>` in one atomic rename, and the
//!    directory fsynced.
//!
//! Killed between any two steps, `<db>` is either the whole plain file or the whole
//! encrypted one; the next run removes what an interrupted one left. `MINSPECT_TEST_CRASH_AT`
//! (a step's name) aborts the process right after that step, for the crash tests.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::cipher::{self, KdfParams, Passphrase};
use super::modes;
use crate::domain::Msg;
use crate::store::{Context, Result, Store, StoreError};

/// How `db encrypt` makes the new file.
#[derive(Debug, Clone)]
pub struct Encrypt {
    pub passphrase: Passphrase,
    pub params: KdfParams,
    /// shared with this group (0660) instead of owner-only (0600)
    pub group: Option<u32>,
}

fn with_suffix(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The files an interrupted run may have left.
fn leftovers(db: &Path) -> [PathBuf; 4] {
    let tmp = with_suffix(db, ".encrypting");
    [
        cipher::kdf_path(&tmp),
        with_suffix(&tmp, "-journal"),
        with_suffix(&tmp, "-wal"),
        tmp,
    ]
}

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Cipher(format!("{}: {e}", path.display()))
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(path, e)),
        _ => Ok(()),
    }
}

/// The test hook: aborts right after `step` when `MINSPECT_TEST_CRASH_AT` names it.
fn step_done(step: &str) {
    if std::env::var("MINSPECT_TEST_CRASH_AT").as_deref() == Ok(step) {
        std::process::abort();
    }
}

fn sync_path(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(|e| io(path, e))
}

impl Store {
    /// Encrypts the plain file at `db` in place (see the module's steps). Refuses an
    /// encrypted file, and one whose `-wal` another process keeps.
    pub fn encrypt_file(db: &Path, how: &Encrypt) -> Result<()> {
        if !db.exists() {
            return Err(StoreError::NotFound(db.display().to_string()));
        }
        if cipher::is_encrypted(db) {
            return Err(StoreError::Said(
                Msg::new("cipher-encrypt-already").arg("path", db.display().to_string()),
            ));
        }
        for f in leftovers(db).iter().chain([&cipher::kdf_path(db)]) {
            remove_if_there(f)?;
        }
        let tmp = with_suffix(db, ".encrypting");
        let mode = how.group.map_or(modes::PRIVATE, |_| modes::GROUP);
        modes::write_new(&cipher::kdf_path(&tmp), how.params.line().as_bytes(), mode)?;
        modes::create_database_file(&tmp, mode)?;
        if let Some(gid) = how.group {
            modes::chown_group(&cipher::kdf_path(&tmp), gid)?;
            modes::chown_group(&tmp, gid)?;
        }
        step_done("sidecar");
        let plain = Store::open(db)?;
        let tables = copy_into(&plain.conn, &tmp, how)?;
        sync_path(&tmp)?;
        check_copy(&tmp, &how.passphrase, tables)?;
        step_done("copy");
        drop(plain);
        if with_suffix(db, "-wal").exists() {
            for f in leftovers(db) {
                remove_if_there(&f)?;
            }
            return Err(StoreError::Said(
                Msg::new("cipher-encrypt-in-use").arg("path", db.display().to_string()),
            ));
        }
        remove_if_there(&with_suffix(db, "-shm"))?;
        step_done("closed");
        let kdf = cipher::kdf_path(db);
        std::fs::rename(cipher::kdf_path(&tmp), &kdf).map_err(|e| io(&kdf, e))?;
        step_done("sidecar-moved");
        std::fs::rename(&tmp, db).map_err(|e| io(db, e))?;
        let dir = db.parent().filter(|p| !p.as_os_str().is_empty());
        sync_path(dir.unwrap_or(Path::new(".")))?;
        step_done("renamed");
        Ok(())
    }
}

/// Copies every table, index and row of the plain connection, and its schema version,
/// into the new encrypted file `tmp`; returns how many schema objects there are.
fn copy_into(conn: &Connection, tmp: &Path, how: &Encrypt) -> Result<i64> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .doing(|| "folding the WAL into the file".into())?;
    let (version, tables): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM sqlite_master",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .doing(|| "reading the schema".into())?;
    let raw = cipher::new_raw_key(tmp, &how.passphrase, how.params)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS encrypting KEY ?2",
        rusqlite::params![tmp.to_string_lossy(), raw],
    )
    .doing(|| format!("attaching {}", tmp.display()))?;
    let copied = conn
        .query_row("SELECT sqlcipher_export('encrypting')", [], |_| Ok(()))
        .and_then(|()| conn.pragma_update(Some("encrypting"), "user_version", version));
    let detached = conn.execute("DETACH DATABASE encrypting", []);
    copied.doing(|| format!("copying into {}", tmp.display()))?;
    detached.doing(|| format!("detaching {}", tmp.display()))?;
    Ok(tables)
}

/// The copy opens with the passphrase and holds the same schema.
fn check_copy(tmp: &Path, pass: &Passphrase, tables: i64) -> Result<()> {
    let conn = Connection::open(tmp).doing(|| format!("opening {}", tmp.display()))?;
    cipher::unlock(&conn, tmp, Some(pass))?;
    let found: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .doing(|| "reading the encrypted copy".into())?;
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .doing(|| "checking the encrypted copy".into())?;
    if found != tables || ok != "ok" {
        return Err(StoreError::Said(
            crate::domain::Msg::new("cipher-encrypt-copy-mismatch")
                .arg("path", tmp.display().to_string())
                .arg("found", found)
                .arg("tables", tables)
                .arg("check", crate::domain::sanitize(&ok).into_owned()),
        ));
    }
    Ok(())
}
