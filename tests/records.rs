//! Recording through the store API on a real database file: drafts, finalize, chain,
//! outbox, audit, immutability at the database level, amendments, bad input.

mod common;

use common::{count, example, new_store, raw};
use minspect::domain::{CustodyEvent, Finding, FindingKind, Outcome};
use minspect::store::Store;
use minspect::store::chain::{GENESIS_HASH, chain_hash};
use serde_json::Value;

struct Ids {
    shipment: String,
    inspection: String,
    seizure: String,
}

/// Shipment, inspection, measurements, one finding and one seizure, through the API.
fn draft(store: &mut Store) -> Ids {
    let ex = example();
    let shipment = store.create_shipment(&ex.shipment).unwrap();
    let inspection = store.start_inspection(&shipment, &ex.inspection).unwrap();
    for m in &ex.measurements {
        store.add_measurement(&inspection, m).unwrap();
    }
    store.add_finding(&inspection, &ex.findings[0]).unwrap();
    let seizure = store
        .add_seizure(&inspection, &ex.seizures[0].seizure)
        .unwrap();
    Ids {
        shipment,
        inspection,
        seizure,
    }
}

fn transfers() -> Vec<CustodyEvent> {
    example().seizures[0].custody.clone()
}

#[test]
fn inspect_find_seize_finalize_and_two_custody_transfers() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    assert_eq!(store.open_drafts().unwrap().len(), 1);
    assert!(store.finalize_problems(&ids.inspection).unwrap().is_empty());

    let done = store.finalize_inspection(&ids.inspection).unwrap();
    assert_eq!(done.seq, 1);
    assert_eq!(done.rule_pack_version, "2099.01.1-test");
    let c1 = store
        .add_custody_event(&ids.seizure, &transfers()[0])
        .unwrap();
    let c2 = store
        .add_custody_event(&ids.seizure, &transfers()[1])
        .unwrap();
    assert_eq!((c1.seq, c2.seq), (2, 3));

    // rows
    let q = |sql: &str| raw(&store, sql).unwrap_or_default();
    let s = &ids.shipment;
    let i = &ids.inspection;
    assert_eq!(
        q(&format!("SELECT state FROM shipments WHERE id = '{s}'")),
        "finalized"
    );
    assert_eq!(
        q(&format!("SELECT status FROM shipments WHERE id = '{s}'")),
        "seized"
    );
    assert_eq!(
        q(&format!("SELECT state FROM inspections WHERE id = '{i}'")),
        "finalized"
    );
    assert_eq!(
        q(&format!(
            "SELECT record_hash FROM inspections WHERE id = '{i}'"
        )),
        done.hash
    );
    assert_eq!(
        q(&format!(
            "SELECT record_hash FROM shipments WHERE id = '{s}'"
        )),
        done.hash
    );
    assert_eq!(
        q(&format!(
            "SELECT rule_pack_version FROM inspections WHERE id = '{i}'"
        )),
        "2099.01.1-test"
    );
    let screening: Value = serde_json::from_str(&q(&format!(
        "SELECT screening FROM inspections WHERE id = '{i}'"
    )))
    .unwrap();
    assert!(screening["verdict"].is_string(), "{screening}");
    assert_eq!(screening["rule_pack"]["version"], "2099.01.1-test");
    assert_eq!(count(&store, "measurements"), 5);
    assert_eq!(count(&store, "findings"), 1);
    assert_eq!(count(&store, "seizures"), 1);
    assert_eq!(count(&store, "custody_events"), 2);
    assert!(store.open_drafts().unwrap().is_empty());

    // chain and outbox, recomputed here from the stored payloads
    let mut prev = GENESIS_HASH.to_string();
    let kinds = ["inspection", "custody_event", "custody_event"];
    for (n, kind) in kinds.iter().enumerate() {
        let seq = n + 1;
        let row = |col: &str| q(&format!("SELECT {col} FROM outbox WHERE seq = {seq}"));
        assert_eq!(row("kind"), *kind);
        assert_eq!(row("state"), "finalized");
        assert_eq!(row("prev_hash"), prev);
        let payload = row("payload");
        assert_eq!(row("hash"), chain_hash(&prev, &payload));
        let v: Value = serde_json::from_str(&payload).unwrap();
        assert_eq!(v["kind"], *kind);
        prev = row("hash");
    }
    let payload: Value =
        serde_json::from_str(&q("SELECT payload FROM outbox WHERE seq = 1")).unwrap();
    assert_eq!(payload["shipment"]["declaration_no"], "223320250704118806");
    assert_eq!(payload["shipment"]["net_weight_g"], 4_000_000);
    assert_eq!(payload["inspection"]["state"], "finalized");
    assert!(payload["inspection"].get("record_hash").is_none());
    assert_eq!(payload["measurements"].as_array().unwrap().len(), 5);
    assert_eq!(payload["findings"][0]["kind"], "under_declared_content");
    assert_eq!(payload["seizures"][0]["legal_basis"], "[\"re-dy-magnet\"]");
    let custody: Value =
        serde_json::from_str(&q("SELECT payload FROM outbox WHERE seq = 3")).unwrap();
    assert_eq!(custody["custody_event"]["id"], c2.id);
    assert_eq!(
        custody["custody_event"]["to_party"],
        "Shanghai Customs anti-smuggling evidence store"
    );
    let report = store.verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!(report.records(), 3);
    assert_eq!(report.devices[0].head_hash, c2.hash);

    // audit rows: who, what, old -> new
    let actions = |id: &str| -> Vec<String> {
        store
            .audit_for(id)
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect()
    };
    assert_eq!(actions(s), ["create"]);
    assert_eq!(actions(i), ["create", "finalize"]);
    assert_eq!(actions(&ids.seizure), ["create"]);
    assert_eq!(actions(&c1.id), ["create"]);
    let fin = store.audit_for(i).unwrap().pop().unwrap();
    assert_eq!(fin.old.unwrap()["state"], "draft");
    assert_eq!(fin.new.as_ref().unwrap()["hash"], done.hash);
    assert_eq!(fin.new.unwrap()["seq"], 1);
    let officer = store.identity().unwrap().unwrap().officer_id;
    assert!(
        store
            .audit_for(i)
            .unwrap()
            .iter()
            .all(|a| a.actor == officer)
    );

    // the typed view
    let rec = store.load_record(i).unwrap();
    assert!(rec.inspection.is_finalized());
    assert_eq!(rec.seizures[0].custody.len(), 2);
    assert_eq!(rec.inspection.data.outcome, Some(Outcome::Seized));
}

