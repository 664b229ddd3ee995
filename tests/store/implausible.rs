//! Facts that cannot be true are refused (DESIGN section 3, issue 15 item 4): the table of
//! implausible facts, each refused on `record import --finalize` naming its field with
//! nothing written, and the same limits in the console's problem list; what is typed is
//! normalised (country codes, invisible characters in names); the stored rule pack is
//! verified and cannot be updated; a version-1 payload still verifies.

use minspect::domain::{RecordImport, limits};
use minspect::store::Store;
use minspect::store::chain::chain_hash;
use minspect::store::shipments::{PageFrom, ShipmentFilter};
use minspect_testkit::StoreKit;

use crate::support::{count, example, new_store, pack, raw};

type Mutation = fn(&mut RecordImport);

/// (what is implausible, how the example record is made so, the field path named).
const IMPLAUSIBLE: &[(&str, Mutation, &str)] = &[
    (
        "a declaration from year 0",
        |r| r.shipment.declared_on = "0000-01-01".into(),
        "shipment.declared_on",
    ),
    (
        "a declaration before 1990",
        |r| r.shipment.declared_on = "1989-12-31".into(),
        "shipment.declared_on",
    ),
    (
        "a declaration after the inspection day",
        |r| r.shipment.declared_on = "2025-07-06".into(),
        "shipment.declared_on",
    ),
    (
        "an inspection that ends before it starts",
        |r| r.inspection.ended_at = Some("2025-07-05T08:00:00+08:00".into()),
        "inspection.ended_at",
    ),
    (
        "a custody transfer before the seizure",
        |r| r.seizures[0].custody[0].at = "2025-07-04T10:00:00+08:00".into(),
        "seizures[0].custody[0].at",
    ),
    (
        "a custody transfer in the future",
        |r| r.seizures[0].custody[1].at = "2099-01-01T00:00:00Z".into(),
        "seizures[0].custody[1].at",
    ),
    (
        "a legal basis the pack does not have",
        |r| r.seizures[0].seizure.legal_basis = vec!["no-such-rule".into()],
        "seizures[0].legal_basis",
    ),
    (
        "a legal basis the screening did not give",
        |r| r.seizures[0].seizure.legal_basis = vec!["bi-alloy".into()],
        "seizures[0].legal_basis",
    ),
    (
        "9.2 million tonnes",
        |r| r.shipment.net_weight_g = Some(9_200_000_000_000_000),
        "shipment.net_weight_g",
    ),
    (
        "a declared value over 10^13 minor units",
        |r| r.shipment.value_minor = Some(limits::MAX_VALUE_MINOR + 1),
        "shipment.value_minor",
    ),
    (
        "a seizure's value over 10^13 minor units",
        |r| r.seizures[0].seizure.est_value_minor = Some(limits::MAX_VALUE_MINOR + 1),
        "seizures[0].est_value_minor",
    ),
    (
        "a quantity of 16 significant digits",
        |r| r.shipment.quantity = "1234567890123456".into(),
        "shipment.quantity",
    ),
    (
        "a seized quantity of 16 significant digits",
        |r| r.seizures[0].seizure.quantity = "0.1234567890123456".into(),
        "seizures[0].quantity",
    ),
    (
        "an exporter name of 301 characters",
        |r| r.shipment.exporter_name = "镓".repeat(301),
        "shipment.exporter_name",
    ),
    (
        "a consignee of 301 characters",
        |r| r.shipment.consignee = "x".repeat(301),
        "shipment.consignee",
    ),
    (
        "an intermediary of 301 characters",
        |r| r.shipment.intermediaries = format!("Ok Traders; {}", "x".repeat(301)),
        "shipment.intermediaries",
    ),
    (
        "a narrative of 1 MB",
        |r| r.inspection.narrative = "x".repeat(1 << 20),
        "inspection.narrative",
    ),
    (
        "evidence over 16 KiB",
        |r| r.findings[0].evidence = "x".repeat(limits::MAX_TEXT_BYTES + 1),
        "findings[0].evidence",
    ),
    (
        "a custody reason over 16 KiB",
        |r| r.seizures[0].custody[0].reason = "x".repeat(limits::MAX_TEXT_BYTES + 1),
        "seizures[0].custody[0].reason",
    ),
    (
        "a measurement method of 301 characters",
        |r| r.measurements[0].method = "x".repeat(301),
        "measurements[0].method",
    ),
];

