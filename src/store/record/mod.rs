//! The inspection record aggregate: drafts, finalize, amendments, custody, children
//! (findings, measurements, seizures), the officer's record import and bulk loading.

pub mod bulk;
pub(crate) mod children;
pub(crate) mod custody;
pub(crate) mod draft;
pub(crate) mod finalize;
pub(crate) mod record_import;
pub(crate) mod rescreen;
