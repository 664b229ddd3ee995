//! A measurement's value may be NULL (migration 11): a new row or a value typed with a slip
//! holds no number, never a 0.0 placeholder; finalizing refuses it naming the field; a
//! record finalized before the migration still verifies after it.

use crate::migrations::{q, undo_measurement_null};
use crate::support::harness::open;
use crate::support::{count, draft, new_store, pack, raw};
use minspect::domain::Measurement;
use minspect::store::SCHEMA_VERSION;
use minspect_testkit::StoreKit;

#[test]
fn a_measurement_without_a_number_is_stored_null_and_refused_at_finalize() {
    let (_dir, mut store) = new_store();
    let ids = draft(&mut store);
    let slip = Measurement {
        name: "weighed_mass_kg".into(),
        value: None,
        unit: "kg".into(),
        method: "scale".into(),
        ..Measurement::default()
    };
    let id = store
        .records_mut()
        .add_measurement(&ids.inspection, &slip)
        .unwrap();
    let stored = |store: &minspect::store::Store| {
        raw(
            store,
            &format!("SELECT coalesce(value, 'NULL') FROM measurements WHERE id = '{id}'"),
        )
        .unwrap()
    };
    assert_eq!(stored(&store), "NULL", "no 0.0 placeholder");
    let rec = store.records().load_record(&ids.inspection).unwrap();
    let back = rec.measurements.iter().find(|m| m.id == id).unwrap();
    assert_eq!(back.data.value, None, "read back as no number");
    let problems = store.records().finalize_problems(&ids.inspection).unwrap();
    assert!(
        problems.iter().any(|p| p.field.ends_with("].value")),
        "{problems:?}"
    );
    let err = store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap_err()
        .to_string();
    assert!(err.contains("].value"), "the field is named: {err}");
    assert_eq!(count(&store, "outbox"), 0, "nothing finalized");
    // put right, it is stored as a number and finalizes
    let fixed = Measurement {
        value: Some(4001.5),
        ..slip
    };
    store.records_mut().update_measurement(&id, &fixed).unwrap();
    assert_eq!(stored(&store), "4001.5");
    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    assert_eq!(count(&store, "outbox"), 1);
}

#[test]
fn a_record_finalized_before_the_migration_still_verifies() {
    let (dir, mut store) = new_store();
    let ids = draft(&mut store);
    store
        .records_mut()
        .finalize_inspection_with(&ids.inspection, &pack())
        .unwrap();
    let path = dir.path().join("field.db");
    drop(store);
    {
        let c = crate::support::harness::raw_connection(&path).unwrap();
        crate::migrations::undo_draft_focus(&c);
        crate::migrations::undo_sealing_keys(&c);
        crate::migrations::undo_attachments(&c);
        undo_measurement_null(&c);
        crate::migrations::undo_desk_search(&c);
        c.pragma_update(None, "user_version", 10).unwrap();
    }
    assert_eq!(
        q(
            &path,
            "SELECT \"notnull\" FROM pragma_table_info('measurements') WHERE name = 'value'"
        ),
        ["1"],
        "the old schema: value NOT NULL"
    );
    let store = open(&path);
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(
        q(
            &path,
            "SELECT \"notnull\" FROM pragma_table_info('measurements') WHERE name = 'value'"
        ),
        ["0"]
    );
    assert_eq!(count(&store, "measurements"), 5, "every row kept");
    let report = store.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!(report.records(), 1);
    let rec = store.records().load_record(&ids.inspection).unwrap();
    assert!(rec.measurements.iter().all(|m| m.data.value.is_some()));
    // the frozen triggers came back with the table
    let err = store
        .query_raw_for_tests(&format!(
            "DELETE FROM measurements WHERE inspection_id = '{}'",
            ids.inspection
        ))
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot be deleted"), "{err}");
}
