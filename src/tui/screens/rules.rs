//! The Rules tab: search the active rule pack as you type, read an item's detail, and
//! screen a shipment against the pack.

use std::rc::Rc;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::screening::ScreeningForm;
use super::{Cx, Pane, Screen};
use crate::rules::{RulePack, SearchHit, search};
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind, hint, list_bindings, text_bindings};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;

#[derive(Debug, Clone, Default)]
pub struct RulesScreen {
    pub pack: Option<Rc<RulePack>>,
    pub query: LineInput,
    /// Set while the search field is being edited: the query before editing.
    pub editing: Option<String>,
    pub hits: Vec<SearchHit>,
    pub selected: usize,
    pub focus: Pane,
    pub detail_scroll: u16,
    pub form: Option<ScreeningForm>,
    pub list_rows: usize,
}

pub fn bindings() -> Vec<Binding> {
    use Action::*;
    let c = Context::Rules;
    let mut v = list_bindings(c);
    v.push(hint(c, Key::ch('s'), ScreenShipment, "screen a shipment"));
    let s = Context::Screening;
    v.extend([
        hint(s, Key::plain(KeyCode::Tab), NextField, "next field"),
        bind(s, Key::plain(KeyCode::Down), NextField, "next field"),
        bind(s, Key::plain(KeyCode::Enter), Accept, "next field"),
        bind(s, Key::plain(KeyCode::BackTab), PrevField, "previous field"),
        bind(s, Key::plain(KeyCode::Up), PrevField, "previous field"),
        hint(s, Key::plain(KeyCode::Esc), Back, "close form"),
        bind(s, Key::plain(KeyCode::F(2)), Back, "close form"),
    ]);
    v.extend(text_bindings(s));
    v
}

impl RulesScreen {
    pub fn new(pack: Option<Rc<RulePack>>) -> RulesScreen {
        let mut s = RulesScreen {
            pack,
            list_rows: 10,
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
        self.selected = 0;
        self.detail_scroll = 0;
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

    fn move_sel(&mut self, delta: isize) {
        if self.focus == Pane::Detail {
            self.detail_scroll = (self.detail_scroll as isize + delta).clamp(0, 500) as u16;
            return;
        }
        let n = self.hits.len();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
        self.detail_scroll = 0;
    }
}

impl Screen for RulesScreen {
    fn title(&self) -> &'static str {
        "Rules"
    }

    fn context(&self) -> Context {
        if self.editing.is_some() {
            Context::Filter
        } else if self.form.is_some() && self.focus == Pane::Detail {
            Context::Screening
        } else {
            Context::Rules
        }
    }

    fn has_unsaved(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.has_input())
    }

    fn resize(&mut self, body: Rect, _cx: &mut Cx) {
        self.list_rows = body.height.saturating_sub(3).max(1) as usize;
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> bool {
        let page = self.list_rows as isize;
        match self.context() {
            Context::Filter => match action {
                Action::Accept => {
                    self.editing = None;
                    true
                }
                Action::Cancel => {
                    let before = self.editing.take().unwrap_or_default();
                    self.query.set(&before);
                    self.research();
                    true
                }
                a if LineInput::is_edit(a) => {
                    if self.query.edit(a) {
                        self.research();
                    }
                    true
                }
                _ => false,
            },
            Context::Screening => {
                let pack = self.pack.clone();
                let form = self.form.as_mut().expect("form open");
                match action {
                    Action::Back | Action::Cancel => {
                        self.form = None;
                        self.focus = Pane::List;
                        true
                    }
                    a => form.update(a, pack.as_deref()),
                }
            }
            _ => match action {
                Action::Down => {
                    self.move_sel(1);
                    true
                }
                Action::Up => {
                    self.move_sel(-1);
                    true
                }
                Action::PageDown => {
                    self.move_sel(page);
                    true
                }
                Action::PageUp => {
                    self.move_sel(-page);
                    true
                }
                Action::Top => {
                    self.move_sel(-(self.hits.len() as isize) - 600);
                    true
                }
                Action::Bottom => {
                    self.move_sel(self.hits.len() as isize + 600);
                    true
                }
                Action::NextPane | Action::PrevPane => {
                    self.focus = if self.focus == Pane::List {
                        Pane::Detail
                    } else {
                        Pane::List
                    };
                    true
                }
                Action::Open => {
                    self.focus = Pane::Detail;
                    true
                }
                Action::Back => {
                    if self.focus == Pane::Detail {
                        self.focus = Pane::List;
                    } else if !self.query.text().is_empty() {
                        self.query.set("");
                        self.research();
                    }
                    true
                }
                Action::Filter => {
                    self.editing = Some(self.query.text().to_string());
                    self.focus = Pane::List;
                    true
                }
                Action::ClearFilter => {
                    self.query.set("");
                    self.research();
                    true
                }
                Action::ScreenShipment => {
                    if self.form.is_none() {
                        let mut form = ScreeningForm::new(cx.today);
                        form.recompute(self.pack.as_deref());
                        self.form = Some(form);
                    }
                    self.focus = Pane::Detail;
                    true
                }
                _ => false,
            },
        }
    }

    fn type_char(&mut self, c: char, _cx: &mut Cx) -> bool {
        match self.context() {
            Context::Filter => {
                self.query.insert(c);
                self.research();
                true
            }
            Context::Screening => {
                let pack = self.pack.clone();
                if let Some(f) = self.form.as_mut() {
                    f.type_char(c, pack.as_deref());
                }
                true
            }
            _ => false,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        super::rules_view::render(self, f, area, theme);
    }
}
