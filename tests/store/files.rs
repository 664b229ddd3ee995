//! The store on real SQLite files: migrations, re-open, newer-version refusal,
//! read-only opens, WAL, and the rule pack tables.

use minspect::domain::{DbKind, Role};
use minspect::rules::EMBEDDED_PACK;
use minspect::store::{InitOptions, SCHEMA_VERSION, StoreError, setup_new_database};
use tempfile::TempDir;

fn opts() -> InitOptions {
    InitOptions {
        officer_name: "Li Wei".into(),
        badge: "GZ-1042".into(),
        device_name: "laptop-7".into(),
        kind: DbKind::Field,
        role: Role::Officer,
    }
}

#[test]
fn fresh_migrate_sets_user_version_and_wal() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.db");
    let store = crate::support::harness::try_open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let conn = crate::support::harness::raw_connection(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopen_keeps_data_and_the_pack() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.db");
    let id = {
        let mut store = crate::support::harness::try_open(&path).unwrap();
        setup_new_database(&mut store, &opts()).unwrap()
    };
    let store = crate::support::harness::try_open(&path).unwrap();
    assert_eq!(store.db().identity().unwrap().unwrap(), id);
    let pack = store.rules().active_pack().unwrap().unwrap();
    assert_eq!(pack.pack.version, "2026.03.1");
    assert_eq!(store.rules().pack_history().unwrap().len(), 1);
    assert!(store.integrity_check().unwrap().is_empty());
}

#[test]
fn newer_database_is_refused_naming_both_versions() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.db");
    drop(crate::support::harness::try_open(&path).unwrap());
    let newer = SCHEMA_VERSION + 41;
    crate::support::harness::raw_connection(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer)
        .unwrap();
    for result in [
        crate::support::harness::try_open(&path),
        crate::support::harness::try_open_read_only(&path),
    ] {
        let err = result.err().expect("a newer database must be refused");
        assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains(&newer.to_string()) && msg.contains(&format!("({SCHEMA_VERSION})")),
            "{msg}"
        );
    }
    let still: i64 = crate::support::harness::raw_connection(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(still, newer, "the refusal must not touch the file");
}

#[test]
fn read_only_open_refuses_writes() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.db");
    {
        let mut store = crate::support::harness::try_open(&path).unwrap();
        setup_new_database(&mut store, &opts()).unwrap();
    }
    let mut ro = crate::support::harness::try_open_read_only(&path).unwrap();
    assert!(ro.is_read_only());
    assert!(matches!(
        ro.db_mut().set_meta("x", "y"),
        Err(StoreError::ReadOnly(_))
    ));
    let newer = EMBEDDED_PACK.replacen("version = \"2026.03.1\"", "version = \"2026.04.1\"", 1);
    assert!(
        ro.rules_mut()
            .import_pack(&newer, "newer.toml", false)
            .is_err()
    );
    assert_eq!(
        ro.rules().active_pack().unwrap().unwrap().pack.version,
        "2026.03.1"
    );
    drop(ro);
    assert_eq!(
        crate::support::harness::try_open(&path)
            .unwrap()
            .db()
            .meta("x")
            .unwrap(),
        None
    );
}

#[test]
fn failed_import_leaves_the_rule_tables_alone() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("a.db");
    let mut store = crate::support::harness::try_open(&path).unwrap();
    setup_new_database(&mut store, &opts()).unwrap();
    let bad = EMBEDDED_PACK
        .replacen("version = \"2026.03.1\"", "version = \"2026.04.1\"", 1)
        .replacen("target = \"2025-55\"", "target = \"2099-1\"", 1);
    let err = store
        .rules_mut()
        .import_pack(&bad, "bad.toml", false)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("bad.toml:") && err.contains("unknown announcement '2099-1'"),
        "{err}"
    );
    assert_eq!(
        store.rules().active_pack().unwrap().unwrap().pack.version,
        "2026.03.1"
    );
    let found = store
        .rules()
        .search_rules_fts("gallium arsenide", 5)
        .unwrap();
    assert!(found.contains(&"ga-arsenide".to_string()), "{found:?}");
}