#[test]
fn every_implausible_fact_is_refused_naming_its_field_and_nothing_is_written() {
    let (_dir, mut store) = new_store();
    let pack = pack();
    for (what, mutate, field) in IMPLAUSIBLE {
        let mut record = example();
        mutate(&mut record);
        let err = store
            .records_mut()
            .import_record(&record, true, &pack)
            .expect_err(what)
            .to_string();
        assert!(err.contains(&format!("{field}:")), "{what}: {err}");
        for table in [
            "shipments",
            "inspections",
            "seizures",
            "custody_events",
            "outbox",
        ] {
            assert_eq!(count(&store, table), 0, "{what}: {table} written");
        }
    }
    // the example itself is plausible, and so is a basis outside the screening with a reason
    let mut record = example();
    record.seizures[0].seizure.legal_basis = vec!["bi-alloy".into()];
    record.seizures[0].seizure.legal_basis_reason =
        "tin-bismuth solder found in the same cartons".into();
    store
        .records_mut()
        .import_record(&record, true, &pack)
        .unwrap();
    store
        .records_mut()
        .import_record(&example(), true, &pack)
        .unwrap();
}

#[test]
fn the_limits_hold_at_their_edges() {
    let (_dir, mut store) = new_store();
    let pack = pack();
    let mut record = example();
    record.shipment.declared_on = limits::DECLARED_FROM.into();
    record.shipment.net_weight_g = Some(limits::MAX_NET_WEIGHT_G);
    record.shipment.value_minor = Some(limits::MAX_VALUE_MINOR);
    record.shipment.quantity = "123456789012345".into();
    record.shipment.exporter_name = "x".repeat(limits::MAX_NAME_CHARS);
    record.inspection.narrative = "x".repeat(limits::MAX_TEXT_BYTES);
    record.shipment.declared_on = "2025-07-05".into(); // the inspection day itself
    store
        .records_mut()
        .import_record(&record, true, &pack)
        .unwrap();
}

#[test]
fn the_console_problem_list_names_the_same_fields() {
    let (_dir, mut store) = new_store();
    let ids = crate::support::draft(&mut store);
    let mut s = example().shipment;
    s.net_weight_g = Some(9_200_000_000_000_000);
    s.declared_on = "1989-01-01".into();
    store
        .records_mut()
        .update_shipment(&ids.shipment, &s)
        .unwrap();
    let fields: Vec<String> = store
        .records()
        .finalize_problems(&ids.inspection)
        .unwrap()
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert!(
        fields.contains(&"shipment.net_weight_g".to_string()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"shipment.declared_on".to_string()),
        "{fields:?}"
    );
    assert!(
        store
            .records_mut()
            .finalize_inspection(&ids.inspection)
            .is_err()
    );
    assert_eq!(count(&store, "outbox"), 0);
}

#[test]
fn country_codes_are_upper_cased_and_a_look_alike_exporter_is_found() {
    let (_dir, mut store) = new_store();
    let mut s = example().shipment;
    s.destination = "ch".into();
    s.transshipment = "nlrtm".into();
    s.exporter_name = "Gan\u{200B}zhou Rare\u{202E} Earth Co.".into();
    let id = store.records_mut().create_shipment(&s).unwrap();
    let q = |col: &str| {
        raw(
            &store,
            &format!("SELECT {col} FROM shipments WHERE id = '{id}'"),
        )
    };
    assert_eq!(q("destination").as_deref(), Some("CH"));
    assert_eq!(q("transshipment").as_deref(), Some("NLRTM"));
    assert_eq!(
        q("exporter_name").as_deref(),
        Some("Ganzhou Rare Earth Co.")
    );
    for typed in ["Ganzhou", "Gan\u{200D}zhou", "ganzhou rare"] {
        let filter = ShipmentFilter::parse(typed).unwrap();
        let page = store
            .query()
            .shipments_page(&filter, &PageFrom::Newest, 10)
            .unwrap();
        assert_eq!(page.len(), 1, "search {typed:?}");
    }
}

