//! The re-screening list, shown by the Rules tab on a laptop and the Review tab at
//! headquarters (`E`): the finalized inspections whose verdict the active rule pack would
//! change, and why, from the same read model `minspect rules rescreen` prints
//! (`report::rescreen`). The list is computed when the view opens, when its "finalized
//! since" date changes and on F5, never in render; nothing is written. Enter shows the
//! record read-only (the lines of the Review tab's record view); Esc goes back.

mod view;

use crate::domain::{Clock, Lang, sanitize};
use crate::report::rescreen::{Rescreen, RescreenRow, rescreen};
use crate::store::{Store, StoreError};
use crate::t;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::screens::Cx;
use crate::tui::widgets::input::LineInput;

pub use view::render;

/// A record opened from the list: its lines, built once when opened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RescreenRecord {
    pub inspection_id: String,
    pub lines: Vec<String>,
}

/// The lines of a record's read-only view (the Review tab's, handed in by the tab that
/// shows the list, so this view imports no other screen).
pub type RecordLines = fn(&Store, &str, &Clock, Lang) -> Result<Vec<String>, StoreError>;

/// The view's state.
#[derive(Debug, Clone, Default)]
pub struct RescreenView {
    /// How Enter reads the record under the cursor.
    pub record_lines: Option<RecordLines>,
    /// Shown instead of the tab's own list.
    pub open: bool,
    /// The "finalized since" date (`YYYY-MM-DD`, empty for every record).
    pub since: LineInput,
    /// Set while the date is edited: the date before editing.
    pub editing: Option<String>,
    /// Why the date was refused or the list could not be read (the list stays as it was).
    pub error: Option<String>,
    /// The list, read when the view opened, the date changed or F5.
    pub result: Option<Rescreen>,
    pub selected: usize,
    pub record: Option<RescreenRecord>,
    pub scroll: u16,
    /// The days before today the date starts at when the view first opens (headquarters:
    /// a log of a million shipments is not screened again whole by one key).
    pub default_days: Option<u32>,
    /// The view has opened once (the default date is set only then).
    pub opened_once: bool,
}

impl RescreenView {
    /// A closed view whose Enter shows records with `record_lines`.
    pub fn new(record_lines: RecordLines) -> RescreenView {
        RescreenView {
            record_lines: Some(record_lines),
            ..Default::default()
        }
    }

    /// The same view, opening on the last `days` days of finalizing.
    pub fn starting_days_back(mut self, days: u32) -> RescreenView {
        self.default_days = Some(days);
        self
    }

    /// The keymap context in force while the view is open.
    pub fn context(&self) -> Context {
        match self.editing {
            Some(_) => Context::Filter,
            None => Context::Rescreen,
        }
    }

    /// The row under the cursor.
    pub fn current(&self) -> Option<&RescreenRow> {
        self.result.as_ref()?.changed.get(self.selected)
    }

    /// Opens the view: the list is computed now.
    pub fn show(&mut self, cx: &mut Cx) -> Effect {
        if !self.opened_once {
            self.opened_once = true;
            if let Some(days) = self.default_days {
                let start = cx.clock.today() - chrono::Days::new(u64::from(days));
                self.since.set(&start.to_string());
            }
        }
        self.open = true;
        self.record = None;
        Effect::Redraw.and(self.compute(cx))
    }

