//! The keymap table: complete, unambiguous, overridable, no Alt and no lone-Esc action.

use std::collections::HashSet;

use crossterm::event::KeyCode;
use minspect::tui::action::Action;
use minspect::tui::keymap::{Context, Key, Keymap};
use minspect::tui::widgets::help::HelpState;

#[test]
fn every_action_is_bound_and_listed_in_help() {
    let km = Keymap::default();
    for action in Action::ALL {
        let bound: Vec<Context> = km
            .bindings()
            .filter(|b| b.action == *action)
            .map(|b| b.context)
            .collect();
        assert!(!bound.is_empty(), "{action:?} has no key");
        let listed = bound.iter().any(|ctx| {
            HelpState::new(*ctx, minspect::domain::Lang::En)
                .rows(&km)
                .iter()
                .any(|r| r.action == *action)
        });
        assert!(listed, "{action:?} is not in any help overlay");
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let km = Keymap::default();
    let mut seen = HashSet::new();
    for b in km.bindings() {
        assert!(
            seen.insert((b.context, b.key)),
            "{:?} {} bound twice",
            b.context,
            b.key.label()
        );
    }
}

#[test]
fn every_context_reaches_help_or_closes_without_esc() {
    let km = Keymap::default();
    for b in km.bindings().filter(|b| b.key.code == KeyCode::Esc) {
        let other = km
            .bindings()
            .any(|o| o.context == b.context && o.action == b.action && o.key.code != KeyCode::Esc);
        assert!(other, "{:?} in {:?} needs a lone Esc", b.action, b.context);
    }
    // text contexts still reach help through F1
    for ctx in [Context::Filter, Context::Screening, Context::Palette] {
        assert_eq!(
            km.lookup(ctx, Key::plain(KeyCode::F(1))),
            Some(Action::Help),
            "{ctx:?}"
        );
    }
}

#[test]
fn printable_keys_do_not_leak_from_global_into_text_fields() {
    let km = Keymap::default();
    assert_eq!(km.lookup(Context::Rules, Key::ch('q')), Some(Action::Quit));
    assert_eq!(km.lookup(Context::Filter, Key::ch('q')), None);
    assert_eq!(km.lookup(Context::Screening, Key::ch('?')), None);
    assert_eq!(
        km.lookup(Context::Screening, Key::ctrl('c')),
        Some(Action::Quit)
    );
}

#[test]
fn an_override_file_rebinds_an_action() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    std::fs::write(&path, "[rules]\nscreen_shipment = [\"S\", \"ctrl-s\"]\ndown = \"s\"\n[global]\nquit = \"ctrl-q\"\n").unwrap();
    let (km, warning) = Keymap::load(Some(&path));
    assert_eq!(warning, None);
    assert_eq!(
        km.lookup(Context::Rules, Key::ch('S')),
        Some(Action::ScreenShipment)
    );
    assert_eq!(
        km.lookup(Context::Rules, Key::ctrl('s')),
        Some(Action::ScreenShipment)
    );
    assert_eq!(km.lookup(Context::Rules, Key::ch('s')), Some(Action::Down));
    assert_eq!(
        km.lookup(Context::Rules, Key::ch('j')),
        None,
        "down's old keys are replaced"
    );
    assert_eq!(km.lookup(Context::Rules, Key::ch('q')), None);
    assert_eq!(
        km.lookup(Context::Rules, Key::ctrl('q')),
        Some(Action::Quit)
    );
    // help follows the table
    let rows = HelpState::new(Context::Rules, minspect::domain::Lang::En).rows(&km);
    let row = rows
        .iter()
        .find(|r| r.action == Action::ScreenShipment)
        .unwrap();
    assert_eq!(row.keys, "S C-s");
}

#[test]
fn a_bad_override_file_names_the_problem_and_keeps_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    for (text, needle) in [
        (
            "[rules]\nscreen_shipment = \"alt-s\"\n",
            "Alt chords are not used",
        ),
        ("[rules]\nfly = \"f\"\n", "fly: no such action"),
        ("[nowhere]\nquit = \"q\"\n", "[nowhere] is not a context"),
        ("[rules]\nquit = \"ctrl-\"\n", "ctrl- takes one letter"),
        ("[rules\n", "TOML"),
    ] {
        std::fs::write(&path, text).unwrap();
        let (km, warning) = Keymap::load(Some(&path));
        let w = warning.unwrap_or_default();
        assert!(
            w.contains(needle) || (needle == "TOML" && !w.is_empty()),
            "{text:?}: {w}"
        );
        assert!(
            w.contains("keys.toml") && w.contains("using the default keys"),
            "{w}"
        );
        assert_eq!(
            km.lookup(Context::Rules, Key::ch('s')),
            Some(Action::ScreenShipment)
        );
    }
    // a missing file is simply the defaults
    let (_, warning) = Keymap::load(Some(&dir.path().join("absent.toml")));
    assert_eq!(warning, None);
}

#[test]
fn key_names_parse() {
    assert_eq!(Key::parse("f1").unwrap(), Key::plain(KeyCode::F(1)));
    assert_eq!(Key::parse("pgdn").unwrap(), Key::plain(KeyCode::PageDown));
    assert_eq!(
        Key::parse("shift-tab").unwrap(),
        Key::plain(KeyCode::BackTab)
    );
    assert_eq!(Key::parse("?").unwrap(), Key::ch('?'));
    assert!(Key::parse("meta-x").is_err());
    assert!(Key::parse("f13").is_err());
    assert!(Key::parse("nonsense").is_err());
}
