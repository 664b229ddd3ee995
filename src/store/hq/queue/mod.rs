//! Headquarters' review queue, read side: filtered keyset pages of `review_desk` in the
//! chosen order, the counts per review state, and the plan of a page query (the tests
//! hold a page to an index range: no sort of the log). Never OFFSET, never LIKE.

mod chunks;
mod counts;
pub mod filter;
mod newest;
pub mod plan;

use std::ops::Deref;

use rusqlite::{OptionalExtension, ToSql};
use serde::Serialize;

pub use self::filter::{QueueFilter, QueueSort};
pub use self::plan::{Drive, Plan};
use crate::domain::Msg;
use crate::store::{Context, Hq, Result, Store};

/// One received inspection in the queue. JSON keys are stable (`review list --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueRow {
    pub inspection_id: String,
    pub shipment_id: String,
    pub received_at: String,
    pub declared_on: String,
    pub officer_badge: String,
    pub officer_name: String,
    pub device_id: String,
    pub device_name: String,
    pub port: String,
    pub family: String,
    pub declared_verdict: String,
    pub found_verdict: String,
    pub outcome: String,
    pub seized: bool,
    pub state: String,
    pub decided_at: Option<String>,
    pub declaration_no: String,
    pub exporter_name: String,
    /// The inspection this one amends (a resubmission answers a return).
    pub amends: Option<String>,
}

/// Where a page starts: the first rows of the order, or the rows after a row's key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum QueueFrom {
    #[default]
    First,
    After(QueueKey),
}

/// A row's position in the order: (sort value, received_at, inspection id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueKey(pub String, pub String, pub String);

impl QueueRow {
    pub fn key(&self, sort: QueueSort) -> QueueKey {
        let first = match sort {
            QueueSort::Received => self.received_at.clone(),
            QueueSort::Declared => self.declared_on.clone(),
            QueueSort::Officer => self.officer_badge.clone(),
            QueueSort::Port => self.port.clone(),
        };
        QueueKey(first, self.received_at.clone(), self.inspection_id.clone())
    }
}

/// The whole queue's counts per review state and their total (kept by triggers), and
/// how many inspections the filter matches, counted up to [`MATCH_CAP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct QueueCounts {
    pub pending: u64,
    pub approved: u64,
    pub returned: u64,
    pub resubmitted: u64,
    pub total: u64,
    pub matching: u64,
    /// True when more than `matching` match (the count stopped at the cap).
    pub matching_capped: bool,
}

/// Matches are counted up to this many, so a broad filter costs a bounded scan.
pub const MATCH_CAP: u64 = 10_000;

/// A filter checked against the database: device names resolved to ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub filter: QueueFilter,
    pub device_id: Option<String>,
}

const COLS: &str = "d.inspection_id, d.shipment_id, d.received_at, d.declared_on, d.officer_badge,
    coalesce((SELECT name FROM officers o WHERE o.id = d.officer_id), ''), d.device_id,
    coalesce((SELECT name FROM devices v WHERE v.id = d.device_id), ''), d.locode, d.family,
    d.declared_verdict, d.found_verdict, d.outcome, d.seized, d.state, d.decided_at,
    s.declaration_no, s.exporter_name, d.amends";

fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<QueueRow> {
    Ok(QueueRow {
        inspection_id: r.get(0)?,
        shipment_id: r.get(1)?,
        received_at: r.get(2)?,
        declared_on: r.get(3)?,
        officer_badge: r.get(4)?,
        officer_name: r.get(5)?,
        device_id: r.get(6)?,
        device_name: r.get(7)?,
        port: r.get(8)?,
        family: r.get(9)?,
        declared_verdict: r.get(10)?,
        found_verdict: r.get(11)?,
        outcome: r.get(12)?,
        seized: r.get(13)?,
        state: r.get(14)?,
        decided_at: r.get(15)?,
        declaration_no: r.get(16)?,
        exporter_name: r.get(17)?,
        amends: r.get(18)?,
    })
}

/// The day after `d` as text (an exclusive upper bound for timestamps of day `d`).
fn day_after(d: chrono::NaiveDate) -> String {
    d.succ_opt().unwrap_or(d).to_string()
}

