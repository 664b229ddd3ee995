//! Format version 1 still reads, as the live world: key files, a bundle and a receipt that
//! the version-1 code wrote (checked in under tests/fixtures/sync-v1/: a laptop's and a
//! headquarters' key files, the laptop's bundle of 3 records, headquarters' receipt), and
//! a receipt in the version-1 layout acknowledged on a laptop. A training database
//! refuses all of them as live.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::{DbKind, World};
use minspect::store::TrustOutcome;
use minspect::sync::keys::{sign_hex, signing_key};
use minspect::sync::receipt;
use serde_json::Value;

use super::worlds::{Db, ack, export, import, live, refused_unchanged, training_hq, trust};
use crate::support::sync_flow::{pair, states};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sync-v1")
        .join(name)
}

/// The fixture copied into `dir` (an import writes its receipt beside the bundle).
fn copied(dir: &Path, name: &str) -> PathBuf {
    let to = dir.join(name);
    std::fs::copy(fixture(name), &to).unwrap();
    to
}

#[test]
fn a_live_headquarters_trusts_a_version_1_key_and_imports_its_bundle_as_live() {
    let t = tempfile::tempdir().unwrap();
    let mut hq = live(t.path(), "hq", DbKind::Hq);
    trust(&mut hq, &fixture("field-key.json")).unwrap();
    let dev = hq
        .store
        .device()
        .devices()
        .unwrap()
        .into_iter()
        .find(|d| d.name == "laptop-v1")
        .unwrap();
    assert_eq!((dev.kind, dev.world), (DbKind::Field, World::Live));
    let bundle = copied(t.path(), "laptop-v1.bundle");
    let r = minspect::sync::import_bundle(&mut hq.store, &bundle, None).unwrap();
    assert_eq!((r.outcome.new_records, r.outcome.held_seq), (3, 3));
    // the receipt headquarters writes is of version 2, in the live world
    let text = std::fs::read_to_string(&r.receipt_path).unwrap();
    assert!(
        text.starts_with(
            "{\"receipt\":{\"format\":\"minspect-receipt\",\"version\":2,\"world\":\"live\""
        ),
        "{text}"
    );
    // idempotent, as ever
    let again = minspect::sync::import_bundle(&mut hq.store, &bundle, None).unwrap();
    assert_eq!(
        (again.outcome.new_records, again.outcome.already_held),
        (0, 3)
    );
}

#[test]
fn a_training_headquarters_refuses_version_1_keys_and_bundles_as_live() {
    let t = tempfile::tempdir().unwrap();
    let mut thq = training_hq(t.path());
    let e = refused_unchanged(&mut thq, |d| trust(d, &fixture("field-key.json")));
    assert!(e.contains("a live field device ('laptop-v1')"), "{e}");
    let bundle = copied(t.path(), "laptop-v1.bundle");
    let e = refused_unchanged(&mut thq, |d| import(d, &bundle).map(|_| ()));
    assert!(e.contains("the bundle is of the live world"), "{e}");
}

#[test]
fn a_version_1_receipt_verifies_as_live() {
    let kf = minspect::sync::KeyFile::parse(
        &std::fs::read_to_string(fixture("hq-key.json")).unwrap(),
        "hq-key.json",
    )
    .unwrap();
    assert_eq!((kf.version, kf.world()), (1, World::Live));
    let pk = kf.public_key_bytes().unwrap();
    let bytes = std::fs::read(fixture("laptop-v1.receipt")).unwrap();
    let r = receipt::verify(&bytes, World::Live, |id| {
        Ok((id == kf.device_id).then_some(pk))
    })
    .unwrap();
    assert_eq!((r.version, r.world(), r.held_seq), (1, World::Live, 3));
    let e = receipt::verify(&bytes, World::Training, |_| Ok(Some(pk)))
        .unwrap_err()
        .to_string();
    assert!(e.contains("from a live headquarters ('hq-v1')"), "{e}");
}

/// `receipt` rewritten by `edit` (its first line) and signed again with `hq`'s key.
fn resigned(hq: &Db, receipt: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let text = std::fs::read_to_string(receipt).unwrap();
    let mut v: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    edit(&mut v["receipt"]);
    let line = v.to_string();
    let local = hq.store.device().local_key().unwrap();
    let sig = serde_json::json!({"signature": {"alg": "ed25519", "signer": local.device_id,
        "value": sign_hex(&signing_key(&local), line.as_bytes())}});
    let out = receipt.with_extension("edited.receipt");
    std::fs::write(&out, format!("{line}\n{sig}\n")).unwrap();
    out
}

#[test]
fn a_laptop_acknowledges_a_receipt_in_the_version_1_layout() {
    let t = tempfile::tempdir().unwrap();
    let usb = t.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut hq, mut lap) = (
        live(t.path(), "hq", DbKind::Hq),
        live(t.path(), "laptop", DbKind::Field),
    );
    pair(&mut hq.store, &mut lap.store);
    lap.store.test_support_finalize_samples(2).unwrap();
    let r = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    // version 2 must name its world
    let no_world = resigned(&hq, &r, |v| {
        v.as_object_mut().unwrap().remove("world");
    });
    let e = ack(&mut lap, &no_world).unwrap_err();
    assert!(e.contains("world missing"), "{e}");
    assert_eq!(states(&lap.store), ["sent"; 2]);
    // version 1 had none, and is live
    let v1 = resigned(&hq, &r, |v| {
        v.as_object_mut().unwrap().remove("world");
        v["version"] = 1.into();
    });
    ack(&mut lap, &v1).unwrap();
    assert_eq!(states(&lap.store), ["acknowledged"; 2]);
}

#[test]
fn a_version_1_key_already_trusted_is_upgraded_by_the_same_key_in_version_2() {
    let t = tempfile::tempdir().unwrap();
    let (mut hq, lap) = (
        live(t.path(), "hq", DbKind::Hq),
        live(t.path(), "laptop", DbKind::Field),
    );
    let v2 = t.path().join("laptop.key");
    minspect::sync::export_key(&lap.store, Some(&v2), false).unwrap();
    let text = std::fs::read_to_string(&v2).unwrap();
    assert!(text.contains("\"world\": \"live\""), "{text}");
    let v1 = t.path().join("laptop-v1.key");
    let old = text
        .replace("\"version\": 2", "\"version\": 1")
        .replace("  \"world\": \"live\",\n", "");
    std::fs::write(&v1, old).unwrap();
    let (_, first) = minspect::sync::trust_key_file(&mut hq.store, &v1).unwrap();
    let (_, then) = minspect::sync::trust_key_file(&mut hq.store, &v2).unwrap();
    assert_eq!(
        (first, then),
        (TrustOutcome::Added, TrustOutcome::AlreadyTrusted)
    );
    // a version-2 key file without its world is not one
    let bad = t.path().join("bad.key");
    std::fs::write(&bad, text.replace("  \"world\": \"live\",\n", "")).unwrap();
    let e = trust(&mut hq, &bad).unwrap_err();
    assert!(e.contains("world: missing"), "{e}");
}
