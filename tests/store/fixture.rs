//! The fixture generator: deterministic, realistic, a training database; and its CLI.

use crate::support::flow::*;
use minspect::domain::DbKind;
use minspect::domain::credit_code_check_char;
use minspect::fixture::{FixtureOptions, generate, populate};
use minspect::store::Store;
use minspect::store::shipments::{PageFrom, ShipmentFilter};

fn dump(s: &Store) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = PageFrom::Newest;
    loop {
        let page = s
            .query()
            .shipments_page(&ShipmentFilter::default(), &from, 100)
            .unwrap();
        let Some(last) = page.last() else { return out };
        from = PageFrom::OlderThan(last.key());
        for r in page {
            let d = s.query().shipment_detail(&r.id).unwrap().unwrap();
            out.push(format!("{d:?}"));
        }
    }
}

#[test]
fn same_seed_same_database_other_seed_other_database() {
    let dir = tempfile::tempdir().unwrap();
    let gen_into = |name: &str, seed: u64| {
        let p = dir.path().join(name);
        generate(
            &p,
            &FixtureOptions {
                shipments: 400,
                seed,
                batch: 150,
            },
            |_| {},
        )
        .unwrap();
        crate::support::harness::try_open_read_only(&p).unwrap()
    };
    let (a, b, c) = (
        gen_into("a.db", 9),
        gen_into("b.db", 9),
        gen_into("c.db", 10),
    );
    let (da, db, dc) = (dump(&a), dump(&b), dump(&c));
    assert_eq!(da.len(), 400);
    assert_eq!(da, db);
    assert_ne!(da, dc);
    let id = a.db().identity().unwrap().unwrap();
    assert_eq!(id.kind, DbKind::Training);
    assert_eq!(a.integrity_check().unwrap(), Vec::<String>::new());
    // after the bulk load the file is back in WAL and the full-text trigger is in place
    drop(a);
    let mut a = crate::support::harness::try_open(&dir.path().join("a.db")).unwrap();
    let batch = minspect::store::bulk::BulkBatch {
        shipments: vec![minspect::store::bulk::BulkShipment {
            id: "019f0000-0000-7000-8000-00000000abcd".into(),
            declaration_no: "999920260000000001".into(),
            declared_on: "2026-04-30".into(),
            description: "Quixotic widgets".into(),
            end_use: "civil",
            transport_mode: "sea",
            status: "declared",
            created_at: "2026-04-30T08:00:00.000Z".into(),
            ..Default::default()
        }],
        inspections: vec![],
    };
    a.records_mut()
        .bulk_insert(&batch, &id.device_id, &id.officer_id)
        .unwrap();
    let hit = a
        .query()
        .shipments_page(
            &ShipmentFilter::parse("quixotic").unwrap(),
            &PageFrom::Newest,
            5,
        )
        .unwrap();
    assert_eq!(hit.len(), 1);
    assert!(dir.path().join("a.db-wal").exists(), "WAL mode again");
}

#[test]
fn realistic_mix_of_goods_findings_and_credit_codes() {
    let mut s = store();
    let summary = populate(
        &mut s,
        &FixtureOptions {
            shipments: 2000,
            seed: 5,
            batch: 500,
        },
        |_| {},
    )
    .unwrap();
    assert_eq!(summary.shipments, 2000);
    assert!(summary.inspections > 100, "{summary:?}");
    assert!(summary.findings > 20, "{summary:?}");
    let all: Vec<_> = {
        let mut v = Vec::new();
        let mut from = PageFrom::Newest;
        loop {
            let page = s
                .query()
                .shipments_page(&ShipmentFilter::default(), &from, 500)
                .unwrap();
            let Some(last) = page.last() else { break };
            from = PageFrom::OlderThan(last.key());
            v.extend(page);
        }
        v
    };
    let controlled = all.iter().filter(|r| !r.family.is_empty()).count();
    assert!(
        (400..=800).contains(&controlled),
        "controlled share {controlled}/2000"
    );
    let wrong_code = all
        .iter()
        .filter(|r| r.description.ends_with("(ingots)"))
        .count();
    assert!(wrong_code > 20, "{wrong_code}");
    let dests: std::collections::HashSet<_> = all.iter().map(|r| r.destination.clone()).collect();
    assert!(dests.len() > 10);
    for r in all.iter().take(200) {
        let d = s.query().shipment_detail(&r.id).unwrap().unwrap();
        let code = &d.exporter_credit_code;
        assert_eq!(code.len(), 18, "{code}");
        assert_eq!(
            credit_code_check_char(&code[..17]),
            code.chars().last(),
            "{code}"
        );
    }
    // a hidden-content seizure carries its findings
    let seized = ShipmentFilter::parse("status:seized").unwrap();
    let rows = s
        .query()
        .shipments_page(&seized, &PageFrom::Newest, 200)
        .unwrap();
    let with_findings = rows
        .iter()
        .filter(|r| {
            s.query()
                .shipment_detail(&r.id)
                .unwrap()
                .unwrap()
                .findings
                .iter()
                .any(|f| f.kind == "under_declared_content")
        })
        .count();
    assert!(with_findings > 0);
}

#[test]
fn cli_generates_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("class.db");
    let run = |args: &[&str]| {
        crate::support::harness::minspect_std()
            .args(args)
            .output()
            .unwrap()
    };
    let o = run(&[
        "fixture",
        "generate",
        "--shipments",
        "300",
        "--out",
        out.to_str().unwrap(),
        "--seed",
        "4",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("generated 300 shipments"));
    let o = run(&[
        "fixture",
        "generate",
        "--shipments",
        "300",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "existing file is bad input");
    assert!(String::from_utf8_lossy(&o.stderr).contains("refusing to overwrite"));
    let o = run(&[
        "fixture",
        "generate",
        "--shipments",
        "0",
        "--out",
        dir.path().join("x.db").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--shipments"));
    assert!(!dir.path().join("x.db").exists());
}
