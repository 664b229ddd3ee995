//! The version-2 signature covers the bundle header byte for byte: an extra key, a changed
//! value, a space anywhere in the header line or after it, or the same fields in another
//! order are refused, and headquarters is left unchanged; the untouched bundle imports.

use minspect_testkit::StoreKit;
use std::path::Path;

use minspect::domain::DbKind;

use super::worlds::{export, import, live};
use crate::support::binary::snapshot;
use crate::support::sync_flow::pair;

/// A change to the header line.
type Edit = Box<dyn Fn(&str) -> String>;

/// The bundle with its first line replaced by `edit(first line)`, written beside it.
fn with_header(bundle: &Path, name: &str, edit: impl FnOnce(&str) -> String) -> std::path::PathBuf {
    let text = std::fs::read_to_string(bundle).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let out = bundle.with_file_name(format!("{name}.bundle"));
    std::fs::write(&out, format!("{}\n{rest}", edit(first))).unwrap();
    out
}

#[test]
fn any_change_to_the_header_bytes_fails_verification() {
    let t = tempfile::tempdir().unwrap();
    let usb = t.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let (mut hq, mut lap) = (
        live(t.path(), "hq", DbKind::Hq),
        live(t.path(), "laptop", DbKind::Field),
    );
    pair(&mut hq.store, &mut lap.store);
    lap.store.test_support_finalize_samples(2).unwrap();
    let bundle = export(&mut lap, &usb);
    let first = std::fs::read_to_string(&bundle)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(
        first.contains(",\"seq_from\":1,\"seq_to\":2,\"sealed\":false}}"),
        "{first}"
    );
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "extra-key",
            Box::new(|h| h.replace("\"sealed\":false}", "\"sealed\":false,\"note\":\"x\"}")),
            "not a version-2 bundle header",
        ),
        (
            "changed-range",
            Box::new(|h| h.replace("\"seq_to\":2", "\"seq_to\":1")),
            "signature check failed",
        ),
        (
            "trailing-space",
            Box::new(|h| format!("{h} ")),
            "signature check failed",
        ),
        (
            "inner-space",
            Box::new(|h| h.replacen("\"world\":", "\"world\": ", 1)),
            "signature check failed",
        ),
        (
            "reordered",
            Box::new(|h| {
                h.replace(",\"seq_from\":1,\"seq_to\":2", "").replace(
                    "\"sealed\":false",
                    "\"seq_to\":2,\"seq_from\":1,\"sealed\":false",
                )
            }),
            "signature check failed",
        ),
        (
            "sealed",
            Box::new(|h| h.replace("\"sealed\":false", "\"sealed\":true")),
            "sealed",
        ),
    ];
    let before = snapshot(&hq.path);
    for (name, edit, says) in &cases {
        let tampered = with_header(&bundle, name, edit);
        let e = import(&mut hq, &tampered).unwrap_err();
        assert!(e.contains(says), "{name}: {e}");
        assert_eq!(snapshot(&hq.path), before, "{name}: headquarters changed");
    }
    // the bundle as written imports
    import(&mut hq, &bundle).unwrap();
    assert_ne!(snapshot(&hq.path), before);
}
