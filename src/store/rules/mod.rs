//! Rule packs in the database: install (validate, refuse older, rebuild the rule_*
//! tables and rules_fts in one transaction, keep every pack in rule_packs), the active
//! pack, and the pack history.

use std::ops::Deref;

use std::cmp::Ordering;

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::rules::RulePack;
use crate::store::{Context, Result, Rules, Store, StoreError};

mod tables;
use tables::rebuild_tables;
mod signed;
pub(crate) use signed::install_in;
pub use signed::{PackInstall, PackStatus, PackTrust, PublishOutcome, PublishedPack};

/// What an install did.
#[derive(Debug, Clone, PartialEq)]
pub struct Installed {
    pub pack: RulePack,
    /// Version of the pack that was active before, if any.
    pub previous: Option<String>,
    /// The same pack (same version and bytes) was already active: nothing changed.
    pub unchanged: bool,
}

/// One row of the pack history.
#[derive(Debug, Clone, PartialEq)]
pub struct PackRecord {
    pub version: String,
    pub published: String,
    pub imported_at: String,
    pub source: String,
    pub sha256: String,
    pub is_active: bool,
}

/// Compares pack versions such as `2026.03.1`: numeric parts numerically.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let parts = |s: &str| s.split(['.', '-']).map(str::to_string).collect::<Vec<_>>();
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let o = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => x.cmp(y),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    pa.len().cmp(&pb.len())
}

/// The active rule pack read on `conn`, parsed; None when none is installed. Refused when
/// its text no longer has the SHA-256 stored when it was installed (edited behind the
/// trigger's back): screening against it would not be screening against the pack.
pub(crate) fn active_pack_in(conn: &rusqlite::Connection) -> Result<Option<RulePack>> {
    let raw: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT version, raw_toml, source, sha256 FROM rule_packs WHERE is_active = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .doing(|| "reading the active rule pack".into())?;
    let Some((version, raw, source, sha)) = raw else {
        return Ok(None);
    };
    if let Some(problem) = altered(&version, &raw, &sha) {
        return Err(StoreError::Invalid(problem));
    }
    RulePack::parse(&raw, &source)
        .map(Some)
        .map_err(|e| StoreError::Invalid(format!("the stored rule pack is unreadable: {e}")))
}

/// Some(problem) when a stored pack's text does not have its stored SHA-256.
fn altered(version: &str, raw: &str, sha: &str) -> Option<String> {
    let actual = hex::encode(Sha256::digest(raw.as_bytes()));
    (actual != sha).then(|| {
        format!(
            "rule pack {version} was altered: its stored text has SHA-256 {actual}, not the {sha} recorded when it was installed; install the pack again from its file"
        )
    })
}

impl<S: Deref<Target = Store>> Rules<S> {
    /// The active rule pack, parsed and verified; None when none is installed.
    pub fn active_pack(&self) -> Result<Option<RulePack>> {
        active_pack_in(self.0.conn())
    }

    /// Every stored pack whose text no longer has its recorded SHA-256 (`db check`).
    pub fn pack_problems(&self) -> Result<Vec<String>> {
        let doing = || "reading the stored rule packs".to_string();
        let mut stmt = self
            .0
            .conn()
            .prepare("SELECT version, raw_toml, sha256 FROM rule_packs ORDER BY version")
            .doing(doing)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .doing(doing)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(doing)?;
        Ok(rows
            .iter()
            .filter_map(|(v, raw, sha)| altered(v, raw, sha))
            .collect())
    }

    /// Every pack ever installed, newest import first.
    pub fn pack_history(&self) -> Result<Vec<PackRecord>> {
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT version, published, imported_at, source, sha256, is_active
                 FROM rule_packs ORDER BY imported_at DESC, version DESC",
            )
            .doing(|| "preparing the pack history".into())?;
        stmt.query_map([], |r| {
            Ok(PackRecord {
                version: r.get(0)?,
                published: r.get(1)?,
                imported_at: r.get(2)?,
                source: r.get(3)?,
                sha256: r.get(4)?,
                is_active: r.get::<_, i64>(5)? == 1,
            })
        })
        .doing(|| "reading the pack history".into())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .doing(|| "reading the pack history".into())
    }

    /// Item ids of the active pack matching `query` in the rules_fts index (trigram;
    /// queries of 3+ characters), best first.
    pub fn search_rules_fts(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let q = format!("\"{}\"", query.replace('"', "\"\""));
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT item_id FROM rules_fts WHERE rules_fts MATCH ?1 ORDER BY rank LIMIT ?2",
            )
            .doing(|| "preparing the rule search".into())?;
        stmt.query_map(params![q, limit as i64], |r| r.get(0))
            .doing(|| format!("searching the rules for {query}"))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .doing(|| format!("searching the rules for {query}"))
    }
}

impl Rules<&mut Store> {
    /// Installs `raw` (a rule pack in TOML) as the active pack; refuses an older one.
    pub fn install_pack(&mut self, raw: &str, source: &str) -> Result<RulePack> {
        Ok(self.import_pack(raw, source, false)?.pack)
    }

