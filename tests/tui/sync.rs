//! The Sync tab through keys on real database files (WAL): a field device and a
//! headquarters (init --hq semantics) that trust each other through the store API.
//! Export and acknowledge go through the tab; headquarters imports through the sync API
//! (and, in its own test, through the tab). Outbox states, the counts on screen and the
//! status bar's pending count are asserted; snapshots at 80x24 and 120x40.

use crate::support::flow::*;
use crate::support::sync_flow::*;
use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::DbKind;
use minspect::store::{Decision, Store};
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::{Context, Key};
use minspect::tui::screens::Tab;
use minspect::tui::screens::sync::Mode;
use minspect::tui::widgets::help::HelpState;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A snapshot of the screen with ids, times and the temp dir masked.
fn snap(base: &str, a: &minspect::tui::app::App, tmp: &std::path::Path) {
    insta::assert_snapshot!(snap_name(base, a), redacted(a, tmp));
}

/// The Sync tab of a laptop with three finalized records queued, the first `first`.
fn three_queued_on_the_sync_tab(a: &mut App, s: &mut Store, first: &str, tmp: &Path) {
    keys(a, s, "4");
    assert_eq!(a.tab, Tab::Sync);
    assert_eq!(a.context(), Context::Sync);
    let text = screen_text(a);
    assert!(
        text.contains("finalized 3   sent 0   acknowledged 0"),
        "{text}"
    );
    assert!(
        text.contains("waiting for headquarters: 3 (oldest "),
        "{text}"
    );
    assert!(text.contains("Queued for headquarters (3)"), "{text}");
    assert!(text.contains("last export   never"), "{text}");
    assert!(text.contains("sync 3 pending"), "{text}");
    // each record by its declaration number; its id whole where there is room
    assert!(text.contains("DEC-00000000"), "{text}");
    assert_eq!(text.contains(first), a.size.0 >= 120, "{text}");
    snap("sync_start", a, tmp);
}

/// Export: a directory prompt, then a confirm modal holding the write; after the yes one
/// bundle in `usb`, the three records sent and still pending. Returns the bundles.
fn export_through_the_tab(a: &mut App, s: &mut Store, usb: &Path, tmp: &Path) -> Vec<PathBuf> {
    keys(a, s, "e");
    enter_path(a, s, usb);
    assert_eq!(a.context(), Context::Confirm);
    assert!(matches!(
        &a.overlay,
        Some(minspect::tui::app::Overlay::Confirm(_))
    ));
    snap("sync_export_confirm", a, tmp);
    assert!(files(usb, "bundle").is_empty(), "nothing before the yes");
    assert_eq!(states(s), ["finalized"; 3]);
    keys(a, s, "y");
    let bundles = files(usb, "bundle");
    assert_eq!(bundles.len(), 1, "{bundles:?}");
    assert_eq!(states(s), ["sent"; 3]);
    let text = screen_text(a);
    assert!(
        text.contains("finalized 0   sent 3   acknowledged 0"),
        "{text}"
    );
    assert!(text.contains("exported 3 records (seq 1..3)"), "{text}");
    assert!(
        text.contains("sync 3 pending"),
        "sent is still pending: {text}"
    );
    assert_eq!(a.status.pending_sync, 3);
    bundles
}

