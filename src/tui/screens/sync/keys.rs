//! The Sync tab's keys: moving in the lists, the path prompt, and what a confirmed write
//! left behind.

use super::ops::{self, Op, refusal};
use super::{Mode, Outcome, SyncScreen};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::{Cx, Pane};
use crate::tui::widgets::input::LineInput;

impl SyncScreen {
    fn start(&mut self, op: Op, lang: crate::domain::Lang) -> Effect {
        let Some(d) = &self.data else {
            return Effect::None;
        };
        if let Some(why) = refusal(op, d.kind) {
            return self.fail(why);
        }
        if op == Op::Export && d.pending == 0 {
            let text = crate::t!(lang, "sync-nothing-to-export");
            self.outcome = Some(Outcome {
                ok: true,
                text: text.clone(),
            });
            return Effect::info(text);
        }
        let default = match op {
            Op::Export => ops::export_dir(d),
            Op::Ack | Op::Import => ops::file_dir(d),
        };
        self.mode = Mode::Prompt {
            op,
            input: LineInput::with_text(&default),
            error: None,
        };
        Effect::Redraw
    }

    fn fail(&mut self, text: String) -> Effect {
        self.outcome = Some(Outcome {
            ok: false,
            text: text.clone(),
        });
        Effect::error(text)
    }

    /// A confirmed write ran (`result`: its outcome in words): show it and read again.
    pub fn written(&mut self, result: Result<String, String>, cx: &mut Cx) -> Effect {
        let said = match result {
            Ok(text) => {
                self.outcome = Some(Outcome {
                    ok: true,
                    text: text.clone(),
                });
                Effect::info(text)
            }
            Err(text) => self.fail(text),
        };
        // even a refused write may have changed nothing or something: read again
        self.reload(cx);
        said.and(Effect::QueueChanged)
    }

    pub(super) fn prompt(&mut self, action: Action, lang: crate::domain::Lang) -> Effect {
        let pending = self.data.as_ref().map_or(0, |d| d.pending);
        let Mode::Prompt { op, input, error } = &mut self.mode else {
            return Effect::None;
        };
        match action {
            Action::Cancel => self.mode = Mode::Browse,
            Action::Accept => match op.validate(input.text(), pending, lang) {
                Ok(confirm) => {
                    self.mode = Mode::Browse;
                    return Effect::confirm(confirm);
                }
                Err(e) => {
                    *error = Some(e.clone());
                    return Effect::error(e);
                }
            },
            a => {
                if input.edit(a) {
                    *error = None;
                }
            }
        }
        Effect::Redraw
    }

    pub(super) fn browse(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(d) = &self.data else {
            if action == Action::SyncRefresh {
                self.reload(cx);
                return Effect::Redraw;
            }
            return Effect::None;
        };
        let len = self.list_len(d);
        let reviews = self.decisions.len();
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
                return Effect::QueueChanged;
            }
            Action::OpenDecision => {
                return match self.decisions.get(self.review_scroll) {
                    Some(r) if self.focus == Pane::Detail => {
                        Effect::OpenInspection(r.inspection_id.clone())
                    }
                    _ => Effect::None,
                };
            }
            Action::SyncExport => return self.start(Op::Export, cx.lang),
            Action::SyncAck => return self.start(Op::Ack, cx.lang),
            Action::SyncImport => return self.start(Op::Import, cx.lang),
            _ => return Effect::None,
        }
        Effect::Redraw
    }
}
