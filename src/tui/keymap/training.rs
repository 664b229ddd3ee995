//! The training keys, as data: a reading taken in the Measurements section, the
//! briefing again (F4 on the Shipments, Record and Sync tabs; any tab through the
//! palette), and the keys of the briefing/debrief window.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key, bind, hint};
use crate::tui::action::Action;

pub(super) fn bindings() -> Vec<Binding> {
    use Action::*;
    let t = Context::Training;
    vec![
        bind(
            Context::RecordForm,
            Key::ctrl('x'),
            TakeReading,
            "key-take-reading",
        ),
        bind(
            Context::Shipments,
            Key::plain(KeyCode::F(4)),
            TrainingBriefing,
            "key-briefing",
        ),
        bind(
            Context::Record,
            Key::plain(KeyCode::F(4)),
            TrainingBriefing,
            "key-briefing",
        ),
        bind(
            Context::RecordForm,
            Key::plain(KeyCode::F(4)),
            TrainingBriefing,
            "key-briefing",
        ),
        bind(
            Context::Sync,
            Key::plain(KeyCode::F(4)),
            TrainingBriefing,
            "key-briefing",
        ),
        hint(t, Key::plain(KeyCode::Esc), Cancel, "key-close"),
        bind(t, Key::plain(KeyCode::Enter), Cancel, "key-close"),
        hint(t, Key::plain(KeyCode::Down), Down, "key-scroll-down"),
        bind(t, Key::ch('j'), Down, "key-scroll-down"),
        bind(t, Key::plain(KeyCode::Up), Up, "key-scroll-up"),
        bind(t, Key::ch('k'), Up, "key-scroll-up"),
        bind(t, Key::plain(KeyCode::PageDown), PageDown, "key-page-down"),
        bind(t, Key::plain(KeyCode::PageUp), PageUp, "key-page-up"),
        bind(t, Key::ctrl('c'), Quit, "key-quit"),
    ]
}