#[test]
fn export_import_at_hq_and_acknowledge_through_the_sync_tab() {
    for (w, h) in SIZES {
        let t = tempfile::tempdir().unwrap();
        let (usb, receipts) = (t.path().join("usb"), t.path().join("receipts"));
        std::fs::create_dir_all(&usb).unwrap();
        std::fs::create_dir_all(&receipts).unwrap();
        let mut hq = db(t.path(), "hq", DbKind::Hq);
        let mut s = db(t.path(), "laptop", DbKind::Field);
        pair(&mut hq, &mut s);
        let made = s.test_support_finalize_samples(3).unwrap();
        let mut a = app(&mut s, w, h);
        assert_eq!(a.status.pending_sync, 3);

        three_queued_on_the_sync_tab(&mut a, &mut s, &made[0].inspection_id, t.path());

        let bundles = export_through_the_tab(&mut a, &mut s, &usb, t.path());

        // headquarters imports through the sync API and returns one inspection
        let r = minspect::sync::import_bundle(&mut hq, &bundles[0], Some(&receipts)).unwrap();
        assert_eq!(r.outcome.new_records, 3);
        assert_eq!(hq.chain().sync_status().unwrap().counts.received, 3);

        // acknowledge: the prompt offers the export directory; give the receipt
        keys(&mut a, &mut s, "a");
        match &a.screens.sync.mode {
            Mode::Prompt { input, .. } => {
                assert_eq!(input.text(), format!("{}/", usb.display()))
            }
            m => panic!("{m:?}"),
        }
        enter_path(&mut a, &mut s, &r.receipt_path);
        assert_eq!(states(&s), ["sent"; 3], "nothing before the yes");
        keys(&mut a, &mut s, "y");
        assert_eq!(states(&s), ["acknowledged"; 3]);
        assert_eq!(a.status.pending_sync, 0);
        let text = screen_text(&a);
        assert!(
            text.contains("finalized 0   sent 0   acknowledged 3"),
            "{text}"
        );
        assert!(text.contains("acknowledged 3 records,"), "{text}");
        assert!(text.contains("sync 0 pending"), "{text}");
        assert!(text.contains("Nothing is waiting"), "{text}");

        // a second round brings back a review decision made at headquarters
        hq.hq_mut()
            .record_review(
                &made[1].inspection_id,
                Decision::Returned,
                "re-measure the density",
            )
            .unwrap();
        s.test_support_finalize_samples(1).unwrap();
        keys(&mut a, &mut s, "r");
        assert_eq!(a.status.pending_sync, 1, "refresh re-reads the count");
        keys(&mut a, &mut s, "e");
        enter_path(&mut a, &mut s, &usb);
        keys(&mut a, &mut s, "y");
        let bundle2 = files(&usb, "bundle")
            .into_iter()
            .find(|p| *p != bundles[0])
            .unwrap();
        let r2 = minspect::sync::import_bundle(&mut hq, &bundle2, Some(&receipts)).unwrap();
        assert_eq!(r2.reviews_delivered, 1);
        keys(&mut a, &mut s, "a");
        enter_path(&mut a, &mut s, &r2.receipt_path);
        keys(&mut a, &mut s, "y");
        assert_eq!(states(&s), ["acknowledged"; 4]);
        assert_eq!(a.status.pending_sync, 0);
        let text = screen_text(&a);
        assert!(text.contains("1 new review decision "), "{text}");
        assert!(
            text.contains("Review decisions from headquarters (1 in all)"),
            "{text}"
        );
        assert!(text.contains("returned"), "{text}");
        assert!(text.contains("re-measure the density"), "{text}");
        snap("sync_acknowledged", &a, t.path());
    }
}

#[test]
fn failures_are_shown_in_plain_words_and_change_nothing() {
    let t = tempfile::tempdir().unwrap();
    let (usb, receipts) = (t.path().join("usb"), t.path().join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&receipts).unwrap();
    let mut hq = db(t.path(), "hq", DbKind::Hq);
    let mut s = db(t.path(), "laptop", DbKind::Field);
    let mut other = db(t.path(), "laptop-b", DbKind::Field);
    pair(&mut hq, &mut s);
    pair(&mut hq, &mut other);
    s.test_support_finalize_samples(2).unwrap();
    other.test_support_finalize_samples(1).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "4");

    // a directory that does not exist: the field is named, the prompt stays open
    keys(&mut a, &mut s, "e");
    enter_path(&mut a, &mut s, &t.path().join("no-such-stick"));
    assert_eq!(a.context(), Context::SyncPrompt);
    let text = screen_text(&a);
    assert!(text.contains("export directory:"), "{text}");
    assert!(text.contains("does not exist"), "{text}");
    // a file is not a directory
    let file = t.path().join("laptop.db");
    enter_path(&mut a, &mut s, &file);
    assert!(screen_text(&a).contains("is a file, not a directory"));
    // Esc cancels; nothing was written
    keys(&mut a, &mut s, "<esc>");
    assert_eq!(a.context(), Context::Sync);
    assert_eq!(states(&s), ["finalized"; 2]);

    // saying no to the confirm modal writes nothing
    keys(&mut a, &mut s, "e");
    enter_path(&mut a, &mut s, &usb);
    keys(&mut a, &mut s, "n");
    assert_eq!(a.context(), Context::Sync);
    assert!(files(&usb, "bundle").is_empty());
    assert_eq!(states(&s), ["finalized"; 2]);

    // a receipt for another device is refused in words; the outbox is unchanged
    let out = match minspect::sync::export_bundle(&mut other, &usb).unwrap() {
        minspect::sync::ExportOutcome::Written(r) => r.path,
        o => panic!("{o:?}"),
    };
    let wrong = minspect::sync::import_bundle(&mut hq, &out, Some(&receipts)).unwrap();
    keys(&mut a, &mut s, "a");
    enter_path(&mut a, &mut s, &wrong.receipt_path);
    keys(&mut a, &mut s, "y");
    let text = screen_text(&a);
    let other_id = other.device().local_key().unwrap().device_id;
    assert!(
        text.contains("wrong device: the receipt is for device"),
        "{text}"
    );
    assert!(
        a.screens.sync.outcome.as_ref().is_some_and(|o| !o.ok
            && o.text
                .contains(&format!("is for device {other_id}, not this one"))),
        "{:?}",
        a.screens.sync.outcome
    );
    assert_eq!(states(&s), ["finalized"; 2]);
    assert_eq!(a.status.pending_sync, 2);
    snap("sync_wrong_receipt", &a, t.path());

    // a receipt path that does not exist
    keys(&mut a, &mut s, "a");
    enter_path(&mut a, &mut s, &receipts.join("missing.receipt"));
    assert!(screen_text(&a).contains("receipt file:"));
    assert!(screen_text(&a).contains("does not exist"));
}

