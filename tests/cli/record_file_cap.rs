//! A record file is read up to its limit (`MAX_RECORD_FILE_BYTES`), never whole: a file
//! past it, or a device without end, is refused with nothing changed.

use super::record_cli::{counts, minspect, new_db};

#[test]
fn a_file_past_the_limit_and_a_device_without_end_are_refused_unread() {
    let (dir, db) = new_db();
    let before = counts(&db);
    let big = dir.path().join("big.json");
    let cap = minspect::domain::limits::MAX_RECORD_FILE_BYTES as usize;
    std::fs::write(&big, " ".repeat(cap + 1)).unwrap();
    for file in [big.as_path(), std::path::Path::new("/dev/zero")] {
        let out = minspect(&db)
            .args(["record", "import"])
            .arg(file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", file.display());
        assert!(err.contains("larger than 4 MiB"), "{err}");
    }
    assert_eq!(counts(&db), before);
}
