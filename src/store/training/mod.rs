//! Training databases: what a trainee's file is made of (the scenario shipments as
//! pending declarations, what inspecting them would find, the scenario ids and the hash
//! of their answer keys, never the keys), building one exactly (so that a reset gives
//! the same file), the `opened` audit row, what the trainee did with each shipment, and
//! an ordered dump for comparing two files.

mod attempt;
mod build;
mod dump;

pub use attempt::Attempt;
pub use build::{create_training_database, fill_training_database};

use std::ops::Deref;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::domain::{Measurement, Shipment};
use crate::store::audit::{audit, who};
use crate::store::{Context, Result, Store, StoreError};

/// The meta key holding the [`TrainingSetup`] (JSON).
pub(crate) const META_KEY: &str = "training";

/// Reads and writes of a training database.
pub struct Training<S>(pub(crate) S);

impl Store {
    pub fn training(&self) -> Training<&Store> {
        Training(self)
    }

    pub fn training_mut(&mut self) -> Training<&mut Store> {
        Training(self)
    }
}

/// Everything a trainee's file is built from (stored in `meta`, except the device's key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingSetup {
    pub trainee: String,
    pub badge: String,
    pub device_name: String,
    pub device_id: String,
    pub officer_id: String,
    /// RFC 3339: every row of the starting state carries this time.
    pub created_at: String,
    /// Whether the console shows the debrief after finalizing.
    pub debrief: bool,
    pub scenarios: Vec<TrainingScenario>,
    /// The device's ed25519 seed (kept in the devices table, not in meta).
    #[serde(skip)]
    pub key_seed: [u8; 32],
}

/// One scenario as the trainee's file knows it: no answer key, only its hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingScenario {
    pub id: String,
    pub title: String,
    pub teaches: String,
    pub briefing: String,
    /// The training world's date (YYYY-MM-DD), when the scenario gives one.
    pub date: Option<String>,
    /// SHA-256 (hex) of the scenario's answer key.
    pub key_sha256: String,
    pub shipments: Vec<TrainingShipment>,
}

/// A scenario shipment: its row id, the declaration, and what inspecting it finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingShipment {
    pub id: String,
    pub reference: String,
    pub declared: Shipment,
    pub readings: Vec<TrainingReading>,
    pub documents: Vec<Paper>,
    pub seals: Vec<SealFound>,
}

/// A reading an instrument gives when the trainee takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingReading {
    pub label: String,
    pub measurement: Measurement,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paper {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealFound {
    pub number: String,
    pub state: String,
}

impl TrainingSetup {
    /// The scenario and shipment of the row `shipment_id`.
    pub fn shipment(&self, shipment_id: &str) -> Option<(&TrainingScenario, &TrainingShipment)> {
        self.scenarios.iter().find_map(|sc| {
            sc.shipments
                .iter()
                .find(|s| s.id == shipment_id)
                .map(|s| (sc, s))
        })
    }
}

impl<S: Deref<Target = Store>> Training<S> {
    /// The setup of a training file; None for any other database.
    pub fn setup(&self) -> Result<Option<TrainingSetup>> {
        let Some(json) = self.0.db().meta(META_KEY)? else {
            return Ok(None);
        };
        let mut setup: TrainingSetup = serde_json::from_str(&json).map_err(|e| {
            StoreError::Invalid(format!("the training setup of this file is damaged: {e}"))
        })?;
        let seed: Option<Vec<u8>> = self
            .0
            .conn()
            .query_row(
                "SELECT private_key FROM devices WHERE is_local = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading the device key".into())?
            .flatten();
        if let Some(seed) = seed.and_then(|s| <[u8; 32]>::try_from(s).ok()) {
            setup.key_seed = seed;
        }
        Ok(Some(setup))
    }

    /// When the trainee first opened the shipment (the `opened` audit row).
    pub fn opened_at(&self, shipment_id: &str) -> Result<Option<String>> {
        self.0
            .conn()
            .query_row(
                "SELECT min(at) FROM audit WHERE entity = 'shipment' AND entity_id = ?1 AND action = 'opened'",
                [shipment_id],
                |r| r.get(0),
            )
            .doing(|| "reading when the shipment was opened".into())
    }
}

impl Training<&mut Store> {
    /// Writes the `opened` audit row the first time a training shipment is opened;
    /// false when this is not a training shipment or it was opened before.
    pub fn mark_opened(&mut self, shipment_id: &str) -> Result<bool> {
        let known = self
            .setup()?
            .is_some_and(|s| s.shipment(shipment_id).is_some());
        if !known || self.opened_at(shipment_id)?.is_some() {
            return Ok(false);
        }
        let clock = self.0.clock;
        self.0.write("noting the shipment opened", |tx| {
            let who = who(tx, clock)?;
            audit(tx, &who, "opened", "shipment", shipment_id, None, None)?;
            Ok(true)
        })
    }
}
