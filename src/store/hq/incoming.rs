//! What the bundle import receives (a verified bundle, record by record) and what it reports.

use crate::store::chain::outbox::OfficerRow;

/// A record of a verified bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingBundleRecord {
    pub seq: i64,
    pub kind: String,
    pub record_id: String,
    pub created_at: String,
    pub prev_hash: String,
    pub hash: String,
    pub payload: String,
}

/// The bundle-level facts of a verified bundle; its records arrive one at a time.
#[derive(Debug, Clone)]
pub struct IncomingBundle {
    pub bundle_id: String,
    pub path: String,
    pub device_id: String,
    pub officers: Vec<OfficerRow>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleImported {
    pub device_id: String,
    pub seq_from: i64,
    pub seq_to: i64,
    pub new_records: u64,
    pub already_held: u64,
    /// what headquarters holds for the device after the import
    pub held_seq: i64,
    pub held_hash: String,
}
