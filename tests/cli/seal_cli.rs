//! `sync export` says whether the bundle is sealed (issue 15 item 3): sealed to the trusted
//! headquarters when its key file carries an X25519 key, and, when a laptop trusts only a
//! version-1 headquarters key, that it is not sealed and why; in English and Chinese, on
//! stderr, while stdout stays the bundle's path alone.

use std::path::{Path, PathBuf};

use crate::support::binary::{add_records, init, ok, pair, run};

/// Runs `sync export --out DIR` (with `lang` first when given): (stdout, stderr).
fn export_said(db: &Path, out: &Path, lang: Option<&str>) -> (String, String) {
    let mut args = Vec::new();
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    args.extend(["sync", "export", "--out", out.to_str().unwrap()]);
    let o = run(db, &args);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(o.status.success(), "{err}");
    (String::from_utf8(o.stdout).unwrap(), err)
}

/// `hq` trusts the laptop; the laptop trusts headquarters' key as version 1 wrote it.
fn pair_with_version_1_key(hq: &Path, lap: &Path, dir: &Path) {
    let lk = dir.join("lap.key.json");
    ok(
        lap,
        &["device", "export-key", "--out", lk.to_str().unwrap()],
    );
    ok(hq, &["device", "trust", lk.to_str().unwrap()]);
    let mut v: serde_json::Value =
        serde_json::from_str(&ok(hq, &["device", "export-key"])).unwrap();
    let o = v.as_object_mut().unwrap();
    o.insert("version".into(), 1.into());
    o.remove("seal_key");
    o.remove("world");
    let hk = dir.join("hq-v1.key.json");
    std::fs::write(&hk, v.to_string()).unwrap();
    ok(lap, &["device", "trust", hk.to_str().unwrap()]);
}

fn usb(dir: &Path) -> PathBuf {
    let p = dir.join("usb");
    std::fs::create_dir_all(&p).unwrap();
    p
}

#[test]
fn a_sealed_export_says_to_which_headquarters_in_both_languages() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, lap) = (init(dir, "hq", "hq"), init(dir, "laptop", "field"));
    pair(&hq, &lap, dir);
    add_records(&lap, 1);
    let usb = usb(dir);
    let (path, err) = export_said(&lap, &usb, None);
    assert!(err.contains("sealed to headquarters 'hq'"), "{err}");
    assert!(!err.contains("NOT sealed"), "{err}");
    let bundle = PathBuf::from(path.trim());
    assert_eq!(path.lines().count(), 1, "stdout is the path alone: {path}");
    let header = std::fs::read_to_string(&bundle).unwrap();
    assert!(header.lines().next().unwrap().contains("\"sealed\":true"));
    add_records(&lap, 1);
    let (_, err) = export_said(&lap, &usb, Some("zh"));
    assert!(err.contains("已封装给总部 'hq'"), "{err}");
    // and headquarters opens it
    ok(&hq, &["sync", "import", path.trim()]);
}

#[test]
fn an_export_to_a_version_1_headquarters_key_says_it_is_not_sealed_and_why() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, lap) = (init(dir, "hq", "hq"), init(dir, "laptop", "field"));
    pair_with_version_1_key(&hq, &lap, dir);
    add_records(&lap, 1);
    let usb = usb(dir);
    let (path, err) = export_said(&lap, &usb, None);
    assert!(
        err.contains("NOT sealed") && err.contains("version-1 key file"),
        "{err}"
    );
    assert!(err.contains("minspect device trust FILE"), "{err}");
    let text = std::fs::read_to_string(path.trim()).unwrap();
    assert!(text.lines().next().unwrap().ends_with("\"sealed\":false}}"));
    add_records(&lap, 1);
    let (_, err) = export_said(&lap, &usb, Some("zh"));
    assert!(err.contains("未封装"), "{err}");
    // headquarters still imports the unsealed bundle
    ok(&hq, &["sync", "import", path.trim()]);
}
