//! Published, signed rule packs (DESIGN §5): headquarters publishes a pack file, a field
//! laptop installs it only when a trusted headquarters of its own world signed it and it is
//! newer; the next receipt carries the pack and `sync ack` installs it with the
//! acknowledgement, or refuses the whole receipt when the pack is bad. A refusal leaves the
//! laptop exactly as it was.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::DbKind;
use minspect::rules::Facts;
use minspect::store::PackTrust;
use minspect::sync::pack_file;

use super::worlds::{Db, ack, english, export, import, key_of, live, trainee, training_hq, trust};
use crate::support::binary::snapshot;
use crate::support::flow::TEST_PACK;
use crate::support::sync_flow::{pair, states};

/// TEST_PACK as version `version`, written to `dir/name.toml`.
fn pack_toml(dir: &Path, name: &str, version: &str) -> PathBuf {
    let p = dir.join(format!("{name}.toml"));
    let text = TEST_PACK.replacen(
        "version = \"2026.03.1-test\"",
        &format!("version = \"{version}\""),
        1,
    );
    std::fs::write(&p, text).unwrap();
    p
}

/// Headquarters publishes `version`; returns the pack file.
fn publish(hq: &mut Db, dir: &Path, version: &str) -> PathBuf {
    let toml = pack_toml(dir, &format!("pack-{version}"), version);
    pack_file::publish(&mut hq.store, &toml, None).unwrap().path
}

fn active(d: &Db) -> (String, PackTrust) {
    let s = d.store.rules().pack_status().unwrap().unwrap();
    (s.version, s.trust)
}

fn import_pack(d: &mut Db, file: &Path, unsigned: bool) -> Result<(), String> {
    pack_file::import(&mut d.store, file, unsigned, false)
        .map(|_| ())
        .map_err(|e| english(&e))
}

/// `d` refuses with a message containing `says`, and nothing changed.
fn refused(d: &mut Db, says: &str, what: impl FnOnce(&mut Db) -> Result<(), String>) {
    let before = snapshot(&d.path);
    let e = what(d).expect_err("refused");
    assert!(e.contains(says), "expected '{says}': {e}");
    assert_eq!(snapshot(&d.path), before, "{e}: the database changed");
}

fn hq_and_laptop(dir: &Path) -> (Db, Db) {
    let (mut hq, mut lap) = (
        live(dir, "hq", DbKind::Hq),
        live(dir, "laptop", DbKind::Field),
    );
    pair(&mut hq.store, &mut lap.store);
    (hq, lap)
}

#[test]
fn a_published_pack_file_is_installed_signed_and_every_bad_one_refused() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (mut hq, mut lap) = hq_and_laptop(dir);
    let file = publish(&mut hq, dir, "2099.02.1");
    let bytes = std::fs::read(&file).unwrap();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let head = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(head.starts_with("{\"rule_pack\":{\"format\":\"minspect-rule-pack\",\"version\":2,\"world\":\"live\",\"pack_version\":\"2099.02.1\""), "{head}");
    assert!(
        bytes.ends_with(
            std::fs::read(dir.join("pack-2099.02.1.toml"))
                .unwrap()
                .as_slice()
        )
    );
    // headquarters screens with what it published, and says it is signed
    assert_eq!(active(&hq), ("2099.02.1".into(), PackTrust::Signed));

    // refusals: the laptop's pack stays 2026.03.1-test
    let plain = pack_toml(dir, "plain", "2099.03.1");
    refused(&mut lap, "unsigned rule pack", |d| {
        import_pack(d, &plain, false)
    });
    let mut evil = bytes.clone();
    let at = evil.len() - 10;
    evil[at] ^= 0x20;
    let tampered = dir.join("tampered.pack");
    std::fs::write(&tampered, &evil).unwrap();
    refused(&mut lap, "signature check failed", |d| {
        import_pack(d, &tampered, false)
    });
    let mut other = live(dir, "other-hq", DbKind::Hq);
    let stranger = publish(&mut other, dir, "2099.04.1");
    refused(&mut lap, "which this device does not trust", |d| {
        import_pack(d, &stranger, false)
    });
    let mut thq = training_hq(dir);
    let training = publish(&mut thq, dir, "2099.05.1");
    refused(&mut lap, "live and training never mix", |d| {
        import_pack(d, &training, false)
    });
    assert_eq!(active(&lap).0, "2026.03.1-test");

    import_pack(&mut lap, &file, false).unwrap();
    assert_eq!(active(&lap), ("2099.02.1".into(), PackTrust::Signed));
    let s = lap.store.rules().pack_status().unwrap().unwrap();
    assert_eq!(s.signer_name.as_deref(), Some("hq"));
    // the same pack again, and an older one, are refused
    refused(&mut lap, "already installed", |d| {
        import_pack(d, &file, false)
    });
    // --unsigned installs a plain pack, audited and marked unsigned
    import_pack(&mut lap, &plain, true).unwrap();
    assert_eq!(active(&lap), ("2099.03.1".into(), PackTrust::Unsigned));
    refused(
        &mut lap,
        "is older than the installed 2099.03.1 (published 2026-03-15); the installed pack is kept",
        |d| import_pack(d, &file, false),
    );
    let audit = lap.store.test_support_table_json("audit").unwrap();
    assert!(
        audit.iter().any(|r| r["new"]
            .as_str()
            .unwrap_or("")
            .contains("\"trust\":\"unsigned\"")),
        "{audit:?}"
    );
}

