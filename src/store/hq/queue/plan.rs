//! How a queue page is read. Each term of the filter has an index of `review_desk` and a
//! cheap estimate of its rows (one lookup in the tallies the desk's triggers keep, a small
//! scan of the declared days, or the free-text matches counted up to [`SMALL`]); the page
//! is read through the index that gives the sort's order (the most selective one), or,
//! when a term holds at most [`SMALL`] rows, through that term with its few rows sorted,
//! else along the sort's own index. `from:`/`to:` also bound the received dates to those
//! of their declared days, so a page by received date starts where their rows are.

use rusqlite::{Connection, OptionalExtension, ToSql};

use super::{QueueSort, Resolved};
use crate::store::{Context, Result};

/// A term with at most this many rows is read through its own index and its rows sorted
/// (a bounded sort, never one of the log).
pub const SMALL: u64 = 1000;

/// What a page is read through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drive {
    /// This index of `review_desk` (named in `INDEXED BY`).
    Index(&'static str),
    /// The free-text matches, few enough to sort.
    Text,
    /// No row can match.
    Nothing,
}

/// A page's way in, and the received-date bounds `from:`/`to:` imply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub drive: Drive,
    /// Free text read newest first straight from its matches (`newest.rs`): the default
    /// sort, along an index, the text matching more than a few rows.
    pub newest: bool,
    pub received_from: Option<String>,
    pub received_to: Option<String>,
}

/// One term's index and its estimated rows.
#[derive(Debug, Clone, Copy)]
pub struct Estimate {
    pub index: &'static str,
    pub rows: u64,
}

fn one<T: rusqlite::types::FromSql>(
    conn: &Connection,
    sql: &str,
    args: &[&dyn ToSql],
) -> Result<Option<T>> {
    conn.prepare_cached(sql)
        .and_then(|mut s| s.query_row(args, |r| r.get::<_, Option<T>>(0)).optional())
        .map(Option::flatten)
        .doing(|| "estimating the review queue's filter".into())
}

fn tally(conn: &Connection, term: &str, value: &str) -> Result<u64> {
    let n: Option<i64> = one(
        conn,
        "SELECT n FROM review_desk_tally WHERE term = ?1 AND value = ?2",
        &[&term, &value],
    )?;
    Ok(n.unwrap_or(0).max(0) as u64)
}

/// The equality terms of a filter: (tally term, value, index).
fn equalities(r: &Resolved) -> Vec<(&'static str, String, &'static str)> {
    let f = &r.filter;
    let mut out = Vec::new();
    let mut add = |term, v: &Option<String>, index| {
        if let Some(v) = v {
            out.push((term, v.clone(), index));
        }
    };
    add("officer", &f.officer, "review_desk_officer");
    add("device", &r.device_id, "review_desk_device");
    add("port", &f.port, "review_desk_port");
    add("family", &f.family, "review_desk_family");
    add("verdict", &f.verdict, "review_desk_verdict");
    add("found", &f.found, "review_desk_found");
    add("outcome", &f.outcome, "review_desk_outcome");
    add("state", &f.state, "review_desk_state");
    let seized = f.seized.map(|s| i64::from(s).to_string());
    add("seized", &seized, "review_desk_seized");
    out
}

/// Every term's estimate (the free text's counted up to [`SMALL`] + 1).
pub fn estimates(conn: &Connection, r: &Resolved) -> Result<Vec<Estimate>> {
    let f = &r.filter;
    let mut out = Vec::new();
    for (term, value, index) in equalities(r) {
        let rows = if term == "state" {
            let n: Option<i64> = one(
                conn,
                "SELECT n FROM review_desk_counts WHERE state = ?1",
                &[&value],
            )?;
            n.unwrap_or(0).max(0) as u64
        } else {
            tally(conn, term, &value)?
        };
        out.push(Estimate { index, rows });
    }
    if f.received.0.is_some() || f.received.1.is_some() {
        let (a, b) = day_range(f.received.0, f.received.1);
        let n: Option<i64> = one(
            conn,
            "SELECT sum(n) FROM review_desk_tally WHERE term = 'received' AND value BETWEEN ?1 AND ?2",
            &[&a, &b],
        )?;
        out.push(Estimate {
            index: "review_desk_received",
            rows: n.unwrap_or(0).max(0) as u64,
        });
    }
    if f.from.is_some() || f.to.is_some() {
        let (a, b) = day_range(f.from, f.to);
        let n: Option<i64> = one(
            conn,
            "SELECT sum(n) FROM review_desk_declared_days WHERE declared_on BETWEEN ?1 AND ?2",
            &[&a, &b],
        )?;
        out.push(Estimate {
            index: "review_desk_declared",
            rows: n.unwrap_or(0).max(0) as u64,
        });
    }
    Ok(out)
}

