//! The audit log: who, when, what, old -> new. Written inside the transaction of the
//! change it describes, so a change and its audit row commit (or vanish) together.

use std::ops::Deref;

use crate::domain::Clock;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

use super::{Context, Query, Result, Store, StoreError};

/// Who is writing: this database's officer on this device.
#[derive(Debug, Clone)]
pub struct Who {
    pub officer_id: String,
    pub device_id: String,
    /// the clock the writing store reads "now" from
    pub clock: Clock,
}

pub fn who(conn: &Connection, clock: Clock) -> Result<Who> {
    let get = |k: &str| -> Result<Option<String>> {
        conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .and_then(|mut s| s.query_row([k], |r| r.get(0)).optional())
            .doing(|| format!("reading setting {k}"))
    };
    match (get("officer_id")?, get("device_id")?) {
        (Some(officer_id), Some(device_id)) => Ok(Who {
            officer_id,
            device_id,
            clock,
        }),
        _ => Err(StoreError::Invalid(
            "this database has no officer yet; run `minspect init` first".into(),
        )),
    }
}

/// Refuses field work (`what`: a new record, an inspection, finalizing, custody, an
/// amendment) on a headquarters database: headquarters records no field work; it
/// receives it in bundles (DESIGN §6).
pub(crate) fn refuse_field_work(conn: &Connection, what: &str) -> Result<()> {
    let kind: Option<String> = conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'kind'")
        .and_then(|mut s| s.query_row([], |r| r.get(0)).optional())
        .doing(|| "reading the database kind".into())?;
    if kind.as_deref() == Some("hq") {
        return Err(StoreError::Invalid(format!(
            "this is a headquarters database: headquarters records no field work, so {what} is refused here; field work is recorded on a field laptop and arrives here in its bundles"
        )));
    }
    Ok(())
}

/// Appends one audit row. `old`/`new` are JSON (None = NULL).
pub(crate) fn audit(
    conn: &Connection,
    who: &Who,
    action: &str,
    entity: &str,
    entity_id: &str,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut s| {
        s.execute(params![
            who.clock.now_rfc3339(),
            who.officer_id,
            action,
            entity,
            entity_id,
            old.map(|v| v.to_string()),
            new.map(|v| v.to_string()),
        ])
    })
    .doing(|| format!("writing the audit row for {action} {entity} {entity_id}"))?;
    Ok(())
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// The entities the recording API audits (`audit_for` looks among these).
pub const RECORD_ENTITIES: &[&str] = &[
    "shipment",
    "inspection",
    "measurement",
    "finding",
    "seizure",
    "custody_event",
];

impl<S: Deref<Target = Store>> Query<S> {
    /// The audit rows about one record entity (`shipment`, `inspection`, `measurement`,
    /// `finding`, `seizure`, `custody_event`) with id `entity_id`, oldest first.
    pub fn audit_for(&self, entity_id: &str) -> Result<Vec<AuditEntry>> {
        let mut out = Vec::new();
        for entity in RECORD_ENTITIES {
            out.extend(self.audit_of(entity, entity_id)?);
        }
        out.sort_by_key(|a| a.id);
        Ok(out)
    }

    /// The audit rows about (`entity`, `entity_id`), oldest first (indexed).
    pub fn audit_of(&self, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(
                "SELECT id, at, actor, action, entity, entity_id, old, new FROM audit
                 WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
            )
            .doing(|| "reading the audit log".into())?;
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        let rows = stmt
            .query_map([entity, entity_id], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    old: parse(r.get(6)?),
                    new: parse(r.get(7)?),
                })
            })
            .doing(|| "reading the audit log".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the audit log".into())?;
        Ok(rows)
    }
}
