//! Headquarters statistics: aggregate counts over the review desk (one row per received
//! inspection, carrying the totals of its seizures and findings), for reports and the
//! statistics panel. Every query groups in SQL; an amended inspection counts once, as its newest
//! version (a desk row that another row amends is left out).

use std::ops::Deref;

use rusqlite::{OptionalExtension, ToSql};
use serde::Serialize;

use crate::domain::Msg;
use crate::store::{Context, Hq, Result, Store};

/// What the statistics cover: declared dates (inclusive, `YYYY-MM-DD`) and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsScope {
    pub from: Option<String>,
    pub to: Option<String>,
    pub port: Option<String>,
    pub family: Option<String>,
    pub officer: Option<String>,
}

/// How rows are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    All,
    Family,
    Month,
    Officer,
    Port,
    Exporter,
    /// The verdict on the declaration.
    Verdict,
    /// The verdict after inspection.
    Found,
}

/// The counts of one group. Quantities are seized kilograms (kg, g and t converted;
/// other units are counted in `seizures` but not in `seized_kg`); values are the seizures'
/// estimated values in minor units of CNY (other currencies are left out of the value).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GroupStats {
    pub key: String,
    pub inspections: u64,
    pub seized_inspections: u64,
    pub seizures: u64,
    pub seized_kg: f64,
    pub seized_value_cny_minor: i64,
    pub findings: u64,
}

/// Review states and the turnaround finalized -> decided (seconds, nearest rank).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReviewStats {
    pub pending: u64,
    pub approved: u64,
    pub returned: u64,
    pub resubmitted: u64,
    pub decided: u64,
    pub turnaround_median_s: Option<i64>,
    pub turnaround_p90_s: Option<i64>,
}

impl GroupStats {
    /// Adds `o`'s counts to these.
    pub fn add(&mut self, o: &GroupStats) {
        self.inspections += o.inspections;
        self.seized_inspections += o.seized_inspections;
        self.seizures += o.seizures;
        self.seized_kg += o.seized_kg;
        self.seized_value_cny_minor += o.seized_value_cny_minor;
        self.findings += o.findings;
    }
}

/// The finest grouping of a scope, read in one scan: the counts per (family, month,
/// port, officer, verdict on the declaration, verdict after inspection). Every grouping
/// but the exporters' is a roll-up of it, so a report or the statistics panel reads the
/// desk once however many groupings it shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cube {
    cells: Vec<([String; 6], GroupStats)>,
    /// The scope's inspections per review state: pending, approved, returned, resubmitted.
    states: [u64; 4],
}

impl Cube {
    /// The scope's review states (no turnaround: see [`Hq::stats_review_of`]).
    pub fn review_states(&self) -> ReviewStats {
        let [pending, approved, returned, resubmitted] = self.states;
        ReviewStats {
            pending,
            approved,
            returned,
            resubmitted,
            ..ReviewStats::default()
        }
    }

    /// The counts grouped by `by`, ordered by key (as SQL orders text); `All` gives one
    /// row even when the scope is empty. The exporters are not in the cube (empty).
    pub fn roll_up(&self, by: GroupBy) -> Vec<GroupStats> {
        let at = match by {
            GroupBy::All => None,
            GroupBy::Family => Some(0),
            GroupBy::Month => Some(1),
            GroupBy::Port => Some(2),
            GroupBy::Officer => Some(3),
            GroupBy::Verdict => Some(4),
            GroupBy::Found => Some(5),
            GroupBy::Exporter => return Vec::new(),
        };
        let mut groups: std::collections::BTreeMap<&str, GroupStats> = Default::default();
        for (keys, g) in &self.cells {
            let key = at.map_or("", |i| keys[i].as_str());
            groups.entry(key).or_default().add(g);
        }
        if by == GroupBy::All && groups.is_empty() {
            return vec![GroupStats::default()];
        }
        groups
            .into_iter()
            .map(|(k, mut g)| {
                g.key = k.to_string();
                g
            })
            .collect()
    }
}

