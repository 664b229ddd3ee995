//! The Sync tab says whether the laptop's next bundle is sealed: sealed to headquarters
//! once it trusts headquarters' key file with its X25519 key, and not sealed (and why)
//! while it trusts a key without one; headquarters' own Sync tab says nothing of it.

use crate::support::flow::{app, keys, screen_text};
use crate::support::sync_flow::{db, pair};

use minspect::domain::DbKind;

#[test]
fn the_sync_tab_says_whether_the_next_bundle_is_sealed() {
    let t = tempfile::tempdir().unwrap();
    let mut hq = db(t.path(), "hq", DbKind::Hq);
    let mut s = db(t.path(), "laptop", DbKind::Field);
    // trusted through the store API without the sealing key: not sealed, and why
    pair(&mut hq, &mut s);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "4");
    let text = screen_text(&a);
    assert!(
        text.contains("bundles NOT sealed: the trusted headquarters key has no sealing key"),
        "{text}"
    );
    // headquarters' current key file upgrades the trust: the tab says sealed, to whom
    let key = t.path().join("hq.key");
    minspect::sync::export_key(&hq, Some(&key), true).unwrap();
    minspect::sync::trust_key_file(&mut s, &key).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "4");
    let text = screen_text(&a);
    assert!(
        text.contains("bundles sealed to headquarters 'hq'"),
        "{text}"
    );
    assert!(!text.contains("NOT sealed"), "{text}");
    // headquarters does not export: no such line
    let mut b = app(&mut hq, 80, 24);
    keys(&mut b, &mut hq, "4");
    assert_eq!(b.tab, minspect::tui::screens::Tab::Sync);
    assert!(!screen_text(&b).contains("sealed"), "{}", screen_text(&b));
}
