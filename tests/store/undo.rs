//! Later migration steps taken back out of a file, for tests that rebuild an earlier
//! schema version by hand (each new step adds its `undo_` here and to the tests that fake
//! an older file).

use rusqlite::Connection;

/// Takes migration 12 (attachments) out of a file: its tables, and version 1's unused one back.
pub(crate) fn undo_attachments(c: &Connection) {
    let v1 = include_str!("../fixtures/schema-v1.sql");
    let at = v1.find("CREATE TABLE attachments (").unwrap();
    let old = &v1[at..at + v1[at..].find(") STRICT;").unwrap() + 9];
    let drop =
        "DROP TABLE attachments; DROP TABLE attachment_chunks; DROP TABLE attachment_content;";
    c.execute_batch(&format!("{drop} {old}")).unwrap();
}

/// Takes migration 11 (a measurement's value may be NULL) back out of a file: the table as
/// it was, value NOT NULL, with its triggers.
pub(crate) fn undo_measurement_null(c: &Connection) {
    let sql = include_str!("../../src/store/migrations/011_measurement_value_null.sql")
        .replace("value         REAL,", "value         REAL NOT NULL,");
    c.execute_batch(&sql).unwrap();
}

/// Takes migration 13 (the review desk's own search and tallies) back out of a file.
pub(crate) fn undo_desk_search(c: &Connection) {
    c.execute_batch(
        "DROP TRIGGER IF EXISTS review_desk_fts_ai; DROP TRIGGER IF EXISTS review_desk_tallied;
         DROP TABLE review_desk_fts; DROP TABLE review_desk_tally; DROP TABLE review_desk_declared_days;",
    )
    .unwrap();
}

/// Takes migration 7 (shipment intermediaries) back out of a file, for tests that rebuild
/// an earlier version by hand.
pub(crate) fn undo_intermediaries(c: &Connection) {
    c.execute_batch(
        "DROP TRIGGER shipments_immutable;
         ALTER TABLE shipments DROP COLUMN intermediaries;
         CREATE TRIGGER shipments_immutable BEFORE UPDATE OF
             id, state, declaration_no, declared_on, exporter_name, exporter_credit_code, consignee, end_user,
             end_use, destination, transshipment, transport_mode, container_nos, seal_nos, hs_code,
             description, composition, quantity, quantity_unit, net_weight_g, value_minor, currency,
             licence_no, amends, device_id, created_by, created_at, finalized_at, record_hash
         ON shipments WHEN OLD.state = 'finalized' BEGIN
             SELECT RAISE(ABORT, 'finalized shipment is immutable; record an amendment instead');
         END;",
    )
    .unwrap();
}

/// Takes migration 14 (sealing keys) back out of a file.
pub(crate) fn undo_sealing_keys(c: &Connection) {
    c.execute_batch(
        "ALTER TABLE devices DROP COLUMN seal_key; ALTER TABLE devices DROP COLUMN seal_secret;",
    )
    .unwrap();
}

/// Takes migration 16 (where each draft was last edited) back out of a file.
pub(crate) fn undo_draft_focus(c: &Connection) {
    c.execute_batch("DROP TABLE draft_focus;").unwrap();
}
