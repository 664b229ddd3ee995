//! Words cut into lines of a width (a field's message wraps under it): the one wrap of
//! the widgets, which measures display columns and breaks text without spaces (Chinese)
//! between characters, so nothing of a message is lost past the pane's edge.

pub use crate::tui::widgets::table::wrap;
