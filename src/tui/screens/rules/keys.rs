//! The Rules tab's keys: the search line, the list and detail, the screening form.

use super::RulesScreen;
use super::screening::ScreeningForm;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::record::discard::Leave;
use crate::tui::screens::{Cx, Pane};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::scroll_pane::wrap;
use crate::tui::widgets::verdict::verdict_lines;

impl RulesScreen {
    fn move_sel(&mut self, delta: isize, cx: &Cx) {
        if self.focus == Pane::Detail {
            let rows = wrap(
                &super::view::detail_lines(self, cx.lang, cx.clock.today(), &Theme::mono()),
                self.detail_size.0 as usize,
            )
            .len();
            let last = rows.saturating_sub(self.detail_size.1 as usize) as isize;
            self.detail_scroll = (self.detail_scroll as isize + delta).clamp(0, last) as u16;
            return;
        }
        let n = self.rows();
        if n == 0 {
            return;
        }
        self.selected = (self.selected as isize + delta).clamp(0, n as isize - 1) as usize;
        self.detail_scroll = 0;
    }

    /// The scroll that shows the last page of the screening's verdict and reasons.
    fn verdict_last_page(&self, cx: &Cx) -> u16 {
        let Some(form) = &self.form else {
            return 0;
        };
        let mut lines = Vec::new();
        if let Some(r) = &form.result {
            verdict_lines(r, cx.lang, &Theme::mono(), &mut lines);
        }
        let rows = wrap(&lines, self.detail_size.0 as usize).len() as u16;
        // below the fields and the rule above the verdict
        let shown = self
            .detail_size
            .1
            .saturating_sub(super::view::form_rows(form) + 1);
        rows.saturating_sub(shown)
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
    pub(super) fn screening_key(&mut self, action: Action, cx: &Cx) -> Effect {
        let pack = self.pack.clone();
        let page = (self.detail_size.1 / 2).max(1);
        if let Some(form) = self.form.as_mut() {
            let leave = match action {
                _ if form.discard.asking => form.discard.answer(action),
                Action::Back | Action::Cancel => form.discard.esc(form.changed()),
                _ => Leave::Ignore,
            };
            match leave {
                Leave::Now => {
                    self.form = None;
                    self.focus = Pane::List;
                    return Effect::Redraw;
                }
                Leave::Stay => return Effect::Redraw,
                Leave::Ignore if form.discard.asking => return Effect::None,
                Leave::Ignore => {}
            }
        }
        match action {
            Action::PageDown => {
                let last = self.verdict_last_page(cx);
                self.verdict_scroll = self.verdict_scroll.saturating_add(page).min(last);
                Effect::Redraw
            }
            Action::PageUp => {
                self.verdict_scroll = self.verdict_scroll.saturating_sub(page);
                Effect::Redraw
            }
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
            Action::Down => self.move_sel(1, cx),
            Action::Up => self.move_sel(-1, cx),
            Action::PageDown => self.move_sel(page, cx),
            Action::PageUp => self.move_sel(-page, cx),
            Action::Top => self.move_sel(-all, cx),
            Action::Bottom => self.move_sel(all, cx),
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
