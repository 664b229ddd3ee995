//! How many shipments the log's filter matches, for the Shipments title, at a cost bounded
//! like the page's own (DESIGN §10: every keystroke under 16 ms on a million shipments).
//! Two ways in are cheap on a million shipments (about 1 ms, measured): one index range
//! (a destination, family, status or the review queue, with or without dates) and free
//! text alone from its own index; each stops after [`COUNT_CAP`] + 1 rows. Free text with
//! other terms is looked up row by row (10 µs a row: 15 to 1,000 ms measured) and two
//! terms no one index holds together walk one of them whole: the title then says only what
//! the page shows (at least so many).

use std::ops::Deref;

use rusqlite::ToSql;

use super::shipments::{PageFrom, ShipmentFilter, fts_query, page_sql};
use crate::store::{Context, Query, Result, Store};

/// Counts stop here: "10,000+" says more than that.
pub const COUNT_CAP: u64 = 10_000;

/// The filter's matches as the title says them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchCount {
    /// Exactly this many.
    Exact(u64),
    /// More than [`COUNT_CAP`].
    OverCap,
    /// Not counted (too costly for a keystroke): at least this many, the page's rows.
    AtLeast(u64),
}

impl<S: Deref<Target = Store>> Query<S> {
    /// The matches of `filter`; `on_page` (the rows the page found, `more` when it has
    /// older ones) answers when counting would cost more than a keystroke may.
    pub fn shipments_count(
        &self,
        filter: &ShipmentFilter,
        on_page: u64,
        more: bool,
    ) -> Result<MatchCount> {
        if !more {
            // the whole match is on the page
            return Ok(MatchCount::Exact(on_page));
        }
        let terms = [&filter.destination, &filter.family, &filter.status]
            .iter()
            .filter(|t| t.is_some())
            .count()
            + usize::from(filter.awaiting_review);
        let text = fts_query(&filter.text);
        let dates = filter.from.is_some() || filter.to.is_some();
        let n = match (&text, terms) {
            (None, 0 | 1) => self.capped(filter)?,
            (Some(q), 0) if !dates => self.capped_text(q)?,
            // the page found its rows and one more
            _ => return Ok(MatchCount::AtLeast(on_page + 1)),
        };
        Ok(match n > COUNT_CAP {
            true => MatchCount::OverCap,
            false => MatchCount::Exact(n),
        })
    }

    /// The page's own query without order, stopping after the cap.
    fn capped(&self, filter: &ShipmentFilter) -> Result<u64> {
        let (sql, params) = page_sql(filter, &PageFrom::Newest, 1);
        // `SELECT cols FROM src WHERE .. ORDER BY .. LIMIT 1` -> `SELECT 1 FROM src WHERE ..`
        let from = sql.find(" FROM ").unwrap_or(0);
        let to = sql.rfind(" ORDER BY ").unwrap_or(sql.len());
        let body = &sql[from..to];
        let count = format!(
            "SELECT count(*) FROM (SELECT 1{body} LIMIT {})",
            COUNT_CAP + 1
        );
        let args: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
        let n: i64 = self
            .0
            .conn()
            .prepare_cached(&count)
            .and_then(|mut s| s.query_row(args.as_slice(), |r| r.get(0)))
            .doing(|| "counting the shipments the filter matches".into())?;
        Ok(n.max(0) as u64)
    }

    /// Free text alone: its index's matches, stopping after the cap.
    fn capped_text(&self, q: &str) -> Result<u64> {
        let n: i64 = self
            .0
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM shipments_fts WHERE shipments_fts MATCH ?1 LIMIT {})",
                COUNT_CAP + 1
            ))
            .and_then(|mut s| s.query_row([q], |r| r.get(0)))
            .doing(|| "counting the shipments the filter matches".into())?;
        Ok(n.max(0) as u64)
    }
}
