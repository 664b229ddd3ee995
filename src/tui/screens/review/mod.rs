//! The Review tab (headquarters): the queue of received inspections with their review
//! state, filtered in the grammar `minspect review list` takes, counts per state in the
//! title, a "new" mark for what arrived since this supervisor's previous visit (stored
//! when the tab is left), a read-only record view, and the decisions: approve (asks),
//! return (comment required), approve a Space selection in one step, change a decision
//! explicitly. Who may decide is read from the store (the supervisor mapped to this
//! process's OS login); anyone else reads why. The store refuses what the desk's rules
//! forbid; the refusal shows in the modal.

mod keys;
pub(crate) mod record;
pub mod stats;
mod stats_view;
mod view;

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Cx, Pane, Screen, ViewCx};
use crate::domain::{DbKind, Msg, Role, sanitize};
use crate::store::queue::{QueueCounts, QueueFilter, QueueFrom, QueueRow, QueueSort, Resolved};
use crate::store::{Decision, DecisionMode, Store, StoreError, os_login};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::status::StatusInfo;

/// Who is looking, as far as review goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Headquarters, a login mapped to this supervisor (name, officer id).
    Supervisor { name: String, id: String },
    /// Headquarters, but this login may not decide: the catalogue id of why, the login.
    Denied { why: &'static str, login: String },
    /// A field or training database: decisions arrive in receipts.
    NotHq,
}

/// A decision waiting in the modal for its comment and Enter.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPrompt {
    pub decision: Decision,
    pub mode: DecisionMode,
    /// The inspections it decides (one, or the selection).
    pub targets: Vec<String>,
    /// What is decided, in words.
    pub what: String,
    pub comment: LineInput,
    pub error: Option<String>,
}

/// The record view (Enter): its lines, built once when opened.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordView {
    pub inspection_id: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewScreen {
    pub access: Option<Access>,
    pub filter_input: LineInput,
    /// Set while the filter line is edited: the line before editing.
    pub editing: Option<String>,
    pub filter: Option<Resolved>,
    /// Why the filter line is refused (shown under the queue; the queue stays as it was).
    pub filter_error: Option<Msg>,
    pub sort: QueueSort,
    pub rows: Vec<QueueRow>,
    pub selected: usize,
    /// Where each page read so far starts (the last is the page shown).
    pub starts: Vec<QueueFrom>,
    pub has_more: bool,
    pub counts: QueueCounts,
    /// Inspections selected with Space.
    pub chosen: BTreeSet<String>,
    /// When this supervisor last left the tab (rows received later are new).
    pub last_visit: Option<String>,
    pub record: Option<RecordView>,
    pub focus: Pane,
    pub scroll: u16,
    pub prompt: Option<ReviewPrompt>,
    pub page_size: usize,
    /// The statistics view (`S`), shown instead of the queue while open.
    pub stats: stats::StatsView,
    /// The re-screening list (`E`), shown instead of the queue while open.
    pub rescreen: super::rescreen::RescreenView,
    loaded: bool,
}

impl ReviewScreen {
    pub fn new() -> ReviewScreen {
        ReviewScreen {
            page_size: 10,
            rescreen: super::rescreen::RescreenView::new(record::lines).starting_days_back(30),
            ..Default::default()
        }
    }

