//! minspect: an offline terminal console for export-control inspection of
//! strategic-mineral shipments. See DESIGN.md for the architecture.

pub mod cli;
pub mod domain;
pub mod fixture;
pub mod i18n;
pub mod report;
pub mod rules;
pub mod store;
pub mod sync;
pub mod tui;
