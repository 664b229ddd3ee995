//! The one place tests open a database (file or in-memory, laptop or headquarters) and
//! build a command for the binary, so a passphrase or a language is set here once. Every
//! command pins `MINSPECT_LANG=en` and drops any `MINSPECT_DB` from the environment.

use std::path::Path;

use minspect::store::{Store, StoreError};

/// The binary as cargo built it.
pub const BIN: &str = env!("CARGO_BIN_EXE_minspect");

/// Environment every run of the binary gets: (name, value); `MINSPECT_DB` is removed.
pub const ENV: &[(&str, &str)] = &[("MINSPECT_LANG", "en")];

/// Opens (and migrates) a database file.
pub fn try_open(path: &Path) -> Result<Store, StoreError> {
    Store::open(path)
}

/// Opens a database file read-only.
pub fn try_open_read_only(path: &Path) -> Result<Store, StoreError> {
    Store::open_read_only(path)
}

/// A new in-memory database.
pub fn try_open_in_memory() -> Result<Store, StoreError> {
    Store::open_in_memory()
}

pub fn open(path: &Path) -> Store {
    try_open(path).unwrap()
}

pub fn open_read_only(path: &Path) -> Store {
    try_open_read_only(path).unwrap()
}

pub fn open_in_memory() -> Store {
    try_open_in_memory().unwrap()
}

/// The binary for assertions (`assert_cmd`).
pub fn minspect() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(BIN);
    c.envs(ENV.iter().copied()).env_remove("MINSPECT_DB");
    c
}

/// The binary as a plain process (to spawn, kill or run as another user).
pub fn minspect_std() -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    c.envs(ENV.iter().copied()).env_remove("MINSPECT_DB");
    c
}