#[test]
fn headquarters_refuses_to_publish_an_older_pack_and_a_laptop_publishes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (mut hq, mut lap) = hq_and_laptop(dir);
    let first = publish(&mut hq, dir, "2099.02.1");
    // the same pack again writes the same file
    let again = pack_file::publish(
        &mut hq.store,
        &dir.join("pack-2099.02.1.toml"),
        Some(&dir.join("copy.pack")),
    )
    .unwrap();
    assert!(again.again);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(dir.join("copy.pack")).unwrap()
    );
    let older = pack_toml(dir, "older", "2099.01.9");
    let before = snapshot(&hq.path);
    let e = pack_file::publish(&mut hq.store, &older, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("older than the published 2099.02.1"), "{e}");
    assert_eq!(snapshot(&hq.path), before);
    assert!(!dir.join("minspect-rules-2099.01.9.pack").exists());
    let e = pack_file::publish(&mut lap.store, &older, None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("published at headquarters"), "{e}");
}

#[test]
fn the_next_receipt_carries_a_newer_pack_and_ack_installs_it_with_the_acknowledgement() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let usb = dir.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut hq, mut lap) = hq_and_laptop(dir);
    let file = publish(&mut hq, dir, "2099.02.1");
    lap.store.test_support_finalize_samples(2).unwrap();
    let receipt = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    let bytes = std::fs::read(&receipt).unwrap();
    assert!(
        bytes.ends_with(&std::fs::read(&file).unwrap()),
        "the receipt carries the pack file's bytes"
    );

    // a changed byte in the carried pack refuses the whole receipt
    let mut evil = bytes.clone();
    let at = evil.len() - 5;
    evil[at] ^= 0x01;
    let tampered = usb.join("tampered.receipt");
    std::fs::write(&tampered, &evil).unwrap();
    refused(&mut lap, "missing or altered", |d| ack(d, &tampered));
    assert_eq!(states(&lap.store), ["sent"; 2]);

    ack(&mut lap, &receipt).unwrap();
    assert_eq!(states(&lap.store), ["acknowledged"; 2]);
    assert_eq!(active(&lap), ("2099.02.1".into(), PackTrust::Signed));

    // the laptop now has the newest pack: the next receipt carries none
    lap.store.test_support_finalize_samples(1).unwrap();
    let next = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    assert!(
        !std::fs::read_to_string(&next)
            .unwrap()
            .contains("rule_pack")
    );
    ack(&mut lap, &next).unwrap();
}

