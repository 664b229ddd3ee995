//! The statistics panel's read model: the numbers of the console's statistics view,
//! computed once when the view opens or its filter changes, from the same functions the
//! `minspect report` CLI uses ([`super::summary_of`], [`super::officers_of`],
//! [`super::exporters_of`], the review states: each rolled up from the store's statistics
//! cube, read once), so both show the same numbers.
//! Its scope is a filter line in the review queue's grammar, restricted to the terms a
//! report takes (`from: to: port: family: officer:`).

use crate::domain::Msg;
use crate::store::queue::QueueFilter;
use crate::store::stats::{GroupBy, GroupStats, ReviewStats, StatsScope};
use crate::store::{Result, Store};

use super::DeskReport;

/// The terms the statistics take, as refusals list them (joined with spaces).
pub const STATS_TERMS: [&str; 5] = [
    "from:DATE",
    "to:DATE",
    "port:LOCODE",
    "family:ID",
    "officer:BADGE",
];

/// Everything the statistics view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskPanel {
    pub scope: StatsScope,
    /// `report summary`: by family and by month, with the total.
    pub summary: DeskReport,
    /// Inspections and seizures by port.
    pub by_port: Vec<GroupStats>,
    /// `report officers`: by officer badge.
    pub officers: DeskReport,
    /// `report exporters`: the exporters with the most findings.
    pub exporters: DeskReport,
    /// The verdict mix on the declaration and after inspection.
    pub declared: Vec<GroupStats>,
    pub found: Vec<GroupStats>,
    /// `report review`: states and the turnaround finalized -> decided.
    pub review: ReviewStats,
}

impl DeskPanel {
    /// The panel over `scope` (checked by the caller, [`scope_of_line`] and
    /// `check_stats_scope`).
    pub fn build(store: &Store, scope: &StatsScope) -> Result<DeskPanel> {
        // one read of the scope for every grouping
        let cube = store.hq().stats_cube(scope)?;
        let summary = super::summary_of(store, scope, &cube)?;
        let officers = super::officers_of(store, scope, &cube)?;
        let exporters = super::exporters_of(store, scope, &cube)?;
        let review = cube.review_states();
        Ok(DeskPanel {
            scope: scope.clone(),
            by_port: cube.roll_up(GroupBy::Port),
            declared: cube.roll_up(GroupBy::Verdict),
            found: cube.roll_up(GroupBy::Found),
            summary,
            officers,
            exporters,
            review,
        })
    }

    /// The total of the scope.
    pub fn total(&self) -> GroupStats {
        self.summary
            .sections
            .first()
            .map(|s| s.total.clone())
            .unwrap_or_default()
    }

    /// The rows of a section of `report` by its machine name (`by_family`, ...).
    fn section<'a>(report: &'a DeskReport, name: &str) -> &'a [GroupStats] {
        report
            .sections
            .iter()
            .find(|s| s.section == name)
            .map_or(&[], |s| s.rows.as_slice())
    }

    pub fn by_family(&self) -> &[GroupStats] {
        Self::section(&self.summary, "by_family")
    }

    pub fn by_month(&self) -> &[GroupStats] {
        Self::section(&self.summary, "by_month")
    }

    pub fn by_officer(&self) -> &[GroupStats] {
        Self::section(&self.officers, "by_officer")
    }

    pub fn by_exporter(&self) -> &[GroupStats] {
        Self::section(&self.exporters, "by_exporter")
    }
}

fn not_here(term: &str) -> Msg {
    Msg::new("stats-term-not-here")
        .arg("term", term)
        .arg("terms", STATS_TERMS.join(" "))
}

/// The scope of a filter line in the queue's grammar. Terms a report does not take
/// (`state:`, `verdict:`, free words ...) are refused, naming the term and the ones
/// taken; a reversed date range is refused.
pub fn scope_of_line(line: &str) -> std::result::Result<StatsScope, Msg> {
    let f = QueueFilter::parse(line)?;
    let other = [
        ("device:", f.device.is_some()),
        ("verdict:", f.verdict.is_some()),
        ("found:", f.found.is_some()),
        ("outcome:", f.outcome.is_some()),
        ("seized:", f.seized.is_some()),
        ("received:", f.received != (None, None)),
        ("state:", f.state.is_some()),
    ];
    if let Some((term, _)) = other.iter().find(|(_, set)| *set) {
        return Err(not_here(term));
    }
    if let Some(word) = f.text.split_whitespace().next() {
        return Err(not_here(word));
    }
    if let (Some(a), Some(b)) = (f.from, f.to)
        && a > b
    {
        return Err(Msg::new("stats-dates-reversed")
            .arg("from", a.to_string())
            .arg("to", b.to_string()));
    }
    Ok(StatsScope {
        from: f.from.map(|d| d.to_string()),
        to: f.to.map(|d| d.to_string()),
        port: f.port,
        family: f.family,
        officer: f.officer,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_takes_a_reports_terms_and_refuses_the_others() {
        let s = scope_of_line("from:2026-01-01 to:2026-03-31 port:cnsha family:Tungsten").unwrap();
        assert_eq!(s.from.as_deref(), Some("2026-01-01"));
        assert_eq!(s.to.as_deref(), Some("2026-03-31"));
        assert_eq!(s.port.as_deref(), Some("CNSHA"));
        assert_eq!(s.family.as_deref(), Some("tungsten"));
        assert_eq!(scope_of_line("").unwrap(), StatsScope::default());
        let e = scope_of_line("state:pending").unwrap_err();
        assert_eq!(e.id, "stats-term-not-here");
        assert_eq!(e.text("term"), "state:");
        assert!(e.text("terms").contains("officer:BADGE"));
        assert_eq!(
            scope_of_line("gallium").unwrap_err().text("term"),
            "gallium"
        );
        assert_eq!(
            scope_of_line("from:2026-04-01 to:2026-03-01")
                .unwrap_err()
                .id,
            "stats-dates-reversed"
        );
        assert_eq!(
            scope_of_line("colour:red").unwrap_err().id,
            "queue-unknown-term"
        );
    }
}
