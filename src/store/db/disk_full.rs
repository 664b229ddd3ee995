//! A full disk, told as such: SQLite reports it as SQLITE_FULL, or as an I/O error
//! (SQLITE_IOERR, or a journal it cannot open) whose system error is ENOSPC; either way
//! the user is told "disk full", not "disk I/O error". And SQLite's own read-only refusal
//! (a file or directory it may not write) is a refusal like `--read-only`.

use rusqlite::{Connection, ErrorCode};

use crate::store::StoreError;

/// Whether `err`, with the connection's last system error `errno`, means the disk is full.
pub(crate) fn is_disk_full(err: &rusqlite::Error, errno: i32) -> bool {
    match err {
        rusqlite::Error::SqliteFailure(e, _) => match e.code {
            ErrorCode::DiskFull => true,
            ErrorCode::SystemIoFailure | ErrorCode::CannotOpen => errno == libc::ENOSPC,
            _ => false,
        },
        _ => false,
    }
}

/// The last system error (errno) SQLite saw on `conn`.
fn system_errno(conn: &Connection) -> i32 {
    // SAFETY: the handle is the open connection's own, valid while `conn` lives;
    // sqlite3_system_errno only reads a field of it.
    unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) }
}

/// `e`, told as [`StoreError::DiskFull`] when it means the disk is full.
pub(crate) fn classify(conn: &Connection, e: StoreError) -> StoreError {
    match e {
        StoreError::Sqlite { doing, source } if is_disk_full(&source, system_errno(conn)) => {
            StoreError::DiskFull { doing }
        }
        other => other,
    }
}

impl StoreError {
    /// SQLite refused to write because the file (or its directory) is read-only.
    pub fn is_read_only_refusal(&self) -> bool {
        matches!(self, StoreError::Sqlite { source: rusqlite::Error::SqliteFailure(e, _), .. }
            if e.code == ErrorCode::ReadOnly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn full_and_io_errors_with_enospc_are_a_full_disk() {
        assert!(is_disk_full(&failure(rusqlite::ffi::SQLITE_FULL), 0));
        assert!(is_disk_full(
            &failure(rusqlite::ffi::SQLITE_IOERR_WRITE),
            libc::ENOSPC
        ));
        assert!(is_disk_full(
            &failure(rusqlite::ffi::SQLITE_IOERR_FSYNC),
            libc::ENOSPC
        ));
        assert!(is_disk_full(
            &failure(rusqlite::ffi::SQLITE_CANTOPEN),
            libc::ENOSPC
        ));
        assert!(!is_disk_full(
            &failure(rusqlite::ffi::SQLITE_IOERR_WRITE),
            libc::EIO
        ));
        assert!(!is_disk_full(
            &failure(rusqlite::ffi::SQLITE_BUSY),
            libc::ENOSPC
        ));
    }

    #[test]
    fn a_full_disk_says_so() {
        let conn = Connection::open_in_memory().unwrap();
        let e = classify(
            &conn,
            StoreError::Sqlite {
                doing: "committing the record".into(),
                source: failure(rusqlite::ffi::SQLITE_FULL),
            },
        );
        assert!(e.to_string().starts_with("disk full:"), "{e}");
        assert!(e.to_string().contains("committing the record"), "{e}");
    }
}
