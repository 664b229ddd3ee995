//! Recording through the store API on a real database file: drafts, finalize, chain,
//! outbox, audit, immutability at the database level.

use crate::support::{count, draft, example, new_store, pack, raw, transfers};
use minspect::domain::Outcome;
use minspect::store::chain::{GENESIS_HASH, chain_hash};
use minspect_testkit::StoreKit;
use serde_json::Value;

/// The chain and the outbox of the finalized record and its two custody transfers,
/// recomputed from the stored payloads; the payloads hold what was recorded.
fn chain_recomputes_from_the_payloads(store: &minspect::store::Store, c2_id: &str) {
    let q = |sql: &str| raw(store, sql).unwrap_or_default();
    let mut prev = GENESIS_HASH.to_string();
    let kinds = ["inspection", "custody_event", "custody_event"];
    for (n, kind) in kinds.iter().enumerate() {
        let seq = n + 1;
        let row = |col: &str| {
            q(&format!(
                "SELECT {col} FROM outbox_status WHERE seq = {seq}"
            ))
        };
        assert_eq!(row("kind"), *kind);
        assert_eq!(row("state"), "finalized");
        assert_eq!(row("prev_hash"), prev);
        let payload = q(&format!(
            "SELECT payload FROM outbox_payloads WHERE seq = {seq}"
        ));
        assert_eq!(row("hash"), chain_hash(&prev, &payload));
        let v: Value = serde_json::from_str(&payload).unwrap();
        assert_eq!(v["kind"], *kind);
        prev = row("hash");
    }
    let payload: Value =
        serde_json::from_str(&q("SELECT payload FROM outbox_payloads WHERE seq = 1")).unwrap();
    assert_eq!(payload["shipment"]["declaration_no"], "223320250704118806");
    assert_eq!(payload["shipment"]["net_weight_g"], 4_000_000);
    assert_eq!(payload["inspection"]["state"], "finalized");
    assert!(payload["inspection"].get("record_hash").is_none());
    assert_eq!(payload["measurements"].as_array().unwrap().len(), 5);
    assert_eq!(payload["findings"][0]["kind"], "under_declared_content");
    assert_eq!(payload["seizures"][0]["legal_basis"], "[\"re-dy-magnet\"]");
    let custody: Value =
        serde_json::from_str(&q("SELECT payload FROM outbox_payloads WHERE seq = 3")).unwrap();
    assert_eq!(custody["custody_event"]["id"], c2_id);
    assert_eq!(
        custody["custody_event"]["to_party"],
        "Shanghai Customs anti-smuggling evidence store"
    );
}

/// The finalized shipment and inspection rows: states, status, hash and screening.
fn finalized_rows(store: &minspect::store::Store, ids: &crate::support::Ids, hash: &str) {
    let q = |sql: &str| raw(store, sql).unwrap_or_default();
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
        hash
    );
    assert_eq!(
        q(&format!(
            "SELECT record_hash FROM shipments WHERE id = '{s}'"
        )),
        hash
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
}

#[test]
fn inspect_find_seize_finalize_and_two_custody_transfers() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    assert_eq!(store.records().open_drafts().unwrap().len(), 1);
    assert!(
        store
            .records()
            .finalize_problems(&ids.inspection)
            .unwrap()
            .is_empty()
    );

    let done = store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    assert_eq!(done.seq, 1);
    assert_eq!(done.rule_pack_version, "2099.01.1-test");
    let c1 = store
        .records_mut()
        .add_custody_event(&ids.seizure, &transfers()[0])
        .unwrap();
    let c2 = store
        .records_mut()
        .add_custody_event(&ids.seizure, &transfers()[1])
        .unwrap();
    assert_eq!((c1.seq, c2.seq), (2, 3));

    finalized_rows(&store, &ids, &done.hash);
    let s = &ids.shipment;
    let i = &ids.inspection;
    assert_eq!(count(&store, "measurements"), 5);
    assert_eq!(count(&store, "findings"), 1);
    assert_eq!(count(&store, "seizures"), 1);
    assert_eq!(count(&store, "custody_events"), 2);
    assert!(store.records().open_drafts().unwrap().is_empty());

    chain_recomputes_from_the_payloads(&store, &c2.id);
    let report = store.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!(report.records(), 3);
    assert_eq!(report.devices[0].head_hash, c2.hash);

    // audit rows: who, what, old -> new
    let actions = |id: &str| -> Vec<String> {
        store
            .query()
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
    let fin = store.query().audit_for(i).unwrap().pop().unwrap();
    assert_eq!(fin.old.unwrap()["state"], "draft");
    assert_eq!(fin.new.as_ref().unwrap()["hash"], done.hash);
    assert_eq!(fin.new.unwrap()["seq"], 1);
    let officer = store.db().identity().unwrap().unwrap().officer_id;
    assert!(
        store
            .query()
            .audit_for(i)
            .unwrap()
            .iter()
            .all(|a| a.actor == officer)
    );

    // the typed view
    let rec = store.records().load_record(i).unwrap();
    assert!(rec.inspection.is_finalized());
    assert_eq!(rec.seizures[0].custody.len(), 2);
    assert_eq!(rec.inspection.data.outcome, Some(Outcome::Seized));
    // times are stored in UTC (entered at +08:00)
    assert_eq!(rec.inspection.data.started_at, "2025-07-05T01:30:00Z");
    assert_eq!(rec.seizures[0].custody[0].data.at, "2025-07-05T08:10:00Z");
}

