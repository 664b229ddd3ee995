//! The first-run dialog: officer name, badge number, device name; then the database
//! is initialized with the embedded rule pack (the App makes that one store call).

mod keys;
mod view;

use crate::store::InitOptions;
use crate::tui::widgets::input::LineInput;

pub const LABELS: [&str; 3] = ["Officer name", "Badge number", "Device name"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetupForm {
    pub inputs: [LineInput; 3],
    pub focus: usize,
    pub error: Option<String>,
}

pub enum SetupOutcome {
    Continue,
    Save(InitOptions),
}
