//! Forward-only migrations keyed on `PRAGMA user_version`.
//!
//! A new database (version 0) gets `schema.sql`, the complete current schema, in one step.
//! An older database gets the upgrade steps from its version on, each in its own
//! transaction with its version bump. `tests/migrations.rs` checks that a version-1
//! database brought forward has exactly the schema of a new one.

use rusqlite::Connection;

use crate::store::{Context, Result, Store, StoreError};

/// The complete current schema, for a new database.
const SCHEMA: &str = include_str!("../../../schema.sql");

/// Upgrade steps, in order: `UPGRADES[i]` brings user_version from i + 1 to i + 2.
const UPGRADES: &[&str] = &[
    include_str!("../migrations/002_delivery_marks.sql"),
    include_str!("../migrations/003_officer_language.sql"),
    include_str!("../migrations/004_review_desk.sql"),
    include_str!("../migrations/005_worlds.sql"),
    include_str!("../migrations/006_plausible_facts.sql"),
    include_str!("../migrations/007_shipment_intermediaries.sql"),
    include_str!("../migrations/008_signed_packs.sql"),
    include_str!("../migrations/009_desk_totals.sql"),
    include_str!("../migrations/010_desk_exporter.sql"),
    include_str!("../migrations/011_measurement_value_null.sql"),
    include_str!("../migrations/012_attachments.sql"),
    include_str!("../migrations/013_desk_search.sql"),
    include_str!("../migrations/014_sealing_keys.sql"),
    include_str!("../migrations/015_draft_focus.sql"),
];

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: i64 = UPGRADES.len() as i64 + 1;

/// Reads `PRAGMA user_version`.
pub fn schema_version_of(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

impl Store {
    pub fn schema_version(&self) -> Result<i64> {
        schema_version_of(&self.conn).doing(|| "reading the schema version".into())
    }

    pub(crate) fn check_version(&self) -> Result<i64> {
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

    pub(crate) fn migrate(&mut self) -> Result<()> {
        let found = self.check_version()?;
        if found == 0 {
            return self.apply_step(SCHEMA, SCHEMA_VERSION);
        }
        for (i, step) in UPGRADES.iter().enumerate().skip(found as usize - 1) {
            self.apply_step(step, i as i64 + 2)?;
        }
        Ok(())
    }

    /// Applies one step in its own write transaction. The version is read again under the
    /// write lock: another process opening the same file may have applied it meanwhile
    /// (several supervisors' sessions starting at once), and then there is nothing to do.
    fn apply_step(&mut self, sql: &str, target: i64) -> Result<()> {
        self.write(&format!("schema migration to version {target}"), |tx| {
            let now = schema_version_of(tx).doing(|| "reading the schema version".into())?;
            if now >= target {
                return Ok(());
            }
            tx.execute_batch(sql)
                .doing(|| format!("applying schema migration {target}"))?;
            tx.pragma_update(None, "user_version", target)
                .doing(|| format!("recording schema version {target}"))?;
            Ok(())
        })
    }
}
