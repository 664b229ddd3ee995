//! Schema migrations on real files: a version-1 database (built from the frozen v1 schema
//! in tests/fixtures/schema-v1.sql, with outbox rows in every v1 delivery state) is brought
//! to the current version on open. Its schema must then equal a new database's, every
//! record must keep its delivery state, and export/ack must carry on from there.

use std::path::Path;

use minspect::store::chain::{GENESIS_HASH, chain_hash};
use minspect::store::{SCHEMA_VERSION, StoreError};
use rusqlite::params;
use rusqlite::types::Value;

pub(crate) use crate::undo::{
    undo_attachments, undo_desk_search, undo_draft_focus, undo_intermediaries,
    undo_measurement_null, undo_sealing_keys,
};

const DEV: &str = "01a00000-0000-7000-8000-00000000f1e1";
const OTHER: &str = "01a00000-0000-7000-8000-0000000000b2";
/// The v1 delivery states of this device's records 1..=7.
const V1_STATES: [&str; 7] = [
    "acknowledged",
    "acknowledged",
    "acknowledged",
    "sent",
    "sent",
    "finalized",
    "finalized",
];

/// A v1 field database: records 1-3 acknowledged, 4-5 sent, 6-7 finalized, plus two
/// records of another device held as `received`, and the sync_log rows v1 wrote.
fn v1_database(path: &Path) {
    v1_database_with(path, &V1_STATES);
}

/// A v1 field database whose records 1.. have the given v1 states.
fn v1_database_with(path: &Path, states: &[&str]) {
    let c = crate::support::harness::raw_connection(path).unwrap();
    c.execute_batch(include_str!("../fixtures/schema-v1.sql"))
        .unwrap();
    c.pragma_update(None, "user_version", 1).unwrap();
    // as every minspect database: WAL is persistent in the file
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    c.execute_batch(&format!(
        "INSERT INTO meta (key, value) VALUES ('device_id', '{DEV}'), ('kind', 'field');"
    ))
    .unwrap();
    let mut prev = GENESIS_HASH.to_string();
    for (i, state) in states.iter().enumerate() {
        let seq = i as i64 + 1;
        let payload = format!("{{\"n\":{seq}}}");
        let hash = chain_hash(&prev, &payload);
        c.execute(
            "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at,
               state, bundle_id, sent_at, acked_at) VALUES (?1, ?2, 'inspection', ?3, ?4, ?5,
               '2026-11-01T00:00:00Z', ?6, ?7, ?8, ?9)",
            params![
                DEV,
                seq,
                format!("rec-{seq}"),
                hash,
                prev,
                state,
                (*state != "finalized").then_some("bundle-2"),
                (*state != "finalized").then_some("2026-11-02T00:00:00Z"),
                (*state == "acknowledged").then_some("2026-11-03T00:00:00Z"),
            ],
        )
        .unwrap();
        c.execute(
            "INSERT INTO outbox_payloads (device_id, seq, payload) VALUES (?1, ?2, ?3)",
            params![DEV, seq, payload],
        )
        .unwrap();
        prev = hash;
    }
    let mut prev = GENESIS_HASH.to_string();
    for seq in 1..=2 {
        let payload = format!("{{\"m\":{seq}}}");
        let hash = chain_hash(&prev, &payload);
        c.execute(
            "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at,
               state, bundle_id, sent_at) VALUES (?1, ?2, 'inspection', ?3, ?4, ?5,
               '2026-11-01T00:00:00Z', 'received', 'bundle-x', '2026-11-02T00:00:00Z')",
            params![OTHER, seq, format!("other-{seq}"), hash, prev],
        )
        .unwrap();
        prev = hash;
    }
    c.execute_batch(&format!(
        "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message) VALUES
           ('bundle-1', 'export', '2026-11-01T12:00:00Z', '{DEV}', '/usb/b1', 1, 3, 3, 1, ''),
           ('bundle-2', 'export', '2026-11-02T00:00:00Z', '{DEV}', '/usb/b2', 1, 5, 5, 1, ''),
           ('ack-1', 'ack', '2026-11-03T00:00:00Z', '{DEV}', '/usb/r1', NULL, 3, 3, 1, 'receipt r1'),
           ('imp-1', 'import', '2026-11-02T00:00:00Z', '{OTHER}', '/usb/x', 1, 2, 2, 1,
            'bundle 01a00000-0000-7000-8000-0000000000bb: 2 new, 0 already held');"
    ))
    .unwrap();
}

