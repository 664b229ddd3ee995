//! The old `Store` methods (in `records.rs` and `others.rs`), delegating to the handles,
//! while the callers outside the store move to the handles. Delete this folder once nothing
//! calls them; `minspect::store::{shipments, bulk}` also keep resolving from here.
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
//! types and paths, renamed so that each says which import it is:
//! store::Imported -> store::RecordImported
//! store::ImportOutcome -> store::BundleImported
//! store::IncomingHeader -> store::IncomingBundle
//! store::IncomingRecord -> store::IncomingBundleRecord
//! sync::ImportReport -> sync::BundleImportReport
//! sync::import:: -> sync::bundle_import::

mod others;
mod records;
