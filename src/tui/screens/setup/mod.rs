//! The first-run dialog: officer name, badge number, device name; then the database
//! is initialized with the embedded rule pack (the App makes that one store call).

mod keys;
mod view;

use crate::store::InitOptions;
use crate::tui::widgets::input::LineInput;

/// The fields' labels (catalogue ids).
pub const LABELS: [&str; 3] = ["setup-officer", "setup-badge", "setup-device"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetupForm {
    pub inputs: [LineInput; 3],
    pub focus: usize,
    pub error: Option<String>,
    /// The language the dialog speaks (the App sets it).
    pub lang: crate::domain::Lang,
}

pub enum SetupOutcome {
    Continue,
    Save(InitOptions),
}
