//! The tabs. Each tab is one file with a state struct implementing [`Screen`], one
//! [`Tab`] variant, one field of [`Screens`] and its own keymap context.
//!
//! To add a tab (e.g. Record): write `screens/record.rs` with `RecordScreen: Screen` and
//! `pub fn bindings() -> Vec<Binding>` (in a new `Context::Record`), add `Tab::Record`
//! to `Tab::ALL` with its title and key, a `record` field to `Screens`, and one arm in
//! `Screens::get`/`get_mut` and `screen_bindings`.

pub mod record;
pub mod record_app;
pub mod record_drafts;
pub mod record_editor;
pub mod record_finalize;
pub mod record_form;
pub mod record_inspection;
pub mod record_ops;
pub mod record_seizure;
pub mod record_shipment;
pub mod record_view;
pub mod review;
pub mod rules;
pub mod rules_view;
pub mod screening;
pub mod setup;
pub mod shipments;
pub mod shipments_view;
pub mod sync;
pub mod sync_ops;
pub mod sync_view;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind};
use crate::tui::theme::Theme;
use crate::tui::widgets::status::{Level, Message};

/// What a screen may touch while handling an action.
pub struct Cx<'a> {
    pub store: &'a mut Store,
    pub today: NaiveDate,
    pub read_only: bool,
    pub message: &'a mut Option<Message>,
}

impl Cx<'_> {
    pub fn error(&mut self, text: String) {
        *self.message = Some(Message {
            level: Level::Error,
            text,
        });
    }
    pub fn info(&mut self, text: String) {
        *self.message = Some(Message {
            level: Level::Info,
            text,
        });
    }
}

/// Which pane of a two-pane screen has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Detail,
}

/// One tab's state and behaviour. Render draws from state only (no queries).
pub trait Screen {
    fn title(&self) -> &'static str;
    /// The keymap context in force (the screen's own, or Filter/... while editing).
    fn context(&self) -> Context;
    /// Handles an action; true when the state changed (a redraw is needed).
    fn update(&mut self, action: Action, cx: &mut Cx) -> bool;
    /// A printable key no binding took; true when it went into a field.
    fn type_char(&mut self, c: char, cx: &mut Cx) -> bool;
    fn render(&self, f: &mut Frame, area: Rect, theme: &Theme);
    /// The body area changed size (page sizes follow it).
    fn resize(&mut self, _body: Rect, _cx: &mut Cx) {}
    /// The tab became visible (load lazily here).
    fn activate(&mut self, _cx: &mut Cx) {}
    /// Something typed would be lost on quit.
    fn has_unsaved(&self) -> bool {
        false
    }
    /// A text context whose focused field cannot take text (a finalized record): the
    /// global printable keys (tab keys, help, palette, quit) apply instead.
    fn text_locked(&self) -> bool {
        false
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Rules,
    Shipments,
    Record,
    Sync,
}

impl Tab {
    pub const ALL: &'static [Tab] = &[Tab::Rules, Tab::Shipments, Tab::Record, Tab::Sync];

    /// The key that selects the tab, and the action it runs.
    pub fn key(self) -> (char, Action) {
        match self {
            Tab::Rules => ('1', Action::TabRules),
            Tab::Shipments => ('2', Action::TabShipments),
            Tab::Record => ('3', Action::TabRecord),
            Tab::Sync => ('4', Action::TabSync),
        }
    }

    pub fn of_action(a: Action) -> Option<Tab> {
        Tab::ALL.iter().copied().find(|t| t.key().1 == a)
    }

    pub fn offset(self, delta: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(i + delta).rem_euclid(n) as usize]
    }
}

/// Every tab's state.
pub struct Screens {
    pub rules: rules::RulesScreen,
    pub shipments: shipments::ShipmentsScreen,
    pub record: record::RecordScreen,
    pub sync: sync::SyncScreen,
}

impl Screens {
    pub fn get(&self, tab: Tab) -> &dyn Screen {
        match tab {
            Tab::Rules => &self.rules,
            Tab::Shipments => &self.shipments,
            Tab::Record => &self.record,
            Tab::Sync => &self.sync,
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Screen {
        match tab {
            Tab::Rules => &mut self.rules,
            Tab::Shipments => &mut self.shipments,
            Tab::Record => &mut self.record,
            Tab::Sync => &mut self.sync,
        }
    }
}

/// Global keys that select tabs.
pub fn tab_bindings() -> Vec<Binding> {
    Tab::ALL
        .iter()
        .map(|t| {
            let (k, a) = t.key();
            bind(Context::Global, Key::ch(k), a, a.describe())
        })
        .collect()
}

/// Every screen's own bindings.
pub fn screen_bindings() -> Vec<Binding> {
    let mut v = rules::bindings();
    v.extend(shipments::bindings());
    v.extend(record::bindings());
    v.extend(sync::bindings());
    let review = review::bindings(&v);
    v.extend(review);
    v
}
