//! The Shipments tab: the log as a table, keyset-paged newest first, filtered by a
//! line of words and `from: to: dest: family: status:` terms, with a detail pane.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::review::ReviewState;
use super::{Cx, Pane, Screen};
use crate::store::Decision;
use crate::store::shipments::{PageFrom, ShipmentDetail, ShipmentFilter, ShipmentRow};
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind, list_bindings};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;

#[derive(Debug, Clone, Default)]
pub struct ShipmentsScreen {
    pub filter_input: LineInput,
    /// Set while the filter line is edited: the line before editing.
    pub editing: Option<String>,
    pub filter: ShipmentFilter,
    pub filter_error: Option<String>,
    pub rows: Vec<ShipmentRow>,
    pub selected: usize,
    pub has_newer: bool,
    pub has_older: bool,
    pub detail: Option<ShipmentDetail>,
    pub focus: Pane,
    pub detail_scroll: u16,
    pub page_size: usize,
    pub loaded: bool,
    /// The rows as table text for `row_width` (formatted once per page, not per frame).
    pub row_texts: Vec<String>,
    pub row_width: usize,
    /// Headquarters review: who may, the marked inspection, the decision modal.
    pub review: ReviewState,
}

pub fn bindings() -> Vec<Binding> {
    let c = Context::Shipments;
    let mut v = list_bindings(c);
    v.push(bind(c, Key::ch('r'), Action::Top, "newest (reload)"));
    v
}

impl ShipmentsScreen {
    pub fn new() -> ShipmentsScreen {
        ShipmentsScreen {
            page_size: 10,
            ..Default::default()
        }
    }

    /// Loads a page starting at `from`; `select` picks the row (clamped).
    fn load(&mut self, from: PageFrom, select: usize, cx: &mut Cx) {
        let want = self.page_size.max(1);
        match cx.store.shipments_page(&self.filter, &from, want + 1) {
            Ok(mut rows) => {
                let extra = rows.len() > want;
                match from {
                    PageFrom::Newest | PageFrom::OlderThan(_) | PageFrom::AtOrOlder(_) => {
                        rows.truncate(want);
                        self.has_older = extra;
                        self.has_newer = !matches!(from, PageFrom::Newest);
                    }
                    PageFrom::Oldest | PageFrom::NewerThan(_) => {
                        if extra {
                            rows.remove(0);
                        }
                        self.has_newer = extra;
                        self.has_older = !matches!(from, PageFrom::Oldest);
                    }
                }
                if rows.is_empty() && !matches!(from, PageFrom::Newest) {
                    // ran off an edge (rows vanished under us): start again
                    return self.load(PageFrom::Newest, 0, cx);
                }
                self.rows = rows;
                self.row_texts = self
                    .rows
                    .iter()
                    .map(|r| super::shipments_view::row_text(r, self.row_width))
                    .collect();
                self.selected = select.min(self.rows.len().saturating_sub(1));
                self.loaded = true;
                self.load_detail(cx);
            }
            Err(e) => cx.error(format!("shipment log: {e}")),
        }
    }

    fn load_detail(&mut self, cx: &mut Cx) {
        let same = self.detail.as_ref().map(|d| d.row.id.as_str())
            == self.rows.get(self.selected).map(|r| r.id.as_str());
        if !same {
            self.detail_scroll = 0;
            self.review.pick = 0;
        }
        self.detail = match self.rows.get(self.selected) {
            None => None,
            Some(r) => match cx.store.shipment_detail(&r.id) {
                Ok(d) => d,
                Err(e) => {
                    cx.error(format!("shipment detail: {e}"));
                    None
                }
            },
        };
    }

    fn reload_filter(&mut self, cx: &mut Cx) {
        match ShipmentFilter::parse(self.filter_input.text()) {
            Ok(f) => {
                self.filter_error = None;
                if f != self.filter || !self.loaded {
                    self.filter = f;
                    self.load(PageFrom::Newest, 0, cx);
                }
            }
            Err(e) => self.filter_error = Some(e.to_string()),
        }
    }

    /// Re-reads the page where it is, the selected shipment and who may review: another
    /// session's writes show (nothing is re-read on a timer).
    fn reload(&mut self, cx: &mut Cx) {
        self.review.check(cx);
        let sel = self.selected;
        match self.rows.first().map(|r| r.key()) {
            Some(k) if self.has_newer => self.load(PageFrom::AtOrOlder(k), sel, cx),
            _ => self.load(PageFrom::Newest, sel, cx),
        }
    }

    /// `w`: adds or removes the `review:pending` term of the filter line.
    fn toggle_awaiting(&mut self, cx: &mut Cx) {
        let text = self.filter_input.text();
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| !matches!(*w, "review:pending" | "review:awaiting"))
            .collect();
        let mut line = words.join(" ");
        if !self.filter.awaiting_review {
            line = format!("{line} review:pending").trim_start().to_string();
        }
        self.filter_input.set(&line);
        self.reload_filter(cx);
        self.focus = Pane::List;
    }

    fn down(&mut self, cx: &mut Cx) {
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
            self.load_detail(cx);
        } else if self.has_older && !self.rows.is_empty() {
            let key = self.rows[0].key();
            self.load(PageFrom::OlderThan(key), self.rows.len() - 1, cx);
        }
    }

    fn up(&mut self, cx: &mut Cx) {
        if self.selected > 0 {
            self.selected -= 1;
            self.load_detail(cx);
        } else if self.has_newer && !self.rows.is_empty() {
            let key = self.rows[self.rows.len() - 1].key();
            self.load(PageFrom::NewerThan(key), 0, cx);
        }
    }
}