/// Tables (columns), indexes (columns), triggers and views (whitespace-normalized SQL).
fn schema_of(path: &Path) -> Vec<String> {
    let c = crate::support::harness::raw_connection(path).unwrap();
    let mut out = Vec::new();
    let objects: Vec<(String, String, String)> = c
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY type, name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (kind, name, sql) in objects {
        let detail = match kind.as_str() {
            "table" => c
                .prepare(&format!("PRAGMA table_xinfo(\"{name}\")"))
                .unwrap()
                .query_map([], |r| {
                    Ok(format!(
                        "{} {} notnull={} default={:?} pk={}",
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, i64>(5)?
                    ))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect::<Vec<_>>()
                .join("; "),
            "index" => c
                .prepare(&format!("PRAGMA index_xinfo(\"{name}\")"))
                .unwrap()
                .query_map([], |r| r.get::<_, Option<String>>(2))
                .unwrap()
                .map(|r| r.unwrap().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(","),
            _ => sql.split_whitespace().collect::<Vec<_>>().join(" "),
        };
        out.push(format!("{kind} {name}: {detail}"));
    }
    out
}

pub(crate) fn q(path: &Path, sql: &str) -> Vec<String> {
    let c = crate::support::harness::raw_connection(path).unwrap();
    c.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get::<_, Value>(0))
        .unwrap()
        .map(|r| match r.unwrap() {
            Value::Null => "NULL".to_string(),
            Value::Integer(i) => i.to_string(),
            Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn a_version_1_database_is_brought_forward_with_every_state_kept() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("v1.db"), dir.path().join("new.db"));
    v1_database(&old);
    drop(crate::support::harness::try_open(&new).unwrap());

    // read-only cannot migrate: a clear refusal that names both versions, file untouched
    let err = crate::support::harness::try_open_read_only(&old)
        .err()
        .expect("refused");
    assert!(
        matches!(err, StoreError::NeedsUpgrade { found: 1, .. }),
        "{err}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("version 1") && msg.contains("without --read-only"),
        "{msg}"
    );
    assert_eq!(q(&old, "PRAGMA user_version"), ["1"]);

    let store = crate::support::harness::try_open(&old).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    assert_eq!(schema_of(&old), schema_of(&new));

    let states = q(
        &old,
        &format!("SELECT state FROM outbox_status WHERE device_id = '{DEV}' ORDER BY seq"),
    );
    assert_eq!(states, V1_STATES);
    assert_eq!(
        q(
            &old,
            &format!("SELECT state FROM outbox_status WHERE device_id = '{OTHER}'")
        ),
        ["received", "received"]
    );
    assert_eq!(
        q(
            &old,
            "SELECT device_id || ' ' || sent_through || ' ' || acked_through FROM outbox_marks"
        ),
        [format!("{DEV} 5 3")]
    );
    assert_eq!(
        q(&old, "SELECT bundle_id FROM sync_log ORDER BY id"),
        [
            "NULL",
            "bundle-1",
            "bundle-2",
            "01a00000-0000-7000-8000-0000000000bb"
        ]
    );
    // the payloads and the chain are untouched
    assert_eq!(q(&old, "SELECT count(*) FROM outbox_payloads"), ["7"]);

    // and sync carries on: the status counts and the next export's range follow the marks
    let store = crate::support::harness::try_open(&old).unwrap();
    let st = store.chain().sync_status().unwrap();
    assert_eq!(
        (
            st.counts.finalized,
            st.counts.sent,
            st.counts.acknowledged,
            st.counts.received
        ),
        (2, 2, 3, 2)
    );
    assert_eq!(st.oldest_unacknowledged.unwrap().seq, 4);
    assert_eq!(store.chain().unacked_range(DEV).unwrap(), Some((4, 7)));
    assert_eq!(store.chain().pending_sync_count().unwrap(), 4);
    let queued = store.chain().queued_records(10).unwrap();
    let shown: Vec<(i64, &str, Option<&str>)> = queued
        .iter()
        .map(|r| (r.seq, r.state.as_str(), r.bundle_id.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            (4, "sent", Some("bundle-2")),
            (5, "sent", Some("bundle-2")),
            (6, "finalized", None),
            (7, "finalized", None)
        ]
    );
}

#[test]
fn a_new_database_is_created_at_the_current_version_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(crate::support::harness::try_open(&path).unwrap());
    assert_eq!(
        q(&path, "PRAGMA user_version"),
        [SCHEMA_VERSION.to_string()]
    );
    // no v1 leftovers: delivery state is not a column any more
    let cols = q(&path, "SELECT name FROM pragma_table_info('outbox')");
    assert!(!cols.iter().any(|c| c == "state"), "{cols:?}");
    assert_eq!(q(&path, "SELECT count(*) FROM outbox_marks"), ["0"]);
}

#[test]
fn several_sessions_opening_a_version_1_database_at_once_all_start() {
    // several supervisors' sessions starting together on a file that needs the upgrade:
    // one applies it, the others find it applied (before: "table outbox_marks already
    // exists" for all but one)
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("race-{round}.db"));
        v1_database(&path);
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (path, barrier) = (path.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    crate::support::harness::try_open(&path).map(|s| s.schema_version().unwrap())
                })
            })
            .collect();
        for h in handles {
            let v = h.join().unwrap();
            assert_eq!(
                v.as_ref().ok(),
                Some(&SCHEMA_VERSION),
                "round {round}: {v:?}"
            );
        }
        assert_eq!(
            q(
                &path,
                "SELECT sent_through || ' ' || acked_through FROM outbox_marks"
            ),
            ["5 3"]
        );
    }
}

