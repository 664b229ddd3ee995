//! Building a training file from its setup, the same way every time: the officer, the
//! device and its key, the settings, the embedded rule pack and the scenario shipments,
//! every row stamped with the setup's time. `training reset` builds the same file again.

use std::path::Path;

use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;
use rusqlite::params;
use serde_json::Value;

use super::{META_KEY, TrainingSetup};
use crate::domain::{Clock, DbKind, World};
use crate::store::audit::{Who, audit};
use crate::store::rows::{insert_row, to_row};
use crate::store::{Context, Result, Store, StoreError};

/// Creates the training file at `path` from `setup`; refuses an existing file. On a
/// failure the half-made file is removed.
pub fn create_training_database(path: &Path, setup: &TrainingSetup) -> Result<()> {
    if path.exists() {
        return Err(StoreError::Invalid(format!(
            "{} already exists; refusing to overwrite it",
            path.display()
        )));
    }
    let made = Store::open(path).and_then(|mut store| fill_training_database(&mut store, setup));
    if made.is_err() {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
    made
}

/// Builds the training file into `store`, a new and empty database (a file or in
/// memory): every row is stamped with the setup's time, whatever the store's clock.
pub fn fill_training_database(store: &mut Store, setup: &TrainingSetup) -> Result<()> {
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339(&setup.created_at)
        .map_err(|e| StoreError::Invalid(format!("created_at '{}': {e}", setup.created_at)))?
        .with_timezone(&Utc);
    let clock = store.clock();
    store.set_clock(Clock::recorded(at));
    let built = build(store, setup);
    store.set_clock(clock);
    built
}

fn build(store: &mut Store, setup: &TrainingSetup) -> Result<()> {
    let who = Who {
        officer_id: setup.officer_id.clone(),
        device_id: setup.device_id.clone(),
        clock: store.clock(),
    };
    let json = serde_json::to_string(setup)
        .map_err(|e| StoreError::Invalid(format!("saving the training setup: {e}")))?;
    let key = SigningKey::from_bytes(&setup.key_seed);
    let now = setup.created_at.as_str();
    store.write("creating the training file", |tx| {
        tx.execute(
            "INSERT INTO officers (id, name, badge, role, login, created_at) VALUES (?1, ?2, ?3, 'officer', NULL, ?4)",
            params![setup.officer_id, setup.trainee, setup.badge, now],
        )
        .doing(|| "creating the trainee".into())?;
        tx.execute(
            "INSERT INTO devices (id, name, public_key, private_key, is_local, created_at, world)
             VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)",
            params![setup.device_id, setup.device_name, key.verifying_key().to_bytes().to_vec(), setup.key_seed.to_vec(), now, World::Training],
        )
        .doing(|| "creating the device".into())?;
        for (k, v) in [
            ("kind", DbKind::Training.as_str()),
            ("device_id", setup.device_id.as_str()),
            ("officer_id", setup.officer_id.as_str()),
            ("created_at", now),
            (META_KEY, json.as_str()),
        ] {
            tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![k, v])
                .doing(|| format!("saving setting {k}"))?;
        }
        let init = serde_json::json!({
            "kind": DbKind::Training.as_str(), "device": setup.device_name,
            "officer": setup.trainee, "badge": setup.badge,
            "scenarios": setup.scenarios.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        });
        audit(tx, &who, "init", "database", &setup.device_id, None, Some(&init))
    })?;
    store
        .rules_mut()
        .install_pack(crate::rules::EMBEDDED_PACK, "embedded")?;
    store.write("adding the scenario shipments", |tx| {
        for s in setup.scenarios.iter().flat_map(|sc| &sc.shipments) {
            let new = to_row(&s.declared);
            let mut row = new.clone();
            row.insert("id".into(), s.id.clone().into());
            row.insert("amends".into(), Value::Null);
            row.insert("device_id".into(), setup.device_id.clone().into());
            row.insert("created_by".into(), setup.officer_id.clone().into());
            row.insert("created_at".into(), now.into());
            row.insert("updated_at".into(), now.into());
            insert_row(tx, "shipments", &row, "saving a scenario shipment")?;
            audit(
                tx,
                &who,
                "create",
                "shipment",
                &s.id,
                None,
                Some(&Value::Object(new)),
            )?;
        }
        Ok(())
    })
}
