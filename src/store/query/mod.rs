//! Read-only queries: shipment pages, shipment detail, record show.

pub mod count;
pub mod decisions;
pub mod declarations;
pub(crate) mod filter;
pub mod record_chain;
pub(crate) mod record_show;
pub mod shipment_detail;
pub mod shipments;
pub mod verdicts;
