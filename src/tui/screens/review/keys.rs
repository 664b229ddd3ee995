//! The review keys: mark an inspection, open the decision modal, decide.

use super::{Access, ReviewPrompt, ReviewState, received};
use crate::domain::sanitize;
use crate::store::Decision;
use crate::store::query::shipment_detail::ShipmentDetail;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::{Cx, local_time};
use crate::tui::widgets::input::LineInput;

impl ReviewState {
    /// `v`: mark the shipment's next received inspection.
    pub fn next(&mut self, d: Option<&ShipmentDetail>) -> Effect {
        let n = d.map(|d| received(d).len()).unwrap_or(0);
        if let Some(why) = self.refusal() {
            Effect::error(why)
        } else if n < 2 {
            Effect::info("this shipment has no other received inspection")
        } else {
            self.pick = (self.pick + 1) % n;
            Effect::None
        }
    }

    /// `A` / `R`: opens the modal for the marked inspection, or says why not.
    pub fn start(&mut self, decision: Decision, d: Option<&ShipmentDetail>, cx: &Cx) -> Effect {
        if let Some(why) = self.refusal() {
            return Effect::error(why);
        }
        let Some(i) = d.and_then(|d| self.target(d)) else {
            return Effect::error(
                "nothing to review: this shipment has no received (finalized) inspection",
            );
        };
        self.prompt = Some(ReviewPrompt {
            decision,
            inspection_id: i.id.clone(),
            what: format!(
                "{} {} · {} · {} · by {}",
                local_time(&cx.clock, &i.started_at),
                sanitize(&i.locode),
                sanitize(&i.outcome),
                sanitize(&i.verdict),
                sanitize(&i.officer)
            ),
            comment: LineInput::default(),
            error: None,
        });
        Effect::None
    }

    /// An action while the modal is open. True when a decision was stored (the screen
    /// re-reads the shipment), with what to say.
    pub fn prompt_update(&mut self, action: Action, cx: &mut Cx) -> (bool, Effect) {
        let Some(p) = &mut self.prompt else {
            return (false, Effect::None);
        };
        match action {
            Action::Cancel => {
                self.prompt = None;
                return (false, Effect::info("nothing decided"));
            }
            Action::Accept => {
                let comment = p.comment.text().trim().to_string();
                if p.decision == Decision::Returned && comment.is_empty() {
                    p.error =
                        Some("a return needs a comment: say what the officer must fix".into());
                    return (false, Effect::None);
                }
                match cx
                    .store
                    .hq_mut()
                    .record_review(&p.inspection_id, p.decision, &comment)
                {
                    Ok(r) => {
                        let by = match &self.access {
                            Some(Access::Supervisor(n)) => sanitize(n).into_owned(),
                            _ => String::new(),
                        };
                        self.prompt = None;
                        return (
                            true,
                            Effect::info(format!(
                                "{} by {by}; it goes to the device with its next receipt",
                                r.decision.as_str()
                            )),
                        );
                    }
                    Err(e) => p.error = Some(e.to_string()),
                }
            }
            a => {
                if p.comment.edit(a) {
                    p.error = None;
                }
            }
        }
        (false, Effect::None)
    }

    pub fn type_char(&mut self, c: char) -> bool {
        match &mut self.prompt {
            Some(p) => {
                p.comment.insert(c);
                p.error = None;
                true
            }
            None => false,
        }
    }
}