#[test]
fn every_draft_change_is_one_audited_transaction() {
    let (_dir, mut store) = new_store();
    let mut s = example().shipment;
    s.destination = "XX".into(); // a draft may be invalid
    let id = store.create_shipment(&s).unwrap();
    s.destination = "CH".into();
    s.net_weight_g = Some(4_003_500);
    assert!(store.update_shipment(&id, &s).unwrap());
    assert!(
        !store.update_shipment(&id, &s).unwrap(),
        "no change, no write"
    );
    let audit = store.audit_for(&id).unwrap();
    assert_eq!(audit.len(), 2);
    let upd = &audit[1];
    assert_eq!(upd.action, "update");
    assert_eq!(upd.old.as_ref().unwrap()["destination"], "XX");
    assert_eq!(upd.new.as_ref().unwrap()["destination"], "CH");
    assert_eq!(upd.new.as_ref().unwrap()["net_weight_g"], 4_003_500);
    assert!(
        upd.new.as_ref().unwrap().get("consignee").is_none(),
        "only changed fields"
    );

    let insp = store.start_inspection(&id, &example().inspection).unwrap();
    let m = store
        .add_measurement(&insp, &example().measurements[0])
        .unwrap();
    store.remove_measurement(&m).unwrap();
    assert_eq!(count(&store, "measurements"), 0);
    let del = store.audit_for(&m).unwrap();
    assert_eq!(del[1].action, "delete");
    assert_eq!(del[1].old.as_ref().unwrap()["element"], "Dy");
}

#[test]
fn open_drafts_survive_closing_the_database() {
    let (dir, mut store) = new_store();
    let ids = draft(&mut store);
    drop(store);
    let store = Store::open(&dir.path().join("field.db")).unwrap();
    let drafts = store.open_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].shipment_id, ids.shipment);
    assert_eq!(
        drafts[0].inspection_id.as_deref(),
        Some(ids.inspection.as_str())
    );
    assert_eq!(
        store
            .load_record(&ids.inspection)
            .unwrap()
            .measurements
            .len(),
        5
    );
}

