//! The Review tab's keys: moving and paging the queue, the filter line, the record view,
//! selecting, and the decisions (each a store call that checks the desk's rules).

use super::{Access, RecordView, ReviewPrompt, ReviewScreen};
use crate::domain::sanitize;
use crate::store::queue::QueueFrom;
use crate::store::{Decision, DecisionMode};
use crate::t;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::{Cx, Pane};
use crate::tui::widgets::input::LineInput;

impl ReviewScreen {
    /// Why deciding is not offered here, in words; None for a supervisor.
    fn refusal(&self, cx: &Cx) -> Option<String> {
        match &self.access {
            Some(Access::Supervisor { .. }) => None,
            Some(Access::Denied { why, login }) => Some(t!(cx.lang, why, login = login.clone())),
            Some(Access::NotHq) | None => Some(t!(cx.lang, "review-not-hq")),
        }
    }

    fn down(&mut self, cx: &mut Cx) -> Effect {
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
            Effect::None
        } else {
            self.next_page(0, cx)
        }
    }

    fn up(&mut self, cx: &mut Cx) -> Effect {
        if self.selected > 0 {
            self.selected -= 1;
            Effect::None
        } else {
            self.prev_page(usize::MAX, cx)
        }
    }

    fn next_page(&mut self, select: usize, cx: &mut Cx) -> Effect {
        match self.rows.last() {
            Some(last) if self.has_more => {
                self.starts.push(QueueFrom::After(last.key(self.sort)));
                self.load(select, cx)
            }
            _ => {
                self.selected = self.rows.len().saturating_sub(1);
                Effect::None
            }
        }
    }

    fn prev_page(&mut self, select: usize, cx: &mut Cx) -> Effect {
        if self.starts.len() > 1 {
            self.starts.pop();
            self.load(select, cx)
        } else {
            self.selected = 0;
            Effect::None
        }
    }

    /// `w`: adds or removes the `state:pending` term of the filter line.
    fn toggle_pending(&mut self, cx: &mut Cx) -> Effect {
        let text = self.filter_input.text().to_string();
        let pending = |w: &&str| matches!(*w, "state:pending" | "review:pending");
        let had = text.split_whitespace().any(|w| pending(&w));
        let mut words: Vec<&str> = text.split_whitespace().filter(|w| !pending(w)).collect();
        if !had {
            words.push("state:pending");
        }
        self.filter_input.set(&words.join(" "));
        self.reload_filter(cx)
    }

    /// Enter: the record view of the row under the cursor.
    fn open(&mut self, cx: &mut Cx) -> Effect {
        let Some(id) = self.current().map(|r| r.inspection_id.clone()) else {
            return Effect::None;
        };
        self.open_inspection(&id, cx)
    }

    /// The record view of inspection `id` (also opened from the Sync tab's decisions).
    pub fn open_inspection(&mut self, id: &str, cx: &mut Cx) -> Effect {
        self.stats.open = false;
        match super::record::lines(cx.store, id, &cx.clock, cx.lang) {
            Ok(lines) => {
                self.record = Some(RecordView {
                    inspection_id: id.to_string(),
                    lines,
                });
                self.focus = Pane::Detail;
                self.scroll = 0;
                Effect::None
            }
            Err(e) => Effect::error(sanitize(&e.to_string()).into_owned()),
        }
    }

    /// `A` / `R` / `C`: opens the decision modal, or says why not.
    fn start(&mut self, decision: Option<Decision>, mode: DecisionMode, cx: &Cx) -> Effect {
        if let Some(why) = self.refusal(cx) {
            return Effect::error(why);
        }
        let shown = self.record.as_ref().map(|r| r.inspection_id.as_str());
        if shown.is_some() && shown != self.current().map(|r| r.inspection_id.as_str()) {
            // opened from elsewhere (the Sync tab): decisions are made on the queue's row
            return Effect::error(t!(cx.lang, "review-decide-from-queue"));
        }
        let bulk = mode == DecisionMode::First && decision == Some(Decision::Approved);
        let targets: Vec<String> = if bulk && !self.chosen.is_empty() {
            self.chosen.iter().cloned().collect()
        } else {
            self.current()
                .map(|r| r.inspection_id.clone())
                .into_iter()
                .collect()
        };
        let Some(row) = self.current() else {
            return Effect::info(t!(cx.lang, "review-nothing-to-decide"));
        };
        let decided = matches!(row.state.as_str(), "approved" | "returned");
        if mode == DecisionMode::First && targets.len() == 1 && decided {
            // the store refuses it too; say so before a comment is typed
            let state = t!(cx.lang, &format!("review-state-{}", row.state));
            return Effect::error(t!(cx.lang, "review-already-decided", state = state));
        }
        let decision = match (decision, row.state.as_str()) {
            (Some(d), _) => d,
            (None, "approved") => Decision::Returned,
            (None, "returned") => Decision::Approved,
            (None, _) => return Effect::error(t!(cx.lang, "review-no-decision-to-change")),
        };
        let what = if targets.len() > 1 {
            t!(cx.lang, "review-what-selection", count = targets.len())
        } else {
            t!(
                cx.lang,
                "review-what-one",
                declaration = sanitize(&row.declaration_no).into_owned(),
                officer = sanitize(&row.officer_badge).into_owned(),
                port = sanitize(&row.port).into_owned(),
                state = t!(cx.lang, &format!("review-state-{}", row.state))
            )
        };
        self.prompt = Some(ReviewPrompt {
            decision,
            mode,
            targets,
            what,
            comment: LineInput::default(),
            error: None,
        });
        Effect::None
    }

    /// An action while the modal is open: Enter decides (every target, one store call
    /// each), Esc cancels.
    pub(super) fn prompt_update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(p) = &mut self.prompt else {
            return Effect::None;
        };
        match action {
            Action::Cancel => {
                self.prompt = None;
                Effect::info(t!(cx.lang, "review-nothing-decided"))
            }
            Action::Accept => {
                let comment = p.comment.text().trim().to_string();
                if p.decision == Decision::Returned && comment.is_empty() {
                    p.error = Some(t!(cx.lang, "review-comment-required"));
                    return Effect::None;
                }
                let (mut done, mut refused) = (0usize, Vec::new());
                for id in &p.targets {
                    match cx.store.hq_mut().decide(id, p.decision, &comment, p.mode) {
                        Ok(_) => done += 1,
                        Err(e) => refused.push(
                            sanitize(&crate::i18n::said_or(cx.lang, e.said(), &e)).into_owned(),
                        ),
                    }
                }
                if done == 0 && p.targets.len() == 1 {
                    p.error = refused.pop();
                    return Effect::None;
                }
                let decision = t!(cx.lang, &format!("review-decision-{}", p.decision.as_str()));
                let said = if refused.is_empty() {
                    t!(
                        cx.lang,
                        "review-decided-tui",
                        decision = decision,
                        count = done
                    )
                } else {
                    t!(
                        cx.lang,
                        "review-decided-some",
                        decision = decision,
                        count = done,
                        refused = refused.len(),
                        first = refused[0].clone()
                    )
                };
                self.prompt = None;
                self.chosen.clear();
                let sel = self.selected;
                let reread = self.load(sel, cx);
                let view = match self.record.as_ref().map(|r| r.inspection_id.clone()) {
                    Some(id) => self.open_inspection(&id, cx),
                    None => Effect::None,
                };
                reread.and(view).and(Effect::info(said))
            }
            a => {
                if p.comment.edit(a) {
                    p.error = None;
                }
                Effect::None
            }
        }
    }

    /// Editing the filter line.
    pub(super) fn filter_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let said = match action {
            Action::Accept => {
                let editing = self.editing.take();
                let said = self.reload_filter(cx);
                if self.filter_error.is_some() {
                    self.editing = editing;
                }
                said
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

    /// The record view: scrolling and back.
    fn record_key(&mut self, action: Action) -> Option<Effect> {
        self.record.as_ref()?;
        match action {
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Back | Action::Open | Action::NextPane | Action::PrevPane => {
                self.record = None;
                self.focus = Pane::List;
            }
            // the view shows one record: nothing moves the queue under it
            Action::ToggleSelect
            | Action::CycleSort
            | Action::Filter
            | Action::ClearFilter
            | Action::AwaitingReview
            | Action::Top
            | Action::Bottom => return Some(Effect::None),
            _ => return None,
        }
        Some(Effect::Redraw)
    }

    /// The queue's keys.
    pub(super) fn list_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if let Some(e) = self.record_key(action) {
            return e;
        }
        let said = match action {
            Action::Down => self.down(cx),
            Action::Up => self.up(cx),
            Action::PageDown => self.next_page(self.selected, cx),
            Action::PageUp => self.prev_page(self.selected, cx),
            Action::Top => {
                self.starts = vec![QueueFrom::First];
                self.load(0, cx)
            }
            Action::Bottom => {
                self.selected = self.rows.len().saturating_sub(1);
                Effect::None
            }
            Action::Open => self.open(cx),
            Action::Back if !self.filter_input.text().is_empty() => {
                self.filter_input.set("");
                self.reload_filter(cx)
            }
            Action::Filter => {
                self.editing = Some(self.filter_input.text().to_string());
                Effect::None
            }
            Action::ClearFilter => {
                self.filter_input.set("");
                self.reload_filter(cx)
            }
            Action::ToggleSelect => {
                if let Some(id) = self.current().map(|r| r.inspection_id.clone())
                    && !self.chosen.remove(&id)
                {
                    self.chosen.insert(id);
                }
                self.down(cx)
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.starts = vec![QueueFrom::First];
                self.load(0, cx)
            }
            Action::ReviewApprove => self.start(Some(Decision::Approved), DecisionMode::First, cx),
            Action::ReviewReturn => self.start(Some(Decision::Returned), DecisionMode::First, cx),
            Action::ChangeDecision => self.start(None, DecisionMode::Change, cx),
            Action::AwaitingReview => self.toggle_pending(cx),
            Action::Statistics => self.stats.show(cx),
            Action::Reload => {
                self.check(cx);
                let sel = self.selected;
                self.load(sel, cx)
            }
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }
}
