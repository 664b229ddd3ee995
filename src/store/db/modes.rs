//! File modes at creation: a database file (SQLite gives its -wal and -shm the same mode),
//! its parameter sidecar and key files are created 0600, or 0660 for a headquarters group,
//! whatever the umask: the mode is set on the open file right after creating it.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::store::{Result, StoreError};

/// Owner only.
pub const PRIVATE: u32 = 0o600;
/// Owner and group (a headquarters file shared by the supervisors' group).
pub const GROUP: u32 = 0o660;

fn io(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Cipher(format!("{}: {e}", path.display()))
}

/// Creates `path` (it must not exist) with `mode` and writes `bytes`, fsynced.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(|e| io(path, e))?;
    // the umask may have taken bits away (0660 under 022): set the mode itself
    f.set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| io(path, e))?;
    f.write_all(bytes).map_err(|e| io(path, e))?;
    f.sync_all().map_err(|e| io(path, e))
}

/// Creates an empty database file with `mode` when none exists (SQLite then opens it and
/// gives the side files it creates the same mode).
pub fn create_database_file(path: &Path, mode: u32) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    write_new(path, &[], mode)
}

/// Gives `path` to group `gid` (the creating user must belong to it).
pub fn chown_group(path: &Path, gid: u32) -> Result<()> {
    std::os::unix::fs::chown(path, None, Some(gid)).map_err(|e| io(path, e))
}

/// The id of group `name`, or None when there is no such group.
pub fn group_id(name: &str) -> Option<u32> {
    let c = std::ffi::CString::new(name).ok()?;
    // SAFETY: getgrnam reads a NUL-terminated name; the returned record (static storage)
    // is read at once, before any other call that could overwrite it.
    let g = unsafe { libc::getgrnam(c.as_ptr()) };
    if g.is_null() {
        return None;
    }
    // SAFETY: g is non-null and points at a valid group record (above).
    Some(unsafe { (*g).gr_gid })
}
