//! The Rules tab: search the active rule pack as you type, read an item's detail, and
//! screen a shipment against the pack.

mod detail;
mod keys;
mod notices;
mod parties;
pub mod screening;
mod view;

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;

use self::screening::ScreeningForm;
use super::{Cx, Pane, Screen, ViewCx};
use crate::rules::{PartyHit, RulePack, SearchHit, search, search_parties};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::input::LineInput;

pub use self::view::split;

#[derive(Debug, Clone, Default)]
pub struct RulesScreen {
    pub pack: Option<Rc<RulePack>>,
    pub query: LineInput,
    /// Set while the search field is being edited: the query before editing.
    pub editing: Option<String>,
    pub hits: Vec<SearchHit>,
    /// Listed parties matching the query, shown after the items.
    pub parties: Vec<PartyHit>,
    /// Announcements and red flags matching the query (positions in the pack), shown
    /// after the parties.
    pub notices: notices::Notices,
    pub selected: usize,
    pub focus: Pane,
    pub detail_scroll: u16,
    /// Rows the screening form's verdict and reasons are scrolled by.
    pub verdict_scroll: u16,
    /// Inside the detail pane (columns, rows), from the last resize: the keys stop the
    /// scroll at the last page.
    pub detail_size: (u16, u16),
    pub form: Option<ScreeningForm>,
    pub list_rows: usize,
    /// The re-screening list (`E`), shown instead of the rules while open.
    pub rescreen: super::rescreen::RescreenView,
}

impl RulesScreen {
    pub fn new(pack: Option<Rc<RulePack>>) -> RulesScreen {
        let mut s = RulesScreen {
            pack,
            list_rows: 10,
            detail_size: (50, 20),
            rescreen: super::rescreen::RescreenView::new(super::review::record::lines),
            ..Default::default()
        };
        s.research();
        s
    }

    pub fn set_pack(&mut self, pack: Option<Rc<RulePack>>) {
        self.pack = pack;
        self.research();
    }

    fn research(&mut self) {
        self.hits = match &self.pack {
            Some(p) => search(p, self.query.text()),
            None => Vec::new(),
        };
        self.parties = match &self.pack {
            Some(p) => search_parties(p, self.query.text()),
            None => Vec::new(),
        };
        self.notices = notices::Notices::of(self.pack.as_deref(), self.query.text());
        self.selected = 0;
        self.detail_scroll = 0;
    }

    /// Rows of the list: the items, then the parties.
    pub fn rows(&self) -> usize {
        self.hits.len() + self.parties.len() + self.notices.len()
    }

    /// The announcement or red flag under the selection.
    pub fn selected_notice(&self) -> Option<notices::Notice> {
        let i = self
            .selected
            .checked_sub(self.hits.len() + self.parties.len())?;
        self.notices.get(i)
    }

    /// The listed party under the selection.
    pub fn selected_party(&self) -> Option<&crate::rules::party::Party> {
        let hit = self
            .parties
            .get(self.selected.checked_sub(self.hits.len())?)?;
        self.pack
            .as_ref()?
            .parties
            .iter()
            .find(|p| p.id == hit.party_id)
    }

    /// The item under the selection.
    pub fn selected_item(&self) -> Option<&crate::rules::pack::Item> {
        let hit = self.hits.get(self.selected)?;
        self.pack
            .as_ref()?
            .items
            .iter()
            .find(|i| i.id == hit.item_id)
    }
}

impl Screen for RulesScreen {
    fn title(&self) -> &'static str {
        "tab-rules"
    }

    fn context(&self) -> Context {
        if self.rescreen.open {
            self.rescreen.context()
        } else if self.editing.is_some() {
            Context::Filter
        } else if let Some(form) = self.form.as_ref().filter(|_| self.focus == Pane::Detail) {
            form.discard.context(Context::Screening)
        } else {
            Context::Rules
        }
    }

    fn has_unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.has_input())
    }

    fn resize(&mut self, body: Rect, _cx: &mut Cx) -> Effect {
        self.list_rows = body.height.saturating_sub(3).max(1) as usize;
        let (_, right) = split(body);
        self.detail_size = (
            right.width.saturating_sub(2),
            right.height.saturating_sub(2),
        );
        Effect::None
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.rescreen.open {
            return self.rescreen.update(action, cx);
        }
        if action == Action::Rescreen && self.context() == Context::Rules {
            return self.rescreen.show(cx);
        }
        match self.context() {
            Context::Filter => self.filter_key(action),
            Context::Screening | Context::Confirm => self.screening_key(action, cx),
            _ => self.list_key(action, cx),
        }
    }

    fn type_char(&mut self, c: char, _cx: &mut Cx) -> Effect {
        if self.rescreen.open {
            return self.rescreen.type_char(c);
        }
        match self.context() {
            Context::Filter => {
                self.query.insert(c);
                self.research();
                Effect::Redraw
            }
            Context::Screening => {
                let pack = self.pack.clone();
                if let Some(f) = self.form.as_mut() {
                    f.type_char(c, pack.as_deref());
                }
                Effect::Redraw
            }
            _ => Effect::None,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx) {
        if self.rescreen.open {
            return super::rescreen::render(&self.rescreen, f, area, v);
        }
        view::render(self, f, area, v);
    }
}
