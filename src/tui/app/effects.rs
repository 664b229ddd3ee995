//! The one place where what a key did takes effect: [`App::apply`] for a screen's
//! [`Effect`], [`App::run_confirmed`] for the write a confirm modal held.

use super::{App, Overlay};
use crate::store::Store;
use crate::tui::effect::Effect;
use crate::tui::pending::{Confirm, PendingWrite};
use crate::tui::screens::Tab;
use crate::tui::widgets::status::Message;

impl App {
    /// Applies a screen's effect. Returns true when a redraw is needed.
    pub(super) fn apply(&mut self, effect: Effect, store: &mut Store) -> bool {
        let redraw = effect.redraws();
        match effect {
            Effect::None | Effect::Redraw => {}
            Effect::Finalized => {
                self.status.pending_sync = store.chain().pending_sync_count().unwrap_or(0);
                self.screens.shipments.mark_stale();
            }
            Effect::QueueChanged => match store.chain().pending_sync_count() {
                Ok(n) => self.status.pending_sync = n,
                Err(e) => {
                    let text = crate::t!(self.lang, "app-pending-count", error = e.to_string());
                    self.message = Some(Message::error(text));
                }
            },
            Effect::Confirm(c) => self.overlay = Some(Overlay::Confirm(*c)),
            Effect::Message(m) => self.message = Some(m),
            Effect::Navigate(tab) => {
                let mut cx = self.cx(store);
                let left = if self.tab == Tab::Review && tab != Tab::Review {
                    self.screens.review.leave(&mut cx)
                } else {
                    Effect::None
                };
                self.tab = tab;
                let effect = left.and(self.screens.get_mut(tab).activate(&mut cx));
                self.apply(effect, store);
            }
            Effect::OpenInspection(id) => {
                let tab = if self.hq { Tab::Review } else { Tab::Record };
                self.apply(Effect::Navigate(tab), store);
                let mut cx = self.cx(store);
                let opened = if self.hq {
                    self.screens.review.open_inspection(&id, &mut cx)
                } else {
                    self.screens.record.open_inspection(&id, &mut cx)
                };
                self.apply(opened, store);
            }
            Effect::Quit => {
                if Tab::ALL.iter().any(|t| self.screens.get(*t).has_unsaved()) {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.quit = true;
                    if self.tab == Tab::Review {
                        let mut cx = self.cx(store);
                        let _ = self.screens.review.leave(&mut cx);
                    }
                }
            }
            Effect::Batch(effects) => {
                for e in effects {
                    self.apply(e, store);
                }
            }
        }
        redraw
    }

    /// Yes in the confirm modal: runs the held write (one store or sync call), hands
    /// the outcome to the tab that asked, and applies what that tab answers.
    pub(super) fn run_confirmed(&mut self, c: Confirm, store: &mut Store) -> bool {
        let result = c.write.run(store, self.lang);
        // a training file's debrief follows a finalize and each custody transfer
        let graded = matches!(
            c.write,
            PendingWrite::Finalize { .. } | PendingWrite::Custody { .. }
        ) && result.is_ok();
        let mut cx = self.cx(store);
        let effect = match c.write.tab() {
            Tab::Sync => self.screens.sync.written(result, &mut cx),
            _ => self.screens.record.written(&c.write, result, &mut cx),
        };
        self.apply(effect, store);
        if graded {
            self.debrief_after_finalize(store);
        }
        true
    }
}