#[test]
fn finalized_rows_refuse_update_and_delete_in_the_database() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    store.finalize_inspection(&ids.inspection).unwrap();
    let c = store
        .add_custody_event(&ids.seizure, &transfers()[0])
        .unwrap();
    let (s, i, z) = (&ids.shipment, &ids.inspection, &ids.seizure);
    let refused = [
        format!("UPDATE shipments SET description = 'scrap iron' WHERE id = '{s}'"),
        format!("UPDATE shipments SET net_weight_g = 1 WHERE id = '{s}'"),
        format!("DELETE FROM shipments WHERE id = '{s}'"),
        format!("UPDATE inspections SET narrative = 'x' WHERE id = '{i}'"),
        format!("UPDATE inspections SET state = 'draft' WHERE id = '{i}'"),
        format!("DELETE FROM inspections WHERE id = '{i}'"),
        format!("UPDATE measurements SET value = 0 WHERE inspection_id = '{i}'"),
        format!("DELETE FROM measurements WHERE inspection_id = '{i}'"),
        format!(
            "INSERT INTO findings (id, inspection_id, kind, created_at) VALUES ('f', '{i}', 'other', 'now')"
        ),
        format!("UPDATE seizures SET quantity = '1' WHERE id = '{z}'"),
        format!("DELETE FROM seizures WHERE id = '{z}'"),
        format!(
            "UPDATE custody_events SET to_party = 'someone' WHERE id = '{}'",
            c.id
        ),
        format!("DELETE FROM custody_events WHERE id = '{}'", c.id),
        "UPDATE outbox SET payload = '{}' WHERE seq = 1".to_string(),
        "DELETE FROM outbox".to_string(),
        "DELETE FROM audit".to_string(),
    ];
    for sql in refused {
        let err = store
            .execute_raw_for_tests(&sql)
            .expect_err(&sql)
            .to_string();
        assert!(
            err.contains("immutable") || err.contains("cannot") || err.contains("append-only"),
            "{sql}: {err}"
        );
    }
    // sync state lives outside the frozen rows and may move
    assert_eq!(
        store
            .execute_raw_for_tests("UPDATE outbox SET state = 'sent' WHERE seq = 1")
            .unwrap(),
        1
    );
    // derived shipment columns may be refreshed
    store
        .execute_raw_for_tests(&format!(
            "UPDATE shipments SET status = 'held' WHERE id = '{s}'"
        ))
        .unwrap();
    // and the store API says what to do instead
    let err = store
        .update_shipment(s, &example().shipment)
        .unwrap_err()
        .to_string();
    assert!(err.contains("amendment"), "{err}");
    let err = store
        .add_finding(i, &example().findings[0])
        .unwrap_err()
        .to_string();
    assert!(err.contains("finalized"), "{err}");
    assert!(
        store
            .finalize_inspection(i)
            .unwrap_err()
            .to_string()
            .contains("already finalized")
    );
    assert!(store.verify_chains().unwrap().is_ok());
}

#[test]
fn an_amendment_links_back_and_leaves_the_original_untouched() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    store.finalize_inspection(&ids.inspection).unwrap();
    let before = store.record_json(&ids.inspection).unwrap();

    assert!(
        store
            .start_amendment(&ids.inspection, " ")
            .unwrap_err()
            .to_string()
            .contains("amend_reason")
    );
    let (new_s, new_i) = store
        .start_amendment(&ids.inspection, "net weight re-weighed at 4003.5 kg")
        .unwrap();
    let mut sh = store.shipment(&new_s).unwrap().data;
    sh.net_weight_g = Some(4_003_500);
    store.update_shipment(&new_s, &sh).unwrap();
    let done = store.finalize_inspection(&new_i).unwrap();
    assert_eq!(done.seq, 2);

    let amended = store.load_record(&new_i).unwrap();
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
        store.amendments_of(&ids.inspection).unwrap(),
        vec![new_i.clone()]
    );
    let payload: Value =
        serde_json::from_str(&raw(&store, "SELECT payload FROM outbox WHERE seq = 2").unwrap())
            .unwrap();
    assert_eq!(payload["inspection"]["amends"], ids.inspection);
    assert_eq!(payload["shipment"]["net_weight_g"], 4_003_500);

    let mut after = store.record_json(&ids.inspection).unwrap();
    assert_eq!(after["amendments"], serde_json::json!([new_i]));
    after["amendments"] = before["amendments"].clone();
    assert_eq!(after, before, "the original is untouched");
    assert!(store.verify_chains().unwrap().is_ok());
}

