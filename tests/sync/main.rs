//! Integration tests: field-to-headquarters sync: round trips, partial and refused bundles, streaming, receipts, reviews shown on the laptop.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod hq_fill;
mod partials;
mod receipt;
mod refusals;
mod reviews_shown;
mod round_trips;
mod stream;