/// The free text's matches, counted up to `cap` + 1.
pub fn text_matches(conn: &Connection, q: &str, cap: u64) -> Result<u64> {
    let n: Option<i64> = one(
        conn,
        &format!(
            "SELECT count(*) FROM (SELECT 1 FROM review_desk_fts WHERE review_desk_fts MATCH ?1 LIMIT {})",
            cap + 1
        ),
        &[&q],
    )?;
    Ok(n.unwrap_or(0).max(0) as u64)
}

/// A day range as text, open ends as the extremes.
fn day_range(a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>) -> (String, String) {
    (
        a.map_or_else(|| "0000-00-00".into(), |d| d.to_string()),
        b.map_or_else(|| "9999-99-99".into(), |d| d.to_string()),
    )
}

/// The index that walks the log in `sort` order.
pub fn sort_index(sort: QueueSort) -> &'static str {
    match sort {
        QueueSort::Received => "review_desk_received",
        QueueSort::Declared => "review_desk_declared",
        QueueSort::Officer => "review_desk_officer",
        QueueSort::Port => "review_desk_port",
    }
}

/// Whether reading `index` (under its terms' equality or range) gives `sort`'s order.
fn gives_order(index: &str, sort: QueueSort) -> bool {
    match sort {
        // every equality index ends in (received_at, inspection_id)
        QueueSort::Received => index != "review_desk_declared",
        _ => index == sort_index(sort),
    }
}

/// Chooses how the page of `r` in `sort` order is read, a term of at most `small` rows
/// read through its own index (or the free text's) with its rows sorted.
pub fn plan(conn: &Connection, r: &Resolved, sort: QueueSort, small: u64) -> Result<Plan> {
    let f = &r.filter;
    let mut terms = estimates(conn, r)?;
    let text = crate::store::query::filter::fts_query(&f.text);
    let text_rows = match &text {
        Some(q) => Some(text_matches(conn, q, small)?),
        None => None,
    };
    let (mut received_from, mut received_to) = (None, None);
    if f.from.is_some() || f.to.is_some() {
        let (a, b) = day_range(f.from, f.to);
        let bounds: Option<(Option<String>, Option<String>)> = conn
            .prepare_cached(
                "SELECT min(first_received), max(last_received) FROM review_desk_declared_days
                 WHERE declared_on BETWEEN ?1 AND ?2",
            )
            .and_then(|mut s| {
                s.query_row([&a, &b], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .doing(|| "bounding the declared dates' received dates".into())?;
        if let Some((lo, hi)) = bounds {
            received_from = lo.filter(|_| f.from.is_some());
            received_to = hi.filter(|_| f.to.is_some());
        }
    }
    let plan = |drive| Plan {
        drive,
        newest: false,
        received_from: received_from.clone(),
        received_to: received_to.clone(),
    };
    if terms.iter().any(|t| t.rows == 0) || text_rows == Some(0) {
        return Ok(plan(Drive::Nothing));
    }
    terms.sort_by_key(|t| t.rows);
    let ordered = terms.iter().find(|t| gives_order(t.index, sort));
    let fewest = terms.first();
    if let Some(o) = ordered
        && o.rows <= small
    {
        return Ok(plan(Drive::Index(o.index)));
    }
    if let Some(t) = text_rows
        && t <= small
        && fewest.is_none_or(|e| t <= e.rows)
    {
        return Ok(plan(Drive::Text));
    }
    if let Some(e) = fewest
        && e.rows <= small
    {
        return Ok(plan(Drive::Index(e.index)));
    }
    let ix = ordered.map_or_else(|| sort_index(sort), |o| o.index);
    Ok(Plan {
        newest: text.is_some() && sort == QueueSort::Received && gives_order(ix, sort),
        ..plan(Drive::Index(ix))
    })
}

/// The FROM clause of a page read through `drive` in `sort` order.
pub fn from_clause(drive: &Drive, sort: QueueSort) -> String {
    match drive {
        Drive::Text => {
            "review_desk_fts CROSS JOIN review_desk d ON d.rowid = review_desk_fts.rowid \
             CROSS JOIN shipments s ON s.id = d.shipment_id"
                .into()
        }
        Drive::Index(ix) => {
            format!("review_desk d INDEXED BY {ix} CROSS JOIN shipments s ON s.id = d.shipment_id")
        }
        Drive::Nothing => format!(
            "review_desk d INDEXED BY {} CROSS JOIN shipments s ON s.id = d.shipment_id",
            sort_index(sort)
        ),
    }
}
