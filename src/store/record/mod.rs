//! The inspection record aggregate: drafts, finalize, amendments, custody, children
//! (findings, measurements, seizures), the officer's record import and bulk loading.

pub(crate) mod amend;
pub mod attachments;
pub mod bulk;
pub(crate) mod checks;
pub(crate) mod children;
pub(crate) mod custody;
pub(crate) mod draft;
pub(crate) mod finalize;
pub mod frozen;
pub(crate) mod record_import;
pub(crate) mod rescreen;

/// The state of a shipment or inspection row: an editable draft, or frozen and chained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordState {
    Draft,
    Finalized,
}

impl RecordState {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordState::Draft => "draft",
            RecordState::Finalized => "finalized",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(RecordState::Draft),
            "finalized" => Some(RecordState::Finalized),
            _ => None,
        }
    }
}
