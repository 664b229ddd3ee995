//! The Sync tab: counts per state, the queued records, last export and receipt, review
//! decisions, and the export / acknowledge (field device) and import (headquarters)
//! actions. Each write asks for a path, then a confirm modal holds it as data
//! ([`PendingWrite`]); Yes runs it through `crate::sync`, as the CLI does.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::sync_ops::{Op, PendingWrite, SyncData, refusal};
use super::{Cx, Pane, Screen};
use crate::domain::DbKind;
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind, hint, text_bindings};
use crate::tui::theme::Theme;
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
    /// The confirm modal: the write waits here until Yes or No.
    Confirm(PendingWrite),
}

/// The last write's outcome, kept on screen until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub ok: bool,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct SyncScreen {
    pub data: Option<SyncData>,
    pub load_error: Option<String>,
    pub mode: Mode,
    pub outcome: Option<Outcome>,
    /// The focused list: queued records (or devices at HQ) or review decisions.
    pub focus: Pane,
    pub selected: usize,
    pub review_scroll: usize,
    /// Set after a write that changed the queue; the App refreshes the status bar.
    pub queue_changed: bool,
}

fn list_keys(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::ch('j'), Down, "down"),
        bind(c, Key::plain(KeyCode::Down), Down, "down"),
        hint(c, Key::ch('k'), Up, "up"),
        bind(c, Key::plain(KeyCode::Up), Up, "up"),
        bind(c, Key::plain(KeyCode::PageDown), PageDown, "page down"),
        bind(c, Key::plain(KeyCode::PageUp), PageUp, "page up"),
        bind(c, Key::ch('g'), Top, "first row"),
        bind(c, Key::ch('G'), Bottom, "last row"),
        hint(c, Key::plain(KeyCode::Tab), NextPane, "next list"),
        bind(c, Key::plain(KeyCode::BackTab), PrevPane, "previous list"),
        hint(c, Key::ch('r'), SyncRefresh, "refresh"),
    ]
}

/// The write actions come first so the footer shows them even at 80 columns.
pub fn bindings() -> Vec<Binding> {
    let mut v = vec![
        hint(Context::Sync, Key::ch('e'), Action::SyncExport, "export"),
        hint(Context::Sync, Key::ch('a'), Action::SyncAck, "acknowledge"),
    ];
    v.extend(list_keys(Context::Sync));
    v.push(hint(
        Context::SyncHq,
        Key::ch('i'),
        Action::SyncImport,
        "import bundle",
    ));
    v.extend(list_keys(Context::SyncHq));
    let p = Context::SyncPrompt;
    v.extend([
        hint(p, Key::plain(KeyCode::Enter), Action::Accept, "continue"),
        hint(p, Key::plain(KeyCode::Esc), Action::Cancel, "cancel"),
    ]);
    v.extend(text_bindings(p));
    v
}

