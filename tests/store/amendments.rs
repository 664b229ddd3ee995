//! Amending a finalized record through the store API on a real database file: the
//! amendment links back to the original, is finalized on its own, and the original is
//! left untouched.

use crate::support::{draft, new_store, pack, raw};
use serde_json::Value;

#[test]
fn an_amendment_links_back_and_leaves_the_original_untouched() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    // finalized with the database's active (embedded) pack this time
    let active = store.rules().active_pack().unwrap().unwrap().pack.version;
    let done = store
        .records_mut()
        .finalize_inspection(&ids.inspection)
        .unwrap();
    assert_eq!(done.rule_pack_version, active);
    let before = store.query().record_json(&ids.inspection).unwrap();
    assert_eq!(before["inspection"]["rule_pack_version"], active);

    assert!(
        store
            .records_mut()
            .start_amendment(&ids.inspection, " ")
            .unwrap_err()
            .to_string()
            .contains("amend_reason")
    );
    let (new_s, new_i) = store
        .records_mut()
        .start_amendment(&ids.inspection, "net weight re-weighed at 4003.5 kg")
        .unwrap();
    let mut sh = store.records().shipment(&new_s).unwrap().data;
    sh.net_weight_g = Some(4_003_500);
    store.records_mut().update_shipment(&new_s, &sh).unwrap();
    let done = store
        .records_mut()
        .finalize_inspection_with(&new_i, &pack())
        .unwrap();
    assert_eq!(done.seq, 2);

    let amended = store.records().load_record(&new_i).unwrap();
    assert_eq!(
        amended.inspection.meta_str("amends"),
        Some(ids.inspection.as_str())
    );
    assert_eq!(
        amended.inspection.meta_str("amend_reason"),
        Some("net weight re-weighed at 4003.5 kg")
    );
    assert_eq!(
        amended.shipment.meta_str("amends"),
        Some(ids.shipment.as_str())
    );
    assert_eq!(amended.measurements.len(), 5);
    assert_eq!(amended.seizures.len(), 1);
    assert_eq!(
        store.records().amendments_of(&ids.inspection).unwrap(),
        vec![new_i.clone()]
    );
    let payload: Value = serde_json::from_str(
        &raw(&store, "SELECT payload FROM outbox_payloads WHERE seq = 2").unwrap(),
    )
    .unwrap();
    assert_eq!(payload["inspection"]["amends"], ids.inspection);
    assert_eq!(payload["shipment"]["net_weight_g"], 4_003_500);

    let mut after = store.query().record_json(&ids.inspection).unwrap();
    assert_eq!(after["amendments"], serde_json::json!([new_i]));
    after["amendments"] = before["amendments"].clone();
    assert_eq!(after, before, "the original is untouched");
    assert!(store.chain().verify_chains().unwrap().is_ok());
}
