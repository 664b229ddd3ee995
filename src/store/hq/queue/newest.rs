//! Free text in the default sort (newest received first) when the text matches too many
//! rows to sort them: its matches are read straight from `review_desk_fts` in descending
//! rowid order, which needs no sort. Desk rows are only ever added, as they are received,
//! so the newest rowids are the newest received rows; but the page must not depend on it
//! (a clock set back, rows of one import received at the same time, an old file's fill):
//! 1. walk: the text's matches from the top rowid down (or from the cursor's received
//!    time), each checked against the rest of the filter and the cursor, until a page of
//!    candidates is found or [`WALK_MAX`] matches were read;
//! 2. check: every row of the plan's index newer than the page's last candidate (and older
//!    than the cursor) whose rowid lies outside the walked stretch is looked up in the
//!    full-text index: those are the only rows that could still belong to the page. When
//!    rowids follow the received order, there are none, and the check reads about one
//!    page of index entries.
//!
//! A text rare among the filter's rows, or rows far out of order, read the page through
//! the set of all the text's matches instead (a stream of the plan's index kept when its
//! rowid is a match): exact whatever the order, bounded by the two counts.

use std::collections::HashSet;

use rusqlite::{Connection, ToSql};

use super::chunks::{rows_of, without_text};
use super::plan::{Drive, Plan};
use super::{QueueFrom, QueueKey, QueueRow, Resolved, conditions};
use crate::store::{Context, Result};

/// At most this many matches are read by the walk before the page goes through the set.
const WALK_MAX: usize = 1024;
/// The first stretch of matches the walk reads (then four times as many each time).
const FIRST_STRETCH: usize = 128;
/// At most this many index rows newer than the page's last candidate are checked.
const CHECK_MAX: usize = 1024;

/// A candidate row: its desk rowid and its place in the order (received_at, inspection id).
type Candidate = (i64, String, String);

/// The index a page of `r` in the default sort is read along (the plan's).
fn index_of(plan: &Plan) -> Option<&'static str> {
    match plan.drive {
        Drive::Index(ix) => Some(ix),
        _ => None,
    }
}

/// The filter's conditions without its text, with the cursor's (and an optional lower
/// bound's) row-value comparisons, as one SQL expression and its parameters.
fn bare_conditions(
    r: &Resolved,
    plan: &Plan,
    from: &QueueFrom,
    newer_than: Option<&Candidate>,
) -> (String, Vec<String>) {
    let (mut conds, mut params) = conditions(&without_text(r), plan);
    if let QueueFrom::After(QueueKey(_, received, id)) = from {
        params.push(received.clone());
        params.push(id.clone());
        let n = params.len();
        conds.push(format!(
            "(d.received_at, d.inspection_id) < (?{}, ?{n})",
            n - 1
        ));
    }
    if let Some((_, received, id)) = newer_than {
        params.push(received.clone());
        params.push(id.clone());
        let n = params.len();
        conds.push(format!(
            "(d.received_at, d.inspection_id) > (?{}, ?{n})",
            n - 1
        ));
    }
    if conds.is_empty() {
        conds.push("1".into());
    }
    (conds.join(" AND "), params)
}

/// The highest rowid the walk starts at: below the rows received after the cursor's
/// time (a guess; the check covers whatever it leaves out).
fn start(conn: &Connection, from: &QueueFrom) -> Result<i64> {
    let QueueFrom::After(QueueKey(_, received, _)) = from else {
        return Ok(i64::MAX);
    };
    let top: Vec<Option<i64>> = super::chunks::query(
        conn,
        "SELECT max(rowid) FROM review_desk INDEXED BY review_desk_received WHERE received_at = ?1",
        &[received],
        |row| row.get(0),
    )?;
    Ok(top.into_iter().flatten().next().unwrap_or(i64::MAX))
}

/// The walk's statement: `n` parameters of the filter, then the text, the highest rowid
/// and the stretch's length.
fn walk_sql(ok: &str, n: usize) -> String {
    format!(
        "SELECT review_desk_fts.rowid, d.received_at, d.inspection_id, ({ok}) FROM review_desk_fts
         CROSS JOIN review_desk d ON d.rowid = review_desk_fts.rowid
         WHERE review_desk_fts MATCH ?{} AND review_desk_fts.rowid <= ?{}
         ORDER BY review_desk_fts.rowid DESC LIMIT ?{}",
        n + 1,
        n + 2,
        n + 3
    )
}

