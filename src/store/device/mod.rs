//! Devices and their keys: this database's own device (holds the private key seed) and
//! the devices it trusts. A headquarters database trusts field devices (it accepts their
//! bundles); a field database trusts headquarters (it accepts its receipts). The kind of a
//! trusted device follows from that rule, so it is not stored. Every row names its world
//! (`live` or `training`); the local row's is this database's, and a database trusts
//! devices of its own world only: live and training never mix.

use std::ops::Deref;

use rusqlite::{OptionalExtension, params};

use crate::domain::{DbKind, Msg, World};
use crate::store::{Context, Device, Result, Store, StoreError};

mod seal;
pub use seal::SealRecipient;

/// This database's own device with its signing key seed (ed25519, 32 bytes).
#[derive(Clone)]
pub struct LocalKey {
    pub device_id: String,
    pub name: String,
    pub kind: DbKind,
    pub world: World,
    pub public_key: [u8; 32],
    pub seed: [u8; 32],
    /// the X25519 secret bundles are sealed to (headquarters only), kept like `seed`
    pub seal_secret: Option<[u8; 32]>,
}

impl std::fmt::Debug for LocalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalKey")
            .field("device_id", &self.device_id)
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("world", &self.world)
            .field("public_key", &hex::encode(self.public_key))
            .field("sealing", &self.seal_secret.is_some())
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
    pub world: World,
    pub public_key: [u8; 32],
    /// a trusted device's X25519 sealing key, as its key file published it
    pub seal_key: Option<[u8; 32]>,
    pub is_local: bool,
    pub trusted_at: Option<String>,
    pub created_at: String,
}

/// What `trust_device` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustOutcome {
    Added,
    AlreadyTrusted,
    /// a device trusted with the same ed25519 key gained its X25519 sealing key (a
    /// version-1 key, or a key file without one, upgraded)
    Upgraded,
}

/// (id, name, public key, private key seed, world, X25519 secret) of the local device row.
type LocalRow = (
    String,
    String,
    Vec<u8>,
    Option<Vec<u8>>,
    World,
    Option<Vec<u8>>,
);

/// Refuses to replace the key `field` (public_key, seal_key) a device is trusted with.
fn already_trusted_with_another(id: &str, field: &str) -> StoreError {
    StoreError::Said(
        Msg::new("sp-trusted-other-key")
            .arg("field", field)
            .arg("id", id),
    )
}

