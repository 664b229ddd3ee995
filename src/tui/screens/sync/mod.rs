//! The Sync tab: counts per state, the queued records, last export and receipt, review
//! decisions, and the export / acknowledge (field device) and import (headquarters)
//! actions. Each write asks for a path, then returns `Effect::Confirm` holding the
//! [`PendingWrite`](crate::tui::pending::PendingWrite); the App runs it on Yes through
//! `crate::sync`, as the CLI does, and hands the outcome back ([`SyncScreen::written`]).

mod decisions;
mod keys;
pub mod ops;
mod queued;
mod view;
mod world;

use ratatui::Frame;
use ratatui::layout::Rect;

use self::ops::{LIST_LIMIT, Op};
use super::{Cx, Pane, Screen, ViewCx};
use crate::domain::{DbKind, World};
use crate::report::SyncOverview;
use crate::store::query::decisions::DecisionRow;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::input::LineInput;

/// What the tab is doing.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Mode {
    #[default]
    Browse,
    /// Asking for a path; `error` says what is wrong with the last one.
    Prompt {
        op: Op,
        input: LineInput,
        error: Option<String>,
    },
}

/// The last write's outcome, kept on screen until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub ok: bool,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct SyncScreen {
    pub data: Option<SyncOverview>,
    pub load_error: Option<String>,
    pub mode: Mode,
    pub outcome: Option<Outcome>,
    /// The focused list: queued records (or devices at HQ) or review decisions.
    pub focus: Pane,
    pub selected: usize,
    pub review_scroll: usize,
    /// This database's world (the training world speaks of the training headquarters).
    pub world: World,
    /// The newest decisions with what they are on, and how many there are in all.
    pub decisions: Vec<DecisionRow>,
    pub decisions_total: u64,
    /// The active rule pack: version, signed or not, publication date.
    pub pack: Option<crate::store::PackStatus>,
    /// The declaration number of each queued record (by record id), read with the queue.
    pub declarations: std::collections::HashMap<String, String>,
}

impl SyncScreen {
    fn reload(&mut self, cx: &mut Cx) {
        self.world = cx.store.device().world().unwrap_or_default();
        self.pack = cx.store.rules().pack_status().ok().flatten();
        match SyncOverview::build(cx.store, LIST_LIMIT) {
            Ok(d) => {
                self.selected = self.selected.min(self.list_len(&d).saturating_sub(1));
                self.review_scroll = self.review_scroll.min(d.reviews.len().saturating_sub(1));
                self.declarations = queued::declarations(cx, &d);
                self.data = Some(d);
                self.load_error = None;
            }
            Err(e) => {
                let e = e.to_string();
                self.load_error = Some(crate::t!(cx.lang, "sync-state-error", error = e));
            }
        }
        match cx.store.query().decisions(LIST_LIMIT) {
            Ok((rows, total)) => {
                self.review_scroll = self.review_scroll.min(rows.len().saturating_sub(1));
                self.decisions = rows;
                self.decisions_total = total;
            }
            Err(e) => {
                let error = crate::domain::sanitize(&e.to_string()).into_owned();
                self.load_error = Some(crate::t!(
                    cx.lang,
                    "sync-decisions-unreadable",
                    error = error
                ));
            }
        }
    }

    fn list_len(&self, d: &SyncOverview) -> usize {
        if d.kind == DbKind::Hq {
            d.status.devices.len()
        } else {
            d.queued.len()
        }
    }
}

impl Screen for SyncScreen {
    fn title(&self) -> &'static str {
        "tab-sync"
    }

    fn context(&self) -> Context {
        match &self.mode {
            Mode::Prompt { .. } => Context::SyncPrompt,
            Mode::Browse => match self.data.as_ref().map(|d| d.kind) {
                Some(DbKind::Hq) => Context::SyncHq,
                _ => Context::Sync,
            },
        }
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match self.mode {
            Mode::Prompt { .. } => self.prompt(action, cx.lang),
            Mode::Browse => self.browse(action, cx),
        }
    }

    fn type_char(&mut self, c: char, _cx: &mut Cx) -> Effect {
        match &mut self.mode {
            Mode::Prompt { input, error, .. } => {
                input.insert(c);
                *error = None;
                Effect::Redraw
            }
            Mode::Browse => Effect::None,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx) {
        view::render(self, f, area, v);
    }

    fn activate(&mut self, cx: &mut Cx) -> Effect {
        self.reload(cx);
        Effect::None
    }
}
