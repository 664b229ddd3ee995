//! Integration tests: the store on SQLite files and the pure rules: records, drafts, migrations, crash safety, shipment queries, screening, reconciliation, the fixture generator.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod amendments;
mod attachments;
mod crash_safety;
mod desk_generated;
mod desk_newest;
mod desk_search;
mod desk_totals;
mod drafts;
mod encryption;
mod files;
mod fixture;
mod hq_accepts;
mod hs_siblings;
mod implausible;
mod measurement_null;
mod migrations;
mod party_records;
mod party_screening;
mod reconcile;
mod records;
mod report_stats;
mod review_desk;
mod review_queue;
mod scenarios;
mod screening;
mod screening_props;
mod shipments_query;
mod undo;
mod worlds;