/// The six counts of a group: the per-inspection totals the desk row holds (migration
/// 10, filled at import), summed in the same scan, with no lookup of seizures or findings.
const PER_ROW: &str = "count(*), coalesce(sum(d.seized), 0), coalesce(sum(d.seizure_count), 0),
    coalesce(sum(d.seized_kg), 0.0), coalesce(sum(d.seized_value_cny_minor), 0),
    coalesce(sum(d.finding_count), 0)";

/// The counts per review state of a group (pending, approved, returned, resubmitted).
const PER_STATE: &str =
    "coalesce(sum(d.state = 'pending'), 0), coalesce(sum(d.state = 'approved'), 0),
    coalesce(sum(d.state = 'returned'), 0), coalesce(sum(d.state = 'resubmitted'), 0)";

/// The WHERE clause of `scope` over `review_desk d` and its parameters.
fn scope_sql(scope: &StatsScope) -> (String, Vec<String>) {
    let mut w = vec![
        "NOT EXISTS (SELECT 1 FROM review_desk a WHERE a.amends = d.inspection_id)".to_string(),
    ];
    let mut p = Vec::new();
    let mut add = |cond: &str, v: &Option<String>| {
        if let Some(v) = v {
            p.push(v.clone());
            w.push(cond.replace('?', &format!("?{}", p.len())));
        }
    };
    add("d.declared_on >= ?", &scope.from);
    add("d.declared_on <= ?", &scope.to);
    add("d.locode = ?", &scope.port);
    add("d.family = ?", &scope.family);
    add("d.officer_badge = ?", &scope.officer);
    (w.join(" AND "), p)
}

