//! The chain status of one record: each chained link of an inspection (the inspection
//! and its custody transfers) checked on its own, without walking the whole log: the
//! payload is there, its hash is `chain_hash(prev_hash, payload)`, its `prev_hash` is
//! the previous link's hash (genesis at seq 1), the next link points back at it, and
//! the frozen rows still say what was hashed. Problems are message ids (`chain-*`).

use std::ops::Deref;

use rusqlite::OptionalExtension;

use crate::domain::Msg;
use crate::store::chain::verify_rows::live_rows_differ;
use crate::store::chain::{GENESIS_HASH, chain_hash};
use crate::store::{Context, Query, Result, Store};

/// One chained link of the record and what is wrong with it (None: verified).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkStatus {
    pub kind: String,
    pub record_id: String,
    pub device_id: String,
    pub seq: i64,
    pub problem: Option<Msg>,
}

/// Every chained link of an inspection's record, oldest first (empty: not chained).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordChain {
    pub links: Vec<LinkStatus>,
}

impl RecordChain {
    /// The first broken link.
    pub fn broken(&self) -> Option<&LinkStatus> {
        self.links.iter().find(|l| l.problem.is_some())
    }
}

type Row = (String, i64, String, String, Option<String>, String, String);

impl<S: Deref<Target = Store>> Query<S> {
    /// The chain status of inspection `inspection_id`'s record.
    pub fn record_chain(&self, inspection_id: &str) -> Result<RecordChain> {
        let conn = self.0.conn();
        let doing = || format!("checking the chain of inspection {inspection_id}");
        let mut stmt = conn
            .prepare_cached(
                "SELECT o.device_id, o.seq, o.kind, o.record_id, p.payload, o.hash, o.prev_hash
                 FROM outbox o LEFT JOIN outbox_payloads p ON p.device_id = o.device_id AND p.seq = o.seq
                 WHERE (o.device_id, o.record_id) IN (
                     SELECT i.device_id, i.id FROM inspections i WHERE i.id = ?1
                     UNION ALL SELECT c.device_id, c.id FROM custody_events c
                         JOIN seizures z ON z.id = c.seizure_id WHERE z.inspection_id = ?1)
                 ORDER BY o.device_id, o.seq",
            )
            .doing(doing)?;
        let rows: Vec<Row> = stmt
            .query_map([inspection_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .doing(doing)?;
        let mut links = Vec::new();
        for row in rows {
            let problem = self.link_problem(&row)?;
            let (device_id, seq, kind, record_id, ..) = row;
            links.push(LinkStatus {
                kind,
                record_id,
                device_id,
                seq,
                problem,
            });
        }
        Ok(RecordChain { links })
    }

    fn link_problem(&self, row: &Row) -> Result<Option<Msg>> {
        let (device_id, seq, kind, record_id, payload, hash, prev_hash) = row;
        let conn = self.0.conn();
        let hash_at = |s: i64| -> Result<Option<(String, String)>> {
            conn.prepare_cached(
                "SELECT hash, prev_hash FROM outbox WHERE device_id = ?1 AND seq = ?2",
            )
            .and_then(|mut st| {
                st.query_row(rusqlite::params![device_id, s], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()
            })
            .doing(|| "reading the neighbouring chain links".into())
        };
        let at = |id: &str| Msg::new(id).arg("seq", *seq);
        let Some(payload) = payload else {
            return Ok(Some(at("chain-missing-payload")));
        };
        if chain_hash(prev_hash, payload) != *hash {
            return Ok(Some(at("chain-hash-mismatch")));
        }
        let expected_prev = match seq {
            1 => Some(GENESIS_HASH.to_string()),
            s => hash_at(s - 1)?.map(|(h, _)| h),
        };
        match expected_prev {
            None => return Ok(Some(at("chain-gap"))),
            Some(p) if p != *prev_hash => return Ok(Some(at("chain-prev-mismatch"))),
            Some(_) => {}
        }
        if let Some((_, next_prev)) = hash_at(seq + 1)?
            && next_prev != *hash
        {
            return Ok(Some(at("chain-next-mismatch")));
        }
        Ok(live_rows_differ(conn, kind, record_id, payload)?
            .map(|detail| at("chain-rows-differ").arg("detail", detail)))
    }
}
