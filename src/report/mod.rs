//! Read models shared by the CLI and the console: computed once from the store or the
//! rule pack, rendered as text, JSON, Markdown or terminal lines by the caller.

pub mod desk;
pub mod party_detail;
pub mod receipt;
pub mod record_detail;
pub mod rescreen;
pub mod rule_detail;
pub mod screening;
pub mod shipment_detail;
pub mod sync_status;

pub use party_detail::PartyDetail;
pub use receipt::{Receipt, ReceiptBlock, ReceiptFormat, Words};
pub use record_detail::{RecordDetail, ReviewLine};
pub use rule_detail::{AnnouncementDetail, ClauseDetail, RuleDetail, SuspensionLine};
pub use shipment_detail::{InspectionEntry, ShipmentCard};
pub use sync_status::{SyncOverview, status_lines};
