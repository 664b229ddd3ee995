//! The Sync tab in the training world: a trainee's laptop exports to the training
//! headquarters through the tab, and both it and the training headquarters speak of the
//! training headquarters and training laptops only, never of the live headquarters.
//! Snapshots at 80x24 and 120x40.

use minspect_testkit::StoreKit;
use std::path::Path;

use crate::support::flow::*;
use crate::support::sync_flow::*;

use minspect::domain::{DbKind, Role, World};
use minspect::store::{InitOptions, Store, setup_new_database_in};
use minspect::tui::keymap::Context;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(base: &str, a: &minspect::tui::app::App, tmp: &Path) {
    insta::assert_snapshot!(snap_name(base, a), redacted(a, tmp));
}

/// A training headquarters file in `dir`, trusting `laptop` and trusted by it.
fn training_hq(dir: &Path, laptop: &mut Store) -> Store {
    let mut hq = crate::support::harness::open(&dir.join("training-hq.db"));
    let opts = InitOptions {
        officer_name: "Trainer Wu".into(),
        badge: "TRN-HQ".into(),
        device_name: "training-hq".into(),
        kind: DbKind::Hq,
        role: Role::Supervisor,
    };
    setup_new_database_in(&mut hq, &opts, World::Training).unwrap();
    let (h, l) = (
        hq.device().local_key().unwrap(),
        laptop.device().local_key().unwrap(),
    );
    hq.device_mut()
        .trust_device_in(&l.device_id, &l.name, l.kind, l.world, l.public_key)
        .unwrap();
    laptop
        .device_mut()
        .trust_device_in(&h.device_id, &h.name, h.kind, h.world, h.public_key)
        .unwrap();
    hq
}

#[test]
fn a_training_laptop_exports_to_the_training_headquarters_through_the_tab() {
    for (w, h) in SIZES {
        let t = tempfile::tempdir().unwrap();
        let usb = t.path().join("usb");
        std::fs::create_dir_all(&usb).unwrap();
        let mut s = db(t.path(), "training", DbKind::Training);
        s.test_support_finalize_samples(2).unwrap();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "4");
        let text = screen_text(&a);
        assert!(
            text.contains("TRAINING laptop · waiting for the training headquarters: 2"),
            "{text}"
        );
        assert!(
            text.contains("Queued for the training headquarters (2)"),
            "{text}"
        );
        assert!(!text.contains("waiting for headquarters"), "{text}");
        assert!(!text.contains("for headquarters"), "{text}");
        keys(&mut a, &mut s, "e");
        assert!(screen_text(&a).contains("Export to the training headquarters"));
        enter_path(&mut a, &mut s, &usb);
        assert_eq!(a.context(), Context::Confirm);
        keys(&mut a, &mut s, "y");
        assert_eq!(files(&usb, "bundle").len(), 1);
        assert_eq!(states(&s), ["sent"; 2]);
        let text = screen_text(&a);
        assert!(
            text.contains("finalized 0   sent 2   acknowledged 0"),
            "{text}"
        );
        assert!(text.contains("exported 2 records (seq 1..2)"), "{text}");
        snap("sync_training_laptop_exported", &a, t.path());
        // and in Chinese, of the training headquarters too
        a.set_lang(minspect::domain::Lang::Zh, &mut s).unwrap();
        let text = screen_text(&a);
        assert!(text.contains("培训笔记本 · 等待培训总部：2"), "{text}");
        assert!(text.contains("待发往培训总部（2）"), "{text}");
    }
}

#[test]
fn the_training_headquarters_holds_training_laptops_records() {
    for (w, h) in SIZES {
        let t = tempfile::tempdir().unwrap();
        let usb = t.path().join("usb");
        std::fs::create_dir_all(&usb).unwrap();
        let mut lap = db(t.path(), "training", DbKind::Training);
        let mut hq = training_hq(t.path(), &mut lap);
        lap.test_support_finalize_samples(3).unwrap();
        let bundle = match minspect::sync::export_bundle(&mut lap, &usb).unwrap() {
            minspect::sync::ExportOutcome::Written(r) => r.path,
            o => panic!("{o:?}"),
        };
        let mut a = app(&mut hq, w, h);
        keys(&mut a, &mut hq, "4");
        assert_eq!(a.context(), Context::SyncHq);
        assert!(screen_text(&a).contains("import a training laptop's bundle"));
        keys(&mut a, &mut hq, "i");
        assert!(screen_text(&a).contains("a training laptop exported"));
        enter_path(&mut a, &mut hq, &bundle);
        keys(&mut a, &mut hq, "y");
        let text = screen_text(&a);
        assert!(text.contains("imported 3 new records"), "{text}");
        assert!(
            text.contains("TRAINING headquarters · received 3 records from 1 laptops"),
            "{text}"
        );
        assert!(text.contains("Held for training laptops (1)"), "{text}");
        assert!(!text.contains("field devices"), "{text}");
        snap("sync_training_hq_imported", &a, t.path());
        // the laptop acknowledges the receipt through its own tab
        let receipt = files(&usb, "receipt").pop().unwrap();
        drop(a);
        let mut b = app(&mut lap, w, h);
        keys(&mut b, &mut lap, "4a");
        assert!(screen_text(&b).contains("the training headquarters wrote for this laptop"));
        enter_path(&mut b, &mut lap, &receipt);
        keys(&mut b, &mut lap, "y");
        assert_eq!(states(&lap), ["acknowledged"; 3]);
        let text = screen_text(&b);
        assert!(
            text.contains("waiting for the training headquarters: 0"),
            "{text}"
        );
        assert!(
            text.contains("the training headquarters acknowledged"),
            "{text}"
        );
    }
}