/// The WHERE conditions and their parameters of a filter, read as `plan` says.
pub(crate) fn conditions(r: &Resolved, plan: &Plan) -> (Vec<String>, Vec<String>) {
    let f = &r.filter;
    let mut conds = Vec::new();
    let mut params: Vec<String> = Vec::new();
    if plan.drive == Drive::Nothing {
        conds.push("0".to_string());
    }
    let mut eq = |col: &str, v: Option<String>, conds: &mut Vec<String>| {
        if let Some(v) = v {
            params.push(v);
            conds.push(format!("{col} = ?{}", params.len()));
        }
    };
    eq("d.officer_badge", f.officer.clone(), &mut conds);
    eq("d.device_id", r.device_id.clone(), &mut conds);
    eq("d.locode", f.port.clone(), &mut conds);
    eq("d.family", f.family.clone(), &mut conds);
    eq("d.declared_verdict", f.verdict.clone(), &mut conds);
    eq("d.found_verdict", f.found.clone(), &mut conds);
    eq("d.outcome", f.outcome.clone(), &mut conds);
    eq("d.state", f.state.clone(), &mut conds);
    if let Some(s) = f.seized {
        conds.push(format!("d.seized = {}", i64::from(s)));
    }
    let mut cmp = |expr: &str, v: String, conds: &mut Vec<String>| {
        params.push(v);
        conds.push(expr.replace("?#", &format!("?{}", params.len())));
    };
    if let Some(d) = f.received.0 {
        cmp("d.received_at >= ?#", d.to_string(), &mut conds);
    }
    if let Some(d) = f.received.1 {
        cmp("d.received_at < ?#", day_after(d), &mut conds);
    }
    if let Some(d) = f.from {
        cmp("d.declared_on >= ?#", d.to_string(), &mut conds);
    }
    if let Some(d) = f.to {
        cmp("d.declared_on <= ?#", d.to_string(), &mut conds);
    }
    // implied by from:/to: (the received dates of their declared days)
    if let Some(t) = plan.received_from.clone() {
        cmp("d.received_at >= ?#", t, &mut conds);
    }
    if let Some(t) = plan.received_to.clone() {
        cmp("d.received_at <= ?#", t, &mut conds);
    }
    if let Some(q) = crate::store::query::filter::fts_query(&f.text) {
        let expr = if plan.drive == Drive::Text {
            "review_desk_fts MATCH ?#"
        } else {
            "d.rowid IN (SELECT rowid FROM review_desk_fts WHERE review_desk_fts MATCH ?#)"
        };
        cmp(expr, q, &mut conds);
    }
    (conds, params)
}

/// The SQL and parameters of one page read as `plan` says (public for EXPLAIN QUERY
/// PLAN checks).
pub fn page_sql(
    r: &Resolved,
    plan: &Plan,
    sort: QueueSort,
    from: &QueueFrom,
    limit: usize,
) -> (String, Vec<String>) {
    select_sql(COLS, r, plan, sort, from, limit)
}

/// [`page_sql`] selecting `select`.
fn select_sql(
    select: &str,
    r: &Resolved,
    plan: &Plan,
    sort: QueueSort,
    from: &QueueFrom,
    limit: usize,
) -> (String, Vec<String>) {
    let (mut conds, mut params) = conditions(r, plan);
    let (cols, dir, op) = match sort {
        QueueSort::Received => ("d.received_at, d.inspection_id", "DESC", "<"),
        QueueSort::Declared => ("d.declared_on, d.inspection_id", "DESC", "<"),
        QueueSort::Officer => (
            "d.officer_badge, d.received_at, d.inspection_id",
            "ASC",
            ">",
        ),
        QueueSort::Port => ("d.locode, d.received_at, d.inspection_id", "ASC", ">"),
    };
    if let QueueFrom::After(k) = from {
        let vals: Vec<&String> = match sort {
            QueueSort::Received => vec![&k.1, &k.2],
            QueueSort::Declared => vec![&k.0, &k.2],
            _ => vec![&k.0, &k.1, &k.2],
        };
        let mut marks = Vec::new();
        for v in vals {
            params.push(v.clone());
            marks.push(format!("?{}", params.len()));
        }
        conds.push(format!("({cols}) {op} ({})", marks.join(", ")));
    }
    let where_ = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    let order: Vec<String> = cols.split(", ").map(|c| format!("{c} {dir}")).collect();
    (
        format!(
            "SELECT {select} FROM {} {where_} ORDER BY {} LIMIT {limit}",
            plan::from_clause(&plan.drive, sort),
            order.join(", ")
        ),
        params,
    )
}

