//! Driving the Sync tab: real database files of each kind, trust set up through the
//! store API, typing paths into its prompt, and screens with run-to-run values masked.

use minspect_testkit::StoreKit;
use std::path::{Path, PathBuf};

use minspect::domain::{DbKind, Role};
use minspect::store::{InitOptions, Store};
use minspect::tui::app::App;
use minspect::tui::keymap::Context;

use super::flow::{TEST_PACK, draw, keys};

/// A real database file of `kind` with the test rule pack.
pub fn db(dir: &Path, name: &str, kind: DbKind) -> Store {
    let mut s = crate::support::harness::try_open(&dir.join(format!("{name}.db"))).unwrap();
    let role = match kind {
        DbKind::Hq => Role::Supervisor,
        DbKind::Training => Role::Trainer,
        DbKind::Field => Role::Officer,
    };
    s.db_mut()
        .initialize(&InitOptions {
            officer_name: "Li Wei".into(),
            // headquarters' supervisor is not the laptop's officer: nobody decides on
            // an inspection recorded under their own badge
            badge: if kind == DbKind::Hq {
                "HQ-0417"
            } else {
                "GZ-0417"
            }
            .into(),
            device_name: name.into(),
            kind,
            role,
        })
        .unwrap();
    s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
    s
}

/// Headquarters trusts the field device's key and the device trusts headquarters'.
pub fn pair(hq: &mut Store, field: &mut Store) {
    let h = hq.device().local_key().unwrap();
    let f = field.device().local_key().unwrap();
    hq.device_mut()
        .trust_device(&f.device_id, &f.name, DbKind::Field, f.public_key)
        .unwrap();
    field
        .device_mut()
        .trust_device(&h.device_id, &h.name, DbKind::Hq, h.public_key)
        .unwrap();
}

pub fn states(s: &Store) -> Vec<String> {
    s.test_support_table_json("outbox")
        .unwrap()
        .iter()
        .map(|r| r["state"].as_str().unwrap().to_string())
        .collect()
}

pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

/// Types a path into the open prompt (replacing the default) and accepts it.
pub fn enter_path(a: &mut App, s: &mut Store, path: &Path) {
    assert_eq!(a.context(), Context::SyncPrompt);
    keys(a, s, "<c-u>");
    keys(a, s, &path.display().to_string());
    keys(a, s, "<enter>");
}

/// The screen with what changes from run to run masked: the temp dir's name, then every
/// run of hex digits and dashes holding a digit (ids, dates, times, counts of 2+ digits).
pub fn redacted(a: &App, tmp: &Path) -> String {
    let name = tmp.file_name().unwrap().to_string_lossy().to_string();
    let text = draw(a)
        .backend()
        .to_string()
        .replace(&name, &"X".repeat(name.chars().count()));
    let is_run = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c) || c == '-';
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        // a receipt name cut at the screen edge may show only hex letters of its id
        let id = run.chars().any(|c| c.is_ascii_digit()) || out.ends_with("minspect-receipt");
        if run.chars().count() >= 2 && id {
            out.extend(run.chars().map(|c| if c == '-' { c } else { '#' }));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if is_run(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}