#[test]
fn custody_needs_a_finalized_seizure_and_valid_fields() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let err = store
        .add_custody_event(&ids.seizure, &transfers()[0])
        .unwrap_err()
        .to_string();
    assert!(err.contains("finalize"), "{err}");
    store.finalize_inspection(&ids.inspection).unwrap();
    let mut bad = transfers()[0].clone();
    bad.at = "yesterday".into();
    let err = store
        .add_custody_event(&ids.seizure, &bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("at:"), "{err}");
    bad = transfers()[0].clone();
    bad.to_party = bad.from_party.clone();
    assert!(
        store
            .add_custody_event(&ids.seizure, &bad)
            .unwrap_err()
            .to_string()
            .contains("to_party")
    );
    assert_eq!(count(&store, "custody_events"), 0);
    assert_eq!(count(&store, "outbox"), 1);
}

/// One bad field at a time: finalizing is refused naming the field; nothing is finalized.
#[test]
fn each_bad_field_is_named_and_nothing_is_finalized() {
    type Edit = fn(&mut minspect::domain::RecordImport);
    let cases: Vec<(&str, Edit)> = vec![
        ("shipment.declared_on", |r| {
            r.shipment.declared_on = "2025-02-30".into()
        }),
        ("shipment.declaration_no", |r| {
            r.shipment.declaration_no = "22332025".into()
        }),
        ("shipment.hs_code", |r| {
            r.shipment.hs_code = "85O5111000".into()
        }),
        ("shipment.destination", |r| {
            r.shipment.destination = "XX".into()
        }),
        ("shipment.exporter_credit_code", |r| {
            r.shipment.exporter_credit_code = "91310115MA1K3T8W51".into()
        }),
        ("shipment.transshipment", |r| {
            r.shipment.transshipment = "NLRT1".into()
        }),
        ("shipment.container_nos", |r| {
            r.shipment.container_nos = "TGHU8765437".into()
        }),
        ("shipment.composition.Nd", |r| {
            r.shipment.composition = "Nd 130%".into()
        }),
        ("shipment.quantity", |r| {
            r.shipment.quantity = "4,000".into()
        }),
        ("shipment.quantity_unit", |r| {
            r.shipment.quantity_unit = "bags".into()
        }),
        ("shipment.net_weight_g", |r| r.shipment.net_weight_g = None),
        ("shipment.currency", |r| r.shipment.currency = "RMB".into()),
        ("inspection.locode", |r| {
            r.inspection.locode = "CNSH1".into()
        }),
        ("inspection.started_at", |r| {
            r.inspection.started_at = "2025-07-05 09:30".into()
        }),
        ("inspection.ended_at", |r| {
            r.inspection.ended_at = Some("2025-07-04T09:30:00+08:00".into())
        }),
        ("inspection.outcome_due", |r| {
            r.inspection.outcome = Some(Outcome::Referred)
        }),
        ("measurements[0].value", |r| r.measurements[0].value = 130.0),
        ("measurements[0].element", |r| {
            r.measurements[0].element = Some("Xx".into())
        }),
        ("measurements[1].name", |r| {
            r.measurements[1].name = "Purity %".into()
        }),
        ("findings[0].found", |r| {
            r.findings[0].found.clear();
            r.findings[0].evidence.clear();
        }),
        ("seizures[0].legal_basis", |r| {
            r.seizures[0].seizure.legal_basis.clear()
        }),
        ("seizures[0].quantity", |r| {
            r.seizures[0].seizure.quantity = "-5".into()
        }),
        ("seizures[0].storage_location", |r| {
            r.seizures[0].seizure.storage_location = " ".into()
        }),
        ("seizures", |r| r.seizures.clear()),
    ];
    for (field, edit) in cases {
        let (_dir, mut store) = new_store();
        let mut rec = example();
        edit(&mut rec);
        rec.seizures.iter_mut().for_each(|s| s.custody.clear());
        let problems = rec.problems(false);
        assert!(
            problems.iter().any(|p| p.field == field),
            "{field}: {problems:?}"
        );
        // saved as a draft through the API, then refused at finalize
        let s = store.create_shipment(&rec.shipment).unwrap();
        let i = store.start_inspection(&s, &rec.inspection).unwrap();
        for m in &rec.measurements {
            store.add_measurement(&i, m).unwrap();
        }
        for f in &rec.findings {
            store.add_finding(&i, f).unwrap();
        }
        for z in &rec.seizures {
            store.add_seizure(&i, &z.seizure).unwrap();
        }
        let listed = store.finalize_problems(&i).unwrap();
        assert!(
            listed.iter().any(|p| p.field == field),
            "{field}: {listed:?}"
        );
        let err = store.finalize_inspection(&i).unwrap_err().to_string();
        assert!(err.contains(field), "{field}: {err}");
        assert_eq!(count(&store, "outbox"), 0, "{field}");
        assert_eq!(
            raw(
                &store,
                &format!("SELECT state FROM inspections WHERE id = '{i}'")
            )
            .unwrap(),
            "draft"
        );
        assert_eq!(
            raw(
                &store,
                &format!("SELECT state FROM shipments WHERE id = '{s}'")
            )
            .unwrap(),
            "draft"
        );
    }
}

