//! Drafts through the store API: every bad field named and nothing finalized, custody
//! validation, accepted and dismissed suggestions, discarding, live screening.

use crate::support::{count, draft, example, new_store, pack, raw, transfers};
use minspect::domain::{Finding, FindingKind, Outcome};
use serde_json::Value;

#[test]
fn custody_needs_a_finalized_seizure_and_valid_fields() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let err = store
        .records_mut()
        .add_custody_event(&ids.seizure, &transfers()[0])
        .unwrap_err()
        .to_string();
    assert!(err.contains("finalize"), "{err}");
    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    let mut bad = transfers()[0].clone();
    bad.at = "yesterday".into();
    let err = store
        .records_mut()
        .add_custody_event(&ids.seizure, &bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("at:"), "{err}");
    bad = transfers()[0].clone();
    bad.to_party = bad.from_party.clone();
    assert!(
        store
            .records_mut()
            .add_custody_event(&ids.seizure, &bad)
            .unwrap_err()
            .to_string()
            .contains("to_party")
    );
    // DESIGN section 3: no transfer in the future (beyond 5 minutes of clock skew)
    bad = transfers()[0].clone();
    bad.at = (store.clock().now() + chrono::Duration::hours(1)).to_rfc3339();
    let e = store
        .records_mut()
        .add_custody_event(&ids.seizure, &bad)
        .unwrap_err();
    // in English words, as the CLI and the console say it
    let err = minspect::i18n::said_or(minspect::domain::Lang::En, e.said(), &e);
    assert!(
        err.contains("at:") && err.contains("in the future"),
        "{err}"
    );
    assert_eq!(count(&store, "custody_events"), 0);
    assert_eq!(count(&store, "outbox"), 1);
}

type Edit = fn(&mut minspect::domain::RecordImport);

/// The example record with `edit` made: `problems()` names `field`; saved as a draft
/// through the API it is refused at finalize naming `field`, and nothing is finalized.
fn refused_at_finalize(field: &str, edit: Edit) {
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
    let s = store.records_mut().create_shipment(&rec.shipment).unwrap();
    let i = store
        .records_mut()
        .start_inspection(&s, &rec.inspection)
        .unwrap();
    for m in &rec.measurements {
        store.records_mut().add_measurement(&i, m).unwrap();
    }
    for f in &rec.findings {
        store.records_mut().add_finding(&i, f).unwrap();
    }
    for z in &rec.seizures {
        store.records_mut().add_seizure(&i, &z.seizure).unwrap();
    }
    let listed = store.records().finalize_problems(&i).unwrap();
    assert!(
        listed.iter().any(|p| p.field == field),
        "{field}: {listed:?}"
    );
    let err = store
        .records_mut()
        .finalize_inspection_with(&i, &pack())
        .unwrap_err()
        .to_string();
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

/// One bad field at a time: finalizing is refused naming the field; nothing is finalized.
#[test]
fn each_bad_field_is_named_and_nothing_is_finalized() {
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
        ("measurements[0].value", |r| {
            r.measurements[0].value = Some(130.0)
        }),
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
        refused_at_finalize(field, edit);
    }
}

#[test]
fn accepted_suggestions_are_marked_and_dismissals_remembered() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let pack = pack();
    let rec = store.records().load_record(&ids.inspection).unwrap();
    let ms: Vec<_> = rec.measurements.iter().map(|m| m.data.clone()).collect();
    let suggestions = minspect::rules::reconcile(&pack, &rec.shipment.data, &ms);
    let dy = suggestions
        .iter()
        .find(|s| s.key == "under_declared:Dy")
        .expect("Dy suggested");
    let id = store
        .records_mut()
        .add_finding(&ids.inspection, &dy.finding)
        .unwrap();
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
    let id2 = store
        .records_mut()
        .add_finding(&ids.inspection, &manual)
        .unwrap();
    assert_eq!(
        raw(
            &store,
            &format!("SELECT suggested FROM findings WHERE id = '{id2}'")
        )
        .unwrap(),
        "0"
    );
    store
        .records_mut()
        .dismiss_suggestion(&ids.inspection, "weight")
        .unwrap();
    assert_eq!(
        store
            .records()
            .dismissed_suggestions(&ids.inspection)
            .unwrap(),
        vec!["weight".to_string()]
    );
}

#[test]
fn a_discarded_draft_is_gone_but_kept_in_the_audit_log() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    store.records_mut().discard_draft(&ids.inspection).unwrap();
    assert!(store.records().open_drafts().unwrap().is_empty());
    for t in [
        "shipments",
        "inspections",
        "measurements",
        "findings",
        "seizures",
    ] {
        assert_eq!(count(&store, t), 0, "{t}");
    }
    let a = store
        .query()
        .audit_for(&ids.inspection)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(a.action, "discard");
    let old = a.old.unwrap();
    assert_eq!(old["record"]["measurements"].as_array().unwrap().len(), 5);
    assert_eq!(old["shipment"]["declaration_no"], "223320250704118806");

    // a finalized record cannot be discarded
    let ids = draft(&mut store);
    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    assert!(
        store
            .records_mut()
            .discard_draft(&ids.inspection)
            .unwrap_err()
            .to_string()
            .contains("amendment")
    );
    assert!(store.records_mut().discard_draft(&ids.shipment).is_err());
    assert_eq!(count(&store, "inspections"), 1);
}

#[test]
fn a_draft_keeps_its_live_screening_and_pack_version() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let pack = pack();
    let s = store
        .records_mut()
        .rescreen_draft(&ids.inspection, &pack)
        .unwrap();
    let q = |col: &str| {
        raw(
            &store,
            &format!(
                "SELECT {col} FROM inspections WHERE id = '{}'",
                ids.inspection
            ),
        )
        .unwrap()
    };
    assert_eq!(q("verdict"), s.verdict.as_str());
    assert_eq!(q("rule_pack_version"), "2099.01.1-test");
    let stored: Value = serde_json::from_str(&q("screening")).unwrap();
    assert_eq!(stored["verdict"], s.verdict.as_str());
    assert_eq!(
        store
            .query()
            .audit_for(&ids.inspection)
            .unwrap()
            .last()
            .unwrap()
            .action,
        "screen"
    );
}

#[test]
fn open_drafts_list_shipments_inspections_and_amendments() {
    let (_dir, mut store) = new_store();
    let lone = store
        .records_mut()
        .create_shipment(&example().shipment)
        .unwrap();
    let drafts = store.records().open_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(
        (
            drafts[0].shipment_id.as_str(),
            drafts[0].inspection_id.as_deref()
        ),
        (lone.as_str(), None)
    );

    let ids = draft(&mut store);
    let drafts = store.records().open_drafts().unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(
        drafts[0].inspection_id.as_deref(),
        Some(ids.inspection.as_str()),
        "most recent first"
    );

    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    let (_s, amendment) = store
        .records_mut()
        .start_amendment(&ids.inspection, "seal number corrected")
        .unwrap();
    let drafts = store.records().open_drafts().unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].inspection_id.as_deref(), Some(amendment.as_str()));
    assert_eq!(drafts[0].amends.as_deref(), Some(ids.inspection.as_str()));
    assert_eq!(drafts[1].shipment_id, lone);
}