impl SyncScreen {
    fn reload(&mut self, cx: &mut Cx) {
        match SyncData::load(cx.store) {
            Ok(d) => {
                self.selected = self.selected.min(self.list_len(&d).saturating_sub(1));
                self.review_scroll = self.review_scroll.min(d.reviews.len().saturating_sub(1));
                self.data = Some(d);
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(format!("reading the sync state: {e}")),
        }
    }

    fn list_len(&self, d: &SyncData) -> usize {
        if d.kind == DbKind::Hq {
            d.status.devices.len()
        } else {
            d.queued.len()
        }
    }

    fn start(&mut self, op: Op, cx: &mut Cx) -> bool {
        let Some(d) = &self.data else {
            return false;
        };
        if let Some(why) = refusal(op, d.kind) {
            self.fail(why, cx);
            return true;
        }
        if op == Op::Export && d.pending == 0 {
            let text = "nothing to export: every finalized record is acknowledged".to_string();
            cx.info(text.clone());
            self.outcome = Some(Outcome { ok: true, text });
            return true;
        }
        let default = match op {
            Op::Export => d.export_dir(),
            Op::Ack | Op::Import => d.file_dir(),
        };
        self.mode = Mode::Prompt {
            op,
            input: LineInput::with_text(&default),
            error: None,
        };
        true
    }

    fn fail(&mut self, text: String, cx: &mut Cx) {
        cx.error(text.clone());
        self.outcome = Some(Outcome { ok: false, text });
    }

    fn run(&mut self, w: PendingWrite, cx: &mut Cx) {
        match w.run(cx.store) {
            Ok(text) => {
                cx.info(text.clone());
                self.outcome = Some(Outcome { ok: true, text });
            }
            Err(text) => self.fail(text, cx),
        }
        // even a refused write may have changed nothing or something: read again
        self.queue_changed = true;
        self.reload(cx);
    }

    fn prompt(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Mode::Prompt { op, input, error } = &mut self.mode else {
            return false;
        };
        match action {
            Action::Cancel => self.mode = Mode::Browse,
            Action::Accept => match op.validate(input.text()) {
                Ok(w) => self.mode = Mode::Confirm(w),
                Err(e) => {
                    cx.error(e.clone());
                    *error = Some(e);
                }
            },
            a => {
                if input.edit(a) {
                    *error = None;
                }
            }
        }
        true
    }

    fn browse(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Some(d) = &self.data else {
            if action == Action::SyncRefresh {
                self.reload(cx);
                return true;
            }
            return false;
        };
        let len = self.list_len(d);
        let reviews = d.reviews.len();
        let (pos, n) = match self.focus {
            Pane::List => (&mut self.selected, len),
            Pane::Detail => (&mut self.review_scroll, reviews),
        };
        let last = n.saturating_sub(1);
        match action {
            Action::Down => *pos = (*pos + 1).min(last),
            Action::Up => *pos = pos.saturating_sub(1),
            Action::PageDown => *pos = (*pos + 10).min(last),
            Action::PageUp => *pos = pos.saturating_sub(10),
            Action::Top => *pos = 0,
            Action::Bottom => *pos = last,
            Action::NextPane | Action::PrevPane => {
                self.focus = match self.focus {
                    Pane::List => Pane::Detail,
                    Pane::Detail => Pane::List,
                }
            }
            Action::SyncRefresh => {
                self.reload(cx);
                self.queue_changed = true;
            }
            Action::SyncExport => return self.start(Op::Export, cx),
            Action::SyncAck => return self.start(Op::Ack, cx),
            Action::SyncImport => return self.start(Op::Import, cx),
            _ => return false,
        }
        true
    }
}

impl Screen for SyncScreen {
    fn title(&self) -> &'static str {
        "Sync"
    }

    fn context(&self) -> Context {
        match &self.mode {
            Mode::Prompt { .. } => Context::SyncPrompt,
            Mode::Confirm(_) => Context::Confirm,
            Mode::Browse => match self.data.as_ref().map(|d| d.kind) {
                Some(DbKind::Hq) => Context::SyncHq,
                _ => Context::Sync,
            },
        }
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> bool {
        match std::mem::take(&mut self.mode) {
            Mode::Confirm(w) => {
                match action {
                    Action::Yes => self.run(w, cx),
                    Action::No => {}
                    _ => self.mode = Mode::Confirm(w),
                }
                true
            }
            Mode::Prompt { op, input, error } => {
                self.mode = Mode::Prompt { op, input, error };
                self.prompt(action, cx)
            }
            Mode::Browse => self.browse(action, cx),
        }
    }

    fn type_char(&mut self, c: char, _cx: &mut Cx) -> bool {
        match &mut self.mode {
            Mode::Prompt { input, error, .. } => {
                input.insert(c);
                *error = None;
                true
            }
            _ => false,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        super::sync_view::render(self, f, area, theme);
    }

    fn activate(&mut self, cx: &mut Cx) {
        self.reload(cx);
    }
}