#[test]
fn a_receipt_pack_not_newer_than_the_laptops_is_left_out_and_the_receipt_acknowledged() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let usb = dir.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut hq, mut lap) = hq_and_laptop(dir);
    publish(&mut hq, dir, "2099.02.1");
    lap.store.test_support_finalize_samples(1).unwrap();
    let bundle = export(&mut lap, &usb);
    // meanwhile the laptop got a newer pack by hand
    let newer = pack_toml(dir, "newer", "2099.03.1");
    import_pack(&mut lap, &newer, true).unwrap();
    let receipt = import(&mut hq, &bundle).unwrap();
    assert!(
        std::fs::read_to_string(&receipt)
            .unwrap()
            .contains("\"pack_version\":\"2099.02.1\"")
    );
    let r = minspect::sync::ack_receipt(&mut lap.store, &receipt).unwrap();
    assert!(!r.outcome.pack_installed);
    assert_eq!(states(&lap.store), ["acknowledged"]);
    assert_eq!(active(&lap), ("2099.03.1".into(), PackTrust::Unsigned));
}

#[test]
fn a_training_headquarters_pack_travels_to_training_laptops_only() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let usb = dir.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut thq, mut lap) = (training_hq(dir), trainee(dir, "ann"));
    trust(&mut thq, &key_of(&lap, dir)).unwrap();
    trust(&mut lap, &key_of(&thq, dir)).unwrap();
    let file = publish(&mut thq, dir, "2099.02.1");
    let (_, mut field) = hq_and_laptop(
        &std::fs::create_dir_all(dir.join("live"))
            .map(|()| dir.join("live"))
            .unwrap(),
    );
    refused(&mut field, "of the live world", |d| {
        import_pack(d, &file, false)
    });
    lap.store.test_support_finalize_samples(1).unwrap();
    let receipt = import(&mut thq, &export(&mut lap, &usb)).unwrap();
    let text = String::from_utf8_lossy(&std::fs::read(&receipt).unwrap()).into_owned();
    assert!(
        text.contains("\"world\":\"training\",\"pack_version\":\"2099.02.1\""),
        "{text}"
    );
    ack(&mut lap, &receipt).unwrap();
    assert_eq!(active(&lap), ("2099.02.1".into(), PackTrust::Signed));
}

/// TEST_PACK as `version`, its suspension of clause D-US-2 ending on `end`.
fn with_suspension(version: &str, end: &str) -> String {
    TEST_PACK
        .replacen(
            "version = \"2026.03.1-test\"",
            &format!("version = \"{version}\""),
            1,
        )
        .replacen("end = \"2026-11-27\"", &format!("end = \"{end}\""), 1)
}

fn stale_hits(d: &Db) -> usize {
    let pack = d.store.rules().active_pack().unwrap().unwrap();
    let facts = Facts::from_json(r#"{"date":"2027-01-15","hs_code":"8112929010","description":"gallium metal ingots","destination":"US","end_use":"civil","licence_no":""}"#).unwrap();
    minspect::rules::screen(&pack, &facts)
        .hits
        .iter()
        .filter(|h| h.rule_id == "suspension:2024-46:D-US-2")
        .count()
}

#[test]
fn a_lapsed_window_in_the_pack_keeps_saying_so_until_a_newer_pack_arrives() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let usb = dir.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut hq, mut lap) = hq_and_laptop(dir);
    let lapsed = dir.join("lapsed.toml");
    std::fs::write(&lapsed, with_suspension("2099.02.1", "2026-11-27")).unwrap();
    import_pack(&mut lap, &lapsed, true).unwrap();
    assert_eq!(
        stale_hits(&lap),
        1,
        "a suspension that ended before the shipment date"
    );
    // an older receipt without a pack changes nothing about it
    lap.store.test_support_finalize_samples(1).unwrap();
    let r1 = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    ack(&mut lap, &r1).unwrap();
    assert_eq!(stale_hits(&lap), 1);
    // headquarters publishes a pack that knows the suspension was extended
    let newer = dir.join("newer.toml");
    std::fs::write(&newer, with_suspension("2099.03.1", "2027-11-27")).unwrap();
    pack_file::publish(&mut hq.store, &newer, None).unwrap();
    lap.store.test_support_finalize_samples(1).unwrap();
    let r2 = import(&mut hq, &export(&mut lap, &usb)).unwrap();
    ack(&mut lap, &r2).unwrap();
    assert_eq!(active(&lap), ("2099.03.1".into(), PackTrust::Signed));
    assert_eq!(stale_hits(&lap), 0);
}