#[test]
fn headquarters_imports_a_bundle_through_the_tab() {
    for (w, h) in SIZES {
        let t = tempfile::tempdir().unwrap();
        let usb = t.path().join("usb");
        std::fs::create_dir_all(&usb).unwrap();
        let mut hq = db(t.path(), "hq", DbKind::Hq);
        let mut field = db(t.path(), "laptop", DbKind::Field);
        pair(&mut hq, &mut field);
        field.test_support_finalize_samples(12).unwrap();
        let bundle = match minspect::sync::export_bundle(&mut field, &usb).unwrap() {
            minspect::sync::ExportOutcome::Written(r) => r.path,
            o => panic!("{o:?}"),
        };
        let mut a = app(&mut hq, w, h);
        keys(&mut a, &mut hq, "4");
        assert_eq!(a.context(), Context::SyncHq);
        assert!(screen_text(&a).contains("Nothing received yet"));
        // export and acknowledge are not keys here
        keys(&mut a, &mut hq, "e");
        assert_eq!(a.screens.sync.mode, Mode::Browse);
        keys(&mut a, &mut hq, "i");
        enter_path(&mut a, &mut hq, &bundle);
        keys(&mut a, &mut hq, "y");
        let text = screen_text(&a);
        assert!(text.contains("imported 12 new records"), "{text}");
        assert!(
            text.contains("received 12 records from 1 devices"),
            "{text}"
        );
        assert!(text.contains("Held for field devices (1)"), "{text}");
        assert_eq!(files(&usb, "receipt").len(), 1);
        assert_eq!(states(&hq), ["received"; 12]);
        snap("sync_hq_imported", &a, t.path());
        // the same bundle again adds nothing
        keys(&mut a, &mut hq, "i");
        enter_path(&mut a, &mut hq, &bundle);
        keys(&mut a, &mut hq, "y");
        assert!(screen_text(&a).contains("imported 0 new records"));
        assert_eq!(states(&hq).len(), 12);
    }
}

#[test]
fn read_only_hides_the_write_actions_from_keys_and_help() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("laptop.db");
    {
        let mut s = db(t.path(), "laptop", DbKind::Field);
        s.test_support_finalize_samples(2).unwrap();
    }
    let mut s = crate::support::harness::try_open_read_only(&path).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "4");
    assert_eq!(a.context(), Context::Sync);
    for (c, action) in [('e', Action::SyncExport), ('a', Action::SyncAck)] {
        assert_eq!(a.keymap.lookup(Context::Sync, Key::ch(c)), None);
        let rows = HelpState::new(Context::Sync, minspect::domain::Lang::En).rows(&a.keymap);
        assert!(rows.iter().all(|r| r.action != action), "{action:?}");
    }
    keys(&mut a, &mut s, "ea");
    assert_eq!(a.screens.sync.mode, Mode::Browse);
    let text = screen_text(&a);
    assert!(text.contains("finalized 2"), "{text}");
    assert!(!text.contains("e export"), "{text}");
    assert!(text.contains("r refresh"), "{text}");
    assert_eq!(states(&s), ["finalized"; 2]);
}

#[test]
fn the_palette_runs_a_sync_action_from_another_tab() {
    let t = tempfile::tempdir().unwrap();
    let mut s = db(t.path(), "laptop", DbKind::Field);
    s.test_support_finalize_samples(1).unwrap();
    let mut a = app(&mut s, 80, 24);
    assert_eq!(a.tab, Tab::Rules);
    keys(&mut a, &mut s, ":sync export<enter>");
    assert_eq!(a.tab, Tab::Sync);
    assert_eq!(a.context(), Context::SyncPrompt);
    // a bad directory is named in the prompt, which stays open
    keys(&mut a, &mut s, "<c-u>");
    keys(
        &mut a,
        &mut s,
        &format!("{}/nowhere<enter>", t.path().display()),
    );
    assert_eq!(a.context(), Context::SyncPrompt);
    snap("sync_prompt_error", &a, t.path());
    keys(&mut a, &mut s, "<c-g>");
    assert_eq!(a.screens.sync.mode, Mode::Browse);
    assert_eq!(states(&s), ["finalized"]);
}