    /// Re-reads who may decide (the login's mapping may have changed).
    pub fn check(&mut self, cx: &mut Cx) {
        let login = sanitize(&os_login().unwrap_or_else(|| "(none)".into())).into_owned();
        let denied = |why: &'static str| Access::Denied {
            why,
            login: login.clone(),
        };
        self.access = Some(match cx.store.device().db_kind() {
            Ok(DbKind::Hq) if cx.read_only => denied("review-denied-read-only"),
            Ok(DbKind::Hq) => match cx.store.hq().acting_officer() {
                Ok(o) if o.role == Role::Supervisor => Access::Supervisor {
                    name: o.name,
                    id: o.id,
                },
                Ok(_) => denied("review-denied-not-supervisor"),
                Err(StoreError::Invalid(_)) => denied("review-denied-unmapped"),
                Err(_) => denied("review-denied-unreadable"),
            },
            Ok(_) => Access::NotHq,
            Err(_) => denied("review-denied-unreadable"),
        });
    }

    pub fn is_supervisor(&self) -> bool {
        matches!(self.access, Some(Access::Supervisor { .. }))
    }

    fn officer_id(&self) -> Option<&str> {
        match &self.access {
            Some(Access::Supervisor { id, .. }) => Some(id),
            _ => None,
        }
    }

    /// The row under the cursor.
    pub fn current(&self) -> Option<&QueueRow> {
        self.rows.get(self.selected)
    }

    /// True when `r` arrived after this supervisor's previous visit.
    pub fn is_new(&self, r: &QueueRow) -> bool {
        self.last_visit
            .as_deref()
            .is_none_or(|v| r.received_at.as_str() > v)
    }

    /// Reads the page starting at the last of `starts` and the counts.
    fn load(&mut self, select: usize, cx: &mut Cx) -> Effect {
        if self.filter.is_none() {
            return self.reload_filter(cx);
        }
        let Some(r) = &self.filter else {
            return Effect::None;
        };
        let from = self.starts.last().cloned().unwrap_or_default();
        let want = self.page_size.max(1);
        let hq = cx.store.hq();
        match hq
            .queue_page(r, self.sort, &from, want + 1)
            .and_then(|rows| Ok((rows, hq.queue_counts(r)?)))
        {
            Ok((mut rows, counts)) => {
                self.has_more = rows.len() > want;
                rows.truncate(want);
                self.rows = rows;
                self.counts = counts;
                self.selected = select.min(self.rows.len().saturating_sub(1));
                self.loaded = true;
                Effect::None
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "review-queue-unreadable",
                error = sanitize(&e.to_string()).into_owned()
            )),
        }
    }

    /// Parses the filter line; a refusal stays in the footer, the queue as it was.
    fn reload_filter(&mut self, cx: &mut Cx) -> Effect {
        let line = self.typed_line();
        let parsed =
            QueueFilter::parse(&line).and_then(|f| match cx.store.hq().resolve_queue_filter(&f) {
                Ok(r) => r,
                Err(e) => Err(Msg::new("review-queue-unreadable")
                    .arg("error", sanitize(&e.to_string()).into_owned())),
            });
        match parsed {
            Ok(r) => {
                self.filter_error = None;
                if self.filter.as_ref() != Some(&r) || !self.loaded {
                    self.filter = Some(r);
                    self.starts = vec![QueueFrom::First];
                    return self.load(0, cx);
                }
                Effect::None
            }
            Err(m) => {
                self.filter_error = Some(m);
                Effect::None
            }
        }
    }

    /// The filter line to apply: while it is edited, a last word that starts a term's
    /// name (`offi`, on its way to `officer:`) is left out, so the queue does not flash
    /// empty on a word nobody meant to search for.
    fn typed_line(&self) -> String {
        let text = self.filter_input.text();
        let Some(last) = text.split_whitespace().last() else {
            return String::new();
        };
        let starts_term = last.len() >= 2
            && !last.contains(':')
            && crate::store::queue::filter::TERMS
                .split_whitespace()
                .any(|t| t.starts_with(&last.to_lowercase()));
        if self.editing.is_some() && starts_term && !text.ends_with(' ') {
            text.trim_end()
                .strip_suffix(last)
                .unwrap_or(text)
                .to_string()
        } else {
            text.to_string()
        }
    }

    /// The tab is left: now is this supervisor's last visit; the next visit reads again.
    pub fn leave(&mut self, cx: &mut Cx) -> Effect {
        self.loaded = false;
        self.last_visit = None;
        match self.officer_id().map(str::to_string) {
            Some(id) if !cx.read_only => match cx.store.hq_mut().save_visit(&id) {
                Ok(()) => Effect::None,
                Err(e) => Effect::error(sanitize(&e.to_string()).into_owned()),
            },
            _ => Effect::None,
        }
    }

    fn first_visit_load(&mut self, cx: &mut Cx) -> Effect {
        self.check(cx);
        self.last_visit = self
            .officer_id()
            .and_then(|id| cx.store.hq().last_visit(id).ok().flatten());
        self.starts = vec![QueueFrom::First];
        self.filter = None;
        self.load(0, cx)
    }
}

