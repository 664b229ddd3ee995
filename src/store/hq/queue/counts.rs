//! The title's counts: the whole queue per review state (kept by triggers), and how many
//! rows the filter matches, up to [`MATCH_CAP`]. A single term is counted from the
//! tallies the desk's triggers keep (one lookup, or a small scan of days), free text
//! alone from its index; a combination is counted along the page's own way in, stopping
//! at the cap (a broad text with terms: the index's rows against the set of its matches).

use std::ops::Deref;

use rusqlite::ToSql;

use super::plan::{self, Drive};
use super::{MATCH_CAP, QueueCounts, QueueSort, Resolved, conditions};
use crate::store::{Context, Hq, Result, Store};

impl<S: Deref<Target = Store>> Hq<S> {
    /// The whole queue's counts per state, and the filter's matches (capped).
    pub fn queue_counts(&self, r: &Resolved) -> Result<QueueCounts> {
        let conn = self.0.conn();
        let mut stmt = conn
            .prepare_cached("SELECT state, n FROM review_desk_counts")
            .doing(|| "counting the review queue".into())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .doing(|| "counting the review queue".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "counting the review queue".into())?;
        let mut c = QueueCounts::default();
        for (state, n) in rows {
            let n = n.max(0) as u64;
            match state.as_str() {
                "pending" => c.pending = n,
                "approved" => c.approved = n,
                "returned" => c.returned = n,
                _ => c.resubmitted = n,
            }
            c.total += n;
        }
        let n = self.matching(r, c.total)?;
        c.matching_capped = n > MATCH_CAP;
        c.matching = n.min(MATCH_CAP);
        Ok(c)
    }

    /// How many rows `r` matches: exactly for no term or one, else up to the cap + 1.
    fn matching(&self, r: &Resolved, total: u64) -> Result<u64> {
        let conn = self.0.conn();
        let text = crate::store::query::filter::fts_query(&r.filter.text);
        let terms = plan::estimates(conn, r)?;
        match (&text, terms.as_slice()) {
            (None, []) => return Ok(total),
            (None, [one]) => return Ok(one.rows),
            (Some(q), []) => return plan::text_matches(conn, q, MATCH_CAP),
            _ => {}
        }
        let p = plan::plan(conn, r, QueueSort::Received, plan::SMALL)?;
        let from = match &p.drive {
            Drive::Nothing => return Ok(0),
            Drive::Text => {
                "review_desk_fts CROSS JOIN review_desk d ON d.rowid = review_desk_fts.rowid"
                    .to_string()
            }
            Drive::Index(ix) => match &text {
                // a broad text: its matches as a set, the index's rows streamed against it
                Some(q) if p.newest => return super::newest::count(conn, r, &p, ix, q, MATCH_CAP),
                _ => format!("review_desk d INDEXED BY {ix}"),
            },
        };
        let (conds, params) = conditions(r, &p);
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let n: i64 = conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {} LIMIT {})",
                conds.join(" AND "),
                MATCH_CAP + 1
            ))
            .and_then(|mut s| s.query_row(args.as_slice(), |r| r.get(0)))
            .doing(|| "counting the filter's matches".into())?;
        Ok(n.max(0) as u64)
    }
}
