//! Opening a database file: read-write (migrating), read-only (never migrating) or in
//! memory, and the connection pragmas.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::domain::Clock;
use crate::store::db::migrate::SCHEMA_VERSION;
use crate::store::{Context, Mode, Result, Store, StoreError};

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 256;

impl Store {
    /// Opens (creating if missing) a database read-write and brings its schema up to date.
    /// A new file is a plain one made 0600; an encrypted file is unlocked with this
    /// process's passphrase (`store::use_passphrase`).
    pub fn open(path: &Path) -> Result<Self> {
        Store::open_with(path, None)
    }

    /// As [`Store::open`], an encrypted file unlocked with `pass` when given.
    pub fn open_with(path: &Path, pass: Option<&super::cipher::Passphrase>) -> Result<Self> {
        super::modes::create_database_file(path, super::modes::PRIVATE)?;
        let conn = Connection::open(path).doing(|| format!("opening {}", path.display()))?;
        super::cipher::unlock(&conn, path, pass)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            mode: Mode::ReadWrite,
            clock: Clock::system(),
        };
        // a full disk shows first here: SQLite cannot grow the WAL index (an I/O error)
        let ready = store.configure(true).and_then(|()| store.migrate());
        ready.map_err(|e| super::disk_full::classify(&store.conn, e))?;
        Ok(store)
    }

    /// Opens an existing database read-only. Falls back to a read-write handle with
    /// `query_only` when SQLite cannot create the WAL side files (DESIGN.md §8).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::NotFound(format!("database {}", path.display())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .doing(|| format!("opening {} read-only", path.display()))?;
        super::cipher::unlock(&conn, path, None)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            mode: Mode::ReadOnly,
            clock: Clock::system(),
        };
        store.configure(false)?;
        if store.check_version().is_err() || store.probe().is_err() {
            // retry as read-write with query_only (e.g. -wal/-shm missing, dir not writable)
            let conn = Connection::open(path)
                .doing(|| format!("opening {} (query-only)", path.display()))?;
            super::cipher::unlock(&conn, path, None)?;
            store.conn = conn;
            store.configure(false)?;
            store
                .conn
                .pragma_update(None, "query_only", true)
                .doing(|| "setting query_only".into())?;
        }
        let found = store.check_version()?;
        if (1..SCHEMA_VERSION).contains(&found) {
            // a read-only handle cannot migrate, and this binary's queries need the
            // current schema
            return Err(StoreError::NeedsUpgrade {
                path: store.path_display(),
                found,
                current: SCHEMA_VERSION,
            });
        }
        Ok(store)
    }

    /// A fresh in-memory database with the full schema (tests, previews).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory().doing(|| "opening in-memory database".into())?;
        let mut store = Store {
            conn,
            path: None,
            mode: Mode::ReadWrite,
            clock: Clock::system(),
        };
        store.configure(true)?;
        store.migrate()?;
        Ok(store)
    }

    pub(super) fn probe(&self) -> Result<()> {
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .doing(|| "reading the schema".into())
            .map(|_| ())
    }

    pub(super) fn configure(&mut self, writable: bool) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(Duration::from_secs(5))
            .doing(|| "setting busy_timeout".into())?;
        // the writers and readers use a few dozen distinct statements: keep them all
        // prepared (rusqlite's default of 16 makes a finalize re-parse most of its SQL)
        c.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        c.pragma_update(None, "foreign_keys", true)
            .doing(|| "enabling foreign keys".into())?;
        if writable {
            // WAL is persistent: switch only when needed, since switching takes a lock that
            // other processes opening the file at the same moment would contend for
            let mode: String = c
                .pragma_query_value(None, "journal_mode", |r| r.get(0))
                .doing(|| "reading the journal mode".into())?;
            if self.path.is_some() && !mode.eq_ignore_ascii_case("wal") {
                enable_wal(c)?;
            }
            c.pragma_update(None, "synchronous", "FULL")
                .doing(|| "setting synchronous=FULL".into())?;
        }
        Ok(())
    }

    /// `PRAGMA integrity_check`: Ok(()) or the problems found.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .doing(|| "preparing integrity_check".into())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .doing(|| "running integrity_check".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading integrity_check".into())?;
        Ok(rows.into_iter().filter(|r| r != "ok").collect())
    }
}

/// Switches a file to WAL. The switch needs an exclusive lock and SQLite does not wait for
/// it, so two processes creating or opening the same file at the same moment retry
/// briefly; whichever wins, the file ends in WAL.
fn enable_wal(c: &Connection) -> Result<()> {
    let mut tries = 0;
    loop {
        match c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 250 =>
            {
                tries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).doing(|| "enabling WAL".into()),
        }
    }
}
