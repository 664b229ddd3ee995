//! The store's own writers as building blocks, for the test kit (`tests/testkit`) and the
//! benchmarks: the same transaction, draft, finalize, custody and desk code the program
//! runs, re-exported, with nothing of their own. Hidden from the documented API; the
//! program never calls through this module.

use rusqlite::{Connection, Transaction};

pub use super::Context;
pub use super::audit::{Who, who};
pub use super::hq::decide::write_review;
pub use super::hq::desk::add_to_desk;
pub use super::record::children::add_child_tx;
pub use super::record::custody::add_custody_tx;
pub use super::record::draft::{create_inspection_tx, create_shipment_tx, load_record_tx};
pub use super::record::finalize::seal_tx;
use super::{Result, Store};

impl Store {
    /// One `BEGIN IMMEDIATE` transaction, exactly as every store writer runs it.
    pub fn parts_write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.write(what, f)
    }

    /// The open connection (reads, and raw SQL in tests that prove the database itself
    /// refuses a change).
    pub fn parts_conn(&self) -> &Connection {
        self.conn()
    }
}

/// Keys a raw connection to the file at `db` as `Store::open` would (with this process's
/// passphrase), for tests that fake damage or older versions with raw SQL.
pub fn key_raw_connection(conn: &Connection, db: &std::path::Path) -> Result<()> {
    super::db::cipher::unlock(conn, db, None)
}
