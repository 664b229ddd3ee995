//! Bundles and receipts: export, idempotent import, signing (DESIGN.md §5).
//!
//! Formats are documented in `bundle.rs`, `receipt.rs` and `keys.rs`, and in README.md.

mod attachments;
pub mod bundle;
pub mod bundle_import;
pub mod export;
pub(crate) mod fsio;
pub mod keys;
pub mod pack_file;
pub mod receipt;
mod records;
mod scan;
pub mod seal;
mod sealed_attachments;
#[cfg(test)]
mod stream_tests;
mod verify;

pub use bundle::ManifestAttachment;
#[doc(hidden)]
pub use bundle_import::import_bundle_with_test_hook;
pub use bundle_import::{BundleImportReport, import_bundle, verify_file};
pub use export::{ExportOutcome, ExportReport, export_bundle};
pub use keys::{KeyFile, export_key, trust_key_file};
pub use receipt::{AckReport, Receipt, ack_receipt};
pub use records::VerifiedRecords;
pub use verify::{VerifiedBundle, peek_device, verify, verify_with};

use crate::store::StoreError;

/// A sync failure: a refused input (exit 2 in the CLI), the store, or the file system.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Refused(String),
    /// Refused, said as a message id with its arguments (worded at the edge by
    /// `crate::i18n::sync_error`; shown plain, `Msg::plain`, where nobody words it).
    #[error("{}", .0.plain())]
    Said(crate::domain::Msg),
    /// Done, but not all of it: the records were imported, the receipt not written
    /// (DESIGN section 7: exit 3).
    #[error("{0}")]
    Incomplete(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{doing}: {source}")]
    Io {
        doing: String,
        #[source]
        source: std::io::Error,
    },
}

impl SyncError {
    /// The refusal as a message id, when it is said as one (here or in the store).
    pub fn said(&self) -> Option<&crate::domain::Msg> {
        match self {
            SyncError::Said(m) => Some(m),
            SyncError::Store(s) => s.said(),
            _ => None,
        }
    }
}

/// The device's part of bundle and receipt file names: the last 12 hex digits of its id,
/// which are random. (The first digits of a UUIDv7 are its creation time, shared by every
/// device set up in the same minute, so they cannot tell devices apart.)
pub(crate) fn device_tag(device_id: &str) -> &str {
    &device_id[device_id.len().saturating_sub(12)..]
}