/// The six counts of [`PER_ROW`] starting at column `i`.
fn counts_at(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<GroupStats> {
    Ok(GroupStats {
        key: String::new(),
        inspections: r.get::<_, i64>(i)? as u64,
        seized_inspections: r.get::<_, i64>(i + 1)? as u64,
        seizures: r.get::<_, i64>(i + 2)? as u64,
        seized_kg: r.get(i + 3)?,
        seized_value_cny_minor: r.get(i + 4)?,
        findings: r.get::<_, i64>(i + 5)? as u64,
    })
}

fn params_of(p: &[String]) -> Vec<&dyn ToSql> {
    p.iter().map(|v| v as &dyn ToSql).collect()
}

impl<S: Deref<Target = Store>> Hq<S> {
    /// Checks the scope's port, family and officer against the database: the first one
    /// unknown, as a message naming it.
    pub fn check_stats_scope(&self, scope: &StatsScope) -> Result<std::result::Result<(), Msg>> {
        let conn = self.0.conn();
        let found = |sql: &str, v: &str| -> Result<bool> {
            conn.prepare_cached(sql)
                .and_then(|mut s| s.query_row([v], |_| Ok(())).optional())
                .map(|o| o.is_some())
                .doing(|| "checking the report's filters".into())
        };
        let checks = [
            (
                "SELECT 1 FROM officers WHERE badge = ?1",
                &scope.officer,
                "report-unknown-officer",
            ),
            (
                "SELECT 1 FROM review_desk WHERE locode = ?1 LIMIT 1",
                &scope.port,
                "report-unknown-port",
            ),
            (
                "SELECT 1 FROM review_desk WHERE family = ?1 LIMIT 1",
                &scope.family,
                "report-unknown-family",
            ),
        ];
        for (sql, value, id) in checks {
            if let Some(v) = value
                && !found(sql, v)?
            {
                return Ok(Err(Msg::new(id).arg("value", v.as_str())));
            }
        }
        Ok(Ok(()))
    }

    /// The counts of `scope` grouped by `by`, ordered by key (exporters: by findings,
    /// most first). Every grouping but the exporters' is a roll-up of [`Self::stats_cube`].
    pub fn stats_grouped(&self, scope: &StatsScope, by: GroupBy) -> Result<Vec<GroupStats>> {
        match by {
            GroupBy::Exporter => self.stats_by_exporter(scope),
            by => Ok(self.stats_cube(scope)?.roll_up(by)),
        }
    }

    /// The finest grouping of `scope`, in one scan of the desk.
    pub fn stats_cube(&self, scope: &StatsScope) -> Result<Cube> {
        let (w, p) = scope_sql(scope);
        let sql = format!(
            "SELECT d.family, substr(d.declared_on, 1, 7), d.locode, d.officer_badge,
                d.declared_verdict, d.found_verdict, {PER_ROW}, {PER_STATE}
             FROM review_desk d WHERE {w} GROUP BY 1, 2, 3, 4, 5, 6"
        );
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the statistics".into())?;
        let mut states = [0u64; 4];
        let cells = stmt
            .query_map(params_of(&p).as_slice(), |r| {
                for (i, n) in states.iter_mut().enumerate() {
                    *n += r.get::<_, i64>(12 + i)? as u64;
                }
                let keys = [
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ];
                Ok((keys, counts_at(r, 6)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .doing(|| "reading the statistics".into())?;
        Ok(Cube { cells, states })
    }

    /// The exporters with their counts, most findings first.
    fn stats_by_exporter(&self, scope: &StatsScope) -> Result<Vec<GroupStats>> {
        let (w, p) = scope_sql(scope);
        let sql = format!(
            "SELECT d.exporter_name AS k, {PER_ROW} FROM review_desk d
             WHERE {w} GROUP BY k ORDER BY 7 DESC, 1"
        );
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the statistics".into())?;
        stmt.query_map(params_of(&p).as_slice(), |r| {
            Ok(GroupStats {
                key: r.get(0)?,
                ..counts_at(r, 1)?
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .doing(|| "reading the statistics".into())
    }

    /// Review states of `scope` (from its `cube`, read once by the caller) and the
    /// turnaround finalized -> decided.
    pub fn stats_review_of(&self, scope: &StatsScope, cube: &Cube) -> Result<ReviewStats> {
        let mut out = cube.review_states();
        self.turnaround(scope, &mut out)?;
        Ok(out)
    }

    /// Review states of `scope` and the turnaround finalized -> decided.
    pub fn stats_review(&self, scope: &StatsScope) -> Result<ReviewStats> {
        let (w, p) = scope_sql(scope);
        let conn = self.0.conn();
        let sql = format!("SELECT {PER_STATE} FROM review_desk d WHERE {w}");
        let mut out = conn
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_row(params_of(&p).as_slice(), |r| {
                    Ok(ReviewStats {
                        pending: r.get::<_, i64>(0)? as u64,
                        approved: r.get::<_, i64>(1)? as u64,
                        returned: r.get::<_, i64>(2)? as u64,
                        resubmitted: r.get::<_, i64>(3)? as u64,
                        ..ReviewStats::default()
                    })
                })
            })
            .doing(|| "counting review states".into())?;
        self.turnaround(scope, &mut out)?;
        Ok(out)
    }

    /// The decided inspections of `scope` and their turnaround finalized -> decided
    /// (median, p90; nearest rank), into `out`.
    fn turnaround(&self, scope: &StatsScope, out: &mut ReviewStats) -> Result<()> {
        let (w, p) = scope_sql(scope);
        let sql = format!(
            "WITH t AS (SELECT CAST(round((julianday(d.decided_at) - julianday(d.finalized_at)) * 86400) AS INTEGER) AS secs
                FROM review_desk d
                WHERE {w} AND d.decided_at IS NOT NULL AND d.finalized_at IS NOT NULL),
             r AS (SELECT secs, row_number() OVER (ORDER BY secs) AS rn, count(*) OVER () AS n FROM t)
             SELECT (SELECT count(*) FROM t),
                (SELECT secs FROM r WHERE rn = max(1, (n * 50 + 99) / 100)),
                (SELECT secs FROM r WHERE rn = max(1, (n * 90 + 99) / 100))"
        );
        let (decided, median, p90) = self
            .0
            .conn()
            .prepare_cached(&sql)
            .and_then(|mut s| {
                s.query_row(params_of(&p).as_slice(), |r| {
                    Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
                })
            })
            .doing(|| "measuring the review turnaround".into())?;
        out.decided = decided as u64;
        out.turnaround_median_s = median;
        out.turnaround_p90_s = p90;
        Ok(())
    }
}
