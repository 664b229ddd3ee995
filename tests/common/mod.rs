#![allow(dead_code)]
//! Shared test helpers: in-process App driving, and a real-terminal harness.

pub mod flow;