/// The status bar at headquarters names the officer acting under this login (not the
/// officer who created the file), or the unmapped login.
pub fn acting_status(store: &Store, st: &mut StatusInfo) {
    if store.device().db_kind().ok() != Some(DbKind::Hq) {
        return;
    }
    match store.hq().acting_officer() {
        Ok(o) => {
            st.role = o.role.as_str().to_string();
            st.officer = o.name;
            st.badge = o.badge;
        }
        Err(_) => {
            st.role = "unmapped".into();
            st.officer = format!("login {}", os_login().unwrap_or_default());
            st.badge = String::new();
        }
    }
}

impl Screen for ReviewScreen {
    fn title(&self) -> &'static str {
        "tab-review"
    }

    fn context(&self) -> Context {
        if self.prompt.is_some() {
            Context::ReviewComment
        } else if self.rescreen.open {
            self.rescreen.context()
        } else if self.stats.open {
            match self.stats.editing {
                Some(_) => Context::Filter,
                None => Context::ReviewStats,
            }
        } else if self.editing.is_some() {
            Context::Filter
        } else {
            Context::Review
        }
    }

    fn has_unsaved(&self) -> bool {
        self.prompt
            .as_ref()
            .is_some_and(|p| !p.comment.text().trim().is_empty())
    }

    fn activate(&mut self, cx: &mut Cx) -> Effect {
        if self.loaded {
            return Effect::None;
        }
        let queue = self.first_visit_load(cx);
        // back on the tab with the statistics open: their numbers are read again
        match self.stats.open {
            true => queue.and(self.stats.show(cx)),
            false => queue,
        }
    }

    fn resize(&mut self, body: Rect, cx: &mut Cx) -> Effect {
        // the frame, the legend, the header and the filter line
        let size = body.height.saturating_sub(5).max(1) as usize;
        if size != self.page_size {
            self.page_size = size;
            if self.loaded {
                let sel = self.selected;
                return self.load(sel, cx);
            }
        }
        Effect::None
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.prompt.is_some() {
            return Effect::Redraw.and(self.prompt_update(action, cx));
        }
        if self.rescreen.open {
            return self.rescreen.update(action, cx);
        }
        if self.stats.open {
            return self.stats.update(action, cx);
        }
        if self.editing.is_some() {
            return self.filter_key(action, cx);
        }
        if action == Action::Rescreen {
            return self.rescreen.show(cx);
        }
        self.list_key(action, cx)
    }

    fn type_char(&mut self, c: char, cx: &mut Cx) -> Effect {
        if let Some(p) = &mut self.prompt {
            p.comment.insert(c);
            p.error = None;
            return Effect::Redraw;
        }
        if self.rescreen.open {
            return self.rescreen.type_char(c);
        }
        if self.stats.open {
            return self.stats.type_char(c);
        }
        if self.editing.is_none() {
            return Effect::None;
        }
        self.filter_input.insert(c);
        Effect::Redraw.and(self.reload_filter(cx))
    }

    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx) {
        if self.rescreen.open {
            return super::rescreen::render(&self.rescreen, f, area, v);
        }
        if self.stats.open {
            return stats_view::render(&self.stats, f, area, v);
        }
        view::render(self, f, area, v);
    }
}
