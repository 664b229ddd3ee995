//! Partial bundles left by an interrupted export (`.minspect-….bundle.tmp`): the next export
//! of the same device removes them and says so, but never a file another export is still
//! writing (it holds a lock on it) and never another device's.

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::binary::*;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Kills an export of `db` into `out` (SIGKILL) while it writes the bundle.
fn kill_export_mid_write(db: &Path, out: &Path, marker: &Path) {
    let mut child = crate::support::harness::minspect_std()
        .arg("--db")
        .arg(db)
        .args(["sync", "export", "--out", out.to_str().unwrap()])
        .env("MINSPECT_TEST_PAUSE", "mid-write")
        .env("MINSPECT_TEST_PAUSE_MARKER", marker)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !marker.exists() {
        assert!(Instant::now() < deadline, "export never reached mid-write");
        assert!(child.try_wait().unwrap().is_none(), "export exited early");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn the_next_export_removes_the_partial_bundle_of_a_killed_one() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let (hq, a) = (init(dir, "hq", "hq"), init(dir, "laptop-a", "field"));
    pair(&hq, &a, dir);
    add_records(&a, 300);
    let usb = dir.join("usb");
    fs::create_dir_all(&usb).unwrap();
    kill_export_mid_write(&a, &usb, &dir.join("marker"));
    let left = names(&usb);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with(".minspect-") && left[0].ends_with(".bundle.tmp"));

    let out = run(&a, &["sync", "export", "--out", usb.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&left[0]) && err.contains("interrupted export"),
        "{err}"
    );
    let now = names(&usb);
    assert_eq!(now.len(), 1, "only the new bundle: {now:?}");
    assert!(now[0].ends_with(".bundle") && !now[0].starts_with('.'));
    let receipt = import(&hq, &usb.join(&now[0]), dir);
    ok(&a, &["sync", "ack", receipt.to_str().unwrap()]);
    assert_eq!(status(&a)["counts"]["acknowledged"], 300);
}

#[test]
fn a_partial_still_being_written_or_of_another_device_is_left_alone() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    let a = init(dir, "laptop-a", "field");
    add_records(&a, 2);
    let usb = dir.join("usb");
    fs::create_dir_all(&usb).unwrap();
    let dev = device_id(&a);
    let tag = &dev[dev.len() - 12..];
    let stale = format!(".minspect-{tag}-s1-2-aaaaaaaaaaaa.bundle.tmp");
    let live = format!(".minspect-{tag}-s1-2-bbbbbbbbbbbb.bundle.tmp");
    // a device set up in the same minute shares the first digits of its id (a UUIDv7's
    // time): the file names carry the random end instead
    let other = format!(".minspect-{}-s1-9-cccccccccccc.bundle.tmp", &dev[..8]);
    for n in [&stale, &live, &other] {
        fs::write(usb.join(n), b"{\"bundle\":").unwrap();
    }
    // another export, alive, holds the lock on its file
    let writer = fs::OpenOptions::new()
        .write(true)
        .open(usb.join(&live))
        .unwrap();
    writer.lock().unwrap();

    let bundle = export(&a, &usb);
    let now = names(&usb);
    assert!(
        !now.contains(&stale),
        "the stale partial is removed: {now:?}"
    );
    assert!(now.contains(&live), "the live one stays: {now:?}");
    assert!(now.contains(&other), "another device's stays: {now:?}");
    assert!(now.contains(&bundle.file_name().unwrap().to_string_lossy().into_owned()));
    assert_eq!(now.len(), 3, "{now:?}");
    drop(writer);
}
