//! Integration tests: the command line: commands, record import/export, officers and their bootstrap.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[allow(dead_code)]
#[path = "../support/mod.rs"]
mod support;

mod attach_cli;
mod commands;
mod db_encrypt;
mod disk_full;
mod encryption;
mod engine_zh;
mod errors_zh;
mod file_modes;
mod language;
mod officer_bootstrap;
mod officer_cli;
mod packs_cli;
mod party_cli;
mod party_group_cli;
mod problems_zh;
mod readme_table;
mod record_cli;
mod record_file_cap;
mod report_cli;
mod review_cli;
mod rules_cli;
mod safety_cli;
mod seal_cli;
mod training_cli;
mod world_cli;
