//! Creating a database file plain or encrypted (with its mode), checking a passphrase and
//! changing it.

use std::path::Path;

use rusqlite::Connection;

use super::cipher::{self, KdfParams, Passphrase};
use super::modes;
use crate::domain::Clock;
use crate::store::{Context, Mode, Result, Store, StoreError};

/// How a new database file is made.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// Encrypted with this passphrase; plain when None.
    pub passphrase: Option<Passphrase>,
    /// The argon2id parameters written into the new file's sidecar.
    pub params: KdfParams,
    /// Shared with this group (mode 0660) instead of owner-only (0600).
    pub group: Option<u32>,
}

impl NewFile {
    pub fn plain() -> Self {
        NewFile {
            passphrase: None,
            params: KdfParams::for_new_files(),
            group: None,
        }
    }

    pub fn encrypted(passphrase: Passphrase) -> Self {
        NewFile {
            passphrase: Some(passphrase),
            ..NewFile::plain()
        }
    }
}

impl Store {
    /// Creates a new database file (refusing an existing one), plain or encrypted, 0600
    /// (0660 with a group) whatever the umask, with the full schema.
    pub fn create(path: &Path, new: &NewFile) -> Result<Self> {
        if path.exists() {
            return Err(StoreError::Exists(path.display().to_string()));
        }
        let mode = match new.group {
            Some(_) => modes::GROUP,
            None => modes::PRIVATE,
        };
        modes::create_database_file(path, mode)?;
        let conn = Connection::open(path).doing(|| format!("opening {}", path.display()))?;
        if let Some(pass) = &new.passphrase {
            cipher::key_new_file(&conn, path, pass, new.params, mode)?;
        }
        if let Some(gid) = new.group {
            modes::chown_group(path, gid)?;
            if new.passphrase.is_some() {
                modes::chown_group(&cipher::kdf_path(path), gid)?;
            }
        }
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            mode: Mode::ReadWrite,
            clock: Clock::system(),
        };
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    /// Whether `pass` opens the file at `path` (always Ok for a plain file); nothing is
    /// written either way.
    pub fn check_passphrase(path: &Path, pass: &Passphrase) -> Result<()> {
        let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
        let conn = Connection::open_with_flags(path, flags)
            .doing(|| format!("opening {}", path.display()))?;
        match cipher::unlock(&conn, path, Some(pass)) {
            // a read-only handle cannot read a WAL file whose -shm is missing: read-write
            // then (it only makes the side files, with the file's mode)
            Err(StoreError::Sqlite { .. }) => {
                drop(conn);
                let conn =
                    Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
                        .doing(|| format!("opening {}", path.display()))?;
                cipher::unlock(&conn, path, Some(pass))
            }
            other => other,
        }
    }

    /// True when the file is an encrypted one made with the test key-derivation
    /// parameters (`MINSPECT_KDF=test`), which `db check` warns about.
    pub fn made_with_test_kdf(path: &Path) -> bool {
        cipher::is_encrypted(path)
            && cipher::kdf_path(path).exists()
            && cipher::params_of(path).is_ok_and(|p| p == KdfParams::TEST)
    }

    /// True when the file is an encrypted one.
    pub fn is_encrypted_file(path: &Path) -> bool {
        cipher::is_encrypted(path)
    }

    /// Changes the passphrase of this (encrypted, read-write) file; the old one no longer
    /// opens it (this connection stays open; later opens need the new one).
    pub fn rekey(&mut self, new: &Passphrase) -> Result<()> {
        self.ensure_writable("db rekey")?;
        let path = self
            .path
            .clone()
            .ok_or_else(|| StoreError::NotEncrypted(":memory:".into()))?;
        // fold the WAL into the file first: the rekey then rewrites every page once
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .doing(|| "checkpointing before the rekey".into())?;
        cipher::rekey(&self.conn, &path, new)
    }

    /// Writes an encrypted copy of this database to the new file `dest` (0600, its
    /// sidecar beside it): every table, index and row, and the schema version.
    pub fn encrypted_copy(&self, dest: &Path, pass: &Passphrase, params: KdfParams) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::Exists(dest.display().to_string()));
        }
        modes::create_database_file(dest, modes::PRIVATE)?;
        let raw = cipher::new_raw_key(dest, pass, params)?;
        modes::write_new(
            &cipher::kdf_path(dest),
            params.line().as_bytes(),
            modes::PRIVATE,
        )?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .doing(|| "reading the schema version".into())?;
        let c = &self.conn;
        c.execute(
            "ATTACH DATABASE ?1 AS encrypted_copy KEY ?2",
            rusqlite::params![dest.to_string_lossy(), raw],
        )
        .doing(|| format!("attaching {}", dest.display()))?;
        let copied = c
            .query_row("SELECT sqlcipher_export('encrypted_copy')", [], |_| Ok(()))
            .and_then(|()| c.pragma_update(Some("encrypted_copy"), "user_version", version));
        let detached = c.execute("DETACH DATABASE encrypted_copy", []);
        copied.doing(|| format!("copying into {}", dest.display()))?;
        detached
            .doing(|| format!("detaching {}", dest.display()))
            .map(|_| ())
    }
}
