//! Files the sync writes (a bundle, a receipt) are owner-only whatever the umask: an
//! unsealed bundle and a receipt hold records in clear.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::binary::{add_records, export, hq_and_laptop, import};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_bundle_and_its_receipt_are_created_owner_only() {
    let dir = tempfile::TempDir::new().unwrap();
    let (hq, laptop) = hq_and_laptop(dir.path());
    add_records(&laptop, 2);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let bundle = export(&laptop, &out);
    assert_eq!(mode(&bundle), 0o600, "bundle {}", bundle.display());
    let receipt = import(&hq, &bundle, &out);
    assert_eq!(mode(&receipt), 0o600, "receipt {}", receipt.display());
}
