//! The real binary's signed rule packs: `rules publish` at headquarters (0600, refused on a
//! field laptop), `rules import` of the pack file on a laptop that trusts headquarters,
//! `--unsigned` for a plain pack, every refusal exit 2 with the database unchanged, and
//! `sync ack` saying it installed the pack a receipt carried.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::commands::{bin, fresh, snapshot, stdout};

fn hq(dir: &Path) -> PathBuf {
    let db = dir.join("hq.db");
    bin(&db)
        .args([
            "init",
            "--hq",
            "--officer",
            "Zhang Min",
            "--badge",
            "HQ-1",
            "--device",
            "hq",
        ])
        .assert()
        .success();
    db
}

fn pack(dir: &Path, version: &str) -> PathBuf {
    let p = dir.join(format!("{version}.toml"));
    let text = minspect::rules::EMBEDDED_PACK.replacen(
        "version = \"2026.03.1\"",
        &format!("version = \"{version}\""),
        1,
    );
    std::fs::write(&p, text).unwrap();
    p
}

fn trust_hq(hq: &Path, field: &Path, dir: &Path) {
    let key = dir.join("hq.key");
    stdout(bin(hq).args(["device", "export-key", "--out"]).arg(&key));
    stdout(bin(field).args(["device", "trust"]).arg(&key));
}

#[test]
fn publish_at_headquarters_and_import_signed_on_the_laptop() {
    let (dir, field) = fresh();
    let hq = hq(dir.path());
    let toml = pack(dir.path(), "2026.04.1");
    let out = dir.path().join("april.pack");
    let said = stdout(
        bin(&hq)
            .args(["rules", "publish"])
            .arg(&toml)
            .arg("--out")
            .arg(&out),
    );
    assert!(
        said.contains("published rule pack 2026.04.1 (signed by headquarters hq)"),
        "{said}"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // a field laptop publishes nothing
    let before = snapshot(&field);
    bin(&field)
        .args(["rules", "publish"])
        .arg(&toml)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("published at headquarters"));
    // not trusted yet: refused, unchanged
    bin(&field)
        .args(["rules", "import"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("which this device does not trust"));
    // a plain pack without --unsigned: refused, unchanged
    bin(&field)
        .args(["rules", "import"])
        .arg(&toml)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--unsigned"));
    assert!(
        snapshot(&field) == before,
        "a refused import changed the database"
    );
    trust_hq(&hq, &field, dir.path());
    let said = stdout(bin(&field).args(["rules", "import"]).arg(&out));
    assert!(
        said.contains(
            "installed rule pack 2026.04.1 (published 2026-03-15), signed by headquarters hq"
        ),
        "{said}"
    );
    assert!(stdout(bin(&field).args(["rules", "list"])).starts_with("rule pack 2026.04.1"));
    bin(&field)
        .args(["rules", "import"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already installed"));
    // headquarters takes the TOML, not a pack file
    bin(&hq)
        .args(["rules", "import"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("imported on field laptops"));
}

#[test]
fn unsigned_import_is_marked_and_json_says_so() {
    let (dir, field) = fresh();
    let toml = pack(dir.path(), "2026.05.1");
    let j: serde_json::Value = serde_json::from_str(&stdout(
        bin(&field)
            .args(["rules", "import", "--unsigned", "--json"])
            .arg(&toml),
    ))
    .unwrap();
    assert_eq!(j["signed"], false);
    assert_eq!(j["version"], "2026.05.1");
    let said = stdout(
        bin(&field)
            .args(["--lang", "zh", "rules", "import", "--unsigned"])
            .arg(pack(dir.path(), "2026.06.1")),
    );
    assert!(said.contains("已安装未签名规则包 2026.06.1"), "{said}");
}

#[test]
fn sync_ack_says_it_installed_the_pack_the_receipt_carried() {
    use crate::support::binary::{add_records, export, hq_and_laptop, import, ok};
    let dir = tempfile::tempdir().unwrap();
    let (hq, lap) = hq_and_laptop(dir.path());
    let toml = pack(dir.path(), "2026.04.1");
    stdout(bin(&hq).args(["rules", "publish", "--json"]).arg(&toml));
    add_records(&lap, 2);
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let receipt = import(&hq, &export(&lap, &usb), &usb);
    let said = ok(&lap, &["sync", "ack", receipt.to_str().unwrap()]);
    assert!(
        said.contains("acknowledged 2 records")
            && said.contains(
                "installed rule pack 2026.04.1 from the receipt (signed by headquarters)"
            ),
        "{said}"
    );
    assert!(ok(&lap, &["rules", "list"]).starts_with("rule pack 2026.04.1"));
}
