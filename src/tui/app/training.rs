//! The App's side of a training file: the briefing on the trainee's first screen (and
//! again with F4), its window's keys, and the debrief after a finalize when the file was
//! made with `--debrief`.

use super::{App, Overlay};
use crate::domain::sanitize;
use crate::fixture::training::debrief;
use crate::store::Store;
use crate::t;
use crate::tui::action::Action;
use crate::tui::screens::record::ReadingOutcome;
use crate::tui::widgets::status::Message;
use crate::tui::widgets::training::{PanelContent, TrainingPanel, lines};

impl App {
    /// At start-up: a training file opens on its briefing (unless a dialog is open).
    pub(crate) fn open_briefing(&mut self, store: &mut Store) {
        if self.overlay.is_some() {
            return;
        }
        if let Ok(Some(setup)) = store.training().setup() {
            let content = PanelContent::Briefing(Box::new(setup));
            self.overlay = Some(Overlay::Training(TrainingPanel::new(content)));
        }
    }

    /// The briefing window; in a file that is not a training file, a word saying so.
    pub(crate) fn show_briefing(&mut self, store: &mut Store) -> bool {
        match store.training().setup() {
            Ok(Some(setup)) => {
                let content = PanelContent::Briefing(Box::new(setup));
                self.overlay = Some(Overlay::Training(TrainingPanel::new(content)));
            }
            Ok(None) => {
                self.message = Some(Message::error(t!(
                    self.lang,
                    "training-not-a-training-file"
                )));
            }
            Err(e) => self.message = Some(Message::error(e.to_string())),
        }
        true
    }

    /// A key in the briefing or debrief window: scroll, or close.
    pub(super) fn training_key(
        &mut self,
        mut p: TrainingPanel,
        action: Action,
        store: &mut Store,
    ) -> bool {
        let width = self.size.0.min(76).saturating_sub(2) as usize;
        let page = self.size.1.saturating_sub(8) as usize;
        let total = lines(&p.text(self.lang), width, &self.theme).len();
        let last = total.saturating_sub(page.max(1));
        match action {
            Action::Cancel | Action::Accept => return true,
            Action::Quit => return self.update(Action::Quit, store),
            Action::Down => p.scroll = (p.scroll + 1).min(last),
            Action::Up => p.scroll = p.scroll.saturating_sub(1),
            Action::PageDown => p.scroll = (p.scroll + page).min(last),
            Action::PageUp => p.scroll = p.scroll.saturating_sub(page),
            _ => {}
        }
        self.overlay = Some(Overlay::Training(p));
        true
    }

    /// Ctrl-X in the Record tab: the next reading of a training shipment.
    pub(super) fn take_reading(&mut self, store: &mut Store) -> bool {
        let lang = self.lang;
        let mut cx = self.cx(store);
        let said = match self.screens.record.take_reading(&mut cx) {
            ReadingOutcome::Taken { label, left } => Message::info(t!(
                lang,
                "training-reading-taken",
                label = sanitize(&label).into_owned(),
                left = left
            )),
            ReadingOutcome::NoneLeft => Message::info(t!(lang, "training-reading-none-left")),
            ReadingOutcome::NoDraft => Message::error(t!(lang, "training-reading-no-draft")),
            ReadingOutcome::NotTraining => {
                Message::error(t!(lang, "training-reading-not-training"))
            }
            ReadingOutcome::Refused(effect) => {
                self.apply(effect, store);
                return true;
            }
        };
        self.message = Some(said);
        true
    }

    /// After a finalize: the debrief of that shipment, when the file asks for one.
    pub(super) fn debrief_after_finalize(&mut self, store: &mut Store) {
        let Some(id) = self
            .screens
            .record
            .editor
            .as_ref()
            .and_then(|e| e.shipment_id.clone())
        else {
            return;
        };
        match debrief(store, &id) {
            Ok(Some((title, grade))) => {
                let content = PanelContent::Debrief { title, grade };
                self.overlay = Some(Overlay::Training(TrainingPanel::new(content)));
            }
            Ok(None) => {}
            Err(e) => self.message = Some(Message::error(e.to_string())),
        }
    }
}
