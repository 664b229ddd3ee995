//! The shipment log, read side: filtered keyset pages (newest first) and one shipment's
//! detail. Never OFFSET, never LIKE over the log; every statement is finished before
//! the call returns (no read transaction is held across frames).

use std::ops::Deref;

use rusqlite::{Row, ToSql};

pub use crate::store::query::filter::{ShipmentFilter, fts_query};
use crate::store::{Context, Query, Result, Store};

/// Where a page starts in the (declared_on, id) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageFrom {
    /// The newest rows.
    Newest,
    /// Rows strictly older than this key (the next page down).
    OlderThan(PageKey),
    /// Rows at or older than this key (the same page, re-read at another size).
    AtOrOlder(PageKey),
    /// Rows strictly newer than this key (the previous page up).
    NewerThan(PageKey),
    /// The oldest rows (the last page).
    Oldest,
}

/// A keyset position: (declared_on, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageKey {
    pub declared_on: String,
    pub id: String,
}

/// One line of the log table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShipmentRow {
    pub id: String,
    pub declared_on: String,
    pub declaration_no: String,
    pub exporter_name: String,
    pub destination: String,
    pub hs_code: String,
    pub description: String,
    pub family: String,
    pub verdict: String,
    pub status: String,
}

impl ShipmentRow {
    pub fn key(&self) -> PageKey {
        PageKey {
            declared_on: self.declared_on.clone(),
            id: self.id.clone(),
        }
    }
}

pub(super) const ROW_COLS: &str = "s.id, s.declared_on, s.declaration_no, s.exporter_name, s.destination, \
                        s.hs_code, s.description, s.family, s.verdict, s.status";

pub(super) fn row_of(r: &Row<'_>) -> rusqlite::Result<ShipmentRow> {
    Ok(ShipmentRow {
        id: r.get(0)?,
        declared_on: r.get(1)?,
        declaration_no: r.get(2)?,
        exporter_name: r.get(3)?,
        destination: r.get(4)?,
        hs_code: r.get(5)?,
        description: r.get(6)?,
        family: r.get(7)?,
        verdict: r.get(8)?,
        status: r.get(9)?,
    })
}

/// Free text matching fewer rows than this is fetched from FTS and sorted (bounded
/// work). A broader match walks the log's ordered index in chunks and asks FTS only for
/// the matches within each chunk's rowid range, stopping after one page (DESIGN §10:
/// sort only small result sets).
pub const FTS_SORT_CAP: usize = 5_000;

/// The SQL and its parameters for one page (public for EXPLAIN QUERY PLAN checks).
/// Selects the row's columns and then its rowid.
pub fn page_sql(f: &ShipmentFilter, from: &PageFrom, limit: usize) -> (String, Vec<String>) {
    // Awaiting review: page through headquarters' review queue (one row per shipment
    // with undecided inspections, in the log's order) and join the shipments, so the cost
    // follows the queue, not the whole log. Otherwise the log itself.
    let (source, date, id) = if f.awaiting_review {
        (
            "review_queue q CROSS JOIN shipments s ON s.id = q.shipment_id",
            "q.declared_on",
            "q.shipment_id",
        )
    } else {
        ("shipments s", "s.declared_on", "s.id")
    };
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<String> = Vec::new();
    let p = |v: String, params: &mut Vec<String>| {
        params.push(v);
        format!("?{}", params.len())
    };
    if let Some(q) = fts_query(&f.text) {
        let n = p(q, &mut params);
        conds.push(format!(
            "s.rowid IN (SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH {n})"
        ));
    }
    // A date bound on the side the keyset already bounds is implied by the key (the key
    // row passed the filter): leave it out so the index range starts at the key.
    let key_date = match from {
        PageFrom::OlderThan(k) | PageFrom::AtOrOlder(k) | PageFrom::NewerThan(k) => {
            Some(k.declared_on.as_str())
        }
        _ => None,
    };
    let older = matches!(from, PageFrom::OlderThan(_) | PageFrom::AtOrOlder(_));
    let newer = matches!(from, PageFrom::NewerThan(_));
    if let Some(d) = f.from.map(|d| d.to_string())
        && !(newer && key_date.is_some_and(|k| k >= d.as_str()))
    {
        let n = p(d, &mut params);
        conds.push(format!("{date} >= {n}"));
    }
    if let Some(d) = f.to.map(|d| d.to_string())
        && !(older && key_date.is_some_and(|k| k <= d.as_str()))
    {
        let n = p(d, &mut params);
        conds.push(format!("{date} <= {n}"));
    }
    for (col, v) in [
        ("destination", &f.destination),
        ("family", &f.family),
        ("status", &f.status),
    ] {
        if let Some(v) = v {
            let n = p(v.clone(), &mut params);
            conds.push(format!("s.{col} = {n}"));
        }
    }
    let (desc, key_cond) = match from {
        PageFrom::Newest => (true, None),
        PageFrom::Oldest => (false, None),
        PageFrom::OlderThan(k) => (true, Some(("<", k))),
        PageFrom::AtOrOlder(k) => (true, Some(("<=", k))),
        PageFrom::NewerThan(k) => (false, Some((">", k))),
    };
    if let Some((op, k)) = key_cond {
        let a = p(k.declared_on.clone(), &mut params);
        let b = p(k.id.clone(), &mut params);
        conds.push(format!("({date}, {id}) {op} ({a}, {b})"));
    }
    let dir = if desc { "DESC" } else { "ASC" };
    let where_ = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    (
        format!(
            "SELECT {ROW_COLS}, s.rowid FROM {source} {where_} \
             ORDER BY {date} {dir}, {id} {dir} LIMIT {limit}"
        ),
        params,
    )
}

