//! The Record tab in a training file: the `opened` audit row when a scenario shipment is
//! first opened, and readings taken from the scenario's instruments (each key press adds
//! the next reading not yet taken as a measurement, saved like any other).

use super::inspection as insp;
use super::{Item, RecordScreen, Section};
use crate::domain::Measurement;
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;

/// What taking a reading did; the App says it in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadingOutcome {
    /// A measurement was added: the reading's label, and how many are left.
    Taken { label: String, left: usize },
    /// Every reading of this shipment is in the record.
    NoneLeft,
    /// No record open, or a finalized one.
    NoDraft,
    /// The shipment is not a training scenario's.
    NotTraining,
    /// The store refused: the effect says why.
    Refused(Effect),
}

fn same(a: &Measurement, b: &Measurement) -> bool {
    a.name == b.name && a.element == b.element && a.value == b.value
}

impl RecordScreen {
    /// Writes the `opened` audit row the first time a training shipment is opened.
    pub(super) fn mark_opened(&mut self, shipment_id: &str, cx: &mut Cx) -> Effect {
        if cx.read_only {
            return Effect::None;
        }
        match cx.store.training_mut().mark_opened(shipment_id) {
            Ok(_) => Effect::None,
            Err(e) => Effect::error(e.to_string()),
        }
    }

    /// The next reading of the open training shipment becomes a measurement.
    pub fn take_reading(&mut self, cx: &mut Cx) -> ReadingOutcome {
        let Some(ed) = self.editor.as_ref().filter(|e| !e.finalized) else {
            return ReadingOutcome::NoDraft;
        };
        let Some(shipment_id) = ed.shipment_id.clone() else {
            return ReadingOutcome::NotTraining;
        };
        let taken: Vec<Measurement> = ed
            .measurements
            .iter()
            .map(|m| insp::read_measurement(&m.form, m.stored_value).0)
            .collect();
        let readings = match cx.store.training().setup() {
            Ok(Some(setup)) => match setup.shipment(&shipment_id) {
                Some((_, sh)) => sh.readings.clone(),
                None => return ReadingOutcome::NotTraining,
            },
            Ok(None) => return ReadingOutcome::NotTraining,
            Err(e) => return ReadingOutcome::Refused(Effect::error(e.to_string())),
        };
        let left: Vec<_> = readings
            .iter()
            .filter(|r| !taken.iter().any(|m| same(m, &r.measurement)))
            .collect();
        let Some(next) = left.first() else {
            return ReadingOutcome::NoneLeft;
        };
        let inspection_id = match self.ensure_inspection(cx) {
            Ok(id) => id,
            Err(said) => return ReadingOutcome::Refused(said),
        };
        let m = next.measurement.clone();
        let id = match cx.store.records_mut().add_measurement(&inspection_id, &m) {
            Ok(id) => id,
            Err(e) => return ReadingOutcome::Refused(Effect::error(e.to_string())),
        };
        if let Some(ed) = self.editor.as_mut() {
            ed.measurements.push(Item {
                id,
                form: insp::measurement_form(&m),
                suggested: false,
                stored_value: m.value,
            });
            ed.section = Some(Section::Measurements);
            ed.item = ed.measurements.len() - 1;
            ed.recompute(self.pack.as_deref());
        }
        if let Effect::Message(m) = self.store_verdict(cx) {
            return ReadingOutcome::Refused(Effect::Message(m));
        }
        ReadingOutcome::Taken {
            label: next.label.clone(),
            left: left.len() - 1,
        }
    }
}