/// The check's statement: the index's rows newer than the page's last candidate.
fn check_sql(ix: &str, cond: &str) -> String {
    format!(
        "SELECT d.rowid, d.received_at, d.inspection_id FROM review_desk d INDEXED BY {ix}
         WHERE {cond} LIMIT {}",
        CHECK_MAX + 1
    )
}

/// What EXPLAIN QUERY PLAN is asked of a first page read this way: the walk's statement
/// and the check's, each with its parameters (text, as SQLite converts them).
pub(super) fn statements(r: &Resolved, plan: &Plan, q: &str) -> Vec<(String, Vec<String>)> {
    let from = QueueFrom::First;
    let (ok, mut params) = bare_conditions(r, plan, &from, None);
    let walk = walk_sql(&ok, params.len());
    params.extend([
        q.to_string(),
        i64::MAX.to_string(),
        FIRST_STRETCH.to_string(),
    ]);
    let last = (0, String::new(), String::new());
    let (cond, check_params) = bare_conditions(r, plan, &from, Some(&last));
    let ix = index_of(plan).unwrap_or("review_desk_received");
    vec![(walk, params), (check_sql(ix, &cond), check_params)]
}

/// One page's question: the filter, its plan and index, where it starts, its text.
struct Ask<'a> {
    conn: &'a Connection,
    r: &'a Resolved,
    plan: &'a Plan,
    ix: &'static str,
    from: &'a QueueFrom,
    q: &'a str,
}

/// One page of `r` (free text `q`) newest received first, `limit` rows from `from`.
pub(super) fn page(
    conn: &Connection,
    r: &Resolved,
    plan: &Plan,
    from: &QueueFrom,
    limit: usize,
    q: &str,
) -> Result<Vec<QueueRow>> {
    let Some(ix) = index_of(plan) else {
        return Ok(Vec::new());
    };
    let ask = Ask {
        conn,
        r,
        plan,
        ix,
        from,
        q,
    };
    let top = start(conn, from)?;
    let walk = ask.walk(limit, top)?;
    let mut found = walk.found;
    if found.len() < limit {
        if walk.exhausted && top == i64::MAX {
            // every match was read: the page is what was found
            return rows_of(conn, &ids(found, limit));
        }
        return ask.by_set(limit);
    }
    found.sort_by(|a, b| (&b.1, &b.2).cmp(&(&a.1, &a.2)));
    found.truncate(limit);
    let last = found[limit - 1].clone();
    let Some(missed) = ask.check(&last, walk.low, top)? else {
        return ask.by_set(limit);
    };
    found.extend(missed);
    rows_of(conn, &ids(found, limit))
}

/// The rowids of the first `limit` rows in the order (received_at, id) newest first.
fn ids(mut found: Vec<Candidate>, limit: usize) -> Vec<i64> {
    found.sort_by(|a, b| (&b.1, &b.2).cmp(&(&a.1, &a.2)));
    found.into_iter().take(limit).map(|c| c.0).collect()
}

/// What the walk found: the matches that pass the filter, the lowest rowid it read
/// (every match between it and the start was read), and whether it read them all.
struct Walk {
    found: Vec<Candidate>,
    low: i64,
    exhausted: bool,
}

