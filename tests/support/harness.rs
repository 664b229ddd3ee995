//! The one place tests open a database (file or in-memory, laptop or headquarters) and
//! build a command for the binary, so a passphrase or a language is set here once. Every
//! command pins `MINSPECT_LANG=en` and drops any `MINSPECT_DB` from the environment.

use std::path::Path;

use minspect::store::{KdfParams, NewFile, Passphrase, Store, StoreError, use_passphrase};

/// The binary as cargo built it.
pub const BIN: &str = env!("CARGO_BIN_EXE_minspect");

/// The one passphrase of every encrypted test database.
pub const PASSPHRASE: &str = "test passphrase: nine lead ingots";

/// Environment every run of the binary gets: (name, value); `MINSPECT_DB` is removed. The
/// files the binary creates get the test passphrase and the test argon2id parameters
/// (`KdfParams::TEST`, written into each file's sidecar like any other set).
pub const ENV: &[(&str, &str)] = &[
    ("MINSPECT_LANG", "en"),
    ("MINSPECT_PASSPHRASE", PASSPHRASE),
    ("MINSPECT_KDF", "test"),
];

/// This process opens encrypted files with the test passphrase.
pub fn use_test_passphrase() {
    use_passphrase(Some(Passphrase::new(PASSPHRASE)));
}

/// How a new test file is made: encrypted with the test passphrase and parameters.
pub fn new_file() -> NewFile {
    NewFile {
        passphrase: Some(Passphrase::new(PASSPHRASE)),
        params: KdfParams::TEST,
        group: None,
    }
}

/// Opens (and migrates) a database file; a new one is created encrypted with the test
/// passphrase (the key is derived once per file per process).
pub fn try_open(path: &Path) -> Result<Store, StoreError> {
    use_test_passphrase();
    if !path.exists() {
        return Store::create(path, &new_file());
    }
    Store::open(path)
}

/// A raw rusqlite connection to a database file, keyed with the test passphrase when the
/// file is encrypted (tests that write raw SQL to fake damage or older versions).
pub fn raw_connection(path: &Path) -> rusqlite::Result<rusqlite::Connection> {
    use_test_passphrase();
    let c = rusqlite::Connection::open(path)?;
    minspect::store::parts::key_raw_connection(&c, path).unwrap();
    Ok(c)
}

/// Opens (creating plain) a database file: for tests about a plain file.
pub fn try_open_plain(path: &Path) -> Result<Store, StoreError> {
    use_test_passphrase();
    Store::open(path)
}

/// Opens a database file read-only.
pub fn try_open_read_only(path: &Path) -> Result<Store, StoreError> {
    use_test_passphrase();
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
