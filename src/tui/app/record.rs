//! The App's side of the Record tab: open drafts offered at start-up, and records
//! started from another tab (new record, inspect or open the selected shipment).

use super::App;
use crate::store::{Store, StoreError};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::Tab;
use crate::tui::widgets::status::{Level, Message};

impl App {
    /// Open drafts after a restart: the Record tab opens first with them listed.
    pub(crate) fn offer_drafts(&mut self, store: &mut Store) -> Result<(), StoreError> {
        if self.overlay.is_some() || self.read_only {
            return Ok(());
        }
        let n = store.records().open_drafts()?.len();
        if n > 0 {
            self.tab = Tab::Record;
            // a trainee's file starts with the exercise's shipments, not leftovers
            let id = match self.status.kind == "training" {
                true => "drafts-offer-training",
                false => "drafts-offer",
            };
            self.message = Some(Message {
                level: Level::Info,
                text: crate::t!(self.lang, id, count = n),
            });
        }
        Ok(())
    }

    /// The interface language; what the console said at start-up is said again in it.
    pub fn set_lang(
        &mut self,
        lang: crate::domain::Lang,
        store: &mut Store,
    ) -> Result<(), StoreError> {
        self.lang = lang;
        if let Some(super::Overlay::Setup(s)) = &mut self.overlay {
            s.lang = lang;
        }
        if self.message.is_some() {
            // the start-up offer, said again in this language (under any overlay)
            let overlay = self.overlay.take();
            self.message = None;
            let offered = self.offer_drafts(store);
            self.overlay = overlay;
            offered?;
        }
        Ok(())
    }

    /// New record / inspect / open from another tab: the Record tab opens on it.
    pub(crate) fn start_record(&mut self, action: Action, store: &mut Store) {
        let shipment = self.screens.shipments.selected_id().map(str::to_string);
        self.tab = Tab::Record;
        let mut cx = self.cx(store);
        let rec = &mut self.screens.record;
        rec.prompt = None;
        let effect = match (action, shipment) {
            (Action::NewRecord, _) => rec.new_record(&mut cx),
            (Action::InspectShipment, Some(id)) => rec.inspect_shipment(&id, &mut cx),
            (Action::OpenRecord, Some(id)) => rec.open_latest(&id, &mut cx),
            _ => {
                rec.editor = None;
                rec.load_drafts(&mut cx)
                    .and(Effect::error(crate::t!(self.lang, "app-no-shipment")))
            }
        };
        self.apply(effect, store);
    }
}