    /// Validates `raw` and makes it the active pack in one transaction. Refuses a pack
    /// older than the active one (or the same version with other content) unless `force`.
    pub fn import_pack(&mut self, raw: &str, source: &str, force: bool) -> Result<Installed> {
        let clock = self.0.clock;
        let pack = RulePack::parse(raw, source).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let sha = hex::encode(Sha256::digest(raw.as_bytes()));
        let active = active_version(self.0.conn())?;
        let new_version = pack.pack.version.clone();
        if let Some((version, published, old_sha)) = &active {
            let order = compare_versions(&new_version, version)
                .then_with(|| pack.pack.published.to_string().cmp(published));
            if order == Ordering::Equal && *old_sha == sha {
                return Ok(Installed {
                    pack,
                    previous: Some(version.clone()),
                    unchanged: true,
                });
            }
            if !force && order == Ordering::Less {
                return Err(StoreError::Invalid(format!(
                    "{source}: rule pack {new_version} (published {}) is older than the installed {version} (published {published}); use --force to install it anyway",
                    pack.pack.published
                )));
            }
            if !force && order == Ordering::Equal {
                return Err(StoreError::Invalid(format!(
                    "{source}: rule pack {new_version} is already installed with different content; give the new pack a new version, or use --force"
                )));
            }
        }
        let now = clock.now_rfc3339();
        let previous = active.map(|a| a.0);
        self.0.write("installing the rule pack", |tx| {
            tx.execute("UPDATE rule_packs SET is_active = 0 WHERE is_active = 1", [])
                .doing(|| "deactivating the previous pack".into())?;
            // a stored pack is never updated (trigger): a forced reinstall of a version
            // replaces its row
            tx.execute("DELETE FROM rule_packs WHERE version = ?1", [&new_version])
                .doing(|| format!("replacing rule pack {new_version}"))?;
            tx.execute(
                "INSERT INTO rule_packs (version, published, imported_at, sha256, source, raw_toml, is_active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
                params![new_version, pack.pack.published.to_string(), now, sha, source, raw],
            )
            .doing(|| format!("saving rule pack {new_version}"))?;
            rebuild_tables(tx, &pack)?;
            let actor = tx
                .query_row("SELECT value FROM meta WHERE key = 'officer_id'", [], |r| r.get::<_, String>(0))
                .optional()
                .doing(|| "reading the officer".into())?
                .unwrap_or_else(|| "system".into());
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'install', 'rule_pack', ?3, ?4, ?5)",
                params![
                    now,
                    actor,
                    new_version,
                    previous.as_ref().map(|p| serde_json::json!({ "version": p }).to_string()),
                    serde_json::json!({ "version": new_version, "source": source, "sha256": sha, "forced": force }).to_string()
                ],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok(Installed {
            pack,
            previous,
            unchanged: false,
        })
    }
}

/// The active pack's version, publication date and SHA-256 (None before any pack).
pub(super) fn active_version(
    conn: &rusqlite::Connection,
) -> Result<Option<(String, String, String)>> {
    conn.query_row(
        "SELECT version, published, sha256 FROM rule_packs WHERE is_active = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
    .doing(|| "reading the active rule pack".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    fn count(store: &Store, sql: &str) -> i64 {
        store
            .conn()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap()
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("2026.03.1", "2026.3.1"), Ordering::Equal);
        assert_eq!(compare_versions("2026.10.1", "2026.9.1"), Ordering::Greater);
        assert_eq!(compare_versions("2026.03", "2026.03.1"), Ordering::Less);
    }

    #[test]
    fn install_fills_the_tables_and_refuses_older() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .rules_mut()
            .import_pack(EMBEDDED_PACK, "embedded", false)
            .unwrap();
        assert!(first.previous.is_none() && !first.unchanged);
        assert_eq!(
            count(&store, "SELECT count(*) FROM rule_items") as usize,
            first.pack.items.len()
        );
        assert_eq!(count(&store, "SELECT count(*) FROM rule_red_flags"), 10);
        assert!(
            count(
                &store,
                "SELECT count(*) FROM rule_item_hs WHERE hs_code = '2825909001'"
            ) == 1
        );
        assert_eq!(
            store.rules().search_rules_fts("砷化镓", 5).unwrap(),
            vec!["ga-arsenide".to_string()]
        );
        let again = store
            .rules_mut()
            .import_pack(EMBEDDED_PACK, "embedded", false)
            .unwrap();
        assert!(again.unchanged);
        let older = EMBEDDED_PACK.replacen("version = \"2026.03.1\"", "version = \"2025.12.1\"", 1);
        let err = store
            .rules_mut()
            .import_pack(&older, "old.toml", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("older than the installed 2026.03.1"), "{err}");
        let forced = store
            .rules_mut()
            .import_pack(&older, "old.toml", true)
            .unwrap();
        assert_eq!(forced.previous.as_deref(), Some("2026.03.1"));
        assert_eq!(
            store.rules().active_pack().unwrap().unwrap().pack.version,
            "2025.12.1"
        );
        assert_eq!(store.rules().pack_history().unwrap().len(), 2);
        assert!(
            count(
                &store,
                "SELECT count(*) FROM audit WHERE entity = 'rule_pack'"
            ) == 2
        );
    }
}
