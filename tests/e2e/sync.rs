//! The Sync tab in the real binary in a real pseudo-terminal: export two finalized records
//! into a directory through the keys, then check the bundle on disk, the outbox and the
//! status bar; a training database exports too, speaking of the training headquarters.

use crate::support::pty::Tui;
use crate::support::sync_flow::{db, files, states};
use minspect::domain::DbKind;
use minspect_testkit::StoreKit;
use std::time::Duration;

use crate::support::harness::BIN;

fn start(path: &std::path::Path) -> Tui {
    let t = Tui::spawn(&[BIN, "--db", path.to_str().unwrap()], &[], 24, 80);
    t.wait_for("first frame", Duration::from_secs(30), |s| {
        s.contents().contains("4 Sync") && s.contents().contains("pending")
    });
    t
}

#[test]
fn export_through_the_sync_tab_in_a_real_terminal() {
    let t = tempfile::tempdir().unwrap();
    let usb = t.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let path = t.path().join("laptop.db");
    db(t.path(), "laptop", DbKind::Field)
        .test_support_finalize_samples(2)
        .unwrap();
    let mut tui = start(&path);
    // at 80 columns the status bar may shorten "sync 2 pending" to "2 pending"
    tui.wait_text("2 pending");
    tui.send("4");
    tui.wait_text("finalized 2   sent 0   acknowledged 0");
    tui.send("e");
    tui.wait_text("Export to headquarters");
    tui.send("\x15"); // Ctrl-U clears the offered directory
    tui.send(usb.to_str().unwrap());
    tui.send("\r");
    tui.wait_text("They are marked sent");
    assert!(files(&usb, "bundle").is_empty(), "nothing before the yes");
    tui.send("y");
    tui.wait_text("exported 2 records (seq 1..2)");
    tui.wait_text("finalized 0   sent 2   acknowledged 0");
    assert!(tui.text().contains(" 2 pending"), "{}", tui.text());
    tui.send("q");
    let st = tui.wait_exit(Duration::from_secs(30));
    assert!(st.success(), "{st:?}");
    assert_eq!(files(&usb, "bundle").len(), 1);
    let store = crate::support::harness::try_open(&path).unwrap();
    assert_eq!(states(&store), ["sent"; 2]);
}

#[test]
fn a_training_database_exports_to_the_training_headquarters_in_a_real_terminal() {
    let t = tempfile::tempdir().unwrap();
    let usb = t.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let path = t.path().join("training.db");
    db(t.path(), "training", DbKind::Training)
        .test_support_finalize_samples(1)
        .unwrap();
    let mut tui = start(&path);
    tui.send("4");
    tui.wait_text("TRAINING laptop · waiting for the training headquarters: 1");
    assert!(
        !tui.text().contains("waiting for headquarters"),
        "{}",
        tui.text()
    );
    tui.send("e");
    tui.wait_text("Export to the training headquarters");
    tui.send("\x15"); // Ctrl-U clears the offered directory
    tui.send(usb.to_str().unwrap());
    tui.send("\r");
    tui.wait_text("They are marked sent");
    tui.send("y");
    tui.wait_text("exported 1 record (seq 1..1)");
    tui.send("q");
    assert!(tui.wait_exit(Duration::from_secs(30)).success());
    assert_eq!(files(&usb, "bundle").len(), 1);
    let store = crate::support::harness::try_open(&path).unwrap();
    assert_eq!(states(&store), ["sent"]);
}
