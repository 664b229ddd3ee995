//! The re-screening list's keys, as data: `E` opens it from the Rules tab (a laptop) and
//! the Review tab (headquarters); inside it the list keys, Enter for the record (read
//! only), `/` for the "finalized since" date, F5 to screen again, Esc back.

use crossterm::event::KeyCode;

use super::shared::row_moves;
use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

pub fn bindings() -> Vec<Binding> {
    use Action::*;
    let c = Context::Rescreen;
    let mut v = vec![
        bind(Context::Rules, Key::ch('E'), Rescreen, "key-rescreen"),
        bind(Context::Review, Key::ch('E'), Rescreen, "key-rescreen"),
        hint(c, Key::plain(KeyCode::Enter), Open, "key-rescreen-open"),
        hint(c, Key::ch('/'), Filter, "key-rescreen-since"),
        hint(c, Key::plain(KeyCode::Esc), Back, "key-rescreen-back"),
        bind(c, Key::plain(KeyCode::Backspace), Back, "key-rescreen-back"),
        bind(c, Key::ch('E'), Rescreen, "key-rescreen-back"),
    ];
    v.extend(row_moves(c));
    v.extend([
        bind(c, Key::ch('x'), ClearFilter, "key-rescreen-since-clear"),
        bind(c, Key::plain(KeyCode::F(5)), Reload, "key-rescreen-again"),
        bind(c, Key::ctrl('l'), Reload, "key-rescreen-again"),
    ]);
    v
}
