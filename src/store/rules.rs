//! Rule packs in the database: the installed packs and the active one.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Context, Result, Store, StoreError};
use crate::domain::now_utc;
use crate::rules::RulePack;

impl Store {
    /// Installs `raw` (a rule pack in TOML) as the active pack, in one transaction.
    pub fn install_pack(&mut self, raw: &str, source: &str) -> Result<RulePack> {
        let pack: RulePack = toml::from_str(raw)
            .map_err(|e| StoreError::Invalid(format!("{source}: not a valid rule pack: {e}")))?;
        let sha = hex::encode(Sha256::digest(raw.as_bytes()));
        let now = now_utc();
        self.write("installing the rule pack", |tx| {
            tx.execute("UPDATE rule_packs SET is_active = 0 WHERE is_active = 1", [])
                .doing(|| "deactivating the previous pack".into())?;
            tx.execute(
                "INSERT INTO rule_packs (version, published, imported_at, sha256, source, raw_toml, is_active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
                 ON CONFLICT (version) DO UPDATE SET published = excluded.published,
                   imported_at = excluded.imported_at, sha256 = excluded.sha256,
                   source = excluded.source, raw_toml = excluded.raw_toml, is_active = 1",
                params![pack.pack.version, pack.pack.published.to_string(), now, sha, source, raw],
            )
            .doing(|| format!("saving rule pack {}", pack.pack.version))?;
            Ok(())
        })?;
        Ok(pack)
    }

    /// The active rule pack, parsed; None when none is installed.
    pub fn active_pack(&self) -> Result<Option<RulePack>> {
        let raw: Option<String> = self
            .conn()
            .query_row(
                "SELECT raw_toml FROM rule_packs WHERE is_active = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading the active rule pack".into())?;
        raw.map(|raw| {
            toml::from_str(&raw).map_err(|e| {
                StoreError::Invalid(format!("the stored rule pack is unreadable: {e}"))
            })
        })
        .transpose()
    }
}
