//! Headquarters side of sync: inserting a verified bundle in one transaction.
//!
//! The sync layer has already checked the signature, each record's SHA-256 and the links
//! inside the bundle; it hands the records over one at a time (the bundle is never held in
//! memory). Here, inside the write transaction, the bundle is checked against what
//! headquarters already holds for the device (continuity, the link to the held head,
//! identical overlap), then the outbox rows (`received`: another device's) and the records
//! themselves are inserted by id (`bundle_rows.rs`). Any error, also one from the record
//! source, rolls the whole transaction back.

use std::ops::Deref;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::store::hq::bundle_rows::{Inserter, insert_officers};
use crate::store::hq::incoming::{BundleImported, IncomingBundle, IncomingBundleRecord};
use crate::store::{ContentSink, Context, Hq, Result, Store, StoreError};

/// Connection settings during an import, restored afterwards. Measured on a 100,000-record
/// bundle (~650 MB of rows): a 16 MiB page cache imports as fast as 512 MiB (dirty pages
/// spill to the WAL, which takes every page at commit anyway), so memory does not grow with
/// the bundle; statement journals (every insert fires triggers) in memory instead of
/// temporary files save about a fifth of the time, and each holds one statement's pages.
const IMPORT_PRAGMAS: [(&str, i64); 2] = [("cache_size", -16_384), ("temp_store", 2)];

fn refused(msg: String) -> StoreError {
    StoreError::Invalid(msg)
}

/// The hash of `device_id`'s record at `seq` held here.
fn held_hash_at(tx: &Transaction<'_>, device_id: &str, seq: i64) -> Result<Option<String>> {
    tx.query_row(
        "SELECT hash FROM outbox WHERE device_id = ?1 AND seq = ?2",
        params![device_id, seq],
        |r| r.get(0),
    )
    .optional()
    .doing(|| format!("reading held record seq {seq}"))
}

impl<S: Deref<Target = Store>> Hq<S> {
    /// What headquarters holds for `device_id`: (head seq, head hash), (0, GENESIS) if none.
    pub fn held_head(&self, device_id: &str) -> Result<(i64, String)> {
        crate::store::chain::chain_head(self.0.conn(), device_id)
    }
}

impl Hq<&mut Store> {
    /// Inserts a verified bundle in one transaction, or refuses it leaving the database
    /// unchanged. `next` yields the records in seq order (contiguous and linked; checked
    /// again here) and `Ok(None)` after the last one; an error from `next` rolls the
    /// transaction back and is returned as is. Records already held must be identical;
    /// the first new record must follow the held head with no gap. Memory does not grow
    /// with the bundle: one record is held at a time.
    pub fn import_bundle_stream<E: From<StoreError>>(
        &mut self,
        h: &IncomingBundle,
        next: impl FnMut() -> std::result::Result<Option<IncomingBundleRecord>, E>,
    ) -> std::result::Result<BundleImported, E> {
        self.import_bundle_stream_with(h, next, |_| Ok(()))
    }

