//! The bindings every list context and every text context share (moving, paging,
//! filtering; editing), used by the global defaults and by each screen's table.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

/// List movement shared by every list screen (one set per context).
pub fn list_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::ch('j'), Down, "down"),
        bind(c, Key::plain(KeyCode::Down), Down, "down"),
        hint(c, Key::ch('k'), Up, "up"),
        bind(c, Key::plain(KeyCode::Up), Up, "up"),
        bind(c, Key::plain(KeyCode::PageDown), PageDown, "page down"),
        bind(c, Key::plain(KeyCode::PageUp), PageUp, "page up"),
        bind(c, Key::ch('g'), Top, "first row"),
        bind(c, Key::plain(KeyCode::Home), Top, "first row"),
        bind(c, Key::ch('G'), Bottom, "last row"),
        bind(c, Key::plain(KeyCode::End), Bottom, "last row"),
        hint(c, Key::plain(KeyCode::Tab), NextPane, "next pane"),
        bind(c, Key::plain(KeyCode::BackTab), PrevPane, "previous pane"),
        bind(c, Key::ch('l'), NextPane, "pane right"),
        bind(c, Key::plain(KeyCode::Right), NextPane, "pane right"),
        bind(c, Key::ch('h'), PrevPane, "pane left"),
        bind(c, Key::plain(KeyCode::Left), PrevPane, "pane left"),
        hint(c, Key::plain(KeyCode::Enter), Open, "open"),
        bind(c, Key::plain(KeyCode::Esc), Back, "back"),
        bind(c, Key::plain(KeyCode::Backspace), Back, "back"),
        hint(c, Key::ch('/'), Filter, "filter"),
        bind(c, Key::ch('x'), ClearFilter, "clear filter"),
    ]
}

/// Editing keys of a one-line text field.
pub fn text_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        bind(c, Key::plain(KeyCode::Backspace), DeleteBack, "delete back"),
        bind(c, Key::plain(KeyCode::Delete), DeleteForward, "delete"),
        bind(c, Key::plain(KeyCode::Left), CursorLeft, "cursor left"),
        bind(c, Key::plain(KeyCode::Right), CursorRight, "cursor right"),
        bind(c, Key::plain(KeyCode::Home), CursorHome, "start of field"),
        bind(c, Key::ctrl('a'), CursorHome, "start of field"),
        bind(c, Key::plain(KeyCode::End), CursorEnd, "end of field"),
        bind(c, Key::ctrl('e'), CursorEnd, "end of field"),
        bind(c, Key::ctrl('u'), ClearField, "clear field"),
        bind(c, Key::ctrl('g'), Cancel, "cancel"),
    ]
}
