//! Integration tests: the console: keymap and scripted flows on a TestBackend with insta snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod attach;
mod discard;
mod draft_focus;
mod errors_zh;
mod flows;
mod inspection_times;
mod key_count;
mod keymap;
mod language;
mod overlays;
mod panes;
mod party_rules;
mod ports;
mod prefills;
mod read_only_hints;
mod record;
mod record_drafts;
mod record_steps;
mod rescreen_view;
mod review_hq;
mod review_record;
mod review_stats;
mod reviews;
mod safety;
mod send_back;
mod shipments_count;
mod shipments_verdicts;
mod slips;
mod sync;
mod sync_queue;
mod sync_sealed;
mod sync_worlds;
mod training;
mod unlock;
