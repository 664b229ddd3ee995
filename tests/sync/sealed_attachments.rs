//! Sealed attachment lines (issue 15, DESIGN section 5), as a user runs the program: a
//! laptop that trusts headquarters' key file attaches a lab report (three chunks) and a
//! seal photo to the example record and exports it sealed. The lost USB stick shows
//! neither file's bytes nor a caption; headquarters opens and stores both with every hash
//! verified. A tampered, a swapped, a left-out or a cut-short attachment line is refused
//! (exit 2, named, one line) with headquarters unchanged.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use sha2::{Digest, Sha256};

use crate::support::binary::{export, fails, hq_and_laptop, import, ok, refused, table};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/examples/record.json");
const CAPTIONS: [&str; 2] = ["XRF print-out of carton 7", "Seal 44120 intact"];

struct Sent {
    dir: tempfile::TempDir,
    hq: PathBuf,
    bundle: PathBuf,
    inspection: String,
    files: Vec<(String, Vec<u8>)>,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// The example record (a draft, with a 400 KiB PDF and a PNG attached, then finalized)
/// exported sealed from a laptop paired through key files.
fn sent() -> Sent {
    let dir = tempfile::TempDir::new().unwrap();
    let (hq, lap) = hq_and_laptop(dir.path());
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    for s in record["seizures"].as_array_mut().unwrap() {
        s["custody"] = serde_json::json!([]);
    }
    let draft = write(dir.path(), "draft.json", record.to_string().as_bytes());
    let out: serde_json::Value =
        serde_json::from_str(&ok(&lap, &["record", "import", &draft, "--json"])).unwrap();
    let inspection = out["inspection_id"].as_str().unwrap().to_string();
    let mut pdf = b"%PDF-1.7 XRF lab report Dy 4.1 pct carton seven ".to_vec();
    while pdf.len() < 400 * 1024 {
        pdf.extend_from_slice(b"neodymium iron boron line ");
    }
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR photo of seal number 44120".to_vec();
    for ((name, bytes), caption) in [("report.pdf", &pdf), ("seal.png", &png)]
        .into_iter()
        .zip(CAPTIONS)
    {
        let p = write(dir.path(), name, bytes);
        ok(
            &lap,
            &["record", "attach", &inspection, &p, "--caption", caption],
        );
    }
    ok(&lap, &["record", "finalize", &inspection]);
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let bundle = export(&lap, &usb);
    let files = [pdf, png]
        .into_iter()
        .map(|b| (hex::encode(Sha256::digest(&b)), b))
        .collect();
    Sent {
        dir,
        hq,
        bundle,
        inspection,
        files,
    }
}

fn receipts(s: &Sent) -> PathBuf {
    let r = s.dir.path().join("receipts");
    std::fs::create_dir_all(&r).unwrap();
    r
}

fn lines(bundle: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(bundle).unwrap();
    text.lines().map(str::to_string).collect()
}

fn rewrite(bundle: &Path, lines: &[String]) {
    std::fs::write(bundle, lines.join("\n") + "\n").unwrap();
}

/// Indices of the sealed attachment lines.
fn attachment_lines(lines: &[String]) -> Vec<usize> {
    (0..lines.len())
        .filter(|i| lines[*i].starts_with("{\"sealed_attachment\":\""))
        .collect()
}

#[test]
fn a_lost_stick_shows_no_photo_nor_caption_and_headquarters_verifies_every_hash() {
    let s = sent();
    let bytes = std::fs::read(&s.bundle).unwrap();
    let found = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    let all = lines(&s.bundle);
    // header, 1 record, 3 + 1 sealed attachment lines, manifest, signature
    assert_eq!(attachment_lines(&all), [2, 3, 4, 5], "{}", all.len());
    assert!(!found(b"{\"attachment\":"), "an attachment line in clear");
    for (_, file) in &s.files {
        // neither the bytes nor their base64 (at any of its three alignments)
        for skip in 0..3 {
            let b64 = B64.encode(&file[skip..skip + 30]);
            assert!(
                !found(&b64.as_bytes()[4..32]),
                "the file's base64 is readable"
            );
        }
        assert!(!found(&file[..24]), "the file's bytes are readable");
    }
    for caption in CAPTIONS {
        assert!(!found(caption.as_bytes()), "{caption:?} is readable");
    }
    for word in ["neodymium", "\"image/png\"", "application/pdf"] {
        assert!(!found(word.as_bytes()), "{word:?} is readable");
    }
    // the manifest lists the SHA-256 of each sealed line, and each file's own
    let manifest: serde_json::Value = serde_json::from_str(&all[all.len() - 2]).unwrap();
    let listed = manifest["manifest"]["attachments"].as_array().unwrap();
    assert_eq!(listed[0]["sha256"], s.files[0].0.as_str());
    assert_eq!(listed[0]["sealed_sha256"].as_array().unwrap().len(), 3);
    assert_eq!(
        listed[1]["sealed_sha256"][0],
        hex::encode(Sha256::digest(all[5].as_bytes())).as_str()
    );
    import(&s.hq, &s.bundle, &receipts(&s));
    let held = table(&s.hq, "attachments");
    let captions: Vec<&str> = held
        .iter()
        .map(|a| a["caption"].as_str().unwrap())
        .collect();
    assert_eq!(captions, CAPTIONS);
    for (i, (sha, file)) in s.files.iter().enumerate() {
        let out = s.dir.path().join(format!("out-{i}"));
        let o = out.to_str().unwrap();
        ok(
            &s.hq,
            &["record", "open-attachment", &s.inspection, sha, "--out", o],
        );
        assert_eq!(&std::fs::read(&out).unwrap(), file, "{sha}");
    }
    assert!(ok(&s.hq, &["db", "check"]).contains("ok"));
    // a second import changes nothing
    let chunks = || {
        let hq = crate::support::harness::try_open_read_only(&s.hq).unwrap();
        crate::support::count(&hq, "attachment_chunks")
    };
    let before = chunks();
    assert_eq!(before, 4);
    import(&s.hq, &s.bundle, &receipts(&s));
    assert_eq!(chunks(), before);
}

#[test]
fn a_tampered_sealed_attachment_line_is_refused_naming_the_record_and_the_file() {
    let s = sent();
    let mut all = lines(&s.bundle);
    let at = attachment_lines(&all)[3];
    let i = all[at].len() - 10;
    let c = if &all[at][i..=i] == "A" { "B" } else { "A" };
    all[at].replace_range(i..=i, c);
    rewrite(&s.bundle, &all);
    let said = refused(
        &s.hq,
        &s.bundle,
        &receipts(&s),
        &["attachment altered", &s.inspection, &s.files[1].0],
    );
    assert!(!said.contains('\u{1b}'), "{said}");
}

#[test]
fn swapped_sealed_lines_are_refused() {
    let s = sent();
    let original = lines(&s.bundle);
    let at = attachment_lines(&original);
    // two parts of one file swapped
    let mut two = original.clone();
    two.swap(at[0], at[1]);
    rewrite(&s.bundle, &two);
    refused(&s.hq, &s.bundle, &receipts(&s), &["attachment altered"]);
    // a record line and an attachment line swapped
    let mut mixed = original.clone();
    mixed.swap(1, at[3]);
    rewrite(&s.bundle, &mixed);
    refused(&s.hq, &s.bundle, &receipts(&s), &["attachment"]);
    // an attachment line presented as a record line
    let mut renamed = original.clone();
    renamed[at[3]] = renamed[at[3]].replace("{\"sealed_attachment\":", "{\"sealed\":");
    rewrite(&s.bundle, &renamed);
    refused(&s.hq, &s.bundle, &receipts(&s), &["extra record"]);
}

#[test]
fn a_left_out_or_cut_short_attachment_is_refused() {
    let s = sent();
    let original = lines(&s.bundle);
    let at = attachment_lines(&original);
    let mut fewer = original.clone();
    fewer.remove(at[2]);
    rewrite(&s.bundle, &fewer);
    refused(
        &s.hq,
        &s.bundle,
        &receipts(&s),
        &["attachment", &s.files[0].0],
    );
    // the file cut after its second attachment line: no manifest, no signature
    rewrite(&s.bundle, &original[..=at[1]]);
    refused(&s.hq, &s.bundle, &receipts(&s), &["truncated"]);
    // and cut inside a line
    let text = original.join("\n");
    let cut = text.find(&original[at[2]]).unwrap() + 100;
    std::fs::write(&s.bundle, &text[..cut]).unwrap();
    let e = fails(&s.hq, &["sync", "import", s.bundle.to_str().unwrap()], 2);
    assert!(e.contains("truncated"), "{e}");
    assert!(table(&s.hq, "attachments").is_empty());
}
