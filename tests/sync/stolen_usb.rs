//! A lost USB stick reveals nothing (issue 15 item 3): the example record (NdFeB magnets to
//! Switzerland) finalized on a laptop that trusts headquarters' key file, exported sealed;
//! no sensitive value of it, nor the officer or the device's name, is in the bundle's
//! bytes, and headquarters still gets all of them.

use std::path::Path;

use crate::support::binary::{ok, pair, run, table};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples/record.json");

/// The example record's words a finder of the stick must not read.
fn sensitive() -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let (s, i) = (&v["shipment"], &v["inspection"]);
    let mut out: Vec<String> = [
        "exporter_name",
        "exporter_credit_code",
        "consignee",
        "end_user",
        "declaration_no",
        "description",
        "container_nos",
        "seal_nos",
        "hs_code",
    ]
    .iter()
    .map(|k| s[k].as_str().unwrap().to_string())
    .collect();
    out.push(i["terminal"].as_str().unwrap().into());
    out.push(i["narrative"].as_str().unwrap()[..40].into());
    out.push(v["findings"][0]["evidence"].as_str().unwrap().into());
    out.extend(["Wang Fang", "SH-7731", "yangshan-07"].map(String::from));
    out
}

fn init(db: &Path, args: &[&str]) {
    let mut all = vec!["init"];
    all.extend(args);
    ok(db, &all);
}

#[test]
fn no_value_of_the_example_record_is_in_the_sealed_bundle_and_headquarters_reads_them_all() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, lap) = (dir.join("hq.db"), dir.join("yangshan-07.db"));
    init(
        &hq,
        &[
            "--officer",
            "Zhang Min",
            "--badge",
            "HQ-0001",
            "--device",
            "hq",
            "--hq",
        ],
    );
    let who = [
        "--officer",
        "Wang Fang",
        "--badge",
        "SH-7731",
        "--device",
        "yangshan-07",
    ];
    init(&lap, &who);
    pair(&hq, &lap, dir);
    ok(&lap, &["record", "import", EXAMPLE, "--finalize"]);
    let usb = dir.join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let bundle = crate::support::binary::export(&lap, &usb);
    let bytes = std::fs::read(&bundle).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.lines().next().unwrap().contains("\"sealed\":true"));
    let found = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    for value in sensitive() {
        assert!(!found(&value), "{value:?} is readable in the bundle");
    }
    // short values are looked for as JSON strings (base64 holds no quote)
    for value in ["CH", "NLRTM", "CNSHA", "civil", "seized", "Dy"] {
        assert!(!found(&format!("\"{value}\"")), "{value:?} is readable");
    }
    // the records' ids, the payload's keys and the officers are sealed too
    for r in table(&lap, "outbox") {
        assert!(!found(r["record_id"].as_str().unwrap()));
    }
    for key in ["\"payload\"", "\"exporter", "\"badge\"", "\"name\""] {
        assert!(!found(key), "{key} is readable");
    }
    // headquarters opens all of it: the device's name, the officer and the record
    let receipts = dir.join("receipts");
    std::fs::create_dir_all(&receipts).unwrap();
    let out = run(
        &hq,
        &[
            "sync",
            "import",
            bundle.to_str().unwrap(),
            "--receipt-out",
            receipts.to_str().unwrap(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("'yangshan-07'"), "the device's name: {said}");
    let officers = table(&hq, "officers");
    assert!(
        officers
            .iter()
            .any(|o| o["name"] == "Wang Fang" && o["badge"] == "SH-7731"),
        "{officers:?}"
    );
    let shipments = table(&hq, "shipments");
    assert_eq!(shipments.len(), 1);
    assert_eq!(
        shipments[0]["exporter_name"],
        "Shanghai Example Magnetics Co., Ltd."
    );
    assert_eq!(shipments[0]["destination"], "CH");
}
