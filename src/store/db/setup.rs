//! Creating a database (`minspect init`, first run) and reading who and what it is.

use std::ops::Deref;

use ed25519_dalek::SigningKey;
use rusqlite::{OptionalExtension, params};

use crate::domain::{DbKind, Role, World, new_id};
use crate::store::{Context, Db, Result, Store, StoreError};

/// What `init` needs to know.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub officer_name: String,
    pub badge: String,
    pub device_name: String,
    pub kind: DbKind,
    pub role: Role,
}

/// Who this database belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Identity {
    pub kind: DbKind,
    pub device_id: String,
    pub device_name: String,
    pub officer_id: String,
    pub officer_name: String,
    pub badge: String,
    pub role: Role,
}

impl<S: Deref<Target = Store>> Db<S> {
    /// True once `init` has run on this database.
    pub fn is_initialized(&self) -> Result<bool> {
        Ok(self.meta("device_id")?.is_some())
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.0
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .doing(|| format!("reading setting {key}"))
    }

    /// After `init --hq`: a warning when the creating officer could not be mapped to a
    /// login (this process's uid has no login name), saying how to map it later; None
    /// when it is mapped or this is not a headquarters database.
    pub fn unmapped_hq_warning(&self) -> Result<Option<String>> {
        let Some(id) = self.identity()?.filter(|i| i.kind == DbKind::Hq) else {
            return Ok(None);
        };
        let login: Option<String> = self
            .0
            .conn()
            .query_row(
                "SELECT login FROM officers WHERE id = ?1",
                [&id.officer_id],
                |r| r.get(0),
            )
            .doing(|| "reading the officer".into())?;
        if login.is_some() {
            return Ok(None);
        }
        let badge = crate::domain::sanitize(&id.badge);
        Ok(Some(format!(
            "warning: this process's user (uid {}) has no login name, so {} (badge {badge}) was not mapped to a login and nobody can review yet; the owner of {} maps it later with `minspect officer map --badge {badge} --login LOGIN`",
            crate::store::hq::os_login::os_uid(),
            crate::domain::sanitize(&id.officer_name),
            self.0.path_display()
        )))
    }

    /// Who this database belongs to; None before `init`.
    pub fn identity(&self) -> Result<Option<Identity>> {
        let Some(device_id) = self.meta("device_id")? else {
            return Ok(None);
        };
        let officer_id = self.meta("officer_id")?.unwrap_or_default();
        let kind = self
            .meta("kind")?
            .and_then(|k| DbKind::parse(&k))
            .unwrap_or(DbKind::Field);
        let device_name: String = self
            .0
            .conn()
            .query_row(
                "SELECT name FROM devices WHERE id = ?1",
                [&device_id],
                |r| r.get(0),
            )
            .doing(|| "reading the device".into())?;
        let (officer_name, badge, role): (String, String, String) = self
            .0
            .conn()
            .query_row(
                "SELECT name, badge, role FROM officers WHERE id = ?1",
                [&officer_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .doing(|| "reading the officer".into())?;
        Ok(Some(Identity {
            kind,
            device_id,
            device_name,
            officer_id,
            officer_name,
            badge,
            role: Role::parse(&role).unwrap_or_default(),
        }))
    }
}

impl Db<&mut Store> {
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.0.write(&format!("saving setting {key}"), |tx| {
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .doing(|| format!("saving setting {key}"))?;
            Ok(())
        })
    }

    /// Creates this database's officer and device (with a fresh ed25519 key pair), in the
    /// world of its kind (`World::of_kind`). Refuses a database that is already initialized.
    pub fn initialize(&mut self, opts: &InitOptions) -> Result<Identity> {
        self.initialize_in(opts, World::of_kind(opts.kind))
    }

    /// [`Self::initialize`] in `world` (a training headquarters: kind hq, world training).
    pub fn initialize_in(&mut self, opts: &InitOptions, world: World) -> Result<Identity> {
        let clock = self.0.clock;
        for (field, value) in [
            ("officer name", &opts.officer_name),
            ("badge number", &opts.badge),
            ("device name", &opts.device_name),
        ] {
            if value.trim().is_empty() {
                return Err(StoreError::Invalid(format!("{field} must not be empty")));
            }
        }
        if self.is_initialized()? {
            return Err(StoreError::Invalid(format!(
                "database {} is already initialized; refusing to overwrite it",
                self.0.path_display()
            )));
        }
        // the ed25519 seed, then (headquarters) the X25519 secret laptops seal their
        // bundles to, kept like the seed: one draw
        let mut drawn = [0u8; 64];
        getrandom::fill(&mut drawn)
            .map_err(|e| StoreError::Invalid(format!("no randomness for the device key: {e}")))?;
        let mut seed = [0u8; 32];
        seed.copy_from_slice(&drawn[..32]);
        let key = SigningKey::from_bytes(&seed);
        let seal = &drawn[32..];
        let seal = (opts.kind == DbKind::Hq).then_some(seal.to_vec());
        let identity = Identity {
            kind: opts.kind,
            device_id: new_id(),
            device_name: opts.device_name.trim().to_string(),
            officer_id: new_id(),
            officer_name: opts.officer_name.trim().to_string(),
            badge: opts.badge.trim().to_string(),
            role: opts.role,
        };
        let now = clock.now_rfc3339();
        // headquarters: the creating officer acts under the login that created the file
        let login = (opts.kind == DbKind::Hq)
            .then(crate::store::hq::os_login::os_login)
            .flatten();
        self.0.write("initializing the database", |tx| {
            tx.execute(
                "INSERT INTO officers (id, name, badge, role, login, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![identity.officer_id, identity.officer_name, identity.badge, identity.role.as_str(), login, now],
            )
            .doing(|| "creating the officer".into())?;
            tx.execute(
                "INSERT INTO devices (id, name, public_key, private_key, is_local, created_at, world, seal_secret)
                 VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)",
                params![identity.device_id, identity.device_name, key.verifying_key().to_bytes().to_vec(), seed.to_vec(), now, world, seal],
            )
            .doing(|| "creating the device".into())?;
            for (k, v) in [
                ("kind", identity.kind.as_str()),
                ("device_id", identity.device_id.as_str()),
                ("officer_id", identity.officer_id.as_str()),
                ("created_at", now.as_str()),
            ] {
                tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![k, v])
                    .doing(|| format!("saving setting {k}"))?;
            }
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'init', 'database', ?3, NULL, ?4)",
                params![now, identity.officer_id, identity.device_id,
                    crate::store::hq::os_login::with_os_account(serde_json::json!({"kind": identity.kind.as_str(), "device": identity.device_name, "officer": identity.officer_name, "badge": identity.badge, "login": login}))],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })?;
        Ok(identity)
    }
}

/// Everything a new database gets: its identity, then the embedded rule pack.
pub fn setup_new_database(store: &mut Store, opts: &InitOptions) -> Result<Identity> {
    setup_new_database_in(store, opts, World::of_kind(opts.kind))
}

/// [`setup_new_database`] in `world`.
pub fn setup_new_database_in(
    store: &mut Store,
    opts: &InitOptions,
    world: World,
) -> Result<Identity> {
    let identity = store.db_mut().initialize_in(opts, world)?;
    store
        .rules_mut()
        .install_pack(crate::rules::EMBEDDED_PACK, "embedded")?;
    Ok(identity)
}
