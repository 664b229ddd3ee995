//! Sync refusals: every kind of damaged, gapped, unsigned, wrongly signed or unknown
//! bundle (sealed, as a laptop that trusts headquarters' key file exports them) is refused
//! with a message naming the check and the record, headquarters unchanged; a SIGKILL during export leaves no bundle under the final name; receipts for
//! another device, altered or from an untrusted headquarters are refused.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::sealed::{copy_db, pair_unsealed, record_id_at, tamper_sealed};
use crate::support::binary::*;

struct World {
    _t: tempfile::TempDir,
    dir: PathBuf,
    hq: PathBuf,
    a: PathBuf,
    b: PathBuf,
}

fn world() -> World {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().to_path_buf();
    let hq = init(&dir, "hq", "hq");
    let a = init(&dir, "laptop-a", "field");
    let b = init(&dir, "laptop-b", "field");
    pair(&hq, &a, &dir);
    pair(&hq, &b, &dir);
    World {
        _t: t,
        dir,
        hq,
        a,
        b,
    }
}

fn lines(p: &Path) -> Vec<String> {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

fn write_lines(p: &Path, lines: &[String]) {
    std::fs::write(p, lines.join("\n") + "\n").unwrap();
}

#[test]
fn damaged_bundles_are_refused_and_hq_is_unchanged() {
    let w = world();
    add_records(&w.a, 6);
    let good = export(&w.a, &w.dir);
    let l = lines(&good);
    assert_eq!(l.len(), 1 + 6 + 2);
    assert!(l[0].contains("\"sealed\":true"), "{}", l[0]);
    let out = w.dir.join("bad");
    std::fs::create_dir_all(&out).unwrap();
    let bad = out.join("x.bundle");

    // a changed character inside sealed record seq 3 (still a sealed line): refused on
    // its hash, before anything is opened, so only its place names it
    let mut m = l.clone();
    m[3] = tamper_sealed(&m[3]);
    write_lines(&bad, &m);
    refused(&w.hq, &bad, &out, &["SHA-256", "record seq 3"]);

    // a flipped byte that breaks the record's JSON
    let mut bytes = std::fs::read(&good).unwrap();
    let start = l[0].len() + 1 + l[1].len() + 1 + 5; // inside record seq 2
    bytes[start] ^= 0x22;
    std::fs::write(&bad, &bytes).unwrap();
    refused(&w.hq, &bad, &out, &["SHA-256", "record seq 2"]);

    // a dropped record
    let mut m = l.clone();
    m.remove(4); // seq 4
    write_lines(&bad, &m);
    refused(&w.hq, &bad, &out, &["record missing", "seq 4 is missing"]);

    // truncated inside a line, and at a line boundary
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
    refused(
        &w.hq,
        &bad,
        &out,
        &["truncated", "last complete record: seq", "(sealed)"],
    );
    write_lines(&bad, &l[..5]);
    refused(&w.hq, &bad, &out, &["truncated", "seq 4 (sealed)"]);

    // unsigned: the signature line removed
    write_lines(&bad, &l[..l.len() - 1]);
    refused(&w.hq, &bad, &out, &["unsigned"]);

    // the manifest altered (e.g. the chain head), so its signature fails
    let mut m = l.clone();
    let n = m.len();
    m[n - 2] = m[n - 2].replacen("\"count\":6", "\"count\":5", 1);
    assert_ne!(m[n - 2], l[n - 2]);
    write_lines(&bad, &m);
    refused(&w.hq, &bad, &out, &["signature check failed"]);

    // not a bundle at all, and an empty file
    std::fs::write(&bad, "hello\n").unwrap();
    refused(&w.hq, &bad, &out, &["not a minspect bundle"]);
    std::fs::write(&bad, "").unwrap();
    refused(&w.hq, &bad, &out, &["not a minspect bundle"]);

    // and the intact bundle still imports
    import(&w.hq, &good, &out);
    assert_same_records(&w.a, &w.hq);
}

#[test]
fn wrong_key_unknown_device_and_gap_are_refused() {
    let w = world();
    add_records(&w.a, 3);
    let first = export(&w.a, &w.dir);
    // headquarters as it was before it imported anything
    let hq4 = w.dir.join("hq4.db");
    copy_db(&w.hq, &hq4);
    // HQ2 trusts a key file that claims device A but carries device B's key
    let hq2 = init(&w.dir, "hq2", "hq");
    let ka = w.dir.join("laptop-a.key.json");
    let kb = w.dir.join("laptop-b.key.json");
    let mut forged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&ka).unwrap()).unwrap();
    let b_key: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&kb).unwrap()).unwrap();
    forged["public_key"] = b_key["public_key"].clone();
    let fk = w.dir.join("forged.key.json");
    std::fs::write(&fk, forged.to_string()).unwrap();
    ok(&hq2, &["device", "trust", fk.to_str().unwrap()]);
    let out = w.dir.join("r2");
    std::fs::create_dir_all(&out).unwrap();
    refused(
        &hq2,
        &first,
        &out,
        &["signature check failed", &device_id(&w.a)],
    );

    // HQ3 trusts nobody
    let hq3 = init(&w.dir, "hq3", "hq");
    refused(
        &hq3,
        &first,
        &out,
        &["unknown device", &device_id(&w.a), "device trust"],
    );

    // a gap: HQ4 (headquarters' file copied before the first import, so it holds the
    // sealing key) never got seq 1..3, the next bundle starts at 4
    let r = import(&w.hq, &first, &w.dir);
    ok(&w.a, &["sync", "ack", r.to_str().unwrap()]);
    add_records(&w.a, 2);
    let second = export(&w.a, &w.dir);
    let second_first_id = record_id_at(&w.a, 4);
    refused(
        &hq4,
        &second,
        &out,
        &["sequence gap", "seq 4", &second_first_id, "1..3"],
    );
    // at the right HQ it follows on
    import(&w.hq, &second, &out);
    assert_eq!(count(&w.hq, "outbox"), 5);
}

