//! The test support every integration binary includes (`#[path = "../support/mod.rs"]`):
//! in-process App driving (flow, sync_flow), the real binary run against database files
//! (binary) or as another OS user (as_user), a real-terminal harness (pty: portable-pty +
//! vt100), a throwaway sshd on loopback (sshd), and for the recording tests a real database
//! file (WAL) with an officer, a device and a small rule pack whose items come from the rules
//! reference (passed explicitly to finalize/import/screening, so those tests do not depend
//! on the embedded pack's content).

pub mod as_user;
pub mod binary;
pub mod flow;
pub mod harness;
pub mod hq;
pub mod pty;
pub mod sshd;
pub mod sync_flow;

/// Whether tests that need root/sshd must run (CI) or may skip.
pub fn must_run() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The real OS login of the test process (`id -un`), as minspect resolves it at HQ.
pub fn login() -> String {
    let out = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The uid and gid of the OS user `officer` (.ci/run creates it) when this process is
/// root and can act as it; else None, saying why (under CI=true that is a failure).
pub fn officer_ids() -> Option<(u32, u32)> {
    let root = unsafe { libc::geteuid() } == 0;
    let id = |flag: &str| {
        std::process::Command::new("id")
            .args([flag, "officer"])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .trim()
                    .parse::<u32>()
                    .ok()
            })
    };
    match (root, id("-u"), id("-g")) {
        (true, Some(u), Some(g)) => Some((u, g)),
        _ => {
            let why = "needs root and the OS user 'officer' (.ci/run creates it)";
            assert!(!must_run(), "CI=true but this test {why}");
            eprintln!("SKIP: {why}");
            None
        }
    }
}

use minspect::domain::{CustodyEvent, DbKind, RecordImport, Role};
use minspect::rules::RulePack;
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect_testkit::StoreKit;
use tempfile::TempDir;

/// A small rule pack: 2025 No. 18 (Dy) and 2025 No. 10 (Bi) items as in the reference.
pub const TEST_PACK: &str = r#"
[pack]
version = "2099.01.1-test"
published = "2026-03-15"
title = "test pack"

[[families]]
id = "rare_earth"
name_en = "Medium and heavy rare earths"
keywords = ["rare earth", "dysprosium"]
elements = ["Dy"]

[[families]]
id = "bismuth"
name_en = "Bismuth"
keywords = ["bismuth"]
elements = ["Bi"]

[[announcements]]
id = "2025-18"
number = "2025 No. 18"
title = "Export control of medium and heavy rare earth items"
issuers = ["MOFCOM", "GAC"]
published = "2025-04-04"
effective = "2025-04-04"
status = "in_force"
sources = ["https://example.invalid/2025-18"]

[[announcements]]
id = "2025-10"
number = "2025 No. 10"
title = "Export control of tungsten, tellurium, bismuth, molybdenum and indium items"
issuers = ["MOFCOM", "GAC"]
published = "2025-02-04"
effective = "2025-02-04"
status = "in_force"
sources = ["https://example.invalid/2025-10"]

[[items]]
id = "re-dy-metal"
family = "rare_earth"
announcement = "2025-18"
name_en = "Dysprosium metal, alloys and targets"
formulae = ["Dy"]
keywords = ["dysprosium metal", "dysprosium alloy"]
elements = ["Dy"]
family_primary = true
control_code = "1C905.a"
sources = ["https://example.invalid/dy"]

[[items]]
id = "re-dy-magnet"
family = "rare_earth"
announcement = "2025-18"
name_en = "Dysprosium-containing NdFeB permanent magnets"
keywords = ["ndfeb", "neodymium magnet"]
elements = ["Dy"]
control_code = "1C905.a.4"
sources = ["https://example.invalid/dy-magnet"]

[[items]]
id = "bi-alloy"
family = "bismuth"
announcement = "2025-10"
name_en = "Bismuth alloys (including tin-bismuth solder)"
formulae = ["Sn42Bi58"]
keywords = ["tin-bismuth", "tin bismuth", "bismuth alloy"]
elements = ["Bi"]
family_primary = true
hs_codes = [{ code = "8106901019" }, { code = "8106901029" }]
sources = ["https://example.invalid/bi"]
"#;

pub fn init_opts() -> InitOptions {
    InitOptions {
        officer_name: "Li Wei".into(),
        badge: "3101".into(),
        device_name: "yangshan-01".into(),
        kind: DbKind::Field,
        role: Role::Officer,
    }
}

/// A new database file in a temporary directory, initialized (with the embedded pack).
pub fn new_store() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let mut store = crate::support::harness::try_open(&dir.path().join("field.db")).unwrap();
    setup_new_database(&mut store, &init_opts()).unwrap();
    (dir, store)
}

/// The test pack, parsed (passed explicitly to finalize / import / screening).
pub fn pack() -> RulePack {
    toml::from_str(TEST_PACK).unwrap()
}

/// The shipped example record (case C12).
pub fn example() -> RecordImport {
    RecordImport::from_json(minspect::cli::EXAMPLE_RECORD).unwrap()
}

pub fn count(store: &Store, table: &str) -> i64 {
    store
        .query_raw_for_tests(&format!("SELECT count(*) FROM {table}"))
        .unwrap()
        .unwrap()
        .parse()
        .unwrap()
}

pub fn raw(store: &Store, sql: &str) -> Option<String> {
    store.query_raw_for_tests(sql).unwrap()
}

pub struct Ids {
    pub shipment: String,
    pub inspection: String,
    pub seizure: String,
}

/// Shipment, inspection, measurements, one finding and one seizure, through the API.
pub fn draft(store: &mut Store) -> Ids {
    let ex = example();
    let shipment = store.records_mut().create_shipment(&ex.shipment).unwrap();
    let inspection = store
        .records_mut()
        .start_inspection(&shipment, &ex.inspection)
        .unwrap();
    for m in &ex.measurements {
        store.records_mut().add_measurement(&inspection, m).unwrap();
    }
    store
        .records_mut()
        .add_finding(&inspection, &ex.findings[0])
        .unwrap();
    let seizure = store
        .records_mut()
        .add_seizure(&inspection, &ex.seizures[0].seizure)
        .unwrap();
    Ids {
        shipment,
        inspection,
        seizure,
    }
}

pub fn transfers() -> Vec<CustodyEvent> {
    example().seizures[0].custody.clone()
}
