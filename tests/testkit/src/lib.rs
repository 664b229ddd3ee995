//! TEST SUPPORT ONLY: helpers for minspect's tests and benchmarks, in a crate of their own so
//! that the program (and the binary the end-to-end tests run) is built without them. They
//! add nothing to the store: sample records go through the store's own draft writers and
//! the one sealing path of finalize (`minspect::store::parts`), raw SQL is for tests that
//! prove the database itself refuses a change, and the raw-commit baseline is the
//! benchmarks' yardstick.

mod desk;
mod raw;
mod samples;

use minspect::store::{Result, Review};
use serde_json::Value;

pub use raw::RawCommitBaseline;
pub use samples::SampleIds;

/// The helpers, as methods of the store they work on (`use minspect_testkit::StoreKit;`).
pub trait StoreKit {
    /// Appends `count` finalized chain records of this device in one transaction. Every
    /// 10th inspection carries a seizure followed by a custody event (a custody event is a
    /// record of its own). Returns the inspections created.
    fn test_support_finalize_samples(&mut self, count: usize) -> Result<Vec<SampleIds>>;
    /// Appends a custody transfer of `seizure_id` as its own chain record.
    fn test_support_custody_transfer(&mut self, seizure_id: &str, to: &str) -> Result<String>;
    /// The rows of a record table for comparison across databases, as JSON objects sorted
    /// by id.
    fn test_support_table_json(&self, table: &str) -> Result<Vec<Value>>;
    /// Stores a review decision here as if a receipt had delivered it (no receipt id), so
    /// screens can be tested without a headquarters round trip.
    fn test_support_insert_review(&mut self, r: &Review) -> Result<()>;
    /// Executes raw SQL outside any store rule. Returns the number of rows changed.
    fn execute_raw_for_tests(&self, sql: &str) -> Result<usize>;
    /// A raw single-value query: the first column of the first row as text.
    fn query_raw_for_tests(&self, sql: &str) -> Result<Option<String>>;
    /// Adds the review-desk row of every finalized inspection without one, through the
    /// bundle import's own desk writer. Returns the number of rows added.
    fn fill_review_desk_for_bench(&mut self) -> Result<usize>;
}

impl StoreKit for minspect::store::Store {
    fn test_support_finalize_samples(&mut self, count: usize) -> Result<Vec<SampleIds>> {
        samples::finalize_samples(self, count)
    }
    fn test_support_custody_transfer(&mut self, seizure_id: &str, to: &str) -> Result<String> {
        samples::custody_transfer(self, seizure_id, to)
    }
    fn test_support_table_json(&self, table: &str) -> Result<Vec<Value>> {
        samples::table_json(self, table)
    }
    fn test_support_insert_review(&mut self, r: &Review) -> Result<()> {
        samples::insert_review(self, r)
    }
    fn execute_raw_for_tests(&self, sql: &str) -> Result<usize> {
        raw::execute_raw(self, sql)
    }
    fn query_raw_for_tests(&self, sql: &str) -> Result<Option<String>> {
        raw::query_raw(self, sql)
    }
    fn fill_review_desk_for_bench(&mut self) -> Result<usize> {
        desk::fill_review_desk(self)
    }
}
