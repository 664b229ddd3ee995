//! Headquarters statistics: aggregate counts over the review desk (one row per received
//! inspection, carrying the totals of its seizures and findings), for reports and the
//! statistics panel. Every query groups in SQL; an amended inspection counts once, as its newest
//! version (a desk row that another row amends is left out).

use std::collections::HashMap;
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
/// port, officer, verdict on the declaration, verdict after inspection), per exporter, per
/// review state, and the decided inspections' turnarounds. Every grouping is a roll-up of
/// it, so a report or the statistics panel reads the desk once however many it shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cube {
    cells: Vec<([String; 6], GroupStats)>,
    /// Per exporter, most findings first (then by name).
    exporters: Vec<GroupStats>,
    /// The scope's inspections per review state: pending, approved, returned, resubmitted.
    states: [u64; 4],
    /// Seconds finalized -> decided of each decided inspection, ascending.
    turnarounds: Vec<i64>,
}

impl Cube {
    /// The scope's review states and turnaround (median and p90, nearest rank).
    pub fn review_states(&self) -> ReviewStats {
        let [pending, approved, returned, resubmitted] = self.states;
        let t = &self.turnarounds;
        let rank = |q: usize| (!t.is_empty()).then(|| t[((t.len() * q).div_ceil(100)).max(1) - 1]);
        ReviewStats {
            pending,
            approved,
            returned,
            resubmitted,
            decided: t.len() as u64,
            turnaround_median_s: rank(50),
            turnaround_p90_s: rank(90),
        }
    }

    /// The counts grouped by `by`, ordered by key (as SQL orders text; the exporters by
    /// findings, most first); `All` gives one row even when the scope is empty.
    pub fn roll_up(&self, by: GroupBy) -> Vec<GroupStats> {
        let at = match by {
            GroupBy::All => None,
            GroupBy::Family => Some(0),
            GroupBy::Month => Some(1),
            GroupBy::Port => Some(2),
            GroupBy::Officer => Some(3),
            GroupBy::Verdict => Some(4),
            GroupBy::Found => Some(5),
            GroupBy::Exporter => return self.exporters.clone(),
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

/// Text interned per column while a scan groups rows, so a row costs no allocation.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(i) = self.ids.get(s) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }
}

/// Seconds from `from` to `to` (RFC 3339), rounded; None when either does not parse.
fn seconds_between(from: &str, to: &str) -> Option<i64> {
    let a = chrono::DateTime::parse_from_rfc3339(from).ok()?;
    let b = chrono::DateTime::parse_from_rfc3339(to).ok()?;
    let ms = (b - a).num_milliseconds();
    Some((ms as f64 / 1000.0).round() as i64)
}

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

/// The six counts of a group starting at column `i`: inspections, seized inspections,
/// seizures, seized kg, seized CNY value, findings (the per-inspection totals the desk row
/// holds, migration 9: no lookup of seizures or findings).
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
    /// most first): a roll-up of [`Self::stats_cube`].
    pub fn stats_grouped(&self, scope: &StatsScope, by: GroupBy) -> Result<Vec<GroupStats>> {
        Ok(self.stats_cube(scope)?.roll_up(by))
    }

    /// The finest grouping of `scope`, in one scan of the desk (one row per
    /// inspection, grouped here: a GROUP BY of six text columns sorts every row).
    pub fn stats_cube(&self, scope: &StatsScope) -> Result<Cube> {
        let (w, p) = scope_sql(scope);
        let sql = format!(
            "SELECT d.family, substr(d.declared_on, 1, 7), d.locode, d.officer_badge,
                d.declared_verdict, d.found_verdict, d.exporter_name, d.state,
                d.decided_at, d.finalized_at, 1, d.seized, d.seizure_count, d.seized_kg,
                d.seized_value_cny_minor, d.finding_count
             FROM review_desk d WHERE {w}"
        );
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(&sql)
            .doing(|| "preparing the statistics".into())?;
        let mut columns: [Interner; 7] = Default::default();
        let mut cells: HashMap<[u32; 6], GroupStats> = HashMap::new();
        let mut exporters: HashMap<u32, GroupStats> = HashMap::new();
        let mut cube = Cube::default();
        let mut rows = stmt
            .query(params_of(&p).as_slice())
            .doing(|| "reading the statistics".into())?;
        let read = || "reading the statistics".to_string();
        while let Some(r) = rows.next().doing(read)? {
            let text = |i: usize| r.get_ref(i).map(|v| v.as_str().unwrap_or(""));
            let mut key = [0u32; 6];
            for (i, k) in key.iter_mut().enumerate() {
                *k = columns[i].id(text(i).doing(read)?);
            }
            let exporter = columns[6].id(text(6).doing(read)?);
            let counts = counts_at(r, 10).doing(read)?;
            cells.entry(key).or_default().add(&counts);
            exporters.entry(exporter).or_default().add(&counts);
            let state = text(7).doing(read)?;
            let states = ["pending", "approved", "returned", "resubmitted"];
            if let Some(i) = states.iter().position(|s| *s == state) {
                cube.states[i] += 1;
            }
            let (decided, finalized) = (text(8).doing(read)?, text(9).doing(read)?);
            if !decided.is_empty()
                && let Some(secs) = seconds_between(finalized, decided)
            {
                cube.turnarounds.push(secs);
            }
        }
        cube.turnarounds.sort_unstable();
        let name = |c: &Interner, i: u32| c.names[i as usize].clone();
        cube.cells = cells
            .into_iter()
            .map(|(k, g)| (std::array::from_fn(|i| name(&columns[i], k[i])), g))
            .collect();
        cube.cells.sort_by(|a, b| a.0.cmp(&b.0));
        cube.exporters = exporters
            .into_iter()
            .map(|(k, g)| GroupStats {
                key: name(&columns[6], k),
                ..g
            })
            .collect();
        cube.exporters
            .sort_by(|a, b| b.findings.cmp(&a.findings).then_with(|| a.key.cmp(&b.key)));
        Ok(cube)
    }

    /// Review states of `scope` and the turnaround finalized -> decided.
    pub fn stats_review(&self, scope: &StatsScope) -> Result<ReviewStats> {
        Ok(self.stats_cube(scope)?.review_states())
    }
}
