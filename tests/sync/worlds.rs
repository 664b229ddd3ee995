//! Live and training never mix (DESIGN §5): a training class runs the whole loop against a
//! training headquarters (a trainee's laptop finalizes, exports, the training headquarters
//! trusts and imports, a supervisor decides, the receipt brings the decision back), and
//! every pairing of a live and a training database refuses the other's key, bundle and
//! receipt with a message naming both worlds, changing nothing.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::{Clock, DbKind, Role, World};
use minspect::fixture::scenario::embedded;
use minspect::fixture::training::{TraineeFile, create};
use minspect::store::{Decision, InitOptions, Store, setup_new_database_in};
use minspect::sync::{self, ExportOutcome};

use crate::support::binary::snapshot;
use crate::support::harness::open;
use crate::support::sync_flow::{db, pair, states};

/// A database file and its open store.
pub struct Db {
    pub path: PathBuf,
    pub store: Store,
}

/// A training headquarters, as `minspect training hq` makes it.
pub fn training_hq(dir: &Path) -> Db {
    let path = dir.join("training-hq.db");
    let mut store = open(&path);
    let opts = InitOptions {
        officer_name: "Trainer Wu".into(),
        badge: "TRN-HQ".into(),
        device_name: "training-hq".into(),
        kind: DbKind::Hq,
        role: Role::Supervisor,
    };
    setup_new_database_in(&mut store, &opts, World::Training).unwrap();
    Db { path, store }
}

/// A trainee's laptop, as `minspect training new` makes it.
pub fn trainee(dir: &Path, name: &str) -> Db {
    let path = dir.join(format!("{name}.db"));
    let who = TraineeFile {
        trainee: name.into(),
        badge: format!("TRN-{}", name.to_uppercase()),
        debrief: false,
    };
    create(&path, &who, &embedded().unwrap()[..1], Clock::system()).unwrap();
    Db {
        store: open(&path),
        path,
    }
}

/// A live database of `kind` (Li Wei; headquarters HQ-0417, laptops GZ-0417).
pub fn live(dir: &Path, name: &str, kind: DbKind) -> Db {
    Db {
        store: db(dir, name, kind),
        path: dir.join(format!("{name}.db")),
    }
}

/// The database's key file, written to `dir`.
pub fn key_of(d: &Db, dir: &Path) -> PathBuf {
    let name = d.path.file_stem().unwrap().to_string_lossy().to_string();
    let out = dir.join(format!("{name}.key"));
    sync::export_key(&d.store, Some(&out), true).unwrap();
    out
}

/// A sync error in English words, as the CLI prints it (a message id worded).
pub fn english(e: &sync::SyncError) -> String {
    minspect::i18n::said_or(minspect::domain::Lang::En, e.said(), e)
}

pub fn trust(d: &mut Db, key: &Path) -> Result<(), String> {
    sync::trust_key_file(&mut d.store, key)
        .map(|_| ())
        .map_err(|e| english(&e))
}

/// Exports `d`'s unacknowledged records into `dir`.
pub fn export(d: &mut Db, dir: &Path) -> PathBuf {
    match sync::export_bundle(&mut d.store, dir).unwrap() {
        ExportOutcome::Written(r) => r.path,
        other => panic!("export: {other:?}"),
    }
}

pub fn import(d: &mut Db, bundle: &Path) -> Result<PathBuf, String> {
    sync::import_bundle(&mut d.store, bundle, None)
        .map(|r| r.receipt_path)
        .map_err(|e| english(&e))
}

pub fn ack(d: &mut Db, receipt: &Path) -> Result<(), String> {
    sync::ack_receipt(&mut d.store, receipt)
        .map(|_| ())
        .map_err(|e| english(&e))
}

/// `d` refuses `what` with a message that names both worlds, and nothing in it changed.
pub fn refused_unchanged(d: &mut Db, what: impl FnOnce(&mut Db) -> Result<(), String>) -> String {
    let before = snapshot(&d.path);
    let e = what(d).expect_err("refused");
    assert!(e.contains("world"), "{e}");
    assert!(e.contains("live") && e.contains("training"), "{e}");
    assert_eq!(snapshot(&d.path), before, "{e}: the database changed");
    e
}

fn usb(dir: &Path) -> PathBuf {
    let p = dir.join("usb");
    std::fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn a_class_runs_the_whole_loop_against_the_training_headquarters() {
    let t = tempfile::tempdir().unwrap();
    let (dir, usb) = (t.path(), usb(t.path()));
    let mut hq = training_hq(dir);
    let mut lap = trainee(dir, "ann");
    assert_eq!(hq.store.device().world().unwrap(), World::Training);
    assert_eq!(lap.store.device().world().unwrap(), World::Training);
    trust(&mut hq, &key_of(&lap, dir)).unwrap();
    trust(&mut lap, &key_of(&hq, dir)).unwrap();
    let key = std::fs::read_to_string(key_of(&lap, dir)).unwrap();
    assert!(key.contains("\"version\": 2") && key.contains("\"world\": \"training\""));

    let made = lap.store.test_support_finalize_samples(2).unwrap();
    let bundle = export(&mut lap, &usb);
    let header = std::fs::read_to_string(&bundle).unwrap();
    let header = header.lines().next().unwrap().to_string();
    assert!(
        header.contains("\"version\":2,\"world\":\"training\"")
            && header.contains("\"sealed\":true,\"seal\":{"),
        "{header}"
    );
    let r1 = import(&mut hq, &bundle).unwrap();
    assert!(
        std::fs::read_to_string(&r1)
            .unwrap()
            .contains("\"world\":\"training\"")
    );
    ack(&mut lap, &r1).unwrap();
    assert_eq!(states(&lap.store), ["acknowledged"; 2]);

    // a trainee supervisor returns the first inspection at the review desk
    hq.store
        .hq_mut()
        .record_review(&made[0].inspection_id, Decision::Returned, "weigh it again")
        .unwrap();
    lap.store.test_support_finalize_samples(1).unwrap();
    let r2 = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    ack(&mut lap, &r2).unwrap();
    assert_eq!(states(&lap.store), ["acknowledged"; 3]);
    let reviews = lap.store.hq().recent_reviews(10).unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0].inspection_id, made[0].inspection_id);
    assert_eq!(reviews[0].decision, Decision::Returned);
    assert_eq!(reviews[0].comment, "weigh it again");
}

