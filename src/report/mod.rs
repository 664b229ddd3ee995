//! Queries turned into rows: CSV, Markdown and plain text.

pub mod receipt;

pub use receipt::{ReceiptFormat, seizure_receipt};
