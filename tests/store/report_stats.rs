//! Headquarters statistics and the reports computed from them, on a headquarters filled
//! from a laptop's bundle: exact counts, seized quantity and value, findings, review
//! states and the turnaround finalized -> decided.

use chrono::{DateTime, Duration, Utc};
use minspect::domain::Clock;
use minspect::report::desk::{self, ReportName};
use minspect::store::Decision;
use minspect::store::stats::{GroupBy, StatsScope};

use crate::support::hq::{Hq, hq_with_received};
use crate::support::raw;

/// 12 records: samples 0..=10, sample 9 with a seizure (25 kg, 5,000.00 CNY) and its
/// custody transfer, so 11 inspections, 1 seizure, 11 findings.
const RECORDS: usize = 12;

#[test]
fn the_summary_counts_inspections_seizures_and_findings_exactly() {
    let Hq { dir: _d, hq, .. } = hq_with_received(RECORDS);
    let r = desk::summary(&hq, &StatsScope::default()).unwrap();
    assert_eq!(r.report, ReportName::Summary);
    let t = &r.sections[0].total;
    assert_eq!(
        (t.inspections, t.seized_inspections, t.seizures, t.findings),
        (11, 1, 1, 11)
    );
    assert!((t.seized_kg - 25.0).abs() < 1e-9, "{}", t.seized_kg);
    assert_eq!(t.seized_value_cny_minor, 500_000);
    let fam = &r.sections[0];
    assert_eq!(fam.section, "by_family");
    let total: u64 = fam.rows.iter().map(|g| g.inspections).sum();
    assert_eq!(total, 11, "the family rows add up to the total");
    let month = &r.sections[1];
    assert_eq!(month.rows.len(), 1);
    assert_eq!(month.rows[0].key, "2026-03");
    // a scope outside the declared dates counts nothing
    let later = StatsScope {
        from: Some("2026-04-01".into()),
        ..StatsScope::default()
    };
    let none = hq.hq().stats_grouped(&later, GroupBy::All).unwrap();
    assert_eq!(none[0].inspections, 0);
    let port = StatsScope {
        port: Some("CNSHA".into()),
        to: Some("2026-03-02".into()),
        ..StatsScope::default()
    };
    assert_eq!(
        hq.hq().stats_grouped(&port, GroupBy::Port).unwrap()[0].inspections,
        11
    );
}

#[test]
fn officers_and_exporters_group_by_badge_and_exporter() {
    let Hq { dir: _d, hq, .. } = hq_with_received(RECORDS);
    let o = desk::officers(&hq, &StatsScope::default()).unwrap();
    let rows = &o.sections[0].rows;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].key.starts_with("GZ-0417"), "{}", rows[0].key);
    assert_eq!(
        (rows[0].inspections, rows[0].seizures, rows[0].findings),
        (11, 1, 11)
    );
    let e = desk::exporters(&hq, &StatsScope::default()).unwrap();
    assert_eq!(e.sections[0].rows[0].key, "Hunan Sample Metals Co.");
    assert_eq!(e.sections[0].rows[0].findings, 11);
    let s = desk::seizures(&hq, &StatsScope::default()).unwrap();
    assert!(
        s.sections
            .iter()
            .all(|s| s.rows.iter().all(|g| g.seizures > 0))
    );
}

pub(crate) fn finalized_at(hq: &minspect::store::Store, id: &str) -> DateTime<Utc> {
    let s = raw(
        hq,
        &format!("SELECT finalized_at FROM inspections WHERE id = '{id}'"),
    )
    .unwrap();
    DateTime::parse_from_rfc3339(&s)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn the_review_report_counts_states_and_measures_the_turnaround() {
    let Hq {
        dir: _d,
        mut hq,
        field,
        ..
    } = hq_with_received(RECORDS);
    let ids = &field.inspections;
    for (id, hours, decision) in [
        (&ids[0], 1, Decision::Approved),
        (&ids[1], 2, Decision::Approved),
        (&ids[2], 10, Decision::Returned),
    ] {
        let at = finalized_at(&hq, id) + Duration::hours(hours);
        hq.set_clock(Clock::fixed(at));
        hq.hq_mut().record_review(id, decision, "checked").unwrap();
    }
    let r = desk::review(&hq, &StatsScope::default()).unwrap();
    let rv = r.review.unwrap();
    assert_eq!(
        (
            rv.pending,
            rv.approved,
            rv.returned,
            rv.resubmitted,
            rv.decided
        ),
        (8, 2, 1, 0, 3)
    );
    assert_eq!(
        rv.turnaround_median_s,
        Some(7200),
        "nearest rank of 1 h, 2 h, 10 h"
    );
    assert_eq!(rv.turnaround_p90_s, Some(36_000));
}

#[test]
fn unknown_port_family_and_officer_are_named() {
    let Hq { dir: _d, hq, .. } = hq_with_received(2);
    for (scope, id) in [
        (
            StatsScope {
                port: Some("CNXXX".into()),
                ..StatsScope::default()
            },
            "report-unknown-port",
        ),
        (
            StatsScope {
                family: Some("unobtainium".into()),
                ..StatsScope::default()
            },
            "report-unknown-family",
        ),
        (
            StatsScope {
                officer: Some("NO-1".into()),
                ..StatsScope::default()
            },
            "report-unknown-officer",
        ),
    ] {
        let m = hq.hq().check_stats_scope(&scope).unwrap().unwrap_err();
        assert_eq!(m.id, id);
    }
}

#[test]
fn every_grouping_rolls_up_from_one_cube_and_adds_up_to_the_total() {
    let Hq { dir: _d, hq, .. } = hq_with_received(RECORDS);
    let scope = StatsScope::default();
    let cube = hq.hq().stats_cube(&scope).unwrap();
    let all = cube.roll_up(GroupBy::All);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].inspections, all[0].seizures), (11, 1));
    for by in [
        GroupBy::Family,
        GroupBy::Month,
        GroupBy::Port,
        GroupBy::Officer,
        GroupBy::Verdict,
        GroupBy::Found,
    ] {
        let rows = hq.hq().stats_grouped(&scope, by).unwrap();
        assert_eq!(rows, cube.roll_up(by), "{by:?}");
        let n: u64 = rows.iter().map(|g| g.inspections).sum();
        assert_eq!(n, 11, "{by:?} adds up to the total");
        let keys: Vec<&String> = rows.iter().map(|g| &g.key).collect();
        assert!(
            keys.windows(2).all(|k| k[0] < k[1]),
            "{by:?} ordered by key"
        );
    }
    let found = cube.roll_up(GroupBy::Found);
    assert_eq!(found[0].key, "licence_required");
    // the exporters come from the same scan: most findings first, adding up to the total
    let exporters = cube.roll_up(GroupBy::Exporter);
    assert_eq!(exporters.iter().map(|g| g.inspections).sum::<u64>(), 11);
    assert!(
        exporters.windows(2).all(|g| g[0].findings >= g[1].findings),
        "{exporters:?}"
    );
    assert_eq!(
        exporters,
        hq.hq().stats_grouped(&scope, GroupBy::Exporter).unwrap()
    );
    // an empty scope still has its one total row
    let later = StatsScope {
        from: Some("2030-01-01".into()),
        ..StatsScope::default()
    };
    let empty = hq.hq().stats_cube(&later).unwrap();
    assert_eq!(empty.roll_up(GroupBy::All)[0].inspections, 0);
    assert!(empty.roll_up(GroupBy::Family).is_empty());
}
