//! Integration tests: field-to-headquarters sync: round trips, partial and refused bundles, streaming, receipts, reviews shown on the laptop, live and training worlds, format version 1 and 2.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod attachments;
mod format_v1;
mod header_bytes;
mod hq_fill;
mod packs;
mod partials;
mod receipt;
mod refusals;
mod reviews_shown;
mod round_trips;
mod sealed;
mod sealed_attachments;
mod stolen_usb;
mod stream;
mod worlds;
