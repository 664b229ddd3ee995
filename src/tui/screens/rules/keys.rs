//! The Rules tab's keys: the search line, the list and detail, the screening form.

use super::RulesScreen;
use super::screening::ScreeningForm;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::{Cx, Pane};
use crate::tui::widgets::input::LineInput;

impl RulesScreen {
    fn move_sel(&mut self, delta: isize) {
        if self.focus == Pane::Detail {
            self.detail_scroll = (self.detail_scroll as isize + delta).clamp(0, 500) as u16;
            return;
        }
        let n = self.rows();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
        self.detail_scroll = 0;
    }

    /// Editing the search line.
    pub(super) fn filter_key(&mut self, action: Action) -> Effect {
        match action {
            Action::Accept => self.editing = None,
            Action::Cancel => {
                let before = self.editing.take().unwrap_or_default();
                self.query.set(&before);
                self.research();
            }
            a if LineInput::is_edit(a) => {
                if self.query.edit(a) {
                    self.research();
                }
            }
            _ => return Effect::None,
        }
        Effect::Redraw
    }

    /// The screening form has the focus.
    pub(super) fn screening_key(&mut self, action: Action) -> Effect {
        let pack = self.pack.clone();
        match action {
            Action::Back | Action::Cancel => {
                self.form = None;
                self.focus = Pane::List;
                Effect::Redraw
            }
            a => match self.form.as_mut() {
                Some(form) => Effect::redraw_if(form.update(a, pack.as_deref())),
                None => Effect::None,
            },
        }
    }

    /// The list and the detail pane.
    pub(super) fn list_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let page = self.list_rows as isize;
        let all = self.rows() as isize + 600;
        match action {
            Action::Down => self.move_sel(1),
            Action::Up => self.move_sel(-1),
            Action::PageDown => self.move_sel(page),
            Action::PageUp => self.move_sel(-page),
            Action::Top => self.move_sel(-all),
            Action::Bottom => self.move_sel(all),
            Action::NextPane | Action::PrevPane => {
                self.focus = if self.focus == Pane::List {
                    Pane::Detail
                } else {
                    Pane::List
                };
            }
            Action::Open => self.focus = Pane::Detail,
            Action::Back => {
                if self.focus == Pane::Detail {
                    self.focus = Pane::List;
                } else if !self.query.text().is_empty() {
                    self.query.set("");
                    self.research();
                }
            }
            Action::Filter => {
                self.editing = Some(self.query.text().to_string());
                self.focus = Pane::List;
            }
            Action::ClearFilter => {
                self.query.set("");
                self.research();
            }
            Action::ScreenShipment => {
                if self.form.is_none() {
                    let mut form = ScreeningForm::new(cx.clock.today());
                    form.recompute(self.pack.as_deref());
                    self.form = Some(form);
                }
                self.focus = Pane::Detail;
            }
            _ => return Effect::None,
        }
        Effect::Redraw
    }
}
