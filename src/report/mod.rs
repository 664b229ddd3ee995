//! Queries turned into rows: CSV, Markdown and plain text.

pub mod receipt;

pub use receipt::{ReceiptFormat, ReceiptZone, seizure_receipt, seizure_receipt_in};
