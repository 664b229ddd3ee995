//! Reusable pieces of the screen.

pub mod dialog;
pub mod help;
pub mod input;
pub mod palette;
pub mod picker;
pub mod port_choices;
pub mod scroll_pane;
pub mod status;
pub mod table;
pub mod training;
pub mod verdict;
