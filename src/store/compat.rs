//! The old `Store` methods, delegating to the handles, while the callers outside the store
//! move to the handles. Delete this file once nothing calls them.
//!
//! old -> new (one per line; e.g. `sed -E 's/\.finalize_inspection\(/.records_mut().finalize_inspection(/g'`):
//! .pending_sync_count( -> .chain().pending_sync_count(
//! .queued_records( -> .chain().queued_records(
//! .sync_status( -> .chain().sync_status(
//! .unacked_range( -> .chain().unacked_range(
//! .verify_chains( -> .chain().verify_chains(
//! .identity( -> .db().identity(
//! .initialize( -> .db_mut().initialize(
//! .is_initialized( -> .db().is_initialized(
//! .meta( -> .db().meta(
//! .set_meta( -> .db_mut().set_meta(
//! .unmapped_hq_warning( -> .db().unmapped_hq_warning(
//! .db_kind( -> .device().db_kind(
//! .devices( -> .device().devices(
//! .local_key( -> .device().local_key(
//! .trust_device( -> .device_mut().trust_device(
//! .acting_officer( -> .hq().acting_officer(
//! .add_officer( -> .hq_mut().add_officer(
//! .map_login( -> .hq_mut().map_login(
//! .officers( -> .hq().officers(
//! .recent_reviews( -> .hq().recent_reviews(
//! .record_review( -> .hq_mut().record_review(
//! .reviews_for( -> .hq().reviews_for(
//! .audit_for( -> .query().audit_for(
//! .explain_page( -> .query().explain_page(
//! .explain_page_as( -> .query().explain_page_as(
//! .fts_is_broad( -> .query().fts_is_broad(
//! .page_by( -> .query().page_by(
//! .record_counts( -> .query().record_counts(
//! .record_json( -> .query().record_json(
//! .resolve_inspection( -> .query().resolve_inspection(
//! .shipment_detail( -> .query().shipment_detail(
//! .shipments_page( -> .query().shipments_page(
//! .add_custody_event( -> .records_mut().add_custody_event(
//! .add_finding( -> .records_mut().add_finding(
//! .add_measurement( -> .records_mut().add_measurement(
//! .add_seizure( -> .records_mut().add_seizure(
//! .amendments_of( -> .records().amendments_of(
//! .begin_bulk_load( -> .records_mut().begin_bulk_load(
//! .bulk_insert( -> .records_mut().bulk_insert(
//! .create_shipment( -> .records_mut().create_shipment(
//! .discard_draft( -> .records_mut().discard_draft(
//! .dismiss_suggestion( -> .records_mut().dismiss_suggestion(
//! .dismissed_suggestions( -> .records().dismissed_suggestions(
//! .end_bulk_load( -> .records_mut().end_bulk_load(
//! .finalize_inspection( -> .records_mut().finalize_inspection(
//! .finalize_inspection_with( -> .records_mut().finalize_inspection_with(
//! .finalize_problems( -> .records().finalize_problems(
//! .import_record( -> .records_mut().import_record(
//! .inspections_of( -> .records().inspections_of(
//! .load_record( -> .records().load_record(
//! .open_drafts( -> .records().open_drafts(
//! .remove_finding( -> .records_mut().remove_finding(
//! .remove_measurement( -> .records_mut().remove_measurement(
//! .remove_seizure( -> .records_mut().remove_seizure(
//! .rescreen_draft( -> .records_mut().rescreen_draft(
//! .shipment( -> .records().shipment(
//! .start_amendment( -> .records_mut().start_amendment(
//! .start_inspection( -> .records_mut().start_inspection(
//! .update_finding( -> .records_mut().update_finding(
//! .update_inspection( -> .records_mut().update_inspection(
//! .update_measurement( -> .records_mut().update_measurement(
//! .update_seizure( -> .records_mut().update_seizure(
//! .update_shipment( -> .records_mut().update_shipment(
//! .active_pack( -> .rules().active_pack(
//! .import_pack( -> .rules_mut().import_pack(
//! .install_pack( -> .rules_mut().install_pack(
//! .pack_history( -> .rules().pack_history(
//! .search_rules_fts( -> .rules().search_rules_fts(

use serde_json::Value;

use crate::domain::{
    CustodyEvent, DbKind, FieldError, Finding, Inspection, Measurement, Record, RecordImport,
    Seizure, Shipment, Stored,
};
use crate::rules::{RulePack, Screening};
use crate::store::bulk::BulkBatch;
use crate::store::shipments::{PageFrom, ShipmentDetail, ShipmentFilter, ShipmentRow};
use crate::store::{
    AuditEntry, ChainReport, CustodyAppended, Decision, DeviceInfo, DraftSummary, Finalized,
    Identity, Imported, InitOptions, Installed, LocalKey, NewOfficer, Officer, OutboxSummary,
    PackRecord, Result, Review, Store, SyncStatus, TrustOutcome,
};

