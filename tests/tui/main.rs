//! Integration tests: the console: keymap and scripted flows on a TestBackend with insta snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod flows;
mod keymap;
mod language;
mod party_rules;
mod record;
mod record_drafts;
mod record_steps;
mod review_hq;
mod reviews;
mod safety;
mod slips;
mod sync;
mod training;
