//! Headquarters reports for a director (`minspect report NAME`), computed once here and
//! rendered by [`render`] as a table, CSV, Markdown or JSON. The statistics panel calls the
//! same functions, so both show the same numbers. Each report is one function of the
//! store's aggregate statistics ([`crate::store::stats`]).

pub mod panel;
pub mod render;
pub mod trail;

use serde::Serialize;

use crate::domain::Msg;
use crate::store::stats::{Cube, GroupBy, GroupStats, ReviewStats, StatsScope};
use crate::store::{Result, Store};

/// The reports there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportName {
    Summary,
    Seizures,
    Inspections,
    Officers,
    Exporters,
    Review,
}

/// The report names, as typed on the command line.
pub const NAMES: &str = "summary, seizures, inspections, officers, exporters, review";

/// How many exporters the exporters report lists.
pub const TOP_EXPORTERS: usize = 20;

impl ReportName {
    pub fn parse(s: &str) -> std::result::Result<ReportName, Msg> {
        Ok(match s.trim().to_lowercase().as_str() {
            "summary" => ReportName::Summary,
            "seizures" => ReportName::Seizures,
            "inspections" => ReportName::Inspections,
            "officers" => ReportName::Officers,
            "exporters" => ReportName::Exporters,
            "review" => ReportName::Review,
            _ => {
                return Err(Msg::new("report-unknown-name")
                    .arg("name", s)
                    .arg("names", NAMES));
            }
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ReportName::Summary => "summary",
            ReportName::Seizures => "seizures",
            ReportName::Inspections => "inspections",
            ReportName::Officers => "officers",
            ReportName::Exporters => "exporters",
            ReportName::Review => "review",
        }
    }
}

/// One table of grouped counts: its machine name (`by_family`), the machine name of its
/// key column (`family`), its rows and the total of the whole scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub section: &'static str,
    pub key: &'static str,
    pub rows: Vec<GroupStats>,
    pub total: GroupStats,
}

/// The scope a report covers, as given (None: unbounded / all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScopeOut {
    pub from: Option<String>,
    pub to: Option<String>,
    pub port: Option<String>,
    pub family: Option<String>,
    pub officer: Option<String>,
}

/// A computed report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeskReport {
    pub report: ReportName,
    pub training: bool,
    pub scope: ScopeOut,
    pub sections: Vec<Section>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewStats>,
}

/// The total of groups that partition the scope (every inspection in exactly one).
pub fn total(rows: &[GroupStats]) -> GroupStats {
    rows.iter().fold(GroupStats::default(), |mut t, g| {
        t.inspections += g.inspections;
        t.seized_inspections += g.seized_inspections;
        t.seizures += g.seizures;
        t.seized_kg += g.seized_kg;
        t.seized_value_cny_minor += g.seized_value_cny_minor;
        t.findings += g.findings;
        t
    })
}

type Groups<'a> = &'a [(GroupBy, &'static str, &'static str)];

/// Each grouping as a section, rolled up from one read of the scope's cube.
fn with_sections(
    store: &Store,
    name: ReportName,
    scope: &StatsScope,
    groups: Groups,
) -> Result<DeskReport> {
    let cube = store.hq().stats_cube(scope)?;
    sections_of(store, name, scope, groups, &cube)
}

/// Each grouping as a section from `cube` (the scope's); the total is that of the
/// first grouping's rows.
fn sections_of(
    store: &Store,
    name: ReportName,
    scope: &StatsScope,
    groups: Groups,
    cube: &Cube,
) -> Result<DeskReport> {
    let mut sections = Vec::new();
    for (by, section, key) in groups {
        let rows = cube.roll_up(*by);
        sections.push(Section {
            section,
            key,
            rows,
            total: GroupStats::default(),
        });
    }
    let all = sections.first().map(|s| total(&s.rows)).unwrap_or_default();
    for s in &mut sections {
        s.total = all.clone();
    }
    Ok(DeskReport {
        report: name,
        training: store.training().setup()?.is_some(),
        scope: scope_out(scope),
        sections,
        review: None,
    })
}

fn scope_out(s: &StatsScope) -> ScopeOut {
    ScopeOut {
        from: s.from.clone(),
        to: s.to.clone(),
        port: s.port.clone(),
        family: s.family.clone(),
        officer: s.officer.clone(),
    }
}

const SUMMARY: Groups = &[
    (GroupBy::Family, "by_family", "family"),
    (GroupBy::Month, "by_month", "month"),
];
const OFFICERS: Groups = &[(GroupBy::Officer, "by_officer", "officer")];

/// Inspections and seizures (count, seized kg, value) by mineral family and by month.
pub fn summary(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    with_sections(store, ReportName::Summary, scope, SUMMARY)
}

/// [`summary`] from the scope's cube, read once by the caller.
pub fn summary_of(store: &Store, scope: &StatsScope, cube: &Cube) -> Result<DeskReport> {
    sections_of(store, ReportName::Summary, scope, SUMMARY, cube)
}

/// Seizures by mineral family and by port (groups without a seizure left out).
pub fn seizures(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    let mut r = with_sections(
        store,
        ReportName::Seizures,
        scope,
        &[
            (GroupBy::Family, "by_family", "family"),
            (GroupBy::Port, "by_port", "port"),
        ],
    )?;
    for s in &mut r.sections {
        s.rows.retain(|g| g.seizures > 0);
    }
    Ok(r)
}

/// Inspections by port and by month.
pub fn inspections(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    with_sections(
        store,
        ReportName::Inspections,
        scope,
        &[
            (GroupBy::Port, "by_port", "port"),
            (GroupBy::Month, "by_month", "month"),
        ],
    )
}

/// Per officer badge: inspections, seizures, findings.
pub fn officers(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    with_sections(store, ReportName::Officers, scope, OFFICERS)
}

/// [`officers`] from the scope's cube, read once by the caller.
pub fn officers_of(store: &Store, scope: &StatsScope, cube: &Cube) -> Result<DeskReport> {
    sections_of(store, ReportName::Officers, scope, OFFICERS, cube)
}

const EXPORTERS: Groups = &[(GroupBy::Exporter, "by_exporter", "exporter")];

/// The exporters with the most findings (at most [`TOP_EXPORTERS`]).
pub fn exporters(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    exporters_of(store, scope, &store.hq().stats_cube(scope)?)
}

/// [`exporters`] from the scope's cube, read once by the caller.
pub fn exporters_of(store: &Store, scope: &StatsScope, cube: &Cube) -> Result<DeskReport> {
    let mut r = sections_of(store, ReportName::Exporters, scope, EXPORTERS, cube)?;
    for s in &mut r.sections {
        s.rows.truncate(TOP_EXPORTERS);
    }
    Ok(r)
}

/// Review states and the turnaround finalized -> decided (median, p90).
pub fn review(store: &Store, scope: &StatsScope) -> Result<DeskReport> {
    Ok(DeskReport {
        report: ReportName::Review,
        training: store.training().setup()?.is_some(),
        scope: scope_out(scope),
        sections: Vec::new(),
        review: Some(store.hq().stats_review(scope)?),
    })
}

/// The report `name` over `scope`.
pub fn build(store: &Store, name: ReportName, scope: &StatsScope) -> Result<DeskReport> {
    match name {
        ReportName::Summary => summary(store, scope),
        ReportName::Seizures => seizures(store, scope),
        ReportName::Inspections => inspections(store, scope),
        ReportName::Officers => officers(store, scope),
        ReportName::Exporters => exporters(store, scope),
        ReportName::Review => review(store, scope),
    }
}
