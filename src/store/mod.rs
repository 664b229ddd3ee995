//! The only module that names rusqlite. One `Store` per open database file.
//! Every error says what the store was doing.

mod audit;
pub mod chain;
mod db;
mod device;
mod handles;
mod hq;
#[doc(hidden)]
pub mod parts;
pub mod query;
pub mod record;
mod rows;
mod rules;
mod sql;
pub mod training;

pub use query::shipments;
pub use record::bulk;

pub use audit::AuditEntry;
pub use chain::marks::DeliveryState;
pub use chain::verify::{BrokenLink, ChainReport, DeviceChain};
pub use db::cipher::{
    KdfParams, Passphrase, derive as derive_key, forget_keys, kdf_path, passphrase, use_passphrase,
};
pub use db::encrypt::Encrypt;
pub use db::keyed::NewFile;
pub use db::migrate::{SCHEMA_VERSION, schema_version_of};
pub use db::modes::{group_id, write_new as write_private_file};
pub use db::setup::{Identity, InitOptions, setup_new_database, setup_new_database_in};
pub use handles::{Chain, Db, Device, Hq, Query, Records, Rules};
pub use record::RecordState;
pub use record::attachments::{Attachment, ContentSink, ExportAttachment};
pub use record::custody::CustodyAppended;
pub use record::draft::DraftSummary;
pub use record::finalize::Finalized;
pub use record::record_import::RecordImported;
pub use rules::{
    Installed, PackInstall, PackRecord, PackStatus, PackTrust, PublishOutcome, PublishedPack,
    compare_versions,
};
// sync (issue 5)
pub use chain::outbox::{
    DeviceHead, ExportedBatch, OfficerRow, OutboxRow, OutboxSummary, StateCounts, SyncLogEntry,
    SyncStatus,
};
pub use device::{DeviceInfo, LocalKey, SealRecipient, TrustOutcome};
pub use hq::decide::DecisionMode;
pub use hq::incoming::{BundleImported, IncomingBundle, IncomingBundleRecord};
pub use hq::officers::{NewOfficer, Officer, check_login};
pub use hq::os_login::os_login;
pub use hq::queue;
pub use hq::reviews::{AckInput, AckOutcome, Decision, ReceiptContent, Review};
pub use hq::stats;
// training (issue 13)
pub use training::{
    Attempt, Paper, SealFound, Training, TrainingReading, TrainingScenario, TrainingSetup,
    TrainingShipment, create_training_database, fill_training_database,
};

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

use crate::domain::Clock;

/// A store error: what we were doing, and why it failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{doing}: {source}")]
    Sqlite {
        doing: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, newer than this minspect understands ({supported}); use a newer minspect"
    )]
    TooNew {
        path: String,
        found: i64,
        supported: i64,
    },
    #[error(
        "database {path} has schema version {found}; this minspect uses version {current}: open it once without --read-only to upgrade it (nothing is lost)"
    )]
    NeedsUpgrade {
        path: String,
        found: i64,
        current: i64,
    },
    #[error("{0}")]
    Invalid(String),
    /// Refused, said as a message id with its arguments (worded by `crate::i18n::msg`;
    /// shown plain, `Msg::plain`, where nobody words it).
    #[error("{}", .0.plain())]
    Said(crate::domain::Msg),
    #[error("the database is open read-only; {0} is not allowed")]
    ReadOnly(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error(
        "disk full: {doing} failed because the disk is full; nothing was saved: free some space and try again"
    )]
    DiskFull { doing: String },
    /// An encrypted file and no passphrase or key file given (the path).
    #[error("{0} is encrypted: give MINSPECT_PASSPHRASE or --key-file")]
    Locked(String),
    /// The passphrase does not open the file (the path).
    #[error("wrong passphrase for {0}")]
    WrongPassphrase(String),
    /// A passphrase change asked of a plain file (the path).
    #[error("{0} is not encrypted")]
    NotEncrypted(String),
    /// A new file asked for where one exists (the path).
    #[error("{0} exists")]
    Exists(String),
    /// Key derivation or a key or sidecar file failed (what and why).
    #[error("encryption: {0}")]
    Cipher(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// The refusal as a message id, when it is said as one (`Said`).
    pub fn said(&self) -> Option<&crate::domain::Msg> {
        match self {
            StoreError::Said(m) => Some(m),
            _ => None,
        }
    }
}

/// Adds "what we were doing" to a rusqlite error.
pub trait Context<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn doing(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite {
            doing: what(),
            source,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    ReadWrite,
    ReadOnly,
}

/// An open minspect database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    mode: Mode,
    /// where "now" comes from for every row this store writes
    pub(crate) clock: Clock,
}

impl Store {
    /// Sets the clock the store reads "now" from (tests set a fixed one).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The clock the store reads "now" from.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Refuses a write on a read-only store with a clear message.
    pub(crate) fn ensure_writable(&self, what: &str) -> Result<()> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly(what.to_string()))
        } else {
            Ok(())
        }
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction; commits on Ok, rolls back on Err.
    pub(crate) fn write<T>(
        &mut self,
        what: &str,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.ensure_writable(what)?;
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .doing(|| format!("starting a transaction for {what}"))?;
            let out = f(&tx)?;
            tx.commit().doing(|| format!("committing {what}"))?;
            Ok(out)
        })();
        result.map_err(|e| db::disk_full::classify(&self.conn, e))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