impl Ask<'_> {
    /// Reads the text's matches from rowid `top` down, in stretches, until `limit` of
    /// them pass the rest of the filter or [`WALK_MAX`] were read.
    fn walk(&self, limit: usize, top: i64) -> Result<Walk> {
        let (ok, params) = bare_conditions(self.r, self.plan, self.from, None);
        let n = params.len();
        let sql = walk_sql(&ok, n);
        let mut out = Walk {
            found: Vec::new(),
            low: top,
            exhausted: false,
        };
        let (mut below, mut stretch, mut read) = (top, FIRST_STRETCH, 0);
        while out.found.len() < limit && read < WALK_MAX {
            let want = stretch as i64;
            let mut args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
            args.extend([&self.q as &dyn ToSql, &below, &want]);
            let rows = super::chunks::query(self.conn, &sql, &args, |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, bool>(3)?,
                ))
            })?;
            for (rowid, received, id, pass) in rows.iter() {
                out.low = *rowid;
                if *pass {
                    out.found.push((*rowid, received.clone(), id.clone()));
                }
            }
            read += rows.len();
            if rows.len() < stretch {
                out.exhausted = true;
                out.low = i64::MIN;
                break;
            }
            below = out.low - 1;
            stretch *= 4;
        }
        Ok(out)
    }

    /// The rows of the plan's index newer than `last` (and older than the cursor) that
    /// lie outside the walked stretch `low..=top` and match the text: the rows the walk
    /// could have missed. None when more than [`CHECK_MAX`] rows would have to be checked.
    fn check(&self, last: &Candidate, low: i64, top: i64) -> Result<Option<Vec<Candidate>>> {
        let (cond, params) = bare_conditions(self.r, self.plan, self.from, Some(last));
        let sql = check_sql(self.ix, &cond);
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let newer: Vec<Candidate> = super::chunks::query(self.conn, &sql, &args, |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?;
        if newer.len() > CHECK_MAX {
            return Ok(None);
        }
        let mut missed = Vec::new();
        for c in newer.into_iter().filter(|c| c.0 < low || c.0 > top) {
            let hit: Vec<i64> = super::chunks::query(
                self.conn,
                "SELECT rowid FROM review_desk_fts WHERE review_desk_fts MATCH ?1 AND rowid = ?2",
                &[&self.q, &c.0],
                |row| row.get(0),
            )?;
            if !hit.is_empty() {
                missed.push(c);
            }
        }
        Ok(Some(missed))
    }

    /// The page through the set of the text's matches: the plan's index from the cursor
    /// on, newest first, a row kept when its rowid is a match.
    fn by_set(&self, limit: usize) -> Result<Vec<QueueRow>> {
        let set = matches(self.conn, self.q)?;
        let (cond, params) = bare_conditions(self.r, self.plan, self.from, None);
        let sql = format!(
            "SELECT d.rowid FROM review_desk d INDEXED BY {} WHERE {cond}
             ORDER BY d.received_at DESC, d.inspection_id DESC",
            self.ix
        );
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let reading = || "reading the review queue".to_string();
        let mut kept = Vec::with_capacity(limit);
        let mut stmt = self.conn.prepare_cached(&sql).doing(reading)?;
        let mut rows = stmt.query(args.as_slice()).doing(reading)?;
        while kept.len() < limit {
            let Some(row) = rows.next().doing(reading)? else {
                break;
            };
            let rowid: i64 = row.get(0).doing(reading)?;
            if set.contains(&rowid) {
                kept.push(rowid);
            }
        }
        drop(rows);
        rows_of(self.conn, &kept)
    }
}

/// Every rowid the text matches.
pub(super) fn matches(conn: &Connection, q: &str) -> Result<HashSet<i64>> {
    Ok(super::chunks::query(
        conn,
        "SELECT rowid FROM review_desk_fts WHERE review_desk_fts MATCH ?1",
        &[&q],
        |row| row.get(0),
    )?
    .into_iter()
    .collect())
}

/// How many rows of `r` (free text `q`) there are along the plan's index `ix`, up to
/// `cap` + 1: the index's rows under the other terms kept when their rowid is a match
/// (two streams, no lookup of the desk's rows).
pub(super) fn count(
    conn: &Connection,
    r: &Resolved,
    plan: &Plan,
    ix: &str,
    q: &str,
    cap: u64,
) -> Result<u64> {
    let set = matches(conn, q)?;
    let (cond, params) = bare_conditions(r, plan, &QueueFrom::First, None);
    let sql = format!("SELECT d.rowid FROM review_desk d INDEXED BY {ix} WHERE {cond}");
    let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
    let counting = || "counting the filter's matches".to_string();
    let mut stmt = conn.prepare_cached(&sql).doing(counting)?;
    let mut rows = stmt.query(args.as_slice()).doing(counting)?;
    let mut n = 0;
    while n <= cap {
        let Some(row) = rows.next().doing(counting)? else {
            break;
        };
        let rowid: i64 = row.get(0).doing(counting)?;
        n += u64::from(set.contains(&rowid));
    }
    Ok(n)
}