#[test]
fn accepted_suggestions_are_marked_and_dismissals_remembered() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let pack = store.active_pack().unwrap().unwrap();
    let rec = store.load_record(&ids.inspection).unwrap();
    let ms: Vec<_> = rec.measurements.iter().map(|m| m.data.clone()).collect();
    let suggestions = minspect::rules::reconcile(&pack, &rec.shipment.data, &ms);
    let dy = suggestions
        .iter()
        .find(|s| s.key == "under_declared:Dy")
        .expect("Dy suggested");
    let id = store.add_finding(&ids.inspection, &dy.finding).unwrap();
    assert_eq!(
        raw(
            &store,
            &format!("SELECT suggested FROM findings WHERE id = '{id}'")
        )
        .unwrap(),
        "1"
    );
    let manual = Finding {
        kind: FindingKind::Concealment,
        found: "cartons behind pump housings".into(),
        ..Finding::default()
    };
    let id2 = store.add_finding(&ids.inspection, &manual).unwrap();
    assert_eq!(
        raw(
            &store,
            &format!("SELECT suggested FROM findings WHERE id = '{id2}'")
        )
        .unwrap(),
        "0"
    );
    store.dismiss_suggestion(&ids.inspection, "weight").unwrap();
    assert_eq!(
        store.dismissed_suggestions(&ids.inspection).unwrap(),
        vec!["weight".to_string()]
    );
}

#[test]
fn a_discarded_draft_is_gone_but_kept_in_the_audit_log() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    store.discard_draft(&ids.inspection).unwrap();
    assert!(store.open_drafts().unwrap().is_empty());
    for t in ["shipments", "inspections", "measurements", "findings", "seizures"] {
        assert_eq!(count(&store, t), 0, "{t}");
    }
    let a = store.audit_for(&ids.inspection).unwrap().pop().unwrap();
    assert_eq!(a.action, "discard");
    let old = a.old.unwrap();
    assert_eq!(old["record"]["measurements"].as_array().unwrap().len(), 5);
    assert_eq!(old["shipment"]["declaration_no"], "223320250704118806");

    // a finalized record cannot be discarded
    let ids = draft(&mut store);
    store.finalize_inspection(&ids.inspection).unwrap();
    assert!(store.discard_draft(&ids.inspection).unwrap_err().to_string().contains("amendment"));
    assert!(store.discard_draft(&ids.shipment).is_err());
    assert_eq!(count(&store, "inspections"), 1);
}

#[test]
fn a_draft_keeps_its_live_screening_and_pack_version() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let pack = store.active_pack().unwrap().unwrap();
    let s = store.rescreen_draft(&ids.inspection, &pack).unwrap();
    let q = |col: &str| raw(&store, &format!("SELECT {col} FROM inspections WHERE id = '{}'", ids.inspection)).unwrap();
    assert_eq!(q("verdict"), s.verdict.as_str());
    assert_eq!(q("rule_pack_version"), "2099.01.1-test");
    let stored: Value = serde_json::from_str(&q("screening")).unwrap();
    assert_eq!(stored["verdict"], s.verdict.as_str());
    assert_eq!(store.audit_for(&ids.inspection).unwrap().last().unwrap().action, "screen");
}