#[test]
fn the_stored_rule_pack_cannot_be_updated_and_an_edit_behind_its_back_is_refused() {
    let (_dir, store) = new_store();
    // raising the purity threshold of the 99.99 % items: their goods would screen clear
    let raise = "UPDATE rule_packs SET raw_toml = replace(raw_toml, 'value = 99.99 }', 'value = 99.9999 }') WHERE is_active = 1";
    let err = store.execute_raw_for_tests(raise).unwrap_err().to_string();
    assert!(err.contains("immutable"), "{err}");
    let err = store
        .execute_raw_for_tests(
            "UPDATE rule_items SET criteria = replace(criteria, '99.99', '99.9999')",
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("immutable"), "{err}");
    assert!(store.rules().active_pack().unwrap().is_some());
    assert!(store.rules().pack_problems().unwrap().is_empty());
    // someone with the file and the sqlite3 shell drops the trigger first
    store
        .execute_raw_for_tests("DROP TRIGGER rule_packs_immutable")
        .unwrap();
    store
        .execute_raw_for_tests(
            "UPDATE rule_packs SET raw_toml = raw_toml || '# edited' WHERE is_active = 1",
        )
        .unwrap();
    let err = store.rules().active_pack().unwrap_err().to_string();
    assert!(err.contains("was altered"), "{err}");
    assert_eq!(store.rules().pack_problems().unwrap().len(), 1);
}

/// Rewrites the one finalized inspection of `store` as an earlier version finalized it:
/// version 2 had no `shipment.intermediaries`; version 1 neither those nor a
/// `payload_version` nor `legal_basis_reason` (the columns then hold their defaults).
fn as_version(store: &Store, version: i64) {
    let payload = raw(store, "SELECT payload FROM outbox_payloads WHERE seq = 1").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&payload).unwrap();
    v.as_object_mut().unwrap().remove("attachments");
    v["shipment"]
        .as_object_mut()
        .unwrap()
        .remove("intermediaries");
    if version == 2 {
        v["payload_version"] = 2.into();
    } else {
        v.as_object_mut().unwrap().remove("payload_version");
        for s in v["seizures"].as_array_mut().unwrap() {
            s.as_object_mut().unwrap().remove("legal_basis_reason");
        }
    }
    let old = serde_json::to_string(&v).unwrap();
    let prev = raw(store, "SELECT prev_hash FROM outbox WHERE seq = 1").unwrap();
    let hash = chain_hash(&prev, &old);
    for sql in [
        "DROP TRIGGER IF EXISTS outbox_immutable".to_string(),
        "DROP TRIGGER IF EXISTS outbox_payloads_immutable".into(),
        "DROP TRIGGER IF EXISTS inspections_immutable".into(),
        "DROP TRIGGER IF EXISTS shipments_immutable".into(),
        format!(
            "UPDATE outbox_payloads SET payload = '{}' WHERE seq = 1",
            old.replace('\'', "''")
        ),
        format!("UPDATE outbox SET hash = '{hash}' WHERE seq = 1"),
        format!("UPDATE inspections SET record_hash = '{hash}'"),
        format!("UPDATE shipments SET record_hash = '{hash}'"),
    ] {
        store.execute_raw_for_tests(&sql).unwrap();
    }
}

#[test]
fn a_version_1_payload_still_verifies_and_version_2_carries_the_reason() {
    let (_dir, mut store) = new_store();
    let mut record = example();
    record.seizures[0].custody.clear(); // one chained record
    store
        .records_mut()
        .import_record(&record, true, &pack())
        .unwrap();
    let payload = raw(&store, "SELECT payload FROM outbox_payloads WHERE seq = 1").unwrap();
    assert!(payload.contains("\"payload_version\":4"), "{payload}");
    assert!(payload.contains("\"legal_basis_reason\":\"\""), "{payload}");
    for version in [2, 1] {
        as_version(&store, version);
        let report = store.chain().verify_chains().unwrap();
        assert!(report.is_ok(), "version {version}: {:?}", report.broken);
    }
    // and a changed reason on such a record is still caught
    store
        .execute_raw_for_tests("DROP TRIGGER seizures_frozen_u")
        .unwrap();
    store
        .execute_raw_for_tests("UPDATE seizures SET legal_basis_reason = 'added later'")
        .unwrap();
    let report = store.chain().verify_chains().unwrap();
    assert!(!report.is_ok(), "an edited reason passed");
}

#[test]
fn a_forced_reinstall_of_a_version_replaces_its_row_despite_the_trigger() {
    let (_dir, mut store) = new_store();
    let edited = format!(
        "{}\n# re-issued with a typo fixed\n",
        minspect::rules::EMBEDDED_PACK
    );
    let err = store
        .rules_mut()
        .import_pack(&edited, "same-version.toml", false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("different content"), "{err}");
    store
        .rules_mut()
        .import_pack(&edited, "same-version.toml", true)
        .unwrap();
    assert!(store.rules().pack_problems().unwrap().is_empty());
    assert_eq!(count(&store, "rule_packs"), 1);
    assert!(store.rules().active_pack().unwrap().is_some());
}
