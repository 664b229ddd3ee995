//! Raw SQL for tests that must not name rusqlite, and the benchmarks' raw-commit baseline.

use std::path::Path;

use rusqlite::Connection;

use minspect::store::parts::Context;
use minspect::store::{Result, Store};

/// Executes raw SQL outside any store rule (tests: prove the database itself refuses
/// changes to finalized rows). Returns the number of rows changed.
pub(crate) fn execute_raw(store: &Store, sql: &str) -> Result<usize> {
    store
        .parts_conn()
        .execute(sql, [])
        .doing(|| format!("raw SQL {sql}"))
}

/// A raw single-value query (tests): the first column of the first row as text.
pub(crate) fn query_raw(store: &Store, sql: &str) -> Result<Option<String>> {
    use rusqlite::OptionalExtension;
    store
        .parts_conn()
        .query_row(sql, [], |r| {
            let v: rusqlite::types::Value = r.get(0)?;
            Ok(match v {
                rusqlite::types::Value::Null => None,
                rusqlite::types::Value::Integer(i) => Some(i.to_string()),
                rusqlite::types::Value::Real(f) => Some(f.to_string()),
                rusqlite::types::Value::Text(t) => Some(t),
                rusqlite::types::Value::Blob(b) => Some(hex::encode(b)),
            })
        })
        .optional()
        .map(Option::flatten)
        .doing(|| format!("raw SQL {sql}"))
}

/// The benchmark baseline: a raw single-row rusqlite commit under WAL and
/// synchronous=FULL on its own file (DESIGN.md §10).
pub struct RawCommitBaseline {
    conn: Connection,
    n: i64,
}

impl RawCommitBaseline {
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path).doing(|| format!("opening {}", path.display()))?;
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .doing(|| "enabling WAL".into())?;
        conn.pragma_update(None, "synchronous", "FULL")
            .doing(|| "setting synchronous=FULL".into())?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)",
        )
        .doing(|| "creating the baseline table".into())?;
        Ok(RawCommitBaseline { conn, n: 0 })
    }

    /// One durable transaction inserting one row.
    pub fn commit_one(&mut self) -> Result<()> {
        self.n += 1;
        let tx = self.conn.transaction().doing(|| "begin".into())?;
        tx.prepare_cached("INSERT INTO t (v) VALUES (?1)")
            .and_then(|mut s| s.execute([format!("row {}", self.n)]))
            .doing(|| "insert".into())?;
        tx.commit().doing(|| "commit".into())
    }
}
