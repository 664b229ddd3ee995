//! The Shipments tab's keys: paging the log and the filter line.

use super::ShipmentsScreen;
use crate::store::shipments::PageFrom;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::{Cx, Pane};
use crate::tui::widgets::input::LineInput;

/// The filter term `w` adds: shipments awaiting review.
const AWAITING_TERM: &str = "review:pending";

impl ShipmentsScreen {
    /// Re-reads the page where it is and the selected shipment: another session's
    /// writes show (nothing is re-read on a timer).
    fn reload(&mut self, cx: &mut Cx) -> Effect {
        self.reload_page(cx)
    }

    /// `w`: adds or removes the [`AWAITING_TERM`] of the filter line.
    fn toggle_awaiting(&mut self, cx: &mut Cx) -> Effect {
        let text = self.filter_input.text();
        let mut words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !matches!(*w, "review:pending" | "review:awaiting"))
            .collect();
        if !self.filter.awaiting_review {
            // the filter's own term (machine words, the same in every language)
            words.push(AWAITING_TERM);
        }
        let line = words.join(" ");
        self.filter_input.set(&line);
        let said = self.reload_filter(cx);
        self.focus = Pane::List;
        said
    }

    fn down(&mut self, cx: &mut Cx) -> Effect {
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
            self.load_detail(cx)
        } else if self.has_older
            && let Some(first) = self.rows.first()
        {
            let key = first.key();
            self.load(PageFrom::OlderThan(key), self.rows.len() - 1, cx)
        } else {
            Effect::None
        }
    }

    fn up(&mut self, cx: &mut Cx) -> Effect {
        if self.selected > 0 {
            self.selected -= 1;
            self.load_detail(cx)
        } else if self.has_newer
            && let Some(last) = self.rows.last()
        {
            let key = last.key();
            self.load(PageFrom::NewerThan(key), 0, cx)
        } else {
            Effect::None
        }
    }

    fn page_down(&mut self, cx: &mut Cx) -> Effect {
        if self.has_older
            && let Some(last) = self.rows.last()
        {
            let k = last.key();
            self.load(PageFrom::OlderThan(k), self.selected, cx)
        } else if !self.rows.is_empty() {
            self.selected = self.rows.len() - 1;
            self.load_detail(cx)
        } else {
            Effect::None
        }
    }

    fn page_up(&mut self, cx: &mut Cx) -> Effect {
        if self.has_newer
            && let Some(first) = self.rows.first()
        {
            let k = first.key();
            self.load(PageFrom::NewerThan(k), self.selected, cx)
        } else {
            self.selected = 0;
            self.load_detail(cx)
        }
    }

    /// Editing the filter line.
    pub(super) fn filter_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let said = match action {
            Action::Accept => {
                if self.filter_error.is_none() {
                    self.editing = None;
                }
                Effect::None
            }
            Action::Cancel => {
                let before = self.editing.take().unwrap_or_default();
                self.filter_input.set(&before);
                self.reload_filter(cx)
            }
            a if LineInput::is_edit(a) => {
                if self.filter_input.edit(a) {
                    self.reload_filter(cx)
                } else {
                    Effect::None
                }
            }
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    /// The table and the detail pane.
    pub(super) fn list_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let in_detail = self.focus == Pane::Detail;
        let said = match action {
            Action::Down if in_detail => {
                self.detail_scroll = self.detail_scroll.saturating_add(1);
                Effect::None
            }
            Action::Up if in_detail => {
                self.detail_scroll = self.detail_scroll.saturating_sub(1);
                Effect::None
            }
            Action::Down => self.down(cx),
            Action::Up => self.up(cx),
            Action::PageDown => self.page_down(cx),
            Action::PageUp => self.page_up(cx),
            Action::Top => self.load(PageFrom::Newest, 0, cx),
            Action::Bottom => self.load(PageFrom::Oldest, usize::MAX, cx),
            Action::NextPane | Action::PrevPane => {
                self.focus = if self.focus == Pane::List {
                    Pane::Detail
                } else {
                    Pane::List
                };
                Effect::None
            }
            Action::Open => {
                self.focus = Pane::Detail;
                Effect::None
            }
            Action::Back if in_detail => {
                self.focus = Pane::List;
                Effect::None
            }
            Action::Back if !self.filter_input.text().is_empty() => {
                self.filter_input.set("");
                self.reload_filter(cx)
            }
            Action::Back => Effect::None,
            Action::Filter => {
                self.editing = Some(self.filter_input.text().to_string());
                self.focus = Pane::List;
                Effect::None
            }
            Action::ClearFilter => {
                self.filter_input.set("");
                self.reload_filter(cx)
            }
            Action::AwaitingReview => self.toggle_awaiting(cx),
            Action::Reload => self.reload(cx),
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }
}
