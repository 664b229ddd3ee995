//! The Shipments tab: the log as a table, keyset-paged newest first, filtered by a
//! line of words and `from: to: dest: family: status:` terms, with a detail pane. At
//! headquarters supervisors decide on the Review tab (`screens::review`).

mod count;
mod detail;
mod keys;
mod table;
mod view;

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cx, Pane, Screen, ViewCx};
use crate::report::ShipmentCard;
use crate::rules::RulePack;
use crate::store::query::shipment_detail::ShipmentDetail;
use crate::store::shipments::{PageFrom, ShipmentFilter, ShipmentRow};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::input::LineInput;

pub use self::table::{row_text, split, table_text_width, verdicts_cell};

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
    /// The detail pane's text, built with the detail (never per frame).
    pub card: Option<ShipmentCard>,
    pub focus: Pane,
    pub detail_scroll: u16,
    pub page_size: usize,
    /// False until the first page is read, and after a write elsewhere made the page
    /// stale ([`ShipmentsScreen::mark_stale`]): the next visit reads it again.
    loaded: bool,
    /// The rows as table text for `row_width` (formatted once per page, not per frame).
    pub row_texts: Vec<String>,
    pub row_width: usize,
    /// Each row's verdicts cell (on the declaration → after inspection), read with the
    /// page.
    pub verdicts: Vec<String>,
    /// How many shipments the filter matches (read with its first page).
    pub matching: Option<crate::store::query::count::MatchCount>,
    /// The active pack, to screen declarations headquarters' desk holds no verdict of.
    pub pack: Option<Rc<RulePack>>,
}

impl ShipmentsScreen {
    pub fn new() -> ShipmentsScreen {
        ShipmentsScreen {
            page_size: 10,
            ..Default::default()
        }
    }

    pub fn set_pack(&mut self, pack: Option<Rc<RulePack>>) {
        self.pack = pack;
    }

    /// The rows as table text at `width` (once per page or width, never per frame).
    fn format_rows(&mut self, width: usize) {
        self.row_width = width;
        self.row_texts = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| row_text(r, self.verdicts.get(i).map_or("", String::as_str), width))
            .collect();
    }

    /// A write on another tab changed the log: read the page again on the next visit.
    pub fn mark_stale(&mut self) {
        self.loaded = false;
    }

    /// The shipment under the selection.
    pub fn selected_id(&self) -> Option<&str> {
        self.rows.get(self.selected).map(|r| r.id.as_str())
    }

    /// Loads a page starting at `from`; `select` picks the row (clamped).
    fn load(&mut self, from: PageFrom, select: usize, cx: &mut Cx) -> Effect {
        let want = self.page_size.max(1);
        match cx
            .store
            .query()
            .shipments_page(&self.filter, &from, want + 1)
        {
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
                if matches!(from, PageFrom::Newest) {
                    self.matching = count::read(cx, &self.filter, rows.len(), self.has_older);
                }
                let verdicts = cx.store.query().row_verdicts(&rows, self.pack.as_deref());
                self.verdicts = match verdicts {
                    Ok(v) => v.iter().map(|v| verdicts_cell(cx.lang, v)).collect(),
                    Err(e) => {
                        let error = crate::domain::sanitize(&e.to_string()).into_owned();
                        return Effect::error(crate::t!(
                            cx.lang,
                            "shipments-unreadable",
                            error = error
                        ));
                    }
                };
                self.rows = rows;
                self.format_rows(self.row_width);
                self.selected = select.min(self.rows.len().saturating_sub(1));
                self.loaded = true;
                self.load_detail(cx)
            }
            Err(e) => Effect::error(crate::t!(cx.lang, "ships-log-error", error = e.to_string())),
        }
    }

    fn load_detail(&mut self, cx: &mut Cx) -> Effect {
        let same = self.detail.as_ref().map(|d| d.row.id.as_str())
            == self.rows.get(self.selected).map(|r| r.id.as_str());
        if !same {
            self.detail_scroll = 0;
        }
        let mut said = Effect::None;
        self.detail = match self.rows.get(self.selected) {
            None => None,
            Some(r) => match cx.store.query().shipment_detail(&r.id) {
                Ok(d) => d,
                Err(e) => {
                    said = Effect::error(crate::t!(
                        cx.lang,
                        "ships-detail-error",
                        error = e.to_string()
                    ));
                    None
                }
            },
        };
        // both verdicts of the shipment, as its row of the list reads them
        let verdicts = match &self.detail {
            Some(d) => cx
                .store
                .query()
                .row_verdicts(std::slice::from_ref(&d.row), self.pack.as_deref())
                .ok()
                .and_then(|mut v| v.pop())
                .unwrap_or_default(),
            None => Default::default(),
        };
        self.card = self
            .detail
            .as_ref()
            .map(|d| ShipmentCard::build(d, &verdicts, &cx.clock, cx.lang));
        said
    }

    fn reload_filter(&mut self, cx: &mut Cx) -> Effect {
        match ShipmentFilter::parse(self.filter_input.text()) {
            Ok(f) => {
                self.filter_error = None;
                if f != self.filter || !self.loaded {
                    self.filter = f;
                    return self.load(PageFrom::Newest, 0, cx);
                }
                Effect::None
            }
            Err(e) => {
                self.filter_error = Some(crate::i18n::field_error(cx.lang, &e));
                Effect::None
            }
        }
    }

    /// Re-reads the page where it is (keeping its first row in place).
    fn reload_page(&mut self, cx: &mut Cx) -> Effect {
        let sel = self.selected;
        match self.rows.first().map(|r| r.key()) {
            Some(k) if self.has_newer => self.load(PageFrom::AtOrOlder(k), sel, cx),
            _ => self.load(PageFrom::Newest, sel, cx),
        }
    }
}

impl Screen for ShipmentsScreen {
    fn title(&self) -> &'static str {
        "tab-shipments"
    }

    fn context(&self) -> Context {
        if self.editing.is_some() {
            Context::Filter
        } else {
            Context::Shipments
        }
    }

    fn activate(&mut self, cx: &mut Cx) -> Effect {
        if self.loaded {
            return Effect::None;
        }
        self.load(PageFrom::Newest, 0, cx)
    }

    fn resize(&mut self, body: Rect, cx: &mut Cx) -> Effect {
        let (table, _) = split(body);
        let width = table_text_width(body);
        if width != self.row_width {
            self.format_rows(width);
        }
        let size = table.height.saturating_sub(4).max(1) as usize;
        if size != self.page_size {
            self.page_size = size;
            if self.loaded {
                return self.reload_page(cx);
            }
        }
        Effect::None
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.editing.is_some() {
            return self.filter_key(action, cx);
        }
        self.list_key(action, cx)
    }

    fn type_char(&mut self, c: char, cx: &mut Cx) -> Effect {
        if self.editing.is_none() {
            return Effect::None;
        }
        self.filter_input.insert(c);
        Effect::Redraw.and(self.reload_filter(cx))
    }

    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx) {
        view::render(self, f, area, v);
    }
}