#[test]
fn sigkill_during_export_leaves_no_bundle_under_the_final_name() {
    for point in ["mid-write", "before-rename"] {
        let w = world();
        add_records(&w.a, 400);
        let out = w.dir.join(format!("usb-{point}"));
        std::fs::create_dir_all(&out).unwrap();
        let marker = w.dir.join(format!("marker-{point}"));
        let mut child = crate::support::harness::minspect_std()
            .arg("--db")
            .arg(&w.a)
            .args(["sync", "export", "--out", out.to_str().unwrap()])
            .env("MINSPECT_TEST_PAUSE", point)
            .env("MINSPECT_TEST_PAUSE_MARKER", &marker)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while !marker.exists() {
            assert!(Instant::now() < deadline, "export never reached {point}");
            assert!(
                child.try_wait().unwrap().is_none(),
                "export exited before {point}"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL
        let exit = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(exit.signal(), Some(libc::SIGKILL));
        let names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.ends_with(".bundle")),
            "{point}: a bundle under its final name: {names:?}"
        );
        assert_eq!(
            names.len(),
            1,
            "{point}: only the temporary file: {names:?}"
        );
        let s = status(&w.a);
        assert_eq!(
            s["counts"]["finalized"], 400,
            "{point}: nothing marked sent"
        );
        assert_eq!(s["counts"]["sent"], 0);
        ok(&w.a, &["db", "check"]);
        // the next export works and imports completely
        let bundle = export(&w.a, &out);
        let r = import(&w.hq, &bundle, &w.dir);
        ok(&w.a, &["sync", "ack", r.to_str().unwrap()]);
        assert_eq!(status(&w.a)["counts"]["acknowledged"], 400);
    }
}