    /// The date typed, checked as `--since` checks it: `Ok(None)` when empty.
    fn since_date(&self) -> Result<Option<String>, String> {
        let text = self.since.text().trim();
        if text.is_empty() {
            return Ok(None);
        }
        chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| Some(d.to_string()))
            .map_err(|_| text.to_string())
    }

    /// Screens the finalized records again under the active pack; a refused date or an
    /// unreadable database keeps the list shown and says why under it.
    pub fn compute(&mut self, cx: &mut Cx) -> Effect {
        let lang = cx.lang;
        let since = match self.since_date() {
            Ok(s) => s,
            Err(v) => {
                let value = sanitize(&v).into_owned();
                self.error = Some(t!(lang, "rescreen-view-bad-since", value = value));
                return Effect::None;
            }
        };
        let unreadable = |e: &dyn std::fmt::Display| {
            let error = sanitize(&e.to_string()).into_owned();
            t!(lang, "rescreen-view-unreadable", error = error)
        };
        let pack = match cx.store.rules().active_pack() {
            Ok(Some(p)) => p,
            Ok(None) => {
                self.error = Some(t!(lang, "rescreen-view-no-pack"));
                return Effect::None;
            }
            Err(e) => {
                self.error = Some(unreadable(&e));
                return Effect::None;
            }
        };
        match rescreen(cx.store, &pack, since.as_deref()) {
            Ok(r) => {
                self.result = Some(r);
                self.error = None;
                self.selected = 0;
            }
            Err(e) => self.error = Some(unreadable(&e)),
        }
        Effect::None
    }

    /// Enter: the record under the cursor, read-only.
    fn open_record(&mut self, cx: &mut Cx) -> Effect {
        let Some(id) = self.current().map(|r| r.inspection_id.clone()) else {
            return Effect::None;
        };
        let Some(lines) = self.record_lines else {
            return Effect::None;
        };
        match lines(cx.store, &id, &cx.clock, cx.lang) {
            Ok(lines) => {
                self.record = Some(RescreenRecord {
                    inspection_id: id,
                    lines,
                });
                self.scroll = 0;
                Effect::None
            }
            Err(e) => Effect::error(t!(
                cx.lang,
                "rescreen-view-unreadable",
                error = sanitize(&e.to_string()).into_owned()
            )),
        }
    }

    /// A key while the date is edited: Enter applies it, Esc puts the old one back.
    fn since_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let said = match action {
            Action::Accept => {
                let before = self.editing.take();
                let said = self.compute(cx);
                if self.error.is_some() {
                    self.editing = before;
                }
                said
            }
            Action::Cancel => {
                let before = self.editing.take().unwrap_or_default();
                self.since.set(&before);
                self.error = None;
                Effect::None
            }
            a if LineInput::is_edit(a) => {
                self.since.edit(a);
                Effect::None
            }
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    /// A key of the record opened from the list.
    fn record_key(&mut self, action: Action) -> Effect {
        match action {
            Action::Back | Action::Rescreen => self.record = None,
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Top => self.scroll = 0,
            _ => return Effect::None,
        }
        Effect::Redraw
    }

    /// A key of the view (the date's keys while it is edited, the record's while open).
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.editing.is_some() {
            return self.since_key(action, cx);
        }
        if self.record.is_some() {
            return self.record_key(action);
        }
        let rows = self.result.as_ref().map_or(0, |r| r.changed.len());
        let last = rows.saturating_sub(1);
        let said = match action {
            Action::Back | Action::Rescreen => {
                self.open = false;
                Effect::None
            }
            Action::Down => self.select((self.selected + 1).min(last)),
            Action::Up => self.select(self.selected.saturating_sub(1)),
            Action::PageDown => self.select((self.selected + 10).min(last)),
            Action::PageUp => self.select(self.selected.saturating_sub(10)),
            Action::Top => self.select(0),
            Action::Bottom => self.select(last),
            Action::Open => self.open_record(cx),
            Action::Filter => {
                self.editing = Some(self.since.text().to_string());
                Effect::None
            }
            Action::ClearFilter => {
                self.since.set("");
                self.compute(cx)
            }
            Action::Reload => self.compute(cx),
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    fn select(&mut self, i: usize) -> Effect {
        self.selected = i;
        Effect::None
    }

    /// A printable key while the date is edited.
    pub fn type_char(&mut self, c: char) -> Effect {
        if self.editing.is_none() {
            return Effect::None;
        }
        self.since.insert(c);
        self.error = None;
        Effect::Redraw
    }
}
