//! Rule packs in the database: install (validate, refuse older, rebuild the rule_*
//! tables and rules_fts in one transaction, keep every pack in rule_packs), the active
//! pack, and the pack history.

use std::ops::Deref;

use std::cmp::Ordering;

use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use crate::rules::RulePack;
use crate::rules::pack::{AnnouncementStatus, ClauseKind, Effect, Item};
use crate::store::{Context, Result, Rules, Store, StoreError};

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

impl<S: Deref<Target = Store>> Rules<S> {
    /// The active rule pack, parsed; None when none is installed.
    pub fn active_pack(&self) -> Result<Option<RulePack>> {
        let raw: Option<(String, String)> = self
            .0
            .conn()
            .query_row(
                "SELECT raw_toml, source FROM rule_packs WHERE is_active = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .doing(|| "reading the active rule pack".into())?;
        raw.map(|(raw, source)| {
            RulePack::parse(&raw, &source).map_err(|e| {
                StoreError::Invalid(format!("the stored rule pack is unreadable: {e}"))
            })
        })
        .transpose()
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
        let active: Option<(String, String, String)> = self
            .0
            .conn()
            .query_row(
                "SELECT version, published, sha256 FROM rule_packs WHERE is_active = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .doing(|| "reading the active rule pack".into())?;
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
            tx.execute(
                "INSERT INTO rule_packs (version, published, imported_at, sha256, source, raw_toml, is_active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
                 ON CONFLICT (version) DO UPDATE SET published = excluded.published,
                   imported_at = excluded.imported_at, sha256 = excluded.sha256,
                   source = excluded.source, raw_toml = excluded.raw_toml, is_active = 1",
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

fn status_str(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "in_force",
        AnnouncementStatus::Suspended => "suspended",
        AnnouncementStatus::Superseded => "superseded",
        AnnouncementStatus::Framework => "framework",
    }
}

fn effect_str(e: Effect) -> &'static str {
    match e {
        Effect::NeedsReview => "needs_review",
        Effect::LicenceRequired => "licence_required",
        Effect::Prohibited => "prohibited",
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Replaces the rule_* tables and rules_fts with `pack` (inside the caller's transaction).
fn rebuild_tables(tx: &Transaction<'_>, pack: &RulePack) -> Result<()> {
    for table in [
        "rules_fts",
        "rule_item_hs",
        "rule_items",
        "rule_clauses",
        "rule_suspensions",
        "rule_red_flags",
        "rule_announcements",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), [])
            .doing(|| format!("clearing {table}"))?;
    }
    for a in &pack.announcements {
        tx.execute(
            "INSERT INTO rule_announcements (id, number, title, issuers, published, effective, status, notes, sources)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![a.id, a.number, a.title, a.issuers.join(", "), a.published.to_string(),
                a.effective.map(|d| d.to_string()), status_str(a.status), a.notes, json(&a.sources)],
        )
        .doing(|| format!("saving announcement {}", a.id))?;
    }
    for s in &pack.suspensions {
        tx.execute(
            "INSERT INTO rule_suspensions (announcement_id, clause, by_announcement, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.target, s.clause, s.by, s.start.to_string(), s.end.to_string()],
        )
        .doing(|| format!("saving the suspension of {}", s.target))?;
    }
    for i in &pack.items {
        insert_item(tx, pack, i)?;
    }
    for c in &pack.clauses {
        tx.execute(
            "INSERT INTO rule_clauses (id, announcement_id, kind, country, end_use, families, effect, valid_from, valid_to, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![c.id, c.announcement, if c.kind == ClauseKind::Destination { "destination" } else { "end_use" },
                c.country, c.end_use.map(|e| e.as_str()), json(&c.families), effect_str(c.effect),
                c.valid_from.to_string(), c.valid_to.map(|d| d.to_string()), c.text],
        )
        .doing(|| format!("saving clause {}", c.id))?;
    }
    for r in &pack.red_flags {
        tx.execute(
            "INSERT INTO rule_red_flags (id, title, title_zh, guidance, sources) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![r.id, r.title, r.title_zh, r.guidance, json(&r.sources)],
        )
        .doing(|| format!("saving red flag {}", r.id))?;
    }
    Ok(())
}

/// One rule item: its row, its HS codes and its full-text entry.
fn insert_item(tx: &Transaction<'_>, pack: &RulePack, i: &Item) -> Result<()> {
    tx.execute(
        "INSERT INTO rule_items (id, family, announcement_id, name_en, name_zh, formulae, keywords, control_code,
           licence_required, criteria, unconfirmed, notes, sources)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![i.id, i.family, i.announcement, i.name_en, i.name_zh, i.formulae.join(" "),
            i.keywords.join(", "), i.control_code, i.licence_required, json(&i.criteria),
            i.unconfirmed.join("; "), i.notes, json(&i.sources)],
    )
    .doing(|| format!("saving item {}", i.id))?;
    for h in &i.hs_codes {
        tx.execute(
            "INSERT OR IGNORE INTO rule_item_hs (item_id, hs_code, note) VALUES (?1, ?2, ?3)",
            params![i.id, h.code, h.note],
        )
        .doing(|| format!("saving HS code {} of {}", h.code, i.id))?;
    }
    let family = pack.families.iter().find(|f| f.id == i.family);
    let body = [
        i.id.as_str(),
        &i.name_en,
        &i.name_zh,
        &i.formulae.join(" "),
        &i.keywords.join(" "),
        &i.generic_keywords.join(" "),
        i.control_code.as_deref().unwrap_or(""),
        &i.hs_codes
            .iter()
            .map(|h| h.code.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        &i.family,
        family.map(|f| f.name_en.as_str()).unwrap_or(""),
        family.map(|f| f.name_zh.as_str()).unwrap_or(""),
    ]
    .join(" ");
    tx.execute(
        "INSERT INTO rules_fts (item_id, body) VALUES (?1, ?2)",
        params![i.id, body],
    )
    .doing(|| format!("indexing item {}", i.id))?;
    Ok(())
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
