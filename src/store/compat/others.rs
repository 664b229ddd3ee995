//! The old `Store` methods of the other handles (see `compat/mod.rs`).

use serde_json::Value;

use crate::domain::DbKind;
use crate::rules::RulePack;
use crate::store::shipments::{PageFrom, ShipmentDetail, ShipmentFilter, ShipmentRow};
use crate::store::{
    AuditEntry, ChainReport, Decision, DeviceInfo, Identity, InitOptions, Installed, LocalKey,
    NewOfficer, Officer, OutboxSummary, PackRecord, Result, Review, Store, SyncStatus,
    TrustOutcome,
};

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