#[test]
fn records_a_version_1_receipt_acknowledged_without_an_export_stay_acknowledged() {
    // v1 acknowledged 'finalized' rows directly when a receipt covered them
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let states = [
        "acknowledged",
        "acknowledged",
        "acknowledged",
        "finalized",
        "finalized",
    ];
    v1_database_with(&path, &states);
    let store = crate::support::harness::try_open(&path).unwrap();
    assert_eq!(store.chain().unacked_range(DEV).unwrap(), Some((4, 5)));
    drop(store);
    assert_eq!(
        q(
            &path,
            &format!("SELECT state FROM outbox_status WHERE device_id = '{DEV}' ORDER BY seq")
        ),
        states
    );
    assert_eq!(
        q(
            &path,
            "SELECT sent_through || ' ' || acked_through FROM outbox_marks"
        ),
        ["3 3"]
    );
}

#[test]
fn reading_commands_upgrade_an_older_file_unless_read_only_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    v1_database(&path);
    let minspect = |args: &[&str]| {
        crate::support::harness::minspect()
            .arg("--db")
            .arg(&path)
            .args(args)
            .output()
            .unwrap()
    };
    let out = minspect(&["--read-only", "sync", "status"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema version 1") && err.contains("without --read-only"),
        "{err}"
    );
    assert_eq!(
        q(&path, "PRAGMA user_version"),
        ["1"],
        "--read-only changed nothing"
    );

    let out = minspect(&["sync", "status", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["counts"]["sent"], 2);
    assert_eq!(
        q(&path, "PRAGMA user_version"),
        [SCHEMA_VERSION.to_string()]
    );
}
