//! Forward-only migrations keyed on `PRAGMA user_version`. Step 1 is schema.sql.

use rusqlite::Connection;

use super::{Context, Result, Store, StoreError};

/// The migration steps, in order; step N brings user_version from N-1 to N.
const STEPS: &[&str] = &[include_str!("../../schema.sql")];

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: i64 = STEPS.len() as i64;

/// Reads `PRAGMA user_version`.
pub fn schema_version_of(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

impl Store {
    pub fn schema_version(&self) -> Result<i64> {
        schema_version_of(&self.conn).doing(|| "reading the schema version".into())
    }

    pub(super) fn check_version(&self) -> Result<i64> {
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path_display(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(found)
    }

    pub(crate) fn path_display(&self) -> String {
        self.path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| ":memory:".into())
    }

    pub(super) fn migrate(&mut self) -> Result<()> {
        let found = self.check_version()?;
        for (i, step) in STEPS.iter().enumerate().skip(found as usize) {
            let target = i as i64 + 1;
            self.write(&format!("schema migration to version {target}"), |tx| {
                tx.execute_batch(step)
                    .doing(|| format!("applying schema migration {target}"))?;
                tx.pragma_update(None, "user_version", target)
                    .doing(|| format!("recording schema version {target}"))?;
                Ok(())
            })?;
        }
        Ok(())
    }
}