#[test]
fn receipts_for_another_device_altered_or_untrusted_are_refused() {
    let w = world();
    add_records(&w.a, 2);
    add_records(&w.b, 2);
    let ra = import(&w.hq, &export(&w.a, &w.dir), &w.dir);
    let before = snapshot(&w.b);
    let err = fails(&w.b, &["sync", "ack", ra.to_str().unwrap()], 2);
    assert!(
        err.contains("wrong device") && err.contains(&device_id(&w.a)),
        "{err}"
    );
    let after = snapshot(&w.b);
    for ((name, b), (_, a)) in before.iter().zip(&after) {
        assert_rows_eq(b, a, name);
    }
    // an altered receipt (held seq raised) fails its signature
    let text = std::fs::read_to_string(&ra).unwrap();
    let forged = w.dir.join("forged.receipt");
    std::fs::write(
        &forged,
        text.replacen("\"held_seq\":2", "\"held_seq\":1", 1),
    )
    .unwrap();
    assert_ne!(std::fs::read_to_string(&forged).unwrap(), text);
    let err = fails(&w.a, &["sync", "ack", forged.to_str().unwrap()], 2);
    assert!(err.contains("signature check failed"), "{err}");
    // unsigned
    std::fs::write(&forged, text.lines().next().unwrap().to_string() + "\n").unwrap();
    let err = fails(&w.a, &["sync", "ack", forged.to_str().unwrap()], 2);
    assert!(err.contains("unsigned receipt"), "{err}");
    // a receipt from a headquarters this device does not trust: laptop C trusts HQ's
    // version-1 key (no sealing key), so HQ2, which trusts C, can read C's bundle
    let c = init(&w.dir, "laptop-c", "field");
    pair_unsealed(&w.hq, &c, &w.dir);
    add_records(&c, 1);
    let hq2 = init(&w.dir, "hq2", "hq");
    let kc = w.dir.join("laptop-c.key.json");
    ok(&hq2, &["device", "trust", kc.to_str().unwrap()]);
    let r2 = import(&hq2, &export(&c, &w.dir), &w.dir);
    let err = fails(&c, &["sync", "ack", r2.to_str().unwrap()], 2);
    assert!(err.contains("does not trust"), "{err}");
    assert_eq!(status(&c)["counts"]["acknowledged"], 0);
    assert_eq!(status(&w.a)["counts"]["acknowledged"], 0);
    // the genuine receipt works
    ok(&w.a, &["sync", "ack", ra.to_str().unwrap()]);
    assert_eq!(status(&w.a)["counts"]["acknowledged"], 2);
}

#[test]
fn training_and_wrong_kinds_are_refused() {
    let w = world();
    // a training database exports, but only into the training world: the live
    // headquarters refuses its bundle and holds nothing of it
    let tr = init(&w.dir, "classroom", "training");
    add_records(&tr, 2);
    let training_bundle = export(&tr, &w.dir);
    assert_eq!(status(&tr)["counts"]["sent"], 2);
    let before = snapshot(&w.hq);
    let err = fails(
        &w.hq,
        &["sync", "import", training_bundle.to_str().unwrap()],
        2,
    );
    assert!(err.contains("the bundle is of the training world"), "{err}");
    assert_eq!(snapshot(&w.hq), before);
    // HQ does not export; field databases do not import
    let err = fails(
        &w.hq,
        &["sync", "export", "--out", w.dir.to_str().unwrap()],
        2,
    );
    assert!(err.contains("headquarters"), "{err}");
    add_records(&w.a, 1);
    let bundle = export(&w.a, &w.dir);
    let err = fails(&w.b, &["sync", "import", bundle.to_str().unwrap()], 2);
    assert!(err.contains("headquarters"), "{err}");
    // a field device trusts only headquarters keys; HQ only field keys
    let kb = w.dir.join("laptop-b.key.json");
    let err = fails(&w.a, &["device", "trust", kb.to_str().unwrap()], 2);
    assert!(err.contains("kind"), "{err}");
    let err = fails(
        &w.hq,
        &[
            "device",
            "trust",
            w.dir.join("hq.key.json").to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("kind"), "{err}");
    // a key file that is not one
    let junk = w.dir.join("junk.json");
    std::fs::write(&junk, "{\"x\":1}").unwrap();
    let err = fails(&w.hq, &["device", "trust", junk.to_str().unwrap()], 2);
    assert!(err.contains("not a minspect device key file"), "{err}");
    // export into a missing directory
    let err = fails(
        &w.a,
        &[
            "sync",
            "export",
            "--out",
            w.dir.join("nope").to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("--out"), "{err}");
    // read-only databases do not export
    let err = fails(
        &w.a,
        &[
            "--read-only",
            "sync",
            "export",
            "--out",
            w.dir.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("read-only"), "{err}");
}