/// `what`: the key as a message (`sp-key-public`, `sp-key-of-device`...).
fn key32(bytes: Vec<u8>, what: Msg) -> Result<[u8; 32]> {
    bytes
        .try_into()
        .map_err(|_| StoreError::Said(Msg::new("sp-key-not-32").arg("what", what)))
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

    /// The world of this database: its local device's (live before `init`).
    pub fn world(&self) -> Result<World> {
        Ok(self
            .0
            .conn()
            .query_row("SELECT world FROM devices WHERE is_local = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .doing(|| "reading this database's world".into())?
            .unwrap_or_default())
    }

    /// The store's own check at import: a sending device known here is of this database's
    /// world (`trust_device_in` lets no other in; this holds it at the write). Whether it
    /// is trusted at all is the bundle verification's check.
    pub fn check_sender_world(&self, device_id: &str) -> Result<()> {
        let here = self.world()?;
        let theirs: Option<World> = self
            .0
            .conn()
            .query_row(
                "SELECT world FROM devices WHERE id = ?1 AND is_local = 0",
                [device_id],
                |r| r.get(0),
            )
            .optional()
            .doing(|| format!("reading the world of device {device_id}"))?;
        match theirs {
            Some(w) if w == here => Ok(()),
            Some(w) => Err(StoreError::Said(
                Msg::new("sp-device-world")
                    .arg("device", device_id)
                    .arg("world", w.to_string())
                    .arg("here", here.to_string()),
            )),
            _ => Ok(()),
        }
    }

    /// This database's device and signing key seed.
    pub fn local_key(&self) -> Result<LocalKey> {
        let kind = self.db_kind()?;
        let row: Option<LocalRow> = self
            .0
            .conn()
            .query_row(
                "SELECT id, name, public_key, private_key, world, seal_secret FROM devices WHERE is_local = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()
            .doing(|| "reading this device's key".into())?;
        let Some((device_id, name, public_key, seed, world, seal_secret)) = row else {
            return Err(StoreError::NotFound(
                "this database's device (run `minspect init` first)".into(),
            ));
        };
        let seed = seed.ok_or_else(|| StoreError::Said(Msg::new("sp-private-key-missing")))?;
        Ok(LocalKey {
            device_id,
            name,
            kind,
            world,
            public_key: key32(public_key, Msg::new("sp-key-public"))?,
            seed: key32(seed, Msg::new("sp-key-private"))?,
            seal_secret: seal_secret
                .map(|s| key32(s, Msg::new("sp-key-sealing")))
                .transpose()?,
        })
    }

    /// Every device known here: the local one first, then trusted devices by name.
    pub fn devices(&self) -> Result<Vec<DeviceInfo>> {
        let local_kind = self.db_kind()?;
        let world = self.world()?;
        let mut stmt = self
            .0
            .conn()
            .prepare(
                "SELECT id, name, public_key, is_local, trusted_at, created_at, world, seal_key FROM devices
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
                    r.get::<_, World>(6)?,
                    r.get::<_, Option<Vec<u8>>>(7)?,
                ))
            })
            .doing(|| "listing devices".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading devices".into())?;
        rows.into_iter()
            .map(
                |(id, name, pk, is_local, trusted_at, created_at, device_world, seal)| {
                    Ok(DeviceInfo {
                        public_key: key32(pk, Msg::new("sp-key-of-device").arg("id", &id))?,
                        seal_key: seal
                            .map(|k| key32(k, Msg::new("sp-key-sealing-of").arg("id", &id)))
                            .transpose()?,
                        kind: if is_local {
                            local_kind
                        } else {
                            Store::trusted_kind(local_kind, world)
                        },
                        world: device_world,
                        id,
                        name,
                        is_local,
                        trusted_at,
                        created_at,
                    })
                },
            )
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
    /// Trusts a live device's key (every version-1 key file is of the live world): see
    /// [`Self::trust_device_in`].
    pub fn trust_device(
        &mut self,
        id: &str,
        name: &str,
        kind: DbKind,
        public_key: [u8; 32],
    ) -> Result<TrustOutcome> {
        self.trust_device_in(id, name, kind, World::Live, public_key)
    }

    /// Trusts another device's public key. Headquarters trusts field devices (a training
    /// headquarters: training laptops); a field device or a training laptop trusts
    /// headquarters; and only a device of this database's own world. A device id already
    /// trusted with a different key is refused (a key never changes silently).
    pub fn trust_device_in(
        &mut self,
        id: &str,
        name: &str,
        kind: DbKind,
        world: World,
        public_key: [u8; 32],
    ) -> Result<TrustOutcome> {
        self.trust_device_keys(id, name, kind, world, public_key, None)
    }

    /// [`Self::trust_device_in`] with the device's X25519 sealing key when its key file
    /// has one. A device already trusted with the same ed25519 key and no sealing key gains
    /// it (`Upgraded`); a different sealing key is refused like a different ed25519 key.
    pub fn trust_device_keys(
        &mut self,
        id: &str,
        name: &str,
        kind: DbKind,
        world: World,
        public_key: [u8; 32],
        seal_key: Option<[u8; 32]>,
    ) -> Result<TrustOutcome> {
        let clock = self.0.clock;
        let local = self.local_key()?;
        check_trustable(&local, id, name, kind, world)?;
        if let Some(existing) = self.existing_keys(id)? {
            return self.retrust(id, existing, public_key, seal_key);
        }
        let now = clock.now_rfc3339();
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        self.0.write("trusting a device key", |tx| {
            tx.execute(
                "INSERT INTO devices (id, name, public_key, private_key, is_local, trusted_at, created_at, world, seal_key)
                 VALUES (?1, ?2, ?3, NULL, 0, ?4, ?4, ?5, ?6)",
                params![id, name.trim(), public_key.to_vec(), now, world, seal_key.map(|k| k.to_vec())],
            )
            .doing(|| format!("saving device {id}"))?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'trust', 'device', ?3, NULL, ?4)",
                params![now, actor, id, serde_json::json!({
                    "name": name.trim(), "kind": kind.as_str(), "world": world.as_str(),
                    "public_key": hex::encode(public_key),
                    "seal_key": seal_key.map(hex::encode)
                }).to_string()],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok(TrustOutcome::Added)
    }
}

/// What a database is, as a message for refusals: "a live headquarters", "a training laptop".
pub fn place(kind: DbKind, world: World) -> Msg {
    Msg::new(match (kind, world) {
        (DbKind::Hq, World::Live) => "sp-place-live-hq",
        (DbKind::Hq, World::Training) => "sp-place-training-hq",
        (DbKind::Field, World::Live) => "sp-place-live-field",
        (DbKind::Training, _) | (DbKind::Field, World::Training) => "sp-place-training-laptop",
    })
}

/// The refusals of `trust_device_in`, before anything is read or written: the world
/// first (its message says both), then the kind, then the id and name.
fn check_trustable(
    local: &LocalKey,
    id: &str,
    name: &str,
    kind: DbKind,
    world: World,
) -> Result<()> {
    if kind == DbKind::Training && world != World::Training {
        return Err(StoreError::Said(
            Msg::new("sp-training-key-world").arg("world", world.to_string()),
        ));
    }
    if world != local.world {
        return Err(StoreError::Said(
            Msg::new("sp-trust-world")
                .arg("here", place(local.kind, local.world))
                .arg("key", place(kind, world))
                .arg("name", crate::domain::sanitize(name).into_owned()),
        ));
    }
    let wanted = Store::trusted_kind(local.kind, local.world);
    if kind != wanted {
        return Err(StoreError::Said(
            Msg::new("sp-trust-kind")
                .arg("here", place(local.kind, local.world))
                .arg("wanted", wanted.as_str())
                .arg("kind", kind.as_str()),
        ));
    }
    if id == local.device_id {
        return Err(StoreError::Said(Msg::new("sp-own-key")));
    }
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(StoreError::Said(Msg::new("sp-not-device-id").arg("id", id)));
    }
    if name.trim().is_empty() {
        return Err(StoreError::Said(Msg::new("sp-name-empty")));
    }
    Ok(())
}

impl Store {
    /// The kind of a trusted (non-local) device, by the rule above: headquarters trusts
    /// field devices (in the training world: training laptops), the others headquarters.
    fn trusted_kind(local: DbKind, world: World) -> DbKind {
        match (local, world) {
            (DbKind::Hq, World::Live) => DbKind::Field,
            (DbKind::Hq, World::Training) => DbKind::Training,
            _ => DbKind::Hq,
        }
    }
}
