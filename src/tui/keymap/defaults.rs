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
    v.extend(super::rescreen::bindings());
    v.extend(filter());
    v.extend(help());
    v.extend(palette());
    v.extend(confirm());
    v.extend(setup());
    v.extend(super::training::bindings());
    v
}

fn global() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Global, Key::ch('?'), Help, "key-help"),
        bind(C::Global, Key::plain(KeyCode::F(1)), Help, "key-help"),
        hint(C::Global, Key::ch(':'), Palette, "key-commands"),
        hint(C::Global, Key::ch('q'), Quit, "key-quit"),
        bind(C::Global, Key::ctrl('c'), Quit, "key-quit"),
        bind(C::Global, Key::ch(']'), NextTab, "key-next-tab"),
        bind(C::Global, Key::ch('['), PrevTab, "key-previous-tab"),
        bind(C::Global, Key::ch('L'), SwitchLanguage, "key-language"),
    ]
}

/// The text filter of a list.
fn filter() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(
            C::Filter,
            Key::plain(KeyCode::Enter),
            Accept,
            "key-keep-filter",
        ),
        hint(
            C::Filter,
            Key::plain(KeyCode::Esc),
            Cancel,
            "key-undo-filter",
        ),
    ];
    v.extend(text_bindings(C::Filter));
    v
}

/// The help overlay (typing filters it).
fn help() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Help, Key::plain(KeyCode::Esc), Cancel, "key-close"),
        bind(C::Help, Key::plain(KeyCode::Enter), Cancel, "key-close"),
        bind(C::Help, Key::plain(KeyCode::F(1)), Cancel, "key-close"),
        bind(C::Help, Key::plain(KeyCode::Down), Down, "key-scroll-down"),
        bind(C::Help, Key::plain(KeyCode::Up), Up, "key-scroll-up"),
        bind(
            C::Help,
            Key::plain(KeyCode::PageDown),
            PageDown,
            "key-page-down",
        ),
        bind(C::Help, Key::plain(KeyCode::PageUp), PageUp, "key-page-up"),
        bind(
            C::Help,
            Key::plain(KeyCode::Backspace),
            DeleteBack,
            "key-delete-back",
        ),
        bind(C::Help, Key::ctrl('u'), ClearField, "key-clear-filter"),
        bind(C::Help, Key::ctrl('g'), Cancel, "key-close"),
    ]
}

/// The command palette.
fn palette() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(C::Palette, Key::plain(KeyCode::Enter), Accept, "key-run"),
        hint(C::Palette, Key::plain(KeyCode::Esc), Cancel, "key-close"),
        bind(
            C::Palette,
            Key::plain(KeyCode::Down),
            Down,
            "key-next-match",
        ),
        bind(C::Palette, Key::ctrl('n'), Down, "key-next-match"),
        bind(
            C::Palette,
            Key::plain(KeyCode::Up),
            Up,
            "key-previous-match",
        ),
        bind(C::Palette, Key::ctrl('p'), Up, "key-previous-match"),
    ];
    v.extend(text_bindings(C::Palette));
    v
}

/// The yes/no dialog.
fn confirm() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    vec![
        hint(C::Confirm, Key::ch('y'), Yes, "key-yes"),
        bind(C::Confirm, Key::plain(KeyCode::Enter), Yes, "key-yes"),
        hint(C::Confirm, Key::ch('n'), No, "key-no"),
        bind(C::Confirm, Key::plain(KeyCode::Esc), No, "key-no"),
    ]
}

/// The first-run dialog.
fn setup() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(
            C::Setup,
            Key::plain(KeyCode::Enter),
            Accept,
            "key-next-save",
        ),
        hint(
            C::Setup,
            Key::plain(KeyCode::Tab),
            NextField,
            "key-next-field",
        ),
        bind(
            C::Setup,
            Key::plain(KeyCode::Down),
            NextField,
            "key-next-field",
        ),
        bind(
            C::Setup,
            Key::plain(KeyCode::BackTab),
            PrevField,
            "key-previous-field",
        ),
        bind(
            C::Setup,
            Key::plain(KeyCode::Up),
            PrevField,
            "key-previous-field",
        ),
        bind(C::Setup, Key::ctrl('c'), Quit, "key-quit-without-saving"),
    ];
    v.extend(
        text_bindings(C::Setup)
            .into_iter()
            .filter(|b| b.action != Cancel),
    );
    v
}
