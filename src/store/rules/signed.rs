//! Signed rule packs: how the active pack came (local, signed by a headquarters, or
//! installed unsigned), the packs headquarters published (the pack file's exact bytes, for
//! receipts), and the install of a verified pack inside a caller's transaction, so that
//! `sync ack` installs a receipt's pack atomically with the acknowledgement.

use std::cmp::Ordering;
use std::ops::Deref;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use super::{compare_versions, rebuild_tables};
use crate::rules::RulePack;
use crate::store::{Context, Result, Rules, Store, StoreError};

/// How the installed pack came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PackTrust {
    /// Installed by the program itself: the embedded pack, a training file, headquarters'
    /// own `rules import`.
    #[default]
    Local,
    /// A published pack whose headquarters signature was verified.
    Signed,
    /// A plain TOML pack installed with `--unsigned`.
    Unsigned,
}

impl PackTrust {
    pub fn as_str(self) -> &'static str {
        match self {
            PackTrust::Local => "local",
            PackTrust::Signed => "signed",
            PackTrust::Unsigned => "unsigned",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "signed" => PackTrust::Signed,
            "unsigned" => PackTrust::Unsigned,
            _ => PackTrust::Local,
        }
    }
}

/// The active pack as the status bar and the Sync tab show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackStatus {
    pub version: String,
    pub published: Option<NaiveDate>,
    pub trust: PackTrust,
    /// the headquarters device that signed it (signed packs)
    pub signed_by: Option<String>,
    /// that device's name, when it is known here
    pub signer_name: Option<String>,
}

/// A pack to install (already validated; a signed one already verified).
#[derive(Debug, Clone)]
pub struct PackInstall {
    pub raw: String,
    pub source: String,
    pub trust: PackTrust,
    pub signed_by: Option<String>,
    /// Install even when older (an unsigned pack with --force only).
    pub force: bool,
    /// A pack not newer than the installed one is refused (a pack file) or left out
    /// (a receipt's pack: the laptop already has it or a newer one).
    pub skip_not_newer: bool,
}

/// Installs `p` inside `tx`: refuses (or skips) a pack not newer than the active one,
/// makes it active, rebuilds the rule tables and writes the audit row. Returns whether it
/// was installed.
pub(crate) fn install_in(
    tx: &Transaction<'_>,
    now: &str,
    actor: &str,
    p: &PackInstall,
) -> Result<bool> {
    let pack =
        RulePack::parse(&p.raw, &p.source).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let sha = hex::encode(Sha256::digest(p.raw.as_bytes()));
    let active = super::active_version(tx)?;
    let new_version = pack.pack.version.clone();
    if let Some((version, published, old_sha)) = &active {
        let order = compare_versions(&new_version, version)
            .then_with(|| pack.pack.published.to_string().cmp(published));
        let not_newer = order != Ordering::Greater && !(p.force && order == Ordering::Less);
        if not_newer && p.skip_not_newer {
            return Ok(false);
        }
        if order == Ordering::Equal && *old_sha == sha {
            return Err(StoreError::Invalid(format!(
                "{}: rule pack {new_version} is already installed; nothing changed",
                p.source
            )));
        }
        if not_newer {
            let (what, then) = match (order, p.trust) {
                (Ordering::Less, PackTrust::Unsigned) => {
                    ("older than", "use --force to install it anyway")
                }
                (Ordering::Less, _) => ("older than", "the installed pack is kept"),
                _ => ("the same version as", "give the new pack a new version"),
            };
            return Err(StoreError::Invalid(format!(
                "{}: rule pack {new_version} (published {}) is {what} the installed {version} (published {published}); {then}",
                p.source, pack.pack.published
            )));
        }
    }
    tx.execute(
        "DELETE FROM rule_packs WHERE version = ?1 AND is_active = 0",
        [&new_version],
    )
    .doing(|| "replacing an older copy of the pack".into())?;
    tx.execute(
        "UPDATE rule_packs SET is_active = 0 WHERE is_active = 1",
        [],
    )
    .doing(|| "deactivating the previous pack".into())?;
    tx.execute(
        "INSERT INTO rule_packs (version, published, imported_at, sha256, source, raw_toml, is_active, trust, signed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8)",
        params![new_version, pack.pack.published.to_string(), now, sha, p.source, p.raw,
            p.trust.as_str(), p.signed_by],
    )
    .doing(|| format!("saving rule pack {new_version}"))?;
    rebuild_tables(tx, &pack)?;
    tx.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
         VALUES (?1, ?2, 'install', 'rule_pack', ?3, ?4, ?5)",
        params![
            now,
            actor,
            new_version,
            active.map(|a| serde_json::json!({ "version": a.0 }).to_string()),
            serde_json::json!({ "version": new_version, "source": p.source, "sha256": sha,
                "forced": p.force, "trust": p.trust.as_str(), "signed_by": p.signed_by })
            .to_string()
        ],
    )
    .doing(|| "writing the audit row".into())?;
    Ok(true)
}

/// A pack headquarters published: its version and the pack file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedPack {
    pub version: String,
    pub file: Vec<u8>,
}

