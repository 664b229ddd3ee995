//! Migration 5: every database names its world. A version-4 file (as the previous
//! minspect left it: no `world` column) of each kind is brought forward; a training file
//! becomes training and every other file live, its trusted devices with it. New files
//! get the world of their kind, and a training headquarters the training world.

use std::path::Path;

use minspect::domain::{DbKind, Role, World};
use minspect::store::{InitOptions, Store, setup_new_database_in};

use crate::migrations::q;
use crate::support::harness::open;
use crate::support::sync_flow::{db, pair};

/// Takes the file back to version 4: the `world` column removed.
fn as_version_4(path: &Path) {
    let c = crate::support::harness::raw_connection(path).unwrap();
    c.execute_batch(
        "ALTER TABLE rule_packs DROP COLUMN trust; ALTER TABLE rule_packs DROP COLUMN signed_by; DROP TABLE published_packs; DROP TRIGGER rule_packs_immutable; DROP TRIGGER rule_items_immutable; \
         DROP TRIGGER rule_clauses_immutable; ALTER TABLE seizures DROP COLUMN legal_basis_reason; \
         ALTER TABLE devices DROP COLUMN world; ALTER TABLE review_desk DROP COLUMN seizure_count; \
         ALTER TABLE review_desk DROP COLUMN seized_kg; \
         ALTER TABLE review_desk DROP COLUMN seized_value_cny_minor; \
         ALTER TABLE review_desk DROP COLUMN finding_count; \
         ALTER TABLE review_desk DROP COLUMN exporter_name; \
         ALTER TABLE review_desk DROP COLUMN finalized_at; PRAGMA user_version = 4;",
    )
    .unwrap();
    crate::migrations::undo_attachments(&c);
    crate::migrations::undo_intermediaries(&c);
    crate::migrations::undo_draft_focus(&c);
    crate::migrations::undo_sealing_keys(&c);
    crate::migrations::undo_measurement_null(&c);
    crate::migrations::undo_desk_search(&c);
}

fn worlds(path: &Path) -> Vec<String> {
    q(
        path,
        "SELECT is_local || ' ' || world FROM devices ORDER BY is_local DESC, id",
    )
}

#[test]
fn version_4_files_become_live_or_training_by_their_kind() {
    let t = tempfile::tempdir().unwrap();
    let (mut hq, mut field) = (
        db(t.path(), "hq", DbKind::Hq),
        db(t.path(), "field", DbKind::Field),
    );
    pair(&mut hq, &mut field);
    drop((hq, field));
    drop(db(t.path(), "classroom", DbKind::Training));
    for (name, want) in [
        ("hq", vec!["1 live", "0 live"]),
        ("field", vec!["1 live", "0 live"]),
        ("classroom", vec!["1 training"]),
    ] {
        let path = t.path().join(format!("{name}.db"));
        assert_eq!(worlds(&path), want, "{name} as made");
        as_version_4(&path);
        assert_eq!(
            q(
                &path,
                "SELECT count(*) FROM pragma_table_info('devices') WHERE name = 'world'"
            ),
            ["0"]
        );
        let store = open(&path);
        assert_eq!(worlds(&path), want, "{name} brought forward");
        let world = if name == "classroom" {
            World::Training
        } else {
            World::Live
        };
        assert_eq!(store.device().world().unwrap(), world);
        assert_eq!(store.device().local_key().unwrap().world, world);
    }
}

#[test]
fn a_world_is_one_of_two_names() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("thq.db");
    let mut s: Store = open(&path);
    let opts = InitOptions {
        officer_name: "Trainer Wu".into(),
        badge: "TRN-HQ".into(),
        device_name: "training-hq".into(),
        kind: DbKind::Hq,
        role: Role::Supervisor,
    };
    setup_new_database_in(&mut s, &opts, World::Training).unwrap();
    assert_eq!(s.device().db_kind().unwrap(), DbKind::Hq);
    assert_eq!(s.device().world().unwrap(), World::Training);
    drop(s);
    let c = crate::support::harness::raw_connection(&path).unwrap();
    let e = c
        .execute("UPDATE devices SET world = 'practice'", [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("CHECK constraint failed"), "{e}");
}
