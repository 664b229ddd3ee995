//! Headquarters databases filled the way the field fills them: records are finalized on a
//! laptop store, exported in a bundle, and the bundle is imported at headquarters. Nothing
//! is ever finalized at headquarters.

use std::path::{Path, PathBuf};

use minspect::domain::{DbKind, Role};
use minspect::store::{InitOptions, Store};
use minspect::sync::ExportOutcome;
use tempfile::TempDir;

use super::flow::TEST_PACK;
use super::sync_flow;

/// A headquarters file with inspections received from a laptop, and what tests need of it.
pub struct Hq {
    /// Holds every file below (the HQ database, the laptop's, the bundle and its receipt).
    pub dir: TempDir,
    pub hq: Store,
    pub hq_path: PathBuf,
    pub field: Field,
}

/// The laptop side of a delivery.
pub struct Field {
    pub laptop: PathBuf,
    /// The bundle that carried the records (None when none were made).
    pub bundle: Option<PathBuf>,
    /// The received inspections' ids, oldest first.
    pub inspections: Vec<String>,
}

/// A headquarters database file created by a supervisor, holding `n`
/// inspections finalized on a laptop and imported from its bundle.
pub fn hq_with_received(n: usize) -> Hq {
    let dir = TempDir::new().unwrap();
    let hq_path = dir.path().join("hq.db");
    let mut hq = new_hq(super::harness::open(&hq_path), Role::Supervisor);
    let field = receive(&mut hq, &dir, n);
    Hq {
        dir,
        hq,
        hq_path,
        field,
    }
}

/// Initializes `store` as headquarters (Zhang Min, HQ-0001, device `hq`) whose creator
/// has `role`, with the test rule pack.
pub fn new_hq(mut store: Store, role: Role) -> Store {
    store
        .db_mut()
        .initialize(&InitOptions {
            officer_name: "Zhang Min".into(),
            badge: "HQ-0001".into(),
            device_name: "hq".into(),
            kind: DbKind::Hq,
            role,
        })
        .unwrap();
    store.rules_mut().install_pack(TEST_PACK, "test").unwrap();
    store
}

/// Delivers `n` inspections to `hq`: a new laptop in `dir` whose officer is Zhang Min
/// (GZ-0417), trusted both ways, finalizes them and exports a bundle, and `hq` imports it
/// (the receipt is written beside it).
pub fn receive(hq: &mut Store, dir: &TempDir, n: usize) -> Field {
    receive_from(hq, dir, n, "GZ-0417")
}

/// [`receive`] from a laptop whose officer (Zhang Min) has `badge`.
pub fn receive_from(hq: &mut Store, dir: &TempDir, n: usize, badge: &str) -> Field {
    let laptop_path = dir.path().join("laptop.db");
    let mut laptop = super::harness::open(&laptop_path);
    laptop
        .db_mut()
        .initialize(&InitOptions {
            officer_name: "Zhang Min".into(),
            badge: badge.into(),
            device_name: "laptop".into(),
            kind: DbKind::Field,
            role: Role::Officer,
        })
        .unwrap();
    laptop.rules_mut().install_pack(TEST_PACK, "test").unwrap();
    sync_flow::pair(hq, &mut laptop);
    if n == 0 {
        return Field {
            laptop: laptop_path,
            bundle: None,
            inspections: Vec::new(),
        };
    }
    let inspections = laptop
        .test_support_finalize_samples(n)
        .unwrap()
        .into_iter()
        .map(|s| s.inspection_id)
        .collect();
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let bundle = match minspect::sync::export_bundle(&mut laptop, &usb).unwrap() {
        ExportOutcome::Written(r) => r.path,
        other => panic!("export: {other:?}"),
    };
    minspect::sync::import_bundle(hq, &bundle, None).unwrap();
    Field {
        laptop: laptop_path,
        bundle: Some(bundle),
        inspections,
    }
}

/// A headquarters made through the real binary, as the supervisors' end-to-end tests use
/// it: `init --hq` (Zhang Min, HQ-0001, device `hq`), its laptops and their bundles.
pub struct BinaryHq {
    pub hq: PathBuf,
    /// One bundle per laptop, in the order of `laptops`.
    pub bundles: Vec<PathBuf>,
    pub laptops: Vec<PathBuf>,
}

/// [`BinaryHq`] in `dir`: one field laptop per name in `laptops`, paired both ways, each
/// holding `records` finalized records exported in a bundle under `dir/usb/NAME`; the
/// first `imported` bundles are imported (receipts in `dir/receipts`); Chen Jie (HQ-0002),
/// a second supervisor, acts under the OS login `officer`.
pub fn binary_hq(dir: &Path, laptops: &[&str], records: usize, imported: usize) -> BinaryHq {
    use super::binary::{add_records, export, import, init, ok, pair};
    let (usb, rec) = (dir.join("usb"), dir.join("receipts"));
    std::fs::create_dir_all(&usb).unwrap();
    std::fs::create_dir_all(&rec).unwrap();
    let hq = dir.join("hq.db");
    ok(
        &hq,
        &[
            "init",
            "--officer",
            "Zhang Min",
            "--badge",
            "HQ-0001",
            "--device",
            "hq",
            "--hq",
        ],
    );
    let (mut bundles, mut paths) = (Vec::new(), Vec::new());
    for name in laptops {
        let laptop = init(dir, name, "field");
        paths.push(laptop.clone());
        pair(&hq, &laptop, dir);
        add_records(&laptop, records);
        let out = usb.join(name);
        std::fs::create_dir_all(&out).unwrap();
        bundles.push(export(&laptop, &out));
    }
    for b in bundles.iter().take(imported) {
        import(&hq, b, &rec);
    }
    ok(
        &hq,
        &[
            "officer",
            "add",
            "--name",
            "Chen Jie",
            "--badge",
            "HQ-0002",
            "--role",
            "supervisor",
            "--login",
            "officer",
        ],
    );
    BinaryHq {
        hq,
        bundles,
        laptops: paths,
    }
}

/// A console over `ssh -tt` through `sshd` at `rows` x `cols`, once its first frame shows
/// `ready` and the headquarters mark.
pub fn ssh_session(sshd: &super::sshd::Sshd, rows: u16, cols: u16, ready: &str) -> super::pty::Tui {
    let argv = sshd.ssh_argv();
    let argv: Vec<&str> = argv.iter().map(|s| s.as_str()).collect();
    let t = super::pty::Tui::spawn(&argv, &[("LANG", "C.UTF-8")], rows, cols);
    t.wait_for("the first frame", std::time::Duration::from_secs(30), |s| {
        s.contents().contains(ready) && s.contents().contains("HQ")
    });
    t
}

/// Gives `dir` and everything under it to `uid`:`gid` (the supervisors' login owns the
/// headquarters file; root writes anyway).
pub fn chown_all(dir: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(dir, Some(uid), Some(gid)).unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            chown_all(&p, uid, gid);
        } else {
            std::os::unix::fs::chown(&p, Some(uid), Some(gid)).unwrap();
        }
    }
}
