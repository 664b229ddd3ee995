//! Devices and their keys: this database's own device (holds the private key seed) and
//! the devices it trusts. A headquarters database trusts field devices (it accepts their
//! bundles); a field database trusts headquarters (it accepts its receipts). The kind of a
//! trusted device follows from that rule, so it is not stored.

use std::ops::Deref;

use rusqlite::{OptionalExtension, params};

use crate::domain::DbKind;
use crate::store::{Context, Device, Result, Store, StoreError};

/// This database's own device with its signing key seed (ed25519, 32 bytes).
#[derive(Clone)]
pub struct LocalKey {
    pub device_id: String,
    pub name: String,
    pub kind: DbKind,
    pub public_key: [u8; 32],
    pub seed: [u8; 32],
}

impl std::fmt::Debug for LocalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalKey")
            .field("device_id", &self.device_id)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("public_key", &hex::encode(self.public_key))
            .finish_non_exhaustive()
    }
}

/// A device known to this database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceInfo {
    pub id: String,
    pub name: String,
    /// field / hq / training (for trusted devices: inferred from this database's kind)
    pub kind: DbKind,
    pub public_key: [u8; 32],
    pub is_local: bool,
    pub trusted_at: Option<String>,
    pub created_at: String,
}

/// What `trust_device` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustOutcome {
    Added,
    AlreadyTrusted,
}

/// (id, name, public key, private key seed) of the local device row.
type LocalRow = (String, String, Vec<u8>, Option<Vec<u8>>);

fn key32(bytes: Vec<u8>, what: &str) -> Result<[u8; 32]> {
    bytes
        .try_into()
        .map_err(|_| StoreError::Invalid(format!("{what} is not 32 bytes long")))
}

impl<S: Deref<Target = Store>> Device<S> {
    /// The kind of this database (field when unset).
    pub fn db_kind(&self) -> Result<DbKind> {
        Ok(self
            .0
            .db()
            .meta("kind")?
            .and_then(|k| DbKind::parse(&k))
            .unwrap_or(DbKind::Field))
    }

    /// This database's device and signing key seed.
    pub fn local_key(&self) -> Result<LocalKey> {
        let kind = self.db_kind()?;
        let row: Option<LocalRow> = self
            .0
            .conn()
            .query_row(
                "SELECT id, name, public_key, private_key FROM devices WHERE is_local = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .doing(|| "reading this device's key".into())?;
        let Some((device_id, name, public_key, seed)) = row else {
            return Err(StoreError::NotFound(
                "this database's device (run `minspect init` first)".into(),
            ));
        };
        let seed = seed.ok_or_else(|| {
            StoreError::Invalid("this device's private key is missing from the database".into())
        })?;
        Ok(LocalKey {
            device_id,
            name,
            kind,
            public_key: key32(public_key, "this device's public key")?,
            seed: key32(seed, "this device's private key")?,
        })
    }

    /// Every device known here: the local one first, then trusted devices by name.
    pub fn devices(&self) -> Result<Vec<DeviceInfo>> {
        let local_kind = self.db_kind()?;
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT id, name, public_key, is_local, trusted_at, created_at FROM devices
                 ORDER BY is_local DESC, name, id",
            )
            .doing(|| "listing devices".into())?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                    r.get::<_, i64>(3)? == 1,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })
            .doing(|| "listing devices".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading devices".into())?;
        rows.into_iter()
            .map(|(id, name, pk, is_local, trusted_at, created_at)| {
                Ok(DeviceInfo {
                    public_key: key32(pk, &format!("public key of device {id}"))?,
                    kind: if is_local {
                        local_kind
                    } else {
                        Store::trusted_kind(local_kind)
                    },
                    id,
                    name,
                    is_local,
                    trusted_at,
                    created_at,
                })
            })
            .collect()
    }

    /// A trusted (non-local) device by id.
    pub fn trusted_device(&self, id: &str) -> Result<Option<DeviceInfo>> {
        Ok(self
            .devices()?
            .into_iter()
            .find(|d| d.id == id && !d.is_local && d.trusted_at.is_some()))
    }
}

impl Device<&mut Store> {
    /// Trusts another device's public key. Headquarters trusts field devices; a field
    /// device trusts headquarters; a training database trusts nobody. A device id already
    /// trusted with a different key is refused (a key never changes silently).
    pub fn trust_device(
        &mut self,
        id: &str,
        name: &str,
        kind: DbKind,
        public_key: [u8; 32],
    ) -> Result<TrustOutcome> {
        let clock = self.0.clock;
        let local = self.local_key()?;
        if local.kind == DbKind::Training {
            return Err(StoreError::Invalid(
                "this is a training database; it does not sync and trusts no device".into(),
            ));
        }
        let wanted = Store::trusted_kind(local.kind);
        if kind != wanted {
            return Err(StoreError::Invalid(format!(
                "kind: a {} database trusts {} keys only; this key file is for a {} device",
                local.kind.as_str(),
                wanted.as_str(),
                kind.as_str()
            )));
        }
        if id == local.device_id {
            return Err(StoreError::Invalid(
                "device_id: this is this database's own key".into(),
            ));
        }
        if uuid::Uuid::parse_str(id).is_err() {
            return Err(StoreError::Invalid(format!(
                "device_id: '{id}' is not a device id"
            )));
        }
        if name.trim().is_empty() {
            return Err(StoreError::Invalid("name: must not be empty".into()));
        }
        let existing: Option<Vec<u8>> = self
            .0
            .conn()
            .query_row("SELECT public_key FROM devices WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .doing(|| format!("looking up device {id}"))?;
        if let Some(pk) = existing {
            return if pk == public_key {
                Ok(TrustOutcome::AlreadyTrusted)
            } else {
                Err(StoreError::Invalid(format!(
                    "public_key: device {id} is already trusted with a different key; refusing to replace it"
                )))
            };
        }
        let now = clock.now_rfc3339();
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        self.0.write("trusting a device key", |tx| {
            tx.execute(
                "INSERT INTO devices (id, name, public_key, private_key, is_local, trusted_at, created_at)
                 VALUES (?1, ?2, ?3, NULL, 0, ?4, ?4)",
                params![id, name.trim(), public_key.to_vec(), now],
            )
            .doing(|| format!("saving device {id}"))?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'trust', 'device', ?3, NULL, ?4)",
                params![now, actor, id, serde_json::json!({
                    "name": name.trim(), "kind": kind.as_str(), "public_key": hex::encode(public_key)
                }).to_string()],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok(TrustOutcome::Added)
    }
}

impl Store {
    /// The trusted kind of a non-local device, by the rule above.
    fn trusted_kind(local: DbKind) -> DbKind {
        match local {
            DbKind::Hq => DbKind::Field,
            _ => DbKind::Hq,
        }
    }
}
