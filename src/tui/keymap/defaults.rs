//! The default table: global keys, the shared list and text-field keys, overlays and
//! dialogs; each tab's own contexts come from `tabs.rs`. Data only: no screen is
//! imported.

use crossterm::event::KeyCode;

use super::shared::text_bindings;
use super::tabs::{screen_bindings, tab_bindings};
use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

pub(super) fn defaults() -> Vec<Binding> {
    let mut v = global();
    v.extend(tab_bindings());
    v.extend(screen_bindings());
    v.extend(filter());
    v.extend(help());
    v.extend(palette());
    v.extend(confirm());
    v.extend(setup());
    v
}

fn global() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Global, Key::ch('?'), Help, "help"),
        bind(C::Global, Key::plain(KeyCode::F(1)), Help, "help"),
        hint(C::Global, Key::ch(':'), Palette, "commands"),
        hint(C::Global, Key::ch('q'), Quit, "quit"),
        bind(C::Global, Key::ctrl('c'), Quit, "quit"),
        bind(C::Global, Key::ch(']'), NextTab, "next tab"),
        bind(C::Global, Key::ch('['), PrevTab, "previous tab"),
    ]
}

/// The text filter of a list.
fn filter() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(C::Filter, Key::plain(KeyCode::Enter), Accept, "keep filter"),
        hint(C::Filter, Key::plain(KeyCode::Esc), Cancel, "undo filter"),
    ];
    v.extend(text_bindings(C::Filter));
    v
}

/// The help overlay (typing filters it).
fn help() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Help, Key::plain(KeyCode::Esc), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::Enter), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::F(1)), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::Down), Down, "scroll down"),
        bind(C::Help, Key::plain(KeyCode::Up), Up, "scroll up"),
        bind(
            C::Help,
            Key::plain(KeyCode::PageDown),
            PageDown,
            "page down",
        ),
        bind(C::Help, Key::plain(KeyCode::PageUp), PageUp, "page up"),
        bind(
            C::Help,
            Key::plain(KeyCode::Backspace),
            DeleteBack,
            "delete back",
        ),
        bind(C::Help, Key::ctrl('u'), ClearField, "clear filter"),
        bind(C::Help, Key::ctrl('g'), Cancel, "close"),
    ]
}

/// The command palette.
fn palette() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(C::Palette, Key::plain(KeyCode::Enter), Accept, "run"),
        hint(C::Palette, Key::plain(KeyCode::Esc), Cancel, "close"),
        bind(C::Palette, Key::plain(KeyCode::Down), Down, "next match"),
        bind(C::Palette, Key::ctrl('n'), Down, "next match"),
        bind(C::Palette, Key::plain(KeyCode::Up), Up, "previous match"),
        bind(C::Palette, Key::ctrl('p'), Up, "previous match"),
    ];
    v.extend(text_bindings(C::Palette));
    v
}

/// The yes/no dialog.
fn confirm() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Confirm, Key::ch('y'), Yes, "yes"),
        bind(C::Confirm, Key::plain(KeyCode::Enter), Yes, "yes"),
        hint(C::Confirm, Key::ch('n'), No, "no"),
        bind(C::Confirm, Key::plain(KeyCode::Esc), No, "no"),
    ]
}

/// The first-run dialog.
fn setup() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(C::Setup, Key::plain(KeyCode::Enter), Accept, "next / save"),
        hint(C::Setup, Key::plain(KeyCode::Tab), NextField, "next field"),
        bind(C::Setup, Key::plain(KeyCode::Down), NextField, "next field"),
        bind(
            C::Setup,
            Key::plain(KeyCode::BackTab),
            PrevField,
            "previous field",
        ),
        bind(
            C::Setup,
            Key::plain(KeyCode::Up),
            PrevField,
            "previous field",
        ),
        bind(C::Setup, Key::ctrl('c'), Quit, "quit without saving"),
    ];
    v.extend(
        text_bindings(C::Setup)
            .into_iter()
            .filter(|b| b.action != Cancel),
    );
    v
}
