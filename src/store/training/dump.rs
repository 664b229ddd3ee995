//! An ordered, deterministic dump of a whole database (schema version, then every
//! table's rows sorted), to compare two files: a reset must give the starting state.

use std::ops::Deref;

use rusqlite::types::ValueRef;

use super::Training;
use crate::store::{Context, Result, Store};

fn cell(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => format!("{f:?}"),
        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("x'{}'", hex::encode(b)),
    }
}

impl<S: Deref<Target = Store>> Training<S> {
    /// Every table (virtual tables left out: their shadow tables hold their rows), in
    /// name order, each row's values in column order, the rows sorted.
    pub fn dump(&self) -> Result<String> {
        let conn = self.0.conn();
        let version = self.0.schema_version()?;
        let mut out = format!("user_version {version}\n");
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
            )
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .doing(|| "listing the tables".into())?;
        for t in tables {
            let doing = || format!("dumping table {t}");
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .doing(doing)?;
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    (0..n)
                        .map(|i| r.get_ref(i).map(cell))
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|v| v.join("|"))
                })
                .and_then(|m| m.collect::<rusqlite::Result<Vec<_>>>())
                .doing(doing)?;
            rows.sort();
            out.push_str(&format!("table {t} ({} rows)\n", rows.len()));
            for r in rows {
                out.push_str(&r);
                out.push('\n');
            }
        }
        Ok(out)
    }
}
