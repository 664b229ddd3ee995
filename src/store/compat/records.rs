//! The old `Store` methods of the records handle (see `compat/mod.rs`).

use crate::domain::{
    CustodyEvent, FieldError, Finding, Inspection, Measurement, Record, RecordImport, Seizure,
    Shipment, Stored,
};
use crate::rules::{RulePack, Screening};
use crate::store::bulk::BulkBatch;
use crate::store::{CustodyAppended, DraftSummary, Finalized, RecordImported, Result, Store};

#[doc(hidden)]
impl Store {
    pub fn add_custody_event(
        &mut self,
        seizure_id: &str,
        event: &CustodyEvent,
    ) -> Result<CustodyAppended> {
        self.records_mut().add_custody_event(seizure_id, event)
    }

    pub fn add_finding(&mut self, inspection_id: &str, f: &Finding) -> Result<String> {
        self.records_mut().add_finding(inspection_id, f)
    }

    pub fn add_measurement(&mut self, inspection_id: &str, m: &Measurement) -> Result<String> {
        self.records_mut().add_measurement(inspection_id, m)
    }

    pub fn add_seizure(&mut self, inspection_id: &str, s: &Seizure) -> Result<String> {
        self.records_mut().add_seizure(inspection_id, s)
    }

    pub fn amendments_of(&self, inspection_id: &str) -> Result<Vec<String>> {
        self.records().amendments_of(inspection_id)
    }

    pub fn begin_bulk_load(&mut self) -> Result<()> {
        self.records_mut().begin_bulk_load()
    }

    pub fn bulk_insert(
        &mut self,
        batch: &BulkBatch,
        device_id: &str,
        officer_id: &str,
    ) -> Result<()> {
        self.records_mut().bulk_insert(batch, device_id, officer_id)
    }

    pub fn create_shipment(&mut self, data: &Shipment) -> Result<String> {
        self.records_mut().create_shipment(data)
    }

    pub fn discard_draft(&mut self, id: &str) -> Result<()> {
        self.records_mut().discard_draft(id)
    }

    pub fn dismiss_suggestion(&mut self, inspection_id: &str, key: &str) -> Result<()> {
        self.records_mut().dismiss_suggestion(inspection_id, key)
    }

    pub fn dismissed_suggestions(&self, inspection_id: &str) -> Result<Vec<String>> {
        self.records().dismissed_suggestions(inspection_id)
    }

    pub fn end_bulk_load(&mut self) -> Result<()> {
        self.records_mut().end_bulk_load()
    }

    pub fn finalize_inspection(&mut self, inspection_id: &str) -> Result<Finalized> {
        self.records_mut().finalize_inspection(inspection_id)
    }

    pub fn finalize_inspection_with(
        &mut self,
        inspection_id: &str,
        pack: &RulePack,
    ) -> Result<Finalized> {
        self.records_mut()
            .finalize_inspection_with(inspection_id, pack)
    }

    pub fn finalize_problems(&self, inspection_id: &str) -> Result<Vec<FieldError>> {
        self.records().finalize_problems(inspection_id)
    }

    pub fn import_record(
        &mut self,
        record: &RecordImport,
        finalize: bool,
        pack: &RulePack,
    ) -> Result<RecordImported> {
        self.records_mut().import_record(record, finalize, pack)
    }

    pub fn inspections_of(&self, shipment_id: &str) -> Result<Vec<(String, String)>> {
        self.records().inspections_of(shipment_id)
    }

    pub fn load_record(&self, inspection_id: &str) -> Result<Record> {
        self.records().load_record(inspection_id)
    }

    pub fn open_drafts(&self) -> Result<Vec<DraftSummary>> {
        self.records().open_drafts()
    }

    pub fn remove_finding(&mut self, id: &str) -> Result<()> {
        self.records_mut().remove_finding(id)
    }

    pub fn remove_measurement(&mut self, id: &str) -> Result<()> {
        self.records_mut().remove_measurement(id)
    }

    pub fn remove_seizure(&mut self, id: &str) -> Result<()> {
        self.records_mut().remove_seizure(id)
    }

    pub fn rescreen_draft(&mut self, inspection_id: &str, pack: &RulePack) -> Result<Screening> {
        self.records_mut().rescreen_draft(inspection_id, pack)
    }

    pub fn shipment(&self, id: &str) -> Result<Stored<Shipment>> {
        self.records().shipment(id)
    }

    pub fn start_amendment(
        &mut self,
        original_inspection_id: &str,
        reason: &str,
    ) -> Result<(String, String)> {
        self.records_mut()
            .start_amendment(original_inspection_id, reason)
    }

    pub fn start_inspection(&mut self, shipment_id: &str, data: &Inspection) -> Result<String> {
        self.records_mut().start_inspection(shipment_id, data)
    }

    pub fn update_finding(&mut self, id: &str, f: &Finding) -> Result<bool> {
        self.records_mut().update_finding(id, f)
    }

    pub fn update_inspection(&mut self, id: &str, data: &Inspection) -> Result<bool> {
        self.records_mut().update_inspection(id, data)
    }

    pub fn update_measurement(&mut self, id: &str, m: &Measurement) -> Result<bool> {
        self.records_mut().update_measurement(id, m)
    }

    pub fn update_seizure(&mut self, id: &str, s: &Seizure) -> Result<bool> {
        self.records_mut().update_seizure(id, s)
    }

    pub fn update_shipment(&mut self, id: &str, data: &Shipment) -> Result<bool> {
        self.records_mut().update_shipment(id, data)
    }
}
