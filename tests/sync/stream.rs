//! Streaming import: the bundle is verified (pass 1), then read again inside the write
//! transaction (pass 2). A file changed in between is refused naming the record, with
//! headquarters unchanged even when earlier records were already inserted; a file replaced
//! by rename in between does not matter (the verified file is the one read again).

use std::path::Path;

use crate::sealed::{copy_db, record_id_at, tamper_sealed};
use crate::support::binary::*;
use minspect::sync::import_bundle_with_test_hook;

use crate::worlds::english;

/// Imports `bundle` at `hq`, running `between` between the passes; returns the message.
fn import_with(
    hq: &Path,
    bundle: &Path,
    receipts: &Path,
    between: impl FnOnce(),
) -> Result<String, String> {
    let mut store = crate::support::harness::try_open(hq).unwrap();
    import_bundle_with_test_hook(&mut store, bundle, Some(receipts), between)
        .map(|r| {
            format!(
                "{} new, {} already held",
                r.outcome.new_records, r.outcome.already_held
            )
        })
        .map_err(|e| english(&e))
}

#[test]
fn a_bundle_changed_between_the_passes_is_refused_and_hq_is_unchanged() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, a) = hq_and_laptop(dir);
    add_records(&a, 3);
    let first = export(&a, dir);
    import(&hq, &first, dir); // never acknowledged: the next bundle overlaps seq 1..3
    add_records(&a, 3);
    let second = export(&a, dir);
    let good = std::fs::read_to_string(&second).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    assert_eq!(lines.len(), 1 + 6 + 2);
    let receipts = dir.join("receipts");
    std::fs::create_dir_all(&receipts).unwrap();

    let changed_at = |seq: usize| {
        let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        l[seq] = tamper_sealed(&l[seq]);
        l.join("\n") + "\n"
    };
    let cut_after = |seq: usize| lines[..=seq].join("\n") + "\n";
    let cases = [
        // the last record: seq 4 and 5 are already inserted when it is read
        (changed_at(6), "record seq 6"),
        // a record headquarters already holds
        (changed_at(2), "record seq 2"),
        // cut short, and overwritten in place by the older bundle (sealed with a key of
        // its own: not even its seq 1 is the verified line)
        (cut_after(4), "the file ends before record seq 5"),
        (std::fs::read_to_string(&first).unwrap(), "record seq 1"),
    ];
    for (content, names) in cases {
        let needles = [
            "the file changed after it was verified",
            names,
            "nothing was imported",
        ];
        assert_refused(&hq, &receipts, &needles, || {
            import_with(&hq, &second, &receipts, || {
                std::fs::write(&second, &content).unwrap();
            })
            .unwrap_err()
        });
        std::fs::write(&second, &good).unwrap();
    }
    assert_eq!(count(&hq, "outbox"), 3);

    // replaced by rename: the file already open (and verified) is the one read again
    let other = dir.join("other.bundle");
    std::fs::write(&other, changed_at(5)).unwrap();
    let done = import_with(&hq, &second, &receipts, || {
        std::fs::rename(&other, &second).unwrap();
    })
    .unwrap();
    assert_eq!(done, "3 new, 3 already held");
    assert_same_records(&a, &hq);
    // and the replacement itself is refused on its own
    let err = fails(
        &hq,
        &[
            "sync",
            "import",
            second.to_str().unwrap(),
            "--receipt-out",
            receipts.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("SHA-256") && err.contains("record seq 5"),
        "{err}"
    );
}

#[test]
fn an_overlap_that_differs_from_what_hq_holds_is_refused_and_hq_is_unchanged() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, a) = hq_and_laptop(dir);
    add_records(&a, 2);
    let backup = dir.join("laptop-a-backup.db");
    copy_db(&a, &backup);
    add_records(&a, 1);
    import(&hq, &export(&a, dir), dir); // HQ holds seq 1..3
    // the laptop restored from the backup: seq 3 and 4 are other records than HQ's seq 3
    copy_db(&backup, &a);
    add_records(&a, 2);
    let forked = export(&a, dir);
    let third_id = record_id_at(&a, 3);
    refused(
        &hq,
        &forked,
        dir,
        &[
            "conflict: record seq 3",
            &third_id,
            "differs from the record seq 3 already held",
        ],
    );
}
