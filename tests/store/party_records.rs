//! A shipment's intermediaries: stored, screened against the party lists when finalizing,
//! frozen and hashed (payload_version 3 and later), and payloads of version 1 (hashed before
//! shipments had intermediaries) still verify.

use crate::support::{example, new_store, raw};
use minspect::rules::{EMBEDDED_PACK, RulePack};
use minspect::store::Store;
use minspect::store::chain::{GENESIS_HASH, chain_hash};
use minspect_testkit::StoreKit;
use serde_json::Value;

fn embedded() -> RulePack {
    RulePack::parse(EMBEDDED_PACK, "embedded").unwrap()
}

/// A finalized copy of the example record with `intermediaries`; its inspection id.
fn finalized_with(store: &mut Store, intermediaries: &str) -> String {
    let mut ex = example();
    ex.shipment.intermediaries = intermediaries.into();
    ex.inspection.outcome = Some(minspect::domain::Outcome::Released);
    let s = store.records_mut().create_shipment(&ex.shipment).unwrap();
    let i = store
        .records_mut()
        .start_inspection(&s, &ex.inspection)
        .unwrap();
    store
        .records_mut()
        .finalize_inspection_with(&i, &embedded())
        .unwrap();
    i
}

fn payload(store: &Store) -> Value {
    serde_json::from_str(&raw(store, "SELECT payload FROM outbox_payloads WHERE seq = 1").unwrap())
        .unwrap()
}

#[test]
fn intermediaries_are_screened_frozen_and_hashed() {
    let (_dir, mut store) = new_store();
    let i = finalized_with(
        &mut store,
        "Swiss Forwarding AG; Lockheed Martin Corporation",
    );
    let verdict = raw(
        &store,
        &format!("SELECT verdict FROM inspections WHERE id = '{i}'"),
    );
    assert_eq!(verdict.as_deref(), Some("prohibited"));
    let screening: Value = serde_json::from_str(
        &raw(
            &store,
            &format!("SELECT screening FROM inspections WHERE id = '{i}'"),
        )
        .unwrap(),
    )
    .unwrap();
    let party = screening["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "party")
        .unwrap();
    assert_eq!(party["rule_id"], "eccl-6");
    assert!(
        party["message"]
            .as_str()
            .unwrap()
            .starts_with("Intermediary")
    );
    let p = payload(&store);
    assert_eq!(p["payload_version"], 4);
    assert_eq!(
        p["shipment"]["intermediaries"],
        "Swiss Forwarding AG; Lockheed Martin Corporation"
    );
    // frozen: the database itself refuses the change
    let e = store
        .execute_raw_for_tests("UPDATE shipments SET intermediaries = 'x'")
        .unwrap_err();
    assert!(e.to_string().contains("immutable"), "{e}");
    assert!(store.chain().verify_chains().unwrap().is_ok());
}

/// Rewrites record 1 as a finalize before migration 7 wrote it: no payload_version, no
/// shipment.intermediaries, the chain hash over that text.
fn as_version_1(store: &Store) {
    let mut p = payload(store);
    p.as_object_mut().unwrap().remove("payload_version");
    p.as_object_mut().unwrap().remove("attachments");
    p["shipment"]
        .as_object_mut()
        .unwrap()
        .remove("intermediaries");
    let text = serde_json::to_string(&p).unwrap();
    let hash = chain_hash(GENESIS_HASH, &text);
    let esc = text.replace('\'', "''");
    for sql in [
        "DROP TRIGGER outbox_immutable".to_string(),
        "DROP TRIGGER outbox_payloads_immutable".into(),
        "DROP TRIGGER inspections_immutable".into(),
        "DROP TRIGGER shipments_immutable".into(),
        format!("UPDATE outbox_payloads SET payload = '{esc}' WHERE seq = 1"),
        format!("UPDATE outbox SET hash = '{hash}' WHERE seq = 1"),
        format!("UPDATE inspections SET record_hash = '{hash}'"),
        format!("UPDATE shipments SET record_hash = '{hash}'"),
    ] {
        store.execute_raw_for_tests(&sql).unwrap();
    }
}

#[test]
fn a_version_1_payload_still_verifies_and_a_later_edit_is_caught() {
    let (_dir, mut store) = new_store();
    finalized_with(&mut store, "");
    as_version_1(&store);
    assert!(payload(&store).get("payload_version").is_none());
    let report = store.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    // a version-1 record never had intermediaries: one written in later is tampering
    store
        .execute_raw_for_tests("UPDATE shipments SET intermediaries = 'Acme Trading'")
        .unwrap();
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert!(broken.problem.contains("intermediaries"), "{broken}");
}

#[test]
fn a_version_2_payload_with_its_intermediaries_edited_is_caught() {
    let (_dir, mut store) = new_store();
    finalized_with(&mut store, "Swiss Forwarding AG");
    store
        .execute_raw_for_tests("DROP TRIGGER shipments_immutable")
        .unwrap();
    store
        .execute_raw_for_tests("UPDATE shipments SET intermediaries = ''")
        .unwrap();
    let broken = store.chain().verify_chains().unwrap().broken.unwrap();
    assert!(broken.problem.contains("intermediaries"), "{broken}");
}
