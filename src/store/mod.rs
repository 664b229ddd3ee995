//! The only module that names rusqlite. One `Store` per open database file.
//! Every error says what the store was doing.

mod audit;
pub mod chain;
mod compat;
mod db;
mod device;
mod handles;
mod hq;
pub mod query;
pub mod record;
mod rows;
mod rules;
#[cfg(feature = "test-support")]
mod testing;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod testsupport;

pub use compat::{bulk, shipments};

pub use audit::AuditEntry;
pub use chain::verify::{BrokenLink, ChainReport, DeviceChain};
pub use db::migrate::{SCHEMA_VERSION, schema_version_of};
pub use db::setup::{Identity, InitOptions, setup_new_database};
pub use handles::{Chain, Db, Device, Hq, Query, Records, Rules};
pub use record::custody::CustodyAppended;
pub use record::draft::DraftSummary;
pub use record::finalize::Finalized;
pub use record::record_import::Imported;
pub use rules::{Installed, PackRecord, compare_versions};
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub use testing::RawCommitBaseline;
// sync (issue 5)
pub use chain::outbox::{
    DeviceHead, ExportedBatch, OfficerRow, OutboxRow, OutboxSummary, StateCounts, SyncLogEntry,
    SyncStatus,
};
pub use device::{DeviceInfo, LocalKey, TrustOutcome};
pub use hq::incoming::{ImportOutcome, IncomingHeader, IncomingRecord};
pub use hq::officers::{NewOfficer, Officer, check_login};
pub use hq::os_login::os_login;
pub use hq::reviews::{AckInput, AckOutcome, Decision, ReceiptContent, Review};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::domain::Clock;

/// A store error: what we were doing, and why it failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{doing}: {source}")]
    Sqlite {
        doing: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this minspect understands ({supported}); use a newer minspect"
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "database {path} has schema version {found}; this minspect uses version {current}: open it once without --read-only to upgrade it (nothing is lost)"
    )]
    NeedsUpgrade {
        path: String,
        found: i64,
        current: i64,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("the database is open read-only; {0} is not allowed")]
    ReadOnly(String),
    #[error("{0} not found")]
    NotFound(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Adds "what we were doing" to a rusqlite error.
pub(crate) trait Context<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite {
            doing: what(),
            source,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    ReadWrite,
    ReadOnly,
}

/// An open minspect database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    mode: Mode,
    /// where "now" comes from for every row this store writes
    pub(crate) clock: Clock,
}

impl Store {
    /// Opens (creating if missing) a database read-write and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path).doing(|| format!("opening {}", path.display()))?;
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

    /// Opens an existing database read-only. Falls back to a read-write handle with
    /// `query_only` when SQLite cannot create the WAL side files (DESIGN.md §8).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::NotFound(format!("database {}", path.display())));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .doing(|| format!("opening {} read-only", path.display()))?;
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

    fn probe(&self) -> Result<()> {
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .doing(|| "reading the schema".into())
            .map(|_| ())
    }

    fn configure(&mut self, writable: bool) -> Result<()> {
        let c = &self.conn;
        c.busy_timeout(Duration::from_secs(5))
            .doing(|| "setting busy_timeout".into())?;
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

    /// Sets the clock the store reads "now" from (tests set a fixed one).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The clock the store reads "now" from.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Refuses a write on a read-only store with a clear message.
    pub(crate) fn ensure_writable(&self, what: &str) -> Result<()> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly(what.to_string()))
        } else {
            Ok(())
        }
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction; commits on Ok, rolls back on Err.
    pub(crate) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.ensure_writable(what)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .doing(|| format!("starting a transaction for {what}"))?;
        let out = f(&tx)?;
        tx.commit().doing(|| format!("committing {what}"))?;
        Ok(out)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
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
