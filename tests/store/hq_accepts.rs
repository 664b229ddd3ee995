//! What headquarters accepts is what a field device may say (issue 15 items 4 and 6): a
//! validly signed bundle whose record claims a draft state, another device, a headquarters
//! supervisor as its officer, or an implausible fact is refused naming the record and the
//! rule, and headquarters is unchanged. The bundles are made by the laptop's own export
//! after its outbox was rewritten behind its triggers (as someone holding the file and its
//! signing seed could), so they are signed exactly as the laptop signs.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::DbKind;
use minspect::store::Store;
use minspect::store::chain::chain_hash;
use minspect::sync::ExportOutcome;
use serde_json::Value;
use tempfile::TempDir;

use crate::support::sync_flow::{db, pair};
use crate::support::{count, example, pack, raw};

pub struct Pair {
    pub dir: TempDir,
    pub hq: Store,
    pub laptop: Store,
}

/// A paired headquarters and laptop; the laptop holds the example record finalized
/// (seq 1) and, when `custody`, its two custody transfers (seq 2 and 3).
pub fn pair_with_record(custody: bool) -> Pair {
    let dir = TempDir::new().unwrap();
    let mut hq = db(dir.path(), "hq", DbKind::Hq);
    let mut laptop = db(dir.path(), "laptop", DbKind::Field);
    pair(&mut hq, &mut laptop);
    let mut record = example();
    if !custody {
        record.seizures[0].custody.clear();
    }
    laptop
        .records_mut()
        .import_record(&record, true, &pack())
        .unwrap();
    Pair { dir, hq, laptop }
}

/// Rewrites the payload of the laptop's last record `seq` with `change`, and its hash, as
/// its export will sign it.
pub fn forge(laptop: &Store, seq: i64, change: impl FnOnce(&mut Value)) {
    let payload = raw(
        laptop,
        &format!("SELECT payload FROM outbox_payloads WHERE seq = {seq}"),
    )
    .unwrap();
    let mut v: Value = serde_json::from_str(&payload).unwrap();
    change(&mut v);
    let text = serde_json::to_string(&v).unwrap();
    let prev = raw(
        laptop,
        &format!("SELECT prev_hash FROM outbox WHERE seq = {seq}"),
    )
    .unwrap();
    let hash = chain_hash(&prev, &text);
    for sql in [
        "DROP TRIGGER IF EXISTS outbox_immutable".to_string(),
        "DROP TRIGGER IF EXISTS outbox_payloads_immutable".into(),
        format!(
            "UPDATE outbox_payloads SET payload = '{}' WHERE seq = {seq}",
            text.replace('\'', "''")
        ),
        format!("UPDATE outbox SET hash = '{hash}' WHERE seq = {seq}"),
    ] {
        laptop.execute_raw_for_tests(&sql).unwrap();
    }
}

/// Exports the laptop's bundle.
pub fn bundle(p: &mut Pair) -> PathBuf {
    let usb = p.dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    match minspect::sync::export_bundle(&mut p.laptop, &usb).unwrap() {
        ExportOutcome::Written(r) => r.path,
        other => panic!("export: {other:?}"),
    }
}

/// Imports `bundle` at headquarters, expecting a refusal naming every `needle`; checks
/// that nothing changed.
fn refused(p: &mut Pair, bundle: &Path, needles: &[&str]) {
    let tables = [
        "inspections",
        "shipments",
        "seizures",
        "custody_events",
        "outbox",
        "sync_log",
        "review_desk",
        "officers",
        "audit",
    ];
    let before: Vec<i64> = tables.iter().map(|t| count(&p.hq, t)).collect();
    let e = minspect::sync::import_bundle(&mut p.hq, bundle, None).unwrap_err();
    // in English words, as the CLI prints the refusal
    let err = minspect::i18n::said_or(minspect::domain::Lang::En, e.said(), &e);
    for n in needles {
        assert!(err.contains(n), "{n:?} not in: {err}");
    }
    let after: Vec<i64> = tables.iter().map(|t| count(&p.hq, t)).collect();
    assert_eq!(before, after, "headquarters changed: {err}");
}

#[test]
fn an_honest_bundle_is_accepted() {
    let mut p = pair_with_record(true);
    let b = bundle(&mut p);
    let done = minspect::sync::import_bundle(&mut p.hq, &b, None).unwrap();
    assert_eq!(done.outcome.new_records, 3);
}

#[test]
fn a_record_in_the_draft_state_is_refused() {
    let mut p = pair_with_record(false);
    forge(&p.laptop, 1, |v| v["inspection"]["state"] = "draft".into());
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &[
            "record seq 1",
            "inspection.state",
            "'draft'",
            "finalized records only",
        ],
    );
}

#[test]
fn a_record_claiming_another_device_is_refused() {
    let mut p = pair_with_record(false);
    let hq_device = p.hq.device().local_key().unwrap().device_id;
    forge(&p.laptop, 1, |v| {
        v["inspection"]["device_id"] = hq_device.clone().into()
    });
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &[
            "record seq 1",
            "inspection.device_id",
            &hq_device,
            "its own records",
        ],
    );
}

#[test]
fn a_record_claiming_a_headquarters_supervisor_is_refused() {
    let mut p = pair_with_record(false);
    let supervisor = raw(&p.hq, "SELECT id FROM officers WHERE role = 'supervisor'").unwrap();
    forge(&p.laptop, 1, |v| {
        v["inspection"]["officer_id"] = supervisor.clone().into()
    });
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &[
            "record seq 1",
            "inspection.officer_id",
            &supervisor,
            "headquarters supervisor",
        ],
    );
}

#[test]
fn an_implausible_record_is_refused_naming_the_field() {
    let mut p = pair_with_record(false);
    forge(&p.laptop, 1, |v| {
        v["shipment"]["net_weight_g"] = 9_200_000_000_000_000_i64.into()
    });
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &["record seq 1", "shipment.net_weight_g", "100,000 t"],
    );

    let mut p = pair_with_record(false);
    forge(&p.laptop, 1, |v| {
        v["shipment"]["declared_on"] = "0000-01-01".into()
    });
    let b = bundle(&mut p);
    refused(&mut p, &b, &["record seq 1", "shipment.declared_on"]);

    let mut p = pair_with_record(false);
    forge(&p.laptop, 1, |v| {
        v["seizures"][0]["legal_basis"] = "[\"bi-alloy\"]".into()
    });
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &["record seq 1", "seizures[0].legal_basis", "bi-alloy"],
    );
}

#[test]
fn a_custody_transfer_after_it_was_recorded_is_refused() {
    let mut p = pair_with_record(true);
    forge(&p.laptop, 3, |v| {
        v["custody_event"]["at"] = "2099-01-01T00:00:00Z".into()
    });
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &["record seq 3", "custody_event.at", "in the future"],
    );
}

#[test]
fn a_bundle_whose_officer_list_claims_a_supervisor_is_refused() {
    let mut p = pair_with_record(false);
    p.laptop
        .execute_raw_for_tests("UPDATE officers SET role = 'supervisor'")
        .unwrap();
    let b = bundle(&mut p);
    refused(
        &mut p,
        &b,
        &[
            "record seq 1",
            "inspection.officer_id",
            "headquarters supervisor",
        ],
    );
}