impl Screen for ShipmentsScreen {
    fn title(&self) -> &'static str {
        "Shipments"
    }

    fn context(&self) -> Context {
        if self.review.prompt.is_some() {
            Context::ReviewComment
        } else if self.editing.is_some() {
            Context::Filter
        } else if self.review.is_supervisor() {
            Context::Review
        } else {
            Context::Shipments
        }
    }

    fn has_unsaved(&self) -> bool {
        self.review
            .prompt
            .as_ref()
            .is_some_and(|p| !p.comment.text().trim().is_empty())
    }

    fn activate(&mut self, cx: &mut Cx) {
        if self.review.access.is_none() {
            self.review.check(cx);
        }
        if !self.loaded {
            self.load(PageFrom::Newest, 0, cx);
        }
    }

    fn resize(&mut self, body: Rect, cx: &mut Cx) {
        let (table, _) = super::shipments_view::split(body);
        let width = super::shipments_view::table_text_width(body);
        if width != self.row_width {
            self.row_width = width;
            self.row_texts = self
                .rows
                .iter()
                .map(|r| super::shipments_view::row_text(r, width))
                .collect();
        }
        let size = table.height.saturating_sub(4).max(1) as usize;
        if size != self.page_size {
            self.page_size = size;
            if self.loaded {
                let sel = self.selected;
                match self.rows.first().map(|r| r.key()) {
                    // keep the first row in place
                    Some(k) if self.has_newer => self.load(PageFrom::AtOrOlder(k), sel, cx),
                    _ => self.load(PageFrom::Newest, sel, cx),
                }
            }
        }
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> bool {
        if self.review.prompt.is_some() {
            if self.review.prompt_update(action, cx) {
                self.load_detail(cx); // the decision shows at once
            }
            return true;
        }
        if self.editing.is_some() {
            return match action {
                Action::Accept => {
                    if self.filter_error.is_none() {
                        self.editing = None;
                    }
                    true
                }
                Action::Cancel => {
                    let before = self.editing.take().unwrap_or_default();
                    self.filter_input.set(&before);
                    self.reload_filter(cx);
                    true
                }
                a if LineInput::is_edit(a) => {
                    if self.filter_input.edit(a) {
                        self.reload_filter(cx);
                    }
                    true
                }
                _ => false,
            };
        }
        let in_detail = self.focus == Pane::Detail;
        match action {
            Action::Down if in_detail => self.detail_scroll = self.detail_scroll.saturating_add(1),
            Action::Up if in_detail => self.detail_scroll = self.detail_scroll.saturating_sub(1),
            Action::Down => self.down(cx),
            Action::Up => self.up(cx),
            Action::PageDown => {
                if self.has_older
                    && let Some(last) = self.rows.last()
                {
                    let k = last.key();
                    self.load(PageFrom::OlderThan(k), self.selected, cx);
                } else if !self.rows.is_empty() {
                    self.selected = self.rows.len() - 1;
                    self.load_detail(cx);
                }
            }
            Action::PageUp => {
                if self.has_newer
                    && let Some(first) = self.rows.first()
                {
                    let k = first.key();
                    self.load(PageFrom::NewerThan(k), self.selected, cx);
                } else {
                    self.selected = 0;
                    self.load_detail(cx);
                }
            }
            Action::Top => self.load(PageFrom::Newest, 0, cx),
            Action::Bottom => self.load(PageFrom::Oldest, usize::MAX, cx),
            Action::NextPane | Action::PrevPane => {
                self.focus = if self.focus == Pane::List {
                    Pane::Detail
                } else {
                    Pane::List
                };
            }
            Action::Open => self.focus = Pane::Detail,
            Action::Back => {
                if in_detail {
                    self.focus = Pane::List;
                } else if !self.filter_input.text().is_empty() {
                    self.filter_input.set("");
                    self.reload_filter(cx);
                }
            }
            Action::Filter => {
                self.editing = Some(self.filter_input.text().to_string());
                self.focus = Pane::List;
            }
            Action::ClearFilter => {
                self.filter_input.set("");
                self.reload_filter(cx);
            }
            Action::ReviewApprove => {
                self.review
                    .start(Decision::Approved, self.detail.as_ref(), cx)
            }
            Action::ReviewReturn => self
                .review
                .start(Decision::Returned, self.detail.as_ref(), cx),
            Action::NextInspection => self.review.next(self.detail.as_ref(), cx),
            Action::AwaitingReview => self.toggle_awaiting(cx),
            Action::Reload => self.reload(cx),
            _ => return false,
        }
        true
    }

    fn type_char(&mut self, c: char, cx: &mut Cx) -> bool {
        if self.review.type_char(c) {
            return true;
        }
        if self.editing.is_none() {
            return false;
        }
        self.filter_input.insert(c);
        self.reload_filter(cx);
        true
    }

    fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        super::shipments_view::render(self, f, area, theme);
    }
}
