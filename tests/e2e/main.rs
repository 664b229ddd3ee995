//! Integration tests: end to end: the real binary in a pseudo-terminal, locally and over SSH.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod language;
mod pty;
mod record;
mod review_soak;
mod review_ssh;
mod sync;
mod training;
mod typing;
mod unlock;