#[test]
fn live_and_training_refuse_each_others_keys() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (mut thq, mut lap) = (training_hq(dir), trainee(dir, "ann"));
    let (mut lhq, mut field) = (
        live(dir, "hq", DbKind::Hq),
        live(dir, "laptop", DbKind::Field),
    );
    let (k_thq, k_lap) = (key_of(&thq, dir), key_of(&lap, dir));
    let (k_lhq, k_field) = (key_of(&lhq, dir), key_of(&field, dir));
    let e = refused_unchanged(&mut lhq, |d| trust(d, &k_lap));
    assert!(e.contains("this is a live headquarters"), "{e}");
    assert!(e.contains("a training laptop ('training-ann')"), "{e}");
    let e = refused_unchanged(&mut field, |d| trust(d, &k_thq));
    assert!(e.contains("a live field device") && e.contains("a training headquarters"));
    let e = refused_unchanged(&mut thq, |d| trust(d, &k_field));
    assert!(e.contains("this is a training headquarters"), "{e}");
    let e = refused_unchanged(&mut lap, |d| trust(d, &k_lhq));
    assert!(e.contains("this is a training laptop") && e.contains("a live headquarters"));
    // within one world, the kinds still pair as before
    trust(&mut thq, &k_lap).unwrap();
    trust(&mut lap, &k_thq).unwrap();
    let e = trust(&mut thq, &k_thq).unwrap_err();
    assert!(
        e.contains("kind: a training headquarters trusts training keys only"),
        "{e}"
    );
}

#[test]
fn live_and_training_refuse_each_others_bundles() {
    let t = tempfile::tempdir().unwrap();
    let (dir, usb) = (t.path(), usb(t.path()));
    let (mut thq, mut lap) = (training_hq(dir), trainee(dir, "ann"));
    let (mut lhq, mut field) = (
        live(dir, "hq", DbKind::Hq),
        live(dir, "laptop", DbKind::Field),
    );
    pair(&mut lhq.store, &mut field.store);
    lap.store.test_support_finalize_samples(1).unwrap();
    field.store.test_support_finalize_samples(1).unwrap();
    let (training_bundle, live_bundle) = (export(&mut lap, &usb), export(&mut field, &usb));
    let e = refused_unchanged(&mut lhq, |d| import(d, &training_bundle).map(|_| ()));
    assert!(
        e.contains("the bundle is of the training world") && e.contains("of the live world"),
        "{e}"
    );
    let e = refused_unchanged(&mut thq, |d| import(d, &live_bundle).map(|_| ()));
    assert!(e.contains("the bundle is of the live world"), "{e}");
    // no receipt was written for either
    let receipts = std::fs::read_dir(&usb)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "receipt")
        .count();
    assert_eq!(receipts, 0);
}

#[test]
fn live_and_training_refuse_each_others_receipts() {
    let t = tempfile::tempdir().unwrap();
    let (dir, usb) = (t.path(), usb(t.path()));
    let (mut thq, mut lap) = (training_hq(dir), trainee(dir, "ann"));
    let (mut lhq, mut field) = (
        live(dir, "hq", DbKind::Hq),
        live(dir, "laptop", DbKind::Field),
    );
    pair(&mut lhq.store, &mut field.store);
    trust(&mut thq, &key_of(&lap, dir)).unwrap();
    trust(&mut lap, &key_of(&thq, dir)).unwrap();
    lap.store.test_support_finalize_samples(1).unwrap();
    field.store.test_support_finalize_samples(1).unwrap();
    let training_receipt = import(&mut thq, &export(&mut lap, &usb)).unwrap();
    let live_receipt = import(&mut lhq, &export(&mut field, &usb)).unwrap();
    let e = refused_unchanged(&mut field, |d| ack(d, &training_receipt));
    assert!(
        e.contains("the receipt is from a training headquarters ('training-hq')")
            && e.contains("of the live world"),
        "{e}"
    );
    let e = refused_unchanged(&mut lap, |d| ack(d, &live_receipt));
    assert!(e.contains("the receipt is from a live headquarters"), "{e}");
    assert_eq!(states(&lap.store), ["sent"]);
    assert_eq!(states(&field.store), ["sent"]);
    // each acknowledges its own world's receipt
    ack(&mut lap, &training_receipt).unwrap();
    ack(&mut field, &live_receipt).unwrap();
}