#[test]
fn every_draft_change_is_one_audited_transaction() {
    let (_dir, mut store) = new_store();
    let mut s = example().shipment;
    s.destination = "XX".into(); // a draft may be invalid
    let id = store.records_mut().create_shipment(&s).unwrap();
    s.destination = "CH".into();
    s.net_weight_g = Some(4_003_500);
    assert!(store.records_mut().update_shipment(&id, &s).unwrap());
    assert!(
        !store.records_mut().update_shipment(&id, &s).unwrap(),
        "no change, no write"
    );
    let audit = store.query().audit_for(&id).unwrap();
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

    let insp = store
        .records_mut()
        .start_inspection(&id, &example().inspection)
        .unwrap();
    let m = store
        .records_mut()
        .add_measurement(&insp, &example().measurements[0])
        .unwrap();
    store.records_mut().remove_measurement(&m).unwrap();
    assert_eq!(count(&store, "measurements"), 0);
    let del = store.query().audit_for(&m).unwrap();
    assert_eq!(del[1].action, "delete");
    assert_eq!(del[1].old.as_ref().unwrap()["element"], "Dy");
}

#[test]
fn open_drafts_survive_closing_the_database() {
    let (dir, mut store) = new_store();
    let ids = draft(&mut store);
    drop(store);
    let store = crate::support::harness::try_open(&dir.path().join("field.db")).unwrap();
    let drafts = store.records().open_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].shipment_id, ids.shipment);
    assert_eq!(
        drafts[0].inspection_id.as_deref(),
        Some(ids.inspection.as_str())
    );
    assert_eq!(
        store
            .records()
            .load_record(&ids.inspection)
            .unwrap()
            .measurements
            .len(),
        5
    );
}

/// Sync state lives outside the frozen rows, in the per-device marks: they move forward,
/// never back, and are never deleted.
fn the_marks_only_move_forward(store: &mut minspect::store::Store) {
    assert_eq!(
        store
            .execute_raw_for_tests(
                "INSERT INTO outbox_marks (device_id, sent_through) SELECT device_id, 2 FROM outbox LIMIT 1"
            )
            .unwrap(),
        1
    );
    for sql in [
        "UPDATE outbox_marks SET sent_through = 1",
        "DELETE FROM outbox_marks",
    ] {
        let err = store.execute_raw_for_tests(sql).expect_err(sql).to_string();
        assert!(err.contains("outbox marks"), "{sql}: {err}");
    }
    assert_eq!(
        store
            .execute_raw_for_tests("UPDATE outbox_marks SET acked_through = 1")
            .unwrap(),
        1
    );
}

#[test]
fn finalized_rows_refuse_update_and_delete_in_the_database() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    let c = store
        .records_mut()
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
        "UPDATE outbox SET hash = prev_hash WHERE seq = 1".to_string(),
        "UPDATE outbox SET created_at = 'now' WHERE seq = 1".to_string(),
        "UPDATE outbox_payloads SET payload = '{}' WHERE seq = 1".to_string(),
        "DELETE FROM outbox".to_string(),
        "DELETE FROM outbox_payloads".to_string(),
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
    the_marks_only_move_forward(&mut store);
    // derived shipment columns may be refreshed
    store
        .execute_raw_for_tests(&format!(
            "UPDATE shipments SET status = 'held' WHERE id = '{s}'"
        ))
        .unwrap();
    // and the store API says what to do instead
    let err = store
        .records_mut()
        .update_shipment(s, &example().shipment)
        .unwrap_err()
        .to_string();
    assert!(err.contains("amendment"), "{err}");
    let err = store
        .records_mut()
        .add_finding(i, &example().findings[0])
        .unwrap_err()
        .to_string();
    assert!(err.contains("finalized"), "{err}");
    assert!(
        store
            .records_mut()
            .finalize_inspection_with(i, &pack())
            .unwrap_err()
            .to_string()
            .contains("already finalized")
    );
    assert!(store.chain().verify_chains().unwrap().is_ok());
}
