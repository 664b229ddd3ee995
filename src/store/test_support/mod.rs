//! TEST SUPPORT ONLY, compiled with the `test-support` feature (tests and benchmarks turn
//! it on through the crate's dev-dependency on itself; a release build leaves it out). It
//! adds helpers and changes no runtime behaviour: sample records written through the real
//! draft writers and the one sealing path of finalize, raw SQL for tests that must not name
//! rusqlite, and the benchmark's raw-commit baseline.

mod desk;
mod raw;
mod samples;

pub use raw::RawCommitBaseline;
pub use samples::*;