impl<S: Deref<Target = Store>> Hq<S> {
    /// Checks a parsed filter against the database: the officer badge, the port and the
    /// device must be known here. `Ok(Err(msg))`: refused, the message names it.
    pub fn resolve_queue_filter(
        &self,
        filter: &QueueFilter,
    ) -> Result<std::result::Result<Resolved, Msg>> {
        let conn = self.0.conn();
        let exists = |sql: &str, v: &str| -> Result<Option<String>> {
            conn.prepare_cached(sql)
                .and_then(|mut s| s.query_row([v], |r| r.get(0)).optional())
                .doing(|| "checking the filter".into())
        };
        if let Some(b) = &filter.officer
            && exists("SELECT id FROM officers WHERE badge = ?1", b)?.is_none()
        {
            return Ok(Err(Msg::new("queue-unknown-officer").arg("badge", b)));
        }
        if let Some(p) = &filter.port
            && exists(
                "SELECT locode FROM review_desk WHERE locode = ?1 LIMIT 1",
                p,
            )?
            .is_none()
        {
            return Ok(Err(Msg::new("queue-unknown-port").arg("port", p)));
        }
        let device_id = match &filter.device {
            Some(n) => match exists(
                "SELECT id FROM devices WHERE name = ?1 ORDER BY id LIMIT 1",
                n,
            )? {
                Some(id) => Some(id),
                None => return Ok(Err(Msg::new("queue-unknown-device").arg("device", n))),
            },
            None => None,
        };
        Ok(Ok(Resolved {
            filter: filter.clone(),
            device_id,
        }))
    }

    /// One page of the queue in `sort` order, starting at `from`.
    pub fn queue_page(
        &self,
        r: &Resolved,
        sort: QueueSort,
        from: &QueueFrom,
        limit: usize,
    ) -> Result<Vec<QueueRow>> {
        let plan = plan::plan(self.0.conn(), r, sort, plan::SMALL)?;
        self.queue_page_planned(r, &plan, sort, from, limit)
    }

    /// [`Self::queue_page`] read as `plan` says (any plan gives the same rows).
    pub fn queue_page_planned(
        &self,
        r: &Resolved,
        plan: &Plan,
        sort: QueueSort,
        from: &QueueFrom,
        limit: usize,
    ) -> Result<Vec<QueueRow>> {
        if let Some(q) = crate::store::query::filter::fts_query(&r.filter.text)
            && plan.newest
        {
            return newest::page(self.0.conn(), r, plan, from, limit, &q);
        }
        if let Some(q) = chunks::walked_text(r, plan) {
            return chunks::page(self.0.conn(), r, plan, sort, from, limit, &q);
        }
        let (sql, params) = page_sql(r, plan, sort, from, limit);
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the review queue".into())?;
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        stmt.query_map(args.as_slice(), row_of)
            .doing(|| "reading the review queue".into())?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(|| "reading the review queue".into())
    }

    /// How a page of `r` in `sort` order is read (a term of at most `small` rows through
    /// its own index, its rows sorted; the queue uses [`plan::SMALL`]).
    pub fn queue_plan(&self, r: &Resolved, sort: QueueSort, small: u64) -> Result<Plan> {
        plan::plan(self.0.conn(), r, sort, small)
    }

    /// The plan SQLite picks for a page query, one line per step.
    pub fn explain_queue_page(&self, r: &Resolved, sort: QueueSort) -> Result<Vec<String>> {
        let plan = self.queue_plan(r, sort, plan::SMALL)?;
        self.explain_queue_plan(r, &plan, sort)
    }

    /// The plan SQLite picks for a page query read as `plan` says, one line per step.
    pub fn explain_queue_plan(
        &self,
        r: &Resolved,
        plan: &Plan,
        sort: QueueSort,
    ) -> Result<Vec<String>> {
        let text = crate::store::query::filter::fts_query(&r.filter.text);
        let statements = match (&text, chunks::walked_text(r, plan)) {
            // free text newest first: its walk, then its check along the plan's index
            (Some(q), _) if plan.newest => newest::statements(r, plan, q),
            // free text along an index is checked chunk by chunk: the chunk's query
            (_, Some(_)) => vec![page_sql(
                &chunks::without_text(r),
                plan,
                sort,
                &QueueFrom::First,
                50,
            )],
            _ => vec![page_sql(r, plan, sort, &QueueFrom::First, 50)],
        };
        let mut steps = Vec::new();
        for (sql, params) in statements {
            let mut stmt = self
                .0
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .doing(|| "explaining the review queue".into())?;
            let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
            steps.extend(
                stmt.query_map(args.as_slice(), |r| r.get::<_, String>(3))
                    .doing(|| "explaining the review queue".into())?
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .doing(|| "explaining the review queue".into())?,
            );
        }
        Ok(steps)
    }
}
