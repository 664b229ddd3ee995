//! The bindings every list context and every text context share (moving, paging,
//! filtering; editing), used by the global defaults and by each screen's table.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

/// Moving in a list: a row, a page, to either end.
pub fn row_moves(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::ch('j'), Down, "key-down"),
        bind(c, Key::plain(KeyCode::Down), Down, "key-down"),
        hint(c, Key::ch('k'), Up, "key-up"),
        bind(c, Key::plain(KeyCode::Up), Up, "key-up"),
        bind(c, Key::plain(KeyCode::PageDown), PageDown, "key-page-down"),
        bind(c, Key::plain(KeyCode::PageUp), PageUp, "key-page-up"),
        bind(c, Key::ch('g'), Top, "key-first-row"),
        bind(c, Key::plain(KeyCode::Home), Top, "key-first-row"),
        bind(c, Key::ch('G'), Bottom, "key-last-row"),
        bind(c, Key::plain(KeyCode::End), Bottom, "key-last-row"),
    ]
}

/// List movement shared by every list screen (one set per context).
pub fn list_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    let mut v = row_moves(c);
    v.extend([
        hint(c, Key::plain(KeyCode::Tab), NextPane, "key-next-pane"),
        bind(
            c,
            Key::plain(KeyCode::BackTab),
            PrevPane,
            "key-previous-pane",
        ),
        bind(c, Key::ch('l'), NextPane, "key-pane-right"),
        bind(c, Key::plain(KeyCode::Right), NextPane, "key-pane-right"),
        bind(c, Key::ch('h'), PrevPane, "key-pane-left"),
        bind(c, Key::plain(KeyCode::Left), PrevPane, "key-pane-left"),
        hint(c, Key::plain(KeyCode::Enter), Open, "key-open"),
        bind(c, Key::plain(KeyCode::Esc), Back, "key-back"),
        bind(c, Key::plain(KeyCode::Backspace), Back, "key-back"),
        hint(c, Key::ch('/'), Filter, "key-filter"),
        bind(c, Key::ch('x'), ClearFilter, "key-clear-filter"),
    ]);
    v
}

/// Editing keys of a one-line text field.
pub fn text_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        bind(
            c,
            Key::plain(KeyCode::Backspace),
            DeleteBack,
            "key-delete-back",
        ),
        bind(c, Key::plain(KeyCode::Delete), DeleteForward, "key-delete"),
        bind(c, Key::plain(KeyCode::Left), CursorLeft, "key-cursor-left"),
        bind(
            c,
            Key::plain(KeyCode::Right),
            CursorRight,
            "key-cursor-right",
        ),
        bind(
            c,
            Key::plain(KeyCode::Home),
            CursorHome,
            "key-start-of-field",
        ),
        bind(c, Key::ctrl('a'), CursorHome, "key-start-of-field"),
        bind(c, Key::plain(KeyCode::End), CursorEnd, "key-end-of-field"),
        bind(c, Key::ctrl('e'), CursorEnd, "key-end-of-field"),
        bind(c, Key::ctrl('u'), ClearField, "key-clear-field"),
        bind(c, Key::ctrl('g'), Cancel, "key-cancel"),
    ]
}