impl<S: Deref<Target = Store>> Rules<S> {
    /// The active pack's version, publication date and how it came.
    pub fn pack_status(&self) -> Result<Option<PackStatus>> {
        let row: Option<(String, String, String, Option<String>, String)> = self
            .0
            .conn()
            .query_row(
                "SELECT version, published, trust, signed_by, sha256 FROM rule_packs WHERE is_active = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .doing(|| "reading the active pack's status".into())?;
        let Some((version, published, trust, signed_by, sha)) = row else {
            return Ok(None);
        };
        // headquarters: the pack it screens with is signed when it published those bytes
        let published_here: bool = self
            .0
            .conn()
            .query_row(
                "SELECT count(*) FROM published_packs WHERE version = ?1 AND sha256 = ?2",
                params![version, sha],
                |r| r.get::<_, i64>(0),
            )
            .doing(|| "reading the published packs".into())?
            > 0;
        let trust = match published_here {
            true => PackTrust::Signed,
            false => PackTrust::parse(&trust),
        };
        let signed_by = match (published_here, signed_by) {
            (true, None) => self.0.db().meta("device_id")?,
            (_, s) => s,
        };
        let signer_name = match &signed_by {
            Some(id) => self
                .0
                .conn()
                .query_row("SELECT name FROM devices WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .doing(|| "reading the signer's name".into())?,
            None => None,
        };
        Ok(Some(PackStatus {
            published: published.parse().ok(),
            version,
            trust,
            signed_by,
            signer_name,
        }))
    }

    /// Headquarters: the newest pack it published.
    pub fn newest_published(&self) -> Result<Option<PublishedPack>> {
        let mut rows: Vec<PublishedPack> = self
            .0
            .conn()
            .prepare("SELECT version, file FROM published_packs")
            .doing(|| "reading the published packs".into())?
            .query_map([], |r| {
                Ok(PublishedPack {
                    version: r.get(0)?,
                    file: r.get(1)?,
                })
            })
            .doing(|| "reading the published packs".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the published packs".into())?;
        rows.sort_by(|a, b| compare_versions(&a.version, &b.version));
        Ok(rows.pop())
    }
}

/// What `publish_pack` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOutcome {
    /// the same pack was published before (its file is written again)
    pub again: bool,
    /// it became headquarters' active pack now
    pub installed: bool,
}

impl Rules<&mut Store> {
    /// Installs a validated (and, when signed, verified) pack in one transaction.
    pub fn install_checked(&mut self, p: &PackInstall) -> Result<bool> {
        let now = self.0.clock.now_rfc3339();
        let actor = self
            .0
            .db()
            .meta("officer_id")?
            .unwrap_or_else(|| "system".into());
        self.0.write("installing the rule pack", |tx| {
            install_in(tx, &now, &actor, p)
        })
    }

    /// Headquarters: records `file` (the signed pack file of `raw`) as published and makes
    /// `raw` the active pack unless it already is, in one transaction. Refuses a pack not
    /// newer than the newest published one (the same pack again is allowed: `again`).
    pub fn publish_pack(&mut self, raw: &str, source: &str, file: &[u8]) -> Result<PublishOutcome> {
        let pack = RulePack::parse(raw, source).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let sha = hex::encode(Sha256::digest(raw.as_bytes()));
        let version = pack.pack.version.clone();
        let same: Option<String> = self
            .0
            .conn()
            .query_row(
                "SELECT sha256 FROM published_packs WHERE version = ?1",
                [&version],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading the published packs".into())?;
        match &same {
            Some(s) if *s == sha => {}
            Some(_) => {
                return Err(StoreError::Invalid(format!(
                    "{source}: rule pack {version} was published before with different content; give the new pack a new version"
                )));
            }
            None => {
                if let Some(newest) = self.newest_published()?
                    && compare_versions(&version, &newest.version) != Ordering::Greater
                {
                    return Err(StoreError::Invalid(format!(
                        "{source}: rule pack {version} is older than the published {}; publish a newer version",
                        newest.version
                    )));
                }
            }
        }
        let again = same.is_some();
        let active_sha: Option<String> = self
            .0
            .conn()
            .query_row(
                "SELECT sha256 FROM rule_packs WHERE is_active = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading the active rule pack".into())?;
        let install = (active_sha.as_deref() != Some(sha.as_str())).then(|| PackInstall {
            raw: raw.to_string(),
            source: source.to_string(),
            trust: PackTrust::Local,
            signed_by: None,
            force: false,
            skip_not_newer: false,
        });
        let now = self.0.clock.now_rfc3339();
        let actor = self
            .0
            .db()
            .meta("officer_id")?
            .unwrap_or_else(|| "system".into());
        let published = pack.pack.published.to_string();
        self.0.write("publishing the rule pack", |tx| {
            let installed = match &install {
                Some(p) => install_in(tx, &now, &actor, p)?,
                None => false,
            };
            tx.execute(
                "INSERT OR IGNORE INTO published_packs (version, published, published_at, sha256, file)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![version, published, now, sha, file],
            )
            .doing(|| format!("recording the publication of {version}"))?;
            if !again {
                tx.execute(
                    "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                     VALUES (?1, ?2, 'publish', 'rule_pack', ?3, NULL, ?4)",
                    params![now, actor, version, serde_json::json!({ "version": version, "sha256": sha }).to_string()],
                )
                .doing(|| "writing the audit row".into())?;
            }
            Ok(PublishOutcome { again, installed })
        })
    }
}