pub use crate::store::query::shipments;
pub use crate::store::record::bulk;

#[doc(hidden)]
impl Store {
    pub fn pending_sync_count(&self) -> Result<i64> {
        self.chain().pending_sync_count()
    }

    pub fn queued_records(&self, limit: usize) -> Result<Vec<OutboxSummary>> {
        self.chain().queued_records(limit)
    }

    pub fn sync_status(&self) -> Result<SyncStatus> {
        self.chain().sync_status()
    }

    pub fn unacked_range(&self, device_id: &str) -> Result<Option<(i64, i64)>> {
        self.chain().unacked_range(device_id)
    }

    pub fn verify_chains(&self) -> Result<ChainReport> {
        self.chain().verify_chains()
    }

    pub fn identity(&self) -> Result<Option<Identity>> {
        self.db().identity()
    }

    pub fn initialize(&mut self, opts: &InitOptions) -> Result<Identity> {
        self.db_mut().initialize(opts)
    }

    pub fn is_initialized(&self) -> Result<bool> {
        self.db().is_initialized()
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.db().meta(key)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.db_mut().set_meta(key, value)
    }

    pub fn unmapped_hq_warning(&self) -> Result<Option<String>> {
        self.db().unmapped_hq_warning()
    }

    pub fn db_kind(&self) -> Result<DbKind> {
        self.device().db_kind()
    }

    pub fn devices(&self) -> Result<Vec<DeviceInfo>> {
        self.device().devices()
    }

    pub fn local_key(&self) -> Result<LocalKey> {
        self.device().local_key()
    }

    pub fn trust_device(
        &mut self,
        id: &str,
        name: &str,
        kind: DbKind,
        public_key: [u8; 32],
    ) -> Result<TrustOutcome> {
        self.device_mut().trust_device(id, name, kind, public_key)
    }

    pub fn acting_officer(&self) -> Result<Officer> {
        self.hq().acting_officer()
    }

    pub fn add_officer(&mut self, new: &NewOfficer) -> Result<Officer> {
        self.hq_mut().add_officer(new)
    }

    pub fn map_login(&mut self, badge: &str, login: &str) -> Result<(Officer, Option<String>)> {
        self.hq_mut().map_login(badge, login)
    }

    pub fn officers(&self) -> Result<Vec<Officer>> {
        self.hq().officers()
    }

    pub fn recent_reviews(&self, limit: usize) -> Result<Vec<Review>> {
        self.hq().recent_reviews(limit)
    }

    pub fn record_review(
        &mut self,
        inspection_id: &str,
        decision: Decision,
        comment: &str,
    ) -> Result<Review> {
        self.hq_mut()
            .record_review(inspection_id, decision, comment)
    }

    pub fn reviews_for(&self, inspection_id: &str) -> Result<Vec<Review>> {
        self.hq().reviews_for(inspection_id)
    }

    pub fn audit_for(&self, entity_id: &str) -> Result<Vec<AuditEntry>> {
        self.query().audit_for(entity_id)
    }

    pub fn explain_page(&self, filter: &ShipmentFilter, from: &PageFrom) -> Result<Vec<String>> {
        self.query().explain_page(filter, from)
    }

    pub fn explain_page_as(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        broad: bool,
    ) -> Result<Vec<String>> {
        self.query().explain_page_as(filter, from, broad)
    }

    pub fn fts_is_broad(&self, text: &str) -> Result<bool> {
        self.query().fts_is_broad(text)
    }

    pub fn page_by(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
        broad: bool,
    ) -> Result<Vec<ShipmentRow>> {
        self.query().page_by(filter, from, limit, broad)
    }

    pub fn record_counts(&self) -> Result<Vec<(String, i64)>> {
        self.query().record_counts()
    }

    pub fn record_json(&self, inspection_id: &str) -> Result<Value> {
        self.query().record_json(inspection_id)
    }

    pub fn resolve_inspection(&self, id: &str) -> Result<String> {
        self.query().resolve_inspection(id)
    }

    pub fn shipment_detail(&self, id: &str) -> Result<Option<ShipmentDetail>> {
        self.query().shipment_detail(id)
    }

    pub fn shipments_page(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
    ) -> Result<Vec<ShipmentRow>> {
        self.query().shipments_page(filter, from, limit)
    }

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
    ) -> Result<Imported> {
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

    pub fn active_pack(&self) -> Result<Option<RulePack>> {
        self.rules().active_pack()
    }

    pub fn import_pack(&mut self, raw: &str, source: &str, force: bool) -> Result<Installed> {
        self.rules_mut().import_pack(raw, source, force)
    }

    pub fn install_pack(&mut self, raw: &str, source: &str) -> Result<RulePack> {
        self.rules_mut().install_pack(raw, source)
    }

    pub fn pack_history(&self) -> Result<Vec<PackRecord>> {
        self.rules().pack_history()
    }

    pub fn search_rules_fts(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        self.rules().search_rules_fts(query, limit)
    }
}
