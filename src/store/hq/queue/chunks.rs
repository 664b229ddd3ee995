//! Free text on a page read along an index (the text matches too many rows to sort them):
//! the index's rows are read in chunks (512 rows, then twice as many each time, up to
//! 16,384), and each chunk keeps the rows the full-text index holds between the chunk's
//! lowest and highest rowid. Desk rows are added as they are received, so a chunk's rowids
//! are close together and its lookup in the full-text index is short; whatever their
//! order, the rows kept are exactly the matching ones, in the page's order. A text rare
//! among the index's rows (fewer than a page in the first 4,096) reads the rest of the page
//! through the set of all its matches instead.

use std::collections::HashSet;

use rusqlite::{Connection, ToSql};

use super::plan::{Drive, Plan};
use super::{COLS, QueueFrom, QueueKey, QueueRow, QueueSort, Resolved, row_of, select_sql};
use crate::store::{Context, Result};

const FIRST_CHUNK: usize = 512;
const LAST_CHUNK: usize = 16_384;
/// After this many rows the rest of a page is read through the set of the text's matches.
const SCAN_LIMIT: usize = 4_096;

/// The full-text query of a page whose text is checked chunk by chunk (read along an
/// index with free text), else None.
pub(super) fn walked_text(r: &Resolved, plan: &Plan) -> Option<String> {
    match plan.drive {
        Drive::Index(_) if !plan.newest => crate::store::query::filter::fts_query(&r.filter.text),
        _ => None,
    }
}

/// `r` without its free text.
pub(super) fn without_text(r: &Resolved) -> Resolved {
    let mut bare = r.clone();
    bare.filter.text.clear();
    bare
}

fn key_of(sort: QueueSort, row: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, QueueKey)> {
    let (received, id): (String, String) = (row.get(1)?, row.get(5)?);
    let first: String = match sort {
        QueueSort::Received => received.clone(),
        QueueSort::Declared => row.get(2)?,
        QueueSort::Officer => row.get(3)?,
        QueueSort::Port => row.get(4)?,
    };
    Ok((row.get(0)?, QueueKey(first, received, id)))
}

pub(super) fn query<T>(
    conn: &Connection,
    sql: &str,
    args: &[&dyn ToSql],
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    conn.prepare_cached(sql)
        .and_then(|mut s| s.query_map(args, f)?.collect())
        .doing(|| "reading the review queue".into())
}

/// One page of `r` (free text `q`) along the plan's index, `limit` rows from `from`.
pub(super) fn page(
    conn: &Connection,
    r: &Resolved,
    plan: &Plan,
    sort: QueueSort,
    from: &QueueFrom,
    limit: usize,
    q: &str,
) -> Result<Vec<QueueRow>> {
    let bare = without_text(r);
    let (mut cursor, mut chunk) = (from.clone(), FIRST_CHUNK);
    let mut kept: Vec<i64> = Vec::new();
    let mut scanned = 0;
    while kept.len() < limit {
        let (sql, params) = select_sql(
            "d.rowid, d.received_at, d.declared_on, d.officer_badge, d.locode, d.inspection_id",
            &bare,
            plan,
            sort,
            &cursor,
            chunk,
        );
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let rows = query(conn, &sql, &args, |row| key_of(sort, row))?;
        let (Some(lo), Some(hi)) = (
            rows.iter().map(|r| r.0).min(),
            rows.iter().map(|r| r.0).max(),
        ) else {
            break;
        };
        let found: HashSet<i64> = query(
            conn,
            "SELECT rowid FROM review_desk_fts WHERE review_desk_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
            &[&q, &lo, &hi],
            |row| row.get(0),
        )?
        .into_iter()
        .collect();
        kept.extend(
            rows.iter()
                .filter(|r| found.contains(&r.0))
                .map(|r| r.0)
                .take(limit - kept.len()),
        );
        match rows.last() {
            Some(last) if rows.len() == chunk => cursor = QueueFrom::After(last.1.clone()),
            _ => break,
        }
        scanned += rows.len();
        if scanned >= SCAN_LIMIT && kept.len() < limit {
            // the text is rare among these rows: the rest through the set of its matches
            return rest_by_set(conn, r, plan, sort, &cursor, limit, kept);
        }
        chunk = (chunk * 2).min(LAST_CHUNK);
    }
    rows_of(conn, &kept)
}

/// The queue rows of these desk rowids, in their order.
pub(super) fn rows_of(conn: &Connection, kept: &[i64]) -> Result<Vec<QueueRow>> {
    let one = format!(
        "SELECT {COLS} FROM review_desk d CROSS JOIN shipments s ON s.id = d.shipment_id WHERE d.rowid = ?1"
    );
    let mut out = Vec::with_capacity(kept.len());
    for rowid in kept {
        out.extend(query(conn, &one, &[rowid], row_of)?);
    }
    Ok(out)
}

/// The rows `kept` so far, then the page's rest from `cursor` on, the text checked
/// against the set of all its matches (bounded work whatever the text's density).
fn rest_by_set(
    conn: &Connection,
    r: &Resolved,
    plan: &Plan,
    sort: QueueSort,
    cursor: &QueueFrom,
    limit: usize,
    kept: Vec<i64>,
) -> Result<Vec<QueueRow>> {
    let mut out = rows_of(conn, &kept)?;
    let (sql, params) = select_sql(COLS, r, plan, sort, cursor, limit - kept.len());
    let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
    out.extend(query(conn, &sql, &args, row_of)?);
    Ok(out)
}
