//! Bundles and receipts: export, idempotent import, signing.