impl<S: Deref<Target = Store>> Query<S> {
    /// One page of the log, newest first, starting at `from`. Rows come back newest
    /// first whatever the direction of the scan.
    pub fn shipments_page(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
    ) -> Result<Vec<ShipmentRow>> {
        let broad = self.fts_is_broad(&filter.text)?;
        self.page_by(filter, from, limit, broad)
    }

    /// A page by the chosen text path (`broad`: chunked scan; else FTS list and sort).
    /// Both give the same rows; [`shipments_page`](Self::shipments_page) picks the cheaper.
    pub fn page_by(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
        broad: bool,
    ) -> Result<Vec<ShipmentRow>> {
        let mut rows = if broad && !filter.text.trim().is_empty() {
            self.broad_text_page(filter, from, limit)?
        } else {
            self.scan(filter, from, limit)?
                .into_iter()
                .map(|(_, r)| r)
                .collect()
        };
        if matches!(from, PageFrom::Oldest | PageFrom::NewerThan(_)) {
            rows.reverse();
        }
        Ok(rows)
    }

    /// Rows in scan order with their rowids.
    fn scan(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
    ) -> Result<Vec<(i64, ShipmentRow)>> {
        let (sql, params) = page_sql(filter, from, limit);
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the shipment log query".into())?;
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        stmt.query_map(args.as_slice(), |r| Ok((r.get(10)?, row_of(r)?)))
            .doing(|| "reading the shipment log".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the shipment log".into())
    }

    /// A page for text that matches many rows: the other filters' ordered scan in
    /// growing chunks, each intersected with the FTS matches inside its rowid range.
    fn broad_text_page(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        limit: usize,
    ) -> Result<Vec<ShipmentRow>> {
        let Some(q) = fts_query(&filter.text) else {
            return Ok(Vec::new());
        };
        let base = ShipmentFilter {
            text: String::new(),
            ..filter.clone()
        };
        let ascending = matches!(from, PageFrom::Oldest | PageFrom::NewerThan(_));
        let mut matches = self.0
            .conn()
            .prepare_cached(
                "SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
            )
            .doing(|| "preparing the text match".into())?;
        let (mut cursor, mut chunk, mut out) = (from.clone(), 256usize, Vec::new());
        loop {
            let cands = self.scan(&base, &cursor, chunk)?;
            let Some((_, last)) = cands.last() else { break };
            let next = last.key();
            let lo = cands.iter().map(|c| c.0).min().unwrap_or(0);
            let hi = cands.iter().map(|c| c.0).max().unwrap_or(0);
            let hits: std::collections::HashSet<i64> = matches
                .query_map(rusqlite::params![q, lo, hi], |r| r.get(0))
                .doing(|| "matching the text".into())?
                .collect::<rusqlite::Result<_>>()
                .doing(|| "matching the text".into())?;
            let full = cands.len() == chunk;
            for (rowid, row) in cands {
                if hits.contains(&rowid) {
                    out.push(row);
                    if out.len() == limit {
                        return Ok(out);
                    }
                }
            }
            if !full {
                break;
            }
            cursor = if ascending {
                PageFrom::NewerThan(next)
            } else {
                PageFrom::OlderThan(next)
            };
            chunk = (chunk * 2).min(16_384);
        }
        Ok(out)
    }

    /// The plan SQLite picks for a page query, one line per step.
    pub fn explain_page(&self, filter: &ShipmentFilter, from: &PageFrom) -> Result<Vec<String>> {
        let broad = self.fts_is_broad(&filter.text)?;
        self.explain_page_as(filter, from, broad)
    }

    /// The plan of a page query with the text path chosen by the caller.
    pub fn explain_page_as(
        &self,
        filter: &ShipmentFilter,
        from: &PageFrom,
        broad: bool,
    ) -> Result<Vec<String>> {
        // the broad-text path runs the other filters' ordered scan (plus a rowid-range
        // FTS lookup per chunk)
        let base = ShipmentFilter {
            text: String::new(),
            ..filter.clone()
        };
        let (sql, params) = page_sql(if broad { &base } else { filter }, from, 50);
        let mut stmt = self
            .0
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .doing(|| "explaining the shipment log query".into())?;
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        stmt.query_map(args.as_slice(), |r| r.get::<_, String>(3))
            .doing(|| "explaining the shipment log query".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "explaining the shipment log query".into())
    }

    /// True when `text` matches at least [`FTS_SORT_CAP`] shipments (counted up to the cap).
    pub fn fts_is_broad(&self, text: &str) -> Result<bool> {
        let Some(q) = fts_query(text) else {
            return Ok(false);
        };
        let n: i64 = self.0
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM shipments_fts WHERE shipments_fts MATCH ?1 LIMIT {FTS_SORT_CAP})"
            ))
            .doing(|| "counting text matches".into())?
            .query_row([q], |r| r.get(0))
            .doing(|| "counting text matches".into())?;
        Ok(n as usize >= FTS_SORT_CAP)
    }
}
