//! The tabs, one folder each: its state (`mod.rs`), its keys (`keys.rs`: actions in,
//! an [`Effect`] out) and its view (`view.rs`: drawn from state only, never a query).
//! Each tab is one [`Tab`] variant, one field of [`Screens`] and its own keymap contexts
//! (their default keys are data in `keymap/tabs.rs`).
//!
//! To add a tab: write `screens/<tab>/` with a state struct implementing [`Screen`],
//! add its `Tab` variant (with its title key) and its `Screens` field with one arm in
//! `Screens::get`/`get_mut`, and its contexts and keys in `keymap/`.

pub mod record;
pub mod review;
pub mod rules;
pub mod setup;
pub mod shipments;
pub mod sync;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::Clock;
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
pub use crate::tui::tab::Tab;
use crate::tui::theme::Theme;

/// What a screen may touch while handling an action. What it has to say goes back in
/// its [`Effect`] (`Effect::Message`), never through here.
pub struct Cx<'a> {
    pub store: &'a mut Store,
    /// "Now" and "today", and the zone stored times are shown in.
    pub clock: Clock,
    pub read_only: bool,
    /// The interface language (for messages).
    pub lang: crate::domain::Lang,
}

/// What a view draws with besides the screen's state.
#[derive(Debug, Clone, Copy)]
pub struct ViewCx<'a> {
    pub theme: &'a Theme,
    /// Stored times are shown in its zone.
    pub clock: Clock,
    /// The interface language.
    pub lang: crate::domain::Lang,
    /// The keys as bound (a view that names a key reads it here).
    pub keymap: &'a crate::tui::keymap::Keymap,
}

/// A stored RFC 3339 time as `YYYY-MM-DD hh:mm` in the clock's zone (DESIGN §3); text
/// that is not a time is shown sanitized.
pub fn local_time(clock: &Clock, stored: &str) -> String {
    crate::report::shipment_detail::local(stored, clock)
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
    /// The catalogue id of the tab's name.
    fn title(&self) -> &'static str;
    /// The keymap context in force (the screen's own, or Filter/... while editing).
    fn context(&self) -> Context;
    /// Handles an action; the effect says what the App does next (redraw at least).
    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect;
    /// A printable key no binding took; `Effect::None` when no field took it.
    fn type_char(&mut self, c: char, cx: &mut Cx) -> Effect;
    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx);
    /// The body area changed size (page sizes follow it).
    fn resize(&mut self, _body: Rect, _cx: &mut Cx) -> Effect {
        Effect::None
    }
    /// The tab became visible (load lazily here).
    fn activate(&mut self, _cx: &mut Cx) -> Effect {
        Effect::None
    }
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

/// Every tab's state.
pub struct Screens {
    pub rules: rules::RulesScreen,
    pub shipments: shipments::ShipmentsScreen,
    pub record: record::RecordScreen,
    pub sync: sync::SyncScreen,
    pub review: review::ReviewScreen,
}

impl Screens {
    pub fn get(&self, tab: Tab) -> &dyn Screen {
        match tab {
            Tab::Rules => &self.rules,
            Tab::Shipments => &self.shipments,
            Tab::Record => &self.record,
            Tab::Sync => &self.sync,
            Tab::Review => &self.review,
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Screen {
        match tab {
            Tab::Rules => &mut self.rules,
            Tab::Shipments => &mut self.shipments,
            Tab::Record => &mut self.record,
            Tab::Sync => &mut self.sync,
            Tab::Review => &mut self.review,
        }
    }
}