    /// [`import_bundle_stream`](Self::import_bundle_stream), then, in the same transaction,
    /// `contents` stores the bundle's attachment content through a [`ContentSink`]; its
    /// error rolls everything back and is returned as is.
    pub fn import_bundle_stream_with<E: From<StoreError>>(
        &mut self,
        h: &IncomingBundle,
        mut next: impl FnMut() -> std::result::Result<Option<IncomingBundleRecord>, E>,
        mut contents: impl FnMut(&mut ContentSink<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<BundleImported, E> {
        // live and training never mix: the sender is trusted here, in this world
        self.0.device().check_sender_world(&h.device_id)?;
        let clock = self.0.clock;
        let now = clock.now_rfc3339();
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        let saved = set_pragmas(self.0.conn(), &IMPORT_PRAGMAS)?;
        let mut source_error = None;
        let result = {
            // the source's own error waits in `source_error`; the store sees a refusal
            let source_error = std::cell::RefCell::new(&mut source_error);
            let mut pull = || {
                next().map_err(|e| {
                    **source_error.borrow_mut() = Some(e);
                    refused("the bundle could not be read".into())
                })
            };
            self.0.write("importing a bundle", |tx| {
                let done = bundle_import_tx(tx, h, &mut pull, &now, &actor)?;
                let mut sink = ContentSink::new(tx, &now);
                contents(&mut sink).map_err(|e| {
                    **source_error.borrow_mut() = Some(e);
                    refused("the bundle's attachments could not be read".into())
                })?;
                Ok(done)
            })
        };
        set_pragmas(self.0.conn(), &saved)?;
        match (result, source_error) {
            (Err(_), Some(e)) => Err(e),
            (result, _) => result.map_err(E::from),
        }
    }
}

/// Sets integer pragmas; returns their previous values.
fn set_pragmas<'p>(
    conn: &rusqlite::Connection,
    pragmas: &[(&'p str, i64)],
) -> Result<Vec<(&'p str, i64)>> {
    let mut old = Vec::with_capacity(pragmas.len());
    for &(name, value) in pragmas {
        let was = conn
            .pragma_query_value(None, name, |r| r.get(0))
            .doing(|| format!("reading {name}"))?;
        conn.pragma_update(None, name, value)
            .doing(|| format!("setting {name} for the import"))?;
        old.push((name, was));
    }
    Ok(old)
}

/// The bundle's first record continues what headquarters holds for `dev` (up to
/// `held_seq`): no gap, and it links to the held record before it (or starts the chain).
fn check_link_to_held(
    tx: &Transaction<'_>,
    dev: &str,
    first: &IncomingBundleRecord,
    held_seq: i64,
) -> Result<()> {
    let seq_from = first.seq;
    if seq_from > held_seq + 1 {
        return Err(refused(format!(
            "sequence gap: headquarters holds device {dev} up to seq {held_seq}; the bundle starts at seq {seq_from} (record id {}), so seq {}..{} are missing",
            first.record_id,
            held_seq + 1,
            seq_from - 1
        )));
    }
    // the link into what is held: the record before seq_from
    if seq_from > 1 {
        let before = held_hash_at(tx, dev, seq_from - 1)?.unwrap_or_default();
        if before != first.prev_hash {
            return Err(refused(format!(
                "chain link broken: record seq {seq_from} (id {}) does not follow the record seq {} held at headquarters",
                first.record_id,
                seq_from - 1
            )));
        }
    } else if first.prev_hash != crate::store::chain::GENESIS_HASH {
        return Err(refused(format!(
            "chain link broken: record seq 1 (id {}) does not start the chain",
            first.record_id
        )));
    }
    Ok(())
}

/// The import's sync_log row: the range, what was new and what was already held.
fn log_import(
    tx: &Transaction<'_>,
    h: &IncomingBundle,
    now: &str,
    (seq_from, seq_to): (i64, i64),
    (fresh, already): (u64, u64),
) -> Result<()> {
    let dev = &h.device_id;
    tx.execute(
        "INSERT INTO sync_log (id, kind, at, device_id, path, seq_from, seq_to, records, ok, message, bundle_id)
         VALUES (?1, 'import', ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9)",
        params![crate::domain::new_id(), now, dev, h.path, seq_from, seq_to, fresh as i64,
            format!("bundle {}: {fresh} new, {already} already held", h.bundle_id), h.bundle_id],
    )
    .doing(|| "writing the sync log".into())?;
    Ok(())
}

fn bundle_import_tx(
    tx: &Transaction<'_>,
    h: &IncomingBundle,
    next: &mut dyn FnMut() -> Result<Option<IncomingBundleRecord>>,
    now: &str,
    actor: &str,
) -> Result<BundleImported> {
    let dev = &h.device_id;
    tx.pragma_update(None, "defer_foreign_keys", true)
        .doing(|| "deferring foreign keys".into())?;
    let Some(first) = next()? else {
        return Err(refused("the bundle holds no records".into()));
    };
    let seq_from = first.seq;
    let (held_seq, held_hash) = crate::store::chain::chain_head(tx, dev)?;
    check_link_to_held(tx, dev, &first, held_seq)?;
    let (mut already, mut fresh) = (0u64, 0u64);
    let mut fresh_from = None;
    let mut inserter: Option<Inserter<'_>> = None;
    let (mut last_seq, mut last_hash) = (seq_from - 1, first.prev_hash.clone());
    let mut current = Some(first);
    while let Some(r) = current {
        if r.seq != last_seq + 1 || r.prev_hash != last_hash {
            return Err(refused(format!(
                "chain link broken: record seq {} (id {}) does not follow record seq {last_seq} of the bundle",
                r.seq, r.record_id
            )));
        }
        if r.seq <= held_seq {
            let held = held_hash_at(tx, dev, r.seq)?.unwrap_or_default();
            if held != r.hash {
                return Err(refused(format!(
                    "conflict: record seq {} (id {}) differs from the record seq {} already held for device {dev}",
                    r.seq, r.record_id, r.seq
                )));
            }
            already += 1;
        } else {
            if inserter.is_none() {
                insert_officers(tx, &h.officers, now)?;
                fresh_from = Some(r.seq);
                inserter = Some(Inserter::new(tx, now)?);
            }
            super::received_checks::check_received(tx, dev, &r)?;
            if let Some(ins) = &inserter {
                ins.received(dev, &r)?;
            }
            fresh += 1;
        }
        (last_seq, last_hash) = (r.seq, r.hash);
        current = next()?;
    }
    let seq_to = last_seq;
    let (held_seq, held_hash) = if fresh > 0 {
        (last_seq, last_hash)
    } else {
        (held_seq, held_hash)
    };
    log_import(tx, h, now, (seq_from, seq_to), (fresh, already))?;
    if let Some(from) = fresh_from {
        tx.execute(
            "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
             VALUES (?1, ?2, 'import', 'bundle', ?3, NULL, ?4)",
            params![
                now,
                actor,
                h.bundle_id,
                serde_json::json!({
                    "device_id": dev, "seq_from": from, "seq_to": held_seq, "records": fresh
                })
                .to_string()
            ],
        )
        .doing(|| "writing the audit row".into())?;
    }
    Ok(BundleImported {
        device_id: dev.clone(),
        seq_from,
        seq_to,
        new_records: fresh,
        already_held: already,
        held_seq,
        held_hash,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum TestError {
        Store(String),
        Source,
    }

    impl From<StoreError> for TestError {
        fn from(e: StoreError) -> Self {
            TestError::Store(e.to_string())
        }
    }

    #[test]
    fn a_source_error_comes_back_as_is_and_the_settings_are_restored() {
        let mut s = Store::open_in_memory().unwrap();
        let settings = |s: &Store| -> Vec<i64> {
            IMPORT_PRAGMAS
                .iter()
                .map(|(p, _)| s.conn().pragma_query_value(None, p, |r| r.get(0)).unwrap())
                .collect()
        };
        let before = settings(&s);
        assert_ne!(before, IMPORT_PRAGMAS.map(|(_, v)| v));
        let h = IncomingBundle {
            bundle_id: "b".into(),
            path: "x.bundle".into(),
            device_id: "dev".into(),
            officers: Vec::new(),
        };
        let e = s
            .hq_mut()
            .import_bundle_stream(&h, || {
                Err::<Option<IncomingBundleRecord>, _>(TestError::Source)
            })
            .unwrap_err();
        assert_eq!(e, TestError::Source);
        assert_eq!(settings(&s), before);
        let e = s
            .hq_mut()
            .import_bundle_stream(&h, || Ok::<_, TestError>(None))
            .unwrap_err();
        assert_eq!(e, TestError::Store("the bundle holds no records".into()));
        assert_eq!(settings(&s), before);
    }

    #[test]
    fn records_that_do_not_follow_each_other_are_refused() {
        let mut s = Store::open_in_memory().unwrap();
        let genesis = crate::store::chain::GENESIS_HASH;
        let (h1, h2) = ("1".repeat(64), "2".repeat(64));
        let record = |seq: i64, prev: &str, hash: &str| IncomingBundleRecord {
            seq,
            kind: "custody_event".into(),
            record_id: format!("r{seq}"),
            created_at: "2026-01-01T00:00:00.000Z".into(),
            prev_hash: prev.into(),
            hash: hash.into(),
            payload: "{}".into(),
        };
        for r in [record(1, genesis, &h1), record(2, &h1, &h2)] {
            s.conn()
                .execute(
                    "INSERT INTO outbox (device_id, seq, kind, record_id, hash, prev_hash, created_at)
                     VALUES ('dev', ?1, ?2, ?3, ?4, ?5, ?6)",
                    params![r.seq, r.kind, r.record_id, r.hash, r.prev_hash, r.created_at],
                )
                .unwrap();
        }
        let h = IncomingBundle {
            bundle_id: "b".into(),
            path: "x.bundle".into(),
            device_id: "dev".into(),
            officers: Vec::new(),
        };
        let import = |s: &mut Store, records: Vec<IncomingBundleRecord>| {
            let mut records = records.into_iter();
            s.hq_mut()
                .import_bundle_stream(&h, || Ok::<_, StoreError>(records.next()))
                .map_err(|e| e.to_string())
        };
        let held = import(&mut s, vec![record(1, genesis, &h1), record(2, &h1, &h2)]).unwrap();
        assert_eq!(
            (held.new_records, held.already_held, held.held_seq),
            (0, 2, 2)
        );
        let e = import(&mut s, vec![record(1, genesis, &h1), record(3, &h2, &h1)]).unwrap_err();
        assert!(
            e.contains("record seq 3 (id r3) does not follow record seq 1 of the bundle"),
            "{e}"
        );
        let e = import(
            &mut s,
            vec![record(1, genesis, &h1), record(2, genesis, &h2)],
        )
        .unwrap_err();
        assert!(
            e.contains("record seq 2 (id r2) does not follow record seq 1"),
            "{e}"
        );
        let e = import(&mut s, vec![record(1, genesis, &h1), record(2, &h1, &h1)]).unwrap_err();
        assert!(e.contains("conflict: record seq 2 (id r2) differs"), "{e}");
    }
}
